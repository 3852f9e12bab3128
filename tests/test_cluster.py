"""The distributed path: ``dakg extract --dask`` on a local Dask cluster, then ``dakg load``, gives the graph
``dakg ingest`` gives (``dakg.ingest.cluster``, ``dakg.ingest.fragment_files``)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from dakg.errors import DakgError
from dakg.ingest.cluster import MapSummary, extract_on_dask
from dakg.ingest.fragment_files import read_fragments
from dakg.ingest.nlp import Pipelines
from dakg.ingest.pipeline import ingest, write_all
from dakg.store import EmbeddedServer, GraphStore

from .graph_checks import check_invariants, snapshot
from .test_workers import corpus_with_two_bad_files

pytestmark = pytest.mark.integration
STORES = ("falkordb",)

REPO = Path(__file__).resolve().parents[1]
DAKG = str(REPO / ".venv" / "bin" / "dakg")


def test_a_local_cluster_and_the_loader_write_the_graph_ingest_writes(store: GraphStore, tmp_path: Path) -> None:
    folder = corpus_with_two_bad_files(tmp_path / "docs")
    errors: list[str] = []
    by_ingest = ingest(
        [str(folder)], store, Pipelines("en_core_web_md"), max_bytes=200_000, on_error=lambda e: errors.append(str(e))
    )
    graph = snapshot(store)
    store.run("MATCH (n) DETACH DELETE n", write=True)

    out = tmp_path / "parts"
    mapped = extract_on_dask(
        [str(folder)], out, "local", spacy_model="en_core_web_md", max_bytes=200_000, workers=2, chunk=4
    )
    assert mapped == MapSummary(fragments=15, errors=2, parts=5)  # 17 documents read, 4 to a chunk
    assert sorted(p.name for p in out.iterdir()) == [f"part-{n:06d}.jsonl" for n in range(5)]
    loaded_errors: list[str] = []
    by_load = write_all(read_fragments([out]), store, on_error=lambda e: loaded_errors.append(str(e)))
    check_invariants(store)
    assert snapshot(store) == graph
    assert loaded_errors == errors and len(errors) == 2
    assert (by_load.new, by_load.failed, by_load.entities, by_load.claims) == (
        by_ingest.new,
        by_ingest.failed,
        by_ingest.entities,
        by_ingest.claims,
    )
    with pytest.raises(DakgError, match=r"already holds \.jsonl files; give an empty folder"):
        extract_on_dask([str(folder)], out, "local", spacy_model="en_core_web_md", max_bytes=200_000)


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([DAKG, *args], env=env, capture_output=True, text=True, timeout=600, check=False)


def test_the_commands_extract_on_a_cluster_then_load_once(
    cli_env: Callable[..., dict[str, str]], tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Uganda has agreed to accept migrants deported from the United States.\n")
    (docs / "b.txt").write_bytes(bytes(range(256)))
    out = tmp_path / "parts"
    env = cli_env(DAKG_DATA_DIR=str(tmp_path / "store"))
    mapped = _run(env, "extract", "--dask", "local", "--workers", "2", "--out", str(out), str(docs))
    assert mapped.returncode == 0, mapped.stderr
    assert f"1 documents extracted and 1 skipped, in 1 parts under {out}" in mapped.stderr
    [fragment_line, error_line] = (out / "part-000000.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(fragment_line)["source"]["path"] == str(docs / "a.txt")
    assert json.loads(error_line) == {"error": f"{docs / 'b.txt'}: binary file (contains NUL bytes)"}
    try:
        first = _run(env, "load", str(out))
        assert first.returncode == 1  # the document the extraction skipped is reported again, as ingest would
        assert [line for line in first.stderr.splitlines() if line.startswith("skipped: ")] == [
            f"skipped: {docs / 'b.txt'}: binary file (contains NUL bytes)"
        ]
        assert "1 new, 0 unchanged, 0 replaced, 1 failed" in first.stderr
        again = _run(env, "load", str(out / "part-000000.jsonl"))
        assert "0 new, 1 unchanged, 0 replaced, 1 failed" in again.stderr
        assert "Traceback" not in mapped.stderr + first.stderr + again.stderr
    finally:
        EmbeddedServer(tmp_path / "store").stop()


def test_a_scheduler_that_cannot_be_reached_is_said_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(DakgError, match=r"^cannot reach the Dask scheduler at nonsense://: unknown address scheme"):
        extract_on_dask([str(tmp_path)], tmp_path / "parts", "nonsense://", spacy_model="x", max_bytes=1000)
