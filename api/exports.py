"""Exports for the tools researchers cite from: CSV tables, GraphML and W3C Web Annotations in JSON-LD.

Every export is a generator of text chunks, read from the store a page at a time (each read under
``DAKG_MAX_ROWS``), so the API can stream it (``GET /export/{name}``) and ``dakg export`` can write it to a
file, with the same filters as the list endpoints.

Which claims an export holds (``claims.csv``, ``claims.jsonld``, ``graph.graphml``): every claim about an
agreement, an official or a migrant group; with ``host`` or ``deporting``, the claims about the matching
agreements and about the officials named and the groups covered in connection with them; with
``published_from`` / ``published_to``, only the claims of sources published in that window (undated sources
are then left out). Offsets are Python code points into the source's stored text (``GET /sources/{key}/text``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from xml.sax.saxutils import escape, quoteattr

from dakg import __version__
from dakg.api import service
from dakg.dates import through
from dakg.store import GraphStore

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
PAGE_ROWS = 1000  # rows per store read (never more than DAKG_MAX_ROWS)
SUBJECTS_PER_READ = 100
CONTEXT_CHARS = 32  # prefix and suffix of a TextQuoteSelector


@dataclass(frozen=True)
class Filters:
    """The list endpoints' filters. ``published_to`` takes in the whole period it names ("2025" takes in
    "2025-08-05"), as ``GET /sources`` does; ``as_of`` applies to ``agreements.csv`` (see ``dakg.dates``)."""

    host: str | None = None
    deporting: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    as_of: str | None = None

    @property
    def narrowed(self) -> bool:
        return self.host is not None or self.deporting is not None

    def dates(self) -> dict[str, str | None]:
        return {"published_from": self.published_from, "published_to": through(self.published_to)}


def _rows(store: GraphStore) -> int:
    return max(1, min(PAGE_ROWS, store.limits.max_rows))


def _paged(store: GraphStore, name: str, params: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Every row of a query that takes ``skip`` and ``limit``, a page at a time."""
    size, skip = _rows(store), 0
    while True:
        rows = store.read(name, {**params, "skip": skip, "limit": size})
        yield from rows
        if len(rows) < size:
            return
        skip += size


