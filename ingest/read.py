"""Reading documents from files and folders: ``read_documents`` finds the files (``dakg.ingest.discovery``)
and reads each by its format (``dakg.ingest.formats``) into ``RawDocument`` (``dakg.ingest.document``).

Formats: .txt, .md (front matter), .html (main text), .json and .jsonl records. Metadata (title, url, outlet,
published) comes from the record itself, Markdown front matter, HTML meta tags, or a sidecar ``NAME.meta.json``
beside ``NAME.txt``; absent metadata is fine. A document that cannot be read becomes a ``DocumentError`` naming
the path and the reason, never an exception that stops the run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from dakg.errors import DocumentError
from dakg.ingest.discovery import Roots, discover, open_regular, read_bytes
from dakg.ingest.document import (
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    RECORD_SUFFIXES,
    SUPPORTED,
    Metadata,
    RawDocument,
    metadata_from_record,
)
from dakg.ingest.formats import decode, parse_json, read_html, read_markdown, record_document
from dakg.ingest.streams import stream_records
from dakg.ingest.validate import shown

# A read document (defined in dakg.ingest.document) is named here too: the pipeline, the extractor and its rules
# import it with the functions that make it.
__all__ = ["Metadata", "RawDocument", "read_documents", "read_file", "sidecar_metadata"]


def sidecar_metadata(path: Path, max_bytes: int = 1_000_000, roots: Roots | None = None) -> Metadata:
    """The metadata of ``NAME.meta.json`` beside ``path`` (none if there is no such file); followed as a symbolic
    link only where ``roots`` allow."""
    sidecar = path.with_name(path.stem + ".meta.json")
    where = f"{shown(path)}: its metadata file {shown(sidecar.name)}"
    if not os.path.lexists(sidecar):
        return Metadata()
    if sidecar.is_symlink():
        problem = (roots or Roots.of([path])).link_problem(sidecar)
        if problem is not None:
            raise DocumentError(f"{where} is {problem}")
    try:
        record = parse_json(decode(read_bytes(sidecar, max_bytes), str(sidecar)))
    except DocumentError as exc:
        raise DocumentError(f"{where} cannot be read ({str(exc).removeprefix(shown(sidecar) + ': ')})") from None
    except ValueError as exc:
        raise DocumentError(f"{where} is not valid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise DocumentError(f"{where} must hold a JSON object")
    return metadata_from_record(record, where)


def read_file(path: Path, max_bytes: int, roots: Roots | None = None) -> Iterator[RawDocument | DocumentError]:
    """The documents in one file (several for JSON Lines or a JSON list), or the errors reading them. Whatever
    goes wrong reading one file (or one record) is a DocumentError for it: the run goes on."""
    suffix = path.suffix.lower()
    name = shown(path)
    try:
        if suffix not in SUPPORTED:
            raise DocumentError(
                f"{name}: unsupported file type {suffix or '(none)'} (supported: {', '.join(sorted(SUPPORTED))})"
            )
        if suffix in RECORD_SUFFIXES:  # any number of records, streamed: the limit holds for each record
            yield from _records(path, max_bytes)
            return
        text = decode(read_bytes(path, max_bytes), name, html=suffix in HTML_SUFFIXES)
        side = sidecar_metadata(path, max_bytes, roots or Roots.of([path]))
        if suffix in MARKDOWN_SUFFIXES:
            body, meta = read_markdown(text, name)
            yield RawDocument(path=name, text=body, meta=meta.merged(side), kind="markdown")
        elif suffix in HTML_SUFFIXES:
            body, meta = read_html(text, name)
            yield RawDocument(path=name, text=body, meta=meta.merged(side), kind="html")
        else:
            yield RawDocument(path=name, text=text, meta=side, kind="text")
    except DocumentError as exc:
        yield exc
    except Exception as exc:  # a bug or a limit of a library (RecursionError, MemoryError): this file only
        yield DocumentError(f"{name}: cannot be read ({type(exc).__name__}: {exc})")


def _records(path: Path, max_bytes: int) -> Iterator[RawDocument | DocumentError]:
    with open_regular(path) as handle:
        for where, record in stream_records(handle, path, max_bytes):
            if isinstance(record, DocumentError):
                yield record
                continue
            try:
                yield record_document(where, record)
            except DocumentError as exc:
                yield exc
            except Exception as exc:  # anything else one record does stops only that record
                yield DocumentError(f"{where}: cannot be read ({type(exc).__name__}: {exc})")


def read_documents(
    paths: Iterable[str | Path], max_bytes: int, *, follow_symlinks: bool = False
) -> Iterator[RawDocument | DocumentError]:
    """Every document under ``paths`` (``discover``), or the one-line error of each thing not read."""
    given = [str(p) for p in paths]
    roots = Roots.of(given, follow_symlinks)
    for found in discover(given, follow_symlinks=follow_symlinks):
        if isinstance(found, DocumentError):
            yield found
        else:
            yield from read_file(found, max_bytes, roots)
