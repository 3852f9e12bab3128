"""Loading fragments into a store: one atomic, idempotent write per document.

- A source already in the graph with the same extractor version is left alone ("unchanged").
- One written by another extractor version is purged and written again ("replaced"): each of the two steps
  is one statement, so the source is at every moment either the old version, absent, or the new version —
  never half of one.
- Anything else is written ("new").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from dakg import reprints
from dakg.errors import StoreUnavailable
from dakg.ingest.fragment import AgreementOut, ClaimOut, EvidenceOut, Fragment, OfficialOut, Quoted, claim_key
from dakg.ingest.gazetteer import countries
from dakg.schema import FACT_RELATIONSHIPS, GRAPH, Basis, CapKind, ClaimField, PaymentKind
from dakg.status import source_status
from dakg.store import GraphStore

Outcome = Literal["new", "unchanged", "replaced"]

# The label at each fact edge's end: the write finds an edge between its two ends, each by its key (see
# cypher/write_document.cypher), so that it never walks every edge of an agreement many sources report on.
_END_LABEL: dict[str, str] = {r.type: r.end[0] for r in GRAPH.relationships if len(r.end) == 1}
assert all(t in _END_LABEL for t in FACT_RELATIONSHIPS), "a fact edge with two end labels needs its own look-up"


@dataclass(frozen=True)
class LoadResult:
    outcome: Outcome
    entities: int = 0
    claims: int = 0


def _claim(
    fragment: Fragment,
    subject: str,
    field: ClaimField,
    value: Any,
    *,
    at: Quoted,
    confidence: float,
    evidence: Sequence[EvidenceOut],
    rules: Sequence[str] = (),
    negated: bool = False,
    detail: str | None = None,
    basis: Basis = "text",
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
        "evidence_offsets": [offset for span in evidence for offset in (span.start, span.end)],
        "evidence_texts": [span.text for span in evidence],
        "evidence_roles": [span.role for span in evidence],
        "rules": list(rules),
        "basis": basis,
        "extractor_version": fragment.source.extractor_version,
        "source": fragment.source.key,
        "subject": subject,
    }


def _report(agreement: AgreementOut, claim_keys: list[str]) -> dict[str, Any]:
    """One source's position on one agreement, in brief (the REPORTS edge): derived from its claims."""
    status = source_status(agreement.claims)
    best_caps: dict[CapKind, ClaimOut] = {}
    payments: list[tuple[float, str, PaymentKind]] = []
    denied: list[str] = []
    for claim in agreement.claims:
        if claim.field == "cap" and not claim.negated:
            kind: CapKind = "per year" if claim.detail == "per year" else ""
            if kind not in best_caps or claim.confidence > best_caps[kind].confidence:
                best_caps[kind] = claim
        elif claim.field == "payment" and not claim.negated:
            per: PaymentKind = "per person" if (claim.detail or "").endswith("per person") else ""
            entry = (float(claim.value["amount"]), str(claim.value["currency"]), per)
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
        # Its most confident claim about the agreement: answers count the report at a min_confidence it reaches.
        "confidence": max(claim.confidence for claim in agreement.claims),
        "denied": denied,
        "caps": [best_caps[k].value for k in kinds],
        "cap_details": kinds,
        "payment_amounts": [p[0] for p in payments],
        "payment_currencies": [p[1] for p in payments],
        "payment_kinds": [p[2] for p in payments],
        "count": len(agreement.claims),
    }


