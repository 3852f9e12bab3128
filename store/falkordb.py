"""FalkorDB adapter, through the native ``falkordb`` client (never FalkorDB's Bolt listener)."""

from __future__ import annotations

import time
from typing import Any

import redis
from falkordb import FalkorDB

from dakg.errors import ConstraintViolation, QueryError, QueryTimeout, StoreUnavailable, TooManyRows
from dakg.schema import GRAPH, GraphSchema
from dakg.store.base import GraphStore, Limits, Params, Row, SchemaStatus, WriteStats, check_params
from dakg.store.embedded import EmbeddedServer

# Value types of FalkorDB's compact reply format.
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _EDGE, _NODE, _PATH, _MAP = range(1, 11)
_PLAIN = frozenset({_STRING, _INTEGER})  # values the reply already carries as the right Python type


def _decode(cell: list[Any]) -> Any:
    """One value of a compact reply as plain JSON-ready Python: maps become dicts, arrays lists."""
    kind, value = cell
    if kind in (_STRING, _INTEGER):
        return value
    if kind == _NULL:
        return None
    if kind == _DOUBLE:
        return float(value)
    if kind == _BOOLEAN:
        return value == "true"
    if kind == _ARRAY:
        return [item[1] if item[0] in _PLAIN else _decode(item) for item in value]
    if kind == _MAP:
        out = {}
        for i in range(0, len(value), 2):
            item = value[i + 1]
            out[value[i]] = item[1] if item[0] in _PLAIN else _decode(item)
        return out
    if kind in (_NODE, _EDGE, _PATH):
        raise QueryError("queries must return maps and scalars, not graph entities (use n {.key, .name})")
    return value


_STAT_NAMES = {
    "Nodes created": "nodes_created",
    "Nodes deleted": "nodes_deleted",
    "Relationships created": "relationships_created",
    "Relationships deleted": "relationships_deleted",
    "Properties set": "properties_set",
}


def _stats(lines: list[str]) -> WriteStats:
    counts: dict[str, int] = {}
    for line in lines:
        name, _, number = line.partition(": ")
        if name in _STAT_NAMES:
            counts[_STAT_NAMES[name]] = int(float(number.split()[0]))
    return WriteStats(**counts)


def _classify(exc: redis.ResponseError) -> QueryError:
    message = str(exc)
    lowered = message.lower()
    if "timed out" in lowered or "timeout" in lowered:
        return QueryTimeout(f"query ran over its time limit: {message}")
    if "constraint violation" in lowered:
        return ConstraintViolation(f"refused by a uniqueness rule, nothing written: {message}")
    return QueryError(f"FalkorDB refused the query: {message}")


