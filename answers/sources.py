"""Sources: the list, one source with its mentions and a page of its claims, and its stored text."""

from __future__ import annotations

from dakg.answers import models as m
from dakg.answers.names import name_values
from dakg.dates import through
from dakg.store import GraphStore


def list_sources(
    store: GraphStore,
    *,
    outlet: str | None,
    published_from: str | None,
    published_to: str | None,
    offset: int,
    limit: int,
) -> m.Page[m.SourceSummary]:
    """A page of sources, newest first (undated last); ``published_to`` takes in the whole period it names."""
    filters = {"outlet": outlet, "published_from": published_from, "published_to": through(published_to)}
    total = int(store.read("sources_count", filters)[0]["total"])
    rows = store.read("sources_page", {**filters, "skip": offset, "limit": limit})
    items = [m.SourceSummary(**r["source"], claims=r["claims"]) for r in rows]
    return m.Page[m.SourceSummary](total=total, offset=offset, limit=limit, items=items)


def get_source(
    store: GraphStore, key: str, *, include_text: bool, claims_offset: int = 0, claims_limit: int = 200
) -> m.SourceDetail | None:
    """One source with one page of its claims (however many it makes, each page is under DAKG_MAX_ROWS)."""
    rows = store.read("source", {"key": key, "include_text": include_text})
    if not rows:
        return None
    total = int(rows[0]["claims"])
    limit = min(claims_limit, store.limits.max_rows)
    claims = store.read("source_claims", {"key": key, "skip": claims_offset, "limit": limit})
    name_values(store, [r["claim"] for r in claims])
    mentions = store.read("source_mentions", {"key": key})
    return m.SourceDetail(
        source=m.SourceSummary(**rows[0]["source"], claims=total),
        text=rows[0]["text"],
        claims_total=total,
        claims_offset=claims_offset,
        claims_limit=limit,
        claims_truncated=claims_offset + len(claims) < total,
        mentions=[
            m.Mention(
                country=m.CountryRef(**r["country"]),
                offsets=[(r["offsets"][i], r["offsets"][i + 1]) for i in range(0, len(r["offsets"] or []), 2)],
            )
            for r in mentions
        ],
        claims=[
            m.AboutClaim(
                about=m.About(label=r["about_label"], key=r["about_key"], name=r["about_name"]),
                claim=m.Claim(**r["claim"]),
            )
            for r in claims
        ],
    )


def source_text(store: GraphStore, key: str) -> str | None:
    """The stored text every offset of the source points into ("" if it has none), or None: no such source."""
    rows = store.read("source_text", {"key": key})
    if not rows:
        return None
    return str(rows[0]["text"] or "")
