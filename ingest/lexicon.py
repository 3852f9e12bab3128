"""Words and phrases of news reporting on deportation agreements, as the extractor's rules use them.

Kept apart from the rules so that reviewers can read the vocabulary in one place. Verb and noun sets hold
spaCy lemmas; status patterns are regular expressions matched case-insensitively on one sentence.
"""

from __future__ import annotations

import re
from typing import Final

from dakg.schema import STATUSES

# Receiving people: the subject of these is the host state.
HOST_VERBS: Final = frozenset(
    {"accept", "host", "receive", "welcome", "admit", "house", "resettle", "absorb", "shelter", "accommodate"}
)
# Sending people away: the subject is the deporting state; "to X" names the host, "from X" the deporting state.
DEPORT_VERBS: Final = frozenset(
    {"deport", "expel", "remove", "send", "fly", "transfer", "relocate", "ship", "outsource", "offshore", "move"}
)
DEPORT_NOUNS: Final = frozenset(
    {"deportation", "deportee", "removal", "expulsion", "transfer", "relocation", "flight", "returnee"}
)
# "arrived in X", "held in X": X is where people were taken.
IN_HOST_VERBS: Final = frozenset(
    {
        "resettle",
        "house",
        "settle",
        "detain",
        "arrive",
        "land",
        "hold",
        "keep",
        "place",
        "build",
        "open",
        "operate",
        "run",
    }
)
PAY_VERBS: Final = frozenset({"pay", "fund", "finance"})
AGREE_VERBS: Final = frozenset(
    {
        "agree",
        "sign",
        "negotiate",
        "discuss",
        "talk",
        "reach",
        "strike",
        "conclude",
        "finalize",
        "finalise",
        "formalize",
        "formalise",
        "seal",
        "engage",
        "partner",
        "cooperate",
        "ink",
        "deny",
    }
)
AGREEMENT_NOUNS: Final = frozenset(
    {
        "agreement",
        "deal",
        "pact",
        "accord",
        "arrangement",
        "partnership",
        "memorandum",
        "mou",
        "protocol",
        "treaty",
        "scheme",
        "plan",
        "programme",
        "program",
        "policy",
        "initiative",
        "talk",
        "talks",
        "negotiation",
        "discussion",
        "cooperation",
        "collaboration",
    }
)
# Nouns that name a concrete arrangement: speaking of "the deal" as a thing implies it was agreed.
ARRANGEMENT_NOUNS: Final = frozenset(
    {"agreement", "deal", "pact", "accord", "arrangement", "partnership", "memorandum", "protocol", "treaty", "scheme"}
)
# "X becomes a destination for deportees": X receives them.
HOST_NOUNS: Final = frozenset({"destination", "host", "haven", "hub"})
MIGRANT_NOUNS: Final = frozenset(
    {
        "migrant",
        "immigrant",
        "deportee",
        "refugee",
        "seeker",
        "people",
        "person",
        "individual",
        "man",
        "woman",
        "child",
        "minor",
        "national",
        "detainee",
        "foreigner",
        "family",
        "returnee",
        "criminal",
        "convict",
        "arrival",
        "newcomer",
    }
)
ACTOR_NOUNS: Final = frozenset(
    {
        "government",
        "administration",
        "authority",
        "authorities",
        "official",
        "officer",
        "ministry",
        "minister",
        "president",
        "leader",
        "court",
        "parliament",
        "side",
        "delegation",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "embassy",
        "envoy",
        "department",
        "office",
        "secretary",
        "cabinet",
        "regime",
        "state",
    }
)
ROLE_NOUNS: Final = frozenset(
    {
        "official",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "minister",
        "secretary",
        "envoy",
        "ambassador",
        "president",
        "leader",
        "premier",
        "chancellor",
        "diplomat",
        "negotiator",
        "czar",
        "adviser",
        "advisor",
    }
)
HONORIFICS: Final = frozenset({"Sir", "Dame", "Lord", "Lady", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms."})

# A sentence is about deportation or an arrangement when one of these stems appears.
DEPORT_CONTEXT: Final = re.compile(
    r"\b(deport\w*|expel\w*|expul\w*|remov(al|als|ed|e|ing)\b|relocat\w*|resettl\w*|transferr?\w*|third[- ]countr\w*"
    r"|offshor\w*|outsourc\w*|flown|flights?)\b",
    re.I,
)
MIGRATION_NOUN: Final = re.compile(r"\b(migrants?|asylum[- ]seekers?|refugees?|deportees?|immigrants?)\b", re.I)

# "this deal", "that program", "the scheme", "these negotiations", "the two countries": the pair named before.
ANAPHOR: Final = re.compile(
    r"\b(this|that|the|these|those|such)\s+(?:\w+\s+){0,2}?(agreement|deal|pact|accord|arrangement|partnership|"
    r"protocol|treaty|scheme|plan|programme|program|initiative|project|talks|negotiations|discussions|accord)s?\b"
    r"|\bthe two (countries|governments|nations|sides)\b",
    re.I,
)
# "his country", "her government": the state of the official named in the same sentence.
POSSESSIVE_COUNTRY: Final = re.compile(r"\b(?:his|her) (?:country|government|nation)\b", re.I)
COUNTRY_ANAPHOR: Final = re.compile(
    r"\b[Tt]he (?:(?:small|tiny|central|east|west|southern|northern|african|balkan|landlocked|"
    r"east african|west african|southern african|gulf|central american)\s+){0,2}(country|nation|kingdom)\b",
    re.I,
)

# (status, pattern, strength). Irrealis (future, conditional, intended) matches are downgraded by the extractor.
STATUS_PATTERNS: Final[tuple[tuple[str, re.Pattern[str], float], ...]] = tuple(
    (status, re.compile(pattern, re.I), strength)
    for status, pattern, strength in (
        (
            "struck_down",
            r"\b(struck down|strikes? down|striking down|ruled (?:that )?(?:\w+ ){0,8}?(?:is |was |were )?"
            r"(?:unlawful|illegal|unconstitutional)|declared (?:\w+ ){0,4}(?:unlawful|illegal|unconstitutional)|"
            r"quashed|(?:court|judges?)\b[^.;]{0,30}?\b(?:blocked|halted|refused to (?:validate|approve|uphold))|"
            r"ruled against|ruled\b[^.;]{0,120}?\b(?:unlawful|illegal|unconstitutional))\b",
            1.0,
        ),
        (
            "scrapped",
            r"\b(scrap(?:ped|s|ping)?|abandon(?:ed|s|ing)?|ax(?:ed|es|ing)|cancel(?:l?ed|s|l?ing)?|"
            r"ditch(?:ed|es|ing)?|terminat(?:ed|es|ing)|tore up|torn up|shelved|killed off|"
            r"dead and buried|pulled out of|withdr(?:ew|awn) from|backed out)\b",
            1.0,
        ),
        ("suspended", r"\b(suspend(?:ed|s|ing)?|paus(?:ed|es|ing)|put on hold|on hold|halt(?:ed|s|ing)|frozen)\b", 1.0),
        (
            "implemented",
            r"\b(first (?:flight|group|deportees?|migrants?|people|arrivals?)|"
            r"(?:were|was|have been|had been|has been|being) (?:\w+ )?"
            r"(?:deported|flown|sent|transferred|relocated|removed|expelled) (?:\w+ ){0,4}?to|"
            r"(?:have|has|had)(?: already)? arrived|arrived in|landed in|"
            r"(?:deported|flew|sent|transferred|relocated|removed|expelled) (?:\w+ ){0,2}"
            r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?) "
            r"(?:\w+ ){0,2}(?:to|from)|"
            r"(?:has|have|had) (?:deported|sent|flown|transferred|relocated) (?:\w+ ){0,3}to|"
            r"(?:received|welcomed|took in) (?:the |its )?first|began (?:receiving|accepting|deporting|sending))\b",
            0.9,
        ),
        (
            "in_force",
            r"\b(came into (?:force|effect)|entered into (?:force|effect)|took effect|in force|ratified)\b",
            1.0,
        ),
        (
            "signed",
            r"\b(signed|signs|signing|sign|inked|formali[sz]ed|concluded|sealed|put their names to|"
            r"memorandum of understanding)\b",
            1.0,
        ),
        (
            "agreed",
            r"\b(agreed|agrees|agreeing|(?:reached|struck|made|cut|has|have) (?:an? |the )?(?:\w+ ){0,2}"
            r"(?:deals?|agreements?|accords?|arrangements?)|"
            r"(?:deals?|agreements?|arrangements?),? (?:was |were )?reached|"
            r"announced (?:a |an |the )?(?:\w+[- ]){0,2}(?:deal|agreement|pact|accord|protocol)|"
            r"accepted|approved|consented|committed to)\b",
            0.9,
        ),
        (
            "under_negotiation",
            r"\b(in talks|talks|negotiat(?:ions?|ing|ed|e)|in discussions?|discussions?|discussing|on the verge of|"
            r"close to (?:a |an |finali[sz]ing|signing|reaching)|finali[sz]ing|nearing (?:a|an) (?:deal|agreement)|"
            r"explor(?:ing|es|ed)|(?:is|are|was|were) (?:prepared|ready|willing) to|engaged in (?:\w+ ){0,2}?"
            r"(?:talks|discussions|negotiations|dialogue)|in contact|imminent|still being worked out)\b",
            0.9,
        ),
        (
            "proposed",
            r"\b(propos(?:ed|es|ing) (?:a |an |the |to )?(?:\w+ ){0,2}?"
            r"(?:deal|agreement|plan|scheme|arrangement|send|deport|transfer|relocate|take|accept|host)|"
            r"proposals?|floated|offered to (?:take|accept|host|receive)|"
            r"(?:plans?|planned|wants?|seeks?|aims?|intends?) to (?:send|deport|transfer|relocate|fly|remove|sign|"
            r"conclude|strike|reach)|(?:prospective|potential|possible) (?:\w+ ){0,2}?"
            r"(?:deal|agreement|arrangement|pact|acceptance|partnership))\b",
            0.7,
        ),
    )
)
STATUS_ORDER: Final = {status: stage for stage, status in enumerate(STATUSES)}

DENIAL: Final = re.compile(
    r"\b(den(?:y|ies|ied|ying)|rejected (?:reports|claims)|no (?:such )?(?:deal|agreement)|"
    r"(?:has|have|had) not (?:agreed|signed)|never agreed|dismissed (?:reports|claims))\b",
    re.I,
)
# Words before a trigger that make it future, conditional or intended rather than done.
IRREALIS: Final = re.compile(
    r"\b(will|would|could|may|might|shall|expected to|set to|plans? to|aims? to|hopes? to|wants? to|seeks? to|"
    r"ready to|prepared to|willing to|on the verge of|close to|if|potential|prospective|proposed|to)"
    r"\s+(?:\w+\s+){0,2}$",
    re.I,
)

IRREALIS_ANYWHERE: Final = re.compile(r"\b(will|would|could|may|might|if)\b", re.I)
CAP: Final = re.compile(
    r"\b(?:up to|as many as|a maximum of|maximum of|no more than|capped at|a cap of|a limit of|a ceiling of|at most)\s+"
    r"(\d{1,3}(?:,\d{3})+|\d+|(?:[a-z]+[- ]){0,3}(?:hundred|thousand|dozen)|[a-z]+)\b"
    r"(\s+(?:\w+\s+){0,3}?(?:a|per|each) year|\s+(?:\w+\s+){0,3}?annually)?",
    re.I,
)
MONEY: Final = re.compile(
    r"(?:(?P<cur>US\$|\$|£|€|USD\s?|GBP\s?|EUR\s?)(?P<num>\d+(?:[.,]\d+)*)\s*(?P<mult>million|billion|thousand|bn|m|k)?\b)"
    r"|(?:\b(?P<num2>\d+(?:[.,]\d+)*)\s*(?P<mult2>million|billion|thousand)?\s*(?P<cur2>dollars|pounds|euros)\b)",
    re.I,
)
PAY_CONTEXT: Final = re.compile(
    r"\b(pa(?:y|ys|id|ying|yment|yments)|fund(?:s|ed|ing)?|cost(?:s|ing)?|grant|aid|assistance|compensation|"
    r"in exchange|money|receiv\w+|offer\w*|budget)\b",
    re.I,
)
PER_PERSON: Final = re.compile(r"\b(each|per) (?:person|migrant|asylum seeker|deportee|individual|head)\b", re.I)

MAX_PEOPLE: Final = 10_000_000  # a larger "cap" or group is a misreading, not a figure to store
MAX_AMOUNT: Final = 1e13  # ten trillion in any currency

NUMBER_WORDS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
}
CURRENCIES: Final = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
    "€": "EUR",
    "eur": "EUR",
    "euros": "EUR",
}
MULTIPLIERS: Final = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3, "k": 1e3}


def words_to_number(text: str) -> int | None:
    """'250' -> 250, '3,000' -> 3000, 'two hundred' -> 200, 'a dozen' -> 12; None if it is not a number."""
    cleaned = text.replace(",", "").strip().lower()
    if cleaned.isdigit():
        return int(cleaned)
    total, current = 0, 0
    for word in re.split(r"[\s-]+", cleaned):
        if word in ("and", "a", "an"):
            continue
        if word not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[word]
        if value in (100, 1000):
            current = max(current, 1) * value
            if value == 1000:
                total, current = total + current, 0
        elif value == 12 and word == "dozen":
            current = max(current, 1) * 12
        else:
            current += value
    number = total + current
    return number or None
