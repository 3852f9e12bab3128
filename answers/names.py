"""What a claim's value names, for the claims whose value is a key: an official, a migrant group, a country.

Everything is read from the store (the names the graph was written with), a batch of keys at a time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dakg.answers.paging import chunks, keys_per_read
from dakg.store import GraphStore


def value_names(store: GraphStore, claims: Sequence[Mapping[str, Any]]) -> dict[tuple[str, Any], dict[str, Any]]:
    """What a claim's value names, for the claims whose value is a key: the official (key, name), the migrant
    group (key, description, size, nationalities), the country (key, name). Keyed by (field, value)."""
    officials = sorted({str(c["value"]) for c in claims if c["field"] == "official"})
    groups = sorted({str(c["value"]) for c in claims if c["field"] == "covers"})
    size = keys_per_read(store)
    found: dict[tuple[str, Any], dict[str, Any]] = {}
    for part in chunks(officials, size):
        for row in store.read("officials_by_key", {"keys": list(part)}):
            found[("official", row["official"]["key"])] = dict(row["official"])
    for part in chunks(groups, size):
        for row in store.read("groups_by_key", {"keys": list(part)}):
            group = dict(row["group"])
            group["nationalities"] = group.get("nationalities") or []
            found[("covers", group["key"])] = group
    states = sorted({str(c["value"]) for c in claims if c["field"] in ("acts_for", "nationality")})
    names: dict[str, str | None] = {}
    for part in chunks(states, size):
        for row in store.read("countries_by_key", {"keys": list(part)}):
            names[row["country"]["key"]] = row["country"]["name"]
    for claim in claims:
        if claim["field"] in ("acts_for", "nationality"):
            key = str(claim["value"])
            found[(claim["field"], claim["value"])] = {"key": claim["value"], "name": names.get(key) or key}
    return found


def name_values(store: GraphStore, claims: Sequence[dict[str, Any]]) -> None:
    """Give each official claim its official (key, name) and each covers claim its migrant group (description,
    size, nationalities), in place."""
    names = value_names(store, claims)
    for claim in claims:
        if claim["field"] == "official":
            claim["official"] = names.get(("official", claim["value"]))
        elif claim["field"] == "covers":
            claim["migrant_group"] = names.get(("covers", claim["value"]))
