"""Small questions about spaCy's parse that several rules ask."""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from dakg.ingest.rules.records import doc_text
from dakg.ingest.vocabulary import lx, spelled


def lemma(token: Token) -> str:
    """The token's lemma in lower case (computed once per document: the rules ask it of every word often; a parsed
    document's words do not change after the pipeline, so the list is not checked again)."""
    try:
        return token.doc.user_data[_LEMMAS][token.i]  # type: ignore[no-any-return]
    except KeyError:
        doc = token.doc
        doc.user_data[_LEMMAS] = [_proper_plural(t) or t.lemma_.lower() for t in doc]
        return doc.user_data[_LEMMAS][token.i]  # type: ignore[no-any-return]


_LEMMAS: Final = "dakg_lemmas"


def _proper_plural(token: Token) -> str | None:
    """ "its Asylum Cooperative Agreements with Guatemala": a capitalised plural of a scheme's noun, which the tagger
    reads as a proper noun whose lemma is itself, is the noun."""
    if token.pos_ != "PROPN" or not token.lower_.endswith("s"):
        return None
    singular = token.lower_[:-1]
    return singular if singular in lx.SCHEME_NOUNS else None


def conj_head(token: Token) -> Token:
    """The first of a coordination: in "Rwanda and Uganda", Uganda's role is Rwanda's."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def proxy(token: Token) -> Token:
    """The word that acts for a country mention: "the government of Rwanda", "the government in Pristina", "U.S.
    officials", "Rwanda's decision", "countries such as Rwanda" (computed once per word)."""
    doc = token.doc
    cache: dict[int, int] = doc.user_data.setdefault("dakg_proxies", {})
    if token.i not in cache:
        cache[token.i] = _proxy(token).i
    return doc[cache[token.i]]


# "the Republic of Paraguay", "the Ministry of Foreign Affairs of Moldova": up through the words before "of".
_OF_STATE = frozenset({"kingdom", "republic", "country", "nation", "affair", "affairs"})


def _patrol(word: Token) -> bool:
    """ "Cypriot patrol boats escorted them back": a state's patrol craft act for it (not "Tunisian boats")."""
    return lemma(word) in _CRAFT and any(c.dep_ == "compound" and lemma(c) == "patrol" for c in word.children)


_CRAFT: Final = frozenset({"boat", "vessel", "ship"})


def _proxy(token: Token) -> Token:
    token = conj_head(token)
    for _ in range(3):
        head = token.head
        if token.dep_ == "poss" and _title_of_a_name(head):
            token = conj_head(head.head)  # "Moldova's President Ana Rusu offered": the person acts for the state
        elif token.dep_ == "poss" and any(c.dep_ == "compound" and _title_of_a_name(c) for c in head.children):
            token = conj_head(head)  # the same, parsed with the state on the name
        elif token.dep_ in ("poss", "compound", "nmod", "amod") and (lemma(head) in lx.ACTOR_NOUNS or _patrol(head)):
            token = conj_head(head)
        elif (
            token.dep_ == "pobj"
            and spelled(head) in ("of", "in")
            and lemma(head.head) in lx.ACTOR_NOUNS | (_OF_STATE if spelled(head) == "of" else set())
        ) or (
            token.dep_ == "pobj"
            and spelled(head) in ("including", "like", "as")
            and head.head.pos_ in ("NOUN", "PROPN")
        ):
            token = conj_head(head.head)
        elif token.dep_ == "appos" and lemma(head) in lx.ACTOR_NOUNS | {"country", "nation"}:
            token = conj_head(head)
        else:
            break
    return token


def _title_of_a_name(title: Token) -> bool:
    """ "El Salvador's President Nayib Bukele": an office in front of a person's name."""
    return (
        lemma(title) in lx.ACTOR_NOUNS
        and title.dep_ == "compound"
        and title.head.pos_ == "PROPN"
        and title.i < title.head.i
        and title.head.ent_type_ == "PERSON"
    )


