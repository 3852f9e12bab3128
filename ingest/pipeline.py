"""The ingest pipeline: read → clean → spaCy (batched) → extract → fragments, and loading them into a store."""

from __future__ import annotations

import itertools
import queue
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from dakg.config import Settings
from dakg.errors import DocumentError, QueryError
from dakg.ingest.clean import clean_text
from dakg.ingest.extract import extract, extractor_version
from dakg.ingest.fragment import Fragment
from dakg.ingest.load import LoadResult, load_fragment
from dakg.ingest.nlp import get_pipeline
from dakg.ingest.read import Metadata, RawDocument, read_documents
from dakg.store import GraphStore

_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Prepared:
    raw: RawDocument
    text: str


def prepare(raw: RawDocument) -> Prepared:
    text = clean_text(raw.text)
    if sum(1 for _ in itertools.islice(_LETTER.finditer(text), 20)) < 20 or len(text.split(None, 5)) < 5:
        raise DocumentError(f"{raw.path}: empty after cleaning (no prose left)")
    return Prepared(raw, text)


def prepared_documents(paths: Iterable[str], max_bytes: int) -> Iterator[Prepared | DocumentError]:
    for item in read_documents(paths, max_bytes):
        if isinstance(item, DocumentError):
            yield item
            continue
        try:
            yield prepare(item)
        except DocumentError as exc:
            yield exc


def extract_all(
    items: Iterable[Prepared | DocumentError],
    nlp: Language,
    *,
    batch_size: int = 16,
    processes: int = 1,
    window_chars: int = 20_000,
) -> Iterator[Fragment | DocumentError]:
    """Fragments in input order; errors pass through in place. spaCy runs batched, in ``processes`` workers.

    A long document is parsed in windows of whole paragraphs (``windows``), which bounds the parser's memory,
    and the windows' parses are joined back into one ``Doc`` whose text is the document's, offset for offset.
    """
    version = extractor_version(nlp)
    pending_errors: list[DocumentError] = []

    def texts() -> Iterator[tuple[str, tuple[Prepared, int]]]:
        for item in items:
            if isinstance(item, DocumentError):
                pending_errors.append(item)
                continue
            pieces = windows(item.text, window_chars)
            for piece in pieces:
                yield piece, (item, len(pieces))

    parts: list[Doc] = []
    for doc, (prepared, count) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=processes):
        parts.append(doc)
        if len(parts) < count:
            continue
        whole = parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        parts = []
        while pending_errors:
            yield pending_errors.pop(0)
        try:
            yield extract(whole, prepared.raw.meta, path=prepared.raw.path, extractor_version=version)
        except Exception as exc:  # a fragment that fails its own validation is a bug; report it, write nothing
            yield DocumentError(f"{prepared.raw.path}: extraction failed ({type(exc).__name__}: {exc})")
    while pending_errors:
        yield pending_errors.pop(0)


def parse(nlp: Language, text: str, window_chars: int = 20_000) -> Doc:
    """One document's parse, in windows when it is long (see ``extract_all``)."""
    pieces = windows(text, window_chars)
    docs = list(nlp.pipe(pieces))
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


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


def extract_paths(paths: Iterable[str], settings: Settings) -> Iterator[Fragment | DocumentError]:
    """Fragments of every document under ``paths``, with the pipeline and batching the settings name."""
    nlp = get_pipeline(settings.spacy_model, max_length=settings.max_document_bytes)
    items = prepared_documents(paths, settings.max_document_bytes)
    return extract_all(
        items,
        nlp,
        batch_size=settings.nlp_batch_size,
        processes=settings.nlp_processes,
        window_chars=settings.nlp_window_chars,
    )


def stale_sources(store: GraphStore, version: str, page: int = 50) -> Iterator[Prepared]:
    """Sources another extractor version wrote, as documents to extract again from their stored text (the text
    is not cleaned again: it is what every offset points into, and its hash is the source's key)."""
    after = ""
    while True:
        rows = store.read("stale_sources", {"version": version, "after": after, "limit": page})
        for row in rows:
            source = row["source"]
            meta = Metadata(
                title=source["title"], url=source["url"], outlet=source["outlet"], published=source["published"]
            )
            raw = RawDocument(path=source["path"] or source["key"], text=source["text"], meta=meta, kind="stored")
            yield Prepared(raw, source["text"])
        if len(rows) < page:
            return
        after = rows[-1]["source"]["key"]


def reextract(
    store: GraphStore,
    nlp: Language,
    *,
    batch_size: int = 16,
    on_document: Callable[[Fragment, LoadResult], None] = lambda _f, _r: None,
) -> IngestSummary:
    """Extract every stale source again from its stored text and replace its claims (one source at a time, each
    in the two atomic steps of ``load_fragment``: the source is always the old version, absent or the new one)."""
    summary = IngestSummary()
    started = time.perf_counter()
    for result in extract_all(stale_sources(store, extractor_version(nlp)), nlp, batch_size=batch_size):
        if isinstance(result, DocumentError):
            summary.failed += 1
            continue
        loaded = load_fragment(store, result)
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
    nlp: Language,
    *,
    max_bytes: int,
    batch_size: int = 16,
    processes: int = 1,
    window_chars: int = 20_000,
    on_error: Callable[[DocumentError], None] = lambda _: None,
    on_document: Callable[[Fragment, LoadResult], None] = lambda _f, _r: None,
) -> IngestSummary:
    """Read, extract and load every document under ``paths``; one atomic write per document.

    A document that cannot be read, or whose write the store refuses, is reported through ``on_error`` and
    skipped; what the graph held before is untouched. A store that goes away stops the run (StoreUnavailable).

    Writes happen on one background thread, in document order, while spaCy works on the next batch: the store
    runs in its own process, so waiting for it overlaps with parsing.
    """
    summary = IngestSummary()
    started = time.perf_counter()
    pending: queue.Queue[Fragment | None] = queue.Queue(maxsize=64)
    failure: list[BaseException] = []
    lock = threading.Lock()

    def writer() -> None:
        while (fragment := pending.get()) is not None:
            if failure:
                continue  # drain after a fatal error
            try:
                loaded = load_fragment(store, fragment)
            except QueryError as exc:
                with lock:
                    summary.failed += 1
                on_error(
                    DocumentError(f"{fragment.source.path}: the store refused its write, nothing was written ({exc})")
                )
                continue
            except BaseException as exc:  # StoreUnavailable and anything unexpected: raised in the main thread
                failure.append(exc)
                continue
            with lock:
                setattr(summary, loaded.outcome, getattr(summary, loaded.outcome) + 1)
                summary.entities += loaded.entities
                summary.claims += loaded.claims
                summary.words += fragment.source.words
            on_document(fragment, loaded)

    thread = threading.Thread(target=writer, name="dakg-writer", daemon=True)
    thread.start()
    try:
        items = prepared_documents(paths, max_bytes)
        for result in extract_all(items, nlp, batch_size=batch_size, processes=processes, window_chars=window_chars):
            if failure:
                break
            if isinstance(result, DocumentError):
                with lock:
                    summary.failed += 1
                on_error(result)
            else:
                pending.put(result)
    finally:
        pending.put(None)
        thread.join()
    if failure:
        raise failure[0]
    summary.seconds = time.perf_counter() - started
    return summary
