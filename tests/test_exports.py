"""Exports (GET /export/..., `dakg export`) on the hand-written corpus: pandas reads the CSVs, networkx the GraphML,
rdflib the JSON-LD; every offset points at the words it claims to; paged reads give the same file as one read."""

from __future__ import annotations

import io
import json
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.namespace import PROV, RDF

from dakg.answers import exports
from dakg.answers.exports.csv import CLAIM_COLUMNS
from dakg.answers.exports.jsonld import CONTEXT_CHARS, DAKG_NS
from dakg.config import Settings
from dakg.store import GraphStore, open_store

from .conftest import CliResult, client_for
from .corpus import DOCS, FRAGMENTS, KEYS
from .stores import settings_env

STORES = ("falkordb",)  # the API's behaviour, on the embedded store; Neo4j answers alike (test_store_parity.py)

OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
DAKG = rdflib.Namespace(DAKG_NS)
TEXTS = {f.source.key: f.source.text for f in FRAGMENTS.values()}


def _graph_claims(store: GraphStore) -> int:
    rows, _ = store.run("MATCH (:Source)-[:CLAIMS]->(c:Claim) RETURN count(c) AS n")
    return int(rows[0]["n"])


def _csv(api: TestClient, name: str, **params: str) -> pd.DataFrame:
    response = api.get(f"/export/{name}", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
    return pd.read_csv(io.StringIO(response.text), keep_default_na=False, na_values=[""])


def test_claims_csv_has_one_row_per_claim_with_its_source_and_exact_offsets(
    api: TestClient, corpus_store: GraphStore
) -> None:
    frame = _csv(api, "claims.csv")
    assert list(frame.columns) == list(CLAIM_COLUMNS)
    assert len(frame) == _graph_claims(corpus_store) == frame["claim"].nunique()
    for row in frame.itertuples():
        text = TEXTS[str(row.source)]
        assert text[int(row.start) : int(row.end)] == row.quote
        if pd.isna(row.evidence_start):  # only an official merely named has no span that states a value
            assert (row.about_label, row.field, row.value, row.evidence) == ("Official", "role", "named", "[]")
        else:
            assert text[int(row.evidence_start) : int(row.evidence_end)] == row.evidence_text
        for span in json.loads(str(row.evidence)):
            assert text[span["start"] : span["end"]] == span["text"]
    deal = frame[(frame.source == KEYS["rwa-deal"]) & (frame.about_label == "Agreement")].set_index("field")
    assert deal.loc["cap", "value"] == "250"
    assert (deal.loc["cap", "agreement"], deal.loc["cap", "deporting"], deal.loc["cap", "host"]) == (
        "USA-RWA",
        "USA",
        "RWA",
    )
    assert (deal.loc["payment", "value"], deal.loc["payment", "currency"]) == ("7500000.0", "USD")
    assert deal.loc["cap", "title"] == "Rwanda signs up to take 250 deportees"
    assert (deal.loc["cap", "outlet"], deal.loc["cap", "published"]) == ("Great Lakes Wire (test)", "2025-08-05")
    assert deal.loc["cap", "url"] == "https://example.org/test/rwa-deal"
    # What a value names: the official's name, the people's description and number.
    assert deal.loc["official", "value_name"] == "Olivier Nduhungirehe"
    assert deal.loc["covers", "value_name"] == "people deported from the United States"
    assert deal.loc["covers", "group_size"] == 250
    denial = frame[(frame.source == KEYS["isr-denial"]) & (frame.field == "status")]
    assert denial["negated"].tolist() == [True]
    # Claims about officials and migrant groups are there too, without an agreement.
    starmer = frame[frame.about == "keir-starmer"].set_index("field")
    assert starmer.loc["role", "value"] == "Prime Minister"
    assert starmer.loc["acts_for", "value_name"] == "United Kingdom"
    assert pd.isna(starmer.loc["role", "agreement"])


def test_claims_csv_filters_by_host_and_dates(api: TestClient) -> None:
    rwa = _csv(api, "claims.csv", host="rwa")
    assert set(rwa["agreement"].dropna()) == {"USA-RWA", "GBR-RWA"}
    # The officials named and the people covered in connection with those agreements, and no one else.
    assert set(rwa[rwa.about_label == "Official"]["about"]) == {"olivier-nduhungirehe", "keir-starmer"}
    assert set(rwa[rwa.about_label == "MigrantGroup"]["source"]) == {KEYS["rwa-deal"]}
    swz = _csv(api, "claims.csv", deporting="USA", host="SWZ")
    assert set(swz["agreement"]) == {"USA-SWZ"} and len(swz) == 4
    window = _csv(api, "claims.csv", published_from="2025-08", published_to="2025-08")
    assert set(window["published"]) == {"2025-08-05", "2025-08-12", "2025-08-28"}
    undated = _csv(api, "claims.csv", host="UGA")
    assert set(undated["source"]) == {KEYS["isr-denial"], KEYS["isr-flights"]}
    assert set(_csv(api, "claims.csv", host="UGA", published_to="2030")["source"]) == {KEYS["isr-denial"]}
    assert len(_csv(api, "claims.csv", host="ALB")) == 0  # a header and nothing else


def test_sources_and_agreements_csv(api: TestClient) -> None:
    sources = _csv(api, "sources.csv").set_index("source")
    assert set(sources.index) == set(KEYS.values())
    assert (
        sources.loc[KEYS["rwa-deal"], "claims"] == 8
    )  # five about the agreement, one about the official, two about the people
    assert sources.loc[KEYS["rwa-deal"], "agreements"] == "USA-RWA"
    assert sources.loc[KEYS["background"], "claims"] == 0
    assert sources["claims"].dtype.kind == "i"  # whole numbers, not 9.0
    assert set(_csv(api, "sources.csv", host="SWZ")["source"]) == {KEYS["swz-arrivals"], KEYS["swz-cap"]}
    agreements = _csv(api, "agreements.csv").set_index("agreement")
    listed = api.get("/agreements", params={"sources_limit": 0}).json()["items"]
    assert list(agreements.index) == [a["key"] for a in listed]
    for item in listed:
        row = agreements.loc[item["key"]]
        assert row["current_status"] == item["current_status"]["value"]
        assert (row["sources"], row["claims"]) == (item["sources_total"], item["claims_total"])
        assert bool(row["disputed"]) is item["disputed"]
    assert agreements.loc["USA-RWA", "current_status_source"] == KEYS["rwa-arrivals"]
    assert list(_csv(api, "agreements.csv", host="RWA")["agreement"]) == ["GBR-RWA", "USA-RWA"]


def test_graphml_reads_in_networkx_with_every_claim_and_its_edges(api: TestClient, corpus_store: GraphStore) -> None:
    response = api.get("/export/graph.graphml")
    assert response.headers["content-type"].startswith("application/graphml+xml")
    graph = nx.read_graphml(io.BytesIO(response.content))
    labels = Counter(data["label"] for _, data in graph.nodes(data=True))
    assert labels["Claim"] == _graph_claims(corpus_store)
    assert labels["Source"] == len(KEYS) - 1  # the background piece claims nothing
    assert labels["Agreement"] == 4
    types = Counter(data["type"] for _, _, data in graph.edges(data=True))
    assert types["CLAIMS"] == types["ABOUT"] == labels["Claim"]
    assert types["REPORTS"] == 11  # one per source and agreement it reports on
    assert types["DEPORTING_PARTY"] == types["HOST_PARTY"] == 4
    assert graph.edges[KEYS["rwa-deal"], "USA-RWA"]["status"] == "agreed"
    assert graph.nodes["USA-RWA"]["host"] == "RWA" and graph.nodes["RWA"]["name"] == "Rwanda"
    assert graph.has_edge("USA-RWA", "RWA") and graph.has_edge("keir-starmer", "GBR")
    for key, data in graph.nodes(data=True):
        if data["label"] == "Claim":
            source = next(s for s, _ in graph.in_edges(key))
            assert TEXTS[source][data["start"] : data["end"]] == data["quote"]
            assert isinstance(data["negated"], bool) and isinstance(data["start"], int)
    narrowed = nx.read_graphml(io.BytesIO(api.get("/export/graph.graphml", params={"host": "SWZ"}).content))
    assert {k for k, d in narrowed.nodes(data=True) if d["label"] == "Agreement"} == {"USA-SWZ"}
    assert {k for k, d in narrowed.nodes(data=True) if d["label"] == "Country"} == {"USA", "SWZ"}


def parse_jsonld(text: str) -> rdflib.Graph:
    """rdflib's own JSON-LD parser still builds a ConjunctiveGraph inside (its deprecation warning, not ours)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="ConjunctiveGraph is deprecated", category=DeprecationWarning)
        return rdflib.Graph().parse(data=text, format="json-ld")


def _annotations(graph: rdflib.Graph) -> list[rdflib.term.Node]:
    return list(graph.subjects(RDF.type, OA.Annotation))


def _selectors(graph: rdflib.Graph, annotation: rdflib.term.Node) -> tuple[str, dict[str, Any], dict[str, int]]:
    target = graph.value(annotation, OA.hasTarget)
    source = str(graph.value(target, OA.hasSource))
    quote: dict[str, Any] = {}
    position: dict[str, int] = {}
    for selector in graph.objects(target, OA.hasSelector):
        kind = graph.value(selector, RDF.type)
        if kind == OA.TextQuoteSelector:
            quote = {k: str(graph.value(selector, OA[k])) for k in ("exact", "prefix", "suffix")}
        elif kind == OA.TextPositionSelector:
            position = {k: int(graph.value(selector, OA[k]).toPython()) for k in ("start", "end")}  # type: ignore[union-attr]
    return source, quote, position


def test_claims_jsonld_is_web_annotations_with_prov_whose_selectors_hold(api: TestClient) -> None:
    response = api.get("/export/claims.jsonld")
    assert response.headers["content-type"] == "application/ld+json; charset=utf-8"
    graph = parse_jsonld(response.text)
    annotations = _annotations(graph)
    assert len(annotations) == len(json.loads(response.text)["@graph"]) > 20
    texts: dict[str, str] = {}
    for annotation in annotations:
        source, quote, position = _selectors(graph, annotation)
        assert source.startswith("http://testserver/sources/") and source.endswith("/text")
        if source not in texts:
            fetched = api.get(source.removeprefix("http://testserver"))
            assert fetched.headers["content-type"].startswith("text/plain")
            texts[source] = fetched.text
        text = texts[source]
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"]
        assert text[max(0, start - CONTEXT_CHARS) : start] == quote["prefix"]
        assert text[end : end + CONTEXT_CHARS] == quote["suffix"]
        # PROV-O: derived from the source text, generated by an extraction that names the extractor version.
        assert graph.value(annotation, PROV.wasDerivedFrom) == rdflib.URIRef(source)
        activity = graph.value(annotation, PROV.wasGeneratedBy)
        assert (activity, RDF.type, PROV.Activity) in graph
        assert str(graph.value(activity, DAKG.extractorVersion)) == "test-rules-1"
        assert (graph.value(activity, PROV.wasAssociatedWith), RDF.type, PROV.SoftwareAgent) in graph
    # Attributed to the outlet where there is one (the flights piece has none).
    outlets = {
        str(graph.value(agent, rdflib.URIRef("http://xmlns.com/foaf/0.1/name")))
        for agent in graph.objects(None, PROV.wasAttributedTo)
    }
    assert outlets == {d.outlet for d in DOCS.values() if d.outlet and d.claims} - {None}
    # The value span is the selector's target where there is one: the cap claim selects "up to 250"-like words.
    caps = [a for a in annotations if str(graph.value(graph.value(a, OA.hasBody), DAKG.field)) == "cap"]
    assert caps and all(str(graph.value(graph.value(a, OA.hasBody), DAKG.selectedRole)) == "value" for a in caps)


@pytest.fixture
def small_pages(corpus_store: GraphStore, corpus_settings: Settings) -> Iterator[GraphStore]:
    """The module's corpus graph read with DAKG_MAX_ROWS=3: every export then reads many pages."""
    store = open_store(corpus_settings.model_copy(update={"max_rows": 3}), start_embedded=False)
    yield store
    store.close()


@pytest.mark.parametrize("name", exports.EXPORT_NAMES)
def test_paged_reads_give_the_same_export_as_one_read(
    name: exports.ExportName, corpus_store: GraphStore, small_pages: GraphStore
) -> None:
    whole = "".join(exports.export(corpus_store, name, exports.Filters()))
    assert "".join(exports.export(small_pages, name, exports.Filters())) == whole
    assert len(whole.splitlines()) > 4  # a header and every agreement, at least


def test_bad_export_requests_are_problems(api: TestClient) -> None:
    assert api.get("/export/claims.xlsx").status_code == 422
    assert api.get("/export/claims.csv", params={"host": "Rwanda"}).status_code == 422
    assert api.get("/export/claims.csv", params={"published_from": "last week"}).status_code == 422
    assert api.get("/sources/" + "0" * 64 + "/text").status_code == 404


def test_dakg_export_writes_the_same_file_as_the_api(
    cli: Callable[..., CliResult], corpus_store: GraphStore, corpus_settings: Settings, tmp_path: Path
) -> None:
    env = settings_env(corpus_settings)
    out = tmp_path / "claims.csv"
    result = cli("export", "claims.csv", "--out", str(out), "--host", "rwa", **env)
    assert result.code == 0, result.err
    assert f"wrote {out}" in result.err
    with client_for(corpus_store) as api:
        assert out.read_bytes() == api.get("/export/claims.csv", params={"host": "RWA"}).content
    printed = cli("export", "sources.csv", "--published-from", "2025", **env)
    assert printed.code == 0 and printed.out.startswith("source,title,")
    assert len(printed.out.strip().splitlines()) == 1 + 7  # the 2025 sources
    bad = cli("export", "claims.xlsx", **env)
    assert bad.code != 0 and "unknown export 'claims.xlsx'" in bad.err
    assert cli("export", "claims.csv", "--published-to", "soon", **env).code != 0
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.integration
def test_the_demo_exports_load_and_every_annotation_selects_its_exact_words(demo_api: str) -> None:
    """On the demo corpus as the extractor reads it: pandas, networkx and rdflib read the exports of a live server,
    and every annotation's positions select its `exact` words in the served text."""
    import httpx

    claims = pd.read_csv(io.StringIO(httpx.get(f"{demo_api}/export/claims.csv", timeout=60).text))
    assert {"USA-RWA", "GBR-RWA", "ITA-ALB"} <= set(claims["agreement"].dropna())
    graph = nx.read_graphml(io.BytesIO(httpx.get(f"{demo_api}/export/graph.graphml", timeout=60).content))
    assert sum(1 for _, d in graph.nodes(data=True) if d["label"] == "Claim") == len(claims)
    rdf = parse_jsonld(httpx.get(f"{demo_api}/export/claims.jsonld", timeout=60).text)
    annotations = _annotations(rdf)
    assert len(annotations) == len(claims)
    assert len(set(rdf.objects(None, PROV.wasAttributedTo))) >= 10  # the demo's outlets
    texts: dict[str, str] = {}
    for annotation in annotations:
        source, quote, position = _selectors(rdf, annotation)
        assert source.startswith(demo_api)
        text = texts.setdefault(source, httpx.get(source, timeout=30).text)
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])
