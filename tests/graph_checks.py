"""Invariants every graph this project writes must satisfy, and a snapshot to compare graphs by."""

from __future__ import annotations

from typing import Any

from dakg.schema import FACT_RELATIONSHIPS
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


def check_invariants(store: GraphStore) -> None:
    """Quotes match their source text; fact edges are backed by existing claims; no entity without a claim."""
    rows, _ = store.run(
        "MATCH (s:Source)-[:CLAIMS]->(c:Claim) RETURN s.key AS source, s.text AS text, c.quote AS quote, "
        "c.start AS start, c.end AS end, c.source AS claimed_source"
    )
    for row in rows:
        assert row["text"][row["start"] : row["end"]] == row["quote"], row["quote"]
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
