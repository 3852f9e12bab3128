"""The store contract, on a live Neo4j 5 and the embedded FalkorDB: every named query executed (not only linted)
with the same rows on both, and each error a user can meet raised the same way on both.
"""

from __future__ import annotations

import json
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi import APIRouter
from neo4j import GraphDatabase

from dakg.api import create_app
from dakg.api.deps import StoreDep
from dakg.config import Settings
from dakg.errors import QueryTimeout, StoreBusy, StoreUnavailable, TooManyRows
from dakg.ingest.fragment import Fragment
from dakg.ingest.load import fragment_params
from dakg.ingest.nlp import get_pipeline
from dakg.ingest.pipeline import extract_all, prepared_documents
from dakg.store import EmbeddedServer, GraphStore, LocalNeo4j, all_queries, get_query, open_store
from dakg.store.falkordb import FalkorStore

from .browser import US_RWANDA_TITLES
from .stores import empty_neo4j, falkordb_settings, neo4j_settings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
    from fastapi.testclient import TestClient

REPO = Path(__file__).resolve().parents[1]
INGESTED_AT = "2026-01-01T00:00:00+00:00"


@pytest.fixture(scope="module")
def demo_fragments() -> list[Fragment]:
    found = list(
        extract_all(prepared_documents([str(REPO / "corpus" / "demo")], 1_000_000), get_pipeline("en_core_web_md"))
    )
    return [f for f in found if isinstance(f, Fragment)]


@pytest.fixture(scope="module")
def both(
    demo_fragments: list[Fragment], embedded_server: EmbeddedServer, neo4j_module_server: LocalNeo4j
) -> Iterator[dict[str, GraphStore]]:
    """The demo corpus on both stores (Neo4j: the server for module-wide graphs, one module at a time)."""
    empty_neo4j(neo4j_module_server)
    stores = {
        "falkordb": open_store(falkordb_settings(embedded_server.data_dir, graph="contract"), start_embedded=False),
        "neo4j": open_store(neo4j_settings(neo4j_module_server), start_embedded=False),
    }
    for store in stores.values():
        store.apply_schema()
        for fragment in demo_fragments:
            store.write("write_document", fragment_params(fragment, ingested_at=INGESTED_AT))
    yield stores
    for store in stores.values():
        if isinstance(store, FalkorStore):
            store.graph.delete()
        else:
            empty_neo4j(neo4j_module_server)
        store.close()


def _keys(store: GraphStore) -> dict[str, Any]:
    """A key of each kind that exists in the demo graph (migrant groups and MinHash bands are keyed by hashes)."""
    source = store.run("MATCH (s:Source {title: 'First deportees from the US land in Kigali'}) RETURN s.key AS k")[0]
    key = source[0]["k"]
    groups = store.run("MATCH (g:MigrantGroup)-[:NATIONALITY]->(:Country) RETURN DISTINCT g.key AS k")[0]
    bands = store.run(f"MATCH (:Source {{key: '{key}'}})-[:IN_BAND]->(b:MinHashBand) RETURN b.key AS k")[0]
    return {"source": key, "group": sorted(r["k"] for r in groups), "bands": sorted(r["k"] for r in bands)}


