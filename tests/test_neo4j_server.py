"""The local Neo4j server: pinned versions, `dakg neo4j start|status|stop`, loopback only, its password."""

from __future__ import annotations

import json
import re
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import yaml
from neo4j import GraphDatabase

from dakg.store.neo4j_server import NEO4J_VERSION, auth_ini_line

from .stores import TEST_HEAP, TEST_PAGECACHE, require_neo4j

REPO = Path(__file__).resolve().parents[1]
DAKG = str(REPO / ".venv" / "bin" / "dakg")


def _dakg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([DAKG, *args], env=env, capture_output=True, text=True, timeout=300, check=False)


def test_one_neo4j_version_everywhere() -> None:
    pom = (REPO / "tools" / "neo4j" / "pom.xml").read_text(encoding="utf-8")
    assert f"<neo4j.version>{NEO4J_VERSION}</neo4j.version>" in pom
    assert re.search(r"<neo4j-browser.version>\d+\.\d+\.\d+</neo4j-browser.version>", pom)
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    assert compose["services"]["neo4j"]["image"] == f"neo4j:{NEO4J_VERSION}-community"


def test_the_initial_password_record_is_the_one_neo4j_admin_writes() -> None:
    # Written by `neo4j-admin dbms set-initial-password secret-pass-123` of Neo4j 5.26.30, with the salt it drew.
    salt = bytes.fromhex("e6d989ff41914ab357bf7ad86ca155f1b26aa7671bce2a1410ef2457869334da")
    expected = (
        "neo4j:SHA-256,c869af227215141044fd8270b4369eac2603b07e340b3b0a07787cb615ba0790,"
        "e6d989ff41914ab357bf7ad86ca155f1b26aa7671bce2a1410ef2457869334da,1024:\n"
    )
    assert auth_ini_line("neo4j", "secret-pass-123", salt) == expected


def test_without_the_jars_start_says_what_is_missing_in_one_line(
    cli_env: Callable[..., dict[str, str]], tmp_path: Path
) -> None:
    env = cli_env(DAKG_DATA_DIR=str(tmp_path / "data"), DAKG_NEO4J_DIST=str(tmp_path / "nothing"))
    result = _dakg(env, "neo4j", "start")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot start Neo4j: "), result.stderr
    assert f"the Neo4j {NEO4J_VERSION} jars are not in {tmp_path / 'nothing'}" in lines[0]


def _listening(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


@pytest.mark.integration
def test_start_status_stop_on_loopback_with_a_private_generated_password(
    cli_env: Callable[..., dict[str, str]], tmp_path: Path, free_port: int
) -> None:
    require_neo4j()
    data = tmp_path / "data"
    env = cli_env(
        DAKG_DATA_DIR=str(data),
        DAKG_NEO4J_BOLT_PORT=str(free_port),
        DAKG_NEO4J_HEAP=TEST_HEAP,
        DAKG_NEO4J_PAGECACHE=TEST_PAGECACHE,
    )
    try:
        started = _dakg(env, "neo4j", "start")
        assert started.returncode == 0, started.stderr
        assert f"Bolt:    bolt://127.0.0.1:{free_port}" in started.stdout
        assert "use it: export DAKG_STORE_URL=neo4j-local" in started.stdout
        folder = data / "neo4j"
        password = folder / "password"
        assert stat.S_IMODE(password.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        status = _dakg(env, "neo4j", "status")
        assert status.returncode == 0
        info = json.loads(status.stdout)
        assert info["running"] and info["version"] == NEO4J_VERSION and info["heap"] == TEST_HEAP
        http_port = int(info["browser"].split(":")[2].split("/")[0])
        for port in (free_port, http_port):
            # 127.0.0.1 only (Java may hold it as the IPv4-mapped IPv6 address): no wildcard, no other interface.
            assert _listening(port) <= {"0100007F", "0000000000000000FFFF00000100007F"}, port
            assert _listening(port), port
        assert httpx.get(info["browser"], timeout=10).status_code == 200
        with GraphDatabase.driver(info["bolt"], auth=("neo4j", password.read_text().strip())) as driver:
            driver.verify_authentication()
            assert not driver.verify_authentication(auth=("neo4j", "neo4j"))
        assert (folder / "logs" / "neo4j.log").read_text().count("Started.") == 1
        assert _dakg(env, "neo4j", "stop").stdout.strip() == "stopped"
        assert _dakg(env, "neo4j", "status").returncode == 3
        assert "Stopped." in (folder / "logs" / "neo4j.log").read_text()
    finally:
        _dakg(env, "neo4j", "stop")


@pytest.mark.integration
def test_a_password_from_the_settings_is_used_and_not_written_down(
    cli_env: Callable[..., dict[str, str]], tmp_path: Path
) -> None:
    require_neo4j()
    data = tmp_path / "data"
    env = cli_env(
        DAKG_DATA_DIR=str(data),
        DAKG_STORE_URL="neo4j-local",
        DAKG_NEO4J_PASSWORD="a-password-of-my-own",
        DAKG_NEO4J_HEAP=TEST_HEAP,
        DAKG_NEO4J_PAGECACHE=TEST_PAGECACHE,
    )
    try:
        started = _dakg(env, "neo4j", "start")
        assert started.returncode == 0, started.stderr
        assert "password DAKG_NEO4J_PASSWORD" in started.stdout
        assert not (data / "neo4j" / "password").exists()
        # The API and CLI reach it through DAKG_STORE_URL=neo4j-local with that password.
        assert _dakg(env, "schema", "status").returncode == 0
    finally:
        _dakg(env, "neo4j", "stop")
