"""Size and shape: input whose shape, not its bytes, makes it expensive is refused in one line, quickly."""

from __future__ import annotations

import time
from pathlib import Path

from dakg.errors import DocumentError
from dakg.ingest.formats import MAX_HTML_DEPTH, html_depth
from dakg.ingest.read import read_file


def _nested(depth: int) -> str:
    return (
        "<html><body>"
        + "<div>" * depth
        + "<p>Rwanda agreed to accept deportees.</p>"
        + "</div>" * depth
        + "</body></html>"
    )


def test_html_nested_50000_levels_deep_is_refused_in_one_line_at_once(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(_nested(50_000), encoding="utf-8")
    started = time.monotonic()
    results = list(read_file(page, 5_000_000))
    assert time.monotonic() - started < 2.0  # parsing it would take 13 s or more (the parser is quadratic in depth)
    assert [str(r) for r in results] == [f"{page}: HTML nested 10,000 or more levels deep; refused (no article does)"]
    assert isinstance(results[0], DocumentError)


def test_html_nested_less_deeply_is_read(tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    page.write_text(_nested(MAX_HTML_DEPTH - 10), encoding="utf-8")
    (document,) = read_file(page, 5_000_000)
    assert not isinstance(document, DocumentError)
    assert document.text == "Rwanda agreed to accept deportees."


def test_html_depth_counts_nesting_not_tags() -> None:
    flat = "<div>" + "<p>one<br>two<img src=x><li>three" * 10_000 + "</div>"
    assert html_depth(flat) == 1  # elements without end tags, or whose end tag may be left out, do not nest
    assert html_depth("<a><b/><c></c><d><e></e></d></a>") == 3
    assert html_depth(_nested(30_000)) == MAX_HTML_DEPTH  # it stops counting at the limit


def test_a_csv_or_tsv_named_is_refused_in_one_line(tmp_path: Path) -> None:
    for name in ("rows.csv", "rows.tsv"):
        table = tmp_path / name
        table.write_text("text\n" + "".join(f"row {i}\n" for i in range(100_000)), encoding="utf-8")
        assert [str(r) for r in read_file(table, 5_000_000)] == [
            f"{table}: unsupported file type {table.suffix} (supported: .htm, .html, .json, .jsonl, .markdown, .md, "
            ".ndjson, .text, .txt)"
        ]
