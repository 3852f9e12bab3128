"""Stage 4b — caps: how many people an arrangement provides for.

A cap is a ceiling or a fixed number the arrangement itself gives: "up to 250", "as many as 160", "a maximum
of 3,000", "capacity for 3,000", "agreed to host 50 deportees", "to detain approximately 300 migrants",
"300 a year" (kept per period). Not a cap: a guess or a risk ("some estimate up to 80,000 could be
affected"), an expectation ("about 40 are expected"), a batch that arrived ("10 arrived", "has received
14"), a percentage, an amount of money.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dakg.ingest.rules import weights as w
from dakg.ingest.rules.records import Evidence, Sentence, char_evidence, doc_text, token_evidence
from dakg.ingest.rules.registry import rule, rule_id
from dakg.ingest.rules.syntax import asks_another, clause_root, conj_head, is_deport_word, is_host_word, lemma
from dakg.ingest.vocabulary import lx, spelled

_HOLD_VERBS = frozenset({"hold", "house", "detain", "shelter", "accommodate", "relocate", "resettle", "take", "allow"})
_MODAL = re.compile(r"\b(?:could|might|may|would)\b", re.I)
_COUNTED = re.compile(
    r"\bnumber of (?:migrants|people|persons|individuals|deportees|asylum[- ]seekers|refugees|nationals|returnees)\b",
    re.I,
)


@dataclass(frozen=True)
class Cap:
    value: int
    detail: str | None  # "per year", "per month", ... or None for a total
    weight: float
    evidence: Evidence
    token: int | None
    rule: str


def _period(match: re.Match[str]) -> str | None:
    word = match.group("unit") or match.group("adverb") or match.groupdict().get("every")  # "an annual cap of"
    return lx.PERIOD_WORDS.get(word.lower()) if word else None


def _people_nearby(doc: Doc, token: Token) -> bool:
    """The number counts people: a people noun follows, or a verb of receiving, sending or holding governs it, or
    it is set "on the number it would accept" (a number of people received)."""
    at = token.i + 1
    if at + 2 < len(doc) and doc[at].text == "(" and doc[at + 1].like_num and doc[at + 2].text == ")":
        at += 3  # "a ceiling of seventy-five (75) individuals": the figure repeated in digits
    after = doc[at : min(len(doc), at + 3)]
    return any(lemma(t) in lx.MIGRANT_NOUNS for t in after) or _moved(token) or _on_the_number(token)


def _on_the_number(token: Token) -> bool:
    """ "a ceiling of 200 on the number it would accept", "a cap of 300 on arrivals": the number is set on what a
    state receives (a receiving verb in the clause on "number", or a noun of arrival)."""
    holders = [token, *list(token.ancestors)[:3]]  # "set a ceiling of 200 on the number": "on" hangs on "set"
    for prep in (c for holder in holders for c in holder.children):
        if prep.dep_ != "prep" or spelled(prep) != "on":
            continue
        for noun in prep.children:
            if lemma(noun) in {"arrival", "admission", "transfer", "removal", "deportation"}:
                return True
            counted = [o for p in noun.children if spelled(p) == "of" for o in p.children if o.dep_ == "pobj"]
            if any(lemma(o) not in lx.MIGRANT_NOUNS for o in counted):
                continue  # "a limit of five on the number of flights it would accept"
            if lemma(noun) == "number" and any(is_host_word(t) for t in noun.subtree):
                return True
    return False


def _nationals(token: Token) -> bool:
    """ "200 Venezuelans", "200 non-Costa Ricans": people named by a nationality (a plural demonym)."""
    return (token.ent_type_ == "NORP" or token.text.startswith(("non-", "Non-"))) and token.tag_ in ("NNS", "NNPS")


def _moved(token: Token) -> bool:
    """A verb of receiving, sending, holding or processing governs the number: "could take up to 250", "would
    process the return of no more than 1,000", not "up to 36,000 could pass through"."""
    current = conj_head(token)  # "two hundred and fifty": the number is "hundred"'s
    for _ in range(4):
        current = current.head
        if (
            is_host_word(current)
            or is_deport_word(current)
            or lemma(current) in _HOLD_VERBS | lx.IN_HOST_VERBS | lx.PROCESS_WORDS
        ):
            return True
        if current.head == current:
            break
    return False


