"""The frozen records the stages hand to each other. Nothing here changes after it is made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from spacy.tokens import Doc, Span, Token

from dakg.schema import Basis, EvidenceRole


@dataclass(frozen=True)
class Evidence:
    """A span of the source text that a claim rests on: ``text == source.text[start:end]``."""

    start: int
    end: int
    text: str
    role: EvidenceRole


def doc_text(doc: Doc) -> str:
    """The document's text, built once (``Doc.text`` joins every token again at each call)."""
    text: str | None = doc.user_data.get("dakg_text")
    if text is None:
        text = doc.text
        doc.user_data["dakg_text"] = text
    return text


def char_evidence(doc: Doc, start: int, end: int, role: EvidenceRole) -> Evidence:
    return Evidence(start, end, doc_text(doc)[start:end], role)


def token_evidence(doc: Doc, first: int, last: int, role: EvidenceRole) -> Evidence:
    """The span from token ``first`` to token ``last`` (inclusive, either order)."""
    low, high = min(first, last), max(first, last)
    start, end = doc[low].idx, doc[high].idx + len(doc[high].text)
    return Evidence(start, end, doc_text(doc)[start:end], role)


@dataclass(frozen=True, eq=False)
class Sentence:
    index: int
    start: int  # offsets of the quote: first to last non-space token
    end: int
    text: str
    prose: bool  # a sentence of running text (headings, list items and table rows are not)
    span: Span
    headline: bool = False  # the document's headline: not running text, but it states what the story reports
    row: bool = False  # a row of a table written as text ("Italy | Albania | Protocol, 2023 | Operating")

    @property
    def makes_claims(self) -> bool:
        """Running text, the headline and a table's rows make claims; other headings and list items do not."""
        return self.prose or self.headline or self.row


@dataclass(frozen=True, eq=False)
class CountryMention:
    iso3: str
    start: int
    end: int
    text: str
    kind: Literal["name", "demonym", "institution", "metonym", "anaphor"]
    sentence: int
    token: Token  # the syntactic head of the mention
    via: Evidence | None = None  # for an anaphor ("the country", "his government"): what it refers to
    basis: Basis = "text"  # "reference": the state comes from the table of office holders ("the Trump administration")


@dataclass(frozen=True, eq=False)
class Document:
    doc: Doc
    published: date | None
    sentences: tuple[Sentence, ...]
    ents: tuple[tuple[Span, ...], ...]  # the entities inside each sentence
    countries: tuple[tuple[CountryMention, ...], ...]  # the country mentions of each sentence

    @property
    def text(self) -> str:
        return doc_text(self.doc)


Role = Literal["deporting", "host", "party", "nationality"]


@dataclass(frozen=True)
class Vote:
    """One rule's view of what a country does in one sentence."""

    iso3: str
    role: Role
    weight: float
    rule: str
    evidence: tuple[Evidence, ...]
    token: int  # where the sentence names the country (its head token), to find its clause
    basis: Basis = "text"  # "reference" when the state comes from the table of office holders, not the words


@dataclass(frozen=True)
class Pair:
    """An agreement one sentence speaks of: ``deporting`` sends people to ``host``."""

    deporting: str
    host: str
    weight: float
    sentence: int
    rules: tuple[str, ...]
    evidence: tuple[Evidence, ...]  # the spans that name each side in its role (possibly other sentences')
    host_token: int | None = None
    deporting_token: int | None = None
    basis: Basis = "text"  # "reference": a side from the table of office holders, or the direction from the senders

    @property
    def key(self) -> str:
        return f"{self.deporting}-{self.host}"
