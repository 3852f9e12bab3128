"""Neo4j 5 adapter through the official driver. Kept thin: it runs the same query texts as FalkorDB.

Reads run in read transactions, writes in write transactions (one statement each, so a document's write is
atomic), every one under a time limit. Only schema set-up has text of its own (``schema_statements``).

Errors, as a live Neo4j 5.26 raises them (tests/test_store_contract.py provokes each on both stores):

- a transaction over its time limit: ``Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration``
  (``...TransactionTimedOut`` for the server's own limit), or ``...LockClientStopped`` when the limit comes
  while it waits for another transaction's lock → ``QueryTimeout`` (the API answers 504);
- a uniqueness rule: ``Neo.ClientError.Schema.ConstraintValidationFailed`` → ``ConstraintViolation``;
- no server, a refused password, or a database that does not exist (``Neo.ClientError.Database.
  DatabaseNotFound``) → ``StoreUnavailable`` (503). Neo4j Community cannot create databases, so a missing one
  is a setting to fix, found at connect time; a FalkorDB graph that does not exist yet is simply empty (FalkorDB
  creates graphs on their first write), which is what an empty Neo4j database answers too;
- a result the server failed, read again by the driver as it closes the transaction: the driver's own
  ``ResultFailedError`` with the server's error as its cause (seen in the soak, five times in 1,176 timeouts)
  → as that cause.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import neo4j
from neo4j import GraphDatabase, unit_of_work
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    Neo4jError,
    ResultError,
    ServiceUnavailable,
    SessionExpired,
)

from dakg.errors import ConstraintViolation, QueryError, QueryTimeout, StoreUnavailable, TooManyRows
from dakg.schema import GRAPH, GraphSchema
from dakg.store.base import GraphStore, Limits, Params, Row, SchemaStatus, WriteStats, check_params
from dakg.store.neo4j_server import LocalNeo4j

_TIMEOUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",  # also ...TimedOutClientConfiguration
    "Neo.ClientError.Transaction.LockClientStopped",  # its time limit came while it waited for a lock
)
_MISSING_DATABASE = "Neo.ClientError.Database.DatabaseNotFound"
# Two writes that hold locks the other waits for: the server rolls one back. Every write takes the graph's version
# first, so that this should not happen; a write it happens to is run once more.
_DEADLOCK = "Neo.TransientError.Transaction.DeadlockDetected"
FETCH_SIZE = 100  # records per batch from the server (the driver's default is 1000)


def schema_statements(schema: GraphSchema = GRAPH) -> list[tuple[str, str]]:
    """(name, statement) of every constraint and index, in Neo4j 5 syntax, idempotent (IF NOT EXISTS).

    Labels and property names come from the schema, whose validators allow plain identifiers only.
    """
    statements: list[tuple[str, str]] = []
    for node in schema.nodes:
        low = node.label.lower()
        name = f"dakg_{low}_{node.key}_unique"
        statements.append(
            (
                name,
                f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{node.label}) REQUIRE n.{node.key} IS UNIQUE",
            )
        )
        for prop in node.indexes:
            name = f"dakg_{low}_{prop}"
            statements.append((name, f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{node.label}) ON (n.{prop})"))
        if node.fulltext:
            props = ", ".join(f"n.{p}" for p in node.fulltext)
            name = node.fulltext_index_name
            statements.append(
                (name, f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{node.label}) ON EACH [{props}]")
            )
    return statements


def server_error(exc: BaseException) -> Neo4jError | None:
    """The server's error behind one of the driver's own (its cause, or the error it was raised in handling)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, Neo4jError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