def fragment_params(fragment: Fragment, ingested_at: str | None = None) -> dict[str, Any]:
    """The parameters of ``cypher/write_document.cypher`` for one fragment.

    ``claims`` holds every claim once; each entity lists the keys of the claims about it (its ABOUT edges);
    ``edges`` holds every fact edge with its type and the claims that back it. An agreement without claims
    contributes nothing: every fact in the graph is backed by a claim.
    """
    source = fragment.source
    gazetteer = countries()
    claims: list[dict[str, Any]] = []
    referenced: set[str] = set()
    reports: list[dict[str, Any]] = []

    backing: dict[tuple[str, str, str], list[str]] = {}  # (type, start, end) -> claim keys, each edge once

    def edge(kind: str, start: str, end: str, keys: list[str]) -> None:
        found = backing.setdefault((kind, start, end), [])
        found.extend(k for k in keys if k not in found)

    agreements = []
    for agreement in fragment.agreements:
        if not agreement.claims:
            continue
        keys = []
        for claim in agreement.claims:
            row = _claim(
                fragment,
                agreement.key,
                claim.field,
                claim.value,
                at=claim,
                confidence=claim.confidence,
                evidence=claim.evidence,
                rules=claim.rules,
                negated=claim.negated,
                detail=claim.detail,
                basis=claim.basis,
            )
            claims.append(row)
            keys.append(row["key"])
            if claim.field == "official":
                edge("INVOLVED_IN", claim.value, agreement.key, [row["key"]])
            elif claim.field == "covers":
                edge("COVERS", agreement.key, claim.value, [row["key"]])
        edge("DEPORTING_PARTY", agreement.key, agreement.deporting, keys)
        edge("HOST_PARTY", agreement.key, agreement.host, keys)
        reports.append(_report(agreement, keys))
        referenced |= {agreement.deporting, agreement.host}
        agreements.append(
            {
                "key": agreement.key,
                "name": agreement.name,
                "deporting": agreement.deporting,
                "host": agreement.host,
                "claims": keys,
            }
        )

    officials = []
    for official in fragment.officials:
        about = []

        def said(
            field: ClaimField,
            value: Any,
            evidence: Sequence[EvidenceOut],
            who: OfficialOut = official,
            basis: Basis = "text",
        ) -> Any:
            return _claim(
                fragment,
                who.key,
                field,
                value,
                at=who,
                confidence=who.confidence,
                evidence=evidence,
                rules=who.rules,
                basis=basis,
            )

        if official.role:
            about.append(said("role", official.role, official.role_evidence))
        if official.country:
            row = said("acts_for", official.country, official.country_evidence, basis=official.country_basis or "text")
            about.append(row)
            edge("ACTS_FOR", official.key, official.country, [row["key"]])
            referenced.add(official.country)
        if not official.role and not official.country:  # only named: the evidence is the name
            about.append(said("role", "named", official.role_evidence))
        claims += about
        officials.append(
            {
                "key": official.key,
                "name": official.name,
                "aliases": official.aliases,
                "claims": [c["key"] for c in about],
            }
        )

    groups = []
    mentions = {c.key: {tuple(m) for m in c.mentions} for c in fragment.countries}
    for group in fragment.migrant_groups:
        described = [group.evidence[0]]
        about = [
            _claim(fragment, group.key, "described", group.description, at=group, confidence=0.6, evidence=described)
        ]
        if group.size is not None:
            about.append(_claim(fragment, group.key, "size", group.size, at=group, confidence=0.6, evidence=described))
        for iso3 in group.nationalities:
            named = mentions.get(iso3, set())
            spans = [*described, *(e for e in group.evidence[1:] if (e.start, e.end) in named)]
            row = _claim(fragment, group.key, "nationality", iso3, at=group, confidence=0.6, evidence=spans)
            about.append(row)
            edge("NATIONALITY", group.key, iso3, [row["key"]])
            referenced.add(iso3)
        claims += about
        groups.append(
            {
                "key": group.key,
                "description": group.description,
                "nationalities": group.nationalities,
                "size": group.size,
                "source": source.key,
                "claims": [c["key"] for c in about],
            }
        )

    subjects = {c["subject"] for c in claims}
    for kind, start, _end in backing:
        if start not in subjects:  # the write finds an edge from its start: an entity this source makes claims about
            raise ValueError(f"{kind} edge from {start!r}, which none of the fragment's claims is about")
    edges = [
        {"type": kind, "from": start, "to": end, "end": _END_LABEL[kind], "claims": keys}
        for (kind, start, end), keys in backing.items()
    ]
    mentioned = {c.key for c in fragment.countries}
    minhash = reprints.signature(source.text)
    return {
        "source": {
            "key": source.key,
            "title": source.title,
            "url": source.url,
            "outlet": source.outlet,
            "published": source.published,
            "language": source.language,
            "path": source.path,
            "document": source.url or source.path,
            "superseded_by": None,
            "text": source.text,
            "words": source.words,
            "extractor_version": source.extractor_version,
            "ingested_at": ingested_at or datetime.now(UTC).isoformat(timespec="seconds"),
            # Near duplicates (dakg.reprints): the signature and its bands; the group is decided at load time.
            "minhash": minhash,
            "bands": reprints.bands(minhash),
            "reprint_group": source.key,
            "reprint_of": None,
            "merged_groups": [],
        },
        # Countries the text names (with their mentions), then those only referenced (an official's state, ...).
        "countries": [
            {
                "key": c.key,
                "name": c.name,
                "offsets": [offset for pair in c.mentions for offset in pair],
                "count": len(c.mentions),
            }
            for c in fragment.countries
        ]
        + [{"key": k, "name": gazetteer.name(k), "offsets": [], "count": 0} for k in sorted(referenced - mentioned)],
        "officials": officials,
        "agreements": agreements,
        "groups": groups,
        "reports": reports,
        "claims": claims,
        "edges": edges,
    }


