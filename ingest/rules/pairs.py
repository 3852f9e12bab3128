"""Stage 3 — pairs: which agreements (deporting → host) each sentence speaks of.

Each sentence's votes are resolved to one role per country (``roles.resolve``); the pair rules then run in
order, the first that finds pairs deciding:

1. ``both-sides``: a deporting and a host state in the sentence;
2. ``side-and-party``: one side, and the party the sentence names beside it ("Uganda reached a deal with the
   U.S. to accept deportees");
3. ``side-and-document-partner``: one side; the other from the rest of the document (the state it is paired
   with elsewhere, or the one state the document shows in the other role);
4. ``parties-oriented``: two parties ("the Netherlands and Uganda signed"); the direction from the rest of
   the document, or none at all (no pair);
5. ``reference-back``: "the deal", "that programme" with a status, cap or payment: the pair named just before;
6. ``only-agreement``: a sentence naming no state, with a firm status, in a document about one agreement.

Filters then drop what a sentence does not support: a return home (the host is where the people come
from), onward movement (a state that received people sending them on), and, over the whole document, the
weaker of two opposite directions. A country named merely beside another forms nothing, and a state's
nationality is never a party. Every pair carries the evidence of both sides, from other sentences too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence, Set
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from dakg.ingest.gazetteer import Countries, capital_names, countries
from dakg.ingest.rules import mentions
from dakg.ingest.rules import weights as w
from dakg.ingest.rules.records import CountryMention, Evidence, Pair, Sentence, Vote, doc_text, token_evidence
from dakg.ingest.rules.registry import applied, rule, rule_id
from dakg.ingest.rules.roles import (
    CENTRE_RULES,
    DEPORTING,
    HOST,
    NATIONALITY,
    PARTY,
    THIRD_COUNTRY_SENDERS,
    SentenceRoles,
    asked_to_take,
    its_own_citizens,
    listed_as_safe,
    one_of_many_origins,
    other_side_named,
    resolve,
)
from dakg.ingest.rules.syntax import conj_head, lemma, likened, same_clause_group
from dakg.ingest.vocabulary import lx, spelled
from dakg.schema import Basis

_GENERIC_SUBJECT = re.compile(
    r"\b(?:countries|nations|governments|states)\b[^.;]{0,30}\b(?:have|has|had|were|are)\b|"
    r"\b(?:other|several|more|further) (?:\w+ )?(?:countries|nations|governments|states)\b",  # "talks with several
    re.I,  # other governments": not the one agreement
)
_ONWARD = re.compile(
    r"\b(?:on to|onward|onwards|from where|from there|in transit|transit(?:ed)? through|"
    r"(?:were|was|had been|have been|are|is) then (?:\w+ed|sent|flown|taken|driven|brought|put)|"
    r"later (?:sent|moved|bussed|flown|taken|transferred|deported)|"
    r"(?:later|eventually|subsequently|ultimately) resettled)\b",
    re.I,
)  # "14 West Africans, who were then bussed to Togo" (not "what was then the former Yugoslav Republic")


@dataclass(frozen=True)
class Facts:
    """What a sentence speaks of, beyond its countries (computed once per sentence)."""

    about_deportation: bool  # deportation, removal, transfers, flights, third countries ...
    agreement_word: bool  # deal, agreement, talks, scheme ...
    anaphor: bool  # "the deal", "that programme", "the two countries"
    firm_status: bool  # a status other than a proposal, at full strength
    carries_value: bool  # a status, cap, payment or denial
    figure: bool = False  # a cap or a payment

    @property
    def talks_of_it(self) -> bool:
        return self.about_deportation or self.agreement_word or self.anaphor or self.carries_value


@dataclass
class DocumentView:
    """The document's other sentences, as the pair rules consult them."""

    roles: defaultdict[str, defaultdict[str, float]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(float))
    )
    evidence: dict[tuple[str, str], Vote] = field(default_factory=dict)  # strongest vote per (country, role)
    pair_votes: Counter[tuple[str, str]] = field(default_factory=Counter)
    nationalities: set[str] = field(default_factory=set)
    homeward: set[str] = field(default_factory=set)  # states people are sent to and hold the nationality of
    sent_home: set[tuple[str, str]] = field(default_factory=set)  # (sender, home) of those returns, where named
    # every host and deporting vote, however weak: what orients two states a sentence merely names together
    leaning: defaultdict[str, defaultdict[str, float]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(float))
    )
    leaning_evidence: dict[tuple[str, str], Vote] = field(default_factory=dict)
    together: Counter[frozenset[str]] = field(default_factory=Counter)  # sentences about the matter naming both
    about_deportation: bool = False  # some sentence of the document speaks of deporting or moving people
    seen: dict[str, list[int]] = field(default_factory=dict)  # the sentences that name each state
    # per sentence, the states the section heading above it names ("THE UK" over a roundup's paragraph on Britain)
    sections: list[dict[str, Vote]] = field(default_factory=list)
    issuers: set[str] = field(default_factory=set)  # states a release's issuer line names ("From: Home Office")

    def played(self, iso3: str, role: str) -> float:
        return self.roles[iso3][role]

    def receives_anyone(self) -> bool:
        """Some state receives people somewhere in the document (else parties cannot be oriented by it): a host, or
        the unnamed "third country with which the United States has signed an agreement"."""
        return any(played[HOST] > 0 for played in self.roles.values()) or any(
            role == DEPORTING and vote.rule.startswith(THIRD_COUNTRY_SENDERS)
            for (_, role), vote in self.evidence.items()
        )


@dataclass(frozen=True)
class SentenceReading:
    """What every pair rule reads of one sentence. The rules run in their order in this file (registered as the
    family ``pairs / sentence``); the first that finds a pair decides."""

    sentence: Sentence
    resolved: dict[str, Vote]  # each state's one role in the sentence
    facts: Facts
    view: DocumentView
    recent: Sequence[Pair]  # the pairs found in the sentences before, in order
    named: Sequence[Vote] = ()  # every state the sentence names, whatever its role


def resolved_roles(roles: SentenceRoles) -> dict[str, Vote]:
    out = {}
    origins = _listed_origins(roles)
    for iso3 in roles.countries():
        vote = resolve(roles.of(iso3), origins)
        if vote is not None:
            out[iso3] = vote
    return out


_SENT_HOME = re.compile(
    r"\b(?:sen[dt]|sending|return\w*|deport\w*|fl[oe]w\w*)\s+(?:\w+\s+)?home\b|\brepatriat|"
    # "to return Kenyans without the right to stay": a plural nationality returned, and not "to" another state
    r"\breturn(?:s|ed|ing)?\s+(?-i:[A-Z][a-z]+s)\b(?!\s+(?:to|into|from)\b)",
    re.I,
)


_PEOPLE_FROM = "roles.people-from/"


def _listed_origins(roles: SentenceRoles) -> int:
    """How many states one list of origins names ("men from Cuba, Laos, Mexico and South Sudan")."""
    return len({v.iso3 for v in roles.votes if v.role == NATIONALITY and v.rule.startswith(_PEOPLE_FROM)})


def homeward(roles: SentenceRoles, text: str = "") -> set[str]:
    """States a sentence sends people to who hold their nationality: "returned the Moroccan adults to Morocco",
    "send home Kenyans who have no right to stay"."""
    home = bool(_SENT_HOME.search(text))
    mixed = not home and one_of_many_origins(_listed_origins(roles))
    return {
        iso3
        for iso3 in roles.countries()
        if NATIONALITY in {v.role for v in roles.of(iso3)}
        # "men from Cuba, Laos, Vietnam and South Sudan were deported to Juba": no return home for South Sudan
        and not (mixed and any(v.rule.startswith(_PEOPLE_FROM) for v in roles.of(iso3)))
        and (
            home
            or (
                HOST in {v.role for v in roles.of(iso3)}
                and any(v.rule.startswith("roles.sent-to/") for v in roles.of(iso3))
            )
        )
    }


def document_view(all_roles: Sequence[dict[str, Vote]], returned_home: Set[str] = frozenset()) -> DocumentView:
    view = DocumentView(homeward=set(returned_home))
    for resolved in all_roles:
        strong = {c: v for c, v in resolved.items() if v.weight >= w.STRONG_ROLE}
        for iso3, vote in resolved.items():
            if vote.role == NATIONALITY and vote.weight >= w.NATIONALITY:
                view.nationalities.add(iso3)
            elif vote.role in (HOST, DEPORTING):
                view.leaning[iso3][vote.role] += vote.weight
                best = view.leaning_evidence.get((iso3, vote.role))
                if best is None or vote.weight > best.weight:
                    view.leaning_evidence[(iso3, vote.role)] = vote

        for iso3, vote in strong.items():
            if vote.role in (HOST, DEPORTING):
                view.roles[iso3][vote.role] += vote.weight
                best = view.evidence.get((iso3, vote.role))
                if best is None or vote.weight > best.weight:
                    view.evidence[(iso3, vote.role)] = vote
        hosts = [c for c, v in strong.items() if v.role == HOST]
        deps = [c for c, v in strong.items() if v.role == DEPORTING]
        for d in deps:
            for h in hosts:
                if d != h:
                    view.pair_votes[(d, h)] += 1
    return view


def _pair(
    deporting: Vote | tuple[str, Vote | None],
    host: Vote | tuple[str, Vote | None],
    weight: float,
    sentence: int,
    func: object,
) -> Pair:
    """A pair from the votes for each side (a side known only from elsewhere comes as (iso3, its vote there))."""
    sides: list[tuple[str, Vote | None, bool]] = []
    for side in (deporting, host):
        if isinstance(side, Vote):
            sides.append((side.iso3, side, True))
        else:
            sides.append((side[0], side[1], False))
    (d_code, d_vote, d_here), (h_code, h_vote, h_here) = sides
    evidence: list[Evidence] = []
    for vote in (d_vote, h_vote):
        if vote is not None:
            evidence.extend(e for e in vote.evidence if e not in evidence)
    rules = [rule_id(func)]  # type: ignore[arg-type]
    rules.extend(v.rule for v in (d_vote, h_vote) if v is not None and v.rule)
    basis: Basis = "reference" if any(v is not None and v.basis == "reference" for v in (d_vote, h_vote)) else "text"
    return Pair(
        d_code,
        h_code,
        weight,
        sentence,
        tuple(dict.fromkeys(rules)),
        tuple(evidence),
        host_token=h_vote.token if h_vote is not None and h_here else None,
        deporting_token=d_vote.token if d_vote is not None and d_here else None,
        basis=basis,
    )


def _sides(resolved: dict[str, Vote]) -> tuple[list[Vote], list[Vote], list[Vote]]:
    hosts = [v for v in resolved.values() if v.role == HOST and v.weight >= w.ROLE_MIN]
    deps = [v for v in resolved.values() if v.role == DEPORTING and v.weight >= w.ROLE_MIN]
    placed = {v.iso3 for v in hosts + deps}
    parties = [v for v in resolved.values() if v.iso3 not in placed and v.role in (PARTY, HOST, DEPORTING)]
    return hosts, deps, parties