def _resettled(token: Token) -> bool:
    """ "the EU would take over up to 72,000 Syrian refugees from Turkey": a number of refugees resettled is not
    a cap of the deportation arrangement."""
    from dakg.ingest.rules.roles import resettlement

    current = token
    for _ in range(4):
        current = current.head
        if is_host_word(current):
            return resettlement(current) is not None
        if current.head == current:
            break
    return False


def _hedged(sentence: Sentence, start: int) -> bool:
    """A guess or a risk: "some estimate", "could affect", "at risk", "expected", a percentage."""
    before = sentence.text[: start - sentence.start]
    clause = re.split(r"[;:]|, (?:but|while|and) ", before)[-1]
    after = sentence.text[start - sentence.start : start - sentence.start + 60]
    return bool(lx.HEDGES.search(clause) or re.match(r"[^,;]{0,20}(?:%|percent|per cent)", after))


def _weight(sentence: Sentence, start: int) -> float:
    before = sentence.text[max(0, start - sentence.start - 40) : start - sentence.start]
    after = sentence.text[start - sentence.start : start - sentence.start + 50]
    return w.CAP_WEIGHT * (w.IRREALIS_FACTOR if _MODAL.search(before) or _MODAL.search(after) else 1.0)


def _is_money(sentence: Sentence, start: int, end: int) -> bool:
    before = sentence.text[max(0, start - sentence.start - 4) : start - sentence.start]
    after = sentence.text[end - sentence.start : end - sentence.start + 12]
    return bool(re.search(r"[$£€]|US\$|USD|GBP|EUR", before) or re.match(r"\s*(?:dollars|pounds|euros)", after))


_COVER_VERBS = frozenset({"cover", "concern", "involve", "apply"})
_PROVIDE_VERBS = frozenset(
    {"allow", "commit", "offer", "plan", "intend", "pledge", "promise", "permit", "expect", "design"}
)


def provided_for(verb: Token, *, agreed_only: bool = False) -> bool:
    """The receiving verb is what an arrangement provides for: "will accept 50", "agreed to host 50", "a deal to
    take 300", "an agreement to pay ... to detain 300", "the deal would see Moldova take 300" — not an event
    ("became the first to accept 119"). ``agreed_only``: only what an agreement or promise governs, not a bare
    "will" (for sending verbs: "will deport 50 people next week" is a flight, not a cap)."""
    if not agreed_only and any(c.dep_ == "aux" and spelled(c) in ("will", "would", "shall") for c in verb.children):
        return True
    current = verb
    for _ in range(3):
        if current.dep_ not in ("xcomp", "advcl", "acl", "relcl", "ccomp") or current.head == current:
            return False
        current = current.head
        if lemma(current) in lx.AGREE_VERBS | _PROVIDE_VERBS | lx.AGREEMENT_NOUNS:
            return True
        if any(c.dep_ == "nsubj" and lemma(c) in lx.AGREEMENT_NOUNS for c in current.children):
            return True  # "the deal would see Moldova take 300 a year"
    return False


def _rate(doc: Doc, noun: Token, verb: Token) -> bool:
    """ "Ecuador could receive 300 migrants a year": a rate a state can take is what a programme provides for,
    even in soft wording (not a one-off: "could receive 300 migrants" alone is a guess)."""
    after = doc_text(doc)[noun.idx + len(noun.text) : noun.idx + len(noun.text) + 40]
    period = re.match(lx.PERIOD, after, re.I)
    soft = any(c.dep_ == "aux" and c.lower_ in ("could", "can", "may") for c in verb.children)
    state = any(
        c.dep_ == "nsubj" and (c.ent_type_ == "GPE" or c.ent_id_ or lemma(c) in {"country", "nation", "government"})
        for c in verb.children
    )  # "Ecuador could receive", "the country could receive"
    return soft and state and period is not None and bool(period.group("period"))


@rule("caps", "taken-by-the-sender")
def taken_by_the_sender(doc: Doc, cap_token: int | None, deporting: str) -> bool:
    """ "In return, Canada promised to take in 4,000 migrants": a number the deporting state (its ISO-3 code) takes
    in itself is no cap on what it sends."""
    if cap_token is None:
        return False
    current = doc[cap_token]
    for _ in range(5):
        current = current.head
        if is_host_word(current):
            if _held_abroad(current, deporting):
                return False  # "Italy may hold no more than 3,000 men in the centres at Shengjin and Gjader"
            asker = current.head
            if asks_another(asker) and any(c.dep_ == "dobj" for c in asker.children):
                return False  # "Washington persuaded Kosovo to take up to 50 people": the state asked takes them
            for t in [current, *current.ancestors][:3]:  # "Canada committed to welcome": the first subject up
                subjects = [c for c in t.children if c.dep_ == "nsubj"]  # the chain ("the Pacific nation agreed to
                if subjects:  # accept up to 75; Washington will provide": the nation's, not Washington's)
                    return any(c.ent_id_ == deporting for c in subjects)
            return False
        if current.head == current:
            break
    return False


