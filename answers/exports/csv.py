"""CSV tables for ``pandas.read_csv``: one row per claim (``claims.csv``), per agreement (``agreements.csv``) or
per source (``sources.csv``), written a few rows at a time."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from dakg.answers.agreements import every_agreement
from dakg.answers.exports.selection import Filters, claim_rows, evidence_spans, stated_span, subjects
from dakg.answers.overview import OverviewCache
from dakg.answers.paging import paged
from dakg.store import GraphStore

CLAIM_COLUMNS = (
    "agreement",
    "deporting",
    "host",
    "field",
    "value",
    "currency",
    "negated",
    "source",
    "title",
    "outlet",
    "url",
    "published",
    "quote",
    "start",
    "end",
    "evidence_text",
    "evidence_start",
    "evidence_end",
    "evidence_role",
    "value_name",
    "group_size",
    "detail",
    "confidence",
    "basis",
    "about_label",
    "about",
    "about_name",
    "claim",
    "source_group",
    "evidence",
    "rules",
    "extractor_version",
)


def claim_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """One row of claims.csv."""
    claim, source, about = row["claim"], row["source"], row["about"]
    agreement = row["about_label"] == "Agreement"
    span = stated_span(claim)
    named = row.get("named") or {}
    return {
        "agreement": about["key"] if agreement else None,
        "deporting": about.get("deporting") if agreement else None,
        "host": about.get("host") if agreement else None,
        "field": claim["field"],
        "value": claim["value"],
        "currency": claim.get("currency"),
        "negated": bool(claim.get("negated")),
        "source": source["key"],
        "title": source.get("title"),
        "outlet": source.get("outlet"),
        "url": source.get("url"),
        "published": source.get("published"),
        "quote": claim["quote"],
        "start": claim["start"],
        "end": claim["end"],
        "evidence_text": span["text"] if span else None,
        "evidence_start": span["start"] if span else None,
        "evidence_end": span["end"] if span else None,
        "evidence_role": span["role"] if span else None,
        "value_name": named.get("name") or named.get("description"),
        "group_size": named.get("size"),
        "detail": claim.get("detail"),
        "confidence": claim.get("confidence"),
        "basis": claim.get("basis") or "text",  # claims written before the basis existed rest on the text
        "about_label": row["about_label"],
        "about": about["key"],
        "about_name": about.get("name") or about.get("description"),
        "claim": claim["key"],
        "source_group": source.get("reprint_group") or source["key"],
        "evidence": json.dumps(evidence_spans(claim), ensure_ascii=False),
        "rules": ";".join(claim.get("rules") or []),
        "extractor_version": claim.get("extractor_version"),
    }


class _Csv:
    """CSV text a few rows at a time."""

    def __init__(self, columns: Sequence[str]) -> None:
        self.buffer = io.StringIO()
        self.writer = csv.DictWriter(self.buffer, fieldnames=list(columns), lineterminator="\r\n")

    def header(self) -> str:
        self.writer.writeheader()
        return self.take()

    def row(self, record: Mapping[str, Any]) -> None:
        self.writer.writerow({k: ("" if v is None else v) for k, v in record.items()})

    def take(self) -> str:
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text


def _csv(columns: Sequence[str], records: Iterator[Mapping[str, Any]], every: int = 200) -> Iterator[str]:
    out = _Csv(columns)
    yield out.header()
    for i, record in enumerate(records, 1):
        out.row(record)
        if i % every == 0:
            yield out.take()
    yield out.take()


def claims_csv(store: GraphStore, filters: Filters) -> Iterator[str]:
    return _csv(CLAIM_COLUMNS, (claim_record(r) for r in claim_rows(store, filters)))


# --- Sources and agreements -----------------------------------------------------------------------------------

SOURCE_COLUMNS = (
    "source",
    "title",
    "outlet",
    "url",
    "published",
    "language",
    "words",
    "claims",
    "agreements",
    "source_group",
    "reprint_of",
    "extractor_version",
    "ingested_at",
)


def _source_records(store: GraphStore, filters: Filters) -> Iterator[dict[str, Any]]:
    scope = subjects(store, filters).agreements if filters.narrowed else None
    params = {"agreements": scope, **filters.dates(), "min_confidence": filters.min_confidence}
    for row in paged(store, "export_sources", params):
        source = row["source"]
        yield {
            "source": source["key"],
            "title": source.get("title"),
            "outlet": source.get("outlet"),
            "url": source.get("url"),
            "published": source.get("published"),
            "language": source.get("language"),
            "words": source.get("words"),
            "claims": int(row["claims"] or 0),
            "agreements": ";".join(sorted(row["agreements"] or [])),
            "source_group": source.get("reprint_group") or source["key"],
            "reprint_of": source.get("reprint_of"),
            "extractor_version": source.get("extractor_version"),
            "ingested_at": source.get("ingested_at"),
        }


def sources_csv(store: GraphStore, filters: Filters) -> Iterator[str]:
    return _csv(SOURCE_COLUMNS, _source_records(store, filters))


AGREEMENT_COLUMNS = (
    "agreement",
    "name",
    "deporting",
    "deporting_name",
    "host",
    "host_name",
    "current_status",
    "current_status_source",
    "current_status_published",
    "disputed",
    "disputes",
    "sources",
    "claims",
)


def _agreement_records(store: GraphStore, filters: Filters, cache: OverviewCache | None) -> Iterator[dict[str, Any]]:
    found = every_agreement(
        store, host=filters.host, deporting=filters.deporting, cache=cache, min_confidence=filters.min_confidence
    )
    for item in found:
        current = item.current_status
        yield {
            "agreement": item.key,
            "name": item.name,
            "deporting": item.deporting.key,
            "deporting_name": item.deporting.name,
            "host": item.host.key,
            "host_name": item.host.name,
            "current_status": current.value if current else None,
            "current_status_source": current.source if current else None,
            "current_status_published": current.published if current else None,
            "disputed": item.disputed,
            "disputes": ";".join(item.disputes),
            "sources": item.sources_total,
            "claims": item.claims_total,
        }


def agreements_csv(store: GraphStore, filters: Filters, cache: OverviewCache | None = None) -> Iterator[str]:
    return _csv(AGREEMENT_COLUMNS, _agreement_records(store, filters, cache))