def _together(a: Vote, b: Vote, span: Span | None) -> bool:
    """Two states in one clause group of the sentence (see ``syntax.same_clause_group``)."""
    if span is None:
        return True
    doc = span.doc
    return same_clause_group(doc[a.token], doc[b.token])


@rule("pairs", "both-sides", kind="sentence")
def both_sides(at: SentenceReading) -> list[Pair]:
    """ "Rwanda agreed to accept migrants deported from the United States": a deporting and a host state (and the
    one sender's partners in deals its unnamed government made: see deals-of-the-unnamed)."""
    resolved, sentence, span = at.resolved, at.sentence.index, at.sentence.span
    hosts, deps, parties = _sides(resolved)
    out: list[Pair] = []
    doc = span.doc if span is not None else None
    bound = {d.iso3: [h.iso3 for h in hosts if _in_its_scheme(d, h, doc)] for d in deps}
    for h in hosts:
        # "Unlike Britain's plan to fly asylum seekers to Rwanda, people taken to Albania ...": a sender whose own
        # scheme the sentence names with its host is that host's, not the others'
        free = [d for d in deps if not bound[d.iso3] or h.iso3 in bound[d.iso3]]
        partners = [d for d in free if d.iso3 != h.iso3 and _together(d, h, span)]
        owners = [d for d in partners if _owns(d, h)]
        partners = owners or partners  # "the Dutch plan raised the questions that sank Britain's Rwanda scheme"
        weight = w.PAIR_BOTH_SIDES
        if not partners and len({d.iso3 for d in free if d.iso3 != h.iso3}) == 1:
            # the one sender, next door (not one with a partner of its own in its clause: "Estonia is not the first
            # to host them: in 2022 Denmark signed a treaty with Kosovo to send ...")
            partners, weight = [d for d in free if d.iso3 != h.iso3], w.PAIR_BOTH_CLAUSES
            partners = [d for d in partners if not any(p.iso3 != h.iso3 and _together(d, p, span) for p in parties)]
        out.extend(_pair(d, h, weight, sentence, both_sides) for d in partners)
    senders = {d.iso3 for d in deps}
    if out and len(deps) == 1 and span is not None:  # "The United States has sent deportees to Eswatini and
        out.extend(  # reached arrangements with Rwanda and Uganda": the sender's own deals, in a clause of its own
            _pair(deps[0], p, w.PAIR_PARTY_SENDER, sentence, both_sides)
            for p in parties
            if p.iso3 not in senders and _its_deal_with(deps[0], p, span.doc)
        )
    if out and len(deps) == 1 and span is not None:  # "... were sent there by the United States; the Biden
        out.extend(  # administration terminated it, together with similar accords with Honduras and El Salvador"
            _pair(deps[0], p, w.PAIR_PARTY_SENDER, sentence, both_sides)
            for p in parties
            if p.iso3 not in senders
            and _counterpart_of_the_unnamed(p, span.doc)
            and not _told_by_others(p, span, senders)
        )
    return out


def _its_deal_with(sender: Vote, party: Vote, doc: Doc) -> bool:
    """The party is who the sender's verb of agreeing made a deal "with", the sender its subject (shared by
    coordinated verbs): "The United States has sent deportees to Eswatini and reached arrangements with Rwanda"."""
    word = conj_head(doc[party.token])
    if word.dep_ != "pobj" or spelled(word.head) != "with" or lemma(word.head.head) not in lx.ARRANGEMENT_NOUNS:
        return False
    verb = word.head.head.head
    if word.head.head.dep_ != "dobj" or verb.pos_ != "VERB" or lemma(verb) not in lx.AGREE_VERBS:
        return False
    while verb.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in verb.children):
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return subject is not None and subject.i == sender.token


def _in_its_scheme(deporting: Vote, host: Vote, doc: Doc | None) -> bool:
    """The host is named inside the scheme the deporting state owns, set against what the rest of the sentence says:
    "Unlike Britain's plan to fly asylum seekers to Rwanda, people taken to Albania ..." (not "Finland's plan to
    send them to Moldova mirrors the transfers to Armenia it began last year")."""
    if doc is None:
        return False
    owner = doc[deporting.token]
    if owner.dep_ != "poss" or lemma(owner.head) not in lx.SCHEME_NOUNS | lx.AGREEMENT_NOUNS:
        return False
    scheme = owner.head
    contrasted = scheme.dep_ == "pobj" and spelled(scheme.head) in lx.CONTRAST_WORDS  # "Unlike Britain's plan ..."
    listed = scheme.dep_ in _ITEMS or any(c.dep_ in _ITEMS for c in scheme.children)  # "Britain's Rwanda
    # partnership, Italy's protocol with Albania, and the Australian centres on Nauru": one scheme in a list of them
    return (contrasted or listed) and _within_its_scheme(doc[host.token], scheme)


_ITEMS = ("conj", "appos")  # the items of a list hang on its first as conjuncts or, after a colon, appositions


def _within_its_scheme(host: Token, scheme: Token) -> bool:
    """The host's word is in the scheme's own words, not in the list's other items hung on it."""
    if host.i == scheme.i:
        return False
    current = host
    while current.i != scheme.i:
        if current.dep_ in _ITEMS and current.head.i == scheme.i:
            return False  # another item of the list
        if current.head.i == current.i:
            return False
        current = current.head
    return True


def _owns(deporting: Vote, host: Vote) -> bool:
    """The deporting state's words hold the host's: "Britain's Rwanda scheme" holds "Rwanda scheme"."""
    return any(
        d.start <= h.start and h.end <= d.end and (d.start, d.end) != (h.start, h.end)
        for d in deporting.evidence
        for h in host.evidence
    )


@rule("pairs", "deals-of-the-unnamed", kind="sentence")
def deals_of_the_unnamed(at: SentenceReading) -> list[Pair]:
    """ "The administration has reached similar agreements, including with Rwanda, Uganda and Eswatini, and in June
    persuaded Kosovo to take up to 50 people": where the subject names no state, its partners and the states it
    gets to receive people are paired with the document's one sending state."""
    resolved, sentence, view, span = at.resolved, at.sentence.index, at.view, at.sentence.span
    hosts, deps, parties = _sides(resolved)
    if deps or not hosts or not parties or not all(_counterpart_of_the_unnamed(p, span.doc) for p in parties):
        return []  # (partners alone: party-and-document-sender)
    own = {v.iso3 for v in (*hosts, *parties)}
    if own & countries().deporting_prior:
        return []
    senders = [
        c
        for c, played in view.roles.items()
        if c not in own and played[DEPORTING] > played[HOST] and c not in view.nationalities
    ]
    if len(senders) != 1:
        return []
    sender = (senders[0], view.evidence.get((senders[0], DEPORTING)))
    return [_pair(sender, v, w.PAIR_PARTY_SENDER, sentence, deals_of_the_unnamed) for v in (*hosts, *parties)]


@rule("pairs", "side-and-party", kind="sentence")
def side_and_party(at: SentenceReading) -> list[Pair]:
    """ "Uganda reached a deal with the U.S. to accept deportees": one side, and the party named beside it."""
    resolved, sentence, facts, span = at.resolved, at.sentence.index, at.facts, at.sentence.span
    hosts, deps, parties = _sides(resolved)
    if not parties or not (hosts or deps) or not facts.talks_of_it:
        return []
    sides = _sides_alone(hosts, deps, span)
    if not sides:
        return []
    weight = w.PAIR_WITH_PARTY if len(parties) == 1 else w.PAIR_WITH_PARTIES
    out = []
    partners_of_the_sender: list[Vote] = []
    for side in sides:
        for party in parties:
            if party.iso3 == side.iso3 or not _together(side, party, span):
                continue
            if side.role == HOST and span is not None and _counterpart_of_the_unnamed(party, span.doc):
                continue  # the partners of the administration's deals, not of a host named beside them
            if span is not None and subjects_of_two_clauses(side, party, span.doc):
                continue  # "Rwanda agreed to take 250 migrants, Uganda reached a temporary deal, and ..."
            if asked_to_join(side, party):
                continue  # "Rwanda was willing to take in people, and Ghana should be approached as well"
            if side.role == HOST and side.rule == rule_id(asked_to_take) and party.rule.startswith(_COUNTERPART):
                partners_of_the_sender.append(party)  # "reached agreements with Rwanda, and persuaded Kosovo to take"
                continue
            if party.rule == rule_id(other_side_named):
                weight = min(weight, w.PAIR_WITH_OFFICIAL)
            out.append(
                _pair(party, side, weight, sentence, side_and_party)
                if side.role == HOST
                else _pair(side, party, weight, sentence, side_and_party)
            )
    senders = {p.deporting for p in out}
    if partners_of_the_sender and len(senders) == 1:
        code = next(iter(senders))
        sender = (code, resolved.get(code) or at.view.evidence.get((code, DEPORTING)))
        out.extend(_pair(sender, p, w.PAIR_PARTY_SENDER, sentence, side_and_party) for p in partners_of_the_sender)
    acting = [p for p in parties if p.rule != rule_id(other_side_named)]  # a party by its deed, not a name
    if (
        not out
        and not (hosts and deps)
        and len(sides) == 1
        and len(parties) == len(acting) == 1
        and sides[0].iso3 != parties[0].iso3
        and facts.carries_value
        and not asked_to_join(sides[0], parties[0])
    ):
        # "Processing on Manus was revived ..., when Rudd signed the arrangement with PNG": the one side and the one
        # party, in different clauses of a sentence that states something of them: weaker than side by side
        side, party = sides[0], parties[0]
        apart = w.PAIR_SIDE_AND_PARTY_APART
        out.append(
            _pair(party, side, apart, sentence, side_and_party)
            if side.role == HOST
            else _pair(side, party, apart, sentence, side_and_party)
        )
    return out


def _sides_alone(hosts: Sequence[Vote], deps: Sequence[Vote], span: Span | None) -> list[Vote]:
    """The sides with no other side in their clause group: all of them where the sentence names one kind, else
    those of a clause of their own ("Estonia is not the first to host them: in 2022 Denmark signed a treaty with
    Kosovo to send ...": Denmark, whose partner is in its clause)."""
    if not (hosts and deps):
        return list(hosts or deps)
    if span is None:
        return []
    return [s for s in [*hosts, *deps] if not any(_together(s, o, span) for o in (deps if s.role == HOST else hosts))]


@rule("pairs", "asked-to-join")
def asked_to_join(side: Vote, party: Vote) -> bool:
    """ "He argued that Rwanda had shown it was willing to take in people and that Ghana should be approached as
    well": a state asked to join an arrangement (roles.approached) beside a host is another would-be host, not the
    host's sender."""
    return side.role == HOST and party.rule.startswith("roles.approached/")


