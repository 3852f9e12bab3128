"""Stage 4c — payments: money one state pays for the arrangement, with its currency.

"$5.1m", "£240m", "€670 million", "AU$408 million", "6 million dollars": amounts in a sentence about paying or
funding. Money given to migrants themselves ("a grant of USD 3,500 in cash for leaving") is not a payment
between states; a per-person amount keeps its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from dakg.ingest.rules import weights as w
from dakg.ingest.rules.records import Evidence, Sentence, char_evidence
from dakg.ingest.rules.registry import rule, rule_id
from dakg.ingest.vocabulary import lx

_CASH_TO_MIGRANTS = re.compile(
    r"\b(?:in cash|for leaving|upon (?:their|his|her) departure|to leave|to go|plane ticket|one-way ticket)\b", re.I
)
# "offering each person $3,500", "giving every migrant ...": the people are the ones paid.
_PAID_TO_PEOPLE = re.compile(
    r"\b(?:offer\w*|giv\w+|pa(?:y|ys|id|ying)|grant\w*)\s+(?:each|every|the)\s+"
    r"(?:person|migrant|asylum seeker|deportee|refugee|individual|returnee)s?\b[^.;$£€]{0,12}$",
    re.I,
)


@dataclass(frozen=True)
class Payment:
    value: dict[str, Any]  # {amount, currency}
    detail: str
    evidence: Evidence
    rule: str


@rule("payments", "amount-paid")
def amounts(doc: Doc, sentence: Sentence) -> list[Payment]:
    """Amounts of money in a sentence about paying, funding or costs, with their ISO 4217 currency."""
    if not lx.PAY_CONTEXT.search(sentence.text):
        return []
    found = []
    for match in lx.MONEY.finditer(sentence.text):
        raw_number = match.group("num") or match.group("num2")
        currency_text = (match.group("cur") or match.group("cur2") or "").strip().lower()
        multiplier_text = (match.group("mult") or match.group("mult2") or "").lower()
        currency = lx.CURRENCIES.get(currency_text)
        if currency is None or raw_number is None:
            continue
        try:
            amount = float(raw_number.replace(",", ""))
        except ValueError:
            continue
        amount *= lx.MULTIPLIERS.get(multiplier_text, 1.0)
        if not 0 < amount <= w.MAX_AMOUNT:
            continue
        if cash_to_migrants(sentence, match) or conversion(sentence, match):
            continue
        if received_by_people(doc, sentence.start + match.start(), sentence.start + match.end()):
            continue
        tail = sentence.text[match.end() : match.end() + 40]
        head = sentence.text[max(0, match.start() - 30) : match.start()]
        detail = match.group(0).strip()
        if lx.PER_PERSON.search(head) or lx.PER_PERSON.search(tail):
            detail += " per person"
        start = sentence.start + match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        end = sentence.start + match.end() - (len(match.group(0)) - len(match.group(0).rstrip()))
        found.append(
            Payment(
                {"amount": round(amount, 2), "currency": currency},
                detail,
                char_evidence(doc, start, end, "value"),
                rule_id(amounts),
            )
        )
    return found


@rule("payments", "cash-to-migrants")
def cash_to_migrants(sentence: Sentence, match: re.Match[str]) -> bool:
    """ "will receive a grant of USD 3,500 in cash upon their departure", "a plane ticket and up to $3,500 for
    leaving": money for the migrants, not between states."""
    window = sentence.text[max(0, match.start() - 60) : match.end() + 60]
    before = sentence.text[max(0, match.start() - 60) : match.start()]
    return bool(_CASH_TO_MIGRANTS.search(window) or _PAID_TO_PEOPLE.search(before))


@rule("payments", "conversion-in-brackets")
def conversion(sentence: Sentence, match: re.Match[str]) -> bool:
    """ "$5.1m (£3.8m)": an amount in brackets right after another is the same payment in another currency."""
    before = sentence.text[max(0, match.start() - 25) : match.start()]
    return bool(re.search(r"(?:[$£€]|US\$|USD|GBP|EUR)\s?\d[\d.,]*\s*(?:million|billion|bn|m|k)?\s*\($", before, re.I))


@rule("payments", "received-by-people")
def received_by_people(doc: Doc, start: int, end: int) -> bool:
    """ "Migrants deported to Rwanda receive $3,500", "the deportees were given $3,500", « les migrants … reçoivent
    3 500 dollars »: money the people get (their verb's subject), not money between states."""
    from dakg.ingest.rules.syntax import lemma, names_people

    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
            break
        verb = verb.head
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if not (lemma(verb) in lx.GET_VERBS or (passive and lemma(verb) in lx.GIVEN_VERBS)):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(names_people(t) for t in subjects)
