"""Shared fixtures. The stores come from tests/stores.py: every store-facing fixture (``settings``, ``store``,
``corpus_store``, ``fresh_corpus``, ``api``, ``own_api``, ``demo_api``) runs once on the embedded FalkorDB and
once on a local Neo4j 5 (test ids ``[falkordb]`` and ``[neo4j]``).

Two tiers (see the README's Development section): the unit tier (`make fast`) runs in this process against
the real stores, with graphs filled from hand-written fragments (``tests/corpus.py``) and the API through
FastAPI's ``TestClient``; tests marked ``integration`` load the spaCy model, build the wheel, or run `dakg`
and its servers as subprocesses. The shared demo server (``demo_api``) is read-only: a test that writes gets a
graph of its own (``own_api``), so every assertion can be exact.

A module that sets ``STORES = ("falkordb",)`` runs its store-facing tests on those stores only: the API's own
behaviour (paging, problems, caches, the client, exports, pages) does not change with the store, and
``test_store_parity.py`` (every GET endpoint, the same JSON on both) and ``test_store_contract.py`` (every query)
hold Neo4j to the same answers. Behaviour that belongs to a store (its server, a kill -9, an outage, limits)
keeps its tests on that store.
"""

# ruff: noqa: F811 - the fixtures imported from stores.py are, by pytest's design, also parameter names here

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from dakg.api import create_app
from dakg.config import Settings
from dakg.ingest.load import load_fragment
from dakg.ingest.rules.registry import tracing
from dakg.store import GraphStore, open_store
from dakg.store.lifetime import die_with_parent

from .corpus import FRAGMENTS
from .stores import (  # noqa: F401 - fixtures, registered here
    API_TOKEN,
    bare_settings,
    demo_api,
    embedded_server,
    empty_graph,
    falkordb_store,
    module_settings,
    neo4j_demo_server,
    neo4j_module_server,
    neo4j_server,
    settings,
    settings_env,
    store,
    store_kind,
)