def _chunks[T](items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class Subjects:
    agreements: list[str]
    officials: list[str]
    groups: list[str]

    def all(self) -> list[str]:
        return [*self.agreements, *self.officials, *self.groups]


def subjects(store: GraphStore, filters: Filters) -> Subjects:
    """What the export's claims are about (see the module's documentation)."""
    agreements = [
        r["key"] for r in _paged(store, "export_agreement_keys", {"host": filters.host, "deporting": filters.deporting})
    ]
    scope = agreements if filters.narrowed else None
    officials = [r["key"] for r in _paged(store, "export_official_keys", {"agreements": scope})]
    groups = [r["key"] for r in _paged(store, "export_group_keys", {"agreements": scope})]
    return Subjects(agreements, officials, groups)


# --- Claims ---------------------------------------------------------------------------------------------------


def evidence_spans(claim: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A claim's evidence as spans (the graph keeps it as three parallel lists), or the API's list as it is."""
    if "evidence" in claim:
        return [dict(e) for e in claim["evidence"]]
    offsets = claim.get("evidence_offsets") or []
    texts = claim.get("evidence_texts") or []
    roles = claim.get("evidence_roles") or []
    return [
        {"start": offsets[2 * i], "end": offsets[2 * i + 1], "text": text, "role": role}
        for i, (text, role) in enumerate(zip(texts, roles, strict=True))
    ]


# The role of the span that states a claim's value, by preference: the value itself, the official or the people
# an agreement claim names, the state an official acts for.
_STATING_ROLES = ("value", "official", "group", "country")


def stated_span(claim: Mapping[str, Any]) -> dict[str, Any] | None:
    """The evidence span that states the claim's value (the first of its kind in the text), or None."""
    spans = evidence_spans(claim)
    for role in _STATING_ROLES:
        found = sorted((s for s in spans if s["role"] == role), key=lambda s: (s["start"], s["end"]))
        if found:
            return found[0]
    return None


def claim_rows(store: GraphStore, filters: Filters) -> Iterator[dict[str, Any]]:
    """Every claim the export holds, with its source, what it is about and what its value names."""
    size = _rows(store)
    for part in _chunks(subjects(store, filters).all(), SUBJECTS_PER_READ):
        skip = 0
        while True:
            rows = store.read("export_claims", {"subjects": list(part), **filters.dates(), "skip": skip, "limit": size})
            names = service.value_names(store, [r["claim"] for r in rows])
            for row in rows:
                claim = row["claim"]
                row["named"] = names.get((claim["field"], claim["value"]))
                yield row
            if len(rows) < size:
                break
            skip += size


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
    for row in _paged(store, "export_sources", {"agreements": scope, **filters.dates()}):
        source = row["source"]
        yield {
            "source": source["key"],
            "title": source.get("title"),
            "outlet": source.get("outlet"),
            "url": source.get("url"),
            "published": source.get("published"),
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


def _agreement_records(
    store: GraphStore, filters: Filters, cache: service.OverviewCache | None
) -> Iterator[dict[str, Any]]:
    offset, size = 0, min(100, _rows(store))
    while True:
        page = service.list_agreements(
            store,
            host=filters.host,
            deporting=filters.deporting,
            offset=offset,
            limit=size,
            sources_limit=0,
            cache=cache,
        )
        for item in page.items:
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
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def agreements_csv(store: GraphStore, filters: Filters, cache: service.OverviewCache | None = None) -> Iterator[str]:
    return _csv(AGREEMENT_COLUMNS, _agreement_records(store, filters, cache))


# --- GraphML --------------------------------------------------------------------------------------------------

# Attributes of nodes and edges: (name, GraphML type). Lists travel as JSON text (GraphML has no list type).
NODE_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("label", "string"),
    ("name", "string"),
    ("title", "string"),
    ("outlet", "string"),
    ("url", "string"),
    ("published", "string"),
    ("source_group", "string"),
    ("deporting", "string"),
    ("host", "string"),
    ("description", "string"),
    ("size", "long"),
    ("field", "string"),
    ("value", "string"),
    ("amount", "double"),
    ("currency", "string"),
    ("negated", "boolean"),
    ("detail", "string"),
    ("quote", "string"),
    ("start", "long"),
    ("end", "long"),
    ("confidence", "double"),
    ("evidence", "string"),
    ("rules", "string"),
    ("extractor_version", "string"),
)
EDGE_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("type", "string"),
    ("status", "string"),
    ("claims", "long"),
    ("sources", "long"),
)
# Characters XML 1.0 cannot carry at all; replaced by U+FFFD in GraphML only (the CSV and JSON-LD keep them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(value: Any) -> str:
    return escape(_NOT_XML.sub("\ufffd", str(value)))


def _attr(value: Any) -> str:
    return quoteattr(_NOT_XML.sub("\ufffd", str(value)))


def _data(attributes: Mapping[str, Any], kinds: Mapping[str, str], prefix: str) -> str:
    parts = []
    for name, value in attributes.items():
        if value is None or name not in kinds:
            continue
        if kinds[name] == "boolean":
            text = "true" if value else "false"
        elif kinds[name] == "long":
            text = str(int(value))
        else:
            text = value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)
        parts.append(f'<data key="{prefix}_{name}">{_xml(text)}</data>')
    return "".join(parts)


