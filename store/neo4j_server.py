"""The local Neo4j 5 server: the community server from Maven Central, run by dakg (``dakg neo4j start``).

``make`` resolves the jars pinned in ``tools/neo4j/pom.xml`` (the server, its Bolt and HTTP connectors, and
Neo4j Browser) into ``tools/neo4j/dist``: ``lib/`` holds the jars, ``web/browser/`` Neo4j Browser's static
files. dakg starts ``java -cp web:lib/* org.neo4j.server.CommunityEntryPoint`` itself, as a daemon, with
everything in one folder (``DAKG_NEO4J_DIR``, by default ``DAKG_DATA_DIR/neo4j``):

- ``conf/neo4j.conf`` (written at each start, for inspection): Bolt and HTTP on 127.0.0.1 only, heap and
  page cache from the settings, Neo4j Browser's guide shown on connect;
- ``data/`` (the store files and the transaction logs: a ``kill -9`` loses no committed transaction, and the
  next start recovers from the logs), ``logs/neo4j.log`` and ``logs/console.log``;
- ``run/neo4j.pid`` and ``run/state.json`` (pid and ports), ``password`` (generated at the first start,
  mode 0600, unless DAKG_NEO4J_PASSWORD gives one), ``.lock`` (serialises starts and stops);
- ``run/owner.json`` when the server was started for an owner (``dakg serve``, ``dakg demo``, a test run): it ends
  with that owner however the owner ends (``dakg.store.lifetime``), and a later start that finds it running for
  an owner that is gone stops it first.

Neo4j Browser is served by the server's own HTTP connector at ``/browser/``, from the class path; the guide
for researchers (``dakg.store.neo4j_guide``) is written beside it at every start, so it is current with the
query files in ``cypher/``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dakg.config import Settings
from dakg.errors import ConfigError, StoreUnavailable
from dakg.store import lifetime
from dakg.store.embedded import folder_lock

# The pinned version: tools/neo4j/pom.xml and docker-compose.yml name the same one (tests/test_neo4j_server.py).
NEO4J_VERSION = "5.26.30"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
USER = "neo4j"  # the one user a new community server has
GUIDE_PATH = "/browser/dakg/guide.html"
MIN_JAVA = 17

# A development tool, like the Cypher linter: in a checkout, tools/neo4j/dist beside the package folders.
DEFAULT_DIST = Path(__file__).resolve().parents[1] / "tools" / "neo4j" / "dist"


def default_dist() -> Path:
    return DEFAULT_DIST


def java_executable() -> str | None:
    """``$JAVA_HOME/bin/java`` if JAVA_HOME is set, else ``java`` on the PATH."""
    home = os.environ.get("JAVA_HOME")
    if home and os.access(Path(home) / "bin" / "java", os.X_OK):
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def java_major(java: str) -> int | None:
    try:
        proc = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', proc.stderr + proc.stdout)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def missing_requirements(dist: Path) -> list[str]:
    """What stops a local Neo4j from starting here, one line each (empty when nothing does)."""
    problems = []
    java = java_executable()
    if java is None:
        problems.append(f"Java {MIN_JAVA} or newer is not installed (no `java` on the PATH, no JAVA_HOME)")
    else:
        major = java_major(java)
        if major is None or major < MIN_JAVA:
            problems.append(f"{java} is Java {major or 'of unknown version'}; Neo4j 5 needs Java {MIN_JAVA} or 21")
    if not (dist / "lib" / f"neo4j-{NEO4J_VERSION}.jar").is_file() or not (dist / "web" / "browser").is_dir():
        problems.append(
            f"the Neo4j {NEO4J_VERSION} jars are not in {dist}; run `make neo4j` in the checkout (it needs Maven "
            "and Maven Central), or point DAKG_NEO4J_DIST at such a folder"
        )
    return problems


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def port_is_free(port: int) -> bool:
    """Nothing listens on ``port`` at 127.0.0.1 (connections of a killed server waiting out TIME_WAIT do not
    count: Neo4j binds with SO_REUSEADDR too)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def auth_ini_line(user: str, password: str, salt: bytes | None = None) -> str:
    """The initial-password record `neo4j-admin dbms set-initial-password` writes to ``data/dbms/auth.ini``.

    SHA-256 over salt and password, re-hashed to 1024 iterations (Apache Shiro's SimpleHash, which Neo4j uses).
    Written by dakg so that the password never appears on a command line; the first start turns it into the
    user's credentials (a test connects with it, so a change of format cannot pass unnoticed).
    """
    salt = salt if salt is not None else secrets.token_bytes(32)
    digest = hashlib.sha256(salt + password.encode("utf-8")).digest()
    for _ in range(1023):
        digest = hashlib.sha256(digest).digest()
    return f"{user}:SHA-256,{digest.hex()},{salt.hex()},1024:\n"


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to a new file only this user can read (replacing any old file atomically)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


