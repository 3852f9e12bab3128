"""Documented rules that summarise what sources say of an agreement's status, without replacing any claim.

- **A source's status** for an agreement (``source_status``): if the source reports the arrangement as
  suspended, scrapped or struck down (a non-negated claim with confidence ≥ 0.5), the last such statement in
  its text; otherwise the furthest stage it reports among its non-negated status claims with confidence ≥ 0.5
  (all of them when none reaches it), the more confident and then the earlier on a tie. A source that tells
  of an announced deal and then of its signing is at the signing; one that reports an event, then its end,
  ends on the end.
- **An agreement's current status**: the status of the most recently published source that has one; undated
  sources count as older than dated ones, and among equals the most confident wins. The store applies it:
  ``cypher/agreement_sources_ordered.cypher`` orders the sources so, and the first with a status is current
  (``dakg.answers.overview.Overview.current``).

When sources disagree on a status (or a cap, or a payment) is decided in ``dakg.answers.dispute_rules``. The
claims beneath stay in the graph; these rules only pick which to show first. This module sits below the store
(``dakg.ingest.load`` writes each source's status on its REPORTS edge), so the answers layer imports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dakg.schema import STATUS_KINDS, STATUSES

ENDED = frozenset(status for status, kind in STATUS_KINDS.items() if kind == "ended")
STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}


def _get(claim: Any, name: str) -> Any:
    return claim.get(name) if isinstance(claim, Mapping) else getattr(claim, name)


def source_status(claims: Iterable[Any]) -> Any | None:
    """The claim that stands for one source's status (claims: mappings or objects with field, value, ...)."""
    statuses = [c for c in claims if _get(c, "field") == "status" and not _get(c, "negated")]
    if not statuses:
        return None
    ended = [c for c in statuses if _get(c, "value") in ENDED and _get(c, "confidence") >= 0.5]
    if ended:
        return max(ended, key=lambda c: _get(c, "start"))
    firm = [c for c in statuses if _get(c, "confidence") >= 0.5] or statuses
    return max(firm, key=lambda c: (STATUS_RANK.get(_get(c, "value"), -1), _get(c, "confidence"), -_get(c, "start")))
