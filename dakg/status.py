"""Documented rules that summarise claims without replacing them.

- **A source's status** for an agreement (``source_status``): if the source reports the arrangement as
  suspended, scrapped or struck down (a non-negated claim with confidence ≥ 0.5), the last such statement in
  its text; otherwise its most confident non-negated status claim, the earlier one on a tie. A source that
  reports an event, then its end, ends on the end.
- **An agreement's current status** (``current_status``): the status of the most recently published source
  that has one; undated sources count as older than dated ones, and among equals the most confident wins.
- **A dispute**: sources whose own statuses differ, or whose caps or payments differ (``disagreements``).

The claims beneath stay in the graph; these rules only pick which to show first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

TERMINAL = frozenset({"suspended", "scrapped", "struck_down"})


def _get(claim: Any, name: str) -> Any:
    return claim.get(name) if isinstance(claim, Mapping) else getattr(claim, name)


def source_status(claims: Iterable[Any]) -> Any | None:
    """The claim that stands for one source's status (claims: mappings or objects with field, value, ...)."""
    statuses = [c for c in claims if _get(c, "field") == "status" and not _get(c, "negated")]
    if not statuses:
        return None
    terminal = [c for c in statuses if _get(c, "value") in TERMINAL and _get(c, "confidence") >= 0.5]
    if terminal:
        return max(terminal, key=lambda c: _get(c, "start"))
    return max(statuses, key=lambda c: (_get(c, "confidence"), -_get(c, "start")))


def current_status(per_source: Iterable[tuple[str | None, Any]]) -> tuple[Any, str | None] | None:
    """From (published date, source's status claim) pairs: the claim of the latest dated source."""
    candidates = [(published or "", claim) for published, claim in per_source if claim is not None]
    if not candidates:
        return None
    published, claim = max(candidates, key=lambda pc: (pc[0], _get(pc[1], "confidence")))
    return claim, published or None
