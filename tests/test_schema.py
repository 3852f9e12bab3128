"""Schema as data: validators, idempotent set-up on the real store, uniqueness enforced."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dakg.errors import ConstraintViolation
from dakg.schema import GRAPH, NodeType, Property, RelType
from dakg.store.falkordb import FalkorStore
from dakg.store.neo4j import schema_statements


def test_labels_and_types_must_be_plain_identifiers() -> None:
    key = Property(name="key", type="string", description="k")
    with pytest.raises(ValidationError):
        NodeType(label="Source`) DETACH DELETE n //", description="x", properties=(key,))
    with pytest.raises(ValidationError):
        RelType(type="claims-about", description="x", start=("Source",), end=("Claim",))
    with pytest.raises(ValidationError):
        Property(name="Key Name", type="string", description="x")


def test_index_on_undeclared_property_is_refused() -> None:
    key = Property(name="key", type="string", description="k")
    with pytest.raises(ValidationError, match="not declared"):
        NodeType(label="Thing", description="x", properties=(key,), indexes=("missing",))


def test_schema_has_the_labels_of_the_model() -> None:
    assert set(GRAPH.labels) == {"Source", "Country", "Official", "Agreement", "MigrantGroup", "Claim", "Graph"}
    assert all(n.key == "key" for n in GRAPH.nodes)


def test_schema_setup_twice_changes_nothing(store: FalkorStore) -> None:
    # The fixture applied it once already; a second and third run create nothing and report it applied.
    assert store.apply_schema() == []
    assert store.apply_schema() == []
    status = store.schema_status()
    assert status.applied, status.missing


def test_schema_setup_on_an_empty_graph_creates_every_rule(settings: object) -> None:
    from dakg.store import open_store

    fresh = open_store(settings, start_embedded=False)  # type: ignore[arg-type]
    assert isinstance(fresh, FalkorStore)
    try:
        assert fresh.schema_status().applied is False
        created = fresh.apply_schema()
        expected_unique = {f"unique {label}.key" for label in GRAPH.labels}
        assert expected_unique <= set(created)
        assert fresh.schema_status().applied
    finally:
        fresh.graph.delete()
        fresh.close()


def test_duplicate_key_is_refused_and_nothing_of_the_write_lands(store: FalkorStore) -> None:
    store.run("CREATE (:Country {key: 'RWA', name: 'Rwanda'})", write=True)
    with pytest.raises(ConstraintViolation):
        # One statement: a new country, then a duplicate. The whole statement must roll back.
        store.run("CREATE (:Country {key: 'ALB'}) CREATE (:Country {key: 'RWA'})", write=True)
    rows, _ = store.run("MATCH (c:Country) RETURN c.key AS key ORDER BY key")
    assert rows == [{"key": "RWA"}]


def test_neo4j_schema_statements_are_idempotent_and_cover_every_label() -> None:
    statements = dict(schema_statements())
    assert all("IF NOT EXISTS" in s for s in statements.values())
    for label in GRAPH.labels:
        assert f"dakg_{label.lower()}_key_unique" in statements
    assert "dakg_source_fulltext" in statements