@rule("pairs", "subjects-of-two-clauses")
def subjects_of_two_clauses(side: Vote, party: Vote, doc: Doc) -> bool:
    """ "Rwanda agreed in August to take up to 250 migrants, Uganda reached a temporary deal, and deportees have been
    sent to Eswatini": a party that is the subject of its own verb of agreeing and a host in a clause of its own (the
    subject of its receiving verb, or the place of a sending verb with a subject of its own) are states side by
    side, not each other's partner — unless the host's clause tells what the party's deal provides ("the UK signed a
    deal under which Rwanda will accept migrants", "Britain agreed that migrants would be flown to Rwanda")."""
    if side.role != HOST or not party.rule.startswith("roles.subject-of-agree/"):
        return False
    party_verb = doc[party.token].head
    host_verb = doc[side.token].head
    if not side.rule.startswith("roles.subject-of-receive/"):
        governing = next((t for t in doc[side.token].ancestors if t.pos_ in ("VERB", "AUX")), None)
        if governing is None or doc[side.token] in party_verb.children:
            return False
        host_verb = governing
    if host_verb == party_verb:
        return False
    below = host_verb
    for above in [host_verb, *host_verb.ancestors]:
        if above == party_verb:
            if side.rule.startswith("roles.subject-of-receive/"):
                break
            # under the party's verb only as a clause of its own: "..., and deportees were sent to X"
            return (below.dep_ == "conj" and any(c.dep_ in _SUBJECTS for c in below.children)) or (
                below.dep_ == "advcl" and _a_clause_of_its_own(below)
            )
        if above.dep_ in ("relcl", "acl") and lemma(above.head) in lx.AGREEMENT_NOUNS | lx.ARRANGEMENT_NOUNS:
            return False  # the deal's own terms
        if above.dep_ in ("xcomp",) and above.head == party_verb:
            return False  # "X agreed with Y to ..." (one clause)
        below = above
    return True


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})


def _a_clause_of_its_own(verb: Token) -> bool:
    """A finite verb with no subordinating word ("des expulsés ont été transférés vers X", which the parser may
    attach as an adverbial clause), not "flying them to X" or "after they were sent to X"."""
    if any(c.dep_ == "mark" for c in verb.children):
        return False
    return any(c.dep_.startswith("aux") for c in verb.children) or "Fin" in verb.morph.get("VerbForm", [])


def _told_by_others(party: Vote, span: Span, senders: Set[str]) -> bool:
    """ "officials in Accra said the government had reached agreements with Nigeria": the deal is told by speakers
    of another state than the sender (whose government it may well be)."""
    for above in span.doc[party.token].ancestors:
        if lemma(above) in lx.SPEECH_VERBS:
            speakers = [t for c in above.children if c.dep_ == "nsubj" for t in c.subtree]
            return any(t.ent_id_ and t.ent_id_ not in senders for t in speakers)
    return False


def _counterpart_of_the_unnamed(party: Vote, doc: Doc) -> bool:
    """ "The administration has reached similar agreements including with Rwanda and Uganda": a partner "with" whom
    a subject that names no state made its deals (the subject's state is the document's, not one named beside)."""
    if not party.rule.startswith(_COUNTERPART):
        return False
    verb = next((t for t in doc[party.token].ancestors if t.pos_ in ("VERB", "AUX") and t.dep_ != "prep"), None)
    if verb is None:  # ("including with Rwanda": a preposition, not the verb of the deal)
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (
        bool(subjects)
        and all(lemma(s) in lx.ACTOR_NOUNS for s in subjects)  # a government acts, not "deportees will arrive"
        and not any(t.ent_id_ or t.pos_ == "PRON" for s in subjects for t in s.subtree)  # not "his government"
    )


def document_partner(
    view: DocumentView, iso3: str, role: str, sentence: int | None = None
) -> tuple[str, Vote | None] | None:
    """The state this one is paired with elsewhere in the document, or else the one state that plays the
    other role there — of several, the one named nearest this sentence (a tie: none)."""
    candidates: Counter[str] = Counter()
    for (d, h), votes in view.pair_votes.items():
        if role == HOST and h == iso3:
            candidates[d] += votes
        elif role == DEPORTING and d == iso3:
            candidates[h] += votes
    other = DEPORTING if role == HOST else HOST
    if not candidates:
        for country, played in view.roles.items():
            if country == iso3 or played[other] <= played[role]:
                continue
            if country not in view.nationalities or (other == DEPORTING and _the_sender(view, country, iso3)):
                candidates[country] += int(10 * played[other])
    if not candidates:
        return None
    if sentence is not None and len(candidates) > 1 and view.seen:

        def distance(country: str) -> float:  # a state named before counts nearer than one named as far after
            return min(
                (sentence - i if i <= sentence else i - sentence + 0.5 for i in view.seen.get(country, [])), default=1e9
            )

        nearest = min(distance(c) for c in candidates)
        candidates = Counter({c: n for c, n in candidates.items() if distance(c) == nearest})
    best = candidates.most_common(2)
    if len(best) > 1 and best[0][1] == best[1][1]:
        return None
    partner = best[0][0]
    return partner, view.evidence.get((partner, other))


def _the_sender(view: DocumentView, country: str, host: str) -> bool:
    """ "... released ten US citizens": the document's one sending state is a sender though its citizens are named
    somewhere, for a host that is not where the people come from."""
    senders = [c for c, played in view.roles.items() if played[DEPORTING] > played[HOST]]
    return senders == [country] and view.played(country, DEPORTING) >= w.STRONG_ROLE and host not in view.nationalities


_HEADING_MAX_WORDS = 6


def section_headings(sentences: Sequence[Sentence], named: Sequence[Sequence[CountryMention]]) -> list[dict[str, Vote]]:
    """For each sentence, the states named by the section heading above it (as votes of no role whose evidence is
    the heading's name): a short line in capitals, on its own, that names states ("THE UK", "ITALY AND ALBANIA"),
    or a roundup entry's label ("Eswatini.", "Honduras and Guatemala.", see ``mentions.topic-heading``; "• Sweden —
    Has secured cells in Estonia.", ``mentions.entry-label``), up to the next such heading."""
    out: list[dict[str, Vote]] = []
    current: dict[str, Vote] = {}
    begun = False  # a line in capitals before the story begins is a dateline or a kicker, not a section's heading
    labels = [mentions.entry_label(s, list(m)) if not s.headline else [] for s, m in zip(sentences, named, strict=True)]
    if sum(1 for label in labels if label) < 2:
        labels = [[] for _ in labels]  # one line that opens with a state and a dash is no roundup
    for sentence, mentions_, entry in zip(sentences, named, labels, strict=True):
        words = sentence.text.split()
        begun = begun or sentence.prose
        label = mentions.topic_heading(sentence, list(mentions_)) if begun and not sentence.headline else []
        label = label or (entry if begun else [])
        if label:
            current = {
                m.iso3: Vote(m.iso3, PARTY, 0.0, "", (Evidence(m.start, m.end, m.text, "party"),), m.token.i, m.basis)
                for m in label
            }
        elif (
            begun and not sentence.headline and mentions.is_heading(sentence) and sentence.text.upper() != sentence.text
        ):
            current = {}  # "Critics", "What happens next": a heading that is no label ends the entries
        elif (
            begun
            and not sentence.prose
            and not sentence.headline
            and 0 < len(words) <= _HEADING_MAX_WORDS
            and sentence.text.upper() == sentence.text
            and not any(ch.isdigit() for ch in sentence.text)
        ):
            found = {
                m.iso3: Vote(m.iso3, PARTY, 0.0, "", (Evidence(m.start, m.end, m.text, "party"),), m.token.i, m.basis)
                for m in mentions_
            } or _named_in_capitals(sentence)
            current = found if _only_names(sentence.text, found) else {}
        out.append(current)
    return out


def _only_names(heading: str, named: dict[str, Vote]) -> bool:
    """A heading of nothing but the states it names ("THE UK", "ITALY AND ALBANIA"), not "WHAT IT MEANS FOR US"."""
    rest = heading
    for vote in named.values():
        for evidence in vote.evidence:
            rest = rest.replace(evidence.text, " ")
    return bool(named) and all(w in ("THE", "AND", "&", "-", "–", ":") for w in rest.upper().split())


def _named_in_capitals(sentence: Sentence) -> dict[str, Vote]:
    """The states a heading in capitals names ("ITALY AND ALBANIA"), which the tagger, reading names as they are
    written in running text, does not mark."""
    found: dict[str, Vote] = {}
    names = capital_names(sentence.span.doc.lang_)
    for match in re.finditer(r"[A-Z][A-Z'.-]*(?: [A-Z][A-Z'.-]*)*", sentence.text):
        words = match.group().split()
        i = 0
        while i < len(words):  # the longest name from each word: "THE NETHERLANDS", "SOUTH SUDAN" (not "SUDAN")
            j = next((j for j in range(len(words), i, -1) if " ".join(words[i:j]) in names), i)
            if j > i and (code := names[" ".join(words[i:j])]) not in found:
                at = sentence.start + match.start() + len(" ".join(words[:i])) + (1 if i else 0)
                text = " ".join(words[i:j])
                found[code] = Vote(
                    code, PARTY, 0.0, "", (Evidence(at, at + len(text), text, "party"),), sentence.span[0].i
                )
            i = max(j, i + 1)
    return found


@rule("pairs", "section-partner", kind="sentence")
def section_partner(at: SentenceReading) -> list[Pair]:
    """ "THE UK / The Labour government ended the Rwanda partnership": in a roundup whose sections are headed by
    the state they are about, one side named in a section pairs with the one state its heading names, unless the
    story has that state play the side's own role (a section about another host)."""
    resolved, sentence, facts, view = at.resolved, at.sentence.index, at.facts, at.view
    hosts, deps, parties = _sides(resolved)
    if not view.sections or not (facts.about_deportation or facts.anaphor or facts.carries_value):
        return []
    if not hosts and not deps and len(parties) == 1:
        return _party_under_a_senders_heading(parties[0], view, sentence)
    if parties or len(hosts + deps) != 1:
        return []
    side = (hosts + deps)[0]
    if side.iso3 in view.sections[sentence]:
        return []  # "Costa Rica and Panama." over "... flown to San José": states labelled together are alike
    heading = list(view.sections[sentence].values())
    if len(heading) != 1 or heading[0].iso3 in view.nationalities:
        return []
    other = DEPORTING if side.role == HOST else HOST
    if view.played(heading[0].iso3, side.role) > view.played(heading[0].iso3, other):
        return []  # "GHANA" over a paragraph where Kosovo agrees to host: a section about another host, not a sender
    partner = (heading[0].iso3, heading[0])
    deporting, host = (partner, side) if side.role == HOST else (side, partner)
    return [_pair(deporting, host, w.PAIR_DOCUMENT_PARTNER, sentence, section_partner)]


