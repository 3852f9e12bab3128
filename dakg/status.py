"""Documented rules that summarise claims without replacing them.

- **A source's status** for an agreement (``source_status``): if the source reports the arrangement as
  suspended, scrapped or struck down (a non-negated claim with confidence ≥ 0.5), the last such statement in
  its text; otherwise its most confident non-negated status claim, the earlier one on a tie. A source that
  reports an event, then its end, ends on the end.
- **An agreement's current status**: the status of the most recently published source that has one; undated
  sources count as older than dated ones, and among equals the most confident wins. The store applies it:
  ``cypher/agreement_sources_ordered.cypher`` orders the sources so, and the first with a status is current
  (``dakg.api.service.Overview.current``).
- **A status dispute** (``statuses_conflict``): sources' statuses contradict each other when one denies a
  status another affirms (or affirms a later stage that implies it: implemented implies agreed); when one
  speaks of talks or a proposal and another of an agreement (agreed, signed, in force, implemented), unless
  the talks are dated earlier; or when one reports it suspended, scrapped or struck down and another reports
  it alive, unless the live report is dated earlier. A source's stances are its own status and every status
  it reports denied, so one article that carries a claim and its denial is a dispute on its own. Different
  stages of a live agreement (agreed, signed, implemented) do not contradict each other, nor does progress
  over time: signed (2022), struck down (2023), scrapped (2024) agree. Caps (of the same kind) and payments
  that differ are disputes whatever their dates.

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


PRE_AGREEMENT = frozenset({"proposed", "under_negotiation"})
LIVE = frozenset({"agreed", "signed", "in_force", "implemented"})


_RANK = {"agreed": 0, "signed": 1, "in_force": 2, "implemented": 3}


def _implies(affirmed: str, denied: str) -> bool:
    """Affirming ``affirmed`` says ``denied`` happened too (implemented implies agreed)."""
    if affirmed == denied:
        return True
    if denied in _RANK and affirmed in _RANK:
        return _RANK[affirmed] >= _RANK[denied]
    return False  # a scheme can be scrapped without ever having been carried out


def _contradict(first: tuple[str | None, str], second: tuple[str | None, str]) -> bool:
    (first_date, a), (second_date, b) = first, second
    for early, late in (((first_date, a), (second_date, b)), ((second_date, b), (first_date, a))):
        (early_date, early_status), (late_date, late_status) = early, late
        dated_before = bool(early_date and late_date and early_date < late_date)
        if early_status in PRE_AGREEMENT and late_status in LIVE | TERMINAL and not dated_before:
            return True
        if early_status in LIVE and late_status in TERMINAL and not dated_before:
            return True
    return False


def statuses_conflict(positions: Iterable[tuple[str | None, str, bool]]) -> bool:
    """Whether sources' (published, status, negated) positions contradict each other (rule in the module doc)."""
    items = list(positions)
    affirmed = {value for _, value, negated in items if not negated}
    for _, value, negated in items:
        if negated and any(_implies(other, value) for other in affirmed):
            return True  # "Uganda denies agreeing" against "people were flown to Uganda"
    plain = [(published, value) for published, value, negated in items if not negated]
    return any(_contradict(a, b) for i, a in enumerate(plain) for b in plain[i + 1 :])
