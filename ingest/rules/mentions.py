"""Stage 1 — mentions: sentences, the entities in each, and the countries they name.

This is the only stage that walks the whole parse; later stages see its records.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from dakg.ingest.clean import table_row as is_table_row
from dakg.ingest.gazetteer import capital_names, countries
from dakg.ingest.rules.records import CountryMention, Document, Sentence, char_evidence, doc_text
from dakg.ingest.rules.registry import rule
from dakg.ingest.rules.syntax import conj_head, ends_sentence, is_host_word, lemma, proxy
from dakg.ingest.vocabulary import lx, spelled

_LIST_ITEM = re.compile(r"[A-Z][\w’'&-]*(?: [\w’'&-]+){0,5}\s?:\s")


def sentence_spans(doc: Doc) -> list[Span]:
    """spaCy's sentences, with stray one- or two-word fragments joined to the sentence they belong to."""
    out: list[Span] = []
    pending: Span | None = None
    for sent in doc.sents:
        if pending is not None:
            sent = doc[pending.start : sent.end]
            pending = None
        words = [t for t in sent if not t.is_space and not t.is_punct]
        gap = doc[sent.end - 1].whitespace_ if sent.end > sent.start else ""
        if (
            0 < len(words) <= 2
            and not ends_sentence([t for t in sent if not t.is_space] or [sent[0]])
            and "\n" not in gap
            and not any("\n" in t.text for t in sent)
        ):
            pending = sent
            continue
        out.append(sent)
    if pending is not None:
        out.append(pending)
    return out


@rule("mentions", "prose-sentence")
def prose(doc: Doc, span: Span) -> bool:
    """A sentence of running text: four words or more, a verb, a full stop at the end, on one line, not a
    "Key point: ..." list item or a table row (a dateline in capitals, "WASHINGTON: ...", is fine, and so is a
    newsletter's "Why it matters: ..."). Headings and list items make no claims."""
    tokens = [t for t in span if not t.is_space]
    if not tokens:
        return False
    start = tokens[0].idx
    text = doc_text(doc)
    quote = text[start : tokens[-1].idx + len(tokens[-1].text)]
    words = [t for t in tokens if t.is_alpha]
    if not any(t.pos_ for t in tokens):  # a pipeline without a tagger: judge by punctuation only
        return len(words) >= 4 and ends_sentence(tokens) and "\n" not in quote
    line_start = text.rfind("\n", 0, start) + 1
    label = _LIST_ITEM.match(text, line_start) if line_start == start else None
    if (
        label is not None
        and not label.group(0).rstrip(": ").isupper()
        and not _state_label(doc, start, label.end())
        and not lx.PROSE_LABEL.fullmatch(label.group(0))
    ):  # "WASHINGTON: ..." is a dateline; "Uganda: Kampala agreed ..." a roundup's entry for a state; "Why it
        return False  # matters: Ghana joins ..." a newsletter's running text
    return (
        len(words) >= 4
        and (ends_sentence(tokens) or cut_off(text, tokens))
        and (any(t.pos_ in ("VERB", "AUX") for t in tokens) or (ends_sentence(tokens) and verbless_answer(tokens)))
        and "\n" not in quote
        and not is_table_row(quote)
    )


_VERBLESS_WORDS = 8


@rule("mentions", "verbless-answer")
def verbless_answer(tokens: list[Token]) -> bool:
    """ "Four, mainly: Britain's Rwanda partnership, Italy's protocol with Albania and the Australian centres on
    Nauru.": a sentence with no verb, as an interviewee's answer or a writer's list runs, is running text all the
    same when it is long (eight words or more) and names an arrangement or a centre (a heading rarely ends with a
    full stop, and a short one names no deal)."""
    words = [t for t in tokens if t.is_alpha]
    if len(words) < _VERBLESS_WORDS:
        return False
    nouns = lx.SCHEME_NOUNS | lx.AGREEMENT_NOUNS | lx.FACILITY_NOUNS
    return any(t.pos_ in ("NOUN", "PROPN") and lemma(t) in nouns for t in tokens)


_CUT_OFF_WORDS = 8


@rule("mentions", "cut-off-sentence")
def cut_off(text: str, tokens: list[Token]) -> bool:
    """ "In 2016 the court ruled that holding people there was unconstitutional, and the centre closed the": an
    excerpt that stops mid-sentence (stored pages often do) ends with a sentence of running text all the same,
    when it runs to eight words or more and is not cut before its predicate ("said that claims that Ghana had
    agreed to take 40 deportees were" may go on to deny them)."""
    if len(tokens) < _CUT_OFF_WORDS or text[tokens[-1].idx + len(tokens[-1].text) :].strip():
        return False
    return not (tokens[-1].pos_ in ("AUX", "PART") or tokens[-1].tag_ == "MD")  # "... claims that X agreed were"


