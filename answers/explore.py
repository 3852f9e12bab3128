"""Exploring the graph: full-text search over sources, countries and officials, and any node's neighbourhood."""

from __future__ import annotations

import re
from collections import Counter
from typing import cast

from dakg.answers import models as m
from dakg.store import GraphStore, Row

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
    store.require_fulltext()
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


def _node_name(row: Row) -> str | None:
    """A node's display name; a claim's is its field and value ("payment: 3500"), numbers formatted here, alike
    for both stores (their toString() differs: 3500.000000 against 3500.0)."""
    if row["name"] is not None or row["field"] is None:
        return cast(str | None, row["name"])
    value = row["value"]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{row['field']}: {value}"


def neighbourhood(store: GraphStore, key: str, *, depth: int, limit: int) -> m.Neighbourhood | None:
    found = store.read("node", {"key": key})
    if not found:
        return None
    nodes: dict[str, m.GraphNode] = {key: m.GraphNode(id=key, label=found[0]["label"], name=_node_name(found[0]))}
    edges: dict[tuple[str, str, str], m.GraphEdge] = {}
    frontier = [key]
    truncated = False
    for _ in range(depth):
        if not frontier:
            break
        # Six label branches, each LIMITed: stay under DAKG_MAX_ROWS whatever it is set to.
        branch_limit = max(1, min(limit + 1, store.limits.max_rows // 6))
        rows = store.read("neighbours", {"keys": frontier, "limit": branch_limit})
        next_frontier = []
        for row in rows:
            if row["key"] is None:
                continue
            if row["key"] not in nodes:
                if len(nodes) >= limit:
                    truncated = True
                    continue
                nodes[row["key"]] = m.GraphNode(id=row["key"], label=row["label"], name=_node_name(row))
                next_frontier.append(row["key"])
            source, target = (row["from_key"], row["key"]) if row["outgoing"] else (row["key"], row["from_key"])
            edges.setdefault((source, row["type"], target), m.GraphEdge(source=source, target=target, type=row["type"]))
        per_branch = Counter(r["from_label"] for r in rows)
        if any(count >= branch_limit for count in per_branch.values()):
            truncated = True  # a branch hit its LIMIT: there may be more neighbours
        frontier = next_frontier
    return m.Neighbourhood(nodes=list(nodes.values()), edges=list(edges.values()), truncated=truncated)
