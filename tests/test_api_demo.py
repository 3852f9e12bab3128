"""The REST API as users run it: `dakg serve` over the real embedded store, loaded with the demo corpus by the
real extractor. The shared demo server is read-only; tests that post documents start a server on a graph of
their own. (Everything else about the API is tested in this process, in tests/test_api.py.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from .stores import API_TOKEN

pytestmark = pytest.mark.integration
STORES = ("falkordb",)  # the API's behaviour, on the embedded store; Neo4j answers alike (test_store_parity.py)

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


def get(api: str, path: str, **params: Any) -> Any:
    response = httpx.get(api + path, params=params, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_headline_question_on_the_demo_corpus(demo_api: str) -> None:
    page = get(demo_api, "/agreements", host="RWA")
    assert [a["key"] for a in page["items"]] == ["GBR-RWA", "ISR-RWA", "USA-RWA"]
    usa = page["items"][2]
    assert usa["host"] == {"key": "RWA", "name": "Rwanda"} and usa["deporting"] == {
        "key": "USA",
        "name": "United States",
    }
    assert [(s["source"]["title"], s["source"]["published"], s["status"]) for s in usa["sources"]] == [
        ("First deportees from the US land in Kigali", "2025-08-28", "implemented"),
        ("Analysis: Kigali and Washington still negotiating, officials insist", "2025-08-12", "under_negotiation"),
        ("Rwanda agrees to accept up to 250 migrants deported from the US", "2025-08-05", "agreed"),
        ("Rwanda confirms talks with Washington on taking in deportees", "2025-05-05", "under_negotiation"),
    ]
    assert (usa["current_status"]["value"], usa["current_status"]["published"]) == ("implemented", "2025-08-28")
    assert (usa["disputes"], usa["sources_total"], usa["claims_total"]) == (["status"], 4, 30)
    texts: dict[str, str] = {}
    for agreement in page["items"]:
        for source in agreement["sources"]:
            key = source["source"]["key"]
            texts.setdefault(key, get(demo_api, f"/sources/{key}", include_text="true")["text"])
            for claim in source["claims"]:
                assert texts[key][claim["start"] : claim["end"]] == claim["quote"]


def test_every_demo_agreement_and_dispute(demo_api: str) -> None:
    page = get(demo_api, "/agreements", limit=200)
    summary = {
        a["key"]: (a["current_status"]["value"], a["current_status"]["published"], a["disputes"], a["sources_total"])
        for a in page["items"]
    }
    assert summary == {
        # Signed, struck down, scrapped: progress; £120m (2022), then £140m (2023): a running total, not a dispute.
        "GBR-RWA": ("scrapped", "2024-07-06", [], 3),
        "ISR-RWA": ("implemented", "2018-01-24", ["status"], 1),  # one article carries a claim and its denial
        "ISR-UGA": ("implemented", "2018-01-24", ["status"], 1),
        "ITA-ALB": ("suspended", "2025-06-02", [], 3),
        "USA-RWA": ("implemented", "2025-08-28", ["status"], 4),
        "USA-SSD": ("implemented", "2025-07-05", [], 1),
        "USA-SWZ": ("implemented", "2025-09-12", [], 2),  # "US pays Eswatini ... to accept deportees"
        "USA-UGA": ("agreed", "2025-08-21", [], 1),
    }
    disputes = get(demo_api, "/disputes")
    assert [(d["agreement"], d["field"]) for d in disputes["items"]] == [
        ("ISR-RWA", "status"),
        ("ISR-UGA", "status"),
        ("USA-RWA", "status"),
    ]
    usa = disputes["items"][2]
    assert {s["value"]: sorted(src["title"] for src in s["sources"]) for s in usa["sides"]} == {
        "agreed": ["Rwanda agrees to accept up to 250 migrants deported from the US"],
        "implemented": ["First deportees from the US land in Kigali"],
        "under_negotiation": [
            "Analysis: Kigali and Washington still negotiating, officials insist",
            "Rwanda confirms talks with Washington on taking in deportees",
        ],
    }
    assert (get(demo_api, "/sources")["total"], get(demo_api, "/countries")["total"]) == (15, 21)


def test_streamed_bodies_over_the_limit_are_refused(demo_api: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(200):
            yield b"x" * 1000
        yield b'"}'

    streamed = httpx.post(
        demo_api + "/documents", content=chunks(), headers={**AUTH, "content-type": "application/json"}
    )
    assert streamed.status_code == 413
    assert streamed.headers["content-type"] == "application/problem+json"
    assert get(demo_api, "/sources")["total"] == 15


def test_posting_a_document_extracts_it_writes_it_once_and_updates_the_overview(
    own_api: Callable[..., str],
) -> None:
    api = own_api(corpus=True)  # the hand-written corpus: US–Eswatini has two sources, a cap dispute
    document = {
        "text": "Eswatini is still in talks with the United States about accepting deported migrants, officials said.",
        "title": "Eswatini still in talks",
        "published": "2030-01-01",
    }
    assert httpx.post(api + "/documents", json=document).status_code == 401
    created = httpx.post(api + "/documents", json=document, headers=AUTH, timeout=120)
    assert created.status_code == 200, created.text
    body = created.json()
    assert body["outcome"] == "new"
    [agreement] = body["fragment"]["agreements"]
    assert agreement["key"] == "USA-SWZ"
    statuses = [(c["value"], c["negated"]) for c in agreement["claims"] if c["field"] == "status"]
    assert statuses == [("under_negotiation", False)]
    again = httpx.post(api + "/documents", json=document, headers=AUTH, timeout=120)
    assert again.json()["outcome"] == "unchanged"
    after = get(api, "/agreements/USA-SWZ")
    assert (after["sources_total"], after["current_status"]["value"]) == (3, "under_negotiation")
    assert after["disputes"] == ["status", "cap"]  # talks reported after people were sent
    assert get(api, "/sources")["total"] == 13


def test_values_no_store_can_hold_are_not_written(own_api: Callable[..., str]) -> None:
    api = own_api()
    huge = {"text": "Rwanda agreed to accept up to 99999999999999999999999 migrants deported from the US, for $9e99."}
    response = httpx.post(api + "/documents", json=huge, headers=AUTH, timeout=120)
    assert response.status_code == 200, response.text
    [agreement] = response.json()["fragment"]["agreements"]
    assert [c["field"] for c in agreement["claims"] if c["field"] in ("cap", "payment")] == []  # not figures to store
    assert get(api, "/sources")["total"] == 1


def test_the_demo_record_the_day_before_the_supreme_court_ruled(demo_api: str) -> None:
    """As of 14 November 2023 the UK–Rwanda scheme stood signed; from the ruling on, struck down; today scrapped."""
    today = get(demo_api, "/agreements/GBR-RWA")
    before = get(demo_api, "/agreements/GBR-RWA", as_of="2023-11-14")
    ruled = get(demo_api, "/agreements/GBR-RWA", as_of="2023-11-15")
    assert [a["current_status"]["value"] for a in (before, ruled, today)] == ["signed", "struck_down", "scrapped"]
    assert (before["sources_total"], ruled["sources_total"], today["sources_total"]) == (1, 2, 3)
    assert [a["key"] for a in get(demo_api, "/agreements", host="RWA", as_of="2023-11-14")["items"]] == [
        "GBR-RWA",
        "ISR-RWA",
    ]