def _state_label(doc: Doc, start: int, end: int) -> bool:
    """The label before the colon is a state's name alone ("Equatorial Guinea: Malabo was reported ...")."""
    label = doc.char_span(start, end, alignment_mode="contract")
    if label is None:
        return False
    named = [t for t in label if t.ent_id_ and t.ent_type_ == "GPE"]
    rest = [t for t in label if not t.is_punct and not t.is_space and t not in named and t.lower_ != "the"]
    return bool(named) and not rest


_HEADLINE_WORDS = (3, 30)


def _normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@rule("mentions", "headline")
def headline(doc: Doc, index: int, quote: str, title: str | None) -> bool:
    """The headline states what the story reports ("Honduras signs a migration agreement with USA", "Italy renews
    Libya cooperation deal"): the line that repeats the document's title, or else the first line of the text, of
    three to thirty words. It makes claims like running text; other headings still make none."""
    if "\n" in quote or not _HEADLINE_WORDS[0] <= len(quote.split()) <= _HEADLINE_WORDS[1]:
        return False
    if title and _normalised(title) in _normalised(doc_text(doc)[:2000]):
        return _normalised(quote) == _normalised(title)  # the text repeats the title: that line is the headline
    text = doc_text(doc)
    return index == 0 and not text[: text.find(quote)].strip()


_STANDING_WORDS = (6, 30)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


@rule("mentions", "standing-headline")
def standing_headline(doc: Doc, span: Span, quote: str) -> bool:
    """ "Eight men deported from Norway have arrived in Moldova, officials confirm": a line of its own, without a
    full stop, that is a whole clause (a subject before a finite verb), as live blogs head each entry and stories
    head their sections. It states what follows, as the headline does; a heading that names a topic ("Deal under
    fire", "How the scheme works") has no subject before its verb. A labelled line ("Recap: ...") is not one, nor
    the text's last line (an excerpt cut off mid-sentence)."""
    if "\n" in quote or not _STANDING_WORDS[0] <= len(quote.split()) <= _STANDING_WORDS[1]:
        return False
    tokens = [t for t in span if not t.is_space]
    if not (tokens[0].is_title or tokens[0].is_upper) or _LIST_ITEM.match(quote) or ends_sentence(tokens):
        return False
    if quote.endswith("?") or tokens[0].pos_ == "AUX" or tokens[0].tag_ == "MD":
        return False  # "Will Ghana agree to take deportees next": a question, without its mark
    if not doc_text(doc)[tokens[-1].idx + len(tokens[-1].text) :].strip():
        return False  # the text's last line, without a full stop: an excerpt cut off mid-sentence
    if tokens[0].lower_ in _WH_WORDS:
        return False  # "How the deal works", "Why Moldova said yes": a topic, asked
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.i < t.head.i and t.head.dep_ in ("ROOT", "ccomp") and _finite(t.head)
        for t in tokens
    )


_WH_WORDS = frozenset({"how", "why", "what", "where", "when", "who", "which", "whether"})


def _finite(verb: Token) -> bool:
    """A verb in a tense ("have landed", "confirm", "agreed"), not an infinitive or a participle alone."""
    auxes = [a for a in verb.children if a.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in _FINITE for a in auxes):
        return True
    return verb.tag_ in _FINITE or (verb.tag_ == "VB" and not auxes)  # "officials confirm", tagged as a base form


def _sentence(doc: Doc, index: int, span: Span, title: str | None = None) -> Sentence:
    tokens = [t for t in span if not t.is_space]
    if not tokens:
        return Sentence(index, span.start_char, span.start_char, "", False, span)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    quote = doc_text(doc)[start:end]
    running = prose(doc, span)
    row = not running and table_row(quote)
    heading = not running and not row and (headline(doc, index, quote, title) or standing_headline(doc, span, quote))
    return Sentence(index, start, end, quote, running, span, heading, row)


@rule("mentions", "table-row")
def table_row(quote: str) -> bool:
    """ "Italy | Albania | Protocol, November 2023 | Operating": a line of three cells or more is a row of a table
    written as text. It states what a row says (the header names its columns: see roles.table-column)."""
    return is_table_row(quote)


def _entities(doc: Doc, sentences: list[Sentence]) -> list[list[Span]]:
    """Each entity to its sentence, in one pass."""
    found: list[list[Span]] = [[] for _ in sentences]
    at = 0
    for ent in doc.ents:
        while at < len(sentences) and ent.start >= sentences[at].span.end:
            at += 1
        if at == len(sentences):
            break
        if ent.start >= sentences[at].span.start and ent.end <= sentences[at].span.end:
            found[at].append(ent)
    return found


