"""Corroboration by independent sources: a story and its lightly edited reprints are one reprint group
(dakg.reprints), and every value of every agreement says how many sources and how many independent ones claim it.

The story and its reprints below are written for these tests (about an invented arrangement between two real
states, so the gazetteer knows them); the outlets are invented too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import GraphDatabase

from dakg import reprints
from dakg.config import Settings
from dakg.ingest.load import CANDIDATES_PER_READ, fragment_params, load_fragment, remove_source
from dakg.store import GraphStore, get_query
from dakg.store.falkordb import FalkorStore

from .conftest import client_for
from .corpus import Doc
from .graph_checks import check_invariants

STORY = (
    "Eswatini has agreed to receive up to 300 people deported from the United States under an arrangement "
    "signed in Mbabane on Tuesday, the kingdom's government said in a statement. The first flight is expected "
    "within weeks, and those sent will be held at a correctional facility outside the capital until they can be "
    "moved on to their home countries. Lawyers for several of the men said they had not been told where they "
    "were going. Civic groups in Eswatini called the deal secretive and asked parliament to review it. A "
    "spokesperson for the government said the arrangement served both countries and would be reviewed after a "
    "year."
)
FIRST = "Eswatini has agreed to receive up to 300 people deported from the United States"
# Lightly edited reprints, as sites run a wire story: a byline, a changed word or two, a sentence cut or added.
REPRINTS = (
    "By our correspondent. " + STORY.replace("on Tuesday", "late on Tuesday").replace("secretive", "opaque"),
    STORY.replace(" Lawyers for several of the men said they had not been told where they were going.", "").replace(
        "a statement", "a written statement"
    )
    + " The United States embassy did not answer questions.",
)
OTHER = (
    "Officials in Mbabane confirmed that Eswatini agreed to take up to 300 deportees from the United States, "
    "according to a copy of the memorandum seen by this newspaper. Opposition figures demanded that the text be "
    "published in full, and a court challenge is being prepared by a lawyers' association."
)
OTHER_FIRST = "Eswatini agreed to take up to 300 deportees from the United States"


def test_a_reprint_is_near_and_another_report_is_not() -> None:
    story = reprints.signature(STORY)
    assert reprints.signature(STORY) == story  # deterministic
    assert all(0 <= v < 2**32 for v in story) and len(story) == reprints.NUM_PERM
    for reprint in REPRINTS:
        assert reprints.similarity(story, reprints.signature(reprint)) >= reprints.THRESHOLD
        assert set(reprints.bands(story)) & set(reprints.bands(reprints.signature(reprint)))
    assert reprints.similarity(story, reprints.signature(OTHER)) < 0.2  # the same facts, in other words


def test_grouping_joins_the_most_similar_and_merges_the_rest() -> None:
    a, b = reprints.signature(STORY), reprints.signature(REPRINTS[0])
    other = reprints.signature(OTHER)
    assert reprints.group("new", a, []) == reprints.Grouping("new", None, [])
    assert reprints.group("new", a, [{"key": "x", "group": "x", "minhash": other}]).group == "new"
    found = reprints.group(
        "new",
        a,
        [
            {"key": "r1", "group": "g1", "minhash": b},
            {"key": "r0", "group": "g0", "minhash": a},  # identical: the most similar
            {"key": "old", "group": None, "minhash": []},  # written before signatures existed: never compared
        ],
    )
    assert found == reprints.Grouping(group="g0", reprint_of="r0", merged=["g1"])


def _doc(text: str, first: str, outlet: str, published: str) -> Doc:
    doc = Doc(text=text, title=text[:40], outlet=outlet, published=published)
    doc.claim("USA-SWZ", "status", "agreed", first + text[text.index(first) + len(first) :].split(".")[0] + ".")
    return doc


def _cap_doc(text: str, first: str, outlet: str, published: str) -> Doc:
    doc = _doc(text, first, outlet, published)
    sentence = doc.claims["USA-SWZ"][0].quote
    doc.claim("USA-SWZ", "cap", 300, sentence)
    return doc


@pytest.fixture
def wire(store: FalkorStore) -> Iterator[tuple[FalkorStore, list[str]]]:
    """An empty graph with the story, its two reprints and another report written in that order."""
    docs = [
        _cap_doc(STORY, FIRST, "Wire Service (test)", "2025-10-07"),
        _cap_doc(REPRINTS[0], FIRST, "Valley Daily (test)", "2025-10-08"),
        _cap_doc(REPRINTS[1], FIRST, "Coast Herald (test)", "2025-10-08"),
        _cap_doc(OTHER, OTHER_FIRST, "Kingdom Observer (test)", "2025-10-09"),
    ]
    keys = []
    for doc in docs:
        fragment = doc.fragment()
        assert load_fragment(store, fragment).outcome == "new"
        keys.append(fragment.source.key)
    yield store, keys


def test_a_reprinted_story_counts_once_as_independent(wire: tuple[FalkorStore, list[str]]) -> None:
    store, [story, first, second, other] = wire
    check_invariants(store)
    with client_for(store) as client:
        agreement = client.get("/agreements/USA-SWZ").json()
        support = {(s["field"], s["value"]): (s["sources"], s["independent_sources"]) for s in agreement["support"]}
        assert support == {("status", "agreed"): (4, 2), ("cap", 300): (4, 2)}
        groups = {s["source"]["key"]: s["source"]["reprint_group"] for s in agreement["sources"]}
        assert groups == {story: story, first: story, second: story, other: other}
        reprint = client.get(f"/sources/{second}").json()["source"]
        assert (reprint["reprint_group"], reprint["reprint_of"]) == (story, story)
        original = client.get(f"/sources/{story}").json()["source"]
        assert (original["reprint_group"], original["reprint_of"]) == (story, None)
        listed = client.get("/agreements", params={"host": "SWZ"}).json()["items"][0]["support"]
        assert listed == agreement["support"]
        as_of = client.get("/agreements/USA-SWZ", params={"as_of": "2025-10-08"}).json()["support"]
        assert [(s["value"], s["sources"], s["independent_sources"]) for s in as_of] == [("agreed", 3, 1), (300, 3, 1)]
        exported = client.get("/export/sources.csv").text
        assert exported.count(f",{story},") == 3  # the story and its two reprints share a source_group


def test_removing_the_story_keeps_its_reprints_grouped_and_leaves_no_band(
    wire: tuple[FalkorStore, list[str]],
) -> None:
    store, [story, first, second, _other] = wire
    assert remove_source(store, story)
    check_invariants(store)
    rows, _ = store.run("MATCH (b:MinHashBand) WHERE NOT (b)<-[:IN_BAND]-(:Source) RETURN count(b) AS n")
    assert rows == [{"n": 0}]
    with client_for(store) as client:
        support = client.get("/agreements/USA-SWZ").json()["support"]
        assert [(s["sources"], s["independent_sources"]) for s in support] == [(3, 2), (3, 2)]
    # Written again, the story finds its reprints and joins their group.
    fragment = _cap_doc(STORY, FIRST, "Wire Service (test)", "2025-10-07").fragment()
    assert load_fragment(store, fragment).outcome == "new"
    rows, _ = store.run("MATCH (s:Source {key: $k}) RETURN s.reprint_group AS g, s.reprint_of AS of", {"k": story})
    assert rows == [{"g": story, "of": first}] or rows == [{"g": story, "of": second}]


def test_a_source_near_two_groups_joins_them(store: FalkorStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two copies written as if by two processes at once (neither saw the other) are two groups; the next copy
    is near both and makes them one, in its own write."""
    story = _cap_doc(STORY, FIRST, "Wire Service (test)", "2025-10-07").fragment()
    copy = _cap_doc(REPRINTS[0], FIRST, "Valley Daily (test)", "2025-10-08").fragment()
    load_fragment(store, story)
    with monkeypatch.context() as patched:
        patched.setattr(reprints, "group", lambda key, values, candidates: reprints.Grouping(key, None, []))
        load_fragment(store, copy)
    rows, _ = store.run("MATCH (s:Source) RETURN count(DISTINCT s.reprint_group) AS n")
    assert rows == [{"n": 2}]
    load_fragment(store, _cap_doc(REPRINTS[1], FIRST, "Coast Herald (test)", "2025-10-08").fragment())
    rows, _ = store.run("MATCH (s:Source) RETURN collect(DISTINCT s.reprint_group) AS groups")
    assert len(rows[0]["groups"]) == 1
    check_invariants(store)


