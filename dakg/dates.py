"""When a source counts as published by a given day: the one rule behind every ``as_of`` answer.

Publication dates are ISO 8601 strings of day, month or year precision (``2025-08-05``, ``2025-08``, ``2025``).

- A source dated to the day counts from that day on: as of 2023-11-14 a source published on 2023-11-15 is
  not yet in the record, one published on 2023-11-14 is.
- A source dated only to a month or a year counts once that month or year is over (it may have appeared on
  its last day): ``2025-08`` counts as of 2025-09-01, ``2025`` as of 2026-01-01.
- An undated source never counts in an as-of answer; answers say how many were left out.

The stores apply the same rule in Cypher (``substring(s.published + '-99-99', 0, 10) <= $as_of``: a month
``2025-08`` reads as ``2025-08-99``, after every day of August and before every day of September);
``published_by`` is the same comparison in Python, and a test checks that both agree.
"""

from __future__ import annotations

import re
from datetime import date

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def sortable(published: str) -> str:
    """The date as the rule compares it: a month or a year padded past its last day."""
    return (published + "-99-99")[:10]


def published_by(published: str | None, as_of: str) -> bool:
    """Whether a source with this publication date is in the record as of ``as_of`` (YYYY-MM-DD)."""
    return published is not None and sortable(published) <= as_of


def check_day(value: str) -> str:
    """``value`` if it is a real calendar day written YYYY-MM-DD, else ValueError."""
    if not _DAY.match(value):
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD")
    date.fromisoformat(value)  # 2025-02-30 is refused here
    return value