_KINDS = {"NORP": "demonym", "ORG": "institution"}


def _refers_to(doc: Doc, span: Span, sentence: Sentence, source: CountryMention) -> CountryMention:
    """An anaphor ("the country", "his government", "the two countries") for the state ``source`` names, with that
    mention as its evidence."""
    return CountryMention(
        source.iso3,
        span.start_char,
        span.end_char,
        span.text,
        "anaphor",
        sentence.index,
        span.root,
        via=char_evidence(doc, source.start, source.end, "country"),
        basis=source.basis,  # an administration's state from the table of office holders stays a reference
    )


@rule("mentions", "country-anaphor")
def country_anaphors(
    doc: Doc,
    sentence: Sentence,
    named: list[CountryMention],
    earlier: Counter[str],
    last: dict[str, CountryMention],
    previous_subject: CountryMention | None = None,
    topic: Sequence[CountryMention] = (),
) -> list[CountryMention]:
    """ "the country", "the East African nation", "the landlocked Balkan nation": within a roundup's entry whose
    label names one state ("Eswatini. ... Lawyers in the kingdom say ..."), that state when no other is named
    before the phrase in the sentence; as the subject of a sentence,
    the state the previous sentence was about (its subject: "Rwanda's role is not confined to the US. The
    country recently made a deal ..."); otherwise the country named most often so far in the document,
    counting this sentence up to the phrase (a tie goes to the one named last) — but as the subject of a verb
    of receiving, the most named of those not known for sending people away. Its evidence is the mention it
    refers to."""
    out: list[CountryMention] = []
    for match in lx.COUNTRY_ANAPHOR.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if any(m.start < end and start < m.end for m in named):
            continue  # "The United Kingdom" is a name, not "the ... kingdom"
        counts = Counter(earlier)
        latest = dict(last)
        for mention in named:
            if mention.end <= start and mention.kind != "demonym" and not origin_listed(mention):
                counts[mention.iso3] += 1
                latest[mention.iso3] = mention
        region = _region_of(match.group(0))
        if region is not None:  # "the Central American country": a state of that region, or none
            counts = Counter({code: n for code, n in counts.items() if code in region})
            topic = [t for t in topic if t.iso3 in region]
            if previous_subject is not None and previous_subject.iso3 not in region:
                previous_subject = None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or (not counts and len(topic) != 1):
            continue
        opens = span.root.dep_ in ("nsubj", "nsubjpass") and not any(m.end <= start for m in named)
        subject_before = opens and previous_subject is not None
        if (
            len(topic) == 1
            and not subject_before
            and not any(m.end <= start and m.iso3 != topic[0].iso3 for m in named)
        ):
            out.append(_refers_to(doc, span, sentence, topic[0]))
            continue
        if subject_before and previous_subject is not None:
            best, source = previous_subject.iso3, previous_subject
        elif not counts:
            continue
        else:
            best = max(counts, key=lambda code: (counts[code], latest[code].start))
            source = latest[best]
        receivers = [c for c in counts if c not in countries().deporting_prior]
        if best not in receivers and receivers and _receives(span.root):
            best = max(receivers, key=lambda code: (counts[code], latest[code].start))
            source = latest[best]
        out.append(_refers_to(doc, span, sentence, source))  # source names ``best``
    return out


def _region_of(phrase: str) -> frozenset[str] | None:
    """The states of the region a description names ("the Central American country"), if it names one."""
    lowered = " ".join(phrase.lower().replace("’", "'").split())
    regions = countries().regions
    return next((regions[key] for words, key in lx.REGION_WORDS.items() if f" {words} " in f" {lowered} "), None)


def _receives(word: Token) -> bool:
    """ "the country could receive 300 migrants a year": the phrase is the subject of a verb of receiving, which a
    state known for sending people elsewhere seldom is (``deporting_states`` in the gazetteer)."""
    if word.dep_ != "nsubj":
        return False
    verb = word.head
    return is_host_word(verb) or any(c.dep_ == "xcomp" and is_host_word(c) for c in verb.children)


@rule("mentions", "an-officials-country")
def officials_country(doc: Doc, sentence: Sentence, named: list[CountryMention]) -> list[CountryMention]:
    """ "Costa Rica's president said his country would receive 200 migrants": "his country", "her government",
    where an office holder of a state named before it in the sentence speaks, is that state — not where people
    come from ("a deportee said his country was unsafe" names no state)."""
    out: list[CountryMention] = []
    for match in lx.OWN_COUNTRY.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        before = [t for t in sentence.span if t.idx < start]
        office = [t for t in before if lemma(t) in lx.ACTOR_NOUNS and t.tag_ != "NNS"]
        if not office or any(lemma(t) in lx.MIGRANT_NOUNS for t in before):
            continue
        owners = [
            m for m in named if m.end <= office[0].idx + len(office[0].text) and m.kind in ("name", "demonym")
        ]  # "Costa Rica's president", "the Rwandan president"
        if not owners:
            continue
        source = owners[-1]
        out.append(_refers_to(doc, span, sentence, source))
    return out


