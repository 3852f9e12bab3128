"""A document is written whole or not at all: kill -9 the store in the middle of a large write, then look."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from pathlib import Path

import pytest
import redis

from dakg.config import Settings
from dakg.errors import DakgError
from dakg.ingest.fragment import AgreementOut, ClaimOut, CountryOut, EvidenceOut, Fragment, SourceOut, text_key
from dakg.ingest.load import fragment_params, load_fragment
from dakg.store import EmbeddedServer, open_store

from .graph_checks import check_invariants, snapshot

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


def test_kill_9_during_a_write_leaves_the_document_whole_or_absent(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path / "store")
    server.start()
    settings = Settings(data_dir=tmp_path / "store", graph="atomic", max_rows=1_000_000)
    try:
        store = open_store(settings, start_embedded=False)
        store.apply_schema()
        load_fragment(store, big_fragment("already there"))
        before = snapshot(store)
        store.close()
        outcomes = []
        for attempt, delay in enumerate((0.0, 0.05, 0.15)):
            fragment = big_fragment(f"attempt {attempt}")
            params = fragment_params(fragment)
            store = open_store(settings, start_embedded=False)

            def write(store=store, params=params) -> None:  # type: ignore[no-untyped-def]
                with contextlib.suppress(DakgError):  # the server dies under it: expected
                    store.write("write_document", params)

            writer = threading.Thread(target=write)
            watcher = redis.Redis(unix_socket_path=str(server.socket_path), decode_responses=True)
            writer.start()
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if any(c.get("cmd", "").lower() == "graph.query" for c in watcher.client_list()):
                    break  # the write is executing on the server right now
                time.sleep(0.001)
            time.sleep(delay)
            pid = server.pid()
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            writer.join(timeout=30)
            watcher.close()
            while server.pid() is not None:
                time.sleep(0.02)
            server.start()
            present, count = _claims_of(settings, fragment.source.key)
            assert (present, count) in ((False, 0), (True, CLAIMS)), (attempt, present, count)
            outcomes.append(present)
        assert False in outcomes, "no kill landed inside a write; the test proved nothing"
        store = open_store(settings, start_embedded=False)
        after = snapshot(store)
        old = {(n["label"], n["key"]) for n in before["nodes"]}
        assert old <= {(n["label"], n["key"]) for n in after["nodes"]}
        check_invariants(store)
        store.close()
    finally:
        server.stop()