class Neo4jStore(GraphStore):
    dialect = "neo4j"
    commits_wait = True  # each commit forces the transaction log to disk

    def __init__(
        self,
        url: str,
        *,
        user: str,
        password: str,
        database: str,
        limits: Limits,
        schema: GraphSchema = GRAPH,
        server: LocalNeo4j | None = None,
        owns_server: bool = False,
    ) -> None:
        super().__init__(limits)
        self._open = threading.local()  # the transaction one_transaction opened on this thread, if any
        self._url = url
        self._database = database
        self._schema = schema
        self.server = server
        self.owns_server = owns_server
        # No retries of timed-out or failed transactions behind the caller's back: a query's time limit is
        # the time it may take.
        self._driver = GraphDatabase.driver(
            url,
            auth=(user, password),
            connection_acquisition_timeout=10.0,
            connection_timeout=10.0,
            max_transaction_retry_time=0.0,
            # The queries are linted against the schema; notifications (an unknown property key on an empty graph)
            # would only fill the log.
            notifications_min_severity="OFF",
        )

    @property
    def description(self) -> str:
        kind = "local Neo4j" if self.server is not None else "Neo4j"
        return f"{kind} at {self._url}, database {self._database!r}"

    @property
    def public_description(self) -> str:
        kind = "local Neo4j" if self.server is not None else "Neo4j"
        return f"{kind}, database {self._database!r}"

    def _session(self, write: bool) -> neo4j.Session:
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        # Records travel in batches of FETCH_SIZE; the server encodes a batch in direct memory (at most the heap),
        # so a batch of 1000 rows that each carry a long source text could exhaust it and drop the connection.
        return self._driver.session(database=self._database, default_access_mode=mode, fetch_size=FETCH_SIZE)

    @contextmanager
    def one_transaction(self) -> Iterator[None]:
        if getattr(self._open, "tx", None) is not None:
            raise QueryError("one_transaction blocks do not nest")
        timeout_s = self.limits.write_timeout_ms / 1000
        try:
            with self._session(True) as session, session.begin_transaction(timeout=timeout_s) as tx:
                self._open.tx = tx
                try:
                    yield
                finally:
                    self._open.tx = None
                tx.commit()  # leaving the block by an exception closes tx unbegun: a rollback
        except (ServiceUnavailable, SessionExpired, AuthError, OSError) as exc:
            raise StoreUnavailable(f"{self.description} is unreachable: {exc}") from exc
        except (Neo4jError, ResultError) as exc:
            raise self._classify(exc) from exc

    def _run(self, text: str, params: Params | None, write: bool) -> tuple[list[Row], WriteStats]:
        checked = check_params(params, write=write)
        timeout_s = (self.limits.write_timeout_ms if write else self.limits.read_timeout_ms) / 1000
        limit = self.limits.max_rows

        def work(tx: neo4j.ManagedTransaction | neo4j.Transaction) -> tuple[list[Row], WriteStats]:
            result = tx.run(text, checked)
            records = result.fetch(limit + 1)
            if len(records) > limit:
                raise TooManyRows(f"the query returned more than DAKG_MAX_ROWS={limit} rows")
            counters = result.consume().counters
            stats = WriteStats(
                nodes_created=counters.nodes_created,
                nodes_deleted=counters.nodes_deleted,
                relationships_created=counters.relationships_created,
                relationships_deleted=counters.relationships_deleted,
                properties_set=counters.properties_set,
            )
            return [record.data() for record in records], stats

        open_tx: neo4j.Transaction | None = getattr(self._open, "tx", None)
        if open_tx is not None:  # inside one_transaction: no retry here, the block fails whole
            try:
                return work(open_tx)
            except (ServiceUnavailable, SessionExpired, AuthError, OSError) as exc:
                raise StoreUnavailable(f"{self.description} is unreachable: {exc}") from exc
            except (Neo4jError, ResultError) as exc:
                raise self._classify(exc) from exc
        managed = unit_of_work(timeout=timeout_s)(work)
        for attempt in (1, 2):
            try:
                with self._session(write) as session:
                    return session.execute_write(managed) if write else session.execute_read(managed)
            except (ServiceUnavailable, SessionExpired, AuthError, OSError) as exc:
                raise StoreUnavailable(f"{self.description} is unreachable: {exc}") from exc
            except (Neo4jError, ResultError) as exc:
                behind = server_error(exc)
                if write and attempt == 1 and behind is not None and behind.code == _DEADLOCK:
                    continue  # rolled back whole; every write is atomic and idempotent: once more
                raise self._classify(exc) from exc
        raise AssertionError("unreachable")

    def _classify(self, failure: Neo4jError | ResultError) -> Exception:
        exc = server_error(failure)  # a ResultFailedError over a server timeout is that timeout
        if exc is None:
            return QueryError(f"the Neo4j driver failed the query: {failure}")
        code = exc.code or ""
        if code.startswith(_TIMEOUT_CODES):
            return QueryTimeout(f"query ran over its time limit: {exc.message}")
        if isinstance(exc, ConstraintError):
            return ConstraintViolation(f"refused by a uniqueness rule, nothing written: {exc.message}")
        if code == _MISSING_DATABASE:
            return StoreUnavailable(f"{self.description}: no such database (DAKG_NEO4J_DATABASE): {exc.message}")
        if isinstance(exc, ClientError):
            return QueryError(f"Neo4j refused the query: {exc.message}")
        return QueryError(f"Neo4j failed the query: {exc.message}")

    def fulltext_query(self, terms: list[str]) -> str:
        # Lucene ORs bare terms (RediSearch ANDs them), and AND/OR/NOT in capitals are its operators: the words
        # go lower-case (its analyser lower-cases anyway) between explicit ANDs.
        return " AND ".join(term.lower() for term in terms)

    def require_fulltext(self) -> None:
        """Nothing to wait for: Neo4j keeps its indexes across a restart, and apply_schema waits for new ones."""

    def ping(self) -> None:
        """Raise StoreUnavailable unless the server answers and the database exists."""
        try:
            query = neo4j.Query("RETURN 1 AS one", timeout=self.limits.read_timeout_ms / 1000)
            self._driver.execute_query(query, database_=self._database, routing_=neo4j.RoutingControl.READ)
        except (ServiceUnavailable, SessionExpired, AuthError, OSError, ValueError) as exc:
            raise StoreUnavailable(f"{self.description} is unreachable: {exc}") from exc
        except Neo4jError as exc:
            error = self._classify(exc)
            raise (error if isinstance(error, StoreUnavailable) else StoreUnavailable(str(error))) from exc

    def _admin(self, statement: str, timeout_ms: int, params: dict[str, Any] | None = None) -> list[neo4j.Record]:
        """Run a schema statement in its own auto-commit transaction (what SHOW and CREATE INDEX need)."""
        try:
            records, _, _ = self._driver.execute_query(
                neo4j.Query(statement, timeout=timeout_ms / 1000), params, database_=self._database
            )
        except (ServiceUnavailable, SessionExpired, AuthError, OSError) as exc:
            raise StoreUnavailable(f"{self.description} is unreachable: {exc}") from exc
        except (Neo4jError, ResultError) as exc:
            raise self._classify(exc) from exc
        return records

    def _existing_names(self) -> set[str]:
        names: set[str] = set()
        for statement in ("SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name"):
            names.update(str(r["name"]) for r in self._admin(statement, self.limits.read_timeout_ms))
        return names

    def schema_status(self) -> SchemaStatus:
        existing = self._existing_names()
        missing = [name for name, _ in schema_statements(self._schema) if name not in existing]
        return SchemaStatus(applied=not missing, missing=missing)

    def apply_schema(self) -> list[str]:
        existing = self._existing_names()
        created = []
        for name, statement in schema_statements(self._schema):
            if name in existing:
                continue
            try:
                self._admin(statement, self.limits.write_timeout_ms)
            except QueryError as exc:
                raise type(exc)(f"schema set-up failed at {name}: {exc}") from exc
            created.append(name)
        if created:
            # New indexes fill in the background; wait, so a search right after set-up sees every node.
            wait_s = max(1, self.limits.write_timeout_ms // 1000)
            self._admin("CALL db.awaitIndexes($seconds)", self.limits.write_timeout_ms, {"seconds": wait_s})
        return created

    def close(self) -> None:
        try:
            self._driver.close()
        finally:
            if self.server is not None and self.owns_server:
                self.server.stop()

    def __repr__(self) -> str:
        return f"Neo4jStore({self._url!r}, database={self._database!r})"
