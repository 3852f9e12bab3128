"""The store going away mid-request: killed with SIGKILL while a real `dakg serve` answers and while `dakg ingest`
writes. The API answers 503 with a problem+json body meanwhile and recovers by itself when the store is back;
ingest stops with one line naming what was written and the first document that was not; nothing is half-written.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from dakg.ingest.load import load_fragment
from dakg.store import EmbeddedServer, GraphStore, LocalNeo4j, open_store

from .conftest import VENV_BIN, Served, open_graph
from .corpus import posted
from .graph_checks import check_invariants
from .stores import STORE_KINDS, falkordb_settings, neo4j_settings, require_neo4j, settings_env, start_local_neo4j

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[1]


class OwnStore:
    """A store server of the test's own, to kill with SIGKILL and start again (same folder, same port)."""

    def __init__(self, kind: str, folder: Path) -> None:
        self.kind = kind
        self.folder = folder
        self.server: EmbeddedServer | LocalNeo4j
        if kind == "falkordb":
            self.server = EmbeddedServer(folder)
            self.server.start(owned=True)
            self.settings = falkordb_settings(folder, graph="outage")
        else:
            self.server = start_local_neo4j(folder)
            self.settings = neo4j_settings(self.server)

    def kill(self) -> None:
        pid = self.server.pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while self.server.pid() is not None and time.monotonic() < deadline:
            time.sleep(0.05)

    def restart(self) -> None:
        assert self.server.start(owned=True)

    def open(self) -> GraphStore:
        return open_store(self.settings, start_embedded=False)


@pytest.fixture
def own_store(store_kind: str, tmp_path: Path) -> Iterator[OwnStore]:
    if store_kind == "neo4j":
        require_neo4j()
    own = OwnStore(store_kind, tmp_path / "store")
    yield own
    own.server.stop()


def _is_problem_503(response: httpx.Response) -> bool:
    if response.status_code == 504:  # a cold store just restarted can run a read over DAKG_QUERY_TIMEOUT_MS
        return response.headers["content-type"].startswith("application/problem+json")
    if response.status_code != 503 or not response.headers["content-type"].startswith("application/problem+json"):
        return False
    body = response.json()
    return body["status"] == 503 and body["title"] == "Service Unavailable" and "unavailable" in body["detail"]


# One store per behaviour keeps the suite's time down (a Neo4j restart costs about 30 s here); both ran on both
# stores when they were written.
@pytest.mark.skipif("falkordb" not in STORE_KINDS, reason="DAKG_TEST_STORES leaves out FalkorDB")
@pytest.mark.parametrize("store_kind", ["falkordb"], indirect=True)
def test_the_api_answers_503_while_the_store_is_gone_and_recovers_by_itself(
    own_store: OwnStore,
    serve: Callable[..., Served],
    free_port: int,
    cli_env: Callable[..., dict[str, str]],
) -> None:
    open_graph(own_store.settings, corpus=True).close()
    served = serve(
        [str(VENV_BIN / "dakg"), "serve", "--port", str(free_port)],
        free_port,
        cli_env(**settings_env(own_store.settings)),
    )
    paths = ["/agreements?host=RWA", "/sources?limit=5", "/countries/RWA", "/search?q=Rwanda"]
    before = {path: httpx.get(served.url + path, timeout=30).json() for path in paths}

    def same(path: str, answer: object) -> bool:
        """The answer of before; for search, the same hits (a full-text engine's scores may change when it
        rebuilds its index at a restart: RediSearch's did here)."""
        if path.startswith("/search"):
            assert isinstance(answer, list)
            return sorted((h["label"], h["key"]) for h in answer) == sorted(
                (h["label"], h["key"]) for h in before[path]
            )
        return bool(answer == before[path])

    seen: list[tuple[str, int, bool]] = []  # path, status, well-formed (the same answer as before, or a 503 problem)
    failures: list[str] = []
    stop = threading.Event()
    restarted = threading.Event()

    def poll(path: str) -> None:
        with httpx.Client(base_url=served.url, timeout=30) as client:
            while not stop.is_set():
                try:
                    response = client.get(path)
                except httpx.TransportError as exc:  # the API itself must stay up and answer
                    failures.append(f"{path}: {exc!r}")
                    continue
                ok = same(path, response.json()) if response.status_code == 200 else _is_problem_503(response)
                ok = ok and (response.status_code != 504 or restarted.is_set())
                seen.append((path, response.status_code, ok))

    pollers = [threading.Thread(target=poll, args=(path,)) for path in paths]
    for poller in pollers:
        poller.start()
    try:
        time.sleep(1.0)
        own_store.kill()
        deadline = time.monotonic() + 20
        while {p for p, status, _ in seen if status == 503} != set(paths) and time.monotonic() < deadline:
            time.sleep(0.1)
        # Each endpoint answered 503 while the store was gone.
        assert {p for p, status, _ in seen if status == 503} == set(paths)
        export = httpx.get(served.url + "/export/claims.csv", timeout=30)
        assert _is_problem_503(export)  # refused before the stream starts, not a 200 cut short
        outage = len(seen)
        restarted.set()
        own_store.restart()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            recent = seen[outage:]
            if all(any(p == path and status == 200 for p, status, _ in recent[-20:]) for path in paths):
                break
            time.sleep(0.2)
    finally:
        stop.set()
        for poller in pollers:
            poller.join()
    assert failures == []
    assert [entry for entry in seen if not entry[2]] == []  # only the answers of before, or 503 problems
    assert all(status in (200, 503, 504) for _, status, _ in seen)
    for path in paths:  # recovered by itself: the same answers as before the store went away
        assert seen[-1][1] == 200 or any(p == path and s == 200 for p, s, _ in seen[outage:])
        assert same(path, httpx.get(served.url + path, timeout=30).json())
    assert "Traceback" not in served.output()


