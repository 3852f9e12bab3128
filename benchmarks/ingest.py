"""Ingest throughput and peak memory, as a ratio against bare spaCy on the same texts in the same run.

    .venv/bin/python -m benchmarks.ingest [--words 200000] [--repeats 2] [--processes 1] [--workers 1]
        [--stores falkordb,neo4j] [--write-batch 1] [--output ingest.json]

1. Builds a corpus of at least ``--words`` words from the bundled demo and held-out documents (each copy made
   distinct by a numbered closing line, so every copy is a new source).
2. Reference: ``nlp.pipe`` of the very pipeline ingest uses, over the cleaned texts, same batch size.
3. End to end: ``dakg.ingest.pipeline.ingest`` from the files into a fresh store of each kind ``--stores``
   names, the embedded FalkorDB and a local Neo4j 5 (read, clean, spaCy, extract, one atomic write per
   document). With ``--processes 1`` its spaCy runs in one forked child while the benchmark's process extracts
   and writes (``dakg.ingest.parsing``): the same one parser as the reference, beside the rest of the work; the
   child's peak RSS is reported apart. With ``--workers N`` (N ≥ 2) the end-to-end run parses and extracts in
   N worker processes (``dakg ingest --workers N``, ``dakg.ingest.workers``) while the reference stays one
   ``nlp.pipe`` of ``--processes`` processes: the ratio is then the speed-up over bare spaCy on one core.
   The same ingest then also runs in one process (parse, extract and write taking turns, no child), and
   ``ratio_over_one_process`` is the workers' speed-up over it.

Each measurement runs in a fresh child process (model loading and server start are not timed), alternating
reference and end to end ``--repeats`` times; the best of each is reported, with the child's peak RSS and the
store's memory, and the ratio of each store's end-to-end rate to bare spaCy and of Neo4j's to FalkorDB's.
Results go to ``benchmarks/results/`` ``--output`` (``ingest.json``).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import platform
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import BenchStore, in_child, parse_stores

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "corpus" / "demo", REPO / "tests" / "data" / "heldout"]
RESULTS = REPO / "benchmarks" / "results"


def build_corpus(folder: Path, words: int) -> tuple[int, int]:
    """Copies of the bundled documents until ``words`` is reached; returns (documents, words)."""
    from dakg.errors import DocumentError
    from dakg.ingest.read import read_documents

    base = [d for d in read_documents([str(p) for p in SOURCES], 1_000_000) if not isinstance(d, DocumentError)]
    total = count = 0
    copy = 0
    while total < words:
        for doc in base:
            text = f"{doc.text}\n\nThis copy is number {copy} of document {count} in the benchmark corpus."
            (folder / f"doc{count:05d}.txt").write_text(text, encoding="utf-8")
            total += len(text.split())
            count += 1
            if total >= words:
                break
        copy += 1
    return count, total


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_peak_rss_mb() -> float:
    """The largest peak of the ended children: ingest's parse process (dakg.ingest.parsing)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _bare(folder: str, model: str, batch: int, processes: int, out: Any) -> None:
    from dakg.ingest.nlp import get_pipeline
    from dakg.ingest.pipeline import prepared_documents

    nlp = get_pipeline(model)
    texts = [p.text for p in prepared_documents([folder], 1_000_000) if hasattr(p, "text")]
    nlp("warm up")
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch, n_process=processes):
        pass
    seconds = time.perf_counter() - started
    out.put({"docs": len(texts), "words": words, "seconds": seconds, "peak_rss_mb": _peak_rss_mb()})


def _end_to_end(
    folder: str,
    model: str,
    batch: int,
    processes: int,
    workers: int,
    data_dir: str,
    kind: str,
    write_batch: int,
    out: Any,
) -> None:
    from dakg.ingest.nlp import get_pipeline
    from dakg.ingest.pipeline import ingest
    from dakg.store import open_store

    # This child was spawned (a clean interpreter per measurement), which makes spawn its default way to start
    # processes; `dakg ingest` on Linux forks, as every Python before 3.14 there does by default, and that is
    # what lets it parse in a child without loading the pipeline again (dakg.ingest.parsing).
    mp.set_start_method("fork", force=True)
    bench = BenchStore(kind, Path(data_dir), "bench")
    bench.start()
    try:
        store = open_store(bench.settings(), start_embedded=False)
        store.apply_schema()
        nlp = get_pipeline(model)
        nlp("warm up")
        summary = ingest(
            [folder],
            store,
            nlp,
            max_bytes=1_000_000,
            batch_size=batch,
            processes=processes,
            workers=workers,
            write_batch=write_batch,
        )
        store.close()
        out.put(
            {
                "docs": summary.documents,
                "failed": summary.failed,
                "words": summary.words,
                "seconds": summary.seconds,
                "claims": summary.claims,
                "peak_rss_mb": _peak_rss_mb(),
                "parse_child_peak_rss_mb": _children_peak_rss_mb(),
                "store_memory": bench.memory(),
            }
        )
    finally:
        bench.stop()


