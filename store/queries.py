"""Named queries: one file per query in ``cypher/``, loaded by name.

A file starts with ``//`` header lines::

    // Agreements hosted or started by a country, with their claims grouped by source.
    // params: host, deporting, skip, limit
    // mode: read

``params`` lists every ``$parameter`` the text uses (checked here, and by the Neo4j linter); ``mode`` is
``read`` (the default, run in a read transaction) or ``write``. Where the two stores need different text
(full-text search procedures; a plan one store would choose badly), ``name.falkordb.cypher`` and
``name.neo4j.cypher`` stand side by side. They are one query to their callers: every text of a name must declare
the same parameters and mode and return the same columns (checked when the files are loaded).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

from dakg.errors import ConfigError, UnknownQuery

Dialect = Literal["falkordb", "neo4j"]
DIALECTS: tuple[Dialect, ...] = ("falkordb", "neo4j")

_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_RETURN_RE = re.compile(r"\bRETURN\b", re.I)
_RETURN_END_RE = re.compile(r"\b(?:ORDER\s+BY|SKIP|LIMIT|UNION)\b", re.I)
_ALIAS_RE = re.compile(r"\bAS\s+(\w+|`[^`]+`)\s*$", re.I)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    params: tuple[str, ...]
    mode: Literal["read", "write"]
    dialect: Dialect | None  # None: the same text serves both stores
    description: str
    filename: str

    @property
    def body(self) -> str:
        """The text without its header comments."""
        return "\n".join(line for line in self.text.splitlines() if not line.lstrip().startswith("//")).strip()

    @property
    def columns(self) -> tuple[str, ...]:
        """The names of the columns its last ``RETURN`` gives (``x AS name``, or the expression itself)."""
        return returned_columns(self.text)


def strip_literals(text: str) -> str:
    """The query text with string literals emptied and comments removed (a small scanner: an apostrophe in a
    comment or ``//`` inside a string must not confuse it)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "'\"":
            quote, i = ch, i + 1
            while i < n and text[i] != quote:
                i += 2 if text[i] == "\\" else 1
            out.append(quote * 2)
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end == -1 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end == -1 else end + 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def used_parameters(text: str) -> set[str]:
    """``$names`` in a query text, ignoring string literals and comments."""
    return set(_PARAM_RE.findall(strip_literals(text)))


def returned_columns(text: str) -> tuple[str, ...]:
    """The column names of a query's last ``RETURN`` clause (comments and string literals ignored)."""
    plain = strip_literals(text)
    found = list(_RETURN_RE.finditer(plain))
    if not found:
        return ()
    clause = plain[found[-1].end() :]
    end = _RETURN_END_RE.search(clause)
    clause = clause[: end.start() if end else None].strip()
    clause = re.sub(r"^DISTINCT\b", "", clause, flags=re.I)
    items, depth, start = [], 0, 0
    for i, ch in enumerate(clause):
        depth += (ch in "([{") - (ch in ")]}")
        if ch == "," and depth == 0:
            items.append(clause[start:i])
            start = i + 1
    items.append(clause[start:])
    columns = []
    for item in (i.strip() for i in items):
        alias = _ALIAS_RE.search(item)
        columns.append(alias.group(1).strip("`") if alias else " ".join(item.split()))
    return tuple(columns)


def variant_problems(queries: Iterable[NamedQuery]) -> list[str]:
    """Where the texts of one query name (the common one, one per store) disagree on what a caller sees: the
    parameters they declare, their mode, or the columns they return."""
    by_name: dict[str, list[NamedQuery]] = {}
    for query in queries:
        by_name.setdefault(query.name, []).append(query)
    problems = []
    for texts in by_name.values():
        first = texts[0]
        for other in texts[1:]:
            for what, mine, theirs in (
                ("parameters", sorted(first.params), sorted(other.params)),
                ("mode", first.mode, other.mode),
                ("columns", first.columns, other.columns),
            ):
                if mine != theirs:
                    problems.append(
                        f"{other.filename}: its {what} {theirs} differ from those of {first.filename} {mine}"
                    )
    return problems


def parse_query(filename: str, text: str) -> NamedQuery:
    stem = filename.removesuffix(".cypher")
    name, _, dialect = stem.partition(".")
    if dialect and dialect not in DIALECTS:
        raise ValueError(f"{filename}: unknown dialect suffix {dialect!r}")
    params: tuple[str, ...] | None = None
    mode: Literal["read", "write"] = "read"
    description: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        content = stripped[2:].strip()
        if content.startswith("params:"):
            params = tuple(p.strip() for p in content[len("params:") :].split(",") if p.strip())
        elif content.startswith("mode:"):
            value = content[len("mode:") :].strip()
            if value not in ("read", "write"):
                raise ValueError(f"{filename}: mode must be read or write, not {value!r}")
            mode = "write" if value == "write" else "read"
        elif content:
            description.append(content)
    if params is None:
        raise ValueError(f"{filename}: missing the `// params:` header line (write `// params:` if none)")
    used = used_parameters(text)
    if used != set(params):
        raise ValueError(
            f"{filename}: parameters used {sorted(used)} differ from those declared in its header {sorted(params)}"
        )
    return NamedQuery(
        name=name,
        text=text,
        params=params,
        mode=mode,
        dialect=next((d for d in DIALECTS if d == dialect), None),
        description=" ".join(description),
        filename=filename,
    )


@lru_cache(maxsize=1)
def all_queries() -> tuple[NamedQuery, ...]:
    """Every query file in ``cypher/``, parsed."""
    folder = resources.files("dakg.cypher")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            try:
                found.append(parse_query(entry.name, entry.read_text(encoding="utf-8")))
            except ValueError as exc:
                raise ConfigError(f"cypher/{exc}") from exc
    problems = variant_problems(found)
    if problems:
        raise ConfigError(f"cypher/{problems[0]}")
    return tuple(found)


@cache
def get_query(name: str, dialect: Dialect) -> NamedQuery:
    """The query called ``name`` as the given store runs it."""
    generic = None
    for query in all_queries():
        if query.name != name:
            continue
        if query.dialect == dialect:
            return query
        if query.dialect is None:
            generic = query
    if generic is None:
        known = sorted({q.name for q in all_queries()})
        raise UnknownQuery(f"no query named {name!r} in cypher/ (known: {', '.join(known)})")
    return generic