def _corpus(folder: Path, copies: int) -> list[Path]:
    """``copies`` distinct documents: the demo's plain-text articles, each copy with a numbered closing line."""
    texts = sorted((REPO / "corpus" / "demo").glob("*.txt"))
    folder.mkdir()
    written = []
    for i in range(copies):
        source = texts[i % len(texts)]
        target = folder / f"{i:03d}_{source.name}"
        target.write_text(source.read_text(encoding="utf-8") + f"\n\nCopy number {i}.\n", encoding="utf-8")
        written.append(target)
    return written


GONE = re.compile(
    r"^error: the store went away during the run: (\d+) documents written \(the last: (\S+)\); "
    r"not written: (\S+) \(unless the store committed it(?:, with the (\d+) documents after it in the same "
    r"transaction,)? as it went away: then (?:it is|they are) there whole\) and every document after it"
)


@pytest.mark.skipif("neo4j" not in STORE_KINDS, reason="DAKG_TEST_STORES leaves out Neo4j")
@pytest.mark.parametrize("store_kind", ["neo4j"], indirect=True)
def test_ingest_stops_with_one_line_when_the_store_goes_away_and_nothing_is_half_written(
    own_store: OwnStore, tmp_path: Path, cli_env: Callable[..., dict[str, str]]
) -> None:
    documents = _corpus(tmp_path / "docs", 150)
    watcher = open_graph(own_store.settings)
    # PYTHONFAULTHANDLER: should the run hang, SIGABRT makes it print every thread's stack (seen once in CI).
    env = cli_env(**settings_env(own_store.settings), DAKG_NLP_BATCH_SIZE="1", PYTHONFAULTHANDLER="1")
    with open(tmp_path / "ingest.log", "wb") as out:
        run = subprocess.Popen(
            [str(VENV_BIN / "dakg"), "ingest", str(tmp_path / "docs")], env=env, stdout=out, stderr=subprocess.PIPE
        )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and run.poll() is None:
            rows = watcher.read("sources_count", {"published_from": None, "published_to": None, "outlet": None})
            if int(rows[0]["total"]) >= 8:
                break
            time.sleep(0.2)
        assert run.poll() is None, "ingest ended before the store could be killed"
        own_store.kill()
        try:
            _, err = run.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            run.send_signal(signal.SIGABRT)
            _, err = run.communicate(timeout=30)
            pytest.fail("ingest still ran 120 s after the store was killed; its threads:\n" + err.decode()[-6000:])
    finally:
        watcher.close()
        if run.poll() is None:
            run.kill()
            run.communicate()  # reaped and its pipe closed: nothing left to warn about in a later test
    lines = err.decode().strip().splitlines()
    assert run.returncode == 1
    errors = [line for line in lines if line.startswith("error:")]
    # The whole tail on failure: pytest would cut a long line short (CI failed here twice on a line it cut).
    assert len(errors) == 1, "\n".join(lines[-4:])  # one line
    match = GONE.match(errors[0])
    assert match, "\n".join(lines[-4:])
    written, last, first_unwritten = int(match.group(1)), Path(match.group(2)), Path(match.group(3))
    together = 1 + int(match.group(4) or 0)  # with DAKG_WRITE_BATCH, Neo4j writes the waiting documents together
    order = sorted(documents)
    assert order.index(first_unwritten) == written == order.index(last) + 1  # written in order, up to there
    own_store.restart()
    store = own_store.open()
    try:
        rows, _ = store.run("MATCH (s:Source) RETURN s.path AS path")
        # Exactly the documents named written are in the graph (and those being written when the store died, if
        # their commit landed before the reply could: seen on Neo4j), each whole (the invariants: every claim's
        # quote in its source's text, every edge backed by existing claims, every entity with a claim).
        assert sorted(Path(r["path"]) for r in rows) in (order[:written], order[: written + together])
        check_invariants(store)
        reports, _ = store.run("MATCH (s:Source)-[r:REPORTS]->(:Agreement) RETURN s.key AS source, r.claims AS claims")
        claims, _ = store.run("MATCH (s:Source)-[:CLAIMS]->(c:Claim) RETURN s.key AS source, c.key AS key")
        held = {(r["source"], r["key"]) for r in claims}
        assert reports and all((r["source"], key) in held for r in reports for key in r["claims"])
    finally:
        store.close()


