"""The answers' models: what the API serves as JSON and the reading pages render, each answer validated once
where it is built. Examples are taken from the bundled demo corpus (``dakg.answers.examples``)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from dakg.answers import examples
from dakg.schema import Basis, ClaimField, DisputeField, EvidenceRole, Language, Status

Label = Literal["Source", "Country", "Official", "Agreement", "MigrantGroup", "Claim"]

MIN_CONFIDENCE = (
    "The min_confidence the answer was computed at: it counts a source's report on an agreement only when that "
    "source's most confident claim about the agreement reaches it."
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Page[T](_Model):
    total: int = Field(description="Items matching the request, over all pages.")
    offset: int
    limit: int
    items: list[T]


class CountryRef(_Model):
    key: str = Field(description="ISO 3166-1 alpha-3 code.", examples=["RWA"])
    name: str | None = Field(None, examples=["Rwanda"])


SUPERSEDED_BY = (
    "Key of a later version of the same document (the same URL, else the same file) with a new text: this one "
    "is kept, and current answers (agreement lists, current status, disputes) read the later one."
)


class SourceRef(_Model):
    key: str = Field(description="SHA-256 of the source's cleaned text.")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO 8601 date, if known.")
    superseded_by: str | None = Field(None, description=SUPERSEDED_BY)
    reprint_group: str | None = Field(
        None,
        description="Its near-duplicate group (dakg.reprints): the key of the group's first source, its own key if "
        "it has no near duplicate. Given in agreement answers.",
    )


class Evidence(_Model):
    start: int = Field(description="Offset of the span in the source text (Python code points).")
    end: int
    text: str = Field(description="The source text at [start:end].")
    role: EvidenceRole = Field(
        description="What the span shows: the value itself, a state in its role (deporting, host, party), the "
        "official, a country, the people (group)."
    )


class Claim(_Model):
    key: str
    field: ClaimField
    value: Any = Field(description="Typed per field: a status word, a number, a key, a date.")
    currency: str | None = Field(None, description="ISO 4217, for payments (the amount is the value).")
    negated: bool = Field(False, description="The source reports it as denied or as not having happened.")
    detail: str | None = Field(None, description="Context: the raw date text, 'per year' for a cap, ...")
    quote: str = Field(description="The exact sentence; equals source text [start:end].")
    start: int
    end: int
    confidence: float
    evidence: list[Evidence] = Field(
        default_factory=list,
        description="The exact spans that state the value and name each state in its role, from any sentence of the "
        "source; each span's text equals the source text at its offsets.",
    )
    rules: list[str] = Field(default_factory=list, description="The extraction rules that made the claim.")
    basis: Basis = Field(
        "text",
        description="What the value rests on: `text`, the source's own words; `reference`, the project's reference "
        "tables (an official's state the text gives only through the office; which of two parties sends people, "
        "where the text does not say), not the source's words.",
    )
    official: OfficialRef | None = Field(None, description="For an `official` claim: who the official is.")
    migrant_group: ClaimGroup | None = Field(
        None, description="For a `covers` claim: the people covered, as the source describes them."
    )

    @field_validator("negated", mode="before")
    @classmethod
    def _absent_is_false(cls, value: Any) -> Any:
        return False if value is None else value  # a claim without the property does not deny anything

    @field_validator("basis", mode="before")
    @classmethod
    def _absent_is_text(cls, value: Any) -> Any:
        return "text" if value is None else value  # claims written before the basis existed rest on the text

    @model_validator(mode="before")
    @classmethod
    def _evidence_from_the_graph(cls, data: Any) -> Any:
        """The graph keeps a claim's evidence as three parallel lists (a property cannot hold maps)."""
        if isinstance(data, dict) and "evidence_offsets" in data:
            data = dict(data)
            offsets = data.pop("evidence_offsets") or []
            texts = data.pop("evidence_texts") or []
            roles = data.pop("evidence_roles") or []
            data["evidence"] = [
                {"start": offsets[2 * i], "end": offsets[2 * i + 1], "text": text, "role": role}
                for i, (text, role) in enumerate(zip(texts, roles, strict=True))
            ]
            data["rules"] = data.get("rules") or []
        return data


