"""The graph of this project: claim first.

``(:Source)-[:CLAIMS]->(:Claim)-[:ABOUT]->(entity)``: a claim is one thing one source says, with the exact
quote and its character offsets in the source's stored text. Fact edges between entities (an agreement's
parties, an official's country, ...) are a convenience for browsing; each lists the claims and sources that
back it in its ``claims`` and ``sources`` properties, and is removed when the last of them goes.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, get_args

from dakg.schema.model import GraphSchema, NodeType, Property, RelType

# --- Vocabularies: declared here once, read everywhere else -------------------------------------------------

# Status vocabulary, shared with ../shared/gold, from the earliest stage to the terminal ones.
Status = Literal[
    "proposed",
    "under_negotiation",
    "agreed",
    "signed",
    "in_force",
    "implemented",
    "suspended",
    "scrapped",
    "struck_down",
]
STATUSES: Final[tuple[str, ...]] = get_args(Status)  # the same, as plain strings, for code that matches text

# Languages a document can be in (ISO 639-1). A source records the one its text was read in: the language its
# metadata gives, else the one detected; extraction has a pipeline and a vocabulary for each of these.
Language = Literal["en", "fr"]
LANGUAGES: Final[tuple[str, ...]] = get_args(Language)

# The kind of stage each status names: talks or a proposal before any agreement; an agreement that is alive,
# each live stage implying the ones before it (implemented implies signed implies agreed); or one that ended.
StatusKind = Literal["talks", "live", "ended"]
STATUS_KINDS: Final[Mapping[Status, StatusKind]] = MappingProxyType(
    {
        "proposed": "talks",
        "under_negotiation": "talks",
        "agreed": "live",
        "signed": "live",
        "in_force": "live",
        "implemented": "live",
        "suspended": "ended",
        "scrapped": "ended",
        "struck_down": "ended",
    }
)

# The fields a claim can carry, per label of what it is about.
AgreementField = Literal["status", "cap", "payment", "date", "official", "covers"]
OfficialField = Literal["role", "acts_for"]
MigrantGroupField = Literal["described", "size", "nationality"]
ClaimField = Literal[AgreementField, OfficialField, MigrantGroupField]
CLAIM_FIELDS: Final[Mapping[str, tuple[ClaimField, ...]]] = MappingProxyType(
    {
        "Agreement": get_args(AgreementField),
        "Official": get_args(OfficialField),
        "MigrantGroup": get_args(MigrantGroupField),
    }
)

# The fields an agreement's overview summarises, and on which its sources can disagree (dakg.answers.dispute_rules).
DisputeField = Literal["status", "cap", "payment"]
# What one span of a claim's evidence shows: the value itself, a state in its role in the agreement, the official
# the claim is about, a country (an official's state), the people an arrangement moves.
EvidenceRole = Literal["value", "deporting", "host", "party", "official", "country", "group"]
DISPUTE_FIELDS: Final[tuple[DisputeField, ...]] = get_args(DisputeField)
# What a claim's value rests on: the source's own words (`text`), or, for what the text leaves out, the project's
# reference tables (`reference`: an official's state from the table of office holders; which of two parties sends
# people, from the states known for sending them elsewhere). A reference claim is never presented as the source's
# words.
Basis = Literal["text", "reference"]
BASES: Final[tuple[Basis, ...]] = get_args(Basis)

# Kinds of cap and payment: values are compared only within a kind ("" is a total).
CapKind = Literal["", "per year"]
PaymentKind = Literal["", "per person"]
CAP_KINDS: Final[tuple[CapKind, ...]] = get_args(CapKind)
PAYMENT_KINDS: Final[tuple[PaymentKind, ...]] = get_args(PaymentKind)

# --- The graph ----------------------------------------------------------------------------------------------

_KEY = Property(name="key", type="string", description="Stable key; see each label.", required=True)
_NAME = Property(name="name", type="string", description="Display name.")
_ALIASES = Property(name="aliases", type="string[]", description="Other names seen for it.")
_BACKING = (
    Property(name="claims", type="string[]", description="Keys of the claims that back this edge.", required=True),
    Property(
        name="sources", type="string[]", description="Keys of the sources whose claims back this edge.", required=True
    ),
)

GRAPH: Final = GraphSchema(
    nodes=(
        NodeType(
            label="Source",
            description="One distinct document, keyed by the SHA-256 of its cleaned text.",
            properties=(
                _KEY,
                Property(name="title", type="string", description="Title from metadata or the first line."),
                Property(name="url", type="string", description="Where it was published, if known."),
                Property(name="outlet", type="string", description="Publisher, if known."),
                Property(name="published", type="date", description="Publication date (ISO 8601), if known."),
                Property(
                    name="language",
                    type="string",
                    description="Language its text was read in (ISO 639-1, one of LANGUAGES): the metadata's, else "
                    "the one detected. Absent on sources written before languages were recorded (read as English).",
                ),
                Property(name="path", type="string", description="File it was read from."),
                Property(
                    name="document",
                    type="string",
                    description="The document it is a version of: its URL, else the path of its file (absent for a "
                    "text posted without a URL). A new text under the same name is a new version.",
                ),
                Property(
                    name="superseded_by",
                    type="string",
                    description="Key of the later version of the same document, if there is one: current answers "
                    "(agreement lists, current status, disputes) read only sources without it.",
                ),
                Property(
                    name="text", type="string", description="Cleaned text; every offset points into it.", required=True
                ),
                Property(name="words", type="integer", description="Number of words in the text.", required=True),
                Property(
                    name="extractor_version",
                    type="string",
                    description="Extractor that made its claims.",
                    required=True,
                ),
                Property(
                    name="ingested_at", type="string", description="When it was written (UTC, ISO 8601).", required=True
                ),
                Property(
                    name="reprint_group",
                    type="string",
                    description=(
                        "Key of the first source written of its near-duplicate group (a story and its lightly "
                        "edited reprints, found by MinHash when it was written; see dakg.reprints); its own key "
                        "when it has no near duplicate. Sources of one group count as one independent source."
                    ),
                    required=True,
                ),
                Property(
                    name="minhash",
                    type="integer[]",
                    description="MinHash signature of the text (dakg.reprints), to compare it with later sources.",
                    required=True,
                ),
                Property(
                    name="reprint_of",
                    type="string",
                    description="Key of the most similar source already in the graph when it was written, if any.",
                ),
            ),
            indexes=("published", "document", "reprint_group"),
            fulltext=("title", "text"),
        ),
        NodeType(
            label="Country",
            description="A state, keyed by ISO 3166-1 alpha-3 (plus XKX Kosovo and EUU European Union).",
            properties=(_KEY, _NAME, _ALIASES),
            fulltext=("name",),
        ),
        NodeType(
            label="Official",
            description=(
                "A person acting for a state, keyed by a slug of the canonical name. The state(s) they act for are "
                "their ACTS_FOR edges, each backed by the claims of the sources that say so."
            ),
            properties=(_KEY, _NAME, _ALIASES),
            fulltext=("name",),
        ),
        NodeType(
            label="Agreement",
            description="An arrangement by which `deporting` sends people to `host`; key `DEPORTING-HOST`.",
            properties=(
                _KEY,
                _NAME,
                Property(name="deporting", type="string", description="ISO-3 of the deporting state.", required=True),
                Property(name="host", type="string", description="ISO-3 of the host state.", required=True),
                Property(
                    name="stamp",
                    type="integer",
                    description="The graph's version at the last write or removal that changed this agreement's "
                    "answer (what the overview cache keeps its overview by); none in a graph written before stamps, "
                    "until a write changes the agreement.",
                ),
            ),
            indexes=("deporting", "host"),
        ),
        NodeType(
            label="MigrantGroup",
            description="People an agreement covers, as one source describes them.",
            properties=(
                _KEY,
                Property(name="description", type="string", description="The words the source uses.", required=True),
                Property(name="nationalities", type="string[]", description="ISO-3 codes."),
                Property(name="size", type="integer", description="How many, if stated."),
                Property(
                    name="source", type="string", description="Key of the source that describes it.", required=True
                ),
            ),
        ),
        NodeType(
            label="Graph",
            description=(
                "One node, key 'graph', whose version every document write and removal increments in the same "
                "statement: readers cache derived answers per version."
            ),
            properties=(
                _KEY,
                Property(name="version", type="integer", description="Increments with every write.", required=True),
                Property(name="updated", type="string", description="When the last write happened (UTC)."),
            ),
        ),
        NodeType(
            label="MinHashBand",
            description=(
                "One band of a text's MinHash signature (locality-sensitive hashing, dakg.reprints): sources linked "
                "to the same band are candidates to be near duplicates of each other."
            ),
            properties=(_KEY,),
        ),
        NodeType(
            label="Claim",
            description="One thing one source says, with the exact quote and its offsets.",
            properties=(
                _KEY,
                Property(
                    name="field",
                    type="string",
                    description="One of CLAIM_FIELDS for its subject's label.",
                    required=True,
                ),
                Property(
                    name="value", type="scalar", description="The claimed value (typed per field).", required=True
                ),
                Property(name="currency", type="string", description="ISO 4217 code of a payment claim."),
                Property(
                    name="negated",
                    type="boolean",
                    description="The source reports it as denied or not done.",
                    required=True,
                ),
                Property(name="detail", type="string", description="Context: raw date text, per-year cap, ..."),
                Property(
                    name="quote", type="string", description="The exact sentence, text[start:end].", required=True
                ),
                Property(
                    name="start", type="integer", description="Offset of the quote in the source text.", required=True
                ),
                Property(name="end", type="integer", description="End offset (exclusive).", required=True),
                Property(
                    name="evidence_offsets",
                    type="integer[]",
                    description="start0, end0, start1, end1, ... of the spans that state the value and the states.",
                    required=True,
                ),
                Property(
                    name="evidence_texts",
                    type="string[]",
                    description="The text of each evidence span: the source text at its offsets.",
                    required=True,
                ),
                Property(
                    name="evidence_roles",
                    type="string[]",
                    description="What each span shows: value, deporting, host, party, official, country or group.",
                    required=True,
                ),
                Property(
                    name="rules",
                    type="string[]",
                    description="The extraction rules that made the claim (stage.name/vN).",
                    required=True,
                ),
                Property(
                    name="confidence", type="float", description="The extractor's confidence, 0 to 1.", required=True
                ),
                Property(
                    name="basis",
                    type="string",
                    description="What the claim rests on: `text` (the source's words) or `reference` (what the "
                    "text leaves out, from the project's reference tables: a state named only through an office "
                    "holder, or which of two parties sends people).",
                ),
                Property(name="extractor_version", type="string", description="Extractor that made it.", required=True),
                Property(name="source", type="string", description="Key of the source that says it.", required=True),
                Property(name="subject", type="string", description="Key of the entity it is about.", required=True),
            ),
            indexes=("field", "source", "subject"),
        ),
    ),
    relationships=(
        RelType(type="CLAIMS", description="A source makes a claim.", start=("Source",), end=("Claim",)),
        RelType(
            type="IN_BAND",
            description="A source's MinHash signature has this band (dakg.reprints).",
            start=("Source",),
            end=("MinHashBand",),
        ),
        RelType(
            type="ABOUT",
            description="What a claim is about.",
            start=("Claim",),
            end=("Agreement", "Official", "MigrantGroup", "Country"),
        ),
        RelType(
            type="MENTIONS",
            description="A source names a country; `offsets` holds start, end pairs flattened.",
            start=("Source",),
            end=("Country",),
            properties=(
                Property(
                    name="offsets", type="integer[]", description="start0, end0, start1, end1, ...", required=True
                ),
                Property(name="count", type="integer", description="How many mentions.", required=True),
            ),
        ),
        RelType(
            type="REPORTS",
            description=(
                "What one source says of one agreement, in brief: its own status (dakg.status.source_status), the "
                "statuses it reports denied, its caps and payments. Derived from its claims when the source is "
                "written; the claims stay the record."
            ),
            start=("Source",),
            end=("Agreement",),
            properties=(
                *_BACKING,
                Property(name="status", type="string", description="The source's own status for the agreement."),
                Property(name="status_confidence", type="float", description="Confidence of that claim."),
                Property(
                    name="confidence",
                    type="float",
                    description="The confidence of the source's most confident claim about the agreement: answers "
                    "count the report only when it reaches their `min_confidence` (an edge without it counts as 1.0).",
                    required=True,
                ),
                Property(name="denied", type="string[]", description="Statuses the source reports denied."),
                Property(name="caps", type="integer[]", description="Caps the source gives (best per kind)."),
                Property(name="cap_details", type="string[]", description="Kind of each cap ('' or 'per year')."),
                Property(name="payment_amounts", type="float[]", description="Payments the source gives."),
                Property(name="payment_currencies", type="string[]", description="ISO 4217 code of each payment."),
                Property(name="payment_kinds", type="string[]", description="Kind of each ('' or 'per person')."),
                Property(
                    name="count",
                    type="integer",
                    description="How many claims the source makes about it.",
                    required=True,
                ),
            ),
        ),
        RelType(
            type="DEPORTING_PARTY",
            description="The state that sends people under the agreement.",
            start=("Agreement",),
            end=("Country",),
            properties=_BACKING,
        ),
        RelType(
            type="HOST_PARTY",
            description="The state that receives them.",
            start=("Agreement",),
            end=("Country",),
            properties=_BACKING,
        ),
        RelType(
            type="ACTS_FOR",
            description="An official acts for a state.",
            start=("Official",),
            end=("Country",),
            properties=_BACKING,
        ),
        RelType(
            type="INVOLVED_IN",
            description="An official is named in connection with an agreement.",
            start=("Official",),
            end=("Agreement",),
            properties=_BACKING,
        ),
        RelType(
            type="COVERS",
            description="An agreement covers a migrant group.",
            start=("Agreement",),
            end=("MigrantGroup",),
            properties=_BACKING,
        ),
        RelType(
            type="NATIONALITY",
            description="Members of a migrant group hold this nationality.",
            start=("MigrantGroup",),
            end=("Country",),
            properties=_BACKING,
        ),
    ),
)

FACT_RELATIONSHIPS: Final = tuple(r.type for r in GRAPH.relationships if {p.name for p in r.properties} >= {"claims"})
