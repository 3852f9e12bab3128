"""Which files a run reads: regular files only, never blocking; symbolic links only into the paths given (unless
asked); every entry not read is reported in one line."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from dakg.errors import DocumentError
from dakg.ingest.read import RawDocument, read_documents

GOOD = "Rwanda has agreed to accept migrants deported from the United States, the ministry said in Kigali."
OUTSIDE = "; not followed (--follow-symlinks follows it)"
NOTHING = (
    "no documents in this folder (looked for .htm, .html, .json, .jsonl, .markdown, .md, .ndjson, .text, .txt); skipped"
)


def _read(*paths: Path, follow_symlinks: bool = False, timeout: float = 20.0) -> list[str]:
    """Each result as ``ok NAME`` or the error line; fails (rather than hangs) if reading blocks."""
    results: list[RawDocument | DocumentError] = []

    def run() -> None:
        results.extend(read_documents([str(p) for p in paths], 100_000, follow_symlinks=follow_symlinks))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), "reading blocked"
    return [f"ok {Path(r.path).name}" if isinstance(r, RawDocument) else str(r) for r in results]


def test_fifos_devices_and_sockets_are_reported_and_nothing_blocks(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    os.mkfifo(folder / "p.txt")
    (folder / "to-fifo.txt").symlink_to(folder / "p.txt")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "s.txt"))
        assert _read(folder) == [
            "ok a.txt",
            f"{folder}/p.txt: not a regular file (a FIFO); skipped",
            f"{folder}/s.txt: not a regular file (a socket); skipped",
            f"{folder}/to-fifo.txt: not a regular file (a FIFO); skipped",
        ]
    # Named on the command line, directly or through a link: the same, and no wait.
    assert _read(folder / "p.txt", folder / "to-fifo.txt", Path("/dev/null")) == [
        f"{folder}/p.txt: not a regular file (a FIFO); skipped",
        f"{folder}/to-fifo.txt: not a regular file (a FIFO); skipped",
        "/dev/null: not a regular file (a character device); skipped",
    ]


def test_symbolic_links_are_followed_only_into_the_paths_given(tmp_path: Path) -> None:
    secret = tmp_path / "private" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash is a line that must never become a source in the graph.")
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD)
    (folder / "leak.txt").symlink_to(secret)
    (folder / "outside").symlink_to(secret.parent, target_is_directory=True)
    (folder / "inside.txt").symlink_to(folder / "a.txt")  # within the folder given: followed
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)  # a loop back to the root
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "broken.txt").symlink_to(tmp_path / "nothing.txt")
    (folder / "b.txt").write_text(GOOD + " Again.")
    (folder / "b.meta.json").symlink_to(tmp_path / "private" / "passwd.txt")
    assert _read(folder) == [
        "ok a.txt",
        f"{folder}/b.txt: its metadata file b.meta.json is a symbolic link to outside the files and folders given"
        + OUTSIDE,
        f"{folder}/broken.txt: a broken symbolic link (what it points to does not exist); skipped",
        "ok inside.txt",
        f"{folder}/leak.txt: a symbolic link to outside the files and folders given" + OUTSIDE,
        f"{folder}/loop1.txt: a symbolic link loop; skipped",
        f"{folder}/loop2.txt: a symbolic link loop; skipped",
        f"{folder}/outside: a symbolic link to outside the files and folders given" + OUTSIDE,
        f"{folder}/sub/up: a folder already searched (a loop of links); skipped",
    ]
    # Named on the command line, a link is read (naming it is the choice); so are both roots' links into each other.
    assert _read(folder / "leak.txt") == ["ok leak.txt"]
    assert "ok passwd.txt" in _read(folder, secret.parent)
    # --follow-symlinks: anywhere (the sidecar is read too, and refused for what it holds).
    followed = _read(folder, follow_symlinks=True)
    assert "ok leak.txt" in followed and "ok passwd.txt" in followed
    assert f"{folder}/b.txt: its metadata file b.meta.json is not valid JSON (Expecting value at line 1)" in followed


def test_folders_that_cannot_be_read_or_hold_nothing_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "docs"
    (folder / "x.txt").mkdir(parents=True)  # a folder with a document's name is searched like any folder
    (folder / "x.txt" / "in.txt").write_text(GOOD)
    (folder / "locked").mkdir()
    (folder / "locked" / "c.txt").write_text(GOOD)
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.docx").write_bytes(b"PK")
    scandir = os.scandir

    def refusing(path: str | os.PathLike[str]) -> object:  # as for a folder without read permission (root reads all)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    assert _read(folder, empty, tmp_path / "missing") == [
        f"{folder}/locked: folder cannot be read (permission denied); skipped",
        "ok in.txt",
        f"{empty}: {NOTHING}",
        f"{tmp_path}/missing: no such file or folder",
    ]


def test_every_report_is_one_line_whatever_the_name(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    os.mkfifo(folder / "two\nlines.txt")
    raw = os.fsencode(folder) + b"/caf\xe9\x1b[2J.txt"
    os.mkfifo(raw)
    assert _read(folder) == [
        f"{folder}/caf\\xe9\\x1b[2J.txt: not a regular file (a FIFO); skipped",
        f"{folder}/two\\nlines.txt: not a regular file (a FIFO); skipped",
        f"{folder}: {NOTHING}",
    ]


@pytest.mark.parametrize("kind", ["fifo", "link to a fifo"])
def test_a_fifo_put_where_a_file_was_found_does_not_block(tmp_path: Path, kind: str) -> None:
    from dakg.ingest.read import read_file

    path = tmp_path / "late.txt"
    os.mkfifo(tmp_path / "fifo")
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(tmp_path / "fifo")
    [error] = list(read_file(path, 1000))
    assert str(error) == f"{path}: not a regular file (a FIFO); skipped"
