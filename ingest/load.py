"""Loading fragments into a store: one atomic, idempotent write per document.

- A source already in the graph with the same extractor version is left alone ("unchanged").
- One written by another extractor version is purged and written again ("replaced"): each of the two steps
  is one statement, so the source is at every moment either the old version, absent, or the new version —
  never half of one.
- Anything else is written ("new").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from dakg.ingest.fragment import AgreementOut, ClaimOut, Fragment, Quoted, claim_key
from dakg.ingest.gazetteer import countries
from dakg.status import source_status
from dakg.store import GraphStore

Outcome = Literal["new", "unchanged", "replaced"]


@dataclass(frozen=True)
class LoadResult:
    outcome: Outcome
    entities: int = 0
    claims: int = 0


def _claim(
    fragment: Fragment,
    subject: str,
    field: str,
    value: Any,
    *,
    at: Quoted,
    confidence: float,
    negated: bool = False,
    detail: str | None = None,
) -> dict[str, Any]:
    currency = None
    if isinstance(value, dict):  # a payment: the amount is the value, the currency its own property
        currency = value.get("currency")
        value = value.get("amount")
    key = claim_key(fragment.source.key, subject, field, [value, currency], at.start, at.end, negated)
    return {
        "key": key,
        "field": field,
        "value": value,
        "currency": currency,
        "negated": negated,
        "detail": detail,
        "quote": at.quote,
        "start": at.start,
        "end": at.end,
        "confidence": confidence,
        "extractor_version": fragment.source.extractor_version,
        "source": fragment.source.key,
        "subject": subject,
    }


def _report(agreement: AgreementOut, claim_keys: list[str]) -> dict[str, Any]:
    """One source's position on one agreement, in brief (the REPORTS edge): derived from its claims."""
    status = source_status(agreement.claims)
    best_caps: dict[str, ClaimOut] = {}
    payments: list[tuple[float, str, str]] = []
    denied: list[str] = []
    for claim in agreement.claims:
        if claim.field == "cap" and not claim.negated:
            kind = claim.detail or ""
            if kind not in best_caps or claim.confidence > best_caps[kind].confidence:
                best_caps[kind] = claim
        elif claim.field == "payment" and not claim.negated:
            kind = "per person" if (claim.detail or "").endswith("per person") else ""
            entry = (float(claim.value["amount"]), str(claim.value["currency"]), kind)
            if entry not in payments:
                payments.append(entry)
        elif claim.field == "status" and claim.negated and claim.value not in denied:
            denied.append(claim.value)
    kinds = sorted(best_caps)
    return {
        "agreement": agreement.key,
        "claims": claim_keys,
        "status": status.value if status is not None else None,
        "status_confidence": status.confidence if status is not None else None,
        "denied": denied,
        "caps": [best_caps[k].value for k in kinds],
        "cap_details": kinds,
        "payment_amounts": [p[0] for p in payments],
        "payment_currencies": [p[1] for p in payments],
        "payment_kinds": [p[2] for p in payments],
        "count": len(agreement.claims),
    }