class ClaimGroup(_Model):
    key: str
    description: str | None
    size: int | None = None
    nationalities: list[str] = Field(default_factory=list)


class SourceClaims(_Model):
    source: SourceRef
    status: Status | None = Field(None, description="This source's own status for the agreement (see the rule).")
    claims: list[Claim] = Field(description="In text order; at most claims_limit of them.")
    claims_total: int = Field(0, description="The claims this source makes about the agreement (of the fields shown).")
    claims_truncated: bool = Field(
        False, description="More claims than shown: GET /sources/{key} pages them all, /timeline too."
    )


class CurrentStatus(_Model):
    value: Status
    source: str = Field(description="Key of the source whose claim it is.")
    published: str | None
    rule: str = (
        "the status of the most recently published source that gives one "
        "(its last terminal claim, else its most confident)"
    )


class Support(_Model):
    field: ClaimField
    value: Any
    currency: str | None = None
    negated: bool = False
    sources: int = Field(description="Sources that claim this value.")
    independent_sources: int = Field(
        description="Of those, how many are independent: a story and its near-duplicate reprints count once "
        "(dakg.reprints)."
    )


class AgreementSummary(_Model):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.AGREEMENT]})

    key: str = Field(description="DEPORTING-HOST, ISO-3 codes.", examples=["USA-RWA"])
    name: str | None
    deporting: CountryRef
    host: CountryRef
    current_status: CurrentStatus | None
    disputed: bool = Field(description="Its sources disagree on status, cap or payment.")
    disputes: list[DisputeField] = Field(description="Which of status, cap, payment they disagree on.")
    sources_total: int
    claims_total: int
    sources: list[SourceClaims] = Field(description="Newest first; at most sources_limit of them.")
    sources_truncated: bool
    support: list[Support] = Field(
        default_factory=list,
        description="Every value its sources claim (status, cap, payment, date, official), with how many sources "
        "and how many independent sources claim it; most sources first within a field.",
    )
    as_of: str | None = Field(
        None, description="The day the answer is as of (only sources published by then), if one was asked for."
    )
    min_confidence: float = Field(description=MIN_CONFIDENCE, examples=[0.4])
    undated_sources_excluded: int = Field(
        0, description="Undated sources reporting on it, left out because the answer is as of a day."
    )


class MigrantGroup(_Model):
    key: str
    description: str | None
    nationalities: list[str] = Field(default_factory=list)
    size: int | None = None
    source: SourceRef


class InvolvedOfficial(_Model):
    key: str
    name: str | None
    countries: list[str] = Field(description="States sources say they act for (usually one).")
    sources: list[str] = Field(description="Keys of the sources that name them in connection with it.")


class AgreementDetail(AgreementSummary):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.AGREEMENT]})

    migrant_groups: list[MigrantGroup]
    officials: list[InvolvedOfficial]


class TimelineEntry(_Model):
    source: SourceRef
    claim: Claim


class Timeline(Page[TimelineEntry]):
    as_of: str | None = Field(None, description="The day the answer is as of, if one was asked for.")
    min_confidence: float = Field(description=MIN_CONFIDENCE, examples=[0.4])
    undated_sources_excluded: int = Field(0, description="Undated sources left out of an as-of answer.")


class DisputeSide(_Model):
    value: Any
    currency: str | None = None
    detail: str | None = None
    negated: bool = False
    sources: list[SourceRef]


class Dispute(_Model):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.DISPUTE]})

    agreement: str
    name: str | None
    field: DisputeField
    sides: list[DisputeSide]


