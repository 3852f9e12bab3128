"""The REST API in this process (FastAPI's TestClient) over each real store, on the hand-written corpus.

Every answer is known exactly from ``tests/corpus.py``; tests that write get a graph of their own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from dakg.answers.intake import Ingestor
from dakg.answers.models import Label
from dakg.api.deps import get_app_settings, get_ingestor, get_store
from dakg.config import Settings
from dakg.errors import DocumentError
from dakg.ingest.fragment import Fragment
from dakg.ingest.load import load_fragment
from dakg.ingest.pipeline import prepare
from dakg.ingest.read import RawDocument
from dakg.schema import GRAPH
from dakg.store import EmbeddedServer, GraphStore, open_store

from .conftest import client_for
from .corpus import DOCS, FRAGMENTS, KEYS, TITLES, Doc

STORES = ("falkordb",)  # the API's behaviour, on the embedded store; Neo4j answers alike (test_store_parity.py)

RULE = (
    "the status of the most recently published source that gives one (its last terminal claim, else its most confident)"
)


def claim_fields(source: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(c["field"], c["value"]) for c in source["claims"]]


def test_the_headline_question_shows_every_sources_claims_with_exact_quotes(api: TestClient) -> None:
    page = api.get("/agreements", params={"host": "RWA"}).json()
    assert (page["total"], page["offset"], page["limit"]) == (2, 0, 20)
    assert [a["key"] for a in page["items"]] == ["GBR-RWA", "USA-RWA"]
    usa = page["items"][1]
    assert usa["name"] == "United States → Rwanda"
    assert usa["deporting"] == {"key": "USA", "name": "United States"}
    assert usa["host"] == {"key": "RWA", "name": "Rwanda"}
    assert usa["current_status"] == {
        "value": "implemented",
        "source": KEYS["rwa-arrivals"],
        "published": "2025-08-28",
        "rule": RULE,
    }
    assert (usa["disputed"], usa["disputes"]) == (True, ["status"])
    assert (usa["sources_total"], usa["claims_total"], usa["sources_truncated"]) == (4, 10, False)
    # Newest source first, each with its own status and its claims in text order.
    assert [(s["source"]["key"], s["status"]) for s in usa["sources"]] == [
        (KEYS["rwa-arrivals"], "implemented"),
        (KEYS["rwa-doubt"], "under_negotiation"),
        (KEYS["rwa-deal"], "agreed"),
        (KEYS["rwa-talks"], "under_negotiation"),
    ]
    deal = usa["sources"][2]
    assert deal["source"] == {
        "key": KEYS["rwa-deal"],
        "title": "Rwanda signs up to take 250 deportees",
        "outlet": "Great Lakes Wire (test)",
        "url": "https://example.org/test/rwa-deal",
        "published": "2025-08-05",
        "superseded_by": None,
        "reprint_group": KEYS["rwa-deal"],  # a story of its own (dakg.reprints)
    }
    group_key = FRAGMENTS["rwa-deal"].migrant_groups[0].key
    assert claim_fields(deal) == [
        ("cap", 250),
        ("covers", group_key),
        ("status", "agreed"),
        ("payment", 7_500_000.0),
        ("official", "olivier-nduhungirehe"),
    ]
    payment = deal["claims"][3]
    assert (payment["currency"], payment["negated"], payment["confidence"]) == ("USD", False, 0.8)
    # A covers claim shows the people as the source describes them; an official claim, who the official is.
    assert deal["claims"][1]["migrant_group"] == {
        "key": group_key,
        "description": "people deported from the United States",
        "size": 250,
        "nationalities": [],
    }
    assert deal["claims"][4]["official"] == {"key": "olivier-nduhungirehe", "name": "Olivier Nduhungirehe"}
    assert (deal["claims"][0]["official"], deal["claims"][0]["migrant_group"]) == (None, None)
    for agreement in page["items"]:
        for source in agreement["sources"]:
            text = DOCS[next(n for n, k in KEYS.items() if k == source["source"]["key"])].text
            for claim in source["claims"]:
                assert text[claim["start"] : claim["end"]] == claim["quote"]


def test_every_agreement_with_its_current_status_and_disputes(api: TestClient) -> None:
    page = api.get("/agreements").json()
    summary = {
        a["key"]: (
            a["current_status"]["value"],
            a["current_status"]["source"],
            a["current_status"]["published"],
            a["disputes"],
            a["sources_total"],
            a["claims_total"],
        )
        for a in page["items"]
    }
    assert summary == {
        # £120m in 2022, £240m in 2024: a running total, progress and no dispute (dakg.answers.dispute_rules).
        "GBR-RWA": ("scrapped", KEYS["gbr-scrapped"], "2024-07-06", [], 3, 6),
        # The denial's source gives no status of its own; the undated one is the only one that does.
        "ISR-UGA": ("implemented", KEYS["isr-flights"], None, ["status"], 2, 4),
        "USA-RWA": ("implemented", KEYS["rwa-arrivals"], "2025-08-28", ["status"], 4, 10),
        "USA-SWZ": ("agreed", KEYS["swz-cap"], "2025-09-01", ["cap"], 2, 4),
    }
    assert page["total"] == 4
    isr = next(a for a in page["items"] if a["key"] == "ISR-UGA")
    assert [(s["source"]["key"], s["status"]) for s in isr["sources"]] == [
        (KEYS["isr-denial"], None),  # dated sources first, undated last
        (KEYS["isr-flights"], "implemented"),
    ]
    group_key = FRAGMENTS["isr-denial"].migrant_groups[0].key
    assert claim_fields(isr["sources"][0]) == [("status", "agreed"), ("covers", group_key)]
    assert [c["negated"] for c in isr["sources"][0]["claims"]] == [True, False]  # "Uganda denied ... it had agreed"


def test_the_same_answer_from_the_country(api: TestClient) -> None:
    direct = api.get("/agreements", params={"host": "RWA"}).json()
    assert api.get("/countries/rwa/agreements", params={"role": "host"}).json() == direct
    deporting = api.get("/countries/USA/agreements", params={"role": "deporting"}).json()
    assert [a["key"] for a in deporting["items"]] == ["USA-RWA", "USA-SWZ"]
    assert deporting == api.get("/agreements", params={"deporting": "usa"}).json()


def test_filters_by_deporting_state_and_status_and_summary_claims(api: TestClient) -> None:
    def keys(**params: object) -> list[str]:
        return [a["key"] for a in api.get("/agreements", params=params).json()["items"]]

    assert keys(deporting="USA", host="RWA") == ["USA-RWA"]
    assert keys(status="scrapped") == ["GBR-RWA"]
    assert keys(status="implemented") == ["ISR-UGA", "USA-RWA", "USA-SWZ"]
    assert keys(status="agreed") == ["USA-RWA", "USA-SWZ"]  # Uganda's "agreed" is denied, not affirmed
    assert keys(host="ALB") == []
    summary = api.get("/agreements", params={"host": "RWA", "claims": "summary", "sources_limit": 1}).json()
    assert [[claim_fields(s) for s in a["sources"]] for a in summary["items"]] == [
        [[("status", "scrapped"), ("payment", 240_000_000.0)]],
        [[("status", "implemented"), ("cap", 250)]],
    ]
    assert [a["sources_truncated"] for a in summary["items"]] == [True, True]


def test_disputes_list_each_side_with_its_sources(api: TestClient) -> None:
    page = api.get("/disputes").json()
    assert page["total"] == 3

    def sides(dispute: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [
            (s["value"], s["currency"], s["detail"], s["negated"], [src["title"] for src in s["sources"]])
            for s in dispute["sides"]
        ]

    found = {(d["agreement"], d["field"]): sides(d) for d in page["items"]}
    assert found == {
        ("ISR-UGA", "status"): [
            ("agreed", None, None, True, [TITLES["isr-denial"]]),
            ("implemented", None, None, False, [TITLES["isr-flights"]]),
        ],
        ("USA-RWA", "status"): [
            ("agreed", None, None, False, [TITLES["rwa-deal"]]),
            ("implemented", None, None, False, [TITLES["rwa-arrivals"]]),
            ("under_negotiation", None, None, False, [TITLES["rwa-doubt"], TITLES["rwa-talks"]]),
        ],
        ("USA-SWZ", "cap"): [
            (160, None, None, False, [TITLES["swz-arrivals"]]),
            (200, None, None, False, [TITLES["swz-cap"]]),
        ],
    }
    assert [d["agreement"] for d in api.get("/disputes", params={"field": "cap"}).json()["items"]] == ["USA-SWZ"]
    flagged = {(a["key"], f) for a in api.get("/agreements").json()["items"] for f in a["disputes"]}
    assert flagged == set(found)


def test_one_agreement_in_full_paged_and_its_timeline(api: TestClient) -> None:
    detail = api.get("/agreements/usa-rwa").json()
    listed = api.get("/agreements", params={"host": "RWA", "deporting": "USA", "sources_limit": 100}).json()
    assert {k: v for k, v in detail.items() if k not in ("migrant_groups", "officials")} == listed["items"][0]
    assert detail["officials"] == [
        {
            "key": "olivier-nduhungirehe",
            "name": "Olivier Nduhungirehe",
            "countries": ["RWA"],
            "sources": sorted([KEYS["rwa-deal"], KEYS["rwa-talks"]]),
        }
    ]
    group = FRAGMENTS["rwa-deal"].migrant_groups[0]
    assert detail["migrant_groups"] == [
        {
            "key": group.key,
            "description": "people deported from the United States",
            "nationalities": [],
            "size": 250,
            "source": listed["items"][0]["sources"][2]["source"],
        }
    ]
    paged = api.get("/agreements/USA-RWA", params={"sources_offset": 1, "sources_limit": 2}).json()
    assert [s["source"]["key"] for s in paged["sources"]] == [KEYS["rwa-doubt"], KEYS["rwa-deal"]]
    assert paged["sources_truncated"] is True
    isr = api.get("/agreements/ISR-UGA").json()
    assert [(g["nationalities"], g["size"]) for g in isr["migrant_groups"]] == [(["ERI", "SDN"], None)]
    timeline = api.get("/agreements/USA-RWA/timeline", params={"fields": "status"}).json()
    assert timeline["total"] == 4
    assert [(e["source"]["published"], e["claim"]["value"]) for e in timeline["items"]] == [
        ("2025-05-05", "under_negotiation"),
        ("2025-08-05", "agreed"),
        ("2025-08-12", "under_negotiation"),
        ("2025-08-28", "implemented"),
    ]
    both = api.get("/agreements/USA-RWA/timeline", params={"fields": ["cap", "payment"]}).json()
    assert [(e["claim"]["field"], e["claim"]["value"]) for e in both["items"]] == [
        ("cap", 250),
        ("payment", 7_500_000.0),
        ("cap", 250),
    ]


def test_sources_countries_officials(api: TestClient) -> None:
    sources = api.get("/sources", params={"limit": 5}).json()
    assert sources["total"] == 12 and [s["key"] for s in sources["items"]] == [
        KEYS[n] for n in ("swz-cap", "rwa-arrivals", "rwa-doubt", "rwa-deal", "swz-arrivals")
    ]
    august = api.get("/sources", params={"published_from": "2025-08", "published_to": "2025-08"}).json()
    assert [(s["title"], s["claims"]) for s in august["items"]] == [
        (TITLES["rwa-arrivals"], 2),
        (TITLES["rwa-doubt"], 1),
        (TITLES["rwa-deal"], 8),  # five about the agreement, one about the official, two about the group
    ]
    assert api.get("/sources", params={"outlet": "Thames Record (test)"}).json()["total"] == 2
    detail = api.get(f"/sources/{KEYS['gbr-scrapped']}", params={"include_text": True}).json()
    assert detail["text"] == DOCS["gbr-scrapped"].text
    text = DOCS["gbr-scrapped"].text
    assert detail["mentions"] == [
        {"country": {"key": "GBR", "name": "United Kingdom"}, "offsets": [[123, 137]]},
        {"country": {"key": "RWA", "name": "Rwanda"}, "offsets": [list(m.span()) for m in re.finditer("Rwanda", text)]},
    ]
    assert text[123:137] == "United Kingdom" and len(detail["mentions"][1]["offsets"]) == 3  # the headline's too
    assert [(c["about"]["label"], c["claim"]["field"]) for c in detail["claims"]] == [
        ("Official", "acts_for"),  # in text order, then by field
        ("Agreement", "official"),
        ("Official", "role"),
        ("Agreement", "status"),
        ("Agreement", "payment"),
    ]
    assert api.get(f"/sources/{KEYS['gbr-scrapped']}").json()["text"] is None
    countries = api.get("/countries").json()
    assert [(c["key"], c["hosting"], c["deporting"], c["sources"]) for c in countries["items"]] == [
        ("ERI", 0, 0, 0),
        ("GBR", 0, 1, 3),
        ("ISR", 0, 1, 2),
        ("RWA", 2, 0, 7),
        ("SDN", 0, 0, 0),
        ("SWZ", 1, 0, 2),
        ("UGA", 1, 0, 3),
        ("USA", 0, 2, 6),
    ]
    rwanda = api.get("/countries/RWA").json()
    assert (rwanda["hosting"], rwanda["deporting"], rwanda["sources"]) == (["GBR-RWA", "USA-RWA"], [], 7)
    assert rwanda["officials"] == [{"key": "olivier-nduhungirehe", "name": "Olivier Nduhungirehe"}]
    official = api.get("/officials/olivier-nduhungirehe").json()
    assert official["countries"] == ["RWA"]
    assert [(c["claim"]["field"], c["claim"]["value"], c["source"]["key"]) for c in official["claims"]] == [
        ("acts_for", "RWA", KEYS["rwa-talks"]),
        ("role", "Foreign Minister", KEYS["rwa-talks"]),
        ("role", "named", KEYS["rwa-deal"]),
    ]
    assert official["agreements"] == [
        {
            "agreement": "USA-RWA",
            "name": "United States → Rwanda",
            "sources": sorted([KEYS["rwa-deal"], KEYS["rwa-talks"]]),
        }
    ]
    assert [o["key"] for o in api.get("/officials", params={"country": "gbr"}).json()["items"]] == ["keir-starmer"]
    assert api.get("/officials").json()["total"] == 2


def test_search_finds_sources_and_entities_and_runs_nothing(api: TestClient) -> None:
    hits = api.get("/search", params={"q": "Eswatini"}).json()
    # The same hits on both stores, best first by each engine's own score (RediSearch and Lucene rank apart).
    assert sorted((h["label"], h["key"]) for h in hits) == [
        ("Country", "SWZ"),
        ("Source", KEYS["swz-arrivals"]),
        ("Source", KEYS["swz-cap"]),
    ]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    by_key = {h["key"]: h for h in hits}
    text = DOCS["swz-arrivals"].text  # the headline names Eswatini first: the snippet runs 90 characters past it
    assert by_key[KEYS["swz-arrivals"]]["snippet"] == text[: text.index("Eswatini") + 90] + "…"
    hostile = api.get("/search", params={"q": "\"') DETACH DELETE n //* OR AND NOT"})
    assert hostile.status_code == 200 and hostile.json() == []
    assert api.get("/search", params={"q": "!!!"}).json() == []
    assert api.get("/sources").json()["total"] == 12  # nothing was deleted


def test_graph_neighbourhood(api: TestClient) -> None:
    graph = api.get("/graph/USA-RWA", params={"depth": 1}).json()
    labels = sorted(n["label"] for n in graph["nodes"])
    assert labels == ["Agreement"] + ["Claim"] * 10 + ["Country"] * 2 + ["MigrantGroup", "Official"] + ["Source"] * 4
    assert {"source": "USA-RWA", "target": "RWA", "type": "HOST_PARTY"} in graph["edges"]
    ids = {n["id"] for n in graph["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    assert len(graph["edges"]) == 18 and graph["truncated"] is False
    small = api.get("/graph/RWA", params={"depth": 2, "limit": 5}).json()
    assert len(small["nodes"]) == 5 and small["truncated"] is True


def test_pagination_is_stable_and_capped(api: TestClient) -> None:
    first = api.get("/sources", params={"limit": 7, "offset": 0}).json()["items"]
    second = api.get("/sources", params={"limit": 8, "offset": 7}).json()["items"]
    whole = api.get("/sources", params={"limit": 15}).json()["items"]
    assert [s["key"] for s in first + second] == [s["key"] for s in whole] and len(whole) == 12
    assert api.get("/sources", params={"offset": 1000}).json()["items"] == []
    too_many = api.get("/sources", params={"limit": 201})
    assert too_many.status_code == 422
    assert too_many.json()["detail"] == "limit: at most 200 items per page (DAKG_PAGE_SIZE_MAX)"


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/agreements/USA-XYZ", {}, 404),
        ("/sources/" + "0" * 64, {}, 404),
        ("/countries/ZZZ", {}, 404),
        ("/countries/ZZZ/agreements", {}, 404),
        ("/officials/nobody-at-all", {}, 404),
        ("/graph/nothing-here", {}, 404),
        ("/agreements/USA-XYZ/timeline", {}, 404),
        ("/no/such/thing", {}, 404),
        ("/agreements", {"host": "Rwanda"}, 422),
        ("/agreements", {"status": "done"}, 422),
        ("/agreements", {"limit": 0}, 422),
        ("/agreements/not-a-key", {}, 422),
        ("/agreements/USA-RWA/timeline", {"fields": "role"}, 422),
        ("/disputes", {"field": "date"}, 422),
        ("/sources/xyz", {}, 422),
        ("/sources", {"published_from": "May 2025"}, 422),
        ("/search", {"q": ""}, 422),
        ("/graph/USA-RWA", {"depth": 3}, 422),
    ],
)
def test_errors_are_problem_documents(api: TestClient, path: str, params: dict[str, object], status: int) -> None:
    response = api.get(path, params=params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["detail"]
    assert "Traceback" not in response.text


def test_health_openapi_and_docs(api: TestClient, store_kind: str) -> None:
    health = api.get("/health").json()
    assert health["status"] == "ok"
    assert health["store"]["kind"] == store_kind and health["store"]["reachable"] is True
    assert health["schema"] == {"applied": True, "missing": []}
    assert health["ingest"] == "off"  # this app has no DAKG_API_TOKEN
    assert str(api.app.state.store.description) not in str(health)  # type: ignore[attr-defined]  # no paths
    spec = api.get("/openapi.json").json()
    assert {"/agreements", "/disputes", "/documents", "/health"} <= set(spec["paths"])
    assert "swagger" in api.get("/docs").text.lower()


def test_health_says_unavailable_when_the_store_is_gone(api: TestClient, tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path / "store")  # a store of its own, which then goes away
    server.start(owned=True)
    gone = open_store(Settings(data_dir=server.data_dir, graph="gone"), start_embedded=False)
    gone.apply_schema()
    server.stop()
    app: Any = api.app
    app.dependency_overrides[get_store] = lambda: gone
    paths = ("/health", "/agreements", "/sources", "/agreements/USA-RWA", "/disputes", "/search?q=Rwanda")
    try:
        answers = {path: api.get(path) for path in paths}
    finally:
        app.dependency_overrides.clear()
        gone.close()
    health = answers.pop("/health")
    assert health.status_code == 503
    body = health.json()
    assert (body["status"], body["store"]["reachable"], body["schema"]) == ("unavailable", False, None)
    assert body["store"]["error"] == "the store does not answer"
    for path, answer in answers.items():
        assert answer.status_code == 503 and answer.headers["content-type"] == "application/problem+json", path
        assert answer.json()["detail"] == "the graph store is unavailable; the server log has the details"
    for answer in (health, *answers.values()):  # neither the data folder nor its socket, in any form
        assert str(tmp_path) not in answer.text and "sock" not in answer.text and "/tmp" not in answer.text


def test_response_models_name_the_schemas_labels() -> None:
    from typing import get_args

    assert set(get_args(Label)) == set(GRAPH.labels) - {"Graph", "MinHashBand"}  # bookkeeping, never answered


# --- Tests that write: a graph of their own each --------------------------------------------------------------


def test_a_new_source_changes_the_cached_overview_at_once(fresh_corpus: GraphStore) -> None:
    with client_for(fresh_corpus) as client:
        before = client.get("/agreements/USA-SWZ").json()
        assert before["current_status"]["value"] == "agreed"
        assert (before["disputes"], before["sources_total"]) == (["cap"], 2)
        assert len(client.get("/disputes").json()["items"]) == 3
        text = "Eswatini said it was still in talks with the United States about taking more deportees."
        later = Doc(text=text, title="Eswatini still in talks", published="2030-01-01")
        later.claim("USA-SWZ", "status", "under_negotiation", text)
        assert load_fragment(fresh_corpus, later.fragment()).outcome == "new"
        after = client.get("/agreements/USA-SWZ").json()
        assert after["sources_total"] == 3 and after["claims_total"] == 5
        assert after["current_status"]["value"] == "under_negotiation"
        assert after["current_status"]["published"] == "2030-01-01"
        assert after["disputes"] == ["status", "cap"]  # talks reported after people were sent
        listed = client.get("/agreements", params={"host": "SWZ"}).json()["items"]
        assert [(a["sources_total"], a["disputes"]) for a in listed] == [(3, ["status", "cap"])]
        found = {(d["agreement"], d["field"]) for d in client.get("/disputes").json()["items"]}
        assert ("USA-SWZ", "status") in found and len(found) == 4


def test_a_total_that_falls_later_is_a_payment_dispute(fresh_corpus: GraphStore) -> None:
    """£120m (2022) and £240m (2024) add up; a report of £100m after them does not."""
    with client_for(fresh_corpus) as client:
        assert client.get("/agreements/GBR-RWA").json()["disputes"] == []
        text = "Britain said in September that it had paid Rwanda £100 million in all."
        later = Doc(text=text, title="Britain revises what it paid Rwanda", published="2024-09-30")
        later.claim("GBR-RWA", "payment", {"amount": 100_000_000.0, "currency": "GBP"}, text)
        assert load_fragment(fresh_corpus, later.fragment()).outcome == "new"
        assert client.get("/agreements/GBR-RWA").json()["disputes"] == ["payment"]
        [dispute] = client.get("/disputes", params={"field": "payment"}).json()["items"]
        assert [(side["value"], [s["title"] for s in side["sources"]]) for side in dispute["sides"]] == [
            (100_000_000.0, ["Britain revises what it paid Rwanda"]),
            (120_000_000.0, [TITLES["gbr-signed"]]),
            (240_000_000.0, [TITLES["gbr-scrapped"]]),
        ]


class HandIngestor(Ingestor):
    """Clean a posted document as the real ingestor does, then answer with the fragment written for its text."""

    def fragment(self, raw: RawDocument) -> Fragment:
        text = prepare(raw).text
        for doc in DOCS.values():
            if doc.text == text:
                return doc.fragment()
        raise DocumentError(f"{raw.path}: no hand-written fragment for this text")


TOKEN = "a-token-for-the-unit-tests"


@pytest.fixture
def ingest_api(settings: Settings) -> Iterator[TestClient]:
    """An empty graph of this test's own; POST /documents on (a token) with the hand-written fragments."""
    from .conftest import drop_graph, open_graph

    store = open_graph(settings)
    with client_for(store) as client:
        app: Any = client.app
        app.dependency_overrides[get_app_settings] = lambda: Settings(
            data_dir=settings.data_dir, api_token=SecretStr(TOKEN)
        )
        app.dependency_overrides[get_ingestor] = lambda: HandIngestor(settings)
        yield client
    drop_graph(store)


