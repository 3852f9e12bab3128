"""Reading documents: every supported format, metadata from every place, and a clear error for each bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dakg.dates import normalize_date
from dakg.errors import DocumentError
from dakg.ingest.read import RawDocument, read_documents

LIMIT = 100_000


def _read(*paths: Path, limit: int = LIMIT) -> list[RawDocument | DocumentError]:
    return list(read_documents([str(p) for p in paths], limit))


def test_text_file_with_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rwanda agreed to take in deportees.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"title": "T", "url": "https://example.org/a", "outlet": "O", "published": "5 August 2025"}),
        encoding="utf-8",
    )
    [doc] = _read(tmp_path / "a.txt")
    assert isinstance(doc, RawDocument)
    assert doc.text == "Rwanda agreed to take in deportees."
    assert (doc.meta.title, doc.meta.url, doc.meta.outlet, doc.meta.published) == (
        "T",
        "https://example.org/a",
        "O",
        "2025-08-05",
    )


def test_markdown_front_matter_and_markup(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text(
        "---\ntitle: Deal\npublished: 2025-08-28\n---\n# Heading\n\nThe **scheme** is [here](http://x).\n",
        encoding="utf-8",
    )
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.meta.title == "Deal"
    assert doc.meta.published == "2025-08-28"
    assert "**" not in doc.text and "http://x" not in doc.text
    assert "The scheme is here." in doc.text


def test_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "c.html"
    path.write_text(
        """<html><head><title>Page | Site</title><meta property="og:site_name" content="Site">
        <meta property="article:published_time" content="2023-11-15T10:00:00Z">
        <script>var x = "<p>no</p>";</script></head>
        <body><nav>Home | Subscribe</nav><article><h1>Court rules</h1><p>The court ruled the plan
        <b>unlawful</b>.</p><p>Second &amp; last.</p></article><footer>Cookie settings</footer></body></html>""",
        encoding="utf-8",
    )
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.meta.outlet == "Site"
    assert doc.meta.published == "2023-11-15"
    assert doc.text == "Court rules\n\nThe court ruled the plan unlawful.\n\nSecond & last."
    for boilerplate in ("Subscribe", "Cookie", "var x"):
        assert boilerplate not in doc.text


def test_json_record_list_and_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"headline": "H", "body": "Some text here."}), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"text": "First."}, {"text": "Second."}]), encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text('{"text": "A."}\nnot json\n\n{"title": "no text"}\n', encoding="utf-8")
    results = _read(tmp_path / "one.json", tmp_path / "many.json", tmp_path / "lines.jsonl")
    docs = [r for r in results if isinstance(r, RawDocument)]
    errors = [str(r) for r in results if isinstance(r, DocumentError)]
    assert [d.text for d in docs] == ["Some text here.", "First.", "Second.", "A."]
    assert docs[0].meta.title == "H"
    assert docs[1].path.endswith("many.json#1")
    assert any("lines.jsonl#2: not valid JSON" in e for e in errors)
    assert any("lines.jsonl#4: no text field" in e for e in errors)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\t\n", "empty file"),
        ("nul.txt", b"text\x00with nul", "binary file"),
        ("image.txt", bytes(range(256)) * 4, "binary file"),
        ("latin1.txt", "Caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
        ("bad.json", b"{not json", "not valid JSON"),
        ("list.json", b"[1, 2]", "must be a JSON object"),
        ("front.md", b"---\ntitle: [unclosed\n---\nBody", "front matter"),
        ("doc.pdf", b"%PDF-1.4", "unsupported file type .pdf"),
    ],
)
def test_bad_inputs_become_one_line_errors(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    results = _read(path)
    assert results, "a bad input must be reported, not dropped"
    error = results[0]
    assert isinstance(error, DocumentError)
    assert str(path) in str(error)
    assert reason in str(error)
    assert "\n" not in str(error)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 50_000)
    [error] = _read(path, limit=10_000)
    assert isinstance(error, DocumentError)
    assert "too large" in str(error) and "DAKG_MAX_DOCUMENT_BYTES" in str(error)


def test_missing_path_and_unreadable_file(tmp_path: Path) -> None:
    [missing] = _read(tmp_path / "nope.txt")
    assert isinstance(missing, DocumentError) and "no such file" in str(missing)
    locked = tmp_path / "locked.txt"
    locked.write_text("text", encoding="utf-8")
    locked.chmod(0)
    try:
        [error] = _read(locked)
        import os

        if os.geteuid() == 0:  # root reads anything; the check still must not crash
            assert isinstance(error, RawDocument)
        else:
            assert isinstance(error, DocumentError) and "permission denied" in str(error)
    finally:
        locked.chmod(0o644)


def test_folders_are_read_recursively_skipping_hidden_sidecars_and_readmes(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub" / "deeper" / "x.txt").write_text("Deep text.", encoding="utf-8")
    (tmp_path / "sub" / "x.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About", encoding="utf-8")
    (tmp_path / ".git" / "y.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    docs = _read(tmp_path)
    assert [Path(d.path).name for d in docs if isinstance(d, RawDocument)] == ["x.txt"]
    assert not [d for d in docs if isinstance(d, DocumentError)]


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2025-08-05", "2025-08-05"),
        ("2025-08-05T10:00:00Z", "2025-08-05"),
        ("5 August 2025", "2025-08-05"),
        ("August 5, 2025", "2025-08-05"),
        ("2024", "2024"),
        ("2024-07", "2024-07"),
        ("yesterday", None),
        ("", None),
    ],
)
def test_publication_dates_are_normalized(raw: str, iso: str | None) -> None:
    assert normalize_date(raw) == iso


def test_deeply_nested_html_keeps_every_block_and_stays_linear(tmp_path: Path) -> None:
    depth = 6000  # a quadratic walk over nested blocks would take minutes here
    path = tmp_path / "nested.html"
    path.write_text("<article>" + "<blockquote><p>word</p>" * depth + "</blockquote>" * depth + "</article>")
    [doc] = _read(path, limit=1_000_000)
    assert isinstance(doc, RawDocument)
    assert doc.text.split() == ["word"] * depth


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        ('<meta charset="windows-1252">', "cp1252"),
        ("<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>", "cp1252"),
        ('<meta content="text/html; charset=iso-8859-15" http-equiv="content-type">', "iso8859-15"),
    ],
)
def test_html_is_decoded_by_the_charset_it_declares(tmp_path: Path, head: str, charset: str) -> None:
    path = tmp_path / "page.html"
    body = "<p>Le ministère a déclaré que l’accord avec le Rwanda était « signé », a indiqué Mme Müller.</p>"
    if charset == "iso8859-15":
        body = body.replace("’", "'").replace("«", '"').replace("»", '"')
    path.write_bytes(
        f"<html><head>{head}<title>Accord avec le Rwanda</title></head><body>{body}</body></html>".encode(charset)
    )
    [doc] = _read(path)
    assert isinstance(doc, RawDocument), doc
    assert doc.text.startswith("Le ministère a déclaré que l")
    assert "Mme Müller" in doc.text


def test_html_without_a_declared_charset_that_is_not_utf8_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes("<p>Le ministère a déclaré.</p>".encode("cp1252"))
    [error] = _read(path)
    assert str(error) == (
        f"{path}: not UTF-8 text (invalid continuation byte at byte 12); convert it to UTF-8 or declare its charset "
        "in a meta tag"
    )
