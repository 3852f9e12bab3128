"""Issue 8, end to end: a folder of hostile documents beside five good ones (``tests/hostile/``, plus what cannot
be committed, made here) goes through `dakg ingest` and `dakg extract` as a user runs them. Every bad document
is one exact report line, nothing blocks or leaks, the five good documents are written, and an edited one
becomes a new version of itself."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dakg.config import Settings
from dakg.store import EmbeddedServer, open_store

from .conftest import VENV_BIN

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).with_name("hostile")
SECRET = "root:x:0:0 a private line that must never become a source"
GOOD_TITLES = {
    "Eswatini receives five men deported from the US",
    "Uganda agrees to take deportees from the United States",
    "Rwanda deal – what we know",  # windows-1252, decoded by the charset its meta tag declares
    "Italy and Albania sign migration protocol",
    "Ghana to accept West African deportees",
}


def _reports(folder: Path) -> list[str]:
    """The report lines, in the order a run gives them (the paths', JSON Lines records in their order)."""
    outside = "a symbolic link to outside the files and folders given; not followed (--follow-symlinks follows it)"
    surrogate = "a lone surrogate (U+{}, not valid Unicode)"
    lines = [
        ("binary.txt", "binary file (contains NUL bytes)"),
        ("bomb.md", "front matter refused: it uses YAML anchors or aliases (&name, *name), which are refused"),
        ("deep.json#1", "not valid JSON (nested too deeply)"),
        ("fifo.txt", "not a regular file (a FIFO); skipped"),
        ("front-surrogate.md", "metadata refused: title contains " + surrogate.format("D800")),
        ("latin1.txt", "not UTF-8 text (invalid continuation byte at byte 18); convert it to UTF-8"),
        ("leak.txt", outside),
        ("loop1.txt", "a symbolic link loop; skipped"),
        ("loop2.txt", "a symbolic link loop; skipped"),
        ("records.jsonl#1", "refused: the text contains " + surrogate.format("D800") + " at character 14"),
        ("records.jsonl#2", "refused: the text contains a NUL character (U+0000) at character 13"),
        ("records.jsonl#3", "metadata refused: title contains a control character (U+001B)"),
        ("records.jsonl#4", "metadata refused: title must be text, not a list"),
        ("records.jsonl#5", "metadata refused: title is 1,001 characters long (at most 1,000)"),
        (
            "records.jsonl#6",
            "not valid JSON (Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits)",
        ),
        (
            "sidecar.txt",
            "its metadata file sidecar.meta.json: metadata refused: outlet contains " + surrogate.format("DC80"),
        ),
        ("sub/up", "a folder already searched (a loop of links); skipped"),
        ("to-fifo.txt", "not a regular file (a FIFO); skipped"),
        ("two\\nlines.txt", "binary file (contains NUL bytes)"),
    ]
    return [f"skipped: {folder}/{name}: {reason}" for name, reason in lines]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The committed corpus, and beside it what git cannot hold."""
    folder = tmp_path / "docs"
    shutil.copytree(CORPUS, folder)
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "secret.txt").write_text(SECRET + ", even if a link in the folder points to it.\n")
    os.mkfifo(folder / "fifo.txt")  # reading it would block for ever
    (folder / "to-fifo.txt").symlink_to("fifo.txt")
    (folder / "leak.txt").symlink_to(tmp_path / "private" / "secret.txt")  # out of the folder given
    (folder / "loop1.txt").symlink_to("loop2.txt")
    (folder / "loop2.txt").symlink_to("loop1.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..", target_is_directory=True)  # a loop of folders
    (folder / "two\nlines.txt").write_bytes(b"x\x00\x01\x02")  # a name that would break a report in two
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
    return folder


Dakg = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run(tmp_path: Path, cli_env: Callable[..., dict[str, str]]) -> Iterator[Dakg]:
    env = cli_env(DAKG_DATA_DIR=str(tmp_path / "store"))

    def dakg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(VENV_BIN / "dakg"), *args], env=env, capture_output=True, text=True, timeout=240, check=False
        )

    yield dakg
    EmbeddedServer(tmp_path / "store").stop()


def _sources(data_dir: Path) -> list[dict[str, object]]:
    store = open_store(Settings(data_dir=data_dir), start_embedded=False)
    try:
        rows, _ = store.run(
            "MATCH (s:Source) RETURN s.title AS title, s.key AS key, s.superseded_by AS superseded_by, s.text AS text"
        )
        return rows
    finally:
        store.close()


def test_bad_documents_are_one_line_each_and_the_five_good_ones_are_written(
    hostile: Path, run: Dakg, tmp_path: Path
) -> None:
    expected = _reports(hostile)
    ingested = run("ingest", str(hostile))
    assert ingested.returncode == 1
    lines = ingested.stderr.splitlines()
    assert [line for line in lines if line.startswith("skipped: ")] == expected
    assert f"5 new, 0 unchanged, 0 replaced, {len(expected)} failed;" in ingested.stderr
    assert "Traceback" not in ingested.stderr
    sources = _sources(tmp_path / "store")
    assert {s["title"] for s in sources} == GOOD_TITLES
    assert not any(SECRET in str(s["text"]) for s in sources)

    again = run("ingest", str(hostile))
    assert f"0 new, 5 unchanged, 0 replaced, {len(expected)} failed;" in again.stderr

    extracted = run("extract", str(hostile))
    assert extracted.returncode == 1 and "Traceback" not in extracted.stderr
    assert [line for line in extracted.stderr.splitlines() if line.startswith("skipped: ")] == expected
    assert len(extracted.stdout.splitlines()) == 5  # one fragment per good document

    # An edited article under the same path is a new version of it, not a second unrelated source.
    wire = hostile / "good-wire.txt"
    wire.write_text(wire.read_text().replace("five men", "six men").replace("in July", "in June"))
    edited = run("ingest", str(wire))
    assert edited.returncode == 0 and "1 new, 0 unchanged" in edited.stderr, edited.stderr
    versions = {s["key"]: s["superseded_by"] for s in _sources(tmp_path / "store") if "Eswatini" in str(s["title"])}
    [current] = [key for key, later in versions.items() if later is None]
    assert len(versions) == 2 and [later for key, later in versions.items() if key != current] == [current]
