"""Each format's reader: bytes to text, and text to a document's text and metadata (part of the first layer,
*documents*). Nothing here touches the file system.

- bytes: UTF-8 (with or without BOM) or UTF-16 with BOM; an HTML page that is not UTF-8 is decoded by the
  charset its meta tag declares; binary is refused;
- ``.md``: YAML front matter (without anchors and aliases), Markdown marks removed;
- ``.html``: the article's main text (navigation, headers, footers, scripts and asides dropped), metadata from
  its meta tags;
- ``.json`` (one record or a list) and ``.jsonl`` records with a ``text`` (or ``body``, ``content``) field.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from dakg.dates import normalize_date
from dakg.errors import DocumentError
from dakg.ingest.document import TEXT_FIELDS, Metadata, RawDocument, first_field, make_metadata, metadata_from_record
from dakg.ingest.validate import shown
from dakg.schema import LANGUAGES

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


def _page_language(tree: Any) -> str | None:
    """The language a page declares (``<html lang="fr-FR">``, ``og:locale``), when it is one dakg reads; a page in
    another language or none is left to detection rather than refused."""
    html = tree.css_first("html")
    locale = tree.css_first('meta[property="og:locale"]')
    for value in (
        html.attributes.get("lang") if html is not None else None,
        locale.attributes.get("content") if locale is not None else None,
    ):
        code = (value or "").strip().replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return None


# Deeper nesting is refused before parsing: the HTML parser's time grows with the square of the depth (measured:
# 0.5 s at 10,000 levels, 13 s at 50,000). No article comes near: real pages nest a few dozen levels.
MAX_HTML_DEPTH = 10_000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")
# Elements without an end tag, or whose end tag may be left out (a sibling closes them): not counted as nesting.
_UNNESTED = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    | {"p", "li", "dt", "dd", "tr", "td", "th", "option"}
)


def html_depth(text: str, stop_at: int = MAX_HTML_DEPTH) -> int:
    """How deep the page's elements nest, counted from its tags (at most ``stop_at``: then it is too deep)."""
    depth = deepest = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _UNNESTED:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest >= stop_at:
                break
    return deepest


def read_html(text: str, path: str) -> tuple[str, Metadata]:
    from selectolax.lexbor import LexborHTMLParser

    if html_depth(text) >= MAX_HTML_DEPTH:
        raise DocumentError(f"{path}: HTML nested {MAX_HTML_DEPTH:,} or more levels deep; refused (no article does)")
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
        language=_page_language(tree),
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


def parse_json(data: str) -> Any:
    """``json.loads``, with every way it can fail on hostile input as a ValueError with a one-line reason."""
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise ValueError(str(exc).split(";")[0]) from None


def records(data: str, path: Path) -> Iterator[tuple[str, Any]]:
    name = shown(path)
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        for number, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield f"{name}#{number}", parse_json(line)
            except ValueError as exc:
                yield f"{name}#{number}", DocumentError(f"{name}#{number}: not valid JSON ({exc})")
        return
    try:
        parsed = parse_json(data)
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
    text = first_field(record, TEXT_FIELDS)
    if not isinstance(text, str):
        raise DocumentError(f"{where}: no text field (looked for {', '.join(TEXT_FIELDS)})")
    return RawDocument(path=where, text=text, meta=metadata_from_record(record, where), kind="record")
