"""Errors a user can act on. The CLI prints them in one line and exits non-zero; the API maps them to problems."""

from __future__ import annotations

import re

# What a one-line message must not contain: control characters (C0, DEL, C1), line and paragraph separators,
# and lone surrogates (bytes of a file name that are not UTF-8, as Python reads them; no terminal can print them).
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode: shown as that byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` on one printable line: control characters, line separators and undecodable bytes as escapes
    (``\\n``, ``\\x07``, ``\\xff``, ``\\u2028``); anything else, a backslash included, as it is."""
    return text if _UNSHOWABLE.search(text) is None else _UNSHOWABLE.sub(_escape, text)


class DakgError(Exception):
    """Base of every error this project raises on purpose. ``str(error)`` is the one line a user sees."""


class ConfigError(DakgError):
    """A setting is missing or wrong."""


class StoreUnavailable(DakgError):
    """The graph store cannot be reached or started."""


class StoreBusy(DakgError):
    """Every read slot of this process stayed taken for longer than the read queue allows (DAKG_READ_QUEUE_MS)."""


class QueryError(DakgError):
    """The store refused or failed a query."""


class InvalidValue(QueryError):
    """A value no store can hold faithfully (a NUL character, a number beyond 64 bits, a bad key)."""


class QueryTimeout(QueryError):
    """A query ran over its time limit."""


class ConstraintViolation(QueryError):
    """A write broke a uniqueness rule; nothing of that write was applied."""


class TooManyRows(QueryError):
    """A read returned more rows than DAKG_MAX_ROWS allows."""


class UnknownQuery(DakgError):
    """No file in cypher/ has that name."""


class DocumentError(DakgError):
    """A document cannot be read or is refused (binary, undecodable, empty, too large). Its message is always
    one printable line (``one_line``), whatever the file's name or the reason's own text holds."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))
