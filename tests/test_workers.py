"""``dakg ingest --workers N``: documents parsed and extracted in N processes give the graph one process gives.

The writes are the same code (``load_fragment``) whatever the number of workers, so these tests run on the
embedded store only; ``test_store_parity.py`` holds Neo4j to the same graph.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from dakg.errors import DocumentError
from dakg.ingest import workers
from dakg.ingest.fragment import Fragment
from dakg.ingest.nlp import Pipelines, get_pipeline
from dakg.ingest.pipeline import Prepared, extract_all, ingest, prepared_documents
from dakg.store import GraphStore

from .graph_checks import check_invariants, snapshot

pytestmark = pytest.mark.integration
STORES = ("falkordb",)

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "corpus" / "demo"
CRASH = "This line makes the worker that reads it die."


def corpus_with_two_bad_files(folder: Path) -> Path:
    """The demo corpus, one file that is refused and one that is empty after cleaning, among the documents."""
    folder.mkdir()
    for path in sorted(DEMO.iterdir()):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "03a_binary.txt").write_bytes(b"\x00\x01\x02 not text at all \xff\xfe")
    (folder / "07a_only_markup.html").write_text("<html><body><p> </p></body></html>", encoding="utf-8")
    return folder


def _run(store: GraphStore, folder: Path, count: int) -> tuple[dict[str, Any], list[str], list[str], str]:
    written: list[str] = []
    errors: list[str] = []
    summary = ingest(
        [str(folder)],
        store,
        Pipelines("en_core_web_md"),
        max_bytes=200_000,
        workers=count,
        on_error=lambda exc: errors.append(str(exc)),
        on_document=lambda fragment, _result: written.append(fragment.source.key),
    )
    line = summary.line().split("; ")
    return snapshot(store), written, errors, "; ".join(line[:2])


def test_two_workers_write_the_graph_one_process_writes_in_the_same_order(store: GraphStore, tmp_path: Path) -> None:
    folder = corpus_with_two_bad_files(tmp_path / "docs")
    one = _run(store, folder, 1)
    check_invariants(store)
    store.run("MATCH (n) DETACH DELETE n", write=True)
    two = _run(store, folder, 2)
    check_invariants(store)
    assert two == one
    graph, written, errors, counts = two
    assert counts == "15 new, 0 unchanged, 0 replaced, 2 failed; 77 entities and 188 claims written"
    assert len(written) == 15 and len(graph["edges"]) > 100
    assert [e.split(":")[0].rsplit("/", 1)[-1] for e in errors] == ["03a_binary.txt", "07a_only_markup.html"]
    again = _run(store, folder, 2)
    assert again[0] == graph and again[3].startswith("0 new, 15 unchanged")


def _dies_on_the_marked_document(chunk: list[Prepared | DocumentError]) -> list[Fragment | DocumentError]:
    if any(isinstance(item, Prepared) and CRASH in item.text for item in chunk):
        os._exit(3)  # as a crash in native code or the OOM killer would: no exception, no reply
    return _extract_chunk(chunk)


_extract_chunk = workers._extract_chunk


@pytest.mark.parametrize(("count", "crash", "chunk"), [(6, 2, 2), (9, 5, 1)])
def test_a_document_that_kills_its_worker_costs_that_document_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int, crash: int, chunk: int
) -> None:
    """With 2 workers and 4 chunks in flight: first with every chunk sent before any ends, then with more chunks
    than that and a slow reader (as the writer is on Neo4j), so that the worker dies while this process is not
    waiting on the pool, and the pool is found broken when the next chunk is sent."""
    folder = tmp_path / "docs"
    folder.mkdir()
    names = []
    for number, path in enumerate(sorted(DEMO.glob("*.txt"))[:count]):
        text = path.read_text(encoding="utf-8")
        if number == crash:
            text += f"\n\n{CRASH}\n"
        (folder / path.name).write_text(text, encoding="utf-8")
        names.append(path.name)
    monkeypatch.setattr(workers, "_extract_chunk", _dies_on_the_marked_document)
    nlp = get_pipeline("en_core_web_md")
    found = []
    for fragment in workers.extract_in_workers(prepared_documents([str(folder)], 200_000), nlp, 2, chunk=chunk):
        found.append(fragment)
        time.sleep(0.5 if chunk == 1 else 0)
    assert [Path(f.source.path or "").name if isinstance(f, Fragment) else "error" for f in found] == [
        *names[:crash],
        "error",
        *names[crash + 1 :],
    ]
    assert str(found[crash]).startswith(f"{folder / names[crash]}: its worker process ended while extracting it (")
    monkeypatch.undo()
    expected = list(extract_all(prepared_documents([str(folder)], 200_000), nlp))
    assert [f for i, f in enumerate(found) if i != crash] == [f for i, f in enumerate(expected) if i != crash]
    assert multiprocessing.active_children() == []  # every pool the run started has ended


def test_away_from_the_main_thread_the_documents_are_extracted_here(tmp_path: Path) -> None:
    """Forking from another thread is not safe (``dakg.ingest.parsing.fork_is_safe``): no worker is started."""
    nlp = get_pipeline("en_core_web_md")
    paths = [str(DEMO / "02_us_rwanda_agreed.txt")]
    seen: dict[str, object] = {}

    def run() -> None:
        seen["found"] = list(workers.extract_in_workers(prepared_documents(paths, 200_000), nlp, 2))
        seen["children"] = multiprocessing.active_children()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen["children"] == []
    assert seen["found"] == list(extract_all(prepared_documents(paths, 200_000), nlp))
