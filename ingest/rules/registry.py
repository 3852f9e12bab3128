"""Rules register here under their stage and a versioned name, so that claims can say which rules made them.

    @rule("roles", "deported-from", version=1)
    def deported_from(...): ...

``dakg.ingest.rules.registry.RULES`` lists them in the order each stage applies them. The extractor version
(``dakg.ingest.version``) is a hash of the rule files themselves, so any change to a rule re-extracts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Rule:
    stage: str
    name: str
    version: int
    func: Callable[..., Any]

    @property
    def id(self) -> str:
        """``stage.name/vN``: what a claim's ``rules`` list holds."""
        return f"{self.stage}.{self.name}/v{self.version}"

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()


RULES: dict[str, Rule] = {}


def rule(stage: str, name: str, version: int = 1) -> Callable[[F], F]:
    """Register a rule function; the function itself is returned unchanged."""

    def register(func: F) -> F:
        entry = Rule(stage, name, version, func)
        if entry.id in RULES or any(r.stage == stage and r.name == name for r in RULES.values()):
            raise ValueError(f"rule {stage}.{name} is registered twice")
        RULES[entry.id] = entry
        func.rule_id = entry.id  # type: ignore[attr-defined]
        return func

    return register


def rule_id(func: Callable[..., Any]) -> str:
    """The registered id of a rule function."""
    found: str = func.rule_id  # type: ignore[attr-defined]
    return found


def stage_rules(stage: str) -> list[Rule]:
    return [r for r in RULES.values() if r.stage == stage]