def _party_under_a_senders_heading(party: Vote, view: DocumentView, sentence: int) -> list[Pair]:
    """ "Netherlands / Dutch media have reported exploratory contacts with Uganda": the one party of a sentence in a
    section headed by a state that sends people (known for it, or in the story) is that state's partner."""
    heading = list(view.sections[sentence].values())
    if len(heading) != 1 or party.iso3 == heading[0].iso3 or party.iso3 in view.sections[sentence]:
        return []
    sender = heading[0].iso3
    sends = sender in countries().deporting_prior or view.played(sender, DEPORTING) > view.played(sender, HOST)
    if not sends or view.played(party.iso3, DEPORTING) > 0 or party.iso3 in countries().deporting_prior:
        return []
    return [_pair((sender, heading[0]), party, w.PAIR_DOCUMENT_PARTNER, sentence, section_partner)]


_LISTED_SAFE = rule_id(listed_as_safe).split("/")[0] + "/"


def _decisive(vote: Vote) -> bool:
    """A role that makes its sentence about sending people whatever its other words: a strong one, or a state that a
    list of safe third countries names ("the list named Serbia, Montenegro and Albania")."""
    return vote.weight >= w.DECISIVE or vote.rule.startswith(_LISTED_SAFE)


@rule("pairs", "side-and-document-partner", kind="sentence")
def side_and_document_partner(at: SentenceReading) -> list[Pair]:
    """ "Rwanda will provide training to the deportees it receives": one side named; the other is the state the
    document pairs it with (its evidence comes from that other sentence) — or, where the sentence refers back
    ("under that deal"), the partner of the pair named just before."""
    resolved, sentence, facts, view, recent = at.resolved, at.sentence.index, at.facts, at.view, at.recent
    hosts, deps, parties = _sides(resolved)
    apart = _parties_of_their_own(hosts, parties, at.sentence.span)
    if len(apart) < len(parties) or not (hosts or deps) or (hosts and deps):
        return []
    decisive = any(_decisive(v) for v in hosts + deps)
    if not (facts.about_deportation or facts.anaphor or facts.carries_value or decisive):
        return []
    if deps and lx.HOME_DESTINATION.search(at.sentence.text):
        return []  # "the non-Guatemalans would be sent on from Guatemala to their home countries": no host to find
    out = []
    for side in hosts or deps:
        previous = next(
            (p for p in reversed(recent) if (p.host if side.role == HOST else p.deporting) == side.iso3), None
        )
        echoed = facts.anaphor and previous is not None and sentence - previous.sentence <= w.PAIR_ANAPHOR_REACH
        partner = None if echoed else document_partner(view, side.iso3, side.role, sentence)
        basis: Basis = "text"
        if partner is None and previous is not None:  # "Under that deal, Turkey undertook to take back ...": the
            code = previous.deporting if side.role == HOST else previous.host  # deal just named, not another
            partner = (code, view.evidence.get((code, DEPORTING if side.role == HOST else HOST)))
            basis = previous.basis  # a partner the record gave the deal just named stays the record's
        if partner is None or partner[0] == side.iso3:
            continue
        weight = w.PAIR_DOCUMENT_PARTNER
        found = (
            _pair(partner, side, weight, sentence, side_and_document_partner)
            if side.role == HOST
            else _pair(side, partner, weight, sentence, side_and_document_partner)
        )
        out.append(found if basis == "text" else replace(found, basis=basis))
    senders = {p.deporting for p in out}
    if apart and len(senders) == 1:  # "..., Uganda reached a temporary deal, and ...": the hosts' one sender's too
        code = next(iter(senders))
        sender = (code, view.evidence.get((code, DEPORTING)))
        out.extend(
            _pair(sender, p, w.PAIR_PARTY_SENDER, sentence, side_and_document_partner)
            for p in apart
            if p.iso3 != code and view.played(p.iso3, DEPORTING) == 0
        )
    return out


def _parties_of_their_own(hosts: Sequence[Vote], parties: Sequence[Vote], span: Span | None) -> list[Vote]:
    """The parties that are the subjects of clauses of their own beside every host of the sentence (see
    subjects-of-two-clauses): states listed side by side with the hosts, none the hosts' partner."""
    if span is None or not hosts:
        return []
    return [
        p
        for p in parties
        if p.role == PARTY
        and p.iso3 not in countries().deporting_prior
        and all(subjects_of_two_clauses(h, p, span.doc) for h in hosts)
    ]


def orient(view: DocumentView, a: str, b: str, *, lenient: bool, sender_known: bool = False) -> tuple[str, str] | None:
    """Deporting first, from the rest of the document: which of the two is paired as host elsewhere, or plays
    the host (the other the deporting state); ``lenient`` lets an unknown side count as the deporting state,
    ``sender_known`` as the host ("the US has struck similar deals with Honduras and Eswatini")."""
    if view.pair_votes[(a, b)] != view.pair_votes[(b, a)]:
        return (a, b) if view.pair_votes[(a, b)] > view.pair_votes[(b, a)] else (b, a)
    score_a = view.played(a, HOST) - view.played(a, DEPORTING)
    score_b = view.played(b, HOST) - view.played(b, DEPORTING)
    if score_a > 0 > score_b or (lenient and score_a > 0 == score_b):
        return (b, a)
    if score_b > 0 > score_a or (lenient and score_b > 0 == score_a):
        return (a, b)
    if sender_known and score_a < 0 == score_b:
        return (a, b)
    if sender_known and score_b < 0 == score_a:
        return (b, a)
    return None


def _against_the_prior(view: DocumentView, deporting: str, host: str) -> bool:
    """ "the migration agreements his government concluded with India", in a story where Germany is seen receiving
    people: a direction that makes a state known for sending (``deporting_states``) the host of one that never
    sends anyone in the story rests on too little — no pair."""
    prior = countries().deporting_prior
    return host in prior and deporting not in prior and view.played(deporting, DEPORTING) == 0


def _listed_together(a: Vote, b: Vote, span: Span) -> bool:
    """Coordinated partners of one "with" ("deals with Guatemala, Honduras and El Salvador"); "between A and B"
    names the two sides of one arrangement."""
    doc = span.doc
    first = conj_head(doc[a.token])
    return first == conj_head(doc[b.token]) and spelled(first.head) != "between"


@rule("pairs", "parties-oriented", kind="sentence")
def parties_oriented(at: SentenceReading) -> list[Pair]:
    """ "The Netherlands and Uganda signed a letter on returns": two parties; which one receives people comes
    from the rest of the document — and without that, no pair (a wrong direction is worse than none)."""
    resolved, sentence, facts, view, span = at.resolved, at.sentence.index, at.facts, at.view, at.sentence.span
    hosts, deps, parties = _sides(resolved)
    if hosts or deps or len(parties) < 2 or not facts.talks_of_it or not view.receives_anyone():
        return []
    out = []
    strong = [p for p in parties if p.role == PARTY]
    named = strong if len(strong) >= 2 else parties
    # "the US has suspended its agreements with Guatemala, Honduras and El Salvador", in a story about deporting
    migration_deal = facts.agreement_word and view.about_deportation and lx.OTHER_DEAL.search(span.text) is None
    for i, a in enumerate(named):
        for b in named[i + 1 :]:
            if a.rule == b.rule and a.rule.startswith((_COUNTERPART, _NAMED_AS)) and _listed_together(a, b, span):
                continue  # "deals with Guatemala, Honduras and El Salvador": partners of a third, not of each other
                # (also "names Rwanda and Ghana as possible partners")
            if _same_side_of_a_third(a, b, named):
                continue  # "Rwanda and Uganda deny any deal with Israel": both partners of Israel, not of each other
            if of_different_deals(a, b, span.doc):
                continue  # "As Washington's deals multiply, ... how Rwanda's deal with Britain fell apart"
            oriented = orient(
                view,
                a.iso3,
                b.iso3,
                lenient=len(strong) >= 2,
                sender_known=len(strong) >= 2 and (facts.about_deportation or facts.anaphor or migration_deal),
            )
            if oriented is None or _against_the_prior(view, *oriented):
                continue
            first, second = (a, b) if oriented == (a.iso3, b.iso3) else (b, a)
            pair = _pair(first, second, w.PAIR_PARTIES_ORIENTED, sentence, parties_oriented)
            extra = [
                e
                for key in ((first.iso3, DEPORTING), (second.iso3, HOST))
                if (v := view.evidence.get(key))
                for e in v.evidence
            ]
            out.append(Pair(**{**pair.__dict__, "evidence": tuple(dict.fromkeys((*pair.evidence, *extra)))}))
    return out


@rule("pairs", "parties-beside")
def parties_beside(at: SentenceReading, found: Sequence[Pair]) -> list[Pair]:
    """ "Kampala agreed to take some deportees from the United States, and Denmark shelved a comparable plan with
    Rwanda": two parties left beside the pair a sentence's first rule found, in another clause, are read as a
    sentence of their own (``parties_oriented``, else ``parties_by_reference``)."""
    taken = {code for p in found for code in (p.deporting, p.host)}
    if not found or len(taken) != 2:
        return []
    rest = {c: v for c, v in at.resolved.items() if c not in taken and v.role == PARTY}
    span = at.sentence.span
    if len(rest) != 2 or any(_together(v, at.resolved[c], span) for v in rest.values() for c in taken):
        return []
    alone = replace(at, resolved=rest)
    return parties_oriented(alone) or parties_by_reference(alone)


_CO_MENTIONED = "pairs.co-mentioned/"


def _name_start(token: Token) -> int:
    """The first word of the state's name a token ends ("the United States' deal": "United")."""
    start = token.i
    while start > 0 and token.doc[start - 1].ent_id_ == token.ent_id_ and not token.doc[start - 1].is_punct:
        start -= 1
    return start


