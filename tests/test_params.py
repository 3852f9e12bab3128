"""Values travel as parameters: whatever a value holds, it round-trips byte for byte and runs nothing."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dakg.errors import QueryError
from dakg.store import GraphStore
from dakg.store.base import check_params

HOSTILE = [
    "x'}) DETACH DELETE n //",
    'x"}) DETACH DELETE n //',
    "\\",
    "end with a backslash \\",
    '\\"',
    "\\n is not a newline",
    "quote ' and \" both",
    "line one\nline two\r\nline three",
    "tab\tand\u2028separator\u2029",
    "unicode: Kigali – “Nduhungirehe” ü 日本 😀",
    "$param and {map: 1} and `backticks`",
    "CYPHER x=1 MATCH (n) DETACH DELETE n",
    "' OR 1=1 --",
    "",
    " ",
]


def _roundtrip(store: GraphStore, value: str) -> str:
    rows, _ = store.run(
        "CREATE (c:Claim {key: 'k1', quote: $value}) RETURN c.quote AS value", {"value": value}, write=True
    )
    stored, _ = store.run("MATCH (c:Claim {key: 'k1'}) RETURN c.quote AS value")
    assert rows[0]["value"] == stored[0]["value"]
    return str(stored[0]["value"])


def _sentinel_count(store: GraphStore) -> int:
    rows, _ = store.run("MATCH (c:Country {key: 'ZZZ'}) RETURN count(c) AS n")
    return int(rows[0]["n"])


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_roundtrips_and_runs_nothing(store: GraphStore, value: str) -> None:
    store.run("CREATE (:Country {key: 'ZZZ', name: 'sentinel'})", write=True)
    assert _roundtrip(store, value) == value
    assert _sentinel_count(store) == 1
    rows, _ = store.run("MATCH (n) RETURN count(n) AS n")
    assert rows[0]["n"] == 2  # the sentinel and the claim, nothing more, nothing less


@pytest.mark.parametrize("value", [v for v in HOSTILE if v and v == v.strip() and v.isprintable()])
def test_hostile_text_works_as_a_key_too(store: GraphStore, value: str) -> None:
    store.run("CREATE (c:Claim {key: $key})", {"key": value}, write=True)
    rows, _ = store.run("MATCH (c:Claim {key: $key}) RETURN c.key AS key", {"key": value})
    assert rows == [{"key": value}]


@pytest.mark.parametrize("key", ["", " ", " padded", "padded ", "tab\tinside", "x" * 513, 42])
def test_keys_that_would_crash_falkordb_are_refused_before_sending(store: GraphStore, key: object) -> None:
    # FalkorDB 4.16 crashes on such values under a uniqueness rule; the adapter must never send them.
    with pytest.raises(QueryError, match="key"):
        store.run("CREATE (c:Claim {key: $key})", {"key": key}, write=True)
    with pytest.raises(QueryError, match="key"):
        store.run(
            "UNWIND $rows AS r CREATE (c:Claim {key: r.key})",
            {"rows": [{"key": "ok"}, {"key": key}]},
            write=True,
        )
    store.ping()
    rows, _ = store.run("MATCH (c:Claim) RETURN count(c) AS n")
    assert rows[0]["n"] == 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=["Cs"]), max_size=200))
def test_any_text_without_nul_roundtrips(store: GraphStore, value: str) -> None:
    rows, _ = store.run("RETURN $value AS value", {"value": value})
    assert rows[0]["value"] == value


def test_structured_values_roundtrip(store: GraphStore) -> None:
    value = {"amount": 5.1e6, "currency": "USD", "flags": [True, False, None], "nested": {"n": -(2**62)}}
    rows, _ = store.run("RETURN $v AS v", {"v": value})
    assert rows[0]["v"] == value


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"v": "nul\x00byte"}, "NUL"),
        ({"v": float("nan")}, "finite"),
        ({"v": float("inf")}, "finite"),
        ({"v": 2**70}, "64 bits"),
        ({"v": {"bad key": 1}}, "plain identifier"),
        ({"v": {"x`) DELETE": 1}}, "plain identifier"),
        ({"bad name": 1}, "plain identifier"),
        ({"v": object()}, "cannot be sent"),
    ],
)
def test_values_no_store_can_hold_are_refused_clearly(
    store: GraphStore, params: dict[str, object], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        store.run("RETURN 1 AS one", params)


def test_read_queries_cannot_write(store: GraphStore) -> None:
    with pytest.raises(QueryError):
        store.run("CREATE (:Country {key: 'NOPE'})")  # write=False: a read-only transaction
    rows, _ = store.run("MATCH (c:Country) RETURN count(c) AS n")
    assert rows[0]["n"] == 0


def test_a_slow_read_stops_at_its_time_limit(store: GraphStore, settings: object) -> None:
    from dakg.errors import QueryTimeout
    from dakg.store import open_store

    store.run("UNWIND range(1, 300) AS i CREATE (:Country {key: 'C' + toString(i), rank: i})", write=True)
    # 27 million combinations, each adding up properties: no count store or index can answer it. It runs about
    # 5 s to the end on either store on the development machine.
    slow = "MATCH (a:Country), (b:Country), (c:Country) WHERE a.rank + b.rank + c.rank = -1 RETURN count(*) AS n"
    elapsed = {}
    for limit_ms in (100, 1500):
        quick = open_store(settings.model_copy(update={"query_timeout_ms": limit_ms}), start_embedded=False)  # type: ignore[attr-defined]
        try:
            started = time.monotonic()
            with pytest.raises(QueryTimeout):
                quick.run(slow)
            elapsed[limit_ms] = time.monotonic() - started
        finally:
            quick.close()
    # Cut at the limit, not at the end of the query: the longer limit ran the query longer, the shorter one not.
    assert elapsed[100] < 1.0, elapsed
    assert 1.4 < elapsed[1500] < 3.5, elapsed


def test_more_rows_than_the_cap_is_an_error_not_a_silent_cut(store: GraphStore, settings: object) -> None:
    from dakg.errors import TooManyRows
    from dakg.store import open_store

    capped = open_store(settings.model_copy(update={"max_rows": 10}), start_embedded=False)  # type: ignore[attr-defined]
    try:
        assert len(capped.run("UNWIND range(1, 10) AS x RETURN x")[0]) == 10
        with pytest.raises(TooManyRows, match="DAKG_MAX_ROWS=10"):
            capped.run("UNWIND range(1, 11) AS x RETURN x")
    finally:
        capped.close()


def test_key_references_in_writes_are_checked_too(store: GraphStore) -> None:
    with pytest.raises(QueryError, match=r"\$rows\[0\]\.subject"):
        store.run("UNWIND $rows AS r MERGE (c:Claim {key: r.subject})", {"rows": [{"subject": " padded"}]}, write=True)


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"source": {"minhash": [1, 2, 2**64]}}, "$source.minhash[2]: integer"),
        ({"claims": [{"quote": "ok"}, {"quote": "bad\x00"}]}, "$claims[1].quote: text contains a NUL"),
        ({"rows": [[0.5, [float("nan")]]]}, "$rows[0][1][0]: nan is not a finite number"),
        ({"edges": [{"to": "ok"}, {"to": ""}]}, "$edges[1].to: a key must be"),
        ({"v": {"inner": {"bad key": 1}}}, "$v.inner: map key 'bad key'"),
    ],
)
def test_a_refused_value_is_named_by_its_path(params: dict[str, object], path: str) -> None:
    with pytest.raises(QueryError) as refused:
        check_params(params, write=True)
    assert str(refused.value).startswith(f"parameter {path}")