def verb_chain(verb: Token, depth: int = 0) -> list[Token]:
    """A verb and everything it governs without a subject of its own (for agreement words, which may sit deep:
    "is in the early stages of talks")."""
    found = [verb]
    if depth > 4:
        return found
    for child in verb.children:
        if child.dep_ in (
            "xcomp",
            "advcl",
            "acl",
            "pcomp",
            "dobj",
            "pobj",
            "prep",
            "conj",
            "ccomp",
            "compound",
            "attr",
        ):
            if child.dep_ in ("advcl", "ccomp", "conj") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children
            ):
                continue
            found.extend(verb_chain(child, depth + 1))
    return found


_PROCESS_NOUNS = frozenset({"verge", "process", "brink", "point", "course", "midst"})
# What a subject sets out to do: "efforts to send migrants", "a bid to deport", "its campaign to remove".
_INTENT_NOUNS = frozenset({"effort", "drive", "campaign", "bid", "push", "attempt", "plan", "move", "offer"})


def object_controls(verb: Token) -> bool:
    """ "paid Nauru and Papua New Guinea to house", "pressed the government in Accra to accept", "asked them to
    take": a verb whose object is a state, its government or a person does what the "to" complement says, not
    the subject."""
    return any(
        c.dep_ == "dobj"
        and (c.pos_ in ("PROPN", "PRON") or c.ent_type_ in ("GPE", "NORP") or lemma(c) in lx.ACTOR_NOUNS)
        for c in verb.children
    )


_STATE_NOUNS = frozenset({"country", "nation", "state", "government", "kingdom"})


def controlled(verb: Token, agreement_nouns: frozenset[str], depth: int = 0) -> list[Token]:
    """The verbs a subject controls: through "to" complements ("agreed to accept", "is prepared to take in"),
    gerunds ("close to signing", "on the verge of finalizing") and an arrangement it makes ("signed a deal to
    send", "agreed on a temporary deal to accept", "reached an agreement to pay"), the state it is said to be
    ("became the latest country to accept") — not through every clause below (a subject is not the agent of a
    drive it is "the latest destination" of)."""
    found = [verb]
    if depth > 3:
        return found
    for child in verb.children:
        if child.dep_ == "acomp":  # "is prepared to take in", "is ready to accept"
            found.extend(t for t in controlled(child, agreement_nouns, depth + 1) if t is not child)
        purpose = (
            child.dep_ == "advcl"
            and any(c.dep_ == "aux" and spelled(c) == "to" for c in child.children)
            and not any(c.dep_ == "dative" or (c.dep_ == "dobj" and c.pos_ == "PROPN") for c in verb.children)
        )  # "pay Honduras to house them": Honduras houses them, not the payer
        if child.dep_ == "xcomp" and object_controls(verb):
            continue  # "Australia paid Nauru to house them", "asked Ghana to accept": the object does it
        if ((child.dep_ in ("xcomp", "conj") and child.pos_ in ("VERB", "AUX")) or purpose) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in child.children
        ):
            found.extend(controlled(child, agreement_nouns, depth + 1))  # "finalizing a deal ... to host migrants"
        nouns = [child] if child.dep_ in ("dobj", "attr") else []
        if child.dep_ == "prep":
            for c in child.children:
                if c.dep_ == "pcomp" and c.pos_ == "VERB":
                    found.extend(controlled(c, agreement_nouns, depth + 1))
                elif c.dep_ == "pobj":
                    nouns.append(c)
        for noun in nouns:
            if noun.dep_ == "attr" and lemma(noun) in _STATE_NOUNS:  # "is the fourth nation to agree to take in"
                for clause in noun.children:
                    if clause.dep_ in ("acl", "relcl") and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
                    ):
                        found.extend(controlled(clause, agreement_nouns, depth + 1))
            if lemma(noun) in _PROCESS_NOUNS:
                for prep in noun.children:
                    for c in prep.children if prep.dep_ == "prep" else ():
                        if c.dep_ == "pcomp" and c.pos_ == "VERB":
                            found.extend(controlled(c, agreement_nouns, depth + 1))
            if lemma(noun) not in agreement_nouns and lemma(noun) not in _INTENT_NOUNS:
                continue
            for clause in noun.children:
                own_subject = any(
                    c.dep_ in ("nsubj", "nsubjpass") and spelled(c) not in ("which", "that", "who")
                    for c in clause.children
                )  # "an arrangement under which Senegal would house them": Senegal's act, not the talkers'
                if clause.dep_ in ("acl", "relcl") and clause.pos_ == "VERB" and not own_subject:
                    found.extend(controlled(clause, agreement_nouns, depth + 1))
                elif clause.dep_ == "prep":  # "talks about accepting", "a deal on taking in"
                    for c in clause.children:
                        if c.dep_ == "pcomp" and c.pos_ == "VERB":
                            found.extend(controlled(c, agreement_nouns, depth + 1))
    return found


