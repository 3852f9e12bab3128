"""How the Neo4j adapter names the driver's errors (unit tier: the driver's own exception classes, no server).

The live errors are provoked on a real server in tests/test_store_contract.py; the one here came only under load
(the soak: five of 1,176 timeouts), where the driver, closing the transaction, read the failed result again and
raised its own error over the server's."""

from __future__ import annotations

import pytest
from neo4j.exceptions import Neo4jError, ResultConsumedError, ResultFailedError

from dakg.errors import QueryError, QueryTimeout
from dakg.store.base import Limits
from dakg.store.neo4j import Neo4jStore, server_error

pytestmark = pytest.mark.unit

TIMED_OUT = "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"


def _raised_over_the_servers(code: str) -> ResultFailedError:
    try:
        try:
            raise Neo4jError._hydrate_neo4j(code=code, message="The transaction has been terminated.")
        except Neo4jError as server:
            raise ResultFailedError(None, "The result has failed.") from server
    except ResultFailedError as driver:
        return driver


def _store() -> Neo4jStore:
    return Neo4jStore("bolt://127.0.0.1:9", user="neo4j", password="x", database="neo4j", limits=Limits())


def test_a_failed_result_is_named_by_the_servers_error_behind_it() -> None:
    failed = _raised_over_the_servers(TIMED_OUT)
    behind = server_error(failed)
    assert behind is not None and behind.code == TIMED_OUT
    store = _store()
    try:
        named = store._classify(failed)
    finally:
        store.close()
    assert isinstance(named, QueryTimeout) and "time limit" in str(named)


def test_a_drivers_error_with_no_server_error_behind_it_is_a_query_error() -> None:
    consumed = ResultConsumedError(None, "The result is out of scope.")
    assert server_error(consumed) is None
    store = _store()
    try:
        named = store._classify(consumed)
    finally:
        store.close()
    assert isinstance(named, QueryError) and "out of scope" in str(named)


def test_reads_wait_their_turn_on_neo4j_by_default_and_are_sent_at_once_to_falkordb() -> None:
    """Neo4j runs every read it is sent at once, each on its own time limit: by default four at a time. FalkorDB
    queues reads itself: no limit in the process, unless one is set."""
    from dakg.config import Settings
    from dakg.store import limits_from

    assert limits_from(Settings(store_url="bolt://127.0.0.1:9")).concurrent_reads == 4
    assert limits_from(Settings(store_url="embedded")).concurrent_reads is None
    assert limits_from(Settings(store_url="embedded", concurrent_reads=2)).concurrent_reads == 2
