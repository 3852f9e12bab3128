"""Countries: the list, with how many agreements each hosts or deports under, and one country in full."""

from __future__ import annotations

from dakg.answers import models as m
from dakg.store import GraphStore


def list_countries(store: GraphStore, *, offset: int, limit: int) -> m.Page[m.CountrySummary]:
    total = int(store.read("countries_count")[0]["total"])
    rows = store.read("countries_page", {"skip": offset, "limit": limit})
    items = [
        m.CountrySummary(**r["country"], hosting=r["hosting"], deporting=r["deporting"], sources=r["sources"])
        for r in rows
    ]
    return m.Page[m.CountrySummary](total=total, offset=offset, limit=limit, items=items)


def get_country(store: GraphStore, key: str) -> m.CountryDetail | None:
    rows = store.read("country", {"key": key})
    if not rows:
        return None
    row = rows[0]
    return m.CountryDetail(
        **row["country"],
        hosting=sorted(row["hosting"]),
        deporting=sorted(row["deporting"]),
        officials=sorted((m.OfficialRef(**o) for o in row["officials"]), key=lambda o: o.key),
        sources=row["sources"],
    )
