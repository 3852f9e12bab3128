"""Peak memory of ingesting one document, by the document's size, as a ratio against a reference run.

    .venv/bin/python -m benchmarks.memory [--sizes 0.1,0.5,1,2,5] [--model en_core_web_md]

Each measurement is one fresh child process (``benchmarks.common.in_child``) that loads the spaCy pipeline and
ingests one document end to end into a fresh embedded FalkorDB (read, clean, parse in windows of
``DAKG_NLP_WINDOW_CHARS``, extract, one atomic write); its peak RSS is ``ru_maxrss`` of that child. The
reference is the same run on a document of about 1 KB, in the same process tree and the same run, so what the
interpreter, spaCy and the model take is in it: the ratio and the difference say what the document's size adds.

The documents are the bundled demo and held-out texts, repeated with each paragraph made distinct (cleaning
drops repeated paragraphs), until the size in bytes (UTF-8) is reached. Results go to
``benchmarks/results/memory.json``.
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

from benchmarks.common import in_child

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "corpus" / "demo", REPO / "tests" / "data" / "heldout"]
RESULTS = REPO / "benchmarks" / "results"
MB = 1_000_000


def build_document(path: Path, size: int) -> int:
    """A text file of about ``size`` bytes made of the bundled documents' paragraphs; returns its size."""
    from dakg.errors import DocumentError
    from dakg.ingest.read import read_documents

    paragraphs = [
        paragraph.strip()
        for doc in read_documents([str(p) for p in SOURCES], MB)
        if not isinstance(doc, DocumentError)
        for paragraph in doc.text.split("\n\n")
        if len(paragraph.split()) >= 8
    ]
    parts: list[str] = []
    total = copy = 0
    full = False
    while not full:
        for number, paragraph in enumerate(paragraphs):
            part = f"{paragraph} This is paragraph {number} of copy {copy}."
            cost = len(part.encode("utf-8")) + 2
            if total + cost > size:  # never over the size: the largest must pass DAKG_MAX_DOCUMENT_BYTES
                full = True
                break
            parts.append(part)
            total += cost
        copy += 1
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path.stat().st_size


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ingest_one(document: str, model: str, data_dir: str, out: Any) -> None:
    from dakg.config import Settings
    from dakg.ingest.nlp import get_pipeline
    from dakg.ingest.pipeline import ingest
    from dakg.store import EmbeddedServer, open_store

    server = EmbeddedServer(Path(data_dir))
    server.start()
    try:
        settings = Settings(data_dir=Path(data_dir), graph="memory")
        store = open_store(settings, start_embedded=False)
        store.apply_schema()
        nlp = get_pipeline(model, max_length=settings.max_document_bytes)
        loaded_mb = _peak_rss_mb()
        errors: list[str] = []
        started = time.perf_counter()
        summary = ingest(
            [document],
            store,
            nlp,
            max_bytes=settings.max_document_bytes,
            batch_size=settings.nlp_batch_size,
            window_chars=settings.nlp_window_chars,
            on_error=lambda exc: errors.append(str(exc)),
        )
        seconds = time.perf_counter() - started
        info = server.info()
        store.close()
        out.put(
            {
                "written": summary.new,
                "errors": errors,
                "words": summary.words,
                "claims": summary.claims,
                "seconds": seconds,
                "peak_rss_mb": _peak_rss_mb(),
                "after_loading_mb": loaded_mb,
                "store_memory": info.get("used_memory"),
            }
        )
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="0.1,0.5,1,2,5", help="document sizes in MB (10^6 bytes)")
    parser.add_argument("--model", default="en_core_web_md")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]

    work = Path(tempfile.mkdtemp(prefix="dakg-memory-"))
    try:
        reference_doc = work / "reference.txt"
        build_document(reference_doc, 1200)
        reference = in_child(_ingest_one, str(reference_doc), args.model, str(work / "store-reference"))
        assert reference["written"] == 1, reference
        print(f"reference (1 KB): peak RSS {reference['peak_rss_mb']:.0f} MB")
        rows = []
        for size in sizes:
            document = work / f"doc-{size}.txt"
            actual = build_document(document, int(size * MB))
            run = in_child(_ingest_one, str(document), args.model, str(work / f"store-{size}"))
            assert run["written"] == 1, run["errors"]
            extra = run["peak_rss_mb"] - reference["peak_rss_mb"]
            row = {
                "size_mb": round(actual / MB, 3),
                "written": run["written"],
                "errors": run["errors"],
                "words": run["words"],
                "claims": run["claims"],
                "seconds": round(run["seconds"], 1),
                "peak_rss_mb": round(run["peak_rss_mb"]),
                "ratio_to_reference": round(run["peak_rss_mb"] / reference["peak_rss_mb"], 2),
                "above_reference_mb": round(extra),
                "above_reference_mb_per_mb": round(extra / (actual / MB)),
                "store_memory": run["store_memory"],
            }
            rows.append(row)
            print(
                f"{row['size_mb']:>6} MB: {row['seconds']:>7} s, peak RSS {row['peak_rss_mb']} MB "
                f"({row['ratio_to_reference']}x the reference, +{row['above_reference_mb']} MB), "
                f"{row['claims']} claims, written {row['written']} {row['errors']}",
                flush=True,
            )
            document.unlink()
            shutil.rmtree(work / f"store-{size}", ignore_errors=True)
        result = {
            "command": f"python -m benchmarks.memory --sizes {args.sizes} --model {args.model}",
            "when": time.strftime("%Y-%m-%d %H:%M"),
            "machine": f"{platform.machine()}, {mp.cpu_count()} cores, Python {platform.python_version()}",
            "window_chars": 20_000,
            "reference": {
                "size_bytes": reference_doc.stat().st_size,
                "peak_rss_mb": round(reference["peak_rss_mb"]),
                "after_loading_mb": round(reference["after_loading_mb"]),
                "seconds": round(reference["seconds"], 2),
            },
            "documents": rows,
        }
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "memory.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