def test_the_unit_corpus_has_no_near_duplicates(api: TestClient) -> None:
    for agreement in api.get("/agreements", params={"sources_limit": 100}).json()["items"]:
        for source in agreement["sources"]:
            assert source["source"]["reprint_group"] == source["source"]["key"]
        for value in agreement["support"]:
            assert value["sources"] == value["independent_sources"]


# --- the look-up's work as the graph grows (issue 19) ----------------------------------------------------------

HOSTS = ("Rwanda", "Uganda", "Eswatini", "Ghana", "Kosovo")
UNLIKE = (
    "Flooding closed the main road between Kigali and Musanze on Sunday, and repair crews expect to reopen it "
    "within a week, the transport ministry said."
)


def _alike(i: int) -> str:
    """The template of benchmarks/folder.py: one sentence, its number and host changed."""
    return (
        f"Report {i}: {HOSTS[i % len(HOSTS)]} has agreed to accept migrants deported from the United States under "
        f"the arrangement described in dispatch number {i}."
    )


def _look_up_params(text: str) -> dict[str, Any]:
    source = fragment_params(Doc(text=text).fragment())["source"]
    return {"bands": source["bands"], "key": source["key"], "limit": CANDIDATES_PER_READ}


def _db_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(_db_hits(child) for child in plan.get("children", []))


