"""dakg eval's scoring (dakg.ingest.evaluate) on hand-written fragments: exact figures, no model."""

from __future__ import annotations

import pytest

from dakg.ingest.evaluate import at_confidence, details, score
from dakg.ingest.fragment import Fragment

from .corpus import Doc

pytestmark = pytest.mark.unit


def _fragment() -> Fragment:
    s1 = "Moldova agreed to take up to 40 people deported from Norway."
    s2 = "Lawyers said Norway and Georgia had agreed on transfers too."
    doc = Doc(text=f"{s1} {s2}", title="Moldova to take 40 deportees from Norway")
    doc.claim("NOR-MDA", "status", "agreed", s1, 0.81).claim("NOR-MDA", "cap", 40, s1, 0.72)
    doc.claim("NOR-GEO", "status", "agreed", s2, 0.32)
    fragment = doc.fragment()
    return fragment.model_copy(update={"source": fragment.source.model_copy(update={"path": "/x/doc.txt"})})


GOLD = [
    {
        "source_file": "doc.txt",
        "agreements": [
            {"deporting_country": "NOR", "host_country": "MDA", "status_claimed": "agreed", "cap": 40},
        ],
        "officials": [],
        "countries_mentioned": ["NOR", "MDA", "GEO"],
    }
]


def test_an_answer_at_a_confidence_leaves_out_agreements_only_weakly_claimed() -> None:
    fragment = _fragment()
    assert [a.key for a in at_confidence(fragment, 0.4).agreements] == ["NOR-MDA"]
    assert [a.key for a in at_confidence(fragment, 0.0).agreements] == ["NOR-MDA", "NOR-GEO"]


def test_scores_at_the_default_and_with_every_claim() -> None:
    shown = score(GOLD, [_fragment()], min_confidence=0.4).as_dict()
    assert (shown["agreement_pairs"]["tp"], shown["agreement_pairs"]["fp"]) == (1, 0)
    assert (shown["cap"]["right"], shown["status"]["right"]) == (1, 1)
    everything = score(GOLD, [_fragment()]).as_dict()
    assert (everything["agreement_pairs"]["tp"], everything["agreement_pairs"]["fp"]) == (1, 1)
    [detail] = details(GOLD, [_fragment()], min_confidence=0.0)
    assert (detail["missed"], detail["extra"]) == ([], ["NOR-GEO"])
