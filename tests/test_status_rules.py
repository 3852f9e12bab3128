"""The documented rules that summarise claims: a source's status, and when sources disagree."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dakg.status import source_status, statuses_conflict


@dataclass
class C:
    value: str
    confidence: float
    start: int
    negated: bool = False
    field: str = "status"


def _value(claims: list[C]) -> str:
    chosen = source_status(claims)
    assert chosen is not None
    return str(chosen.value)


def test_a_sources_status_is_its_last_confident_terminal_claim() -> None:
    claims = [C("signed", 0.9, 10), C("struck_down", 0.6, 50), C("scrapped", 0.7, 90), C("suspended", 0.4, 120)]
    assert _value(claims) == "scrapped"  # suspended is later but below 0.5


def test_otherwise_its_most_confident_claim_and_the_earlier_on_a_tie() -> None:
    assert _value([C("agreed", 0.5, 10), C("signed", 0.8, 60)]) == "signed"
    assert _value([C("agreed", 0.8, 10), C("signed", 0.8, 60)]) == "agreed"


def test_negated_and_other_fields_are_not_a_status() -> None:
    assert source_status([C("agreed", 0.9, 0, negated=True), C("250", 0.9, 5, field="cap")]) is None


@pytest.mark.parametrize(
    ("positions", "conflict"),
    [
        ([(None, "under_negotiation", False), (None, "signed", False)], True),  # undated talks against a deal
        ([("2025-05-05", "under_negotiation", False), ("2025-08-05", "agreed", False)], False),  # progress
        ([("2025-08-05", "agreed", False), ("2025-08-12", "under_negotiation", False)], True),  # talks after a deal
        ([("2025-08-05", "agreed", False), ("2025-08-05", "under_negotiation", False)], True),  # the same day
        ([("2025-07-16", "implemented", False), ("2025-09-12", "agreed", False)], False),  # stages of a live deal
        (
            [("2022-04-14", "signed", False), ("2023-11-15", "struck_down", False), ("2024-07-06", "scrapped", False)],
            False,
        ),
        ([("2024-07-06", "scrapped", False), ("2024-08-01", "implemented", False)], True),  # alive after its end
        ([(None, "agreed", False), (None, "agreed", True)], True),  # a denial
        ([(None, "implemented", False), (None, "agreed", True)], True),  # implemented implies agreed
        ([(None, "scrapped", False), (None, "implemented", True)], False),  # scrapped before anyone was sent
        ([("2025-01-01", "agreed", False)], False),
        ([], False),
    ],
)
def test_when_statuses_conflict(positions: list[tuple[str | None, str, bool]], conflict: bool) -> None:
    assert statuses_conflict(positions) is conflict
