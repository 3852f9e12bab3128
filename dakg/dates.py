"""Every date rule and pattern of dakg, in one place: how a date is read, written, checked and compared.

Publication dates are ISO 8601 strings of day, month or year precision (``2025-08-05``, ``2025-08``, ``2025``):
a *period*, which is what a source gives and what the graph keeps (``PERIOD_PATTERN``).

- **Reading** (``normalize_date``): what metadata holds — an ISO date, a date and time (its date is kept), a
  month or a year, "5 August 2025", "August 5, 2025", ``2025/08/05``, ``05/08/2025`` (day first), ``20250805``
  — becomes a period, or None.
- **Checking**: a period as the graph's schema, the ``published_from`` / ``published_to`` filters and the CLI's
  ``--published-from`` / ``--published-to`` take it (``PERIOD_PATTERN``, ``check_period``); a day as ``as_of``
  takes it (``ISO_DAY_PATTERN``, ``check_day``); a posted document's ``published`` (``ISO_DATE_PATTERN``). The
  two OpenAPI patterns admit exactly the calendar's dates, so the schema says what the server accepts.
- **A period as a filter's upper bound** (``through``): ``published_to=2025`` takes in ``2025-08-05``.
- **As of a day** (``published_by``), the one rule behind every ``as_of`` answer:

  - A source dated to the day counts from that day on: as of 2023-11-14 a source published on 2023-11-15 is
    not yet in the record, one published on 2023-11-14 is.
  - A source dated only to a month or a year counts once that month or year is over (it may have appeared on
    its last day): ``2025-08`` counts as of 2025-09-01, ``2025`` as of 2026-01-01.
  - An undated source never counts in an as-of answer; answers say how many were left out.

  The stores apply the same rule in Cypher (``substring(s.published + '-99-99', 0, 10) <= $as_of``: a month
  ``2025-08`` reads as ``2025-08-99``, after every day of August and before every day of September);
  ``published_by`` is the same comparison in Python (``sortable``), and a test checks that both agree.

The extractor's own rule for dates *in the text* ("on Thursday", "last March") is a rule of its stage 4
(``dakg.ingest.rules.dates``), not a rule of this module.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

# --- patterns -------------------------------------------------------------------------------------------------

# A period as written: YYYY, YYYY-MM or YYYY-MM-DD (the form, not the calendar: what the graph keeps).
PERIOD_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
PERIOD_HELP = "YYYY, YYYY-MM or YYYY-MM-DD"
_PERIOD = re.compile(PERIOD_PATTERN)  # used with fullmatch: no trailing newline slips through "$"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

_YEAR = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"  # 0001-9999
_MONTH_DAY = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_LEAP_DAY = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29"
_TIME = (
    "(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.][0-9]{1,6})?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?)"
)
# An ISO 8601 date that is on the calendar (leap days included), alone or with a time of day (OpenAPI).
ISO_DATE_PATTERN = f"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_DAY}){_TIME}?)$"
# A day on the calendar, YYYY-MM-DD (as_of): the schema admits exactly what ``check_day`` accepts.
ISO_DAY_PATTERN = f"^(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_DAY})$"


# --- checking -------------------------------------------------------------------------------------------------


def is_period(value: Any) -> bool:
    """Whether ``value`` is a period as the graph keeps one (text of the form YYYY, YYYY-MM or YYYY-MM-DD)."""
    return isinstance(value, str) and _PERIOD.fullmatch(value) is not None


def check_period(value: str) -> str:
    """``value`` if it is written as a period (YYYY, YYYY-MM or YYYY-MM-DD), else ValueError."""
    if not is_period(value):
        raise ValueError(f"{value!r} is not a date ({PERIOD_HELP})")
    return value


def check_day(value: str) -> str:
    """``value`` if it is a real calendar day written YYYY-MM-DD, else ValueError."""
    if not _DAY.fullmatch(value):
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD")
    date.fromisoformat(value)  # 2025-02-30 is refused here
    return value


# --- reading --------------------------------------------------------------------------------------------------

_YEAR_OR_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%Y/%m/%d", "%d/%m/%Y", "%Y%m%d")


def normalize_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when that is all there is) from what metadata holds."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if len(text) > 64:
        return None
    partial = _YEAR_OR_MONTH.fullmatch(text)
    if partial:
        year, month = partial.groups()
        if year == "0000" or (month is not None and not "01" <= month <= "12"):
            return None
        return text
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


# --- comparing ------------------------------------------------------------------------------------------------


def through(period: str | None) -> str | None:
    """The upper bound that takes in the whole of ``period`` when dates are compared as text: ``2025`` takes in
    ``2025-08-05`` (``"~"`` sorts after every digit and ``-``)."""
    return period + "~" if period else None


def sortable(published: str) -> str:
    """The date as the as-of rule compares it: a month or a year padded past its last day."""
    return (published + "-99-99")[:10]


def published_by(published: str | None, as_of: str) -> bool:
    """Whether a source with this publication date is in the record as of ``as_of`` (YYYY-MM-DD)."""
    return published is not None and sortable(published) <= as_of