class _GraphWriter:
    def __init__(self) -> None:
        self.nodes: set[str] = set()
        self.node_kinds = dict(NODE_ATTRIBUTES)
        self.edge_kinds = dict(EDGE_ATTRIBUTES)
        self.edges = 0

    def header(self) -> str:
        keys = [
            f'<key id="n_{name}" for="node" attr.name="{name}" attr.type="{kind}"/>' for name, kind in NODE_ATTRIBUTES
        ]
        keys += [
            f'<key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>' for name, kind in EDGE_ATTRIBUTES
        ]
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
            f"<!-- dakg {__version__}: every claim with its source, quote and offsets (Python code points) -->\n"
            + "\n".join(keys)
            + '\n<graph id="dakg" edgedefault="directed">\n'
        )

    def node(self, key: str, attributes: Mapping[str, Any]) -> str:
        if key in self.nodes:
            return ""
        self.nodes.add(key)
        return f"<node id={_attr(key)}>{_data(attributes, self.node_kinds, 'n')}</node>\n"

    def edge(self, start: str, end: str, attributes: Mapping[str, Any]) -> str:
        self.edges += 1
        return (
            f'<edge id="e{self.edges}" source={_attr(start)} target={_attr(end)}>'
            f"{_data(attributes, self.edge_kinds, 'e')}</edge>\n"
        )

    @staticmethod
    def footer() -> str:
        return "</graph>\n</graphml>\n"


def _subject_attributes(label: str, about: Mapping[str, Any]) -> dict[str, Any]:
    attributes: dict[str, Any] = {"label": label, "name": about.get("name") or about.get("description")}
    if label == "Agreement":
        attributes.update(deporting=about.get("deporting"), host=about.get("host"))
    elif label == "MigrantGroup":
        attributes.update(description=about.get("description"), size=about.get("size"))
    return attributes


def graphml(store: GraphStore, filters: Filters) -> Iterator[str]:
    """Sources, claims, agreements, officials, migrant groups and countries as nodes; CLAIMS, ABOUT, REPORTS
    and the fact edges (parties, COVERS, ACTS_FOR, INVOLVED_IN, NATIONALITY) as edges, for networkx and Gephi."""
    out = _GraphWriter()
    yield out.header()
    chosen = subjects(store, filters)
    reported: set[tuple[str, str]] = set()
    chunk: list[str] = []
    for row in claim_rows(store, filters):
        claim, source, about, label = row["claim"], row["source"], row["about"], row["about_label"]
        chunk.append(
            out.node(
                source["key"],
                {
                    "label": "Source",
                    "name": source.get("title"),
                    "title": source.get("title"),
                    "outlet": source.get("outlet"),
                    "url": source.get("url"),
                    "published": source.get("published"),
                    "source_group": source.get("reprint_group") or source["key"],
                    "extractor_version": source.get("extractor_version"),
                },
            )
        )
        chunk.append(out.node(about["key"], _subject_attributes(label, about)))
        value = claim["value"]
        chunk.append(
            out.node(
                claim["key"],
                {
                    "label": "Claim",
                    "name": f"{claim['field']}: {value}",
                    "field": claim["field"],
                    "value": value,
                    "amount": value if claim["field"] in ("payment", "cap", "size") else None,
                    "currency": claim.get("currency"),
                    "negated": bool(claim.get("negated")),
                    "detail": claim.get("detail"),
                    "quote": claim["quote"],
                    "start": claim["start"],
                    "end": claim["end"],
                    "confidence": claim.get("confidence"),
                    "evidence": json.dumps(evidence_spans(claim), ensure_ascii=False),
                    "rules": ";".join(claim.get("rules") or []),
                    "extractor_version": claim.get("extractor_version"),
                },
            )
        )
        chunk.append(out.edge(source["key"], claim["key"], {"type": "CLAIMS"}))
        chunk.append(out.edge(claim["key"], about["key"], {"type": "ABOUT"}))
        if label == "Agreement":
            reported.add((source["key"], about["key"]))
        if len(chunk) > 500:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk)
    pairs = [{"source": s, "subject": a} for s, a in sorted(reported)]
    for part in _chunks(pairs, _rows(store)):
        rows = store.read("export_reports", {"pairs": list(part)})
        yield "".join(
            out.edge(r["source"], r["agreement"], {"type": "REPORTS", "status": r["status"], "claims": r["claims"]})
            for r in rows
        )
    for query, keys in (
        ("export_agreement_edges", chosen.agreements),
        ("export_official_edges", chosen.officials),
        ("export_group_edges", chosen.groups),
    ):
        for some in _chunks(keys, SUBJECTS_PER_READ):
            parts = []
            for r in _paged(store, query, {"keys": list(some)}):
                if r["to_label"] == "Country":
                    parts.append(out.node(r["to"], {"label": "Country", "name": r["to_name"]}))
                elif r["to"] not in out.nodes:
                    continue  # an agreement or group outside this export
                attributes = {"type": r["type"], "claims": r["claims"], "sources": r["sources"]}
                parts.append(out.edge(r["from"], r["to"], attributes))
            yield "".join(parts)
    yield out.footer()


