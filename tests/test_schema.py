"""Schema as data: validators, idempotent set-up on the real store, uniqueness enforced."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dakg.errors import ConstraintViolation
from dakg.schema import (
    CLAIM_FIELDS,
    DISPUTE_FIELDS,
    FACT_RELATIONSHIPS,
    GRAPH,
    STATUS_KINDS,
    STATUSES,
    NodeType,
    Property,
    RelType,
)
from dakg.store import GraphStore
from dakg.store.falkordb import FalkorStore
from dakg.store.neo4j import schema_statements

from .graph_checks import schema_problems


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
    assert set(GRAPH.labels) == {
        "Source",
        "Country",
        "Official",
        "Agreement",
        "MigrantGroup",
        "Claim",
        "Graph",
        "MinHashBand",
    }
    assert all(n.key == "key" for n in GRAPH.nodes)


def test_schema_setup_twice_changes_nothing(store: GraphStore) -> None:
    # The fixture applied it once already; a second and third run create nothing and report it applied.
    assert store.apply_schema() == []
    assert store.apply_schema() == []
    status = store.schema_status()
    assert status.applied, status.missing


def test_schema_setup_on_an_empty_graph_creates_every_rule(bare_settings: object) -> None:
    from dakg.store import open_store

    fresh = open_store(bare_settings, start_embedded=False)  # type: ignore[arg-type]
    try:
        status = fresh.schema_status()
        assert status.applied is False
        created = fresh.apply_schema()
        if isinstance(fresh, FalkorStore):
            expected_unique = {f"unique {label}.key" for label in GRAPH.labels}
        else:
            expected_unique = {f"dakg_{label.lower()}_key_unique" for label in GRAPH.labels}
        assert expected_unique <= set(created)
        assert fresh.schema_status().applied
        assert fresh.apply_schema() == []
    finally:
        if isinstance(fresh, FalkorStore):
            fresh.graph.delete()
        fresh.close()


def test_duplicate_key_is_refused_and_nothing_of_the_write_lands(store: GraphStore) -> None:
    store.run("CREATE (:Country {key: 'RWA', name: 'Rwanda'})", write=True)
    with pytest.raises(ConstraintViolation):
        # One statement: a new country, then a duplicate. The whole statement must roll back.
        store.run("CREATE (:Country {key: 'ALB'}) CREATE (:Country {key: 'RWA'})", write=True)
    rows, _ = store.run("MATCH (c:Country) RETURN c.key AS key ORDER BY key")
    assert rows == [{"key": "RWA"}]


def test_neo4j_schema_has_a_uniqueness_rule_per_label_and_every_declared_index() -> None:
    # What the statements do on Neo4j needs a Neo4j server (not run here); tests/test_cypher_files.py has the
    # Neo4j 5 linter read them. Here: one statement per rule and index the schema declares, none twice.
    names = [name for name, _ in schema_statements()]
    expected = [f"dakg_{n.label.lower()}_key_unique" for n in GRAPH.nodes]
    expected += [f"dakg_{n.label.lower()}_{p}" for n in GRAPH.nodes for p in n.indexes]
    expected += [n.fulltext_index_name for n in GRAPH.nodes if n.fulltext]
    assert sorted(names) == sorted(expected)


def test_property_types_and_required_properties() -> None:
    count = Property(name="count", type="integer", description="n", required=True)
    assert count.problem(3) is None
    assert count.problem(None) == "missing"
    assert count.problem(True) == "True is not of type integer"  # a boolean is not a number here
    assert count.problem(2.5) == "2.5 is not of type integer"
    assert Property(name="x", type="float", description="x").problem(2) is None  # whole floats may come back as ints
    assert Property(name="x", type="date", description="x").problem("2025-08") is None
    assert Property(name="x", type="date", description="x").problem("August 2025") is not None
    assert Property(name="x", type="string[]", description="x").problem(["a", 1]) is not None
    assert Property(name="x", type="scalar", description="x").problem(["a"]) is not None
    assert Property(name="x", type="boolean", description="x").problem(None) is None  # optional


def test_node_and_relationship_problems_name_what_is_wrong() -> None:
    claim = GRAPH.node("Claim")
    assert claim.problems({"key": "c-1"})[:2] == ["Claim.field: missing", "Claim.value: missing"]
    assert "Claim.colour: not declared in the schema" in claim.problems({"colour": "red"})
    host = GRAPH.relationship("HOST_PARTY")
    assert host.problems("Agreement", "Country", {"claims": ["c-1"], "sources": ["s"]}) == []
    assert host.problems("Official", "Country", {"claims": ["c-1"]}) == [
        "HOST_PARTY: from Official, which is not one of ('Agreement',)",
        "HOST_PARTY.sources: missing",
    ]


def test_the_vocabularies_are_consistent() -> None:
    assert set(STATUS_KINDS) == set(STATUSES) and list(STATUS_KINDS) == list(STATUSES)  # one kind each, in order
    assert set(CLAIM_FIELDS) <= set(GRAPH.labels)
    assert set(DISPUTE_FIELDS) <= set(CLAIM_FIELDS["Agreement"])
    backed = {"DEPORTING_PARTY", "HOST_PARTY", "ACTS_FOR", "INVOLVED_IN", "COVERS", "NATIONALITY", "REPORTS"}
    assert set(FACT_RELATIONSHIPS) == backed  # the edges that list the claims and sources backing them


def test_a_graph_the_schema_does_not_allow_is_reported(store: GraphStore) -> None:
    store.run(
        "CREATE (:Country {key: 'RWA', name: 1})-[:HOST_PARTY]->(:Country {key: 'UGA'}), (:Stray {key: 'x'})",
        write=True,
    )
    assert schema_problems(store) == [
        "Country.name: 1 is not of type string",
        "HOST_PARTY.claims: missing",
        "HOST_PARTY.sources: missing",
        "HOST_PARTY: from Country, which is not one of ('Agreement',)",
        "a node labelled ['Stray']",
    ]
