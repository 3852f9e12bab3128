"""Versions of a document: a source with the URL (or, without one, the file path) of one already in the graph and
a new text is that document's new version. The earlier one is kept, marked ``superseded_by``; current answers
(agreement lists, current status, disputes) read the latest; timelines and /sources show both."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from dakg.ingest.fragment import Fragment
from dakg.ingest.load import load_fragment, remove_source
from dakg.store.falkordb import FalkorStore

from .conftest import client_for
from .corpus import Doc

URL = "https://example.org/test/rwa-story"
FIRST = "Rwanda has agreed to take in migrants deported from the United States, officials said on Monday."
EDITED = "Rwanda is only in talks with the United States about taking in deported migrants, officials said."


def _version(text: str, value: str, *, url: str | None = URL, path: str | None = None, title: str = "T") -> Fragment:
    doc = Doc(text=text, title=title, url=url, published="2025-08-05")
    doc.claim("USA-RWA", "status", value, text)
    fragment = doc.fragment()
    fragment.source.path = path
    return fragment


def _sources(client: TestClient) -> dict[str, str | None]:
    return {s["key"]: s["superseded_by"] for s in client.get("/sources").json()["items"]}


@pytest.fixture
def api(store: FalkorStore) -> Iterator[TestClient]:
    with client_for(store) as client:
        yield client


def test_an_edited_article_is_a_new_version_and_current_answers_read_it(store: FalkorStore, api: TestClient) -> None:
    first, edited = _version(FIRST, "agreed"), _version(EDITED, "under_negotiation")
    assert load_fragment(store, first).outcome == "new"
    assert api.get("/agreements/USA-RWA").json()["current_status"]["value"] == "agreed"
    assert load_fragment(store, edited).outcome == "new"
    old, new = first.source.key, edited.source.key
    assert _sources(api) == {old: new, new: None}  # both kept; the earlier marked
    agreement = api.get("/agreements/USA-RWA").json()
    assert agreement["current_status"] == {
        "value": "under_negotiation",
        "source": new,
        "published": "2025-08-05",
        "rule": agreement["current_status"]["rule"],
    }
    assert [s["source"]["key"] for s in agreement["sources"]] == [new]
    assert (agreement["sources_total"], agreement["claims_total"], agreement["disputed"]) == (1, 1, False)
    listed = api.get("/agreements", params={"host": "RWA"}).json()["items"]
    assert [(a["key"], a["sources_total"]) for a in listed] == [("USA-RWA", 1)]
    assert api.get("/disputes").json()["total"] == 0  # a story against its own earlier text is no dispute
    assert api.get("/agreements", params={"status": "agreed"}).json()["total"] == 0
    timeline = api.get("/agreements/USA-RWA/timeline").json()["items"]
    assert sorted((e["source"]["key"], e["source"]["superseded_by"], e["claim"]["value"]) for e in timeline) == sorted(
        [(old, new, "agreed"), (new, None, "under_negotiation")]
    )
    one = api.get(f"/sources/{old}").json()
    assert one["source"]["superseded_by"] == new and len(one["claims"]) == 1  # the old text and claims stay


def test_without_a_url_the_file_path_names_the_document(store: FalkorStore, api: TestClient) -> None:
    first = _version(FIRST, "agreed", url=None, path="/data/feeds/story.txt")
    other = _version(FIRST + " More.", "agreed", url=None, path="/data/feeds/other.txt")
    edited = _version(EDITED, "under_negotiation", url=None, path="/data/feeds/story.txt")
    for fragment in (first, other, edited):
        assert load_fragment(store, fragment).outcome == "new"
    assert _sources(api) == {first.source.key: edited.source.key, other.source.key: None, edited.source.key: None}


def test_other_urls_and_posted_documents_without_one_are_other_documents(store: FalkorStore, api: TestClient) -> None:
    one = _version(FIRST, "agreed", url="https://example.org/a")
    two = _version(EDITED, "under_negotiation", url="https://example.org/b")
    posted = _version(FIRST + " Again.", "agreed", url=None, path=None)
    posted_too = _version(EDITED + " Again.", "agreed", url=None, path=None)
    for fragment in (one, two, posted, posted_too):
        load_fragment(store, fragment)
    assert set(_sources(api).values()) == {None}


def test_removing_the_latest_version_makes_the_one_before_current(store: FalkorStore, api: TestClient) -> None:
    versions = [_version(f"{FIRST} Version {n}.", "agreed" if n < 2 else "scrapped") for n in range(3)]
    for fragment in versions:
        load_fragment(store, fragment)
    v0, v1, v2 = (f.source.key for f in versions)
    assert _sources(api) == {v0: v1, v1: v2, v2: None}  # a chain, each to the next
    assert api.get("/agreements/USA-RWA").json()["current_status"]["value"] == "scrapped"
    assert remove_source(store, v2)
    assert _sources(api) == {v0: v1, v1: None}
    assert api.get("/agreements/USA-RWA").json()["current_status"]["value"] == "agreed"


def test_re_extracting_a_version_keeps_its_place(store: FalkorStore, api: TestClient) -> None:
    first, edited = _version(FIRST, "agreed"), _version(EDITED, "under_negotiation")
    load_fragment(store, first)
    load_fragment(store, edited)
    for fragment in (first, edited):  # a new extractor replaces each source's claims (purge, then write)
        upgraded = fragment.model_copy(deep=True)
        upgraded.source.extractor_version = "test-rules-2"
        assert load_fragment(store, upgraded).outcome == "replaced"
    assert _sources(api) == {first.source.key: edited.source.key, edited.source.key: None}
    assert api.get("/agreements/USA-RWA").json()["current_status"]["value"] == "under_negotiation"


def test_an_agreement_only_an_earlier_version_reported_leaves_the_current_lists(
    store: FalkorStore, api: TestClient
) -> None:
    first = _version(FIRST, "agreed")
    edited = Doc(text="The ministry said nothing about deportations to Rwanda today.", title="T", url=URL).fragment()
    load_fragment(store, first)
    load_fragment(store, edited)
    assert api.get("/agreements").json()["total"] == 0
    assert api.get("/agreements/USA-RWA/timeline").json()["total"] == 1  # what the earlier text said is still there
