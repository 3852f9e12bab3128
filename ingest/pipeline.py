"""The ingest pipeline: read → clean → spaCy (batched) → extract → fragments, and loading them into a store."""

from __future__ import annotations

import itertools
import logging
import queue
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from dakg.config import Settings
from dakg.errors import DocumentError, QueryError, StoreUnavailable
from dakg.ingest.clean import clean_text, with_headline
from dakg.ingest.extract import current_versions, extract, extractor_version
from dakg.ingest.fragment import Fragment
from dakg.ingest.language import document_language
from dakg.ingest.load import LoadResult, load_batch, load_fragment
from dakg.ingest.nlp import Pipelines
from dakg.ingest.parsing import piped
from dakg.ingest.read import Metadata, RawDocument, read_documents
from dakg.ingest.validate import text_problem
from dakg.store import GraphStore

_LETTER = re.compile(r"[^\W\d_]")
log = logging.getLogger("dakg.ingest")


@dataclass(frozen=True)
class Prepared:
    raw: RawDocument
    text: str
    language: str = "en"  # the metadata's, else the detected one (``dakg.ingest.language``)


def prepare(raw: RawDocument) -> Prepared:
    """The document's cleaned text, or a DocumentError: its text refused (``dakg.ingest.validate``), or no prose
    left after cleaning."""
    problem = text_problem(raw.text)
    if problem is not None:
        raise DocumentError(f"{raw.path}: refused: {problem}")
    text = clean_text(raw.text)
    if sum(1 for _ in itertools.islice(_LETTER.finditer(text), 20)) < 20 or len(text.split(None, 5)) < 5:
        raise DocumentError(f"{raw.path}: empty after cleaning (no prose left)")
    return Prepared(raw, with_headline(text, raw.meta.title), document_language(text, raw.meta.language))


def prepared_documents(
    paths: Iterable[str], max_bytes: int, *, follow_symlinks: bool = False
) -> Iterator[Prepared | DocumentError]:
    for item in read_documents(paths, max_bytes, follow_symlinks=follow_symlinks):
        if isinstance(item, DocumentError):
            yield item
            continue
        try:
            yield prepare(item)
        except DocumentError as exc:
            yield exc
        except Exception as exc:  # cleaning must never stop the run: this document only
            yield DocumentError(f"{item.path}: cannot be cleaned ({type(exc).__name__}: {exc})")


def extract_all(
    items: Iterable[Prepared | DocumentError],
    nlp: Language | Pipelines,
    *,
    batch_size: int = 2,
    processes: int = 1,
    window_chars: int = 20_000,
) -> Iterator[Fragment | DocumentError]:
    """Fragments in input order; errors pass through in place. spaCy runs batched, in ``processes`` workers.

    Given ``Pipelines``, each run of consecutive documents in one language is parsed by that language's
    pipeline (loaded when the first such document comes); given one pipeline, it parses every document.

    A long document is parsed in windows of whole paragraphs (``windows``), which bounds the parser's memory,
    and the windows' parses are joined back into one ``Doc`` whose text is the document's, offset for offset.

    One document spaCy fails on costs only that document: when the batched pipe raises, the documents it held
    are parsed again one at a time (the one that fails becomes a DocumentError) and a new pipe goes on with
    the rest.
    """
    if not isinstance(nlp, Pipelines):
        yield from _extract_with(items, nlp, batch_size, processes, window_chars)
        return
    for language, run in itertools.groupby(items, key=_language):
        if language is None:
            yield from (item for item in run if isinstance(item, DocumentError))
        else:
            yield from _extract_with(run, nlp(language), batch_size, processes, window_chars)


def _language(item: Prepared | DocumentError) -> str | None:
    return item.language if isinstance(item, Prepared) else None


def _extract_with(
    items: Iterable[Prepared | DocumentError], nlp: Language, batch_size: int, processes: int, window_chars: int
) -> Iterator[Fragment | DocumentError]:
    version = extractor_version(nlp)
    source = iter(items)
    while True:
        in_flight = yield from _extract_stream(source, nlp, version, batch_size, processes, window_chars)
        if in_flight is None:
            return
        for prepared in in_flight:
            if isinstance(prepared, DocumentError):
                yield prepared
                continue
            try:
                doc = parse(nlp, prepared.text, window_chars, batch_size)
            except Exception as exc:
                yield DocumentError(f"{prepared.raw.path}: cannot be parsed ({_reason(exc)})")
                continue
            yield _extract(doc, prepared, version)


def _where(fragment: Fragment) -> str:
    return fragment.source.path or fragment.source.url or fragment.source.key