def _work(store: GraphStore, settings: Settings, params: dict[str, Any]) -> int:
    """What the reprint look-up reads, as the store's own profiler counts it: on FalkorDB the records every
    operation of its plan produced (GRAPH.PROFILE), on Neo4j its database hits (PROFILE)."""
    query = get_query("reprint_candidates", store.dialect)
    if isinstance(store, FalkorStore):
        plan = store.graph.profile(query.body, params)
        return sum(int(n) for line in plan.plan for n in re.findall(r"Records produced: (\d+)", str(line)))
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    with GraphDatabase.driver(settings.store_url, auth=auth) as driver:
        summary = driver.execute_query("PROFILE " + query.body, params, database_=settings.neo4j_database).summary
    assert summary.profile is not None
    return _db_hits(summary.profile)


def test_the_reprint_look_up_reads_as_much_with_many_alike_sources_as_with_few(
    store: GraphStore, settings: Settings
) -> None:
    """Every new source looks up the sources that share a MinHash band with it (``reprint_candidates``). Planned
    as a scan of every source (FalkorDB always; Neo4j on a small graph's statistics, a plan it then kept or not),
    the look-up read each source's 32 bands for each of the text's 32 until its limit was met: a text with
    fewer near duplicates than the limit read them all (2,048,000 rows among 2,000 sources, about a second), and
    a folder of 10,000 alike texts slowed down as it went (issue 19). Through the bands' index, the work stays
    the same however many sources the graph holds. Work as each store's profiler counts it, not time."""
    few, many = 10, 100
    probes = {"alike": _look_up_params(_alike(10_000)), "unlike": _look_up_params(UNLIKE)}
    work: dict[int, dict[str, int]] = {}
    written = 0
    for size in (few, many):
        for i in range(written, size):
            assert load_fragment(store, Doc(text=_alike(i)).fragment()).outcome == "new"
        written = size
        work[size] = {name: _work(store, settings, params) for name, params in probes.items()}
    # The alike probe finds its candidates either way; the unlike one finds none (nothing to compare with).
    assert len(store.read("reprint_candidates", probes["alike"])) == CANDIDATES_PER_READ
    assert store.read("reprint_candidates", probes["unlike"]) == []
    grew = {name: (work[few][name], work[many][name]) for name in probes if work[many][name] > 1.5 * work[few][name]}
    assert not grew, f"the look-up's work grew with the sources ({few} sources, {many}): {grew}"
    # And it is bounded by the text's bands, not by the sources: each band found by its key, and through it no
    # more sources than the limit lets through (a scan reads every source's 32 bands for each of the text's 32).
    bound = 25 * reprints.BANDS
    scanned = {name: work[few][name] for name in probes if work[few][name] > bound}
    assert not scanned, f"the look-up read more than {bound} with {few} sources: {scanned}"
