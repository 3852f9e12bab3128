"""What reading a document gives: its text as read and its metadata, checked (the first layer, *documents*).

Which files are read is ``dakg.ingest.discovery``; how each format becomes text and metadata is
``dakg.ingest.formats``; ``dakg.ingest.read`` puts them together. Metadata (title, url, outlet, published)
comes from the record itself, Markdown front matter, HTML meta tags, or a sidecar ``NAME.meta.json`` beside
``NAME.txt``; absent metadata is fine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from dakg.dates import normalize_date
from dakg.errors import DocumentError
from dakg.ingest.validate import LANGUAGE_MAX, OUTLET_MAX, TITLE_MAX, URL_MAX, metadata_value
from dakg.schema import LANGUAGES, Language

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES

TEXT_FIELDS = ("text", "body", "content", "article", "full_text")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "canonical_url")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site_name", "publication")
LANGUAGE_FIELDS = ("language", "lang", "inLanguage")
DATE_FIELDS = ("published", "date", "published_at", "publication_date", "pubdate", "datetime")


class Metadata(BaseModel):
    """A document's metadata, each field checked and normalised as ``dakg.ingest.validate`` says (text only,
    white space collapsed, no control characters or lone surrogates, at most ``METADATA_LIMITS`` characters).
    Constructing one with a refused value raises ``pydantic.ValidationError``; readers use ``make_metadata``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str | None = Field(None, max_length=TITLE_MAX)
    url: str | None = Field(None, max_length=URL_MAX)
    outlet: str | None = Field(None, max_length=OUTLET_MAX)
    published: str | None = Field(None, max_length=10, description="ISO 8601 date (YYYY-MM-DD, YYYY-MM, YYYY).")
    language: Language | None = Field(
        None,
        max_length=LANGUAGE_MAX,
        description="The text's language (ISO 639-1; a tag such as fr-FR is read as fr); unset: detected.",
    )

    @field_validator("title", "url", "outlet", "published", "language", mode="before")
    @classmethod
    def _checked(cls, value: Any, info: ValidationInfo) -> Any:
        checked = metadata_value(info.field_name or "", value)
        if info.field_name == "language" and checked is not None:
            checked = checked.split("-")[0].split("_")[0].lower()
            if checked not in LANGUAGES:
                raise ValueError(f"language {checked!r} is not one dakg reads ({', '.join(LANGUAGES)})")
        return checked

    def merged(self, other: Metadata) -> Metadata:
        """Fields of ``other`` where it has them, else ours."""
        return Metadata(
            title=other.title or self.title,
            url=other.url or self.url,
            outlet=other.outlet or self.outlet,
            published=other.published or self.published,
            language=other.language or self.language,
        )


def make_metadata(where: str, **fields: Any) -> Metadata:
    """``Metadata(**fields)``, or a DocumentError naming ``where`` and the first refused field."""
    try:
        return Metadata(**fields)
    except ValidationError as exc:
        error = exc.errors(include_input=False)[0]
        message = str(error.get("msg", "invalid"))
        message = message.removeprefix("Value error, ")
        field_name = ".".join(str(part) for part in error.get("loc", ()))
        if not message.startswith(field_name):
            message = f"{field_name}: {message}"
        raise DocumentError(f"{where}: metadata refused: {message}") from None


@dataclass(frozen=True)
class RawDocument:
    path: str  # the file, with "#N" for the N-th record of a JSON Lines file or JSON list
    text: str  # as read, before cleaning
    meta: Metadata = field(default_factory=Metadata)
    kind: str = "text"  # text | markdown | html | record


def first_field(record: dict[str, Any], names: Iterable[str]) -> Any:
    """The first of ``names`` that ``record`` holds a value under (an empty string is no value)."""
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def metadata_from_record(record: dict[str, Any], where: str) -> Metadata:
    """The metadata a record (JSON, front matter, a sidecar file) holds under any of the usual names; a refused
    field (``dakg.ingest.validate``) is a DocumentError naming ``where``."""
    published = first_field(record, DATE_FIELDS)
    try:
        if published is not None and not isinstance(published, date | datetime):
            published = metadata_value("published", published)  # checked as text before it is read as a date
    except ValueError as exc:
        raise DocumentError(f"{where}: metadata refused: {exc}") from None
    return make_metadata(
        where,
        title=first_field(record, TITLE_FIELDS),
        url=first_field(record, URL_FIELDS),
        outlet=first_field(record, OUTLET_FIELDS),
        published=normalize_date(published),
        language=first_field(record, LANGUAGE_FIELDS),
    )
