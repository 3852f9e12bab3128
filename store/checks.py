"""Checks every file in ``cypher/`` must pass, on both stores (``dakg check-queries``, and the test suite).

1. ``common_subset_problems``: constructs kept out because one of the two stores lacks them.
2. ``explain_on_falkordb``: FalkorDB plans the query (``GRAPH.EXPLAIN``) without error.
3. ``lint_neo4j``: Neo4j's own language library finds no error or warning when it reads the text as Neo4j 5
   Cypher, given the schema's labels, relationship types and property keys and the file's declared params.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dakg.errors import DakgError
from dakg.schema import GRAPH
from dakg.store.queries import NamedQuery, strip_literals

# (pattern, why) — checked on the text without comments and string literals.
_FORBIDDEN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bEXISTS\s*\{", re.I), "EXISTS { } subqueries are Neo4j-only"),
    (re.compile(r"\bCOUNT\s*\{", re.I), "COUNT { } subqueries are Neo4j-only"),
    (re.compile(r"\bCALL\s*\(", re.I), "CALL (x) { } scoped subqueries are Neo4j-only"),
    (re.compile(r"\bCALL\s*\{", re.I), "CALL { } subqueries behave differently on the two stores"),
    (re.compile(r"\belementId\s*\(", re.I), "elementId() is Neo4j-only; use the key property"),
    (re.compile(r"\bid\s*\(", re.I), "internal ids differ per store; use the key property"),
    (re.compile(r"=~"), "regular expressions (=~) are Neo4j-only"),
    (re.compile(r"\bapoc\.", re.I), "APOC is Neo4j-only"),
    (re.compile(r"\bSHOW\b", re.I), "SHOW commands are Neo4j-only"),
    (
        re.compile(r"\bIF\s+NOT\s+EXISTS\b", re.I),
        "IF NOT EXISTS is Neo4j-only (schema set-up lives in the adapters)",
    ),
    (re.compile(r"\bRETURN\s+\*", re.I), "RETURN * returns whatever is in scope; name the columns"),
)

# The linter is a development tool: it lives in a checkout's tools/node (an editable install runs from one).
NODE_DIR = Path(__file__).resolve().parents[1] / "tools" / "node"


@dataclass(frozen=True)
class Finding:
    query: str
    check: str
    message: str

    def __str__(self) -> str:
        return f"{self.query}: [{self.check}] {self.message}"


def common_subset_problems(query: NamedQuery) -> list[Finding]:
    if query.dialect is not None:
        return []
    text = strip_literals(query.text)
    return [Finding(query.filename, "common-subset", why) for pattern, why in _FORBIDDEN if pattern.search(text)]


def explain_on_falkordb(graph: object, query: NamedQuery) -> list[Finding]:
    """Plan the query on FalkorDB with every declared parameter bound to null (paging ones to numbers)."""
    if query.dialect == "neo4j":
        return []
    try:
        params = {p: (1 if p in ("skip", "limit") else None) for p in query.params}
        graph.explain(query.text, params)  # type: ignore[attr-defined]
    except Exception as exc:  # the client raises redis.ResponseError; any failure is a finding
        return [Finding(query.filename, "falkordb-explain", str(exc).splitlines()[0])]
    return []


def node_tools_dir() -> Path:
    """The folder with the Node helpers and their installed packages (``make install`` puts them there)."""
    if not (NODE_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        raise DakgError(
            f"the Neo4j Cypher linter is not installed in {NODE_DIR}; it needs a checkout of the repository "
            "(run `make install` there)"
        )
    if shutil.which("node") is None:
        raise DakgError("node (Node.js 18 or newer) is not on the PATH; it runs the Neo4j Cypher linter")
    return NODE_DIR


def lint_neo4j(queries: Iterable[NamedQuery | tuple[str, str, tuple[str, ...]]]) -> list[Finding]:
    """Lint query texts as Neo4j 5 Cypher; plain (name, text, params) tuples are linted too."""
    items = []
    for query in queries:
        if isinstance(query, NamedQuery):
            if query.dialect == "falkordb":
                continue
            items.append({"name": query.filename, "text": query.text, "params": list(query.params)})
        else:
            name, text, params = query
            items.append({"name": name, "text": text, "params": list(params)})
    if not items:
        return []
    payload = json.dumps({"schema": GRAPH.lint_schema(), "queries": items})
    proc = subprocess.run(
        ["node", str(node_tools_dir() / "lint-cypher.mjs")],
        input=payload,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if proc.returncode != 0:
        raise DakgError(f"the Neo4j Cypher linter failed: {proc.stderr.strip().splitlines()[-1:]}")
    findings = []
    for result in json.loads(proc.stdout):
        for diag in result["diagnostics"]:
            findings.append(
                Finding(
                    result["name"],
                    f"neo4j-lint {diag['severity']}",
                    f"line {diag['line']} col {diag['column']}: {diag['message']}",
                )
            )
    return findings
