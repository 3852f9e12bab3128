"""From a parsed document to a graph fragment: countries, officials, agreements with claims, migrant groups.

Deterministic rules over spaCy's entities and dependency parse, written for the language of news reporting:

1. **Countries** are the entities ``dakg_countries_v1`` tagged with an ISO-3 code, plus "the country" /
   "the East African nation" resolved to the document's most salient country, plus the state an official in
   the sentence acts for.
2. **Roles.** In each prose sentence (headings and table rows are skipped) every country gets evidence for a
   role: *deporting* ("deported from X", X the subject of "deport"/"send", "deported by X"), *host* ("sent to
   X", "arrived in X", X the subject of "accept"/"host"/"take in"), *party* ("a deal with X", "talks between X
   and Y", X the subject of "agree"/"sign"), or *nationality* ("migrants from X", "Iraqi migrants").
3. **Pairs.** A deporting and a host state in one sentence form an agreement (deporting → host). Where a
   sentence names only one side, or only parties, the document's other sentences decide the direction; a
   sentence that only refers back ("that programme", "the two countries") attaches to the pair named just
   before. A country merely named near another forms nothing: the sentence must speak of deportation or of
   an arrangement.
4. **Claims** per pair and sentence: ``status`` from the wording (with future or conditional wording
   downgraded, and denials kept as negated claims), ``cap``, ``payment``, ``date``, ``official`` (who is
   named), ``covers`` (which migrant group). The quote is the sentence; offsets point into the cleaned text.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc, Span, Token

from dakg.ingest import lexicon as lx
from dakg.ingest.fragment import (
    AgreementOut,
    ClaimField,
    ClaimOut,
    CountryOut,
    Fragment,
    MigrantGroupOut,
    OfficialOut,
    SourceOut,
    text_key,
)
from dakg.ingest.gazetteer import countries, known_officials, slug
from dakg.ingest.read import Metadata

RULES_VERSION = "rules-1"

HOST, DEPORTING, PARTY, NATIONALITY = "host", "deporting", "party", "nationality"
RoleVotes = defaultdict[str, defaultdict[str, float]]
_LIST_ITEM = re.compile(r"[A-Z][\w’'&-]*(?: [\w’'&-]+){0,5}\s?:\s")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


@dataclass
class Mention:
    iso3: str
    start: int
    end: int
    token: Token | None  # the syntactic head, None for countries known only through an official
    kind: str


@dataclass
class StatusHit:
    status: str
    strength: float
    start: int  # offset in the sentence
    text: str
    negated: bool = False
    token: int | None = None  # index of the trigger's first token in the document


@dataclass
class Pair:
    deporting: str
    host: str
    confidence: float
    host_token: int | None = None  # where this sentence names each side, to find the clause that speaks of it
    deporting_token: int | None = None

    @property
    def key(self) -> str:
        return f"{self.deporting}-{self.host}"


@dataclass
class PersonMention:
    key: str
    name: str
    country: str | None
    role: str | None
    score: float
    sentence: int
    token: Token


@dataclass
class SentenceInfo:
    index: int
    span: Span
    start: int
    end: int
    quote: str
    prose: bool
    mentions: list[Mention] = field(default_factory=list)
    evidence: dict[str, dict[str, float]] = field(default_factory=dict)
    context: bool = False
    anaphor: bool = False
    agreement_word: bool = False
    arrangement: bool = False
    statuses: list[StatusHit] = field(default_factory=list)
    denial: bool = False
    pairs: list[Pair] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    ents: list[Span] = field(default_factory=list)  # the document's entities inside this sentence

    def add(self, iso3: str, role: str, strength: float) -> None:
        roles = self.evidence.setdefault(iso3, {})
        roles[role] = max(roles.get(role, 0.0), strength)

    def countries(self) -> set[str]:
        return {m.iso3 for m in self.mentions}


# --- token helpers -----------------------------------------------------------------------------------------


def _conj_head(token: Token) -> Token:
    """The first of a coordination: in "Rwanda and Uganda", Uganda's role is Rwanda's."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _proxy(token: Token) -> Token:
    """The word that acts for a country mention: "the government of Rwanda", "U.S. officials", "Rwanda's decision"."""
    token = _conj_head(token)
    for _ in range(3):
        head = token.head
        if token.dep_ in ("poss", "compound", "nmod", "amod") and head.lemma_.lower() in lx.ACTOR_NOUNS:
            token = _conj_head(head)
        elif (
            token.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in lx.ACTOR_NOUNS | {"kingdom", "republic", "country", "nation"}
        ):
            token = _conj_head(head.head)
        elif (
            token.dep_ == "pobj" and head.lower_ in ("including", "like", "as") and head.head.pos_ in ("NOUN", "PROPN")
        ):
            token = _conj_head(head.head)  # "with other nations, including the United Kingdom", "countries like Rwanda"
        else:
            break
    return token


def _verb_chain(verb: Token, depth: int = 0) -> list[Token]:
    """A verb and the clauses it controls without a subject of their own ("agreed to accept", "a deal to host")."""
    found = [verb]
    if depth > 4:
        return found
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl", "acl", "pcomp", "dobj", "pobj", "prep", "conj", "ccomp", "compound"):
            if child.dep_ in ("advcl", "ccomp", "conj") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children
            ):
                continue
            if child.dep_ == "relcl":
                continue
            found.extend(_verb_chain(child, depth + 1))
    return found


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _is_host_word(token: Token) -> bool:
    lemma = _lemma(token)
    if lemma in lx.HOST_VERBS:
        return True
    if lemma == "take":  # "take in", "take deportees"
        return any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children) or any(
            _lemma(c) in lx.MIGRANT_NOUNS for c in token.children if c.dep_ == "dobj"
        )
    return False


def _is_deport_word(token: Token) -> bool:
    return _lemma(token) in lx.DEPORT_VERBS or _lemma(token) in lx.DEPORT_NOUNS


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "amod")
    )


# --- the extractor -----------------------------------------------------------------------------------------


