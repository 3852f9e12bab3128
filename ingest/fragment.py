"""A graph fragment: everything one document contributes, as plain data (what ``dakg extract`` prints).

Every quote carries ``start``/``end`` offsets into ``source.text`` with ``text[start:end] == quote``; the
model refuses a fragment where that does not hold, so a broken offset can never reach the graph.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dakg.schema import STATUSES, AgreementField, Basis, EvidenceRole, Language

ClaimField = AgreementField  # the fields of an agreement's claims, declared in dakg.schema


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Quoted(_Model):
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EvidenceOut(_Model):
    """A span of the source text a claim rests on; ``role`` says what it shows (the value itself, a party in
    its role, the official, the country, the group)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    role: EvidenceRole


class SourceOut(_Model):
    key: str = Field(description="SHA-256 of the cleaned text.")
    path: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: Language = Field("en", description="Language its text was read in (ISO 639-1).")
    text: str
    words: int
    extractor_version: str


class CountryOut(_Model):
    key: str = Field(description="ISO 3166-1 alpha-3 (XKX Kosovo, EUU European Union).")
    name: str
    mentions: list[tuple[int, int]]


class OfficialOut(Quoted):
    key: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    role: str | None = None
    confidence: float = Field(ge=0, le=1)
    role_evidence: list[EvidenceOut] = Field(default_factory=list, description="The name and the office as stated.")
    country_evidence: list[EvidenceOut] = Field(default_factory=list, description="The name and what gives the state.")
    country_basis: Basis | None = Field(
        None,
        description="Where the state comes from: `text` (the source's words, in `country_evidence`) or `reference` "
        "(the project's table of office holders, for a person the text names without giving a state).",
    )
    rules: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _stated(self) -> OfficialOut:
        if self.role is not None and not any(e.role == "value" for e in self.role_evidence):
            raise ValueError(f"official {self.key}: the office {self.role!r} has no span that states it")
        if self.country is not None and self.country_basis is None:
            self.country_basis = "text"  # a state given with its evidence is the text's unless said otherwise
        if self.country_basis == "text" and not any(e.role == "country" for e in self.country_evidence):
            raise ValueError(f"official {self.key}: the state {self.country!r} has no span that gives it")
        if self.country_basis == "reference" and not any(e.role == "official" for e in self.country_evidence):
            raise ValueError(f"official {self.key}: a state from the reference table needs the name it was found by")
        return self


class ClaimOut(Quoted):
    field: ClaimField
    value: Any
    confidence: float = Field(ge=0, le=1)
    negated: bool = False
    detail: str | None = None
    evidence: list[EvidenceOut] = Field(
        min_length=1, description="The spans that state the value and name the parties, from any sentence."
    )
    rules: list[str] = Field(default_factory=list, description="The extraction rules that made it.")
    basis: Basis = Field(
        "text",
        description="`text`: the source's words give the claim. `reference`: one side of the agreement is a state the "
        'text names only through an office holder ("the Trump administration", "Keir Starmer"), placed by the '
        "project's table of office holders, or the text names two parties without saying which sends people and "
        "the one known for sending people elsewhere is taken as the sender.",
    )

    @model_validator(mode="after")
    def _typed_value(self) -> ClaimOut:
        if self.field == "status" and self.value not in STATUSES:
            raise ValueError(f"status {self.value!r} is not in the vocabulary")
        if self.field == "cap" and not (isinstance(self.value, int) and self.value > 0):
            raise ValueError("a cap is a positive whole number")
        if self.field == "payment" and not (isinstance(self.value, dict) and {"amount", "currency"} <= set(self.value)):
            raise ValueError("a payment is {amount, currency}")
        stated = [e for e in self.evidence if e.role in ("value", "official", "group")]
        if not stated:
            raise ValueError(f"a {self.field} claim needs a span that states its value")
        if self.field == "cap" and not any(_states_number(e.text, self.value) for e in stated):
            raise ValueError(f"cap {self.value} is not stated by its evidence {[e.text for e in stated]}")
        return self


class AgreementOut(_Model):
    key: str
    deporting: str
    host: str
    name: str
    claims: list[ClaimOut]


class MigrantGroupOut(Quoted):
    key: str
    description: str
    nationalities: list[str] = Field(default_factory=list)
    size: int | None = None
    evidence: list[EvidenceOut] = Field(
        min_length=1, description="The description, and the words naming each nationality."
    )
    agreements: list[str] = Field(default_factory=list, description="Keys of agreements it is covered by here.")


class Fragment(_Model):
    source: SourceOut
    countries: list[CountryOut]
    officials: list[OfficialOut]
    agreements: list[AgreementOut]
    migrant_groups: list[MigrantGroupOut]

    @model_validator(mode="after")
    def _quotes_point_into_the_text(self) -> Fragment:
        text = self.source.text
        quoted: list[Quoted] = [*self.officials, *self.migrant_groups]
        quoted += [claim for agreement in self.agreements for claim in agreement.claims]
        for item in quoted:
            if not (0 <= item.start <= item.end <= len(text)) or text[item.start : item.end] != item.quote:
                raise ValueError(f"quote at {item.start}:{item.end} does not match the source text")
        for span in self.evidence():
            if not (0 <= span.start < span.end <= len(text)) or text[span.start : span.end] != span.text:
                raise ValueError(f"evidence at {span.start}:{span.end} does not match the source text")
        for country in self.countries:
            for start, end in country.mentions:
                if not 0 <= start < end <= len(text):
                    raise ValueError(f"mention {start}:{end} of {country.key} is outside the text")
        return self

    def evidence(self) -> list[EvidenceOut]:
        """Every evidence span of every claim, official and group."""
        spans = [e for a in self.agreements for c in a.claims for e in c.evidence]
        spans += [e for o in self.officials for e in (*o.role_evidence, *o.country_evidence)]
        spans += [e for g in self.migrant_groups for e in g.evidence]
        return spans


def _states_number(text: str, value: int) -> bool:
    """Whether a span's words give this number ("up to 250", "fifty deportees", "3,000"; in French "3 000",
    "cinquante")."""
    from dakg.ingest import lexicon_fr
    from dakg.ingest.lexicon import words_to_number

    if re.search(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+", text):
        grouped = re.findall(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+", text)
        if any(lexicon_fr.words_to_number(g) == value for g in grouped):
            return True
    for run in re.findall(r"[a-zé]+(?:[- ][a-zé]+)*", text.lower()):  # "pas plus de trois mille": its number words
        if value > 1 and any(lexicon_fr.words_to_number(words) == value for words in _sub_runs(run)):
            return True
    for match in re.finditer(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:[- ][A-Za-z]+)*", text):
        if any(words_to_number(words) == value for words in _sub_runs(match.group(0))):
            return True
    return False


def _sub_runs(words: str) -> list[str]:
    """Every run of consecutive words ("no more than fifty" -> "fifty", "than fifty", ...), the whole first."""
    parts = re.split(r"[\s-]+", words)
    return [words] + [" ".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)]


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def claim_key(source: str, subject: str, field: str, value: Any, start: int, end: int, negated: bool = False) -> str:
    payload = json.dumps([source, subject, field, value, start, end, negated], sort_keys=True, ensure_ascii=False)
    return "c-" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
