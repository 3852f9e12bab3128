"""When the sources of one agreement disagree: every dispute rule, in one place (the status rule is ``dakg.status``).

A dispute never overwrites the claims beneath it; it only flags that sources take different positions, and
names the sides. The vocabularies (statuses and their kinds, cap and payment kinds, the fields that can be
disputed) come from ``dakg.schema``.

- **Status** (``statuses_conflict``): a source's *stances* are its own status (``dakg.status.source_status``)
  and every status it reports denied, so one article that carries a claim and its denial is a dispute on its
  own. Stances contradict each other when

  - one denies a status another affirms, or affirms a later live stage that implies it (implemented implies
    signed implies agreed; a scheme can end without ever having been carried out, so an ended one implies
    nothing);
  - one speaks of talks or a proposal and another of an agreement, alive or ended, unless the talks are dated
    earlier;
  - one reports an agreement alive and another reports it ended, unless the live report is dated earlier.

  Different stages of a live agreement do not contradict each other, nor does progress over time: signed
  (2022), struck down (2023), scrapped (2024) agree. Undated sources count as contemporary with every other.
- **Cap** (``caps_conflict``): two caps of the same kind (a total, or per year) that differ.
- **Payment** (``payments_conflict``): two payments of the same kind (in total, or per person) that differ in
  amount or currency — except a **running total**. Totals in one currency reported over time that only grow
  with the dates of their reports (£120m in 2022, £140m in 2023, £290m "so far" in 2024) are one scheme's
  running total, progress and not a dispute (``running_total``). They are a dispute when a later report gives
  a smaller total than an earlier one, when two reports of the same date differ, when a report is undated
  (it cannot be placed) and gives an amount no dated report gives, or when the currencies differ. A price per
  person is not a total: two that differ are always a dispute. A date given to the month or year compares as
  its last day (``dakg.dates.sortable``).

The overview engine (``dakg.answers.overview``) decides disputes from aggregates rather than from every source
(``cypher/agreement_positions.cypher``: per status, how many of its sources are undated and the first and last
dates among the dated ones): ``group_stances`` keeps what the status rule needs of them, so that both give the
same answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from dakg.dates import sortable
from dakg.schema import STATUS_KINDS, CapKind, DisputeField, PaymentKind, Status


class Stance(NamedTuple):
    """A status one source takes: its own (``negated`` False) or one it reports denied."""

    published: str | None
    status: Status
    negated: bool = False


class Cap(NamedTuple):
    value: int
    kind: CapKind = ""


class Payment(NamedTuple):
    amount: float
    currency: str
    kind: PaymentKind = ""
    published: str | None = None  # the date of the report that gives it (the running-total rule reads it)


@dataclass(frozen=True)
class SourcePosition:
    """What one source says of one agreement, in brief (its REPORTS edge)."""

    source: str
    published: str | None
    status: Status | None
    denied: tuple[Status, ...] = ()
    caps: tuple[Cap, ...] = ()
    payments: tuple[Payment, ...] = ()

    def stances(self) -> list[Stance]:
        """Its own status, and every status it reports denied."""
        found = [Stance(self.published, self.status)] if self.status is not None else []
        return found + [Stance(self.published, value, True) for value in self.denied]


@dataclass(frozen=True)
class StatusGroup:
    """The sources of one agreement that give the same own status (``status`` None: sources that give none),
    in aggregate: how many of them are undated, the first and last of their dates, and every status, cap and
    payment any of them gives or denies."""

    status: Status | None
    undated: int
    first: str | None
    last: str | None
    denied: tuple[Status, ...] = ()
    caps: tuple[Cap, ...] = ()
    payments: tuple[Payment, ...] = ()


# Live stages in the order an agreement goes through them (STATUS_KINDS follows the order of the vocabulary).
_LIVE_RANK = {status: rank for rank, status in enumerate(s for s, kind in STATUS_KINDS.items() if kind == "live")}


def _implies(affirmed: Status, denied: Status) -> bool:
    """Affirming ``affirmed`` says that ``denied`` happened too (implemented implies agreed)."""
    if affirmed == denied:
        return True
    if affirmed in _LIVE_RANK and denied in _LIVE_RANK:
        return _LIVE_RANK[affirmed] >= _LIVE_RANK[denied]
    return False  # a scheme can be scrapped without ever having been carried out


def _contradict(first: Stance, second: Stance) -> bool:
    for early, late in ((first, second), (second, first)):
        dated_before = bool(early.published and late.published and early.published < late.published)
        early_kind, late_kind = STATUS_KINDS[early.status], STATUS_KINDS[late.status]
        if early_kind == "talks" and late_kind in ("live", "ended") and not dated_before:
            return True
        if early_kind == "live" and late_kind == "ended" and not dated_before:
            return True
    return False


def statuses_conflict(stances: Iterable[Stance]) -> bool:
    """Whether sources' status stances contradict each other (the rule in the module's documentation)."""
    items = list(stances)
    affirmed = {s.status for s in items if not s.negated}
    for stance in items:
        if stance.negated and any(_implies(other, stance.status) for other in affirmed):
            return True  # "Uganda denies agreeing" against "people were flown to Uganda"
    plain = [s for s in items if not s.negated]
    return any(_contradict(a, b) for i, a in enumerate(plain) for b in plain[i + 1 :])


def caps_conflict(caps: Iterable[Cap]) -> bool:
    """Whether two caps of the same kind differ (a total against a total, a yearly cap against a yearly one)."""
    seen: dict[CapKind, int] = {}
    return any(seen.setdefault(cap.kind, cap.value) != cap.value for cap in caps)


def running_total(payments: Iterable[Payment]) -> bool:
    """Whether totals of one currency read as one scheme's running total: ordered by their reports' dates, they
    never fall, no two reports of one date differ, and an undated report only repeats a dated amount."""
    dated: dict[str, set[float]] = {}
    undated: set[float] = set()
    for payment in payments:
        if payment.published is None:
            undated.add(payment.amount)
        else:
            dated.setdefault(sortable(payment.published), set()).add(payment.amount)
    if undated - {a for amounts in dated.values() for a in amounts}:
        return False
    highest = float("-inf")
    for day in sorted(dated):
        amounts = dated[day]
        if len(amounts) > 1 or min(amounts) < highest:
            return False
        highest = max(amounts)
    return True


def payments_conflict(payments: Iterable[Payment]) -> bool:
    """Whether payments of the same kind disagree: they differ in amount or currency, and (for totals) do not
    read as a running total."""
    by_kind: dict[PaymentKind, list[Payment]] = {}
    for payment in payments:
        by_kind.setdefault(payment.kind, []).append(payment)
    for kind, items in by_kind.items():
        if len({(p.amount, p.currency) for p in items}) < 2:
            continue
        if kind != "" or len({p.currency for p in items}) > 1 or not running_total(items):
            return True
    return False


def disputed_fields(stances: Iterable[Stance], caps: Iterable[Cap], payments: Iterable[Payment]) -> list[DisputeField]:
    """The fields on which these positions disagree, in the order of ``dakg.schema.DISPUTE_FIELDS``."""
    found: list[DisputeField] = []
    if statuses_conflict(stances):
        found.append("status")
    if caps_conflict(caps):
        found.append("cap")
    if payments_conflict(payments):
        found.append("payment")
    return found


def positions_disputes(positions: Iterable[SourcePosition]) -> list[DisputeField]:
    """The disputed fields of an agreement, from every source's position."""
    items = list(positions)
    return disputed_fields(
        [s for p in items for s in p.stances()],
        [c for p in items for c in p.caps],
        [x._replace(published=p.published) for p in items for x in p.payments],
    )


