"""Words and phrases of news reporting on deportation agreements, as the extractor's rules use them.

Kept apart from the rules so that reviewers can read the vocabulary in one place. Verb and noun sets hold
spaCy lemmas; status patterns are regular expressions matched case-insensitively on one sentence.
"""

from __future__ import annotations

import calendar
import re
from typing import Final

from dakg.schema import STATUSES

# Receiving people: the subject of these is the host state.
HOST_VERBS: Final = frozenset(
    {
        "accept",
        "host",
        "receive",
        "welcome",
        "admit",
        "house",
        "resettle",
        "absorb",
        "shelter",
        "accommodate",
        "hold",
        "detain",
        "keep",
        "readmit",
    }
)
# Sending people away: the subject is the deporting state; "to X" names the host, "from X" the deporting state.
DEPORT_VERBS: Final = frozenset(
    {"deport", "expel", "remove", "send", "fly", "transfer", "relocate", "ship", "outsource", "offshore", "move"}
)
DEPORT_NOUNS: Final = frozenset(
    {"deportation", "deportee", "removal", "expulsion", "transfer", "relocation", "flight", "returnee", "ticket"}
)
# The deport nouns that are people (a state that holds them has them): "offered to hold deportees".
MOVED_PEOPLE: Final = frozenset({"deportee", "returnee"})
# Saying: "officials said they had signed" (the pronoun is the speakers' state).
SPEECH_VERBS: Final = frozenset(
    {"say", "confirm", "announce", "state", "tell", "insist", "add", "acknowledge", "admit", "claim", "report"}
)
# Keeping people in custody: a state that does it in another state sends them there.
CUSTODY_VERBS: Final = frozenset({"hold", "detain", "keep", "house", "accommodate"})
# Wanting or planning a move: "they want Germany to outsource the claims to Rwanda" proposes it.
WISH_VERBS: Final = frozenset({"want", "plan", "propose", "seek", "aim", "intend", "urge", "suggest", "push", "call"})
# Talks between two states, as a deal of theirs: "Denmark's talks with Rwanda".
TALK_NOUNS: Final = frozenset({"talk", "negotiation", "discussion"})
# Looking for states that will take people: "the United States has sought partners willing to take deportees".
SEARCH_VERBS: Final = frozenset({"seek", "look", "search", "find", "court", "woo", "scout"})
RECEIVER_NOUNS: Final = frozenset({"partner", "country", "state", "nation", "government", "host", "taker"})
SEARCH_PREPS: Final = frozenset({"for", "out"})  # "looking for countries", "seeking out partners"
# The article a state's name may carry in a table's cell ("the Netherlands | Uganda | ...").
CELL_ARTICLES: Final = ("the ",)
# A list of safe third countries a law or decree sets out: "the list named Serbia, Montenegro and Albania".
LIST_NOUNS: Final = frozenset({"list", "decree", "law", "regulation", "statute", "ordinance"})
LIST_VERBS: Final = frozenset({"name", "list", "include", "designate", "enumerate"})
SAFE_COUNTRIES: Final = re.compile(r"\bsafe (?:third )?countr(?:y|ies)\b(?! of origin)", re.I)  # not "of origin"
AGENT_WORDS: Final = frozenset({"by"})  # "a law designating safe third countries, passed by Greece": its maker
# The headings of a table's columns that name its sending state and its other state ("Country | Partner | Status").
TABLE_SENDER_HEADINGS: Final = frozenset(
    {"country", "state", "sending country", "sending state", "sender", "deporting country", "deporting state", "from"}
)
TABLE_HOST_HEADINGS: Final = frozenset(
    {
        "partner",
        "partner country",
        "partner state",
        "host",
        "host country",
        "host state",
        "third country",
        "destination",
        "receiving country",
        "receiving state",
        "to",
    }
)
# Renting a prison or places in another state: the renter sends people there ("Denmark will rent 300 cells").
RENT_VERBS: Final = frozenset({"rent", "lease", "hire"})
CELL_NOUNS: Final = frozenset({"cell", "place", "bed", "prison", "facility", "space", "centre", "center"})
RENTED_PLACES: Final = frozenset({"place", "bed", "cell", "space"})  # counted: "rent 300 places"
# "turn back", "push back" asylum seekers: sending them away (with the particle "back" or "away").
BACK_VERBS: Final = frozenset({"turn", "push", "ship", "fly", "escort", "tow"})
# "hand over" people to another state: sending them there (with the particle "over").
# A verb that itself says "back" ("ramener", "reconduire" in French): people brought back where they were sent from.
BACK_VERBS_ALONE: Final = frozenset[str]()
HAND_OVER_VERBS: Final = frozenset({"hand", "turn"})
# Deciding people's claims: the state that does it receives them ("Rwanda will process the claims", "processing on
# Nauru", "Paraguay shares responsibility for the examination of applications").
PROCESS_WORDS: Final = frozenset(
    {"process", "processing", "examine", "examination", "assess", "assessment", "adjudicate", "handle", "decide"}
)
CLAIM_NOUNS: Final = frozenset(
    {"claim", "application", "case", "request", "asylum", "applicant", "return", "readmission"}
)
# Places named by a state that people are sent away from ("returned from the Greek islands").
PLACE_NOUNS: Final = frozenset({"island", "coast", "port", "shore", "mainland", "border", "harbour", "harbor"})
# Money given for an arrangement: "the EU will provide €105 million", "pledged funding".
GIVE_VERBS: Final = frozenset({"provide", "give", "grant", "disburse", "pledge", "promise", "allocate", "transfer"})
FUNDING_NOUNS: Final = frozenset({"support", "funding", "fund", "aid", "assistance", "money", "grant", "payment"})
# "Italian-run centres", "a British-funded facility": who runs a place runs the scheme.
OWNER_SUFFIX: Final = re.compile(r"\s?[-–]\s?(?:run|operated|managed|funded|financed|built|controlled)\b", re.I)
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
# Money that people get ("migrants receive $3,500"), or are given in the passive ("were given $3,500").
GET_VERBS: Final = frozenset({"receive", "get", "obtain"})
GIVEN_VERBS: Final = frozenset({"give", "pay", "offer", "grant"})
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
        "ratify",
        "dismiss",
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
        "lease",
    }
)
# the body a head of government heads ("the Biden administration", "Starmer's government")
GOVERNMENT_NOUNS: Final = frozenset({"administration", "government"})
# where claims processed "abroad" are examined: the state that processes them so sends the people
ABROAD_WORDS: Final = frozenset({"abroad", "offshore", "overseas", "elsewhere"})
# "exploratory contacts with Uganda", "in contact with Kigali": a party to talks (``roles.deal-with``)
CONTACT_NOUNS: Final = frozenset({"contact"})
RELATIVE_PRONOUNS: Final = frozenset({"which", "that", "who"})  # "Denmark, which signed ..."
RESETTLE_VERBS: Final = frozenset({"resettle"})  # resettlement is arranged: people are moved
CONCLUSION_NOUNS: Final = frozenset({"conclusion", "signing"})  # "the signing with Washington of a deal"
# Nouns that name a concrete arrangement: speaking of "the deal" as a thing implies it was agreed.
ARRANGEMENT_NOUNS: Final = frozenset(
    {
        "agreement",
        "deal",
        "pact",
        "accord",
        "arrangement",
        "partnership",
        "memorandum",
        "protocol",
        "treaty",
        "scheme",
        "lease",
    }
)
# "made similar offers", "put forward the same proposal": an offer like the one named before (``pairs.similar-deal``)
# a scheme "of holding asylum seekers on Nauru" keeps people abroad (with a possessive owner: the owner sends them)
# a state's "idea of processing claims in Rwanda": a scheme of a purpose (only with a purpose clause)
PURPOSE_NOUNS: Final = frozenset({"idea", "bid", "practice"})
HOLD_ABROAD_VERBS: Final = CUSTODY_VERBS - {"keep", "accommodate"}  # not "keep migrants in Belarus" (keep them out)
OFFER_NOUNS: Final = frozenset({"offer", "pledge"})  # not "the same proposal" (a fellow sender's)
MAKE_OFFER_VERBS: Final = frozenset({"make", "extend", "submit", "table", "put"})  # who makes an offer, not rejects it
# what a deal or a centre is compared with: "similar agreements", "the same offer", "a comparable centre"
LIKE_WORDS: Final = frozenset({"similar", "same", "comparable", "identical", "parallel", "such"})
# A scheme named after where it sends people: "the Rwanda plan", "the Albania protocol", "the Safety of Rwanda Bill".
SCHEME_NOUNS: Final = ARRANGEMENT_NOUNS | frozenset(
    {"plan", "policy", "programme", "program", "model", "bill", "act", "law", "legislation", "solution", "mou"}
)
# What a receiving verb takes when it receives people (not "received an olive branch", "accepted the proposal").
RECEIVED_NOUNS: Final = frozenset(
    {
        "group",
        "batch",
        "flight",
        "plane",
        "planeload",
        "number",
        "share",
        "quota",
        "one",
        "some",
        "most",
        "all",
        "total",
        "maximum",
        "minimum",
        "ceiling",
        "handful",
        "dozen",
        "hundred",
        "thousand",
    }
)
# Building a place to hold people: "set up a return hub", "build two centres", "open a processing facility".
BUILD_VERBS: Final = frozenset({"set", "establish", "build", "open", "create", "construct", "run", "operate", "host"})
# Running a place people are held in, or their processing: "Australia keeps its offshore centre on Nauru".
RUN_VERBS: Final = frozenset({"run", "operate", "keep", "maintain", "manage", "fund", "finance", "open", "reopen"})
# Allowing a move: "a law that allows them to be flown", "the statement allowed Greece to return migrants".
ALLOW_VERBS: Final = frozenset({"allow", "permit", "enable", "authorise", "authorize"})
# Laws a state passes: one that lets people be sent abroad makes the state that passes it their sender.
LAW_NOUNS: Final = frozenset({"law", "bill", "legislation", "act", "decree", "amendment", "statute"})
# "nationals of X", "X citizens": the people hold X's nationality.
NATIONAL_NOUNS: Final = frozenset({"national", "citizen", "native", "passport", "compatriot"})
# "returned to X": sent to X, which is a host unless X is where the people come from.
RETURN_VERBS: Final = frozenset({"return"})
# "people arriving in the UK illegally will be sent to Rwanda": reaching a state (before being sent on from it).
ARRIVE_VERBS: Final = frozenset({"arrive", "land", "enter", "reach"})
# "a plane from Gran Canaria lands in Nouadhibou with 46 men on board": what carries people from one state to another
VEHICLE_NOUNS: Final = frozenset({"plane", "flight", "aircraft", "charter", "jet", "ship", "boat", "ferry", "bus"})
# The words that mark the one allowed to act where a language does so with a preposition (French « permettre à X
# de »); English allows its object ("allow X to").
DATIVE_MARKS: Final = frozenset[str]()
# "Kosovo's decision to receive deportees": what a state decides, offers or refuses to do.
INTENT_NOUNS: Final = frozenset(
    {"decision", "offer", "willingness", "readiness", "commitment", "pledge", "promise", "refusal", "agreement", "turn"}
)  # "turn": "ten days later it was Eswatini's turn to take in five men"
# "the agreement works in both directions": a deal that sends people each way.
BOTH_WAYS: Final = re.compile(r"\b(?:in both directions|both ways|reciprocal(?:ly)?|works either way)\b", re.I)
# "to have claims examined there" (French « faire examiner »): a verb that has others do what follows it.
CAUSATIVE_VERBS: Final = frozenset({"have", "get"})
# Calling for a step ("a motion calling on the government to negotiate agreements", "urged talks"): proposed.
CALL_VERBS: Final = frozenset({"call", "urge", "press", "demand", "ask", "push", "propose", "suggest", "advocate"})
# "- 14 April 2022: ...": the names of the months, as a timeline's entries begin.
MONTH_NAMES: Final = frozenset(name.lower() for name in calendar.month_name if name)
# "From: Home Office": the line of a press release that names who issues it.
ISSUER_LINE: Final = re.compile(r"\s*(?:From|Issued by|Published by)\s*:", re.I)
# "has not yet deported anyone": a sending not done so far, by a sender all the same.
NOT_YET: Final = frozenset({"yet"})
THERE_WORDS: Final = frozenset({"there"})  # "has not sent anyone there": a place, named before
# "Unlike Britain's plan ...": a scheme set against what the sentence goes on to say.
CONTRAST_WORDS: Final = frozenset({"unlike", "like"})
# "a pledge to take in 500 Syrian refugees": people resettled, not deported.
REFUGEE_NOUNS: Final = frozenset({"refugee"})
# "some 4,000 people left Israel": people named as people (not "young doctors"); "people who claim asylum": people at
# large (not "the man who ..."); "to another country": a state left unnamed.
PERSON_NOUNS: Final = frozenset({"people", "person", "family", "man", "woman", "child"})
PEOPLE_AT_LARGE: Final = frozenset({"people", "person", "those", "anyone", "everyone", "one", "who"})
SOME_STATE: Final = frozenset({"country", "state", "nation"})
# "people who claim asylum in Britain": the protection people seek, and the verbs of seeking it.
ASYLUM_WORDS: Final = frozenset({"asylum"})
SEEK_VERBS: Final = frozenset({"claim", "seek", "apply", "request", "lodge", "file"})
# "Nauru, where Australia sends new arrivals": the relative word of place.
WHERE_WORDS: Final = frozenset({"where"})
# "4,000 Eritreans left Israel for Rwanda": people leave the sender (the object) for the host ("for X").
LEAVE_VERBS: Final = frozenset({"leave"})
# "flights taking migrants to X", "brought to X": people carried to X (a destination, like "sent to X").
CARRY_VERBS: Final = frozenset({"take", "bring", "carry", "escort", "ferry", "bus"})
# "a network that already includes X, Y and Z" (of states that receive people).
GROUP_NOUNS: Final = frozenset({"network", "list", "group", "club", "number", "string", "roster", "coalition"})
# "the readmission of migrants by X": X takes them back.
READMISSION_NOUNS: Final = frozenset({"readmission", "return", "takeback"})
# "work with X", "cooperation between X and Y": with an arrangement in view, X is a party.
COOPERATE_WORDS: Final = frozenset(
    {
        "work",
        "cooperate",
        "cooperation",
        "partner",
        "partnership",
        "engage",
        "engagement",
        "negotiation",
        "talk",
        "relation",
        "discussion",
        "meet",
        "meeting",
        "dialogue",
    }
)
# Places people are held: "two migration centres in Albania", "a processing centre on Nauru".
FACILITY_NOUNS: Final = frozenset({"centre", "center", "facility", "camp", "hub", "prison", "jail", "shelter", "cell"})
# Where people are held or their claims decided: "runs a centre", "operated offshore processing", "detention".
HELD_PLACES: Final = FACILITY_NOUNS | PROCESS_WORDS | frozenset({"detention"})
# The European Union's member states (ISO 3166-1 alpha-3, 27 since 2020): to the Union none is a third country.
EU_MEMBERS: Final = frozenset(
    {"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA"}
    | {"LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"}
)
# Courts act for no party to an agreement.
COURT_NOUNS: Final = frozenset({"court", "judge", "tribunal", "justice", "judiciary", "bench"})
# Arrivals in the state that then sends people on: "people arriving in the UK illegally", "by small boat".
IRREGULAR_ARRIVAL: Final = re.compile(
    r"\b(?:illegally|irregularly|without (?:authori[sz]ation|permission|papers)|small boats?|by boat|unlawfully|"
    r"crossing the channel)\b",
    re.I,
)
# Words that make a destination hypothetical: "the possibility of eventual relocation to Canada".
HYPOTHETICAL: Final = frozenset(
    {"possibility", "option", "eventual", "eventually", "potential", "possible", "possibly"}
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
        "adult",
        "teenager",
        "youth",
        "boy",
        "girl",
        "prisoner",
        "inmate",
        "offender",
        "applicant",
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
        "navy",
        "coastguard",
        "police",
        "army",
        "military",
        "force",
        "guard",
        "agent",
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
    r"|offshor\w*|outsourc\w*|readmissions?|flown|flights?|planes?|aircraft|"
    r"(?:claims|applications) (?:\w+ ){0,3}?processed (?:in|on|abroad|outside)|"
    r"(?:process|processing|examin\w*|assess\w*) (?:of )?(?:\w+ ){0,2}?(?:claims|applications) "
    r"(?:in|on|abroad|outside|offshore))\b",
    re.I,
)
MIGRATION_NOUN: Final = re.compile(r"\b(migrants?|asylum[- ]seekers?|refugees?|deportees?|immigrants?)\b", re.I)
# A deal about moving people ("an asylum cooperation agreement", "a migration partnership"), and one about
# something else ("a trade pact"): what lets a known sending state lend two parties their direction.
MIGRATION_DEAL: Final = re.compile(r"\b(?:migra\w*|asylum|refugees?|deportees?|returns?|readmission)\b", re.I)
OTHER_DEAL: Final = re.compile(
    r"\b(?:trade|trading|tariffs?|security|defen[cs]e|military|energy|gas|oil|economic|investment|tax|climate|mining|"
    r"labou?r|mobility|visa|aviation|fisheries|nuclear|pensions?|social security|diplomas?|qualifications?)\b",
    re.I,
)

