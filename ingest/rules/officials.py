"""Stage 1b — officials: people named with an office, the state they act for, and who they are across a document.

A person counts as an official when the text gives them an office ("Foreign Minister", "spokesperson") or
when their name is one of the known officials in ``ingest/data/officials.json``. That file only resolves a
name to one person (its spellings and key); the office and the state always come from the text, and each
carries the spans that say so. Rules:

- ``title-before``: "US Secretary of State Marco Rubio", "Rwanda's foreign minister, Olivier Nduhungirehe";
- ``title-after``: "Marco Rubio, the US Secretary of State,", "Okello Oryem, Uganda's foreign minister,";
- ``head-of-government``: "the Biden administration", "Starmer's government";
- ``name-before-title``: a capitalised name the NER model missed, followed by ", Uganda's foreign minister";
- ``title-then-name``: "King Mswati III", a title followed by capitalised words the NER model missed;
- ``shared-title``: "Danish ministers A and B": B holds the same office as A;
- ``office-of-a-state``: offices that exist in one state only ("Home Secretary");
- ``title-before``/``title-after`` also read "a spokesperson at the U.S. Department of Homeland Security";
- ``institution-named-before``: "Foreign ministry spokesperson X" after "the South Sudanese foreign ministry";
- ``same-office-named-before``: "the country's president said ... President John Mahama";
- ``same-person``: a surname alone joins the full name used elsewhere in the document, and a person's state
  given in one sentence holds in the others.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dakg.ingest.gazetteer import countries, known_officials, slug
from dakg.ingest.rules import weights as w
from dakg.ingest.rules.records import CountryMention, Document, Evidence, token_evidence
from dakg.ingest.rules.registry import rule, rule_id
from dakg.ingest.rules.syntax import lemma
from dakg.ingest.vocabulary import lx, spelled


@dataclass(frozen=True, eq=False)
class PersonMention:
    key: str
    name: str
    sentence: int
    token: Token  # the head of the name
    name_evidence: Evidence
    role: str | None
    role_evidence: Evidence | None
    country: str | None
    country_evidence: tuple[Evidence, ...]
    score: float
    rules: tuple[str, ...]
    administration: Evidence | None = None  # "Trump's administration", "the Biden government": the body they head


@dataclass(frozen=True)
class Office:
    role: str
    role_evidence: Evidence
    country: str | None
    country_evidence: tuple[Evidence, ...]
    score: float
    rule: str


def _code(token: Token) -> str | None:
    code = token.ent_id_
    return code if code and countries().is_code(code) else None


def _title_span(doc: Doc, last: int) -> tuple[int, int] | None:
    """The title entity (or lower-case role noun phrase) that ends at token ``last``."""
    token = doc[last]
    if token.ent_type_ == "TITLE":
        start = last
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        return start, last
    if token.lemma_.lower() in lx.ROLE_NOUNS and token.is_lower:
        start = last
        while start > 0 and doc[start - 1].is_lower and doc[start - 1].pos_ in ("NOUN", "ADJ"):
            start -= 1
        return start, last
    return None


def _country_before(doc: Doc, start: int) -> tuple[str, Evidence] | None:
    """A state named just before a title: "US Secretary ...", "Rwanda's foreign minister", "the European
    Council President"."""
    for j in range(start - 1, max(-1, start - 6), -1):
        candidate = doc[j]
        if doc[j + 1].is_sent_start or "\n" in candidate.text:
            break
        code = _code(candidate)
        if code:
            first = j
            while first > 0 and doc[first - 1].ent_id_ == code and doc[first].ent_iob_ == "I":
                first -= 1
            return code, token_evidence(doc, first, j, "country")
        if candidate.text in (".", ";", ",", "and", "said", "told") or candidate.tag_ in ("VBD", "VBZ", "VBP", "VB"):
            break
        if candidate.pos_ in ("ADP", "SCONJ", "CCONJ", "PRON") and candidate.tag_ != "POS":
            break  # "the United States as President Trump ...": not the President's state
    return None


