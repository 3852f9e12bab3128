"""What the endpoints answer, assembled from named queries (kept apart from HTTP so notebooks and benchmarks can
call the same functions)."""

from __future__ import annotations

import re
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dakg.api import models as m
from dakg.status import current_status, source_status, statuses_conflict
from dakg.store import GraphStore

SUMMARY_FIELDS = ("status", "cap", "payment")


@dataclass
class Fact:
    """A status, cap or payment claim without its quote: what the status rule and the dispute check need."""

    field: str
    value: Any
    currency: str | None
    negated: bool
    confidence: float
    start: int
    detail: str | None


@dataclass
class SourceFacts:
    key: str
    published: str | None
    claims: int
    facts: list[Fact]

    @property
    def status_claim(self) -> Fact | None:
        chosen = source_status(self.facts)
        return chosen if isinstance(chosen, Fact) else None

    def positions(self) -> list[tuple[str, bool]]:
        """This source's stances on the status: its own status, and every status it reports denied."""
        stances: list[tuple[str, bool]] = []
        claim = self.status_claim
        if claim is not None:
            stances.append((str(claim.value), False))
        for fact in self.facts:
            if fact.field == "status" and fact.negated and (str(fact.value), True) not in stances:
                stances.append((str(fact.value), True))
        return stances


def _summaries(store: GraphStore, keys: Sequence[str]) -> dict[str, list[SourceFacts]]:
    if not keys:
        return {}
    out: dict[str, list[SourceFacts]] = {}
    for row in store.read("agreement_summaries", {"keys": list(keys)}):
        sources = []
        for key, published, claims, facts in row["sources"]:
            sources.append(
                SourceFacts(
                    key=key,
                    published=published,
                    claims=int(claims),
                    facts=[Fact(*f) for f in facts if f is not None],
                )
            )
        out[row["key"]] = sources
    return out


def _current(sources: list[SourceFacts]) -> m.CurrentStatus | None:
    """The rule in ``dakg.status.current_status``: the status of the latest dated source that gives one."""
    owner = {id(s.status_claim): s for s in sources if s.status_claim is not None}
    chosen = current_status((s.published, s.status_claim) for s in owner.values())
    if chosen is None:
        return None
    claim, published = chosen
    return m.CurrentStatus(value=str(claim.value), source=owner[id(claim)].key, published=published)


def _disputes(sources: list[SourceFacts]) -> dict[str, dict[tuple[Any, ...], list[str]]]:
    """field -> {position: [source keys]} for every field on which the sources take more than one position."""
    positions: dict[str, dict[tuple[Any, ...], list[str]]] = {"status": {}, "cap": {}, "payment": {}}
    for source in sources:
        for value, negated in source.positions():
            positions["status"].setdefault((value, None, None, negated), []).append(source.key)
        for field in ("cap", "payment"):
            best: dict[tuple[Any, ...], Fact] = {}
            for fact in source.facts:
                if fact.field != field or fact.negated:
                    continue
                slot = (fact.detail if field == "cap" else fact.currency,)
                if slot not in best or fact.confidence > best[slot].confidence:
                    best[slot] = fact
            for fact in best.values():
                key = (fact.value, fact.currency, fact.detail if field == "cap" else None, False)
                positions[field].setdefault(key, []).append(source.key)
    published = {s.key: s.published for s in sources}
    disputed = {}
    for field, by_value in positions.items():
        if field == "status":
            stances = [
                (published[k], value, negated) for (value, _c, _d, negated), keys in by_value.items() for k in keys
            ]
            if statuses_conflict(stances):
                disputed[field] = by_value
        elif field == "cap":  # compare caps of the same kind (a total with a total, a yearly cap with a yearly one)
            kinds = defaultdict(set)
            for value, _currency, detail, _neg in by_value:
                kinds[detail].add(value)
            if any(len(values) > 1 for values in kinds.values()):
                disputed[field] = by_value
        elif len(by_value) > 1:  # payments
            disputed[field] = by_value
    return disputed


def _claim(row: dict[str, Any]) -> m.Claim:
    return m.Claim(
        key=row["key"],
        field=row["field"],
        value=row["value"],
        currency=row.get("currency"),
        negated=bool(row.get("negated")),
        detail=row.get("detail"),
        quote=row["quote"],
        start=row["start"],
        end=row["end"],
        confidence=row["confidence"],
    )


