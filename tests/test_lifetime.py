"""Nothing outlives its owner: every process dakg starts ends with the process it was started for, however that
ends (``dakg.store.lifetime``). Real processes throughout, killed with real signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from dakg.store import EmbeddedServer, LocalNeo4j, lifetime
from dakg.store.lifetime import Owner, die_with_parent, watch

from .stores import STORE_KINDS, TEST_HEAP, TEST_PAGECACHE, require_neo4j

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = REPO / ".venv" / "bin"
GRACE = "3"  # DAKG_REAPER_GRACE for the owners the tests start: SIGKILL 3 s after SIGTERM


def gone_within(pids: list[int], timeout: float) -> list[int]:
    """The pids of ``pids`` still running (not zombies) after waiting up to ``timeout`` seconds for them to end."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = [p for p in pids if lifetime.alive(p)]
        if not left:
            return []
        time.sleep(0.1)
    return [p for p in pids if lifetime.alive(p)]


@pytest.fixture
def spawned() -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Start processes; whatever a test leaves running is killed afterwards."""
    started: list[subprocess.Popen[bytes]] = []

    def spawn(args: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(args, **kwargs)  # type: ignore[call-overload]
        started.append(proc)
        return proc  # type: ignore[no-any-return]

    yield spawn
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_process_is_named_by_its_pid_and_start_time(spawned: Callable[..., subprocess.Popen[bytes]]) -> None:
    me = Owner.me()
    assert me.pid == os.getpid() and me.alive()
    assert not Owner(os.getpid(), (me.started or 0) + 1).alive()  # the same pid, another process: a reused pid
    child = spawned(["sleep", "30"])
    assert lifetime.alive(child.pid)
    child.kill()
    time.sleep(0.2)
    assert not lifetime.alive(child.pid)  # a zombie (not yet reaped) counts as ended
    child.wait()
    assert lifetime.start_time(child.pid) is None


def test_the_watchdog_ends_the_target_when_the_owner_is_killed(
    spawned: Callable[..., subprocess.Popen[bytes]],
) -> None:
    owner = spawned(["sleep", "60"])
    polite = spawned(["sleep", "60"])
    # A target that ignores SIGTERM gets SIGKILL after the grace period.
    stubborn = spawned(["sh", "-c", "trap '' TERM; while :; do sleep 0.1; done"])
    time.sleep(0.2)
    watchdogs = [
        watch(target, Owner(owner.pid, lifetime.start_time(owner.pid)), grace=1.0)
        for target in (polite.pid, stubborn.pid)
    ]
    time.sleep(0.6)
    assert lifetime.alive(polite.pid) and lifetime.alive(stubborn.pid)  # the owner lives: nothing happens
    owner.kill()
    owner.wait()
    started = time.monotonic()
    assert gone_within([polite.pid], 2.0) == []
    assert gone_within([stubborn.pid], 5.0) == []
    assert time.monotonic() - started >= 0.9  # the stubborn one had its grace
    assert gone_within(watchdogs, 2.0) == []


def test_the_watchdog_ends_by_itself_when_the_target_ends_first(
    spawned: Callable[..., subprocess.Popen[bytes]],
) -> None:
    target = spawned(["sleep", "60"])
    dog = watch(target.pid)
    time.sleep(0.3)
    assert lifetime.alive(dog)
    target.terminate()
    target.wait()
    assert gone_within([dog], 2.0) == []


def test_a_child_started_with_die_with_parent_ends_when_its_parent_is_killed(
    spawned: Callable[..., subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    pid_file = tmp_path / "child.pid"
    program = textwrap.dedent(
        f"""
        import subprocess, sys, time
        sys.path.insert(0, {str(Path(lifetime.__file__).parent)!r})
        from lifetime import die_with_parent  # the module alone: quicker than the package
        child = subprocess.Popen(["sleep", "60"], preexec_fn=die_with_parent())
        open({str(pid_file)!r}, "w").write(str(child.pid))
        time.sleep(60)
        """
    )
    parent = spawned([sys.executable, "-c", program])
    deadline = time.monotonic() + 20
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline and parent.poll() is None
        time.sleep(0.05)
    child = int(pid_file.read_text())
    assert lifetime.alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert gone_within([child], 3.0) == []
    assert callable(die_with_parent())


# Two clean stops of a server: 8 s here on FalkorDB, about 25 s on Neo4j. The owner file and the stale check are one
# piece of code for both servers (dakg.store.lifetime); Neo4j's own end with its owner is the test after the next.
@pytest.mark.integration
@pytest.mark.parametrize(
    "kind", [pytest.param("falkordb", marks=pytest.mark.skipif("falkordb" not in STORE_KINDS, reason="no FalkorDB"))]
)
def test_a_start_finds_a_server_whose_owner_is_gone_and_stops_it(tmp_path: Path, kind: str) -> None:
    server: EmbeddedServer | LocalNeo4j = (
        EmbeddedServer(tmp_path / "store")
        if kind == "falkordb"
        else LocalNeo4j(tmp_path / "neo4j", dist=require_neo4j(), heap=TEST_HEAP, pagecache=TEST_PAGECACHE)
    )
    assert server.start()
    first = server.pid()
    assert first is not None
    try:
        Owner(os.getpid(), (Owner.me().started or 0) + 1).write(server.owner_path)  # an owner that is gone
        assert server.stale()
        assert server.start(owned=True)  # stopped the stale one and started afresh, now owned by this process
        second = server.pid()
        assert second is not None and second != first and not lifetime.alive(first)
        assert Owner.read(server.owner_path) == Owner.me() and not server.stale()
        assert not server.start()  # a server with a live owner is simply used
    finally:
        server.stop()
    assert not server.owner_path.exists()


def _wait_health(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text(errors="replace")[-3000:]
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(log.read_text(errors="replace")[-3000:])


def _serve(
    spawned: Callable[..., subprocess.Popen[bytes]], env: dict[str, str], port: int, log: Path
) -> subprocess.Popen[bytes]:
    with open(log, "wb") as out:
        proc = spawned(
            [str(VENV_BIN / "dakg"), "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    _wait_health(f"http://127.0.0.1:{port}", proc, log)
    return proc


@pytest.mark.integration
@pytest.mark.skipif("falkordb" not in STORE_KINDS, reason="DAKG_TEST_STORES leaves out FalkorDB")
# SIGINT goes the way of SIGTERM (one handler); Ctrl-C on `make demo` is test_demo.py's
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL], ids=lambda s: s.name)
def test_the_embedded_store_ends_with_dakg_serve_however_it_ends(
    sig: signal.Signals,
    spawned: Callable[..., subprocess.Popen[bytes]],
    tmp_path: Path,
    free_port: int,
    cli_env: Callable[..., dict[str, str]],
) -> None:
    data = tmp_path / "store"
    proc = _serve(spawned, cli_env(DAKG_DATA_DIR=str(data), DAKG_REAPER_GRACE=GRACE), free_port, tmp_path / "log")
    server = EmbeddedServer(data)
    pid = server.pid()
    assert pid is not None and Owner.read(server.owner_path) == Owner(proc.pid, lifetime.start_time(proc.pid))
    proc.send_signal(sig)  # to the process alone, not its group: the store must not depend on sharing the signal
    proc.wait(timeout=60)
    assert gone_within([pid], 10.0) == []
    assert not server.is_running()


@pytest.mark.integration
@pytest.mark.skipif("neo4j" not in STORE_KINDS, reason="DAKG_TEST_STORES leaves out Neo4j")
def test_the_local_neo4j_ends_when_dakg_serve_is_killed(
    spawned: Callable[..., subprocess.Popen[bytes]],
    tmp_path: Path,
    free_port: int,
    cli_env: Callable[..., dict[str, str]],
) -> None:
    require_neo4j()
    env = cli_env(
        DAKG_DATA_DIR=str(tmp_path),
        DAKG_STORE_URL="neo4j-local",
        DAKG_NEO4J_HEAP=TEST_HEAP,
        DAKG_NEO4J_PAGECACHE=TEST_PAGECACHE,
        DAKG_REAPER_GRACE=GRACE,
    )
    proc = _serve(spawned, env, free_port, tmp_path / "log")
    server = LocalNeo4j(tmp_path / "neo4j")
    pid = server.pid()
    assert pid is not None and Owner.read(server.owner_path) == Owner(proc.pid, lifetime.start_time(proc.pid))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert gone_within([pid], 20.0) == []


INNER_TEST = '''
"""Run by tests/test_lifetime.py in a pytest of its own, which it then kills."""
import json, os, time
from pathlib import Path

from dakg.store import EmbeddedServer

from tests.conftest import VENV_BIN, settings_env


def test_hold(settings, serve, free_port, cli_env, tmp_path):
    if settings.store_kind == "neo4j":  # the run's Neo4j, and an API server on it
        env = cli_env(**settings_env(settings))
    else:  # the run's FalkorDB, and an API server that starts a store of its own
        env = cli_env(DAKG_DATA_DIR=str(tmp_path / "own"))
    served = serve([str(VENV_BIN / "dakg"), "serve", "--port", str(free_port)], free_port, env)
    own = EmbeddedServer(tmp_path / "own").pid()
    pids = {"api": served.proc.pid, "api_store": own}
    Path(os.environ["INNER_PIDS"]).write_text(json.dumps(pids))
    time.sleep(600)
'''


# The session's store and an API server with the store it started, on the embedded store (about 20 s; 38 s on
# Neo4j, whose end with its owner is test_the_local_neo4j_ends_when_dakg_serve_is_killed).
@pytest.mark.integration
@pytest.mark.parametrize("kind", [k for k in STORE_KINDS if k == "falkordb"])
def test_a_killed_test_run_leaves_no_process_behind(
    kind: str, tmp_path: Path, spawned: Callable[..., subprocess.Popen[bytes]], cli_env: Callable[..., dict[str, str]]
) -> None:
    """The fixtures' servers (the run's store, an API server, the store that API server started) end when
    pytest itself is killed with SIGKILL, as a CI time limit or the OOM killer would."""
    if kind == "neo4j":
        require_neo4j()
    inner = REPO / "tests" / f"_inner_lifetime_{os.getpid()}.py"
    inner.write_text(INNER_TEST)
    pids_file = tmp_path / "pids.json"
    log = tmp_path / "inner.log"
    env = cli_env(INNER_PIDS=str(pids_file), DAKG_TEST_STORES=kind, DAKG_REAPER_GRACE=GRACE)
    env.pop("COV_CORE_SOURCE", None)
    try:
        with open(log, "wb") as out:
            run = spawned(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                    "--no-cov",
                    "--basetemp",
                    str(tmp_path / "inner"),
                    str(inner),
                ],
                cwd=REPO,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 240
        while not pids_file.exists() or not pids_file.read_text():
            assert run.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")[-3000:]
            time.sleep(0.2)
    finally:
        inner.unlink()
    import json

    known = json.loads(pids_file.read_text())
    base = tmp_path / "inner"
    store_pids = [
        pid
        for pid in [
            *(EmbeddedServer(p.parent).pid() for p in base.rglob("redis.pid")),
            *(LocalNeo4j(p.parent.parent).pid() for p in base.rglob("neo4j.pid")),
        ]
        if pid is not None
    ]
    pids = sorted({*store_pids, *(int(p) for p in known.values() if p), *lifetime.descendants(run.pid)})
    assert known["api"] in pids and len(store_pids) == (2 if kind == "falkordb" else 1), (known, store_pids)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert gone_within(pids, 30.0) == [], [lifetime.cmdline(p) for p in pids if lifetime.alive(p)]
