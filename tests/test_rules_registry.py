"""The rule registry and the derived extractor version."""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path
from typing import ClassVar

import pytest

from dakg.ingest import extract
from dakg.ingest.extract import fingerprint, rule_files
from dakg.ingest.rules.registry import RULES

pytestmark = pytest.mark.unit
TESTS = Path(__file__).parent


def _covered(*, acting: bool) -> set[str]:
    """Rule names in the ``@pytest.mark.covers(...)`` markers of the rule tests: those of tests where the rule acts,
    or (``acting=False``) of tests where it stands aside. ``tests/conftest.py`` checks each marker against the rules
    that acted while its test ran."""
    found: set[str] = set()
    for path in TESTS.glob("test_*rules*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "pytest.mark.covers":
                stands_aside = any(k.arg == "acts" and ast.unparse(k.value) == "False" for k in node.keywords)
                if stands_aside != acting:
                    found.update(str(arg.value) for arg in node.args if isinstance(arg, ast.Constant))
    return found


def test_every_registered_rule_has_a_test_in_which_it_acts() -> None:
    registered = {f"{r.stage}.{r.name}" for r in RULES.values()}
    assert registered - _covered(acting=True) == set()
    assert (_covered(acting=True) | _covered(acting=False)) - registered == set()  # a marker naming no rule: a typo


def test_the_rule_families_run_in_the_order_of_their_files() -> None:
    from dakg.ingest.rules import pairs, roles
    from dakg.ingest.rules.registry import applied

    for module, stage, kind in (
        (roles, "roles", "mention"),
        (roles, "roles", "nationality"),
        (pairs, "pairs", "sentence"),
    ):
        source = Path(str(module.__file__)).read_text(encoding="utf-8")
        order = [source.index(f"def {func.__name__}(") for func in applied(stage, kind)]
        assert order == sorted(order) and len(order) > 2


def test_every_rule_says_what_it_does() -> None:
    assert [r.id for r in RULES.values() if len(r.doc) < 20] == []


def test_every_rule_module_and_data_file_is_in_the_version() -> None:
    ingest = Path(extract.__file__).parent
    names = {Path(str(f)).relative_to(ingest).as_posix() for f in rule_files()}
    expected = {p.relative_to(ingest).as_posix() for p in (ingest / "rules").glob("*.py")}
    expected |= {p.relative_to(ingest).as_posix() for p in (ingest / "data").glob("*.json")}
    expected |= {f for f in extract.ENGINE_FILES}
    assert names == expected


def test_changing_any_rule_file_changes_the_version() -> None:
    contents = [f.read_bytes() for f in rule_files()]
    base = fingerprint(contents)
    assert fingerprint(contents) == base  # deterministic
    for index in range(len(contents)):
        changed = list(contents)
        changed[index] = contents[index] + b"\n# one more line"
        assert fingerprint(changed) != base, str(rule_files()[index])


def test_the_version_names_the_hash_and_the_model() -> None:
    class Pipeline:
        meta: ClassVar[dict[str, str]] = {"lang": "en", "name": "core_web_md", "version": "3.8.0"}

    version = extract.extractor_version(Pipeline())  # type: ignore[arg-type]
    digest = hashlib.sha256()
    for f in rule_files():
        digest.update(hashlib.sha256(f.read_bytes()).digest())
    assert version == f"dakg-{digest.hexdigest()[:12]}+en_core_web_md-3.8.0"