def names_people(token: Token) -> bool:
    """A noun for people moved ("migrants", « demandeurs ») or a plural of nationality ("Eritreans")."""
    return lemma(token) in lx.MIGRANT_NOUNS or (token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS"))


# particles that turn a receiving verb into another: "held it up as a model", "held off", "kept out"
_NOT_HOLDING = frozenset({"up", "off", "out"})


def is_host_word(token: Token) -> bool:
    """Receiving people: accept, host, receive, take in, ..."""
    word = lemma(token)
    if word in lx.HOST_VERBS:
        return not any(c.dep_ == "prt" and spelled(c) in _NOT_HOLDING for c in token.children)
    if word == "take":  # "take in", "take over", "take back", "take deportees"
        return any(c.dep_ == "prt" and spelled(c) in ("in", "over", "back") for c in token.children) or any(
            lemma(c) in lx.MIGRANT_NOUNS or c.like_num or lemma(c) == "other"
            for c in token.children
            if c.dep_ == "dobj"
        )
    return False


def receives_people(verb: Token) -> bool:
    """A receiving verb whose object, if it has one, is people, a number of them, a place to hold them or the
    deportations themselves: "accept 250 migrants", "receive them", "host a return hub", "take deportation
    flights" — not "received an olive branch" or "accepted the proposal"."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.text not in _PREFIX_PIECES]
    if lemma(verb) in _CARRY and _carried_to(verb, objects):
        return False  # "lets Italy take men rescued at sea to two sites on Albanian soil": carried elsewhere
    custody = lemma(verb) in lx.CUSTODY_VERBS
    if custody and not objects:
        return False  # "Berlin will keep studying it", "hold talks": custody needs people in it
    for obj in objects:
        word = lemma(obj)
        if custody and (word in lx.FACILITY_NOUNS or (word in lx.DEPORT_NOUNS and word not in lx.MOVED_PEOPLE)):
            return False  # "keep its processing centre open": keeping a place, not people ("hold deportees" is)
        if word in lx.ACTOR_NOUNS:
            return False  # "hosted three ministers": a visit, not people received
        if not (
            word in lx.MIGRANT_NOUNS
            or _non_citizens(obj)
            or word in lx.DEPORT_NOUNS
            or word in lx.FACILITY_NOUNS
            or word in lx.RECEIVED_NOUNS
            or obj.like_num
            or obj.pos_ == "PRON"
            or word == "other"  # "to take others"
            or obj.ent_type_ in ("NORP", "CARDINAL")
            or any(c.dep_ == "nummod" for c in obj.children)
            or any(c.dep_ == "acl" and is_deport_word(c) for c in obj.children)  # "des Ouest-Africains expulsés"
        ):
            return False
    return True


_CARRY = frozenset({"take", "bring", "carry"})


def _carried_to(verb: Token, objects: list[Token]) -> bool:
    """ "take men to two sites", "take men rescued at sea to two sites" (the parser hangs "to" on the participle)."""
    if any(c.dep_ == "prt" and spelled(c) == "back" for c in verb.children):
        return False  # "take back all irregular migrants crossing to Chile": readmission is receiving
    holders = [verb, *(c for o in objects for c in o.children if c.dep_ == "acl" and lemma(c) not in _OWN_WAY)]
    return any(c.dep_ == "prep" and spelled(c) == "to" for h in holders for c in h.children)


# The people's own movement ("migrants crossing to Chile"), not where someone carries them.
_OWN_WAY = frozenset({"cross", "travel", "flee", "head", "go", "come", "sail", "migrate", "try", "seek"})


# "non-citizens" is three tokens, each an object of the verb: "non" and "-" are pieces of the last.
_PREFIX_PIECES = frozenset({"non", "Non", "-"})


def _non_citizens(obj: Token) -> bool:
    """ "to receive non-citizens who have exhausted every avenue to stay": people without the state's citizenship."""
    return lemma(obj) in ("citizen", "national") and doc_text(obj.doc)[max(0, obj.idx - 4) : obj.idx].lower() == "non-"


def is_deport_word(token: Token) -> bool:
    """Sending people away: deport, send, fly, transfer, deportation, removal, "turn back", "push back", ..."""
    word = lemma(token)
    if word in lx.DEPORT_VERBS or word in lx.DEPORT_NOUNS:
        return True
    # "turns back", "turns them back" (the parser makes the particle an adverb when the object comes between)
    if word in lx.HAND_OVER_VERBS and any(c.dep_ in ("prt", "advmod") and spelled(c) == "over" for c in token.children):
        return True  # "Tunisia handed over 126 migrants to Libya"
    return word in lx.BACK_VERBS and any(
        c.dep_ in ("prt", "advmod") and spelled(c) in ("back", "away") for c in token.children
    )


def carries_people(word: Token) -> bool:
    """A word of sending, returning or carrying people: deport, send, return, take, fly ..."""
    return is_deport_word(word) or lemma(word) in lx.RETURN_VERBS | lx.CARRY_VERBS


def sending_governor(token: Token) -> Token | None:
    """The sending or returning word a "to X" belongs to, also where the parser hung the phrase on a word inside
    the people's description ("send people who cross the Channel in small boats to Rwanda": "to" on "cross")."""
    current = token
    for _ in range(5):
        if carries_people(current):
            return current
        if current.head == current or current.dep_ not in (
            "relcl",
            "acl",
            "dobj",
            "pobj",
            "prep",
            "nsubj",
            "advmod",
            "amod",
            "advcl",
            "dative",
        ):
            return None
        current = current.head
    return None


def timeline_verb(actor: Token) -> Token | None:
    """ "- 5 December 2023: Britain and Rwanda sign a treaty": in a timeline's entry the parser hangs the subject on
    the date before the colon; the verb the date modifies is the subject's own."""
    if actor.dep_ != "appos":
        return None
    date = actor.head
    if date.dep_ not in ("npadvmod", "nmod", "obl", "obl:mod") or date.head.pos_ not in ("VERB", "AUX"):
        return None
    if not (date.ent_type_ == "DATE" or date.like_num or lemma(date) in lx.MONTH_NAMES):
        return None
    between = actor.doc[date.i + 1 : actor.i]
    if not any(t.text == ":" for t in between) or date.head.i < actor.i:
        return None
    return date.head


def passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "amod")
    )