# --- W3C Web Annotations with PROV-O provenance, in JSON-LD -----------------------------------------------------

DAKG_NS = "https://dakg.example.org/ns#"
# The Web Annotation vocabulary's own term names (as in the W3C context http://www.w3.org/ns/anno.jsonld), mapped
# inline: a JSON-LD processor then needs no network to read the file.
CONTEXT: dict[str, Any] = {
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dakg": DAKG_NS,
    "id": "@id",
    "type": "@type",
    "Annotation": "oa:Annotation",
    "SpecificResource": "oa:SpecificResource",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "TextPositionSelector": "oa:TextPositionSelector",
    "motivation": {"@id": "oa:motivatedBy", "@type": "@vocab"},
    "describing": "oa:describing",
    "body": {"@id": "oa:hasBody", "@type": "@id"},
    "target": {"@id": "oa:hasTarget", "@type": "@id"},
    "source": {"@id": "oa:hasSource", "@type": "@id"},
    "selector": {"@id": "oa:hasSelector", "@type": "@id"},
    "exact": "oa:exact",
    "prefix": "oa:prefix",
    "suffix": "oa:suffix",
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "created": {"@id": "dcterms:created", "@type": "xsd:dateTime"},
    "generator": {"@id": "dcterms:creator", "@type": "@id"},
    "value": "rdf:value",
    "name": "http://xmlns.com/foaf/0.1/name",
    "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
    "wasGeneratedBy": {"@id": "prov:wasGeneratedBy", "@type": "@id"},
    "wasAttributedTo": {"@id": "prov:wasAttributedTo", "@type": "@id"},
    "wasAssociatedWith": {"@id": "prov:wasAssociatedWith", "@type": "@id"},
    "used": {"@id": "prov:used", "@type": "@id"},
    "endedAtTime": {"@id": "prov:endedAtTime", "@type": "xsd:dateTime"},
    "hadPrimarySource": {"@id": "prov:hadPrimarySource", "@type": "@id"},
}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


