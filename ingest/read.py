"""Finding and reading documents: .txt, .md (front matter), .html (main text), .json and .jsonl records.

Metadata (title, url, outlet, published) comes from the record itself, Markdown front matter, HTML meta tags,
or a sidecar ``NAME.meta.json`` beside ``NAME.txt``; absent metadata is fine. A document that cannot be read
becomes a ``DocumentError`` naming the path and the reason, never an exception that stops the run.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from dakg.dates import normalize_date
from dakg.errors import DocumentError
from dakg.ingest.validate import OUTLET_MAX, TITLE_MAX, URL_MAX, metadata_value, shown

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES

TEXT_FIELDS = ("text", "body", "content", "article", "full_text")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "canonical_url")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site_name", "publication")
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

    @field_validator("title", "url", "outlet", "published", mode="before")
    @classmethod
    def _checked(cls, value: Any, info: ValidationInfo) -> Any:
        return metadata_value(info.field_name or "", value)

    def merged(self, other: Metadata) -> Metadata:
        """Fields of ``other`` where it has them, else ours."""
        return Metadata(
            title=other.title or self.title,
            url=other.url or self.url,
            outlet=other.outlet or self.outlet,
            published=other.published or self.published,
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


def _first(record: dict[str, Any], names: Iterable[str]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def metadata_from_record(record: dict[str, Any], where: str) -> Metadata:
    """The metadata a record (JSON, front matter, a sidecar file) holds under any of the usual names; a refused
    field (``dakg.ingest.validate``) is a DocumentError naming ``where``."""
    published = _first(record, DATE_FIELDS)
    try:
        if published is not None and not isinstance(published, date | datetime):
            published = metadata_value("published", published)  # checked as text before it is read as a date
    except ValueError as exc:
        raise DocumentError(f"{where}: metadata refused: {exc}") from None
    return make_metadata(
        where,
        title=_first(record, TITLE_FIELDS),
        url=_first(record, URL_FIELDS),
        outlet=_first(record, OUTLET_FIELDS),
        published=normalize_date(published),
    )


# --- bytes to text -----------------------------------------------------------------------------------------


# <meta charset="windows-1252"> or <meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
_DECLARED_CHARSET = re.compile(rb"""<meta\s[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
# Labels the web treats as windows-1252 (the WHATWG Encoding Standard): pages that say Latin-1 mean it.
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp819", "ibm819"}


def declared_charset(data: bytes) -> str | None:
    """The character encoding an HTML page declares in a meta tag within its first 4,096 bytes, as a Python
    codec name, or None (none declared, or one Python does not know)."""
    found = _DECLARED_CHARSET.search(data[:4096])
    if found is None:
        return None
    label = found.group(1).decode("ascii").lower()
    if label in _WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(data: bytes, path: str, *, html: bool = False) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; an HTML page that is not UTF-8 is decoded by the charset
    its meta tag declares (windows-1252, ISO-8859-x, ...; bytes that charset lacks become U+FFFD). Anything
    else, or binary, is refused."""
    if not data.strip():
        raise DocumentError(f"{path}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{path}: not valid UTF-16 text ({exc.reason} at byte {exc.start})") from exc
    if b"\x00" in data[:65536]:
        raise DocumentError(f"{path}: binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        charset = declared_charset(data) if html else None
        if charset is None or charset == "utf-8":
            hint = "convert it to UTF-8" + ("" if not html else " or declare its charset in a meta tag")
            raise DocumentError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); {hint}") from None
        text = data.decode(charset, errors="replace")
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(sample) // 20):
        raise DocumentError(f"{path}: binary file ({controls} control characters in the first {len(sample)})")
    return text


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, if it is a regular file no larger than ``max_bytes``. It is opened without blocking
    and checked on the open handle: a FIFO, a device or a socket (also behind a symbolic link, also one put in
    a file's place after it was found) is refused, never waited on."""
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
        if info.st_size > max_bytes:
            raise DocumentError(
                f"{name}: too large ({info.st_size:,} bytes; the limit DAKG_MAX_DOCUMENT_BYTES is {max_bytes:,})"
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


# --- formats -----------------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
# Each pattern stops at the next opening mark, so a line of thousands of "[" or "_a " is read in linear time
# (".+?" up to a matching mark made "_a " * 40,000 take 98 s). Nested emphasis is removed inside out, in passes.
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)")
_MD_EMPHASIS = re.compile(
    r"\*\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*\*|__(?=[^\s_])([^_\n]+?)(?<=[^\s_])__"
    r"|\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*|_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_|`([^`\n]+)`"
)


def _emphasised(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group is not None)


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)
_MD_QUOTE = re.compile(r"^>[ \t]?", re.M)