@rule("mentions", "the-two-states")
def two_states(
    doc: Doc, sentence: Sentence, named: list[CountryMention], last: dict[str, CountryMention]
) -> list[CountryMention]:
    """ "Norway and Moldova met in May; the two countries signed a memorandum in June", "returns from the two
    countries combined": the two states named last before the phrase (not a state this sentence names itself,
    unless it is the only one: "the Danish minister travelled to Kigali, where the two governments signed" is
    Rwanda and the state named before), one anaphor each, with the mention each refers to as its evidence."""
    out: list[CountryMention] = []
    here = {m.iso3 for m in named}
    for match in lx.TWO_STATES.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        earlier = sorted((m for c, m in last.items() if c not in here and m.end <= start), key=lambda m: m.start)
        before = {m.iso3: m for m in named if m.end <= start and m.kind in ("name", "metonym")}
        place = [  # a place named before in the story: "travelled to Switzerland, where" is only a venue
            m
            for m in before.values()
            if m.token.dep_ == "pobj" and spelled(m.token.head) in ("to", "in", "at") and m.iso3 in last
        ]
        if len(before) == 1 and place:  # "the Danish minister travelled to Kigali, where the two governments signed":
            only = place[0]  # the place named here, and the minister's state (else the state named last before)
            others = [
                m
                for m in named
                if m.end <= start
                and m.kind == "demonym"
                and m.iso3 != only.iso3
                and lemma(m.token.head) in lx.ACTOR_NOUNS
            ]
            others = others or sorted(
                (m for c, m in last.items() if c != only.iso3 and m.end <= start), key=lambda m: m.start
            )
            earlier = [others[-1], only] if others else earlier
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(earlier) < 2:
            continue
        for source in earlier[-2:]:
            out.append(_refers_to(doc, span, sentence, source))
    return out


@rule("mentions", "the-listed-states")
def listed_states(doc: Doc, sentence: Sentence, named: list[CountryMention]) -> list[CountryMention]:
    """ "Trump hosted the leaders of Liberia, Senegal and Gabon, where the US raised the possibility of their
    countries receiving deportees": "their countries", "these governments", "the five nations" are the states of
    the list (three or more joined by "and" or commas) named before the phrase in the sentence, one anaphor each."""
    out: list[CountryMention] = []
    for match in lx.LISTED_STATES.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        span = doc.char_span(start, end, alignment_mode="expand")
        before = [m for m in named if m.end <= start and m.kind == "name"]
        if span is None or not before:
            continue
        lists: dict[int, list[CountryMention]] = {}
        for mention in before:
            if not origin_listed(mention):  # "lawyers for men from Cuba, Vietnam and Laos said their countries"
                lists.setdefault(conj_head(mention.token).i, []).append(mention)
        listed = next((found for found in reversed(lists.values()) if len({m.iso3 for m in found}) >= 3), [])
        out.extend(_refers_to(doc, span, sentence, source) for source in listed)
    return out


@rule("mentions", "it-said-it")
def pronoun_subjects(doc: Doc, sentence: Sentence, named: list[CountryMention]) -> list[CountryMention]:
    """ "Uganda said it would accept deportees", "Uganda's Foreign Ministry said it will accept", "officials in
    Tegucigalpa confirmed they had signed", "a U.S. official said the administration was in talks": "it" (or
    "they", "we", "the administration", "the government"), the subject of what a state, its ministry or its
    officials say, is that state."""
    by_token = {m.token.i: m for m in named}
    out = []
    for token in sentence.span:
        if token.dep_ not in ("nsubj", "nsubjpass") or not (
            spelled(token) in ("it", "they", "we") or _the_government(token, by_token)
        ):
            continue
        source = None
        verb = token.head
        plural = spelled(token) != "it"  # "they" reaches only the speaker of its own clause ("officials said they")
        for _ in range(1 if plural else 4):  # up through the clauses the pronoun's clause hangs from
            if verb.head == verb:
                break
            verb = verb.head
            if plural and lemma(verb) not in lx.SPEECH_VERBS:
                break
            # the nearest subject first: "COTONOU, Benin — Benin's government said it had ..." (a dateline parsed
            # as a second subject)
            for speaker in sorted(
                (c for c in verb.children if c.dep_ == "nsubj" and c.i < token.i), key=lambda c: -c.i
            ):
                source = _speakers_state(speaker, by_token)
                if source is not None:
                    break
            if source is not None:
                break
        if source is None or (source.kind == "demonym" and source.token.dep_ in ("nsubj", "nsubjpass")):
            continue
        out.append(_refers_to(doc, doc[token.i : token.i + 1], sentence, source))
    return out