def _agreements(
    store: GraphStore,
    rows: list[dict[str, Any]],
    *,
    sources_limit: int,
    sources_offset: int = 0,
    fields: Sequence[str] | None = None,
) -> list[m.AgreementSummary]:
    keys = [r["agreement"]["key"] for r in rows]
    summaries = _summaries(store, keys)
    chosen = {k: summaries.get(k, [])[sources_offset : sources_offset + sources_limit] for k in keys}
    pairs = [{"subject": k, "source": s.key} for k, sources in chosen.items() for s in sources]
    details: dict[tuple[str, str], tuple[m.SourceRef, list[m.Claim]]] = {}
    if pairs:
        for row in store.read("agreement_source_claims", {"pairs": pairs}):
            claims = [_claim(c) for c in row["claims"] if fields is None or c["field"] in fields]
            details[(row["agreement"], row["source"]["key"])] = (m.SourceRef(**row["source"]), claims)
    out = []
    for row in rows:
        key = row["agreement"]["key"]
        sources = summaries.get(key, [])
        disputes = _disputes(sources)
        by_source = []
        for source in chosen[key]:
            ref, claims = details.get((key, source.key), (m.SourceRef(key=source.key), []))
            status = source.status_claim
            by_source.append(m.SourceClaims(source=ref, status=str(status.value) if status else None, claims=claims))
        out.append(
            m.AgreementSummary(
                key=key,
                name=row["agreement"].get("name"),
                deporting=m.CountryRef(**(row["deporting"] or {"key": key.split("-")[0]})),
                host=m.CountryRef(**(row["host"] or {"key": key.split("-")[-1]})),
                current_status=_current(sources),
                disputed=bool(disputes),
                disputes=sorted(disputes),
                sources_total=len(sources),
                claims_total=sum(s.claims for s in sources),
                sources=by_source,
                sources_truncated=sources_offset + len(chosen[key]) < len(sources),
            )
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
    summary_only: bool = False,
) -> m.Page[m.AgreementSummary]:
    filters = {"host": host, "deporting": deporting, "status": status}
    total = int(store.read("agreements_count", filters)[0]["total"])
    rows = store.read("agreements_page", {**filters, "skip": offset, "limit": limit})
    items = _agreements(store, rows, sources_limit=sources_limit, fields=SUMMARY_FIELDS if summary_only else None)
    return m.Page[m.AgreementSummary](total=total, offset=offset, limit=limit, items=items)


def get_agreement(
    store: GraphStore, key: str, *, sources_offset: int = 0, sources_limit: int = 100
) -> m.AgreementDetail | None:
    rows = store.read("agreement", {"key": key})
    if not rows:
        return None
    [summary] = _agreements(store, rows, sources_limit=sources_limit, sources_offset=sources_offset)
    groups = [
        m.MigrantGroup(**row["group"], source=m.SourceRef(**row["source"]))
        for row in store.read("agreement_groups", {"key": key})
    ]
    officials = [
        m.InvolvedOfficial(**row["official"], sources=sorted(row["sources"] or []))
        for row in store.read("agreement_officials", {"key": key})
    ]
    return m.AgreementDetail(**summary.model_dump(), migrant_groups=groups, officials=officials)


def timeline(
    store: GraphStore, key: str, *, fields: Sequence[str] | None, offset: int, limit: int
) -> m.Page[m.TimelineEntry] | None:
    if not store.read("agreement", {"key": key}):
        return None
    params = {"key": key, "fields": list(fields) if fields else None}
    total = int(store.read("agreement_timeline_count", params)[0]["total"])
    rows = store.read("agreement_timeline", {**params, "skip": offset, "limit": limit})
    items = [m.TimelineEntry(source=m.SourceRef(**r["source"]), claim=_claim(r["claim"])) for r in rows]
    return m.Page[m.TimelineEntry](total=total, offset=offset, limit=limit, items=items)


class DisputeCache:
    """Disputes need every agreement's sources; computed once per graph version (and at most every ttl s)."""

    def __init__(self, ttl: float = 60.0) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._version: Any = None
        self._at = 0.0
        self._items: list[m.Dispute] = []

    def get(self, store: GraphStore, chunk: int = 200) -> list[m.Dispute]:
        version = store.read("graph_version")
        with self._lock:
            if version == self._version and time.monotonic() - self._at < self.ttl:
                return self._items
            items = _all_disputes(store, chunk)
            self._version, self._at, self._items = version, time.monotonic(), items
            return items


