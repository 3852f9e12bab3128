"""Every file in cypher/ is valid on both stores: FalkorDB plans it, Neo4j's linter reads it as Neo4j 5 Cypher."""

from __future__ import annotations

import pytest

from dakg.errors import UnknownQuery
from dakg.store import all_queries, get_query
from dakg.store.checks import common_subset_problems, explain_on_falkordb, lint_neo4j
from dakg.store.falkordb import FalkorStore
from dakg.store.neo4j import schema_statements
from dakg.store.queries import parse_query, variant_problems

QUERIES = all_queries()


def test_there_are_query_files() -> None:
    assert QUERIES, "cypher/ holds no .cypher files"


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.filename)
def test_query_keeps_to_the_common_subset(query: object) -> None:
    assert common_subset_problems(query) == []  # type: ignore[arg-type]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.filename)
def test_falkordb_plans_the_query(falkordb_store: FalkorStore, query: object) -> None:
    assert explain_on_falkordb(falkordb_store.graph, query) == []  # type: ignore[arg-type]


@pytest.mark.integration  # a JVM runs the Neo4j 5 parser
def test_every_query_passes_the_neo4j5_lint() -> None:
    findings = lint_neo4j(QUERIES)
    assert findings == [], "\n".join(map(str, findings))


@pytest.mark.integration  # a JVM runs the Neo4j 5 parser
def test_neo4j_schema_statements_pass_the_lint() -> None:
    findings = lint_neo4j((name, text, ()) for name, text in schema_statements())
    assert findings == [], "\n".join(map(str, findings))


# The checks themselves must be able to fail.

BAD = {
    "regex.cypher": "// params: p\nMATCH (c:Country) WHERE c.name =~ $p RETURN c.key AS key",
    "typo_label.cypher": "// params:\nMATCH (c:Countyr) RETURN c.key AS key",
    "grouping.cypher": "// params:\nMATCH (c:Country) RETURN c {.key, n: count(*)} AS country",
    "syntax.cypher": "// params:\nMATCH (c:Country RETURN c.key AS key",
    "exists.cypher": "// params:\nMATCH (c:Country) WHERE EXISTS { MATCH (c)--() } RETURN c.key AS key",
}


@pytest.mark.integration  # a JVM runs the Neo4j 5 parser
def test_the_lint_catches_typos_grouping_and_syntax_errors() -> None:
    bad = [parse_query(name, text) for name, text in BAD.items()]
    flagged = {f.query for f in lint_neo4j(bad)}
    assert {"typo_label.cypher", "grouping.cypher", "syntax.cypher"} <= flagged


def test_falkordb_explain_catches_what_it_does_not_support(falkordb_store: FalkorStore) -> None:
    for name in ("regex.cypher", "syntax.cypher", "exists.cypher"):
        assert explain_on_falkordb(falkordb_store.graph, parse_query(name, BAD[name])), name


def test_common_subset_check_catches_neo4j_only_constructs() -> None:
    assert common_subset_problems(parse_query("regex.cypher", BAD["regex.cypher"]))
    assert common_subset_problems(parse_query("exists.cypher", BAD["exists.cypher"]))


def test_declared_and_used_parameters_must_agree() -> None:
    with pytest.raises(ValueError, match="differ"):
        parse_query("x.cypher", "// params: a\nMATCH (c:Country {key: $b}) RETURN c.key AS key")
    with pytest.raises(ValueError, match="params"):
        parse_query("x.cypher", "MATCH (c:Country) RETURN c.key AS key")
    # A dollar sign inside a string literal or a comment is not a parameter.
    parse_query("x.cypher", "// params:\n// costs $5\nMATCH (c:Country {name: 'US$'}) RETURN c.key AS key")


def test_the_texts_of_one_query_agree_on_parameters_mode_and_columns() -> None:
    """A query written per store (name.falkordb.cypher beside name.neo4j.cypher) is one query to its callers."""
    assert variant_problems(QUERIES) == []
    assert {q.filename for q in QUERIES if q.name == "reprint_candidates"} == {
        "reprint_candidates.falkordb.cypher",
        "reprint_candidates.neo4j.cypher",
    }
    falkordb = parse_query(
        "q.falkordb.cypher", "// params: k\nMATCH (c:Country {key: $k}) RETURN c.key AS key, coalesce(c.a, c.b) AS n"
    )
    same = parse_query(
        "q.neo4j.cypher", "// params: k\nMATCH (c:Country) WHERE c.key = $k RETURN c.key AS key, c.n AS n"
    )
    assert falkordb.columns == ("key", "n") and variant_problems([falkordb, same]) == []
    other_params = parse_query(
        "q.neo4j.cypher", "// params: key\nMATCH (c:Country {key: $key}) RETURN c.key AS key, 1 AS n"
    )
    other_columns = parse_query(
        "q.neo4j.cypher", "// params: k\nMATCH (c:Country {key: $k}) RETURN c.key AS id, 1 AS n"
    )
    other_mode = parse_query(
        "q.neo4j.cypher", "// params: k\n// mode: write\nMERGE (c:Country {key: $k}) RETURN c.key AS key, 1 AS n"
    )
    for other, what in ((other_params, "parameters"), (other_columns, "columns"), (other_mode, "mode")):
        assert [f"its {what}" in p for p in variant_problems([falkordb, other])] == [True], what


def test_unknown_query_name_is_a_clear_error() -> None:
    with pytest.raises(UnknownQuery, match="no query named"):
        get_query("no_such_query", "falkordb")
