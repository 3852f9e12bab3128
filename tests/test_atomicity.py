"""A document is written whole or not at all: kill -9 the store in the middle of a large write, then look.

On both stores: FalkorDB replays its append-only file, Neo4j recovers from its transaction logs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from dakg.config import Settings
from dakg.errors import DakgError
from dakg.ingest.fragment import AgreementOut, ClaimOut, CountryOut, EvidenceOut, Fragment, SourceOut, text_key
from dakg.ingest.load import fragment_params, load_fragment
from dakg.store import EmbeddedServer, LocalNeo4j, open_store

from .graph_checks import check_invariants, snapshot
from .stores import TEST_HEAP, TEST_PAGECACHE, neo4j_settings, require_neo4j

pytestmark = pytest.mark.integration

CLAIMS = 4000


def big_fragment(tag: str) -> Fragment:
    """One source with thousands of claims: its single write takes long enough to be interrupted."""
    sentences = [
        f"Rwanda agreed to accept migrants deported from the United States ({tag}, item {i})." for i in range(CLAIMS)
    ]
    text = " ".join(sentences)
    claims, position = [], 0
    for sentence in sentences:
        end = position + len(sentence)
        trigger = EvidenceOut(start=position + 7, end=position + 13, text="agreed", role="value")
        claims.append(
            ClaimOut(
                field="status",
                value="agreed",
                quote=sentence,
                start=position,
                end=end,
                confidence=0.5,
                evidence=[trigger],
            )
        )
        position = end + 1
    return Fragment(
        source=SourceOut(key=text_key(text), text=text, words=len(text.split()), extractor_version="test"),
        countries=[CountryOut(key="RWA", name="Rwanda", mentions=[(0, 6)])],
        officials=[],
        agreements=[
            AgreementOut(key="USA-RWA", deporting="USA", host="RWA", name="United States → Rwanda", claims=claims)
        ],
        migrant_groups=[],
    )


def _claims_of(settings: Settings, key: str) -> tuple[bool, int]:
    store = open_store(settings, start_embedded=False)
    try:
        present = bool(store.read("source_version", {"key": key}))
        rows, _ = store.run("MATCH (c:Claim {source: $key}) RETURN count(c) AS n", {"key": key})
        return present, int(rows[0]["n"])
    finally:
        store.close()


class Killable(ABC):
    """A store server of the test's own that can be killed with SIGKILL and started again."""

    settings: Settings

    @abstractmethod
    def start(self) -> None: ...

    @abstractmethod
    def stop(self) -> None: ...

    @abstractmethod
    def pid(self) -> int | None: ...

    @abstractmethod
    def writing(self) -> bool:
        """True while a write statement is executing on the server."""

    def close(self) -> None:  # noqa: B027 - most servers have nothing to release besides stopping
        """Release what the server object holds besides the process (nothing, unless overridden)."""


class KillableFalkorDB(Killable):
    def __init__(self, folder: Path) -> None:
        self.server = EmbeddedServer(folder)
        self.settings = Settings(data_dir=folder, graph="atomic", max_rows=1_000_000)
        self.watcher: redis.Redis | None = None

    def start(self) -> None:
        self.server.start(owned=True)

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.close()
        self.server.stop()

    def pid(self) -> int | None:
        return self.server.pid()

    def writing(self) -> bool:
        if self.watcher is None:
            self.watcher = redis.Redis(unix_socket_path=str(self.server.socket_path), decode_responses=True)
        try:
            return any(c.get("cmd", "").lower() == "graph.query" for c in self.watcher.client_list())
        except redis.ConnectionError:
            self.watcher = None
            return False


class KillableNeo4j(Killable):
    def __init__(self, folder: Path) -> None:
        self.server = LocalNeo4j(folder, dist=require_neo4j(), heap=TEST_HEAP, pagecache=TEST_PAGECACHE)
        self.driver: Driver | None = None

    def start(self) -> None:
        self.server.start(owned=True)
        self.settings = neo4j_settings(self.server, max_rows=1_000_000)
        if self.driver is not None:
            self.driver.close()
        self.driver = GraphDatabase.driver(self.server.bolt_url, auth=("neo4j", self.server.password))

    def stop(self) -> None:
        if self.driver is not None:
            self.driver.close()
        self.server.stop()

    def pid(self) -> int | None:
        return self.server.pid()

    def writing(self) -> bool:
        assert self.driver is not None
        try:
            records, _, _ = self.driver.execute_query(
                "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $text RETURN count(*) AS n",
                text="MERGE (s:Source",  # write_document's first line: the write is running
            )
        except (ServiceUnavailable, SessionExpired):
            return False
        return int(records[0]["n"]) > 0


@pytest.fixture
def killable(store_kind: str, tmp_path: Path) -> Iterator[Killable]:
    server: Killable = (
        KillableFalkorDB(tmp_path / "store") if store_kind == "falkordb" else KillableNeo4j(tmp_path / "neo4j")
    )
    server.start()
    yield server
    server.stop()


def test_kill_9_during_a_write_leaves_the_document_whole_or_absent(killable: Killable) -> None:
    store = open_store(killable.settings, start_embedded=False)
    store.apply_schema()
    load_fragment(store, big_fragment("already there"))
    before = snapshot(store)
    store.close()
    outcomes = []
    # Three moments into the write; two on Neo4j, whose every restart costs about 30 s here
    delays = (0.0, 0.05, 0.15) if isinstance(killable, KillableFalkorDB) else (0.0, 0.15)
    for attempt, delay in enumerate(delays):
        fragment = big_fragment(f"attempt {attempt}")
        params = fragment_params(fragment)
        store = open_store(killable.settings, start_embedded=False)

        def write(store=store, params=params) -> None:  # type: ignore[no-untyped-def]
            with contextlib.suppress(DakgError):  # the server dies under it: expected
                store.write("write_document", params)

        writer = threading.Thread(target=write)
        writer.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if killable.writing():
                break  # the write is executing on the server right now
            time.sleep(0.001)
        time.sleep(delay)
        pid = killable.pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        writer.join(timeout=60)
        store.close()
        while killable.pid() is not None:
            time.sleep(0.02)
        killable.start()
        present, count = _claims_of(killable.settings, fragment.source.key)
        assert (present, count) in ((False, 0), (True, CLAIMS)), (attempt, present, count)
        outcomes.append(present)
    assert False in outcomes, "no kill landed inside a write; the test proved nothing"
    store = open_store(killable.settings, start_embedded=False)
    after = snapshot(store)
    old = {(n["label"], n["key"]) for n in before["nodes"]}
    assert old <= {(n["label"], n["key"]) for n in after["nodes"]}
    check_invariants(store)
    store.close()
