"""Disputes: every agreement whose sources disagree (decided by its overview, ``dakg.answers.overview``, with the
rules of ``dakg.answers.dispute_rules``), each side with its sources; listed once per graph version, as-of day and
``min_confidence`` (``DisputeCache``): only the reports that reach it count (``dakg.answers.overview``)."""

from __future__ import annotations

import threading
from typing import Any

from dakg.answers import models as m
from dakg.answers.dispute_rules import sides
from dakg.answers.overview import OverviewCache, overview_of, source_positions
from dakg.answers.paging import chunks, keys_per_read
from dakg.dates import published_by
from dakg.schema import DisputeField
from dakg.store import GraphStore


class DisputeCache:
    """Disputes need every agreement's overview: listed once per graph version (and as-of day and min_confidence;
    see ``OverviewCache``)."""

    def __init__(self, overviews: OverviewCache | None = None, max_days: int = 32) -> None:
        self.overviews = overviews
        self.max_days = max_days
        self._lock = threading.Lock()
        self._version: Any = ()
        self._items: dict[tuple[str | None, float], tuple[list[m.Dispute], int]] = {}

    def get(
        self, store: GraphStore, *, min_confidence: float, batch: int = 200, as_of: str | None = None
    ) -> tuple[list[m.Dispute], int]:
        """The disputes, and how many undated sources an as-of answer left out."""
        rows = store.read("graph_version")
        version = rows[0]["version"] if rows else None
        wanted = (as_of, min_confidence)
        with self._lock:
            if version != self._version:
                self._items, self._version = {}, version
            if wanted not in self._items:
                if len(self._items) >= self.max_days:
                    self._items = {k: v for k, v in self._items.items() if k[0] is None}
                self._items[wanted] = all_disputes(
                    store, self.overviews, batch, as_of=as_of, min_confidence=min_confidence, counted=True
                )
            return self._items[wanted]


def list_disputes(
    store: GraphStore,
    cache: DisputeCache,
    *,
    field: DisputeField | None = None,
    offset: int = 0,
    limit: int = 20,
    as_of: str | None = None,
    min_confidence: float,
) -> m.DisputePage:
    """A page of the disputes (on one field, if given), as of a day if given, counting the reports that reach
    ``min_confidence``."""
    found, undated = cache.get(store, as_of=as_of, min_confidence=min_confidence)
    items = [d for d in found if field is None or d.field == field]
    return m.DisputePage(
        total=len(items),
        offset=offset,
        limit=limit,
        items=items[offset : offset + limit],
        as_of=as_of,
        min_confidence=min_confidence,
        undated_sources_excluded=undated,
    )


def agreement_disputes(
    store: GraphStore, cache: DisputeCache, key: str, as_of: str | None = None, *, min_confidence: float
) -> list[m.Dispute]:
    """The disputes of one agreement (each field its sources disagree on, with the sides)."""
    return [d for d in cache.get(store, as_of=as_of, min_confidence=min_confidence)[0] if d.agreement == key]


def all_disputes(
    store: GraphStore,
    cache: OverviewCache | None = None,
    batch: int = 200,
    *,
    as_of: str | None = None,
    min_confidence: float,
    counted: bool = False,
) -> Any:
    """Every agreement whose sources disagree (decided by its overview), each side with its sources; with
    ``counted``, also how many undated sources an as-of answer left out."""
    disputes: list[m.Dispute] = []
    undated: set[str] = set()
    offset = 0
    read_size = keys_per_read(store)
    while True:
        keys = [r["key"] for r in store.read("agreement_keys", {"skip": offset, "limit": batch})]
        if not keys:
            return (disputes, len(undated)) if counted else disputes
        offset += len(keys)
        overviews = overview_of(store, keys, as_of, cache, min_confidence)
        for overview in overviews.values():
            undated.update(overview.undated_excluded)
        # An agreement no current source reports on (only earlier versions of documents did) has no overview.
        disputed = [k for k in keys if k in overviews and overviews[k].disputes]
        positions = source_positions(store, disputed, min_confidence)
        if as_of is not None:
            positions = {k: [p for p in v if published_by(p.published, as_of)] for k, v in positions.items()}
        found = [(k, field, sides(positions.get(k, []), field)) for k in disputed for field in overviews[k].disputes]
        wanted = sorted({s for _k, _f, taken in found for keys_ in taken.values() for s in keys_})
        refs: dict[str, m.SourceRef] = {}
        for part in chunks(wanted, read_size):
            for row in store.read("sources_by_key", {"keys": list(part)}):
                refs[row["source"]["key"]] = m.SourceRef(**row["source"])
        names = {
            r["agreement"]["key"]: r["agreement"].get("name")
            for r in store.read("agreements_by_key", {"keys": disputed})
        }
        for key, field, taken in found:
            disputes.append(
                m.Dispute(
                    agreement=key,
                    name=names.get(key),
                    field=field,
                    sides=[
                        m.DisputeSide(
                            value=value,
                            currency=currency,
                            detail=kind,
                            negated=negated,
                            sources=[refs.get(k, m.SourceRef(key=k)) for k in source_keys],
                        )
                        for (value, currency, kind, negated), source_keys in sorted(
                            taken.items(), key=lambda kv: str(kv[0])
                        )
                    ],
                )
            )