@rule("mentions", "it-the-administration")
def pronouns_of(
    doc: Doc, sentence: Sentence, source: CountryMention, named: Sequence[CountryMention] = ()
) -> list[CountryMention]:
    """ "The Trump administration violated his order when it deported eight men": "it", the subject of a clause
    that hangs on a clause whose subject is the state's own (an administration, found after the sentence's other
    mentions), is that state (see it-said-it)."""
    out = []
    for token in sentence.span:
        if token.dep_ not in ("nsubj", "nsubjpass") or spelled(token) != "it":
            continue
        if any(source.end <= m.start and m.end <= token.idx for m in named if m.iso3 != source.iso3):
            continue  # "the administration praised Eswatini after it agreed": "it" may be the state between
        verb = token.head
        for _ in range(3):
            if verb.head == verb or verb.dep_ not in ("advcl", "ccomp", "conj", "xcomp"):
                break
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            if subject.i == source.token.i:
                out.append(_refers_to(doc, doc[token.i : token.i + 1], sentence, source))
            break
    return out


@rule("mentions", "there-it-is")
def there(doc: Doc, sentence: Sentence, named: list[CountryMention]) -> list[CountryMention]:
    """ "Eswatini's government says the five men deported there from the US ...", "Nauru agreed to keep a centre
    for Australia, so that new arrivals can be sent there": "there", where people are (passively) sent, is the
    state that is (or owns) the subject of a clause above it in the sentence, the nearest one (not where people
    come from, nor the subject of a relative clause)."""
    out = []
    for token in sentence.span:
        if spelled(token) != "there" or token.dep_ != "advmod" or token.head.pos_ != "VERB":
            continue
        verb = token.head  # passive or a bare participle ("were sent there", "the men deported there"), not
        if verb.tag_ != "VBN" or any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children):
            continue  # "Norway has sent 40 people there": an active sender's subject is who sends
        above = {a.i for a in token.ancestors}  # the clause the state is the subject of holds the "there"
        before = [
            m
            for m in named
            if m.end <= token.idx
            and m.kind != "demonym"
            and _is_subject(m)
            and not origin_listed(m)
            and _subject_of(m).i in above
            and _subject_of(m).dep_ != "relcl"  # not "countries Norway could approach, arguing ... sent there"
            # not a state that speaks for itself ("Germany argues that migrants transferred there ..."); its
            # government may ("Eswatini's government says the five men deported there")
            and not (_voices(_subject_of(m)) and m.token.dep_ not in ("poss", "compound"))
        ]
        if before:
            out.append(_refers_to(doc, doc[token.i : token.i + 1], sentence, before[-1]))
        elif (came_from := _came_from(verb, token, named)) is not None:
            out.append(_refers_to(doc, doc[token.i : token.i + 1], sentence, came_from))
    return out


def _came_from(verb: Token, there: Token, named: list[CountryMention]) -> CountryMention | None:
    """ "people who crossed from Tunisia ... could be sent back there": sent back, "there" is where the people
    came from, named in their own words (a "from" phrase on the people sent)."""
    if not any(spelled(t) == "back" for t in (*verb.children, *there.children)):
        return None
    people = [c for c in verb.children if c.dep_ == "nsubjpass"]
    origins = [
        m
        for m in named
        if m.kind != "demonym"
        and people
        and m.token.dep_ == "pobj"
        and spelled(m.token.head) == "from"
        and m.token.i in {t.i for t in people[0].subtree}
    ]
    return origins[0] if len(origins) == 1 else None


_GOVERNMENT_WORDS = frozenset({"government", "administration", "authority", "gouvernement", "autorité", "exécutif"})


_OPENING_LINKS = frozenset({"and", "but", "meanwhile", "elsewhere", "et", "mais", "ailleurs"})


def opening_place(sentence: Sentence, named: Sequence[CountryMention]) -> CountryMention | None:
    """ "In Kigali, ...", « À Kampala, ... », "And in Paraguay, ...": the state named by the place a sentence opens
    with, set off by a comma (a press review, a round-up paragraph by capital), or None."""
    tokens = [t for t in sentence.span if not t.is_space]
    while tokens and (tokens[0].dep_ == "cc" or spelled(tokens[0]) in _OPENING_LINKS):
        tokens = tokens[1:]  # "And in Paraguay, ...", "Meanwhile in Rome, ...", « Et à Asunción, »
    if len(tokens) < 4:
        return None
    if spelled(tokens[0]) in ("in", "at") and tokens[0].dep_ == "prep":
        opening = [m for m in named if m.token.head.i == tokens[0].i and m.token.dep_ == "pobj"]
    elif tokens[0].lower_ in ("à", "au", "en") and tokens[0].dep_ in ("case", "prep"):  # « À Kigali, »
        opening = [
            m
            for m in named
            if m.token.i == tokens[0].head.i or (m.token.head.i == tokens[0].i and m.token.dep_ == "pobj")
        ]
    else:
        return None
    if len(opening) != 1 or not any(t.text == "," for t in tokens[2:5]):
        return None
    return opening[0]


