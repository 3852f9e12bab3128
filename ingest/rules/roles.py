"""Stage 2 — roles: what each country mention does in its sentence.

Each rule looks at one country mention (and the words that act for it: "the government of Rwanda", "U.S.
officials") and may cast a ``Vote``: *deporting* (it sends people), *host* (it receives them), *party* (it
is in an arrangement, direction unknown) or *nationality* (the people moved hold its nationality — never a
party to an agreement). Nationality rules run first and settle a mention; the others all vote, and
``resolve`` decides. Every vote carries the span that shows the role ("deported from the United States").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from spacy.tokens import Doc, Span, Token

from dakg.ingest.clean import table_row
from dakg.ingest.gazetteer import countries
from dakg.ingest.rules import weights as w
from dakg.ingest.rules.mentions import opening_place
from dakg.ingest.rules.officials import PersonMention, reference_state
from dakg.ingest.rules.records import (
    CountryMention,
    Document,
    Evidence,
    Role,
    Sentence,
    Vote,
    doc_text,
    token_evidence,
)
from dakg.ingest.rules.registry import applied, rule, rule_id
from dakg.ingest.rules.syntax import (
    ASKING_VERBS,
    asks_another,
    carries_people,
    caused,
    conj_head,
    contrasted_away,
    controlled,
    is_deport_word,
    is_host_word,
    lemma,
    likened,
    negated,
    object_controls,
    passive,
    proxy,
    receives_people,
    sending_governor,
    timeline_verb,
    verb_chain,
)
from dakg.ingest.vocabulary import lx, spelled
from dakg.schema import Basis, EvidenceRole

DEPORTING: Final = "deporting"
HOST: Final = "host"
PARTY: Final = "party"
NATIONALITY: Final = "nationality"


@dataclass(frozen=True, eq=False)
class Context:
    doc: Doc
    sentence: Sentence
    mentions: tuple[CountryMention, ...]


def _vote(
    ctx: Context, mention: CountryMention, role: Role, weight: float, func: Callable[..., object], *words: Token
) -> Vote:
    """A vote whose evidence is the phrase from the words that show the role to the mention (or, when that
    is long, the words and the mention apart)."""
    doc = ctx.doc
    mention_span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    first = mention_span.start if mention_span is not None else mention.token.i
    last = mention_span.end - 1 if mention_span is not None else mention.token.i
    evidence_role: EvidenceRole = "group" if role == NATIONALITY else role
    spans: list[Evidence]
    indices = [t.i for t in words] + [first, last]
    if max(indices) - min(indices) < w.PHRASE_MAX_TOKENS:
        spans = [token_evidence(doc, min(indices), max(indices), evidence_role)]
    else:
        spans = [token_evidence(doc, t.i, t.i, evidence_role) for t in words]
        spans.append(Evidence(mention.start, mention.end, mention.text, evidence_role))
    if mention.via is not None:
        spans.append(mention.via)
    return Vote(mention.iso3, role, weight, rule_id(func), tuple(spans), mention.token.i, mention.basis)


# --- nationality ---------------------------------------------------------------------------------------------


@rule("roles", "demonym-for-people", kind="nationality")
def demonym_for_people(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Venezuelan migrants", "Afghan and Iraqi asylum seekers", "Haitians, Cubans and Venezuelans were sent":
    a demonym that describes people is their nationality."""
    if mention.kind != "demonym":
        return None
    if doc_text(ctx.doc)[max(0, mention.start - 4) : mention.start].lower().endswith(("non-", "non–", "non ")):
        return None  # "200 non-Costa Ricans", "non-Mexican deportees": people of any nationality but that one
    token = conj_head(mention.token)
    head = token.head
    if token.dep_ in ("amod", "compound", "nmod") and lemma(head) in lx.MIGRANT_NOUNS:
        return _vote(ctx, mention, NATIONALITY, w.NATIONALITY, demonym_for_people, head)
    is_people = (
        mention.token.tag_ in ("NNPS", "NNS")
        or "Plur" in mention.token.morph.get("Number", [])
        or (ctx.doc.lang_ == "en" and mention.text.endswith(("s", "es")))  # « notre voisin rwandais » is one state
        or any(c.dep_ == "det" and spelled(c) in ("every", "each", "one", "a", "an", "another") for c in token.children)
        or any(c.dep_ == "nummod" for c in token.children)  # "forty Honduran and Salvadoran deportees"
        or any(c.dep_ == "conj" and lemma(c) in lx.MIGRANT_NOUNS for c in token.children)
    )
    if is_people and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "ROOT"):
        if token.dep_ == "nsubj" and any(spelled(c) == "the" for c in token.children) and _sends_someone(head):
            return None  # "The British sent people to Rwanda": the state that sends them (subject-of-deport)
        if token.dep_ == "pobj" and not _people_moving(ctx):
            return None  # "visa-free travel for Turks": people, but not the ones any deal moves
        if token.dep_ == "pobj" and token.head.dep_ == "agent" and is_deport_word(token.head.head):
            return None  # "deported by the Americans", « renvoyées par les Américains »: the state that sends them
        return _vote(ctx, mention, NATIONALITY, w.NATIONALITY, demonym_for_people)
    return None


def _sends_someone(verb: Token) -> bool:
    """An active verb of sending that has people as its object: "sent people", "will send asylum seekers"."""
    sending = lemma(verb) in lx.DEPORT_VERBS | lx.RETURN_VERBS or is_deport_word(verb)
    return (
        sending
        and not passive(verb)
        and any(
            c.dep_ == "dobj"
            and lemma(c) in lx.MIGRANT_NOUNS - _KIN
            and not any(d.dep_ == "poss" for d in c.children)  # "sent their children to Poland": their own
            for c in verb.children
        )
    )


_KIN = frozenset({"child", "family", "minor", "woman", "man", "adult"})


def _people_moving(ctx: Context) -> bool:
    """The sentence speaks of people moved, held or seeking protection."""
    text = ctx.sentence.text
    return bool(lx.DEPORT_CONTEXT.search(text) or lx.MIGRATION_NOUN.search(text)) or any(
        t.pos_ == "VERB" and (lemma(t) in lx.RETURN_VERBS or is_deport_word(t)) for t in ctx.sentence.span
    )


_ORIGIN_VERBS = frozenset({"be", "come", "hail", "originate"})
_SHARE_WORDS = frozenset({"most", "many", "some", "all", "half", "rest", "majority", "several", "others", "one"})


_ARRIVAL_VERBS: Final = frozenset({"arrive", "come", "cross", "enter", "travel", "reach"})