def _gone(summary: IngestSummary, last: list[str], unwritten: list[Fragment], exc: StoreUnavailable) -> str:
    """The one line a run the store left ends with: what was written (each document whole), what was not.
    ``unwritten`` is the transaction the store left during: its first document, and those after it in it."""
    written = f"{summary.documents} documents written" + (f" (the last: {last[0]})" if last else "")
    more = len(unwritten) - 1
    committed = (
        f"committed it, with the {more} documents after it in the same transaction, as it went away: then they are"
        if more
        else "committed it as it went away: then it is"
    )
    return (
        f"the store went away during the run: {written}; not written: {_where(unwritten[0])} (unless the store "
        f"{committed} there whole) and every document after it; each document is written whole or not at all, so "
        f"the same command again goes on ({exc})"
    )


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc)[:300]}"


def _extract(doc: Doc, prepared: Prepared, version: str) -> Fragment | DocumentError:
    try:
        return extract(doc, prepared.raw.meta, path=prepared.raw.path, extractor_version=version)
    except Exception as exc:  # a fragment that fails its own validation is a bug; report it, write nothing
        return DocumentError(f"{prepared.raw.path}: extraction failed ({_reason(exc)})")


def _extract_stream(
    source: Iterator[Prepared | DocumentError],
    nlp: Language,
    version: str,
    batch_size: int,
    processes: int,
    window_chars: int,
) -> Generator[Fragment | DocumentError, None, list[Prepared | DocumentError] | None]:
    """Fragments of ``source`` through one batched pipe. Returns None when ``source`` is exhausted, or, when the
    pipe raised, the documents it held (their windows were taken from ``source`` and not yet given back), with
    the errors read among them in their places."""
    errors: list[DocumentError] = []  # read since the last window taken: they go out just before it
    # One entry per window taken and not yet parsed back: its document, the document's number of windows, and
    # the errors read before it (so that errors keep their place in the input however far the pipe reads ahead).
    in_flight: deque[tuple[Prepared, int, list[DocumentError]]] = deque()
    broken: list[BaseException] = []

    def texts() -> Iterator[str]:
        while True:
            try:
                item = next(source)
            except StopIteration:
                return
            except BaseException as exc:  # not a document's fault: the reader itself failed
                broken.append(exc)
                raise
            if isinstance(item, DocumentError):
                errors.append(item)
                continue
            try:
                pieces = windows(item.text, window_chars)
            except Exception as exc:
                errors.append(DocumentError(f"{item.raw.path}: cannot be parsed ({_reason(exc)})"))
                continue
            for piece in pieces:
                in_flight.append((item, len(pieces), errors[:]))
                errors.clear()
                yield piece

    parts: list[Doc] = []
    try:
        for doc in piped(nlp, texts(), batch_size, processes):
            prepared, count, before = in_flight.popleft()
            yield from before
            parts.append(_without_tensor(doc))
            if len(parts) < count:
                continue
            whole = parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            parts = []
            yield _extract(whole, prepared, version)
    except Exception as exc:
        if broken or not in_flight:
            raise  # nothing a document did: not to be retried one by one
        log.warning("the batched parse failed (%s); its documents are parsed one at a time", _reason(exc))
        held: list[Prepared | DocumentError] = []
        for prepared, _count, before in in_flight:
            held.extend(before)
            if not held or held[-1] is not prepared:
                held.append(prepared)
        return held + errors
    yield from errors
    return None


def parse(nlp: Language, text: str, window_chars: int = 20_000, batch_size: int = 2) -> Doc:
    """One document's parse, in windows when it is long (see ``extract_all``), ``batch_size`` windows at a time."""
    pieces = windows(text, window_chars)
    docs = [_without_tensor(doc) for doc in nlp.pipe(pieces, batch_size=batch_size)]
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


_NO_TENSOR = numpy.empty((0,), dtype="float32")


def _without_tensor(doc: Doc) -> Doc:
    """The parse without the network's per-token activations (``doc.tensor``): no rule reads them, and they are
    most of a parsed document's memory (96 floats a token; about 100 MB per MB of text)."""
    doc.tensor = _NO_TENSOR
    return doc


