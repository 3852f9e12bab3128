"""Data survives a clean stop and start, and a `kill -9` of the server, on both stores, through the CLI.

The embedded FalkorDB through `dakg db start|stop|status` (append-only file), the local Neo4j through
`dakg neo4j start|stop|status` (transaction logs). While the server is down, the API answers 503 problems.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dakg.api import create_app
from dakg.config import Settings
from dakg.errors import StoreUnavailable
from dakg.store import EmbeddedServer, LocalNeo4j, open_store

from .stores import TEST_HEAP, TEST_PAGECACHE, require_neo4j

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration

DAKG = str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "dakg")


@dataclass
class Managed:
    """A store the CLI manages: the command group, the environment, and how to find the server's pid."""

    group: str
    env: dict[str, str]
    settings: Settings
    pid: Callable[[], int | None]

    def dakg(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [DAKG, self.group, *args], env=self.env, capture_output=True, text=True, timeout=300, check=False
        )


@pytest.fixture
def managed(store_kind: str, tmp_path: Path, cli_env: Callable[..., dict[str, str]]) -> Iterator[Managed]:
    data = tmp_path / "store"
    if store_kind == "falkordb":
        server = EmbeddedServer(data)
        env = cli_env(DAKG_DATA_DIR=str(data))
        managed = Managed("db", env, Settings(data_dir=data), server.pid)
    else:
        require_neo4j()
        env = cli_env(
            DAKG_DATA_DIR=str(data),
            DAKG_STORE_URL="neo4j-local",
            DAKG_NEO4J_HEAP=TEST_HEAP,
            DAKG_NEO4J_PAGECACHE=TEST_PAGECACHE,
        )
        settings = Settings(
            data_dir=data, store_url="neo4j-local", neo4j_heap=TEST_HEAP, neo4j_pagecache=TEST_PAGECACHE
        )
        managed = Managed("neo4j", env, settings, LocalNeo4j.from_settings(settings).pid)
    yield managed
    managed.dakg("stop")


def _count(settings: Settings) -> int:
    store = open_store(settings, start_embedded=False)
    try:
        rows, _ = store.run("MATCH (s:Source) RETURN count(s) AS n")
        return int(rows[0]["n"])
    finally:
        store.close()


def _write(settings: Settings, key: str) -> None:
    store = open_store(settings, start_embedded=False)
    try:
        store.run("CREATE (:Source {key: $key, text: $text})", {"key": key, "text": "survives"}, write=True)
    finally:
        store.close()


@pytest.mark.stores("falkordb")  # Neo4j's start, status and stop: test_neo4j_server.py; its data after a kill -9: below
def test_data_survives_stop_and_start(managed: Managed) -> None:
    started = managed.dakg("start")
    assert started.returncode == 0, started.stderr
    assert started.stdout.startswith("started")
    _write(managed.settings, "a")
    assert managed.dakg("stop").stdout.strip() == "stopped"
    assert managed.dakg("status").returncode == 3  # not running
    assert managed.dakg("start").returncode == 0
    assert _count(managed.settings) == 1
    again = managed.dakg("start")
    assert "already running" in again.stdout


def test_data_survives_kill_9_of_the_server_and_the_api_answers_503_meanwhile(managed: Managed) -> None:
    assert managed.dakg("start").returncode == 0
    for i in range(20):
        _write(managed.settings, f"k{i}")
    store = open_store(managed.settings, start_embedded=False)
    with TestClient(create_app(managed.settings, store=store)) as api:
        assert api.get("/sources").json()["total"] == 20
        pid = managed.pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)  # no chance to save or checkpoint: only the logs can bring the data back
        deadline = time.monotonic() + 10
        while managed.pid() is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        for path in ("/sources", "/health"):
            response = api.get(path)
            assert response.status_code == 503, (path, response.text)
            assert response.headers["content-type"].startswith("application/problem+json") or path == "/health"
    store.close()
    with pytest.raises(StoreUnavailable):
        open_store(managed.settings, start_embedded=False)
    assert managed.dakg("status").returncode == 3
    assert managed.dakg("start").returncode == 0
    assert _count(managed.settings) == 20
