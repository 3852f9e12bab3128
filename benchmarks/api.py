"""Latency and throughput of the headline query, over HTTP and directly on the store, in the same run, on each
store: the embedded FalkorDB and a local Neo4j 5.

    .venv/bin/python -m benchmarks.api [--sources 10000] [--clients 1,4,8] [--seconds 20] [--stores falkordb,neo4j]
        [--output api.json]

1. Generates a synthetic graph in a fresh store of each kind: ``--sources`` sources, about ten claims each
   (status, cap, payment, date, official), over ~100 agreements between 8 deporting and 32 host states, with a
   long-tailed fan-out (the most reported agreement has thousands of sources, most have a handful). It is
   written through the ingest loader, one atomic write per document.
2. Serves it with ``dakg serve`` (one uvicorn process) and sends ``GET /agreements?host=<busiest host>``
   from ``--clients`` concurrent clients for ``--seconds`` (a separate process, responses read but not
   parsed).
3. Runs the very queries one request of that endpoint runs (``agreements_count``, ``agreements_page``,
   ``agreement_stamps``, ``agreement_source_claims``; the per-agreement overview comes from a cache kept while
   the agreement's stamp stands) directly on the store from as many threads, for as long: the API's overhead is
   the ratio of the two. The overview queries a cache miss adds are timed once, single-threaded.
4. With both stores, the same cells are compared across stores: Neo4j's figures over FalkorDB's.

Results go to ``benchmarks/results/`` ``--output`` (``api.json``).
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
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.common import BenchStore, in_child, parse_stores

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
GRAPH = "bench_api"

DEPORTING = ["USA", "GBR", "ISR", "ITA", "DNK", "DEU", "AUS", "NLD"]
HOSTS = [
    "RWA", "UGA", "SWZ", "SSD", "ALB", "SLV", "CRI", "PAN", "GHA", "KEN", "NRU", "PNG", "MEX", "GTM", "HND", "XKX",
    "LBY", "TUN", "MAR", "EGY", "JOR", "TUR", "SRB", "MNE", "MKD", "BIH", "GEO", "ARM", "KAZ", "UZB", "MNG", "LAO",
]  # fmt: skip
STATUSES = ["proposed", "under_negotiation", "agreed", "signed", "implemented", "suspended", "scrapped"]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def synthetic_fragments(sources: int, seed: int = 7) -> Any:
    """Fragments shaped like real ones (offsets into a real text), with a long-tailed choice of agreements."""
    from dakg.ingest.fragment import (
        AgreementOut,
        ClaimOut,
        CountryOut,
        EvidenceOut,
        Fragment,
        OfficialOut,
        SourceOut,
        text_key,
    )
    from dakg.ingest.gazetteer import countries

    rng = random.Random(seed)
    names = countries()
    pairs = [(d, h) for d in DEPORTING for h in HOSTS if rng.random() < 0.4]
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(pairs))]  # Zipf-like: a few agreements dominate
    for i in range(sources):
        chosen = {pairs[j] for j in rng.choices(range(len(pairs)), weights=weights, k=rng.choice((1, 1, 2, 3)))}
        sentences: list[str] = []
        spans: list[tuple[int, int]] = []
        caps: dict[tuple[int, int], int] = {}  # the cap each sentence states (a cap claim must quote its number)
        position = 0
        for n in range(12):
            cap = rng.randint(50, 5000)
            sentence = (
                f"Synthetic report {i} sentence {n}: officials said the arrangement on deportees was "
                f"{rng.choice(STATUSES).replace('_', ' ')} and up to {cap} people could be moved."
            )
            sentences.append(sentence)
            spans.append((position, position + len(sentence)))
            caps[spans[-1]] = cap
            position += len(sentence) + 1
        text = " ".join(sentences)
        agreements = []
        for d, h in sorted(chosen):
            claims = []
            for _ in range(max(2, 11 // len(chosen))):
                start, end = rng.choice(spans)
                field = rng.choice(("status", "status", "status", "cap", "payment", "date"))
                value: Any = {
                    "status": rng.choice(STATUSES),
                    "cap": caps[(start, end)],
                    "payment": {"amount": float(rng.choice((5.1e6, 1.2e8, 2.9e8))), "currency": "USD"},
                    "date": f"20{rng.randint(18, 25)}-0{rng.randint(1, 9)}",
                }[field]
                claims.append(
                    ClaimOut(
                        field=field,  # type: ignore[arg-type]
                        value=value,
                        quote=text[start:end],
                        start=start,
                        end=end,
                        confidence=round(rng.uniform(0.3, 0.95), 2),
                        evidence=[EvidenceOut(start=start, end=end, text=text[start:end], role="value")],
                    )
                )
            agreements.append(AgreementOut(key=f"{d}-{h}", deporting=d, host=h, name=f"{d} → {h}", claims=claims))
        start, end = spans[0]
        officials = []
        if rng.random() < 0.3:
            who = rng.randint(0, 200)
            officials.append(
                OfficialOut(
                    key=f"official-{who}",
                    name=f"Official {who}",
                    country=rng.choice(DEPORTING + HOSTS),
                    role="minister",
                    confidence=0.8,
                    quote=text[start:end],
                    start=start,
                    end=end,
                    role_evidence=[EvidenceOut(start=start, end=end, text=text[start:end], role="value")],
                    country_evidence=[EvidenceOut(start=start, end=end, text=text[start:end], role="country")],
                )
            )
        mentioned = sorted({c for pair in chosen for c in pair})
        yield Fragment(
            source=SourceOut(
                key=text_key(text),
                path=f"synthetic/{i}.txt",
                title=f"Synthetic report {i}",
                outlet=f"Outlet {i % 40}",
                published=f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                text=text,
                words=len(text.split()),
                extractor_version="synthetic",
            ),
            countries=[CountryOut(key=c, name=names.name(c), mentions=[(start, start + 1)]) for c in mentioned],
            officials=officials,
            agreements=agreements,
            migrant_groups=[],
        )


async def _http_load(url: str, clients: int, seconds: float) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    errors = 0
    sizes: list[int] = []
    stop = time.perf_counter() + seconds

    async def client(session: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < stop:
            started = time.perf_counter()
            response = await session.get(url)
            body = await response.aread()
            latencies.append(time.perf_counter() - started)
            sizes.append(len(body))
            if response.status_code != 200:
                errors += 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=60, limits=limits) as session:
        await session.get(url)  # warm up
        began = time.perf_counter()
        await asyncio.gather(*(client(session) for _ in range(clients)))
        elapsed = time.perf_counter() - began
    return {"latencies": latencies, "elapsed": elapsed, "errors": errors, "bytes": statistics.mean(sizes)}


def _http_child(url: str, clients: int, seconds: float, out: Any) -> None:
    out.put(asyncio.run(_http_load(url, clients, seconds)))


def _direct_child(values: dict[str, Any], host: str, clients: int, seconds: float, out: Any) -> None:
    """The queries one request of the endpoint runs once its overview cache is warm."""
    from dakg.config import Settings
    from dakg.store import open_store

    settings = Settings(**values)
    store = open_store(settings, start_embedded=False)
    # The API's defaults: its min_confidence, every field, at most 50 claims a source (answers/agreements.py).
    confidence = settings.min_confidence
    filters = {"host": host, "deporting": None, "status": None, "min_confidence": confidence}
    rows = store.read("agreements_page", {**filters, "skip": 0, "limit": 20})
    keys = [r["agreement"]["key"] for r in rows]
    ordered = store.read("agreement_sources_ordered", {"keys": keys, "min_confidence": confidence})  # the cache's
    pairs = [{"subject": r["key"], "source": entry["source"]} for r in ordered for entry in r["ordered"][:20]]

    def headline() -> None:
        store.read("agreements_count", filters)
        store.read("agreements_page", {**filters, "skip": 0, "limit": 20})
        store.read("agreement_stamps", {"keys": keys})
        store.read("agreement_source_claims", {"pairs": pairs, "fields": None, "claims_limit": 50})

    def cold() -> None:
        store.read("agreement_positions", {"keys": keys, "min_confidence": confidence})
        store.read("agreement_sources_ordered", {"keys": keys, "min_confidence": confidence})

    started = time.perf_counter()
    cold()
    cold_ms = (time.perf_counter() - started) * 1000
    headline()
    latencies: list[float] = []
    stop = time.perf_counter() + seconds

    def worker() -> None:
        while time.perf_counter() < stop:
            began = time.perf_counter()
            headline()
            latencies.append(time.perf_counter() - began)

    began = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put({"latencies": latencies, "elapsed": time.perf_counter() - began, "errors": 0, "cold_ms": cold_ms})


def _summary(run: dict[str, Any]) -> dict[str, Any]:
    lat = [x * 1000 for x in run["latencies"]]
    return {
        "requests": len(lat),
        "rps": round(len(lat) / run["elapsed"], 1),
        "p50_ms": round(_percentile(lat, 0.50), 1),
        "p99_ms": round(_percentile(lat, 0.99), 1),
        "errors": run["errors"],
    }


def bench_store(kind: str, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Load the synthetic graph into a fresh store of ``kind``, serve it, and measure every cell on it."""
    import httpx

    from dakg.ingest.load import load_fragment
    from dakg.store import open_store

    folder = work / kind
    if args.data is not None:
        (args.data / kind).mkdir(parents=True, exist_ok=True)
        folder.symlink_to((args.data / kind).resolve())
    bench = BenchStore(kind, folder, GRAPH)
    bench.start()
    proc = None
    try:
        settings = bench.settings(max_rows=100_000)
        store = open_store(settings, start_embedded=False)
        started = time.perf_counter()
        claims = 0
        existing = {r["label"]: r["nodes"] for r in store.read("graph_stats")}
        if existing.get("Source") != args.sources:
            store.run("MATCH (n) DETACH DELETE n", write=True)
            store.apply_schema()
            for fragment in synthetic_fragments(args.sources):
                claims += load_fragment(store, fragment).claims
        else:
            claims = existing.get("Claim", 0)
        load_seconds = time.perf_counter() - started
        counts = {r["label"]: r["nodes"] for r in store.read("graph_stats")}
        by_host = store.run(
            "MATCH (a:Agreement)<-[:REPORTS]-(s:Source) RETURN a.host AS host, count(s) AS n ORDER BY n DESC, host"
        )[0]
        hosts = {"busiest": by_host[0]["host"], "median": by_host[len(by_host) // 2]["host"]}
        fanout = store.run(
            "MATCH (a:Agreement)<-[:ABOUT]-(:Claim)<-[:CLAIMS]-(s:Source) WITH a, count(DISTINCT s) AS n "
            "RETURN max(n) AS most, min(n) AS least, avg(n) AS mean, count(a) AS agreements"
        )[0][0]
        store.close()
        print(f"{kind}: {counts} written in {load_seconds:.0f}s; hosts {hosts}; sources per agreement {fanout}")

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith("DAKG_")}
        env.update(bench.env(), DAKG_MAX_ROWS="100000")
        proc = subprocess.Popen(
            [str(REPO / ".venv" / "bin" / "dakg"), "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(base + "/health", timeout=10).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        runs = []
        for label, code in hosts.items():
            url = f"{base}/agreements?host={code}"
            size = len(httpx.get(url, timeout=60).content)
            reported = next(r["n"] for r in by_host if r["host"] == code)
            for clients in [int(c) for c in args.clients.split(",")]:
                http = in_child(_http_child, url, clients, args.seconds)
                direct = in_child(_direct_child, bench.values(max_rows=100_000), code, clients, args.seconds)
                api, store_side = _summary(http), _summary(direct)
                runs.append(
                    {
                        "host": f"{code} ({label}: {reported} source reports)",
                        "cache_miss_extra_ms": round(direct["cold_ms"], 1),
                        "clients": clients,
                        "response_bytes": size,
                        "api": api,
                        "direct_on_store": store_side,
                        "ratio_p50": round(api["p50_ms"] / store_side["p50_ms"], 2),
                        "ratio_p99": round(api["p99_ms"] / store_side["p99_ms"], 2),
                    }
                )
                print(
                    f"  {kind:<8} {code:>4} {clients:>2} clients: API p50 {api['p50_ms']} ms p99 {api['p99_ms']} ms "
                    f"{api['rps']} rps | store p50 {store_side['p50_ms']} ms p99 {store_side['p99_ms']} ms "
                    f"{store_side['rps']} rps"
                )
        return {
            "graph": {
                "nodes": counts,
                "claims_written": claims,
                "load_seconds": round(load_seconds, 1),
                "sources_per_agreement": {k: round(v, 1) for k, v in fanout.items()},
            },
            "store_memory": bench.memory(),
            "runs": runs,
        }
    finally:
        if proc is not None:
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(timeout=60)
        bench.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=int, default=10_000)
    parser.add_argument("--clients", default="1,4,8", help="Concurrent clients, a comma-separated list.")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--stores", default="falkordb,neo4j", help="Stores to measure: falkordb, neo4j or both.")
    parser.add_argument("--data", type=Path, help="Keep the generated graphs in this folder and reuse them next time.")
    parser.add_argument("--output", default="api.json", help="File name under benchmarks/results/.")
    args = parser.parse_args()
    stores = parse_stores(args.stores)

    work = Path(tempfile.mkdtemp(prefix="dakg-bench-api-"))
    try:
        per_store = {kind: bench_store(kind, work, args) for kind in stores}
        result: dict[str, Any] = {
            "command": f"python -m benchmarks.api --sources {args.sources} --clients {args.clients} "
            f"--seconds {args.seconds:g} --stores {','.join(stores)} --output {args.output}",
            "when": time.strftime("%Y-%m-%d %H:%M"),
            "machine": f"{platform.machine()}, {mp.cpu_count()} cores, Python {platform.python_version()}",
            "query": "GET /agreements?host=<code> (default page: 20 agreements, 20 sources each, all claims)",
            "stores": per_store,
        }
        if len(stores) == 2:
            # The same cell on both stores (the same synthetic graph, so the same hosts): Neo4j over FalkorDB.
            result["neo4j_over_falkordb"] = [
                {
                    "host": f["host"],
                    "clients": f["clients"],
                    "api_p50": round(n["api"]["p50_ms"] / f["api"]["p50_ms"], 2),
                    "api_rps": round(n["api"]["rps"] / f["api"]["rps"], 2),
                    "store_p50": round(n["direct_on_store"]["p50_ms"] / f["direct_on_store"]["p50_ms"], 2),
                }
                for f, n in zip(per_store["falkordb"]["runs"], per_store["neo4j"]["runs"], strict=True)
            ]
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / args.output).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
