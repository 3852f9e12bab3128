"""Invariants every graph this project writes must satisfy, and a snapshot to compare graphs by."""

from __future__ import annotations

from typing import Any

from dakg.schema import CLAIM_FIELDS, FACT_RELATIONSHIPS, GRAPH
from dakg.store import GraphStore


def snapshot(store: GraphStore) -> dict[str, Any]:
    """Every node key per label and every edge with its properties, order-independent."""
    nodes, _ = store.run("MATCH (n) RETURN labels(n)[0] AS label, n.key AS key ORDER BY label, key")
    edges, _ = store.run(
        "MATCH (a)-[r]->(b) RETURN a.key AS a, type(r) AS t, b.key AS b, r.claims AS claims, r.sources AS sources, "
        "r.offsets AS offsets ORDER BY a, t, b"
    )
    for edge in edges:
        edge["claims"] = sorted(edge["claims"] or [])
        edge["sources"] = sorted(edge["sources"] or [])
    return {"nodes": nodes, "edges": edges}


def schema_problems(store: GraphStore) -> list[str]:
    """What in the graph the schema does not allow: labels, relationship types and their ends, property types,
    missing required properties, undeclared properties, claim fields undeclared for their subject's label."""
    problems = []
    nodes, _ = store.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties")
    for node in nodes:
        if len(node["labels"]) != 1 or node["labels"][0] not in GRAPH.labels:
            problems.append(f"a node labelled {node['labels']}")
            continue
        problems += GRAPH.node(node["labels"][0]).problems(node["properties"])
    edges, _ = store.run(
        "MATCH (a)-[r]->(b) RETURN labels(a)[0] AS start, type(r) AS type, labels(b)[0] AS end, "
        "properties(r) AS properties"
    )
    for edge in edges:
        if edge["type"] not in GRAPH.relationship_types:
            problems.append(f"a relationship of type {edge['type']}")
            continue
        problems += GRAPH.relationship(edge["type"]).problems(edge["start"], edge["end"], edge["properties"])
    claims, _ = store.run("MATCH (c:Claim)-[:ABOUT]->(e) RETURN c.field AS field, labels(e)[0] AS label")
    problems += [
        f"a claim with field {c['field']!r} about a {c['label']}"
        for c in claims
        if c["field"] not in CLAIM_FIELDS.get(c["label"], ())
    ]
    return sorted(set(problems))


def check_invariants(store: GraphStore) -> None:
    """The graph is what the schema declares; quotes match their source text; fact edges are backed by existing
    claims; no entity without a claim."""
    assert schema_problems(store) == []
    # Each text once, not once per claim: a source with thousands of claims would send its text thousands of times.
    texts = {r["key"]: r["text"] for r in store.run("MATCH (s:Source) RETURN s.key AS key, s.text AS text")[0]}
    rows, _ = store.run(
        "MATCH (s:Source)-[:CLAIMS]->(c:Claim) RETURN s.key AS source, c.quote AS quote, "
        "c.start AS start, c.end AS end, c.source AS claimed_source"
    )
    for row in rows:
        assert texts[row["source"]][row["start"] : row["end"]] == row["quote"], row["quote"]
        assert row["claimed_source"] == row["source"]
    rows, _ = store.run("MATCH (c:Claim) OPTIONAL MATCH (c)-[:ABOUT]->(e) RETURN c.key AS key, count(e) AS about")
    assert all(r["about"] == 1 for r in rows), "every claim is about exactly one entity"
    claim_keys = {r["key"] for r in rows}
    source_rows, _ = store.run("MATCH (s:Source) RETURN s.key AS key")
    source_keys = {r["key"] for r in source_rows}
    for rel in FACT_RELATIONSHIPS:
        edges, _ = store.run(f"MATCH ()-[r:{rel}]->() RETURN r.claims AS claims, r.sources AS sources")
        for edge in edges:
            assert edge["claims"], f"{rel} edge without backing claims"
            assert edge["sources"], f"{rel} edge without backing sources"
            assert set(edge["claims"]) <= claim_keys, f"{rel} edge lists a claim that does not exist"
            assert set(edge["sources"]) <= source_keys, f"{rel} edge lists a source that does not exist"
    for label in ("Agreement", "Official"):
        rows, _ = store.run(
            f"MATCH (e:{label}) OPTIONAL MATCH (e)<-[:ABOUT]-(c:Claim) RETURN e.key AS key, count(c) AS claims"
        )
        orphans = [r["key"] for r in rows if r["claims"] == 0]
        assert not orphans, f"{label} nodes no claim is about: {orphans}"