CUT = re.compile(
    r"WARNING dakg\.api: export claims\.csv: the client went away after ([\d,]+) bytes; the export stopped$"
)


def _a_large_export_served(
    own_store: OwnStore,
    serve: Callable[..., Served],
    free_port: int,
    cli_env: Callable[..., dict[str, str]],
    **env: str,
) -> tuple[Served, httpx.Response]:
    """300 sources, a claim each quoting 3 KB (an export of about 2 MB, read a page at a time), served by a real
    `dakg serve`; and the whole export as it answers at first."""
    graph = open_graph(own_store.settings)
    try:
        for i in range(300):
            text = f"Report {i}: the United States and South Sudan agreed on transfers. " + "Details follow. " * 200
            load_fragment(graph, posted(text, title=f"Report {i}"))
    finally:
        graph.close()
    served = serve(
        [str(VENV_BIN / "dakg"), "serve", "--port", str(free_port)],
        free_port,
        cli_env(**settings_env(own_store.settings), **env),
    )
    whole = httpx.get(served.url + "/export/claims.csv", timeout=60)
    assert whole.status_code == 200 and whole.text.count("\n") > 300
    return served, whole


def _wait_for_a_line(served: Served, pattern: re.Pattern[str], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not [line for line in served.output().splitlines() if pattern.match(line)] and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.skipif("falkordb" not in STORE_KINDS, reason="DAKG_TEST_STORES leaves out FalkorDB")
@pytest.mark.parametrize("store_kind", ["falkordb"], indirect=True)
def test_an_export_its_client_leaves_mid_way_is_one_line_in_the_log(
    own_store: OwnStore,
    serve: Callable[..., Served],
    free_port: int,
    cli_env: Callable[..., dict[str, str]],
) -> None:
    served, whole = _a_large_export_served(own_store, serve, free_port, cli_env)
    with httpx.stream("GET", served.url + "/export/claims.csv", timeout=60) as cut:
        assert cut.status_code == 200
        next(cut.iter_raw())  # the first chunk, then the connection is closed
    _wait_for_a_line(served, CUT)
    assert httpx.get(served.url + "/health", timeout=30).status_code == 200  # the server goes on
    again = httpx.get(served.url + "/export/claims.csv", timeout=60)
    assert again.content == whole.content
    log = served.output()
    [line] = [line for line in log.splitlines() if "dakg.api" in line]  # one line, and only for the cut one
    match = CUT.match(line)
    assert match, line
    assert 0 < int(match.group(1).replace(",", "")) < len(whole.content)
    assert "Traceback" not in log and "ERROR" not in log


STORE_CUT = re.compile(
    r"WARNING dakg\.api: export claims\.csv: the store failed \((.+)\) after ([\d,]+) bytes; the export stopped$"
)


@pytest.mark.skipif("falkordb" not in STORE_KINDS, reason="DAKG_TEST_STORES leaves out FalkorDB")
@pytest.mark.parametrize("store_kind", ["falkordb"], indirect=True)
def test_an_export_whose_store_goes_away_mid_way_is_cut_not_ended(
    own_store: OwnStore,
    serve: Callable[..., Served],
    free_port: int,
    cli_env: Callable[..., dict[str, str]],
) -> None:
    """The store killed while an export streams: the client's download breaks (no clean end it could take for a
    whole file), the log says so in one line, and the API answers again once the store is back."""
    # read 20 rows a page: 15 pages, so the store is read again after the first chunk
    served, whole = _a_large_export_served(own_store, serve, free_port, cli_env, DAKG_MAX_ROWS="20")
    received = 0
    with (
        pytest.raises(httpx.RemoteProtocolError),
        httpx.stream("GET", served.url + "/export/claims.csv", timeout=60) as cut,
    ):
        assert cut.status_code == 200
        chunks = cut.iter_raw()
        received += len(next(chunks))
        own_store.kill()
        for chunk in chunks:
            received += len(chunk)
    assert 0 < received < len(whole.content)
    _wait_for_a_line(served, STORE_CUT)
    [line] = [line for line in served.output().splitlines() if "export claims.csv" in line]
    match = STORE_CUT.match(line)
    assert match, line
    assert 0 < int(match.group(2).replace(",", "")) < len(whole.content)
    own_store.restart()
    deadline = time.monotonic() + 30
    again = httpx.get(served.url + "/export/claims.csv", timeout=60)
    while again.status_code != 200 and time.monotonic() < deadline:
        time.sleep(0.5)
        again = httpx.get(served.url + "/export/claims.csv", timeout=60)
    assert again.content == whole.content
