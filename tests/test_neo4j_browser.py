"""Neo4j Browser, as a researcher meets it: served by the local Neo4j, the guide shown on connect, its first query
run in a real (headless) Chromium against the demo corpus. Every runnable block of the guide also runs here.

The screenshot lands in artifacts/neo4j-browser-guide.png (git-ignored) for a human to look at.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import httpx
import pytest
from neo4j import GraphDatabase

from dakg.store import LocalNeo4j, get_query
from dakg.store.neo4j_guide import SLIDES, render_guide, slide_blocks
from dakg.store.neo4j_server import GUIDE_PATH

from .browser import ARTIFACTS, US_RWANDA_TITLES, run_in_chromium
from .stores import empty_neo4j

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[1]
SCREENSHOT = ARTIFACTS / "neo4j-browser-guide.png"


@pytest.fixture(scope="module")
def demo_neo4j(neo4j_module_server: LocalNeo4j) -> LocalNeo4j:
    """The Neo4j for module-wide graphs, emptied and loaded with `dakg ingest corpus/demo` pointed at it."""
    empty_neo4j(neo4j_module_server)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAKG_")}
    env.update(DAKG_STORE_URL=neo4j_module_server.bolt_url, DAKG_NEO4J_PASSWORD=neo4j_module_server.password)
    loaded = subprocess.run(
        [str(REPO / ".venv" / "bin" / "dakg"), "ingest", str(REPO / "corpus" / "demo")],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert loaded.returncode == 0, loaded.stderr
    assert "15 new" in loaded.stderr
    return neo4j_module_server


def test_the_server_serves_browser_and_the_guide_shown_on_connect(demo_neo4j: LocalNeo4j) -> None:
    browser = httpx.get(f"{demo_neo4j.http_url}/browser/", timeout=10)
    assert browser.status_code == 200 and "Neo4j Browser" in browser.text
    guide = httpx.get(demo_neo4j.http_url + GUIDE_PATH, timeout=10)
    assert guide.status_code == 200
    assert guide.text == render_guide()
    conf = demo_neo4j.conf_path.read_text(encoding="utf-8")
    assert f"browser.post_connect_cmd=guide {demo_neo4j.http_url}{GUIDE_PATH}" in conf
    assert "browser.remote_content_hostname_whitelist=127.0.0.1,localhost" in conf


def test_every_runnable_block_of_the_guide_runs_on_neo4j(demo_neo4j: LocalNeo4j) -> None:
    """What a researcher clicks must work: :param lines set parameters, each query then finds something."""
    param_line = re.compile(r"^:param (\w+) => (.+)$")
    with GraphDatabase.driver(demo_neo4j.bolt_url, auth=("neo4j", demo_neo4j.password)) as driver:
        for slide in SLIDES:
            params: dict[str, object] = {}
            for block in slide_blocks(slide):
                match = param_line.match(block)
                if match:  # as Browser does: the value is a Cypher expression, evaluated by the server
                    records, _, _ = driver.execute_query(f"RETURN {match.group(2)} AS value")
                    params[match.group(1)] = records[0]["value"]
                    continue
                records, _, _ = driver.execute_query(block, params)
                assert records, f"{slide.title!r}: {block[:60]!r} found nothing in the demo graph"


def test_browser_connects_shows_the_guide_and_its_first_query_lists_the_us_rwanda_sources(
    demo_neo4j: LocalNeo4j,
) -> None:
    SCREENSHOT.parent.mkdir(exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    request = {
        "url": demo_neo4j.browser_url,
        "user": "neo4j",
        "password": demo_neo4j.password,
        "screenshot": str(SCREENSHOT),
    }
    seen = run_in_chromium("browser-guide.mjs", request)
    assert seen["guide"]["title"] == "dakg: who says what"
    assert seen["guide"]["slide"] == SLIDES[0].title
    first_query = get_query("guide_who_says_what", "neo4j").body
    assert seen["ran"] == [":param agreement => 'USA-RWA'", first_query]
    columns = seen["columns"]
    assert columns == ["source", "outlet", "published", "field", "value", "negated", "quote"]
    rows = [dict(zip(columns, cells[-len(columns) :], strict=True)) for cells in seen["rows"]]
    assert {row["source"] for row in rows} == US_RWANDA_TITLES
    assert {"status", "cap"} <= {row["field"] for row in rows}
    assert SCREENSHOT.stat().st_size > 10_000 and SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
