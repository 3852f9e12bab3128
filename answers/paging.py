"""Reading the store a batch or a page at a time, so that every read an answer makes stays under DAKG_MAX_ROWS
however large the graph (and whatever DAKG_MAX_ROWS is set to)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from dakg.store import GraphStore

KEYS_PER_READ = 500  # keys (or agreement-source pairs) one batched read takes
ROWS_PER_PAGE = 1000  # rows one page of a paged query returns


def chunks[T](items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def keys_per_read(store: GraphStore) -> int:
    """How many keys one batched read may take on this store (never more than its row cap)."""
    return max(1, min(KEYS_PER_READ, store.limits.max_rows))


def rows_per_page(store: GraphStore) -> int:
    """How many rows one page of a paged query may return on this store (never more than its row cap)."""
    return max(1, min(ROWS_PER_PAGE, store.limits.max_rows))


def paged(store: GraphStore, name: str, params: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Every row of a query that takes ``skip`` and ``limit``, a page at a time."""
    size, skip = rows_per_page(store), 0
    while True:
        rows = store.read(name, {**params, "skip": skip, "limit": size})
        yield from rows
        if len(rows) < size:
            return
        skip += size
