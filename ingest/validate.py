"""What a document may bring in: its text and every metadata field are checked once, where they enter.

Files, JSON and JSON Lines records, Markdown front matter, HTML meta tags, sidecar files and ``POST /documents``
all pass through here, with the same rules:

- **Text** (the document itself): a NUL character or a lone surrogate (half of a UTF-16 pair, which no UTF-8
  text can hold: JSON's ``"\\ud800"`` makes one) refuses the document, naming the character and its position.
  Other control characters are repaired by cleaning (``dakg.ingest.clean``: each becomes a space).
- **Metadata** (title, url, outlet, published): text only (a number is taken as its digits; a list or a map
  refuses the document); runs of white space (tabs, line breaks included) become one space and the ends are
  trimmed; an empty field is absent. A NUL, any other control character (U+0000–U+001F, U+007F–U+009F) or a
  lone surrogate refuses the document, as does a field longer than its limit (``METADATA_LIMITS``).
- **Names** of files shown in reports and stored as a source's ``path``: control characters and bytes that are
  not UTF-8 are written as escapes (``\\n``, ``\\xff``), so every report is one line and every name storable.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from dakg.errors import one_line

# The most characters each metadata field may have (after white space is collapsed).
TITLE_MAX = 1000
URL_MAX = 2000
OUTLET_MAX = 300
PUBLISHED_MAX = 40  # as given ("2025-08-05T10:00:00+02:00", "5 August 2025"); stored as YYYY[-MM[-DD]]
LANGUAGE_MAX = 35  # a BCP 47 tag as given ("fr", "fr-FR"); stored as its ISO 639-1 language
METADATA_LIMITS = {
    "title": TITLE_MAX,
    "url": URL_MAX,
    "outlet": OUTLET_MAX,
    "published": PUBLISHED_MAX,
    "language": LANGUAGE_MAX,
}

_SURROGATE = re.compile("[\ud800-\udfff]")
_BAD_IN_TEXT = re.compile("[\x00\ud800-\udfff]")
_BAD_IN_FIELD = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_WHITE = re.compile(r"\s+")


def describe_character(ch: str) -> str:
    """``a NUL character (U+0000)``, ``a lone surrogate (U+D800, not valid Unicode)``, ``a control character
    (U+0007)``."""
    code = ord(ch)
    if code == 0:
        return "a NUL character (U+0000)"
    if 0xD800 <= code <= 0xDFFF:
        return f"a lone surrogate (U+{code:04X}, not valid Unicode)"
    return f"a control character (U+{code:04X})"


def text_problem(text: str) -> str | None:
    """Why a document's text is refused (a NUL or a lone surrogate, with its position), or None."""
    found = _BAD_IN_TEXT.search(text)
    if found is None:
        return None
    return f"the text contains {describe_character(found.group())} at character {found.start():,}"


def metadata_value(name: str, value: Any) -> str | None:
    """A metadata field as stored: text with white space collapsed, or None. Raises ValueError (one line,
    without the value itself, which may be huge) when the field is refused."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float | date | datetime):
        raise ValueError(f"{name} must be text, not {_kind(value)}")
    text = value.isoformat() if isinstance(value, date | datetime) else str(value)
    limit = METADATA_LIMITS.get(name)
    if limit is not None and len(text) > 4 * limit:  # far too long: refused before any other work on it
        raise ValueError(f"{name} is {len(text):,} characters long (at most {limit:,})")
    bad = _BAD_IN_FIELD.search(text)
    if bad is not None:
        raise ValueError(f"{name} contains {describe_character(bad.group())}")
    text = _WHITE.sub(" ", text).strip()
    if limit is not None and len(text) > limit:
        raise ValueError(f"{name} is {len(text):,} characters long (at most {limit:,})")
    return text or None


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a map"
    return f"a value of type {type(value).__name__}"


def shown(name: object) -> str:
    """A file name or path as reports show it and sources store it: one line, only valid Unicode.

    Control characters become escapes (``\\n``, ``\\x07``); bytes that are not UTF-8 (Python reads them as
    lone surrogates, U+DC80–U+DCFF) become ``\\xNN``; a backslash stays as it is.
    """
    return one_line(str(name))


def has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None