@rule("caps", "taken-by-another-host")
def taken_by_another_host(doc: Doc, cap_token: int | None, host_token: int | None, others: Set[int]) -> bool:
    """ "... reached similar agreements including with Rwanda and Uganda, and persuaded Kosovo to take up to 50
    people": a number another host of the sentence (``others``: their tokens) takes, as the subject of the receiving
    verb or the state asked to receive, is no cap of this pair."""
    if cap_token is None or not others:
        return False
    current = doc[cap_token]
    for _ in range(5):
        current = current.head
        if is_host_word(current):
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
            if current.dep_ == "xcomp":  # "persuaded Kosovo to take": the one asked
                subjects += [c for c in current.head.children if c.dep_ in ("dobj", "nsubj")]
            # "Rwanda and Uganda have each agreed to take up to 100": every state joined to the subject
            takers = {t.i for s in subjects for t in (s, *s.conjuncts)}
            return bool(takers & others) and host_token not in takers
        if current.head == current:
            break
    return False


@rule("caps", "moved-from-the-host")
def moved_from_the_host(doc: Doc, cap_token: int | None, host_token: int | None) -> bool:
    """ "the United States would consider resettling up to 1,250 refugees from Nauru and from the centre on Manus
    Island in Papua New Guinea": a number of people taken out of the host (resettled, moved on) is no cap of the deal
    that sent them there."""
    if cap_token is None or host_token is None:
        return False
    current = doc[cap_token]
    for _ in range(5):
        current = current.head
        if is_host_word(current) or is_deport_word(current) or lemma(current) in lx.RESETTLE_VERBS:
            froms = [c for c in current.children if c.dep_ == "prep" and spelled(c) == "from"]
            froms += [c for f in froms for c in f.conjuncts]  # "from Nauru and from the centre on Manus"
            return any(host_token in {t.i for t in f.subtree} for f in froms)
        if current.head == current:
            break
    return False


_RESERVE_VERBS = frozenset({"reserve", "réserver"})


def _places_rented(noun: Token) -> bool:
    """ "rent 300 places in the prison in Gjilan": places, beds or cells a state rents for the people it sends."""
    return (
        lemma(noun) in lx.RENTED_PLACES and noun.dep_ == "dobj" and lemma(noun.head) in lx.RENT_VERBS | _RESERVE_VERBS
    )


def _coordinated(a: Token, b: Token) -> bool:
    """Two clause heads joined as equals ("X agreed ... and the deal is limited ...", or across a semicolon, which
    the parser may hang as a complement), not one inside the other."""
    for first, second in ((a, b), (b, a)):
        if first.head.i != second.i:
            continue
        if first.dep_ in ("conj", "parataxis"):
            return True
        low, high = sorted((first.i, second.i))
        if first.dep_ == "ccomp" and any(t.text == ";" for t in first.doc[low:high]):
            return True
    return False


@rule("caps", "set-by-the-deal")
def set_by_the_deal(doc: Doc, cap_token: int | None, host_token: int | None) -> bool:
    """ "The agreement under which Norway sends people to Moldova caps the number of transfers at 1,000": a cap in a
    clause whose subject is the deal itself holds for the pair that subject names (the host within it), or, where
    the subject names no state ("the deal is limited to 250 people"), for the pair of the sentence."""
    if cap_token is None or host_token is None:
        return False
    root = doc[clause_root(doc[cap_token])]
    for c in root.children:
        if c.dep_ not in ("nsubj", "nsubjpass") or lemma(c) not in lx.AGREEMENT_NOUNS:
            continue
        if c.left_edge.i <= host_token <= c.right_edge.i:
            return True
        if not any(t.ent_id_ for t in c.subtree) and _coordinated(root, doc[clause_root(doc[host_token])]):
            return True  # "Rwanda agreed to take in deportees; the deal is limited to 250 people": the pair's deal
    return False