def _country_of(doc: Doc, i: int) -> tuple[str, Evidence] | None:
    """ "Minister of Foreign Affairs of Rwanda", "Assistant Secretary at the U.S. Department of ..."."""
    if i >= len(doc) or spelled(doc[i]) not in ("of", "at", "for", "in"):
        return None
    for j in range(i, min(len(doc), i + 8)):
        if doc[j].ent_type_ == "PERSON":
            break
        token = doc[j]
        code = _code(token)
        if code:
            return code, token_evidence(doc, j, j, "country")
        if token.text in (",", ".", ";", "(") or token.pos_ == "VERB":
            break
    return None


def _title_then_demonym(doc: Doc, last: int) -> tuple[int, int] | None:
    """A title whose state is a demonym after it, and the rest of the title after that: "le ministre rwandais
    des Affaires étrangères Vincent Biruta", "le secrétaire d'État américain Marco Rubio" (the title up to
    ``last``)."""
    demonym = None
    for j in range(last, max(-1, last - 8), -1):
        token = doc[j]
        if token.ent_type_ == "TITLE" and j < last:
            span = _title_span(doc, j)
            return (span[0], last) if span is not None and demonym is not None else None
        if token.ent_type_ == "NORP" and _code(token):
            demonym = j
        elif token.pos_ in ("VERB", "AUX", "PUNCT", "PRON", "NUM") or token.ent_type_ == "PERSON":
            return None
    return None


