"""Soak: many clients on the API for minutes while `dakg ingest` writes to the same store.

    .venv/bin/python -m benchmarks.soak [--sources 3000] [--clients 8] [--seconds 240] [--words 60000]
                                        [--store falkordb] [--interval 10]

1. A fresh store (``--store``: the embedded FalkorDB or a local Neo4j 5) gets the API benchmark's synthetic
   graph (``benchmarks.api.synthetic_fragments``: ``--sources`` sources, about ten claims each, long-tailed
   agreements), written through the ingest loader.
2. ``dakg serve`` serves it; ``dakg ingest`` starts on ``--words`` words of copies of the demo and held-out
   documents (each copy a new source, as ``benchmarks.ingest`` builds them) into the same graph.
3. ``--clients`` concurrent clients (a separate process) send, for ``--seconds``, a mix of the headline
   ``GET /agreements?host=`` (the busiest host, and others), ``GET /agreements/{key}``, ``GET /sources`` pages
   at random offsets, and ``GET /search``.
4. Every ``--interval`` seconds: requests, p50/p99, server errors (any 5xx or a failed connection) in that
   interval, and the resident memory of the API process and of the store server.

Results go to ``benchmarks/results/soak.json`` (``--out`` names another file there); the run fails (exit 1)
if any server error was seen.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.api import HOSTS, synthetic_fragments
from benchmarks.common import BenchStore
from benchmarks.ingest import build_corpus

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
GRAPH = "bench_soak"
WORDS = ["Rwanda", "agreement", "deportees", "Uganda", "memorandum", "Kigali", "transfer", "Eswatini"]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def _rss_mb(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kb = next((line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")), None)
    return round(int(kb) / 1024, 1) if kb is not None else None


def _paths(rng: random.Random, busiest: str, keys: list[str], sources: int) -> str:
    kind = rng.random()
    if kind < 0.4:
        return f"/agreements?host={busiest if rng.random() < 0.5 else rng.choice(HOSTS)}"
    if kind < 0.6:
        return f"/agreements/{rng.choice(keys)}"
    if kind < 0.8:
        return f"/sources?limit=20&offset={rng.randrange(0, max(sources - 20, 1))}"
    return f"/search?q={rng.choice(WORDS)}"


async def _load(base: str, clients: int, seconds: float, busiest: str, keys: list[str], sources: int) -> Any:
    import httpx

    records: list[tuple[float, float, int, str]] = []  # (when, seconds, status or 0 for a failed connection, path)
    began = time.perf_counter()
    stop = began + seconds

    async def client(number: int, session: httpx.AsyncClient) -> None:
        rng = random.Random(number)
        while time.perf_counter() < stop:
            path = _paths(rng, busiest, keys, sources)
            started = time.perf_counter()
            try:
                response = await session.get(path)
                await response.aread()
                status = response.status_code
            except httpx.HTTPError:
                status = 0
            records.append((started - began, time.perf_counter() - started, status, path.split("?")[0]))

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as session:
        await asyncio.gather(*(client(n, session) for n in range(clients)))
    return records


def _load_child(base: str, clients: int, seconds: float, busiest: str, keys: list[str], sources: int, out: Any) -> None:
    out.put(asyncio.run(_load(base, clients, seconds, busiest, keys, sources)))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def soak(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    import httpx

    from dakg.ingest.load import load_fragment
    from dakg.store import open_store

    bench = BenchStore(args.store, work / args.store, GRAPH)
    bench.start()
    serve = ingest = None
    try:
        store = open_store(bench.settings(max_rows=100_000), start_embedded=False)
        store.apply_schema()
        started = time.perf_counter()
        for fragment in synthetic_fragments(args.sources):
            load_fragment(store, fragment)
        load_seconds = time.perf_counter() - started
        by_host = store.run(
            "MATCH (a:Agreement)<-[:REPORTS]-(s:Source) RETURN a.host AS host, count(s) AS n ORDER BY n DESC, host"
        )[0]
        keys = [r["key"] for r in store.run("MATCH (a:Agreement) RETURN a.key AS key ORDER BY key")[0]]
        store.close()
        busiest = by_host[0]["host"]
        print(f"{args.sources} sources written in {load_seconds:.0f} s; busiest host {busiest}", flush=True)

        corpus = work / "corpus"
        corpus.mkdir()
        documents, words = build_corpus(corpus, args.words)
        env = {k: v for k, v in os.environ.items() if not k.startswith("DAKG_")}
        env.update(bench.env(), DAKG_MAX_ROWS="100000")
        port = _free_port()
        api_log = open(work / "serve.log", "wb")  # noqa: SIM115 - open for the server's whole life
        serve = subprocess.Popen(
            [str(REPO / ".venv" / "bin" / "dakg"), "serve", "--port", str(port)],
            env=env,
            stdout=api_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                if httpx.get(base + "/health", timeout=10).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        ingest_log = open(work / "ingest.log", "wb")  # noqa: SIM115
        ingest = subprocess.Popen(
            [str(REPO / ".venv" / "bin" / "dakg"), "ingest", str(corpus)],
            env=env,
            stdout=ingest_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        context = mp.get_context("spawn")
        queue = context.Queue()
        load = context.Process(
            target=_load_child, args=(base, args.clients, args.seconds, busiest, keys, args.sources, queue)
        )
        began = time.perf_counter()
        load.start()
        samples: list[dict[str, Any]] = []
        while load.is_alive() and time.perf_counter() - began < args.seconds + 120:
            samples.append(
                {
                    "t": round(time.perf_counter() - began, 1),
                    "api_rss_mb": _rss_mb(serve.pid),
                    "store_rss_mb": _rss_mb(bench.server.pid()),
                    "ingest_running": ingest.poll() is None,
                }
            )
            time.sleep(args.interval)
            if not queue.empty():
                break
        records: list[tuple[float, float, int, str]] = queue.get(timeout=300)
        load.join()
        ingest_done = ingest.poll() is not None
        ingest_lines = (work / "ingest.log").read_text(errors="replace").splitlines()
        api_lines = (work / "serve.log").read_text(errors="replace").splitlines()
        return _report(args, records, samples, load_seconds, documents, words, ingest_done, ingest_lines, api_lines)
    finally:
        for proc in (ingest, serve):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGINT)
                try:
                    proc.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
        bench.stop()


def _errors(lines: list[str]) -> dict[str, int]:
    """Each exception the API's log shows (a traceback's last line, or an ERROR line), with how often."""
    found: dict[str, int] = {}
    in_traceback = False
    for i, line in enumerate(lines):
        if line.startswith("Traceback"):
            in_traceback = True
        elif in_traceback and line and not line.startswith((" ", "\t")) and not line.startswith("During handling"):
            if not (i + 1 < len(lines) and lines[i + 1].startswith(("  ", "The above exception"))):
                found[line[:300]] = found.get(line[:300], 0) + 1
                in_traceback = False
        elif " ERROR " in line or line.startswith("ERROR"):
            key = line[:300]
            found[key] = found.get(key, 0) + 1
    return dict(sorted(found.items(), key=lambda kv: -kv[1])[:20])


def _report(
    args: argparse.Namespace,
    records: list[tuple[float, float, int, str]],
    samples: list[dict[str, Any]],
    load_seconds: float,
    documents: int,
    words: int,
    ingest_done: bool,
    ingest_lines: list[str],
    api_lines: list[str],
) -> dict[str, Any]:
    errors = [r for r in records if r[2] == 0 or r[2] >= 500]
    timeline = []
    for sample in samples:
        end = sample["t"]
        start = end - args.interval
        window = [r[1] * 1000 for r in records if start <= r[0] < end]
        timeline.append(
            {
                **sample,
                "requests": len(window),
                "p50_ms": round(_percentile(window, 0.5), 1),
                "p99_ms": round(_percentile(window, 0.99), 1),
                "server_errors": sum(1 for r in errors if start <= r[0] < end),
            }
        )
    by_path: dict[str, Any] = {}
    for path in sorted({r[3] if not r[3].startswith("/agreements/") else "/agreements/{key}" for r in records}):
        lat = [
            r[1] * 1000
            for r in records
            if (r[3] if not r[3].startswith("/agreements/") else "/agreements/{key}") == path
        ]
        by_path[path] = {
            "requests": len(lat),
            "p50_ms": round(_percentile(lat, 0.5), 1),
            "p99_ms": round(_percentile(lat, 0.99), 1),
        }
    statuses: dict[str, int] = {}
    for r in records:
        statuses[str(r[2])] = statuses.get(str(r[2]), 0) + 1
    warm = [s for s in timeline if s["t"] >= 60 and s["api_rss_mb"] is not None]
    all_lat = [r[1] * 1000 for r in records]
    return {
        "command": "python -m benchmarks.soak "
        + f"--sources {args.sources} --clients {args.clients} --seconds {args.seconds} --words {args.words} "
        + f"--store {args.store} --interval {args.interval}",
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared), Python {platform.python_version()}",
        "store": args.store,
        "graph": {"synthetic_sources": args.sources, "load_seconds": round(load_seconds, 1)},
        "ingest_during_soak": {
            "documents": documents,
            "words": words,
            "finished": ingest_done,
            "last_line": ingest_lines[-1] if ingest_lines else "",
        },
        "clients": args.clients,
        "seconds": args.seconds,
        "requests": len(records),
        "rps": round(len(records) / args.seconds, 1),
        "statuses": statuses,
        "server_errors": len(errors),
        "p50_ms": round(_percentile(all_lat, 0.5), 1),
        "p99_ms": round(_percentile(all_lat, 0.99), 1),
        "by_path": by_path,
        "memory_after_warm_up_mb": {
            "api": [min(s["api_rss_mb"] for s in warm), max(s["api_rss_mb"] for s in warm)] if warm else None,
            "store": [min(s["store_rss_mb"] for s in warm), max(s["store_rss_mb"] for s in warm)] if warm else None,
        },
        "api_log_tracebacks": sum(1 for line in api_lines if line.startswith("Traceback")),
        "api_log_errors": _errors(api_lines),
        "timeline": timeline,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sources", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=240)
    parser.add_argument("--words", type=int, default=60_000, help="words of documents dakg ingest writes meanwhile")
    parser.add_argument("--store", choices=("falkordb", "neo4j"), default="falkordb")
    parser.add_argument("--interval", type=float, default=10)
    parser.add_argument("--out", default="soak.json", help="file under benchmarks/results/ for the result")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dakg-soak-"))
    try:
        result = soak(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "timeline"}, indent=1))
    if result["server_errors"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