@rule("roles", "turned-back-from", kind="mention")
def turned_back_from(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Canada turns back asylum seekers who arrive from the US", "Greece returns migrants who crossed from
    Turkey": people sent back who came from a state are sent back to it (it receives them)."""
    token = conj_head(mention.token)
    if token.dep_ != "pobj" or spelled(token.head) != "from":
        return None
    verb = token.head.head
    if lemma(verb) not in _ARRIVAL_VERBS or verb.dep_ not in ("relcl", "acl"):
        return None
    people, sender = verb.head, verb.head.head
    back = is_deport_word(sender) and any(spelled(c) == "back" for c in sender.children)
    if people.dep_ != "dobj" or not (back or lemma(sender) in lx.RETURN_VERBS) or homeward(sender):
        return None
    return _vote(ctx, mention, HOST, w.TURNED_BACK, turned_back_from, sender, token.head)


def _of_third_countries(people: Token) -> bool:
    """ "third-country nationals", "nationals of third countries", "foreign nationals": people of states the phrase
    does not name."""
    words = {t.lower_ for t in people.subtree if t.i < people.i or t.dep_ in ("prep", "pobj", "amod")}
    return "third" in words or "third-country" in words or "foreign" in words


@rule("roles", "people-from", kind="nationality")
def people_from(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "men from Cuba, Jamaica and Laos", "originally from Vietnam", "the others are from Mexico", "they come from
    Uzbekistan and China", "refugees from Sudan, Libya and Congo": where the people are from is their
    nationality — unless they were deported from there ("deportees from the United States"); leaders or officials
    from a state act for it ("presidents from Senegal and Gabon")."""
    token = conj_head(mention.token)
    if token.dep_ != "pobj" or spelled(token.head) != "from":
        return None
    prep = token.head
    governor = prep.head
    listed = any(c.dep_ == "conj" for c in token.children) or mention.token.dep_ == "conj"
    if any(spelled(c) in ("originally", "originating") for c in (*prep.children, *governor.children)):
        return _vote(ctx, mention, NATIONALITY, w.NATIONALITY, people_from, prep)
    if is_deport_word(governor) or lemma(governor) in lx.LEAVE_VERBS:
        return None
    if lemma(governor) == "refugee" and any(c.ent_type_ == "NORP" for c in governor.children):
        return None  # "Syrian refugees from Lebanon": where they fled from, not their nationality, not a sender
    if lemma(governor) in _SHARE_WORDS and any(c.dep_ == "prep" and c.lower_ == "of" for c in governor.children):
        return _vote(ctx, mention, NATIONALITY, w.NATIONALITY, people_from, governor)  # "most of them from India"
    if lemma(governor) in lx.MIGRANT_NOUNS and _of_third_countries(governor):
        return None  # "third-country nationals from the United States": sent from there, of other states
    if lemma(governor) in lx.MIGRANT_NOUNS | {"region", "country", "nationality"}:
        if listed or not _received(governor) or lemma(governor) == "refugee":  # refugees fled from there
            weight = w.NATIONALITY if listed else w.ORIGIN  # "people from France": maybe only where they set out
            return _vote(ctx, mention, NATIONALITY, weight, people_from, governor)
        return None  # "accept 250 migrants from the US": the state that sends them (see accept_from)
    if lemma(governor) in _ORIGIN_VERBS and any(
        c.dep_ == "nsubj"
        and (lemma(c) in lx.MIGRANT_NOUNS or lemma(c) in {"other", "one", "rest", "they", "all", "most"})
        for c in governor.children
    ):
        return _vote(ctx, mention, NATIONALITY, w.NATIONALITY, people_from, governor)
    officials = [c for c in governor.children if c.dep_ == "dobj" and lemma(c) in lx.ACTOR_NOUNS]
    if lemma(governor) in lx.ACTOR_NOUNS or (officials and officials[0].i < prep.i):
        # "hosted five West African presidents — from Senegal, Mauritania ...": leaders act for their states
        return _vote(ctx, mention, PARTY, w.PARTY_OFFICIAL, people_from, officials[0] if officials else governor)
    if listed and is_host_word(governor) and receives_people(governor):
        return _vote(ctx, mention, NATIONALITY, w.NATIONALITY, people_from, governor)
    return None


def _received(people: Token) -> bool:
    """People who are the object of a receiving, sending or returning verb or noun ("accept migrants", "send
    deportees", "transfers of asylum seekers", "the returns of migrants")."""
    head = people.head
    if people.dep_ == "pobj" and spelled(head) == "of":
        head = head.head
        if lemma(head) in lx.RECEIVED_NOUNS and head.dep_ in ("dobj", "nsubjpass", "pobj"):
            people, head = head, head.head  # "accept an equal number of asylum seekers from France"
    return people.dep_ in ("dobj", "nsubjpass", "pobj") and (
        is_host_word(head) or is_deport_word(head) or lemma(head) in lx.RETURN_VERBS | lx.READMISSION_NOUNS
    )


def _deported(people: Token) -> bool:
    """ "deportees", "deported migrants", "migrants expelled from ...": people moved against their will."""
    return lemma(people) in lx.DEPORT_NOUNS or any(
        c.dep_ in ("amod", "acl") and lemma(c) in lx.DEPORT_VERBS for c in people.children
    )


def resettlement(verb: Token) -> str | None:
    """ "the EU would take over up to 72,000 Syrian refugees from Turkey": people of one nationality received
    from another state are resettled refugees — that state is not deporting them, nor is this a deportation.
    (Deportees of one nationality from another state are a deportation: "forty Honduran deportees from the US".)
    Returns the state they are resettled from, if it is such a sentence."""
    people = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass", "conj") and lemma(c) in lx.MIGRANT_NOUNS | lx.NATIONAL_NOUNS
    ]
    for noun in people:
        if _deported(noun):
            continue
        national = any(c.ent_type_ == "NORP" and _code(c) for c in noun.children if c.dep_ in ("amod", "compound"))
        origin = [
            o
            for p in (*verb.children, *noun.children)
            if p.dep_ == "prep" and spelled(p) == "from"
            for o in p.children
            if o.dep_ == "pobj" and _code(o)
        ]
        if national and origin:
            return _code(origin[0])
    return _taken_in_exchange(verb)


_ROUTE_NOUNS = frozenset({"route", "pathway", "scheme", "programme", "program"})


def _taken_in_exchange(verb: Token) -> str | None:
    """ "In exchange, for each person returned, the UK will accept an equal number of people from France through a
    new safe and legal route": people a state takes one for one, or by a legal route, from the state it returns
    people to are the swap's other side, not a deportation to the receiver (a bare "In exchange, Eswatini will
    accept deportees from the United States" is the deal itself). Returns the state they come from."""
    words = list(verb.subtree)
    legal_route = any(lemma(t) in _ROUTE_NOUNS and any(spelled(a) == "legal" for a in t.children) for t in words)
    one_for_one = any(  # "for each person returned", "for every Syrian sent back", "an equal number"
        (
            spelled(t) in ("each", "every")
            and spelled(t.head.head) == "for"
            and any(c.dep_ == "acl" and (is_deport_word(c) or lemma(c) in lx.RETURN_VERBS) for c in t.head.children)
        )  # not "$5,000 for each deportee": a payment per head
        or (spelled(t) == "equal" and lemma(t.head) == "number")
        for t in words
    )
    if not (legal_route or one_for_one):
        return None
    origins = [
        o
        for t in words
        if t.dep_ == "prep" and spelled(t) == "from"
        for o in t.children
        if o.dep_ == "pobj" and _code(o)
    ]
    return _code(origins[0]) if origins else None


@rule("roles", "resettlement")
def resettlement_flows(ctx: Context) -> set[tuple[str, str]]:
    """ "the EU would accept one Syrian citizen from Turkey": (Turkey, the EU) is a resettlement flow; the
    document's pairs in that direction are resettlement too, not a deportation agreement (see pairs)."""
    flows = set()
    for mention in ctx.mentions:
        found = _subject_verb(mention)
        if found is None or found[2]:
            continue
        _, verb, _ = found
        for receiver in (verb, *[c for c in verb.children if c.dep_ in ("xcomp", "conj")]):
            origin = resettlement(receiver) if is_host_word(receiver) else None
            if origin is not None and origin != mention.iso3:
                flows.add((origin, mention.iso3))
    return flows | _resettled_from_to(ctx)


def _resettled_from_to(ctx: Context) -> set[tuple[str, str]]:
    """ "another Syrian would be resettled from Turkey in an EU country": people resettled "from" one state "in" or
    "to" another make a resettlement flow, whoever resettles them."""
    flows = set()
    for verb in ctx.sentence.span:
        if lemma(verb) not in lx.RESETTLE_VERBS:
            continue
        places: dict[str, set[str]] = {"from": set(), "to": set()}
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            side = "from" if spelled(prep) == "from" else "to" if spelled(prep) in ("in", "to", "into") else None
            if side is not None:
                places[side] |= {code for o in prep.children for t in o.subtree if (code := _code(t)) is not None}
        flows |= {(origin, receiver) for origin in places["from"] for receiver in places["to"] if origin != receiver}
    return flows


@rule("roles", "nationals-of", kind="nationality")
def nationals_of(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "nationals of Nigeria, Gambia and Liberia", "Nigeria, whose nationals were deported", "Nigerian nationals",
    "citizens of Kosovo": the state whose nationals they are."""
    token = conj_head(mention.token)
    if lemma(token) in lx.NATIONAL_NOUNS:  # "Nationals of Nigeria and Liberia" parsed with Liberia beside "Nationals"
        return _vote(ctx, mention, NATIONALITY, w.NATIONALITY, nationals_of, token)
    if token.dep_ == "pobj" and spelled(token.head) == "of" and lemma(token.head.head) in lx.NATIONAL_NOUNS:
        nationals = token.head.head
        if nationals.dep_ == "attr" and negated(nationals.head):
            return None  # "fifty people who are not citizens of Kosovo": whom they are not
        return _vote(ctx, mention, NATIONALITY, w.NATIONALITY, nationals_of, nationals)
    if token.dep_ in ("compound", "amod", "poss", "nmod") and lemma(token.head) in lx.NATIONAL_NOUNS:
        return _vote(ctx, mention, NATIONALITY, w.NATIONALITY, nationals_of, token.head)
    for child in token.children:
        if child.dep_ == "relcl":
            for word in child.subtree:
                if spelled(word) == "whose" and lemma(word.head) in lx.NATIONAL_NOUNS:
                    return _vote(ctx, mention, NATIONALITY, w.NATIONALITY, nationals_of, word.head)
    return None


@rule("roles", "people-not-of")
def people_not_of(ctx: Context, mention: CountryMention) -> bool:
    """ "it has taken in non-Mexicans sent back at the border": a demonym with "non-" that names the people
    themselves says only whom they are not; the state plays no part in the clause."""
    return (
        mention.kind == "demonym"
        and mention.token.pos_ in ("NOUN", "PROPN")
        and mention.token.dep_
        not in (
            "amod",
            "compound",
        )
        and not_a_nationality(ctx, mention)
    )


@rule("roles", "not-a-nationality")
def not_a_nationality(ctx: Context, mention: CountryMention) -> bool:
    """ "people who are not Mauritanian citizens", "non-Mexican deportees": the text says the people do NOT hold
    this nationality, so it is not theirs (and the state may well be where they are sent)."""
    before = doc_text(ctx.doc)[max(0, mention.start - 4) : mention.start].lower()
    if before.endswith(("non-", "non ", "non–")):
        return True
    noun = conj_head(mention.token).head
    return noun.dep_ in ("attr", "acomp") and negated(noun.head)


# --- deporting ---------------------------------------------------------------------------------------------


def _court(actor: Token) -> bool:
    """A court acts for no party: "the UK's Supreme Court ruled" says nothing of who sends whom."""
    return lemma(actor) in lx.COURT_NOUNS


def _code(token: Token) -> str | None:
    code = token.ent_id_
    return code if code and countries().is_code(code) else None


def _prep_object(mention: CountryMention) -> tuple[str, Token, Token] | None:
    """(preposition, the preposition token, what it attaches to) for the word acting for the mention (computed once
    per mention: most role rules ask it)."""
    cache: dict[tuple[int, int, int], tuple[str, Token, Token] | None] = mention.token.doc.user_data.setdefault(
        "dakg_prep_objects", {}
    )
    key = (mention.start, mention.end, mention.token.i)
    if key not in cache:
        cache[key] = _find_prep_object(mention)
    return cache[key]


def _find_prep_object(mention: CountryMention) -> tuple[str, Token, Token] | None:
    actor = proxy(mention.token)
    if actor.dep_ == "appos" and actor.head.dep_ == "pobj":
        actor = actor.head  # "flown to Gjilan, Kosovo": the state in apposition to the town
    if actor.dep_ != "pobj":
        actor = _split_name_object(mention) or actor
    if actor.dep_ != "pobj" or _court(actor):
        return None
    prep = actor.head
    governor = conj_head(prep.head) if prep.dep_ == "conj" else prep.head
    return spelled(prep), prep, governor


def _split_name_object(mention: CountryMention) -> Token | None:
    """« expulsés au Costa Rica »: a name of two words the parser split, its first the preposition's object and its
    last hung elsewhere (the mention's head): the word that is the object."""
    doc = mention.token.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    return next((t for t in span if t.dep_ == "pobj" and t.head.i == span.start - 1), None)


@rule("roles", "officials-moved")
def officials_moved(verb: Token) -> bool:
    """ "police officers flown in from Italy", "the minister was flown to Kigali": the people a verb of moving moves
    are officials (``ACTOR_NOUNS``), not people deported — the places it names are no sender and no host."""
    moved = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ == "nsubjpass"]
    return bool(moved) and all(lemma(t) in lx.ACTOR_NOUNS for t in moved)


@rule("roles", "deported-from", kind="mention")
def deported_from(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "deported from the United States", "deportees from the U.S.", "removal from Britain", "people who leave
    Israel": the state they are sent away from."""
    found = _prep_object(mention)
    if found is not None:
        prep, _, governor = found
        moved = carries_people(governor) or lemma(governor) in lx.LEAVE_VERBS
        if moved and officials_moved(governor):
            return None  # "guarded by police officers flown in from Italy"
        if prep == "from" and moved and not is_host_word(governor):  # "taken from Norway to a centre"; not "take in"
            return _vote(ctx, mention, DEPORTING, w.DEPORTED_FROM, deported_from, governor)
        if prep == "from" and _carries_people_in(governor):
            return _vote(ctx, mention, DEPORTING, w.CARRIED_FROM, deported_from, governor, governor.head)
    actor = proxy(mention.token)
    if actor.dep_ == "dobj" and lemma(actor.head) in lx.LEAVE_VERBS:
        return _vote(ctx, mention, DEPORTING, w.LEFT, deported_from, actor.head)
    return None


def _carries_people_in(vehicle: Token) -> bool:
    """ "A plane from Gran Canaria landed in Nouadhibou with 46 men on board": a plane, flight or boat, the subject of
    landing or arriving, with people on it (not "a flight from Madrid landed" with no one said to be aboard)."""
    if lemma(vehicle) not in lx.VEHICLE_NOUNS or vehicle.dep_ != "nsubj":
        return False
    verb = vehicle.head
    if lemma(verb) not in lx.ARRIVE_VERBS:
        return False
    aboard = [c for c in verb.children if c.dep_ == "prep" and spelled(c) in ("with", "carrying")]
    aboard += [c for c in vehicle.children if c.dep_ in ("prep", "acl") and spelled(c) in ("with", "carrying")]
    return any(lemma(t) in lx.MIGRANT_NOUNS for a in aboard for t in a.subtree)


@rule("roles", "deported-by", kind="mention")
def deported_by(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "migrants deported by the United States": the agent of a passive deportation."""
    found = _prep_object(mention)
    if found is not None:
        prep, _, governor = found
        sends = is_deport_word(governor) or lemma(governor) in lx.RETURN_VERBS
        if prep == "by" and sends and passive(governor):
            return _vote(ctx, mention, DEPORTING, w.DEPORTED_BY, deported_by, governor)
    return None


_TOWNS: Final = frozenset({"capital", "city", "town"})  # "flown to the Rwandan capital"


@rule("roles", "soil", kind="mention")
def soil(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "removed from American soil", "returned from the Greek islands" (the deporting state); "two centres on
    Albanian soil", "the Gjader facility", "the Albanian centres", "shipped to the Albanian port" (the host)."""
    token = mention.token
    if token.dep_ in ("amod", "compound", "poss") and lemma(token.head) in lx.PLACE_NOUNS | _TOWNS:
        place = token.head  # "returned from the Greek islands": only with a verb of sending
        prep = place.head if place.dep_ == "pobj" else None
        from_soil = lemma(place) in lx.PLACE_NOUNS
        if prep is not None and spelled(prep) == "from" and from_soil and sending_governor(prep.head) is not None:
            return _vote(ctx, mention, DEPORTING, w.FROM_SOIL, soil, prep, place)
        if prep is not None and spelled(prep) in ("to", "into") and sending_governor(prep.head) is not None:
            return _vote(ctx, mention, HOST, w.ON_SOIL, soil, prep, place)  # "shipped to the Albanian port"
        return None
    returns_hub = token.dep_ == "compound" and any(
        c.dep_ == "compound" and lemma(c) in lx.READMISSION_NOUNS for c in token.head.children
    )  # "a UK return hub" serves the UK (owner-of-the-scheme)
    if token.dep_ in ("amod", "compound") and lemma(token.head) in lx.FACILITY_NOUNS and not returns_hub:
        place = token.head  # "the Gjader facility", "the two Albanian centres"
        elsewhere = any(c.dep_ == "prep" and spelled(c) in ("in", "on", "at") for c in place.children)
        if mention.kind == "demonym" and elsewhere:
            return None  # "the Italian centres in Albania": the demonym is the owner
        if (
            mention.kind == "demonym"
            and place.dep_ == "dobj"
            and is_host_word(place.head)
            and mention.iso3 in countries().deporting_prior  # not "would host a Syrian reception centre"
        ):
            # "Albania would not host a British centre": the centre another state hosts is the demonym's own
            return _vote(ctx, mention, DEPORTING, w.OWNER_SCHEME, soil, place.head, place)
        return _vote(ctx, mention, HOST, w.ON_SOIL, soil, place)
    if token.dep_ not in ("amod", "compound", "poss") or lemma(token.head) not in {"soil", "territory", "land"}:
        return None
    ground = token.head
    prep = ground.head if ground.dep_ == "pobj" else None
    if prep is not None and spelled(prep) == "from":
        weight = w.FROM_SOIL if is_deport_word(prep.head) else w.ON_SOIL
        return _vote(ctx, mention, DEPORTING, weight, soil, prep, ground)
    return _vote(ctx, mention, HOST, w.ON_SOIL, soil, ground)


def _subject_verb(mention: CountryMention) -> tuple[Token, Token, bool] | None:
    """(actor, its verb, passive) when the word acting for the mention is a clause's subject (or, for a roundup
    entry's sentence with no subject, "Agreed in April to ...", the verb the entry's state is the subject of);
    computed once per mention."""
    cache: dict[tuple[int, str], tuple[Token, Token, bool] | None] = mention.token.doc.user_data.setdefault(
        "dakg_subject_verbs", {}
    )
    key = (mention.token.i, mention.kind)
    if key not in cache:
        cache[key] = _find_subject_verb(mention)
    return cache[key]


def _find_subject_verb(mention: CountryMention) -> tuple[Token, Token, bool] | None:
    if mention.kind == "anaphor" and mention.token.pos_ in ("VERB", "AUX"):  # mentions.entry-subject
        return mention.token, mention.token, passive(mention.token)
    actor = proxy(mention.token)
    dated = timeline_verb(actor)
    if dated is not None:  # "- 14 April 2022: Britain and Rwanda sign the partnership"
        return actor, dated, passive(dated)
    if actor.dep_ not in ("nsubj", "nsubjpass") or _court(actor):
        return None
    verb = actor.head
    if actor.dep_ == "nsubjpass" and lemma(verb) in _RAISING:  # "Malabo is reported to have agreed to receive"
        raised = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if raised is not None:
            return actor, raised, passive(raised)
    return actor, verb, actor.dep_ == "nsubjpass"


_RAISING = frozenset({"report", "say", "believe", "expect", "understand", "know", "think", "set", "due", "understood"})


def _promised_not_to_send_on(verb: Token) -> bool:
    """ "Rwanda promises not to send anyone relocated under the scheme to another country", "the country would not
    turn away people in need": a sending denied to a state left unnamed, or to none — a host's guarantee, not a
    sender's deal ("Denmark will not send anyone to Rwanda" names the state; "Finland has not yet deported anyone"
    is a sender that has not yet acted: both keep their sender)."""
    if not negated(verb):
        return False
    places = [
        g
        for c in verb.children
        if c.dep_ in ("prep", "dative") and spelled(c) in ("to", "into")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if not places:  # "would not turn away people in need" (no sender), not "has not yet deported anyone"
        adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
        return not adverbs & (lx.NOT_YET | lx.THERE_WORDS)  # nor "has not sent anyone there"
    return all(lemma(g) in lx.SOME_STATE and not g.ent_id_ for g in places)


@rule("roles", "subject-of-deport", kind="mention")
def subject_of_deport(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "The U.S. deported five men to Eswatini", "Britain signed a deal to send asylum seekers", « a fait débarquer
    500 migrants »: the subject of an active sending verb (weaker when the verb is further down the chain)."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    _, verb, _ = found
    direct = [verb, *[c for c in verb.children if c.dep_ in ("xcomp", "conj")]]
    chain = controlled(verb, lx.AGREEMENT_NOUNS)
    senders = [
        t
        for t in chain
        if (lemma(t) in lx.DEPORT_VERBS | lx.RETURN_VERBS or is_deport_word(t) or _made_to_arrive(t))
        and _as_verb(t)
        and (not passive(t) or lemma(t.head) in lx.ALLOW_VERBS)  # "passed a law that allows them to be flown abroad"
        and not homeward(t)
        and not _promised_not_to_send_on(t)
    ]
    if not senders:  # "passed a law that allows asylum seekers to be flown to a country outside Europe"
        senders = [
            t
            for law in verb.children
            if law.dep_ == "dobj" and lemma(law) in lx.LAW_NOUNS
            for clause in law.children
            if clause.dep_ in ("relcl", "acl")
            for t in clause.subtree
            if (lemma(t) in lx.DEPORT_VERBS or is_deport_word(t)) and _as_verb(t) and not homeward(t)
        ]
        if senders:
            return _vote(ctx, mention, DEPORTING, w.SUBJECT_OF_DEPORT_FAR, subject_of_deport, verb, senders[0])
    if not senders:  # "Italy suspended transfers to Albania", "the US resumed deportations": its own transfers
        nouns = [
            c
            for t in direct
            if not is_host_word(t)
            for c in t.children
            if c.dep_ == "dobj" and lemma(c) in lx.DEPORT_NOUNS - lx.MOVED_PEOPLE
        ]
        if nouns:
            return _vote(ctx, mention, DEPORTING, w.DEPORTATION_OF, subject_of_deport, nouns[0])
        return None
    near = [t for t in senders if t in direct]
    weight = w.SUBJECT_OF_DEPORT if near else w.SUBJECT_OF_DEPORT_FAR
    return _vote(ctx, mention, DEPORTING, weight, subject_of_deport, (near or senders)[0])


def _made_to_arrive(verb: Token) -> bool:
    """« l'administration Trump a fait débarquer 500 migrants »: who makes people land or arrive sends them."""
    return lemma(verb) in lx.ARRIVE_VERBS and caused(verb)


def _as_verb(token: Token) -> bool:
    """A verb, or a word the tagger calls a noun that the parser gives a clause of its own ("the law lets the
    Netherlands transfer asylum seekers": 'transfer' tagged NN, yet a ccomp with its subject)."""
    if token.pos_ == "VERB":
        return True
    return token.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "nsubj" for c in token.children)


_REPATRIATE = frozenset({"repatriate", "readmit"})


def homeward(verb: Token) -> bool:
    """ "send home Kenyans who have no right to stay", "return them to their countries of origin", "return Kenyans
    without the right to stay": a sending that takes people to their own state makes no third-country sender."""
    doc = verb.doc
    if verb.i + 1 < len(doc) and spelled(doc[verb.i + 1]) == "home":  # "send home Kenyans" (however it parses)
        return True
    returned = lemma(verb) in lx.RETURN_VERBS | _REPATRIATE
    elsewhere = any(c.dep_ == "prep" and spelled(c) in ("to", "into") for c in verb.children)
    nationals = any(c.dep_ == "dobj" and c.ent_type_ == "NORP" and c.tag_ in ("NNPS", "NNS") for c in verb.children)
    if returned and nationals and not elsewhere:
        return True  # "for Germany to return Kenyans without the right to stay": its own nationals, home
    if any(spelled(c) == "home" and c.dep_ in ("advmod", "npadvmod", "prt", "dobj") for c in verb.children):
        return True
    return any(
        spelled(p) == "to"
        and any(
            lemma(o) in {"country", "home", "homeland"}
            and any(spelled(d) in ("their", "its", "his", "her") for d in o.children)
            for o in p.children
        )
        for p in verb.children
        if p.dep_ == "prep"
    )


@rule("roles", "asked-to-send", kind="mention")
def asked_to_send(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Conservatives want Germany to outsource the claims to Rwanda", "the deal allows Spain to return them"
    (« permettrait aux États-Unis d'y transférer »): the state another actor wants or allows to send people sends
    them."""
    actor = proxy(mention.token)
    if actor.dep_ == "pobj" and actor.head.lower_ in lx.DATIVE_MARKS and lemma(actor.head.head) in lx.ALLOW_VERBS:
        verb = actor.head.head  # « qui permettrait aux États-Unis d'y transférer des demandeurs d'asile »
    elif actor.dep_ == "dobj":
        verb = actor.head
    else:
        return None
    for clause in verb.children:
        if clause.dep_ != "xcomp":
            continue
        for candidate in (clause, *[c for c in clause.children if c.dep_ == "conj"]):
            sends = is_deport_word(candidate) or lemma(candidate) in lx.RETURN_VERBS
            if sends and candidate.pos_ == "VERB" and not homeward(candidate):
                return _vote(ctx, mention, DEPORTING, w.SUBJECT_OF_DEPORT_FAR, asked_to_send, verb, candidate)
    return None


@rule("roles", "rents-places", kind="mention")
def rents_places(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Denmark will rent 300 cells in a Kosovo prison", "Sweden leases places in Estonian prisons": a state that
    rents places of custody elsewhere sends people to them."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    _, verb, _ = found
    for candidate in (verb, *[c for c in verb.children if c.dep_ in ("xcomp", "conj")]):
        if lemma(candidate) in lx.RENT_VERBS and any(
            c.dep_ == "dobj" and lemma(c) in lx.CELL_NOUNS for c in candidate.children
        ):
            return _vote(ctx, mention, DEPORTING, w.HOLDS_ABROAD, rents_places, candidate)
    return None


def _rents_cells(verb: Token) -> bool:
    return lemma(verb) in lx.RENT_VERBS and any(c.dep_ == "dobj" and lemma(c) in lx.CELL_NOUNS for c in verb.children)


@rule("roles", "where-the-places-are", kind="mention")
def where_the_places_are(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Denmark rents 300 prison places at Gjilan, in Kosovo", "will rent cells in a Kosovo prison", « le Danemark
    loue 300 places de prison à Gjilan, au Kosovo »: the state where a state's rented places of custody are
    receives the people held in them."""
    token = ctx.doc[mention.token.i]
    placed = False  # under a preposition of place on the way up
    while token.dep_ in ("compound", "amod", "appos", "pobj", "prep", "nmod") and token.head.i != token.i:
        if token.dep_ == "pobj":
            if spelled(token.head) not in ("in", "at", "on"):
                return None
            placed = True
        token = token.head
        if placed and (_rents_cells(token) or (token.dep_ == "dobj" and _rents_cells(token.head))):
            verb = token if _rents_cells(token) else token.head
            renters = {c.i for c in verb.children if c.dep_ == "nsubj"}
            if any(m.iso3 == mention.iso3 and m.token.i in renters for m in ctx.mentions):
                return None  # "Norway rents places in a prison in Oslo": places at home
            return _vote(ctx, mention, HOST, w.HOLDS_ABROAD, where_the_places_are, verb)
    return None


@rule("roles", "people-sent-from", kind="mention")
def people_sent_from(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "sought to send UK asylum seekers to Rwanda", "US deportees were flown to Ghana": a state's name (not a
    demonym, which is a nationality) on the people being sent says where they are sent from. On a noun of sending
    alone ("US removals", "South Sudan removals") only a state known for sending is read so."""
    token = mention.token
    if mention.kind == "demonym" or token.dep_ not in ("compound", "nmod"):
        return None
    people = token.head
    if lemma(people) not in lx.MIGRANT_NOUNS and lemma(people) not in lx.DEPORT_NOUNS:
        return None
    moved = people.dep_ in ("dobj", "nsubjpass") and is_deport_word(people.head)
    if lemma(people) in lx.DEPORT_NOUNS and not moved and mention.iso3 not in countries().deporting_prior:
        return None  # "defied an order with South Sudan removals": removals to it, as likely as from it
    if moved or lemma(people) in lx.DEPORT_NOUNS:
        return _vote(ctx, mention, DEPORTING, w.DEPORTATION_OF, people_sent_from, people)
    return None


@rule("roles", "deportations-of", kind="mention")
def deportations_of(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Britain's deportation scheme", "American deportation flights": a possessive or demonym on a sending noun.
    (A bare name is left alone: "the Rwanda deportation scheme" names where people go.)"""
    token = mention.token
    head = token.head
    if lemma(head) not in lx.DEPORT_NOUNS and not (head.dep_ == "compound" and lemma(head.head) in lx.DEPORT_NOUNS):
        return None
    if token.dep_ == "poss" or (token.dep_ in ("amod", "compound") and mention.kind == "demonym"):
        return _vote(ctx, mention, DEPORTING, w.DEPORTATION_OF, deportations_of, head)
    return None


@rule("roles", "court-of-the-sending-state", kind="mention")
def court_of_the_sending_state(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "The UK Supreme Court ruled that sending asylum seekers to Rwanda was unlawful", "an Italian court halted
    transfers to Albania", "Rome judges free migrants held in Albania": a state's court rules on that state's own
    policy of sending people elsewhere ("a court in Rome ruled the detention of migrants in Albania unlawful")."""
    token = mention.token
    if token.dep_ == "pobj" and token.head.lower_ == "in" and lemma(token.head.head) in lx.COURT_NOUNS:
        token = token.head  # "a court in Rome"
    if token.dep_ not in ("compound", "amod", "poss", "nmod", "prep") or lemma(token.head) not in lx.COURT_NOUNS:
        return None
    for word in ctx.sentence.span:
        sent = word.dep_ == "pobj" and spelled(word.head) in ("to", "into") and sending_governor(word.head.head)
        held = (
            word.dep_ == "pobj"
            and spelled(word.head) in ("in", "on", "at")
            and lemma(word.head.head) in {"hold", "detain"}
        )
        if sent or held or _detained_in(word):
            code = _code(word)
            if code is not None and code != mention.iso3:
                return _vote(ctx, mention, DEPORTING, w.COURT_STATE, court_of_the_sending_state, token.head)
    return None


def _pays(verb: Token) -> bool:
    """Paying: "pay", "fund", or giving money ("the EU will provide €105 million", "pledged funding")."""
    if lemma(verb) in lx.PAY_VERBS:
        return True
    return lemma(verb) in lx.GIVE_VERBS and any(
        c.dep_ == "dobj" and (c.ent_type_ == "MONEY" or lemma(c) in lx.FUNDING_NOUNS) for c in verb.children
    )


@rule("roles", "payer", kind="mention")
def payer(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "The US will pay El Salvador $6 million", "the EU will provide €105 million": the paying state
    (deporting); "paid Rwanda £240m": the paid one (host)."""
    actor = proxy(mention.token)
    if actor.dep_ in ("dative", "dobj") and _pays(actor.head):
        return _vote(ctx, mention, HOST, w.PAID, payer, actor.head)
    found = _prep_object(mention)
    if found is not None and found[0] == "to" and _pays(found[2]):  # "pay £240m to Rwanda"
        return _vote(ctx, mention, HOST, w.PAID, payer, found[2])
    subject = _subject_verb(mention)
    if subject is None or _partner_in_a_relative(mention, subject[0]):
        return None
    _, verb, is_passive = subject
    if _paid_to_receive(verb, is_passive):  # "Eswatini was paid $5.1 million to accept deportees"
        return _vote(ctx, mention, HOST, w.PAID, payer, verb)
    if is_passive:
        return None
    direct = [verb, *[c for c in verb.children if c.dep_ in ("xcomp", "conj")]]
    payers = [t for t in direct if _pays(t)]
    if payers:
        return _vote(ctx, mention, DEPORTING, w.PAYER, payer, payers[0])
    return None


def _partner_in_a_relative(mention: CountryMention, actor: Token) -> bool:
    """ "packages with Tunisia, Egypt and Mauritania, which pay for border control": a relative clause after the
    partners "with" whom a thing is made, paying no one, may be about the thing; the parser hangs it on the states."""
    head = conj_head(mention.token)
    if spelled(head) in lx.RELATIVE_PRONOUNS and head.head.dep_ == "relcl":  # "which" read as the states
        head = conj_head(head.head.head)
    verb = actor.head
    paid_someone = any(c.dep_ in ("dobj", "dative") or c.ent_type_ == "MONEY" for c in verb.children)
    return (
        spelled(actor) in lx.RELATIVE_PRONOUNS
        and not paid_someone  # "agreements with Britain, which paid it hundreds of millions": Britain paid
        and head.dep_ == "pobj"
        and spelled(head.head) == "with"
        and head.head.head.pos_ == "NOUN"
    )


def _paid_to_receive(verb: Token, is_passive: bool) -> bool:
    """ "was paid $5.1 million to accept deportees", "received a payment of $7.5 million to take deportees": money
    a state is given for receiving people."""
    if is_passive:
        paid = lemma(verb) in lx.PAY_VERBS
    else:
        paid = lemma(verb) in lx.GET_VERBS and any(
            c.dep_ == "dobj" and (c.ent_type_ == "MONEY" or lemma(c) in lx.FUNDING_NOUNS | {"fee", "sum"})
            for c in verb.children
        )
    return paid and any(
        t.dep_ in ("advcl", "relcl", "acl", "xcomp") and is_host_word(t) and receives_people(t) for t in verb.subtree
    )


# --- host ----------------------------------------------------------------------------------------------------


_PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})


def _sent_where(token: Token) -> Token | None:
    """The verb of sending of a relative clause on the place, opened by "where" ("Nauru, where Australia sends new
    arrivals", "Rwanda, where Britain had planned to send asylum seekers"), not denied."""
    for clause in token.children:
        if clause.dep_ != "relcl" or not any(  # « où » the French parse may hang anywhere before the verb
            t.lower_ in lx.WHERE_WORDS and t.i < clause.i for t in clause.subtree
        ):
            continue
        for verb in (clause, *(c for c in clause.children if c.dep_ == "xcomp")):
            moves = carries_people(verb)
            own_place = any(  # a place of its own the clause sends to (not « envoyé en août »: a month)
                spelled(c) in ("to", "into") and any(o.ent_id_ or o.ent_type_ in _PLACE_LABELS for o in c.subtree)
                for c in clause.subtree
                if c.dep_ in ("prep", "dative")
            )
            if own_place:
                continue  # "Norway, where the government deports rejected applicants to Armenia": sent from there
            if moves and _people_sent(verb) and not negated(verb) and not officials_moved(verb):
                return verb
    return None


def _people_sent(verb: Token) -> bool:
    """The verb's object, if it has one, is people ("sends new boat arrivals", "the first of 40 migrants"), not
    things ("handed over the first of five patrol boats")."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        noun = next(
            (
                g
                for p in obj.children
                if p.dep_ == "prep" and spelled(p) == "of"
                for g in p.children
                if g.dep_ == "pobj"
            ),
            obj,
        )
        if not (lemma(noun) in lx.MIGRANT_NOUNS | lx.MOVED_PEOPLE or noun.pos_ == "PRON" or noun.ent_type_ == "NORP"):
            return False
    return True


_NOT_WHERE_TO: Final = frozenset({"according", "owing", "due", "thanks", "next", "close", "similar", "compared"})


@rule("roles", "sent-to", kind="mention")
def sent_to(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "deported to Eswatini", "flights to Rwanda", "transfers of migrants to Albania", "returned to Turkey": where
    people are sent; "the men deported there" (mentions.there-it-is)."""
    if mention.kind == "anaphor" and spelled(mention.token) == "there":
        verb = mention.token.head
        if carries_people(verb):
            return _vote(ctx, mention, HOST, w.SENT_TO, sent_to, verb)
        return None
    where = _sent_where(mention.token)
    if where is not None:  # "held on Nauru, where Australia still sends new arrivals"
        return _vote(ctx, mention, HOST, w.SENT_TO, sent_to, where)
    found = _prep_object(mention)
    if found is None:
        return None
    prep, _, governor = found
    if prep == "to" and spelled(governor) in _NOT_WHERE_TO:
        return None  # "according to US officials": who says so, not where people go
    counted = counted_destination(governor) if prep in ("to", "into", "in") else None
    if counted is not None:
        return _vote(ctx, mention, HOST, w.SENT_TO, sent_to, counted)
    if prep == "in" and spelled(governor) in ("to", "into") and governor.dep_ == "prep":
        governor = governor.head  # "the centres it transfers migrants to in Albania"
    elif prep in ("in", "at") and governor.dep_ == "pobj" and spelled(governor.head) in ("to", "into"):
        governor = governor.head.head  # "send 300 prisoners to a rented prison in Gjilan, Kosovo"
    elif prep not in ("to", "into"):
        return None
    if governor.dep_ == "conj" and (governor.like_num or lemma(governor) in lx.MIGRANT_NOUNS):
        verb = governor.head  # "were flown to Costa Rica, and about three hundred to Panama": the verb left out
        if carries_people(verb):
            return _vote(ctx, mention, HOST, w.SENT_TO, sent_to, verb)
    if any(c.dep_ == "dobj" and lemma(c) in lx.DEPORT_NOUNS for c in governor.children):
        governor = next(c for c in governor.children if c.dep_ == "dobj" and lemma(c) in lx.DEPORT_NOUNS)
    if any(
        spelled(t) in lx.HYPOTHETICAL for t in ctx.doc[max(ctx.sentence.span.start, governor.i - 4) : governor.i + 1]
    ):
        return None  # "the possibility of eventual relocation to Canada": a destination nobody was sent to
    if carries_people(governor):
        if officials_moved(governor):
            return None  # "police officers flown to Tirana", "the minister was flown to Kigali": no one deported
        if brought_back(ctx, mention, governor):
            return None
        return _vote(ctx, mention, HOST, w.SENT_TO, sent_to, governor)
    sender = sending_governor(governor)
    if sender is not None and brought_back(ctx, mention, governor if spelled(governor) == "back" else sender):
        return None
    if sender is not None and lemma(governor) not in lx.MIGRANT_NOUNS | {"go", "travel", "move", "flee", "come"}:
        return _vote(ctx, mention, HOST, w.SENT_TO_FAR, sent_to, sender)  # the phrase hung on the people's words
    if lemma(governor) in lx.MIGRANT_NOUNS and any(is_deport_word(a) for a in list(governor.ancestors)[:3]):
        return _vote(ctx, mention, HOST, w.SENT_TO, sent_to, governor)  # "deported five men to X and eight men to Y"
    return None


@rule("roles", "counted-destination")
def counted_destination(governor: Token) -> Token | None:
    """ "deported 500 migrants to two countries: about 200 to Costa Rica and nearly 300 to Panama", « expulsés dans
    deux pays : environ 200 au Costa Rica et près de 300 au Panama »: a state in the list that spells out a number
    of countries people were sent to is one of them; the verb that sent them. So is a state in the list that splits
    the people sent (« expulsé 90 migrants vers deux pays : une cinquantaine en Ouganda », the parser hanging the
    list on the people)."""
    node, split = governor, False
    for _ in range(6):
        if (
            lemma(node) in lx.SOME_STATE
            and node.dep_ == "pobj"
            and spelled(node.head) in ("to", "into", "in")
            and any(c.dep_ == "nummod" for c in node.children)
            and carries_people(node.head.head)
        ):
            return node.head.head
        if (
            split
            and lemma(node) in lx.MIGRANT_NOUNS
            and node.dep_ in ("dobj", "nsubjpass")
            and carries_people(node.head)
        ):
            return node.head
        if node.dep_ not in ("conj", "appos", "pobj", "prep"):
            return None
        split = split or node.dep_ == "appos"
        node = node.head
    return None


_HELD_VERBS: Final = frozenset({"hold", "detain", "keep"})


_BROUGHT: Final = frozenset({"bring", "take", "transfer", "move"})


@rule("roles", "brought-back")
def brought_back(ctx: Context, mention: CountryMention, verb: Token) -> bool:
    """ "A court ordered the men held in Albania brought to Italy", "the men have been brought back to Italy": people
    held in another state and moved to this one, or brought "back" to it, come back to where they were sent from;
    this state is no host of theirs."""
    back = spelled(verb) == "back"  # "be brought back to Norway": "to" hangs on "back"
    verb = verb.head if back else verb
    if lemma(verb) not in lx.RETURN_VERBS | lx.CARRY_VERBS | lx.BACK_VERBS_ALONE | {
        "bring",
        "transfer",
        "move",
        "take",
    }:
        return False
    back = back or any(c.dep_ in ("prt", "advmod") and spelled(c) == "back" for c in verb.children)
    sender = countries().deporting_prior
    if lemma(verb) in lx.BACK_VERBS_ALONE and mention.iso3 in sender:
        return True  # « quatre avaient été reconduits en Italie »: the verb says "back"
    if back and lemma(verb) in _BROUGHT and mention.iso3 in sender:
        return True  # "most of the men have been brought back to Italy within days": back where they were sent from
    # (not "migrants will be taken back to France", "transferred back to Mexico": a host, under a returns deal)
    if mention.iso3 not in sender and not back:
        return False  # "Venezuelans held in the United States were taken to El Salvador": a deportation
    return any(
        lemma(t) in _HELD_VERBS
        and t.pos_ == "VERB"
        and any(
            p.dep_ == "prep"
            and spelled(p) in ("in", "at")
            and any(o.ent_id_ and o.ent_id_ != mention.iso3 and o.ent_id_ not in sender for o in p.subtree)
            for p in t.children
        )
        for t in ctx.sentence.span
    )


_CUSTODY_NOUNS: Final = frozenset({"custody", "detention"})
_STAY_VERBS: Final = frozenset({"remain", "stay", "live", "wait", "languish"})


def _detained_in(word: Token) -> bool:
    """ "the detention of twelve migrants in Albania": people held, in a state."""
    if word.dep_ != "pobj" or word.head.lower_ != "in":
        return False
    people = word.head.head
    return (
        lemma(people) in lx.MIGRANT_NOUNS
        and people.dep_ == "pobj"
        and people.head.lower_ == "of"
        and lemma(people.head.head) in _CUSTODY_NOUNS | {"transfer", "relocation"}
    )


def _deported_people(verb: Token) -> bool:
    """The verb's subject is people who were sent away: "eight men expelled by the US", "the deportees"."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if lemma(subject) in {"deportee", "returnee"} or any(
            c.dep_ in ("acl", "relcl") and is_deport_word(c) for c in subject.children
        ):
            return True
    return False


@rule("roles", "arrived-in", kind="mention")
def arrived_in(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "arrived in Rwanda", "held in Eswatini", "centres built in Albania", "in custody in Juba", "the deportees
    remain in Eswatini": where people are taken. But
    "asylum seekers arriving in Denmark may be transferred to Rwanda": Denmark sends them on (deporting)."""
    found = _prep_object(mention)
    if found is None:
        return None
    prep, _, governor = found
    if (
        prep == "in"
        and lemma(governor) not in lx.FACILITY_NOUNS | _CUSTODY_NOUNS
        and governor.dep_ == "pobj"
        and spelled(governor.head) in ("in", "at")
        and not any(_code(c) is not None for c in governor.children)  # not "in a US base in Djibouti"
    ):
        governor = governor.head.head  # "held in a hotel in Ghana": where the hotel is
    if prep in ("in", "on") and lemma(governor) in lx.FACILITY_NOUNS | _CUSTODY_NOUNS:
        return _vote(ctx, mention, HOST, w.ARRIVED_IN, arrived_in, governor)  # "two migration centres in Albania"
    if (
        prep == "for"
        and lemma(governor) in lx.LEAVE_VERBS
        and any(_code(c) not in (None, mention.iso3) for c in governor.children)
    ):
        return _vote(ctx, mention, HOST, w.LEFT, arrived_in, governor)  # "asylum seekers who left Israel for Uganda"
    if _detained_in(proxy(mention.token)):
        return _vote(ctx, mention, HOST, w.ARRIVED_IN, arrived_in, governor)  # "the detention of migrants in Albania"
    if prep == "in" and lemma(governor) in _STAY_VERBS and _deported_people(governor):
        return _vote(ctx, mention, HOST, w.ARRIVED_IN, arrived_in, governor)  # "the men expelled ... remain in Juba"
    if prep != "in" or lemma(governor) not in lx.IN_HOST_VERBS or negated(governor):
        return None  # not "nobody who arrived by boat would ever be settled in Australia"
    if _awaiting_removal_there(mention):
        return None  # "Gjader could also hold migrants already in Italy who are awaiting removal"
    if lemma(governor) in lx.ARRIVE_VERBS and _officials_arrive(governor):
        return None  # "a day before European leaders arrive in Tunis": a visit, not people sent
    if lemma(governor) in lx.ARRIVE_VERBS and _arrival_where_sent(ctx, mention, governor):
        return _vote(ctx, mention, HOST, w.SENT_TO_FAR, arrived_in, governor.head.head)
    if lemma(governor) in lx.ARRIVE_VERBS:
        sent_elsewhere = any(
            other.iso3 != mention.iso3 and sent_to(ctx, other) is not None for other in ctx.mentions
        )  # "moved to a reception centre in a country such as Rwanda"
        irregular = lx.IRREGULAR_ARRIVAL.search(ctx.sentence.text) is not None
        if sent_elsewhere or irregular:  # "people arriving in the UK illegally will be sent to Rwanda"
            return _vote(ctx, mention, DEPORTING, w.ARRIVED_BEFORE_TRANSFER, arrived_in, governor)
        arrivals = [governor.head] if governor.dep_ == "relcl" else []  # "people who arrived", "the deportees"
        arrivals += [t for c in governor.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
        if mention.iso3 in countries().deporting_prior and not any(carries_people(t) for t in arrivals):
            return None  # "people who arrived in the United States before the rule": migrants, not deportees
    return _vote(ctx, mention, HOST, w.ARRIVED_IN, arrived_in, governor)


def _arrival_where_sent(ctx: Context, mention: CountryMention, arrive: Token) -> bool:
    """« L'Australie envoie les demandeurs d'asile arrivés par bateau à Nauru »: the French parser hangs the
    place of a sending that names no destination of its own on the participle describing the people sent; the
    place is where they are sent (not a state known for sending: "sends asylum seekers arriving in Australia")."""
    people, sending = arrive.head, arrive.head.head
    if arrive.dep_ != "acl" or people.dep_ != "dobj" or not carries_people(sending) or negated(sending):
        return False
    if mention.iso3 in countries().deporting_prior or ctx.doc.lang_ == "en":
        return False  # the English parse attaches "to" where it belongs
    return not any(spelled(c) in ("to", "into") for c in sending.children if c.dep_ in ("prep", "dative"))


def _officials_arrive(verb: Token) -> bool:
    """The ones who arrive are officials ("European leaders arrive in Tunis", "the minister landed in Kigali")."""
    arriving = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl") and not arriving:
        arriving = [verb.head]
    return bool(arriving) and all(lemma(t) in lx.ACTOR_NOUNS or t.ent_type_ in ("PERSON", "PER") for t in arriving)


@rule("roles", "its-decision-to-receive", kind="mention")
def its_decision_to_receive(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Kosovo's decision to receive deportees from the United States", "Uganda's offer to take in migrants",
    « la décision du Kosovo d'accueillir des expulsés »: the state whose decision, offer or refusal it is to receive
    people is the host of what it decided (or refused)."""
    token = conj_head(mention.token)
    owned = token.dep_ == "poss" or (token.dep_ == "pobj" and spelled(token.head) == "of")
    noun = token.head if token.dep_ == "poss" else token.head.head
    if not owned or lemma(noun) not in lx.INTENT_NOUNS:
        return None
    for clause in noun.children:
        refugees = any(lemma(t) in lx.REFUGEE_NOUNS for c in clause.children if c.dep_ == "dobj" for t in c.subtree)
        receives = is_host_word(clause) and receives_people(clause) and not its_own_citizens(clause) and not refugees
        if clause.dep_ in ("acl", "xcomp", "relcl") and receives:
            return _vote(ctx, mention, HOST, w.SUBJECT_OF_RECEIVE, its_decision_to_receive, noun, clause)
    return None


@rule("roles", "asylum-sought-in", kind="mention")
def asylum_sought_in(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "migrants who claim asylum in Britain could be sent to Rwanda", "people who apply for asylum in Germany would
    have their claims examined in Rwanda": where people seek asylum, in a sentence that names another state they are
    sent to or have their claims decided in, is the state that sends them."""
    found = _prep_object(mention)
    if found is None:
        return None
    prep, _, governor = found
    near = [governor, *governor.children, *(g for c in governor.children for g in c.children)]
    asylum = lemma(governor) in lx.ASYLUM_WORDS or (
        lemma(governor) in lx.SEEK_VERBS and any(lemma(t) in lx.ASYLUM_WORDS for t in near)
    )
    if prep != "in" or not asylum or negated(governor):
        return None  # not "asylum seekers who did not first apply for asylum in Armenia"
    seekers = governor.head if governor.dep_ in ("relcl", "acl") else None
    if seekers is not None and lemma(seekers) not in lx.MIGRANT_NOUNS | lx.PEOPLE_AT_LARGE:
        return None  # "the man, who had sought asylum in Armenia before ...": one person's route, not a scheme's
    elsewhere = any(
        other.iso3 != mention.iso3 and (sent_to(ctx, other) is not None or processes_claims(ctx, other) is not None)
        for other in ctx.mentions
    )
    if not elsewhere and not _unnamed_elsewhere(ctx.sentence.span):
        return None
    return _vote(ctx, mention, DEPORTING, w.ARRIVED_BEFORE_TRANSFER, asylum_sought_in, governor)


def _unnamed_elsewhere(span: Span) -> bool:
    """ "would have their claims examined in a safe country outside the European Union", "sent to a third country",
    "processed abroad": people sent, or their claims decided, in a state the sentence leaves unnamed."""
    for token in span:
        moved = token.head.head if token.dep_ == "pobj" and spelled(token.head) in ("in", "to") else None
        if lemma(token) in lx.ABROAD_WORDS and token.dep_ == "advmod":
            moved = token.head
        if moved is None or not (lemma(moved) in lx.PROCESS_WORDS or carries_people(moved)):
            continue
        if lemma(token) in lx.ABROAD_WORDS or (lemma(token) in lx.SOME_STATE and not token.ent_id_):
            return True
    return False


_CITIZEN_NOUNS: Final = frozenset({"citizen", "national"})


@rule("roles", "its-own-citizens")
def its_own_citizens(verb: Token) -> bool:
    """ "South Sudan will accept the return of its own citizens (but will not take nationals of other countries)": a
    state receiving its own citizens takes people home; it hosts no one under a third-country deal."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for c in objects for p in c.children if spelled(p) == "of" for o in p.children if o.dep_ == "pobj"]
    return any(
        lemma(o) in _CITIZEN_NOUNS and any(c.dep_ == "poss" and spelled(c) in ("its", "their") for c in o.children)
        for o in objects
    )


@rule("roles", "subject-of-receive", kind="mention")
def subject_of_receive(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Rwanda agreed to accept up to 250 migrants", "Uganda will take in deportees", "Kosovo agreed to host 50":
    the subject of a receiving verb (weaker when the verb is further down the chain: "signed a deal to host")."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    _, verb, _ = found
    controls = object_controls(verb)  # "Australia paid Nauru to house them": Nauru houses them
    direct = [verb, *[c for c in verb.children if c.dep_ == "conj" or (c.dep_ == "xcomp" and not controls)]]
    direct += [x for c in verb.children if c.dep_ == "acomp" for x in c.children if x.dep_ == "xcomp"]
    direct = [t for t in direct if not held_abroad(t, mention.iso3) and not contrasted_away(t)]
    near = [
        t
        for t in direct
        if is_host_word(t) and receives_people(t) and not its_own_citizens(t) and not _refugees_only(t)
    ]
    if near and resettlement(near[0]):
        return None
    if near:
        return _vote(ctx, mention, HOST, w.SUBJECT_OF_RECEIVE, subject_of_receive, near[0])
    decided = lx.INTENT_NOUNS - _NOT_DECIDED if lemma(verb) in _ENDORSE_VERBS else frozenset()
    far = [
        t
        for t in controlled(verb, lx.AGREEMENT_NOUNS | decided)  # "approved a decision to accept up to 50 nationals"
        if is_host_word(t)
        and receives_people(t)
        and not resettlement(t)
        and not held_abroad(t, mention.iso3)
        and not _refugees_only(t)
        and not contrasted_away(t)
    ]
    if lemma(verb) in _APPROACH_VERBS:
        far = []  # "Norway approached Moldova about taking them": the one asked would take them
    if far and _partner_of_the_deal(far[0], mention.iso3) and mention.iso3 in countries().deporting_prior:
        # "The US signed an agreement with Uganda to accept deportees": the sentence leaves open who accepts, and
        # the subject is a state known for sending; the rest of the document, or that knowledge, decides
        return _vote(ctx, mention, PARTY, w.PARTY_SUBJECT, subject_of_receive, far[0])
    if far:
        return _vote(ctx, mention, HOST, w.SUBJECT_OF_RECEIVE_FAR, subject_of_receive, far[0])
    for candidate in direct:  # "Kosovo offered to become a return hub for the UK"
        nouns = [
            c
            for c in candidate.children
            if lemma(c) in lx.HOST_NOUNS
            and (c.dep_ in ("attr", "oprd") or (c.dep_ == "dobj" and lemma(candidate) in _OFFER_VERBS))
        ]  # not "Britain is exploring return hubs": who seeks hubs sends people to them
        if nouns:
            return _vote(ctx, mention, HOST, w.DESTINATION, subject_of_receive, nouns[0])
    return None


_OFFER_VERBS = frozenset({"become", "offer", "provide", "serve", "volunteer"})
_NOT_DECIDED = frozenset({"refusal", "turn"})
# who approves a decision to accept people takes them in (not who criticises or condemns one)
_ENDORSE_VERBS = frozenset(
    {"approve", "adopt", "take", "make", "announce", "endorse", "confirm", "pass", "sign"}
)  # "a refusal to accept", "its turn to" (its-decision-to-receive)


def _refugees_only(verb: Token) -> bool:
    """ "Chad, which hosts hundreds of thousands of Sudanese refugees", « le Tchad, qui accueille des centaines de
    milliers de réfugiés »: refugees a state hosts came of themselves; no one sent them (unless the words say so:
    "refugees deported from Israel", or they are resettled)."""
    if lemma(verb) in lx.RESETTLE_VERBS:
        return False  # "Cambodia would resettle refugees from Nauru": resettlement is arranged, people are moved
    objects = [c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "prep" and spelled(c) == "of")]
    received = [t for c in objects for t in c.subtree]  # « des centaines de réfugiés »: a partitive "of"
    sent = any(lemma(t) in lx.DEPORT_VERBS | lx.DEPORT_NOUNS for t in received)
    return not sent and any(lemma(t) in lx.REFUGEE_NOUNS for t in received)


def _partner_of_the_deal(verb: Token, iso3: str) -> bool:
    """ "The US reached an agreement with Paraguay to take in asylum seekers": a receiving verb hung on a deal made
    with another state leaves open which of the two receives (the subject, or the partner)."""
    for above in verb.ancestors:  # "agreements the administration struck with Eswatini ... to take deportees" too
        deals = [c for c in above.children if c.dep_ in ("dobj", "nsubjpass") and lemma(c) in lx.AGREEMENT_NOUNS]
        partnered = any(  # "signed an agreement with Uganda to accept deportees": "with" hangs on the noun
            c.dep_ == "prep" and c.lower_ == "with" and any(_code(o) not in (None, iso3) for o in c.children)
            for holder in (above, *deals)
            for c in holder.children
        )
        if partnered or lemma(above) in lx.AGREEMENT_NOUNS:
            return partnered
    return False


def held_abroad(verb: Token, iso3: str) -> Token | None:
    """ "hold up to 3,000 people in the two Albanian centres": where a verb of custody puts people in another
    state, the word that names that state."""
    if lemma(verb) not in lx.CUSTODY_VERBS:
        return None
    for word in verb.subtree:
        code = _code(word)
        if code is not None and code != iso3 and word.i > verb.i:
            ancestors = list(word.ancestors)[:4]
            place = next((a for a in ancestors if a.dep_ == "prep" and spelled(a) in ("in", "on", "at")), None)
            if place is not None and not _where_they_are(place):
                return word
    return None


def _where_they_are(place: Token) -> bool:
    """ "hold migrants already in Italy": where the people are now, not where they are held."""
    around = [*place.children, *(place.head.children if place.head.pos_ in ("NOUN", "PROPN", "PRON") else [])]
    if any(spelled(c) in ("already", "still", "currently") for c in around):
        return True
    return any(spelled(c) == "already" for c in place.head.children)  # "hold migrants already in": not "still holding"


def _awaiting_removal_there(mention: CountryMention) -> bool:
    """People "already in" a state and awaiting removal from it: it is where they are sent from."""
    place = proxy(mention.token).head
    if place.dep_ != "prep" or not _where_they_are(place):
        return False
    return any(is_deport_word(t) for t in place.head.subtree if t.i > mention.token.i)


@rule("roles", "for-it-to-receive", kind="mention")
def for_it_to_receive(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "The memorandum provides a framework for Nauru to receive non-citizens": the state in "for X to" is the
    subject of the receiving verb that follows it."""
    actor = proxy(mention.token)
    if actor.dep_ != "pobj" or spelled(actor.head) != "for" or actor.right_edge.i + 2 >= len(ctx.doc):
        return None
    to, verb = ctx.doc[actor.right_edge.i + 1], ctx.doc[actor.right_edge.i + 2]
    if spelled(to) != "to" or verb.pos_ != "VERB" or not (is_host_word(verb) and receives_people(verb)):
        return None
    return _vote(ctx, mention, HOST, w.SUBJECT_OF_RECEIVE_FAR, for_it_to_receive, verb)


@rule("roles", "no-right-to-stay", kind="mention")
def no_right_to_stay(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "people who have no legal right to remain in Australia", "who cannot stay in Britain": the state people
    may not stay in is the one that sends them away — often home, under a returns deal, so the vote only leans the
    state towards sending (``weights.NO_RIGHT_TO_STAY``) and makes no side by itself."""
    found = _prep_object(mention)
    if found is None or found[0] != "in" or lemma(found[2]) not in _REMAIN_VERBS:
        return None
    stay = found[2]
    right = stay.head if stay.dep_ in ("acl", "xcomp", "advcl") else None
    denied = negated(stay) or (
        right is not None
        and lemma(right) in _RIGHT_NOUNS
        and any(spelled(c) == "no" for c in right.children if c.dep_ == "det")
    )
    return _vote(ctx, mention, DEPORTING, w.NO_RIGHT_TO_STAY, no_right_to_stay, stay) if denied else None


_REMAIN_VERBS: Final = frozenset({"stay", "remain"})
_RIGHT_NOUNS = frozenset({"right", "permission", "leave", "basis"})


@rule("roles", "holds-abroad", kind="mention")
def holds_abroad(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Italy can hold up to 3,000 people in the two Albanian centres": a state that keeps people in custody in
    another state sends them there."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    _, verb, _ = found
    for candidate in (verb, *[c for c in verb.children if c.dep_ in ("xcomp", "conj")]):
        if held_abroad(candidate, mention.iso3) is not None:
            return _vote(ctx, mention, DEPORTING, w.HOLDS_ABROAD, holds_abroad, candidate)
    return None


@rule("roles", "asks-another-to-receive", kind="mention")
def asks_another_to_receive(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "The United States wants Ecuador to accept 300 people a year", "Britain pressed Rwanda to take more": the
    state that wants another state to receive people is the one that sends them."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    _, verb, _ = found
    if lemma(verb) not in ASKING_VERBS:
        return None
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    clauses += [  # "approached five governments, including Gabon, about taking in deported migrants"
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("about", "over")
        for p in c.children
        if p.dep_ == "pcomp"
    ]
    asked = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree if _code(t)]  # the states asked
    for clause in clauses:
        if is_host_word(clause) and receives_people(clause):
            other = [c for c in (*clause.children, *verb.children) if c.dep_ in ("nsubj", "dobj") and _code(c)]
            if any(_code(c) != mention.iso3 for c in (*other, *asked)):
                return _vote(ctx, mention, DEPORTING, w.ASKS_TO_RECEIVE, asks_another_to_receive, verb)
    return None


@rule("roles", "seeks-receivers", kind="mention")
def seeks_receivers(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "the United States has sought partners willing to take deportees", "Britain is looking for countries to
    accept failed asylum seekers", « la France cherche des pays prêts à accueillir »: a state that looks for states
    to receive people is the one that would send them."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    _, verb, _ = found
    if lemma(verb) not in lx.SEARCH_VERBS:
        return None
    wanted = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    wanted += [p for c in verb.children if c.dep_ == "prep" and spelled(c) in lx.SEARCH_PREPS for p in c.children]
    for noun in wanted:
        if lemma(noun) not in lx.RECEIVER_NOUNS or _code(noun):
            continue
        if any(is_host_word(t) and receives_people(t) for t in noun.subtree if t.i != noun.i):
            return _vote(ctx, mention, DEPORTING, w.SEEKS_RECEIVERS, seeks_receivers, verb)
    return None


@rule("roles", "asked-to-take", kind="mention")
def asked_to_take(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "in June persuaded Kosovo to take up to 50 people", "Washington pressed Ghana to accept deportees", "has
    signed up Rwanda and Uganda to take others": the state another asks, presses, persuades or signs up to receive
    people is the one that would receive them."""
    token = proxy(mention.token)
    if token.dep_ != "dobj" or not asks_another(token.head):
        return None
    verb = token.head
    clauses = [
        c
        for c in verb.children
        if c.i > token.i
        and (c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(spelled(a) == "to" for a in c.children)))
    ]  # "signed up Rwanda and Uganda to take others": the parser hangs the infinitive as a clause of purpose
    for clause in clauses:
        if is_host_word(clause) and receives_people(clause) and not its_own_citizens(clause):
            return _vote(ctx, mention, HOST, w.SUBJECT_OF_RECEIVE_FAR, asked_to_take, clause)
    return None


_REQUEST_NOUNS: Final = frozenset(
    {"request", "proposal", "demand", "approach", "plea"}
)  # not an offer: its owner hosts


def _request_to_receive(noun: Token) -> bool:
    """ "a request to take in deportees", "received no request from Washington to accept people" (the infinitive
    hung on the verb): a request noun whose infinitive receives people."""
    if lemma(noun) not in _REQUEST_NOUNS:
        return False
    infinitives = [c for c in noun.children if c.dep_ in ("acl", "relcl", "xcomp")]
    if noun.dep_ == "dobj":
        infinitives += [c for c in noun.head.children if c.dep_ in ("advcl", "xcomp")]
    return any(is_host_word(c) and receives_people(c) for c in infinitives)


@rule("roles", "asked-to-receive", kind="mention")
def asked_to_receive(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Nigeria rejected a US request to take in deportees", "Benin received a proposal from Washington to accept
    deported migrants": the state that receives, rejects or weighs a request to receive people is the one asked
    to host them; the state the request comes from ("a US request", "from Washington") sends them."""
    token = proxy(mention.token)
    if token.dep_ in ("compound", "amod", "poss", "nmod") and _request_to_receive(token.head):
        return _vote(ctx, mention, DEPORTING, w.ASKS_TO_RECEIVE, asked_to_receive, token.head)
    if token.dep_ == "pobj" and spelled(token.head) == "from" and _request_to_receive(token.head.head):
        return _vote(ctx, mention, DEPORTING, w.ASKS_TO_RECEIVE, asked_to_receive, token.head.head)
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    _, verb, _ = found
    requests = [c for c in verb.children if c.dep_ == "dobj" and _request_to_receive(c)]
    if requests:
        return _vote(ctx, mention, HOST, w.ASKS_TO_RECEIVE, asked_to_receive, requests[0])
    return None


@rule("roles", "accept-from", kind="mention")
def accept_from(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Rwanda will accept migrants from the United States": the one state people are received from sends
    them (a list of states is their nationalities; see people-from)."""
    found = _prep_object(mention)
    if found is None or found[0] != "from" or mention.token.dep_ == "conj":
        return None
    _, _, governor = found
    if any(c.dep_ == "conj" for c in conj_head(mention.token).children):
        return None
    if is_host_word(governor) or (lemma(governor) in lx.MIGRANT_NOUNS and _received(governor)):
        verb = governor if is_host_word(governor) else governor.head
        if resettlement(verb):
            return None  # "Syrian refugees from Turkey": people of one state, from another — not a deportation
        if lemma(governor) == "refugee" or any(lemma(c) == "refugee" for c in verb.children if c.dep_ == "dobj"):
            return None  # "hosts 5,000 refugees from Ukraine": they fled it
        return _vote(ctx, mention, DEPORTING, w.ACCEPT_FROM, accept_from, governor)
    return None


@rule("roles", "receivers-listed", kind="mention")
def receivers_listed(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "joining Uganda, Rwanda and South Sudan as countries to receive deported migrants", "Uganda joins a list of
    countries that have agreed to take in migrants", "Ghana joins Eswatini and South Sudan in accepting US
    deportees", "Ghana joins Rwanda and Uganda on the list of states taking deportees": states listed among
    receivers."""
    token = conj_head(mention.token)
    verb = token.head
    if token.dep_ == "dobj" and lemma(verb) in ("include", "comprise") and verb.dep_ in ("relcl", "acl"):
        group = verb.head  # "a network that already includes Rwanda, Eswatini and South Sudan"
        receivers = [t for t in ctx.sentence.span if is_host_word(t) and not contrasted_away(t)]
        if lemma(group) in lx.GROUP_NOUNS and receivers:
            return _vote(ctx, mention, HOST, w.RECEIVERS_LISTED, receivers_listed, verb)
    if token.dep_ == "nsubj" and lemma(verb) in ("join", "become"):
        for obj in verb.children:
            receivers = (
                [t for t in obj.subtree if is_host_word(t) and not contrasted_away(t)]
                if obj.dep_ in ("dobj", "attr")
                else []
            )
            if receivers:
                return _vote(ctx, mention, HOST, w.RECEIVERS_LISTED, receivers_listed, receivers[0])
    for child in verb.children:
        as_phrase = (
            (child.dep_ == "prep" and spelled(child) == "as")
            or (child.dep_ == "advcl" and any(c.dep_ == "mark" and spelled(c) == "as" for c in child.children))
            or (child.dep_ == "prep" and spelled(child) in ("in", "on") and lemma(verb) in ("join", "follow"))
        )  # "Ghana joins Eswatini and South Sudan in accepting US deportees", "... on the list of states taking"
        receivers = [t for t in child.subtree if is_host_word(t) and not contrasted_away(t)] if as_phrase else []
        if spelled(child) == "on" and any(is_deport_word(t) and t.pos_ == "VERB" for t in child.subtree):
            receivers = []  # "joined Britain on a list of governments that want to send ... to states that take them"
        if receivers and token.dep_ in ("dobj", "nsubj", "nsubjpass"):
            return _vote(ctx, mention, HOST, w.RECEIVERS_LISTED, receivers_listed, receivers[0])
    return None


_CELL_BAR = "|"
_RULE_LINE = re.compile(r"[\s|:\-+]*")  # a Markdown table's "|---|:---|" line


def _cells(line: str, start: int) -> list[tuple[int, int]]:
    """The (start, end) of each cell's text in a table row that starts at ``start``, blanks stripped (a Markdown
    row's outer bars, "| Italy | Albania |", open and close no cell)."""
    cells, pos = [], 0
    for part in line.split(_CELL_BAR):
        stripped = part.strip()
        offset = start + pos + (part.index(stripped) if stripped else 0)
        cells.append((offset, offset + len(stripped)))
        pos += len(part) + len(_CELL_BAR)
    if line.strip().startswith(_CELL_BAR):
        cells = cells[1:]
    if line.strip().endswith(_CELL_BAR) and cells:
        cells = cells[:-1]
    return cells


def _table_row(text: str, at: int) -> tuple[int, str, int, str] | None:
    """The row that holds offset ``at`` (a line of three cells or more, "Italy | Albania | Protocol") and the
    header of its table, the first line of the block of rows it belongs to: (row start, row, header start, header)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    row = text[start : end if end >= 0 else len(text)]
    if not table_row(row):
        return None
    header_start, header = start, row
    while header_start > 0:
        above_start = text.rfind("\n", 0, header_start - 1) + 1
        above = text[above_start : header_start - 1]
        if _RULE_LINE.fullmatch(above) and _CELL_BAR in above:
            header_start = above_start
            continue
        if not table_row(above):
            break
        header_start, header = above_start, above
    return start, row, header_start, header


def _cell_text(text: str, cell: tuple[int, int]) -> str:
    """A cell's words without the article a state's name may carry ("the Netherlands")."""
    words = text[cell[0] : cell[1]]
    for article in lx.CELL_ARTICLES:
        if words.lower().startswith(article):
            return words[len(article) :]
    return words


def _heading_role(heading: str) -> Literal["deporting", "host"] | None:
    words = re.sub(r"\s*\(.*?\)\s*", " ", heading).strip().lower()  # "Status (October 2025)"
    if words in lx.TABLE_SENDER_HEADINGS:
        return DEPORTING
    if words in lx.TABLE_HOST_HEADINGS:
        return HOST
    return None


@rule("roles", "table-column", kind="mention")
def table_column(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Country | Partner | Instrument | Status" over "Italy | Albania | Protocol, 2023 | Operating": in a table
    written as lines of cells, a state that fills a cell of its own has the role its column's heading names (the
    sending state's column, "Country", "Sending state"; the other's, "Partner", "Host", "Third country"; a table of
    one sender's partners has only the second). A row of a table without such a header makes its first two cells,
    when both are states, parties to one arrangement (the direction is left to the rest of the story)."""
    text = doc_text(ctx.doc)
    found = _table_row(text, mention.start)
    if found is None:
        return None
    row_start, row, header_start, header = found
    cells = _cells(row, row_start)
    column = next((i for i, (a, b) in enumerate(cells) if a <= mention.start and mention.end <= b), None)
    if column is None or _cell_text(text, cells[column]) != mention.text:
        return None
    mention_evidence = Evidence(mention.start, mention.end, mention.text, "party")
    if header_start != row_start:
        heads = _cells(header, header_start)
        roles = [_heading_role(text[a:b]) for a, b in heads]
        role = roles[column] if len(heads) == len(cells) else None
        if role == DEPORTING and HOST not in roles:
            role = None  # "Country | Deportees | Date" lists hosts as often as senders: only beside a host column
        if role is not None:
            a, b = heads[column]
            spans = (Evidence(mention.start, mention.end, mention.text, role), Evidence(a, b, text[a:b], role))
            return Vote(
                mention.iso3, role, w.TABLE_COLUMN, rule_id(table_column), spans, mention.token.i, mention.basis
            )
    states = {
        m.token.i
        for m in ctx.mentions
        if any(a <= m.start and m.end <= b and _cell_text(text, (a, b)) == m.text for a, b in cells[:2])
    }
    if column < 2 and len(states) == 2:
        return Vote(
            mention.iso3,
            PARTY,
            w.PARTY_SUBJECT,
            rule_id(table_column),
            (mention_evidence,),
            mention.token.i,
            mention.basis,
        )
    return None


@rule("roles", "processes-claims", kind="mention")
def processes_claims(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Rwanda will process their asylum claims", "offshore processing on Nauru", "Paraguay will share
    responsibility for the examination of applications": the state that decides the people's claims has them. But
    a state that processes claims abroad sends the people there (« une loi autorisant le traitement des demandes
    d'asile à l'étranger »), and one known for sending examines its own ("Rome hoped to examine 36,000 a year")."""
    found = _prep_object(mention)
    if found is not None and found[0] in ("in", "on") and lemma(found[2]) in lx.PROCESS_WORDS:
        return _vote(ctx, mention, HOST, w.PROCESSES, processes_claims, found[2])
    if found is not None and found[0] in ("in", "on") and lemma(found[2]) in lx.CLAIM_NOUNS:
        verb = found[2].head  # "the plan to process asylum claims in Rwanda": the place hangs on the claims
        if lemma(verb) in lx.PROCESS_WORDS and found[2].dep_ in ("dobj", "obj"):
            return _vote(ctx, mention, HOST, w.PROCESSES, processes_claims, verb)
    subject = _subject_verb(mention)
    if subject is None or subject[2]:
        return None
    _, verb, _ = subject
    whose = _whose(proxy(mention.token))
    owned = set(whose.head.subtree) if whose is not None else set()  # "Oslo, whose plan for processing in X": its
    for word in verb.subtree:  # scheme's processing is another state's (owner-of-the-scheme)
        if lemma(word) not in lx.PROCESS_WORDS or word.i == mention.token.i or _course_of(word) or word in owned:
            continue
        if caused(word) or (word.dep_ in ("xcomp", "ccomp") and lemma(word.head) in lx.CAUSATIVE_VERBS):
            continue  # « pour y faire examiner des demandes d'asile », « veut faire examiner »: others examine them
        claims = [t for t in word.subtree if lemma(t) in lx.CLAIM_NOUNS and not _names_a_deal(t)]
        if not claims or not (word == verb or word.dep_ in ("xcomp", "dobj", "pobj", "conj")):
            continue
        abroad = next((t for t in word.subtree if lemma(t) in lx.ABROAD_WORDS), None)
        if abroad is not None:  # « une loi autorisant le traitement des demandes d'asile à l'étranger »
            return _vote(ctx, mention, DEPORTING, w.PROCESSES, processes_claims, word, abroad)
        if mention.iso3 in countries().deporting_prior:
            return None  # "Rome hoped to examine 36,000 claims a year": its own claims, wherever it examines them
        return _vote(ctx, mention, HOST, w.PROCESSES, processes_claims, word)
    return None


def _course_of(word: Token) -> bool:
    """ "has begun the process of terminating its agreements": a course of action, not the examination of claims."""
    return any(
        spelled(p) == "of" and any(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in p.children) for p in word.children
    )


def _names_a_deal(word: Token) -> bool:
    """ "Asylum" in "its Asylum Cooperative Agreements": a word of a deal's name, not the people's claims."""
    return word.dep_ in ("compound", "amod") and lemma(word.head) in lx.ARRANGEMENT_NOUNS


def _scheme_noun(token: Token) -> bool:
    """A scheme, plan or deal, or a letter of intent ("the Dutch letter of intent with Uganda")."""
    if lemma(token) in lx.SCHEME_NOUNS:
        return True
    following = doc_text(token.doc)[token.idx : token.idx + 40]
    return lemma(token) in lx.INTENT_DOCUMENTS and lx.LETTER_OF_INTENT.match(following) is not None


@rule("roles", "named-after-its-host")
def named_after_its_host(mention: CountryMention) -> bool:
    """ "the Albanian model", « le modèle albanais », "the Rwandan scheme": a scheme called by the demonym of a state
    that is not known for sending people is named after where it sends them, as "the Albania model" is — unless
    the scheme is that state's own to send ("a Libyan plan to deport migrants to Niger")."""
    token = mention.token
    if mention.kind != "demonym" or mention.iso3 in countries().deporting_prior:
        return False
    if token.dep_ not in ("amod", "compound") or lemma(token.head) not in lx.SCHEME_NOUNS:
        return False
    return not any(c.dep_ in ("acl", "relcl", "xcomp", "advcl") and carries_people(c) for c in token.head.children)


@rule("roles", "owner-of-the-scheme", kind="mention")
def owner_of_the_scheme(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Italian-run centres in Albania", "an Israeli plan to expel asylum seekers", "the Italian scheme", "Italy's
    plan to process asylum claims in Albania", "Britain's Rwanda scheme": the state whose scheme or centres they are
    sends people to them (a demonym, a name with "-run", a possessive on a plan to send or process or on a scheme
    named after another state; "the Rwanda plan" is named after its host, see scheme-named-after-host)."""
    text = doc_text(ctx.doc)
    suffix = lx.OWNER_SUFFIX.match(text, mention.end)
    if suffix is not None:
        return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, owner_of_the_scheme)
    token = mention.token
    if (
        mention.kind == "demonym"
        and token.dep_ in ("amod", "compound")
        and _scheme_noun(token.head)
        and not named_after_its_host(mention)
    ):
        return _vote(ctx, mention, DEPORTING, w.OWNER_SCHEME, owner_of_the_scheme, token.head)
    host_name = token.head  # "the British Rwanda scheme": the owner of a scheme named after its host
    if (
        mention.kind == "demonym"
        and token.dep_ in ("amod", "compound")
        and _code(host_name) not in (None, mention.iso3)
        and host_name.dep_ == "compound"
        and _scheme_noun(host_name.head)
    ):
        return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, owner_of_the_scheme, host_name.head)
    hub = token.head.head if lemma(token.head) in lx.READMISSION_NOUNS else token.head
    returns = lemma(token.head) in lx.READMISSION_NOUNS or any(
        c.dep_ == "compound" and lemma(c) in lx.READMISSION_NOUNS for c in hub.children
    )
    if mention.kind == "name" and token.dep_ == "compound" and returns and lemma(hub) in lx.FACILITY_NOUNS:
        return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, owner_of_the_scheme, hub)  # "a UK return hub"
    if (
        mention.kind == "name"
        and token.dep_ in ("compound", "nmod")
        and lemma(token.head) in lx.ARRANGEMENT_NOUNS
        and mention.iso3 in countries().deporting_prior
        and any(c.dep_ in ("compound", "amod") and _third_country(c) for c in token.head.children)
    ):  # "the US third-country deals": a sender's deals to send people to third countries
        return _vote(ctx, mention, DEPORTING, w.OWNER_DEALS, owner_of_the_scheme, token.head)
    if token.dep_ != "poss" and proxy(token).dep_ == "poss":
        token = proxy(token)  # "the British government's plan to send asylum seekers to Rwanda"
    token = _whose(proxy(token)) or token  # "Copenhagen, whose plan for asylum processing in Rwanda stalled"
    scheme = _titled_scheme(token.head) if token.dep_ == "poss" else None
    if (  # "Britain's Safety of [Rwanda Act]", as the parser may read it
        scheme is not None
        and scheme != token.head
        and any(c.dep_ == "compound" and _code(c) not in (None, mention.iso3) for c in scheme.children)
    ):
        return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, owner_of_the_scheme, scheme)
    if token.dep_ == "poss" and lemma(token.head) in lx.SCHEME_NOUNS | lx.PURPOSE_NOUNS:  # "Italy's plan to process
        named_after = [
            c
            for c in token.head.subtree
            if c.i < token.head.i
            and (c.dep_ == "compound" or (_titled_after(c) != c and _titled_after(c).dep_ in ("compound", "nmod")))
            and _code(c) not in (None, mention.iso3)
        ]
        if named_after:  # "Britain's Rwanda scheme", "Britain's Safety of Rwanda Act": a scheme named after its host
            return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, owner_of_the_scheme, token.head)
        clauses = [c for c in token.head.children if c.dep_ in ("acl", "relcl")]
        clauses += [  # "Britain's plan of sending asylum seekers to Rwanda", "Australia's policy of holding them"
            g
            for p in token.head.children
            if p.dep_ == "prep" and spelled(p) == "of"
            for g in p.children
            if g.dep_ == "pcomp"
        ]
        clauses += [  # "Denmark's plan for asylum processing in Rwanda", "Britain's plan for deportations"
            g
            for p in token.head.children
            if p.dep_ == "prep" and spelled(p) == "for"
            for g in p.children
            if g.dep_ == "pobj" and (lemma(g) in lx.PROCESS_WORDS or is_deport_word(g))
        ]
        purpose = [
            c
            for c in clauses
            if is_deport_word(c) or lemma(c) in lx.PROCESS_WORDS | lx.RETURN_VERBS | lx.HOLD_ABROAD_VERBS
        ]
        if purpose:
            return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, owner_of_the_scheme, token.head, purpose[0])
        if lemma(token.head) not in lx.SCHEME_NOUNS:
            return None  # "Denmark's idea": a scheme only by its purpose
        kind = [c for c in token.head.children if c.dep_ in ("compound", "amod") and _moves_or_holds(c)]
        if kind:  # "Canberra's offshore processing policy", "Britain's deportation programme"
            return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, owner_of_the_scheme, token.head, kind[0])
    return None


def _whose(token: Token) -> Token | None:
    """The "whose" of a relative clause on the word: "Copenhagen, whose plan ... stalled" (the state owns the plan)."""
    for clause in token.children:
        if clause.dep_ != "relcl":
            continue
        found = next((t for t in clause.subtree if t.lower_ == "whose" and t.dep_ == "poss"), None)
        if found is not None:
            return found
    return None


# not "detention" (a host's own: "Nauru's detention system"), not "regime" or "system" (a host has one too)
_HOLDING_WORDS = frozenset({"offshore", "offshoring"})


def _third_country(word: Token) -> bool:
    """ "third-country" (one token, or "country" with "third" before it) or "deportation" as a deal's kind."""
    return lemma(word) in ("third-country", "deportation") or (
        lemma(word) == "country" and any(c.lower_ == "third" for c in word.children)
    )


def _moves_or_holds(word: Token) -> bool:
    """A scheme's kind that moves or holds people elsewhere: processing, offshore, deportation."""
    return (
        lemma(word) in lx.PROCESS_WORDS | _HOLDING_WORDS
        or is_deport_word(word)
        or any(lemma(c) in lx.PROCESS_WORDS | _HOLDING_WORDS for c in word.children if c.dep_ in ("amod", "compound"))
    )


@rule("roles", "held-under-a-scheme", kind="mention")
def held_under_a_scheme(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Australia's policy of holding asylum seekers on Nauru", "Denmark's idea of processing claims in Rwanda",
    "Italy's plan to detain migrants in Albania": where a state's own scheme holds or processes people is where it
    sends them (the owner: owner-of-the-scheme)."""
    found = _prep_object(mention)
    if found is None or mention.kind != "name":
        return None
    prep, _, verb = found
    if verb.dep_ == "dobj":  # "to detain migrants in Albania": the place hung on the people held
        verb = verb.head
    if prep not in ("in", "on", "at") or lemma(verb) not in lx.HOLD_ABROAD_VERBS | lx.PROCESS_WORDS:
        return None
    scheme = verb.head.head if verb.dep_ == "pcomp" and spelled(verb.head) == "of" else verb.head
    if verb.dep_ not in ("pcomp", "acl") or lemma(scheme) not in lx.SCHEME_NOUNS | lx.PURPOSE_NOUNS:
        return None
    owners = [c for c in scheme.children if c.dep_ == "poss" and _code(proxy(c)) not in (None, mention.iso3)]
    if not owners:
        return None
    held = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
    if any(t.ent_id_ == mention.iso3 and t.ent_type_ == "NORP" for t in held):
        return None  # "to hold Syrian refugees in Syria": its own people
    return _vote(ctx, mention, HOST, w.HELD_UNDER_A_SCHEME, held_under_a_scheme, verb)


@rule("roles", "held-for", kind="mention")
def held_for(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Kosovo is preparing to hold prisoners for neighbouring Denmark", "Nauru processes asylum claims for
    Australia", "Albania houses the men on behalf of Italy": the state for which others hold, take in or process
    people is the one that sends them (not "funding for Tunisia", "accepted the offer for Britain")."""
    found = _prep_object(mention)
    if found is None or mention.kind != "name":
        return None
    prep, word, verb = found
    if prep == "of" and lemma(verb) == "behalf" and verb.dep_ == "pobj":
        verb = verb.head.head  # "on behalf of Italy"
    elif prep != "for":
        return None
    if verb.dep_ == "dobj" and lemma(verb) in lx.CLAIM_NOUNS | lx.MIGRANT_NOUNS | lx.FACILITY_NOUNS:
        verb = verb.head  # "processes asylum claims for Australia", "host similar centres for Britain": their verb
    if verb.pos_ != "VERB" or negated(verb) or verb.i > word.i:
        return None
    if lemma(verb) in lx.PROCESS_WORDS:
        held = any(c.dep_ == "dobj" and lemma(c) in lx.CLAIM_NOUNS | lx.MIGRANT_NOUNS for c in verb.children)
    else:
        held = (lemma(verb) in lx.CUSTODY_VERBS or is_host_word(verb)) and receives_people(verb)
        held = held and any(c.dep_ == "dobj" for c in verb.children)  # people named, not "ready to host for X"
    return _vote(ctx, mention, DEPORTING, w.HELD_FOR, held_for, verb) if held else None


@rule("roles", "its-own-scheme", kind="mention")
def its_own_scheme(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Denmark, which shelved its own Rwanda plan", "Britain scrapped its Rwanda scheme", "the Netherlands would
    press ahead with its Uganda hub": the state that does something to "its" scheme or centre named after another
    state owns it, and sends people there."""
    token = proxy(mention.token)
    verbs = [token.head] if token.dep_ == "nsubj" else []
    verbs += [  # "Denmark, which shelved ...": the relative clause's subject is the state
        c
        for c in token.children
        if c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.lower_ in ("which", "that") for s in c.children)
    ]
    for verb in verbs:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [  # "pressed ahead with its Uganda hub": a place, not "stands by its Italy deal"
            o
            for p in verb.children
            if p.dep_ == "prep"
            for o in p.children
            if o.dep_ == "pobj" and lemma(o) in lx.FACILITY_NOUNS
        ]
        prior = countries().deporting_prior
        for scheme in objects:
            owned = any(c.dep_ == "poss" and c.lower_ in _OWN for c in scheme.children)
            after = [
                code
                for c in scheme.children
                if c.dep_ == "compound" and c.i < scheme.i and (code := _code(c)) not in (None, mention.iso3)
            ]
            if after and after[0] in prior and mention.iso3 not in prior:
                continue  # "Rwanda defends its UK deal": named after the partner that sends, not where people go
            if lemma(scheme) in lx.SCHEME_NOUNS | lx.FACILITY_NOUNS and owned and after:
                return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, its_own_scheme, verb, scheme)
    return None


_ABROAD: Final = frozenset({"offshore", "overseas", "external", "extraterritorial"})
# Rules that place people in a centre one state runs in another: a sentence they pair speaks of deportation.
THIRD_COUNTRY_SENDERS: Final = ("roles.partner-of-the-destination/",)  # a state that sends to a place unnamed

CENTRE_RULES: Final = (
    "roles.owner-of-a-centre-abroad/",
    "roles.runs-a-centre-abroad/",
    "roles.where-another-runs-it/",
    "roles.run-by/",
    "roles.people-held-on/",
    "roles.centres-it-built/",
)


@rule("roles", "owner-of-a-centre-abroad", kind="mention")
def owner_of_a_centre_abroad(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Nauru hosts Australia's offshore processing centre", "Italy's centres in Albania", "Britain's processing
    centres abroad", and by a sender's demonym, "the Italian centres in Albania", « les centres italiens en Albanie »:
    the state whose centres stand in another state sends people to them. The centre must be shown abroad —
    offshore, in or on another state, or hosted by one — for "Nauru's detention centre" is Nauru's own."""
    token = mention.token
    owned = token.dep_ == "poss" or (
        mention.kind == "demonym"
        and token.dep_ in ("amod", "compound")
        and mention.iso3 in countries().deporting_prior  # not "a Syrian reception centre": the people's
    )
    if not owned or lemma(token.head) not in lx.FACILITY_NOUNS | {"processing"}:
        return None
    centre = token.head
    offshore = any(t.lower_ in _ABROAD or lemma(t) in lx.ABROAD_WORDS for t in centre.subtree)
    elsewhere = any(
        c.dep_ == "prep"
        and spelled(c) in ("in", "on")
        and any(_code(o) not in (None, mention.iso3) for o in c.children)
        for c in centre.children
    )
    host_verb = centre.head if centre.dep_ in ("dobj", "nsubjpass") else None
    hosted = (
        host_verb is not None
        and any(c.dep_ == "nsubj" and _code(c) not in (None, mention.iso3) for c in host_verb.children)
        and (is_host_word(host_verb) or lemma(host_verb) in {"house", "run", "operate"})
    )
    if not (offshore or elsewhere or hosted):
        return None
    return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, owner_of_a_centre_abroad, centre)


_RELATIVE_OBJECTS: Final = frozenset({"which", "that", "whom"})


def _place_run(verb: Token) -> Token | None:
    """The centre, processing or detention a running verb has for object ("runs two centres", "operated offshore
    processing"; "the detention of boat arrivals, which Australia has run": the relative clause's antecedent)."""
    if lemma(verb) not in lx.RUN_VERBS:
        return None
    held = lx.HELD_PLACES
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "relcl" and any(o.lower_ in _RELATIVE_OBJECTS for o in objects):
        antecedent = verb.head  # the parser may hang the clause on the "of" phrase's noun: go up the chain
        objects = [antecedent]
        if antecedent.head.dep_ == "prep" and antecedent.head.lower_ == "of":
            objects.append(antecedent.head.head)
    return next((o for o in objects if lemma(o) in held), None)


@rule("roles", "runs-a-centre-abroad", kind="mention")
def runs_a_centre_abroad(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Nauru, where Australia keeps its offshore processing centre", "Australia has operated offshore processing
    on Nauru since 2012", "the detention of boat arrivals, which Australia has run on Nauru": the state that runs,
    keeps or funds a centre, processing or detention in another state sends people there. The place must be
    shown abroad (offshore, in or on another state, or the other state the clause describes), for "Nauru runs
    the centre" is its own."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    _, verb, _ = found
    place = _place_run(verb)
    if place is None:
        return None

    def elsewhere(words: Sequence[Token]) -> bool:
        return any(
            c.dep_ == "prep"
            and spelled(c) in ("in", "on", "at")
            and any(_code(o) not in (None, mention.iso3) for o in c.children)
            for t in words
            for c in t.children
        )

    offshore = any(t.lower_ in _ABROAD or t.lower_ == "abroad" for t in place.subtree if t.i < place.i + 1)
    described = verb.dep_ == "relcl" and _code(verb.head) not in (None, mention.iso3)  # "Nauru, where Australia keeps"
    if not (offshore or described or elsewhere((verb, place))):
        return None
    return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, runs_a_centre_abroad, verb, place)


@rule("roles", "run-by", kind="mention")
def run_by(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "the two centres in Albania, run by Italy", "the Albanian centres run by Italy": the state a centre in another
    state is run by sends people to it."""
    found = _prep_object(mention)
    if found is None or found[0] != "by" or lemma(found[2]) not in lx.RUN_VERBS:
        return None
    verb = found[2]
    passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    places = [verb.head] if verb.dep_ in ("acl", "relcl") else passive_subjects
    for place in (p for p in places if lemma(p) in lx.HELD_PLACES):
        described = [c for c in place.children if c.dep_ in ("amod", "compound", "nmod")]
        placed = [o for c in place.children if c.dep_ == "prep" and spelled(c) in ("in", "on") for o in c.children]
        if any(_code(t) not in (None, mention.iso3) for t in (*described, *placed)) or any(
            t.lower_ in _ABROAD for t in described
        ):
            return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, run_by, place, verb)
    return None


@rule("roles", "where-another-runs-it", kind="mention")
def where_another_runs_it(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "the detention ..., which Australia has run on Nauru", "Italy operates two centres in Albania": the state in
    or on which another state runs a centre or people's processing hosts them."""
    found = _prep_object(mention)
    if found is None or found[0] not in ("in", "on"):
        return None
    governor = found[2]
    verb = governor.head if governor.dep_ == "dobj" else governor
    if _place_run(verb) is None:
        return None
    runner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if runner is None or _code(proxy(runner)) in (None, mention.iso3):
        return None
    return _vote(ctx, mention, HOST, w.PROCESSES, where_another_runs_it, verb)


_JOIN_VERBS: Final = frozenset({"join", "enter"})
_TAKE_PART: Final = frozenset({"participate", "take", "sign", "enrol", "enroll"})


def _joined_scheme(verb: Token) -> Token | None:
    """The scheme a verb joins: "joined the American scheme", "take part in the US programme", "signed up to the
    British plan"."""
    word = lemma(verb)
    if word in _JOIN_VERBS:
        return next((c for c in verb.children if c.dep_ == "dobj" and lemma(c) in lx.SCHEME_NOUNS), None)
    if word not in _TAKE_PART:
        return None
    if word == "take" and not any(c.dep_ == "dobj" and lemma(c) == "part" for c in verb.children):
        return None
    if word == "sign" and not any(c.dep_ == "prt" and spelled(c) in ("up", "on") for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and spelled(c) in ("in", "to", "into")):
        scheme = next((o for o in prep.children if o.dep_ == "pobj" and lemma(o) in lx.SCHEME_NOUNS), None)
        if scheme is not None:
            return scheme
    return None


def _joiners(verb: Token) -> list[Token]:
    """Who joins: the verb's subject, or the one a copula describes ("Ghana is the latest state to take part")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in ("relcl", "acl") and verb.head.dep_ == "attr":
        subjects = [c for c in verb.head.head.children if c.dep_ == "nsubj"]
    return subjects


def _scheme_owner(scheme: Token) -> Token | None:
    return next((c for c in scheme.children if c.dep_ in ("compound", "amod", "poss", "nmod") and _code(c)), None)


@rule("roles", "joins-anothers-scheme", kind="mention")
def joins_anothers_scheme(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Uganda joined the American scheme", "Ghana is the latest state to take part in the US programme, after
    Eswatini and Rwanda": a state that joins another state's scheme receives the people that state sends; the
    state the scheme is named after, when another joins it, owns it (not its host, as in "the Rwanda plan"); the
    states named as having joined before ("after Eswatini") joined it too."""
    token = mention.token
    if token.dep_ in ("compound", "amod", "poss", "nmod"):  # the owner of the scheme joined
        scheme = token.head
        verb = scheme.head.head if scheme.dep_ == "pobj" else scheme.head
        if _joined_scheme(verb) == scheme and any(_code(j) not in (None, mention.iso3) for j in _joiners(verb)):
            return _vote(ctx, mention, DEPORTING, w.OWNER_RUN, joins_anothers_scheme, verb, scheme)
        return None
    actor = proxy(token)
    if actor.dep_ != "nsubj":
        return None
    for verb in (actor.head, *[c for c in actor.head.children if c.dep_ == "attr" for c in c.children]):
        joined = _joined_scheme(verb)
        owner = _scheme_owner(joined) if joined is not None else None
        if joined is not None and owner is not None and _code(owner) != mention.iso3:
            return _vote(ctx, mention, HOST, w.SUBJECT_OF_RECEIVE, joins_anothers_scheme, verb, joined)
    return None


@rule("roles", "the-ones-before", kind="mention")
def the_ones_before(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Costa Rica became the second country, after Panama, to receive deportees", "Ghana is the latest state to
    take part in the US programme, after Eswatini and Rwanda": the states named as having done it before the
    newest one did it too (weaker than the newest)."""
    actor = proxy(mention.token)
    if actor.dep_ != "pobj" or spelled(actor.head) != "after" or lx.LATEST_TO.search(ctx.sentence.text) is None:
        return None
    newest = [
        t
        for t in ctx.sentence.span
        if t.dep_ == "nsubj" and lemma(t.head) in ("be", "become") and _code(proxy(t)) not in (None, mention.iso3)
    ]
    if not newest:
        return None
    return _vote(ctx, mention, HOST, w.SUBJECT_OF_RECEIVE_FAR, the_ones_before, actor.head)


_NAMED_FLIGHTS: Final = frozenset({"flight"})


@rule("roles", "scheme-named-after-host", kind="mention")
def scheme_named_after_host(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "the Rwanda plan", "the Albania protocol", "the Uganda deportation deal", "Italy renews Libya cooperation
    deal": a scheme called by a state's bare name is named after where it sends people (the owner is a demonym
    or a possessive: "Britain's Rwanda scheme"). Not "a Rwanda-style scheme" (another scheme), nor "the US deal
    with Uganda" (a name beside the partner is a party), nor hubs ("UK return hubs" serve the UK)."""
    token = mention.token
    if named_after_its_host(mention):  # "the Albanian model", « le modèle albanais »
        return _vote(ctx, mention, HOST, w.SCHEME_NAMED, scheme_named_after_host, token.head)
    if mention.kind != "name":
        return None
    token = _titled_after(token)  # "the Safety of Rwanda Act": the title's first word stands for the state
    if token.dep_ not in ("compound", "nmod"):
        return None
    head = token.head
    named = lx.SCHEME_NOUNS | _NAMED_FLIGHTS  # "the Eswatini flights", "the Juba flight": where they fly people
    for _ in range(3):  # "Libya cooperation deal", "Uganda deportation deal"
        if lemma(head) in named or head.dep_ != "compound":
            break
        head = head.head
    if lemma(head) not in named or head.i < token.i:
        return None
    between = ctx.doc[token.i + 1 : head.i]
    if any(spelled(t) in ("style", "type", "like") or t.text in ("-", "–") for t in between):
        return None
    if any(
        c.dep_ == "prep" and spelled(c) in ("with", "between") and any(_code(t) for t in c.subtree)
        for c in head.children
    ):
        return None  # "the deal with Uganda" (not "the Rwanda plan with a Balkan postcode")
    joiner = head.head.head if head.dep_ == "pobj" else head.head
    if _joined_scheme(joiner) == head and any(_code(j) not in (None, mention.iso3) for j in _joiners(joiner)):
        return None  # "Ghana joined the US programme": named after its owner (joins-anothers-scheme)
    sent_elsewhere = any(
        t.dep_ == "pobj"
        and spelled(t.head) in ("to", "into")
        and sending_governor(t.head.head) is not None
        and _code(t) not in (None, mention.iso3)
        for t in ctx.sentence.span
    )
    if sent_elsewhere:  # "returned from the Greek islands to Turkey under the EU deal": the EU is a party
        return _vote(ctx, mention, PARTY, w.PARTY_NOUN, scheme_named_after_host, head)
    others = [m for m in ctx.mentions if m.iso3 != mention.iso3 and m.kind in ("name", "anaphor")]
    if mention.iso3 in countries().deporting_prior and others:  # "Uganda confirms US deal": the sender's deal
        return _vote(ctx, mention, PARTY, w.PARTY_NOUN, scheme_named_after_host, head)  # with the state beside it
    return _vote(ctx, mention, HOST, w.SCHEME_NAMED, scheme_named_after_host, head)


def _titled_scheme(head: Token) -> Token | None:
    """The scheme a capitalised title names: its head ("the Rwanda Act"), or the scheme after its "of" ("Safety of
    Rwanda Act" parsed as "Safety of [Rwanda Act]")."""
    if lemma(head) in lx.SCHEME_NOUNS:
        return head
    if head.pos_ != "PROPN":
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and spelled(c) == "of"):
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and lemma(obj) in lx.SCHEME_NOUNS:
                return obj
    return None


def _titled_after(token: Token) -> Token:
    """ "the Safety of Rwanda Act", "the Rwanda Bill": in a capitalised title, a state after "of" names the title
    as a bare name would; the title's word it hangs on takes its place (the token itself otherwise)."""
    prep = token.head
    if token.dep_ == "pobj" and spelled(prep) == "of" and prep.head.pos_ == "PROPN" and prep.head.i < token.i:
        return prep.head
    return token


@rule("roles", "named-partner", kind="mention")
def named_partner(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Rwanda is the government's preferred partner", "talks with Rwanda, which it sees as the most likely
    partner": in reporting on sending people abroad, the state called the partner is where they would go (weak;
    not a trade or security partner)."""
    if lx.OTHER_DEAL.search(ctx.sentence.text) is not None:
        return None
    actor = proxy(mention.token)
    partner = None
    if actor.dep_ == "nsubj" and lemma(actor.head) in ("be", "become", "remain"):
        partner = next((c for c in actor.head.children if c.dep_ == "attr" and lemma(c) == "partner"), None)
    else:  # "Rwanda, which it sees as the most likely partner"
        for clause in (c for c in actor.children if c.dep_ == "relcl"):
            for prep in (c for c in clause.children if c.dep_ == "prep" and spelled(c) == "as"):
                partner = next((o for o in prep.children if lemma(o) == "partner"), partner)
    if partner is None:
        return None
    return _vote(ctx, mention, HOST, w.NAMED_PARTNER, named_partner, partner)


@rule("roles", "safe-third-country", kind="mention")
def safe_third_country(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Greece has designated Turkey a safe third country", "Rwanda is a safe third country", "Paraguay as a safe
    third country": a state called a safe third country is where asylum seekers may be sent."""
    token = proxy(mention.token)
    head = token.head
    phrases = [
        t for t in ctx.sentence.span if lemma(t) == "country" and {spelled(c) for c in t.children} >= {"safe", "third"}
    ]
    for country in phrases:
        linked = (
            (token.dep_ == "dobj" and country.head == head and country.dep_ in ("oprd", "xcomp", "dobj", "attr"))
            or (token.dep_ in ("nsubj", "nsubjpass") and country.head == head and country.dep_ in ("attr", "oprd"))
            or (country.dep_ == "pobj" and spelled(country.head) == "as" and country.head.head in (token, head))
            or (country.dep_ == "appos" and country.head == token)
        )
        if linked:
            return _vote(ctx, mention, HOST, w.SAFE_THIRD, safe_third_country, country)
    return None


@rule("roles", "designates-safe-third-country", kind="mention")
def designates_safe_third_country(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Greece has designated Turkey a safe third country", "Britain lists Rwanda as a safe third country": the
    state that designates another a safe third country for asylum seekers sends them there."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    _, verb, _ = found
    designated = [c for c in verb.children if c.dep_ == "dobj" and _code(c) not in (None, mention.iso3)]
    safe = any(
        lemma(t) == "country" and {spelled(c) for c in t.children} >= {"safe", "third"} and t.head == verb
        for t in verb.subtree
    ) or any(
        lemma(t) == "country" and {spelled(c) for c in t.children} >= {"safe", "third"} and spelled(t.head) == "as"
        for t in verb.subtree
    )
    if designated and safe:
        return _vote(ctx, mention, DEPORTING, w.SAFE_THIRD, designates_safe_third_country, verb)
    return None


@rule("roles", "listed-as-safe", kind="mention")
def listed_as_safe(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "In 2015 the government adopted a decree listing safe third countries. The list named Serbia, Montenegro and
    Albania": the states a law or a decree on safe third countries names (in its sentence, or the one before speaks
    of them) are where asylum seekers may be sent. Only states named after the naming verb, by name."""
    span = ctx.sentence.span
    if mention.kind != "name" or not any(lemma(t) in lx.LIST_NOUNS for t in span):
        return None
    verbs = [t for t in span if lemma(t) in lx.LIST_VERBS and t.pos_ == "VERB" and t.i < mention.token.i]
    if not verbs:
        return None
    before = ctx.doc[span.start - 1].sent.text if span.start > 0 else ""
    if lx.SAFE_COUNTRIES.search(ctx.sentence.text) is None and lx.SAFE_COUNTRIES.search(before) is None:
        return None
    actor = proxy(mention.token)
    if actor.dep_ == "pobj" and spelled(actor.head) in lx.AGENT_WORDS:
        return None  # "a law designating safe third countries, passed by Greece": who made the list
    return _vote(ctx, mention, HOST, w.LISTED_SAFE, listed_as_safe, verbs[-1])


_OFFER_VERBS = frozenset({"make", "offer", "provide", "lend", "lease", "give", "put"})
_GROUND_NOUNS = frozenset({"territory", "land", "area", "site", "soil", "island", "port", "base", "space"})


@rule("roles", "offers-its-territory", kind="mention")
def offers_its_territory(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Albania will make available areas of its territory on which Italy will build two centres", "Nauru offered
    land for a processing centre": the state that offers its ground for the centres receives the people."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    _, verb, _ = found
    if lemma(verb) not in _OFFER_VERBS:
        return None
    ground = [
        t
        for t in verb.subtree
        if lemma(t) in _GROUND_NOUNS and t.i > verb.i and any(a == verb for a in list(t.ancestors)[:3])
    ]
    if ground:
        return _vote(ctx, mention, HOST, w.OFFERS_GROUND, offers_its_territory, verb, ground[0])
    return None


@rule("roles", "builds-the-centres", kind="mention")
def builds_the_centres(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Italy will build and run two facilities", "Australia funds and operates the centre": the state that
    builds or runs the centres people are held in sends them (a state receiving people "hosts" them)."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    _, verb, _ = found
    for candidate in (verb, *[c for c in verb.children if c.dep_ in ("xcomp", "conj")]):
        if lemma(candidate) in lx.BUILD_VERBS - {"host", "open"} | {"fund", "finance", "manage"}:
            objects = [
                o
                for c in (candidate, *[x for x in candidate.children if x.dep_ == "conj"])
                for o in c.children
                if o.dep_ == "dobj"
            ]
            if any(lemma(o) in lx.FACILITY_NOUNS for o in objects) or any(
                lemma(o) in lx.FACILITY_NOUNS for c in candidate.head.children if c.dep_ == "dobj" for o in (c,)
            ):
                return _vote(ctx, mention, DEPORTING, w.BUILDS_CENTRES, builds_the_centres, candidate)
    return None


@rule("roles", "centres-it-built", kind="mention")
def centres_it_built(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "the centres Italy built in Albania have spent most of their existence almost empty": the subject of a past
    "built" or "runs" said of the centres is the state that sends people to them (centres in use)."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    verb = found[1]
    if verb.dep_ != "relcl" or lemma(verb.head) not in lx.FACILITY_NOUNS:
        return None
    if lemma(verb) not in lx.BUILD_VERBS - {"host"} or verb.tag_ not in ("VBD", "VBN", "VBZ"):
        return None  # not "the centres Italy will build"
    abroad = any(
        p.dep_ == "prep" and spelled(p) in ("in", "on") and any(_code(o) not in (None, mention.iso3) for o in p.subtree)
        for p in (*verb.children, *verb.head.children)
    )  # in another state: not "the reception centre Rwanda built in Kigali"
    return _vote(ctx, mention, DEPORTING, w.BUILDS_CENTRES, centres_it_built, verb) if abroad else None


@rule("roles", "held-by", kind="mention")
def held_by(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "refugees held by Australia on Nauru", "men detained by Italy in Albania": the state holding people in
    custody elsewhere is the one that sent them."""
    found = _prep_object(mention)
    if found is None or found[0] != "by":
        return None
    governor = found[2]
    if lemma(governor) in lx.CUSTODY_VERBS and passive(governor):
        return _vote(ctx, mention, DEPORTING, w.HOLDS_ABROAD, held_by, governor)
    return None


@rule("roles", "returned-via", kind="mention")
def returned_via(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "return via Uganda", "deportations through Rwanda": the state people are sent on through is one they are
    sent to (it receives them first). Not a migrant's own journey ("travelled via Libya")."""
    found = _prep_object(mention)
    if found is None or found[0] not in ("via", "through"):
        return None
    sending = lx.RETURN_VERBS | lx.READMISSION_NOUNS
    candidates = [found[2], *(c for c in found[2].children if c.dep_ == "dobj")]  # "organise returns via Rwanda"
    governor = next((t for t in candidates if is_deport_word(t) or lemma(t) in sending), None)
    if governor is None:
        return None
    return _vote(ctx, mention, HOST, w.VIA, returned_via, governor)


@rule("roles", "people-held-on", kind="mention")
def people_held_on(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "refugees on Nauru", "the asylum seekers on Manus": people kept on a state's territory by an arrangement
    (islands take "on"; "migrants in Britain" is left alone: that is where they arrived)."""
    found = _prep_object(mention)
    if found is None or found[0] != "on":
        return None
    governor = found[2]
    if lemma(governor) in lx.MIGRANT_NOUNS - {"national", "citizen"}:
        return _vote(ctx, mention, HOST, w.HELD_ON, people_held_on, governor)
    return None


@rule("roles", "facility-with-partner", kind="mention")
def facility_with_partner(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "signed a letter of intent with Uganda to set up a return hub", "agreed with Albania to build two centres":
    the partner of an arrangement made to build a place for people hosts it, when the sentence puts the place
    nowhere else."""
    found = _prep_object(mention)
    if found is None or found[0] not in ("with",):
        return None
    governor = found[2]
    anchor = governor if governor.pos_ in ("VERB", "AUX") else governor.head
    for _ in range(3):
        if anchor.pos_ in ("VERB", "AUX") or anchor.head == anchor:
            break
        anchor = anchor.head
    facilities = [
        t
        for t in anchor.subtree
        if lemma(t) in lx.FACILITY_NOUNS and t.dep_ in ("dobj", "nsubjpass") and lemma(t.head) in lx.BUILD_VERBS
    ]
    if not facilities:
        return None
    placed = any(
        c.dep_ == "prep" and spelled(c) in ("in", "on", "at") and any(_code(o) for o in c.children)
        for f in facilities
        for c in f.children
    )
    if placed:
        return None
    return _vote(ctx, mention, HOST, w.FACILITY_PARTNER, facility_with_partner, facilities[0])


@rule("roles", "readmitted-by", kind="mention")
def readmitted_by(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "the readmission of all migrants from the islands by Turkey": the state that takes them back."""
    found = _prep_object(mention)
    if found is None or found[0] != "by":
        return None
    readmission = None
    for word in [found[2], *list(found[2].ancestors)[:5]]:
        if lemma(word) in lx.AGREE_VERBS | lx.AGREEMENT_NOUNS:
            break  # "the returns under the statement agreed by the EU and Turkey": the "by" of the agreeing
        if lemma(word) in lx.READMISSION_NOUNS and word.pos_ == "NOUN":
            readmission = word
            break
    if readmission is not None:
        return _vote(ctx, mention, HOST, w.READMITTED_BY, readmitted_by, readmission)
    return None


# --- party ---------------------------------------------------------------------------------------------------


def _speech_of(token: Token) -> Token | None:
    """The verb of speaking whose speaker the word stands for: "Rwanda said", "Rwanda's foreign minister said",
    "Foreign Minister X of Rwanda said", "officials in Kigali said"."""
    word = token
    if word.dep_ in ("poss", "compound", "amod") and lemma(word.head) in lx.ACTOR_NOUNS | {"ministry", "government"}:
        word = word.head
    elif word.dep_ == "pobj" and spelled(word.head) in ("of", "in") and word.head.head.dep_ == "nsubj":
        word = word.head.head
    if word.dep_ != "nsubj" or lemma(word.head) not in lx.SPEECH_VERBS:
        return None
    return word.head


@rule("roles", "speaker-of-talks", kind="mention")
def speaker_of_talks(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Foreign Minister Olivier Nduhungirehe of Rwanda said talks with Washington were continuing": the state whose
    speaker reports its talks or deal with another state is the other party to them."""
    verb = _speech_of(mention.token)
    if verb is None:
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for noun in clause.subtree:
            if lemma(noun) not in lx.AGREEMENT_NOUNS:
                continue
            if any(c.dep_ in ("poss", "compound") and _code(c) not in (None, mention.iso3) for c in noun.children):
                continue  # "Rwanda said Britain's deal with Albania ...": another state's deal
            partners = [
                o
                for p in noun.children
                if p.dep_ == "prep" and spelled(p) == "with"
                for o in p.subtree
                if _code(o) not in (None, mention.iso3)
            ]
            if partners:
                return _vote(ctx, mention, PARTY, w.PARTY_WITH, speaker_of_talks, noun)
    return None


_DESTINATION_NOUNS: Final = frozenset({"country", "destination", "place", "hub", "location", "site", "partner"})


@rule("roles", "used-as-destination", kind="mention")
def used_as_destination(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "The United States will use Eswatini as a third country for deportees", "Washington to use Eswatini as
    destination": the state used as a destination for people is their host; the one that uses it sends them."""
    token = proxy(mention.token)
    role: Role
    if token.dep_ == "dobj" and lemma(token.head) == "use":
        verb = token.head
        role = HOST
    elif token.dep_ == "nsubj" and lemma(token.head) == "use":
        verb = token.head
        role = DEPORTING
    else:
        return None
    destination = [
        o
        for p in verb.children
        if p.dep_ == "prep" and spelled(p) == "as"
        for o in p.children
        if o.dep_ == "pobj" and lemma(o) in _DESTINATION_NOUNS
    ]
    people = any(lemma(t) in lx.MIGRANT_NOUNS or is_deport_word(t) for t in ctx.sentence.span)
    if not destination or not people:
        return None
    weight = w.SUBJECT_OF_RECEIVE if role == HOST else w.ASKS_TO_RECEIVE
    return _vote(ctx, mention, role, weight, used_as_destination, destination[0])


@rule("roles", "partner-of-the-destination", kind="mention")
def partner_of_the_destination(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "may be transferred to a third country with which the United States has signed an agreement", "returned to
    countries with which Britain has deals": the state whose deal makes a place the people's destination is the one
    that sends them there."""
    found = _subject_verb(mention)
    if found is None or found[2]:
        return None
    verb = found[1]
    if verb.dep_ != "relcl" or not _with_which(verb) or negated(verb):
        return None
    if lemma(verb) not in lx.AGREE_VERBS and not any(
        c.dep_ == "dobj" and lemma(c) in lx.ARRANGEMENT_NOUNS | lx.AGREEMENT_NOUNS for c in verb.children
    ):
        return None  # "a country with which it shares a border"
    place = verb.head
    if place.dep_ != "pobj" or spelled(place.head) != "to" or not carries_people(place.head.head):
        return None
    return _vote(ctx, mention, DEPORTING, w.SENT_TO_FAR, partner_of_the_destination, place.head.head)


def _with_which(verb: Token) -> bool:
    """ "with which" (or "with whom") opens the clause: its subject is the place's partner."""
    return any(
        c.dep_ == "prep" and spelled(c) == "with" and any(g.dep_ == "pobj" and g.tag_ == "WDT" for g in c.children)
        for c in verb.children
    )


@rule("roles", "deal-with", kind="mention")
def deal_with(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "a deal with Uganda", "talks between Washington and Kigali", "an agreement between the European Union
    and Ankara": a party to an arrangement (the direction comes from elsewhere)."""
    found = _prep_object(mention)
    if found is None or found[0] not in ("with", "between", "among"):
        return None
    _, preposition, governor = found
    nearby = [governor, governor.head]
    if governor.dep_ == "pobj" and governor.head.lower_ in ("of", "about", "on", "over"):
        nearby.append(governor.head.head)  # "a memorandum of understanding with Kosovo", "talks about hubs with"
    # "resembles Britain's deal with Rwanda": the parser hangs "with" on the verb, not on the noun before it
    nearby += [c for c in governor.children if c.dep_ == "dobj" and c.right_edge.i + 1 == preposition.i]
    verb = next((t for t in (governor, *list(governor.ancestors)[:2]) if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None:  # "Talks are also under way with Honduras": the talks are the clause's subject
        nearby += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(
        lemma(t) in lx.AGREE_VERBS | lx.AGREEMENT_NOUNS | lx.COOPERATE_WORDS | lx.INTENT_DOCUMENTS | lx.CONTACT_NOUNS
        or lemma(t) in lx.CONCLUSION_NOUNS
        for t in nearby
    ):  # "a letter of intent with Uganda", "exploratory contacts with Uganda", « la conclusion avec Washington »
        return _vote(ctx, mention, PARTY, w.PARTY_WITH, deal_with, governor)
    return None


@rule("roles", "place-of-the-deal", kind="mention")
def place_of_the_deal(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "In Kampala, the foreign ministry confirmed a deal with Washington to take in deportees", « À Kampala, le
    ministère a confirmé la conclusion avec Washington d'un accord »: the state a sentence opens with (a press
    review, a round-up paragraph by capital) is the other party to the deal it reports "with" one named state, where
    the sentence names no third (the direction comes from elsewhere)."""
    if mention.kind == "demonym" or opening_place(ctx.sentence, ctx.mentions) is not mention:
        return None
    others = {m.iso3 for m in ctx.mentions if m.iso3 != mention.iso3}
    partners = {m.iso3 for m in ctx.mentions if m.iso3 in others and deal_with(ctx, m) is not None}
    if len(others) != 1 or partners != others:
        return None
    opening = next(t for t in ctx.sentence.span if not t.is_space and t.i < mention.token.i)
    return _vote(ctx, mention, PARTY, w.PARTY_PLACE, place_of_the_deal, opening)


@rule("roles", "subject-of-agree", kind="mention")
def subject_of_agree(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Rwanda and the UK signed", "Uganda agreed", "Denmark is negotiating": the subject of a verb of
    agreeing (a party; the direction comes from elsewhere)."""
    found = _subject_verb(mention)
    if found is None:
        return None
    _, verb, is_passive = found
    chain = verb_chain(verb)
    agreeing = [t for t in chain if lemma(t) in lx.AGREE_VERBS]
    if is_passive:
        return (
            _vote(ctx, mention, PARTY, w.PARTY_PASSIVE, subject_of_agree, verb)
            if lemma(verb) in lx.AGREE_VERBS
            else None
        )
    if agreeing:
        return _vote(ctx, mention, PARTY, w.PARTY_SUBJECT, subject_of_agree, agreeing[0])
    direct = [verb, *[c for c in verb.children if c.dep_ in ("xcomp", "conj")]]
    nouns = [
        c
        for t in direct
        for c in t.children
        if c.dep_ in ("dobj", "attr") and lemma(c) in lx.ARRANGEMENT_NOUNS | lx.INTENT_DOCUMENTS
    ]  # "Denmark and Rwanda issued a joint statement"
    nouns += [  # "Denmark shelved a comparable plan with Rwanda": a scheme "with" another state is a deal
        c
        for t in direct
        for c in t.children
        if c.dep_ == "dobj" and lemma(c) in lx.SCHEME_NOUNS and _with_another(c, mention.iso3)
    ]
    nouns += [  # "Spain relies on a readmission agreement with Morocco": a deal with another, what the verb rests on
        o
        for t in direct
        for p in t.children
        if p.dep_ == "prep" and spelled(p) in ("on", "upon", "under")
        for o in p.children
        if o.dep_ == "pobj" and lemma(o) in lx.ARRANGEMENT_NOUNS and _with_another(o, mention.iso3)
    ]
    nouns += [  # "Paraguay announces the signing of a safe third country agreement"
        c
        for t in direct
        for c in t.children
        if c.dep_ == "dobj"
        and lemma(c) in _SIGNING_NOUNS
        and any(
            spelled(p) == "of" and any(lemma(o) in lx.ARRANGEMENT_NOUNS | lx.AGREEMENT_NOUNS for o in p.children)
            for p in c.children
        )
    ]
    offers = [  # "Montenegro and North Macedonia have made similar offers": an offer like the one before
        c
        for t in direct
        if lemma(t) in lx.MAKE_OFFER_VERBS
        for c in t.children
        if c.dep_ == "dobj"
        and lemma(c) in lx.OFFER_NOUNS
        and likened(c)
        and not any(a.dep_ == "prep" and spelled(a) == "of" for a in c.children)  # "similar offers of help"
    ]
    if offers:
        return _vote(ctx, mention, PARTY, w.PARTY_SUBJECT, subject_of_agree, offers[0])
    if nouns:
        return _vote(ctx, mention, PARTY, w.PARTY_NOUN, subject_of_agree, nouns[0])
    owned = [t for t in verb.subtree if lemma(t) in lx.ARRANGEMENT_NOUNS and _own_deal_with_another(t)]
    if owned:  # "the United States has begun the process of terminating its agreements with Guatemala and ..."
        return _vote(ctx, mention, PARTY, w.PARTY_NOUN, subject_of_agree, owned[0])
    return None


_SIGNING_NOUNS = frozenset({"signing", "signature", "conclusion", "ratification"})
_OWN = frozenset({"its", "their"})


def _with_another(noun: Token, iso3: str) -> bool:
    """The noun is "with" a state other than ``iso3``: "a comparable plan with Rwanda"."""
    return any(
        p.dep_ == "prep" and spelled(p) == "with" and any(_code(o) not in (None, iso3) for o in p.children)
        for p in noun.children
    )


def _own_deal_with_another(noun: Token) -> bool:
    """ "its agreements with Guatemala": a deal the subject's own possessive names, made with a state."""
    if not any(c.dep_ == "poss" and spelled(c) in _OWN for c in noun.children):
        return False
    holders = [noun, *([noun.head] if noun.dep_ == "dobj" else [])]  # the parser may hang "with" on the verb
    return any(c.dep_ == "prep" and spelled(c) == "with" and c.i > noun.i for h in holders for c in h.children)


_APPROACH_VERBS = frozenset({"approach", "ask", "press", "urge", "lobby", "court", "invite", "pressure", "sound"})


@rule("roles", "approached", kind="mention")
def approached(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "The administration has approached the government in Malabo", "Washington pressed Ghana to take deportees",
    "Equatorial Guinea was approached about accepting deportees":
    a state asked to join an arrangement is a party to it (the direction comes from elsewhere)."""
    actor = proxy(mention.token)
    if actor.dep_ not in ("dobj", "nsubjpass") or lemma(actor.head) not in _APPROACH_VERBS:
        return None  # "Equatorial Guinea has been approached by the administration" too
    return _vote(ctx, mention, PARTY, w.PARTY_APPROACHED, approached, actor.head)


@rule("roles", "signed-by", kind="mention")
def signed_by(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "The agreement was signed in Kigali by US and Rwandan officials": the agent of a passive verb of
    agreeing is a party; so is the author of a statement or a denial about it ("a statement by Uganda")."""
    found = _prep_object(mention)
    if found is not None and found[0] == "by" and lemma(found[2]) in lx.AGREE_VERBS and passive(found[2]):
        return _vote(ctx, mention, PARTY, w.PARTY_SUBJECT, signed_by, found[2])
    if found is not None and found[0] == "by" and lemma(found[2]) in lx.INTENT_DOCUMENTS | _SPOKEN_NOUNS:
        return _vote(ctx, mention, PARTY, w.PARTY_NOUN, signed_by, found[2])  # "a denial in a statement by Uganda"
    return None


_SPOKEN_NOUNS = frozenset({"denial", "announcement", "confirmation", "admission"})


@rule("roles", "the-third-country-named", kind="mention")
def the_third_country_named(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "deported the men to a third country, reported to be Uganda", "the third country, which officials named as
    Rwanda": a state given as the third country people are sent to receives them."""
    actor = proxy(mention.token)
    if actor.dep_ not in ("attr", "appos", "oprd", "pobj"):
        return None
    for ancestor in itertools.islice(actor.ancestors, 4):
        if _unnamed_country(ancestor):
            return _vote(ctx, mention, HOST, w.THIRD_COUNTRY_NAMED, the_third_country_named, ancestor)
    reported = actor.dep_ == "attr" and actor.head.dep_ == "xcomp" and lemma(actor.head.head) in _RAISING
    if reported:  # ", reported to be Uganda" hung by the parser on the verb before it
        named = [t for t in ctx.sentence.span if t.i < actor.i and _unnamed_country(t)]
        if named:
            return _vote(ctx, mention, HOST, w.THIRD_COUNTRY_NAMED, the_third_country_named, named[-1])
    return None


_UNNAMED = frozenset({"third", "unnamed", "undisclosed", "unidentified", "unspecified"})


def _unnamed_country(token: Token) -> bool:
    """ "a third country", "an unnamed African country": a destination the sentence goes on to name."""
    return lemma(token) == "country" and any(c.lower_ in _UNNAMED for c in token.children)


_NAMING_VERBS = frozenset({"name", "list", "designate", "identify", "choose", "select", "pick", "single"})
_AS_HOST = frozenset({"destination", "host", "hub", "recipient"})
_AS_PARTY = frozenset({"partner", "country", "candidate", "option", "possibility", "state"})


@rule("roles", "named-as", kind="mention")
def named_as(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "The bill names Rwanda and Uganda as possible destinations": a state named as where people may go hosts
    them; named as a possible partner ("named Rwanda and Ghana as countries Germany could approach"), it is a
    party."""
    actor = conj_head(proxy(mention.token))
    if actor.dep_ not in ("dobj", "nsubjpass") or lemma(actor.head) not in _NAMING_VERBS:
        return None
    verb = actor.head
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        for role_noun in (o for o in prep.children if o.dep_ == "pobj"):
            if lemma(role_noun) in _AS_HOST:
                return _vote(ctx, mention, HOST, w.DESTINATION, named_as, role_noun)
            if lemma(role_noun) in _AS_PARTY:
                return _vote(ctx, mention, PARTY, w.PARTY_NOUN, named_as, role_noun)
    return None


@rule("roles", "arrangement-of", kind="mention")
def arrangement_of(ctx: Context, mention: CountryMention) -> Vote | None:
    """ "Israel's agreement with Uganda", "Denmark's plan", "Britain's "one in, one out" arrangement with France"
    (a name in quotation marks, which the parser does not read as the noun's modifier): the state whose arrangement
    it is (a party)."""
    token = mention.token
    if token.dep_ == "poss" and lemma(token.head) in lx.ARRANGEMENT_NOUNS:
        return _vote(ctx, mention, PARTY, w.PARTY_NOUN, arrangement_of, token.head)
    quoted = _QUOTED_NAME.match(doc_text(ctx.doc), mention.end)
    if token.dep_ == "poss" and quoted is not None:
        noun = ctx.doc.char_span(quoted.start(1), quoted.end(1))
        if noun is not None and lemma(noun[0]) in lx.ARRANGEMENT_NOUNS:
            return _vote(ctx, mention, PARTY, w.PARTY_NOUN, arrangement_of, noun[0])
    return None


_QUOTED_NAME = re.compile(r"['’]s\s+[\"“‘'][^\"”’\n]{1,40}[\"”’']\s+(\w+)")


def _hyphen_noun(token: Token) -> bool:
    """A noun a hyphenated pair of states names ("the EU-Turkey statement"), in the words of the language read."""
    return lemma(token) in lx.AGREEMENT_NOUNS | lx.INTENT_DOCUMENTS | lx.SCHEME_NOUNS


@rule("roles", "hyphen-pair")
def hyphen_pair(ctx: Context) -> list[Vote]:
    """ "the UK–Rwanda scheme", "the U.S.-Rwanda agreement": the deporting state first, by news convention."""
    doc = ctx.doc
    votes: list[Vote] = []
    named = [m for m in ctx.mentions if m.kind != "anaphor"]
    for left, right in itertools.pairwise(named):
        text = doc_text(doc)
        between = text[left.end : right.start]
        if between.strip() not in ("-", "–", "—") or left.iso3 == right.iso3:
            continue
        after = doc.char_span(right.end, min(len(text), right.end + 40), alignment_mode="expand")
        if after is None or not any(_hyphen_noun(t) for t in list(after)[:3]):
            continue
        noun = next(t for t in list(after)[:3] if _hyphen_noun(t))
        span = Evidence(left.start, noun.idx + len(noun.text), text[left.start : noun.idx + len(noun.text)], "party")
        votes.append(Vote(left.iso3, DEPORTING, w.HYPHEN_PAIR, rule_id(hyphen_pair), (span,), left.token.i))
        votes.append(Vote(right.iso3, HOST, w.HYPHEN_PAIR, rule_id(hyphen_pair), (span,), right.token.i))
    return votes


_DEAL_ACTS = frozenset(
    {"end", "scrap", "suspend", "renew", "extend", "terminate", "cancel", "approve", "halt", "axe", "ditch", "abandon"}
)


@rule("roles", "official-signs")
def official_signs(ctx: Context, people: Sequence[PersonMention]) -> list[Vote]:
    """ "Rwanda's foreign minister Vincent Biruta and Home Secretary Priti Patel signed the agreement", "Biden ends
    Trump-era asylum deals with Guatemala": an official who signs, agrees, negotiates, or ends or suspends an
    arrangement makes the state they act for a party (a speaker does not: "said"). The state is the one the text
    gives them, else the table of office holders' (a reference basis)."""
    votes = []
    for person in people:
        country, basis = person.country, "text"
        if country is None:
            country, basis = reference_state(person.key), "reference"
        if country is None:
            continue
        token = person.token
        top = token
        for _ in range(6):  # "by X's minister, A, and his counterpart, the Home Secretary, B": up to "by"
            if timeline_verb(top) is not None:
                break
            if top.dep_ in ("appos", "conj", "compound"):
                top = top.head
            else:
                break
        verb = timeline_verb(top)  # "- 14 April 2022: Home Secretary Priti Patel and ... sign the partnership"
        if top.dep_ == "nsubj":
            verb = top.head
        elif top.dep_ == "pobj" and spelled(top.head) == "by" and passive(top.head.head):
            verb = top.head.head
        if verb is None:
            continue
        acts = lemma(verb) in lx.AGREE_VERBS - {"deny", "discuss", "talk"} or (
            lemma(verb) in _DEAL_ACTS
            and any(c.dep_ == "dobj" and lemma(c) in lx.ARRANGEMENT_NOUNS for c in verb.children)
        )  # "ends the deals", "suspended the scheme" (not "praised the deal")
        if not acts:
            continue
        spans = (person.name_evidence, token_evidence(ctx.doc, verb.i, verb.i, "party"), *person.country_evidence)
        votes.append(Vote(country, PARTY, w.PARTY_OFFICIAL, rule_id(official_signs), spans, token.i, basis))  # type: ignore[arg-type]
    return votes


@dataclass(frozen=True)
class SentenceRoles:
    sentence: int
    votes: tuple[Vote, ...]

    def of(self, iso3: str) -> tuple[Vote, ...]:
        return tuple(v for v in self.votes if v.iso3 == iso3)

    def countries(self) -> list[str]:
        return list(dict.fromkeys(v.iso3 for v in self.votes))


def mention_votes(ctx: Context, mention: CountryMention) -> list[Vote]:
    """Every vote the rules cast for one mention: a nationality settles it; otherwise all that apply. "non-Mexicans",
    the people themselves, casts none (see ``people_not_of``)."""
    if people_not_of(ctx, mention):
        return []
    if not not_a_nationality(ctx, mention):
        for nationality in applied("roles", "nationality"):
            vote = nationality(ctx, mention)
            if vote is not None:
                return [vote]
    return [vote for role_rule in applied("roles", "mention") if (vote := role_rule(ctx, mention)) is not None]


def sentence_roles(
    document: Document, sentence: Sentence, mentions: tuple[CountryMention, ...], people: Sequence[PersonMention]
) -> SentenceRoles:
    ctx = Context(document.doc, sentence, mentions)
    votes: list[Vote] = []
    for mention in mentions:
        votes.extend(mention_votes(ctx, mention))
    votes.extend(hyphen_pair(ctx))
    votes.extend(listed_between(ctx, votes))
    votes.extend(official_signs(ctx, people))
    votes.extend(headline_parties(ctx, votes))
    votes.extend(other_side_named(ctx, votes, people))
    dropped = row_by_its_columns(votes)
    return SentenceRoles(sentence.index, tuple(v for v in votes if v not in dropped))


@rule("roles", "row-by-its-columns")
def row_by_its_columns(votes: Sequence[Vote]) -> list[Vote]:
    """In a table's row whose header gives its columns' roles, the row's states are the ones in those columns: a
    state another cell names ("Returns from the Greek islands largely halted") has no part in the row's arrangement.
    The votes it drops (none where it does not act)."""
    column = rule_id(table_column)
    if not any(v.rule == column and v.role != PARTY for v in votes):
        return []
    return [v for v in votes if v.rule != column]  # the votes it drops (none: it did not act)


_LIST_GLUE = re.compile(r"^[\s,;()\d]*(?:\b(?:and|or|et|ou)\b[\s,;()\d]*)?$")


@rule("roles", "listed-between")
def listed_between(ctx: Context, votes: Sequence[Vote]) -> list[Vote]:
    """ "deported people to Eswatini (15), South Sudan (8), Rwanda (7) and Ghana (14)": a state in a list between
    two states that play the same role by the same rule, with nothing between them but commas, counts and "and",
    plays it too (the parser loses such lists in their brackets)."""
    text = doc_text(ctx.doc)
    named = sorted((m for m in ctx.mentions if m.kind == "name"), key=lambda m: m.start)
    best: dict[str, Vote] = {}
    for vote in votes:
        if vote.role in (HOST, DEPORTING) and (vote.iso3 not in best or vote.weight > best[vote.iso3].weight):
            best[vote.iso3] = vote
    out = []
    for before, mention, after in zip(named, named[1:], named[2:], strict=False):
        if mention.iso3 in best or before.iso3 not in best or after.iso3 not in best:
            continue
        left, right = best[before.iso3], best[after.iso3]
        if (left.role, left.rule) != (right.role, right.rule):
            continue
        if _LIST_GLUE.match(text[before.end : mention.start]) and _LIST_GLUE.match(text[mention.end : after.start]):
            side: EvidenceRole = "host" if left.role == HOST else "deporting"
            evidence = Evidence(mention.start, mention.end, mention.text, side)
            out.append(
                Vote(mention.iso3, left.role, left.weight, rule_id(listed_between), (evidence,), mention.token.i)
            )
    return out


@rule("roles", "other-side-named")
def other_side_named(ctx: Context, votes: Sequence[Vote], people: Sequence[PersonMention]) -> list[Vote]:
    """ "When Keir Starmer declared the Rwanda plan dead", "Home Office figures show 42 people were removed to
    France", "Dutch ministers said migrants would be sent to Uganda": a sentence that names one side of an
    arrangement and no other party, but names an official, an institution or the officials of one other state,
    has that state as the other party (weakly; an official's state from the text, else from the table of office
    holders, which the claim then says). Two such states, and none is taken, unless one is named as the partner
    of the deal ("Meloni's deal with Edi Rama")."""
    sides = {v.iso3 for v in votes if v.role in (HOST, DEPORTING) and v.weight >= w.ROLE_MIN}
    if len(sides) != 1 or any(v.role == PARTY and v.iso3 not in sides for v in votes):
        return []
    voted = {v.iso3 for v in votes}
    candidates: dict[str, tuple[tuple[Evidence, ...], Basis, int, bool]] = {}
    for person in people:
        code, basis = person.country, "text"
        if code is None:
            code, basis = reference_state(person.key), "reference"
        if code is None or code in sides or code in voted:
            continue
        named = Evidence(person.name_evidence.start, person.name_evidence.end, person.name_evidence.text, "party")
        spans = (named, *person.country_evidence) if basis == "text" else (named,)
        candidates.setdefault(code, (spans, basis, person.token.i, _partner_of_a_deal(person.token)))  # type: ignore[arg-type]
    for mention in ctx.mentions:
        if mention.iso3 in sides or mention.iso3 in voted or mention.iso3 in candidates:
            continue
        word = conj_head(mention.token)  # "Norwegian and Danish ministers"
        speaking_body = mention.kind == "institution" or (
            mention.kind == "demonym" and word.dep_ in ("amod", "compound") and lemma(word.head) in lx.ACTOR_NOUNS
        )
        if speaking_body:
            span = Evidence(mention.start, mention.end, mention.text, "party")
            candidates[mention.iso3] = ((span,), mention.basis, mention.token.i, False)
    if len(candidates) > 1:
        candidates = {c: v for c, v in candidates.items() if v[3]}
    if len(candidates) != 1:
        return []
    code, (spans, basis, token, _) = next(iter(candidates.items()))
    return [Vote(code, PARTY, w.PARTY_OFFICIAL_NAMED, rule_id(other_side_named), spans, token, basis)]


def _partner_of_a_deal(token: Token) -> bool:
    """The name is the partner of an arrangement: "a deal with Edi Rama", "the accord between X and Y"."""
    head = token.head
    return token.dep_ == "pobj" and spelled(head) in ("with", "between") and lemma(head.head) in lx.AGREEMENT_NOUNS


@rule("roles", "headline-parties")
def headline_parties(ctx: Context, votes: Sequence[Vote]) -> list[Vote]:
    """ "Italy, Albania clinch key deal on migration centres", "Tunisia and EU sign partnership": a headline's
    telegraphic syntax parses badly, so every state it names (not as a nationality) is a party to the
    arrangement it speaks of, when it speaks of one."""
    if not ctx.sentence.headline:
        return []
    speaks = any(
        (lemma(t) in lx.AGREEMENT_NOUNS and t.pos_ in ("NOUN", "PROPN")) or lemma(t) in lx.AGREE_VERBS
        for t in ctx.sentence.span
    )
    if not speaks:
        return []
    voted = {v.iso3 for v in votes}
    out = []
    for mention in ctx.mentions:
        if mention.iso3 in voted or mention.kind in ("demonym", "anaphor"):
            continue
        voted.add(mention.iso3)
        out.append(_vote(ctx, mention, PARTY, w.PARTY_NOUN, headline_parties))
    return out


def resolve(votes: Sequence[Vote], origins: int = 1) -> Vote | None:
    """The role a country plays in a sentence: the strongest of host and deporting unless the two are close
    (then only a party); otherwise party. A nationality wins over a role given by another mention only where
    people are sent to the state they hold the nationality of ("Venezuelan migrants sent to Venezuela": a
    return home); "Rwanda agreed to accept migrants ... every Rwandan family" keeps Rwanda the host. Not where
    it is one of ``origins`` >= MIXED_ORIGINS nationalities (see ``one_of_many_origins``)."""
    if not votes:
        return None
    nationality = [v for v in votes if v.role == NATIONALITY]
    others = [v for v in votes if v.role != NATIONALITY and v.token not in {n.token for n in nationality}]
    listed = any(n.rule == rule_id(people_from) for n in nationality)  # "men from Cuba, Laos and South Sudan"
    moved_there = (rule_id(sent_to), rule_id(arrived_in))  # "sent to X", "landed in X", "left Britain for X"
    home = any(v.rule in moved_there for v in others) and not (listed and one_of_many_origins(origins))
    if nationality and (not others or home):
        return max(nationality, key=lambda v: v.weight)
    votes = others
    hosts = [v for v in votes if v.role == HOST]
    deps = [v for v in votes if v.role == DEPORTING]
    best_host = max(hosts, key=lambda v: v.weight, default=None)
    best_dep = max(deps, key=lambda v: v.weight, default=None)
    if best_host is not None and best_dep is not None:
        if abs(best_host.weight - best_dep.weight) < w.ROLE_TIE:
            return Vote(best_host.iso3, PARTY, w.PARTY_NOUN, best_host.rule, best_host.evidence, best_host.token)
        return best_host if best_host.weight > best_dep.weight else best_dep
    return best_host or best_dep or max(votes, key=lambda v: v.weight)


@rule("roles", "one-of-many-origins")
def one_of_many_origins(origins: int) -> bool:
    """ "Eight men from Cuba, Laos, Mexico, Myanmar, Vietnam and South Sudan were deported to Juba": a group of
    several nationalities sent to the state of one of them is a third-country removal for the others, not a return
    home (the place sent to keeps its role of host)."""
    return origins >= w.MIXED_ORIGINS
