"""Frozen parses, so that the extraction rules are unit-tested without loading the spaCy model.

``parsed(text)`` returns the ``Doc`` the production pipeline makes of ``text``: the statistical part (tagger,
parser, named entities, with this project's title patterns and line-break rule) comes from
``tests/data/parses.json``, recorded once from ``en_core_web_md``; the gazetteer components (countries,
officials) run on it now, so editing the gazetteer needs no new recording. A text with no recorded parse, or
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

from dakg.ingest.nlp import GAZETTEER_COMPONENTS, gazetteer_pipeline, get_pipeline, parse_fingerprint

PARSES = Path(__file__).parent / "data" / "parses.json"
RECORD = os.environ.get("DAKG_FREEZE_PARSES") == "1"


@cache
def _store() -> dict[str, Any]:
    if PARSES.is_file():
        data: dict[str, Any] = json.loads(PARSES.read_text(encoding="utf-8"))
        if data.get("fingerprint") == parse_fingerprint():
            return data
        if not RECORD:
            pytest.fail(f"{PARSES.name} was recorded with another model or title patterns; run `make parses`")
    return {"fingerprint": parse_fingerprint(), "docs": {}}


@cache
def _gazetteer() -> Language:
    return gazetteer_pipeline()


def _record(text: str) -> dict[str, Any]:
    nlp = get_pipeline("en_core_web_md")
    with nlp.select_pipes(disable=list(GAZETTEER_COMPONENTS)):
        doc = nlp(text)
    data = doc.to_json()
    store = _store()
    store["docs"][text] = data
    lines = [
        f"{json.dumps(t, ensure_ascii=False)}: {json.dumps(d, ensure_ascii=False, separators=(',', ':'))}"
        for t, d in sorted(store["docs"].items())
    ]
    body = ",\n".join(lines)
    PARSES.write_text(
        f'{{"fingerprint": {json.dumps(store["fingerprint"])},\n"docs": {{\n{body}\n}}}}\n', encoding="utf-8"
    )
    return data


def parsed(text: str) -> Doc:
    """The production pipeline's parse of ``text`` (see the module's docstring)."""
    data = _store()["docs"].get(text)
    if data is None:
        if not RECORD:
            pytest.fail(f"no frozen parse for {text[:60]!r}...; run `make parses` (it needs en_core_web_md)")
        data = _record(text)
    nlp = _gazetteer()
    doc = Doc(nlp.vocab).from_json(data)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
