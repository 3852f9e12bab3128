"""Officials: the list (by the state they act for), and one official with what sources say of them."""

from __future__ import annotations

from dakg.answers import models as m
from dakg.store import GraphStore


def list_officials(store: GraphStore, *, country: str | None, offset: int, limit: int) -> m.Page[m.OfficialSummary]:
    total = int(store.read("officials_count", {"country": country})[0]["total"])
    rows = store.read("officials_page", {"country": country, "skip": offset, "limit": limit})
    items = [
        m.OfficialSummary(**r["official"], countries=sorted(r["countries"]), agreements=sorted(r["agreements"]))
        for r in rows
    ]
    return m.Page[m.OfficialSummary](total=total, offset=offset, limit=limit, items=items)


def get_official(store: GraphStore, key: str) -> m.OfficialDetail | None:
    rows = store.read("official", {"key": key})
    if not rows:
        return None
    row = rows[0]
    claims = [m.SourcedClaim(claim=m.Claim(**c["claim"]), source=m.SourceRef(**c["source"])) for c in row["about"] if c]
    claims.sort(key=lambda c: (c.source.published or "", c.source.key, c.claim.start, c.claim.field, c.claim.key))
    agreements = [
        m.OfficialAgreement(agreement=a["agreement"], name=a["name"], sources=sorted(a["sources"] or []))
        for a in row["agreements"]
        if a
    ]
    return m.OfficialDetail(
        **row["official"],
        countries=sorted(row["countries"]),
        claims=claims,
        agreements=sorted(agreements, key=lambda a: a.agreement),
    )