def _all_disputes(store: GraphStore, chunk: int) -> list[m.Dispute]:
    disputes: list[m.Dispute] = []
    offset = 0
    while True:
        keys = [r["key"] for r in store.read("agreement_keys", {"skip": offset, "limit": chunk})]
        if not keys:
            return disputes
        offset += len(keys)
        summaries = _summaries(store, keys)
        refs: dict[str, m.SourceRef] = {}
        found: list[tuple[str, str, dict[tuple[Any, ...], list[str]]]] = []
        for key in keys:
            for field, by_value in sorted(_disputes(summaries.get(key, [])).items()):
                found.append((key, field, by_value))
        wanted = sorted({s for _k, _f, by_value in found for keys_ in by_value.values() for s in keys_})
        if wanted:
            for row in store.read("sources_by_key", {"keys": wanted}):
                refs[row["source"]["key"]] = m.SourceRef(**row["source"])
        names = {
            r["agreement"]["key"]: r["agreement"].get("name") for r in store.read("agreements_by_key", {"keys": keys})
        }
        for key, field, by_value in found:
            sides = [
                m.DisputeSide(
                    value=value,
                    currency=currency,
                    detail=detail,
                    negated=negated,
                    sources=[refs.get(s, m.SourceRef(key=s)) for s in source_keys],
                )
                for (value, currency, detail, negated), source_keys in sorted(
                    by_value.items(), key=lambda kv: str(kv[0])
                )
            ]
            disputes.append(m.Dispute(agreement=key, name=names.get(key), field=field, sides=sides))  # type: ignore[arg-type]


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


def get_source(store: GraphStore, key: str, *, include_text: bool) -> m.SourceDetail | None:
    rows = store.read("source", {"key": key, "include_text": include_text})
    if not rows:
        return None
    claims = store.read("source_claims", {"key": key})
    mentions = store.read("source_mentions", {"key": key})
    return m.SourceDetail(
        source=m.SourceSummary(**rows[0]["source"], claims=len(claims)),
        text=rows[0]["text"],
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
                claim=_claim(r["claim"]),
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
    items = [m.OfficialSummary(**r["official"], agreements=sorted(r["agreements"])) for r in rows]
    return m.Page[m.OfficialSummary](total=total, offset=offset, limit=limit, items=items)


def get_official(store: GraphStore, key: str) -> m.OfficialDetail | None:
    rows = store.read("official", {"key": key})
    if not rows:
        return None
    row = rows[0]
    claims = [
        m.SourcedClaim(claim=_claim({**c["claim"], "negated": False}), source=m.SourceRef(**c["source"]))
        for c in row["about"]
        if c
    ]
    claims.sort(key=lambda c: (c.source.published or "", c.source.key, c.claim.start), reverse=False)
    agreements = [
        m.OfficialAgreement(agreement=a["agreement"], name=a["name"], sources=sorted(a["sources"] or []))
        for a in row["agreements"]
        if a
    ]
    return m.OfficialDetail(**row["official"], claims=claims, agreements=sorted(agreements, key=lambda a: a.agreement))


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


def neighbourhood(store: GraphStore, key: str, *, depth: int, limit: int) -> m.Neighbourhood | None:
    found = store.read("node", {"key": key})
    if not found:
        return None
    nodes: dict[str, m.GraphNode] = {key: m.GraphNode(id=key, label=found[0]["label"], name=found[0]["name"])}
    edges: dict[tuple[str, str, str], m.GraphEdge] = {}
    frontier = [key]
    truncated = False
    for _ in range(depth):
        if not frontier:
            break
        rows = store.read("neighbours", {"keys": frontier, "limit": limit + 1})
        next_frontier = []
        for row in rows:
            if row["key"] is None:
                continue
            if row["key"] not in nodes:
                if len(nodes) >= limit:
                    truncated = True
                    continue
                nodes[row["key"]] = m.GraphNode(id=row["key"], label=row["label"], name=row["name"])
                next_frontier.append(row["key"])
            source, target = (row["from_key"], row["key"]) if row["outgoing"] else (row["key"], row["from_key"])
            edges.setdefault((source, row["type"], target), m.GraphEdge(source=source, target=target, type=row["type"]))
        if len(rows) > limit:
            truncated = True
        frontier = next_frontier
    return m.Neighbourhood(nodes=list(nodes.values()), edges=list(edges.values()), truncated=truncated)
