"""One contract, two stores: fixtures that run every store-facing test on the embedded FalkorDB and on Neo4j 5.

- ``store_kind`` (module-scoped): ``"falkordb"`` or ``"neo4j"``; every store fixture depends on it, so a test
  that asks for any of them runs once per store (ids ``[falkordb]`` and ``[neo4j]``), a module's tests on one
  store, then on the other.
- ``settings``: settings on that store with an empty graph of this test's own. FalkorDB: a fresh graph name on
  the session's embedded server. Neo4j: the session's scratch Neo4j server (``neo4j_server``), whose single
  database is emptied first (Neo4j Community has one user database; tests run one at a time).
- ``store``: the store opened on those settings with the schema applied; emptied again afterwards.
- ``bare_settings``: like ``settings``, without schema (on Neo4j every constraint and index is dropped first).
- ``module_settings(kind, request)``: an empty graph for a module-scoped fixture (conftest's ``corpus_store``):
  on Neo4j a second server, ``neo4j_module_server``, so that per-test graphs never empty it (pytest sets up
  one module at a time).
- ``falkordb_store``: for the few tests of FalkorDB itself (EXPLAIN), not parametrized.
- ``neo4j_demo_server`` (session): a third Neo4j, for the demo API (``demo_api``), whose graph outlives modules.

Neo4j tests skip, saying why, only where Java or the jars resolved by ``make`` are missing; with
``DAKG_REQUIRE_NEO4J=1`` (CI, ``.ci/run``) they fail instead of skipping.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import GraphDatabase

from dakg.config import Settings
from dakg.store import EmbeddedServer, GraphStore, LocalNeo4j, open_store
from dakg.store.falkordb import FalkorStore
from dakg.store.lifetime import die_with_parent
from dakg.store.neo4j_server import default_dist, missing_requirements

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = REPO / ".venv" / "bin"
ALL_STORE_KINDS = ("falkordb", "neo4j")


def store_kinds(value: str | None) -> tuple[str, ...]:
    """The stores the run covers: ``DAKG_TEST_STORES`` (comma-separated; `make fast` sets ``falkordb``), else both."""
    if not value:
        return ALL_STORE_KINDS
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in ALL_STORE_KINDS]
    if unknown or not kinds:
        raise ValueError(f"DAKG_TEST_STORES={value!r}: expected a comma-separated subset of {ALL_STORE_KINDS}")
    return kinds


# Read once, at import (before conftest clears the developer's DAKG_* variables for the tests themselves).
STORE_KINDS = store_kinds(os.environ.get("DAKG_TEST_STORES"))
API_TOKEN = "test-token-for-the-api-suite"
# Small enough for two test servers beside everything else on a 2-core machine.
TEST_HEAP, TEST_PAGECACHE = "384m", "64m"


def neo4j_required() -> bool:
    return os.environ.get("DAKG_REQUIRE_NEO4J") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip with ``reason``; where the Neo4j half may not skip (CI), fail with it."""
    if neo4j_required():
        pytest.fail(f"DAKG_REQUIRE_NEO4J=1 but {reason}")
    pytest.skip(reason)


def require_neo4j() -> Path:
    """The folder of resolved Neo4j jars, or skip (fail in CI) saying what is missing."""
    dist = default_dist()
    problems = missing_requirements(dist)
    if problems:
        skip_or_fail("no local Neo4j here: " + "; ".join(problems))
    return dist


def start_local_neo4j(folder: Path, **kwargs: object) -> LocalNeo4j:
    server = LocalNeo4j(folder, dist=require_neo4j(), heap=TEST_HEAP, pagecache=TEST_PAGECACHE, **kwargs)  # type: ignore[arg-type]
    server.start(owned=True)  # ends with the test run, however the run ends (tests/test_lifetime.py)
    return server


