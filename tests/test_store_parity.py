"""The same graph on both stores gives the same answers: every GET endpoint, the same JSON, byte for byte.

The demo corpus and the seed articles are extracted once and written to the embedded FalkorDB and to Neo4j 5
with the same ingestion time; the API runs in process on each (FastAPI's TestClient). The only field allowed to
differ is /health's description of the store. Full-text scores are not compared (RediSearch and Lucene rank
differently), but the hits are: the same nodes, each with the same fields, with a `limit` above the number of
hits (a smaller one keeps each engine's own best, which may differ).
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

with warnings.catch_warnings():
    # starlette warns that its test client still runs on httpx rather than httpx2: nothing to act on here.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
    from fastapi.testclient import TestClient

from dakg.api import create_app
from dakg.config import Settings
from dakg.ingest.fragment import Fragment
from dakg.ingest.load import fragment_params
from dakg.ingest.nlp import get_pipeline
from dakg.ingest.pipeline import extract_all, prepared_documents
from dakg.store import EmbeddedServer, GraphStore, LocalNeo4j, open_store
from dakg.store.falkordb import FalkorStore

from .stores import empty_neo4j, falkordb_settings, neo4j_settings

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[1]
INGESTED_AT = "2026-01-01T00:00:00+00:00"


SEEDS = REPO.parent / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def fragments() -> list[Fragment]:
    """The demo corpus and, where ../shared is present, the seed articles (test_the_seeds_are_compared says
    when they are not)."""
    paths = [str(REPO / "corpus" / "demo")] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    found = list(extract_all(prepared_documents(paths, 1_000_000), get_pipeline("en_core_web_md")))
    assert all(isinstance(f, Fragment) for f in found), found
    return [f for f in found if isinstance(f, Fragment)]


def test_the_seeds_are_compared(shared_dir: Path, fragments: list[Fragment]) -> None:
    seeds = {str(p) for p in (shared_dir / "corpus" / "seeds").iterdir()}
    assert sum(1 for f in fragments if f.source.path in seeds) == 5


def _load(settings: Settings, fragments: list[Fragment]) -> GraphStore:
    store = open_store(settings, start_embedded=False)
    store.apply_schema()
    for fragment in fragments:
        store.write("write_document", fragment_params(fragment, ingested_at=INGESTED_AT))
    return store


@pytest.fixture(scope="module")
def clients(
    fragments: list[Fragment], embedded_server: EmbeddedServer, neo4j_module_server: LocalNeo4j
) -> Iterator[dict[str, TestClient]]:
    empty_neo4j(neo4j_module_server)
    stores = {
        "falkordb": _load(falkordb_settings(embedded_server.data_dir, graph="parity"), fragments),
        "neo4j": _load(neo4j_settings(neo4j_module_server), fragments),
    }
    clients = {}
    for kind, store in stores.items():
        client = TestClient(create_app(Settings(), store=store))
        clients[kind] = client.__enter__()
    yield clients
    for kind, client in clients.items():
        client.__exit__(None, None, None)
        store = stores[kind]
        if isinstance(store, FalkorStore):
            store.graph.delete()
        else:
            empty_neo4j(neo4j_module_server)
        store.close()


def _get(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text)
    return response.json() if "json" in response.headers["content-type"] else response.text


def _urls(client: TestClient) -> list[str]:
    """A GET of every endpoint, for every agreement, source, country and official, with the filters they take."""
    agreements = [a["key"] for a in _get(client, "/agreements?limit=200&sources_limit=0")["items"]]
    # Also the agreements whose every report is under the default min_confidence (pairs the text leaves weak).
    weak = [a["key"] for a in _get(client, "/agreements?limit=200&sources_limit=0&min_confidence=0")["items"]]
    sources = [s["key"] for s in _get(client, "/sources?limit=200")["items"]]
    countries = [c["key"] for c in _get(client, "/countries?limit=200")["items"]]
    officials = [o["key"] for o in _get(client, "/officials?limit=200")["items"]]
    assert len(agreements) >= 8 and len(sources) == (20 if SEEDS.is_dir() else 15) and countries and officials
    urls = [
        "/health",
        "/openapi.json",
        "/docs",
        "/agreements",
        "/agreements?limit=3&offset=2",
        "/agreements?host=RWA",
        "/agreements?deporting=USA&claims=summary&sources_limit=2",
        "/agreements?status=signed",
        "/agreements?status=under_negotiation&host=RWA",
        "/disputes",
        "/disputes?field=status",
        "/disputes?field=cap",
        "/disputes?field=payment",
        "/sources",
        "/sources?limit=5&offset=5",
        "/sources?published_from=2025&published_to=2025-08",
        "/sources?outlet=Great%20Lakes%20Wire%20(demo)",
        "/countries",
        "/officials",
        "/officials?country=RWA",
        "/search?q=Rwanda",
        "/search?q=deported%20migrants&limit=100",
        "/search?q=Nduhungirehe",
        "/search?q=Eswatini%20payment",
        "/search?q=nothing-matches-this",
        "/docs/oauth2-redirect",
        "/agreements?as_of=2025-08-11",
        "/agreements?host=RWA&as_of=2023-11-14&status=signed",
        "/disputes?as_of=2025-08-11",
        "/read",
        "/read?as_of=2025-08-11",
        "/export/claims.csv",
        "/export/claims.csv?host=RWA&published_from=2025",
        "/export/agreements.csv",
        "/export/sources.csv?published_to=2025-08",
        "/export/graph.graphml",
        "/export/claims.jsonld?deporting=USA",
        "/agreements?min_confidence=0",
        "/agreements?status=under_negotiation&min_confidence=0.5",
        "/disputes?min_confidence=0",
        "/read?min_confidence=0",
        "/export/claims.csv?min_confidence=0",
        "/export/sources.csv?min_confidence=0",
        "/export/graph.graphml?min_confidence=0",
    ]
    for key in agreements:
        urls += [
            f"/agreements/{key}",
            f"/agreements/{key}?sources_offset=1&sources_limit=2",
            f"/agreements/{key}/timeline",
            f"/agreements/{key}/timeline?fields=status&fields=cap",
            f"/graph/{key}",
            f"/graph/{key}?depth=2&limit=50",
            f"/agreements/{key}?as_of=2030-01-01",  # after every dated source: no 404, undated ones left out
            f"/agreements/{key}/timeline?as_of=2025-08-11",  # a timeline of nothing yet is an empty page
            f"/read/agreements/{key}",
        ]
    for key in weak:
        urls += [
            f"/agreements/{key}?min_confidence=0",
            f"/agreements/{key}/timeline?min_confidence=0",
            f"/read/agreements/{key}?min_confidence=0",
        ]
    for key in sources:
        urls += [
            f"/sources/{key}",
            f"/sources/{key}?include_text=true&claims_limit=3&claims_offset=1",
            f"/sources/{key}/text",
            f"/graph/{key}",
            f"/read/sources/{key}",
        ]
    for key in countries:
        urls += [
            f"/countries/{key}",
            f"/countries/{key}/agreements",
            f"/countries/{key}/agreements?role=deporting&claims=summary",
        ]
    for key in officials:
        urls += [f"/officials/{key}", f"/graph/{key}?depth=2"]
    return urls


def get_paths(routes: Sequence[BaseRoute], prefix: str = "") -> set[str]:
    """The path of every GET route, also inside included routers (FastAPI wraps those as ``_IncludedRouter``,
    which is not an ``APIRoute``)."""
    found: set[str] = set()
    for route in routes:
        if isinstance(route, APIRoute) and "GET" in (route.methods or set()):
            found.add(prefix + route.path)
        included = getattr(route, "original_router", None)
        if included is not None:
            context = getattr(route, "include_context", None)
            found |= get_paths(included.routes, prefix + (getattr(context, "prefix", "") or ""))
    return found


def _comparable(url: str, body: Any) -> Any:
    if url == "/health":
        body["store"].pop("description")  # "embedded FalkorDB, graph ..." or "Neo4j, database ..."
        body["store"].pop("kind")
    if url.startswith("/search"):
        for hit in body:
            hit.pop("score")  # each engine's own ranking figure
        body = sorted(body, key=lambda hit: (hit["label"], hit["key"]))
    return body


def test_every_get_endpoint_answers_the_same_json_on_both_stores(clients: dict[str, TestClient]) -> None:
    falkordb, neo4j = clients["falkordb"], clients["neo4j"]
    urls = _urls(falkordb)
    assert urls == _urls(neo4j)
    templates = get_paths(falkordb.app.routes)  # type: ignore[attr-defined]
    documented = {p for p, ops in falkordb.app.openapi()["paths"].items() if "get" in ops}  # type: ignore[attr-defined]
    assert documented <= templates  # the walk finds every documented GET at least (it once found none)
    covered = {t for t in templates for url in urls if _matches(t, url.split("?")[0])}
    assert covered == templates, f"GET endpoints the comparison misses: {templates - covered}"
    differences = []
    for url in urls:
        left = _comparable(url, _get(falkordb, url))
        right = _comparable(url, _get(neo4j, url))
        # As JSON text: in Python 11.0 == 11, in an answer they differ (FalkorDB's sum() gives floats).
        if json.dumps(left, sort_keys=True) != json.dumps(right, sort_keys=True):
            differences.append(url)
            if os.environ.get("DAKG_PARITY_DUMP"):
                Path(os.environ["DAKG_PARITY_DUMP"]).mkdir(exist_ok=True)
                name = url.replace("/", "_").replace("?", "_")
                for kind, body in (("falkordb", left), ("neo4j", right)):
                    target = Path(os.environ["DAKG_PARITY_DUMP"]) / f"{name}.{kind}.json"
                    target.write_text(json.dumps(body, indent=1, sort_keys=True))
    assert not differences, f"{len(differences)} of {len(urls)} answers differ, first: {differences[:5]}"


def test_full_text_search_finds_the_same_things_on_both(clients: dict[str, TestClient]) -> None:
    for client in clients.values():
        hits = _get(client, "/search?q=Nduhungirehe")
        assert ("Official", "olivier-nduhungirehe") in {(h["label"], h["key"]) for h in hits}
        assert {h["label"] for h in hits} == {"Official", "Source"}
        assert _get(client, "/search?q=nothing-matches-this") == []


def _matches(template: str, path: str) -> bool:
    parts, actual = template.strip("/").split("/"), path.strip("/").split("/")
    return len(parts) == len(actual) and all(p.startswith("{") or p == a for p, a in zip(parts, actual, strict=True))
