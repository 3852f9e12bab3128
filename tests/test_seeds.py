"""The seed articles from ../shared, scored against their gold annotation, and the graph they build."""

from __future__ import annotations

from pathlib import Path

import pytest

from dakg.config import Settings
from dakg.ingest.evaluate import load_gold, score
from dakg.ingest.fragment import Fragment
from dakg.ingest.nlp import get_pipeline
from dakg.ingest.pipeline import extract_paths, ingest
from dakg.store import GraphStore

from .graph_checks import check_invariants, snapshot

pytestmark = pytest.mark.integration

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"

# Thresholds stated in the README. The seeds are the development set (the rules were written while reading
# them), so their bar is high; the held-out texts were written by someone who had not seen the rules. An
# official's state counts only where the text gives it (the seeds name Trump, Biden and Starmer without one),
# so that bar is low; the gold annotation adds states from world knowledge.
SEED_THRESHOLDS = {
    "agreement_pairs": 0.95,
    "agreement_pairs_primary": 0.95,
    "status": 0.95,
    "status_precision": 0.7,
    "cap": 0.95,
    "officials": 0.95,
    "official_country": 0.4,
    "countries": 0.95,
    "quote_integrity": 1.0,
    "evidence_integrity": 1.0,
}
HELDOUT_THRESHOLDS = {
    "agreement_pairs": 0.8,
    "agreement_pairs_primary": 0.9,
    "status": 0.75,
    "status_precision": 0.8,
    "cap": 0.65,
    "cap_precision": 0.95,
    "officials": 0.85,
    "official_country": 0.4,
    "countries": 0.95,
    "quote_integrity": 1.0,
    "evidence_integrity": 1.0,
}


def _scores(gold: Path, corpus: Path) -> dict[str, float]:
    settings = Settings(spacy_model="en_core_web_md", max_document_bytes=1_000_000)
    fragments = [f for f in extract_paths([str(corpus)], settings) if isinstance(f, Fragment)]
    result = score(load_gold(gold), fragments).as_dict()
    assert not result["unmatched_gold"]
    return {k: float(v["f1"] if "f1" in v else v["accuracy"]) for k, v in result.items() if isinstance(v, dict)}


def test_seed_scores_hold_their_thresholds(shared_dir: Path) -> None:
    scores = _scores(shared_dir / "gold" / "seeds.json", shared_dir / "corpus" / "seeds")
    failing = {k: (scores[k], bar) for k, bar in SEED_THRESHOLDS.items() if scores[k] < bar}
    assert not failing, failing


def test_heldout_scores_hold_their_thresholds() -> None:
    scores = _scores(HELDOUT / "gold.json", HELDOUT)
    failing = {k: (scores[k], bar) for k, bar in HELDOUT_THRESHOLDS.items() if scores[k] < bar}
    assert not failing, failing


def test_seed_graph_answers_the_headline_question(shared_dir: Path, store: GraphStore) -> None:
    nlp = get_pipeline("en_core_web_md")
    seeds = str(shared_dir / "corpus" / "seeds")
    first = ingest([seeds], store, nlp, max_bytes=1_000_000)
    assert (first.new, first.failed) == (5, 0)
    rows, _ = store.run(
        "MATCH (s:Source)-[:CLAIMS]->(c:Claim {field: 'status'})-[:ABOUT]->(:Agreement {key: 'USA-RWA'}) "
        "RETURN s.path AS path, s.text AS text, c.value AS value, c.quote AS quote, c.start AS start, c.end AS end"
    )
    by_source: dict[str, set[str]] = {}
    for row in rows:
        assert row["text"][row["start"] : row["end"]] == row["quote"]
        by_source.setdefault(Path(row["path"]).name, set()).add(row["value"])
    assert len(by_source) == 5, "every seed source has its own status claim on US–Rwanda"
    assert by_source["001_bbc2cc805aedb93a.txt"] >= {"signed"}
    assert by_source["004_597000488d54e55f.txt"] >= {"agreed"}
    assert "under_negotiation" in by_source["000_e6235d95bffc9977.txt"]
    rows, _ = store.run(
        "MATCH (s:Source)-[:CLAIMS]->(c:Claim {field: 'status', value: 'scrapped'})"
        "-[:ABOUT]->(:Agreement {key: 'GBR-RWA'}) RETURN s.path AS path"
    )
    assert [Path(r["path"]).name for r in rows] == ["003_074ec93c4712bd3c.txt"]
    rows, _ = store.run(
        "MATCH (o:Official)<-[:ABOUT]-(k:Claim {field: 'acts_for'}) RETURN DISTINCT o.name AS name, k.value AS country,"
        " k.basis AS basis"
    )
    # The states the seeds themselves give ("US Secretary of State Marco Rubio", "Rwandan official Nduhungirehe")
    # have a text basis; Trump, Biden and Starmer are named there without a state, so theirs comes from the table
    # of office holders, labelled as such.
    assert sorted((r["name"], r["country"], r["basis"]) for r in rows) == [
        ("Biden", "USA", "reference"),
        ("Donald Trump", "USA", "reference"),
        ("Keir Starmer", "GBR", "reference"),
        ("Marco Rubio", "USA", "text"),
        ("Nduhungirehe", "RWA", "text"),  # the name as the seed spells it; the table's spelling is an alias
    ]
    rows, _ = store.run("MATCH (o:Official) RETURN o.name AS name")
    named = {r["name"] for r in rows}
    for gold_doc in load_gold(shared_dir / "gold" / "seeds.json"):
        for official in gold_doc["officials"]:
            assert any(name.split()[-1] == official["name"].split()[-1] for name in named), official["name"]
    check_invariants(store)
    before = snapshot(store)
    second = ingest([seeds], store, nlp, max_bytes=1_000_000)
    assert (second.new, second.unchanged) == (0, 5)
    assert snapshot(store) == before