# "this deal", "that program", "the scheme", "these negotiations", "the two countries": the pair named before.
ANAPHOR: Final = re.compile(
    r"\b(this|that|the|these|those|such|similar)\s+(?:\w+\s+){0,2}?(agreement|deal|pact|accord|arrangement|partnership|"
    r"protocol|treaty|scheme|plan|programme|program|initiative|project|talks|negotiations|discussions|accord|lease|"
    r"memorandum|mou|declaration)s?\b"
    r"|\bthe two (countries|governments|nations|sides)\b"
    r"|\b(the|these|those)\s+(?:[\w-]+\s+){0,2}?(centre|center|facilit(?:y|ie)|camp|hub)s\b",  # the deal's places
    re.I,
)
# "his country", "her government": the state of the official named in the same sentence.
POSSESSIVE_COUNTRY: Final = re.compile(r"\b(?:his|her) (?:country|government|nation)\b", re.I)
# "the country", "the small southern African kingdom", "the absolute monarchy", "the mountain republic": a state
# named before. Not "the third country", "the home country", "the host country", "the country of origin" — those
# are roles, not a state.
_NOT_A_STATE = (
    r"third|home|host|origin|other|another|receiving|destination|sending|member|partner|transit|safe|first|same|"
    r"whole|entire|respective|two|three|several|many|neighbouring|neighboring|each|every|next|latest|last|only"
)
COUNTRY_ANAPHOR: Final = re.compile(
    r"\b[Tt]he (?!(?:" + _NOT_A_STATE + r")\b)(?:(?:[a-z]+|East African|West African|Central American|"
    r"Southern African|Balkan|Gulf|Pacific)\s+){0,2}(?:country|nation|kingdom|monarchy|republic)\b(?!\s+of\b)",
    re.I,
)

