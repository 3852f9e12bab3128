"""``dakg eval``: score extraction against a gold file in the ../shared/gold format.

Per document (matched by file name):

- **agreement pairs** (deporting, host): precision, recall, F1, over all pairs and over primary ones (gold
  entries not marked ``secondary``: a pair only mentioned in passing neither counts for nor against);
- **status accuracy**: for each gold entry whose pair was found, the source's status (``dakg.status``) is the
  gold status or one of its alternatives; **status precision**: of the distinct statuses the extraction
  affirms for the found pairs, the share the gold accepts for that pair (an extra ``agreed`` costs here);
- **cap accuracy**: of the gold entries that give a cap, the share where the most confident cap of that pair
  equals it (a missed pair counts as wrong); **cap precision**: of the found pairs carrying a cap, the share
  whose cap equals one the gold gives for that pair;
- **officials** (name) and **official's country**; **countries** mentioned;
- **quote integrity**: every quote equals the text at its offsets; **evidence integrity**: so does every evidence
  span, and every claim has one that states its value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dakg.ingest.fragment import AgreementOut, Fragment
from dakg.status import source_status


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, ours: set[Any], gold: set[Any]) -> None:
        self.tp += len(ours & gold)
        self.fp += len(ours - gold)
        self.fn += len(gold - ours)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 3), "right": self.right, "total": self.total}


@dataclass
class Scores:
    documents: int = 0
    unmatched_gold: list[str] = field(default_factory=list)
    pairs: PRF = field(default_factory=PRF)
    primary_pairs: PRF = field(default_factory=PRF)
    status: Ratio = field(default_factory=Ratio)
    status_precision: Ratio = field(default_factory=Ratio)
    cap: Ratio = field(default_factory=Ratio)
    cap_precision: Ratio = field(default_factory=Ratio)
    officials: PRF = field(default_factory=PRF)
    official_country: Ratio = field(default_factory=Ratio)
    countries: PRF = field(default_factory=PRF)
    quotes: Ratio = field(default_factory=Ratio)
    evidence: Ratio = field(default_factory=Ratio)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "unmatched_gold": self.unmatched_gold,
            "agreement_pairs": self.pairs.as_dict(),
            "agreement_pairs_primary": self.primary_pairs.as_dict(),
            "status": self.status.as_dict(),
            "status_precision": self.status_precision.as_dict(),
            "cap": self.cap.as_dict(),
            "cap_precision": self.cap_precision.as_dict(),
            "officials": self.officials.as_dict(),
            "official_country": self.official_country.as_dict(),
            "countries": self.countries.as_dict(),
            "quote_integrity": self.quotes.as_dict(),
            "evidence_integrity": self.evidence.as_dict(),
        }


def _official_matches(gold_name: str, name: str, aliases: Iterable[str]) -> bool:
    gold_tokens = gold_name.lower().split()
    for candidate in (name, *aliases):
        tokens = candidate.lower().split()
        if tokens == gold_tokens or (gold_tokens and tokens[-len(gold_tokens) :] == gold_tokens):
            return True
    return False


def _best_cap(agreement: AgreementOut) -> Any:
    caps = [c for c in agreement.claims if c.field == "cap" and not c.negated]
    return max(caps, key=lambda c: c.confidence).value if caps else None


def at_confidence(fragment: Fragment, min_confidence: float) -> Fragment:
    """The fragment as an answer at ``min_confidence`` shows it: an agreement whose most confident claim is under
    it is left out (its claims, and the claims of an agreement shown, are kept as they are)."""
    kept = [a for a in fragment.agreements if max((c.confidence for c in a.claims), default=0.0) >= min_confidence]
    return fragment.model_copy(update={"agreements": kept})


def score(gold: list[dict[str, Any]], fragments: Iterable[Fragment], min_confidence: float = 0.0) -> Scores:
    by_file = {Path(f.source.path or "").name.split("#")[0]: at_confidence(f, min_confidence) for f in fragments}
    scores = Scores()
    for entry in gold:
        fragment = by_file.get(entry["source_file"])
        if fragment is None:
            scores.unmatched_gold.append(entry["source_file"])
            continue
        scores.documents += 1
        ours = {(a.deporting, a.host): a for a in fragment.agreements}
        gold_pairs = {(g["deporting_country"], g["host_country"]) for g in entry["agreements"]}
        primary = {(g["deporting_country"], g["host_country"]) for g in entry["agreements"] if not g.get("secondary")}
        scores.pairs.add(set(ours), gold_pairs)
        scores.primary_pairs.add(set(ours) - (gold_pairs - primary), primary)
        accepted: dict[tuple[str, str], set[str]] = {}
        gold_caps: dict[tuple[str, str], set[int]] = {}
        for g in entry["agreements"]:
            pair = (g["deporting_country"], g["host_country"])
            accepted.setdefault(pair, set()).update({g["status_claimed"], *g.get("status_alternatives", [])})
            if g.get("cap") is not None:
                gold_caps.setdefault(pair, set()).add(g["cap"])
        for g in entry["agreements"]:
            agreement = ours.get((g["deporting_country"], g["host_country"]))
            if g.get("cap") is not None:
                scores.cap.add(agreement is not None and _best_cap(agreement) == g["cap"])
            if agreement is None:
                continue
            chosen = source_status(agreement.claims)
            scores.status.add(chosen is not None and chosen.value in accepted[(agreement.deporting, agreement.host)])
        for pair, agreement in ours.items():
            if pair not in accepted:
                continue
            for value in sorted({c.value for c in agreement.claims if c.field == "status" and not c.negated}):
                scores.status_precision.add(value in accepted[pair])
            cap = _best_cap(agreement)
            if cap is not None:
                scores.cap_precision.add(cap in gold_caps.get(pair, set()))
        matched_ours = set()
        for g in entry["officials"]:
            hit = next(
                (o for o in fragment.officials if _official_matches(g["name"], o.name, o.aliases)),
                None,
            )
            if hit is None:
                scores.officials.fn += 1
                continue
            scores.officials.tp += 1
            matched_ours.add(hit.key)
            scores.official_country.add(hit.country == g.get("country"))
        scores.officials.fp += len({o.key for o in fragment.officials} - matched_ours)
        scores.countries.add({c.key for c in fragment.countries}, set(entry["countries_mentioned"]))
        text = fragment.source.text
        quoted = [*fragment.officials, *fragment.migrant_groups, *(c for a in fragment.agreements for c in a.claims)]
        for item in quoted:
            scores.quotes.add(text[item.start : item.end] == item.quote)
        for span in fragment.evidence():
            scores.evidence.add(text[span.start : span.end] == span.text)
        for claim in (c for a in fragment.agreements for c in a.claims):
            scores.evidence.add(any(e.role in ("value", "official", "group") for e in claim.evidence))
    return scores


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: a gold file is a JSON list of documents")
    return data


def details(
    gold: list[dict[str, Any]], fragments: Iterable[Fragment], min_confidence: float = 0.0
) -> list[dict[str, Any]]:
    """Per document: the pairs found (status, cap, best confidence), the gold pairs, the ones missed and the ones
    extra — what ``dakg eval --details`` prints to show where the figures come from."""
    by_file = {Path(f.source.path or "").name.split("#")[0]: at_confidence(f, min_confidence) for f in fragments}
    out = []
    for entry in gold:
        fragment = by_file.get(entry["source_file"])
        if fragment is None:
            continue
        found = {}
        for agreement in fragment.agreements:
            chosen = source_status(agreement.claims)
            found[f"{agreement.deporting}-{agreement.host}"] = {
                "status": chosen.value if chosen is not None else None,
                "cap": _best_cap(agreement),
                "confidence": max((c.confidence for c in agreement.claims), default=0.0),
            }
        wanted = {
            f"{g['deporting_country']}-{g['host_country']}": {
                "status": [g["status_claimed"], *g.get("status_alternatives", [])],
                "cap": g.get("cap"),
                "secondary": bool(g.get("secondary")),
            }
            for g in entry["agreements"]
        }
        officials = {o.name: o.country for o in fragment.officials}
        out.append(
            {
                "document": entry["source_file"],
                "found": found,
                "gold": wanted,
                "missed": sorted(set(wanted) - set(found)),
                "extra": sorted(set(found) - set(wanted)),
                "officials": officials,
                "gold_officials": {g["name"]: g.get("country") for g in entry["officials"]},
            }
        )
    return out
