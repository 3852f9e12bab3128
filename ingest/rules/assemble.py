"""Stage 5 — assemble: run the stages over one parsed document and build its ``Fragment``.

Claims are made per sentence and pair: a status, caps (in the host's clause), payments, dates (where the
sentence reports something firm), the officials it names, the groups it moves. Each claim's ``evidence``
holds the spans that state its value and those that name the two states in their roles (from other
sentences too); its ``quote`` is the sentence of the value. A pair too weak to stand alone is kept only where
it carries a value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence, Set
from dataclasses import replace
from typing import Any, cast

from spacy.tokens import Doc

from dakg.ingest.fragment import (
    AgreementOut,
    ClaimField,
    ClaimOut,
    CountryOut,
    EvidenceOut,
    Fragment,
    MigrantGroupOut,
    OfficialOut,
    SourceOut,
    text_key,
)
from dakg.ingest.gazetteer import countries, known_name
from dakg.ingest.read import Metadata
from dakg.ingest.rules import caps as caps_stage
from dakg.ingest.rules import dates as dates_stage
from dakg.ingest.rules import groups as groups_stage
from dakg.ingest.rules import mentions, officials, pairs, payments, roles, status
from dakg.ingest.rules import weights as w
from dakg.ingest.rules.officials import PersonMention
from dakg.ingest.rules.records import CountryMention, Document, Evidence, Pair, Sentence, Vote, char_evidence, doc_text
from dakg.ingest.rules.registry import rule, rule_id
from dakg.ingest.rules.syntax import lemma
from dakg.ingest.vocabulary import lx, reading, spelled
from dakg.schema import LANGUAGES, Basis, Language


def _out(evidence: Sequence[Evidence]) -> list[EvidenceOut]:
    unique = list(dict.fromkeys(evidence))
    return [
        EvidenceOut(start=e.start, end=e.end, text=e.text, role=e.role)
        for e in sorted(unique, key=lambda e: (e.start, e.end))
    ]


def _conf(value: float) -> float:
    return round(min(1.0, max(0.0, value)), 2)


@rule("roles", "possessive-country")
def possessive_countries(
    document: Document, sentence: Sentence, people: Sequence[PersonMention]
) -> list[CountryMention]:
    """ "Olivier Nduhungirehe said his country had not signed": "his country" is the state of the one official
    the sentence names with a state."""
    states = {p.country: p for p in people if p.country}
    if len(states) != 1:
        return []
    code, person = next(iter(states.items()))
    found = []
    for match in lx.POSSESSIVE_COUNTRY.finditer(sentence.text):
        span = document.doc.char_span(
            sentence.start + match.start(), sentence.start + match.end(), alignment_mode="expand"
        )
        if span is not None:
            via = person.country_evidence[0] if person.country_evidence else person.name_evidence
            found.append(
                CountryMention(
                    code, span.start_char, span.end_char, span.text, "anaphor", sentence.index, span.root, via=via
                )
            )
    return found


def named_states(mentions_: Sequence[CountryMention], resolved: dict[str, Vote]) -> list[Vote]:
    """The states a sentence names as states (not the people's nationality, not a list of where people come
    from), one each, as the weakest of votes: what ``pairs.co-mentioned`` pairs when nothing else does."""
    out: dict[str, Vote] = {}
    for mention in mentions_:
        if mention.iso3 in out or mention.kind == "demonym" or mentions.origin_listed(mention):
            continue
        if (vote := resolved.get(mention.iso3)) is not None and vote.role == roles.NATIONALITY:
            continue
        span = (*([mention.via] if mention.via else []), Evidence(mention.start, mention.end, mention.text, "party"))
        out[mention.iso3] = Vote(mention.iso3, roles.PARTY, 0.0, "", span, mention.token.i, mention.basis)
    return list(out.values())


@rule("roles", "administration")
def administrations(document: Document, sentence: Sentence, people: Sequence[PersonMention]) -> list[CountryMention]:
    """ "The Trump administration has deported ...", "Biden's government": an administration named after the
    person who heads it acts for that person's state — the state the text gives them, else the one the table of
    office holders gives (a ``reference`` basis, which the claims it supports carry)."""
    found = []
    for person in people:
        if person.administration is None:
            continue
        code, basis = person.country, "text"
        if code is None:
            code, basis = officials.reference_state(person.key), "reference"
        span = document.doc.char_span(person.administration.start, person.administration.end)
        if code is None or span is None:
            continue
        start = min(person.name_evidence.start, span.start_char)
        end = max(person.name_evidence.end, span.end_char)
        found.append(
            CountryMention(
                code,
                start,
                end,
                doc_text(document.doc)[start:end],
                "institution",
                sentence.index,
                span.root,
                via=person.country_evidence[0] if basis == "text" and person.country_evidence else None,
                basis=basis,  # type: ignore[arg-type]
            )
        )
        found.extend(  # "... when it deported eight men"
            mentions.pronouns_of(document.doc, sentence, found[-1], document.countries[sentence.index])
        )
    return found


_US = "USA"


def _american_administration(document: Document, people: Sequence[Sequence[PersonMention]]) -> bool:
    """A text in English that never names the United States nor an administration after its head, but writes "the
    administration" (an American column about its own government: "the administration agreed to pay El Salvador")."""
    if document.doc.lang_ != "en" or any(m.iso3 == _US for found in document.countries for m in found):
        return False
    return not any(person.administration is not None for found in people for person in found)


