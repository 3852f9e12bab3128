"""A document posted over HTTP (``POST /documents``), through the same road as ``dakg ingest``: read (Markdown
or HTML to text and metadata), cleaned, parsed, extracted into a fragment and written in one atomic write.

The one write the answers layer accepts: it is here, and not in ``api/``, so that the API stays HTTP only and
never imports ingestion (``tests/test_layers.py``).
"""

from __future__ import annotations

import threading
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from dakg.answers import examples
from dakg.config import Settings
from dakg.dates import ISO_DATE_PATTERN, normalize_date
from dakg.errors import DocumentError
from dakg.ingest.document import Metadata, RawDocument, make_metadata
from dakg.ingest.formats import read_html, read_markdown
from dakg.ingest.fragment import Fragment
from dakg.ingest.load import load_fragment
from dakg.ingest.validate import OUTLET_MAX, TITLE_MAX, URL_MAX
from dakg.schema import Language
from dakg.store import GraphStore

# Control characters other than white space are refused (white space is collapsed: dakg.ingest.validate).
_NO_CONTROL = r"^[^\x00-\x08\x0e-\x1f\x7f-\x9f]*$"


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.DOCUMENT_IN]})

    text: str = Field(min_length=1, description="The document: plain text, Markdown or HTML (see format).")
    format: Literal["text", "markdown", "html"] = "text"
    title: str | None = Field(None, max_length=TITLE_MAX, pattern=_NO_CONTROL)
    url: str | None = Field(None, max_length=URL_MAX, pattern=_NO_CONTROL)
    outlet: str | None = Field(None, max_length=OUTLET_MAX, pattern=_NO_CONTROL)
    language: Language | None = Field(
        None, description="The text's language (ISO 639-1); unset: detected from the text.", examples=["fr"]
    )
    published: str | None = Field(
        None,
        max_length=40,
        pattern=ISO_DATE_PATTERN,
        description="Publication date in ISO 8601: 2025, 2025-08, 2025-08-05, or a date and time "
        "(2025-08-05T10:00:00Z, whose date is kept). The pattern admits exactly the calendar's dates.",
        examples=["2025-08-05"],
    )

    @field_validator("published")
    @classmethod
    def _a_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        normalized = normalize_date(value)
        if normalized is None:  # the pattern lets only dates through; kept as a second check
            raise ValueError(f"{value!r} is not a date this API understands (use YYYY-MM-DD)")
        return normalized


class DocumentOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Literal["new", "unchanged", "replaced"]
    source: str = Field(description="Key of the source.")
    fragment: Fragment = Field(description="What was extracted (the shape `dakg extract` prints).")


class Ingestor:
    """The spaCy pipelines for HTTP ingest: loaded once (in the background at start-up, when ingest is on), used
    under a lock. The server loads every language's pipeline then, English first: a document posted in French must
    not wait for its model (several seconds) in the request."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._building = threading.Lock()  # another language's pipeline is built beside parsing, not under its lock
        self._nlp: Any = None
        self._warming = False
        self._warm = threading.Event()

    @property
    def readiness(self) -> Literal["off", "loading", "ready"]:
        """``ready`` once every language's pipeline is loaded; ``loading`` before (a document posted then waits
        for its model); ``off`` when this server ingests nothing over HTTP."""
        if self._warm.is_set():
            return "ready"
        return "loading" if self._warming else "off"

    def warm_up(self) -> None:
        self._warming = True
        threading.Thread(target=self._warm_up, name="dakg-nlp-warm-up", daemon=True).start()

    def _warm_up(self) -> None:
        self.nlp()
        from dakg.ingest.nlp import PIPELINES

        for language in PIPELINES:
            self.pipeline(language)
        self._warm.set()

    def pipeline(self, language: str) -> Any:
        """The pipeline that reads ``language`` (built once per process)."""
        from dakg.ingest.nlp import Pipelines

        with self._building:
            return Pipelines(self.settings.spacy_model, self.settings.max_document_bytes)(language)

    def nlp(self) -> Any:
        with self._lock:
            if self._nlp is None:
                from dakg.ingest.nlp import get_pipeline

                self._nlp = get_pipeline(self.settings.spacy_model, max_length=self.settings.max_document_bytes)
            return self._nlp

    def fragment(self, raw: RawDocument) -> Fragment:
        # The pipeline first: it imports spaCy (or waits for the warm-up thread that does). Importing spaCy from
        # two threads at once fails (KeyError: 'spacy'), as a POST right after start-up used to.
        nlp = self.nlp()
        from dakg.ingest.extract import extract, extractor_version
        from dakg.ingest.pipeline import parse, prepare

        prepared = prepare(raw)
        if prepared.language != nlp.lang:  # a document in another language: that language's pipeline
            nlp = self.pipeline(prepared.language)
        with self._lock:  # a spaCy pipeline is not made to be shared between threads
            doc = parse(nlp, prepared.text, self.settings.nlp_window_chars, self.settings.nlp_batch_size)
        # A posted document has no file: its source keeps no path (``raw.path`` only names it in errors).
        return extract(doc, raw.meta, path=None, extractor_version=extractor_version(nlp))


def post_document(store: GraphStore, ingestor: Ingestor, body: DocumentIn) -> DocumentOut:
    """Read, clean, parse and extract the document, write it in one atomic write, and answer with what was
    extracted. A document that cannot be read or extracted is a ``DocumentError`` (nothing is written)."""
    where = f"POST /documents ({body.title or 'untitled'})"
    text, meta = body.text, Metadata()
    if body.format == "html":
        text, meta = read_html(body.text, where)
    elif body.format == "markdown":
        text, meta = read_markdown(body.text, where)
    given = make_metadata(
        where,
        title=body.title,
        url=body.url,
        outlet=body.outlet,
        published=body.published,
        language=body.language,
    )
    raw = RawDocument(path=body.url or where, text=text, meta=meta.merged(given), kind=body.format)
    try:
        fragment = ingestor.fragment(raw)
    except ValueError as exc:  # a fragment that fails its own checks: say so, write nothing
        raise DocumentError(f"extraction produced an invalid fragment, nothing was written: {exc}") from exc
    result = load_fragment(store, fragment)
    return DocumentOut(outcome=result.outcome, source=fragment.source.key, fragment=fragment)
