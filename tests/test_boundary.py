"""Text and metadata are checked once, where they enter (``dakg.ingest.validate``), the same for every format;
and one document that fails anywhere (reading, cleaning, parsing, extracting, writing) costs only itself."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dakg.errors import DocumentError, one_line
from dakg.ingest import pipeline
from dakg.ingest.fragment import Fragment
from dakg.ingest.read import Metadata, RawDocument, read_documents
from dakg.ingest.validate import metadata_value, text_problem
from dakg.store.falkordb import FalkorStore

from .corpus import FRAGMENTS

GOOD = "Rwanda has agreed to accept migrants deported from the United States, the ministry said in Kigali."


def _read(path: Path) -> list[RawDocument | DocumentError]:
    return list(read_documents([str(path)], 1_000_000))


def _prepared(path: Path) -> list[str]:
    """What becomes of each document in ``path`` up to spaCy: ``ok <title>`` or the error line."""
    out = []
    for item in pipeline.prepared_documents([str(path)], 1_000_000):
        out.append(str(item) if isinstance(item, DocumentError) else f"ok {item.raw.meta.title}")
    return out


# --- text ----------------------------------------------------------------------------------------------------


def test_a_lone_surrogate_in_a_records_text_refuses_that_record_only(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(
        json.dumps({"title": "good one", "text": GOOD})
        + "\n"
        + '{"title": "bad", "text": "Rwanda agreed \\ud800 to accept migrants deported from the United States."}\n'
        + json.dumps({"title": "good two", "text": GOOD + " Again."})
        + "\n",
        encoding="utf-8",
    )
    assert _prepared(path) == [
        "ok good one",
        f"{path}#2: refused: the text contains a lone surrogate (U+D800, not valid Unicode) at character 14",
        "ok good two",
    ]


def test_a_nul_in_a_records_text_is_refused_not_removed(tmp_path: Path) -> None:
    path = tmp_path / "nul.json"
    path.write_text(json.dumps({"text": "Rwanda agreed\u0000 to accept migrants from the United States today."}))
    assert _prepared(path) == [f"{path}: refused: the text contains a NUL character (U+0000) at character 13"]


def test_text_rules() -> None:
    assert text_problem(GOOD) is None
    assert text_problem("tab\tand\x07bell are cleaned, not refused") is None
    assert text_problem("x\udfff") == "the text contains a lone surrogate (U+DFFF, not valid Unicode) at character 1"


# --- metadata ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"title": "A \ud800 title"}, "title contains a lone surrogate (U+D800, not valid Unicode)"),
        ({"outlet": "Daily\u0000News"}, "outlet contains a NUL character (U+0000)"),
        ({"url": "https://example.org/\x1b[31m"}, "url contains a control character (U+001B)"),
        ({"title": "\x85next line"}, "title contains a control character (U+0085)"),
        ({"title": "x" * 1001}, "title is 1,001 characters long (at most 1,000)"),
        ({"title": "x" * 400_000}, "title is 400,000 characters long (at most 1,000)"),
        ({"outlet": "o" * 301}, "outlet is 301 characters long (at most 300)"),
        ({"url": "u" * 2001}, "url is 2,001 characters long (at most 2,000)"),
        ({"title": ["a", "list"]}, "title must be text, not a list"),
        ({"title": {"a": "map"}}, "title must be text, not a map"),
        ({"title": True}, "title must be text, not true or false"),
        ({"published": ["2025-01-01"]}, "published must be text, not a list"),
        ({"published": "2025-08-05\x00"}, "published contains a NUL character (U+0000)"),
    ],
)
def test_refused_metadata_refuses_the_record_with_the_field_and_reason(
    tmp_path: Path, record: dict[str, Any], reason: str
) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": GOOD, **record}), encoding="utf-8")
    [error] = _read(path)
    assert str(error) == f"{path}: metadata refused: {reason}"


def test_white_space_in_metadata_is_collapsed_and_numbers_and_dates_are_text(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {"text": GOOD, "title": "  Two\n\tlines\r\n ", "outlet": 404, "url": "   ", "published": "2025-02"}
    path.write_text(json.dumps(record), encoding="utf-8")
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.meta == Metadata(title="Two lines", outlet="404", url=None, published="2025-02")


def test_every_metadata_field_has_a_maximum_length_in_its_model() -> None:
    for name, field in Metadata.model_fields.items():
        assert any(getattr(m, "max_length", None) for m in field.metadata), name
    with pytest.raises(ValueError, match="at most 1,000"):
        Metadata(title="t" * 1001)
    assert metadata_value("title", "ok") == "ok"


def test_dates_that_are_no_dates_are_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "dates.jsonl"
    lines = [{"text": GOOD, "published": p} for p in ("2025-13", "0000", "2025-00", "2025-12")]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    assert [d.meta.published for d in _read(path) if isinstance(d, RawDocument)] == [None, None, None, "2025-12"]


# --- front matter --------------------------------------------------------------------------------------------


def test_a_yaml_alias_bomb_in_front_matter_is_refused_at_once(tmp_path: Path) -> None:
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    path = tmp_path / "bomb.md"
    path.write_text("---\n" + "\n".join(levels) + "\ntitle: *i\n---\n" + GOOD + "\n", encoding="utf-8")
    assert len(path.read_bytes()) < 2000
    [error] = _read(path)
    assert str(error) == (
        f"{path}: front matter refused: it uses YAML anchors or aliases (&name, *name), which are refused"
    )


def test_a_surrogate_in_front_matter_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "front.md"
    path.write_text('---\ntitle: "Deal \\ud800 signed"\n---\n' + GOOD + "\n", encoding="utf-8")
    [error] = _read(path)
    assert str(error) == (f"{path}: metadata refused: title contains a lone surrogate (U+D800, not valid Unicode)")


def test_front_matter_nested_too_deeply_or_too_long_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.md"
    deep.write_text("---\nx: " + "[" * 20_000 + "]" * 20_000 + "\n---\n" + GOOD + "\n", encoding="utf-8")
    [error] = _read(deep)
    assert str(error) == f"{deep}: front matter is nested too deeply"
    long = tmp_path / "long.md"
    long.write_text("---\n" + "k: v\n" * 20_000 + "title: T\n---\n" + GOOD + "\n", encoding="utf-8")
    [error] = _read(long)
    assert str(error) == f"{long}: front matter is 100,008 characters long (at most 65,536)"


# --- JSON ----------------------------------------------------------------------------------------------------


def test_json_nested_too_deeply_or_with_a_huge_number_is_one_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    digits = tmp_path / "digits.jsonl"
    digits.write_text('{"text": "t", "title": ' + "1" * 5000 + "}\n" + json.dumps({"text": GOOD}) + "\n")
    results = [str(r) if isinstance(r, DocumentError) else "ok" for r in _read(deep) + _read(digits)]
    assert results == [
        f"{deep}#1: not valid JSON (nested too deeply)",
        f"{digits}#1: not valid JSON (Exceeds the limit (4300 digits) for integer string conversion: value has "
        "5000 digits)",
        "ok",
    ]


# --- one line --------------------------------------------------------------------------------------------------


def test_every_document_error_is_one_printable_line() -> None:
    error = DocumentError("dir/two\nlines\u2028and \udcff byte\x07.txt: \x1b[2J reason")
    assert str(error) == "dir/two\\nlines\\u2028and \\xff byte\\x07.txt: \\x1b[2J reason"
    assert one_line("plain \\ backslash é") == "plain \\ backslash é"


def test_a_file_name_with_a_line_break_or_undecodable_bytes_is_reported_in_one_line(tmp_path: Path) -> None:
    import os

    newline = tmp_path / "two\nlines.txt"
    newline.write_bytes(b"\xff\xfe\x00")  # not valid UTF-16 after its byte-order mark
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"  # Latin-1 bytes in a name: not UTF-8
    with open(raw, "wb") as handle:
        handle.write(GOOD.encode())
    errors = [str(r) for r in _read(newline)]
    assert errors == [f"{tmp_path}/two\\nlines.txt: not valid UTF-16 text (truncated data at byte 2)"]
    [doc] = _read(Path(os.fsdecode(raw)))
    assert isinstance(doc, RawDocument)
    assert doc.path == f"{tmp_path}/caf\\xe9.txt"  # storable and printable


# --- isolation: parsing, extracting, writing -------------------------------------------------------------------


@Language.component("explodes_on_boom")
def _explodes(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise RuntimeError("a component failed\non two lines")
    return doc


def _texts(*texts: str) -> Iterator[pipeline.Prepared | DocumentError]:
    for number, text in enumerate(texts, start=1):
        yield pipeline.Prepared(RawDocument(path=f"doc{number}.txt", text=text), text)


def _fake_extract(doc: Doc, meta: Metadata, *, path: str | None, extractor_version: str) -> Any:
    if "EXTRACT" in doc.text:
        raise ValueError("quote at 1:2 does not match the source text")
    return f"{path}: {len(doc)} tokens"


@pytest.mark.parametrize("batch_size", [1, 3, 16])
def test_one_document_that_breaks_the_batched_parse_costs_only_itself(
    monkeypatch: pytest.MonkeyPatch, batch_size: int
) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("explodes_on_boom")
    monkeypatch.setattr(pipeline, "extract", _fake_extract)
    long = "A paragraph here.\n\n" * 200  # parsed in several windows
    items = list(_texts("One two.", long, "BOOM goes this one.", "Four five six.", "EXTRACT fails.", long))
    items.insert(2, DocumentError("bad.txt: binary file"))
    results = [str(r) for r in pipeline.extract_all(items, nlp, batch_size=batch_size, window_chars=1000)]
    assert results == [
        "doc1.txt: 3 tokens",
        "doc2.txt: 1000 tokens",
        "bad.txt: binary file",
        "doc3.txt: cannot be parsed (RuntimeError: a component failed\\non two lines)",
        "doc4.txt: 4 tokens",
        "doc5.txt: extraction failed (ValueError: quote at 1:2 does not match the source text)",
        "doc6.txt: 1000 tokens",
    ]


def test_a_failing_reader_is_not_taken_for_a_bad_document(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.blank("en")
    monkeypatch.setattr(pipeline, "extract", _fake_extract)

    def broken() -> Iterator[pipeline.Prepared | DocumentError]:
        yield from _texts("One two.")
        raise OSError("the disk went away")

    with pytest.raises(OSError, match="the disk went away"):
        list(pipeline.extract_all(broken(), nlp))


def test_a_write_that_fails_in_any_way_costs_only_its_document(
    store: FalkorStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    fragments = list(FRAGMENTS.values())[:4]
    broken = fragments[1].model_copy(deep=True)
    broken.source.title = "bad \ud800 title"  # what a writer met before titles were checked where they enter
    stream: list[Fragment | DocumentError] = [fragments[0], broken, fragments[2], fragments[3]]
    monkeypatch.setattr(pipeline, "extract_all", lambda *_a, **_k: iter(stream))
    monkeypatch.setattr(pipeline, "prepared_documents", lambda *_a, **_k: iter(()))
    errors: list[str] = []
    summary = pipeline.ingest(
        ["unused"], store, spacy.blank("en"), max_bytes=1000, on_error=lambda e: errors.append(str(e))
    )
    assert (summary.new, summary.failed) == (3, 1)
    [error] = errors
    assert error.startswith(
        f"{broken.source.url}: the store refused its write, nothing was written (UnicodeEncodeError:"
    )
    assert error.endswith("surrogates not allowed)")
    rows, _ = store.run("MATCH (s:Source) RETURN count(s) AS n")
    assert rows == [{"n": 3}]


def test_markdown_markup_is_removed_in_linear_time(tmp_path: Path) -> None:
    import time

    path = tmp_path / "marks.md"
    # "_a " * 40,000 alone took 98 s when emphasis was matched with ".+?" up to the next mark of its kind.
    path.write_text("\n\n".join(("_a " * 40_000, "[" * 100_000 + "](", "[a](" * 40_000, GOOD)), encoding="utf-8")
    started = time.perf_counter()
    [doc] = _read(path)
    assert time.perf_counter() - started < 5
    assert isinstance(doc, RawDocument) and doc.text.endswith(GOOD)
    nested = tmp_path / "nested.md"
    nested.write_text("The **bold *and* nested** word, _under_, `code`, a [link](http://x) and ![an image](y.png).")
    [doc] = _read(nested)
    assert isinstance(doc, RawDocument)
    assert doc.text == "The bold and nested word, under, code, a link and an image."
