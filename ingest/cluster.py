"""Parse and extract on a Dask cluster; the fragments come back as JSON Lines parts that ``dakg load`` writes.

    dakg extract --dask tcp://scheduler:8786 --out parts/ corpus/   # or --dask local: a cluster on this machine
    dakg load parts/

Why Dask (``distributed``): the work is a plain map over documents with Python objects on both ends (a spaCy
pipeline that each worker process loads once and keeps), which Dask's futures do with no JVM, no cluster
service beyond ``dask scheduler`` and ``dask worker`` on each machine, and a local mode that is the same
scheduler on this machine (what CI tests). Spark would add a JVM and its Python bridge for a map; Ray's
packages are larger and its local mode starts its own services.

- This process reads and cleans the documents (``prepared_documents``) and sends them, a chunk of documents
  per task, to the workers: the workers need no access to the corpus's files, only dakg and its spaCy
  models installed (the same dakg version: a worker whose rules differ from this process's stops the run
  with an error that says so).
- Each worker parses and extracts its chunk in its own process (``extract_all`` with ``processes=0``) and sends
  back the chunk's lines (``dakg.ingest.fragment_files``); this process writes each chunk to
  ``part-NNNNNN.jsonl`` in input order, each file whole (written aside, then renamed).
- A chunk whose worker dies (Dask gives up after its own retries: ``KilledWorker``) is sent again one document a
  task; the document that still kills its worker becomes an error line in its place.
- ``dakg load`` then writes the parts through the same loader as ``dakg ingest``, one atomic write per document:
  the graph is the one ``dakg ingest`` gives (``tests/test_cluster.py``).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dakg.errors import DakgError, DocumentError
from dakg.ingest.extract import rules_fingerprint
from dakg.ingest.fragment_files import SUFFIX, fragment_line
from dakg.ingest.nlp import Pipelines
from dakg.ingest.pipeline import Prepared, _reason, extract_all, prepared_documents
from dakg.ingest.workers import Chunk, chunks

CONNECT_SECONDS = 10  # how long to try the scheduler's address before saying it cannot be reached


@dataclass(frozen=True)
class Spec:
    """What a worker needs to extract as ``dakg ingest`` would here."""

    spacy_model: str
    max_bytes: int
    batch_size: int
    window_chars: int
    rules: str  # this process's rules fingerprint: a worker with other rules refuses the task


@dataclass
class MapSummary:
    fragments: int = 0
    errors: int = 0
    parts: int = 0


def extract_on_dask(
    paths: Iterable[str],
    out: Path,
    address: str,
    *,
    spacy_model: str,
    max_bytes: int,
    batch_size: int = 2,
    window_chars: int = 20_000,
    workers: int = 2,
    chunk: int = 16,
    follow_symlinks: bool = False,
) -> MapSummary:
    """Extract every document under ``paths`` on the Dask scheduler at ``address`` (``local``: a cluster of
    ``workers`` processes on this machine) and write the fragments to ``out`` (see the module's notes)."""
    import logging

    from distributed import Client, LocalCluster

    # Dask's own INFO lines (scheduler, nanny, each connection) and the errors it logs about its own connections
    # while a local cluster closes are not this run's news: what fails here is raised, and said in one line.
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.glob(f"*{SUFFIX}")):
        raise DakgError(f"{out}: already holds {SUFFIX} files; give an empty folder (dakg load reads every one)")
    spec = Spec(spacy_model, max_bytes, batch_size, window_chars, rules_fingerprint())
    cluster = None
    if address == "local":
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        )
    try:
        try:
            client = Client(cluster if cluster is not None else address, timeout=CONNECT_SECONDS)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise DakgError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        with client:
            items = prepared_documents(paths, max_bytes, follow_symlinks=follow_symlinks)
            return _map(client, chunks(items, chunk), spec, out, ahead=2 * max(workers, _cores(client)))
    finally:
        if cluster is not None:
            cluster.close()


def _cores(client: Any) -> int:
    return sum(int(w.get("nthreads", 1)) for w in client.scheduler_info().get("workers", {}).values())


def _map(client: Any, to_send: Iterator[Chunk], spec: Spec, out: Path, ahead: int) -> MapSummary:
    summary = MapSummary()
    flight: deque[tuple[Chunk, Any]] = deque()

    def finish() -> None:
        held, future = flight.popleft()
        lines = _lines(client, held, future, spec)
        _write_part(out / f"part-{summary.parts:06d}{SUFFIX}", lines)
        summary.parts += 1
        errors = sum(1 for line in lines if line.startswith('{"error": '))
        summary.errors += errors
        summary.fragments += len(lines) - errors

    for held in to_send:
        work = any(isinstance(item, Prepared) for item in held)
        flight.append((held, client.submit(extract_chunk, held, spec, pure=False) if work else None))
        while len(flight) > ahead:
            finish()
    while flight:
        finish()
    return summary


def _lines(client: Any, held: Chunk, future: Any, spec: Spec) -> list[str]:
    from distributed import KilledWorker

    if future is None:  # errors only
        return [fragment_line(item) for item in held if isinstance(item, DocumentError)]
    try:
        return list(future.result())
    except KilledWorker:
        pass
    lines = []
    for item in held:  # one document a task: the one that still kills its worker is an error in its place
        if isinstance(item, DocumentError):
            lines.append(fragment_line(item))
            continue
        try:
            lines += client.submit(extract_chunk, [item], spec, pure=False).result()
        except KilledWorker as exc:
            why = f"its worker process ended while extracting it ({_reason(exc)})"
            lines.append(fragment_line(DocumentError(f"{item.raw.path}: {why}")))
    return lines


def _write_part(path: Path, lines: list[str]) -> None:
    aside = path.with_name(f".{path.name}.partial")
    aside.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    os.replace(aside, path)


def extract_chunk(held: Chunk, spec: Spec) -> list[str]:
    """On a worker: each document of the chunk parsed and extracted whole, as lines of a part."""
    if rules_fingerprint() != spec.rules:
        raise DakgError(
            f"a Dask worker runs extraction rules {rules_fingerprint()}, this process {spec.rules}: install the "
            "same dakg version on every worker"
        )
    nlp = Pipelines(spec.spacy_model, max_length=spec.max_bytes)
    results = extract_all(held, nlp, batch_size=spec.batch_size, processes=0, window_chars=spec.window_chars)
    return [fragment_line(item) for item in results]
