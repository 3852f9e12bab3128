"""The reading pages and /docs in a real browser: Debian's headless Chromium driven by Playwright-core
(tools/node/read-pages.mjs) against a live `dakg serve` on the demo corpus. The US–Rwanda page shows every demo
source; on each source's page, every marked span's text is its claim's evidence; /docs renders every operation
with nothing fetched from elsewhere. Screenshots land in artifacts/ (git-ignored) for a person to look at."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .browser import ARTIFACTS, US_RWANDA_TITLES, run_in_chromium

pytestmark = pytest.mark.integration
STORES = ("falkordb",)  # the API's behaviour, on the embedded store; Neo4j answers alike (test_store_parity.py)


@pytest.fixture(scope="module")
def rendered(demo_api: str) -> dict[str, Any]:
    return run_in_chromium("read-pages.mjs", {"base": demo_api, "agreement": "USA-RWA", "shots": str(ARTIFACTS)})


def test_the_us_rwanda_page_shows_every_demo_source(rendered: dict[str, Any], demo_api: str) -> None:
    page = rendered["agreement"]
    assert page["title"] == "United States → Rwanda"
    assert {card["title"] for card in page["cards"]} == US_RWANDA_TITLES
    listed = httpx.get(f"{demo_api}/agreements/USA-RWA", timeout=30).json()
    assert [card["source"] for card in page["cards"]] == [s["source"]["key"] for s in listed["sources"]]
    assert page["current"] == listed["current_status"]["value"]
    assert (ARTIFACTS / "read-agreement-USA-RWA.png").stat().st_size > 10_000
    assert rendered["failed"] == [] and rendered["offsite"] == []


def test_each_highlighted_span_is_its_claims_evidence(rendered: dict[str, Any], demo_api: str) -> None:
    assert set(rendered["sources"]) == {card["source"] for card in rendered["agreement"]["cards"]}
    for key, marks in rendered["sources"].items():
        detail = httpx.get(f"{demo_api}/sources/{key}", params={"include_text": "true"}, timeout=30).json()
        text = detail["text"]
        expected = {
            f"{item['claim']['key']}:{i}": (item["claim"]["key"], e["role"], e["start"], e["end"], e["text"])
            for item in detail["claims"]
            for i, e in enumerate(item["claim"]["evidence"])
        }
        shown = {m["span"]: (m["claim"], m["role"], m["start"], m["end"], m["text"]) for m in marks}
        assert shown == expected, key
        assert all(text[start:end] == words for _, _, start, end, words in shown.values())
    assert (ARTIFACTS / "read-source.png").stat().st_size > 10_000


def test_docs_render_every_operation_offline(rendered: dict[str, Any], demo_api: str) -> None:
    schema = httpx.get(f"{demo_api}/openapi.json", timeout=30).json()
    operations = {(method.upper(), path) for path, item in schema["paths"].items() for method in item}
    assert {tuple(op) for op in rendered["docs"]["operations"]} == operations
    assert len(operations) >= 15
    assert rendered["docs"]["title"].startswith(schema["info"]["title"])
    assert (ARTIFACTS / "docs.png").stat().st_size > 10_000