def fragment_params(fragment: Fragment, ingested_at: str | None = None) -> dict[str, Any]:
    """The parameters of ``cypher/write_document.cypher`` for one fragment."""
    source = fragment.source
    gazetteer = countries()
    agreement_claims: list[dict[str, Any]] = []
    official_claims: list[dict[str, Any]] = []
    group_claims: list[dict[str, Any]] = []
    edges: dict[str, list[dict[str, Any]]] = {
        "deporting_edges": [],
        "host_edges": [],
        "acts_for_edges": [],
        "involved_edges": [],
        "covers_edges": [],
        "nationality_edges": [],
    }
    referenced: set[str] = set()
    reports: list[dict[str, Any]] = []

    for agreement in fragment.agreements:
        keys = []
        for claim in agreement.claims:
            row = _claim(
                fragment,
                agreement.key,
                claim.field,
                claim.value,
                at=claim,
                confidence=claim.confidence,
                negated=claim.negated,
                detail=claim.detail,
            )
            agreement_claims.append(row)
            keys.append(row["key"])
            if claim.field == "official":
                edges["involved_edges"].append({"from": claim.value, "to": agreement.key, "claims": [row["key"]]})
            elif claim.field == "covers":
                edges["covers_edges"].append({"from": agreement.key, "to": claim.value, "claims": [row["key"]]})
        edges["deporting_edges"].append({"from": agreement.key, "to": agreement.deporting, "claims": keys})
        edges["host_edges"].append({"from": agreement.key, "to": agreement.host, "claims": keys})
        reports.append(_report(agreement, keys))
        referenced |= {agreement.deporting, agreement.host}

    for official in fragment.officials:
        if official.role:
            official_claims.append(
                _claim(fragment, official.key, "role", official.role, at=official, confidence=official.confidence)
            )
        if official.country:
            row = _claim(
                fragment, official.key, "acts_for", official.country, at=official, confidence=official.confidence
            )
            official_claims.append(row)
            edges["acts_for_edges"].append({"from": official.key, "to": official.country, "claims": [row["key"]]})
            referenced.add(official.country)
        if not official.role and not official.country:
            official_claims.append(
                _claim(fragment, official.key, "role", "named", at=official, confidence=official.confidence)
            )

    for group in fragment.migrant_groups:
        group_claims.append(_claim(fragment, group.key, "described", group.description, at=group, confidence=0.6))
        if group.size is not None:
            group_claims.append(_claim(fragment, group.key, "size", group.size, at=group, confidence=0.6))
        for iso3 in group.nationalities:
            row = _claim(fragment, group.key, "nationality", iso3, at=group, confidence=0.6)
            group_claims.append(row)
            edges["nationality_edges"].append({"from": group.key, "to": iso3, "claims": [row["key"]]})
            referenced.add(iso3)

    mentioned = {c.key for c in fragment.countries}
    return {
        "source": {
            "key": source.key,
            "title": source.title,
            "url": source.url,
            "outlet": source.outlet,
            "published": source.published,
            "path": source.path,
            "text": source.text,
            "words": source.words,
            "extractor_version": source.extractor_version,
            "ingested_at": ingested_at or datetime.now(UTC).isoformat(timespec="seconds"),
        },
        "countries": [
            {
                "key": c.key,
                "name": c.name,
                "offsets": [offset for pair in c.mentions for offset in pair],
                "count": len(c.mentions),
            }
            for c in fragment.countries
        ],
        "country_refs": [{"key": k, "name": gazetteer.name(k)} for k in sorted(referenced - mentioned)],
        "officials": [{"key": o.key, "name": o.name, "aliases": o.aliases} for o in fragment.officials],
        "agreements": [
            {"key": a.key, "name": a.name, "deporting": a.deporting, "host": a.host} for a in fragment.agreements
        ],
        "groups": [
            {
                "key": g.key,
                "description": g.description,
                "nationalities": g.nationalities,
                "size": g.size,
                "source": source.key,
            }
            for g in fragment.migrant_groups
        ],
        "reports": reports,
        "agreement_claims": agreement_claims,
        "official_claims": official_claims,
        "group_claims": group_claims,
        **edges,
    }


def load_fragment(store: GraphStore, fragment: Fragment) -> LoadResult:
    """Write one fragment unless the graph already holds this source from the same extractor version."""
    rows = store.read("source_version", {"key": fragment.source.key})
    outcome: Outcome = "new"
    if rows:
        if rows[0]["extractor_version"] == fragment.source.extractor_version:
            return LoadResult("unchanged")
        store.write("purge_source", {"key": fragment.source.key})
        outcome = "replaced"
    params = fragment_params(fragment)
    store.write("write_document", params)
    entities = 1 + len(params["officials"]) + len(params["agreements"]) + len(params["groups"])
    claims = len(params["agreement_claims"]) + len(params["official_claims"]) + len(params["group_claims"])
    return LoadResult(outcome, entities=entities, claims=claims)


def remove_source(store: GraphStore, key: str) -> bool:
    """Remove a source and what only it backs. False if no such source."""
    if not store.read("source_version", {"key": key}):
        return False
    store.write("purge_source", {"key": key})
    return True