@rule("pairs", "owner-and-partner")
def owner_and_partner(at: SentenceReading, found: Sequence[Pair]) -> list[Pair]:
    """ "Four models: Britain's Rwanda partnership, Italy's protocol with Albania, Denmark's talks with Rwanda",
    "Israel's arrangements with Rwanda and Uganda": a state's deal (or talks) "with" another binds those two, whatever
    else the sentence pairs. The state known for sending (``deporting_states``), or the one the story has send,
    is the deporting one; of two unknown, none is found here."""
    span = at.sentence.span
    known, view = countries().deporting_prior, at.view
    if lx.OTHER_DEAL.search(span.text) is not None and lx.MIGRATION_DEAL.search(span.text) is None:
        return []  # "Britain's trade deal with India"
    if not (at.facts.about_deportation or view.about_deportation):
        return []
    taken = {p.key for p in found}
    out: list[Pair] = []
    deal_words = lx.SCHEME_NOUNS | lx.AGREEMENT_NOUNS | lx.TALK_NOUNS
    for deal in span:
        if deal.pos_ != "NOUN" or lemma(deal) not in deal_words:
            continue
        owners = [c for c in deal.children if c.dep_ == "poss" and c.ent_id_ and countries().is_code(c.ent_id_)]
        partners = [
            t
            for c in deal.children
            if c.dep_ == "prep" and spelled(c) == "with"
            for o in c.children
            if o.dep_ == "pobj"
            for t in (o, *o.conjuncts)
            if t.ent_id_ and countries().is_code(t.ent_id_)
        ]
        if len(owners) != 1 or not partners:
            continue
        owner = owners[0]
        for partner in partners:
            a, b = owner.ent_id_, partner.ent_id_
            if a == b or a in view.nationalities or b in view.nationalities:
                continue
            sends = {c for c in (a, b) if c in known or view.played(c, DEPORTING) > view.played(c, HOST)}
            if len(sends) != 1:
                continue
            sender, host = (owner, partner) if a in sends else (partner, owner)
            doc = span.doc
            d_vote = Vote(
                sender.ent_id_,
                DEPORTING,
                w.PAIR_OWNER_PARTNER,
                rule_id(owner_and_partner),
                (token_evidence(doc, _name_start(sender), sender.i, "deporting"),),
                sender.i,
            )
            h_vote = Vote(
                host.ent_id_,
                HOST,
                w.PAIR_OWNER_PARTNER,
                rule_id(owner_and_partner),
                (token_evidence(doc, deal.i, host.i, "host"),),
                host.i,
            )
            pair = _pair(d_vote, h_vote, w.PAIR_OWNER_PARTNER, at.sentence.index, owner_and_partner)
            if pair.key not in taken:
                taken.add(pair.key)
                out.append(pair)
    return out


def _deal_of(vote: Vote, doc: Doc) -> int | None:
    """The deal noun a party is attached to: its owner ("Rwanda's deal") or its partner ("a deal with Britain")."""
    token = doc[vote.token]
    deals = lx.AGREEMENT_NOUNS | lx.INTENT_DOCUMENTS  # "a joint declaration with Rwanda" too
    if token.dep_ in ("poss", "compound") and lemma(token.head) in deals:
        return token.head.i
    head = conj_head(token)
    if head.dep_ == "pobj" and spelled(head.head) in ("with", "between") and lemma(head.head.head) in deals:
        return head.head.head.i
    if head.dep_ == "nsubj":  # "Italy has just signed a protocol with Albania": the subject's deal is its object
        verbs = [head.head, *(c for c in head.head.children if c.dep_ == "xcomp")]
        signed = [o for v in verbs for o in v.children if o.dep_ == "dobj" and lemma(o) in deals]
        if signed:
            return signed[0].i
    return None


@rule("pairs", "of-different-deals")
def of_different_deals(a: Vote, b: Vote, doc: Doc) -> bool:
    """Two parties each attached to a deal noun of its own ("Washington's deals", "Rwanda's deal with Britain"):
    parties of different deals, not of one another's."""
    first, second = _deal_of(a, doc), _deal_of(b, doc)
    return first is not None and second is not None and first != second


@rule("pairs", "parties-by-reference", kind="sentence")
def parties_by_reference(at: SentenceReading) -> list[Pair]:
    """ "The United States and Honduras signed an asylum cooperation agreement", in a story that never says which
    of the two receives people: where exactly one of two parties is a state known for sending people to third
    countries (``deporting_states`` in the gazetteer), it is the sending side — weaker, and on a ``reference``
    basis: the direction is the project's knowledge, not the source's words."""
    resolved, sentence, facts, view, span = at.resolved, at.sentence.index, at.facts, at.view, at.sentence.span
    hosts, deps, parties = _sides(resolved)
    strong = [p for p in parties if p.role == PARTY]
    counterparts = [p for p in strong if p.rule.startswith(_COUNTERPART)]
    # "Washington struck deals with A, B, C and D to take in deportees": one state's deals, if about moving people
    one_with_many = len(counterparts) == len(strong) - 1 and facts.about_deportation
    if hosts or deps or len(strong) < 2 or (len(strong) > w.REFERENCE_PARTIES_MAX and not one_with_many):
        return []
    other = lx.OTHER_DEAL.search(span.text) is not None and lx.MIGRATION_DEAL.search(span.text) is None
    if not (facts.about_deportation or (facts.agreement_word and view.about_deportation and not other)):
        return []  # "The US and Chile signed a trade pact": a deal, but not one that moves people
    prior = countries().deporting_prior
    senders = [p for p in strong if p.iso3 in prior]
    union_deal = lx.MIGRATION_DEAL.search(span.text) is not None and lx.OTHER_DEAL.search(span.text) is None
    if len(senders) != 1 or (any(p.iso3 == "EUU" for p in strong) and not union_deal):
        return []  # none or several known senders ("Britain and Denmark discussed ..."): no direction to lend
    sender = senders[0]
    out = []
    for partner in strong:
        if partner is sender or orient(view, sender.iso3, partner.iso3, lenient=False) is not None:
            continue  # the document orients the two elsewhere: parties-oriented decides
        if partner.iso3 in view.homeward or partner.iso3 in view.nationalities:
            continue  # "to send home Kenyans who have no right to stay": a deal about the partner's own nationals
        if any(t.ent_type_ == "NORP" and t.ent_id_ == partner.iso3 for t in span):
            continue  # "a migration agreement with Kenya ... Kenyan workers ... the return of Kenyans": its own people
        if of_different_deals(sender, partner, span.doc):
            continue  # "Denmark signed a protocol with Moldova, while Georgia concluded a declaration with Finland"
        pair = _pair(sender, partner, w.PAIR_REFERENCE, sentence, parties_by_reference)
        out.append(replace(pair, basis="reference"))
    return out


_COUNTERPART = "roles.deal-with/"
_NAMED_AS = "roles.named-as/"


def _same_side_of_a_third(a: Vote, b: Vote, parties: Sequence[Vote]) -> bool:
    """Two parties named as subjects where a third is the one the deal is "with": they are on one side of it."""
    if not lx.SUBJECTS_SHARE_A_SIDE or a.rule.startswith(_COUNTERPART) or b.rule.startswith(_COUNTERPART):
        return False
    subjects = {"roles.subject-of-agree/", "roles.headline-parties/"}
    if not all(any(v.rule.startswith(s) for s in subjects) for v in (a, b)):
        return False
    return any(p.rule.startswith(_COUNTERPART) and p.iso3 not in (a.iso3, b.iso3) for p in parties)


_STATE_NOUNS = frozenset({"government", "country", "state", "nation", "capital"})


def others_speak(span: Span) -> bool:
    """The sentence's subject is other states, unnamed: "both governments", "the two countries", "neighbouring
    states"."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and lemma(t) in _STATE_NOUNS and (t.tag_ == "NNS" or spelled(t) == "both")
        for t in span
    )


@rule("pairs", "host-and-named-sender", kind="sentence")
def host_and_named_sender(at: SentenceReading) -> list[Pair]:
    """ "Papua New Guinea processed the claims of the men Australia intercepted": one host, and beside it one other
    state the sentence names without a role, known for sending people to third countries (``deporting_states``),
    in a story where no state is seen sending: that state sends to the host — weaker, on a ``reference`` basis."""
    resolved, sentence, facts, view = at.resolved, at.sentence.index, at.facts, at.view
    hosts, deps, parties = _sides(resolved)
    if deps or parties or not hosts or not (facts.about_deportation or facts.talks_of_it):
        return []
    if any(played[DEPORTING] > 0 for played in view.roles.values()):
        return []  # the story names a sender somewhere: side-and-document-partner decides
    others = [v for v in at.named if v.iso3 not in resolved]
    prior = countries().deporting_prior
    if len(others) != 1 or others[0].iso3 not in prior or others[0].iso3 in view.nationalities:
        return []
    return [  # "Germany is studying whether claims could be processed in Rwanda or Ghana": each host
        replace(_pair(others[0], host, w.PAIR_REFERENCE, sentence, host_and_named_sender), basis="reference")
        for host in hosts
    ]


@rule("pairs", "host-and-story-sender", kind="sentence")
def host_and_story_sender(at: SentenceReading) -> list[Pair]:
    """ "the Prime Minister and the French president agreed on a pilot under which people who arrive by small boat
    can be returned to France", in a story about Britain where no state is seen sending: one host, and the one state
    the document names that is known for sending people to third countries (``deporting_states``), named with the
    host elsewhere or as the release's issuer ("From: Home Office") — weaker, on a ``reference`` basis."""
    resolved, sentence, facts, view = at.resolved, at.sentence.index, at.facts, at.view
    hosts, deps, parties = _sides(resolved)
    if deps or parties or len(hosts) != 1 or not facts.firm_status:
        return []
    if not (facts.about_deportation or hosts[0].weight >= w.DECISIVE):
        return []
    if any(played[DEPORTING] > 0 for played in view.roles.values()):
        return []  # the story names a sender somewhere: side-and-document-partner decides
    prior = countries().deporting_prior
    named = [c for c in view.seen if c in prior and c != hosts[0].iso3 and c not in view.nationalities]
    if len(named) != 1 or not (named[0] in view.issuers or any(named[0] in both for both in view.together)):
        return []  # (a known sender named only in passing, "Britain's foreign secretary visited Kampala", is none;
        # the one that issues the release, "From: Home Office", speaks for the story)
    sender = (named[0], None)
    return [replace(_pair(sender, hosts[0], w.PAIR_REFERENCE, sentence, host_and_story_sender), basis="reference")]


_SCHEME_NAMED = "roles.scheme-named-after-host/"


@rule("pairs", "scheme-and-paragraph-sender", kind="sentence")
def scheme_and_paragraph_sender(at: SentenceReading) -> list[Pair]:
    """ "The Albania protocol was supposed to be the smarter version. ... judges in Rome ordered the first dozen men
    brought back to Italy": a scheme called by its host's name, in a sentence that names no other side, belongs to
    the one state known for sending people to third countries (``deporting_states``) that its paragraph names — an
    editorial's paragraph on "the Nauru model" that counts what it "costs Australian taxpayers". Weaker, on a
    ``reference`` basis: the paragraph, not the sentence, gives the sender."""
    hosts, deps, parties = _sides(at.resolved)
    if deps or parties or len(hosts) != 1 or not hosts[0].rule.startswith(_SCHEME_NAMED):
        return []
    host, known = hosts[0], countries()
    if host.iso3 in known.deporting_prior:
        return []  # "people transferred under the US arrangement": a sender's name is its own scheme's
    doc = at.sentence.span.doc
    text = doc_text(doc)
    start = text.rfind("\n", 0, at.sentence.start) + 1  # its paragraph: the line it stands on
    end = text.find("\n", at.sentence.end)
    paragraph = doc.char_span(start, end if end >= 0 else len(text), alignment_mode="expand")
    if paragraph is None:
        return []
    senders = {
        t.ent_id_
        for t in paragraph
        if t.ent_id_ in known.deporting_prior and t.ent_id_ != host.iso3 and t.ent_id_ not in at.view.nationalities
    }
    if len(senders) != 1:
        return []
    sender = (senders.pop(), None)
    return [
        replace(
            _pair(sender, host, w.PAIR_SCHEME_PARAGRAPH, at.sentence.index, scheme_and_paragraph_sender),
            basis="reference",
        )
    ]


