"""Exports for the tools researchers cite from, one module per format: CSV tables (``csv``), GraphML
(``graphml``) and W3C Web Annotations in JSON-LD (``jsonld``); what each holds is ``selection``.

Every export is a generator of text chunks, read from the store a page at a time (each read under
``DAKG_MAX_ROWS``), so the API can stream it (``GET /export/{name}``) and ``dakg export`` can write it to a
file, with the same filters as the list endpoints.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from dakg.answers.exports import csv, graphml, jsonld
from dakg.answers.exports.selection import Filters
from dakg.answers.overview import OverviewCache
from dakg.store import GraphStore

__all__ = ["EXPORT_NAMES", "MEDIA_TYPES", "ExportName", "Filters", "export"]

ExportName = Literal["claims.csv", "agreements.csv", "sources.csv", "graph.graphml", "claims.jsonld"]
EXPORT_NAMES: tuple[ExportName, ...] = (
    "claims.csv",
    "agreements.csv",
    "sources.csv",
    "graph.graphml",
    "claims.jsonld",
)
MEDIA_TYPES: Mapping[ExportName, str] = {
    "claims.csv": "text/csv; charset=utf-8",
    "agreements.csv": "text/csv; charset=utf-8",
    "sources.csv": "text/csv; charset=utf-8",
    "graph.graphml": "application/graphml+xml; charset=utf-8",
    "claims.jsonld": "application/ld+json; charset=utf-8",
}


def export(
    store: GraphStore,
    name: ExportName,
    filters: Filters,
    *,
    base_url: str = "http://127.0.0.1:8000",
    cache: OverviewCache | None = None,
) -> Iterator[str]:
    """The export called ``name``, as text chunks."""
    if name == "claims.csv":
        return csv.claims_csv(store, filters)
    if name == "agreements.csv":
        return csv.agreements_csv(store, filters, cache)
    if name == "sources.csv":
        return csv.sources_csv(store, filters)
    if name == "graph.graphml":
        return graphml.graphml(store, filters)
    return jsonld.jsonld(store, filters, base_url)