def sample_params(name: str, keys: dict[str, Any]) -> dict[str, Any]:
    """Parameters under which each read query finds something in the demo graph."""
    source = keys["source"]
    samples: dict[str, dict[str, Any]] = {
        "agreement": {"key": "USA-RWA"},
        "agreement_groups": {"key": "USA-RWA", "min_confidence": 0.4},
        "agreement_keys": {"skip": 0, "limit": 50},
        "agreement_officials": {"key": "USA-RWA", "min_confidence": 0.4},
        "agreement_positions": {"keys": ["USA-RWA", "GBR-RWA"], "min_confidence": 0.4},
        "agreement_source_claims": {
            "pairs": [{"source": source, "subject": "USA-RWA"}],
            "fields": None,
            "claims_limit": 50,
        },
        "agreement_support": {"keys": ["USA-RWA", "GBR-RWA"], "as_of": "2025-08-30", "min_confidence": 0.4},
        "agreement_sources_ordered": {"keys": ["USA-RWA", "GBR-RWA"], "min_confidence": 0.0},
        "agreement_summaries": {"keys": ["USA-RWA", "ITA-ALB"], "min_confidence": 0.4},
        "agreement_timeline": {
            "key": "USA-RWA",
            "fields": ["status"],
            "as_of": None,
            "min_confidence": 0.4,
            "skip": 0,
            "limit": 50,
        },
        "agreement_timeline_count": {
            "key": "USA-RWA",
            "fields": ["status"],
            "as_of": "2025-08-30",
            "min_confidence": 0.0,
        },
        "agreements_by_key": {"keys": ["USA-RWA", "USA-SWZ"]},
        "agreements_count": {"host": "RWA", "deporting": None, "status": None, "min_confidence": 0.4},
        "agreements_page": {
            "host": None,
            "deporting": "USA",
            "status": None,
            "min_confidence": 0.0,
            "skip": 0,
            "limit": 20,
        },
        "agreements_count_as_of": {
            "host": "RWA",
            "deporting": None,
            "status": None,
            "as_of": "2025-08-30",
            "min_confidence": 0.4,
        },
        "agreements_page_as_of": {
            "host": None,
            "deporting": "USA",
            "status": "agreed",
            "as_of": "2025-08-30",
            "min_confidence": 0.4,
            "skip": 0,
            "limit": 20,
        },
        "export_agreement_edges": {"keys": ["USA-RWA", "GBR-RWA"], "skip": 0, "limit": 50},
        "export_agreement_keys": {"host": "RWA", "deporting": None, "min_confidence": 0.4, "skip": 0, "limit": 50},
        "export_claims": {
            "subjects": ["USA-RWA"],
            "published_from": "2025",
            "published_to": None,
            "min_confidence": 0.4,
            "skip": 0,
            "limit": 100,
        },
        "export_group_edges": {"keys": keys["group"], "skip": 0, "limit": 50},
        "export_group_keys": {"agreements": ["USA-RWA", "USA-SWZ"], "skip": 0, "limit": 50},
        "export_official_edges": {"keys": ["olivier-nduhungirehe"], "skip": 0, "limit": 50},
        "export_official_keys": {"agreements": ["USA-RWA", "GBR-RWA"], "skip": 0, "limit": 50},
        "export_reports": {"pairs": [{"source": source, "subject": "USA-RWA"}]},
        "export_sources": {
            "agreements": ["USA-RWA"],
            "published_from": None,
            "published_to": "2025-08",
            "min_confidence": 0.4,
            "skip": 0,
            "limit": 50,
        },
        "groups_by_key": {"keys": keys["group"]},
        "officials_by_key": {"keys": ["olivier-nduhungirehe", "yolande-makolo"]},
        "reprint_candidates": {"bands": keys["bands"], "key": "not-this-source", "limit": 10},
        "countries_count": {},
        "countries_page": {"skip": 0, "limit": 50},
        "country": {"key": "RWA"},
        "countries_by_key": {"keys": ["RWA", "USA"]},
        "graph_stats": {},
        "graph_version": {},
        "agreement_stamps": {"keys": ["USA-RWA", "GBR-RWA", "NOT-THERE"]},
        "guide_disputes": {},
        "guide_official_agreements": {"name": "Nduhungirehe"},
        "guide_source_claims": {"title": "First deportees"},
        "guide_who_says_what": {"agreement": "USA-RWA"},
        "neighbours": {"keys": ["USA-RWA", "RWA"], "limit": 100},
        "node": {"key": "USA-RWA"},
        "official": {"key": "olivier-nduhungirehe"},
        "officials_count": {"country": "RWA"},
        "officials_page": {"country": None, "skip": 0, "limit": 50},
        "search": {"limit": 10},  # q is each store's own full-text syntax: filled in below
        "source": {"key": source, "include_text": True},
        "source_claims": {"key": source, "skip": 0, "limit": 50},
        "source_mentions": {"key": source},
        "source_version": {"key": source},
        "source_text": {"key": source},
        "text_windows": {
            "items": [{"source": source, "start": 0, "length": 40}, {"source": source, "start": 5, "length": 3}]
        },
        "sources_by_key": {"keys": [source]},
        "sources_count": {"outlet": None, "published_from": "2025", "published_to": None},
        "sources_page": {"outlet": None, "published_from": None, "published_to": None, "skip": 0, "limit": 50},
        "stale_sources": {"versions": ["an-older-extractor"], "after": "", "limit": 50},
        "stale_sources_count": {"versions": ["an-older-extractor"]},
    }
    return samples[name]


