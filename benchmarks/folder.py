"""A folder of many small files through `dakg ingest`: time and memory as the run goes on.

    .venv/bin/python -m benchmarks.folder [--files 10000] [--store falkordb|neo4j] [--out folder.json]

Writes ``--files`` small documents (each its own text, about 25 words, in folders of 500) and runs this
checkout's ``dakg ingest`` (``benchmarks/checkout.py``) on the folder into a fresh store (``--store``: the
embedded FalkorDB, or a local Neo4j 5 of the benchmark's own), its stderr to a file (not a terminal: the
progress is a line every 100 documents). Records, from those lines, the seconds each tenth of the files took and
the documents a second of each thousand; the resident memory of the run and of the store's server every two
seconds; FalkorDB's slow log (its slowest queries) at the end; and the commit and the query files the reprint
look-up ran. Results go to ``benchmarks/results/<--out>``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import checkout
from benchmarks.common import BenchStore
from benchmarks.soak import _rss_mb

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
HOSTS = ("Rwanda", "Uganda", "Eswatini", "Ghana", "Kosovo")
PROGRESS = re.compile(r"progress: ([\d,]+) of [\d,]+ documents, .*, ([\d,.]+) s$")


def _git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False)
    return done.stdout.strip()


def _code() -> dict[str, Any]:
    """What was measured: the commit, whether the checkout differed from it, and the reprint look-up's files."""
    return {
        "commit": _git("rev-parse", "--short", "HEAD"),
        "changed_files": _git("status", "--porcelain", "--untracked-files=no").splitlines(),
        "reprint_look_up": sorted(p.name for p in (REPO / "cypher").glob("reprint_candidates*.cypher")),
    }


def _slow_log(data_dir: Path) -> list[dict[str, Any]]:
    """The store's slowest queries of the run (FalkorDB keeps the ten slowest): the file in cypher/ (else the
    query's start) and the milliseconds."""
    from dakg.config import Settings
    from dakg.store import open_store
    from dakg.store.falkordb import FalkorStore

    store = open_store(Settings(store_url="embedded", data_dir=data_dir), start_embedded=False)
    try:
        assert isinstance(store, FalkorStore)
        entries = store.connection.execute_command("GRAPH.SLOWLOG", store.graph.name)  # type: ignore[no-untyped-call]
    finally:
        store.close()
    files = {path.read_text(encoding="utf-8"): path.name for path in (REPO / "cypher").glob("*.cypher")}
    found = []
    for entry in entries:  # time stamp, command, query, milliseconds, parameters
        query, ms = (e.decode() if isinstance(e, bytes) else str(e) for e in entry[2:4])
        start = query.strip()[:500]  # the log cuts long queries short
        name = next((name for text, name in files.items() if text.startswith(start)), start[:100])
        found.append({"ms": round(float(ms), 1), "query": name})
    return sorted(found, key=lambda e: -float(e["ms"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--store", choices=("falkordb", "neo4j"), default="falkordb")
    parser.add_argument("--out", default="folder.json", help="file name in benchmarks/results/")
    args = parser.parse_args()
    code = _code()
    work = Path(tempfile.mkdtemp(prefix="dakg-folder-"))
    bench = BenchStore(args.store, work / "store", "dakg")
    try:
        bench.start()
        docs = work / "docs"
        for i in range(args.files):
            folder = docs / f"batch{i // 500:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"doc{i:05d}.txt").write_text(
                f"Report {i}: {HOSTS[i % len(HOSTS)]} has agreed to accept migrants deported from the United "
                f"States under the arrangement described in dispatch number {i}.\n",
                encoding="utf-8",
            )
        env = {k: v for k, v in os.environ.items() if not k.startswith("DAKG_")}
        env.update(bench.env())
        started = time.perf_counter()
        with open(work / "ingest.log", "wb") as log:
            run = subprocess.Popen(checkout.command("ingest", str(docs)), env=env, stdout=log, stderr=log)
            memory: list[tuple[float, float | None]] = []
            store_memory: list[float | None] = []
            while run.poll() is None:
                memory.append((round(time.perf_counter() - started, 1), _rss_mb(run.pid)))
                store_memory.append(_rss_mb(bench.server.pid()))
                time.sleep(2)
        seconds = time.perf_counter() - started
        slow = _slow_log(work / "store") if args.store == "falkordb" else None  # Neo4j Community keeps none
        lines = (work / "ingest.log").read_text(errors="replace").splitlines()
        at = {
            int(m.group(1).replace(",", "")): float(m.group(2).replace(",", ""))
            for m in (PROGRESS.match(line) for line in lines)
            if m
        }
        tenth = args.files // 10
        marks = [n for n in range(tenth, args.files + 1, tenth) if n in at]
        thousands = [n for n in range(1000, args.files + 1, 1000) if n in at]
        result = {
            "command": f"python -m benchmarks.folder --files {args.files} --store {args.store} --out {args.out}",
            "store": args.store,
            "when": time.strftime("%Y-%m-%d %H:%M"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared), Python {platform.python_version()}",
            "files": args.files,
            "exit_status": run.returncode,
            "seconds": round(seconds, 1),
            "summary": lines[-1] if lines else "",
            "progress_lines": len(at),
            "seconds_per_tenth": [round(at[n] - (at[marks[i - 1]] if i else 0.0), 1) for i, n in enumerate(marks)],
            "documents_a_second_per_thousand": [
                round(1000 / (at[n] - (at[thousands[i - 1]] if i else 0.0)), 1) for i, n in enumerate(thousands)
            ],
            "rss_mb": {
                "peak": max((m for _, m in memory if m is not None), default=None),
                "at_each_tenth_of_the_run": [m for _, m in memory[:: max(len(memory) // 10, 1)]],
                "store_peak": max((m for m in store_memory if m is not None), default=None),
            },
            "store_slow_log": slow,
            "code": code,
        }
    finally:
        bench.stop()
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