@rule("roles", "the-administration")
def the_administration(document: Document, sentence: Sentence, unnamed: bool) -> list[CountryMention]:
    """ "The administration agreed to pay El Salvador to hold some three hundred people": in a text that names no
    administration's state (``_american_administration``), a bare "the administration" is the United States' — by
    the usage of American reporting, so on a ``reference`` basis, which the claims it supports carry."""
    if not unnamed:
        return []
    found = []
    for token in sentence.span:
        if lemma(token) != "administration" or token.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "det" and spelled(c) == "the" for c in token.children):
            continue
        if any(c.dep_ in ("poss", "compound", "amod", "nmod", "prep") for c in token.children):
            continue  # "the Italian administration", "the administration of the camp"
        start, end = token.left_edge.idx, token.idx + len(token.text)
        if any(m.start < end and start < m.end for m in document.countries[sentence.index]):
            continue  # "a Swedish official said the administration ...": already that state's (it-said-it)
        text = doc_text(document.doc)[start:end]
        found.append(CountryMention(_US, start, end, text, "institution", sentence.index, token, basis="reference"))
    return found


@rule("officials", "administration-acts-for")
def administration_acts_for(
    doc: Doc, person: PersonMention, sentence_pairs: Sequence[Pair], sentence: Sentence
) -> PersonMention:
    """ "as President Donald Trump's administration intensifies efforts to send migrants" in a sentence about
    deportations from the United States: a head of government whose administration is one side of the
    sentence's one agreement acts for that side's state (the text says so through the sentence)."""
    if person.country is not None or person.administration is None or len(sentence_pairs) != 1:
        return person
    pair = sentence_pairs[0]
    if pair.basis == "reference":
        return person  # the pair's side came from this very person by reference: it cannot give them a state
    span = doc.char_span(person.administration.start, person.administration.end)
    if span is None:
        return person
    token = span.root
    mention = CountryMention("XXX", token.idx, token.idx + len(token.text), token.text, "name", sentence.index, token)
    ctx = roles.Context(doc, sentence, (mention,))
    votes = roles.mention_votes(ctx, mention)
    vote = roles.resolve(votes)
    if vote is None or vote.role not in (roles.DEPORTING, roles.HOST, roles.PARTY):
        return person
    if vote.role == roles.DEPORTING:
        code = pair.deporting
    elif vote.role == roles.HOST:
        code = pair.host
    else:  # "a deal with the Trump administration": the side this sentence does not name
        if pair.deporting_token is None and pair.host_token is not None:
            code = pair.deporting
        elif pair.host_token is None and pair.deporting_token is not None:
            code = pair.host
        else:
            return person
    side = "deporting" if code == pair.deporting else "host"
    spans = (
        *[Evidence(e.start, e.end, e.text, "country") for e in pair.evidence if e.role == side],
        Evidence(person.administration.start, person.administration.end, person.administration.text, "official"),
    )
    if not any(e.role == "country" for e in spans):
        return person
    return replace(
        person, country=code, country_evidence=tuple(spans), rules=(*person.rules, rule_id(administration_acts_for))
    )