def clause_root(token: Token) -> int:
    """The verb heading the clause a token belongs to (coordinated and subordinate clauses count apart)."""
    current = token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX") and (
            current.dep_ == "ROOT"
            or (
                current.dep_ in ("conj", "ccomp", "advcl", "parataxis", "relcl")
                and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in current.children)
            )
        ):
            return current.i
        if current.head == current:
            return current.i
        current = current.head
    return current.i


def negated(token: Token) -> bool:
    """ "was never sent", "did not sign", "No asylum seeker was sent", "nobody would be settled", "no one is known to
    have arrived", "received no request": reported as not having happened."""
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and spelled(c) == "no" for c in token.children):
        return True  # "received no request", "there are no talks"
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if verb.dep_ in ("aux", "auxpass"):
        verb = verb.head
    for candidate in (verb, verb.head if verb.dep_ == "xcomp" else verb):
        for child in candidate.children:
            if child.dep_ == "neg" or spelled(child) == "never":
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and (
                any(spelled(d) == "no" for d in child.children if d.dep_ == "det") or spelled(child) in _NOBODY
            ):
                return True
    return False


_NOBODY = frozenset({"nobody", "none", "no-one"})


def likened(noun: Token) -> bool:
    """ "similar agreements", "the same offer", "a comparable centre": a noun compared with one named before."""
    return any(c.dep_ in ("amod", "det") and spelled(c) in lx.LIKE_WORDS for c in noun.children)


