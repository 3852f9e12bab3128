"""Stage 4a — status: what a sentence says about the stage an agreement is at.

``hits`` finds the wording of each status in a sentence (the patterns are vocabulary, in
``dakg.ingest.lexicon.STATUS_PATTERNS``) and qualifies each hit by rules: an adjective is not an event, a
statement of intent is not the arrangement, future or conditional wording is downgraded, negation is kept.
``for_pair`` picks the hit that speaks of one pair: the one in the clause that names its host (or deporting
state); terminal words win over live ones, then the most advanced stage; a denial turns it into a negated
claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dakg.ingest.rules import weights as w
from dakg.ingest.rules.records import Evidence, Pair, Sentence, char_evidence
from dakg.ingest.rules.registry import rule, rule_id
from dakg.ingest.rules.roles import CENTRE_RULES, its_own_citizens
from dakg.ingest.rules.roles import listed_as_safe as roles_listed_as_safe
from dakg.ingest.rules.syntax import (
    clause_root,
    conj_head,
    is_deport_word,
    is_host_word,
    lemma,
    names_people,
    negated,
    sending_governor,
)
from dakg.ingest.vocabulary import lx, spelled


@dataclass(frozen=True)
class Hit:
    status: str
    strength: float
    negated: bool
    evidence: Evidence
    token: int | None  # the trigger's first token in the document
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Sentenced:
    """A sentence's status hits and its denial, if any."""

    hits: tuple[Hit, ...]
    denial: Evidence | None


_NEGATIVE_WORDING = frozenset({"not-yet-in-force"})  # patterns whose "not" is part of the status they word


@rule("status", "wording")
def wording(doc: Doc, sentence: Sentence, name: str, status: str, start: int, end: int, strength: float) -> Hit | None:
    """A status pattern matched in the sentence (``lexicon.STATUS_PATTERNS``), qualified by the rules below."""
    span = doc.char_span(start, end, alignment_mode="expand")
    first = span[0] if span is not None else None
    rules = [f"{rule_id(wording)}#{name}"]
    if first is not None and adjective(first, span is not None and len(span) == 1):
        return None
    if name == "signed" and signed_up(first):
        status, strength = "agreed", strength * w.INTENT_FACTOR  # "signed up to receive people": agreed to
        rules.append(rule_id(signed_up))
    elif name == "signed" and not signed_the_arrangement(doc, sentence, first):
        if not signed_intent(first):
            return None
        status, strength = "under_negotiation", strength * w.INTENT_FACTOR  # "signed a letter of intent"
        rules.append(rule_id(signed_intent))
    if name == "agreed" and not approved_the_arrangement(sentence, first):
        return None
    if name == "talks" and (talks_before_the_deal(first) or details_to_settle(first)):
        return None
    if status in ("under_negotiation", "agreed", "signed") and called_for(first):
        status = "proposed"  # "a motion calling on the government to negotiate agreements": asked for, not begun
        rules.append(rule_id(called_for))
    if name == "carried-out" and first is not None and gerund_no_event(first):
        return None
    if status == "proposed" and describes_people(first):
        return None
    if status in ("scrapped", "suspended") and ended_for_people(first):
        return None
    if name == "carried-out" and event_to_come(span):
        status, strength = "agreed", strength * w.IRREALIS_FACTOR  # "the first flights could leave in August"
        rules.append(rule_id(event_to_come))
    hit = Hit(
        status,
        strength,
        first is not None and negated(first) and name not in _NEGATIVE_WORDING,
        char_evidence(doc, start, end, "value"),
        first.i if first is not None else None,
        tuple(rules),
    )
    return future_or_conditional(sentence, hit, first)


