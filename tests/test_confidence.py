"""Graded confidence and the claim basis through the answers and the API, on the hand-written corpus plus one
source of this module's own that claims two pairs weakly (under the default min_confidence, 0.4):

- USA-SWZ, talks "for 300 people" (status under_negotiation and cap 300, confidence 0.3), published 2025-09-10:
  after the corpus's "agreed, 200" (09-01), so counted it would add a status dispute and a third cap;
- GBR-UGA, an agreement only this source names, and weakly (0.3);
- an official whose state the text never gives: Home Secretary Yvette Cooper, acting for GBR on the basis of the
  project's table of office holders (``basis: reference``).

Hidden by default, shown with ``min_confidence=0``, and counted accordingly in every total and dispute.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx
import pandas as pd
import pytest
from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from dakg.config import Settings
from dakg.ingest.fragment import EvidenceOut, Fragment, OfficialOut
from dakg.ingest.load import fragment_params, load_fragment
from dakg.store import GraphStore

from .conftest import CliResult, client_for
from .corpus import KEYS, Doc
from .stores import settings_env

S1 = "Eswatini and the United States were said to be discussing a larger arrangement for 300 people."
S2 = "Uganda and the United Kingdom were named in the same talks, and nobody said who would send anyone."
S3 = "Home Secretary Yvette Cooper declined to comment."
WEAK = 0.3
COOPER = "yvette-cooper"


def weak_fragment() -> Fragment:
    doc = (
        Doc(
            text=f"{S1} {S2} {S3}",
            title="Talk of wider removal deals",
            outlet="Southern Times (test)",
            published="2025-09-10",
        )
        .claim("USA-SWZ", "status", "under_negotiation", S1, WEAK)
        .claim("USA-SWZ", "cap", 300, S1, WEAK)
        .claim("GBR-UGA", "status", "under_negotiation", S2, WEAK)
    )
    for claims in doc.claims.values():
        for claim in claims:
            claim.rules = ["pairs.co-mentioned/v1"]
    name = doc.evidence(S3, "official")[0]
    named = EvidenceOut(
        start=name.start + len("Home Secretary "), end=name.start + 28, text="Yvette Cooper", role="official"
    )
    office = EvidenceOut(start=name.start, end=name.start + 14, text="Home Secretary", role="value")
    doc.officials.append(
        OfficialOut(
            key=COOPER,
            name="Yvette Cooper",
            role="Home Secretary",
            country="GBR",
            country_basis="reference",
            confidence=0.6,
            role_evidence=[office, named],
            country_evidence=[named],
            **doc.at(S3),
        )
    )
    return doc.fragment()


WEAK_FRAGMENT = weak_fragment()
WEAK_KEY = WEAK_FRAGMENT.source.key


@pytest.fixture(scope="module")
def weak_store(corpus_store: GraphStore) -> GraphStore:
    assert load_fragment(corpus_store, WEAK_FRAGMENT).outcome == "new"
    return corpus_store


@pytest.fixture(scope="module")
def api(weak_store: GraphStore) -> Iterator[TestClient]:
    with client_for(weak_store) as client:
        yield client


def _get(api: TestClient, path: str, **params: Any) -> Any:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_report_keeps_the_most_confident_claim_of_its_source() -> None:
    reports = {r["agreement"]: r for r in fragment_params(WEAK_FRAGMENT)["reports"]}
    assert {k: r["confidence"] for k, r in reports.items()} == {"USA-SWZ": WEAK, "GBR-UGA": WEAK}


def test_weak_reports_are_hidden_by_default_and_shown_at_zero(api: TestClient) -> None:
    default = _get(api, "/agreements")
    assert [(a["key"], a["sources_total"], a["min_confidence"]) for a in default["items"]] == [
        ("GBR-RWA", 3, 0.4),
        ("ISR-UGA", 2, 0.4),
        ("USA-RWA", 4, 0.4),
        ("USA-SWZ", 2, 0.4),
    ]
    assert default["total"] == 4
    every = _get(api, "/agreements", min_confidence=0)
    assert [(a["key"], a["sources_total"], a["claims_total"]) for a in every["items"]] == [
        ("GBR-RWA", 3, 6),
        ("GBR-UGA", 1, 1),
        ("ISR-UGA", 2, 4),
        ("USA-RWA", 4, 10),
        ("USA-SWZ", 3, 6),
    ]
    assert every["total"] == 5 and {a["min_confidence"] for a in every["items"]} == {0.0}
    swz = next(a for a in every["items"] if a["key"] == "USA-SWZ")
    assert swz["sources"][0]["source"]["key"] == WEAK_KEY  # the newest
    # The newest source that gives a status is the weak one: counted, it is the current status.
    assert swz["current_status"]["value"] == "under_negotiation"
    assert swz["disputes"] == ["status", "cap"]
    caps = [(s["value"], s["sources"]) for s in swz["support"] if s["field"] == "cap"]
    assert sorted(caps) == [(160, 1), (200, 1), (300, 1)]
    shown = next(a for a in default["items"] if a["key"] == "USA-SWZ")
    assert (shown["current_status"]["value"], shown["disputes"], shown["claims_total"]) == ("agreed", ["cap"], 4)
    assert all(s["value"] != 300 for s in shown["support"])


def test_the_status_filter_and_a_country_s_agreements_count_only_reports_that_reach_it(api: TestClient) -> None:
    talks = _get(api, "/agreements", status="under_negotiation")
    assert [a["key"] for a in talks["items"]] == ["USA-RWA"] and talks["total"] == 1
    talks = _get(api, "/agreements", status="under_negotiation", min_confidence=0)
    assert [a["key"] for a in talks["items"]] == ["GBR-UGA", "USA-RWA", "USA-SWZ"] and talks["total"] == 3
    assert _get(api, "/countries/UGA/agreements", role="host")["total"] == 1
    assert [a["key"] for a in _get(api, "/countries/UGA/agreements", role="host", min_confidence=0)["items"]] == [
        "GBR-UGA",
        "ISR-UGA",
    ]
    # As of a day, the same rule.
    assert _get(api, "/agreements", as_of="2025-12-31", deporting="GBR")["total"] == 1
    assert _get(api, "/agreements", as_of="2025-12-31", deporting="GBR", min_confidence=0)["total"] == 2
    # A report at exactly the threshold counts.
    assert _get(api, "/agreements", deporting="GBR", min_confidence=WEAK)["total"] == 2


def test_one_agreement_no_report_reaches_is_a_404_that_says_why(api: TestClient) -> None:
    hidden = api.get("/agreements/GBR-UGA")
    assert hidden.status_code == 404
    assert hidden.json()["detail"] == (
        "no source's report on GBR-UGA reaches min_confidence=0.4 (each source's most confident claim about it is "
        "under it); ask with min_confidence=0 to see the weak pairs too"
    )
    shown = _get(api, "/agreements/gbr-uga", min_confidence=0)
    assert (shown["sources_total"], shown["current_status"]["value"], shown["min_confidence"]) == (
        1,
        "under_negotiation",
        0.0,
    )
    [entry] = shown["sources"]
    assert [c["rules"] for c in entry["claims"]] == [["pairs.co-mentioned/v1"]]
    assert api.get("/agreements/GBR-UGA/timeline").json()["total"] == 0
    assert _get(api, "/agreements/GBR-UGA/timeline", min_confidence=0)["total"] == 1
    swz = _get(api, "/agreements/USA-SWZ")
    assert (swz["sources_total"], swz["min_confidence"]) == (2, 0.4)
    timeline = _get(api, "/agreements/USA-SWZ/timeline")
    assert (timeline["total"], timeline["min_confidence"]) == (4, 0.4)
    assert _get(api, "/agreements/USA-SWZ/timeline", min_confidence=0)["total"] == 6
    # Nothing reaches 0.95 for US–Eswatini (its surest claims are 0.8): the same 404.
    assert "reaches min_confidence=0.95" in api.get("/agreements/USA-SWZ", params={"min_confidence": 0.95}).text
    # An unknown agreement is still simply unknown.
    assert api.get("/agreements/GBR-XXX").json()["detail"] == "no agreement with key 'GBR-XXX'"


def test_disputes_count_only_reports_that_reach_min_confidence(api: TestClient) -> None:
    default = _get(api, "/disputes")
    assert [(d["agreement"], d["field"]) for d in default["items"]] == [
        ("ISR-UGA", "status"),
        ("USA-RWA", "status"),
        ("USA-SWZ", "cap"),
    ]
    assert (default["total"], default["min_confidence"]) == (3, 0.4)
    every = _get(api, "/disputes", min_confidence=0)
    assert [(d["agreement"], d["field"]) for d in every["items"]] == [
        ("ISR-UGA", "status"),
        ("USA-RWA", "status"),
        ("USA-SWZ", "status"),
        ("USA-SWZ", "cap"),
    ]
    assert every["total"] == 4
    cap = next(d for d in every["items"] if (d["agreement"], d["field"]) == ("USA-SWZ", "cap"))
    assert [(s["value"], [x["key"] for x in s["sources"]]) for s in cap["sides"]] == [
        (160, [KEYS["swz-arrivals"]]),
        (200, [KEYS["swz-cap"]]),
        (300, [WEAK_KEY]),
    ]
    assert _get(api, "/disputes", field="cap")["total"] == 1  # the cache keeps each min_confidence apart
    assert _get(api, "/disputes", field="status", min_confidence=0)["total"] == 3


@pytest.mark.parametrize("bad", ["-0.1", "1.5", "nan", "inf", "high"])
def test_min_confidence_is_a_number_from_0_to_1(api: TestClient, bad: str) -> None:
    response = api.get("/agreements", params={"min_confidence": bad})
    assert response.status_code == 422, response.text


def test_the_schema_says_what_min_confidence_means_and_its_default(weak_store: GraphStore) -> None:
    with client_for(weak_store, min_confidence=0.25) as api:
        schema = api.get("/openapi.json").json()
        assert _get(api, "/agreements", deporting="GBR")["items"][0]["min_confidence"] == 0.25
    operations = [
        ("/agreements", "get"),
        ("/countries/{iso3_code}/agreements", "get"),
        ("/agreements/{key}", "get"),
        ("/agreements/{key}/timeline", "get"),
        ("/disputes", "get"),
        ("/export/{name}", "get"),
    ]
    for path, method in operations:
        [parameter] = [p for p in schema["paths"][path][method]["parameters"] if p["name"] == "min_confidence"]
        assert parameter["description"].startswith(
            "Answers count a source's report on an agreement only when its most confident claim reaches this; 0 "
            "shows pairs whose direction the text leaves weak."
        )
        assert parameter["schema"]["default"] == 0.25
    claim = schema["components"]["schemas"]["Claim"]["properties"]["basis"]
    assert claim["enum"] == ["text", "reference"] and claim["default"] == "text"


# --- the claim basis ------------------------------------------------------------------------------------------


def test_every_claim_says_its_basis_and_a_reference_state_is_labelled(api: TestClient) -> None:
    source = _get(api, f"/sources/{WEAK_KEY}")
    bases = {(c["claim"]["field"], c["about"]["key"]): c["claim"]["basis"] for c in source["claims"]}
    assert bases == {
        ("status", "USA-SWZ"): "text",
        ("cap", "USA-SWZ"): "text",
        ("status", "GBR-UGA"): "text",
        ("role", COOPER): "text",
        ("acts_for", COOPER): "reference",
    }
    official = _get(api, f"/officials/{COOPER}")
    assert sorted((c["claim"]["field"], c["claim"]["basis"]) for c in official["claims"]) == [
        ("acts_for", "reference"),
        ("role", "text"),
    ]
    usa = _get(api, "/agreements/USA-RWA")
    assert {c["basis"] for entry in usa["sources"] for c in entry["claims"]} == {"text"}


def test_the_reading_pages_mark_a_reference_claim_and_carry_min_confidence(api: TestClient) -> None:
    html = HTMLParser(api.get(f"/read/sources/{WEAK_KEY}").text)
    [marked] = html.css(".basis-reference")
    assert marked.text(strip=True) == "from the project's reference tables, not the source's words"
    claim = marked.parent
    assert claim is not None and "acts_for" in claim.text()
    # The weak pairs are linked at min_confidence=0 and said to be weak.
    links = {a.text(strip=True): a.attributes["href"] for a in html.css("a.agreement-link")}
    assert links == {
        "GBR-UGA": "/read/agreements/GBR-UGA?min_confidence=0",
        "USA-SWZ": "/read/agreements/USA-SWZ?min_confidence=0",
    }
    assert [w.attributes["data-weak"] for w in html.css(".weak")] == ["GBR-UGA", "USA-SWZ"]
    # The reference claim's evidence is marked in the text with the note in its label.
    titles = [m.attributes["title"] for m in html.css("#text mark[data-role='official']")]
    assert any("not the source's words" in str(t) for t in titles)
    assert api.get("/read/agreements/GBR-UGA").status_code == 404
    page = HTMLParser(api.get("/read/agreements/GBR-UGA", params={"min_confidence": 0}).text)
    assert [m.attributes["data-min-confidence"] for m in page.css("#min-confidence")] == ["0.0"]
    index = HTMLParser(api.get("/read", params={"min_confidence": 0}).text)
    hrefs = [a.attributes["href"] for a in index.css("#agreements td a")]
    assert "/read/agreements/GBR-UGA?min_confidence=0.0" in hrefs
    default = HTMLParser(api.get("/read").text)
    assert "/read/agreements/GBR-UGA" not in [a.attributes["href"] for a in default.css("#agreements td a")]


# --- exports ----------------------------------------------------------------------------------------------------


def _export(api: TestClient, name: str, **params: Any) -> str:
    response = api.get(f"/export/{name}", params=params)
    assert response.status_code == 200, response.text
    expected = params.get("min_confidence", 0.4)
    assert float(response.headers["dakg-min-confidence"]) == expected
    return str(response.text)


def _frame(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""])


def test_the_exports_hold_only_what_the_answers_count_and_every_claim_s_basis(api: TestClient) -> None:
    default = _frame(_export(api, "claims.csv"))
    every = _frame(_export(api, "claims.csv", min_confidence=0))
    weak = every[every["source"] == WEAK_KEY]
    assert sorted(zip(weak["about"], weak["field"], weak["basis"], strict=True)) == [
        ("GBR-UGA", "status", "text"),
        ("USA-SWZ", "cap", "text"),
        ("USA-SWZ", "status", "text"),
        (COOPER, "acts_for", "reference"),
        (COOPER, "role", "text"),
    ]
    shown = default[default["source"] == WEAK_KEY]
    assert sorted(zip(shown["about"], shown["field"], strict=True)) == [(COOPER, "acts_for"), (COOPER, "role")]
    assert len(every) - len(default) == 3
    assert set(default["basis"]) == {"text", "reference"}

    agreements = _frame(_export(api, "agreements.csv"))
    assert list(agreements["agreement"]) == ["GBR-RWA", "ISR-UGA", "USA-RWA", "USA-SWZ"]
    agreements = _frame(_export(api, "agreements.csv", min_confidence=0))
    assert list(agreements["agreement"]) == ["GBR-RWA", "GBR-UGA", "ISR-UGA", "USA-RWA", "USA-SWZ"]
    assert agreements.set_index("agreement").loc["USA-SWZ", "disputes"] == "status;cap"

    sources = _frame(_export(api, "sources.csv")).set_index("source")
    assert pd.isna(sources.loc[WEAK_KEY, "agreements"]) and sources.loc[WEAK_KEY, "claims"] == 2
    sources = _frame(_export(api, "sources.csv", min_confidence=0)).set_index("source")
    assert (sources.loc[WEAK_KEY, "agreements"], sources.loc[WEAK_KEY, "claims"]) == ("GBR-UGA;USA-SWZ", 5)
    assert len(_frame(_export(api, "sources.csv", host="UGA"))) == 2  # the Israel–Uganda sources only
    assert len(_frame(_export(api, "sources.csv", host="UGA", min_confidence=0))) == 3

    graph = nx.read_graphml(io.BytesIO(_export(api, "graph.graphml", min_confidence=0).encode()))
    assert "GBR-UGA" in graph.nodes
    reports = {(a, b): d for a, b, d in graph.edges(data=True) if d["type"] == "REPORTS" and a == WEAK_KEY}
    assert {k: d["confidence"] for k, d in reports.items()} == {
        (WEAK_KEY, "GBR-UGA"): WEAK,
        (WEAK_KEY, "USA-SWZ"): WEAK,
    }
    bases = {d["field"]: d["basis"] for _, d in graph.nodes(data=True) if d.get("label") == "Claim"}
    assert bases["acts_for"] == "reference" and bases["status"] == "text"
    hidden = nx.read_graphml(io.BytesIO(_export(api, "graph.graphml").encode()))
    assert "GBR-UGA" not in hidden.nodes
    assert not [1 for a, _b, d in hidden.edges(data=True) if d["type"] == "REPORTS" and a == WEAK_KEY]

    annotations = json.loads(_export(api, "claims.jsonld", min_confidence=0))["@graph"]
    about = {(a["body"]["dakg:about"]["id"].rsplit(":", 1)[1], a["body"]["dakg:field"]): a for a in annotations}
    assert about[(COOPER, "acts_for")]["body"]["dakg:basis"] == "reference"
    assert about[("GBR-UGA", "status")]["body"]["dakg:basis"] == "text"
    default_ids = {a["id"] for a in json.loads(_export(api, "claims.jsonld"))["@graph"]}
    assert about[("GBR-UGA", "status")]["id"] not in default_ids


def test_dakg_export_takes_min_confidence(
    cli: Callable[..., CliResult], weak_store: GraphStore, corpus_settings: Settings, api: TestClient
) -> None:
    env = settings_env(corpus_settings)
    weak = cli("export", "agreements.csv", "--min-confidence", "0", **env)
    assert weak.code == 0, weak.err
    assert weak.out == _export(api, "agreements.csv", min_confidence=0)
    default = cli("export", "agreements.csv", **env)
    assert default.out == _export(api, "agreements.csv") and "GBR-UGA" not in default.out
    assert cli("export", "agreements.csv", "--min-confidence", "2", **env).code != 0


# --- graphs written before ----------------------------------------------------------------------------------------


def test_old_reports_count_as_certain_and_old_claims_rest_on_the_text(fresh_corpus: GraphStore) -> None:
    assert load_fragment(fresh_corpus, WEAK_FRAGMENT).outcome == "new"
    fresh_corpus.run("MATCH ()-[r:REPORTS]->() REMOVE r.confidence", write=True)
    fresh_corpus.run("MATCH (c:Claim) REMOVE c.basis", write=True)
    with client_for(fresh_corpus) as api:
        listed = _get(api, "/agreements")
        assert [a["key"] for a in listed["items"]] == ["GBR-RWA", "GBR-UGA", "ISR-UGA", "USA-RWA", "USA-SWZ"]
        claims = _get(api, f"/sources/{WEAK_KEY}")["claims"]
        assert {c["claim"]["basis"] for c in claims} == {"text"}
        assert set(_frame(_export(api, "claims.csv"))["basis"]) == {"text"}