@rule("mentions", "the-government-of-the-place")
def government_of_the_place(doc: Doc, sentence: Sentence, named: list[CountryMention]) -> list[CountryMention]:
    """ "In Kigali, the press recalls that the government confirmed a deal with the United States", « À Kigali, la
    presse rappelle que le gouvernement a confirmé un accord » (a press review, paragraph by capital): "the
    government", "the authorities" with no state of their own, in a sentence that opens with a place naming a state,
    are that state's."""
    place = opening_place(sentence, named)
    if place is None:
        return []
    out = []
    for token in sentence.span:
        if lemma(token) not in _GOVERNMENT_WORDS or token.i <= place.token.i:
            continue
        if not any(c.dep_ == "det" and spelled(c) in ("the", "le", "la", "les", "l'", "l’") for c in token.children):
            continue
        if any(c.dep_ in ("poss", "compound", "amod", "nmod", "prep") for c in token.children):
            continue  # "the Ugandan government", "the government of Uganda": its own state
        out.append(_refers_to(doc, doc[token.i : token.i + 1], sentence, place))
    return out


_VOICE_VERBS = frozenset({"argue", "warn", "contend", "maintain", "complain", "note", "allege", "believe"})


@rule("mentions", "which-it-is")
def relative_subjects(doc: Doc, sentence: Sentence, named: list[CountryMention]) -> list[CountryMention]:
    """ "Denmark, which signed a declaration with Rwanda in 2022, put those plans on hold", "Italy, which runs two
    centres in Albania": the relative pronoun that is the subject of a clause hung on a state's name (or on its
    government: "the government of Denmark, which ...") is that state. Not a demonym ("Danish officials, who")
    nor where people come from ("men from Cuba, which refuses ...")."""
    out = []
    for mention in named:
        if mention.kind == "demonym" or origin_listed(mention):
            continue
        holders = {mention.token.i, proxy(mention.token).i}
        for holder in holders:
            for clause in (c for c in doc[holder].children if c.dep_ == "relcl"):
                for word in clause.children:
                    if (
                        word.dep_ in ("nsubj", "nsubjpass")
                        and spelled(word) in lx.RELATIVE_PRONOUNS
                        and word.i > holder
                    ):
                        out.append(_refers_to(doc, doc[word.i : word.i + 1], sentence, mention))
    return out


def _speakers_state(speaker: Token, by_token: dict[int, CountryMention]) -> CountryMention | None:
    """The state a speaker stands for: named ("Uganda said"), its owner ("Uganda's ministry said"), or where its
    officials are ("officials in Tegucigalpa said")."""
    source = by_token.get(speaker.i) or next(
        (by_token[c.i] for c in speaker.children if c.dep_ in ("poss", "compound", "amod") and c.i in by_token),
        None,
    )
    if source is None and lemma(speaker) in lx.ACTOR_NOUNS:  # "officials in Tegucigalpa said they had signed"
        source = next(
            (
                by_token[o.i]
                for p in speaker.children
                if spelled(p) in ("in", "of")
                for o in p.children
                if o.i in by_token
            ),
            None,
        )
    return source


_GOVERNMENT_NOUNS = frozenset({"administration", "government"})


def _the_government(token: Token, by_token: dict[int, CountryMention]) -> bool:
    """ "A U.S. official said the administration was in talks with Honduras": "the administration" or "the
    government" with nothing naming whose, the subject of what someone says."""
    return (
        lemma(token) in _GOVERNMENT_NOUNS
        and any(c.dep_ == "det" and spelled(c) == "the" for c in token.children)
        and not any(c.dep_ in ("poss", "compound", "amod", "prep") or c.i in by_token for c in token.children)
    )


def origin_listed(mention: CountryMention) -> bool:
    """ "five men, from Vietnam, Jamaica and Laos": where people come from, named as such (see roles.people-from
    for the rule that makes it their nationality); such a state is not the one the story is about."""
    token = mention.token
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    if token.dep_ != "pobj" or spelled(token.head) != "from":
        return False
    return lemma(token.head.head) in lx.MIGRANT_NOUNS | {"be", "come", "hail", "originate"}


_TOPIC_MAX_WORDS = 6
_LABEL_GLUE = frozenset({"and", "the", "&"})