@rule("status", "event-to-come")
def event_to_come(span: Span | None) -> bool:
    """ "The first transfers could take place in August", « les premiers transferts pourraient avoir lieu »: the
    first event named as the subject of a verb in the future or the conditional has not happened yet."""
    if span is None:
        return False
    subject = next((t for t in span if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    verb = subject.head
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(lx.IRREALIS_ANYWHERE.fullmatch(word.text) for word in words)


@rule("status", "adjective-not-event")
def adjective(first: Token | None, single: bool) -> bool:
    """ "accepted asylum seekers", "a signed copy": a one-word trigger used as an adjective reports no event — but
    on the arrangement itself it gives the arrangement's stage ("Britain's scrapped Rwanda scheme", "the signed
    memorandum")."""
    if not single or first is None or first.dep_ != "amod":
        return False
    return lemma(first.head) not in lx.SCHEME_NOUNS | lx.ARRANGEMENT_NOUNS


@rule("status", "signed-the-arrangement")
def signed_the_arrangement(doc: Doc, sentence: Sentence, first: Token | None) -> bool:
    """Signing a joint statement or a declaration of intent is not signing the arrangement; and "concluded"
    speaks of a deal only where a deal is named and no court concludes something."""
    if first is None:
        return True
    if spelled(first) == "concluded":
        has_deal = any(lemma(t) in lx.ARRANGEMENT_NOUNS for t in sentence.span)
        return has_deal and not lx.COURT_WORDS.search(sentence.text)
    objects = [c for c in first.children if c.dep_ in ("dobj", "nsubjpass")]
    return not any(lemma(o) in lx.INTENT_DOCUMENTS for o in objects)


@rule("status", "signed-up")
def signed_up(first: Token | None) -> bool:
    """ "Two more governments have signed up to receive people": agreeing to take part, not signing a text."""
    return first is not None and any(c.dep_ == "prt" and spelled(c) == "up" for c in first.children)


@rule("status", "signed-intent")
def signed_intent(first: Token | None) -> bool:
    """ "The Netherlands and Uganda signed a letter of intent", "signed a joint declaration": a statement of intent
    is a step in the talks (under negotiation), not the arrangement itself."""
    if first is None:
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and lemma(c) in lx.INTENT_DOCUMENTS for c in first.children)


_APPROVED_TEXTS = frozenset(
    {"it", "text", "draft", "decision", "relocation", "le", "texte", "projet", "décision", "transfert"}
)


@rule("status", "approved-the-arrangement")
def approved_the_arrangement(sentence: Sentence, first: Token | None) -> bool:
    """ "The agreement with Turkey has been approved" is agreed; "the Cabinet approved a bill ratifying it", "a
    policy approved by the Supreme Court" and « se réservant le droit d'approuver chaque dossier » are not (a bill,
    a court's approval, each case)."""
    if first is None or lemma(first) not in ("approve", "approuver"):
        return True
    arranged = [
        c
        for c in first.children
        if c.dep_ in ("dobj", "nsubjpass") and lemma(c) in lx.ARRANGEMENT_NOUNS | lx.DEPORT_NOUNS | _APPROVED_TEXTS
    ]
    by_court = any(c.dep_ == "agent" and any(lx.COURT_WORDS.search(t.text) for t in c.subtree) for c in first.children)
    governed = first.dep_ in ("acl", "relcl") and lemma(first.head) in lx.ARRANGEMENT_NOUNS
    return bool(arranged or governed) and not by_court


@rule("status", "called-for")
def called_for(first: Token | None) -> bool:
    """ "a motion calling on the federal government to negotiate agreements", "the opposition urged talks with
    Ghana", « appelle le gouvernement à négocier »: a step someone calls for has not been taken; it is proposed."""
    if first is None:
        return False
    verb = first if first.pos_ in ("VERB", "AUX") else first.head
    if first.dep_ == "pobj" and spelled(first.head) == "for":
        verb = first.head.head  # "calling for talks"
    elif first.dep_ == "dobj" and first.pos_ == "NOUN" and lemma(first.head) not in ("call", "appeler"):
        verb = first.head  # "urged talks" (not "called the talks productive")
        if any(c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") for c in verb.children):
            return False
    elif verb.dep_ in ("xcomp", "ccomp") or first.dep_ in ("xcomp", "ccomp"):
        verb = verb.head if verb.dep_ in ("xcomp", "ccomp") else first.head  # "calling on X to negotiate"
    else:
        return False
    return lemma(verb) in lx.CALL_VERBS and not negated(verb)


@rule("status", "talks-before-the-deal")
def talks_before_the_deal(first: Token | None) -> bool:
    """ "Meloni said after talks with Rama", "the deal emerged following diplomatic discussions": talks named as
    what came before are over; they say nothing of the deal being under negotiation."""
    if first is None or first.dep_ != "pobj":
        return False
    return spelled(first.head) in ("after", "following") and lemma(first) in ("talk", "discussion", "negotiation")


_DETAILS = frozenset({"detail", "modality", "logistics"})


@rule("status", "details-to-settle")
def details_to_settle(first: Token | None) -> bool:
    """ "The details of implementation were still being worked out": what is still being settled is how a deal is
    carried out, not the deal; the wording says nothing of the deal being under negotiation."""
    if first is None:
        return False
    verb = first if first.pos_ == "VERB" else first.head
    return any(c.dep_ in ("nsubj", "nsubjpass") and lemma(c) in _DETAILS for c in verb.children)


@rule("status", "gerund-no-event")
def gerund_no_event(first: Token | None) -> bool:
    """ "at risk of being sent to Rwanda", "fear being returned to a country where": a passive gerund names a move
    feared or described, not one that happened; only "after being sent to X" tells of one."""
    if first is None or spelled(first) != "being" or first.dep_ != "auxpass":
        return False
    verb = first.head
    if any(c.dep_ == "aux" for c in verb.children):
        return False  # "are being sent": progressive, an event
    return not (verb.dep_ == "pcomp" and spelled(verb.head) in ("after", "since", "upon", "on"))


@rule("status", "wish-describing-people")
def describes_people(first: Token | None) -> bool:
    """ "people the United States wants to deport", "migrants it plans to remove": a wish that describes the people
    (a relative clause on a people noun) proposes no arrangement."""
    if first is None:
        return False
    verb = first if first.pos_ == "VERB" else first.head
    return verb.dep_ in ("relcl", "acl") and lemma(verb.head) in lx.MIGRANT_NOUNS


@rule("status", "ended-for-people")
def ended_for_people(first: Token | None) -> bool:
    """ "Eritreans deported to Rwanda say they were abandoned", « les Érythréens … disent avoir été abandonnés »,
    "migrants abandoned in the desert": a word of ending said of people, not of the arrangement."""
    if first is None or first.pos_ not in ("VERB", "AUX"):
        return False  # "on hold", "defunct": said of what they stand beside, wherever the parser hangs them
    verb = first
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.tag_ == "VBN"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects:
        return any(names_people(t) for t in objects)  # "abandoned the migrants", not "abandoned the plan"
    for _ in range(3):
        if verb.dep_ in ("relcl", "acl") and names_people(verb.head):
            return True
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and passive:  # "were abandoned", "say they were abandoned": who was
            return any(names_people(t) for t in subjects)
        if subjects:
            return False
        if verb.dep_ not in ("xcomp", "ccomp", "conj") or verb.head == verb:
            break
        verb = verb.head
    return False


def _done(verb: Token) -> bool:
    """A verb in a past tense, not under a modal or a future: "opened", "have opened", « ont ouvert »."""
    auxes = {spelled(c) for c in verb.children if c.dep_ in ("aux", "auxpass")}
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxes))
    return past and not auxes & (_MODAL | _FUTURE | {"to"})