def windows(text: str, size: int) -> list[str]:
    """Consecutive pieces of ``text`` of at most about ``size`` characters, cut after a blank line where there is
    one, else after a line break, a full stop or a space; joined, they give ``text`` back exactly."""
    if len(text) <= size:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > size:
        low, high = start + size // 4, start + size
        for separator in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(separator, low, high)
            if cut != -1:
                cut += len(separator)
                break
        else:
            cut = high
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def extract_paths(
    paths: Iterable[str], settings: Settings, *, follow_symlinks: bool = False
) -> Iterator[Fragment | DocumentError]:
    """Fragments of every document under ``paths``, with the pipeline and batching the settings name."""
    nlp = Pipelines(settings.spacy_model, max_length=settings.max_document_bytes)
    items = prepared_documents(paths, settings.max_document_bytes, follow_symlinks=follow_symlinks)
    return extract_all(
        items,
        nlp,
        batch_size=settings.nlp_batch_size,
        processes=settings.nlp_processes,
        window_chars=settings.nlp_window_chars,
    )


def stale_sources(store: GraphStore, versions: list[str], page: int = 50) -> Iterator[Prepared]:
    """Sources another extractor version wrote, as documents to extract again from their stored text (the text
    is not cleaned again: it is what every offset points into, and its hash is the source's key)."""
    after = ""
    while True:
        rows = store.read("stale_sources", {"versions": versions, "after": after, "limit": page})
        for row in rows:
            source = row["source"]
            meta = Metadata(
                title=source["title"], url=source["url"], outlet=source["outlet"], published=source["published"]
            )
            raw = RawDocument(path=source["path"] or source["key"], text=source["text"], meta=meta, kind="stored")
            yield Prepared(raw, source["text"], source.get("language") or "en")
        if len(rows) < page:
            return
        after = rows[-1]["source"]["key"]


def reextract(
    store: GraphStore,
    nlp: Language | Pipelines,
    *,
    batch_size: int = 2,
    on_error: Callable[[DocumentError], None] = lambda _: None,
    on_document: Callable[[Fragment, LoadResult], None] = lambda _f, _r: None,
) -> IngestSummary:
    """Extract every stale source again from its stored text and replace its claims (one source at a time, each
    in the two atomic steps of ``load_fragment``: the source is always the old version, absent or the new one).
    A source that fails is reported through ``on_error`` and keeps what it had; the others go on. Given
    ``Pipelines``, each source is read again in its stored language, and a source is stale when no language's
    current extractor wrote it (``current_versions``)."""
    summary = IngestSummary()
    started = time.perf_counter()
    versions = current_versions(nlp("en")) if isinstance(nlp, Pipelines) else [extractor_version(nlp)]
    for result in extract_all(stale_sources(store, versions), nlp, batch_size=batch_size):
        if isinstance(result, DocumentError):
            summary.failed += 1
            on_error(result)
            continue
        try:
            loaded = load_fragment(store, result)
        except StoreUnavailable:
            raise
        except Exception as exc:
            summary.failed += 1
            why = str(exc) if isinstance(exc, QueryError) else _reason(exc)
            on_error(DocumentError(f"{_where(result)}: the store refused its write ({why})"))
            continue
        setattr(summary, loaded.outcome, getattr(summary, loaded.outcome) + 1)
        summary.entities += loaded.entities
        summary.claims += loaded.claims
        summary.words += result.source.words
        on_document(result, loaded)
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    entities: int = 0
    claims: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return self.new + self.unchanged + self.replaced

    def line(self) -> str:
        rate = (
            f"{self.documents / self.seconds:.1f} docs/s, {self.words / self.seconds:,.0f} words/s"
            if self.seconds
            else ""
        )
        return (
            f"{self.new} new, {self.unchanged} unchanged, {self.replaced} replaced, {self.failed} failed; "
            f"{self.entities} entities and {self.claims} claims written; {self.words:,} words in {self.seconds:.1f}s"
            + (f" ({rate})" if rate else "")
        )


def ingest(
    paths: Iterable[str],
    store: GraphStore,
    nlp: Language | Pipelines,
    *,
    max_bytes: int,
    batch_size: int = 2,
    processes: int = 1,
    window_chars: int = 20_000,
    workers: int = 1,
    write_batch: int = 1,
    follow_symlinks: bool = False,
    on_error: Callable[[DocumentError], None] = lambda _: None,
    on_document: Callable[[Fragment, LoadResult], None] = lambda _f, _r: None,
) -> IngestSummary:
    """Read, extract and load every document under ``paths``; one atomic write per document (``write_all``).

    With ``workers`` of 2 or more, documents are parsed and extracted in that many processes
    (``dakg.ingest.workers``; ``processes`` is then not used); with 1, spaCy runs in ``processes`` children
    beside this process, which extracts (``extract_all``).
    """
    items = prepared_documents(paths, max_bytes, follow_symlinks=follow_symlinks)
    if workers > 1:
        from dakg.ingest.workers import extract_in_workers  # it builds on this module

        results = extract_in_workers(items, nlp, workers, batch_size=batch_size, window_chars=window_chars)
    else:
        results = extract_all(items, nlp, batch_size=batch_size, processes=processes, window_chars=window_chars)
    return write_all(results, store, write_batch=write_batch, on_error=on_error, on_document=on_document)