class DisputePage(Page[Dispute]):
    as_of: str | None = Field(None, description="The day the answer is as of, if one was asked for.")
    min_confidence: float = Field(description=MIN_CONFIDENCE, examples=[0.4])
    undated_sources_excluded: int = Field(0, description="Undated sources left out of an as-of answer.")


class SourceSummary(_Model):
    key: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    language: Language = Field(
        "en", description="The language its text was read in (ISO 639-1): its metadata's, else the one detected."
    )
    file: str | None = Field(
        None,
        description="The name of the file it was read from (with #N for the N-th record of a JSON Lines file or "
        "JSON list); never the folder it was in on the server. None for documents posted over HTTP.",
        examples=["02_us_rwanda_agreed.txt"],
    )
    superseded_by: str | None = Field(None, description=SUPERSEDED_BY)
    words: int | None
    extractor_version: str | None
    ingested_at: str | None
    claims: int
    reprint_group: str | None = Field(
        None, description="Its near-duplicate group: the key of the group's first source, its own if none."
    )
    reprint_of: str | None = Field(None, description="The most similar source already in the graph when it came.")

    @model_validator(mode="before")
    @classmethod
    def _file_name_not_path(cls, data: Any) -> Any:
        """The store keeps the path a source was read from (it tells versions of a file apart); answers give
        only the file's name."""
        if isinstance(data, dict) and "path" in data:
            data = dict(data)
            path = data.pop("path")
            data.setdefault("file", path.rsplit("/", 1)[-1] if isinstance(path, str) else None)
        return data


class Mention(_Model):
    country: CountryRef
    offsets: list[tuple[int, int]] = Field(description="Start and end of each mention in the text.")


class About(_Model):
    label: Label
    key: str
    name: str | None


class AboutClaim(_Model):
    about: About
    claim: Claim


class SourceDetail(_Model):
    source: SourceSummary
    text: str | None = Field(None, description="The stored text (every offset points into it); ask with include_text.")
    mentions: list[Mention]
    claims: list[AboutClaim] = Field(description="One page of its claims, in text order (claims_offset, claims_limit).")
    claims_total: int = Field(0, description="Every claim the source makes, over all pages.")
    claims_offset: int = 0
    claims_limit: int = 200
    claims_truncated: bool = Field(False, description="More claims follow this page.")


class CountrySummary(_Model):
    key: str
    name: str | None
    hosting: int = Field(description="Agreements it hosts.")
    deporting: int = Field(description="Agreements under which it sends people.")
    sources: int = Field(description="Sources that name it.")


class OfficialRef(_Model):
    key: str
    name: str | None


class CountryDetail(_Model):
    key: str
    name: str | None
    aliases: list[str] | None = None
    hosting: list[str]
    deporting: list[str]
    officials: list[OfficialRef]
    sources: int


class OfficialSummary(_Model):
    key: str
    name: str | None
    aliases: list[str] | None = Field(None, description="Other names sources use for them.")
    countries: list[str] = Field(description="States sources say they act for (usually one).")
    agreements: list[str]


class SourcedClaim(_Model):
    claim: Claim
    source: SourceRef


class OfficialAgreement(_Model):
    agreement: str
    name: str | None
    sources: list[str]


class OfficialDetail(_Model):
    key: str
    name: str | None
    aliases: list[str] | None = None
    countries: list[str] = Field(description="States sources say they act for (usually one).")
    claims: list[SourcedClaim] = Field(description="What sources say of them: roles, the state they act for.")
    agreements: list[OfficialAgreement]


class SearchHit(_Model):
    label: Label
    key: str
    name: str | None
    score: float
    snippet: str | None = Field(None, description="For sources: the text around the first match.")


class GraphNode(_Model):
    id: str
    label: Label
    name: str | None


class GraphEdge(_Model):
    source: str
    target: str
    type: str


class Neighbourhood(_Model):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(description="The node limit was reached; ask for a smaller depth or a larger limit.")
