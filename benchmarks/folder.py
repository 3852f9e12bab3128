"""A folder of many small files through `dakg ingest`: time and memory as the run goes on.

    .venv/bin/python -m benchmarks.folder [--files 10000]

Writes ``--files`` small documents (each its own text, about 25 words, in folders of 500) and runs
``dakg ingest`` on the folder into a fresh embedded store, its stderr to a file (not a terminal: the progress
is a line every 100 documents). Records, from those lines, the seconds each tenth of the files took, and the
resident memory of the run every two seconds. Results go to ``benchmarks/results/folder.json``.
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

from benchmarks.soak import _rss_mb

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
HOSTS = ("Rwanda", "Uganda", "Eswatini", "Ghana", "Kosovo")
PROGRESS = re.compile(r"progress: ([\d,]+) of [\d,]+ documents, .*, ([\d,.]+) s$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dakg-folder-"))
    try:
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
        env["DAKG_DATA_DIR"] = str(work / "store")
        started = time.perf_counter()
        with open(work / "ingest.log", "wb") as log:
            run = subprocess.Popen(
                [str(REPO / ".venv" / "bin" / "dakg"), "ingest", str(docs)], env=env, stdout=log, stderr=log
            )
            memory: list[tuple[float, float | None]] = []
            while run.poll() is None:
                memory.append((round(time.perf_counter() - started, 1), _rss_mb(run.pid)))
                time.sleep(2)
        seconds = time.perf_counter() - started
        lines = (work / "ingest.log").read_text(errors="replace").splitlines()
        at = {
            int(m.group(1).replace(",", "")): float(m.group(2).replace(",", ""))
            for m in (PROGRESS.match(line) for line in lines)
            if m
        }
        tenth = args.files // 10
        marks = [n for n in range(tenth, args.files + 1, tenth) if n in at]
        result = {
            "command": f"python -m benchmarks.folder --files {args.files}",
            "when": time.strftime("%Y-%m-%d %H:%M"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared), Python {platform.python_version()}",
            "files": args.files,
            "exit_status": run.returncode,
            "seconds": round(seconds, 1),
            "summary": lines[-1] if lines else "",
            "progress_lines": len(at),
            "seconds_per_tenth": [round(at[n] - (at[marks[i - 1]] if i else 0.0), 1) for i, n in enumerate(marks)],
            "rss_mb": {
                "peak": max((m for _, m in memory if m is not None), default=None),
                "at_each_tenth_of_the_run": [m for _, m in memory[:: max(len(memory) // 10, 1)]],
            },
        }
    finally:
        from dakg.store import EmbeddedServer

        EmbeddedServer(work / "store").stop()  # dakg ingest leaves the store it started running
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "folder.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
