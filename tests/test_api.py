"""The REST API on a real server over the real embedded store, loaded with the demo corpus."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from dakg.api import examples

from .conftest import API_TOKEN

pytestmark = pytest.mark.slow


def get(api: str, path: str, **params: Any) -> httpx.Response:
    return httpx.get(api + path, params=params, timeout=30)


def _source_text(api: str, key: str, cache: dict[str, str] = {}) -> str:  # noqa: B006 - a per-run memo
    if key not in cache:
        cache[key] = get(api, f"/sources/{key}", include_text=True).json()["text"]
    return cache[key]


def test_the_headline_question_shows_every_sources_claims_with_exact_quotes(demo_api: str) -> None:
    page = get(demo_api, "/agreements", host="RWA").json()
    by_key = {a["key"]: a for a in page["items"]}
    assert {"USA-RWA", "GBR-RWA", "ISR-RWA"} <= set(by_key)
    usa = by_key["USA-RWA"]
    assert usa["host"] == {"key": "RWA", "name": "Rwanda"} and usa["deporting"]["key"] == "USA"
    assert usa["sources_total"] == len(usa["sources"]) == 4
    statuses = {s["source"]["title"]: s["status"] for s in usa["sources"]}
    assert statuses["Rwanda confirms talks with Washington on taking in deportees"] == "under_negotiation"
    assert statuses["Rwanda agrees to accept up to 250 migrants deported from the US"] == "agreed"
    assert statuses["First deportees from the US land in Kigali"] == "implemented"
    # Newest source first, and the current status is the newest source's.
    dates = [s["source"]["published"] for s in usa["sources"]]
    assert dates == sorted(dates, reverse=True)
    assert usa["current_status"]["value"] == "implemented"
    assert usa["current_status"]["published"] == "2025-08-28"
    for agreement in page["items"]:
        for source in agreement["sources"]:
            text = _source_text(demo_api, source["source"]["key"])
            for claim in source["claims"]:
                assert text[claim["start"] : claim["end"]] == claim["quote"]


def test_the_same_answer_from_the_country(demo_api: str) -> None:
    direct = get(demo_api, "/agreements", host="RWA").json()
    via_country = get(demo_api, "/countries/rwa/agreements", role="host").json()
    assert [a["key"] for a in via_country["items"]] == [a["key"] for a in direct["items"]]
    deporting = get(demo_api, "/countries/USA/agreements", role="deporting").json()
    assert all(a["deporting"]["key"] == "USA" for a in deporting["items"]) and deporting["total"] >= 4


def test_filters_by_deporting_state_and_status(demo_api: str) -> None:
    page = get(demo_api, "/agreements", deporting="USA", host="RWA").json()
    assert [a["key"] for a in page["items"]] == ["USA-RWA"]
    scrapped = get(demo_api, "/agreements", status="scrapped").json()
    assert [a["key"] for a in scrapped["items"]] == ["GBR-RWA"]
    summary = get(demo_api, "/agreements", host="SWZ", claims="summary").json()
    fields = {c["field"] for a in summary["items"] for s in a["sources"] for c in s["claims"]}
    assert fields <= {"status", "cap", "payment"} and "payment" in fields


def test_disputes_list_us_rwanda_with_each_side_and_its_sources(demo_api: str) -> None:
    disputes = get(demo_api, "/disputes").json()["items"]
    status = {d["agreement"]: d for d in disputes if d["field"] == "status"}
    assert "USA-RWA" in status
    sides = {s["value"]: {src["title"] for src in s["sources"]} for s in status["USA-RWA"]["sides"]}
    assert "Analysis: Kigali and Washington still negotiating, officials insist" in sides["under_negotiation"]
    assert "Rwanda agrees to accept up to 250 migrants deported from the US" in sides["agreed"]
    # Progress over time is not a dispute: signed (2022), struck down (2023), scrapped (2024).
    assert "GBR-RWA" not in status
    # A denial against an affirmation is.
    assert "ISR-UGA" in status
    payment = {d["agreement"] for d in disputes if d["field"] == "payment"}
    assert "GBR-RWA" in payment


def test_one_agreement_in_full_and_its_timeline(demo_api: str) -> None:
    detail = get(demo_api, "/agreements/usa-rwa").json()
    assert detail["key"] == "USA-RWA"
    assert any(o["key"] == "olivier-nduhungirehe" for o in detail["officials"])
    assert any(g["size"] == 250 for g in detail["migrant_groups"])
    timeline = get(demo_api, "/agreements/USA-RWA/timeline", fields="status").json()
    dates = [e["source"]["published"] for e in timeline["items"]]
    assert dates == sorted(dates)
    assert timeline["items"][0]["claim"]["value"] == "under_negotiation"


def test_sources_countries_officials(demo_api: str) -> None:
    sources = get(demo_api, "/sources", limit=5).json()
    assert sources["total"] >= 15 and len(sources["items"]) == 5  # other tests may have posted documents
    detail = get(demo_api, f"/sources/{sources['items'][0]['key']}", include_text=True).json()
    for mention in detail["mentions"]:
        for start, end in mention["offsets"]:
            assert detail["text"][start:end]
    assert get(demo_api, f"/sources/{sources['items'][0]['key']}").json()["text"] is None
    assert get(demo_api, "/sources", published_from="2025-08", published_to="2025-08").json()["total"] == 4
    country = get(demo_api, "/countries/RWA").json()
    assert set(country["hosting"]) >= {"USA-RWA", "GBR-RWA"}
    official = get(demo_api, "/officials/olivier-nduhungirehe").json()
    assert official["countries"] == ["RWA"]
    assert any(c["claim"]["field"] == "acts_for" and c["claim"]["value"] == "RWA" for c in official["claims"])
    assert get(demo_api, "/officials", country="GBR").json()["total"] >= 3


def test_search_finds_sources_and_entities(demo_api: str) -> None:
    hits = get(demo_api, "/search", q="Eswatini").json()
    assert any(h["label"] == "Country" and h["key"] == "SWZ" for h in hits)
    assert any(h["label"] == "Source" and "Eswatini" in (h["snippet"] or "") for h in hits)
    hostile = get(demo_api, "/search", q="\"') DETACH DELETE n //* OR AND NOT")
    assert hostile.status_code == 200 and isinstance(hostile.json(), list)
    assert get(demo_api, "/search", q="!!!").json() == []
    assert get(demo_api, "/countries/RWA").status_code == 200  # nothing was deleted


def test_graph_neighbourhood(demo_api: str) -> None:
    graph = get(demo_api, "/graph/USA-RWA", depth=1).json()
    ids = {n["id"] for n in graph["nodes"]}
    assert {"USA-RWA", "USA", "RWA"} <= ids
    assert {"source": "USA-RWA", "target": "RWA", "type": "HOST_PARTY"} in graph["edges"]
    for edge in graph["edges"]:
        assert edge["source"] in ids and edge["target"] in ids
    small = get(demo_api, "/graph/RWA", depth=2, limit=5).json()
    assert len(small["nodes"]) == 5 and small["truncated"] is True


def test_pagination_is_stable_and_capped(demo_api: str) -> None:
    first = get(demo_api, "/sources", limit=7, offset=0).json()["items"]
    second = get(demo_api, "/sources", limit=8, offset=7).json()["items"]
    whole = get(demo_api, "/sources", limit=15).json()["items"]
    assert [s["key"] for s in first + second] == [s["key"] for s in whole]
    assert get(demo_api, "/sources", offset=1000).json()["items"] == []
    too_many = get(demo_api, "/sources", limit=201)
    assert too_many.status_code == 422 and "DAKG_PAGE_SIZE_MAX" in too_many.json()["detail"]


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/agreements/USA-XYZ", {}, 404),
        ("/sources/" + "0" * 64, {}, 404),
        ("/countries/ZZZ", {}, 404),
        ("/countries/ZZZ/agreements", {}, 404),
        ("/officials/nobody-at-all", {}, 404),
        ("/graph/nothing-here", {}, 404),
        ("/agreements", {"host": "Rwanda"}, 422),
        ("/agreements", {"status": "done"}, 422),
        ("/agreements", {"limit": 0}, 422),
        ("/agreements/not-a-key", {}, 422),
        ("/sources/xyz", {}, 422),
        ("/sources", {"published_from": "May 2025"}, 422),
        ("/search", {"q": ""}, 422),
        ("/graph/USA-RWA", {"depth": 3}, 422),
    ],
)
def test_errors_are_problem_documents(demo_api: str, path: str, params: dict[str, object], status: int) -> None:
    response = get(demo_api, path, **params)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["detail"]
    assert "Traceback" not in response.text


def test_posting_a_document_needs_the_token_and_answers_with_what_was_extracted(demo_api: str) -> None:
    document = {
        "text": "Ghana has agreed to accept West Africans deported from the United States, officials said.",
        "title": "Ghana agrees",
        "published": "2025-09-10",
    }
    missing = httpx.post(demo_api + "/documents", json=document)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = httpx.post(demo_api + "/documents", json=document, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    auth = {"Authorization": f"Bearer {API_TOKEN}"}
    created = httpx.post(demo_api + "/documents", json=document, headers=auth, timeout=120)
    assert created.status_code == 200, created.text
    body = created.json()
    assert body["outcome"] in ("new", "unchanged")
    assert [a["key"] for a in body["fragment"]["agreements"]] == ["USA-GHA"]
    again = httpx.post(demo_api + "/documents", json=document, headers=auth, timeout=120)
    assert again.json()["outcome"] == "unchanged"
    assert get(demo_api, "/agreements/USA-GHA").status_code == 200
    empty = httpx.post(demo_api + "/documents", json={"text": "< td > li >"}, headers=auth, timeout=120)
    assert empty.status_code == 422 and "empty after cleaning" in empty.json()["detail"]
    bad = httpx.post(
        demo_api + "/documents", content=b"{not json", headers={**auth, "content-type": "application/json"}
    )
    assert bad.status_code == 422


def test_oversized_bodies_are_refused_with_413(demo_api: str) -> None:
    auth = {"Authorization": f"Bearer {API_TOKEN}"}
    huge = {"text": "word " * 40_000}
    response = httpx.post(demo_api + "/documents", json=huge, headers=auth)
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(200):
            yield b"x" * 1000
        yield b'"}'

    streamed = httpx.post(
        demo_api + "/documents", content=chunks(), headers={**auth, "content-type": "application/json"}
    )
    assert streamed.status_code == 413


def test_openapi_examples_come_from_the_demo_corpus(demo_api: str) -> None:
    spec = get(demo_api, "/openapi.json").json()
    assert "/agreements" in spec["paths"] and "/disputes" in spec["paths"]
    for source in examples.AGREEMENT["sources"]:
        text = _source_text(demo_api, source["source"]["key"])
        for claim in source["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["quote"]
    disputes = get(demo_api, "/disputes").json()["items"]
    assert any(
        d["agreement"] == examples.DISPUTE["agreement"] and d["field"] == examples.DISPUTE["field"] for d in disputes
    )


def test_answers_built_without_models_still_match_the_documented_models(demo_api: str) -> None:
    from dakg.api import models as m

    m.Page[m.AgreementSummary].model_validate(get(demo_api, "/agreements").json())
    m.Page[m.AgreementSummary].model_validate(get(demo_api, "/agreements", claims="summary", sources_limit=1).json())
    m.Page[m.AgreementSummary].model_validate(get(demo_api, "/countries/RWA/agreements").json())
    for key in ("USA-RWA", "GBR-RWA", "ISR-UGA"):
        m.AgreementDetail.model_validate(get(demo_api, f"/agreements/{key}").json())


def test_a_new_source_changes_the_cached_overview_at_once(demo_api: str) -> None:
    before = get(demo_api, "/agreements/USA-SSD").json()
    assert before["current_status"]["value"] == "implemented" and not before["disputed"]
    auth = {"Authorization": f"Bearer {API_TOKEN}"}
    document = {
        "text": "South Sudan is still in talks with the United States about accepting deported migrants, "
        "officials said.",
        "title": "South Sudan still in talks",
        "published": "2030-01-01",
    }
    assert httpx.post(demo_api + "/documents", json=document, headers=auth, timeout=120).status_code == 200
    after = get(demo_api, "/agreements/USA-SSD").json()
    assert after["sources_total"] == before["sources_total"] + 1
    assert after["current_status"]["value"] == "under_negotiation"
    assert after["current_status"]["published"] == "2030-01-01"
    assert after["disputed"] and after["disputes"] == ["status"]  # talks reported after people were sent
    listed = {a["key"]: a for a in get(demo_api, "/agreements", deporting="USA").json()["items"]}
    assert listed["USA-SSD"]["sources_total"] == after["sources_total"]


def test_the_list_and_the_disputes_endpoint_agree(demo_api: str) -> None:
    flagged = {
        (a["key"], field) for a in get(demo_api, "/agreements", limit=200).json()["items"] for field in a["disputes"]
    }
    listed = {(d["agreement"], d["field"]) for d in get(demo_api, "/disputes", limit=200).json()["items"]}
    assert flagged == listed and flagged


def test_posted_metadata_is_checked(demo_api: str) -> None:
    auth = {"Authorization": f"Bearer {API_TOKEN}"}
    text = "Rwanda has agreed to accept migrants deported from the United States."
    for body in ({"text": text, "title": "bad\x00title"}, {"text": text, "published": "the other day"}):
        response = httpx.post(demo_api + "/documents", json=body, headers=auth, timeout=120)
        assert response.status_code == 422, response.text
    huge = {"text": "Rwanda agreed to accept up to 99999999999999999999999 migrants deported from the US, for $9e99."}
    response = httpx.post(demo_api + "/documents", json=huge, headers=auth, timeout=120)
    assert response.status_code == 200, response.text
    caps = [c for a in response.json()["fragment"]["agreements"] for c in a["claims"] if c["field"] == "cap"]
    assert caps == []  # not a figure to store
