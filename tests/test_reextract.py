"""Re-extraction after an upgrade: sources an older extractor wrote are extracted again from their stored text."""

from __future__ import annotations

from pathlib import Path

import pytest

from dakg.ingest.extract import extractor_version
from dakg.ingest.fragment import Fragment
from dakg.ingest.load import load_fragment
from dakg.ingest.nlp import get_pipeline
from dakg.ingest.pipeline import extract_all, prepared_documents, reextract
from dakg.store.falkordb import FalkorStore

pytestmark = pytest.mark.integration


def test_stale_sources_are_extracted_again_and_current_ones_left_alone(tmp_path: Path, store: FalkorStore) -> None:
    (tmp_path / "a.txt").write_text("Kosovo agreed to host fifty people deported from the United States.")
    (tmp_path / "b.txt").write_text("Peru has agreed to accept migrants deported from Chile, officials said.")
    nlp = get_pipeline("en_core_web_md")
    fragments = [f for f in extract_all(prepared_documents([str(tmp_path)], 100_000), nlp) if isinstance(f, Fragment)]
    old, current = fragments
    old.source.extractor_version = "dakg-000000000000+en_core_web_md-3.0.0"  # as an older release wrote it
    assert load_fragment(store, old).outcome == "new"
    assert load_fragment(store, current).outcome == "new"
    rows, _ = store.run("MATCH (c:Claim {source: $k}) RETURN c.extractor_version AS v", {"k": old.source.key})
    assert {r["v"] for r in rows} == {old.source.extractor_version}

    summary = reextract(store, nlp)

    assert (summary.replaced, summary.new, summary.unchanged, summary.failed) == (1, 0, 0, 0)
    rows, _ = store.run("MATCH (s:Source) RETURN s.key AS key, s.extractor_version AS v ORDER BY key")
    assert {r["key"]: r["v"] for r in rows} == {
        old.source.key: extractor_version(nlp),
        current.source.key: extractor_version(nlp),
    }
    rows, _ = store.run(
        "MATCH (c:Claim {source: $k, field: 'cap'})-[:ABOUT]->(a:Agreement) RETURN a.key AS a, c.value AS v",
        {"k": old.source.key},
    )
    assert rows == [{"a": "USA-XKX", "v": 50}]
    assert reextract(store, nlp).replaced == 0  # nothing stale any more


def test_a_long_document_is_parsed_in_windows_with_exact_offsets() -> None:
    from dakg.ingest.pipeline import parse, windows

    paragraph = "Kosovo agreed to host fifty people deported from the United States. " * 20
    text = "\n\n".join(f"{i}. {paragraph}".strip() for i in range(30))
    pieces = windows(text, 5_000)
    assert len(pieces) > 5 and "".join(pieces) == text
    assert all(len(p) <= 5_000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut after whole paragraphs
    nlp = get_pipeline("en_core_web_md")
    doc = parse(nlp, text, 5_000)
    assert doc.text == text
    assert [e.text for e in doc.ents if e.ent_id_ == "XKX"] == ["Kosovo"] * 600
    flat = "no line break here " * 400  # no blank line, no line break, no full stop: cut after a space
    pieces = windows(flat, 1_000)
    assert "".join(pieces) == flat and all(p.endswith(" ") and len(p) <= 1_000 for p in pieces)
