"""Shared fixtures: a real embedded FalkorDB server for the session, a fresh graph per test."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from dakg.config import Settings
from dakg.store import EmbeddedServer, open_store
from dakg.store.falkordb import FalkorStore

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
VENV_BIN = REPO / ".venv" / "bin"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's shared folder (seed articles and their gold annotation), beside the repository."""
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip(f"{SHARED} is absent (as in a user's clone); the seed corpus and gold live there")
    return SHARED


@pytest.fixture(scope="session")
def embedded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    """One real FalkorDB server for the whole run, in its own data directory (never the user's)."""
    server = EmbeddedServer(tmp_path_factory.mktemp("falkordb"))
    server.start()
    yield server
    server.stop()


def _make_settings(data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "store_url": "embedded",
        "data_dir": data_dir,
        "graph": f"t{uuid.uuid4().hex[:12]}",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(embedded_server: EmbeddedServer) -> Settings:
    """Settings pointing at the test server, with a graph name of this test's own."""
    return _make_settings(embedded_server.data_dir)


@pytest.fixture
def store(settings: Settings) -> Iterator[FalkorStore]:
    """A store on a fresh, empty graph with the schema applied; the graph is deleted afterwards."""
    opened = open_store(settings, start_embedded=False)
    assert isinstance(opened, FalkorStore)
    opened.apply_schema()
    yield opened
    opened.graph.delete()
    opened.close()


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

    def start(cmd: list[str], port: int, env: dict[str, str], timeout: float = 180.0) -> Served:
        log = tmp_path / f"server-{len(started)}.log"
        with open(log, "wb") as out:
            proc = subprocess.Popen(
                cmd, env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
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


API_TOKEN = "test-token-for-the-api-suite"


@pytest.fixture(scope="session")
def demo_api(embedded_server: EmbeddedServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `dakg serve` on the embedded store, loaded with the demo corpus; HTTP ingest on (API_TOKEN)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAKG_")}
    env.update(
        DAKG_DATA_DIR=str(embedded_server.data_dir),
        DAKG_GRAPH="demo_api",
        DAKG_API_TOKEN=API_TOKEN,
        DAKG_MAX_BODY_BYTES="100000",
    )
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
            [dakg, "serve", "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
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
