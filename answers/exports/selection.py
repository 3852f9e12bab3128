"""What an export holds, the same for every format.

Which claims (``claims.csv``, ``claims.jsonld``, ``graph.graphml``): every claim about an agreement, an official
or a migrant group; with ``host`` or ``deporting``, the claims about the matching agreements and about the
officials named and the groups covered in connection with them; with ``published_from`` / ``published_to``, only
the claims of sources published in that window (undated sources are then left out). At a ``min_confidence``, as
every answer about agreements: a source's claims about an agreement are in only when its report on it reaches it
(its most confident claim about the agreement), and an agreement no report reaches is not in at all. Offsets are
Python code points into the source's stored text (``GET /sources/{key}/text``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from dakg.answers.names import value_names
from dakg.answers.paging import chunks, paged, rows_per_page
from dakg.config import DEFAULT_MIN_CONFIDENCE
from dakg.dates import through
from dakg.store import GraphStore

SUBJECTS_PER_READ = 100


@dataclass(frozen=True)
class Filters:
    """The list endpoints' filters. ``published_to`` takes in the whole period it names ("2025" takes in
    "2025-08-05"), as ``GET /sources`` does; ``as_of`` applies to ``agreements.csv`` (see ``dakg.dates``);
    ``min_confidence`` to every export (see the module's documentation)."""

    host: str | None = None
    deporting: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    as_of: str | None = None
    min_confidence: float = DEFAULT_MIN_CONFIDENCE

    @property
    def narrowed(self) -> bool:
        return self.host is not None or self.deporting is not None

    def dates(self) -> dict[str, str | None]:
        return {"published_from": self.published_from, "published_to": through(self.published_to)}


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
        r["key"]
        for r in paged(
            store,
            "export_agreement_keys",
            {"host": filters.host, "deporting": filters.deporting, "min_confidence": filters.min_confidence},
        )
    ]
    scope = agreements if filters.narrowed else None
    officials = [r["key"] for r in paged(store, "export_official_keys", {"agreements": scope})]
    groups = [r["key"] for r in paged(store, "export_group_keys", {"agreements": scope})]
    return Subjects(agreements, officials, groups)


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
    size = rows_per_page(store)
    for part in chunks(subjects(store, filters).all(), SUBJECTS_PER_READ):
        skip = 0
        while True:
            params = {"subjects": list(part), **filters.dates(), "min_confidence": filters.min_confidence}
            rows = store.read("export_claims", {**params, "skip": skip, "limit": size})
            names = value_names(store, [r["claim"] for r in rows])
            for row in rows:
                claim = row["claim"]
                row["named"] = names.get((claim["field"], claim["value"]))
                yield row
            if len(rows) < size:
                break
            skip += size
