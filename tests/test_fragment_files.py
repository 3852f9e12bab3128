"""Fragments in JSON Lines files (``dakg.ingest.fragment_files``), and ``write_all`` loading them: each line
validated again, a bad line named by file and line and skipped, the rest written once."""

from __future__ import annotations

import io
import json
from pathlib import Path

from dakg.errors import DocumentError
from dakg.ingest.fragment import Fragment
from dakg.ingest.fragment_files import fragment_line, read_fragments, write_fragments
from dakg.ingest.pipeline import write_all
from dakg.store import GraphStore

from .corpus import FRAGMENTS
from .graph_checks import check_invariants

STORES = ("falkordb",)

ONE, TWO = FRAGMENTS["rwa-deal"], FRAGMENTS["gbr-signed"]


def _shown(items: list[Fragment | DocumentError]) -> list[str]:
    return [item.source.key if isinstance(item, Fragment) else f"error: {item}" for item in items]


def test_what_is_written_reads_back_the_same() -> None:
    out = io.StringIO()
    assert write_fragments([ONE, DocumentError("x.txt: binary file"), TWO], out) == (2, 1)
    path_lines = out.getvalue().splitlines()
    assert json.loads(path_lines[1]) == {"error": "x.txt: binary file"}
    assert fragment_line(ONE) == path_lines[0]


def test_each_bad_line_is_named_by_file_and_line_and_the_others_are_read(tmp_path: Path) -> None:
    moved = json.loads(fragment_line(ONE))
    moved["agreements"][0]["claims"][0]["start"] += 1  # the quote no longer points at its words
    lines = [
        fragment_line(ONE),
        "",
        "{not json",
        json.dumps(moved),
        json.dumps({"source": {"key": "abc"}}),
        json.dumps({"error": "y.html: empty after cleaning (no prose left)"}),
        fragment_line(TWO),
    ]
    part = tmp_path / "part-000000.jsonl"
    part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _shown(list(read_fragments([part]))) == [
        ONE.source.key,
        f"error: {part}:3: not JSON (Expecting property name enclosed in double quotes at column 2)",
        f"error: {part}:4: not a fragment: the line: Value error, quote at "
        f"{moved['agreements'][0]['claims'][0]['start']}:{moved['agreements'][0]['claims'][0]['end']} "
        "does not match the source text",
        f"error: {part}:5: not a fragment: source.text: Field required (and 6 more)",
        "error: y.html: empty after cleaning (no prose left)",
        TWO.source.key,
    ]


def test_a_folder_is_read_part_by_part_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "part-000001.jsonl").write_text(fragment_line(TWO) + "\n", encoding="utf-8")
    (tmp_path / "part-000000.jsonl").write_text(fragment_line(ONE) + "\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a part", encoding="utf-8")
    assert _shown(list(read_fragments([tmp_path]))) == [ONE.source.key, TWO.source.key]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _shown(list(read_fragments([empty, tmp_path / "gone.jsonl"]))) == [
        f"error: {empty}: no .jsonl file of fragments in this folder",
        f"error: {tmp_path / 'gone.jsonl'}: no such file or folder",
    ]


def test_loading_the_same_parts_twice_writes_each_document_once(store: GraphStore, tmp_path: Path) -> None:
    part = tmp_path / "part-000000.jsonl"
    part.write_text(f"{fragment_line(ONE)}\n{{broken\n{fragment_line(TWO)}\n", encoding="utf-8")
    errors: list[str] = []
    first = write_all(read_fragments([part]), store, on_error=lambda e: errors.append(str(e)))
    assert (first.new, first.unchanged, first.failed) == (2, 0, 1)
    assert errors == [f"{part}:2: not JSON (Expecting property name enclosed in double quotes at column 2)"]
    check_invariants(store)
    again = write_all(read_fragments([part]), store)
    assert (again.new, again.unchanged, again.failed, again.claims) == (0, 2, 1, 0)
