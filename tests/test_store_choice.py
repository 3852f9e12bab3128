"""Which stores a test run covers (DAKG_TEST_STORES): both unless told, a subset when told, a typo refused."""

from __future__ import annotations

import pytest

from .stores import ALL_STORE_KINDS, store_kinds


def test_both_stores_unless_told() -> None:
    assert store_kinds(None) == ("falkordb", "neo4j") == ALL_STORE_KINDS
    assert store_kinds("") == ALL_STORE_KINDS


def test_a_subset_when_told() -> None:
    assert store_kinds("falkordb") == ("falkordb",)
    assert store_kinds(" neo4j , falkordb ") == ("neo4j", "falkordb")


@pytest.mark.parametrize("value", ["falkor", "falkordb,mysql", ","])
def test_a_store_it_does_not_know_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="DAKG_TEST_STORES"):
        store_kinds(value)
