"""Cleaning text before NLP. The cleaned text is what the Source node stores and what every offset points into.

Rewritten and scraped articles carry debris: HTML entities and tags (also mangled ones such as ``< td >``,
``li >``, ``strong >``), mojibake (``Â``, ``ShÃ«ngjin``), bullet and table residue, page numbers, repeated
blocks, words run together after a full stop (``system.As``). Cleaning removes or repairs these and keeps
the words of the article as they are: quotes stay curly, spelling is not touched.
"""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy

# UTF-8 read as Windows-1252 or Latin-1 leaves a lead letter (Ã, Â, â, ...) followed by a continuation character;
# ftfy (slow) runs only where such a pair appears.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t\f\v"), " ")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

_TAG_NAMES = (
    r"(?:a|abbr|article|b|blockquote|br|caption|code|div|em|figcaption|figure|h\s?[1-6]|hr|i|img|li|ol|p|pre|"
    r"section|small|span|strong|sub|sup|table|tbody|td|tfoot|th|thead|tr|u|ul|t\s?[dhr])"
)
# Real tags, and tags with spaces inside them: "<p>", "< / td >", "< t d \">", "<br/>", "< th scope = "col" >".
_TAG = re.compile(
    r"<\s*/?\s*" + _TAG_NAMES + r"\b[^<>\n]{0,200}?/?\s*>|</?[a-zA-Z][a-zA-Z0-9]{0,12}(?:\s[^<>\n]{0,200})?/?>", re.I
)
# The second halves of tags whose "<" was lost: "strong >", "li >", "h2 >", "/ td >".
_TAG_TAIL = re.compile(r"(?<![\w<])/?\s?" + _TAG_NAMES + r"\s*/?>", re.I)
_LONE_BRACKETS = re.compile(r"(?:(?<=\s)|^)[<>](?=\s|$)|^>+(?=\w)")
_RUN_TOGETHER = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_COMMA_RUN = re.compile(r"(?<=[A-Za-z]),(?=[A-Za-z])")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) +(?=[.,;:!?](?:\s|$))")
_MULTI_SPACE = re.compile(r" {2,}")
_BULLET = re.compile(r"^(?:[-*•·▪◦‣–—]|\d{1,2}[.)])\s+")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_ESCAPE_RESIDUE = re.compile(r"^n[nt]*n?$")  # "\n\t" sequences that lost their backslashes


CELL_SEPARATOR = " | "  # what a table's cells are joined by once cleaned ("Italy | Albania | Protocol")


def table_row(line: str) -> bool:
    """A line of three cells or more: a row of a table written as text."""
    return "\n" not in line and line.count(CELL_SEPARATOR) >= 2


def _clean_line(line: str) -> str:
    line = _TAG.sub(" ", line)
    line = _TAG_TAIL.sub(" ", line)
    line = _LONE_BRACKETS.sub(" ", line)
    line = line.replace("Â", " ") if "Â" in line else line
    line = _MULTI_SPACE.sub(" ", line).strip()
    if _TABLE_RULE.match(line):
        return ""
    if line.startswith("|") or line.endswith("|"):
        line = line.strip("| ")
    line = _BULLET.sub("", line)
    line = _RUN_TOGETHER.sub(" ", line)
    line = _COMMA_RUN.sub(", ", line)
    line = _SPACE_BEFORE_PUNCT.sub("", line)
    return _MULTI_SPACE.sub(" ", line).strip()


_LETTER = re.compile(r"[^\W\d_]")


def _keep(line: str) -> bool:
    if not _LETTER.search(line):
        return False  # page numbers "1 - 2 - 3", ". . . .", stray punctuation
    return not (len(line) <= 12 and _ESCAPE_RESIDUE.match(line))


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def with_headline(text: str, title: str | None) -> str:
    """The cleaned text with the document's headline as its first line: a title given beside the text (a sidecar,
    front matter, a record's field, a page's meta tags) that the text does not open with is put before it, so
    that what the headline says can be quoted like the rest of the article."""
    headline = clean_text(title or "").replace("\n", " ")
    if len(headline.split()) < 3:
        return text
    opening = _words("\n".join(text.split("\n", 4)[:4]))
    if _words(headline) in opening:
        return text
    return f"{headline}\n\n{text}"


def clean_text(raw: str) -> str:
    """The cleaned text: debris removed, lines trimmed, paragraphs separated by one blank line."""
    text = raw
    if "&" in text:
        text = html.unescape(text)
    if _MOJIBAKE.search(text):
        text = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    else:
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_ZERO_WIDTH).translate(_SPACES)
    text = _CONTROL.sub(" ", text)
    out: list[str] = []
    seen: set[str] = set()
    blank = False
    for raw_line in text.split("\n"):
        line = _clean_line(raw_line)
        if not raw_line.strip():
            blank = blank or bool(out)  # a real empty line separates paragraphs
            continue
        if not line or not _keep(line):
            continue  # debris: dropped without leaving a gap
        if len(line) >= 40:
            if line in seen:
                continue  # a repeated block (rewrites often paste a paragraph twice)
            seen.add(line)
        if blank and out:
            out.append("")
        out.append(line)
        blank = False
    return "\n".join(out)