def _plain(value: Any) -> Any:
    """A value compared by content, lists as multisets (collect() promises no order; the API orders what it
    shows, and test_store_parity compares that). Numbers keep their type: 5.0 against 5 is a difference a JSON
    answer shows (FalkorDB's sum() gives floats, hence toInteger in agreement_positions)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return value


def _canonical(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(_plain(row), sort_keys=True) for row in rows)  # json keeps 5.0 and 5 apart


READS = sorted({q.name for q in all_queries() if q.mode == "read"})


@pytest.mark.integration
def test_every_query_file_has_sample_parameters() -> None:
    keys = {"source": "x", "group": ["y"], "bands": ["z"]}
    for name in READS:
        params = sample_params(name, keys)
        declared = set(get_query(name, "falkordb").params) | set(get_query(name, "neo4j").params)
        assert set(params) | ({"q"} if name == "search" else set()) == declared, name


@pytest.mark.integration
@pytest.mark.parametrize("name", READS)
def test_every_read_query_runs_and_answers_alike_on_both_stores(both: dict[str, GraphStore], name: str) -> None:
    answers = {}
    for kind, store in both.items():
        params = sample_params(name, _keys(store))
        if name == "search":
            params["q"] = store.fulltext_query(["Eswatini"])  # fewer hits than the limit: no ranking decides
        rows = store.read(name, params)
        assert rows, f"{name} found nothing on {kind}: its sample parameters miss the demo graph"
        if name == "search":
            rows = [{k: v for k, v in row.items() if k != "score"} for row in rows]  # each engine ranks its own way
        if name == "graph_version":
            rows = [{k: v for k, v in row.items() if k != "updated"} for row in rows]
        answers[kind] = _canonical(rows)
    assert answers["falkordb"] == answers["neo4j"]


@pytest.mark.integration
def test_the_guide_s_first_query_names_the_us_rwanda_sources(both: dict[str, GraphStore]) -> None:
    for store in both.values():
        rows = store.read("guide_who_says_what", {"agreement": "USA-RWA"})
        assert {r["source"] for r in rows} == US_RWANDA_TITLES


@pytest.mark.integration
def test_the_write_queries_run_on_both_stores(both: dict[str, GraphStore], demo_fragments: list[Fragment]) -> None:
    fragment = demo_fragments[0]
    for store in both.values():
        before = store.read("graph_version")[0]["version"]
        _, purged = store.write("purge_source", {"key": fragment.source.key, "relink": False})
        assert purged.nodes_deleted > 0
        assert not store.read("source_version", {"key": fragment.source.key})
        _, written = store.write("write_document", fragment_params(fragment, ingested_at=INGESTED_AT))
        assert written.nodes_created > 0
        assert store.read("graph_version")[0]["version"] == before + 2


# --- errors ------------------------------------------------------------------------------------------------


def test_a_missing_graph_reads_as_empty_and_a_missing_neo4j_database_is_refused(
    store_kind: str, settings: Settings
) -> None:
    if store_kind == "falkordb":
        store = open_store(settings, start_embedded=False)  # a graph name nothing was ever written to
        try:
            assert store.read("countries_count") == [{"total": 0}]  # as on an empty Neo4j database
            page = {"host": None, "deporting": None, "status": None, "skip": 0, "limit": 5}
            assert store.read("agreements_page", page) == []
        finally:
            assert isinstance(store, FalkorStore)
            store.graph.delete()
            store.close()
    else:
        empty = open_store(settings, start_embedded=False)
        assert empty.read("countries_count") == [{"total": 0}]
        empty.close()
        with pytest.raises(StoreUnavailable, match="no such database"):
            open_store(settings.model_copy(update={"neo4j_database": "nosuchdb"}), start_embedded=False)


def test_the_row_cap_refuses_and_a_huge_result_is_cut_without_being_read_whole(
    store: GraphStore, settings: Settings, store_kind: str
) -> None:
    capped = open_store(settings.model_copy(update={"max_rows": 10, "query_timeout_ms": 3000}), start_embedded=False)
    try:
        with pytest.raises(TooManyRows, match="DAKG_MAX_ROWS=10"):
            capped.run("UNWIND range(1, 11) AS x RETURN x")
        started = time.monotonic()
        # Two million rows: Neo4j streams, and the adapter stops fetching after the eleventh. FalkorDB builds and
        # sends a reply whole, which the adapter then refuses (its time limit bounds that work). Neither returns a
        # truncated answer.
        expected = TooManyRows if store_kind == "neo4j" else (TooManyRows, QueryTimeout)
        with pytest.raises(expected):
            capped.run("UNWIND range(1, 2000000) AS x RETURN x")
        elapsed = time.monotonic() - started
        # Bounded, not a benchmark: FalkorDB's bound is its time limit plus the reply it builds, which took 11 s
        # on a loaded machine (two test runs at once); Neo4j stops fetching at once.
        assert elapsed < (0.5 if store_kind == "neo4j" else 30.0), elapsed
    finally:
        capped.close()


def test_a_slow_query_is_a_504_problem(store: GraphStore, settings: Settings) -> None:
    store.run("UNWIND range(1, 300) AS i CREATE (:Country {key: 'C' + toString(i), rank: i})", write=True)
    slow = open_store(settings.model_copy(update={"query_timeout_ms": 200}), start_embedded=False)
    app = create_app(settings, store=slow)
    probe = APIRouter()

    @probe.get("/slow")
    def run_slow(active: StoreDep) -> dict[str, int]:  # the API's own error handling, a real store timeout
        rows, _ = active.run(
            "MATCH (a:Country), (b:Country), (c:Country) WHERE a.rank + b.rank + c.rank = -1 RETURN count(*) AS n"
        )
        return {"n": int(rows[0]["n"])}

    app.include_router(probe)
    try:
        with TestClient(app) as client:
            started = time.monotonic()
            response = client.get("/slow")
            assert time.monotonic() - started < 2.0
    finally:
        slow.close()
    assert response.status_code == 504, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "time limit" in response.json()["detail"]


SLOW_READ = "MATCH (a:Country), (b:Country), (c:Country) WHERE a.rank + b.rank + c.rank = -1 RETURN count(*) AS n"


@contextmanager
def _limited(store: GraphStore, settings: Settings, slots: int) -> Iterator[GraphStore]:
    """A store with ``slots`` read slots, a read queue of 300 ms and reads limited to 2 s; 300 countries in it."""
    store.run("UNWIND range(1, 300) AS i CREATE (:Country {key: 'C' + toString(i), rank: i})", write=True)
    limited = {"query_timeout_ms": 2000, "concurrent_reads": slots, "read_queue_ms": 300}
    busy = open_store(settings.model_copy(update=limited), start_embedded=False)
    try:
        yield busy
    finally:
        busy.close()


@contextmanager
def _a_slow_read_running(busy: GraphStore) -> Iterator[None]:
    """One of the store's read slots held by a read that runs to its time limit."""

    def slow_read() -> None:
        with pytest.raises(QueryTimeout):
            busy.run(SLOW_READ)

    slow = threading.Thread(target=slow_read, daemon=True)
    slow.start()
    try:
        time.sleep(0.5)
        assert slow.is_alive()
        yield
    finally:
        slow.join(timeout=10)


