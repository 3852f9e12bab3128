"""The dispute rules (dakg.answers.dispute_rules): status, cap and payment, from sources and from their aggregates."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dakg.answers.dispute_rules import (
    Cap,
    Payment,
    SourcePosition,
    Stance,
    StatusGroup,
    caps_conflict,
    disputed_fields,
    groups_disputes,
    payments_conflict,
    positions_disputes,
    sides,
    statuses_conflict,
)
from dakg.schema import STATUS_KINDS, Status


@pytest.mark.parametrize(
    ("stances", "conflict"),
    [
        ([Stance(None, "under_negotiation"), Stance(None, "signed")], True),  # undated talks against a deal
        ([Stance("2025-05-05", "under_negotiation"), Stance("2025-08-05", "agreed")], False),  # progress
        ([Stance("2025-08-05", "agreed"), Stance("2025-08-12", "under_negotiation")], True),  # talks after a deal
        ([Stance("2025-08-05", "agreed"), Stance("2025-08-05", "under_negotiation")], True),  # the same day
        ([Stance("2025-07-16", "implemented"), Stance("2025-09-12", "agreed")], False),  # stages of a live deal
        (
            [Stance("2022-04-14", "signed"), Stance("2023-11-15", "struck_down"), Stance("2024-07-06", "scrapped")],
            False,
        ),
        ([Stance("2024-07-06", "scrapped"), Stance("2024-08-01", "implemented")], True),  # alive after its end
        ([Stance("2024-08-01", "implemented"), Stance(None, "scrapped")], True),  # an undated end
        ([Stance("2025-01", "proposed"), Stance("2025-02-01", "agreed")], False),  # month precision still orders
        ([Stance(None, "agreed"), Stance(None, "agreed", True)], True),  # a denial
        ([Stance(None, "implemented"), Stance(None, "agreed", True)], True),  # implemented implies agreed
        ([Stance(None, "agreed"), Stance(None, "implemented", True)], False),  # agreed does not imply implemented
        ([Stance(None, "scrapped"), Stance(None, "implemented", True)], False),  # scrapped before anyone was sent
        ([Stance(None, "agreed", True), Stance(None, "signed", True)], False),  # denials alone affirm nothing
        ([Stance("2025-01-01", "agreed")], False),
        ([], False),
    ],
)
def test_when_statuses_conflict(stances: list[Stance], conflict: bool) -> None:
    assert statuses_conflict(stances) is conflict


@pytest.mark.parametrize(
    ("payments", "conflict"),
    [
        # £120m, then £140m, then £290m "so far": one scheme's running total, progress and not a dispute.
        (
            [
                Payment(120e6, "GBP", "", "2022-04-14"),
                Payment(140e6, "GBP", "", "2023-11-15"),
                Payment(290e6, "GBP", "", "2024-03-07"),
            ],
            False,
        ),
        ([Payment(290e6, "GBP", "", "2024-03-07"), Payment(120e6, "GBP", "", "2022-04-14")], False),  # any order
        ([Payment(120e6, "GBP", "", "2022-04"), Payment(140e6, "GBP", "", "2022-05-01")], False),  # April, then May
        ([Payment(140e6, "GBP", "", "2023-11-15"), Payment(120e6, "GBP", "", "2024-01-10")], True),  # it fell
        ([Payment(120e6, "GBP", "", "2022-04-14"), Payment(140e6, "GBP", "", "2022-04-14")], True),  # same day
        ([Payment(140e6, "GBP", "", "2022-04-30"), Payment(120e6, "GBP", "", "2022-04")], True),  # April ends later
        ([Payment(120e6, "GBP", "", "2022-04-14"), Payment(140e6, "GBP")], True),  # an undated new amount
        (
            [Payment(120e6, "GBP", "", "2022-04-14"), Payment(140e6, "GBP", "", "2023-01-01"), Payment(120e6, "GBP")],
            False,
        ),  # an undated report repeats a dated one
        ([Payment(120e6, "GBP", "", "2022-04-14"), Payment(140e6, "EUR", "", "2023-11-15")], True),  # currencies
        # A price per person is not a running total.
        ([Payment(7500, "USD", "per person", "2025-01-01"), Payment(9000, "USD", "per person", "2025-06-01")], True),
        ([Payment(7500, "USD", "per person", "2025-01-01"), Payment(120e6, "USD", "", "2025-06-01")], False),
    ],
)
def test_payments_that_add_up_are_progress(payments: list[Payment], conflict: bool) -> None:
    assert payments_conflict(payments) is conflict


def test_a_running_total_across_sources_is_no_dispute_but_a_fall_is() -> None:
    signed = SourcePosition("a", "2022-04-14", "signed", payments=(Payment(120e6, "GBP"),))
    court = SourcePosition("b", "2023-11-15", "struck_down", payments=(Payment(140e6, "GBP"),))
    assert positions_disputes([signed, court]) == []
    later = SourcePosition("c", "2024-02-01", "struck_down", payments=(Payment(100e6, "GBP"),))
    assert positions_disputes([signed, court, later]) == ["payment"]


def test_caps_conflict_only_within_a_kind() -> None:
    assert caps_conflict([Cap(250), Cap(250), Cap(100, "per year")]) is False  # a total and a yearly cap
    assert caps_conflict([Cap(250), Cap(160)]) is True
    assert caps_conflict([Cap(100, "per year"), Cap(150, "per year"), Cap(250)]) is True
    assert caps_conflict([]) is False


def test_payments_conflict_on_amount_or_currency_within_a_kind() -> None:
    assert payments_conflict([Payment(120e6, "GBP"), Payment(120e6, "GBP")]) is False
    assert payments_conflict([Payment(120e6, "GBP"), Payment(7500, "USD", "per person")]) is False
    assert payments_conflict([Payment(120e6, "GBP"), Payment(240e6, "GBP")]) is True  # undated: cannot be placed
    assert payments_conflict([Payment(7500, "USD", "per person"), Payment(7500, "EUR", "per person")]) is True


def test_disputed_fields_come_in_the_order_of_the_schema() -> None:
    talks_and_deal = [Stance(None, "proposed"), Stance(None, "signed")]
    assert disputed_fields(talks_and_deal, [Cap(1), Cap(2)], [Payment(1, "USD"), Payment(2, "USD")]) == [
        "status",
        "cap",
        "payment",
    ]
    assert disputed_fields([], [Cap(1)], [Payment(1, "USD"), Payment(2, "USD")]) == ["payment"]
    assert disputed_fields([], [], []) == []


def test_an_article_that_carries_a_claim_and_its_denial_is_a_dispute_on_its_own() -> None:
    alone = SourcePosition("s1", "2025-05-01", "agreed", denied=("agreed",))
    assert alone.stances() == [Stance("2025-05-01", "agreed"), Stance("2025-05-01", "agreed", True)]
    assert positions_disputes([alone]) == ["status"]


def test_sides_name_the_sources_that_take_each_position() -> None:
    positions = [
        SourcePosition("a", "2025-08-05", "agreed", caps=(Cap(250),), payments=(Payment(7.5e6, "USD"),)),
        SourcePosition("b", "2025-08-12", "under_negotiation", caps=(Cap(250), Cap(100, "per year"))),
        SourcePosition("c", None, None, denied=("agreed",), caps=(Cap(160),)),
    ]
    assert sides(positions, "status") == {
        ("agreed", None, None, False): ["a"],
        ("under_negotiation", None, None, False): ["b"],
        ("agreed", None, None, True): ["c"],
    }
    assert sides(positions, "cap") == {
        (250, None, None, False): ["a", "b"],
        (100, None, "per year", False): ["b"],
        (160, None, None, False): ["c"],
    }
    assert sides(positions, "payment") == {(7.5e6, "USD", None, False): ["a"]}
    assert positions_disputes(positions) == ["status", "cap"]


# The API decides from aggregates (one group per status); the answer must be the one the sources give.

STATUS_VALUES: list[Status] = list(STATUS_KINDS)
dates = st.one_of(st.none(), st.sampled_from(["2023-01-01", "2024-06", "2024-06-15", "2025-02-01", "2025-02-01"]))
positions = st.lists(
    st.builds(
        SourcePosition,
        source=st.text("abcdef", min_size=1, max_size=3),
        published=dates,
        status=st.one_of(st.none(), st.sampled_from(STATUS_VALUES)),
        denied=st.lists(st.sampled_from(STATUS_VALUES), max_size=2).map(tuple),
        caps=st.lists(st.builds(Cap, st.sampled_from([100, 250]), st.sampled_from(["", "per year"])), max_size=2).map(
            tuple
        ),
        payments=st.lists(
            st.builds(Payment, st.sampled_from([1.0, 2.0]), st.sampled_from(["USD", "GBP"]), st.just("")), max_size=2
        ).map(tuple),
    ),
    max_size=6,
)


def aggregate(items: list[SourcePosition]) -> list[StatusGroup]:
    """What cypher/agreement_positions.cypher computes: one group per own status (None included)."""
    by_status: dict[Status | None, list[SourcePosition]] = defaultdict(list)
    for item in items:
        by_status[item.status].append(item)
    groups = []
    for status, members in by_status.items():
        dated = [p.published for p in members if p.published]
        groups.append(
            StatusGroup(
                status=status,
                undated=sum(1 for p in members if not p.published),
                first=min(dated, default=None),
                last=max(dated, default=None),
                denied=tuple(dict.fromkeys(d for p in members for d in p.denied)),
                caps=tuple(dict.fromkeys(c for p in members for c in p.caps)),
                payments=tuple(dict.fromkeys(x._replace(published=p.published) for p in members for x in p.payments)),
            )
        )
    return groups


@settings(max_examples=400, deadline=None)
@given(positions)
def test_aggregates_decide_as_the_sources_do(items: list[SourcePosition]) -> None:
    assert groups_disputes(aggregate(items)) == positions_disputes(items)


def test_the_aggregate_check_can_tell_a_difference() -> None:
    # Dropping the group's last date would miss "talks after a deal": the comparison above is not vacuous.
    items = [
        SourcePosition("a", "2025-01-01", "agreed"),
        SourcePosition("b", "2025-03-01", "under_negotiation"),
        SourcePosition("c", "2024-01-01", "under_negotiation"),
    ]
    [agreed, talks] = aggregate(items)
    assert groups_disputes([agreed, talks]) == ["status"]
    assert groups_disputes([agreed, StatusGroup(talks.status, 0, talks.first, talks.first)]) == []
