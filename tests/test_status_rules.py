"""The documented rule that picks a source's status from its claims (dakg.status)."""

from __future__ import annotations

from dataclasses import dataclass

from dakg.status import source_status


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


def test_otherwise_the_furthest_stage_it_reports_with_confidence() -> None:
    assert _value([C("agreed", 0.5, 10), C("signed", 0.8, 60)]) == "signed"
    assert _value([C("agreed", 0.8, 10), C("signed", 0.6, 60)]) == "signed"  # announced, then signed: signed
    assert _value([C("under_negotiation", 0.9, 10), C("signed", 0.4, 60)]) == "under_negotiation"  # too weak
    assert _value([C("agreed", 0.3, 10), C("signed", 0.2, 60)]) == "signed"  # none reaches 0.5: all count
    assert _value([C("agreed", 0.8, 10), C("agreed", 0.8, 60)]) == "agreed"


def test_negated_and_other_fields_are_not_a_status() -> None:
    assert source_status([C("agreed", 0.9, 0, negated=True), C("250", 0.9, 5, field="cap")]) is None