@rule("pairs", "host-and-usual-sender", kind="sentence")
def host_and_usual_sender(at: SentenceReading) -> list[Pair]:
    """ "Remember what the Rwanda plan cost", "Within weeks the first men were flown to Manus": a host, in a text that
    names no state that sends people (an editorial that writes "the government" and "the Prime Minister" for its
    own), pairs with the one sender of that host's best-known scheme (``usual_senders`` in the gazetteer: Britain
    for Rwanda, Italy for Albania, Australia for Nauru and Manus). Weak, on a ``reference`` basis: the sender comes
    from the public record, not from the text."""
    hosts, deps, parties = _sides(at.resolved)
    if deps or parties or len(hosts) != 1:
        return []
    host, known, view = hosts[0], countries(), at.view
    sender = known.usual_senders.get(host.iso3)
    if sender is None or not (host.rule.startswith(_SCHEME_NAMED) or _by_its_place(host, known)):
        return []  # "refugees evacuated to Rwanda" is no scheme of Britain's
    if any(played[DEPORTING] > 0 for c, played in view.roles.items() if c != host.iso3):
        return []  # the text sends people from somewhere ("evacuated from Libya to Rwanda"): not the usual scheme
    if any(c in known.deporting_prior and c not in view.nationalities and not _takes_in(view, c) for c in view.seen):
        return []  # the text names a state known for sending: the usual sender would be no more than a guess
    return [
        replace(
            _pair((sender, None), host, w.PAIR_USUAL_SENDER, at.sentence.index, host_and_usual_sender),
            basis="reference",
        )
    ]


_TAKES_IN = ("roles.its-decision-to-receive/", "roles.subject-of-receive/")


def _takes_in(view: DocumentView, country: str) -> bool:
    """ "New Zealand's offer to take 150 a year": a state the text names only as taking people in itself."""
    vote = view.evidence.get((country, HOST))
    return vote is not None and vote.rule.startswith(_TAKES_IN) and view.played(country, DEPORTING) == 0


def _by_its_place(host: Vote, known: Countries) -> bool:
    """ "flown to Manus", "the centre on Manus Island": the host named by the place where its best-known scheme held
    people (``usual_places`` in the gazetteer; not its capital), as a scheme known by that place is."""
    places = [place for place, iso3 in known.usual_places.items() if iso3 == host.iso3]
    return any(place in e.text for e in host.evidence for place in places)


def _compared(span: Span) -> set[int]:
    """The tokens of what a deal noun is compared with: "arrangements similar to the Rwanda partnership", "a
    scheme like Italy's with Albania"."""
    out: set[int] = set()
    for noun in span:
        if lemma(noun) not in lx.AGREEMENT_NOUNS | lx.ARRANGEMENT_NOUNS:
            continue
        likes = [c for c in noun.children if c.dep_ == "amod" and spelled(c) in lx.LIKE_WORDS]
        preps = [p for c in likes for p in c.children if p.dep_ == "prep" and spelled(p) == "to"]
        preps += [p for p in noun.children if p.dep_ == "prep" and spelled(p) == "like"]
        out |= {t.i for p in preps for t in p.subtree}
    return out


@rule("pairs", "like-the-named-deal", kind="sentence")
def like_the_named_deal(at: SentenceReading) -> list[Pair]:
    """ "Officials have sounded out Armenia, Botswana and Costa Rica about arrangements similar to the Rwanda
    partnership": the states a sentence names as parties to a deal like one it names by its host take that host's
    place beside the sender of the deal named (the last pair the story gave that host)."""
    compared = _compared(at.sentence.span)
    if not compared:
        return []
    named_hosts = {v.iso3 for v in at.resolved.values() if v.token in compared and v.role == HOST}
    rest = {c: v for c, v in at.resolved.items() if v.token not in compared}
    if len(named_hosts) != 1 or not rest or any(v.role != PARTY for v in rest.values()):
        return []
    [host] = named_hosts
    earlier = next((p for p in reversed(at.recent) if p.host == host), None)
    if earlier is None or earlier.deporting in rest:
        return []
    sender = (earlier.deporting, at.view.evidence.get((earlier.deporting, DEPORTING)))
    return [
        _pair(sender, party, w.PAIR_PARTY_SENDER, at.sentence.index, like_the_named_deal) for party in rest.values()
    ]


@rule("pairs", "similar-deal", kind="sentence")
def similar_deal(at: SentenceReading) -> list[Pair]:
    """ "Paraguay signed a safe third country agreement with the US. Guatemala and Honduras signed similar
    agreements": parties to a deal "similar" to (or "the same" as) the one named just before take its other side,
    each in the place of the state that played their part there."""
    resolved, sentence, recent = at.resolved, at.sentence.index, at.recent
    hosts, deps, parties = _sides(resolved)
    like = [
        t
        for t in at.sentence.span
        if lemma(t) in lx.AGREEMENT_NOUNS | lx.ARRANGEMENT_NOUNS | lx.OFFER_NOUNS | lx.FACILITY_NOUNS and likened(t)
    ]
    if not like:
        return []
    if hosts and not deps and not parties:
        return _similar_host(at, hosts, like)
    if hosts or deps or not parties or any(p.role != PARTY for p in parties):
        return []
    partners = [p for p in parties if p.rule.startswith(_COUNTERPART)]
    if partners and len(partners) < len(parties):
        return []  # "Britain and Germany have signed similar agreements with Kosovo": their own partner, named
    previous = next((p for p in reversed(recent) if sentence - p.sentence <= w.PAIR_ANAPHOR_REACH), None)
    if previous is None:
        return []
    prior = countries().deporting_prior
    if all(p.iso3 in prior for p in parties) and previous.host not in prior:
        return []  # "Denmark and Austria held talks about a similar scheme": senders with schemes of their own
    own = {p.iso3 for p in parties}
    if previous.deporting in own:
        return []  # the sender of the deal before is among them: its partner is unknown
    sender = (previous.deporting, at.view.evidence.get((previous.deporting, DEPORTING)))
    return [_pair(sender, party, w.PAIR_PARTY_SENDER, sentence, similar_deal) for party in parties]


def _similar_host(at: SentenceReading, hosts: Sequence[Vote], like: Sequence[Token]) -> list[Pair]:
    """ "Papua New Guinea holds people for Australia on Manus. Nauru hosts a similar centre": a state that receives
    people under an arrangement, centre or offer "similar" to the one just named takes that one's sender — when the
    sentence names no sender (and the one before is not a host's own)."""
    previous = next((p for p in reversed(at.recent) if at.sentence.index - p.sentence <= w.PAIR_ANAPHOR_REACH), None)
    if previous is None or any(h.iso3 in (previous.deporting, previous.host) for h in hosts):
        return []
    if not any(t.i in {c.i for h in hosts for c in at.sentence.span.doc[h.token].head.subtree} for t in like):
        return []  # the similar thing is the host's own, not another clause's
    sender = (previous.deporting, at.view.evidence.get((previous.deporting, DEPORTING)))
    return [_pair(sender, host, w.PAIR_PARTY_SENDER, at.sentence.index, similar_deal) for host in hosts]


@rule("pairs", "party-and-document-sender", kind="sentence")
def party_and_document_sender(at: SentenceReading) -> list[Pair]:
    """ "Uganda's foreign ministry said the country had agreed to a temporary arrangement", in a story whose one
    sending state is the United States: a lone party that never sends anyone in the document receives from the
    state that does (weaker than a party the sentence itself orients); so do the partners of one "with" ("the
    agreements with Honduras and El Salvador never took effect")."""
    resolved, sentence, facts, view, span, named = (
        at.resolved,
        at.sentence.index,
        at.facts,
        at.view,
        at.sentence.span,
        at.named,
    )
    hosts, deps, parties = _sides(resolved)
    if hosts or deps or not parties or not (facts.carries_value or facts.about_deportation):
        return []
    if len(parties) > 1 and not all(
        p.rule.startswith(_COUNTERPART) and _listed_together(parties[0], p, span) for p in parties
    ):
        return []  # several parties, unless the partners of one "with": "the agreements with Honduras and El Salvador"
    if not view.receives_anyone():
        return []  # a story where no state receives anyone (a labour pact, returns home) has no host to find
    if any(p.role != PARTY or view.played(p.iso3, DEPORTING) > 0 or p.iso3 in view.homeward for p in parties):
        return []  # "returned the Moroccan adults to Morocco": a deal with Morocco here is about its own nationals
    if parties[0].rule.startswith(_COUNTERPART) and others_speak(span):
        return []  # "both governments denied any deal with Israel": the counterpart of other states
    own = {p.iso3 for p in parties}
    if any(v.iso3 not in own and v.role != NATIONALITY for v in named):
        return []  # "Denmark, which signed a declaration with Rwanda": another state named, the partner may be it
    if lx.POSSESSIVE_COUNTRY.search(span.text):
        return []  # "the agreements his government has concluded with India": the partner is his state's, unnamed
    if own & countries().deporting_prior:
        return []  # "Denmark revives talks": a state known for sending is nobody's host by the story's default
    senders = [
        c
        for c, played in view.roles.items()
        if c not in own and played[DEPORTING] > played[HOST] and c not in view.nationalities
    ]
    if len(senders) != 1:
        return []
    sender = senders[0]
    if any(_other_demonym(t, own | {sender}) and t.ent_id_ not in resolved for t in span):
        return []  # "the minister told Danish radio that talks with Kigali had resumed": Denmark's talks, not the US's
    return [
        _pair(
            (sender, view.evidence.get((sender, DEPORTING))),
            party,
            w.PAIR_PARTY_SENDER,
            sentence,
            party_and_document_sender,
        )
        for party in parties
    ]


def _other_demonym(token: Token, known: Set[str]) -> bool:
    """A demonym of another state than ``known`` ("Danish radio"), with no role in the sentence (not the people's
    nationality): the speakers may be that state's."""
    return token.ent_type_ == "NORP" and bool(token.ent_id_) and token.ent_id_ not in known


def leaning(view: DocumentView, a: str, b: str) -> tuple[str, str] | None:
    """Deporting first, from every vote the document casts for the two, however weak: the one that leans to
    receiving more than the other, by a clear margin (else none)."""

    def hostness(c: str) -> float:
        return view.leaning[c][HOST] - view.leaning[c][DEPORTING]

    gap = hostness(b) - hostness(a)
    if abs(gap) < w.LEANING_MARGIN:
        return None
    return (a, b) if gap > 0 else (b, a)


