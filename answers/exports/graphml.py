"""GraphML for networkx and Gephi: sources, claims, agreements, officials, migrant groups and countries as nodes;
CLAIMS, ABOUT, REPORTS and the fact edges (parties, COVERS, ACTS_FOR, INVOLVED_IN, NATIONALITY) as edges."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from dakg import __version__
from dakg.answers.exports.selection import SUBJECTS_PER_READ, Filters, claim_rows, evidence_spans, subjects
from dakg.answers.paging import chunks, paged, rows_per_page
from dakg.store import GraphStore

# Attributes of nodes and edges: (name, GraphML type). Lists travel as JSON text (GraphML has no list type).
NODE_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("label", "string"),
    ("name", "string"),
    ("title", "string"),
    ("outlet", "string"),
    ("url", "string"),
    ("published", "string"),
    ("language", "string"),
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
    ("basis", "string"),
    ("evidence", "string"),
    ("rules", "string"),
    ("extractor_version", "string"),
)
EDGE_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("type", "string"),
    ("status", "string"),
    ("claims", "long"),
    ("sources", "long"),
    ("confidence", "double"),
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

    def header(self, min_confidence: float) -> str:
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
            f"<!-- dakg {__version__}: every claim with its source, quote and offsets (Python code points); a "
            f"source's claims about an agreement where its report reaches min_confidence={min_confidence:g} -->\n"
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
    yield out.header(filters.min_confidence)
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
                    "language": source.get("language"),
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
                    "basis": claim.get("basis") or "text",
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
    for part in chunks(pairs, rows_per_page(store)):
        rows = store.read("export_reports", {"pairs": list(part)})
        yield "".join(
            out.edge(
                r["source"],
                r["agreement"],
                {"type": "REPORTS", "status": r["status"], "claims": r["claims"], "confidence": r["confidence"]},
            )
            for r in rows
        )
    for query, keys in (
        ("export_agreement_edges", chosen.agreements),
        ("export_official_edges", chosen.officials),
        ("export_group_edges", chosen.groups),
    ):
        for some in chunks(keys, SUBJECTS_PER_READ):
            parts = []
            for r in paged(store, query, {"keys": list(some)}):
                if r["to_label"] == "Country":
                    parts.append(out.node(r["to"], {"label": "Country", "name": r["to_name"]}))
                elif r["to"] not in out.nodes:
                    continue  # an agreement or group outside this export
                attributes = {"type": r["type"], "claims": r["claims"], "sources": r["sources"]}
                parts.append(out.edge(r["from"], r["to"], attributes))
            yield "".join(parts)
    yield out.footer()
