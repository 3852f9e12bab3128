"""Data written to the embedded store survives `dakg db stop`/`start` and a `kill -9` of the server."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dakg.config import Settings
from dakg.store import EmbeddedServer, open_store

DAKG = str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "dakg")


def _dakg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([DAKG, *args], env=env, capture_output=True, text=True, timeout=120, check=False)


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


@pytest.fixture
def own_dir(tmp_path: Path, cli_env: Callable[..., dict[str, str]]) -> Iterator[tuple[Path, dict[str, str]]]:
    data = tmp_path / "store"
    env = cli_env(DAKG_DATA_DIR=str(data))
    yield data, env
    _dakg(env, "db", "stop")


@pytest.mark.integration
def test_data_survives_db_stop_and_start(own_dir: tuple[Path, dict[str, str]]) -> None:
    data, env = own_dir
    started = _dakg(env, "db", "start")
    assert started.returncode == 0, started.stderr
    assert "started" in started.stdout
    settings = Settings(data_dir=data)
    _write(settings, "a")
    assert _dakg(env, "db", "stop").stdout.strip() == "stopped"
    assert _dakg(env, "db", "status").returncode == 3  # not running
    assert _dakg(env, "db", "start").returncode == 0
    assert _count(settings) == 1
    again = _dakg(env, "db", "start")
    assert "already running" in again.stdout


@pytest.mark.integration
def test_data_survives_kill_9_of_the_server(own_dir: tuple[Path, dict[str, str]]) -> None:
    data, env = own_dir
    assert _dakg(env, "db", "start").returncode == 0
    settings = Settings(data_dir=data)
    for i in range(20):
        _write(settings, f"k{i}")
    server = EmbeddedServer(data)
    pid = server.pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)  # no chance to save: only the append-only file can bring the data back
    deadline = time.monotonic() + 10
    while server.pid() is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not server.is_running()
    assert _dakg(env, "db", "start").returncode == 0
    assert _count(settings) == 20
