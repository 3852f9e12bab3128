"""The layers of the package, as the README's picture draws them, and every import between them: one way only.

The picture (README, *Architecture*) lists each layer, top first, with its folders and modules. Every module of
the package must be in exactly one layer of it, every path it names must exist, and every ``dakg`` import of
every module (read from its syntax tree, imports inside functions included) may only reach its own layer or a
layer below; in the top layer, each line is a front end of its own (the API, the command line, the notebook
client), and none imports another.
"""

from __future__ import annotations

import ast
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PICTURE_MARK = "<!-- layers:"


@dataclass(frozen=True)
class Place:
    """Where a picture's path puts a module: its layer (0 is the bottom) and, in the top layer, its line."""

    layer: str
    rank: int
    line: int


@cache
def folders() -> dict[str, str]:
    """Import names by folder (setuptools' package-dir mapping): ``api`` -> ``dakg.api``."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return {folder: package for package, folder in config["tool"]["setuptools"]["package-dir"].items()}


def module_of(path: str) -> str:
    """The import name a repository path stands for: ``ingest/read.py`` -> ``dakg.ingest.read``, ``answers/`` ->
    ``dakg.answers`` (a folder stands for its package and everything in it)."""
    parts = path.rstrip("/").removesuffix(".py").split("/")
    package = folders()[parts[0]]
    rest = [p for p in parts[1:] if p != "__init__"]
    return ".".join([package, *rest])


@cache
def picture() -> dict[str, Place]:
    """The README's picture of the layers: each path it names (a module or a folder) and where it puts it."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    after = text.split(PICTURE_MARK, 1)[1]
    block = after.split("```text\n", 1)[1].split("```", 1)[0]
    layers: list[tuple[str, list[tuple[int, list[str]]]]] = []  # top first: (name, [(line, paths)])
    for number, line in enumerate(block.splitlines()):
        paths = [t for t in line.split() if re.fullmatch(r"[a-z_]+/[\w/]*(?:\.py)?", t)]
        if not paths:
            continue  # the flow line, notes
        if not line.startswith(" "):
            layers.append((re.split(r"\s{2,}", line.strip())[0], []))
        layers[-1][1].append((number, paths))
    places: dict[str, Place] = {}
    for index, (name, lines) in enumerate(layers):
        for number, paths in lines:
            for path in paths:
                assert path not in places, f"the picture names {path} twice"
                places[path] = Place(name, len(layers) - 1 - index, number if index == 0 else -1)
    return places


@cache
def modules() -> dict[str, Path]:
    """Every module of the package, by import name."""
    found = {}
    for folder, package in folders().items():
        for path in sorted((REPO / folder).rglob("*.py")):
            parts = [p for p in path.relative_to(REPO / folder).with_suffix("").parts if p != "__init__"]
            found[".".join([package, *parts])] = path
    return found


def place_of(module: str) -> tuple[str, Place] | None:
    """The picture's most specific path that takes in ``module`` (a module itself, or a folder above it)."""
    matches = [
        (path, place)
        for path, place in picture().items()
        if module == module_of(path) or (path.endswith("/") and module.startswith(module_of(path) + "."))
    ]
    return max(matches, key=lambda m: len(module_of(m[0])), default=None)