# The region a description names ("the Central American country"), as the gazetteer's ``regions`` keys it.
REGION_WORDS: Final = {
    "central american": "central american",
    "east african": "east african",
    "west african": "west african",
    "southern african": "southern african",
    "balkan": "balkan",
    "gulf": "gulf",
    "pacific": "pacific",
}

# "sent on from Guatemala to their home countries": the people go home, not to another state of the story.
HOME_DESTINATION: Final = re.compile(
    r"\bto (?:their|his|her) (?:own )?(?:home countr(?:y|ies)|countr(?:y|ies) of (?:origin|nationality))\b", re.I
)

# "his country", "her government": an office holder's state (ingest/rules/mentions.py, an-officials-country).
OWN_COUNTRY: Final = re.compile(r"\b(?:[Hh]is|[Hh]er) (?:country|nation|government)\b")

# Humanitarian mechanisms, not deportation: an arrangement made with the UN refugee agency ("an emergency transit
# mechanism agreed by Rwanda, the UN refugee agency UNHCR and the African Union", "an agreement with the UN refugee
# agency under which 16,250 Eritreans would be resettled in Western countries").
_REFUGEE_AGENCY = r"(?:UNHCR|(?:UN|U\.N\.|United Nations) (?:refugee agency|High Commissioner for Refugees))"
HUMANITARIAN: Final = re.compile(
    r"\b(?:agreement|accord|deal|mechanism|arrangement|memorandum)\s+with\s+(?:the\s+)?" + _REFUGEE_AGENCY + "|"
    r"\b(?:agreed|signed|concluded)\b[^.;]{0,20}?\bby\b[^.;]{0,60}?" + _REFUGEE_AGENCY,
    re.I,
)

