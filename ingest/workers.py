"""Parse and extract in N worker processes, each document whole in one of them, with the results in input order.

``dakg ingest --workers N`` (N ≥ 2) runs here. The default path (``extract_all`` with one parse child) overlaps
spaCy with extraction and the store's write but keeps every parse in one process, so one core bounds a run.
Here each worker takes a few whole documents at a time (a chunk, so that spaCy still parses in batches), parses
them and runs the rules over them (``extract_all``, parsing in the worker itself), and gives back each one's
``Fragment`` (or the ``DocumentError`` that stops it); the calling process only reads, cleans and writes, in
input order.

- The workers are forked from the calling process after the first document's pipeline is loaded there, so they
  share its pages instead of loading the model N times; a language met later is loaded by each worker that
  meets it. Where forking is not safe (a thread other than the main one, a platform that cannot fork) the
  documents go through ``extract_all`` in this process instead, with a warning.
- At most ``ahead`` chunks are in the workers at once, so memory does not grow with the corpus.
- A document that makes its worker die (a crash in native code, the kernel's OOM killer) costs that document
  only: the documents that were in flight are tried again one at a time in a new pool, and the one whose worker
  dies again becomes a ``DocumentError``.
- Each worker ignores Ctrl-C (the caller stops the pool) and ends with its parent, however that ends.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from spacy.language import Language

from dakg.errors import DocumentError
from dakg.ingest.fragment import Fragment
from dakg.ingest.nlp import Pipelines
from dakg.ingest.pipeline import Prepared, _reason, extract_all
from dakg.store.lifetime import die_with_parent


@dataclass(frozen=True)
class _Job:
    """What every worker needs besides the document; set in this process before the workers fork from it."""

    nlp: Language | Pipelines
    batch_size: int
    window_chars: int


log = logging.getLogger("dakg.ingest")
_JOB: list[_Job] = []  # one entry while a pool runs (read by the forked workers)


def extract_in_workers(
    items: Iterable[Prepared | DocumentError],
    nlp: Language | Pipelines,
    workers: int,
    *,
    batch_size: int = 2,
    window_chars: int = 20_000,
    chunk: int = 8,
    ahead: int | None = None,
) -> Iterator[Fragment | DocumentError]:
    """The fragment of each document of ``items`` (errors pass through in place), in input order, extracted in
    ``workers`` processes, ``chunk`` documents at a time, at most ``ahead`` chunks (2 per worker) in flight (see
    the module's notes)."""
    source = iter(items)
    if workers < 2 or not _can_fork():
        if workers > 1:
            log.warning("--workers %d: forking is not safe here; the documents are extracted in this process", workers)
        yield from extract_all(source, nlp, batch_size=batch_size, window_chars=window_chars)
        return
    head: list[Prepared | DocumentError] = []
    for item in source:  # up to the first document: its pipeline is loaded here, before the workers fork
        head.append(item)
        if isinstance(item, Prepared):
            if isinstance(nlp, Pipelines):
                nlp(item.language)
            break
    if not any(isinstance(item, Prepared) for item in head):
        yield from (item for item in head if isinstance(item, DocumentError))  # errors only: no worker needed
        return
    _JOB[:] = [_Job(nlp, batch_size, window_chars)]
    try:
        yield from _Pool(workers, ahead or 2 * workers).run(chunks(itertools.chain(head, source), chunk))
    finally:
        _JOB.clear()


Chunk = list[Prepared | DocumentError]


def _can_fork() -> bool:
    """This is the main thread, on a platform that can fork (whatever its default way to start processes)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.current_thread() is threading.main_thread()


def chunks(items: Iterator[Prepared | DocumentError], size: int) -> Iterator[Chunk]:
    """``items`` in lists of ``size`` (the last may be shorter): the unit of work of a worker, here or on Dask."""
    while batch := list(itertools.islice(items, size)):
        yield batch


class _Pool:
    """Worker processes and the chunks in flight among them, oldest first."""

    def __init__(self, workers: int, ahead: int) -> None:
        self.workers = workers
        self.ahead = max(ahead, workers)
        self.executor = self._start(workers)
        self.flight: deque[tuple[Chunk, Future[list[Fragment | DocumentError]] | None]] = deque()

    @staticmethod
    def _start(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_worker_started,
            initargs=(die_with_parent(),),
        )

    def run(self, chunks: Iterator[Chunk]) -> Iterator[Fragment | DocumentError]:
        finished = False
        try:
            for chunk in chunks:
                while len(self.flight) >= self.ahead:
                    yield from self._oldest()
                self.flight.append((chunk, self._submit(chunk)))
                while self.flight and self.flight[0][1] is None:  # errors only, at the head: out at once
                    yield from self._oldest()
            while self.flight:
                yield from self._oldest()
            finished = True
        finally:
            if not finished:  # stopped early (the store went away, Ctrl-C): the chunks running are not waited for
                # The executor's own processes (``_processes``: no public way in Python 3.12; 3.14 adds
                # ``terminate_workers``); shutdown then finds them ended instead of waiting for their chunks.
                for process in list((getattr(self.executor, "_processes", None) or {}).values()):
                    process.terminate()
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _submit(self, chunk: Chunk) -> Future[list[Fragment | DocumentError]] | None:
        if not any(isinstance(item, Prepared) for item in chunk):
            return None
        try:
            return self.executor.submit(_extract_chunk, chunk)
        except BrokenProcessPool as exc:  # a worker died since the last look: the oldest chunk's turn finds out
            broken: Future[list[Fragment | DocumentError]] = Future()
            broken.set_exception(exc)
            return broken

    def _oldest(self) -> Iterator[Fragment | DocumentError]:
        chunk, future = self.flight[0]
        if future is None:  # errors only
            self.flight.popleft()
            yield from chunk  # type: ignore[misc]
            return
        try:
            results = future.result()
        except BrokenProcessPool:
            yield from self._after_a_worker_died()
            return
        self.flight.popleft()
        yield from results

    def _after_a_worker_died(self) -> Iterator[Fragment | DocumentError]:
        """Every document in flight again, one at a time in a new pool: the one whose worker dies again is an
        error; the others come out as they would have. Then the run goes on with a new pool."""
        self.executor.shutdown(wait=True, cancel_futures=True)
        held = [item for chunk, _ in self.flight for item in chunk]
        self.flight.clear()
        self.executor = self._start(1)
        for item in held:
            if isinstance(item, DocumentError):
                yield item
                continue
            try:
                yield from self.executor.submit(_extract_chunk, [item]).result()
            except BrokenProcessPool as exc:
                yield DocumentError(f"{item.raw.path}: its worker process ended while extracting it ({_reason(exc)})")
                self.executor.shutdown(wait=True)
                self.executor = self._start(1)
        self.executor.shutdown(wait=True)
        self.executor = self._start(self.workers)


def _worker_started(preexec: object) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C reaches the process group: the caller stops the pool
    if callable(preexec):
        preexec()  # a parent-death signal (dakg.store.lifetime)


def _extract_chunk(chunk: Chunk) -> list[Fragment | DocumentError]:
    """In a worker: a few documents, each parsed and extracted whole (spaCy parses here: ``processes=0``)."""
    job = _JOB[0]
    return list(extract_all(chunk, job.nlp, batch_size=job.batch_size, processes=0, window_chars=job.window_chars))