def neo4j_settings(server: LocalNeo4j, **overrides: object) -> Settings:
    """Settings that reach ``server`` through its Bolt URL and password, as a user of a remote Neo4j would."""
    values: dict[str, object] = {
        "store_url": server.bolt_url,
        "neo4j_password": server.password,
        "data_dir": server.folder.parent,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def falkordb_settings(data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {"store_url": "embedded", "data_dir": data_dir, "graph": f"t{uuid.uuid4().hex[:12]}"}
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def empty_neo4j(server: LocalNeo4j, *, drop_schema: bool = False) -> None:
    """Delete every node (and, with ``drop_schema``, every constraint and index but the built-in lookups)."""
    with GraphDatabase.driver(server.bolt_url, auth=("neo4j", server.password)) as driver, driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        if drop_schema:
            for record in list(session.run("SHOW CONSTRAINTS YIELD name")):
                session.run(f"DROP CONSTRAINT `{record['name']}` IF EXISTS").consume()
            for record in list(session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")):
                session.run(f"DROP INDEX `{record['name']}` IF EXISTS").consume()


# --- servers -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def embedded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    """One real FalkorDB server for the whole run, in its own data directory (never the user's)."""
    server = EmbeddedServer(tmp_path_factory.mktemp("falkordb"))
    server.start(owned=True)  # ends with the test run, however the run ends (tests/test_lifetime.py)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    """One real Neo4j 5 for the store tests of the whole run, in a temporary folder."""
    server = start_local_neo4j(tmp_path_factory.mktemp("neo4j") / "server")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def neo4j_module_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    """A Neo4j 5 for module-scoped graphs (one module's at a time), apart from the per-test one."""
    server = start_local_neo4j(tmp_path_factory.mktemp("neo4j-module") / "server")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def neo4j_demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    """A second Neo4j 5, for the demo API: its graph must survive the store tests emptying the first one."""
    server = start_local_neo4j(tmp_path_factory.mktemp("neo4j-demo") / "server")
    yield server
    server.stop()


# --- per-test stores ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=STORE_KINDS)
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def module_settings(kind: str, request: pytest.FixtureRequest) -> Settings:
    """Settings on an empty graph for a module-scoped fixture of a store of ``kind``."""
    if kind == "falkordb":
        server: EmbeddedServer = request.getfixturevalue("embedded_server")
        return falkordb_settings(server.data_dir)
    neo4j: LocalNeo4j = request.getfixturevalue("neo4j_module_server")
    empty_neo4j(neo4j)
    return neo4j_settings(neo4j)


def settings_env(settings: Settings) -> dict[str, str]:
    """The DAKG_* variables that point a `dakg` subprocess at the store ``settings`` name."""
    if settings.store_kind == "neo4j":
        return {
            "DAKG_STORE_URL": settings.store_url,
            "DAKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        }
    return {"DAKG_DATA_DIR": str(settings.data_dir), "DAKG_GRAPH": settings.graph}


def empty_graph(store: GraphStore) -> None:
    """Delete the graph behind ``store`` (FalkorDB), or everything in its database (Neo4j)."""
    if isinstance(store, FalkorStore):
        store.graph.delete()
    else:
        store.run("MATCH (n) DETACH DELETE n", write=True)


def _settings_for(kind: str, request: pytest.FixtureRequest, drop_schema: bool) -> Settings:
    if kind == "falkordb":
        server: EmbeddedServer = request.getfixturevalue("embedded_server")
        return falkordb_settings(server.data_dir)
    neo4j: LocalNeo4j = request.getfixturevalue("neo4j_server")
    empty_neo4j(neo4j, drop_schema=drop_schema)
    return neo4j_settings(neo4j)


@pytest.fixture
def settings(store_kind: str, request: pytest.FixtureRequest) -> Settings:
    """Settings on this test's store (see the module's docstring), with an empty graph."""
    return _settings_for(store_kind, request, drop_schema=False)


@pytest.fixture
def bare_settings(store_kind: str, request: pytest.FixtureRequest) -> Settings:
    """Settings on an empty graph with no schema at all."""
    return _settings_for(store_kind, request, drop_schema=True)


@pytest.fixture
def store(settings: Settings) -> Iterator[GraphStore]:
    """The store on an empty graph with the schema applied; emptied afterwards."""
    opened = open_store(settings, start_embedded=False)
    opened.apply_schema()
    yield opened
    empty_graph(opened)
    opened.close()


@pytest.fixture
def falkordb_store(embedded_server: EmbeddedServer) -> Iterator[FalkorStore]:
    """The embedded FalkorDB only, for tests of FalkorDB itself (EXPLAIN)."""
    opened = open_store(falkordb_settings(embedded_server.data_dir), start_embedded=False)
    assert isinstance(opened, FalkorStore)
    opened.apply_schema()
    yield opened
    opened.graph.delete()
    opened.close()


# --- the demo API on each store ----------------------------------------------------------------------------


def store_env(kind: str, request: pytest.FixtureRequest, graph: str) -> dict[str, str]:
    """Environment for a `dakg` subprocess on a store of ``kind`` (the developer's DAKG_* settings removed)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAKG_")}
    if kind == "falkordb":
        server: EmbeddedServer = request.getfixturevalue("embedded_server")
        env.update(DAKG_DATA_DIR=str(server.data_dir), DAKG_GRAPH=graph)
    else:
        neo4j: LocalNeo4j = request.getfixturevalue("neo4j_demo_server")
        env.update(DAKG_STORE_URL=neo4j.bolt_url, DAKG_NEO4J_PASSWORD=neo4j.password)
    return env


@pytest.fixture(scope="session", params=STORE_KINDS)
def demo_api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `dakg serve` on each store, loaded with the demo corpus; HTTP ingest on (API_TOKEN)."""
    env = store_env(str(request.param), request, "demo_api")
    env.update(DAKG_API_TOKEN=API_TOKEN, DAKG_MAX_BODY_BYTES="100000")
    dakg = str(VENV_BIN / "dakg")
    loaded = subprocess.run(
        [dakg, "ingest", str(REPO / "corpus" / "demo")], env=env, capture_output=True, text=True, timeout=600
    )
    assert loaded.returncode == 0, loaded.stderr
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path_factory.mktemp("api") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [dakg, "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent(),  # ends with the test run, however the run ends
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"the API did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
    yield url
    os.killpg(proc.pid, signal.SIGINT)
    proc.wait(timeout=60)
