"""The reads an answer makes per source stay the same however many sources report on an agreement: each store's
own profiler counts the work (FalkorDB: the records every operation of the plan produced; Neo4j: database hits),
not time. Found by the soak (issue 19): at 10,000 synthetic sources, the page of the busiest host's claims took
15 s on FalkorDB, which had planned the one pattern from the agreement and read every claim about it per source."""

from __future__ import annotations

import re
from typing import Any

from neo4j import GraphDatabase

from dakg.config import Settings
from dakg.ingest.load import load_fragment
from dakg.store import GraphStore, get_query
from dakg.store.falkordb import FalkorStore

from .corpus import Doc

KEY = "NOR-MDA"


def _db_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(_db_hits(child) for child in plan.get("children", []))


def _work(store: GraphStore, settings: Settings, name: str, params: dict[str, Any]) -> int:
    query = get_query(name, store.dialect)
    if isinstance(store, FalkorStore):
        plan = store.graph.profile(query.body, params)
        return sum(int(n) for line in plan.plan for n in re.findall(r"Records produced: (\d+)", str(line)))
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    with GraphDatabase.driver(settings.store_url, auth=auth) as driver:
        summary = driver.execute_query("PROFILE " + query.body, params, database_=settings.neo4j_database).summary
    assert summary.profile is not None
    return _db_hits(summary.profile)


def _report(i: int) -> Doc:
    text = f"Report {i}: Norway said on day {i} that {i + 2} rejected asylum seekers were flown to Moldova."
    doc = Doc(text=text, title=f"Report {i}", published="2030-01-01")
    doc.claim(KEY, "status", "implemented", text)
    return doc


def test_the_reads_of_one_sources_claims_and_report_do_not_grow_with_the_agreements_other_sources(
    store: GraphStore, settings: Settings
) -> None:
    few, many = 10, 120
    written = 0
    work: dict[int, dict[str, int]] = {}
    for size in (few, many):
        for i in range(written, size):
            assert load_fragment(store, _report(i).fragment()).outcome == "new"
        written = size
        [source] = [r["key"] for r in store.run("MATCH (s:Source {title: 'Report 3'}) RETURN s.key AS key")[0]]
        pairs = [{"source": source, "subject": KEY}]
        claims = {"pairs": pairs, "fields": None, "claims_limit": 50}
        assert [len(r["claims"]) for r in store.read("agreement_source_claims", claims)] == [1]
        assert [r["status"] for r in store.read("export_reports", {"pairs": pairs})] == ["implemented"]
        work[size] = {
            "agreement_source_claims": _work(store, settings, "agreement_source_claims", claims),
            "export_reports": _work(store, settings, "export_reports", {"pairs": pairs}),
        }
    grew = {name: (work[few][name], work[many][name]) for name in work[few] if work[many][name] > 1.5 * work[few][name]}
    assert not grew, f"the read grew with the agreement's sources ({few} sources, then {many}): {grew}"