def _rates(run: dict[str, Any]) -> dict[str, Any]:
    return {
        "words_per_s": round(run["words"] / run["seconds"]),
        "docs_per_s": round(run["docs"] / run["seconds"], 1),
        "seconds": round(run["seconds"], 2),
        "peak_rss_mb": round(run["peak_rss_mb"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="dakg ingest --workers for the end-to-end runs.")
    parser.add_argument("--output", default="ingest.json", help="File name under benchmarks/results/.")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--model", default="en_core_web_md")
    parser.add_argument("--stores", default="falkordb,neo4j", help="Stores to write to: falkordb, neo4j or both.")
    parser.add_argument(
        "--write-batch",
        type=int,
        default=1,
        help="Documents written in one transaction (DAKG_WRITE_BATCH: Neo4j batches them; FalkorDB writes one by one).",
    )
    args = parser.parse_args()
    stores = parse_stores(args.stores)

    work = Path(tempfile.mkdtemp(prefix="dakg-bench-"))
    try:
        folder = work / "corpus"
        folder.mkdir()
        docs, words = build_corpus(folder, args.words)
        print(f"corpus: {docs} documents, {words:,} words")
        bare_runs: list[dict[str, Any]] = []
        e2e_runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in stores}
        serial_runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in stores}
        for repeat in range(args.repeats):
            bare = in_child(_bare, str(folder), args.model, args.batch_size, args.processes)
            bare_runs.append(bare)
            print(f"  bare nlp.pipe        #{repeat + 1}: {bare['words'] / bare['seconds']:,.0f} words/s")
            for kind in stores:
                e2e = in_child(
                    _end_to_end,
                    str(folder),
                    args.model,
                    args.batch_size,
                    args.processes,
                    args.workers,
                    str(work / f"{kind}{repeat}"),
                    kind,
                    args.write_batch,
                )
                e2e_runs[kind].append(e2e)
                print(f"  end to end, {kind:<8} #{repeat + 1}: {e2e['words'] / e2e['seconds']:,.0f} words/s")
                if args.workers > 1:  # the same ingest in one process: parse, extract and write taking turns
                    one = in_child(
                        _end_to_end,
                        str(folder),
                        args.model,
                        args.batch_size,
                        0,
                        1,
                        str(work / f"{kind}{repeat}s"),
                        kind,
                        args.write_batch,
                    )
                    serial_runs[kind].append(one)
                    print(f"  one process, {kind:<7} #{repeat + 1}: {one['words'] / one['seconds']:,.0f} words/s")
        bare = min(bare_runs, key=lambda r: r["seconds"])
        result: dict[str, Any] = {
            "command": f"python -m benchmarks.ingest --words {args.words} --repeats {args.repeats} "
            f"--processes {args.processes} --workers {args.workers} --batch-size {args.batch_size} "
            f"--model {args.model} --stores {','.join(stores)} --write-batch {args.write_batch} --output {args.output}",
            "when": time.strftime("%Y-%m-%d %H:%M"),
            "machine": f"{platform.machine()}, {mp.cpu_count()} cores, Python {platform.python_version()}",
            "workers": args.workers,
            "corpus": {"documents": docs, "words": words},
            "bare_spacy": _rates(bare),
            "end_to_end": {},
        }
        for kind in stores:
            best = min(e2e_runs[kind], key=lambda r: r["seconds"])
            rates = _rates(best)
            result["end_to_end"][kind] = {
                **rates,
                "parse_child_peak_rss_mb": round(best["parse_child_peak_rss_mb"]),
                "claims_written": best["claims"],
                "failed": best["failed"],
                "store_memory": best["store_memory"],
                "ratio_over_bare": round(rates["words_per_s"] / result["bare_spacy"]["words_per_s"], 3),
            }
            if serial_runs[kind]:
                one = _rates(min(serial_runs[kind], key=lambda r: r["seconds"]))
                result["end_to_end"][kind]["one_process"] = one
                result["end_to_end"][kind]["ratio_over_one_process"] = round(
                    rates["words_per_s"] / one["words_per_s"], 3
                )
        if len(stores) == 2:
            result["ratio_neo4j_over_falkordb"] = round(
                result["end_to_end"]["neo4j"]["words_per_s"] / result["end_to_end"]["falkordb"]["words_per_s"], 3
            )
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / args.output).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