class DocumentExtractor:
    def __init__(self, doc: Doc, meta: Metadata, *, path: str | None, extractor_version: str) -> None:
        self.doc = doc
        self.text = doc.text
        self.meta = meta
        self.path = path
        self.version = extractor_version
        self.source_key = text_key(self.text)
        self.gazetteer = countries()
        self.published = _parse_iso(meta.published)
        self.sentences: list[SentenceInfo] = []
        self.country_counts: Counter[str] = Counter()
        self.people: dict[str, list[PersonMention]] = defaultdict(list)

    # -- sentences and mentions --------------------------------------------------------------------------

    def _sents(self) -> list[Span]:
        """spaCy's sentences, with stray one- or two-word fragments joined to the sentence they belong to."""
        out: list[Span] = []
        pending: Span | None = None
        for sent in self.doc.sents:
            if pending is not None:
                sent = self.doc[pending.start : sent.end]
                pending = None
            words = [t for t in sent if not t.is_space and not t.is_punct]
            gap = self.doc[sent.end - 1].whitespace_ if sent.end > sent.start else ""
            if (
                0 < len(words) <= 2
                and not _ends_sentence([t for t in sent if not t.is_space] or [sent[0]])
                and "\n" not in gap
                and not any("\n" in t.text for t in sent)
            ):
                pending = sent
                continue
            out.append(sent)
        if pending is not None:
            out.append(pending)
        return out

    def _sentence_info(self, index: int, sent: Span) -> SentenceInfo:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            return SentenceInfo(index, sent, sent.start_char, sent.start_char, "", prose=False)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        quote = self.text[start:end]
        words = [t for t in tokens if t.is_alpha]
        prose = (
            len(words) >= 4
            and _ends_sentence(tokens)
            and any(t.pos_ in ("VERB", "AUX") for t in tokens)
            and "\n" not in quote
            and quote.count(" | ") < 2
        )
        line_start = self.text.rfind("\n", 0, start) + 1
        if _LIST_ITEM.match(self.text, line_start) and line_start == start:
            prose = False  # "Key aspect: ..." list items and table cells
        if not any(t.pos_ for t in tokens):  # a pipeline without a tagger: judge by punctuation only
            prose = len(words) >= 4 and _ends_sentence(tokens) and "\n" not in quote
        return SentenceInfo(index, sent, start, end, quote, prose=prose)

    def _assign_ents(self) -> None:
        """Each entity to its sentence, in one pass (``Span.ents`` would scan the whole document per sentence)."""
        ends = [info.span.end for info in self.sentences]
        at = 0
        for ent in self.doc.ents:
            while at < len(ends) and ent.start >= ends[at]:
                at += 1
            if at == len(ends):
                break
            if ent.end <= ends[at] and ent.start >= self.sentences[at].span.start:
                self.sentences[at].ents.append(ent)

    def _mentions(self, info: SentenceInfo) -> None:
        for ent in info.ents:
            if ent.ent_id_ and self.gazetteer.is_code(ent.ent_id_):
                info.mentions.append(Mention(ent.ent_id_, ent.start_char, ent.end_char, ent.root, "country"))
                self.country_counts[ent.ent_id_] += 1
        named_here = {m.iso3 for m in info.mentions if m.token is not None and m.token.ent_type_ == "GPE"}
        for match in lx.COUNTRY_ANAPHOR.finditer(info.quote):
            salient = self._salient(exclude=named_here)
            if salient is None:
                continue
            start = info.start + match.start()
            span = self.doc.char_span(start, info.start + match.end(), alignment_mode="expand")
            if span is None:
                continue
            if any(m.start <= start < m.end for m in info.mentions):
                continue
            info.mentions.append(Mention(salient, span.start_char, span.end_char, span.root, "anaphor"))

    def _salient(self, exclude: set[str]) -> str | None:
        for iso3, _count in self.country_counts.most_common():
            if iso3 not in exclude:
                return iso3
        return None

    # -- roles --------------------------------------------------------------------------------------------

    def _roles(self, info: SentenceInfo) -> None:
        for mention in info.mentions:
            if mention.token is None:
                continue
            for role, strength in self._evidence(mention.token):
                info.add(mention.iso3, role, strength)
        self._hyphen_pairs(info)

    def _nationality(self, token: Token) -> bool:
        """ "Iraqi migrants", "migrants from Sudan, Libya and ...", "the others are from Cuba"."""
        first = _conj_head(token)
        if first.dep_ in ("amod", "compound", "nmod") and _lemma(first.head) in lx.MIGRANT_NOUNS:
            return True
        for ancestor in first.ancestors:
            if ancestor.dep_ == "prep" and ancestor.lower_ == "from":
                governor = ancestor.head
                if _lemma(governor) in lx.DEPORT_NOUNS:
                    return False  # "deportees from the United States" were deported from there
                if _lemma(governor) in lx.MIGRANT_NOUNS | {"region", "country", "nationality"}:
                    return True
                return _lemma(governor) == "be" and any(
                    c.dep_ == "nsubj" and (_lemma(c) in lx.MIGRANT_NOUNS or _lemma(c) in {"other", "one", "rest"})
                    for c in governor.children
                )
            if _is_deport_word(ancestor) or _is_host_word(ancestor):
                return False
        return False

    def _evidence(self, token: Token) -> list[tuple[str, float]]:
        found: list[tuple[str, float]] = []
        if self._nationality(token):
            return [(NATIONALITY, 0.8)]
        if token.dep_ in ("amod", "compound", "poss") and _lemma(token.head) in {"soil", "territory", "land"}:
            soil_prep = token.head.head if token.head.dep_ == "pobj" else None
            if soil_prep is not None and soil_prep.lower_ == "from":  # "deported from American soil"
                return [(DEPORTING, 0.9 if _is_deport_word(soil_prep.head) else 0.6)]
            return [(HOST, 0.7)]  # "two centres on Albanian soil"
        actor = _proxy(token)
        head = actor.head
        dep = actor.dep_
        if dep == "pobj":
            prep = head.lower_
            governor = _conj_head(head.head) if head.dep_ == "conj" else head.head
            if prep == "from":
                if _is_deport_word(governor) or _lemma(governor) == "leave":
                    found.append((DEPORTING, 0.9))
                elif _lemma(governor) in lx.MIGRANT_NOUNS or _lemma(governor) in {"region", "country"}:
                    found.append((NATIONALITY, 0.8))
                elif _is_host_word(governor):
                    found.append((DEPORTING, 0.7))  # "accept migrants from the US"
            elif prep in ("to", "into"):
                if _is_deport_word(governor) or (_lemma(governor) in lx.MIGRANT_NOUNS and governor.dep_ == "dobj"):
                    found.append((HOST, 0.9))
            elif prep == "in" and _lemma(governor) in lx.IN_HOST_VERBS:
                found.append((HOST, 0.7))
            elif prep == "by" and _is_deport_word(governor) and _passive(governor):
                found.append((DEPORTING, 0.9))
            elif prep in ("with", "between", "among"):
                found.append((PARTY, 0.6))
        elif dep == "dobj" and _lemma(head) == "leave":
            found.append((DEPORTING, 0.7))  # "asylum seekers who leave Israel"
        elif dep in ("dative", "dobj") and _lemma(head) in lx.PAY_VERBS:
            found.append((HOST, 0.5))  # "paid Rwanda £240m"
        elif dep in ("nsubj", "nsubjpass"):
            found.extend(self._subject_evidence(actor, head, passive=dep == "nsubjpass"))
        return found

    def _subject_evidence(self, actor: Token, verb: Token, *, passive: bool) -> list[tuple[str, float]]:
        if passive:
            return [(PARTY, 0.4)] if _lemma(verb) in lx.AGREE_VERBS else []
        found: list[tuple[str, float]] = []
        chain = _verb_chain(verb)
        direct = [verb, *[c for c in verb.children if c.dep_ in ("xcomp", "conj")]]
        if any(_is_host_word(t) for t in direct):
            found.append((HOST, 0.8))
        elif any(_is_host_word(t) for t in chain):
            found.append((HOST, 0.6))
        deport_tokens = [t for t in chain if _lemma(t) in lx.DEPORT_VERBS and t.pos_ == "VERB" and not _passive(t)]
        if deport_tokens:
            found.append((DEPORTING, 0.8 if any(t in direct for t in deport_tokens) else 0.6))
        if any(_lemma(t) in lx.PAY_VERBS for t in direct):
            found.append((DEPORTING, 0.5))
        if not found and any(_lemma(c) in lx.HOST_NOUNS for c in verb.children if c.dep_ in ("attr", "dobj", "oprd")):
            found.append((HOST, 0.6))  # "Rwanda becomes a destination for deportees"
        if any(_lemma(t) in lx.AGREE_VERBS for t in chain):
            found.append((PARTY, 0.5))
        if not found and any(_lemma(t) in lx.AGREEMENT_NOUNS for t in chain):
            found.append((PARTY, 0.4))
        return found

    def _hyphen_pairs(self, info: SentenceInfo) -> None:
        """ "the UK–Rwanda scheme", "U.S.-Rwanda agreement": deporting state first, by news convention."""
        ordered = sorted((m for m in info.mentions if m.kind == "country"), key=lambda m: m.start)
        for left, right in itertools.pairwise(ordered):
            between = self.text[left.end : right.start]
            if between.strip() not in ("-", "–", "—") or left.iso3 == right.iso3:
                continue
            after = self.doc.char_span(right.end, min(len(self.text), right.end + 40), alignment_mode="expand")
            if after is not None and any(_lemma(t) in lx.AGREEMENT_NOUNS for t in list(after)[:3]):
                info.add(left.iso3, DEPORTING, 0.5)
                info.add(right.iso3, HOST, 0.5)

    # -- officials ----------------------------------------------------------------------------------------

    def _officials(self) -> None:
        known = {o.key: o for o in known_officials()}
        for info in self.sentences:
            for ent in info.ents:
                if ent.label_ != "PERSON":
                    continue
                person = self._person(ent, info, known)
                if person is not None:
                    info.people.append(person)
        self._resolve_people(known)

    def _person(self, ent: Span, info: SentenceInfo, known: dict[str, Any]) -> PersonMention | None:
        tokens = [t for t in ent if t.text not in lx.HONORIFICS and t.text not in ("'s", "’s")]
        if not tokens:
            return None
        name = " ".join(t.text for t in tokens).strip(" ,")
        role, country, score = self._title_before(ent)
        if role is None:
            role, country2, score = self._title_after(ent)
            country = country or country2
        if role is None:
            role = self._head_of(ent)
            score = 0.6 if role else score
        kb = known.get(ent.kb_id_) if ent.kb_id_ else None
        if kb is None and role is None:
            return None
        if kb is not None:
            score = max(score, 0.7)
            country = country or kb.country
            key, name = kb.key, kb.name
        else:
            key = slug(name)
        if not key:
            return None
        return PersonMention(key, name, country, role, score, info.index, ent.root)

    def _title_before(self, ent: Span) -> tuple[str | None, str | None, float]:
        """ "US Secretary of State Marco Rubio", "Rwandan official Nduhungirehe", "Rwanda's foreign minister X"."""
        i = ent.start - 1
        while i >= 0 and self.doc[i].text in (",", "the", "The"):
            i -= 1
        if i < 0:
            return None, None, 0.0
        token = self.doc[i]
        if token.ent_id_ and self.gazetteer.is_code(token.ent_id_) and self.doc[ent.start - 1].text == ",":
            # "the Prime Minister of the Republic of Albania, Edi Rama"
            j = i
            while j > 0 and j > i - 8 and self.doc[j].ent_type_ != "TITLE":
                if self.doc[j].text in (",", ".", ";") or self.doc[j].pos_ == "VERB":
                    break
                j -= 1
            if j >= 0 and self.doc[j].ent_type_ == "TITLE" and self.doc[j + 1].lower_ == "of":
                start = j
                while start > 0 and self.doc[start].ent_iob_ == "I":
                    start -= 1
                return self.doc[start : j + 1].text, token.ent_id_, 0.9
            return None, None, 0.0
        if token.ent_type_ == "TITLE":
            title_start = i
            while title_start > 0 and self.doc[title_start].ent_iob_ == "I":
                title_start -= 1
            role = self.doc[title_start : i + 1].text
        elif token.lemma_.lower() in lx.ROLE_NOUNS and token.is_lower:
            title_start = i
            while (
                title_start > 0
                and self.doc[title_start - 1].is_lower
                and self.doc[title_start - 1].pos_ in ("NOUN", "ADJ")
            ):
                title_start -= 1
            role = self.doc[title_start : i + 1].text
        else:
            return None, None, 0.0
        if (
            role.lower().startswith("former ") is False
            and title_start > 0
            and self.doc[title_start - 1].lower_ == "former"
        ):
            title_start -= 1
            role = "former " + role
        country = None
        for j in range(title_start - 1, max(-1, title_start - 5), -1):
            candidate = self.doc[j]
            if candidate.ent_id_ and self.gazetteer.is_code(candidate.ent_id_):
                country = candidate.ent_id_
                break
            if candidate.text in (".", ";", ",", "and", "said", "told") or candidate.pos_ == "VERB":
                break
        if country is None:
            country = self._of_country(i + 1)
        return role, country, 0.9 if country else 0.8

    def _head_of(self, ent: Span) -> str | None:
        """ "the Biden administration" -> "head of the administration"; "Starmer's Labour government" likewise."""
        governed = None
        if ent.end < len(self.doc) and self.doc[ent.end].lower_ in ("administration", "government"):
            governed = self.doc[ent.end]
        elif ent.root.dep_ in ("poss", "compound") and ent.root.head.lower_ in ("administration", "government"):
            governed = ent.root.head
        if governed is None:
            return None
        words = [
            c.text for c in governed.children if c.dep_ == "compound" and c.i > ent.end - 1 and c.ent_type_ != "PERSON"
        ]
        return "head of the " + " ".join([*words, governed.lower_])

    def _title_after(self, ent: Span) -> tuple[str | None, str | None, float]:
        """ "Marco Rubio, the US Secretary of State," / "Olivier Nduhungirehe, Rwanda's foreign minister"."""
        i = ent.end
        if i >= len(self.doc) or self.doc[i].text != ",":
            return None, None, 0.0
        window = self.doc[i + 1 : min(len(self.doc), i + 10)]
        if len(window) and window[0].lower_ in ("and", "or", "but"):
            return None, None, 0.0  # "X, and the Prime Minister of Albania, Y": the title is Y's
        country = None
        for token in window:
            if token.ent_id_ and self.gazetteer.is_code(token.ent_id_) and country is None:
                country = token.ent_id_
            if token.ent_type_ == "TITLE" or (token.lemma_.lower() in lx.ROLE_NOUNS and token.is_lower):
                start = end = token.i
                if token.ent_type_ == "TITLE":
                    while (
                        end + 1 < len(self.doc)
                        and self.doc[end + 1].ent_type_ == "TITLE"
                        and self.doc[end + 1].ent_iob_ == "I"
                    ):
                        end += 1
                else:  # "an assistant secretary", "the state minister"
                    while (
                        start - 1 > i and self.doc[start - 1].is_lower and self.doc[start - 1].pos_ in ("NOUN", "ADJ")
                    ):
                        start -= 1
                country = country or self._of_country(end + 1)
                return self.doc[start : end + 1].text, country, 0.8
            if token.text in (",", ".", ";") or token.pos_ == "VERB":
                break
        return None, None, 0.0

    def _of_country(self, i: int) -> str | None:
        """ "Minister of Foreign Affairs of Rwanda" -> RWA."""
        if i + 1 < len(self.doc) and self.doc[i].lower_ == "of":
            for token in self.doc[i + 1 : min(len(self.doc), i + 5)]:
                if token.ent_id_ and self.gazetteer.is_code(token.ent_id_):
                    return token.ent_id_
        return None

    def _resolve_people(self, known: dict[str, Any]) -> None:
        """Surname-only mentions join the full name used elsewhere in the document."""
        mentions = [p for info in self.sentences for p in info.people]
        full = {p.key: p for p in mentions if " " in p.name}
        for person in mentions:
            if " " not in person.name:
                for key, other in full.items():
                    if other.name.split()[-1] == person.name and key != person.key:
                        person.key, person.name = key, other.name
                        person.country = person.country or other.country
                        break
        # A name seen once with a title also counts where it appears bare later ("Makolo said").
        titled = {p.key for p in mentions}
        surnames = {p.name.split()[-1]: p.key for p in mentions}
        for info in self.sentences:
            seen = {p.token.i for p in info.people}
            for ent in info.ents:
                if ent.label_ == "PERSON" and ent.root.i not in seen and ent.text.split()[-1] in surnames:
                    key = surnames[ent.text.split()[-1]]
                    if key in titled:
                        source = next(p for p in mentions if p.key == key)
                        info.people.append(
                            PersonMention(key, source.name, source.country, None, 0.5, info.index, ent.root)
                        )
        for info in self.sentences:
            for person in info.people:
                self.people[person.key].append(person)
                subject = person.token.dep_ in ("nsubj", "nsubjpass", "advmod", "compound")
                if person.country and info.prose and subject and person.country not in info.countries():
                    info.mentions.append(Mention(person.country, person.token.idx, person.token.idx, None, "official"))

    # -- statuses -----------------------------------------------------------------------------------------

    def _statuses(self, info: SentenceInfo) -> None:
        text = info.quote
        info.denial = bool(lx.DENIAL.search(text))
        for status, pattern, strength in lx.STATUS_PATTERNS:
            for match in pattern.finditer(text):
                first = self.doc.char_span(
                    info.start + match.start(), info.start + match.end(), alignment_mode="expand"
                )
                if first is not None and first[0].dep_ == "amod" and len(first) == 1:
                    continue  # "accepted asylum seekers", "a signed copy": an adjective, not an event
                hit_status, hit_strength = status, strength
                negated = first is not None and _negated(first[0])
                before = text[: match.start()]
                if status in ("signed", "agreed", "in_force", "implemented") and lx.IRREALIS.search(before[-60:]):
                    hit_status = "under_negotiation" if status in ("signed", "agreed", "in_force") else "agreed"
                    hit_strength = strength * 0.8
                token_i = first[0].i if first is not None else None
                info.statuses.append(
                    StatusHit(hit_status, hit_strength, match.start(), match.group(0), negated, token_i)
                )

    def _clause_hits(self, hits: list[Any], pair: Pair, index: Any, *, host_only: bool = False) -> list[Any]:
        """Of a sentence's triggers, those in the clause that names the host (else the deporting state).

        "Eight men were flown to South Sudan, and Kosovo agreed to host up to 50": implemented goes with
        South Sudan, agreed and the cap of 50 with Kosovo.
        """
        anchors = (pair.host_token,) if host_only else (pair.host_token, pair.deporting_token)
        for anchor in anchors:
            if anchor is None:
                continue
            clause = _clause_root(self.doc[anchor])
            scoped = [h for h in hits if index(h) is not None and _clause_root(self.doc[index(h)]) == clause]
            if scoped or host_only:
                return scoped
        return hits

    def _sentence_status(self, info: SentenceInfo, pair: Pair | None = None) -> tuple[str, float, bool] | None:
        """The status one sentence claims: terminal words win, then the most advanced stage."""
        hits = [h for h in info.statuses if not (info.denial and h.status == "proposed")]
        if pair is not None and hits:
            hits = self._clause_hits(hits, pair, lambda h: h.token)
        if not hits:
            if info.denial:
                return "agreed", 0.8, True
            if info.arrangement and info.pairs and not lx.IRREALIS_ANYWHERE.search(info.quote):
                return "agreed", 0.4, False  # the source speaks of the arrangement as a thing that exists
            return None
        best = max(hits, key=lambda h: (not h.negated, lx.STATUS_ORDER[h.status], h.strength))
        if info.denial:
            return ("agreed" if best.status in ("under_negotiation", "proposed") else best.status), 0.8, True
        return best.status, best.strength, best.negated

    # -- pairs --------------------------------------------------------------------------------------------

    def _role_memory(self) -> tuple[RoleVotes, Counter[tuple[str, str]]]:
        roles: RoleVotes = defaultdict(lambda: defaultdict(float))
        pairs: Counter[tuple[str, str]] = Counter()
        for info in self.sentences:
            strong = {
                iso3: max(ev.items(), key=lambda kv: kv[1])
                for iso3, ev in info.evidence.items()
                if max(ev.values()) >= 0.6
            }
            for iso3, (role, strength) in strong.items():
                if role in (HOST, DEPORTING):
                    roles[iso3][role] += strength
            hosts = [c for c, (r, _) in strong.items() if r == HOST]
            deps = [c for c, (r, _) in strong.items() if r == DEPORTING]
            for d in deps:
                for h in hosts:
                    if d != h:
                        pairs[(d, h)] += 1
        return roles, pairs

    def _role_of(self, info: SentenceInfo, iso3: str) -> tuple[str | None, float]:
        evidence = info.evidence.get(iso3, {})
        if not evidence:
            return None, 0.0
        host, dep = evidence.get(HOST, 0.0), evidence.get(DEPORTING, 0.0)
        if host and dep:
            if abs(host - dep) < 0.15:
                return PARTY, 0.4
            return (HOST, host) if host > dep else (DEPORTING, dep)
        role, strength = max(evidence.items(), key=lambda kv: kv[1])
        return role, strength

    def _orient(
        self, a: str, b: str, roles: RoleVotes, pairs: Counter[tuple[str, str]], *, lenient: bool = False
    ) -> tuple[str, str] | None:
        """Deporting first. Needs one side known as a host and the other as a deporting state elsewhere in the
        document; ``lenient`` (both named as parties here: "a deal with X") lets an unknown side count."""
        if pairs[(a, b)] != pairs[(b, a)]:
            return (a, b) if pairs[(a, b)] > pairs[(b, a)] else (b, a)
        score_a = roles[a][HOST] - roles[a][DEPORTING]
        score_b = roles[b][HOST] - roles[b][DEPORTING]
        if score_a > 0 > score_b or (lenient and score_a > 0 == score_b):
            return (b, a)
        if score_b > 0 > score_a or (lenient and score_b > 0 == score_a):
            return (a, b)
        return None

    def _pairs(self) -> None:
        roles, pair_votes = self._role_memory()
        recent: list[tuple[int, Pair]] = []
        for info in self.sentences:
            if not info.prose:
                continue
            found: dict[str, Pair] = {}

            tokens: dict[str, int] = {}
            for mention in info.mentions:
                if mention.token is not None:
                    tokens.setdefault(mention.iso3, mention.token.i)

            def add(
                deporting: str,
                host: str,
                confidence: float,
                found: dict[str, Pair] = found,
                tokens: dict[str, int] = tokens,
            ) -> None:
                if deporting == host:
                    return
                pair = Pair(deporting, host, confidence, tokens.get(host), tokens.get(deporting))
                if pair.key not in found or found[pair.key].confidence < confidence:
                    found[pair.key] = pair

            assigned = {c: self._role_of(info, c) for c in info.countries()}
            hosts = [c for c, (r, s) in assigned.items() if r == HOST and s >= 0.5]
            deps = [c for c, (r, s) in assigned.items() if r == DEPORTING and s >= 0.5]
            nationals = {c for c, (r, _) in assigned.items() if r == NATIONALITY}
            others = [c for c in info.countries() if c not in hosts and c not in deps and c not in nationals]
            parties = [c for c in others if assigned[c][0] == PARTY]
            paid = bool(self._payments(info))
            talks_of_it = info.context or info.agreement_word or info.anaphor or bool(info.statuses) or paid
            if not parties and len(info.countries() - nationals) == 2:
                parties = others  # the only other state named beside a host or deporting state

            if hosts and deps:
                for d in deps:
                    for h in hosts:
                        add(d, h, 0.9)
            elif hosts or deps:
                side, known_role = (hosts, HOST) if hosts else (deps, DEPORTING)
                partners = parties
                for c in side:
                    if len(set(partners) - {c}) >= 1 and talks_of_it:
                        for p in partners:
                            if known_role == HOST:
                                add(p, c, 0.8 if len(partners) == 1 else 0.7)
                            else:
                                add(c, p, 0.8 if len(partners) == 1 else 0.7)
                    elif info.anaphor or info.context or paid:
                        partner = self._doc_partner(c, known_role, pair_votes, roles)
                        if partner is None:  # the pair this document formed last with this state in this role
                            partner = next(
                                (
                                    (p.deporting if known_role == HOST else p.host)
                                    for _, p in reversed(recent)
                                    if (p.host if known_role == HOST else p.deporting) == c
                                ),
                                None,
                            )
                        if partner is not None:
                            add(*((partner, c) if known_role == HOST else (c, partner)), 0.6)
            elif len(others) >= 2 and talks_of_it:
                named = parties if len(parties) >= 2 else others
                for i, a in enumerate(named):
                    for b in named[i + 1 :]:
                        oriented = self._orient(a, b, roles, pair_votes, lenient=len(parties) >= 2)
                        if oriented is not None:
                            add(*oriented, 0.6)
            if not found and len(others) >= 2 and talks_of_it and len(info.countries() - nationals) == 2:
                a, b = sorted(others)
                prior = self.gazetteer.deporting_prior
                if (a in prior) != (b in prior):  # the text gives no direction: fall back on who usually sends
                    add(*((a, b) if a in prior else (b, a)), 0.45)
            if not found and info.anaphor and (info.statuses or info.denial or paid or self._caps(info)):
                present = info.countries()
                for index, pair in reversed(recent):
                    if info.index - index > 3:
                        break
                    if not present or {pair.deporting, pair.host} & present:
                        add(pair.deporting, pair.host, 0.55)
                        break
            strong_status = any(h.strength >= 0.9 and h.status != "proposed" for h in info.statuses)
            if not found and not info.countries() and strong_status and info.context:
                formed = {p.key: p for _, p in recent}
                if len(formed) == 1:  # a country-less sentence about "the flight", "the deal" of this document
                    only = next(iter(formed.values()))
                    add(only.deporting, only.host, 0.45)
            if not (talks_of_it or any(p.confidence >= 0.9 for p in found.values())):
                found = {}
            info.pairs = list(found.values())
            for pair in info.pairs:
                recent.append((info.index, pair))

    def _doc_partner(self, iso3: str, role: str, pair_votes: Counter[tuple[str, str]], roles: RoleVotes) -> str | None:
        """The state this one is paired with elsewhere in the document, or else the one that plays the other role."""
        candidates: Counter[str] = Counter()
        for (d, h), votes in pair_votes.items():
            if role == HOST and h == iso3:
                candidates[d] += votes
            elif role == DEPORTING and d == iso3:
                candidates[h] += votes
        if not candidates:
            other = DEPORTING if role == HOST else HOST
            for country, played in roles.items():
                if country != iso3 and played[other] > played[role]:
                    candidates[country] += int(10 * played[other])
        if not candidates:
            return None
        best = candidates.most_common(2)
        if len(best) > 1 and best[0][1] == best[1][1]:
            return None
        return best[0][0]

    # -- numbers, money, dates ----------------------------------------------------------------------------

    def _caps(self, info: SentenceInfo) -> list[tuple[int, str | None, int | None]]:
        caps = []
        for match in lx.CAP.finditer(info.quote):
            number = lx.words_to_number(match.group(1))
            if number is None or not 2 <= number <= lx.MAX_PEOPLE:
                continue
            span = self.doc.char_span(info.start + match.start(), info.start + match.end(), alignment_mode="expand")
            caps.append((number, "per year" if match.group(2) else None, span[0].i if span is not None else None))
        return caps

    def _payments(self, info: SentenceInfo) -> list[tuple[dict[str, Any], str]]:
        if not lx.PAY_CONTEXT.search(info.quote):
            return []
        found = []
        for match in lx.MONEY.finditer(info.quote):
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
            if not 0 < amount <= lx.MAX_AMOUNT:
                continue  # not a payment anyone reports (or not a number a store can hold)
            tail = info.quote[match.end() : match.end() + 40]
            head = info.quote[max(0, match.start() - 30) : match.start()]
            detail = match.group(0).strip()
            if lx.PER_PERSON.search(head) or lx.PER_PERSON.search(tail):
                detail += " per person"
            found.append(({"amount": round(amount, 2), "currency": currency}, detail))
        return found

    def _dates(self, info: SentenceInfo) -> list[tuple[str, str]]:
        found = []
        for ent in info.ents:
            if ent.label_ != "DATE":
                continue
            value = _normalize_date(ent.text, self.published)
            if value is not None:
                found.append((value, ent.text))
        return found

    # -- migrant groups -----------------------------------------------------------------------------------

    def _groups(self, info: SentenceInfo) -> list[dict[str, Any]]:
        """Migrant groups: a migrant noun with a size or nationality, or one the sentence's arrangement moves."""
        groups = []
        for token in info.span:
            lemma = _lemma(token)
            if lemma not in lx.MIGRANT_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
                continue
            if lemma == "seeker" and not any(c.lower_ == "asylum" for c in token.children):
                continue
            if token.dep_ == "conj" and _lemma(token.head) in lx.MIGRANT_NOUNS:
                continue  # "migrants, asylum seekers or deportees" is one group, described from its first noun
            if any(c.dep_ == "neg" for c in token.head.children) and token.dep_ in ("attr", "nsubj"):
                continue  # "they are not Rwandan nationals"
            size: int | None = None
            nationalities: list[str] = []
            left, right = token.i, token.i + 1
            for child in token.children:
                if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "amod" and child.like_num):
                    number = lx.words_to_number(child.text)
                    if number is not None:
                        size = number
                        left = min(left, child.left_edge.i)
                elif child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
                    if _is_host_word(child) or _is_deport_word(child):
                        continue
                    if child.ent_id_ and child.ent_type_ == "NORP":
                        nationalities.extend(c.ent_id_ for c in child.subtree if c.ent_id_ and c.ent_type_ == "NORP")
                    left = min(left, child.left_edge.i)
                elif child.dep_ == "det" and child.lower_ in ("a", "an") and token.tag_ in ("NN", "NNP"):
                    size = 1
                elif child.dep_ == "conj" and _lemma(child) in lx.MIGRANT_NOUNS:
                    right = max(right, child.right_edge.i + 1)
                elif child.dep_ == "prep" and child.lower_ == "from":
                    for obj in child.subtree:
                        if obj.ent_id_ and self.gazetteer.is_code(obj.ent_id_) and self._nationality(obj):
                            nationalities.append(obj.ent_id_)
                    right = max(right, child.right_edge.i + 1)
                elif child.dep_ in ("acl", "relcl") and child.right_edge.i - token.i <= 12:
                    right = max(right, child.right_edge.i + 1)
            if token.dep_ == "nsubj" and _lemma(token.head) == "be":  # "the others are from Cuba, Laos and Mexico"
                for child in token.head.children:
                    if child.dep_ == "prep" and child.lower_ == "from":
                        nationalities.extend(
                            o.ent_id_ for o in child.subtree if o.ent_id_ and self.gazetteer.is_code(o.ent_id_)
                        )
            moved = token.dep_ in ("dobj", "nsubjpass", "pobj") and (
                _is_host_word(token.head) or _is_deport_word(token.head) or _is_deport_word(token.head.head)
            )
            moved = moved or any(_is_deport_word(c) for c in token.children if c.dep_ in ("acl", "relcl", "amod"))
            if size is None and not nationalities and not (info.pairs and moved):
                continue
            if size is not None and size > lx.MAX_PEOPLE:
                size = None
            span = self.doc[left:right]
            while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
                span = span[:-1]
            groups.append({"description": span.text, "nationalities": sorted(set(nationalities)), "size": size})
        return groups

    # -- assembling the fragment --------------------------------------------------------------------------

    def run(self) -> Fragment:
        for index, sent in enumerate(self._sents()):
            self.sentences.append(self._sentence_info(index, sent))
        self._assign_ents()
        for info in self.sentences:
            self._mentions(info)
        self._officials()  # before roles: "his country" and an official's state count as mentions
        for info in self.sentences:
            if not info.prose:
                continue
            self._possessive_countries(info)
            info.context = bool(lx.DEPORT_CONTEXT.search(info.quote)) or (
                bool(lx.MIGRATION_NOUN.search(info.quote)) and any(_is_host_word(t) for t in info.span)
            )
            info.anaphor = bool(lx.ANAPHOR.search(info.quote))
            info.agreement_word = any(_lemma(t) in lx.AGREEMENT_NOUNS and t.pos_ == "NOUN" for t in info.span)
            info.arrangement = any(
                _lemma(t) in lx.ARRANGEMENT_NOUNS
                and t.pos_ == "NOUN"
                and not any(
                    c.lower_ in ("potential", "prospective", "proposed", "possible", "future", "imminent", "no")
                    for c in t.children
                )
                for t in info.span
            )
            self._roles(info)
            for mention in info.mentions:
                if mention.kind == "official" and mention.iso3 not in info.evidence:
                    info.add(mention.iso3, PARTY, 0.4)
            if any(v >= 0.9 for ev in info.evidence.values() for v in ev.values()):
                info.context = True  # "sent to X", "deported from X"
            self._statuses(info)
        self._pairs()
        return self._fragment()

    def _possessive_countries(self, info: SentenceInfo) -> None:
        """ "Olivier Nduhungirehe said his country was in talks": the official's state."""
        states = {p.country for p in info.people if p.country}
        if len(states) != 1:
            return
        state = next(iter(states))
        for match in lx.POSSESSIVE_COUNTRY.finditer(info.quote):
            span = self.doc.char_span(info.start + match.start(), info.start + match.end(), alignment_mode="expand")
            if span is not None:
                info.mentions.append(Mention(state, span.start_char, span.end_char, span.root, "anaphor"))

    def _fragment(self) -> Fragment:
        agreements: dict[str, AgreementOut] = {}
        groups: dict[str, MigrantGroupOut] = {}
        name = self.gazetteer.name

        def agreement(pair: Pair) -> AgreementOut:
            if pair.key not in agreements:
                agreements[pair.key] = AgreementOut(
                    key=pair.key,
                    deporting=pair.deporting,
                    host=pair.host,
                    name=f"{name(pair.deporting)} → {name(pair.host)}",
                    claims=[],
                )
            return agreements[pair.key]

        for info in self.sentences:
            if not info.prose:
                continue

            def claim(
                field: ClaimField, value: Any, confidence: float, sentence: SentenceInfo = info, **extra: Any
            ) -> ClaimOut:
                return ClaimOut(
                    field=field,
                    value=value,
                    confidence=_conf(confidence),
                    quote=sentence.quote,
                    start=sentence.start,
                    end=sentence.end,
                    **extra,
                )

            status = self._sentence_status(info) if info.pairs else None
            caps = self._caps(info) if info.pairs else []
            payments = self._payments(info) if info.pairs else []
            dated = info.pairs and ((status is not None and status[1] >= 0.8) or caps or payments)
            dates = self._dates(info) if dated else []
            for found in self._groups(info):
                group_key = "mg-" + text_key(f"{self.source_key}|{info.start}|{found['description']}")[:24]
                if any(g.description.lower() == found["description"].lower() for g in groups.values()):
                    continue
                groups[group_key] = MigrantGroupOut(
                    key=group_key,
                    description=found["description"],
                    nationalities=found["nationalities"],
                    size=found["size"],
                    quote=info.quote,
                    start=info.start,
                    end=info.end,
                )
            for pair in info.pairs:
                claims = []
                status = self._sentence_status(info, pair)
                if status is not None:
                    value, strength, negated = status
                    claims.append(claim("status", value, pair.confidence * strength, negated=negated))
                for number, detail, _token in self._clause_hits(caps, pair, lambda c: c[2], host_only=True):
                    claims.append(claim("cap", number, pair.confidence * 0.9, detail=detail))
                for amount, detail in payments:
                    claims.append(claim("payment", amount, pair.confidence * 0.85, detail=detail))
                for when, raw in dates:
                    event = None if status is None else ("denied " if status[2] else "") + status[0]
                    claims.append(
                        claim("date", when, pair.confidence * 0.7, detail=f"{event}: {raw}" if event else raw)
                    )
                if not claims and pair.confidence < 0.6:
                    continue
                for person in info.people:
                    if person.country in (None, pair.deporting, pair.host):
                        claims.append(claim("official", person.key, pair.confidence * 0.8))
                for group_key, group in groups.items():
                    if group.start == info.start and pair.key not in group.agreements:
                        group.agreements.append(pair.key)
                        claims.append(claim("covers", group_key, pair.confidence * 0.7))
                if claims:
                    agreement(pair).claims.extend(_dedupe(claims))

        country_mentions: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for info in self.sentences:
            for mention in info.mentions:
                if mention.kind == "country":
                    country_mentions[mention.iso3].append((mention.start, mention.end))
        return Fragment(
            source=SourceOut(
                key=self.source_key,
                path=self.path,
                title=self.meta.title or _first_line(self.text),
                url=self.meta.url,
                outlet=self.meta.outlet,
                published=self.meta.published,
                text=self.text,
                words=len(self.text.split()),
                extractor_version=self.version,
            ),
            countries=[
                CountryOut(key=iso3, name=name(iso3), mentions=sorted(spans))
                for iso3, spans in sorted(country_mentions.items())
            ],
            officials=self._official_outputs(),
            agreements=[a for a in agreements.values() if a.claims],
            migrant_groups=list(groups.values()),
        )

    def _official_outputs(self) -> list[OfficialOut]:
        out = []
        for key, mentions in self.people.items():
            best = max(mentions, key=lambda p: (p.role is not None, p.country is not None, p.score))
            info = self.sentences[best.sentence]
            names = sorted({p.name for p in mentions} | {best.name}, key=len, reverse=True)
            country = best.country or next((p.country for p in mentions if p.country), None)
            out.append(
                OfficialOut(
                    key=key,
                    name=names[0],
                    aliases=[n for n in names[1:] if n != names[0]],
                    country=country,
                    role=best.role or next((p.role for p in mentions if p.role), None),
                    confidence=_conf(best.score),
                    quote=info.quote,
                    start=info.start,
                    end=info.end,
                )
            )
        return sorted(out, key=lambda o: o.start)