@rule("status", "future-or-conditional")
def future_or_conditional(sentence: Sentence, hit: Hit, first: Token | None = None) -> Hit:
    """ "will sign", "could accept", "plans to send": an event not yet done is downgraded — signed, agreed or in
    force to under negotiation, carried out to agreed — and weighs less. A bare preposition before the word marks
    an infinitive to come (« de signer », « pour les accueillir »), not a noun: « de la signature à l'abandon »
    tells a history."""
    if hit.status not in ("signed", "agreed", "in_force", "implemented"):
        return hit
    before = sentence.text[: hit.evidence.start - sentence.start]
    match = lx.IRREALIS.search(before[-60:])
    if match is None or (match.group(1) is None and first is not None and first.pos_ == "NOUN"):
        return hit  # group 1 holds the words of the future or the wish; the rest only marks an infinitive
    lowered = "under_negotiation" if hit.status in ("signed", "agreed", "in_force") else "agreed"
    return replace(
        hit,
        status=lowered,
        strength=hit.strength * w.IRREALIS_FACTOR,
        rules=(*hit.rules, rule_id(future_or_conditional)),
    )


@rule("status", "denial")
def denial(doc: Doc, sentence: Sentence) -> Evidence | None:
    """ "Uganda denied agreeing", "has no deal whatsoever", "had not signed such a deal": the sentence reports the
    agreement as denied; its claims become negated."""
    match = lx.DENIAL.search(sentence.text)
    if match is None:
        return None
    return char_evidence(doc, sentence.start + match.start(), sentence.start + match.end(), "value")


