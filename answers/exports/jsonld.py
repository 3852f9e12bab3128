"""Every claim as a W3C Web Annotation with W3C PROV-O provenance, in one JSON-LD document (for ``rdflib`` or any
JSON-LD processor; the context is inline, so none needs the network)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from dakg.answers.exports.selection import Filters, claim_rows, stated_span
from dakg.answers.paging import rows_per_page
from dakg.store import GraphStore

CONTEXT_CHARS = 32  # prefix and suffix of a TextQuoteSelector

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
        # `reference`: the value comes from the project's reference tables, not the source's words.
        "dakg:basis": claim.get("basis") or "text",
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
                "dcterms:language": source.get("language"),
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
    for offset in range(0, len(items), rows_per_page(store)):
        part = items[offset : offset + rows_per_page(store)]
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
        if len(batch) >= max(1, rows_per_page(store) // 2):
            yield from flush()
    yield from flush()
    yield "\n]}\n"