@rule("officials", "named-with-agreement")
def named_with_agreement(person: PersonMention, pair: Pair) -> bool:
    """An official named in a sentence about an agreement is named in connection with it, unless the text has
    them act for a third state."""
    return person.country in (None, pair.deporting, pair.host)


def extract_fragment(doc: Doc, meta: Metadata, *, path: str | None, extractor_version: str) -> Fragment:
    """The graph fragment of one parsed document, read with the vocabulary of its language."""
    with reading(doc.lang_):
        return _fragment(doc, meta, path=path, extractor_version=extractor_version)


def _fragment(doc: Doc, meta: Metadata, *, path: str | None, extractor_version: str) -> Fragment:
    document = mentions.read(doc, dates_stage.parse_iso(meta.published), meta.title)
    people = officials.find(document)
    sentences = document.sentences
    text = doc_text(doc)
    source_key = text_key(text)

    all_roles: list[dict[str, Vote]] = []
    co_named: list[list[Vote]] = []
    resettled: set[tuple[str, str]] = set()
    returned_home: set[str] = set()
    sent_home: set[tuple[str, str]] = set()  # (sender, home): who the document says sent people home where
    unnamed_sender = _american_administration(document, people)
    found_beside: list[tuple[int, str]] = []  # (sentence, state) named through a person or an administration
    for sentence in sentences:
        if not sentence.makes_claims:
            all_roles.append({})
            co_named.append([])
            continue
        extra = tuple(possessive_countries(document, sentence, people[sentence.index]))
        extra += tuple(administrations(document, sentence, people[sentence.index]))
        extra += tuple(the_administration(document, sentence, unnamed_sender))
        named = tuple(sorted(document.countries[sentence.index] + extra, key=lambda m: m.start))
        found_beside.extend((sentence.index, m.iso3) for m in extra)
        sentence_roles = roles.sentence_roles(document, sentence, named, people[sentence.index])
        all_roles.append(pairs.resolved_roles(sentence_roles))
        co_named.append(named_states(named, all_roles[-1]))
        home = pairs.homeward(sentence_roles, sentence.text)
        returned_home |= home
        senders = {v.iso3 for v in all_roles[-1].values() if v.role == roles.DEPORTING}
        sent_home |= {(s, h) for s in senders for h in home}
        resettled |= roles.resettlement_flows(roles.Context(doc, sentence, named))
    view = pairs.document_view(all_roles, returned_home)
    view.sent_home = sent_home

    hits = [status.hits(doc, s) if s.makes_claims else status.Sentenced((), None) for s in sentences]
    caps = [caps_stage.caps(doc, s) if s.makes_claims else [] for s in sentences]
    money = [payments.amounts(doc, s) if s.makes_claims else [] for s in sentences]
    all_facts = []
    for sentence in sentences:
        sentenced = hits[sentence.index]
        firm = any(h.strength >= 0.9 and h.status != "proposed" for h in sentenced.hits)
        all_facts.append(
            pairs.facts_of(
                sentence,
                has_status=bool(sentenced.hits) or sentenced.denial is not None,
                firm_status=firm,
                has_value=bool(caps[sentence.index] or money[sentence.index]),
            )
        )
    view.together = pairs.named_together(co_named, all_facts)
    view.about_deportation = any(
        f.about_deportation or (f.agreement_word and lx.MIGRATION_DEAL.search(s.text) is not None)
        for f, s in zip(all_facts, sentences, strict=True)
    )
    for index, sentence_mentions in enumerate(document.countries):
        for mention in sentence_mentions:
            view.seen.setdefault(mention.iso3, []).append(index)
    for index, iso3 in found_beside:  # "the Trump administration", "the administration" (see the-administration)
        view.seen.setdefault(iso3, []).append(index)
    for found in view.seen.values():
        found.sort()
    view.sections = pairs.section_headings(sentences, document.countries)
    view.issuers = {  # "From: Home Office and the Rt Hon ...": the state a press release speaks for
        m.iso3
        for sentence, sentence_mentions in zip(sentences, document.countries, strict=True)
        if lx.ISSUER_LINE.match(sentence.text)
        for m in sentence_mentions
        if m.kind in ("name", "institution", "demonym")  # "From: Danish Ministry of Immigration"
    }
    found_pairs: list[list[Pair]] = []
    recent: list[Pair] = []
    for sentence in sentences:
        facts = all_facts[sentence.index]
        here = pairs.sentence_pairs(sentence, all_roles[sentence.index], facts, view, recent, co_named[sentence.index])
        found_pairs.append(here)
        recent.extend(here)
    found_pairs = pairs.one_direction(found_pairs, resettled)

    agreements: dict[str, AgreementOut] = {}
    unstated: dict[str, tuple[Sentence, Pair, status.StatusValue]] = {}  # a deal named where no status is worded
    groups: dict[str, MigrantGroupOut] = {}
    name = countries().name
    persons: list[PersonMention] = []
    for sentence in sentences:
        sentence_pairs = found_pairs[sentence.index]
        sentence_people = [administration_acts_for(doc, p, sentence_pairs, sentence) for p in people[sentence.index]]
        persons.extend(sentence_people)
        if not sentence.makes_claims:
            continue
        group_keys = _groups(doc, sentence, bool(sentence_pairs), source_key, groups)
        if not sentence_pairs:
            continue
        sentenced = hits[sentence.index]
        values = {
            p.key: status.for_pair(doc, sentenced, p) or status.event_of_the_pair(doc, p) or status.listed_as_safe(p)
            for p in sentence_pairs
        }
        firm = any(v is not None and v.strength >= w.DATED_STATUS_MIN for v in values.values())
        dated = firm or caps[sentence.index] or money[sentence.index]
        when = dates_stage.dates(document.ents[sentence.index], document.published) if dated else []
        for pair in sentence_pairs:
            others = {p.host_token for p in sentence_pairs if p.host != pair.host and p.host_token is not None}
            claims = _claims(
                doc, sentence, pair, values[pair.key], caps[sentence.index], money[sentence.index], when, others
            )
            if not claims and pair.weight < w.PAIR_MIN_WITHOUT_VALUE:
                continue
            named_deal = (
                status.arrangement_named(doc, sentence, pair) or status.centre_in_use(doc, sentence, pair)
                if values[pair.key] is None
                else None
            )
            for person in sentence_people:
                if named_with_agreement(person, pair):
                    spans = (person.name_evidence, *person.country_evidence)
                    rules = (rule_id(named_with_agreement), *person.rules)
                    claims.append(
                        _claim("official", person.key, pair.weight * w.OFFICIAL_WEIGHT, sentence, pair, spans, rules)
                    )
            for group_key in group_keys:
                group = groups[group_key]
                if pair.key not in group.agreements:
                    group.agreements.append(pair.key)
                    group_spans = [Evidence(e.start, e.end, e.text, e.role) for e in group.evidence]
                    rules = (rule_id(groups_stage.groups),)
                    claims.append(
                        _claim("covers", group_key, pair.weight * w.COVERS_WEIGHT, sentence, pair, group_spans, rules)
                    )
            if claims or named_deal is not None:  # a firm pair in a sentence naming the deal is a claim of it
                if pair.key not in agreements:
                    agreements[pair.key] = AgreementOut(
                        key=pair.key,
                        deporting=pair.deporting,
                        host=pair.host,
                        name=f"{name(pair.deporting)} → {name(pair.host)}",
                        claims=[],
                    )
                agreements[pair.key].claims.extend(_dedupe(claims))
                if named_deal is not None and pair.key not in unstated:
                    unstated[pair.key] = (sentence, pair, named_deal)
    for key, (sentence, pair, named_deal) in unstated.items():
        if not any(c.field == "status" for c in agreements[key].claims):  # the document words no status for it
            claim = _claim(
                "status",
                named_deal.status,
                pair.weight * named_deal.strength,
                sentence,
                pair,
                named_deal.evidence,
                named_deal.rules,
            )
            agreements[key].claims.insert(0, claim)

    country_mentions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sentence_mentions in document.countries:
        for mention in sentence_mentions:
            if mention.kind != "anaphor":
                country_mentions[mention.iso3].append((mention.start, mention.end))
    return Fragment(
        source=SourceOut(
            key=source_key,
            path=path,
            title=meta.title or _first_line(text),
            url=meta.url,
            outlet=meta.outlet,
            published=meta.published,
            language=cast(Language, doc.lang_) if doc.lang_ in LANGUAGES else "en",
            text=text,
            words=len(text.split()),
            extractor_version=extractor_version,
        ),
        countries=[
            CountryOut(key=iso3, name=name(iso3), mentions=sorted(spans))
            for iso3, spans in sorted(country_mentions.items())
        ],
        officials=_officials(persons, sentences),
        agreements=[a for a in agreements.values() if a.claims],
        migrant_groups=list(groups.values()),
    )