@pytest.mark.parametrize("slots", [1, 2])
def test_a_read_waits_for_a_read_slot_and_a_long_wait_is_a_503(
    store: GraphStore, settings: Settings, slots: int
) -> None:
    with (
        _limited(store, settings, slots) as busy,
        TestClient(create_app(settings, store=busy)) as client,
        _a_slow_read_running(busy),
    ):
        started = time.monotonic()
        response = client.get("/countries?limit=1")
        waited = time.monotonic() - started
    if slots == 2:  # a slot to spare: the read runs at once
        assert response.status_code == 200, response.text
        return
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"] == "5"
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["detail"] == "the server is busy; try again shortly"
    assert 0.3 <= waited < 1.5, waited  # gave up after its queue time, before the slow read ended


def test_a_store_opened_from_the_settings_has_its_read_slots(store: GraphStore, store_kind: str) -> None:
    """open_store passes the settings' limits on: four read slots on Neo4j, none on FalkorDB (it queues reads)."""
    assert store.limits.concurrent_reads == (4 if store_kind == "neo4j" else None)
    assert (store._read_slots is not None) == (store_kind == "neo4j")


def test_a_read_that_finds_no_slot_in_time_says_why(store: GraphStore, settings: Settings) -> None:
    with _limited(store, settings, 1) as busy, _a_slow_read_running(busy), pytest.raises(StoreBusy) as raised:
        busy.read("graph_version")
    assert str(raised.value) == (
        "no read slot came free in 300 ms (1 reads at a time, DAKG_CONCURRENT_READS): the store is overloaded"
    )