FRONT_MATTER_MAX_CHARS = 65_536


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader without anchors and aliases (``&a`` / ``*a``): an alias repeats a node without its
    size showing, so 1.6 KB of nested aliases can stand for gigabytes of text (a "billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused("it uses YAML anchors or aliases (&name, *name), which are refused")
        return super().compose_node(parent, index)


class _Refused(Exception):
    pass


def front_matter(block: str, path: str) -> Any:
    """The YAML between the ``---`` lines, read without anchors or aliases, at most FRONT_MATTER_MAX_CHARS long."""
    if len(block) > FRONT_MATTER_MAX_CHARS:
        limit = FRONT_MATTER_MAX_CHARS
        raise DocumentError(f"{path}: front matter is {len(block):,} characters long (at most {limit:,})")
    try:
        return yaml.load(block, Loader=_FrontMatterLoader)  # a safe loader, anchors refused
    except _Refused as exc:
        raise DocumentError(f"{path}: front matter refused: {exc}") from None
    except yaml.YAMLError as exc:
        raise DocumentError(f"{path}: front matter is not valid YAML ({str(exc).splitlines()[0]})") from None
    except RecursionError:
        raise DocumentError(f"{path}: front matter is nested too deeply") from None


def read_markdown(text: str, path: str) -> tuple[str, Metadata]:
    meta = Metadata()
    match = _FRONT_MATTER.match(text)
    if match:
        front = front_matter(match.group(1), path)
        if isinstance(front, dict):
            meta = metadata_from_record(front, path)
        text = text[match.end() :]
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_QUOTE.sub("", text)
    for _ in range(2):  # nested emphasis
        text = _MD_EMPHASIS.sub(_emphasised, text)
    return text, meta


_BOILERPLATE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "figure",
)
_BLOCK_TAGS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, dd, dt, td, th, figcaption"


def read_html(text: str, path: str) -> tuple[str, Metadata]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)

    def meta_content(*selectors: str) -> str | None:
        for selector in selectors:
            node = tree.css_first(selector)
            if node is not None:
                value = node.attributes.get("content") or node.attributes.get("datetime") or node.attributes.get("href")
                if value and value.strip():
                    return value.strip()
        return None

    title_node = tree.css_first("title")
    meta = make_metadata(
        path,
        title=meta_content('meta[property="og:title"]', 'meta[name="twitter:title"]')
        or (title_node.text(strip=True) if title_node is not None else None),
        url=meta_content('meta[property="og:url"]', 'link[rel="canonical"]'),
        outlet=meta_content('meta[property="og:site_name"]', 'meta[name="publisher"]'),
        published=normalize_date(
            meta_content(
                'meta[property="article:published_time"]',
                'meta[name="date"]',
                'meta[name="pubdate"]',
                'meta[name="publish-date"]',
                'meta[name="dc.date"]',
                "time[datetime]",
            )
        ),
    )
    for tag in _BOILERPLATE_TAGS:
        for node in tree.css(tag):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return "", meta
    candidates = root.css(_BLOCK_TAGS)
    # A block that contains other blocks is a container: its children are taken one by one. One pass up from
    # each block marks its ancestors, stopping at the first already marked (linear even for deep nesting).
    containers: set[int] = set()
    for node in candidates:
        parent = node.parent
        while parent is not None and parent.mem_id not in containers:
            containers.add(parent.mem_id)
            parent = parent.parent
    blocks = []
    for node in candidates:
        if node.mem_id in containers:
            continue
        block = " ".join(node.text(separator="").split())
        if block:
            blocks.append(block)
    if not blocks:
        blocks = [" ".join(root.text(separator=" ").split())]
    return "\n\n".join(blocks), meta


def _json(data: str) -> Any:
    """``json.loads``, with every way it can fail on hostile input as a ValueError with a one-line reason."""
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise ValueError(str(exc).split(";")[0]) from None