class FalkorStore(GraphStore):
    dialect = "falkordb"

    def __init__(
        self,
        client: FalkorDB,
        *,
        graph: str,
        where: str,
        limits: Limits,
        server: EmbeddedServer | None = None,
        owns_server: bool = False,
        schema: GraphSchema = GRAPH,
    ) -> None:
        super().__init__(limits)
        self._client = client
        self._graph_name = graph
        self._graph = client.select_graph(graph)
        self._where = where
        self._schema = schema
        self.server = server
        self.owns_server = owns_server

    @property
    def description(self) -> str:
        kind = "embedded FalkorDB" if self.server is not None else "FalkorDB"
        return f"{kind} at {self._where}, graph {self._graph_name!r}"

    @property
    def public_description(self) -> str:
        kind = "embedded FalkorDB" if self.server is not None else "FalkorDB"
        return f"{kind}, graph {self._graph_name!r}"

    @property
    def graph(self) -> Any:
        """The client's graph handle (for EXPLAIN in the query checks)."""
        return self._graph

    @property
    def connection(self) -> redis.Redis:
        conn: redis.Redis = self._client.connection
        return conn

    def _run(self, text: str, params: Params | None, write: bool) -> tuple[list[Row], WriteStats]:
        checked = check_params(params, write=write)
        timeout = self.limits.write_timeout_ms if write else self.limits.read_timeout_ms
        # The client's own parameter serialiser quotes and escapes every value; its reply parser is replaced by
        # _decode below, several times faster on large replies.
        query = self._graph._build_params_header(checked) + text if checked else text
        command = "GRAPH.QUERY" if write else "GRAPH.RO_QUERY"
        try:
            reply = self._command(command, self._graph_name, query, "--compact", "timeout", timeout)
        except redis.ResponseError as exc:
            if not write and "empty key" in str(exc):
                # FalkorDB creates a graph at its first write; until then reads find no key. Create it empty and
                # read again, so the query answers as on an empty graph (a count gives 0, not no row at all), as
                # an empty Neo4j database does.
                self._create_empty_graph(timeout)
                return self._run(text, params, write)
            raise _classify(exc) from exc
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            raise StoreUnavailable(f"{self.description} is unreachable: {exc}") from exc
        if reply and isinstance(reply[-1], redis.ResponseError):
            raise _classify(reply[-1])
        stats_lines = reply[-1] if reply else []
        rows: list[Row] = []
        if len(reply) == 3:
            columns = [column[1] for column in reply[0]]
            records = reply[1]
            # FalkorDB sends a result whole: the server has done the work (bounded by the time limit) before the
            # cap can refuse it. Neo4j streams, and its adapter stops fetching at the first row over the cap.
            if len(records) > self.limits.max_rows:
                raise TooManyRows(
                    f"the query returned {len(records)} rows, more than DAKG_MAX_ROWS={self.limits.max_rows}"
                )
            rows = [{col: _decode(cell) for col, cell in zip(columns, record, strict=True)} for record in records]
        return rows, _stats(stats_lines)

    def _create_empty_graph(self, timeout: int) -> None:
        try:
            self._command("GRAPH.QUERY", self._graph_name, "RETURN 0", "--compact", "timeout", timeout)
        except redis.ResponseError as exc:
            raise _classify(exc) from exc
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            raise StoreUnavailable(f"{self.description} is unreachable: {exc}") from exc

    def _command(self, *args: str | int) -> Any:
        return self.connection.execute_command(*args)  # type: ignore[no-untyped-call]

    def ping(self) -> None:
        try:
            self.connection.ping()
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            raise StoreUnavailable(f"{self.description} is unreachable: {exc}") from exc

    def require_fulltext(self) -> None:
        """FalkorDB rebuilds its indexes in the background after a restart and meanwhile a full-text query answers
        no hits, not an error: a search then would be a silent empty answer. It is refused (503) until every
        full-text label's index is OPERATIONAL again."""
        labels = {node.label for node in self._schema.nodes if node.fulltext}
        rows, _ = self.run("CALL db.indexes() YIELD label, status RETURN label, status")
        building = sorted(r["label"] for r in rows if r["label"] in labels and r["status"] != "OPERATIONAL")
        if building:
            raise StoreUnavailable(
                f"{self.description} is still building its full-text index for {', '.join(building)} "
                "(after a restart); search answers once it is done"
            )

    # --- schema -------------------------------------------------------------------------------------------

    def _existing(self) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]]]:
        """(label, property, kind) of existing indexes, (label, property) of unique constraints."""
        indexes: set[tuple[str, str, str]] = set()
        constraints: set[tuple[str, str]] = set()
        if self._graph_name not in self._command("GRAPH.LIST"):
            return indexes, constraints
        rows, _ = self.run("CALL db.indexes() YIELD label, properties, types RETURN label, properties, types")
        for row in rows:
            for prop, kinds in row["types"].items():
                for kind in kinds:
                    indexes.add((row["label"], prop, kind))
        rows, _ = self.run(
            "CALL db.constraints() YIELD type, label, properties, status RETURN type, label, properties, status"
        )
        for row in rows:
            if row["type"] == "UNIQUE" and row["status"] == "OPERATIONAL":
                for prop in row["properties"]:
                    constraints.add((row["label"], prop))
        return indexes, constraints

    def _expected(self) -> list[tuple[str, str, str]]:
        """(kind, label, property) of every rule and index the schema asks for, in creation order."""
        wanted: list[tuple[str, str, str]] = []
        for node in self._schema.nodes:
            wanted.append(("RANGE", node.label, node.key))
            wanted.append(("UNIQUE", node.label, node.key))
            wanted.extend(("RANGE", node.label, prop) for prop in node.indexes)
            wanted.extend(("FULLTEXT", node.label, prop) for prop in node.fulltext)
        return wanted

    def schema_status(self) -> SchemaStatus:
        indexes, constraints = self._existing()
        missing = []
        for kind, label, prop in self._expected():
            present = (label, prop) in constraints if kind == "UNIQUE" else (label, prop, kind) in indexes
            if not present:
                missing.append(f"{kind.lower()} {label}.{prop}")
        return SchemaStatus(applied=not missing, missing=missing)

    def apply_schema(self) -> list[str]:
        # Labels and property names below come from dakg.schema, whose validators allow identifiers only.
        indexes, constraints = self._existing()
        created: list[str] = []
        for node in self._schema.nodes:
            for prop in (node.key, *node.indexes):
                if (node.label, prop, "RANGE") not in indexes:
                    self.run(f"CREATE INDEX FOR (n:{node.label}) ON (n.{prop})", write=True)
                    created.append(f"range index {node.label}.{prop}")
            if (node.label, node.key) not in constraints:
                self._create_unique(node.label, node.key)
                created.append(f"unique {node.label}.{node.key}")
            if node.fulltext and any((node.label, p, "FULLTEXT") not in indexes for p in node.fulltext):
                fields = ", ".join(f"'{p}'" for p in node.fulltext)
                self.run(f"CALL db.idx.fulltext.createNodeIndex('{node.label}', {fields})", write=True)
                created.append(f"full-text index {node.label}({', '.join(node.fulltext)})")
        return created

    def _create_unique(self, label: str, prop: str, timeout: float = 60.0) -> None:
        try:
            self._command(
                "GRAPH.CONSTRAINT", "CREATE", self._graph_name, "UNIQUE", "NODE", label, "PROPERTIES", 1, prop
            )
        except redis.ResponseError as exc:
            if "already exists" not in str(exc).lower():
                raise _classify(exc) from exc
        # The rule is built in the background; it holds only once OPERATIONAL (FAILED: duplicates exist).
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            rows, _ = self.run("CALL db.constraints() YIELD type, label, properties, status RETURN *")
            for row in rows:
                if row["type"] == "UNIQUE" and row["label"] == label and prop in row["properties"]:
                    if row["status"] == "OPERATIONAL":
                        return
                    if row["status"] == "FAILED":
                        raise ConstraintViolation(f"cannot make {label}.{prop} unique: duplicates exist")
            time.sleep(0.02)
        raise QueryTimeout(f"the uniqueness rule on {label}.{prop} was not ready within {timeout:.0f}s")

    def close(self) -> None:
        try:
            self.connection.close()
        finally:
            if self.server is not None and self.owns_server:
                self.server.stop()