def group_stances(group: StatusGroup) -> list[Stance]:
    """What the status rule needs of a group's own status: one undated stance if any of its sources is undated,
    and its first and last dates (two stances of one status contradict nothing, so the dates in between never
    decide), plus every status the group's sources deny (the date of a denial never decides)."""
    found: list[Stance] = []
    if group.status is not None:
        if group.undated:
            found.append(Stance(None, group.status))
        found += [Stance(date, group.status) for date in sorted({d for d in (group.first, group.last) if d})]
    return found + [Stance(None, value, True) for value in group.denied]


def groups_disputes(groups: Sequence[StatusGroup]) -> list[DisputeField]:
    """The disputed fields of an agreement, from its sources' positions in aggregate (the same answer as
    ``positions_disputes`` on the sources themselves)."""
    return disputed_fields(
        [s for g in groups for s in group_stances(g)],
        [c for g in groups for c in g.caps],
        [x for g in groups for x in g.payments],
    )


Side = tuple[Any, str | None, str | None, bool]  # value, currency, kind (of cap or payment) or None, negated


def sides(positions: Iterable[SourcePosition], field: DisputeField) -> dict[Side, list[str]]:
    """Which sources take which position on a field: the sides of a dispute, each with its sources' keys."""
    found: dict[Side, list[str]] = {}
    for position in positions:
        taken: list[Side]
        if field == "status":
            taken = [(s.status, None, None, s.negated) for s in position.stances()]
        elif field == "cap":
            taken = [(c.value, None, c.kind or None, False) for c in position.caps]
        else:
            taken = [(p.amount, p.currency, p.kind or None, False) for p in position.payments]
        for side in taken:
            found.setdefault(side, []).append(position.source)
    return found