def named_together(named: Sequence[Sequence[Vote]], facts: Sequence[Facts]) -> Counter[frozenset[str]]:
    """How many sentences about deportation or an arrangement name each two states together."""
    counts: Counter[frozenset[str]] = Counter()
    for states, fact in zip(named, facts, strict=True):
        if not (fact.about_deportation or fact.agreement_word):
            continue
        codes = sorted({v.iso3 for v in states})
        for i, a in enumerate(codes):
            for b in codes[i + 1 :]:
                counts[frozenset((a, b))] += 1
    return counts


@rule("pairs", "entry-state", kind="sentence")
def entry_state(at: SentenceReading) -> list[Pair]:
    """ "Bosnia. / Officials in Sarajevo say talks are continuing", "Armenia. / Six men landed in June": in a
    roundup's entry labelled by the states it is about, a sentence with a status or a figure in which no state
    plays a side is about the deal of each labelled state with the document's one sending state."""
    resolved, sentence, facts, view, named = at.resolved, at.sentence.index, at.facts, at.view, at.named
    if not view.sections or not view.sections[sentence] or not facts.carries_value:
        return []
    entry = view.sections[sentence]
    if any(v.role in (HOST, DEPORTING) and v.weight >= w.ROLE_MIN for v in resolved.values()):
        return []  # a side of its own: the other rules pair it
    if any(v.iso3 not in entry and v.role != NATIONALITY for v in [*named, *resolved.values()]):
        return []  # another state named: the deal may be its
    if any(
        code in countries().deporting_prior or code in view.nationalities or view.played(code, DEPORTING) > 0
        for code in entry
    ):
        return []  # an entry about a state that sends, or people's home: not a host's entry
    senders = [
        c for c, played in view.roles.items() if played[DEPORTING] > played[HOST] and c not in view.nationalities
    ]
    if len(senders) != 1 or senders[0] in entry:
        return []
    sender = (senders[0], view.evidence.get((senders[0], DEPORTING)))
    return [_pair(sender, label, w.PAIR_ENTRY, sentence, entry_state) for label in entry.values()]


@rule("pairs", "reference-back", kind="sentence")
def reference_back(at: SentenceReading) -> list[Pair]:
    """ "They scrapped that programme", "Under the deal, ...": with a status, cap or payment, the pair named
    within the last few sentences that shares a state with this one (or any, if it names none)."""
    resolved, sentence, facts, recent = at.resolved, at.sentence, at.facts, at.recent
    if not (facts.anaphor and facts.carries_value):
        return []
    present = {c for c, v in resolved.items() if v.role != NATIONALITY}
    within = [p for p in recent if sentence.index - p.sentence <= w.PAIR_ANAPHOR_REACH]
    if any(v.iso3 not in {c for p in within for c in (p.deporting, p.host)} for v in at.named if v.role != NATIONALITY):
        return []  # "officials in Accra declined to comment on the talks": Ghana's talks, not the deal named before
    for pair in reversed(recent):
        if sentence.index - pair.sentence > w.PAIR_ANAPHOR_REACH:
            break
        if not present or {pair.deporting, pair.host} & present:
            return [
                Pair(
                    pair.deporting,
                    pair.host,
                    min(w.PAIR_ANAPHOR, pair.weight),  # an echo is never surer than what it echoes
                    sentence.index,
                    (rule_id(reference_back), *pair.rules),
                    pair.evidence,
                    basis=pair.basis,
                )
            ]
    return []


@rule("pairs", "only-agreement", kind="sentence")
def only_agreement(at: SentenceReading) -> list[Pair]:
    """ "The first flight landed on Friday.", "The number of people it will accept was set at 75.": a sentence that
    names no state, with a firm status or a figure, in a document that has spoken of exactly one agreement so
    far."""
    resolved, sentence, facts, recent = at.resolved, at.sentence, at.facts, at.recent
    if resolved or not (facts.firm_status or facts.figure) or not (facts.about_deportation or facts.agreement_word):
        return []
    if _GENERIC_SUBJECT.search(sentence.text):
        return []  # "at least a dozen nations have agreed to accept deportees": no one agreement
    formed = {p.key: p for p in recent}
    if len(formed) != 1:
        return []
    only = next(iter(formed.values()))
    return [
        Pair(
            only.deporting,
            only.host,
            min(w.PAIR_ONLY_AGREEMENT, only.weight),
            sentence.index,
            (rule_id(only_agreement), *only.rules),
            only.evidence,
            basis=only.basis,
        )
    ]


@rule("pairs", "co-mentioned", kind="sentence")
def co_mentioned(at: SentenceReading) -> list[Pair]:
    """ "The court in Rome ruled on the men held under the protocol with Albania": two states a sentence with a
    status names together, neither as the people's nationality nor as a place they were sent home to, that no
    other rule pairs — oriented by everything the document says of the two. Graded, not silent: the claim's
    confidence stays under the default an answer shows (``DAKG_MIN_CONFIDENCE``), so a researcher sees it on
    asking for weaker claims (``min_confidence=0``)."""
    named, sentence, facts, view = at.named, at.sentence.index, at.facts, at.view
    if not (facts.about_deportation or facts.agreement_word) or not facts.carries_value:
        return []
    states = [v for v in named if v.iso3 not in view.homeward]
    out = []
    for i, a in enumerate(states):
        for b in states[i + 1 :]:
            if a.iso3 == b.iso3:
                continue
            oriented = leaning(view, a.iso3, b.iso3)
            if oriented is None or oriented[1] == "EUU":
                continue  # the Union sends; it is nobody's destination
            first, second = (a, b) if oriented == (a.iso3, b.iso3) else (b, a)
            recurring = view.together[frozenset((a.iso3, b.iso3))] >= w.RECURRING
            weight = w.PAIR_RECURRING if recurring else w.PAIR_CO_MENTIONED
            pair = _pair(first, second, weight, sentence, co_mentioned)
            leans = [view.leaning_evidence.get(key) for key in ((first.iso3, DEPORTING), (second.iso3, HOST))]
            extra = [e for v in leans if v is not None for e in v.evidence]
            basis: Basis = "reference" if any(v is not None and v.basis == "reference" for v in leans) else pair.basis
            out.append(replace(pair, evidence=tuple(dict.fromkeys((*pair.evidence, *extra))), basis=basis))
    return out


@rule("pairs", "not-a-return-home")
def return_home(pair: Pair, resolved: dict[str, Vote], view: DocumentView) -> bool:
    """ "returned to Venezuela", "repatriated to Jamaica": sent to the state the people come from is a return
    home, not a third-country agreement."""
    host = resolved.get(pair.host)
    if host is None or pair.host not in view.nationalities:
        return False
    return any(r.startswith("roles.sent-to") for r in (host.rule,)) and any(
        re.search(r"\b(?:return|repatriat|sent back|send back|back to)", e.text, re.I) for e in host.evidence
    )


_THIRD_COUNTRY_PEOPLE = re.compile(r"\bother (?:countries|nations|nationalities)\b|\bthird[- ]country\b|\bnon-", re.I)


@rule("pairs", "own-citizens-home")
def own_citizens_home(sentence: Sentence) -> bool:
    """ "The United States resumed flights to Cuba, which has agreed to accept the return of its own citizens", "Cuba
    agreed to take back its own citizens": a state receiving its own citizens is a return home, not a third-country
    agreement (unless the sentence speaks of other countries' nationals too)."""
    if _THIRD_COUNTRY_PEOPLE.search(sentence.text):
        return False
    return any(its_own_citizens(t) for t in sentence.span if t.pos_ == "VERB")


@rule("pairs", "home-of-the-story")
def home_of_the_story(pair: Pair, sentence: Sentence, resolved: dict[str, Vote], view: DocumentView) -> bool:
    """ "Germany deported 81 Afghan men to Afghanistan ... The Gulf emirate also helped arrange Germany's first
    deportation flight to Afghanistan": where the document says a state sends people home to another, a transfer
    between the two with no deal named is a return of nationals too — unless the sentence names people of other
    states, or third-country people."""
    if (pair.deporting, pair.host) not in view.sent_home or _THIRD_COUNTRY_PEOPLE.search(sentence.text):
        return False  # the same sender's returns there only ("Mexico deports Guatemalans" is not the US's)
    host = resolved.get(pair.host)
    if host is None or not host.rule.startswith("roles.sent-to/"):
        return False  # only a transfer there ("a deportation flight to Afghanistan"), not a deal with the state
    if any(lemma(t) in lx.AGREEMENT_NOUNS | lx.ARRANGEMENT_NOUNS for t in sentence.span):
        return False
    return not any(v.role == NATIONALITY and v.iso3 != pair.host for v in resolved.values())


@rule("pairs", "not-within-the-union")
def within_the_union(pair: Pair) -> bool:
    """ "The first Syrians resettled under the EU's deal landed in Germany": the European Union and one of its
    member states are never each other's third country."""
    return "EUU" in (pair.deporting, pair.host) and bool({pair.deporting, pair.host} & lx.EU_MEMBERS)


@rule("pairs", "member-under-a-bloc-deal")
def bloc_deal(found: Sequence[Pair], resolved: dict[str, Vote]) -> list[Pair]:
    """ "Migrants returned from the Greek islands to Turkey under the agreement between the European Union and
    Ankara": a member state sends under the Union's deal with the host, so the Union's pair is named too (the
    Union a party to a deal the sentence names, never its host)."""
    union = resolved.get("EUU")
    if union is None or union.role != PARTY or not union.rule.startswith("roles.deal-with/"):
        return []
    return [
        Pair(
            "EUU",
            pair.host,
            min(union.weight, pair.weight),
            pair.sentence,
            (rule_id(bloc_deal), *pair.rules),
            (*pair.evidence, *union.evidence),
            host_token=pair.host_token,
            basis=pair.basis,
        )
        for pair in found
        if pair.deporting in lx.EU_MEMBERS and pair.host not in lx.EU_MEMBERS and pair.host != "EUU"
    ]