@rule("caps", "around-the-host")
def around_the_host(doc: Doc, cap_token: int | None, host_token: int | None) -> bool:
    """ "Costa Rica set a ceiling of 200 on the number it would accept": the host named in a clause within the
    cap's clause (the number it would accept), the cap holds for it."""
    if cap_token is None or host_token is None:
        return False
    outer = clause_root(doc[cap_token])
    inner = doc[clause_root(doc[host_token])]
    counted = inner.head
    if counted.dep_ == "pobj" and spelled(counted.head) == "of":  # "the number of deportees [Honduras accepts]"
        counted = counted.head.head
    if inner.i == outer or inner.dep_ not in ("relcl", "acl") or lemma(counted) not in ("number", "total"):
        return False  # only "the number [it would accept]", not any clause under the cap's verb
    return any(a.i == outer for a in inner.ancestors)


@rule("caps", "what-was-agreed")
def what_was_agreed(doc: Doc, cap_token: int | None, host_token: int | None) -> bool:
    """ "Denmark and Kosovo agreed that Denmark would rent cells there, with room for no more than 300 inmates": a cap
    in the clause that says what the host's clause agreed to holds for the pair."""
    if cap_token is None or host_token is None:
        return False
    agreed = doc[clause_root(doc[host_token])]
    if lemma(agreed) not in lx.AGREE_VERBS:
        return False
    content = doc[clause_root(doc[cap_token])]
    return content.dep_ in ("ccomp", "xcomp") and content.head.i == agreed.i


def _held_abroad(verb: Token, deporting: str) -> bool:
    """The verb's "in", "at" or "on" phrase names a place of another state: people held abroad."""
    return any(
        t.ent_id_ and t.ent_id_ != deporting
        for p in verb.children
        if p.dep_ == "prep" and spelled(p) in ("in", "at", "on")
        for t in p.subtree
    )


@rule("caps", "ceiling")
def ceiling(doc: Doc, sentence: Sentence) -> list[Cap]:
    """ "up to 250 migrants", "as many as 160", "a maximum of 3,000", "capacity for 3,000", "up to 30,000 a month",
    "the number of migrants it will accept was confirmed to be 75"."""
    found = []
    for match in lx.CAP.finditer(sentence.text):
        number = lx.words_to_number(match.group("number"))
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if number is None or not 2 <= number <= w.MAX_PEOPLE or _is_money(sentence, start, end):
            continue
        if _hedged(sentence, start):
            continue
        span = doc.char_span(sentence.start + match.start("number"), sentence.start + match.end("number"), "expand")
        count = match.groupdict().get("count")  # the English pattern has it; another language's may not
        counted = count is not None and _COUNTED.search(count) is not None
        if span is None or not (
            _people_nearby(doc, span[-1]) or _period(match) or "capacity" in match.group(0).lower() or counted
        ):
            continue
        if _resettled(span[-1]):
            continue
        weight = w.CAP_WEIGHT if _on_the_number(span[-1]) else _weight(sentence, start)  # "... it would accept"
        if weight < w.CAP_WEIGHT and not _moved(span[-1]):
            continue  # "up to 36,000 people could pass through each year": a guess at the flow, not a ceiling
        found.append(
            Cap(
                number,
                _period(match),
                weight,
                char_evidence(doc, start, end, "value"),
                span[0].i,
                rule_id(ceiling),
            )
        )
    return found


