"""Ingesting into the real embedded store: idempotent, atomic per document, bad input reported and skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dakg.errors import DocumentError
from dakg.ingest.load import load_fragment, remove_source
from dakg.ingest.nlp import get_pipeline
from dakg.ingest.pipeline import IngestSummary, extract_all, ingest, prepared_documents
from dakg.store import GraphStore

from .graph_checks import check_invariants, snapshot

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "corpus" / "demo"


def _ingest(store: GraphStore, *paths: Path, errors: list[str] | None = None) -> IngestSummary:
    return ingest(
        [str(p) for p in paths],
        store,
        get_pipeline("en_core_web_md"),
        max_bytes=200_000,
        on_error=lambda exc: errors.append(str(exc)) if errors is not None else None,
    )


def test_demo_corpus_builds_a_consistent_graph(store: GraphStore) -> None:
    summary = _ingest(store, DEMO)
    assert summary.failed == 0
    assert summary.new == 15  # 14 files, one of them a JSON Lines file with two records
    rows, _ = store.run("MATCH (a:Agreement) RETURN a.key AS key ORDER BY key")
    keys = {r["key"] for r in rows}
    assert {"USA-RWA", "GBR-RWA", "USA-SWZ", "ITA-ALB", "ISR-RWA", "ISR-UGA", "USA-SSD", "USA-UGA"} <= keys
    check_invariants(store)


def test_ingesting_again_changes_nothing(store: GraphStore, tmp_path: Path) -> None:
    _ingest(store, DEMO)
    before = snapshot(store)
    again = _ingest(store, DEMO)
    assert (again.new, again.replaced, again.unchanged) == (0, 0, 15)
    # The same text under another name is the same source.
    copy = tmp_path / "renamed.txt"
    shutil.copy(DEMO / "02_us_rwanda_agreed.txt", copy)
    shutil.copy(DEMO / "02_us_rwanda_agreed.meta.json", tmp_path / "renamed.meta.json")
    assert _ingest(store, copy).unchanged == 1
    assert snapshot(store) == before


def test_a_new_extractor_version_replaces_a_sources_claims(store: GraphStore) -> None:
    nlp = get_pipeline("en_core_web_md")
    fragments = [
        f for f in extract_all(prepared_documents([str(DEMO)], 200_000), nlp) if not isinstance(f, DocumentError)
    ]
    for fragment in fragments:
        load_fragment(store, fragment)
    before = snapshot(store)
    upgraded = fragments[0].model_copy(deep=True)
    upgraded.source.extractor_version = "dakg-rules-999+test"
    assert load_fragment(store, upgraded).outcome == "replaced"
    rows, _ = store.run("MATCH (s:Source {key: $k}) RETURN s.extractor_version AS v", {"k": upgraded.source.key})
    assert rows == [{"v": "dakg-rules-999+test"}]
    rows, _ = store.run(
        "MATCH (c:Claim {source: $k}) RETURN DISTINCT c.extractor_version AS v", {"k": upgraded.source.key}
    )
    assert rows == [{"v": "dakg-rules-999+test"}]
    after = snapshot(store)
    assert after["nodes"] == before["nodes"]  # claims replaced one for one, nothing added
    check_invariants(store)


def test_removing_a_source_removes_what_only_it_backs(store: GraphStore) -> None:
    _ingest(store, DEMO)
    rows, _ = store.run("MATCH (s:Source) WHERE s.path ENDS WITH '12_us_south_sudan.txt' RETURN s.key AS key")
    assert remove_source(store, rows[0]["key"])
    rows, _ = store.run("MATCH (a:Agreement {key: 'USA-SSD'}) RETURN a.key AS key")
    assert rows == []  # only that source spoke of US–South Sudan
    rows, _ = store.run("MATCH (a:Agreement {key: 'USA-RWA'}) RETURN a.key AS key")
    assert rows  # others still back US–Rwanda
    check_invariants(store)
    assert not remove_source(store, "0" * 64)


def _bad_inputs(folder: Path) -> dict[str, str]:
    folder.mkdir()
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "debris.html").write_text("<html><body><nav>Home</nav><p>< td > li > 1 - 2 - 3</p></body></html>")
    (folder / "huge.txt").write_text("deportation " * 30_000, encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Déportation vers le Rwanda".encode("latin-1"))
    (folder / "broken.jsonl").write_text('{"text": "Rwanda agreed to host deportees from the US."}\n{oops\n')
    hostile = (
        "<html><head><script>alert(1)</script></head><body><article><p>Rwanda agreed to accept 10 migrants "
        "deported from the United States, x'}) DETACH DELETE n // said officials; $param {key: 'x'}.</p>"
        + "<div>" * 2000
        + "</div>" * 2000
        + "</article></body></html>"
    )
    (folder / "hostile.html").write_text(hostile, encoding="utf-8")
    return {
        "binary.txt": "binary file",
        "empty.txt": "empty file",
        "debris.html": "empty after cleaning",
        "huge.txt": "too large",
        "latin1.txt": "not UTF-8",
        "broken.jsonl#2": "not valid JSON",
    }


def test_bad_documents_are_reported_and_skipped_and_the_graph_is_untouched(store: GraphStore, tmp_path: Path) -> None:
    _ingest(store, DEMO)
    before = snapshot(store)
    expected = _bad_inputs(tmp_path / "bad")
    errors: list[str] = []
    summary = _ingest(store, tmp_path / "bad", errors=errors)
    assert summary.failed == len(expected)
    for name, reason in expected.items():
        matching = [e for e in errors if name in e]
        assert len(matching) == 1 and reason in matching[0], (name, errors)
    assert all("\n" not in e for e in errors)
    assert summary.new == 2  # the good JSON Lines record and the hostile page, whose text is just text
    after = snapshot(store)
    old_nodes = {(n["label"], n["key"]) for n in before["nodes"]}
    assert old_nodes <= {(n["label"], n["key"]) for n in after["nodes"]}
    rows, _ = store.run("MATCH (s:Source) WHERE s.text CONTAINS 'DETACH DELETE' RETURN s.text AS text")
    assert rows and "x'}) DETACH DELETE n //" in rows[0]["text"]  # stored as data, run as nothing
    check_invariants(store)
