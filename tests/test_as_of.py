"""Answers as of a day (`?as_of=`): only sources published by then, the current status as it stood then, undated
sources left out and counted apart. On the hand-written corpus, where every answer is known (tests/corpus.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from dakg.dates import ISO_DAY_PATTERN, check_day, published_by, sortable
from dakg.ingest.load import load_fragment
from dakg.store.falkordb import FalkorStore

from .conftest import client_for
from .corpus import KEYS, Doc


def _current(agreement: dict[str, Any]) -> tuple[str | None, str | None]:
    current = agreement["current_status"]
    return (current["value"], current["source"]) if current else (None, None)


def test_the_day_before_the_supreme_court_ruled(api: TestClient) -> None:
    """What did the record say of the UK–Rwanda scheme the day before the court ruled it unlawful?"""
    today = api.get("/agreements/GBR-RWA").json()
    assert _current(today) == ("scrapped", KEYS["gbr-scrapped"])
    before = api.get("/agreements/GBR-RWA", params={"as_of": "2023-11-14"}).json()
    assert _current(before) == ("signed", KEYS["gbr-signed"])
    assert (before["sources_total"], before["claims_total"], before["as_of"]) == (1, 2, "2023-11-14")
    assert [s["source"]["key"] for s in before["sources"]] == [KEYS["gbr-signed"]]
    ruled = api.get("/agreements/GBR-RWA", params={"as_of": "2023-11-15"}).json()  # a day counts from that day
    assert _current(ruled) == ("struck_down", KEYS["gbr-court"])
    assert {(s["field"], s["value"], s["sources"]) for s in before["support"]} == {
        ("status", "signed", 1),
        ("payment", 120_000_000.0, 1),
    }


def test_as_of_lists_only_what_sources_published_by_then_report(api: TestClient) -> None:
    def listed(**params: str) -> dict[str, tuple[Any, ...]]:
        page = api.get("/agreements", params=params).json()
        return {
            a["key"]: (_current(a)[0], a["disputes"], a["sources_total"], a["undated_sources_excluded"])
            for a in page["items"]
        }

    assert listed(host="RWA", as_of="2023-11-14") == {"GBR-RWA": ("signed", [], 1, 0)}  # US–Rwanda: not yet
    # Talks in May, a deal on 5 August: progress. On 12 August Kigali insisted talks went on: a dispute.
    assert listed(deporting="USA", host="RWA", as_of="2025-08-04")["USA-RWA"] == ("under_negotiation", [], 1, 0)
    assert listed(deporting="USA", host="RWA", as_of="2025-08-05")["USA-RWA"] == ("agreed", [], 2, 0)
    assert listed(deporting="USA", host="RWA", as_of="2025-08-12")["USA-RWA"] == ("under_negotiation", ["status"], 3, 0)
    # Uganda's denial is dated, the flights piece is not: left out and counted apart, and with it the dispute.
    assert listed(host="UGA", as_of="2030-01-01") == {"ISR-UGA": (None, [], 1, 1)}
    assert listed(host="UGA") == {"ISR-UGA": ("implemented", ["status"], 2, 0)}
    assert listed(status="implemented", as_of="2025-08-27") == {"USA-SWZ": ("implemented", [], 1, 0)}
    page = api.get("/agreements", params={"as_of": "2025-08-27", "limit": 2}).json()
    assert (page["total"], [a["key"] for a in page["items"]]) == (4, ["GBR-RWA", "ISR-UGA"])


def test_an_as_of_answer_far_ahead_is_todays_less_the_undated_sources(api: TestClient) -> None:
    """Two code paths (aggregates today, source by source as of a day) must agree where they should."""
    today = {a["key"]: a for a in api.get("/agreements", params={"sources_limit": 100}).json()["items"]}
    ahead = api.get("/agreements", params={"sources_limit": 100, "as_of": "9999-12-31"}).json()["items"]
    for agreement in ahead:
        now = today[agreement["key"]]
        if agreement["undated_sources_excluded"]:
            continue
        strip = ("as_of", "undated_sources_excluded")
        assert {k: v for k, v in agreement.items() if k not in strip} == {
            k: v for k, v in now.items() if k not in strip
        }
    assert [a["key"] for a in ahead if a["undated_sources_excluded"]] == ["ISR-UGA"]


def test_timeline_and_disputes_as_of(api: TestClient) -> None:
    timeline = api.get("/agreements/GBR-RWA/timeline", params={"as_of": "2023-11-14"}).json()
    assert [(e["claim"]["field"], e["source"]["key"]) for e in timeline["items"]] == [
        ("status", KEYS["gbr-signed"]),
        ("payment", KEYS["gbr-signed"]),
    ]
    assert (timeline["total"], timeline["as_of"], timeline["undated_sources_excluded"]) == (2, "2023-11-14", 0)
    uganda = api.get("/agreements/ISR-UGA/timeline", params={"as_of": "2025-01-01"}).json()
    assert {e["source"]["key"] for e in uganda["items"]} == {KEYS["isr-denial"]}
    assert uganda["undated_sources_excluded"] == 1
    assert api.get("/agreements/ISR-UGA/timeline").json()["undated_sources_excluded"] == 0
    disputes = api.get("/disputes", params={"as_of": "2025-08-11"}).json()
    assert (disputes["total"], disputes["undated_sources_excluded"]) == (0, 1)
    later = api.get("/disputes", params={"as_of": "2025-09-01"}).json()
    assert [(d["agreement"], d["field"]) for d in later["items"]] == [("USA-RWA", "status"), ("USA-SWZ", "cap")]
    [status] = [d for d in later["items"] if d["field"] == "status"]
    assert {s["value"] for s in status["sides"]} == {"agreed", "implemented", "under_negotiation"}
    assert api.get("/disputes").json()["as_of"] is None


def test_as_of_refuses_what_is_not_a_day_and_says_when_nothing_was_published(api: TestClient) -> None:
    for bad in ("2025-02-30", "2025-02", "yesterday"):
        assert api.get("/agreements", params={"as_of": bad}).status_code == 422
    missing = api.get("/agreements/USA-SWZ", params={"as_of": "2025-07-15"})
    assert missing.status_code == 404 and "no source published by 2025-07-15" in missing.json()["detail"]
    assert api.get("/agreements/USA-SWZ", params={"as_of": "2025-07-16"}).status_code == 200


def test_a_source_dated_to_the_month_counts_once_the_month_is_over(fresh_corpus: FalkorStore) -> None:
    text = "Eswatini said in August that talks with the United States on a second group had begun."
    doc = Doc(text=text, title="Eswatini in talks on a second group", published="2025-09")
    doc.claim("USA-SWZ", "status", "under_negotiation", text)
    assert load_fragment(fresh_corpus, doc.fragment()).outcome == "new"
    with client_for(fresh_corpus) as client:

        def total(as_of: str) -> int:
            return int(client.get("/agreements/USA-SWZ", params={"as_of": as_of}).json()["sources_total"])

        assert (total("2025-09-29"), total("2025-09-30"), total("2025-10-01")) == (2, 2, 3)


dates = st.builds(
    lambda y, m, d, precision: f"{y:04d}-{m:02d}-{d:02d}"[: (4, 7, 10)[precision]],
    st.integers(2020, 2026),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)


@settings(max_examples=60, deadline=None)
@given(published=dates, day=dates.filter(lambda d: len(d) == 10))
def test_python_and_the_stores_apply_the_same_date_rule(corpus_store: FalkorStore, published: str, day: str) -> None:
    rows, _ = corpus_store.run("RETURN substring($p + '-99-99', 0, 10) <= $d AS counted", {"p": published, "d": day})
    assert rows[0]["counted"] is published_by(published, day)


def test_the_date_rule() -> None:
    assert sortable("2025") == "2025-99-99" and sortable("2025-08") == "2025-08-99"
    assert published_by("2025-08-05", "2025-08-05") and not published_by("2025-08-06", "2025-08-05")
    assert not published_by("2025-08", "2025-08-31") and published_by("2025-08", "2025-09-01")
    assert not published_by(None, "9999-12-31")
    assert check_day("2024-02-29") == "2024-02-29"
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        check_day("2024-2-29")
    with pytest.raises(ValueError):
        check_day("2023-02-29")


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.dates().map(lambda d: d.isoformat()),
        st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
        st.text(alphabet="0123456789-", max_size=12),
    )
)
def test_the_schema_admits_exactly_the_days_the_server_accepts(value: str) -> None:
    """as_of's OpenAPI pattern and the server's check agree on every string (a fuzzer found 8675-66-13 admitted
    by the schema and refused by the server)."""
    try:
        check_day(value)
        accepted = True
    except ValueError:
        accepted = False
    assert (re.fullmatch(ISO_DAY_PATTERN, value) is not None) == accepted, value