def _claim(
    field: ClaimField,
    value: Any,
    confidence: float,
    sentence: Sentence,
    pair: Pair,
    spans: Sequence[Evidence],
    rules: Sequence[str],
    **extra: Any,
) -> ClaimOut:
    return ClaimOut(
        field=field,
        value=value,
        confidence=_conf(confidence),
        quote=sentence.text,
        start=sentence.start,
        end=sentence.end,
        evidence=_out([*spans, *pair.evidence]),
        rules=list(dict.fromkeys([*pair.rules, *rules])),
        basis=pair.basis,
        **extra,
    )


def _claims(
    doc: Doc,
    sentence: Sentence,
    pair: Pair,
    value: status.StatusValue | None,
    caps: Sequence[caps_stage.Cap],
    money: Sequence[payments.Payment],
    when: Sequence[dates_stage.When],
    other_hosts: Set[int] = frozenset(),
) -> list[ClaimOut]:
    claims = []
    if value is not None:
        claims.append(
            _claim(
                "status",
                value.status,
                pair.weight * value.strength,
                sentence,
                pair,
                value.evidence,
                value.rules,
                negated=value.negated,
            )
        )
    scoped = status.clause_scoped(list(caps), pair, lambda c: c.token, doc, host_only=True)
    if not scoped:  # "The agreement under which Norway sends people to Moldova caps the number ... at 1,000"
        scoped = [c for c in caps if caps_stage.set_by_the_deal(doc, c.token, pair.host_token)]
    if not scoped:  # "Denmark and Kosovo agreed that Denmark would rent cells ... for no more than 300 inmates"
        scoped = [c for c in caps if caps_stage.what_was_agreed(doc, c.token, pair.host_token)]
    if not scoped:  # "Costa Rica set a ceiling of 200 on the number it would accept"
        scoped = [c for c in caps if caps_stage.around_the_host(doc, c.token, pair.host_token)]
    for cap in scoped:
        if caps_stage.taken_by_the_sender(doc, cap.token, pair.deporting):
            continue
        if caps_stage.taken_by_another_host(doc, cap.token, pair.host_token, other_hosts):
            continue
        if caps_stage.moved_from_the_host(doc, cap.token, pair.host_token):
            continue
        claims.append(
            _claim(
                "cap",
                cap.value,
                pair.weight * cap.weight,
                sentence,
                pair,
                (cap.evidence,),
                (cap.rule,),
                detail=cap.detail,
            )
        )
    for payment in money:
        claims.append(
            _claim(
                "payment",
                payment.value,
                pair.weight * w.PAYMENT_WEIGHT,
                sentence,
                pair,
                (payment.evidence,),
                (payment.rule,),
                detail=payment.detail,
            )
        )
    for item in when:
        event = None if value is None else ("denied " if value.negated else "") + value.status
        detail = f"{event}: {item.raw}" if event else item.raw
        claims.append(
            _claim(
                "date",
                item.value,
                pair.weight * w.DATE_WEIGHT,
                sentence,
                pair,
                (item.evidence,),
                (item.rule,),
                detail=detail,
            )
        )
    return claims