@rule("caps", "fixed-number")
def fixed_number(doc: Doc, sentence: Sentence, taken: set[int]) -> list[Cap]:
    """ "Kosovo agreed to host 50 deportees", "a deal to detain approximately 300 migrants", "would allow 50
    deportees to be relocated", "a deal for 75 people", "the arrangement covers 120 migrants", "will take 300 a
    year": a number of people the arrangement is for. A past event ("has received 14", "10 arrived") is a batch,
    not a cap."""
    found = []
    for token in sentence.span:
        if token.i in taken:
            continue
        if token.dep_ == "nummod" and (lemma(token.head) in lx.MIGRANT_NOUNS or _nationals(token.head)):
            noun = token.head  # "host 50 deportees", "a bridge for 200 non-Costa Ricans"
        elif token.dep_ == "nummod" and _places_rented(token.head):
            noun = token.head  # "Denmark will rent 300 places in the prison in Gjilan"
        elif token.dep_ == "dobj" and token.like_num and any(c.dep_ == "npadvmod" for c in token.head.children):
            noun = token  # "take 300 a year"
        else:
            continue
        words = [c for c in token.lefts if c.like_num and c.dep_ in ("compound", "quantmod", "nummod")]
        number = lx.words_to_number(doc[words[0].i : token.i + 1].text if words else token.text)  # "three hundred"
        if number is None or not 2 <= number <= w.MAX_PEOPLE:
            continue
        verb = noun.head
        for_the_deal = (
            noun.dep_ == "pobj"
            and spelled(verb) == "for"
            and (
                any(lemma(a) in lx.AGREE_VERBS | lx.AGREEMENT_NOUNS for a in [verb.head, *verb.head.ancestors][:4])
                or any(lemma(c) in lx.AGREEMENT_NOUNS for c in verb.head.children if c.dep_ == "dobj")
            )
        )  # "signed a deal ... for 75 people", "an agreement for 300 migrants", "agreed to act as a bridge for 200"
        covered = (
            noun.dep_ == "dobj"
            and lemma(verb) in _COVER_VERBS
            and any(c.dep_ == "nsubj" and lemma(c) in lx.AGREEMENT_NOUNS for c in verb.children)
        )  # "the arrangement covers 120 migrants"
        if _nationals(noun) and not for_the_deal:
            continue  # "a bridge for 200 non-Costa Ricans": people by nationality count only as what a deal is for
        if _places_rented(noun):
            pass  # the places a state rents abroad are the number it can send
        elif for_the_deal or covered:
            verb = verb if covered else verb.head
        elif noun.dep_ in ("dobj", "nsubjpass") and is_deport_word(verb) and provided_for(verb, agreed_only=True):
            pass  # "Tunisia agreed to hand over 126 migrants": the number the deal sends
        elif (
            noun.dep_ not in ("dobj", "nsubjpass")
            or not (is_host_word(verb) or lemma(verb) in _HOLD_VERBS | lx.PROCESS_WORDS)
            or not (provided_for(verb) or _rate(doc, noun, verb))
        ):
            continue
        if _resettled(token):
            continue
        first = min([token.i, *(c.i for c in token.children if c.dep_ in ("quantmod", "advmod"))])
        evidence = token_evidence(doc, min(verb.i, first), noun.i, "value")
        if _hedged(sentence, evidence.start):
            continue
        after = doc_text(doc)[noun.idx + len(noun.text) : noun.idx + len(noun.text) + 40]
        period = re.match(lx.PERIOD, after, re.I)
        detail = _period(period) if period is not None and period.group("period") else None
        found.append(Cap(number, detail, _weight(sentence, evidence.start), evidence, token.i, rule_id(fixed_number)))
    return found


@rule("caps", "ceiling-after")
def ceiling_after(doc: Doc, sentence: Sentence) -> list[Cap]:
    """ "the transfer of 160 people at most", « 160 personnes au maximum »: the ceiling's words after the number
    and the people it counts."""
    found = []
    for match in lx.CAP_AFTER.finditer(sentence.text):
        marker = doc.char_span(sentence.start + match.start(), sentence.start + match.end(), "expand")
        if marker is None:
            continue
        window = [t for t in doc[max(sentence.span.start, marker.start - 4) : marker.start]]
        numbers = [t for t in window if t.like_num]
        if not numbers or not any(lemma(t) in lx.MIGRANT_NOUNS for t in window if t.i > numbers[-1].i):
            continue  # "160 people at most", not "at most" after anything else
        last = numbers[-1]
        first = last
        while first.i > window[0].i and doc[first.i - 1].like_num:
            first = doc[first.i - 1]  # "three hundred", "3 000"
        number = lx.words_to_number(doc[first.i : last.i + 1].text)
        start, end = first.idx, sentence.start + match.end()
        if number is None or not 2 <= number <= w.MAX_PEOPLE or _is_money(sentence, start, end):
            continue
        if _hedged(sentence, start) or _resettled(last):
            continue
        after = doc_text(doc)[end : end + 40]
        period = re.match(lx.PERIOD, after, re.I)
        detail = _period(period) if period is not None and period.group("period") else None
        evidence = char_evidence(doc, start, end, "value")
        found.append(Cap(number, detail, _weight(sentence, start), evidence, first.i, rule_id(ceiling_after)))
    return found


def caps(doc: Doc, sentence: Sentence) -> list[Cap]:
    found = ceiling(doc, sentence) + ceiling_after(doc, sentence)
    taken = {t.i for c in found for t in doc.char_span(c.evidence.start, c.evidence.end, alignment_mode="expand") or ()}
    return found + fixed_number(doc, sentence, taken)
