"""Processes dakg starts end with their owner, however the owner ends (SIGINT, SIGTERM, SIGKILL, a closed terminal).

Three tools, all Linux's own:

- ``die_with_parent()``: a ``preexec_fn`` that asks the kernel for a parent-death signal (``prctl`` with
  ``PR_SET_PDEATHSIG``): the child gets SIGTERM the moment the thread that started it ends, even by SIGKILL. Used
  for servers started straight from the main thread (the API servers of tests, benchmarks and demos).
- ``watch(target)``: a watchdog process, in a session of its own (so a Ctrl-C to the owner's process group does not
  reach it), that polls the owner's pid; when the owner is gone it sends the target SIGTERM and, after
  ``DAKG_REAPER_GRACE`` seconds (10 by default), SIGKILL. Used for store servers (FalkorDB's ``redis-server``
  daemonises itself, which clears a parent-death signal; the Neo4j JVM is started from any thread). It ends
  by itself when the target ends first.
- ``Owner``: who owns a server, written beside its pid file (the owner's pid and its start time, so a reused pid
  is not mistaken for it): a later start finds a server whose owner is gone and stops it instead of starting a
  second one or adopting it.

This file runs as the watchdog itself (``python -I -S lifetime.py watch ...``), so it imports nothing but the
standard library.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PR_SET_PDEATHSIG = 1
DEFAULT_GRACE = 10.0
POLL_SECONDS = 0.25

# Loaded before any fork: a preexec_fn must not load libraries.
_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def grace_seconds() -> float:
    """How long an orphaned server has to end after SIGTERM before SIGKILL: DAKG_REAPER_GRACE, else 10 s."""
    try:
        value = float(os.environ.get("DAKG_REAPER_GRACE", DEFAULT_GRACE))
    except ValueError:
        return DEFAULT_GRACE
    return value if 0 < value < 3600 else DEFAULT_GRACE


def die_with_parent(sig: int = signal.SIGTERM) -> Callable[[], None]:
    """A ``preexec_fn``: the child gets ``sig`` when the thread that starts it ends (Linux; elsewhere nothing)."""
    parent = os.getpid()

    def preexec() -> None:
        if _libc is not None:
            _libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
        if os.getppid() != parent:  # the parent died between fork and prctl: the signal would never come
            os.kill(os.getpid(), sig)

    return preexec


def start_time(pid: int) -> int | None:
    """The process's start time in clock ticks since boot (``/proc/PID/stat``), or None if there is no such
    process or it is a zombie (ended, not yet reaped). With the pid it names one process: pids are reused."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (OSError, ValueError):
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    if not fields or fields[0] in ("Z", "X"):
        return None
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None


def alive(pid: int, started: int | None = None) -> bool:
    """The process runs (not a zombie) and, when ``started`` is given, is the one that started then."""
    now = start_time(pid)
    return now is not None and (started is None or now == started)


def cmdline(pid: int) -> list[bytes]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return []


def descendants(pid: int) -> list[int]:
    """Every running process below ``pid`` (children, their children, ...), from ``/proc``."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and fields[0] not in ("Z", "X"):
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def wait_for_exec(pid: int, marker: bytes, timeout: float = 10.0) -> bool:
    """Wait until process ``pid`` runs a command line holding ``marker`` (a fork has not exec'd yet right after
    it is started); False if it ended or did not within ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            return False
        if any(marker in part for part in cmdline(pid)):
            return True
        time.sleep(0.01)
    return False


@dataclass(frozen=True)
class Owner:
    pid: int
    started: int | None

    @classmethod
    def me(cls) -> Owner:
        return cls(os.getpid(), start_time(os.getpid()))

    def alive(self) -> bool:
        return alive(self.pid, self.started)

    def write(self, path: Path) -> None:
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"pid": self.pid, "started": self.started}) + "\n", encoding="utf-8")
        os.replace(temporary, path)

    @classmethod
    def read(cls, path: Path) -> Owner | None:
        """The owner recorded in ``path``, or None (no file: a server nobody owns, kept running on purpose)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(int(data["pid"]), None if data.get("started") is None else int(data["started"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None


# Children that outlive the call that started them (watchdogs, a Neo4j JVM): held here so that they are reaped
# when they end (no zombies) and never collected while running (``Popen.__del__`` warns then).
_children: list[subprocess.Popen[bytes]] = []


@atexit.register
def _reap() -> None:
    """Collect the exit status of children that have ended (a daemon left running on purpose keeps running)."""
    for proc in _children:
        proc.poll()


def keep(proc: subprocess.Popen[bytes]) -> subprocess.Popen[bytes]:
    """Hold ``proc`` until it ends; reap those that have."""
    _children[:] = [p for p in _children if p.poll() is None]
    _children.append(proc)
    return proc


def watch(target: int, owner: Owner | None = None, grace: float | None = None) -> int:
    """Start a watchdog that ends ``target`` when ``owner`` (by default this process) ends; return its pid.

    It is started through a shell that exits at once, so it is nobody's child here (no zombie to reap when it
    ends by itself), in a session of its own (signals to the owner's process group, Ctrl-C or a closed terminal,
    miss it)."""
    owner = owner or Owner.me()
    args = [
        sys.executable,
        "-I",
        "-S",
        str(Path(__file__).resolve()),
        "watch",
        str(owner.pid),
        str(owner.started or 0),
        str(target),
        str(start_time(target) or 0),
        str(grace if grace is not None else grace_seconds()),
    ]
    launcher = '"$@" </dev/null >/dev/null 2>&1 & echo $!'
    done = subprocess.run(
        ["/bin/sh", "-c", launcher, "sh", *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
        start_new_session=True,
    )
    return int(done.stdout.strip())


def _watch(owner: int, owner_started: int, target: int, target_started: int, grace: float) -> int:
    for sig in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)  # only the owner's end or the target's ends this watch
    owner_since = owner_started or None
    target_since = target_started or None
    while alive(owner, owner_since):
        if not alive(target, target_since):
            return 0
        time.sleep(POLL_SECONDS)
    if not alive(target, target_since):
        return 0
    with contextlib.suppress(ProcessLookupError):
        os.kill(target, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not alive(target, target_since):
            return 0
        time.sleep(0.05)
    if alive(target, target_since):
        with contextlib.suppress(ProcessLookupError):
            os.kill(target, signal.SIGKILL)
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 6 and argv[0] == "watch":
        owner, owner_started, target, target_started = (int(x) for x in argv[1:5])
        return _watch(owner, owner_started, target, target_started, float(argv[5]))
    print("usage: lifetime.py watch OWNER OWNER_START TARGET TARGET_START GRACE", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