# "their countries", "these governments", "the five nations": the states of the list named just before.
LISTED_STATES: Final = re.compile(
    r"\b(?:[Tt]heir|[Tt]hese|[Tt]hose|[Tt]he (?:three|four|five|six|seven|eight|nine|ten)|"
    r"[Aa]ll (?:three|four|five|six)) (?:countries|nations|governments|states)\b"
)
# "the two countries", "both governments": the last two states named before.
TWO_STATES: Final = re.compile(r"\b(?:[Tt]he two|[Bb]oth) (?:countries|nations|governments|states)\b")

# (name, status, pattern, strength): the wording of each status, matched case-insensitively on one sentence. Future,
# conditional or intended wording is downgraded by dakg.ingest.rules.status, and denials kept as negated claims.
_COURT = r"(?:courts?|judges?|justices?|tribunals?|judiciary)"
_PEOPLE_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?)"
STATUS_PATTERNS: Final[tuple[tuple[str, str, re.Pattern[str], float], ...]] = tuple(
    (name, status, re.compile(pattern, re.I), strength)
    for name, status, pattern, strength in (
        ("struck-down", "struck_down", r"\b(?:struck down|strikes? down|striking down|quashed|invalidated)\b", 1.0),
        (
            "ruled-unlawful",
            "struck_down",
            rf"\b{_COURT}\b[^.;]{{0,80}}?\b(?:ruled|rules|found|finds|held|holds|concluded|decided|declared|judged)\b"
            r"(?:(?!\bwhether\b|\bnot\b|n't\b)[^.;]){0,160}?\b(?:unlawful|illegal|unconstitutional|invalid|in breach|"
            r"(?:breach(?:ed|es)|violat(?:ed|es)|contravened?) (?:[\w'’]+ ){0,3}?"
            r"(?:constitution|law|convention|rights|obligations|charter))\b|\bdeclared (?:\w+ ){0,4}"
            r"(?:unlawful|illegal|unconstitutional)|\bruled against\b|"
            rf"\b(?:unlawful|illegal|unconstitutional)\b[^.;]{{0,60}}?\b{_COURT}\b[^.;]{{0,30}}?\b(?:ruled|found|held)\b",
            1.0,
        ),
        ("court-ruled-out", "struck_down", rf"\b{_COURT}\b[^.;]{{0,40}}?\bruled out\b", 1.0),
        (
            "court-halted",
            "suspended",
            rf"\b{_COURT}\b[^.;]{{0,40}}?\b(?:temporarily |provisionally )?(?:blocked|halted|paused|stayed|"
            r"imposed a stay|refused to (?:validate|approve|uphold)(?! (?:the |their |his |her )?(?:\w+ )?"
            r"(?:detentions?|custody)))",
            1.0,
        ),
        (
            "scrapped",
            "scrapped",
            r"\b(?:scrap(?:ped|s|ping)?|abandon(?:ed|s|ing)?|abort(?:ed|s|ing)?|defunct|ax(?:ed|es|ing)|cancel(?:l?ed|s|l?ing)?|"
            r"(?<!-)ditch(?:ed|es|ing)?|terminat(?:ed|es|ing)|tore up|torn up|shelved|killed off|dead and buried|"
            r"pulled out of|withdr(?:ew|awn) from|backed out|(?:was|is) over|lapsed|expired|wound up|put an end to|"
            r"(?:deal|agreement|arrangement|scheme|plan|partnership|accord|pact|talks|negotiations)s?"
            r"(?:,? [\w-]+){0,10} (?:collapsed|collapses|f[ae]ll(?:s|en)? through)|"
            r"(?:deal|agreement|arrangement|scheme|partnership|accord|pact|memorandum|programme|program)"
            r"(?:,? [\w-]+){0,4} (?:will end|ended|ends|came to an end|ran out)|"
            r"end(?:s|ed|ing)? (?:the |its |their |a |an )?(?:[\w-]+ ){0,3}(?:deals?|agreements?|schemes?|programmes?|"
            r"programs?|polic(?:y|ies)|partnerships?|accords?|arrangements?|pacts?)|"
            r"drop(?:s|ped|ping)? (?:the |its |their |a |an )?(?:[\w-]+ ){0,3}(?:deals?|agreements?|schemes?|plans?|"
            r"programmes?|programs?|polic(?:y|ies)|partnerships?|accords?|arrangements?|pacts?))\b",
            1.0,
        ),
        (
            "suspended",
            "suspended",
            r"\b(?:suspend(?:ed|s|ing)?|paus(?:ed|es|ing)|put on hold|on hold|halt(?:ed|s|ing)|frozen|grounded|"
            r"(?:has|have|had) stalled|stalls|stalled(?= (?:in|last|after|over|amid|when|since)\b|[,.;])|"
            r"(?:put )?on ice)\b",
            1.0,
        ),
        (
            "carried-out",
            "implemented",
            r"\b(?:first (?:flight|group|deportees?|migrants?|people|arrivals?|batch|returns|transfers|deportations|"
            r"removals)|"
            r"(?:were|was|have been|had been|has been|being) (?:\w+ )?"
            r"(?:deported|flown|sent|transferred|relocated|removed|expelled|taken|brought|shipped|moved|returned) "
            r"(?:\w+ ){0,4}?to|"
            r"(?:have|has|had)(?: already)? arrived|arrived (?:\w+ )?in|landed in|"
            rf"(?:deported|flew|sent|transferred|relocated|removed|expelled) (?:\w+ ){{0,2}}{_PEOPLE_COUNT} "
            r"(?:\w+ ){0,2}(?:to|from)|"
            r"(?:has|have|had) (?:deported|sent|flown|transferred|relocated) (?:\w+ ){0,3}to|"
            r"(?:has|have|had) (?:so far |already |now )?(?:received|taken in|welcomed|housed) "
            r"(?:a |the |its |their |an? )?(?:first |second |latest |new |initial )?"
            rf"(?:group|batch|flight|{_PEOPLE_COUNT})|"
            r"(?:received|welcomed|took in) (?:the |its )?first|began (?:receiving|accepting|deporting|sending)|"
            r"(?:have|has|had) been (?:receiving|accepting|taking in|housing) |confirmed (?:the )?receipt of|"
            # people a state received: "three migrants it received from the U.S.", "the deportees Ghana took in"
            rf"{_PEOPLE_COUNT} (?:[\w-]+ ){{0,2}}?(?:deportees|migrants|people|men|women|nationals|asylum seekers) "
            r"(?:it|they|(?!who\b|which\b|that\b|had\b|have\b)[A-Z][a-z]+) "
            r"(?:received|took in|has received|had received|has taken in|had taken in)"
            r"(?! no\b))\b",
            0.9,
        ),
        (  # "the agreements with El Salvador and Honduras are not yet in effect": concluded, awaiting force
            "not-yet-in-force",
            "signed",
            r"\b(?:(?:is|are|was|were|has|have|had)(?: been)? not yet "
            r"(?:in (?:force|effect)|entered into (?:force|effect)|taken effect|ratified)|"
            r"(?:has|have|had) yet to (?:enter into|come into|take) (?:force|effect))\b",
            0.9,
        ),
        (
            "in-force",
            "in_force",
            r"\b(?:came into (?:force|effect)|entered into (?:force|effect)|took effect|in force|ratified|"
            r"(?<!to )(?:became|becomes|become|passed into) law|(?:received|receives|given|gained) royal assent|"
            r"(?:deal|agreement|arrangement|pact|accord|memorandum|protocol|partnership|scheme|programme)s?"
            r"(?:,? [\w-]+){0,10}? (?:was|were|has been|have been|had been) extended "
            r"(?:until|to|for|by|through|beyond))\b",
            1.0,
        ),
        (  # "a decision designating Turkey a 'safe third country'": a designation, in force once made
            "designated-safe",
            "in_force",
            r"\bdesignat(?:ed|es|ing|e)\b[^.;:]{0,60}?\b(?:as )?(?:an? )?[\"“‘']?safe third countr(?:y|ies)\b",
            0.9,
        ),
        (
            "signed",
            "signed",
            r"\b(?:signed|signs|signing|sign|inked|inks|formali[sz]e[sd]|seal(?:ed|s)|put their names to|concluded|"
            r"renew(?:ed|s)|"
            r"memorandum of understanding)\b",
            1.0,
        ),
        (
            "agreed",
            "agreed",
            r"\b(?:agreed|agrees|agreeing|(?:reach(?:ed|es)?|strikes?|struck|mak(?:es|e)|made|cuts?|clinch(?:ed|es)?|"
            r"forge[sd]?|enter(?:ed|s)? into|engaged in) "
            r"(?:an? |the )?(?:\w+ ){0,2}(?:deals?|agreements?|accords?|arrangements?|partnerships?)|"
            r"(?:deals?|agreements?|arrangements?),? (?:was |were |has been |had been )?reached|"
            # "agreements the Trump administration struck with Eswatini": the deal, then who made it
            r"(?:deals?|agreements?|arrangements?|accords?|pacts?) (?:that |which )?(?:the |its |their )?"
            r"(?:[\w-]+ ){1,4}?(?:has |have |had )?(?:struck|reached|cut|clinched|forged)(?= with\b)|"
            r"announced (?:a |an |the )?(?:\w+[- ]){0,2}(?:deal|agreement|pact|accord|protocol|partnership)|"
            r"(?:deal|agreement|pact|accord|arrangement|partnership)s? (?:was |were |has been |had been )?announced|"
            r"approved|consented|committed to|initial(?:l)?ed|"
            r"(?:join|follow)(?:s|ed|ing)? (?:[\w-]+,? (?:and )?){1,6}?in (?:accepting|receiving|taking|hosting))\b",
            0.9,
        ),
        (
            "talks",
            "under_negotiation",
            r"\b(?:in talks|talks|negotiat(?:ions?|ing|ed|e)|in discussions?|discussions?|discussing|on the verge of|"
            r"(?:was|were|had been|have been|has been) discussed|"
            r"close to (?:a |an |finali[sz]ing|signing|reaching)|finali[sz]ing|nearing (?:a|an) (?:deal|agreement)|"
            r"explor(?:ing|es|ed|e)|mov(?:e|es|ed|ing) forward (?:on|with)|"
            r"(?:weigh|consider|mull|eye)(?:s|ing|ed)? (?:a |an |the )?(?:[\w-]+ ){0,2}?"
            r"(?:deal|agreement|plan|proposal|arrangement|partnership|scheme)|"
            r"(?:is|are|was|were|has been|have been) (?:studying|considering|examining|assessing) (?:whether|how)|"
            r"(?:is|are|was|were) (?:prepared|ready|willing) to|engaged in (?:\w+ ){0,2}?"
            r"(?:talks|discussions|negotiations|dialogue)|in contact|imminent|(?:still )?being worked out|"
            r"exploratory (?:talks|contacts|discussions)|contacts with)\b",
            0.9,
        ),
        (
            "latest-to-sign",
            "signed",
            r"\b(?:become|became|becomes|is|was) the (?:latest|newest|first|second|third|fourth|fifth|sixth|"
            r"seventh|\w+th) (?:[\w-]+ ){0,3}?(?:country|nation|state|government)(?:, [^,]{1,60},)? "
            r"to (?:sign|ink|formali[sz]e)\b",
            1.0,
        ),
        (
            "latest-to-agree",
            "agreed",
            r"\b(?:become|became|becomes|is|was) the (?:latest|newest|first|second|third|fourth|fifth|sixth|"
            r"seventh|\w+th) (?:[\w-]+ ){0,3}?(?:country|nation|state|government)(?:, [^,]{1,60},)? "
            r"to (?:agree|accept|take|receive|"
            r"host|welcome)\b(?!\s+(?:\d|about|some|nearly|more than))",  # not "the first to accept 119 deportees"
            0.9,
        ),
        (
            "moves-began",
            "implemented",
            r"\b(?:flights|deportations|transfers|removals|relocations) (?:[\w,-]+ ){0,8}?(?:began|started|resumed|"
            r"(?:have|has) (?:begun|started|resumed)|took place|(?:have|has|had) taken place)\b|"
            r"\bconfirmed (?:receiving|having received|the arrival of) "
            r"(?:[\w-]+ ){0,3}?(?:deportees|migrants|people|men|women|nationals|asylum seekers|group|flight|batch)\b",
            0.9,
        ),
        (
            "confirmed-the-deal",
            "agreed",
            r"\bconfirm(?:ed|s|ing)? (?:the |a |an |its |their )?(?:[\w-]+ ){0,2}?"
            r"(?:deal|agreement|arrangement|accord|pact)\b",
            0.9,
        ),
        (
            "joint-statement",
            "under_negotiation",
            r"\b(?:issued|issues|released|adopted|published|made) (?:a |an )?joint "
            r"(?:statement|declaration|communiqu[eé])",
            0.8,
        ),
        (  # "Montenegro and North Macedonia have made similar offers": an offer like the one named just before
            "similar-offer",
            "proposed",
            r"\b(?:made|make|makes|making|extended|submitted|tabled) "
            r"(?:a |an )?(?:similar|the same|comparable) offers?\b",
            0.8,
        ),
        (
            "proposed",
            "proposed",
            r"\b(?:propos(?:ed|es|ing) (?:a |an |the |to )?(?:\w+ ){0,2}?"
            r"(?:deal|agreement|plan|scheme|arrangement|send|deport|transfer|relocate|take|accept|host)|"
            r"proposals?|floated|offer(?:ed|s|ing)? to (?:take|accept|host|receive|hold|house|detain|keep|welcome)|"
            r"open to (?:accepting|receiving|taking|hosting)|"
            # "rejected outright the idea that Africans deported from Italy could be sent to Tunisia"
            r"(?:the|an|this|that|its|their|[\w-]+['’]s) idea (?:that|of)|"
            # "a US request to take in deportees", "no request from Washington to accept them"
            r"requests? (?:from [\w .-]{1,30}? )?to (?:take|accept|receive|host|house|hold)|"
            # a request of the receiving state: "asked Gabon, Liberia and Senegal to accept deportees"
            r"(?:asked|asks|asking|pressed|presses|pressing|urged|urges|urging|requested|requests|approached|"
            r"sounded out|sounds out|sounding out) "
            r"(?:[\w.'’-]+,? ){1,12}?(?:(?:to|about) (?:take|accept|receive|host|house|taking|accepting|receiving|"
            r"hosting|housing)|(?:about|on) (?:an? |the )?(?:\w+ )?(?:arrangements?|deals?|agreements?|schemes?|"
            r"partnerships?))|"
            r"(?:plans?|planned|wants?|seeks?|aims?|intends?) to (?:send|deport|transfer|relocate|fly|remove|sign|"
            r"conclude|strike|reach)|(?:prospective|potential|possible) (?:\w+ ){0,2}?"
            r"(?:deal|agreement|arrangement|pact|acceptance|partnership))\b",
            0.7,
        ),
    )
)
# Rule switch (dakg.ingest.rules.pairs): two states named as subjects where a third is the one a deal is "with" are
# on one side of it ("Rwanda and Uganda deny any deal with Israel"). Off in English for now: turning it on changes
# the English figures (devset2: one false pair fewer), which the change that brought French kept unchanged.
SUBJECTS_SHARE_A_SIDE: Final = False
# Rule switch (dakg.ingest.rules.officials): a title's state may follow it as a demonym ("le ministre rwandais des
# Affaires étrangères"); English puts it before ("the Rwandan foreign minister").
TITLE_THEN_DEMONYM: Final = False
# "Ghana became the latest country to accept deportees, after Eswatini": the newest of several to do the same.
LATEST_TO: Final = re.compile(
    r"\b(?:become|became|becomes|is|was) the (?:latest|newest|second|third|fourth|fifth|sixth|seventh|\w+th) "
    r"(?:[\w-]+ ){0,3}?(?:country|nation|state|government)(?:, [^,]{1,60},)? to (?:sign|agree|accept|take|receive|"
    r"host|welcome|join)\b",
    re.I,
)
# Documents of intent: signing one is not signing the arrangement ("signed a joint statement ... exploring").
INTENT_DOCUMENTS: Final = frozenset({"statement", "declaration", "letter", "communique", "communiqué"})
# A letter of intent is an arrangement's first written form: a sentence naming one speaks of an agreement.
LETTER_OF_INTENT: Final = re.compile(r"\b(?:letters?|declarations?|statements?) of intent\b", re.I)
COURT_WORDS: Final = re.compile(_COURT, re.I)
STATUS_ORDER: Final = {status: stage for stage, status in enumerate(STATUSES)}