@pytest.mark.integration  # a real Neo4j server
def test_a_write_kept_waiting_for_a_lock_stops_at_its_time_limit_on_neo4j(neo4j_server: LocalNeo4j) -> None:
    empty_neo4j(neo4j_server)
    store = open_store(neo4j_settings(neo4j_server, write_timeout_ms=500), start_embedded=False)
    with (
        GraphDatabase.driver(neo4j_server.bolt_url, auth=("neo4j", neo4j_server.password)) as driver,
        driver.session() as holder,
    ):
        driver.execute_query("CREATE (:Country {key: 'RWA'})")
        locking = holder.begin_transaction()
        locking.run("MATCH (c:Country {key: 'RWA'}) SET c.name = 'held'").consume()  # holds the node's lock
        try:
            started = time.monotonic()
            with pytest.raises(QueryTimeout):
                store.run("MATCH (c:Country {key: 'RWA'}) SET c.name = 'Rwanda'", write=True)
            assert time.monotonic() - started < 2.0
        finally:
            locking.rollback()
            store.close()
    empty_neo4j(neo4j_server)


def test_text_windows_count_characters_as_python_does(store: GraphStore) -> None:
    """Offsets are Python code points; a window read in the store must select the same characters, also after a
    character outside the Basic Multilingual Plane (two UTF-16 units in Java, four bytes in UTF-8)."""
    text = "Kigali 😀 agreed; 🇷🇼 up to 250 people."
    store.run("CREATE (:Source {key: 'emoji', text: $text})", {"text": text}, write=True)
    windows = ((7, 1), (9, 6), (17, 2), (20, 9))
    items = [{"source": "emoji", "start": start, "length": length} for start, length in windows]
    rows = store.read("text_windows", {"items": items})
    assert [r["text"] for r in rows] == [text[start : start + length] for start, length in windows]
