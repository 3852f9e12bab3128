"""Stage 4d — dates: when a sentence says something happened, as an ISO date (or month, or year).

Relative dates ("on Thursday", "last March") resolve against the source's publication date; without one
they are not claimed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span

from dakg.ingest.rules.records import Evidence
from dakg.ingest.rules.registry import rule, rule_id

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


@dataclass(frozen=True)
class When:
    value: str
    raw: str
    evidence: Evidence
    rule: str


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


@rule("dates", "normalize")
def normalize(raw: str, published: date | None) -> str | None:
    """An ISO date (or YYYY-MM, YYYY, YYYY/YYYY) for a DATE entity's text; "Thursday", "last March" need the
    publication date."""
    text = raw.lower().strip()
    text = re.sub(
        r"^(on|in|since|from|by|until|last|this|early|late|mid-?|the)\s+",
        lambda m: m.group(0) if m.group(1) == "last" else "",
        text,
    )
    match = re.fullmatch(r"(?:mid-?|early |late )?(\d{4})", text)
    if match:
        return match.group(1)
    match = re.fullmatch(r"(?:between )?(\d{4}) (?:and|to|-|–) (\d{4})", text)
    if match:
        return f"{match.group(1)}/{match.group(2)}"
    match = re.fullmatch(
        r"(?:the )?(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})|([a-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", text
    )
    if match:
        day, month_name, year = (
            (match.group(1), match.group(2), match.group(3))
            if match.group(1)
            else (match.group(5), match.group(4), match.group(6))
        )
        month = _MONTHS.get(month_name)
        if month:
            try:
                return date(int(year), month, int(day)).isoformat()
            except ValueError:
                return None
    match = re.fullmatch(r"([a-z]+),? (\d{4})", text)
    if match and match.group(1) in _MONTHS:
        return f"{match.group(2)}-{_MONTHS[match.group(1)]:02d}"
    if published is None:
        return None
    match = re.fullmatch(r"(last )?([a-z]+)", text)
    if match and match.group(2) in _MONTHS:
        month = _MONTHS[match.group(2)]
        this_year = month < published.month or (month == published.month and not match.group(1))
        return f"{published.year if this_year else published.year - 1}-{month:02d}"
    if match and match.group(2) in _WEEKDAYS and not match.group(1):
        delta = (published.weekday() - _WEEKDAYS[match.group(2)]) % 7
        return (published - timedelta(days=delta)).isoformat()
    return None


def dates(ents: tuple[Span, ...], published: date | None) -> list[When]:
    found = []
    for ent in ents:
        if ent.label_ != "DATE":
            continue
        value = normalize(ent.text, published)
        if value is not None:
            found.append(
                When(value, ent.text, Evidence(ent.start_char, ent.end_char, ent.text, "value"), rule_id(normalize))
            )
    return found
