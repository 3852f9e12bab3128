"""What the endpoints answer, assembled from named queries (kept apart from HTTP so notebooks and benchmarks can
call the same functions)."""

from __future__ import annotations

import dataclasses
import re
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from dakg.api import models as m
from dakg.dates import published_by
from dakg.disputes import Cap, Payment, SourcePosition, StatusGroup, groups_disputes, positions_disputes, sides
from dakg.ingest.gazetteer import countries
from dakg.schema import CLAIM_FIELDS, DISPUTE_FIELDS, AgreementField, DisputeField, Status
from dakg.store import GraphStore, Row

PAIRS_PER_READ = 500


def _chunks[T](items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


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


def _positions(store: GraphStore, keys: Sequence[str]) -> dict[str, list[SourcePosition]]:
    return {key: [_source_position(e) for e in entries] for key, entries in _summaries(store, keys).items()}


def _summaries(store: GraphStore, keys: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Every source of each agreement in brief (``agreement_summaries``), newest first."""
    if not keys:
        return {}
    return {row["key"]: list(row["sources"]) for row in store.read("agreement_summaries", {"keys": list(keys)})}


_FIELD_ORDER = {name: i for i, name in enumerate(CLAIM_FIELDS["Agreement"])}


def _support(store: GraphStore, keys: Sequence[str], as_of: str | None) -> dict[str, list[dict[str, Any]]]:
    """For each agreement, every value its sources claim with how many (independent) sources claim it."""
    if not keys:
        return {}
    out = {}
    for row in store.read("agreement_support", {"keys": list(keys), "as_of": as_of}):
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


def _overviews(store: GraphStore, keys: Sequence[str], as_of: str | None = None) -> dict[str, Overview]:
    """Totals, disputes (dakg.disputes, from aggregates) and the ordered sources of each agreement.

    As of a day, the sources published by then are chosen one by one (``dakg.dates``), and the same rules
    run on them: the dispute rules on their positions, the current-status rule on their order."""
    out: dict[str, Overview] = {}
    if not keys:
        return out
    support = _support(store, keys, as_of)
    if as_of is not None:
        for key, entries in _summaries(store, keys).items():
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
    ordered = {
        row["key"]: [OrderedSource(**entry) for entry in row["ordered"]]
        for row in store.read("agreement_sources_ordered", {"keys": list(keys)})
    }
    for row in store.read("agreement_positions", {"keys": list(keys)}):
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
    """Agreement overviews, kept per graph version (and per as-of day).

    Every document write and removal increments the graph's version in the same statement, so an answer
    served from here is never older than the graph; reading the version is one indexed lookup.
    """

    def __init__(self, max_entries: int = 5000) -> None:
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._version: Any = None
        self._entries: dict[tuple[str | None, str], Overview] = {}

    def get(self, store: GraphStore, keys: Sequence[str], as_of: str | None = None) -> dict[str, Overview]:
        rows = store.read("graph_version")
        version = rows[0]["version"] if rows else None
        with self._lock:
            if version != self._version:
                self._version, self._entries = version, {}
            found = {k: self._entries[(as_of, k)] for k in keys if (as_of, k) in self._entries}
        missing = [k for k in keys if k not in found]
        if missing:
            computed = _overviews(store, missing, as_of)
            with self._lock:
                if self._version == version and len(self._entries) + len(computed) <= self.max_entries:
                    self._entries.update({(as_of, k): v for k, v in computed.items()})
            found.update(computed)
        return found


def _overview_of(
    store: GraphStore, keys: Sequence[str], as_of: str | None, cache: OverviewCache | None
) -> dict[str, Overview]:
    return cache.get(store, keys, as_of) if cache is not None else _overviews(store, keys, as_of)


def value_names(store: GraphStore, claims: Sequence[Mapping[str, Any]]) -> dict[tuple[str, Any], dict[str, Any]]:
    """What a claim's value names, for the claims whose value is a key: the official (key, name), the migrant
    group (key, description, size, nationalities), the country (key, name). Keyed by (field, value)."""
    officials = sorted({str(c["value"]) for c in claims if c["field"] == "official"})
    groups = sorted({str(c["value"]) for c in claims if c["field"] == "covers"})
    size = max(1, min(PAIRS_PER_READ, store.limits.max_rows))
    found: dict[tuple[str, Any], dict[str, Any]] = {}
    for part in _chunks(officials, size):
        for row in store.read("officials_by_key", {"keys": list(part)}):
            found[("official", row["official"]["key"])] = dict(row["official"])
    for part in _chunks(groups, size):
        for row in store.read("groups_by_key", {"keys": list(part)}):
            group = dict(row["group"])
            group["nationalities"] = group.get("nationalities") or []
            found[("covers", group["key"])] = group
    name = countries().name
    for claim in claims:
        if claim["field"] in ("acts_for", "nationality"):
            found[(claim["field"], claim["value"])] = {"key": claim["value"], "name": name(str(claim["value"]))}
    return found


def name_values(store: GraphStore, claims: Sequence[dict[str, Any]]) -> None:
    """Give each official claim its official (key, name) and each covers claim its migrant group (description,
    size, nationalities), in place."""
    names = value_names(store, claims)
    for claim in claims:
        if claim["field"] == "official":
            claim["official"] = names.get(("official", claim["value"]))
        elif claim["field"] == "covers":
            claim["migrant_group"] = names.get(("covers", claim["value"]))


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
) -> list[dict[str, Any]]:
    """Agreements with a page of their sources and those sources' claims, as the data of
    ``models.AgreementSummary`` (the callers validate the whole answer into its model in one pass).

    Sources that report on an agreement can number in thousands: totals, disputes and the order of sources
    come from ``Overview`` (cached per graph version when a cache is given), and only the requested page of
    sources is read with its claims. As of a day, only the sources published by then.
    """
    keys = [r["agreement"]["key"] for r in rows]
    overviews = _overview_of(store, keys, as_of, cache)
    pages = {k: o.ordered[sources_offset : sources_offset + sources_limit] for k, o in overviews.items()}
    pairs = [{"subject": k, "source": entry.source} for k, page in pages.items() for entry in page]
    details: dict[tuple[str, str], tuple[dict[str, Any], list[dict[str, Any]], int]] = {}
    # A row per pair (under DAKG_MAX_ROWS), with at most ``claims_limit`` claims each: a source with thousands of
    # claims about one agreement costs a page of them, and says how many there are.
    wanted = {"fields": list(fields) if fields is not None else None, "claims_limit": claims_limit}
    for chunk in _chunks(pairs, min(PAIRS_PER_READ, store.limits.max_rows)):
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
) -> m.Page[m.AgreementSummary]:
    """A page of agreements matching the filters, each with a page of its sources' claims. As of a day: the
    agreements sources published by then report on, as those sources had it (``dakg.dates``)."""
    filters = {"host": host, "deporting": deporting, "status": status}
    if as_of is None:
        total = int(store.read("agreements_count", filters)[0]["total"])
        rows = store.read("agreements_page", {**filters, "skip": offset, "limit": limit})
    else:
        total = int(store.read("agreements_count_as_of", {**filters, "as_of": as_of})[0]["total"])
        rows = store.read("agreements_page_as_of", {**filters, "as_of": as_of, "skip": offset, "limit": limit})
    fields = DISPUTE_FIELDS if summary_only else None
    items = _agreements(
        store, rows, sources_limit=sources_limit, fields=fields, claims_limit=claims_limit, cache=cache, as_of=as_of
    )
    page = {"total": total, "offset": offset, "limit": limit, "items": items}
    return m.Page[m.AgreementSummary].model_validate(page)  # one pass over the whole answer


class NotYet(Exception):
    """The agreement exists, but no source published by the as-of day reports on it."""


def get_agreement(
    store: GraphStore,
    key: str,
    *,
    sources_offset: int = 0,
    sources_limit: int = 100,
    claims_limit: int = 50,
    cache: OverviewCache | None = None,
    as_of: str | None = None,
) -> m.AgreementDetail | None:
    """One agreement in full, or None. As of a day, only what sources published by then say (``NotYet`` when
    none of them reports on it)."""
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
    )
    if as_of is not None and summary["sources_total"] == 0:
        raise NotYet(f"no source published by {as_of} reports on {key}")
    kept = None
    if as_of is not None:
        kept = {entry.source for entry in _overview_of(store, [key], as_of, cache)[key].ordered}
    groups = [
        {**row["group"], "nationalities": row["group"]["nationalities"] or [], "source": row["source"]}
        for row in store.read("agreement_groups", {"key": key})
        if kept is None or row["source"]["key"] in kept
    ]
    officials = []
    for row in store.read("agreement_officials", {"key": key}):
        sources = sorted(s for s in row["sources"] or [] if kept is None or s in kept)
        if sources or kept is None:
            officials.append({**row["official"], "countries": sorted(row["countries"]), "sources": sources})
    return m.AgreementDetail.model_validate({**summary, "migrant_groups": groups, "officials": officials})


def timeline(
    store: GraphStore,
    key: str,
    *,
    fields: Sequence[AgreementField] | None,
    offset: int,
    limit: int,
    as_of: str | None = None,
    cache: OverviewCache | None = None,
) -> m.Timeline | None:
    if not store.read("agreement", {"key": key}):
        return None
    params = {"key": key, "fields": list(fields) if fields else None, "as_of": as_of}
    total = int(store.read("agreement_timeline_count", params)[0]["total"])
    rows = store.read("agreement_timeline", {**params, "skip": offset, "limit": limit})
    claims = [dict(r["claim"]) for r in rows]
    name_values(store, claims)
    items = [
        m.TimelineEntry(source=m.SourceRef(**r["source"]), claim=m.Claim(**claim))
        for r, claim in zip(rows, claims, strict=True)
    ]
    overview = _overview_of(store, [key], as_of, cache).get(key) if as_of else None
    undated = len(overview.undated_excluded) if overview is not None else 0
    return m.Timeline(
        total=total, offset=offset, limit=limit, items=items, as_of=as_of, undated_sources_excluded=undated
    )


class DisputeCache:
    """Disputes need every agreement's overview: listed once per graph version (and as-of day; see
    ``OverviewCache``)."""

    def __init__(self, overviews: OverviewCache | None = None, max_days: int = 32) -> None:
        self.overviews = overviews
        self.max_days = max_days
        self._lock = threading.Lock()
        self._version: Any = ()
        self._items: dict[str | None, tuple[list[m.Dispute], int]] = {}

    def get(self, store: GraphStore, batch: int = 200, as_of: str | None = None) -> tuple[list[m.Dispute], int]:
        """The disputes, and how many undated sources an as-of answer left out."""
        rows = store.read("graph_version")
        version = rows[0]["version"] if rows else None
        with self._lock:
            if version != self._version:
                self._items, self._version = {}, version
            if as_of not in self._items:
                if len(self._items) >= self.max_days:
                    self._items = {k: v for k, v in self._items.items() if k is None}
                self._items[as_of] = all_disputes(store, self.overviews, batch, as_of=as_of, counted=True)
            return self._items[as_of]


def all_disputes(
    store: GraphStore,
    cache: OverviewCache | None = None,
    batch: int = 200,
    *,
    as_of: str | None = None,
    counted: bool = False,
) -> Any:
    """Every agreement whose sources disagree (decided by its overview), each side with its sources; with
    ``counted``, also how many undated sources an as-of answer left out."""
    disputes: list[m.Dispute] = []
    undated: set[str] = set()
    offset = 0
    read_size = min(PAIRS_PER_READ, store.limits.max_rows)
    while True:
        keys = [r["key"] for r in store.read("agreement_keys", {"skip": offset, "limit": batch})]
        if not keys:
            return (disputes, len(undated)) if counted else disputes
        offset += len(keys)
        overviews = _overview_of(store, keys, as_of, cache)
        for overview in overviews.values():
            undated.update(overview.undated_excluded)
        # An agreement no current source reports on (only earlier versions of documents did) has no overview.
        disputed = [k for k in keys if k in overviews and overviews[k].disputes]
        positions = _positions(store, disputed)
        if as_of is not None:
            positions = {k: [p for p in v if published_by(p.published, as_of)] for k, v in positions.items()}
        found = [(k, field, sides(positions.get(k, []), field)) for k in disputed for field in overviews[k].disputes]
        wanted = sorted({s for _k, _f, taken in found for keys_ in taken.values() for s in keys_})
        refs: dict[str, m.SourceRef] = {}
        for part in _chunks(wanted, read_size):
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


def list_sources(
    store: GraphStore,
    *,
    outlet: str | None,
    published_from: str | None,
    published_to: str | None,
    offset: int,
    limit: int,
) -> m.Page[m.SourceSummary]:
    filters = {"outlet": outlet, "published_from": published_from, "published_to": published_to}
    total = int(store.read("sources_count", filters)[0]["total"])
    rows = store.read("sources_page", {**filters, "skip": offset, "limit": limit})
    items = [m.SourceSummary(**r["source"], claims=r["claims"]) for r in rows]
    return m.Page[m.SourceSummary](total=total, offset=offset, limit=limit, items=items)


def get_source(
    store: GraphStore, key: str, *, include_text: bool, claims_offset: int = 0, claims_limit: int = 200
) -> m.SourceDetail | None:
    """One source with one page of its claims (however many it makes, each page is under DAKG_MAX_ROWS)."""
    rows = store.read("source", {"key": key, "include_text": include_text})
    if not rows:
        return None
    total = int(rows[0]["claims"])
    limit = min(claims_limit, store.limits.max_rows)
    claims = store.read("source_claims", {"key": key, "skip": claims_offset, "limit": limit})
    name_values(store, [r["claim"] for r in claims])
    mentions = store.read("source_mentions", {"key": key})
    return m.SourceDetail(
        source=m.SourceSummary(**rows[0]["source"], claims=total),
        text=rows[0]["text"],
        claims_total=total,
        claims_offset=claims_offset,
        claims_limit=limit,
        claims_truncated=claims_offset + len(claims) < total,
        mentions=[
            m.Mention(
                country=m.CountryRef(**r["country"]),
                offsets=[(r["offsets"][i], r["offsets"][i + 1]) for i in range(0, len(r["offsets"] or []), 2)],
            )
            for r in mentions
        ],
        claims=[
            m.AboutClaim(
                about=m.About(label=r["about_label"], key=r["about_key"], name=r["about_name"]),
                claim=m.Claim(**r["claim"]),
            )
            for r in claims
        ],
    )


def list_countries(store: GraphStore, *, offset: int, limit: int) -> m.Page[m.CountrySummary]:
    total = int(store.read("countries_count")[0]["total"])
    rows = store.read("countries_page", {"skip": offset, "limit": limit})
    items = [
        m.CountrySummary(**r["country"], hosting=r["hosting"], deporting=r["deporting"], sources=r["sources"])
        for r in rows
    ]
    return m.Page[m.CountrySummary](total=total, offset=offset, limit=limit, items=items)


def get_country(store: GraphStore, key: str) -> m.CountryDetail | None:
    rows = store.read("country", {"key": key})
    if not rows:
        return None
    row = rows[0]
    return m.CountryDetail(
        **row["country"],
        hosting=sorted(row["hosting"]),
        deporting=sorted(row["deporting"]),
        officials=sorted((m.OfficialRef(**o) for o in row["officials"]), key=lambda o: o.key),
        sources=row["sources"],
    )


def list_officials(store: GraphStore, *, country: str | None, offset: int, limit: int) -> m.Page[m.OfficialSummary]:
    total = int(store.read("officials_count", {"country": country})[0]["total"])
    rows = store.read("officials_page", {"country": country, "skip": offset, "limit": limit})
    items = [
        m.OfficialSummary(**r["official"], countries=sorted(r["countries"]), agreements=sorted(r["agreements"]))
        for r in rows
    ]
    return m.Page[m.OfficialSummary](total=total, offset=offset, limit=limit, items=items)


def get_official(store: GraphStore, key: str) -> m.OfficialDetail | None:
    rows = store.read("official", {"key": key})
    if not rows:
        return None
    row = rows[0]
    claims = [m.SourcedClaim(claim=m.Claim(**c["claim"]), source=m.SourceRef(**c["source"])) for c in row["about"] if c]
    claims.sort(key=lambda c: (c.source.published or "", c.source.key, c.claim.start, c.claim.field, c.claim.key))
    agreements = [
        m.OfficialAgreement(agreement=a["agreement"], name=a["name"], sources=sorted(a["sources"] or []))
        for a in row["agreements"]
        if a
    ]
    return m.OfficialDetail(
        **row["official"],
        countries=sorted(row["countries"]),
        claims=claims,
        agreements=sorted(agreements, key=lambda a: a.agreement),
    )


_TERM = re.compile(r"[^\W_]+", re.UNICODE)


def search_terms(q: str) -> list[str]:
    """The words of a query; everything else (operators, quotes, wildcards) is dropped, so any input is safe."""
    return [t for t in _TERM.findall(q) if len(t) > 1][:12]


def _snippet(text: str | None, terms: list[str], width: int = 90) -> str | None:
    if not text:
        return None
    lowered = text.lower()
    positions = [p for p in (lowered.find(t.lower()) for t in terms) if p >= 0]
    if not positions:
        return text[: width * 2].strip()
    at = min(positions)
    start, end = max(0, at - width), min(len(text), at + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def search(store: GraphStore, q: str, *, limit: int) -> list[m.SearchHit]:
    terms = search_terms(q)
    if not terms:
        return []
    query = store.fulltext_query(terms)
    rows = store.read("search", {"q": query, "limit": limit})
    hits = [
        m.SearchHit(
            label=r["label"],
            key=r["key"],
            name=r["name"],
            score=float(r["score"]),
            snippet=_snippet(r["text"], terms) if r["label"] == "Source" else None,
        )
        for r in rows
    ]
    hits.sort(key=lambda h: (-h.score, h.label, h.key))
    return hits[:limit]


def _node_name(row: Row) -> str | None:
    """A node's display name; a claim's is its field and value ("payment: 3500"), numbers formatted here, alike
    for both stores (their toString() differs: 3500.000000 against 3500.0)."""
    if row["name"] is not None or row["field"] is None:
        return cast(str | None, row["name"])
    value = row["value"]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{row['field']}: {value}"


def neighbourhood(store: GraphStore, key: str, *, depth: int, limit: int) -> m.Neighbourhood | None:
    found = store.read("node", {"key": key})
    if not found:
        return None
    nodes: dict[str, m.GraphNode] = {key: m.GraphNode(id=key, label=found[0]["label"], name=_node_name(found[0]))}
    edges: dict[tuple[str, str, str], m.GraphEdge] = {}
    frontier = [key]
    truncated = False
    for _ in range(depth):
        if not frontier:
            break
        # Six label branches, each LIMITed: stay under DAKG_MAX_ROWS whatever it is set to.
        branch_limit = max(1, min(limit + 1, store.limits.max_rows // 6))
        rows = store.read("neighbours", {"keys": frontier, "limit": branch_limit})
        next_frontier = []
        for row in rows:
            if row["key"] is None:
                continue
            if row["key"] not in nodes:
                if len(nodes) >= limit:
                    truncated = True
                    continue
                nodes[row["key"]] = m.GraphNode(id=row["key"], label=row["label"], name=_node_name(row))
                next_frontier.append(row["key"])
            source, target = (row["from_key"], row["key"]) if row["outgoing"] else (row["key"], row["from_key"])
            edges.setdefault((source, row["type"], target), m.GraphEdge(source=source, target=target, type=row["type"]))
        per_branch = Counter(r["from_label"] for r in rows)
        if any(count >= branch_limit for count in per_branch.values()):
            truncated = True  # a branch hit its LIMIT: there may be more neighbours
        frontier = next_frontier
    return m.Neighbourhood(nodes=list(nodes.values()), edges=list(edges.values()), truncated=truncated)