def annotation(row: Mapping[str, Any], prefix: str, suffix: str, base_url: str) -> dict[str, Any]:
    """One claim as a Web Annotation: the target is the source's text, selected by the span that states the
    claim's value (else the quoted sentence); PROV-O says where it comes from and what made it."""
    claim, source, about = row["claim"], row["source"], row["about"]
    text_iri = f"{base_url}/sources/{source['key']}/text"
    span = stated_span(claim) or {"start": claim["start"], "end": claim["end"], "text": claim["quote"], "role": None}
    version = claim.get("extractor_version") or source.get("extractor_version") or "unknown"
    named = row.get("named") or {}
    body: dict[str, Any] = {
        "id": f"urn:dakg:claim:{claim['key']}#body",
        "type": "dakg:Claim",
        "dakg:field": claim["field"],
        "value": claim["value"],
        "dakg:negated": bool(claim.get("negated")),
        "dakg:about": {
            "id": f"urn:dakg:{row['about_label'].lower()}:{about['key']}",
            "type": f"dakg:{row['about_label']}",
        },
        "dakg:quote": claim["quote"],
        "dakg:quoteStart": claim["start"],
        "dakg:quoteEnd": claim["end"],
        "dakg:selectedRole": span["role"] or "quote",
        "dakg:confidence": claim.get("confidence"),
        "dakg:rules": list(claim.get("rules") or []),
    }
    for name, value in (("dakg:currency", claim.get("currency")), ("dakg:detail", claim.get("detail"))):
        if value is not None:
            body[name] = value
    if row["about_label"] == "Agreement":
        body["dakg:deporting"] = about.get("deporting")
        body["dakg:host"] = about.get("host")
    if named:
        body["dakg:valueName"] = named.get("name") or named.get("description")
    activity: dict[str, Any] = {
        "id": f"urn:dakg:extraction:{source['key']}:{_slug(version)}",
        "type": "prov:Activity",
        "used": text_iri,
        "wasAssociatedWith": {
            "id": f"urn:dakg:extractor:{_slug(version)}",
            "type": "prov:SoftwareAgent",
            "dakg:extractorVersion": version,
        },
        "dakg:extractorVersion": version,
    }
    if source.get("ingested_at"):
        activity["endedAtTime"] = source["ingested_at"]
    item: dict[str, Any] = {
        "id": f"urn:dakg:claim:{claim['key']}",
        "type": ["Annotation", "prov:Entity"],
        "motivation": "describing",
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": {
                "id": text_iri,
                "type": "dakg:SourceText",
                "dcterms:identifier": f"sha256:{source['key']}",
                "dcterms:title": source.get("title"),
                "dcterms:publisher": source.get("outlet"),
                "dcterms:issued": source.get("published"),
            },
            "selector": [
                {"type": "TextQuoteSelector", "exact": span["text"], "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": span["start"], "end": span["end"]},
            ],
        },
        "wasDerivedFrom": text_iri,
        "wasGeneratedBy": activity,
        "generator": f"urn:dakg:extractor:{_slug(version)}",
    }
    if source.get("url"):
        item["target"]["source"]["hadPrimarySource"] = source["url"]
    if source.get("outlet"):
        item["wasAttributedTo"] = {
            "id": f"urn:dakg:outlet:{_slug(source['outlet'])}",
            "type": "prov:Agent",
            "name": source["outlet"],
        }
    return item


def _windows(store: GraphStore, rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """The prefix and suffix of each row's selected span, read from the stored texts."""
    items = []
    for row in rows:
        claim = row["claim"]
        span = stated_span(claim) or {"start": claim["start"], "end": claim["end"]}
        begin = max(0, span["start"] - CONTEXT_CHARS)
        items.append({"source": row["source"]["key"], "start": begin, "length": span["start"] - begin})
        items.append({"source": row["source"]["key"], "start": span["end"], "length": CONTEXT_CHARS})
    texts: dict[int, str] = {}
    for offset in range(0, len(items), _rows(store)):
        part = items[offset : offset + _rows(store)]
        for r in store.read("text_windows", {"items": part}):
            texts[offset + r["i"]] = r["text"] or ""
    return [(texts.get(2 * i, ""), texts.get(2 * i + 1, "")) for i in range(len(rows))]


def jsonld(store: GraphStore, filters: Filters, base_url: str) -> Iterator[str]:
    """Every claim the export holds as a W3C Web Annotation with PROV-O provenance, in one JSON-LD document."""
    base = base_url.rstrip("/")
    yield '{"@context": ' + json.dumps(CONTEXT) + ', "@graph": [\n'
    first = True
    batch: list[dict[str, Any]] = []

    def flush() -> Iterator[str]:
        nonlocal first
        windows = _windows(store, batch)
        for row, (prefix, suffix) in zip(batch, windows, strict=True):
            yield ("" if first else ",\n") + json.dumps(annotation(row, prefix, suffix, base), ensure_ascii=False)
            first = False
        batch.clear()

    for row in claim_rows(store, filters):
        batch.append(row)
        if len(batch) >= max(1, _rows(store) // 2):
            yield from flush()
    yield from flush()
    yield "\n]}\n"


def export(
    store: GraphStore,
    name: ExportName,
    filters: Filters,
    *,
    base_url: str = "http://127.0.0.1:8000",
    cache: service.OverviewCache | None = None,
) -> Iterator[str]:
    """The export called ``name``, as text chunks."""
    if name == "claims.csv":
        return claims_csv(store, filters)
    if name == "agreements.csv":
        return agreements_csv(store, filters, cache)
    if name == "sources.csv":
        return sources_csv(store, filters)
    if name == "graph.graphml":
        return graphml(store, filters)
    return jsonld(store, filters, base_url)