@rule("mentions", "topic-heading")
def topic_heading(sentence: Sentence, named: list[CountryMention]) -> list[CountryMention]:
    """ "Eswatini.", "GUATEMALA." or "Honduras and Guatemala." on a line of its own, as roundups head each entry:
    the states the entry below is about ("Five men were flown to the kingdom": the kingdom is Eswatini)."""
    if sentence.prose or not named or any(m.kind != "name" for m in named):
        return []
    if len(sentence.text.split()) > _TOPIC_MAX_WORDS:
        return []
    rest = sentence.text
    for mention in sorted(named, key=lambda m: -m.start):
        rest = rest[: mention.start - sentence.start] + " " + rest[mention.end - sentence.start :]
    words = re.findall(r"\w+", rest)
    return named if all(word.lower() in _LABEL_GLUE for word in words) else []


@rule("mentions", "capitals-heading")
def capitals_heading(doc: Doc, sentence: Sentence) -> list[CountryMention]:
    """ "ESWATINI", "RWANDA - A ceiling of 250", "SOUDAN DU SUD - Huit hommes à Juba": a line whose first part is a
    state's name alone, in capitals (which the tagger, reading names as running text writes them, does not mark),
    heads the roundup's entry about that state."""
    if sentence.prose:
        return []
    text = sentence.text.strip()
    head = re.split(r"\s+[-–—]\s+|\s*:\s", text, maxsplit=1)[0].strip().rstrip(".")
    if not head or head.upper() != head or not any(ch.isalpha() for ch in head):
        return []
    code = capital_names(doc.lang_).get(head)
    if code is None:
        return []
    start = sentence.start + sentence.text.index(head)
    span = doc.char_span(start, start + len(head), alignment_mode="expand")
    if span is None:
        return []
    return [CountryMention(code, start, start + len(head), head, "name", sentence.index, span.root)]


_ENTRY_LABEL = re.compile(r"(?:(?P<bullet>[•·▪*])\s*)?(?P<label>[^—–:]{2,40}?)\s*(?P<mark>\s[—–-]\s|:\s)\s*\S")


@rule("mentions", "entry-label")
def entry_label(sentence: Sentence, named: list[CountryMention]) -> list[CountryMention]:
    """ "• Sweden — Has secured cells in Estonia.", "Denmark: The plan to process claims in Rwanda is on hold": a
    roundup's entry that opens its line with the name of the state it is about, then a colon or a dash (the cleaner
    drops the bullet). The label's states are the entry's (see pairs.section_headings: only where two entries or
    more are so labelled), as a heading's would be."""
    match = _ENTRY_LABEL.match(sentence.text)
    if match is None or not _opens_line(sentence):
        return []
    if ":" not in match.group("mark") and match.group("mark").strip() in sentence.text[match.end("mark") :]:
        return []  # "Britain – like Italy – has ...": a name set off by a pair of dashes opens no entry
    start, end = sentence.start + match.start("label"), sentence.start + match.end("label")
    inside = [m for m in named if start <= m.start and m.end <= end and m.kind == "name"]
    rest = sentence.text[match.start("label") : match.end("label")]
    for mention in sorted(inside, key=lambda m: -m.start):
        rest = rest[: mention.start - start] + " " + rest[mention.end - start :]
    words = re.findall(r"\w+", rest)
    return inside if inside and all(word.lower() in _LABEL_GLUE for word in words) else []


def _opens_line(sentence: Sentence) -> bool:
    """Nothing but blanks stands before the sentence on its line."""
    text = doc_text(sentence.span.doc)
    return not text[text.rfind("\n", 0, sentence.start) + 1 : sentence.start].strip()


def _line_start(doc: Doc, sentence: Sentence) -> int:
    return doc_text(doc).rfind("\n", 0, sentence.start)


_PAGE_NOISE = re.compile(r"^(?:advertisement|photo|caption|image|video|read more|related|most read|share)\b", re.I)


def is_heading(sentence: Sentence) -> bool:
    """A line of its own that heads what follows ("Critics", "What happens next"): short, not running text, no full
    stop, not a page's furniture ("Advertisement", "Photo: ...")."""
    words = sentence.text.split()
    return (
        not sentence.prose
        and 0 < len(words) <= _TOPIC_MAX_WORDS
        and not sentence.text.rstrip().endswith((".", ":"))
        and not any(ch.isdigit() for ch in sentence.text)
        and not _PAGE_NOISE.match(sentence.text)
    )


_BOTH = frozenset({"both", "all"})


