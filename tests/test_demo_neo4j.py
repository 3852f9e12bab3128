"""`make demo-neo4j` serves the API on the local Neo4j, prints where Neo4j Browser is, and Ctrl-C stops both."""

from __future__ import annotations

import re
import signal
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from dakg.store import LocalNeo4j

from .stores import TEST_HEAP, TEST_PAGECACHE, require_neo4j


@pytest.mark.integration
def test_make_demo_neo4j_serves_the_api_on_neo4j_and_browser_and_ctrl_c_stops_everything(
    serve: Callable[..., object], free_port: int, tmp_path: Path, cli_env: Callable[..., dict[str, str]]
) -> None:
    require_neo4j()
    data = tmp_path / "demo"
    env = cli_env(
        PORT=str(free_port), DEMO_NEO4J_DATA=str(data), DAKG_NEO4J_HEAP=TEST_HEAP, DAKG_NEO4J_PAGECACHE=TEST_PAGECACHE
    )
    served = serve(["make", "--no-print-directory", "demo-neo4j"], free_port, env, timeout=600)
    health = httpx.get(f"{served.url}/health", timeout=10).json()  # type: ignore[attr-defined]
    assert health["status"] == "ok" and health["store"]["kind"] == "neo4j", health
    rwanda = httpx.get(f"{served.url}/agreements", params={"host": "RWA"}, timeout=30).json()  # type: ignore[attr-defined]
    assert {"USA-RWA", "GBR-RWA"} <= {a["key"] for a in rwanda["items"]}
    output = served.output()  # type: ignore[attr-defined]
    browser = re.search(r"Neo4j Browser: (http://127\.0\.0\.1:\d+/browser/\?dbms=bolt://127\.0\.0\.1:\d+)", output)
    assert browser, output
    assert httpx.get(browser.group(1), timeout=10).status_code == 200
    server = LocalNeo4j(data / "neo4j")
    assert server.is_running()
    status = served.interrupt()  # type: ignore[attr-defined]
    assert status in (0, 2, 130, -signal.SIGINT), served.output()  # type: ignore[attr-defined]
    deadline = time.monotonic() + 60
    while server.is_running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not server.is_running(), "the demo left its Neo4j server running"