@rule("officials", "title-before")
def title_before(doc: Doc, ent: Span) -> Office | None:
    """ "US Secretary of State Marco Rubio", "spokesperson Yolande Makolo", "Rwanda's Minister of Foreign Affairs,
    Dr. Vincent Biruta"."""
    i = ent.start - 1
    while i >= 0 and (doc[i].text in (",", "the", "The") or doc[i].text in lx.HONORIFICS):
        i -= 1
    if i < 0:
        return None
    span = _title_span(doc, i)
    if span is None and doc[i].text == ")":  # "the Minister (Immigration) X"
        return None
    if span is None and doc[i].pos_ in ("PROPN", "NOUN"):
        # "Minister of Foreign Affairs and Cooperation, X", "Belgium's minister for asylum and migration, X"
        j = i
        while (
            j > 0
            and i - j < 9
            and _title_span(doc, j) is None
            and (
                doc[j].pos_ in ("PROPN", "CCONJ")
                or (doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ"))
                or spelled(doc[j]) in ("of", "the", "for")
            )
        ):
            j -= 1
        if j < i and doc[ent.start - 1].text in (",", "Dr", "Dr."):
            span = _title_span(doc, j)
            if span is not None and not any(spelled(t) in ("of", "for") for t in doc[span[0] : i]):
                span = None  # a complement joins the title to what follows it; "the minister, X" is handled above
            if span is not None:
                span = (span[0], i)
    if span is None and lx.TITLE_THEN_DEMONYM:
        span = _title_then_demonym(doc, i)
    if span is None:
        return None
    start, end = span
    if start > 0 and spelled(doc[start - 1]) == "former":
        start -= 1
    role = doc[start : end + 1].text
    inside = next(
        ((c, token_evidence(doc, t.i, t.i, "country")) for t in doc[start : end + 1] if (c := _code(t))), None
    )  # "the Prime Minister of the Republic of Albania, Edi Rama"
    found = inside or _country_before(doc, start) or _country_of(doc, end + 1)
    evidence = token_evidence(doc, start, end, "value")
    if found is None:
        return Office(role, evidence, None, (), w.TITLE_ONLY, rule_id(title_before))
    return Office(role, evidence, found[0], (found[1],), w.TITLE_WITH_COUNTRY, rule_id(title_before))


@rule("officials", "title-after")
def title_after(doc: Doc, ent: Span) -> Office | None:
    """ "Marco Rubio, the US Secretary of State," / "Okello Oryem, Uganda's foreign minister," / "Tricia McLaughlin,
    Assistant Secretary at the U.S. Department of Homeland Security"."""
    i = ent.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    window = doc[i + 1 : min(len(doc), i + 10)]
    if len(window) and spelled(window[0]) in ("and", "or", "but"):
        return None  # "X, and the Prime Minister of Albania, Y": the title is Y's
    country: tuple[str, Evidence] | None = None
    for token in window:
        code = _code(token)
        if code and country is None:
            country = (code, token_evidence(doc, token.i, token.i, "country"))
        if token.ent_type_ == "TITLE" or (token.lemma_.lower() in lx.ROLE_NOUNS and token.is_lower):
            start = end = token.i
            if token.ent_type_ == "TITLE":
                while end + 1 < len(doc) and doc[end + 1].ent_type_ == "TITLE" and doc[end + 1].ent_iob_ == "I":
                    end += 1
            else:  # "an assistant secretary", "the state minister"
                while start - 1 > i and doc[start - 1].is_lower and doc[start - 1].pos_ in ("NOUN", "ADJ"):
                    start -= 1
            country = country or _country_of(doc, end + 1)
            evidence = token_evidence(doc, start, end, "value")
            countries_ = (country[1],) if country else ()
            return Office(
                doc[start : end + 1].text,
                evidence,
                country[0] if country else None,
                countries_,
                w.TITLE_AFTER,
                rule_id(title_after),
            )
        if token.text in (",", ".", ";") or token.pos_ == "VERB":
            break
    return None


@rule("officials", "head-of-government")
def head_of_government(doc: Doc, ent: Span) -> Office | None:
    """ "the Biden administration" -> "head of the administration"; "Starmer's Labour government", « l'administration
    Trump », « le gouvernement Meloni » likewise."""
    governed = None
    if ent.end < len(doc) and lemma(doc[ent.end]) in lx.GOVERNMENT_NOUNS:
        governed = doc[ent.end]
    elif ent.root.dep_ in ("poss", "compound") and lemma(ent.root.head) in lx.GOVERNMENT_NOUNS:
        governed = ent.root.head
    elif ent.start > 0 and lemma(doc[ent.start - 1]) in lx.GOVERNMENT_NOUNS and doc.lang_ != "en":
        governed = doc[ent.start - 1]  # « l'administration Trump », « le gouvernement Meloni »
    if governed is None:
        return None
    words = [
        c.text for c in governed.children if c.dep_ == "compound" and c.i > ent.end - 1 and c.ent_type_ != "PERSON"
    ]
    role = "head of the " + " ".join([*words, spelled(governed)])
    found = _country_before(doc, ent.start)
    evidence = token_evidence(doc, governed.i, governed.i, "value")
    return Office(
        role,
        evidence,
        found[0] if found else None,
        (found[1],) if found else (),
        w.HEAD_OF_GOVERNMENT,
        rule_id(head_of_government),
    )


_STATE_OFFICES = {
    "secretary of state": "USA",
    "home secretary": "GBR",
    "foreign secretary": "GBR",
    "secretary of homeland security": "USA",
    "homeland security secretary": "USA",
}


@rule("officials", "office-of-a-state")
def office_of_a_state(office: Office) -> Office:
    """Offices that exist in one state only ("Home Secretary" is British): the office names the state."""
    if office.country is not None:
        return office
    role = office.role.lower().removeprefix("former ").removeprefix("the ")
    code = _STATE_OFFICES.get(role)
    if code is None:
        return office
    evidence = replace(office.role_evidence, role="country")
    return replace(office, country=code, country_evidence=(evidence,), rule=rule_id(office_of_a_state))


@rule("officials", "known-name-with-state")
def known_name_with_state(doc: Doc, ent: Span) -> Office | None:
    """ "her Albanian counterpart Edi Rama": a known official's name after a state's name or demonym and one noun
    (the file of known officials tells who the name is; the text tells the state)."""
    if ent.start < 2:
        return None
    noun, before = doc[ent.start - 1], doc[ent.start - 2]
    code = _code(before)
    if code is None or not noun.is_alpha or not noun.is_lower:
        return None
    country = token_evidence(doc, before.i, before.i, "country")
    return Office(
        noun.text,
        token_evidence(doc, noun.i, noun.i, "value"),
        code,
        (country,),
        w.TITLE_ONLY,
        rule_id(known_name_with_state),
    )


_NAME_WORD = re.compile(r"[A-Z][\w’'.-]*")


def _name_tokens(doc: Doc, start: int, end: int) -> bool:
    tokens = doc[start:end]
    return (
        1 <= len(tokens) <= 4
        and all(t.pos_ == "PROPN" and _NAME_WORD.fullmatch(t.text) for t in tokens)
        and not any(_code(t) for t in tokens)
    )


@rule("officials", "name-before-title")
def name_before_title(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """A capitalised name the NER model missed or called an organisation, followed by a comma and an office:
    "Okello Oryem, Uganda's foreign minister, said"."""
    found = []
    for ent in ents:
        followed_by_comma = ent.end < len(doc) and doc[ent.end].text == ","
        if (
            ent.label_ in ("ORG", "NORP", "")
            and followed_by_comma
            and _name_tokens(doc, ent.start, ent.end)
            and title_after(doc, ent) is not None
        ):
            found.append(Span(doc, ent.start, ent.end, label="PERSON"))
    return found


@rule("officials", "title-then-name")
def title_then_name(doc: Doc, sentence: Span, ents: tuple[Span, ...]) -> list[Span]:
    """A title followed by capitalised words that no entity covers: "King Mswati III"."""
    found = []
    for ent in ents:
        if ent.label_ != "TITLE" or ent.end >= sentence.end:
            continue
        end = ent.end
        while end < sentence.end and end - ent.end < 4 and not doc[end].ent_type_ and doc[end].pos_ == "PROPN":
            end += 1
        if end > ent.end and _name_tokens(doc, ent.end, end) and doc[ent.end].text[:1].isupper():
            found.append(Span(doc, ent.end, end, label="PERSON"))
    return found


@rule("officials", "ruled-by")
def ruled_by(doc: Doc, ent: Span, mentions: tuple[CountryMention, ...]) -> tuple[str, tuple[Evidence, ...]] | None:
    """ "the absolute monarchy, ruled by King Mswati III", "Rwanda, led by President Kagame": the person rules
    the state the phrase hangs from."""
    top = ent.root
    for _ in range(3):  # "ruled by absolute monarch King Mswati III": up from the name to "by"
        if top.dep_ in ("appos", "compound", "flat") and top.head != top:
            top = top.head
    prep = top.head
    if (
        top.dep_ != "pobj"
        or spelled(prep) != "by"
        or prep.head.lemma_.lower() not in ("rule", "lead", "govern", "head")
    ):
        return None
    governed = prep.head.head
    for mention in mentions:
        named_here = mention.token.dep_ in ("compound", "amod", "poss") and mention.token.head.i == governed.i
        if mention.token.i == governed.i or named_here:  # "the absolute monarchy", "the Eswatini kingdom"
            spans = (Evidence(mention.start, mention.end, mention.text, "country"),)
            return mention.iso3, (*spans, mention.via) if mention.via is not None else spans
    return None


def _clean_name(ent: Span) -> str:
    tokens = [t for t in ent if t.text not in lx.HONORIFICS and t.text not in ("'s", "’s", "‘s")]
    name = "".join(t.text_with_ws for t in tokens).strip(" ,")
    return re.sub(r"[’'‘]s$", "", name)


Institutions = dict[str, tuple[str, Evidence]]
_INSTITUTION_NOUNS = frozenset({"ministry", "department", "office", "embassy", "government", "presidency", "council"})


def institutions(document: Document) -> Institutions:
    """Institutions the document names with their state: "the South Sudanese foreign ministry" -> "foreign
    ministry": SSD (and the span that says so)."""
    found: Institutions = {}
    ambiguous: set[str] = set()
    for mentions in document.countries:
        for mention in mentions:
            head = mention.token.head
            if (
                mention.token.dep_ not in ("amod", "compound", "poss", "nmod")
                or head.lemma_.lower() not in _INSTITUTION_NOUNS
            ):
                continue
            words = [t for t in head.lefts if t.i > mention.token.i and t.dep_ in ("amod", "compound")] + [head]
            phrase = " ".join(spelled(t) for t in words)
            evidence = token_evidence(document.doc, mention.token.left_edge.i, head.i, "country")
            if phrase in found and found[phrase][0] != mention.iso3:
                ambiguous.add(phrase)  # "the Rwandan government ... the US government": no telling which
            found.setdefault(phrase, (mention.iso3, evidence))
        for mention in mentions:  # "The Department of Homeland Security said ... at the department"
            if mention.kind != "institution":
                continue
            word = mention.token.lemma_.lower()
            if word in _INSTITUTION_NOUNS:
                evidence = Evidence(mention.start, mention.end, mention.text, "country")
                if word in found and found[word][0] != mention.iso3:
                    ambiguous.add(word)
                found.setdefault(word, (mention.iso3, evidence))
    return {phrase: value for phrase, value in found.items() if phrase not in ambiguous}


@rule("officials", "institution-named-before")
def institution_named_before(doc: Doc, office: Office, known: Institutions) -> Office:
    """ "the South Sudanese foreign ministry said ... Foreign ministry spokesperson Apuk Ayuel Mayen": the office
    belongs to an institution the document names with its state."""
    if office.country is not None:
        return office
    first = doc.char_span(office.role_evidence.start, office.role_evidence.end, alignment_mode="expand")
    if first is None:
        return office
    words = [spelled(t) for t in doc[max(0, first.start - 3) : first.end - 1] if t.is_alpha]
    phrases = [" ".join(words[i : i + size]) for size in range(len(words), 0, -1) for i in range(len(words) - size + 1)]
    for phrase in phrases:  # longest first: "foreign ministry" before "ministry"
        found = known.get(phrase)
        if found is not None:
            code, evidence = found
            return replace(office, country=code, country_evidence=(evidence,), rule=rule_id(institution_named_before))
    after = doc[first.end : min(len(doc), first.end + 4)]  # "an assistant secretary at the department"
    if len(after) >= 2 and spelled(after[0]) in ("at", "of", "in", "for") and spelled(after[1]) == "the":
        for token in after[2:]:
            found = known.get(token.lemma_.lower())
            if found is not None:
                code, evidence = found
                return replace(
                    office, country=code, country_evidence=(evidence,), rule=rule_id(institution_named_before)
                )
    return office


def _person(
    doc: Doc,
    ent: Span,
    sentence: int,
    known: dict[str, tuple[str, str]],
    named: Institutions,
    mentions: tuple[CountryMention, ...] = (),
    *,
    untitled: bool = False,
) -> PersonMention | None:
    name = _clean_name(ent)
    heads = head_of_government(doc, ent)
    office = title_before(doc, ent) or title_after(doc, ent) or heads
    kb = known.get(ent.kb_id_) if ent.kb_id_ else None
    if office is None and kb is not None:
        office = known_name_with_state(doc, ent)
    if office is not None:
        office = institution_named_before(doc, office_of_a_state(office), named)
        if office.country is None and (ruler := ruled_by(doc, ent, mentions)) is not None:
            office = replace(office, country=ruler[0], country_evidence=ruler[1], rule=rule_id(ruled_by))
    if kb is None and office is None and not untitled:
        return None
    key = kb[0] if kb is not None else slug(name)  # the name as this text writes it; the key says who it is
    if not key:
        return None
    evidence = Evidence(ent.start_char, ent.end_char, ent.text, "official")
    return PersonMention(
        key=key,
        name=name,
        sentence=sentence,
        token=ent.root,
        name_evidence=evidence,
        role=office.role if office else None,
        role_evidence=office.role_evidence if office else None,
        country=office.country if office else None,
        country_evidence=office.country_evidence if office else (),
        score=max(office.score if office else 0.0, w.KNOWN_NAME if kb else 0.0),
        rules=(office.rule,) if office else (),
        administration=heads.role_evidence if heads is not None else None,
    )


@rule("officials", "reference-table")
def reference_state(key: str) -> str | None:
    """ "President Ruto said ...", "Trump's administration": a person the text names without giving their state
    is placed by the project's table of office holders (``ingest/data/officials.json``) — a separate basis
    (``reference``), never presented as the source's words."""
    for known in known_officials():
        if known.key == key:
            return known.country
    return None


@rule("officials", "shared-title")
def shared_title(mentions: list[PersonMention]) -> list[PersonMention]:
    """ "Danish ministers Kaare Dybvad Bek and Flemming Møller Mortensen": a name coordinated with a titled name
    shares the title and the state."""
    out = list(mentions)
    by_token = {m.token.i: m for m in mentions}
    for index, person in enumerate(out):
        if person.role is not None or person.token.dep_ != "conj":
            continue
        if any(child.dep_ == "appos" for child in person.token.children):
            continue  # "the Italian prime minister, X, and Y, head of the Tripoli government": Y has a title
        first = by_token.get(person.token.head.i)
        if first is not None and first.role is not None:
            out[index] = replace(
                person,
                role=first.role,
                role_evidence=first.role_evidence,
                country=person.country or first.country,
                country_evidence=person.country_evidence or first.country_evidence,
                score=first.score,
                rules=(*person.rules, rule_id(shared_title)),
            )
    return out


def _plain(name: str) -> str:
    """A name without accents or case: "Hernández" and "Hernandez" are one surname."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


@rule("officials", "same-person")
def same_person(mentions: list[PersonMention]) -> list[PersonMention]:
    """A surname alone ("Makolo said") joins the full name used elsewhere in the document; a person's state
    given in one sentence (with its evidence) holds for the others where the text gives none."""
    full = {m.key: m for m in mentions if " " in m.name}
    out = []
    for person in mentions:
        if " " not in person.name:
            for key, other in full.items():
                if _plain(other.name.split()[-1]) == _plain(person.name) and key != person.key:
                    person = replace(person, key=key, name=other.name, rules=(*person.rules, rule_id(same_person)))
                    break
        out.append(person)
    states: dict[str, PersonMention] = {}
    for person in out:
        if person.country and (person.key not in states or person.score > states[person.key].score):
            states[person.key] = person
    return [
        replace(p, country=states[p.key].country, country_evidence=states[p.key].country_evidence)
        if p.country is None and p.key in states
        else p
        for p in out
    ]


@rule("officials", "same-office-named-before")
def same_office_named_before(
    mentions: list[PersonMention], offices: list[tuple[str, str, tuple[Evidence, ...]]]
) -> list[PersonMention]:
    """ "Ghana has received them, the country's president said. ... President John Mahama said": an office
    named with its state but without a name, and later with a name but without the state, is one office. Only
    an office named before the person counts ("Prime Minister Edi Rama said ... The British prime minister had
    announced" is two people), and never against the reference table's state for a person it knows."""
    by_role: dict[str, set[str]] = defaultdict(set)
    evidence: dict[tuple[str, str], tuple[Evidence, ...]] = {}
    for role, code, spans in offices:
        by_role[role].add(code)
        evidence.setdefault((role, code), spans)
    out = []
    for person in mentions:
        role = (person.role or "").lower()
        if person.country is None and len(by_role.get(role, ())) == 1:
            code = next(iter(by_role[role]))
            before = evidence[(role, code)][0].start < person.name_evidence.start
            if not before or reference_state(person.key) not in (None, code):
                out.append(person)
                continue
            person = replace(
                person,
                country=code,
                country_evidence=evidence[(role, code)],
                rules=(*person.rules, rule_id(same_office_named_before)),
            )
        out.append(person)
    return out


def _unnamed_offices(document: Document, held: set[int]) -> list[tuple[str, str, tuple[Evidence, ...]]]:
    """Offices the text names with their state but without a person: "the country's president said". A title
    that names its holder ("Albania's prime minister, Edi Rama": ``held``, by start offset) is that person's, and
    says nothing of another prime minister's state."""
    doc = document.doc
    found = []
    for ents, mentions in zip(document.ents, document.countries, strict=True):
        persons = {t.i for e in ents if e.label_ == "PERSON" for t in e}
        for ent in ents:
            if ent.label_ != "TITLE" and not (ent.root.lemma_.lower() in lx.ROLE_NOUNS and ent.root.is_lower):
                continue
            if (ent.end < len(doc) and ent.end in persons) or ent.start_char in held:
                continue  # a named title: handled with the person
            state = _state_of_title(doc, ent, mentions)
            if state is not None:
                found.append((ent.text.lower(), state[0], state[1]))
    return found


def _state_of_title(
    doc: Doc, ent: Span, mentions: tuple[CountryMention, ...]
) -> tuple[str, tuple[Evidence, ...]] | None:
    for mention in mentions:
        if mention.token.head.i in range(ent.start, ent.end) and mention.token.dep_ in ("poss", "compound", "amod"):
            spans: tuple[Evidence, ...] = (Evidence(mention.start, mention.end, mention.text, "country"),)
            if mention.via is not None:
                spans = (*spans, mention.via)
            return mention.iso3, spans
    return None


def find(document: Document) -> tuple[tuple[PersonMention, ...], ...]:
    """The officials each sentence names, with their offices and states, resolved across the document."""
    doc = document.doc
    known = {o.key: (o.key, o.name) for o in known_officials()}
    named = institutions(document)
    mentions: list[PersonMention] = []
    for sentence, ents in zip(document.sentences, document.ents, strict=True):
        candidates = [e for e in ents if e.label_ == "PERSON"]
        taken = {t.i for e in candidates for t in e}
        for extra in (*name_before_title(doc, ents), *title_then_name(doc, sentence.span, ents)):
            if not any(t.i in taken for t in extra):
                candidates.append(extra)
        heads = {e.root.i for e in candidates}
        people = [
            p
            for ent in candidates
            if (
                p := _person(
                    doc,
                    ent,
                    sentence.index,
                    known,
                    named,
                    document.countries[sentence.index],
                    untitled=ent.root.dep_ == "conj" and ent.root.head.i in heads,
                )
            )
            is not None
        ]
        mentions.extend(p for p in shared_title(people) if p.role is not None or p.score > 0)
    held = {m.role_evidence.start for m in mentions if m.role_evidence is not None}
    mentions = same_office_named_before(mentions, _unnamed_offices(document, held))
    mentions = same_person(mentions)
    mentions = _rementions(document, mentions)
    per_sentence: list[list[PersonMention]] = [[] for _ in document.sentences]
    for person in mentions:
        per_sentence[person.sentence].append(person)
    return tuple(tuple(p) for p in per_sentence)


def _rementions(document: Document, mentions: list[PersonMention]) -> list[PersonMention]:
    """A name given an office once counts where it appears bare later ("Makolo said")."""
    by_surname = {m.name.split()[-1]: m for m in sorted(mentions, key=lambda m: m.score)}
    seen = {(m.sentence, m.token.i) for m in mentions}
    out = list(mentions)
    for sentence, ents in zip(document.sentences, document.ents, strict=True):
        for ent in ents:
            if ent.label_ != "PERSON" or (sentence.index, ent.root.i) in seen:
                continue
            surname = _clean_name(ent).split()[-1] if _clean_name(ent) else ""
            source = by_surname.get(surname)
            if source is None:
                continue
            out.append(
                replace(
                    source,
                    sentence=sentence.index,
                    token=ent.root,
                    name_evidence=Evidence(ent.start_char, ent.end_char, ent.text, "official"),
                    role=None,
                    role_evidence=None,
                    score=w.REMENTION,
                    rules=(*source.rules, rule_id(same_person)),
                )
            )
    return out