@rule("mentions", "entry-subject")
def entry_subject(
    doc: Doc, sentence: Sentence, named: list[CountryMention], topic: list[CountryMention]
) -> list[CountryMention]:
    """ "Georgia. / Agreed in April to a trial arrangement", "Montenegro and Albania. / Both have agreed to receive
    ...": in a roundup's entry, a sentence with no subject of its own (it opens with its verb), or whose subject is
    "both", is about the states the entry's label names. The anaphor is the verb (or "both"), its evidence the
    label."""
    if not topic or not sentence.prose:
        return []
    root = sentence.span.root
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
        subject = next(c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj"))
        if spelled(subject) not in _BOTH or len(topic) < 2 or any(m.token.i == subject.i for m in named):
            return []
        word = subject
    else:
        first = next((t for t in sentence.span if not t.is_punct and not t.is_space), None)
        if first is None or first.i != root.i or root.pos_ not in ("VERB", "AUX") or root.tag_ not in ("VBD", "VBN"):
            return []  # "Agreed in April to ...", "Signed a memorandum ...": the entry's own telegraphic style
        if len(topic) != 1:
            return []
        word = root
    return [_refers_to(doc, doc[word.i : word.i + 1], sentence, source) for source in topic]


def _voices(verb: Token) -> bool:
    """A verb of saying or arguing, in the language being read (``lx`` is read at call time, not at import)."""
    return lemma(verb) in lx.SPEECH_VERBS or lemma(verb) in _VOICE_VERBS


def _subject_of(mention: CountryMention) -> Token:
    """The verb whose subject the mention is (or owns)."""
    token = mention.token
    return token.head.head if token.dep_ in ("poss", "compound", "amod") else token.head


def _is_subject(mention: CountryMention) -> bool:
    """The sentence is about this state: it is (or possesses) the subject. "Rwanda agreed", "Rwanda's role is"."""
    token = mention.token
    if token.dep_ in ("poss", "compound", "amod") and token.head.dep_ in ("nsubj", "nsubjpass"):
        return mention.kind != "demonym"
    return token.dep_ in ("nsubj", "nsubjpass")


def read(doc: Doc, published: date | None, title: str | None = None) -> Document:
    """Sentences, entities and country mentions of a parsed document (``title``: the document's, to know its
    headline when the text repeats it)."""
    gazetteer = countries()
    sentences = [_sentence(doc, i, span, title) for i, span in enumerate(sentence_spans(doc))]
    ents = _entities(doc, sentences)
    mentions: list[tuple[CountryMention, ...]] = []
    earlier: Counter[str] = Counter()
    last: dict[str, CountryMention] = {}
    previous_subject: CountryMention | None = None
    topic: list[CountryMention] = []  # the states the label of the roundup's entry being read names
    heading_line = -2  # where the line of that label starts
    for sentence, sentence_ents in zip(sentences, ents, strict=True):
        named = [
            CountryMention(
                ent.ent_id_,
                ent.start_char,
                ent.end_char,
                ent.text,
                _KINDS.get(ent.label_, "name"),  # type: ignore[arg-type]
                sentence.index,
                ent.root,
            )
            for ent in sentence_ents
            if ent.ent_id_ and gazetteer.is_code(ent.ent_id_)
        ]
        anaphors = country_anaphors(doc, sentence, named, earlier, last, previous_subject, topic)
        anaphors += pronoun_subjects(doc, sentence, named)
        anaphors += relative_subjects(doc, sentence, named)
        anaphors += there(doc, sentence, named)
        anaphors += government_of_the_place(doc, sentence, named)
        anaphors += two_states(doc, sentence, named, last)
        anaphors += listed_states(doc, sentence, named)
        anaphors += officials_country(doc, sentence, named)
        anaphors += entry_subject(doc, sentence, named, topic)
        mentions.append(tuple(sorted(named + anaphors, key=lambda m: m.start)))
        for mention in named:
            if mention.kind != "demonym" and not origin_listed(mention):
                earlier[mention.iso3] += 1  # "Venezuelan migrants", "men from Cuba and Laos": not the state spoken of
                last[mention.iso3] = mention
        subjects = [m for m in (*named, *anaphors) if _is_subject(m)]
        if sentence.makes_claims:  # within a roundup's entry, a sentence of no subject leaves the entry's state
            previous_subject = subjects[0] if subjects else (topic[0] if len(topic) == 1 else None)
        elif heading := topic_heading(sentence, named) or capitals_heading(doc, sentence):
            topic = heading
            previous_subject = topic[0] if len(topic) == 1 else None
            heading_line = _line_start(doc, sentence)
        elif is_heading(sentence) and _line_start(doc, sentence) != heading_line:
            topic = []  # "Critics", "What happens next": the entries are over (not "- Le précurseur discret" after
            # "ESWATINI" on the same line, which the parser made a sentence of its own)
    return Document(doc, published, tuple(sentences), tuple(tuple(e) for e in ents), tuple(mentions))