DENIAL: Final = re.compile(
    r"\b(den(?:y|ies|ied|ying)|rejected (?:reports|claims)|no (?:such )?(?:deal|agreement)|"
    r"(?:has|have|had) not (?:agreed|signed)|never agreed|dismissed (?:reports|claims))\b",
    re.I,
)
# Words before a trigger that make it future, conditional or intended rather than done.
IRREALIS: Final = re.compile(
    r"\b(will|would|could|may|might|shall|expected to|set to|plans? to|aims? to|hopes? to|wants? to|seeks? to|"
    r"ready to|prepared to|willing to|on the verge of|close to|if|once|unless|until|potential|prospective|proposed|"
    # a bare "to" is not among them: "refused to go home were then moved", "is reported to have agreed", "the pact to
    # send people to Moldova was extended" report what happened; the infinitives of what is to come are named
    r"due to|scheduled to|slated to|poised to|about to|(?:is|are|was|were) to|intends? to|(?:has|have) yet to)"
    r"\s+(?:\w+\s+){0,2}$",
    re.I,
)

IRREALIS_ANYWHERE: Final = re.compile(r"\b(will|would|could|may|might|if)\b", re.I)
# A ceiling on people: "up to 250", "as many as 160", "a maximum of 3,000", "capacity for 3,000"; the number may be
# written in words ("fifty", "two hundred"); a period after it keeps the cap per period ("300 a year").
_UNITS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?"
)
NUMBER: Final = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s?(?:million|thousand))?|(?:[a-z]+[- ]){0,3}(?:hundred|thousand|dozen)"
    rf"(?:(?:\s+and)?\s+{_UNITS}\b)?|"  # "two hundred and fifty"
    r"[a-z]+(?:-[a-z]+)?)"  # "seventy-five"
)
PERIOD: Final = (
    r"(?P<period>\s+(?:[\w-]+\s+){0,3}?(?:a|per|each|every)\s+(?P<unit>year|month|week|day)|"
    r"\s+(?:[\w-]+\s+){0,3}?(?P<adverb>annually|yearly|monthly|weekly))?"
)
# The words of PERIOD's ``unit`` and ``adverb`` groups, and the period a cap is kept with.
PERIOD_WORDS: Final = {
    "annual": "per year",
    "year": "per year",
    "month": "per month",
    "week": "per week",
    "day": "per day",
    "annually": "per year",
    "yearly": "per year",
    "monthly": "per month",
    "weekly": "per week",
}
CAP: Final = re.compile(
    r"\b(?:up to|as many as|a maximum of|maximum of|no more than|capped at|at most|"
    r"(?:a|an) (?:(?P<every>yearly|annual|monthly|weekly) )?(?:cap|limit|ceiling|quota) of|"
    r"a total of|limited to|not (?:to )?exceed|"
    r"(?P<count>number of (?:[\w-]+\s+){1,8}?(?:is|was|will be|would be|has been|had been)\s+"
    r"(?:confirmed |set |fixed |capped |limited |put )?(?:to be|at)|"
    r"(?:limits?|limited|caps?|capped|restricts?|restricted) the number of (?:[\w-]+\s+){1,8}?"
    r"(?:to|at(?=\s+(?:\d|some|about|around|approximately)\b)))|"
    r"capacity (?:for|of)|(?:room|space|places) for)"
    r"\s+(?:some\s+|about\s+|around\s+|approximately\s+)?(?P<number>" + NUMBER + r")\b" + PERIOD,
    re.I,
)
# A fixed number the arrangement is for: "agreed to host 50 deportees", "to detain approximately 300 migrants".
# A ceiling worded after the number and the people it counts: "160 people at most".
CAP_AFTER: Final = re.compile(r"\b(?:at (?:the )?most|maximum|at the outside)\b", re.I)
FIXED_NUMBER: Final = re.compile(
    r"\b(?:(?:about|around|approximately|some|roughly|nearly)\s+)?(?P<number>" + NUMBER + r")\b" + PERIOD, re.I
)
# Words that make a number a guess or a risk, not what an arrangement provides for.
HEDGES: Final = re.compile(
    r"\b(?:estimat\w*|expected|could (?:affect|reach|be at risk)|at risk|might|as many as .* could|affect(?:s|ed)?|"
    r"potentially|percent|per ?cent)\b|%",
    re.I,
)
MONEY: Final = re.compile(
    r"(?:(?P<cur>(?:AU|A|NZ|CA|C|US)\$|\$|£|€|USD\s?|GBP\s?|EUR\s?|AUD\s?)(?P<num>\d+(?:[.,]\d+)*)\s*(?P<mult>million|billion|thousand|bn|m|k)?\b)"
    r"|(?:\b(?P<num2>\d+(?:[.,]\d+)*)\s*(?P<mult2>million|billion|thousand)?\s*(?P<cur2>dollars|pounds|euros)\b)",
    re.I,
)
PAY_CONTEXT: Final = re.compile(
    r"\b(pa(?:y|ys|id|ying|yment|yments)|fund(?:s|ed|ing)?|cost(?:s|ing)?|grant|aid|assistance|compensation|"
    r"in exchange|money|receiv\w+|offer\w*|budget|pledg\w*|provid\w*|financ\w*|transferr?\w*)\b",
    re.I,
)
PER_PERSON: Final = re.compile(r"\b(each|per) (?:person|migrant|asylum seeker|deportee|individual|head)\b", re.I)


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
    "au$": "AUD",
    "a$": "AUD",
    "aud": "AUD",
    "nz$": "NZD",
    "ca$": "CAD",
    "c$": "CAD",
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


# A newsletter's or explainer's label that opens running text ("Why it matters: Ghana joins ..."), unlike a list
# item's ("Key point: ...", "Related: ...").
PROSE_LABEL: Final = re.compile(
    r"(?:why it matters|the big picture|big picture|background|context|driving the news|state of play|the latest|"
    r"what happened|what's next|what’s next|what comes next|between the lines|the bottom line|bottom line|"
    r"flashback|zoom in|zoom out|catch up quick|by the numbers|the backstory|what they're saying|"
    r"what they’re saying)\s?:\s",
    re.I,
)
