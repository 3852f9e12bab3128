"""Which files a run reads, and opening them safely (part of the first layer, *documents*).

Named files are read as given (even a symbolic link: naming it is the choice to read it); folders are searched
recursively, passing over hidden entries, sidecars, READMEs and files of other types. Only regular files are
read, opened without blocking and checked on the open handle; what is not read (a FIFO, a socket, a device, a
link leading outside the paths given, a broken link, a loop, a folder that cannot be read or holds no document)
is reported in one line, as a ``DocumentError``.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dakg.errors import DocumentError
from dakg.ingest.document import SUPPORTED
from dakg.ingest.validate import shown


@contextmanager
def open_regular(path: Path) -> Iterator[BinaryIO]:
    """The file opened for reading bytes, if it is a regular file. It is opened without blocking and checked on
    the open handle: a FIFO, a device or a socket (also behind a symbolic link, also one put in a file's place
    after it was found) is refused, never waited on."""
    name = shown(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise DocumentError(f"{name}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise DocumentError(f"{name}: cannot be read ({_os_reason(exc)})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(f"{name}: {_not_regular(info.st_mode)}")
        yield handle


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, if it is a regular file (see ``open_regular``) no larger than ``max_bytes``."""
    name = shown(path)
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise DocumentError(
                f"{name}: too large ({size:,} bytes; the limit DAKG_MAX_DOCUMENT_BYTES is {max_bytes:,})"
            )
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise DocumentError(f"{name}: cannot be read ({_os_reason(exc)})") from None
    if len(data) > max_bytes:  # it grew while we looked
        raise DocumentError(f"{name}: too large (over the limit DAKG_MAX_DOCUMENT_BYTES of {max_bytes:,} bytes)")
    return data


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    if exc.errno == errno.EISDIR:
        return "a folder"
    return (exc.strerror or str(exc)).lower()


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def _not_regular(mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return f"not a regular file ({kind}); skipped"


def _is_document_file(path: Path) -> bool:
    name = path.name
    return (
        not name.startswith(".")
        and not name.endswith(".meta.json")
        and not name.upper().startswith(("README", "LICENSE", "CHANGELOG"))
        and path.suffix.lower() in SUPPORTED
    )


@dataclass(frozen=True)
class Roots:
    """The files and folders named to a run, as real paths: where a symbolic link found inside them may lead.

    A link found while searching a folder (a document, a sidecar, a folder) is followed only into one of the
    roots, unless ``follow_symlinks``; a path named on the command line is read even if it is a link (naming
    it is the choice to read it)."""

    real: tuple[str, ...] = ()
    follow_symlinks: bool = False

    @classmethod
    def of(cls, paths: Iterable[str | Path], follow_symlinks: bool = False) -> Roots:
        return cls(tuple(os.path.realpath(p) for p in paths), follow_symlinks)

    def admits(self, target: str) -> bool:
        return self.follow_symlinks or any(
            target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in self.real
        )

    def link_problem(self, link: Path) -> str | None:
        """Why the symbolic link ``link`` is not followed, or None."""
        try:
            target = os.path.realpath(link, strict=True)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "a symbolic link loop; skipped"
            return "a broken symbolic link (what it points to does not exist); skipped"
        if not self.admits(target):
            return "a symbolic link to outside the files and folders given; not followed (--follow-symlinks follows it)"
        return None


_NO_DOCUMENTS = f"no documents in this folder (looked for {', '.join(sorted(SUPPORTED))}); skipped"


def discover(paths: Iterable[str | Path], *, follow_symlinks: bool = False) -> Iterator[Path | DocumentError]:
    """Files to read, as absolute paths: named files as given, folders searched recursively (hidden entries,
    sidecars, READMEs and files of other types passed over). Only regular files are taken; what is not read is
    reported, one line each: FIFOs, sockets and devices, symbolic links leading outside the paths given (see
    ``Roots``), broken links and link loops, folders that cannot be read, and a folder named here that holds no
    document."""
    # Absolute (symbolic links kept): a file's path names its document, whatever folder a run starts in.
    given = [Path(os.path.abspath(p)) for p in paths]
    roots = Roots.of(given, follow_symlinks)
    for root in given:
        name = shown(root)
        try:
            info = root.stat()
        except OSError as exc:
            if exc.errno == errno.ENOENT and not root.is_symlink():
                yield DocumentError(f"{name}: no such file or folder")
            elif exc.errno == errno.ENOENT:
                yield DocumentError(f"{name}: a broken symbolic link (what it points to does not exist); skipped")
            else:
                yield DocumentError(f"{name}: cannot be read ({_os_reason(exc)})")
            continue
        if stat.S_ISREG(info.st_mode):
            yield root
        elif stat.S_ISDIR(info.st_mode):
            found = _search(root, roots, {(info.st_dev, info.st_ino)})
            if not any(isinstance(item, Path) for item in found):
                found.append(DocumentError(f"{name}: {_NO_DOCUMENTS}"))
            yield from found
        else:
            yield DocumentError(f"{name}: {_not_regular(info.st_mode)}")


def _search(folder: Path, roots: Roots, seen: set[tuple[int, int]]) -> list[Path | DocumentError]:
    """What ``discover`` finds under one folder, in the order of the paths (iterative: any depth)."""
    found: list[tuple[str, Path | DocumentError]] = []

    def report(path: Path, reason: str) -> None:
        found.append((str(path), DocumentError(f"{shown(path)}: {reason}")))

    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            report(current, f"folder cannot be read ({_os_reason(exc)}); skipped")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            candidate = _is_document_file(path)
            try:
                if entry.is_symlink():
                    problem = roots.link_problem(path)
                    if problem is not None:
                        if candidate or not path.suffix or os.path.isdir(path):
                            report(path, problem)
                        continue
                info = os.stat(path)
            except OSError as exc:
                if candidate:
                    report(path, f"cannot be read ({_os_reason(exc)})")
                continue
            if stat.S_ISDIR(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key in seen:
                    report(path, "a folder already searched (a loop of links); skipped")
                    continue
                seen.add(key)
                stack.append(path)
            elif not candidate:
                continue
            elif stat.S_ISREG(info.st_mode):
                found.append((str(path), path))
            else:
                report(path, _not_regular(info.st_mode))
    found.sort(key=lambda item: item[0])
    return [item for _, item in found]