def contrasted_away(token: Token) -> bool:
    """ "which pay for border control rather than for taking in third-country nationals", "instead of accepting
    deportees": what a sentence sets aside with "rather than" or "instead of" is not done."""
    before = [c for c in token.head.children if c.i < token.i] if token.dep_ in ("advcl", "pcomp", "conj") else []
    for c in before:  # "fund border control instead of accepting deportees", parsed with "of" beside the verb
        if spelled(c) == "of" and any(spelled(g) == "instead" for g in c.children):
            return True
        if spelled(c) == "than" and any(spelled(g) == "rather" for g in c.children):
            return True
    word = token
    for _ in range(3):
        if word.dep_ not in ("pcomp", "pobj", "prep", "conj", "cc") or word.head == word:
            return False
        word = word.head
        if spelled(word) == "than" and any(spelled(c) == "rather" for c in word.children):
            return True
        if spelled(word) == "of" and spelled(word.head) == "instead":
            return True
        if spelled(word) == "instead":
            return True
    return False


def ends_sentence(tokens: list[Token]) -> bool:
    """A full stop (or ! ?) at the end, possibly followed by a closing quote or bracket."""
    last = tokens[-1].text
    if last.endswith((".", "!", "?")):
        return True
    return len(tokens) > 1 and last in ("”", '"', "’", "'", ")") and tokens[-2].text.endswith((".", "!", "?", ","))


def same_clause_group(a: Token, b: Token) -> bool:
    """The two words belong to one clause or to a clause and what it embeds — not to two clauses merely set side
    by side ("Italy has its centres in Albania; the Netherlands has signed with Uganda")."""
    ra, rb = a.doc[clause_root(a)], b.doc[clause_root(b)]
    if ra == rb:
        return True

    def chain(token: Token) -> list[Token]:
        out = [token]
        for _ in range(12):
            if out[-1].head == out[-1]:
                break
            out.append(out[-1].head)
        return out

    up_a, up_b = chain(ra), chain(rb)
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return False
    for path in (up_a[: up_a.index(common)], up_b[: up_b.index(common)]):
        if any(t.dep_ in ("conj", "parataxis") and t.pos_ in ("VERB", "AUX") for t in path):
            return False
        if any(_before_a_colon(t) for t in path):
            return False
    return True


def _before_a_colon(clause: Token) -> bool:
    """A clause that ends at a colon or semicolon its head's clause starts after: "Estonia is not the first to host
    them: in 2022 Denmark signed a treaty with Kosovo", which the parser hangs as what "signed" says."""
    if clause.dep_ not in ("ccomp", "advcl") or clause.i > clause.head.i:
        return False
    return any(
        c.dep_ == "punct" and c.lower_ in (":", ";") and clause.i < c.i < clause.head.i for c in clause.head.children
    )


# Asking another to do something: "pressed Ghana to take", "wants Ecuador to accept".
ASKING_VERBS: Final = frozenset(
    {
        "want",
        "ask",
        "press",
        "urge",
        "persuade",
        "push",
        "pressure",
        "need",
        "expect",
        "get",
        "approach",
        "lobby",
        "court",
    }
)


def asks_another(verb: Token) -> bool:
    """ "persuaded Kosovo to take", "signed up Rwanda and Uganda to take others", "enlisted Ghana": a verb by which one
    state gets another to do something (its object is the one asked)."""
    word = lemma(verb)
    if word in ASKING_VERBS or word in ("enlist", "recruit", "convince"):
        return True
    return word in ("sign", "line") and any(c.dep_ == "prt" and spelled(c) == "up" for c in verb.children)


def caused(verb: Token) -> bool:
    """« a fait débarquer », « faire examiner »: a verb under a causative auxiliary (French « faire »). English
    says it with an object between ("had their claims examined"): a "have" hung on the verb itself is its perfect
    ("has landed"), never a causative."""
    return verb.doc.lang_ != "en" and any(
        c.dep_ in ("aux", "dep", "aux:caus") and lemma(c) in lx.CAUSATIVE_VERBS for c in verb.children
    )