@dataclass
class LocalNeo4j:
    """A Neo4j 5 community server in its own folder, on 127.0.0.1."""

    folder: Path
    dist: Path = DEFAULT_DIST
    bolt_port: int = 0
    http_port: int = 0
    heap: str = "512m"
    pagecache: str = "256m"
    # Empty: generate one at the first start and keep it in folder/password. Never in repr (logs, test output).
    configured_password: str = field(default="", repr=False)
    _process: subprocess.Popen[bytes] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.folder = Path(self.folder).expanduser().resolve()
        self.dist = Path(self.dist).expanduser().resolve()

    @classmethod
    def from_settings(cls, settings: Settings) -> LocalNeo4j:
        if settings.neo4j_user != USER:
            raise ConfigError(f"the local Neo4j server has the user {USER!r} only; unset DAKG_NEO4J_USER")
        return cls(
            folder=settings.neo4j_local_dir,
            dist=settings.neo4j_dist or default_dist(),
            bolt_port=settings.neo4j_bolt_port,
            http_port=settings.neo4j_http_port,
            heap=settings.neo4j_heap,
            pagecache=settings.neo4j_pagecache,
            configured_password=settings.neo4j_password.get_secret_value(),
        )

    # --- files ---------------------------------------------------------------------------------------------

    @property
    def conf_path(self) -> Path:
        return self.folder / "conf" / "neo4j.conf"

    @property
    def log_path(self) -> Path:
        return self.folder / "logs" / "neo4j.log"

    @property
    def console_path(self) -> Path:
        return self.folder / "logs" / "console.log"

    @property
    def pid_path(self) -> Path:
        return self.folder / "run" / "neo4j.pid"

    @property
    def state_path(self) -> Path:
        return self.folder / "run" / "state.json"

    @property
    def owner_path(self) -> Path:
        return self.folder / "run" / "owner.json"

    @property
    def password_path(self) -> Path:
        return self.folder / "password"

    @property
    def guide_file(self) -> Path:
        return self.dist / "web" / GUIDE_PATH.removeprefix("/")

    def _state(self) -> dict[str, Any]:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    # --- addresses -----------------------------------------------------------------------------------------

    def ports(self) -> tuple[int, int]:
        """(Bolt, HTTP) ports of the running server, or of the last start."""
        state = self._state()
        return int(state.get("bolt_port") or self.bolt_port), int(state.get("http_port") or self.http_port)

    @property
    def bolt_url(self) -> str:
        return f"bolt://127.0.0.1:{self.ports()[0]}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.ports()[1]}"

    @property
    def browser_url(self) -> str:
        """Neo4j Browser, with the connection form filled in with this server's Bolt address."""
        return f"{self.http_url}/browser/?dbms={self.bolt_url}"

    @property
    def password(self) -> str:
        """DAKG_NEO4J_PASSWORD if set, else the one generated at the first start."""
        if self.configured_password:
            return self.configured_password
        try:
            return self.password_path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise StoreUnavailable(
                f"no password in {self.password_path} ({exc.strerror}); start the server with `dakg neo4j start`"
            ) from exc

    # --- process -------------------------------------------------------------------------------------------

    def pid(self) -> int | None:
        """The server's process id if it runs (checked against its command line: pids are reused)."""
        try:
            pid = int(self.pid_path.read_text().strip())
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError):
            return None
        if self._process is not None and self._process.pid == pid and self._process.poll() is not None:
            return None  # ended (and now reaped): a zombie of ours still shows its command line
        if MAIN_CLASS.encode() in cmdline and f"--home-dir={self.folder}".encode() in cmdline and lifetime.alive(pid):
            return pid
        return None

    def stale(self) -> bool:
        """The server runs for an owner that is gone (its watchdog was killed too)."""
        owner = lifetime.Owner.read(self.owner_path)
        return owner is not None and not owner.alive()

    def is_running(self) -> bool:
        return self.pid() is not None

    def _lock(self) -> contextlib.AbstractContextManager[None]:
        return folder_lock(self.folder, "for Neo4j", timeout=300.0)

    def _password_for_start(self) -> str:
        if self.configured_password:
            return self.configured_password
        if self.password_path.exists():
            os.chmod(self.password_path, 0o600)
            return self.password
        generated = secrets.token_urlsafe(24)
        _write_private(self.password_path, generated + "\n")
        return generated

    def _choose_ports(self) -> tuple[int, int]:
        last_bolt, last_http = (int(self._state().get(k) or 0) for k in ("bolt_port", "http_port"))
        chosen = []
        for wanted, last in ((self.bolt_port, last_bolt), (self.http_port, last_http)):
            if wanted:
                if not port_is_free(wanted):
                    raise StoreUnavailable(f"port {wanted} on 127.0.0.1 is in use; choose another (DAKG_NEO4J_*_PORT)")
                chosen.append(wanted)
            elif last and last not in chosen and port_is_free(last):
                chosen.append(last)  # the same address as last time, so Browser bookmarks keep working
            else:
                port = free_port()
                while port in chosen:
                    port = free_port()
                chosen.append(port)
        return chosen[0], chosen[1]

    def config_text(self, bolt_port: int, http_port: int) -> str:
        guide = f"http://127.0.0.1:{http_port}{GUIDE_PATH}"
        lines = [
            "# Written by dakg at every start; change DAKG_NEO4J_* settings instead of this file.",
            "server.default_listen_address=127.0.0.1",
            "server.default_advertised_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{bolt_port}",
            f"server.bolt.advertised_address=127.0.0.1:{bolt_port}",
            "server.bolt.tls_level=DISABLED",
            f"server.http.listen_address=127.0.0.1:{http_port}",
            f"server.http.advertised_address=127.0.0.1:{http_port}",
            "server.https.enabled=false",
            f"server.directories.data={self.folder / 'data'}",
            f"server.directories.logs={self.folder / 'logs'}",
            f"server.directories.run={self.folder / 'run'}",
            f"server.directories.import={self.folder / 'import'}",
            f"server.directories.plugins={self.folder / 'plugins'}",
            f"server.memory.heap.initial_size={self.heap}",
            f"server.memory.heap.max_size={self.heap}",
            f"server.memory.pagecache.size={self.pagecache}",
            "dbms.security.auth_enabled=true",
            "db.transaction.timeout=120s",  # what Browser users run; dakg's own queries carry shorter limits
            # How often time limits are checked (default 2 s): a query stops within 0.1 s of its limit.
            "db.transaction.monitor.check.interval=100ms",
            "db.tx_log.rotation.retention_policy=1G size",
            "db.tx_log.rotation.size=64M",
            "db.tx_log.preallocate=false",  # else every database starts with 256 MB of empty log on disk
            # Bolt's event loops wait 5 s twice for new work at shutdown, after the databases are already stopped
            # and checkpointed: a stop takes 0.5 s instead of 10.
            "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
            "dbms.usage_report.enabled=false",
            "client.allow_telemetry=false",
            f"browser.post_connect_cmd=guide {guide}",
            "browser.remote_content_hostname_whitelist=127.0.0.1,localhost",
        ]
        return "\n".join(lines) + "\n"

    def command(self, java: str) -> list[str]:
        classpath = f"{self.dist / 'web'}{os.pathsep}{self.dist / 'lib'}{os.sep}*"
        return [
            java,
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            "-XX:+UseG1GC",
            "-XX:-OmitStackTraceInFastThrow",
            "-XX:+DisableExplicitGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djdk.nio.maxCachedBufferSize=1024",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dlog4j2.disable.jmx=true",
            "-Dfile.encoding=UTF-8",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "-cp",
            classpath,
            MAIN_CLASS,
            f"--home-dir={self.folder}",
            f"--config-dir={self.folder / 'conf'}",
        ]

    def _write_guide(self) -> None:
        from dakg.store.neo4j_guide import render_guide

        try:
            self.guide_file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.guide_file.with_name(f".guide.{os.getpid()}.tmp")
            temporary.write_text(render_guide(), encoding="utf-8")
            os.replace(temporary, self.guide_file)
        except OSError as exc:
            raise StoreUnavailable(f"cannot write Neo4j Browser's guide to {self.guide_file} ({exc})") from exc

    def start(self, timeout: float = 180.0, *, owned: bool = False) -> bool:
        """Start the server unless it runs; wait until it answers on Bolt. True if this call started it.

        ``owned``: the server ends when this process ends, however it ends (a watchdog sees to it); otherwise it
        runs until `dakg neo4j stop`. A server running for an owner that is gone is stopped first."""
        with self._lock():
            if self.is_running() and self.stale():
                self._stop_locked(timeout=120.0)
            if self.is_running():
                return False
            with contextlib.suppress(FileNotFoundError):
                self.owner_path.unlink()
            problems = missing_requirements(self.dist)
            if problems:
                raise StoreUnavailable("cannot start Neo4j: " + "; ".join(problems))
            java = java_executable()
            assert java is not None
            password = self._password_for_start()
            bolt_port, http_port = self._choose_ports()
            try:
                for sub in ("conf", "data", "logs", "run", "import", "plugins"):
                    (self.folder / sub).mkdir(exist_ok=True, mode=0o700)
                if not (self.folder / "data" / "databases" / "system").exists():
                    (self.folder / "data" / "dbms").mkdir(parents=True, exist_ok=True, mode=0o700)
                    _write_private(self.folder / "data" / "dbms" / "auth.ini", auth_ini_line(USER, password))
                self.conf_path.write_text(self.config_text(bolt_port, http_port), encoding="utf-8")
            except OSError as exc:
                raise StoreUnavailable(f"cannot prepare {self.folder} ({exc.strerror or exc})") from exc
            self._write_guide()
            with open(self.console_path, "a", encoding="utf-8") as console:
                console.write(f"--- dakg: starting Neo4j {NEO4J_VERSION} at {time.ctime()}\n")
            pid = self._spawn(java)
            self.pid_path.write_text(f"{pid}\n")
            state = {"pid": pid, "bolt_port": bolt_port, "http_port": http_port, "version": NEO4J_VERSION}
            self.state_path.write_text(json.dumps(state) + "\n", encoding="utf-8")
            if owned:  # before the wait: an owner killed while Neo4j starts takes it along too
                lifetime.Owner.me().write(self.owner_path)
                lifetime.watch(pid)
            self._wait_until_ready(pid, password, timeout)
            return True

    def _spawn(self, java: str) -> int:
        """Start the server in a session of its own (a Ctrl-C to the caller's terminal does not reach it); return
        its pid once it runs Java (the launcher may not have exec'd yet when the fork returns: the start race)."""
        try:
            with open(self.console_path, "ab") as console:
                self._process = lifetime.keep(
                    subprocess.Popen(
                        self.command(java),
                        cwd=self.folder,
                        stdin=subprocess.DEVNULL,
                        stdout=console,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )
        except OSError as exc:
            raise StoreUnavailable(f"could not start {java}: {exc}") from exc
        pid = self._process.pid
        if not lifetime.wait_for_exec(pid, MAIN_CLASS.encode(), timeout=30.0):
            raise StoreUnavailable(f"could not start {java}: it exited at once (log: {self.console_path})")
        return pid

    def _alive(self, pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return self.pid() == pid

    def _wait_until_ready(self, pid: int, password: str, timeout: float) -> None:
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

        deadline = time.monotonic() + timeout
        last: Exception | None = None
        while time.monotonic() < deadline:
            if not self._alive(pid):
                raise StoreUnavailable(
                    f"Neo4j exited at start: {self.last_log_line()} (logs: {self.console_path}, {self.log_path})"
                )
            try:
                with (
                    GraphDatabase.driver(
                        self.bolt_url, auth=(USER, password), connection_timeout=2.0, max_transaction_retry_time=0.0
                    ) as driver,
                    driver.session(database="neo4j") as session,
                ):
                    session.run("RETURN 1").consume()
                return
            except AuthError as exc:
                self._kill(pid)
                raise StoreUnavailable(
                    f"Neo4j in {self.folder} refused the password: its database was created with another one "
                    f"({exc.message})"
                ) from exc
            except (ServiceUnavailable, SessionExpired, Neo4jError, OSError) as exc:
                last = exc  # not listening yet, or the database is still starting (recovering)
                time.sleep(0.25)
        self._kill(pid)
        raise StoreUnavailable(
            f"Neo4j did not answer within {timeout:.0f}s ({last}); last log line: {self.last_log_line()}"
        )

    def _kill(self, pid: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)

    def stop(self, timeout: float = 120.0) -> bool:
        """Stop the server (a clean shutdown: a checkpoint, then exit). True if it was running."""
        with self._lock():
            return self._stop_locked(timeout)

    def _stop_locked(self, timeout: float) -> bool:
        with contextlib.suppress(FileNotFoundError):
            self.owner_path.unlink()
        pid = self.pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)  # Neo4j's shutdown hook stops the databases cleanly
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.pid() is None:
                break
            time.sleep(0.1)
        else:
            self._kill(pid)  # the transaction logs still hold every committed write
            while self.pid() is not None:
                time.sleep(0.1)
        with contextlib.suppress(FileNotFoundError):
            self.pid_path.unlink()
        return True

    def wait_for_exit(self, timeout: float = 60.0) -> None:
        """After a kill: wait until the process is gone (and its files are released)."""
        deadline = time.monotonic() + timeout
        while self.pid() is not None and time.monotonic() < deadline:
            time.sleep(0.05)

    def info(self) -> dict[str, Any]:
        """What ``dakg neo4j status`` shows."""
        running = self.is_running()
        bolt, http = self.ports()
        status: dict[str, Any] = {
            "running": running,
            "version": NEO4J_VERSION,
            "folder": str(self.folder),
            "pid": self.pid(),
            "bolt": self.bolt_url if bolt else None,
            "browser": self.browser_url if http else None,
            "user": USER,
            "password": "DAKG_NEO4J_PASSWORD" if self.configured_password else str(self.password_path),
            "heap": self.heap,
            "pagecache": self.pagecache,
            "log": str(self.log_path),
        }
        data = self.folder / "data"
        if data.is_dir():
            status["data_bytes"] = sum(p.stat().st_size for p in data.rglob("*") if p.is_file())
        return status

    def last_log_line(self) -> str:
        """The line that says why the last start failed: an exception in the console output of that start, an
        ERROR in neo4j.log, or else the last line of either."""
        try:
            console = self.console_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            console = ""
        this_start = console.rsplit("--- dakg", 1)[-1].splitlines()[1:]
        for line in this_start:
            if "Exception" in line or "Error" in line:
                return line.strip()[-500:]
        try:
            log = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            log = []
        errors = [line for line in log if " ERROR " in line]
        for candidates in (errors, log, this_start):
            if candidates:
                return candidates[-1].strip()[-500:]
        return "(no log)"
