"""Record files read as streams (part of the first layer, *documents*): a JSON Lines file or a JSON list of any
length is read one record at a time, in chunks, so memory is bounded by the chunk and the largest record, not
by the file. The size limit (``DAKG_MAX_DOCUMENT_BYTES``) holds for each record, not for the file: a record
over it, or one that is not valid JSON, is one error naming the file and the record's number (``name#n``), and
the records after it are read.

A JSON file that is not a list (one record) is read whole, under the limit, as before. A UTF-16 file (with a
byte-order mark) is read whole too, under the limit: UTF-8 is what record files are written in.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from dakg.errors import DocumentError
from dakg.ingest.formats import decode, parse_json, records
from dakg.ingest.validate import shown

CHUNK_BYTES = 1 << 18  # read at a time: 256 KB
_WHITE = " \t\r\n"
_DECODER = json.JSONDecoder()
_OUTSIDE = re.compile(r'[^"\[\]{},]*')  # up to the next character that matters outside a string
_INSIDE = re.compile(r'(?:[^"\\]|\\.)*')  # up to the closing quote or a backslash the buffer cuts


Record = tuple[str, Any]  # where ("file#n"), and the record or the DocumentError that stands for it


def stream_records(handle: BinaryIO, path: Path, max_bytes: int, *, chunk_bytes: int = CHUNK_BYTES) -> Iterator[Record]:
    """The records of a ``.json``, ``.jsonl`` or ``.ndjson`` file open for reading bytes, one at a time, read
    ``chunk_bytes`` at a time."""
    name = shown(path)
    head = handle.read(chunk_bytes)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: read whole, under the limit
        yield from _whole(head, handle, path, max_bytes)
        return
    problem = _binary(head, name)
    if problem is not None:
        yield name, problem
        return
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        yield from _lines(head, handle, name, max_bytes, chunk_bytes)
        return
    if head.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n")[:1] != b"[":
        yield from _whole(head, handle, path, max_bytes)
        return
    yield from _list(head, handle, name, max_bytes, chunk_bytes)


def _binary(head: bytes, name: str) -> DocumentError | None:
    """What ``decode`` refuses in the first chunk: NUL bytes or many control characters; an empty file."""
    if not head.strip():
        return DocumentError(f"{name}: empty file")
    if b"\x00" in head[:65536]:
        return DocumentError(f"{name}: binary file (contains NUL bytes)")
    sample = head[:8192]
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f")
    if controls > max(8, len(sample) // 20):
        return DocumentError(f"{name}: binary file ({controls} control characters in the first {len(sample)})")
    return None


def _whole(head: bytes, handle: BinaryIO, path: Path, max_bytes: int) -> Iterator[Record]:
    name = shown(path)
    data = head + handle.read(max(max_bytes + 1 - len(head), 0))
    if len(data) > max_bytes:
        yield name, DocumentError(f"{name}: too large (over the limit DAKG_MAX_DOCUMENT_BYTES of {max_bytes:,} bytes)")
        return
    try:
        text = decode(data, name)
    except DocumentError as exc:
        yield name, exc
        return
    yield from records(text, path)


def _too_large(where: str, size: int, max_bytes: int, *, more: bool = False) -> DocumentError:
    over = "over" if more else f"{size:,} bytes;"
    return DocumentError(
        f"{where}: record too large ({over} the limit DAKG_MAX_DOCUMENT_BYTES is {max_bytes:,} bytes a record); skipped"
    )


def _lines(head: bytes, handle: BinaryIO, name: str, max_bytes: int, chunk_bytes: int) -> Iterator[Record]:
    """JSON Lines: one record a line, each line at most ``max_bytes`` long."""
    pending = head.removeprefix(codecs.BOM_UTF8)
    number = 0
    eof = False
    while pending or not eof:
        cut = pending.find(b"\n")
        while cut < 0 and not eof and len(pending) <= max_bytes:
            more = handle.read(chunk_bytes)
            eof = not more
            start = len(pending)
            pending += more
            cut = pending.find(b"\n", start)
        if cut < 0 and len(pending) > max_bytes:  # a line over the limit: passed over to its end
            number += 1
            size = len(pending)
            while not eof:
                more = handle.read(chunk_bytes)
                eof = not more
                end = more.find(b"\n")
                if end >= 0:
                    size += end
                    pending = more[end + 1 :]
                    break
                size += len(more)
            else:
                pending = b""
            yield f"{name}#{number}", _too_large(f"{name}#{number}", size, max_bytes)
            continue
        if cut < 0:  # the last line, without a newline
            line, pending = pending, b""
        else:
            line, pending = pending[:cut], pending[cut + 1 :]
        number += 1
        if not line.strip():
            continue
        where = f"{name}#{number}"
        if len(line) > max_bytes:
            yield where, _too_large(where, len(line), max_bytes)
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield where, DocumentError(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start} of the line)")
            continue
        try:
            yield where, parse_json(text)
        except ValueError as exc:
            yield where, DocumentError(f"{where}: not valid JSON ({exc})")


@dataclass
class _Scan:
    """Where a scan for the end of one list element stands (it goes on as more of the file arrives)."""

    at: int
    depth: int = 0
    in_string: bool = False


def _element_end(buf: str, scan: _Scan) -> int | None:
    """The index of the ``,`` or ``]`` that ends the list element the scan is in, or None if the buffer ends
    first (the scan keeps its place)."""
    i, n = scan.at, len(buf)
    while i < n:
        if scan.in_string:
            i = _INSIDE.match(buf, i).end()  # type: ignore[union-attr]
            if i >= n or buf[i] == "\\":  # the buffer ends inside the string (or cuts an escape)
                break
            scan.in_string = False
            i += 1
            continue
        i = _OUTSIDE.match(buf, i).end()  # type: ignore[union-attr]
        if i >= n:
            break
        char = buf[i]
        if char == '"':
            scan.in_string = True
        elif char in "[{":
            scan.depth += 1
        elif char in "]}":
            if scan.depth == 0:
                return i
            scan.depth -= 1
        elif scan.depth == 0:  # a comma between elements
            return i
        i += 1
    scan.at = i
    return None


def _list(head: bytes, handle: BinaryIO, name: str, max_bytes: int, chunk_bytes: int) -> Iterator[Record]:
    """A JSON list, element by element: each decoded as soon as the buffer holds it whole."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    eof = False

    def more() -> str:
        nonlocal eof
        data = handle.read(chunk_bytes)
        eof = not data
        return decoder.decode(data, final=eof)

    try:
        buf = decoder.decode(head, final=False)
    except UnicodeDecodeError as exc:
        yield name, DocumentError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})")
        return
    pos = len(buf) - len(buf.lstrip(_WHITE)) + 1  # after the "["
    number = 0
    while True:
        # the next element's start (or the list's end)
        while True:
            while pos < len(buf) and buf[pos] in _WHITE:
                pos += 1
            if pos < len(buf) or eof:
                break
            try:
                buf, pos = buf[pos:] + more(), 0
            except UnicodeDecodeError as exc:
                yield name, _not_utf8(name, number, exc)
                return
        if pos >= len(buf):
            yield name, DocumentError(f"{name}: not valid JSON (the list is not closed after record {number})")
            return
        if buf[pos] == "]" and number == 0:
            return
        number += 1
        where = f"{name}#{number}"
        scan = _Scan(pos)
        skipping = False  # the element is over the limit: only its end is looked for
        while True:
            end: int | None = None
            value: Any = None
            problem: DocumentError | None = None
            if not skipping:
                try:
                    value, end = _DECODER.raw_decode(buf, pos)
                    following = end
                    while following < len(buf) and buf[following] in _WHITE:
                        following += 1
                    if following >= len(buf) and not eof:  # a number or a word the buffer may have cut
                        end = None
                except json.JSONDecodeError:
                    end = None
                except RecursionError:
                    end, problem = None, DocumentError(f"{where}: not valid JSON (nested too deeply)")
                except ValueError as exc:  # a number of more than 4,300 digits
                    end, problem = None, DocumentError(f"{where}: not valid JSON ({str(exc).split(';')[0]})")
            if end is not None:
                size = len(buf[pos:end].encode("utf-8"))
                if size > max_bytes:
                    yield where, _too_large(where, size, max_bytes)
                else:
                    yield where, value
                stop = _element_end(buf, _Scan(end))
                if stop is None or buf[end:stop].strip(_WHITE):
                    yield name, DocumentError(f"{name}: not valid JSON (no ',' or ']' after record {number})")
                    return
                pos = stop
                break
            stop = _element_end(buf, scan)
            if stop is not None:  # the element is whole and still not read: it is not valid JSON
                if not skipping:
                    reason = problem or DocumentError(f"{where}: not valid JSON ({_why(buf[pos:stop])})")
                    yield where, reason
                pos = stop
                break
            if eof:
                yield name, DocumentError(f"{name}: not valid JSON (the list is not closed in record {number})")
                return
            if not skipping and scan.at - pos > max_bytes:
                skipping = True
                yield where, _too_large(where, 0, max_bytes, more=True)
            if skipping:  # keep only where the scan stands
                buf, scan.at, pos = buf[scan.at :], 0, 0
            else:
                scan.at -= pos
                buf, pos = buf[pos:], 0
            try:
                buf += more()
            except UnicodeDecodeError as exc:
                yield name, _not_utf8(name, number, exc)
                return
        if buf[pos] == "]":
            if buf[pos + 1 :].strip(_WHITE) or not _rest_blank(handle, chunk_bytes):
                yield name, DocumentError(f"{name}: not valid JSON (something after the list's end)")
            return
        pos += 1  # after the ","


def _why(element: str) -> str:
    try:
        json.loads(element)
    except json.JSONDecodeError as exc:
        return f"{exc.msg} at character {exc.pos + 1} of the record"
    except RecursionError:
        return "nested too deeply"
    except ValueError as exc:
        return str(exc).split(";")[0]
    return "cannot be decoded"


def _not_utf8(name: str, number: int, exc: UnicodeDecodeError) -> DocumentError:
    return DocumentError(f"{name}: not UTF-8 text ({exc.reason}) after record {number}; the rest is not read")


def _rest_blank(handle: BinaryIO, chunk_bytes: int) -> bool:
    while True:
        data = handle.read(chunk_bytes)
        if not data:
            return True
        if data.strip():
            return False
