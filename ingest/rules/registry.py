"""Rules register here under their stage and a versioned name, so that claims can say which rules made them.

    @rule("roles", "deported-from", version=1)
    def deported_from(...): ...

``dakg.ingest.rules.registry.RULES`` lists them in the order each stage applies them: where a stage runs a family
of rules in turn (every role rule on a mention, the pair rules on a sentence until one finds a pair), the family is
a ``kind`` and ``applied(stage, kind)`` gives its rules in the order they are registered, which is their order in
the file. There is no list of rules to keep beside the registry. The extractor version (``dakg.ingest.version``)
is a hash of the rule files themselves, so any change to a rule re-extracts.

A rule *acts* when it returns something (a vote, a pair, a value, ``True`` for a filter that drops). Under
``tracing()`` the registry records the ids of the rules that acted: the rule tests use it to check that the rule a
test says it covers is the one that made its result.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Rule:
    stage: str
    name: str
    version: int
    func: Callable[..., Any]
    kind: str | None = None

    @property
    def id(self) -> str:
        """``stage.name/vN``: what a claim's ``rules`` list holds."""
        return f"{self.stage}.{self.name}/v{self.version}"

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()


RULES: dict[str, Rule] = {}
_acted: list[set[str]] = []  # one set per open tracing() block
_families: dict[tuple[str, str], tuple[Callable[..., Any], ...]] = {}  # applied()'s answers, until a new rule


def rule(stage: str, name: str, version: int = 1, *, kind: str | None = None) -> Callable[[F], F]:
    """Register a rule function (in the family ``kind`` of its stage, if it belongs to one)."""

    def register(func: F) -> F:
        rule_id_ = f"{stage}.{name}/v{version}"

        @functools.wraps(func)
        def traced(*args: Any, **kwargs: Any) -> Any:
            result = func(*args, **kwargs)
            if _acted and result:
                for acted in _acted:
                    acted.add(rule_id_)
            return result

        entry = Rule(stage, name, version, traced, kind)
        if entry.id in RULES or any(r.stage == stage and r.name == name for r in RULES.values()):
            raise ValueError(f"rule {stage}.{name} is registered twice")
        RULES[entry.id] = entry
        _families.clear()
        traced.rule_id = entry.id  # type: ignore[attr-defined]
        return cast(F, traced)

    return register


def applied(stage: str, kind: str) -> tuple[Callable[..., Any], ...]:
    """The rules of one family, in the order the stage applies them (their order of registration)."""
    found = _families.get((stage, kind))
    if found is None:
        found = tuple(r.func for r in RULES.values() if r.stage == stage and r.kind == kind)
        if not found:
            raise LookupError(f"no rules are registered as {stage} / {kind}")
        _families[(stage, kind)] = found
    return found


@contextmanager
def tracing() -> Iterator[set[str]]:
    """Within the block, the ids of the rules that acted (returned something) are collected in the set yielded."""
    acted: set[str] = set()
    _acted.append(acted)
    try:
        yield acted
    finally:
        _acted[:] = [other for other in _acted if other is not acted]


def rule_id(func: Callable[..., Any]) -> str:
    """The registered id of a rule function."""
    found: str = func.rule_id  # type: ignore[attr-defined]
    return found


def stage_rules(stage: str) -> list[Rule]:
    return [r for r in RULES.values() if r.stage == stage]
