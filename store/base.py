"""The one interface both graph stores implement.

Callers use named queries (``read``/``write``) from ``cypher/``; values always travel as parameters. Labels
and relationship types appear only in those files and in schema set-up generated from ``dakg.schema``.
"""

from __future__ import annotations

import math
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ClassVar

from dakg.errors import InvalidValue, QueryError, StoreBusy
from dakg.store.queries import Dialect, get_query

Row = dict[str, Any]
Params = Mapping[str, Any]

_PARAM_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CONTROL = re.compile(r"[\x00-\x1f]")
_INT64 = 2**63


@dataclass(frozen=True)
class WriteStats:
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0


@dataclass(frozen=True)
class Limits:
    """Time limits and the row cap every query runs under (DAKG_QUERY_TIMEOUT_MS, ..._WRITE_..., _MAX_ROWS), and
    how many reads one process runs on the store at once (DAKG_CONCURRENT_READS; the others wait their turn, at
    most DAKG_READ_QUEUE_MS, and a query's time limit starts when it runs)."""

    read_timeout_ms: int = 5000
    write_timeout_ms: int = 60000
    max_rows: int = 5000
    concurrent_reads: int | None = None  # None: no limit here
    read_queue_ms: int = 30000


@dataclass(frozen=True)
class SchemaStatus:
    applied: bool
    missing: list[str] = field(default_factory=list)


_Path = tuple[Any, int | str] | None  # (the parent's path, this step: a list index or a map key); None at the top


def _first_problem(value: Any, *, keys: bool = False) -> tuple[str, str] | None:
    """(path, message) of the first value no store can hold, or None. Iterative: parameters can be large.

    With ``keys``, every map entry named in ``KEY_FIELDS`` must also be a valid node key (see ``check_key``).
    The path to a value is a chain of (parent, step) pairs, spelled out only for the value that fails: a
    document's write holds thousands of values, and naming each as it is visited cost more than the check.
    """
    stack: list[tuple[Any, _Path]] = [(value, None)]
    while stack:
        item, path = stack.pop()
        kind = type(item)
        if kind is str:
            if "\x00" in item:
                return _spelled(path), "text contains a NUL character, which the store cannot hold"
        elif item is None or kind is bool:
            continue
        elif kind is int:
            if not -_INT64 <= item < _INT64:
                return _spelled(path), f"integer {item} does not fit in 64 bits"
        elif kind is float:
            if not math.isfinite(item):
                return _spelled(path), f"{item} is not a finite number"
        elif isinstance(item, list | tuple):
            stack.extend((v, (path, i)) for i, v in enumerate(item))
        elif isinstance(item, Mapping):
            for key, v in item.items():
                if not isinstance(key, str) or not _PARAM_KEY_RE.match(key):
                    return _spelled(path), f"map key {key!r} is not a plain identifier"
                if keys and key in KEY_FIELDS:
                    message = _key_problem(v)
                    if message is not None:
                        return _spelled((path, key)), message
                stack.append((v, (path, key)))
        else:  # including subclasses of str, int and float (enums, numpy scalars)
            return _spelled(path), f"values of type {kind.__name__} cannot be sent to the store"
    return None


def _spelled(path: _Path) -> str:
    """A path as the error names it: ``.claims[3].quote``."""
    steps: list[str] = []
    while path is not None:
        path, step = path
        steps.append(f"[{step}]" if isinstance(step, int) else f".{step}")
    return "".join(reversed(steps))


KEY_MAX_CHARS = 512
# Map entries that hold node keys in this project's write parameters (a node's own key, or a reference to one).
KEY_FIELDS = frozenset({"key", "subject", "from", "to", "agreement"})


def _key_problem(value: Any) -> str | None:
    if not isinstance(value, str) or not value or value != value.strip() or len(value) > KEY_MAX_CHARS:
        return f"a key must be a trimmed, non-empty string of at most {KEY_MAX_CHARS} characters"
    if _CONTROL.search(value):
        return "a key must not contain control characters"
    return None


def check_key(value: Any, where: str) -> None:
    """Refuse a node key that is not a non-empty, trimmed, short string without control characters.

    Beyond hygiene, this guards the embedded store: FalkorDB 4.16 crashes (the whole server) when a property
    under a uniqueness rule is empty, has leading or trailing white space, or is longer than 4096 characters.
    """
    message = _key_problem(value)
    if message is not None:
        raise InvalidValue(f"parameter {where}: {message}")