def batches(pending: queue.Queue[Fragment | None], size: int) -> Iterator[list[Fragment]]:
    """The fragments of ``pending`` up to its ``None``: each list the next one waited for and those already waiting
    behind it, at most ``size`` (a batch never waits to fill)."""
    while (item := pending.get()) is not None:
        batch = [item]
        while len(batch) < size:
            try:
                item = pending.get_nowait()
            except queue.Empty:
                break
            if item is None:
                yield batch
                return
            batch.append(item)
        yield batch


def write_all(
    results: Iterable[Fragment | DocumentError],
    store: GraphStore,
    *,
    write_batch: int = 1,
    on_error: Callable[[DocumentError], None] = lambda _: None,
    on_document: Callable[[Fragment, LoadResult], None] = lambda _f, _r: None,
) -> IngestSummary:
    """Write each fragment of ``results`` (``load_fragment``: one atomic, idempotent write per document), in order;
    the time counted is that of the whole run, ``results``' own work included.

    An error among ``results``, or a document whose write the store refuses, is reported through ``on_error`` and
    skipped; what the graph held before is untouched. A store that goes away stops the run (StoreUnavailable).

    Writes happen on one background thread, in document order, while ``results`` makes the next fragments (spaCy
    parsing the next batch): the store runs in its own process, so waiting for it overlaps with parsing. Where
    each commit waits for the disk (Neo4j), the documents already waiting are written in one transaction
    (``load_fragments``, at most ``write_batch``; 1, the default, writes each alone): they commit together, each
    whole; if one is refused, the batch is written again one document a transaction, so that only that one is
    lost. A batch holds its locks until it commits, so writers beside it (the API's ``POST /documents``) meet
    deadlocks: batches are for bulk loads that nothing else writes during.
    """
    summary = IngestSummary()
    started = time.perf_counter()
    pending: queue.Queue[Fragment | None] = queue.Queue(maxsize=64)
    failure: list[BaseException] = []
    lock = threading.Lock()
    last_written: list[str] = []

    def written(fragment: Fragment, loaded: LoadResult) -> None:
        with lock:
            setattr(summary, loaded.outcome, getattr(summary, loaded.outcome) + 1)
            summary.entities += loaded.entities
            summary.claims += loaded.claims
            summary.words += fragment.source.words
            last_written[:] = [_where(fragment)]
        on_document(fragment, loaded)

    def refused(fragment: Fragment, exc: Exception) -> None:  # for this document only: nothing of it was written
        with lock:
            summary.failed += 1
        why = str(exc) if isinstance(exc, QueryError) else _reason(exc)
        on_error(DocumentError(f"{_where(fragment)}: the store refused its write, nothing was written ({why})"))

    def write(batch: list[Fragment]) -> None:
        try:
            loaded = load_batch(store, batch)
        except StoreUnavailable as exc:  # the store is gone: every later write would fail too
            failure.append(StoreUnavailable(_gone(summary, last_written, batch, exc)))
            return
        for number, (fragment, result) in enumerate(zip(batch, loaded, strict=False)):
            if isinstance(result, StoreUnavailable):  # gone after the ones before it were written, one by one
                failure.append(StoreUnavailable(_gone(summary, last_written, batch[number : number + 1], result)))
                return
            if isinstance(result, Exception):
                refused(fragment, result)
            else:
                written(fragment, result)

    def writer() -> None:
        for batch in batches(pending, write_batch if store.commits_wait else 1):
            if failure:
                continue  # drain after a fatal error
            try:
                write(batch)
            except BaseException as exc:  # KeyboardInterrupt, SystemExit: raised in the main thread
                failure.append(exc)

    thread = threading.Thread(target=writer, name="dakg-writer", daemon=True)
    thread.start()
    try:
        for result in results:
            if failure:
                break
            if isinstance(result, DocumentError):
                with lock:
                    summary.failed += 1
                on_error(result)
            else:
                pending.put(result)
    finally:
        try:
            # Stopped early (the store went away, Ctrl-C): a generator of ``results`` ends its parse children or
            # workers now, not when the caller lets go of it (at exit, multiprocessing would wait for them first).
            close = getattr(results, "close", None)
            if close is not None:
                close()
        finally:  # even if a second Ctrl-C comes while they end: the writer is never left running
            pending.put(None)
            thread.join()
    if failure:
        raise failure[0]
    summary.seconds = time.perf_counter() - started
    return summary