def _groups(
    doc: Doc, sentence: Sentence, moved_here: bool, source_key: str, groups: dict[str, MigrantGroupOut]
) -> list[str]:
    keys = []
    for found in groups_stage.groups(doc, sentence, moved_here):
        key = "mg-" + text_key(f"{source_key}|{found.evidence.start}|{found.description}")[:24]
        if any(g.description.lower() == found.description.lower() for g in groups.values()):
            continue
        groups[key] = MigrantGroupOut(
            key=key,
            description=found.description,
            nationalities=list(found.nationalities),
            size=found.size,
            quote=sentence.text,
            start=sentence.start,
            end=sentence.end,
            evidence=_out((found.evidence, *found.nationality_evidence)),
        )
        keys.append(key)
    return keys


def _dedupe(claims: list[ClaimOut]) -> list[ClaimOut]:
    seen = set()
    out = []
    for claim in claims:
        marker = (claim.field, repr(claim.value), claim.start, claim.negated, claim.detail)
        if marker not in seen:
            seen.add(marker)
            out.append(claim)
    return out


def _officials(persons: Sequence[PersonMention], sentences: Sequence[Sentence]) -> list[OfficialOut]:
    by_key: dict[str, list[PersonMention]] = defaultdict(list)
    for person in persons:
        by_key[person.key].append(person)
    out = []
    for key, mentions_ in by_key.items():
        best = max(mentions_, key=lambda p: (p.role is not None, p.country is not None, p.score))
        titled = best if best.role is not None else next((p for p in mentions_ if p.role is not None), None)
        placed = best if best.country is not None else next((p for p in mentions_ if p.country is not None), None)
        sentence = sentences[best.sentence]
        names = sorted({p.name for p in mentions_} | {best.name}, key=len, reverse=True)
        names = [n for n in names if n == names[0] or not names[0].endswith(" " + n)]  # "Makolo" is "Yolande Makolo"
        canonical = known_name(key)
        if canonical is not None and canonical not in names:
            names.append(canonical)  # the table's spelling, as an alias: the text's own spelling is the name
        role_evidence = (
            [titled.name_evidence, titled.role_evidence]
            if titled and titled.role_evidence
            else [best.name_evidence]  # named without an office: the name is what the source says
        )
        country_evidence = [placed.name_evidence, *placed.country_evidence] if placed else []
        country = placed.country if placed else None
        basis: Basis | None = "text" if placed else None
        rules = {r for p in mentions_ for r in p.rules}
        if country is None and (known := officials.reference_state(key)) is not None:
            country, basis = known, "reference"
            country_evidence = [best.name_evidence]
            rules.add(rule_id(officials.reference_state))
        out.append(
            OfficialOut(
                key=key,
                name=names[0],
                aliases=[n for n in names[1:] if n != names[0]],
                country=country,
                role=titled.role if titled else None,
                confidence=_conf(best.score),
                quote=sentence.text,
                start=sentence.start,
                end=sentence.end,
                role_evidence=_out(role_evidence),
                country_evidence=_out(country_evidence),
                country_basis=basis,
                rules=sorted(rules),
            )
        )
    return sorted(out, key=lambda o: o.start)


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None


__all__ = ["char_evidence", "extract_fragment"]