@rule("pairs", "not-onward-movement")
def onward(pair: Pair, sentence: Sentence, resolved: dict[str, Vote], view: DocumentView) -> bool:
    """ "Panama sent some of them on to Costa Rica", "refugees moved from Nauru to Cambodia": a state that
    received people and sends them on is a transit state, not a deporting party."""
    sender = resolved.get(pair.deporting)
    host = resolved.get(pair.host)
    marker = _ONWARD.search(sentence.text)
    if sender is None and host is not None and marker is not None:
        # "Many later travelled on to Europe; some were resettled in Canada", "14 West Africans, who were then
        # bussed to Togo": the people moved on from the host of the story's deal, and its sender sent them nowhere
        at = sentence.start + marker.start()
        if pair.host_token is not None:
            return sentence.span.doc[pair.host_token].idx >= at
        return host.evidence[0].start >= at
    if sender is None or sender.role != DEPORTING:
        return False
    if marker is not None and host is not None:
        at = sentence.start + marker.start()
        named_after = pair.host_token is not None and sentence.span.doc[pair.host_token].idx >= at
        if named_after or host.evidence[0].start >= at:
            return True  # "... to Honduras, from where they will be sent on to Venezuela": what follows the marker
    if sender.rule.startswith(_SENDS_ITSELF):
        return False  # "while Britain was pursuing a policy of sending asylum seekers to Rwanda": it sends, itself
    return view.played(pair.deporting, HOST) > view.played(pair.deporting, DEPORTING) and any(
        (d, pair.deporting) in view.pair_votes for d in view.roles if d != pair.deporting
    )


_SENDS_ITSELF = "roles.subject-of-deport/"


def sentence_pairs(
    sentence: Sentence,
    resolved: dict[str, Vote],
    facts: Facts,
    view: DocumentView,
    recent: Sequence[Pair],
    named: Sequence[Vote] = (),
) -> list[Pair]:
    """The pairs one sentence speaks of (the first pair rule that finds any decides), after the filters."""
    if not sentence.makes_claims:
        return []
    at = SentenceReading(sentence, resolved, facts, view, recent, named)
    found: list[Pair] = []
    for pair_rule in applied("pairs", "sentence"):
        found = pair_rule(at)
        if found:
            break
    found = [*found, *parties_beside(at, found)]
    bound = owner_and_partner(at, [p for p in found if not p.rules[0].startswith(_CO_MENTIONED)])
    if bound:  # a state's deal "with" another outweighs two states merely named together
        found = [p for p in found if not p.rules[0].startswith(_CO_MENTIONED)] + bound
    decisive = (
        any(_decisive(v) for v in resolved.values() if v.role in (HOST, DEPORTING))
        or any(v.rule.startswith(CENTRE_RULES) for v in resolved.values())  # "Italy's centres in Albania"
        or _moved_between(resolved)  # "4,000 Eritreans left Israel for Rwanda": people moved, whatever the words
        or (view.about_deportation and _moved_between(resolved, from_a_sender=True, span=sentence.span))
    )
    mutual = both_ways(sentence, found, recent)
    if not (facts.talks_of_it or decisive or mutual) or humanitarian(sentence):
        return []
    found = [*found, *mutual]
    kept: dict[str, Pair] = {}
    if own_citizens_home(sentence):
        return []
    for pair in [*found, *bloc_deal(found, resolved)]:
        if pair.deporting == pair.host or return_home(pair, resolved, view) or onward(pair, sentence, resolved, view):
            continue
        if home_of_the_story(pair, sentence, resolved, view):
            continue
        if within_the_union(pair):
            continue
        if (
            pair.host in view.homeward
            and pair.rules[0].startswith(_FROM_ELSEWHERE)
            and not _a_centre_there(resolved.get(pair.host), sentence.span)
        ):
            continue  # "returned the Kenyans to Kenya" elsewhere: a deal with Kenya here is about its own nationals
            # (not "a letter of intent on a return hub in Uganda": a place for others' nationals)
        if sentence.headline:
            pair = replace(pair, weight=pair.weight * w.HEADLINE)
        if pair.key not in kept or kept[pair.key].weight < pair.weight:
            kept[pair.key] = pair
    return list(kept.values())


@rule("pairs", "both-ways")
def both_ways(sentence: Sentence, found: Sequence[Pair], recent: Sequence[Pair]) -> list[Pair]:
    """ "It works in both directions, but in practice almost all returns are from Canada to the United States": a
    deal the sentence calls mutual ("in both directions", "reciprocal") sends people each way — the other direction of
    the pair the sentence names, or else of the one named just before."""
    match = lx.BOTH_WAYS.search(sentence.text)
    if match is None or lx.OTHER_DEAL.search(sentence.text) is not None:
        return []  # "signed a reciprocal agreement on pensions": another deal
    before = sentence.span.doc.char_span(sentence.start, sentence.start + match.start(), alignment_mode="contract")
    if before is not None and any(t.dep_ == "neg" for t in before):
        return []  # "The agreement is not reciprocal"
    base = list(found)
    if not base and recent and sentence.index - recent[-1].sentence <= w.PAIR_ANAPHOR_REACH:
        base = [recent[-1]]
    this = rule_id(both_ways)
    return [
        replace(
            p,
            deporting=p.host,
            host=p.deporting,
            host_token=p.deporting_token,
            deporting_token=p.host_token,
            sentence=sentence.index,
            rules=(this, *p.rules),
            evidence=tuple(replace(e, role=_SWAPPED.get(e.role, e.role)) for e in p.evidence),  # type: ignore[arg-type]
        )
        for p in base
    ]


_SWAPPED = {DEPORTING: HOST, HOST: DEPORTING}


@rule("pairs", "humanitarian-mechanism")
def humanitarian(sentence: Sentence) -> bool:
    """ "A flight carrying 66 refugees landed in Kigali, the first under a mechanism agreed by Rwanda, the UN refugee
    agency and the African Union": an arrangement made with the UN refugee agency is a humanitarian mechanism; the
    sentence speaks of no deportation agreement. (People evacuated are not enough: "Rwanda's aborted partnership
    with the UK and its role in taking in refugees evacuated from Libya" speaks of a deportation deal too.)"""
    return lx.HUMANITARIAN.search(sentence.text) is not None


def _moved_between(resolved: dict[str, Vote], *, from_a_sender: bool = False, span: Span | None = None) -> bool:
    """A state people leave and one they reach, each by a rule of movement at full strength for it, with the
    people's nationality named: the sentence tells of people moved. ``from_a_sender``: in a story about
    deportation, without the nationality, where the state left is one known for sending people to third countries
    ("some 4,000 people left Israel for Kigali or Entebbe"; not "migrants who left Libya for Italy")."""
    roles_ = [v for v in resolved.values() if v.weight >= w.MOVED_BETWEEN]
    if from_a_sender:
        prior = countries().deporting_prior
        senders = [v for v in roles_ if v.role == DEPORTING and v.iso3 in prior]
        movers = [
            c
            for v in senders
            if span is not None
            for c in span.doc[v.token].head.children
            if c.dep_ == "nsubj"
            and (lemma(c) in lx.MIGRANT_NOUNS | lx.PERSON_NOUNS or c.ent_type_ == "NORP")  # not "young doctors"
        ]
        return bool(movers) and any(v.role == HOST for v in roles_)
    return (
        any(v.role == DEPORTING for v in roles_)
        and any(v.role == HOST for v in roles_)
        and any(v.role == NATIONALITY for v in resolved.values())
    )


def _a_centre_there(host: Vote | None, span: Span | None) -> bool:
    """The host named as where a centre, hub or camp is: "a return hub in Uganda"."""
    if host is None or span is None:
        return False
    word = span.doc[host.token]
    return word.dep_ == "pobj" and spelled(word.head) in ("in", "on") and lemma(word.head.head) in lx.FACILITY_NOUNS


_ECHOES = ("pairs.reference-back", "pairs.only-agreement")
# Pair rules that take a side or the direction from other sentences.
_FROM_ELSEWHERE = (
    "pairs.side-and-document-partner",
    "pairs.parties-oriented",
    "pairs.party-and-document-sender",
    "pairs.side-and-party",
)


@rule("pairs", "one-direction")
def one_direction(pairs: Sequence[Sequence[Pair]], resettled: Set[tuple[str, str]] = frozenset()) -> list[list[Pair]]:
    """A document that pairs A→B and B→A: the weaker direction goes (both, when neither is clearly stronger).
    Only sentences that name a side count (a reference back repeats the pair before it). A direction the
    document shows as refugee resettlement ("the EU would accept Syrian refugees from Turkey") goes."""
    totals: defaultdict[str, float] = defaultdict(float)
    for sentence_pairs_ in pairs:
        for pair in sentence_pairs_:
            if not pair.rules[0].startswith(_ECHOES):
                totals[pair.key] += pair.weight
    dropped = {f"{origin}-{receiver}" for origin, receiver in resettled}
    mutual = {p.key for sentence_pairs_ in pairs for p in sentence_pairs_ if p.rules[0] == rule_id(both_ways)}
    for key, total in totals.items():
        deporting, host = key.split("-")
        if key in mutual or f"{host}-{deporting}" in mutual:
            continue  # a deal the document calls mutual goes both ways
        reverse = totals.get(f"{host}-{deporting}", 0.0)
        if reverse and not total >= w.DIRECTION_MARGIN * reverse:
            dropped.add(key)
    return [[p for p in sentence_pairs_ if p.key not in dropped] for sentence_pairs_ in pairs]


def facts_of(sentence: Sentence, *, has_status: bool, firm_status: bool, has_value: bool) -> Facts:
    from dakg.ingest.rules.syntax import is_deport_word, is_host_word, lemma

    text = sentence.text
    about = (
        bool(lx.DEPORT_CONTEXT.search(text))
        or (bool(lx.MIGRATION_NOUN.search(text)) and any(is_host_word(t) or is_deport_word(t) for t in sentence.span))
        or (
            any((is_host_word(t) or is_deport_word(t)) and t.pos_ == "VERB" for t in sentence.span)
            and any(lemma(t) in lx.MIGRANT_NOUNS or _people_of_a_nation(t) for t in sentence.span)
        )  # "Norway sends rejected applicants to Moldova", "Greek authorities sent 60 Syrians back to Turkey"
    )
    deal_words = lx.AGREEMENT_NOUNS | lx.SCHEME_NOUNS
    agreement_word = any(lemma(t) in deal_words and t.pos_ in ("NOUN", "PROPN") for t in sentence.span) or bool(
        lx.LETTER_OF_INTENT.search(text)
    )
    anaphor = bool(lx.ANAPHOR.search(text)) or _like_the_one_before(sentence.span)
    return Facts(about, agreement_word, anaphor, firm_status, has_status or has_value, has_value)


def _like_the_one_before(span: Span) -> bool:
    """ "have made similar offers", "hosts a similar centre": an offer or a centre like the one named before."""
    prior = countries().deporting_prior
    # "Germany hosts a similar reception centre in Berlin": a sender's own centre, no host's
    nouns = lx.OFFER_NOUNS if any(t.ent_id_ in prior for t in span) else lx.OFFER_NOUNS | lx.FACILITY_NOUNS
    return any(lemma(t) in nouns and likened(t) for t in span)


def _people_of_a_nation(token: Token) -> bool:
    """ "60 Syrians", "the Eritreans": people named by a nationality, as a verb's object or subject."""
    return token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS") and token.dep_ in ("dobj", "nsubjpass", "nsubj")