def load_fragment(store: GraphStore, fragment: Fragment) -> LoadResult:
    """Write one fragment unless the graph already holds this source from the same extractor version.

    A new source whose document (its URL, else its file's path) is already in the graph is that document's new
    version: the write marks the current one ``superseded_by`` it, in the same statement. A source written again
    (another extractor) keeps its place among the versions: it stays superseded if it was."""
    rows = store.read("source_version", {"key": fragment.source.key})
    outcome: Outcome = "new"
    params = fragment_params(fragment)
    if rows:
        if rows[0]["extractor_version"] == fragment.source.extractor_version:
            return LoadResult("unchanged")
        store.write("purge_source", {"key": fragment.source.key, "relink": False})
        params["source"]["superseded_by"] = rows[0]["superseded_by"]
        outcome = "replaced"
    group_reprints(store, params["source"])
    store.write("write_document", params)
    entities = 1 + len(params["officials"]) + len(params["agreements"]) + len(params["groups"])
    return LoadResult(outcome, entities=entities, claims=len(params["claims"]))


def load_fragments(store: GraphStore, fragments: Sequence[Fragment]) -> list[LoadResult]:
    """``load_fragment`` of each, in order, in one transaction of the store (``GraphStore.one_transaction``).
    Each reads what the ones before it wrote (a text twice is "unchanged" the second time). On a store whose
    commits wait for the disk (Neo4j) they commit together, so a run waits once, not once a document, and if one
    raises none of them is written; elsewhere each is its own atomic write, and those before it stay."""
    with store.one_transaction():
        return [load_fragment(store, fragment) for fragment in fragments]


def load_batch(store: GraphStore, fragments: Sequence[Fragment]) -> list[LoadResult | Exception]:
    """Each fragment's result, or the exception that refused it. Where commits wait for the disk (Neo4j), several
    go in one transaction (``load_fragments``), and all again one transaction each when one of them is refused,
    so that only the refused ones are lost; elsewhere each is its own write.

    A store that goes away during the one transaction raises StoreUnavailable (none of them was written). When it
    goes away during the writes one by one, the list ends with that StoreUnavailable, in the place of the first
    document not written: the ones before it are."""
    if len(fragments) > 1 and store.commits_wait:
        try:
            return list(load_fragments(store, fragments))
        except StoreUnavailable:
            raise
        except Exception:  # which one was refused, and why, is found again one by one
            pass
    results: list[LoadResult | Exception] = []
    for fragment in fragments:
        try:
            results.append(load_fragment(store, fragment))
        except StoreUnavailable as exc:
            if not results:
                raise
            results.append(exc)
            break
        except Exception as exc:
            results.append(exc)
    return results


# Near duplicates already in the graph to compare with: a few find the group (its members share it; texts that
# share a band by chance are very rare), and a story reprinted a thousand times must not make each new copy read a
# thousand signatures (measured: 400 copies of one story, 17 ms a copy with 50, 8 ms with 10, 3 ms without).
CANDIDATES_PER_READ = 10


def group_reprints(store: GraphStore, source: dict[str, Any]) -> reprints.Grouping:
    """Find the source's near duplicates already in the graph (those sharing a MinHash band, compared by their
    signatures) and set its reprint group in the write's parameters (``dakg.reprints``)."""
    limit = max(1, min(CANDIDATES_PER_READ, store.limits.max_rows))
    candidates = store.read("reprint_candidates", {"bands": source["bands"], "key": source["key"], "limit": limit})
    found = reprints.group(source["key"], source["minhash"], candidates)
    source.update(reprint_group=found.group, reprint_of=found.reprint_of, merged_groups=found.merged)
    return found


def remove_source(store: GraphStore, key: str) -> bool:
    """Remove a source and what only it backs. False if no such source."""
    if not store.read("source_version", {"key": key}):
        return False
    store.write("purge_source", {"key": key, "relink": True})  # the version before it, if any, becomes current
    return True
