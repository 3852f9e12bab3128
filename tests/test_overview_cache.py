"""The overview cache (``dakg.answers.overview.OverviewCache``) keeps each agreement's overview while its stamp
stands: every write and removal stamps the agreements whose answers it changes. After each kind of change (a new
source, a new version of a document, a reprint group merged, a version removed) the cached overviews equal a fresh
computation, and only the agreements the change touched are computed again."""

from __future__ import annotations

from typing import Any

import pytest

from dakg import reprints
from dakg.answers import overview
from dakg.ingest.fragment import Fragment
from dakg.ingest.load import load_fragment, remove_source
from dakg.store import GraphStore

from .corpus import Doc
from .test_reprints import REPRINTS, STORY

URL = "https://example.org/test/cache-story"
SHARED = "The first flight is expected within weeks"  # a sentence of STORY that its reprints keep


def _doc(text: str, published: str, claims: dict[str, str], *, url: str | None = None, title: str = "T") -> Fragment:
    """A source making, for each agreement, a status claim on ``SHARED`` (texts of STORY's family) or the whole text."""
    doc = Doc(text=text, title=title, url=url, published=published)
    sentence = SHARED if SHARED in text else text
    for key, status in claims.items():
        doc.claim(key, "status", status, sentence)
    return doc.fragment()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The agreements each computation of overviews was asked for."""
    computed: list[tuple[str, ...]] = []
    real = overview._overviews

    def counting(store: GraphStore, keys: Any, as_of: Any, min_confidence: float) -> Any:
        computed.append(tuple(keys))
        return real(store, keys, as_of, min_confidence)

    monkeypatch.setattr(overview, "_overviews", counting)
    return computed


def _check(store: GraphStore, cache: overview.OverviewCache, computed: list[tuple[str, ...]]) -> list[str]:
    """Every answer the cache gives equals a fresh computation; returns the agreements it computed again for the
    current answer (at min_confidence 0.4, no as-of day)."""
    rows, _ = store.run("MATCH (a:Agreement) RETURN a.key AS key ORDER BY key")
    keys = [row["key"] for row in rows]
    computed.clear()
    got = cache.get(store, keys, None, 0.4)
    recomputed = sorted(k for asked in computed for k in asked)
    assert got == overview._overviews(store, keys, None, 0.4)
    for as_of, min_confidence in ((None, 0.0), ("2025-10-08", 0.4)):
        assert cache.get(store, keys, as_of, min_confidence) == overview._overviews(store, keys, as_of, min_confidence)
    return recomputed


def test_each_change_recomputes_the_agreements_it_touched_and_no_other(
    store: GraphStore, counted: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = overview.OverviewCache()
    load_fragment(
        store, _doc("Uganda agreed to take people the United States deports.", "2025-09-01", {"USA-UGA": "agreed"})
    )
    first = _doc(
        "Rwanda and Britain are in talks, Eswatini agreed.",
        "2025-10-01",
        {"GBR-RWA": "under_negotiation", "USA-SWZ": "agreed"},
        url=URL,
    )
    load_fragment(store, first)
    assert _check(store, cache, counted) == ["GBR-RWA", "USA-SWZ", "USA-UGA"]
    assert _check(store, cache, counted) == []  # nothing written: all from the cache

    # A new version of the document: what the earlier one reported on is recomputed too (it no longer counts).
    load_fragment(store, _doc("Eswatini suspended the arrangement.", "2025-10-05", {"USA-SWZ": "suspended"}, url=URL))
    assert _check(store, cache, counted) == ["GBR-RWA", "USA-SWZ"]

    # Two copies of one story written as two reprint groups (neither saw the other), both reporting ITA-ALB; the
    # next copy reports only USA-SWZ and merges the groups: ITA-ALB's independent sources go from 2 to 1.
    with monkeypatch.context() as patched:
        patched.setattr(reprints, "group", lambda key, values, candidates: reprints.Grouping(key, None, []))
        load_fragment(store, _doc(STORY, "2025-10-07", {"ITA-ALB": "agreed"}))
        load_fragment(store, _doc(REPRINTS[0], "2025-10-07", {"ITA-ALB": "agreed"}))
    assert _check(store, cache, counted) == ["ITA-ALB"]
    load_fragment(store, _doc(REPRINTS[1], "2025-10-08", {"USA-SWZ": "agreed"}))
    assert _check(store, cache, counted) == ["ITA-ALB", "USA-SWZ"]
    support = {
        e["field"]: (e["sources"], e["independent_sources"])
        for e in cache.get(store, ["ITA-ALB"], None, 0.4)["ITA-ALB"].support
    }
    assert support == {"status": (2, 1)}

    # Removing the latest version makes the one before it current again: GBR-RWA counts its report again.
    rows, _ = store.run("MATCH (s:Source {document: $d}) WHERE s.superseded_by IS NULL RETURN s.key AS key", {"d": URL})
    assert remove_source(store, rows[0]["key"])
    assert _check(store, cache, counted) == ["GBR-RWA", "USA-SWZ"]
    assert cache.get(store, ["GBR-RWA"], None, 0.4)["GBR-RWA"].sources == 1