def _clause_root(token: Token) -> int:
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
        if current.head is current:
            return current.i
        current = current.head
    return current.i


def _negated(token: Token) -> bool:
    """ "was never sent", "did not sign", "No asylum seeker was sent": the event is reported as not having happened."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for candidate in (verb, verb.head if verb.dep_ in ("aux", "auxpass") else verb):
        for child in candidate.children:
            if child.dep_ == "neg" or child.lower_ == "never":
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                d.lower_ == "no" for d in child.children if d.dep_ == "det"
            ):
                return True
    return False


def _ends_sentence(tokens: list[Token]) -> bool:
    """A full stop (or ! ?) at the end, possibly followed by a closing quote or bracket."""
    last = tokens[-1].text
    if last.endswith((".", "!", "?")):
        return True
    return len(tokens) > 1 and last in ("”", '"', "’", "'", ")") and tokens[-2].text.endswith((".", "!", "?", ","))


def _conf(value: float) -> float:
    return round(min(1.0, max(0.0, value)), 2)


def _dedupe(claims: list[ClaimOut]) -> list[ClaimOut]:
    seen = set()
    out = []
    for claim in claims:
        marker = (claim.field, repr(claim.value), claim.start, claim.negated, claim.detail)
        if marker not in seen:
            seen.add(marker)
            out.append(claim)
    return out


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _normalize_date(raw: str, published: date | None) -> str | None:
    """An ISO date (or YYYY-MM, YYYY) for a DATE entity; relative dates need the source's publication date."""
    text = raw.lower().strip()
    text = re.sub(
        r"^(on|in|since|from|by|until|last|this|early|late|mid-?|the)\s+",
        lambda m: m.group(0) if m.group(1) == "last" else "",
        text,
    )
    match = re.fullmatch(r"(?:mid-?|early |late )?(\d{4})", text)
    if match:
        return match.group(1)
    match = re.fullmatch(r"(?:between )?(\d{4}) (?:and|to|-|–) (\d{4})", text)
    if match:
        return f"{match.group(1)}/{match.group(2)}"
    match = re.fullmatch(
        r"(?:the )?(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})|([a-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", text
    )
    if match:
        day, month_name, year = (
            (match.group(1), match.group(2), match.group(3))
            if match.group(1)
            else (
                match.group(5),
                match.group(4),
                match.group(6),
            )
        )
        month = _MONTHS.get(month_name)
        if month:
            try:
                return date(int(year), month, int(day)).isoformat()
            except ValueError:
                return None
    match = re.fullmatch(r"([a-z]+),? (\d{4})", text)
    if match and match.group(1) in _MONTHS:
        return f"{match.group(2)}-{_MONTHS[match.group(1)]:02d}"
    if published is None:
        return None
    match = re.fullmatch(r"(last )?([a-z]+)", text)
    if match and match.group(2) in _MONTHS:
        month = _MONTHS[match.group(2)]
        year = (
            published.year
            if month < published.month or (month == published.month and not match.group(1))
            else published.year - 1
        )
        return f"{year}-{month:02d}"
    if match and match.group(2) in _WEEKDAYS and not match.group(1):
        delta = (published.weekday() - _WEEKDAYS[match.group(2)]) % 7
        return (published - timedelta(days=delta)).isoformat()
    return None


def extract(doc: Doc, meta: Metadata, *, path: str | None, extractor_version: str) -> Fragment:
    """The graph fragment of one parsed document."""
    return DocumentExtractor(doc, meta, path=path, extractor_version=extractor_version).run()