def check_params(params: Params | None, *, write: bool = False) -> dict[str, Any]:
    """Refuse values neither store can carry faithfully, naming the path to the bad value.

    Allowed: None, bool, int (64-bit), finite float, str without NUL, and lists and maps of these (map keys are
    plain identifiers; maps are fine as parameters, not as properties). In writes, every node key and key
    reference (``KEY_FIELDS``) must also pass ``check_key``.
    """
    checked = dict(params or {})
    for key, value in checked.items():
        if not _PARAM_KEY_RE.match(key):
            raise InvalidValue(f"parameter name {key!r} is not a plain identifier")
        if write and key == "key":
            check_key(value, "$key")
        problem = _first_problem(value, keys=write)
        if problem is not None:
            raise InvalidValue(f"parameter ${key}{problem[0]}: {problem[1]}")
    return checked


class GraphStore(ABC):
    """A graph store: the embedded/remote FalkorDB adapter or the Neo4j 5 adapter."""

    dialect: ClassVar[Dialect]

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        # Reads queue here rather than in a store that runs all it is sent at once (Neo4j): fifty reads at once on
        # two cores each take fifty times as long and run over their time limit together; a few at a time finish.
        slots = limits.concurrent_reads
        self._read_slots = threading.BoundedSemaphore(slots) if slots is not None else None

    # True where each commit waits for the disk (Neo4j's transaction log): ``one_transaction`` then spares a run of
    # writes a wait each. FalkorDB applies each statement atomically in memory and does not wait per statement.
    commits_wait: ClassVar[bool] = False

    @contextmanager
    def one_transaction(self) -> Iterator[None]:
        """The statements this thread runs in the block, reads included, in one transaction: committed together
        at the end, rolled back together if the block raises. Where commits do not wait (``commits_wait``), each
        statement is its own atomic write as everywhere else."""
        yield

    @property
    @abstractmethod
    def description(self) -> str:
        """One line naming the store and where it is, without secrets."""

    @property
    def public_description(self) -> str:
        """What /health may show anyone: the kind of store, without paths or hosts."""
        return self.description

    def run(self, text: str, params: Params | None = None, *, write: bool = False) -> tuple[list[Row], WriteStats]:
        """Run one statement: in a read-only transaction unless ``write``; under the time limit and row cap. A read
        waits for one of the process's read slots first (``Limits.concurrent_reads``)."""
        if write or self._read_slots is None:
            return self._run(text, params, write)
        if not self._read_slots.acquire(timeout=self.limits.read_queue_ms / 1000):
            raise StoreBusy(
                f"no read slot came free in {self.limits.read_queue_ms} ms ({self.limits.concurrent_reads} reads "
                f"at a time, DAKG_CONCURRENT_READS): the store is overloaded"
            )
        try:
            return self._run(text, params, write)
        finally:
            self._read_slots.release()

    @abstractmethod
    def _run(self, text: str, params: Params | None, write: bool) -> tuple[list[Row], WriteStats]:
        """Run one statement on the store (``run`` says how)."""

    @abstractmethod
    def ping(self) -> None:
        """Raise StoreUnavailable unless the store answers."""

    @abstractmethod
    def apply_schema(self) -> list[str]:
        """Create missing uniqueness rules and indexes; return what was created (nothing the second time)."""

    @abstractmethod
    def schema_status(self) -> SchemaStatus:
        """Which of the schema's rules and indexes are missing."""

    def fulltext_query(self, terms: list[str]) -> str:
        """A full-text query matching documents that contain every term (plain words only, never operators)."""
        return " ".join(terms)

    @abstractmethod
    def require_fulltext(self) -> None:
        """Raise StoreUnavailable while a full-text index cannot answer with every node it should hold."""

    @abstractmethod
    def close(self) -> None:
        """Release connections (and stop an embedded server this process started)."""

    def read(self, name: str, params: Params | None = None) -> list[Row]:
        """Run the read query ``cypher/<name>.cypher``."""
        query = get_query(name, self.dialect)
        if query.mode != "read":
            raise QueryError(f"query {name!r} writes; call write() for it")
        rows, _ = self.run(query.text, params)
        return rows

    def write(self, name: str, params: Params | None = None) -> tuple[list[Row], WriteStats]:
        """Run the write query ``cypher/<name>.cypher`` as one atomic statement."""
        query = get_query(name, self.dialect)
        if query.mode != "write":
            raise QueryError(f"query {name!r} only reads; call read() for it")
        return self.run(query.text, params, write=True)

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