def imports_in(source: str, package: str) -> set[str]:
    """The ``dakg`` modules some code imports, anywhere in it (inside functions too): ``from dakg.x import y`` is
    the module ``dakg.x.y`` if there is one, else ``dakg.x``; relative imports count from ``package``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0]
                base = f"{anchor}.{base}".rstrip(".")
            for alias in node.names:
                name = f"{base}.{alias.name}"
                found.add(name if name in modules() else base)
    return {name for name in found if name == "dakg" or name.startswith("dakg.")}


def imports(module: str) -> set[str]:
    path = modules()[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def problem(module: str, imported: str) -> str | None:
    """What is wrong with ``module`` importing ``imported``, by the picture, or None."""
    found, target = place_of(module), place_of(imported)
    if found is None or target is None:
        return f"{module} or {imported} is in no layer of the picture"
    (_, here), (_, there) = found, target
    if there.rank > here.rank:
        return f"{module} ({here.layer}) imports {imported}, of a layer above ({there.layer})"
    if here.line >= 0 and there.line >= 0 and here.line != there.line:
        return f"{module} imports {imported}: one front end imports another"
    return None


def test_the_picture_takes_in_every_module_once_and_names_only_what_exists() -> None:
    assert [p.layer for p in sorted(picture().values(), key=lambda p: -p.rank)][-1] == "foundation"
    assert {p.layer for p in picture().values()} >= {"answers", "store", "fragment", "documents"}
    for path in picture():
        assert (REPO / path).exists(), f"the README's picture of the layers names {path}, which does not exist"
    missing = sorted(m for m in modules() if place_of(m) is None)
    assert not missing, f"modules in no layer of the README's picture (add them there): {missing}"


def test_imports_only_go_down_the_layers() -> None:
    found = [problem(m, i) for m in modules() for i in sorted(imports(m)) if i in modules()]
    assert len(found) > 200  # every import between the package's modules is seen
    assert [p for p in found if p is not None] == []


def test_the_api_does_not_import_ingest_and_the_cli_does_not_import_the_api() -> None:
    api = sorted((m, i) for m in modules() if m.startswith("dakg.api") for i in imports(m))
    assert [(m, i) for m, i in api if i.startswith("dakg.ingest")] == []
    assert [i for i in imports("dakg.cli") | imports("dakg.__main__") if i.startswith("dakg.api")] == []
    assert [i for i in imports("dakg.client") if i.startswith(("dakg.api", "dakg.cli"))] == []


def test_answers_read_the_store_and_only_intake_reaches_into_ingest() -> None:
    """Country names, officials, groups: everything an answer names is read from the store; a posted document is
    the one way from the answers into the ingest pipeline."""
    answers = sorted((m, i) for m in modules() if m.startswith("dakg.answers.") for i in imports(m))
    assert [(m, i) for m, i in answers if i.startswith("dakg.ingest") and m != "dakg.answers.intake"] == []


def test_the_check_catches_what_it_is_for() -> None:
    """On code written for the test: imports inside functions and relative imports are seen, and an import up
    the layers, or from one front end into another, is refused."""
    source = (
        "import dakg.store\n"
        "from dakg import reprints\n"
        "from dakg.answers import agreements as a, paging\n"
        "from . import formats\n"
        "from ..store import base\n"
        "def serve() -> None:\n"
        "    from dakg.api.deps import StoreDep\n"
    )
    assert imports_in(source, "dakg.ingest") == {
        "dakg.store",
        "dakg.reprints",
        "dakg.answers.agreements",
        "dakg.answers.paging",
        "dakg.ingest.formats",
        "dakg.store.base",
        "dakg.api.deps",
    }
    assert problem("dakg.answers.agreements", "dakg.store.base") is None
    assert problem("dakg.ingest.read", "dakg.ingest.formats") is None  # within a layer
    assert problem("dakg.store.base", "dakg.answers.agreements") == (
        "dakg.store.base (store) imports dakg.answers.agreements, of a layer above (answers)"
    )
    assert problem("dakg.ingest.read", "dakg.ingest.fragment") is not None  # documents -> fragment: up
    assert problem("dakg.cli", "dakg.api.deps") == "dakg.cli imports dakg.api.deps: one front end imports another"
    assert problem("dakg.api.routes.read", "dakg.api.deps") is None  # within one front end


def test_routes_take_what_they_need_from_deps() -> None:
    """The store, the settings, the caches and the ingestor reach a route as named dependencies (``api/deps.py``),
    never through ``request.app.state``."""
    reading = [
        f"{module}:{node.lineno}"
        for module, path in modules().items()
        if module.startswith("dakg.api.routes.")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr == "state"
    ]
    assert reading == []