def _records(data: str, path: Path) -> Iterator[tuple[str, Any]]:
    name = shown(path)
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        for number, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield f"{name}#{number}", _json(line)
            except ValueError as exc:
                yield f"{name}#{number}", DocumentError(f"{name}#{number}: not valid JSON ({exc})")
        return
    try:
        parsed = _json(data)
    except ValueError as exc:
        yield name, DocumentError(f"{name}: not valid JSON ({exc})")
        return
    if isinstance(parsed, list):
        for number, item in enumerate(parsed, start=1):
            yield f"{name}#{number}", item
    else:
        yield name, parsed


def record_document(where: str, record: Any) -> RawDocument:
    if not isinstance(record, dict):
        raise DocumentError(f"{where}: a record must be a JSON object with a text field")
    text = _first(record, TEXT_FIELDS)
    if not isinstance(text, str):
        raise DocumentError(f"{where}: no text field (looked for {', '.join(TEXT_FIELDS)})")
    return RawDocument(path=where, text=text, meta=metadata_from_record(record, where), kind="record")


def sidecar_metadata(path: Path, max_bytes: int = 1_000_000, roots: Roots | None = None) -> Metadata:
    sidecar = path.with_name(path.stem + ".meta.json")
    where = f"{shown(path)}: its metadata file {shown(sidecar.name)}"
    if not os.path.lexists(sidecar):
        return Metadata()
    if sidecar.is_symlink():
        problem = (roots or Roots.of([path])).link_problem(sidecar)
        if problem is not None:
            raise DocumentError(f"{where} is {problem}")
    try:
        record = _json(decode(read_bytes(sidecar, max_bytes), str(sidecar)))
    except DocumentError as exc:
        raise DocumentError(f"{where} cannot be read ({str(exc).removeprefix(shown(sidecar) + ': ')})") from None
    except ValueError as exc:
        raise DocumentError(f"{where} is not valid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise DocumentError(f"{where} must hold a JSON object")
    return metadata_from_record(record, where)


def read_file(path: Path, max_bytes: int, roots: Roots | None = None) -> Iterator[RawDocument | DocumentError]:
    """The documents in one file (several for JSON Lines or a JSON list), or the errors reading them. Whatever
    goes wrong reading one file (or one record) is a DocumentError for it: the run goes on."""
    suffix = path.suffix.lower()
    name = shown(path)
    try:
        if suffix not in SUPPORTED:
            raise DocumentError(
                f"{name}: unsupported file type {suffix or '(none)'} (supported: {', '.join(sorted(SUPPORTED))})"
            )
        text = decode(read_bytes(path, max_bytes), name, html=suffix in HTML_SUFFIXES)
        if suffix in RECORD_SUFFIXES:
            for where, record in _records(text, path):
                if isinstance(record, DocumentError):
                    yield record
                    continue
                try:
                    yield record_document(where, record)
                except DocumentError as exc:
                    yield exc
                except Exception as exc:  # anything else one record does stops only that record
                    yield DocumentError(f"{where}: cannot be read ({type(exc).__name__}: {exc})")
            return
        side = sidecar_metadata(path, max_bytes, roots or Roots.of([path]))
        if suffix in MARKDOWN_SUFFIXES:
            body, meta = read_markdown(text, name)
            yield RawDocument(path=name, text=body, meta=meta.merged(side), kind="markdown")
        elif suffix in HTML_SUFFIXES:
            body, meta = read_html(text, name)
            yield RawDocument(path=name, text=body, meta=meta.merged(side), kind="html")
        else:
            yield RawDocument(path=name, text=text, meta=side, kind="text")
    except DocumentError as exc:
        yield exc
    except Exception as exc:  # a bug or a limit of a library (RecursionError, MemoryError): this file only
        yield DocumentError(f"{name}: cannot be read ({type(exc).__name__}: {exc})")


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


def read_documents(
    paths: Iterable[str | Path], max_bytes: int, *, follow_symlinks: bool = False
) -> Iterator[RawDocument | DocumentError]:
    given = [str(p) for p in paths]
    roots = Roots.of(given, follow_symlinks)
    for found in discover(given, follow_symlinks=follow_symlinks):
        if isinstance(found, DocumentError):
            yield found
        else:
            yield from read_file(found, max_bytes, roots)
