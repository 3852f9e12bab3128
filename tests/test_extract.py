"""Extraction on the real en_core_web_md pipeline: the frozen parses the rule tests use are what the model makes
today, and whole documents go through the pipeline with every quote and evidence span exact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

from dakg.ingest.clean import clean_text
from dakg.ingest.extract import extract
from dakg.ingest.fragment import Fragment
from dakg.ingest.nlp import GAZETTEER_COMPONENTS, gazetteer_pipeline, get_pipeline, parse_fingerprint
from dakg.ingest.pipeline import extract_all, prepared_documents
from dakg.ingest.read import Metadata

from .parses import PARSES

pytestmark = pytest.mark.integration
DEMO = Path(__file__).resolve().parents[1] / "corpus" / "demo"
HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"


def frag(text: str, published: str | None = None) -> Fragment:
    nlp = get_pipeline("en_core_web_md")
    cleaned = clean_text(text)
    return extract(nlp(cleaned), Metadata(published=published), path="t.txt", extractor_version="test")


def test_the_frozen_parses_are_what_the_model_makes_today() -> None:
    recorded = json.loads(PARSES.read_text(encoding="utf-8"))
    assert recorded["fingerprint"] == parse_fingerprint()
    nlp = get_pipeline("en_core_web_md")
    with nlp.select_pipes(disable=list(GAZETTEER_COMPONENTS)):
        for text, data in recorded["docs"].items():
            assert nlp(text).to_json() == data, text


def test_a_frozen_parse_extracts_as_the_full_pipeline_does() -> None:
    nlp = get_pipeline("en_core_web_md")
    gazetteer = gazetteer_pipeline()
    for path in sorted(HELDOUT.glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8"))
        live = extract(nlp(text), Metadata(), path=None, extractor_version="t")
        with nlp.select_pipes(disable=list(GAZETTEER_COMPONENTS)):
            doc = Doc(gazetteer.vocab).from_json(nlp(text).to_json())
        for _, component in gazetteer.pipeline:
            doc = component(doc)
        assert extract(doc, Metadata(), path=None, extractor_version="t") == live, path.name


def test_every_quote_and_evidence_span_is_the_text_at_its_offsets() -> None:
    items = prepared_documents([str(DEMO), str(HELDOUT)], 1_000_000)
    fragments = [f for f in extract_all(items, get_pipeline("en_core_web_md")) if isinstance(f, Fragment)]
    assert len(fragments) == 25
    spans = 0
    for fragment in fragments:
        text = fragment.source.text
        for agreement in fragment.agreements:
            for claim in agreement.claims:
                assert text[claim.start : claim.end] == claim.quote
                assert any(e.role in ("value", "official", "group") for e in claim.evidence)
        for span in fragment.evidence():
            assert text[span.start : span.end] == span.text
            spans += 1
    assert spans > 300


def test_headings_and_list_items_make_no_claims() -> None:
    """The headline (a document's first line) makes claims like running text; a heading further down that names a
    topic (not a whole clause: see mentions.standing-headline) and a list item make none."""
    fragment = frag(
        "Budget talks resume in parliament\n\nLawmakers met on Monday to discuss the budget for next year.\n\n"
        "Rwanda and the US deportee deal\n\nKey points: Rwanda agreed to host migrants deported from the US."
    )
    assert fragment.agreements == []
    headline = frag("Rwanda agrees to take US deportees\n\nLawmakers met on Monday to discuss the budget.")
    assert [(a.key, [c.value for c in a.claims if c.field == "status"]) for a in headline.agreements] == [
        ("USA-RWA", ["agreed"])
    ]


def test_worker_processes_give_the_same_fragments() -> None:
    nlp = get_pipeline("en_core_web_md")
    one = [
        f.model_dump()
        for f in extract_all(prepared_documents([str(DEMO)], 1_000_000), nlp, processes=1)
        if isinstance(f, Fragment)
    ]
    two = [
        f.model_dump()
        for f in extract_all(prepared_documents([str(DEMO)], 1_000_000), nlp, processes=2, batch_size=4)
        if isinstance(f, Fragment)
    ]
    assert one == two and len(one) == 15
