"""Agreements: the list (the headline question), one agreement in full, and its timeline, each with every
source's claims, a page of sources at a time; totals, current status and disputes come from the overview engine
(``dakg.answers.overview``). Answers are built as their response models (``dakg.answers.models``).

Every answer is at a ``min_confidence``: a source's report on an agreement counts only when its most confident
claim about the agreement reaches it (``REPORTS.confidence``; an edge without it counts as 1.0). Each answer says
which it was computed at."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from dakg.answers import models as m
from dakg.answers.names import name_values
from dakg.answers.overview import Overview, OverviewCache, overview_of
from dakg.answers.paging import chunks, keys_per_read, rows_per_page
from dakg.schema import DISPUTE_FIELDS, AgreementField
from dakg.store import GraphStore


def _agreements(
    store: GraphStore,
    rows: list[dict[str, Any]],
    *,
    sources_limit: int,
    sources_offset: int = 0,
    fields: Sequence[str] | None = None,
    claims_limit: int = 50,
    cache: OverviewCache | None = None,
    as_of: str | None = None,
    min_confidence: float,
) -> list[dict[str, Any]]:
    """Agreements with a page of their sources and those sources' claims, as the data of
    ``models.AgreementSummary`` (the callers validate the whole answer into its model in one pass).

    Sources that report on an agreement can number in thousands: totals, disputes and the order of sources
    come from ``Overview`` (cached per agreement while its stamp stands, when a cache is given), and only the
    requested page of sources is read with its claims. As of a day, only the sources published by then.
    """
    keys = [r["agreement"]["key"] for r in rows]
    overviews = overview_of(store, keys, as_of, cache, min_confidence)
    pages = {k: o.ordered[sources_offset : sources_offset + sources_limit] for k, o in overviews.items()}
    pairs = [{"subject": k, "source": entry.source} for k, page in pages.items() for entry in page]
    details: dict[tuple[str, str], tuple[dict[str, Any], list[dict[str, Any]], int]] = {}
    # A row per pair (under DAKG_MAX_ROWS), with at most ``claims_limit`` claims each: a source with thousands of
    # claims about one agreement costs a page of them, and says how many there are.
    wanted = {"fields": list(fields) if fields is not None else None, "claims_limit": claims_limit}
    for chunk in chunks(pairs, keys_per_read(store)):
        for row in store.read("agreement_source_claims", {"pairs": chunk, **wanted}):
            claims = [dict(c) for c in row["claims"]]
            details[(row["agreement"], row["source"]["key"])] = (row["source"], claims, row["claims_total"])
    name_values(store, [c for _, claims, _ in details.values() for c in claims])
    out = []
    for row in rows:
        key = row["agreement"]["key"]
        overview = overviews.get(key, Overview(0, 0, [], []))
        by_source = []
        for entry in pages.get(key, []):
            ref, claims, total = details.get((key, entry.source), ({"key": entry.source}, [], 0))
            by_source.append(
                {
                    "source": ref,
                    "status": entry.status,
                    "claims": claims,
                    "claims_total": total,
                    "claims_truncated": len(claims) < total,
                }
            )
        newest = overview.current
        current = None
        if newest is not None:
            current = {"value": newest.status, "source": newest.source, "published": newest.published}
        out.append(
            {
                "key": key,
                "name": row["agreement"].get("name"),
                "deporting": row["deporting"] or {"key": key.split("-")[0]},
                "host": row["host"] or {"key": key.split("-")[-1]},
                "current_status": current,
                "disputed": bool(overview.disputes),
                "disputes": overview.disputes,
                "sources_total": overview.sources,
                "claims_total": overview.claims,
                "sources": by_source,
                "sources_truncated": sources_offset + len(by_source) < overview.sources,
                "support": overview.support,
                "as_of": as_of,
                "min_confidence": min_confidence,
                "undated_sources_excluded": len(overview.undated_excluded),
            }
        )
    return out


def list_agreements(
    store: GraphStore,
    *,
    host: str | None = None,
    deporting: str | None = None,
    status: str | None = None,
    offset: int = 0,
    limit: int = 20,
    sources_limit: int = 20,
    claims_limit: int = 50,
    summary_only: bool = False,
    cache: OverviewCache | None = None,
    as_of: str | None = None,
    min_confidence: float,
) -> m.Page[m.AgreementSummary]:
    """A page of agreements matching the filters, each with a page of its sources' claims. As of a day: the
    agreements sources published by then report on, as those sources had it (``dakg.dates``). Only reports that
    reach ``min_confidence`` count, in the list, its totals and the status filter."""
    filters = {"host": host, "deporting": deporting, "status": status, "min_confidence": min_confidence}
    if as_of is None:
        total = int(store.read("agreements_count", filters)[0]["total"])
        rows = store.read("agreements_page", {**filters, "skip": offset, "limit": limit})
    else:
        total = int(store.read("agreements_count_as_of", {**filters, "as_of": as_of})[0]["total"])
        rows = store.read("agreements_page_as_of", {**filters, "as_of": as_of, "skip": offset, "limit": limit})
    fields = DISPUTE_FIELDS if summary_only else None
    items = _agreements(
        store,
        rows,
        sources_limit=sources_limit,
        fields=fields,
        claims_limit=claims_limit,
        cache=cache,
        as_of=as_of,
        min_confidence=min_confidence,
    )
    page = {"total": total, "offset": offset, "limit": limit, "items": items}
    return m.Page[m.AgreementSummary].model_validate(page)  # one pass over the whole answer


def every_agreement(
    store: GraphStore,
    *,
    host: str | None = None,
    deporting: str | None = None,
    cache: OverviewCache | None = None,
    as_of: str | None = None,
    min_confidence: float,
) -> Iterator[m.AgreementSummary]:
    """Every agreement matching the filters, without its sources (parties, current status, disputes, totals),
    read a page at a time (``agreements.csv``, the reading pages' index)."""
    offset, size = 0, min(100, rows_per_page(store))
    while True:
        page = list_agreements(
            store,
            host=host,
            deporting=deporting,
            offset=offset,
            limit=size,
            sources_limit=0,
            cache=cache,
            as_of=as_of,
            min_confidence=min_confidence,
        )
        yield from page.items
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


class NotYet(Exception):
    """The agreement exists, but no source published by the as-of day reports on it."""


class BelowConfidence(Exception):
    """The agreement exists, but no source's report on it reaches the answer's ``min_confidence``."""


def get_agreement(
    store: GraphStore,
    key: str,
    *,
    sources_offset: int = 0,
    sources_limit: int = 100,
    claims_limit: int = 50,
    cache: OverviewCache | None = None,
    as_of: str | None = None,
    min_confidence: float,
) -> m.AgreementDetail | None:
    """One agreement in full, or None. As of a day, only what sources published by then say (``NotYet`` when
    none of them reports on it); only the reports that reach ``min_confidence`` (``BelowConfidence`` when none
    does)."""
    rows = store.read("agreement", {"key": key})
    if not rows:
        return None
    [summary] = _agreements(
        store,
        rows,
        sources_limit=sources_limit,
        sources_offset=sources_offset,
        claims_limit=claims_limit,
        cache=cache,
        as_of=as_of,
        min_confidence=min_confidence,
    )
    if summary["sources_total"] == 0:
        _why_nothing(store, key, as_of, cache, min_confidence)
    kept = None
    if as_of is not None:
        kept = {entry.source for entry in overview_of(store, [key], as_of, cache, min_confidence)[key].ordered}
    reached = {"key": key, "min_confidence": min_confidence}
    groups = [
        {**row["group"], "nationalities": row["group"]["nationalities"] or [], "source": row["source"]}
        for row in store.read("agreement_groups", reached)
        if kept is None or row["source"]["key"] in kept
    ]
    officials = []
    for row in store.read("agreement_officials", reached):
        sources = sorted(s for s in row["sources"] or [] if kept is None or s in kept)
        if sources or kept is None:
            officials.append({**row["official"], "countries": sorted(row["countries"]), "sources": sources})
    return m.AgreementDetail.model_validate({**summary, "migrant_groups": groups, "officials": officials})


def _why_nothing(
    store: GraphStore, key: str, as_of: str | None, cache: OverviewCache | None, min_confidence: float
) -> None:
    """No current source's report counts for an agreement that exists: say why when a filter of the answer is the
    reason (the reports are all under ``min_confidence``, or none was published by the as-of day)."""
    if min_confidence > 0.0 and overview_of(store, [key], as_of, cache, 0.0).get(key, Overview(0, 0, [], [])).sources:
        raise BelowConfidence(
            f"no source's report on {key} reaches min_confidence={min_confidence:g} (each source's most confident "
            f"claim about it is under it); ask with min_confidence=0 to see the weak pairs too"
        )
    if as_of is not None:
        raise NotYet(f"no source published by {as_of} reports on {key}")


def timeline(
    store: GraphStore,
    key: str,
    *,
    fields: Sequence[AgreementField] | None,
    offset: int,
    limit: int,
    as_of: str | None = None,
    cache: OverviewCache | None = None,
    min_confidence: float,
) -> m.Timeline | None:
    """The claims of the sources whose report on the agreement reaches ``min_confidence``, in date order."""
    if not store.read("agreement", {"key": key}):
        return None
    params = {"key": key, "fields": list(fields) if fields else None, "as_of": as_of, "min_confidence": min_confidence}
    total = int(store.read("agreement_timeline_count", params)[0]["total"])
    rows = store.read("agreement_timeline", {**params, "skip": offset, "limit": limit})
    claims = [dict(r["claim"]) for r in rows]
    name_values(store, claims)
    items = [
        m.TimelineEntry(source=m.SourceRef(**r["source"]), claim=m.Claim(**claim))
        for r, claim in zip(rows, claims, strict=True)
    ]
    overview = overview_of(store, [key], as_of, cache, min_confidence).get(key) if as_of else None
    undated = len(overview.undated_excluded) if overview is not None else 0
    return m.Timeline(
        total=total,
        offset=offset,
        limit=limit,
        items=items,
        as_of=as_of,
        min_confidence=min_confidence,
        undated_sources_excluded=undated,
    )
