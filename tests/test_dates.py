"""The date rules and patterns of dakg.dates that the API, the CLI and the schema share (as-of: test_as_of.py;
reading metadata dates: test_read.py)."""

from __future__ import annotations

import re

import pytest

from dakg.dates import PERIOD_PATTERN, check_period, is_period, through
from dakg.schema.model import Property

PUBLISHED = Property(name="published", type="date", description="a publication date")


@pytest.mark.parametrize("value", ["2025", "2025-08", "2025-08-05"])
def test_a_period_is_a_year_a_month_or_a_day(value: str) -> None:
    assert is_period(value) and check_period(value) == value
    assert re.search(PERIOD_PATTERN, value)  # the OpenAPI parameters' pattern says the same
    assert PUBLISHED.problem(value) is None  # and so does the graph's schema


@pytest.mark.parametrize("value", ["25", "2025-8", "2025/08", "last week", "2025\n", "2025-08-05T10:00:00Z", ""])
def test_anything_else_is_refused_in_one_line(value: str) -> None:
    assert not is_period(value) and PUBLISHED.problem(value) is not None
    with pytest.raises(ValueError, match=r"is not a date \(YYYY, YYYY-MM or YYYY-MM-DD\)"):
        check_period(value)


def test_a_periods_upper_bound_takes_in_the_whole_period() -> None:
    assert through(None) is None
    for period, last_day, next_period in (("2025", "2025-12-31", "2026"), ("2025-08", "2025-08-31", "2025-09")):
        bound = str(through(period))
        assert last_day <= bound < next_period
    assert "2025-08-05" <= str(through("2025-08-05")) < "2025-08-06"