def hits(doc: Doc, sentence: Sentence) -> Sentenced:
    found = []
    text = sentence.text
    lowered = text.lower()
    same = len(lowered) == len(text)  # lower case keeps every offset (not so for a few letters, such as "İ")
    for name, status, pattern, for_lower, strength in _status_patterns():
        fast = for_lower if same else None
        for match in fast.finditer(lowered) if fast is not None else pattern.finditer(text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            hit = wording(doc, sentence, name, status, start, end, strength)
            if hit is not None:
                found.append(hit)
    return Sentenced(tuple(found), denial(doc, sentence))


_Patterns = tuple[tuple[str, str, re.Pattern[str], re.Pattern[str] | None, float], ...]
_WITH_LOWER_CASE: dict[int, _Patterns] = {}  # by the language's STATUS_PATTERNS (module constants: ids are stable)


def _status_patterns() -> _Patterns:
    """The language's status wordings, each with its form for text put in lower case (made once per language)."""
    patterns = lx.STATUS_PATTERNS
    found = _WITH_LOWER_CASE.get(id(patterns))
    if found is None:
        found = tuple((n, s, p, for_lower_case(p), strength) for n, s, p, strength in patterns)
        _WITH_LOWER_CASE[id(patterns)] = found
    return found


def for_lower_case(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-blind pattern as a case-bound one for text put in lower case, which finds the same matches about
    twice as fast (the wordings are matched on every sentence); None for a pattern with a capital letter of its own
    outside an escape such as ``\\W``, which must see the text as written."""
    source, capital, i = pattern.pattern, False, 0
    while i < len(source) and not capital:
        capital = source[i].isupper()
        i += 2 if source[i] == "\\" else 1
    return None if capital else re.compile(source, pattern.flags & ~re.IGNORECASE)


def clause_scoped[T](
    items: list[T], pair: Pair, token_of: Callable[[T], int | None], doc: Doc, *, host_only: bool = False
) -> list[T]:
    """Of a sentence's triggers, those in the clause that names the host (else the deporting state).

    "Eight men were flown to South Sudan, and Kosovo agreed to host up to 50": implemented goes with South
    Sudan, agreed and the cap of 50 with Kosovo.
    """
    own = _its_own_predicate(pair, doc)
    if own is not None:  # "has sent deportees to Eswatini and reached arrangements with Rwanda": not sent to Rwanda
        return [h for h in items if (i := token_of(h)) is not None and own.left_edge.i <= i <= own.right_edge.i]
    anchors = (pair.host_token,) if host_only else (pair.host_token, pair.deporting_token)
    for anchor in anchors:
        if anchor is None:
            continue
        clause = clause_root(doc[anchor])
        scoped = [h for h in items if (i := token_of(h)) is not None and clause_root(doc[i]) == clause]
        if scoped or host_only:
            return scoped
    return [h for h in items if (i := token_of(h)) is None or not _of_another_deal(doc[i], pair)]


def _its_own_predicate(pair: Pair, doc: Doc) -> Token | None:
    """The verb coordinated with the deporting state's that names the host (its subject shared): what the other
    verb says is of other states. None where the host is not named so."""
    if pair.host_token is None or pair.deporting_token is None:
        return None
    governing = next((t for t in doc[pair.host_token].ancestors if t.pos_ == "VERB"), None)
    if governing is None or governing.dep_ != "conj" or any(c.dep_.startswith("nsubj") for c in governing.children):
        return None
    first = governing.head
    shared = any(c.dep_.startswith("nsubj") and c.i == pair.deporting_token for c in first.children)
    return governing if shared and doc[pair.deporting_token] not in list(governing.subtree) else None


def _of_another_deal(trigger: Token, pair: Pair) -> bool:
    """A status word whose object names another state's deal: "(Britain,) which has been looking for partners since
    abandoning its own Rwanda scheme" says nothing of Britain and Albania."""
    deal = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return _names_only_others({t.ent_id_ for c in deal for t in c.subtree if t.ent_id_ and t.ent_type_ == "GPE"}, pair)


def _names_only_others(named: set[str], pair: Pair) -> bool:
    """Some states are named, and neither of the pair's."""
    return bool(named) and not named & {pair.deporting, pair.host}


@rule("status", "said-of-the-deal")
def said_of_the_deal(doc: Doc, hit: Hit) -> bool:
    """ "Uganda agreed to take deportees, but officials said the arrangement had been put on hold": a status whose
    clause has the deal itself as subject holds for the sentence's pair, whatever clause names the states."""
    if hit.token is None:
        return False
    root = doc[clause_root(doc[hit.token])]
    if root.dep_ in ("advcl", "relcl", "acl"):
        return False  # "since the partnership was signed": background to the clause, not news of the deal
    return any(  # not "the Rwanda deal", which names a deal of its own
        c.dep_ in ("nsubj", "nsubjpass") and lemma(c) in lx.ARRANGEMENT_NOUNS and not any(t.ent_id_ for t in c.subtree)
        for c in root.children
    )


def _partner_phrase(token: Token) -> bool:
    """A state named as what a clause is with, for or to ("plans for Tunisia", "an agreement with Georgia"), not in
    passing ("in favour of an EU-wide approach")."""
    return any(a.dep_ == "prep" and spelled(a) in ("with", "for", "to") for a in list(token.ancestors)[:3])


def _background_on_the_sender(doc: Doc, pair: Pair) -> bool:
    if pair.host_token is None or pair.deporting_token is None:
        return False
    clause = doc[clause_root(doc[pair.host_token])]
    if clause.dep_ != "relcl" or not clause.head.ent_id_:
        return False  # the sender is the state the clause hangs on, or the relative pronoun standing for it
    return clause.head.i == pair.deporting_token or pair.deporting_token in {t.i for t in clause.subtree}


@rule("status", "news-after-background")
def news_of(doc: Doc, hit: Hit, background: list[Hit]) -> bool:
    """ "Denmark, which signed a declaration with Rwanda in 2022, put those plans on hold": where the pair's clause
    is a relative clause on a state (background), the status of the clause that state is the subject of is news
    of the same deal (the clause's object is the deal or the talks: not "put its budget on hold")."""
    if hit.token is None or not background:
        return False
    main = doc[clause_root(doc[hit.token])]
    deal_words = lx.ARRANGEMENT_NOUNS | lx.AGREEMENT_NOUNS | lx.INTENT_DOCUMENTS | {"it", "them"}
    if not any(c.dep_ in ("dobj", "nsubjpass") and lemma(c) in deal_words for c in main.children):
        return False
    for other in background:
        if other.token is None:
            continue
        clause = doc[clause_root(doc[other.token])]
        if clause.dep_ == "relcl" and clause.head.dep_ in ("nsubj", "nsubjpass") and clause.head.head == main:
            aside = {t.i for t in clause.subtree}
            state = clause.head.ent_id_
            # not "Italy, which runs two centres in Albania, has put its plans for Tunisia on hold": another state's
            return not any(
                t.ent_id_ and t.ent_id_ != state and _partner_phrase(t) for t in main.subtree if t.i not in aside
            )
    return False


@dataclass(frozen=True)
class StatusValue:
    status: str
    strength: float
    negated: bool
    evidence: tuple[Evidence, ...]
    rules: tuple[str, ...]


@rule("status", "for-the-pair")
def for_pair(doc: Doc, sentenced: Sentenced, pair: Pair | None) -> StatusValue | None:
    """The status one sentence claims for one pair: the hits in the pair's clause; terminal words win, then the
    most advanced stage; a denial makes the claim negated (talk of a proposal denied is a denied agreement)."""
    found = [h for h in sentenced.hits if not (sentenced.denial is not None and h.status == "proposed")]
    if pair is not None and found:
        # "Italy, which runs two centres in Albania, has put its plans for Tunisia on hold": the host named in a
        # background clause on the sender takes that clause's status (the main clause only through news-of)
        background = _background_on_the_sender(doc, pair)
        scoped = clause_scoped(found, pair, lambda h: h.token, doc, host_only=background)
        found = scoped + [h for h in found if h not in scoped and (said_of_the_deal(doc, h) or news_of(doc, h, scoped))]
    this = rule_id(for_pair)
    if not found:
        if sentenced.denial is not None:
            return StatusValue("agreed", w.DENIAL_STRENGTH, True, (sentenced.denial,), (rule_id(denial), this))
        return None
    best = max(found, key=lambda h: (not h.negated, lx.STATUS_ORDER[h.status], h.strength))
    if sentenced.denial is not None:
        value = "agreed" if best.status in ("under_negotiation", "proposed") else best.status
        evidence = (best.evidence, sentenced.denial) if best.evidence != sentenced.denial else (best.evidence,)
        return StatusValue(value, w.DENIAL_STRENGTH, True, evidence, (*best.rules, rule_id(denial), this))
    return StatusValue(best.status, best.strength, best.negated, (best.evidence,), (*best.rules, this))


_FUTURE = frozenset({"will", "shall", "'ll"})
_MODAL = frozenset({"would", "could", "may", "might", "should", "must", "can"})
_ASPECT = frozenset({"begin", "start", "continue", "resume", "keep"})


_LISTED_SAFE = rule_id(roles_listed_as_safe).split("/")[0] + "/"


@rule("status", "listed-as-safe")
def listed_as_safe(pair: Pair) -> StatusValue | None:
    """ "the decree listing safe third countries named Serbia, Montenegro and Albania": a host a law's list names is
    one the law lets people be sent to, in force while the list stands (the naming words are the evidence)."""
    if not any(r.startswith(_LISTED_SAFE) for r in pair.rules):
        return None
    named = next((e for e in pair.evidence if e.role == "host"), None)
    if named is None:
        return None
    evidence = (Evidence(named.start, named.end, named.text, "value"),)
    return StatusValue("in_force", w.LISTED_SAFE_STATUS, False, evidence, (rule_id(listed_as_safe),))


@rule("status", "event-of-the-pair")
def event_of_the_pair(doc: Doc, pair: Pair) -> StatusValue | None:
    """ "Israel has deported thousands of Eritreans to Uganda", "Canada returns asylum seekers to US authorities",
    "Denmark will send 300 prisoners to Kosovo": where no wording names a status, the verb that moves people
    to the pair's host says it — done or done as a rule (past, present): implemented; promised (will): agreed.
    Conditional, wished or denied moves say nothing."""
    verb = event_verb(doc[pair.host_token]) if pair.host_token is not None else None
    if verb is None and pair.host_token is not None:
        verb = paid_to_receive(doc[pair.host_token])
    if verb is None and pair.deporting_token is not None:
        sender = doc[pair.deporting_token]  # "Italy sends some migrants to camps across the Adriatic"
        moves = is_deport_word(sender.head) or lemma(sender.head) in lx.RETURN_VERBS
        if sender.dep_ == "nsubj" and moves and sender.head.pos_ == "VERB":
            verb = sender.head
    if verb is None and pair.deporting_token is not None:
        return people_sent(doc, doc[pair.deporting_token])
    if verb is None or negated(verb) or any(gerund_no_event(c) for c in verb.children) or its_own_citizens(verb):
        return None  # "South Sudan will accept the return of its own citizens": a return home, no third-country deal
    auxes = {spelled(c) for c in verb.children if c.dep_ in ("aux", "auxpass")}
    wish = wished_by(verb)
    if wish is not None:  # "want Germany to follow Britain's example and outsource the claims to Rwanda": proposed
        evidence = char_evidence(doc, wish.idx, wish.idx + len(wish.text), "value")
        return StatusValue("proposed", w.EVENT_WISHED, False, (evidence,), (rule_id(event_of_the_pair),))
    if verb.dep_ == "xcomp" and lemma(verb.head) in _ASPECT:  # "Canberra began offshoring ... to Manus Island"
        verb, auxes = verb.head, {spelled(c) for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _MODAL == {"would"} and backshifted(verb):  # "said his country would receive 200 migrants"
        auxes = (auxes - {"would"}) | {"will"}
    allowing = verb.head if verb.dep_ in ("xcomp", "ccomp") and lemma(verb.head) in _allow_verbs() else None
    if allowing is not None and not negated(allowing) and allowing.tag_ in ("VBD", "VBZ", "VBP"):
        allowed_by = {spelled(c) for c in allowing.children if c.dep_ in ("aux", "auxpass")}
        if not allowed_by & _MODAL:  # "the statement allowed Greece to return migrants to Turkey": provided for
            evidence = char_evidence(doc, allowing.idx, allowing.idx + len(allowing.text), "value")
            return StatusValue("agreed", w.EVENT_PROMISED, False, (evidence,), (rule_id(event_of_the_pair),))
    if auxes & _MODAL or (verb.dep_ in ("xcomp", "advcl", "relcl", "acl") and not auxes) or "to" in auxes:
        return None  # "could send", "a bid to send", "people it wants to send", "would allow them to be relocated"
    governing = verb.head if verb.dep_ in ("xcomp", "ccomp", "conj") else None
    if governing is not None and {spelled(c) for c in governing.children if c.dep_ == "aux"} & _MODAL:
        return None  # "the deal would allow 50 deportees to be relocated"
    if auxes & _FUTURE:
        value, strength = "agreed", w.EVENT_PROMISED
    elif verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and auxes):
        value, strength = "implemented", w.EVENT_DONE
    else:
        return None
    evidence = char_evidence(doc, verb.idx, verb.idx + len(verb.text), "value")
    return StatusValue(value, strength, False, (evidence,), (rule_id(event_of_the_pair),))


def _allow_verbs() -> frozenset[str]:
    """ "the scheme lets the US outsource": the language's verbs of allowing (read when called, not at import,
    so that French reads its own)."""
    allowing: frozenset[str] = lx.ALLOW_VERBS | _LET
    return allowing


_LET = frozenset({"let", "empower"})


def backshifted(verb: Token) -> bool:
    """ "Costa Rica's president said his country would receive 200 migrants": "would" in what a speaker said
    is the "will" they said, not a condition (not "if asked, it would accept")."""
    speech = verb.head if verb.dep_ == "ccomp" else None
    if speech is None or lemma(speech) not in lx.SPEECH_VERBS or speech.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    return not any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in verb.children)


def paid_to_receive(host: Token) -> Token | None:
    """ "Australia paid Nauru and Papua New Guinea to house asylum seekers", "Israel pays Uganda to take them":
    the paying verb, whose tense tells the deal's as any verb of moving people does (the host, its object,
    receives them): paid or pays (done, or done as a rule), implemented; will pay, agreed."""
    token = conj_head(host)
    if token.dep_ != "dobj" or lemma(token.head) not in lx.PAY_VERBS:
        return None
    payer = token.head
    receiving = [c for c in payer.children if c.dep_ == "xcomp" and is_host_word(c)]
    return payer if receiving else None


@rule("status", "people-sent")
def people_sent(doc: Doc, sender: Token) -> StatusValue | None:
    """ "Eight men expelled by the US remain in custody in Juba", "the men were sent from the US and remain in
    detention in Ghana": people the sentence describes as already sent, in a clause that reports them now or in the past
    (not "people deported by the US would be housed there"): implemented."""
    if sender.dep_ != "pobj" or sender.head.lower_ not in ("by", "from"):
        return None
    participle = sender.head.head
    if participle.tag_ != "VBN" or negated(participle):
        return None
    if not (is_deport_word(participle) or lemma(participle) in lx.RETURN_VERBS):
        return None
    passive = {c.lower_ for c in participle.children if c.dep_ in ("aux", "auxpass")}
    if participle.dep_ != "acl" and passive in ({"was"}, {"were"}, {"has", "been"}, {"have", "been"}):
        evidence = char_evidence(doc, participle.idx, participle.idx + len(participle.text), "value")
        return StatusValue("implemented", w.EVENT_DONE, False, (evidence,), (rule_id(people_sent),))  # "were sent from"
    if participle.dep_ != "acl":
        return None
    people, main = participle.head, participle.head.head
    main_auxes = {c.lower_ for c in main.children if c.dep_ in ("aux", "auxpass")}
    finite = main.tag_ in ("VBD", "VBZ", "VBP") or (main.tag_ == "VBN" and main_auxes & {"was", "were", "has", "have"})
    if people.dep_ not in ("nsubj", "nsubjpass") or not finite or negated(main) or main_auxes & _MODAL:
        return None
    evidence = char_evidence(doc, participle.idx, participle.idx + len(participle.text), "value")
    return StatusValue("implemented", w.EVENT_DONE, False, (evidence,), (rule_id(people_sent),))


def wished_by(verb: Token) -> Token | None:
    """The verb of wanting or planning that a move hangs from ("want X to send", "plans to outsource and
    transfer"), unless the wish describes people ("the migrants it wants to deport")."""
    current = verb.head if verb.dep_ == "conj" else verb
    infinitive = current.dep_ == "ccomp" and any(c.dep_ == "aux" and spelled(c) == "to" for c in current.children)
    if (current.dep_ != "xcomp" and not infinitive) or current.head == current:
        return None
    wish = current.head
    if lemma(wish) not in lx.WISH_VERBS or negated(wish) or describes_people(wish):
        return None
    if wish.tag_ in ("VBD", "VBN") and not any(spelled(c) in ("has", "have") for c in wish.children):
        return None  # "a policy which sought to send UK asylum seekers to Rwanda": what it was for, not a proposal
    return wish


def event_verb(host: Token) -> Token | None:
    """The verb that moves people to a host named by "to X" (also "to a centre in X") or that the host receives
    people with ("Uganda took in 40 men")."""
    token = conj_head(host)
    if token.dep_ == "pobj" and spelled(token.head) in ("as", "like", "including"):
        token = token.head.head  # "to a country such as Rwanda or Ghana"
    if token.dep_ in ("appos", "compound", "amod") and token.head.dep_ == "pobj":
        token = token.head  # "to Gjilan, Kosovo", "to US authorities"
    if token.dep_ == "pobj" and spelled(token.head) in ("in", "at") and token.head.head.dep_ == "pobj":
        token = token.head.head  # "to a prison in Gjilan, Kosovo"
    if token.dep_ == "pobj" and spelled(token.head) in ("to", "into"):
        verb = sending_governor(token.head.head)
        return verb if verb is not None and verb.pos_ == "VERB" else None
    if token.dep_ == "pobj" and spelled(token.head) == "for" and lemma(token.head.head) in lx.LEAVE_VERBS:
        return token.head.head if token.head.head.pos_ == "VERB" else None  # "4,000 Eritreans left Israel for Rwanda"
    if token.dep_ in ("nsubj",) and is_host_word(token.head) and token.head.pos_ == "VERB":
        if any(lemma(t) == "refugee" for c in token.head.children if c.dep_ == "dobj" for t in c.subtree):
            return None  # "Rwanda has welcomed thousands of refugees": its refugee record, not the deal
        return token.head
    return None


_NAMED_STATUS = {
    "plan": "proposed",
    "proposal": "proposed",
    "treaty": "signed",
    "memorandum": "signed",
    "mou": "signed",
    "protocol": "signed",
    "model": "agreed",  # "the Albania model": an arrangement others are told to copy
    "solution": "agreed",  # "the Pacific Solution", "the Malaysia Solution"
}
_NAMED_ONLY_WITH_A_STATE = frozenset({"model", "solution"})  # the arrangement's only with a state's name on it


@rule("status", "arrangement-named")
def arrangement_named(doc: Doc, sentence: Sentence, pair: Pair | None = None) -> StatusValue | None:
    """ "Migrants shipped to Shengjin under the Albania deal": an agreement the document makes other claims about
    (people covered, a cap, an official) but words no status for, in a sentence that names the arrangement as a
    thing, was at least agreed (a treaty, a memorandum or a protocol: a signed text; a plan or a proposal:
    proposed) — the weakest status, and only where the document says nothing more of its stage. Not an
    arrangement named after states other than the pair's ("centres for Britain ... its own Rwanda scheme")."""
    for token in sentence.span:
        word = lemma(token)
        if token.pos_ not in ("NOUN", "PROPN") or (word not in lx.ARRANGEMENT_NOUNS and word not in _NAMED_STATUS):
            continue
        if pair is not None and _named_after_others(token, pair):
            continue
        if negated(token.head) or any(c.dep_ == "det" and spelled(c) == "no" for c in token.children):
            continue
        if word in _NAMED_ONLY_WITH_A_STATE and not any(
            c.dep_ in ("compound", "amod", "poss", "nmod") and (c.ent_id_ or c.ent_type_ == "NORP")
            for c in token.children
        ):
            continue  # "the Albania model" names an arrangement; "a business model", "a political solution" do not
        value = _NAMED_STATUS.get(word, "agreed")
        draft = next((c for c in token.children if c.dep_ in ("amod", "compound") and lemma(c) == "draft"), None)
        if draft is not None:  # "a draft memorandum has been exchanged": still being negotiated
            value, token = "under_negotiation", draft
        evidence = char_evidence(doc, token.idx, token.idx + len(token.text), "value")
        return StatusValue(value, w.ARRANGEMENT_NAMED, False, (evidence,), (rule_id(arrangement_named),))
    intent = lx.LETTER_OF_INTENT.search(sentence.text)
    if intent is not None:  # "the Dutch letter of intent with Uganda": a step in the talks (see signed-intent)
        start = sentence.start + intent.start()
        evidence = char_evidence(doc, start, sentence.start + intent.end(), "value")
        return StatusValue("under_negotiation", w.ARRANGEMENT_NAMED, False, (evidence,), (rule_id(arrangement_named),))
    return None


def _named_after_others(noun: Token, pair: Pair) -> bool:
    return _names_only_others(
        {c.ent_id_ for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.ent_id_}, pair
    )


_ARRIVED_IN = "roles.arrived-in/"


def _the_host_s(doc: Doc, place: Token, pair: Pair) -> bool:
    """ "the centres in Albania": the place is the head of the host's "in" (or "on")."""
    if pair.host_token is None:
        return False
    host = doc[pair.host_token]
    return (
        host.dep_ in ("pobj", "obl", "nmod")
        and spelled(host.head) in ("in", "on", "en")
        and host.head.head.i == place.i
    )


@rule("status", "centre-in-use")
def centre_in_use(doc: Doc, sentence: Sentence, pair: Pair) -> StatusValue | None:
    """ "Critics point to Italy's centres in Albania", "the offshore processing Australia runs on Nauru", "the two
    centres in Albania" under a section about Italy: a pair known only by the centre one state runs in the other,
    in a document that words no stage for it, is an arrangement in operation — unless the centre is still to be
    built or planned ("Italy plans centres in Albania" has its own status)."""
    by_centre = any(r.startswith(CENTRE_RULES) for r in pair.rules)
    if not by_centre and not any(r.startswith(_ARRIVED_IN) for r in pair.rules):
        return None
    for token in sentence.span:
        if lemma(token) not in lx.HELD_PLACES or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if not by_centre and not _the_host_s(doc, token, pair):
            continue  # "The two centres in Albania ...": where the host is named by its centres, they are its own
        governors = [token.head, token.head.head]
        opened = [g for g in governors if lemma(g) in {"open", "reopen", "ouvrir", "rouvrir"} and _done(g)]
        if not opened and any(
            lemma(g) in lx.BUILD_VERBS - {"run", "operate", "host"} | {"plan", "propose"} for g in governors
        ):
            return None  # still to be built or opened; "the centres opened in October" are in use
        if negated(token.head) or any(
            c.dep_ == "amod" and spelled(c) in {"planned", "proposed", "future", "new"} for c in token.children
        ):
            return None
        evidence = char_evidence(doc, token.idx, token.idx + len(token.text), "value")
        return StatusValue("implemented", w.ARRANGEMENT_NAMED, False, (evidence,), (rule_id(centre_in_use),))
    return None
