"""Loading hand-written fragments into the real embedded store: the graph the schema declares, one atomic and
idempotent write per document, replacement and removal. (With the real extractor: tests/test_ingest.py.)"""

from __future__ import annotations

import pytest

from dakg.answers.examples import AGREEMENT
from dakg.ingest.fragment import AgreementOut, text_key
from dakg.ingest.load import fragment_params, load_fragment, remove_source
from dakg.ingest.pipeline import Prepared, prepared_documents
from dakg.schema import FACT_RELATIONSHIPS
from dakg.store.falkordb import FalkorStore

from .conftest import REPO
from .corpus import FRAGMENTS, KEYS, Doc
from .graph_checks import check_invariants, snapshot


def test_the_corpus_builds_the_graph_the_schema_declares(corpus_store: FalkorStore) -> None:
    check_invariants(corpus_store)
    rows, _ = corpus_store.run("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n ORDER BY label")
    counts = {r["label"]: r["n"] for r in rows}
    claims = sum(len(fragment_params(f)["claims"]) for f in FRAGMENTS.values())
    bands = len({b for f in FRAGMENTS.values() for b in fragment_params(f)["source"]["bands"]})
    assert counts == {
        "Agreement": 4,
        "Claim": claims,
        "Country": 8,
        "Graph": 1,
        "MinHashBand": bands,
        "MigrantGroup": 2,
        "Official": 2,
        "Source": 12,
    }
    rows, _ = corpus_store.run("MATCH (g:Graph) RETURN g.version AS version")
    assert rows == [{"version": 12}]  # one write per document


def test_fact_edges_list_every_claim_and_source_that_backs_them(corpus_store: FalkorStore) -> None:
    rows, _ = corpus_store.run(
        "MATCH (a:Agreement {key: 'USA-RWA'})-[r:HOST_PARTY]->(c:Country) RETURN c.key AS host, r.sources AS sources"
    )
    assert [(r["host"], sorted(r["sources"])) for r in rows] == [
        ("RWA", sorted(KEYS[n] for n in ("rwa-talks", "rwa-deal", "rwa-doubt", "rwa-arrivals")))
    ]
    rows, _ = corpus_store.run(
        "MATCH (:Official {key: 'olivier-nduhungirehe'})-[r:INVOLVED_IN]->(:Agreement) RETURN r.claims AS claims"
    )
    involved = [
        c["key"]
        for name in ("rwa-talks", "rwa-deal")
        for c in fragment_params(FRAGMENTS[name])["claims"]
        if c["field"] == "official"
    ]
    assert [sorted(r["claims"]) for r in rows] == [sorted(involved)]


def test_loading_again_changes_nothing(fresh_corpus: FalkorStore) -> None:
    before = snapshot(fresh_corpus)
    assert {load_fragment(fresh_corpus, f).outcome for f in FRAGMENTS.values()} == {"unchanged"}
    params = fragment_params(FRAGMENTS["rwa-deal"])
    fresh_corpus.write("write_document", params)  # the statement itself is idempotent too
    assert snapshot(fresh_corpus) == before


def test_a_new_extractor_version_replaces_a_sources_claims(fresh_corpus: FalkorStore) -> None:
    before = snapshot(fresh_corpus)
    upgraded = FRAGMENTS["rwa-deal"].model_copy(deep=True)
    upgraded.source.extractor_version = "test-rules-2"
    assert load_fragment(fresh_corpus, upgraded).outcome == "replaced"
    rows, _ = fresh_corpus.run(
        "MATCH (c:Claim {source: $k}) RETURN DISTINCT c.extractor_version AS v", {"k": KEYS["rwa-deal"]}
    )
    assert rows == [{"v": "test-rules-2"}]
    assert snapshot(fresh_corpus) == before  # the same claims, keyed by content: replaced one for one
    check_invariants(fresh_corpus)


def test_removing_a_source_removes_what_only_it_backs(fresh_corpus: FalkorStore) -> None:
    assert remove_source(fresh_corpus, KEYS["gbr-scrapped"])
    rows, _ = fresh_corpus.run("MATCH (o:Official) RETURN o.key AS key ORDER BY key")
    assert rows == [{"key": "olivier-nduhungirehe"}]  # Keir Starmer was named only there
    for name in ("isr-denial", "isr-flights"):
        assert remove_source(fresh_corpus, KEYS[name])
    rows, _ = fresh_corpus.run("MATCH (a:Agreement) RETURN a.key AS key ORDER BY key")
    assert [r["key"] for r in rows] == ["GBR-RWA", "USA-RWA", "USA-SWZ"]
    rows, _ = fresh_corpus.run("MATCH (g:MigrantGroup) RETURN g.source AS source")
    assert rows == [{"source": KEYS["rwa-deal"]}]
    check_invariants(fresh_corpus)
    assert not remove_source(fresh_corpus, "0" * 64)


def test_an_agreement_without_claims_contributes_nothing(store: FalkorStore) -> None:
    text = "Rwanda and the United States were both mentioned in passing here."
    fragment = Doc(text=text).fragment()
    fragment.agreements.append(AgreementOut(key="USA-RWA", deporting="USA", host="RWA", name="x", claims=[]))
    assert load_fragment(store, fragment).outcome == "new"
    rows, _ = store.run("MATCH (a:Agreement) RETURN count(a) AS n")
    assert rows == [{"n": 0}]
    check_invariants(store)


def test_an_edge_from_an_entity_no_claim_is_about_is_refused(store: FalkorStore) -> None:
    text = "Rwanda has agreed to accept people deported from the United States, said Jane Doe."
    fragment = Doc(text=text).claim("USA-RWA", "official", "jane-doe", text).fragment()  # Jane Doe is not listed
    with pytest.raises(ValueError, match="INVOLVED_IN edge from 'jane-doe'"):
        load_fragment(store, fragment)
    assert store.read("source_version", {"key": fragment.source.key}) == []


def test_every_fact_edge_type_is_written_by_the_one_backing_block(corpus_store: FalkorStore) -> None:
    written = {e["type"] for f in FRAGMENTS.values() for e in fragment_params(f)["edges"]}
    assert written == set(FACT_RELATIONSHIPS) - {"REPORTS"}  # the corpus exercises all six


def test_the_openapi_examples_quote_the_demo_corpus_exactly() -> None:
    prepared = [p for p in prepared_documents([str(REPO / "corpus" / "demo")], 5_000_000) if isinstance(p, Prepared)]
    by_key = {text_key(p.text): p.text for p in prepared}
    assert len(by_key) == 15  # cleaning needs no model: the keys and offsets of the examples can be checked here
    for source in AGREEMENT["sources"]:
        text = by_key[source["source"]["key"]]
        for claim in source["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["quote"]
