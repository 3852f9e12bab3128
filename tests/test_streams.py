"""Record files of any length are read one record at a time in bounded memory; the size limit holds for each
record; a bad record is one line naming the file and the record's number, and the records after it are read."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from dakg.errors import DocumentError
from dakg.ingest.discovery import open_regular
from dakg.ingest.read import RawDocument, read_file
from dakg.ingest.streams import stream_records

LIMIT = 10_000
# 10,000 records of about 850 bytes (8.5 MB, over the 5 MB a file may hold as one document; tracing memory makes
# each record slow to read). Memory held while reading is bounded by the chunk and the largest record, not the
# count (100,000 records also stayed under the bound here, in 25 s); reading speed is benchmarks/' business.
COUNTS = [10_000]
PADDING = " Under the deal people who reach the United Kingdom are sent to Kigali to have their claims heard." * 7


def _bad(count: int) -> dict[int, str]:
    return {500: "nope", 7_000: json.dumps({"text": "x" * 20_000}), count - 1: '{"text" "no colon"}'}


def _record(i: int, padding: str = "") -> str:
    return json.dumps(
        {"text": f"Record {i}: Rwanda agreed to accept people sent from the United Kingdom.{padding}", "n": i}
    )


def _read(path: Path, max_bytes: int = LIMIT, chunk_bytes: int = 1 << 18) -> list[tuple[str, Any]]:
    with open_regular(path) as handle:
        return list(stream_records(handle, path, max_bytes, chunk_bytes=chunk_bytes))


def _streamed(path: Path) -> tuple[int, list[str], int, float]:
    """Records read, the error lines, the peak memory traced while reading (records dropped as read), seconds."""
    good, errors = 0, []
    started = time.perf_counter()
    tracemalloc.start()
    try:
        with open_regular(path) as handle:
            for where, record in stream_records(handle, path, LIMIT):
                if isinstance(record, DocumentError):
                    errors.append(str(record))
                else:
                    assert record["n"] == int(where.rsplit("#", 1)[1]) - 1
                    good += 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return good, errors, peak, time.perf_counter() - started


@pytest.mark.parametrize("count", COUNTS)
def test_a_json_list_of_many_records_is_read_one_record_at_a_time(tmp_path: Path, count: int) -> None:
    path = tmp_path / "many.json"
    bad, padding = _bad(count), PADDING if count < 100_000 else ""
    path.write_text("[" + ",\n".join(bad.get(i, _record(i, padding)) for i in range(count)) + "\n]\n", encoding="utf-8")
    assert path.stat().st_size > 7_500_000  # over the 5 MB a file may hold as one document
    good, errors, peak, _seconds = _streamed(path)
    assert good == count - 3
    assert errors == [
        f"{path}#501: not valid JSON (Expecting value at character 1 of the record)",
        f"{path}#7001: record too large (20,012 bytes; the limit DAKG_MAX_DOCUMENT_BYTES is 10,000 bytes a record); "
        "skipped",
        f"{path}#{count}: not valid JSON (Expecting ':' delimiter at character 9 of the record)",
    ]
    assert peak < 2_000_000, f"{peak:,} bytes traced at most while reading a {path.stat().st_size:,}-byte file"


@pytest.mark.parametrize("count", COUNTS)
def test_a_jsonl_of_many_lines_is_read_one_line_at_a_time(tmp_path: Path, count: int) -> None:
    path = tmp_path / "many.jsonl"
    bad, padding = _bad(count), PADDING if count < 100_000 else ""
    path.write_text("\n".join(bad.get(i, _record(i, padding)) for i in range(count)) + "\n", encoding="utf-8")
    assert path.stat().st_size > 7_500_000
    good, errors, peak, _seconds = _streamed(path)
    assert good == count - 3
    assert errors == [
        f"{path}#501: not valid JSON (Expecting value at line 1)",
        f"{path}#7001: record too large (20,012 bytes; the limit DAKG_MAX_DOCUMENT_BYTES is 10,000 bytes a record); "
        "skipped",
        f"{path}#{count}: not valid JSON (Expecting ':' delimiter at line 1)",
    ]
    assert peak < 2_000_000, f"{peak:,} bytes traced at most while reading a {path.stat().st_size:,}-byte file"


@pytest.mark.parametrize("name", ["big.json", "big.jsonl"])
def test_a_record_larger_than_the_limit_and_many_chunks_is_passed_over_to_its_end(tmp_path: Path, name: str) -> None:
    huge = json.dumps({"text": 'a "quoted" ] , } word ' * 20_000, "list": [[{"x": "]"}]]})  # 460 KB
    body = [_record(0), huge, _record(2)]
    path = tmp_path / name
    path.write_text("[" + ",".join(body) + "]" if name.endswith(".json") else "\n".join(body), encoding="utf-8")
    results = _read(path, max_bytes=LIMIT, chunk_bytes=4096)
    assert [where for where, _ in results] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert results[0][1]["n"] == 0 and results[2][1]["n"] == 2
    what = "over" if name.endswith(".json") else f"{len(huge):,} bytes;"
    assert str(results[1][1]) == (
        f"{path}#2: record too large ({what} the limit DAKG_MAX_DOCUMENT_BYTES is 10,000 bytes a record); skipped"
    )


def test_every_cut_of_the_file_into_chunks_reads_the_same_records(tmp_path: Path) -> None:
    records: list[Any] = [
        {"text": 'quote \\" and ] and } and , in a string', "n": [1, 2.5e3, None, True]},
        {"text": "caf\u00e9 \u4e16\u754c \U0001f30d", "nested": {"a": [{"b": "]"}]}},
        12345,
        "a string",
        [],
        {},
    ]
    path = tmp_path / "cut.json"
    path.write_text("\ufeff  [ " + " ,\n ".join(json.dumps(r, ensure_ascii=False) for r in records) + " ] \n")
    for chunk in range(1, 40):
        assert [r for _, r in _read(path, chunk_bytes=chunk)] == records, f"chunks of {chunk} bytes"


def test_read_file_gives_each_record_of_a_list_larger_than_the_file_limit(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[" + ",".join([*(_record(i) for i in range(400)), "3", "{]"]) + "]", encoding="utf-8")
    assert path.stat().st_size > 3 * LIMIT  # refused whole before
    results = list(read_file(path, LIMIT))
    documents = [r for r in results if isinstance(r, RawDocument)]
    assert [d.path for d in documents] == [f"{path}#{i}" for i in range(1, 401)]
    assert documents[399].text.startswith("Record 399: ")
    assert [str(r) for r in results if isinstance(r, DocumentError)] == [
        f"{path}#401: a record must be a JSON object with a text field",
        f"{path}#402: not valid JSON (Expecting property name enclosed in double quotes at character 2 of the record)",
    ]


def test_a_list_cut_short_ends_with_one_line_after_the_records_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text("[" + _record(0) + ", " + _record(1)[:30], encoding="utf-8")
    assert [str(r) if isinstance(r, DocumentError) else r["n"] for _, r in _read(path)] == [
        0,
        f"{path}: not valid JSON (the list is not closed in record 2)",
    ]
