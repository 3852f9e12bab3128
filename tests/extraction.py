"""Helpers for the extraction rule tests: run the stages on frozen parses (``tests/parses.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from dakg.config import Settings
from dakg.ingest.evaluate import at_confidence
from dakg.ingest.fragment import AgreementOut, ClaimOut, Fragment
from dakg.ingest.read import Metadata
from dakg.ingest.rules import mentions, officials, pairs, roles
from dakg.ingest.rules.assemble import administrations, extract_fragment, possessive_countries
from dakg.ingest.rules.records import Vote
from dakg.ingest.vocabulary import reading
from dakg.status import source_status

from .parses import parsed


def fragment(text: str, published: str | None = None, language: str = "en") -> Fragment:
    doc = parsed(text, language)
    return extract_fragment(doc, Metadata(published=published), path="t.txt", extractor_version="test")


def keys(text: str, published: str | None = None, language: str = "en") -> list[str]:
    """The agreements an answer shows by default (DAKG_MIN_CONFIDENCE): weaker ones are asked for apart."""
    shown = at_confidence(fragment(text, published, language), Settings().min_confidence)
    return sorted(a.key for a in shown.agreements)


def agreement(found: Fragment, key: str) -> AgreementOut:
    by_key = {a.key: a for a in found.agreements}
    assert key in by_key, f"{key} not among {sorted(by_key)}"
    return by_key[key]


def claims(found: Fragment, key: str, field: str) -> list[ClaimOut]:
    return [c for c in agreement(found, key).claims if c.field == field]


def status_of(found: Fragment, key: str) -> str | None:
    chosen = source_status(agreement(found, key).claims)
    return None if chosen is None else str(chosen.value)


@dataclass(frozen=True)
class Role:
    role: str
    rule: str
    evidence: tuple[str, ...]


def roles_in(text: str, sentence: int = 0, language: str = "en") -> dict[str, Role]:
    """What each country does in one sentence of ``text``: its resolved role and the rule that gave it."""
    with reading(language):
        return _roles_in(parsed(text, language), sentence)


def _roles_in(doc: Doc, sentence: int) -> dict[str, Role]:
    document = mentions.read(doc, None)
    people = officials.find(document)
    target = document.sentences[sentence]
    extra = tuple(possessive_countries(document, target, people[sentence]))
    extra += tuple(administrations(document, target, people[sentence]))
    named = tuple(sorted(document.countries[sentence] + extra, key=lambda m: m.start))
    found = roles.sentence_roles(document, target, named, people[sentence])
    out = {}
    for iso3 in found.countries():
        vote = roles.resolve(found.of(iso3))
        if vote is not None:
            out[iso3] = Role(vote.role, vote.rule.split("/")[0], tuple(e.text for e in vote.evidence))
    return out


def votes_in(text: str, sentence: int = 0) -> list[Vote]:
    doc = parsed(text)
    document = mentions.read(doc, None)
    people = officials.find(document)
    target = document.sentences[sentence]
    return list(roles.sentence_roles(document, target, document.countries[sentence], people[sentence]).votes)


__all__ = ["pairs"]
