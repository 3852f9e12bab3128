"""Fragments in files: JSON Lines, one document's ``Fragment`` (or the error that stopped it) per line.

``dakg extract`` prints them and ``dakg extract --dask`` writes them in parts (``dakg.ingest.cluster``);
``dakg load`` reads them back and writes each through ``load_fragment``, the one atomic write of ``dakg ingest``.
A line is either a fragment, as ``Fragment.model_dump(mode="json")`` gives it, or ``{"error": "<one line>"}``:
a document the extraction could not read, kept in its place so that the load reports it as ingest would have.

Every fragment is validated again when read (its quotes must point into its text, its claims name declared
fields): a file edited by hand, cut short or from another version is refused line by line, naming the file and
line, and the other lines are still loaded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from dakg.errors import DocumentError
from dakg.ingest.fragment import Fragment
from dakg.ingest.validate import shown

SUFFIX = ".jsonl"


def fragment_line(item: Fragment | DocumentError) -> str:
    """One line (no newline) for the fragment, or for the error in its place."""
    if isinstance(item, DocumentError):
        return json.dumps({"error": str(item)}, ensure_ascii=False)
    return json.dumps(item.model_dump(mode="json"), ensure_ascii=False)


def write_fragments(items: Iterable[Fragment | DocumentError], out: TextIO) -> tuple[int, int]:
    """Every item as a line of ``out``; returns (fragments, errors) written."""
    counts = [0, 0]
    for item in items:
        out.write(fragment_line(item) + "\n")
        counts[isinstance(item, DocumentError)] += 1
    return counts[0], counts[1]


def fragment_files(paths: Iterable[str | Path]) -> Iterator[Path | DocumentError]:
    """The files ``paths`` name: a file as given, a folder's ``*.jsonl`` files in name order (the parts of one
    run, in the order of its documents)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            parts = sorted(p for p in path.iterdir() if p.suffix == SUFFIX and p.is_file())
            if not parts:
                yield DocumentError(f"{shown(path)}: no {SUFFIX} file of fragments in this folder")
            yield from parts
        elif path.is_file():
            yield path
        else:
            yield DocumentError(f"{shown(path)}: no such file or folder")


def read_fragments(paths: Iterable[str | Path]) -> Iterator[Fragment | DocumentError]:
    """Each line of the files ``paths`` name (see ``fragment_files``) as a validated ``Fragment``, or as the
    ``DocumentError`` that names the file, the line and what is wrong with it."""
    for path in fragment_files(paths):
        if isinstance(path, DocumentError):
            yield path
            continue
        try:
            with path.open(encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        yield _fragment(line, f"{shown(path)}:{number}")
        except (OSError, UnicodeDecodeError) as exc:
            yield DocumentError(f"{shown(path)}: cannot be read ({type(exc).__name__}: {exc})")


def _fragment(line: str, where: str) -> Fragment | DocumentError:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return DocumentError(f"{where}: not JSON ({exc.msg} at column {exc.colno})")
    if isinstance(data, dict) and set(data) == {"error"} and isinstance(data["error"], str):
        return DocumentError(data["error"])
    try:
        return Fragment.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        at = ".".join(str(part) for part in first["loc"]) or "the line"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        return DocumentError(f"{where}: not a fragment: {at}: {first['msg']}{more}")