def test_posting_a_document_needs_the_token_and_answers_with_what_was_extracted(ingest_api: TestClient) -> None:
    doc = DOCS["rwa-deal"]
    body = {"text": doc.text, "title": doc.title, "outlet": doc.outlet, "url": doc.url, "published": "2025-08-05"}
    missing = ingest_api.post("/documents", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert ingest_api.post("/documents", json=body, headers={"Authorization": "Bearer nope"}).status_code == 403
    auth = {"Authorization": f"Bearer {TOKEN}"}
    created = ingest_api.post("/documents", json=body, headers=auth)
    assert created.status_code == 200, created.text
    answer = created.json()
    assert (answer["outcome"], answer["source"]) == ("new", KEYS["rwa-deal"])
    assert answer["fragment"] == FRAGMENTS["rwa-deal"].model_dump(mode="json")
    assert ingest_api.post("/documents", json=body, headers=auth).json()["outcome"] == "unchanged"
    listed = ingest_api.get("/agreements").json()
    assert [(a["key"], a["sources_total"], a["claims_total"]) for a in listed["items"]] == [("USA-RWA", 1, 5)]
    empty = ingest_api.post("/documents", json={"text": "< td > li >"}, headers=auth)
    assert empty.status_code == 422 and "empty after cleaning" in empty.json()["detail"]
    bad = ingest_api.post("/documents", content=b"{not json", headers={**auth, "content-type": "application/json"})
    assert bad.status_code == 422
    for metadata in ({"title": "bad\x00title"}, {"published": "the other day"}, {"format": "pdf"}):
        assert ingest_api.post("/documents", json={"text": doc.text, **metadata}, headers=auth).status_code == 422
    assert ingest_api.get("/sources").json()["total"] == 1


def test_ingest_is_off_without_a_token_and_bodies_are_capped(api: TestClient) -> None:
    off = api.post("/documents", json={"text": "anything"}, headers={"Authorization": "Bearer x"})
    assert off.status_code == 403
    assert off.json()["detail"] == "ingest over HTTP is off: the server has no DAKG_API_TOKEN"
    huge = api.post("/documents", json={"text": "word " * 500_000})
    assert huge.status_code == 413 and huge.headers["content-type"] == "application/problem+json"

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(2100):
            yield b"x" * 1000
        yield b'"}'

    streamed = api.post("/documents", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_posted_text_and_metadata_are_checked_as_files_are(ingest_api: TestClient) -> None:
    doc = DOCS["rwa-deal"]
    auth = {"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"}

    def post(body: str) -> tuple[int, str]:
        response = ingest_api.post("/documents", content=body.encode("utf-8", "surrogatepass"), headers=auth)
        return response.status_code, response.json()["detail"]

    text = json.dumps(doc.text)[1:-1]
    # A NUL is refused, not removed (cleaning would have made the text the hand-written one again).
    assert post(f'{{"text": "{text}\\u0000", "title": "T"}}') == (
        422,
        f"POST /documents (T): refused: the text contains a NUL character (U+0000) at character {len(doc.text)}",
    )
    # A lone surrogate in the JSON itself is refused by the body's parser; one made by YAML, by the metadata check.
    unicode = "Input should be a valid string, unable to parse raw data as a unicode string"
    assert post(f'{{"text": "{text} \\ud800", "title": "T"}}') == (422, f"body.text: {unicode}")
    assert post(f'{{"text": "{text}", "title": "\\udfff"}}') == (422, f"body.title: {unicode}")
    front = json.dumps('---\ntitle: "Deal \\ud800"\n---\n' + doc.text)
    assert post(f'{{"text": {front}, "format": "markdown"}}') == (
        422,
        "POST /documents (untitled): metadata refused: title contains a lone surrogate (U+D800, not valid Unicode)",
    )
    bomb = json.dumps("---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\ntitle: *b\n---\n" + doc.text)
    assert post(f'{{"text": {bomb}, "format": "markdown"}}') == (
        422,
        "POST /documents (untitled): front matter refused: it uses YAML anchors or aliases (&name, *name), which "
        "are refused",
    )
    assert ingest_api.get("/sources").json()["total"] == 0


def test_sources_name_their_file_never_the_servers_path(store: GraphStore) -> None:
    from dakg.ingest.fragment import SourceOut

    fragment = FRAGMENTS["rwa-deal"].model_copy(deep=True)
    fragment.source = SourceOut(**{**fragment.source.model_dump(), "path": "/srv/private/feeds/2025/rwa-deal.jsonl#3"})
    load_fragment(store, fragment)
    with client_for(store) as client:
        listed = client.get("/sources").json()["items"]
        one = client.get(f"/sources/{fragment.source.key}").json()
    assert [item["file"] for item in listed] == ["rwa-deal.jsonl#3"] and one["source"]["file"] == "rwa-deal.jsonl#3"
    assert "path" not in listed[0] and "/srv/private" not in json.dumps([listed, one])


def test_a_redirect_never_echoes_the_host_the_request_claims(api: TestClient) -> None:
    for path, location in (("/agreements/", "/agreements"), ("/sources/?limit=5", "/sources?limit=5")):
        answer = api.get(path, headers={"Host": "evil.example"}, follow_redirects=False)
        assert (answer.status_code, answer.headers["location"]) == (307, location)
    from dakg.api.problems import relative_location

    assert relative_location(b"http://evil.example//other.example/x") == b"/other.example/x"


def test_the_served_schema_says_what_the_server_accepts(corpus_store: GraphStore) -> None:
    with client_for(corpus_store, page_size_max=50) as client:
        spec = client.get("/openapi.json").json()
        assert client.get("/sources", params={"limit": 50}).status_code == 200
        assert client.get("/sources", params={"limit": 51}).status_code == 422
    paged = [
        (path, parameter["schema"].get("maximum"))
        for path, operations in spec["paths"].items()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter["name"] == "limit"
    ]
    assert dict(paged) == {
        "/agreements": 50,
        "/countries/{iso3_code}/agreements": 50,
        "/agreements/{key}/timeline": 50,
        "/disputes": 50,
        "/sources": 50,
        "/countries": 50,
        "/officials": 50,
        "/search": 100,
        "/graph/{key}": 500,
    }
    [claims_limit] = [p for p in spec["paths"]["/sources/{key}"]["get"]["parameters"] if p["name"] == "claims_limit"]
    assert [c.get("maximum") for c in claims_limit["schema"]["anyOf"]] == [50, None]  # an integer, or null
    document = spec["components"]["schemas"]["DocumentIn"]["properties"]["published"]
    assert re.fullmatch(document["anyOf"][0]["pattern"], "2024-02-29") and not re.fullmatch(
        document["anyOf"][0]["pattern"], "2025-02-29"
    )
    assert "400" in spec["paths"]["/documents"]["post"]["responses"]  # a body that is not UTF-8


def test_a_source_with_more_claims_than_the_row_cap_is_read_in_pages(embedded_server: EmbeddedServer) -> None:
    """A document with 41,084 claims once made GET /sources/{key} answer 500 for ever (its claims were one read,
    over DAKG_MAX_ROWS), and /agreements?claims=summary answer 12.7 MB: here, 300 claims and a cap of 120 rows."""
    from .conftest import _make_settings, drop_graph, open_graph

    sentences = [f"Rwanda agreed in round {n} to accept migrants deported from the United States." for n in range(300)]
    big = Doc(text=" ".join(sentences), title="A very long record", published="2025-09-09")
    for number, sentence in enumerate(sentences):
        big.claim("USA-RWA", "status" if number % 3 else "date", "agreed" if number % 3 else "2025", sentence)
    store = open_graph(_make_settings(embedded_server.data_dir, max_rows=120))
    try:
        fragment = big.fragment()
        assert load_fragment(store, fragment).outcome == "new"
        key = fragment.source.key
        with client_for(store, page_size_max=100) as client:
            first = client.get(f"/sources/{key}")
            assert first.status_code == 200, first.text
            page = first.json()
            assert (page["claims_total"], page["claims_limit"], page["claims_truncated"]) == (300, 100, True)
            assert page["source"]["claims"] == 300 and len(page["claims"]) == 100
            seen = [c["claim"]["start"] for c in page["claims"]]
            for offset in (100, 200):
                more = client.get(f"/sources/{key}", params={"claims_offset": offset, "claims_limit": 100}).json()
                seen += [c["claim"]["start"] for c in more["claims"]]
            assert more["claims_truncated"] is False
            assert seen == sorted(big.text.index(s) for s in sentences)  # every claim once, in text order
            assert client.get(f"/sources/{key}", params={"claims_limit": 101}).status_code == 422
            listed = client.get("/agreements", params={"host": "RWA", "claims": "summary"})
            assert listed.status_code == 200 and len(listed.content) < 100_000
            [entry] = listed.json()["items"][0]["sources"]
            assert (entry["claims_total"], len(entry["claims"]), entry["claims_truncated"]) == (200, 50, True)
            assert {c["field"] for c in entry["claims"]} == {"status"}  # the summary's fields, chosen in the store
            full = client.get("/agreements/USA-RWA", params={"claims_limit": 500}).json()
            assert [(s["claims_total"], len(s["claims"])) for s in full["sources"]] == [(300, 300)]
    finally:
        drop_graph(store)


def test_clients_that_miss_the_same_overviews_at_once_share_one_computation(
    fresh_corpus: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a write every client asking for the busiest host's page misses the cache together: one computes the
    overviews, the others wait for its answer (under load, 50 clients each computing them kept the store busy)."""
    import threading
    import time

    from dakg.answers import overview

    computed: list[tuple[str, ...]] = []
    real = overview._overviews

    def counted(store: GraphStore, keys: Any, as_of: Any, min_confidence: float) -> Any:
        computed.append(tuple(keys))
        time.sleep(0.3)  # long enough for every client to ask while it runs
        return real(store, keys, as_of, min_confidence)

    monkeypatch.setattr(overview, "_overviews", counted)
    cache = overview.OverviewCache()
    keys = ["GBR-RWA", "USA-SWZ"]
    answers: list[dict[str, Any]] = []

    def ask() -> None:
        answers.append(cache.get(fresh_corpus, keys, None, 0.4))

    clients = [threading.Thread(target=ask) for _ in range(6)]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    assert computed == [("GBR-RWA", "USA-SWZ")]
    assert len(answers) == 6 and all(a == answers[0] for a in answers) and sorted(answers[0]) == keys
    later = Doc(text="Eswatini said it was still in talks.", title="Still in talks", published="2030-01-01")
    later.claim("USA-SWZ", "status", "under_negotiation", "Eswatini said it was still in talks.")
    load_fragment(fresh_corpus, later.fragment())
    assert cache.get(fresh_corpus, keys, None, 0.4)["USA-SWZ"].sources == answers[0]["USA-SWZ"].sources + 1
    assert computed[1:] == [("USA-SWZ",)]  # a write makes the next ask compute again what it touched, only that