with warnings.catch_warnings():
    # starlette 1.x warns that its test client still runs on httpx rather than httpx2: nothing to act on here.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
    from fastapi.testclient import TestClient

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
VENV_BIN = REPO / ".venv" / "bin"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``STORES`` in a test module, or a ``stores(...)`` marker on a test, narrows the stores its store-facing
    fixtures run on (see above): the other stores' cases are deselected."""
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        marker = item.get_closest_marker("stores")
        only = marker.args if marker is not None else getattr(getattr(item, "module", None), "STORES", None)
        params = getattr(getattr(item, "callspec", None), "params", {})
        on = {params[name] for name in ("store_kind", "demo_api") if name in params}
        (dropped if only is not None and not on <= set(only) else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(autouse=True)
def _covered_rules_act(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test marked ``covers(rule, ...)`` must see each rule it names act (return a vote, a pair, a value, a drop):
    the marker is checked against what ran, not trusted. ``covers(rule, acts=False)`` marks a test that shows the
    rule standing aside, and checks that it did. A parametrized case may carry markers of its own."""
    markers = list(request.node.iter_markers("covers"))
    if not markers:
        yield
        return
    expected = {name: bool(m.kwargs.get("acts", True)) for m in markers for name in m.args}
    with tracing() as acted:
        yield
    names = {rule_id.split("/")[0] for rule_id in acted}
    wrong = sorted(
        f"{name} {'did not act' if acts else 'acted'}" for name, acts in expected.items() if (name in names) != acts
    )
    stages = {name.split(".")[0] for name in expected}
    seen = sorted(name for name in names if name.split(".")[0] in stages)
    assert wrong == [], f"covers: {wrong}; the rules of those stages that acted: {seen}"


@pytest.fixture(scope="session", autouse=True)
def _no_developer_settings() -> Iterator[None]:
    """The developer's own DAKG_* variables must not change what the tests see (subprocesses get ``cli_env``)."""
    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith("DAKG_")}
    yield
    os.environ.update(saved)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's shared folder (seed articles and their gold annotation), beside the repository."""
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip(f"{SHARED} is absent (as in a user's clone); the seed corpus and gold live there")
    return SHARED


def _make_settings(data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "store_url": "embedded",
        "data_dir": data_dir,
        "graph": f"t{uuid.uuid4().hex[:12]}",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def open_graph(settings: Settings, *, corpus: bool = False) -> GraphStore:
    """A store on the graph ``settings`` names, with the schema applied (and the hand-written corpus loaded)."""
    opened = open_store(settings, start_embedded=False)
    opened.apply_schema()
    if corpus:
        for fragment in FRAGMENTS.values():
            assert load_fragment(opened, fragment).outcome == "new"
    return opened


def drop_graph(store: GraphStore) -> None:
    empty_graph(store)
    store.close()


@pytest.fixture(scope="module")
def corpus_settings(store_kind: str, request: pytest.FixtureRequest) -> Settings:
    """Settings on this module's own graph (``corpus_store``'s), for a second store or a `dakg` run on it."""
    return module_settings(store_kind, request)


@pytest.fixture(scope="module")
def corpus_store(corpus_settings: Settings) -> Iterator[GraphStore]:
    """A graph of this module's own, loaded with the hand-written corpus. Tests that write use ``fresh_corpus``."""
    store = open_graph(corpus_settings, corpus=True)
    yield store
    drop_graph(store)


@pytest.fixture
def fresh_corpus(settings: Settings) -> Iterator[GraphStore]:
    """A graph of this test's own, loaded with the hand-written corpus: for tests that write."""
    store = open_graph(settings, corpus=True)
    yield store
    drop_graph(store)


@contextmanager
def client_for(store: GraphStore, **settings: object) -> Iterator[TestClient]:
    """The application in this process over ``store`` (its lifespan run: schema check, caches)."""
    app = create_app(_make_settings(Path(), **settings), store=store)
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="module")
def api(corpus_store: GraphStore) -> Iterator[TestClient]:
    """The API in this process over the module's corpus graph (read-only by convention)."""
    with client_for(corpus_store) as client:
        yield client


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run the `dakg` command in this process (its real entry point, ``dakg.cli.main``) with the given DAKG_*
    settings and no others; returns the exit status and what it printed."""
    import logging
    import sys

    from dakg.cli import main
    from dakg.config import get_settings

    monkeypatch.setattr(logging.root, "handlers", [])  # the CLI configures logging; leave the test's alone
    monkeypatch.setattr(logging.root, "level", logging.root.level)

    def run(*args: str, **env: str) -> CliResult:
        for name in [k for k in os.environ if k.startswith("DAKG_")]:
            monkeypatch.delenv(name)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "argv", ["dakg", *args])
        get_settings.cache_clear()
        capsys.readouterr()
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            get_settings.cache_clear()
        printed = capsys.readouterr()
        return CliResult(code, printed.out, printed.err)

    return run


@pytest.fixture
def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def cli_env() -> Callable[..., dict[str, str]]:
    """Environment for running `dakg` in a subprocess: the developer's DAKG_* settings removed, ``extra`` added."""

    def build(**extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DAKG_")}
        env.update(extra)
        return env

    return build


class Served:
    """A server process started by a test, the base URL it answers on, and the file its output goes to."""

    def __init__(self, proc: subprocess.Popen[bytes], url: str, log: Path) -> None:
        self.proc = proc
        self.url = url
        self.log = log

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def interrupt(self, timeout: float = 60.0) -> int:
        """Ctrl-C, as a user would press it, to the whole process group; returns the exit status."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            raise


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """Start a command that serves HTTP on ``port``; wait until GET /health answers (any status)."""
    started: list[Served] = []

    def start(cmd: list[str], port: int, env: dict[str, str], timeout: float = 180.0, cwd: Path = REPO) -> Served:
        log = tmp_path / f"server-{len(started)}.log"
        with open(log, "wb") as out:
            proc = subprocess.Popen(
                cmd,
                env=env,
                cwd=cwd,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=die_with_parent(),  # a killed test run takes its servers along (tests/test_lifetime.py)
            )
        served = Served(proc, f"http://127.0.0.1:{port}", log)
        started.append(served)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"{cmd} exited with {proc.returncode}:\n{served.output()[-3000:]}")
            try:
                httpx.get(served.url + "/health", timeout=2.0)
                return served
            except httpx.TransportError:
                time.sleep(0.2)
        raise AssertionError(f"{cmd} did not answer on port {port} within {timeout:.0f}s:\n{served.output()[-3000:]}")

    yield start
    for served in started:
        if served.proc.poll() is None:
            served.interrupt()


@pytest.fixture
def own_api(
    serve: Callable[..., Served],
    settings: Settings,
    free_port: int,
    cli_env: Callable[..., dict[str, str]],
) -> Iterator[Callable[..., str]]:
    """A real `dakg serve` on a graph of this test's own (empty, or with the hand-written corpus), on each store;
    HTTP ingest on (API_TOKEN). For integration tests that write."""
    graphs: list[GraphStore] = []

    def start(*, corpus: bool = False) -> str:
        graphs.append(open_graph(settings, corpus=corpus))
        env = cli_env(**settings_env(settings), DAKG_API_TOKEN=API_TOKEN, DAKG_MAX_BODY_BYTES="100000")
        return serve([str(VENV_BIN / "dakg"), "serve", "--port", str(free_port)], free_port, env).url

    yield start
    for graph in graphs:
        drop_graph(graph)
