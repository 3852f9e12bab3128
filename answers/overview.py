"""The overview engine: what an agreement list needs about each agreement beyond its page of claims — how many
sources and claims, which fields its sources dispute, its sources newest first (the first with a status gives the
current status, ``dakg.status``), and how many (independent) sources claim each value — cached per agreement
while its stamp stands.

Sources that report on an agreement can number in thousands, so without ``as_of`` the overview comes from
aggregates (``cypher/agreement_positions.cypher``, decided by ``dakg.answers.dispute_rules.groups_disputes``);
as of a day, from each source published by then (``dakg.dates.published_by``, ``positions_disputes``).

Every overview is at a ``min_confidence``: a source's report on an agreement counts only when its most confident
claim about the agreement reaches it (``REPORTS.confidence``; an edge without it counts as 1.0).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dakg.answers.dispute_rules import Cap, Payment, SourcePosition, StatusGroup, groups_disputes, positions_disputes
from dakg.dates import published_by
from dakg.schema import CLAIM_FIELDS, DisputeField, Status
from dakg.store import GraphStore

# --- Rows of the overview queries, parsed once where they are read --------------------------------------------


def _caps(items: Sequence[Mapping[str, Any]] | None) -> tuple[Cap, ...]:
    return tuple(Cap(value=c["value"], kind=c["kind"] or "") for c in items or ())


def _payments(items: Sequence[Mapping[str, Any]] | None) -> tuple[Payment, ...]:
    return tuple(
        Payment(amount=float(p["amount"]), currency=p["currency"], kind=p["kind"] or "", published=p.get("published"))
        for p in items or ()
    )


def _source_position(entry: Mapping[str, Any]) -> SourcePosition:
    """One source of ``agreement_summaries``."""
    return SourcePosition(
        source=entry["source"],
        published=entry["published"],
        status=entry["status"],
        denied=tuple(entry["denied"] or ()),
        caps=_caps(entry["caps"]),
        payments=_payments(entry["payments"]),
    )


@dataclass(frozen=True)
class PositionGroup:
    """One status of ``agreement_positions``: how many sources give it and make how many claims, in aggregate."""

    sources: int
    claims: int
    group: StatusGroup

    @classmethod
    def parse(cls, entry: Mapping[str, Any]) -> PositionGroup:
        return cls(
            sources=entry["sources"],
            claims=int(entry["claims"] or 0),  # a sum: some stores answer a float
            group=StatusGroup(
                status=entry["status"],
                undated=entry["undated"],
                first=entry["first"],
                last=entry["last"],
                denied=tuple(entry["denied"] or ()),
                caps=_caps(entry["caps"]),
                payments=_payments(entry["payments"]),
            ),
        )


@dataclass(frozen=True)
class OrderedSource:
    """One source of ``agreement_sources_ordered``: newest first, each with its own status."""

    source: str
    published: str | None
    status: Status | None


def source_positions(store: GraphStore, keys: Sequence[str], min_confidence: float) -> dict[str, list[SourcePosition]]:
    return {
        key: [_source_position(e) for e in entries] for key, entries in _summaries(store, keys, min_confidence).items()
    }


def _summaries(store: GraphStore, keys: Sequence[str], min_confidence: float) -> dict[str, list[dict[str, Any]]]:
    """Every source of each agreement in brief (``agreement_summaries``), newest first."""
    if not keys:
        return {}
    params = {"keys": list(keys), "min_confidence": min_confidence}
    return {row["key"]: list(row["sources"]) for row in store.read("agreement_summaries", params)}


_FIELD_ORDER = {name: i for i, name in enumerate(CLAIM_FIELDS["Agreement"])}


def _support(
    store: GraphStore, keys: Sequence[str], as_of: str | None, min_confidence: float
) -> dict[str, list[dict[str, Any]]]:
    """For each agreement, every value its sources claim with how many (independent) sources claim it."""
    if not keys:
        return {}
    out = {}
    params = {"keys": list(keys), "as_of": as_of, "min_confidence": min_confidence}
    for row in store.read("agreement_support", params):
        entries = [
            {
                "field": e["field"],
                "value": e["value"],
                "currency": e["currency"],
                "negated": bool(e["negated"]),
                "sources": int(e["sources"]),
                "independent_sources": int(e["independent"]),
            }
            for e in row["support"]
        ]
        entries.sort(key=lambda e: (_FIELD_ORDER.get(e["field"], 99), -e["sources"], e["negated"], str(e["value"])))
        out[row["key"]] = entries
    return out


@dataclass
class Overview:
    """What the agreement list needs about one agreement beyond its page of claims (as of a day, if given)."""

    sources: int
    claims: int
    disputes: list[DisputeField]
    ordered: list[OrderedSource]  # newest first
    support: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    undated_excluded: tuple[str, ...] = ()  # undated sources left out of an as-of answer

    @property
    def current(self) -> OrderedSource | None:
        """The current-status rule: the newest source that gives a status (undated ones count as oldest)."""
        return next((entry for entry in self.ordered if entry.status is not None), None)


def _overviews(store: GraphStore, keys: Sequence[str], as_of: str | None, min_confidence: float) -> dict[str, Overview]:
    """Totals, disputes (dakg.answers.dispute_rules, from aggregates) and the ordered sources of each agreement.

    As of a day, the sources published by then are chosen one by one (``dakg.dates``), and the same rules
    run on them: the dispute rules on their positions, the current-status rule on their order."""
    out: dict[str, Overview] = {}
    if not keys:
        return out
    support = _support(store, keys, as_of, min_confidence)
    if as_of is not None:
        for key, entries in _summaries(store, keys, min_confidence).items():
            kept = [e for e in entries if published_by(e["published"], as_of)]
            kept.sort(key=lambda e: e["source"])
            kept.sort(key=lambda e: (e["published"], e["status_confidence"] or 0.0), reverse=True)
            out[key] = Overview(
                sources=len(kept),
                claims=sum(int(e["claims"] or 0) for e in kept),
                disputes=positions_disputes([_source_position(e) for e in kept]),
                ordered=[OrderedSource(e["source"], e["published"], e["status"]) for e in kept],
                support=support.get(key, []),
                undated_excluded=tuple(sorted(e["source"] for e in entries if e["published"] is None)),
            )
        return out
    params = {"keys": list(keys), "min_confidence": min_confidence}
    ordered = {
        row["key"]: [OrderedSource(**entry) for entry in row["ordered"]]
        for row in store.read("agreement_sources_ordered", params)
    }
    for row in store.read("agreement_positions", params):
        groups = [PositionGroup.parse(entry) for entry in row["positions"]]
        out[row["key"]] = Overview(
            sources=sum(g.sources for g in groups),
            claims=sum(g.claims for g in groups),
            disputes=groups_disputes([g.group for g in groups]),
            ordered=ordered.get(row["key"], []),
            support=support.get(row["key"], []),
        )
    return out


class OverviewCache:
    """Agreement overviews, each kept while its agreement's stamp stands (per as-of day and min_confidence).

    Every document write and removal stamps, in the same statement, each agreement whose answer it changes with
    the graph's new version (``cypher/write_document.cypher``): a write costs the next read the overviews of the
    agreements it touched, not all of them, and an answer served from here is never older than the graph.
    Reading the stamps of a page's agreements is one indexed lookup each.
    """

    def __init__(self, max_entries: int = 5000) -> None:
        self.max_entries = max_entries
        self._lock = threading.Lock()
        # (as_of, min_confidence, key) -> (its stamp, its overview or None when no counted report reaches it)
        self._entries: dict[tuple[str | None, float, str], tuple[Any, Overview | None]] = {}
        self._flights: dict[tuple[Any, ...], _Flight] = {}  # computations under way, which the same asks join

    def get(
        self, store: GraphStore, keys: Sequence[str], as_of: str | None, min_confidence: float
    ) -> dict[str, Overview]:
        stamps = {row["key"]: row["stamp"] for row in store.read("agreement_stamps", {"keys": list(keys)})}
        found: dict[str, Overview] = {}
        known: set[str] = set()  # kept in the cache, with an overview or with none (no counted report)
        with self._lock:
            for k in keys:
                entry = self._entries.get((as_of, min_confidence, k))
                if entry is not None and k in stamps and entry[0] == stamps[k]:
                    known.add(k)
                    if entry[1] is not None:
                        found[k] = entry[1]
        missing = [k for k in keys if k not in known]
        if missing:
            found.update(self._compute_once(store, {k: stamps.get(k) for k in missing}, as_of, min_confidence))
        return found

    def _compute_once(
        self, store: GraphStore, stamps: dict[str, Any], as_of: str | None, min_confidence: float
    ) -> dict[str, Overview]:
        """One computation for the same overviews asked at once: after a write, every client that asks for the
        busiest host's page misses together; the first computes, the others wait for its answer (a failure is
        each one's own: they compute in turn)."""
        keys = sorted(stamps)
        wanted = (as_of, min_confidence, tuple((k, stamps[k]) for k in keys))
        with self._lock:
            flight = self._flights.get(wanted)
            leads = flight is None
            if flight is None:
                flight = self._flights[wanted] = _Flight()
        if not leads:
            flight.done.wait()
            if flight.result is not None:
                return flight.result
            return _overviews(store, keys, as_of, min_confidence)
        try:
            computed = _overviews(store, keys, as_of, min_confidence)
            flight.result = computed
            with self._lock:
                # Computed from a graph at least as new as the stamps read before: keeping it under those stamps
                # is safe (a write in between has stamped a newer version, so the entry is recomputed next time).
                if len(self._entries) + len(computed) > self.max_entries:
                    self._entries = {}
                self._entries.update({(as_of, min_confidence, k): (stamps[k], computed.get(k)) for k in keys})
            return computed
        finally:
            with self._lock:
                self._flights.pop(wanted, None)
            flight.done.set()


@dataclass
class _Flight:
    """A computation of overviews under way: its answer, once ``done`` is set (None if it failed)."""

    done: threading.Event = dataclasses.field(default_factory=threading.Event)
    result: dict[str, Overview] | None = None


def overview_of(
    store: GraphStore, keys: Sequence[str], as_of: str | None, cache: OverviewCache | None, min_confidence: float
) -> dict[str, Overview]:
    """Each agreement's overview at ``min_confidence`` (as of a day, if given); an agreement no counted report
    reaches has none."""
    if cache is not None:
        return cache.get(store, keys, as_of, min_confidence)
    return _overviews(store, keys, as_of, min_confidence)
