"""Writes in batches where each commit waits for the disk (Neo4j): one transaction for the documents already
waiting, each document still whole or absent, and a refused one costs only itself (``write_all``,
``load_fragments``, ``GraphStore.one_transaction``)."""

from __future__ import annotations

import queue

import pytest

from dakg.errors import DocumentError
from dakg.ingest.fragment import Fragment
from dakg.ingest.load import LoadResult, load_batch, load_fragment, load_fragments
from dakg.ingest.pipeline import batches, write_all
from dakg.store import GraphStore

from .corpus import FRAGMENTS
from .graph_checks import check_invariants, snapshot

F = list(FRAGMENTS.values())


def _broken(fragment: Fragment) -> Fragment:
    broken = fragment.model_copy(deep=True)
    broken.source.title = "bad \ud800 title"  # no store can take it; what a writer met before titles were checked
    return broken


def test_a_batch_is_what_is_waiting_and_never_waits_to_fill() -> None:
    pending: queue.Queue[Fragment | None] = queue.Queue()
    for item in [*F[:5], None]:
        pending.put(item)
    assert list(batches(pending, 3)) == [F[:3], F[3:5]]
    for item in [*F[:3], None]:
        pending.put(item)
    assert list(batches(pending, 1)) == [[F[0]], [F[1]], [F[2]]]


def test_documents_in_one_transaction_read_what_the_ones_before_wrote(store: GraphStore) -> None:
    results = load_fragments(store, [F[0], F[1], F[0]])
    assert [r.outcome for r in results] == ["new", "new", "unchanged"]
    check_invariants(store)
    together = snapshot(store)
    store.run("MATCH (n) DETACH DELETE n", write=True)
    for fragment in (F[0], F[1]):
        load_fragment(store, fragment)
    assert snapshot(store) == together


def test_a_refused_document_in_a_batch_is_found_and_the_others_written(store: GraphStore) -> None:
    [first, refused, second] = load_batch(store, [F[0], _broken(F[1]), F[2]])
    assert isinstance(refused, UnicodeEncodeError)
    assert (first, second) == (LoadResult("new", 3, 4), LoadResult("new", 2, 1))
    rows, _ = store.run("MATCH (s:Source) RETURN s.key AS key ORDER BY key")
    assert [r["key"] for r in rows] == sorted([F[0].source.key, F[2].source.key])


@pytest.mark.stores("neo4j")
def test_on_neo4j_a_batch_with_a_refused_document_writes_none_of_it(store: GraphStore) -> None:
    assert store.commits_wait
    with pytest.raises(UnicodeEncodeError):
        load_fragments(store, [F[0], _broken(F[1]), F[2]])
    rows, _ = store.run("MATCH (n) RETURN count(n) AS n")
    assert rows == [{"n": 0}]


def test_a_refused_document_costs_only_itself_batched_or_not(store: GraphStore) -> None:
    stream: list[Fragment | DocumentError] = [F[0], F[1], _broken(F[2]), F[3], F[0], F[4]]
    errors: list[str] = []
    summary = write_all(stream, store, write_batch=16, on_error=lambda e: errors.append(str(e)))
    assert (summary.new, summary.unchanged, summary.failed) == (4, 1, 1)
    [error] = errors
    assert error.startswith(f"{F[2].source.key}: the store refused its write, nothing was written (")
    rows, _ = store.run("MATCH (s:Source) RETURN s.key AS key ORDER BY key")
    assert [r["key"] for r in rows] == sorted(f.source.key for f in (F[0], F[1], F[3], F[4]))
    check_invariants(store)
