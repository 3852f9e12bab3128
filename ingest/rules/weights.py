"""Every weight and threshold the extraction rules use, in one place.

Weights are the strength of one piece of evidence, between 0 and 1; a claim's confidence is the product of
the weights it rests on (the pair's and the value's), rounded to two decimals. They were set by hand on the
development texts and are not probabilities.
"""

from __future__ import annotations

from typing import Final

# --- roles (stage 2) ---------------------------------------------------------------------------------------
DEPORTED_FROM: Final = 0.9  # "deported from X", "deportees from X"
CARRIED_FROM: Final = 0.6  # "a plane from X landed in Y with 46 men on board"
DEPORTED_BY: Final = 0.9  # "deported by X"
SENT_TO: Final = 0.9  # "sent to X", "deportation flights to X"
SUBJECT_OF_RECEIVE: Final = 0.8  # "X agreed to accept", "X will host" (the verb itself or its xcomp)
SUBJECT_OF_RECEIVE_FAR: Final = 0.6  # the receiving verb further down the chain ("X signed a deal to host")
SUBJECT_OF_DEPORT: Final = 0.8  # "X deported five men"
SUBJECT_OF_DEPORT_FAR: Final = 0.6  # "X signed a deal to send"
TURNED_BACK: Final = 0.7  # "turns back asylum seekers who arrive from X": sent back to X
ARRIVED_IN: Final = 0.7  # "arrived in X", "held in X", "centres built in X"
ARRIVED_BEFORE_TRANSFER: Final = 0.7  # "people arriving in X may be transferred to Y": X sends them on
ON_SOIL: Final = 0.7  # "centres on Albanian soil"
FROM_SOIL: Final = 0.9  # "removed from American soil"
LEFT: Final = 0.7  # "asylum seekers who leave X"
# "people who have no right to remain in X": X sends them away — but often home, under a returns deal, so this
# only leans a state towards sending (under ROLE_MIN), it never makes a side by itself
NO_RIGHT_TO_STAY: Final = 0.45
ACCEPT_FROM: Final = 0.7  # "accept migrants from X"
DEPORTATION_OF: Final = 0.7  # "X's deportation drive", "US deportation flights"
DESTINATION: Final = 0.6  # "X became a destination for deportees"
RECEIVERS_LISTED: Final = 0.7  # "joining X and Y as countries to receive deportees"
READMITTED_BY: Final = 0.8  # "the readmission of migrants by X"
PROCESSES: Final = 0.7  # "Rwanda will process the claims", "processing on Nauru"
ASKS_TO_RECEIVE: Final = 0.6  # "The United States wants Ecuador to accept 300 people a year"
SEEKS_RECEIVERS: Final = 0.7  # "the United States has sought partners willing to take deportees"
OFFERS_GROUND: Final = 0.7  # "Albania will make available areas of its territory"
BUILDS_CENTRES: Final = 0.6  # "Italy will build and run two facilities"
SAFE_THIRD: Final = 0.7  # "Greece has designated Turkey a safe third country"
LISTED_SAFE: Final = 0.6  # "the decree listing safe third countries named Serbia, Montenegro and Albania"
TABLE_COLUMN: Final = 0.7  # "Italy" under the heading "Country" of a table whose other column is "Partner"
TABLE_ROW_PARTY: Final = 0.5  # "Italy | Albania | Protocol": the first two cells of a row under no such header
HOLDS_ABROAD: Final = 0.7  # "Italy can hold 3,000 people in the Albanian centres"
OWNER_RUN: Final = 0.7  # "Italian-run centres"
HELD_UNDER_A_SCHEME: Final = 0.7  # "Australia's policy of holding asylum seekers on Nauru": where they are held
HELD_FOR: Final = 0.55  # "Kosovo will hold prisoners for Denmark": the state they are held for sends them
OWNER_SCHEME: Final = 0.5  # "an Israeli plan to expel"
OWNER_DEALS: Final = 0.6  # "the US third-country deals" (a state known for sending): enough to be the story's sender
SENT_TO_FAR: Final = 0.7  # "send people who cross the Channel ... to Rwanda": "to" hung on the people's words
NAMED_PARTNER: Final = 0.5  # "Rwanda is the government's preferred partner": where people would go (weak)
SCHEME_NAMED: Final = 0.55  # "the Rwanda plan": named after where it sends people (weak: "the US deal" happens too)
THIRD_COUNTRY_NAMED: Final = 0.7  # "to a third country, reported to be Uganda"
VIA: Final = 0.7  # "return via Uganda"
HELD_ON: Final = 0.6  # "refugees on Nauru"
FACILITY_PARTNER: Final = 0.6  # "a letter of intent with Uganda to set up a return hub"
COURT_STATE: Final = 0.6  # "the UK Supreme Court ruled that sending people to Rwanda ...": the UK sends them
PAYER: Final = 0.6  # "X will pay ..." (the state that pays for the arrangement)
PAID: Final = 0.6  # "paid X £240m"
PARTY_WITH: Final = 0.6  # "a deal with X", "talks between X and Y"
PARTY_PLACE: Final = 0.5  # "In Kampala, the ministry confirmed a deal with Washington": the place a sentence opens with
PARTY_SUBJECT: Final = 0.5  # "X signed", "X agreed" (no direction)
PARTY_PASSIVE: Final = 0.4  # "X was asked to sign"
PARTY_NOUN: Final = 0.4  # "X's agreement", subject of a clause about the arrangement
PARTY_APPROACHED: Final = 0.4  # "the administration approached the government in Malabo"
PARTY_OFFICIAL: Final = 0.5  # an official who signs or agrees, for the state they act for
PARTY_OFFICIAL_NAMED: Final = 0.45  # an official of another state named beside one side: that state, weakly
HYPHEN_PAIR: Final = 0.5  # "the UK–Rwanda scheme": deporting state first, by news convention
NATIONALITY: Final = 0.8  # "Iraqi migrants", "men from Cuba", "nationals of Nigeria"
ORIGIN: Final = 0.6  # "people from France": their nationality, or only where they set out (not a state's nationals)

ROLE_MIN: Final = 0.5  # a role weaker than this does not make a country a host or deporting state in a sentence
MIXED_ORIGINS: Final = 3  # people of this many nationalities or more: sent to one of their states is no return home
ROLE_TIE: Final = 0.15  # host and deporting evidence closer than this: the country is only a party
STRONG_ROLE: Final = 0.6  # counts towards the document's view of a country's role
MOVED_BETWEEN: Final = 0.7  # both sides this strong, with the people's nationality: a sentence about moving people
DECISIVE: Final = 0.9  # a role this strong makes a sentence about deportation whatever its words

# --- pairs (stage 3) ---------------------------------------------------------------------------------------
PAIR_BOTH_SIDES: Final = 0.9  # the sentence names a deporting and a host state
PAIR_BOTH_CLAUSES: Final = 0.7  # the sentence's one deporting state, named in a clause beside the host's
PAIR_WITH_PARTY: Final = 0.8  # one side, and the one other party named in the sentence
PAIR_WITH_PARTIES: Final = 0.7  # one side, and one of several parties
PAIR_SIDE_AND_PARTY_APART: Final = 0.5  # the one side and the one party, in different clauses, with a status or value
PAIR_WITH_OFFICIAL: Final = 0.55  # one side, and the state of an official the sentence names
PAIR_DOCUMENT_PARTNER: Final = 0.6  # one side; the other from the rest of the document
PAIR_PARTIES_ORIENTED: Final = 0.6  # two parties; the direction from the rest of the document
PAIR_CO_MENTIONED: Final = 0.35  # two states named together, oriented by the document: under DAKG_MIN_CONFIDENCE
PAIR_RECURRING: Final = 0.5  # ... named together again and again in the story: over DAKG_MIN_CONFIDENCE
RECURRING: Final = 3  # how many sentences about the matter must name the two together
LEANING_MARGIN: Final = 0.5  # how much more one of two co-mentioned states must lean to receiving
PAIR_REFERENCE: Final = 0.55  # two parties; the sender is the one known for sending (a reference basis)
REFERENCE_PARTIES_MAX: Final = 4  # ... with at most this many parties in the sentence (else a list, not a deal)
PAIR_SCHEME_PARAGRAPH: Final = 0.7  # "the Albania protocol", and the one known sender its paragraph names
# "the Rwanda plan" in a text that names no sender: its usual sender (reference). As strong as a pair kept without a
# value needs; its claims' confidence is this times the status's (0.42 for a scheme named with no status word)
PAIR_USUAL_SENDER: Final = 0.7
PAIR_OWNER_PARTNER: Final = 0.7  # "Italy's protocol with Albania": a state's deal with another (the known sender sends)
PAIR_PARTY_SENDER: Final = 0.55  # one party; the document's one sending state sends to it
PAIR_ENTRY: Final = 0.55  # a roundup entry's state, in a sentence of the entry; the document's one sender sends to it
PAIR_ANAPHOR: Final = 0.55  # "the deal", "that programme": the pair named just before
PAIR_ANAPHOR_REACH: Final = 3  # how many sentences back "the deal" may reach
PAIR_ONLY_AGREEMENT: Final = 0.45  # a country-less sentence in a document about one agreement
HEADLINE: Final = 0.85  # a pair the headline names: headlines compress and sometimes overstate
PAIR_MIN_WITHOUT_VALUE: Final = 0.6  # a pair weaker than this is kept only where it carries a value
DIRECTION_MARGIN: Final = 1.5  # A→B and B→A in one document: the weaker goes unless the stronger is this much stronger

# --- values (stage 4) --------------------------------------------------------------------------------------
IRREALIS_FACTOR: Final = 0.8  # "will sign", "could accept": downgraded, and weaker
EVENT_DONE: Final = 0.8  # "Israel has deported thousands to Uganda": implemented, from the verb
EVENT_WISHED: Final = 0.6  # "want Germany to outsource claims to Rwanda": proposed, from the verb
EVENT_PROMISED: Final = 0.7  # "Denmark will send 300 prisoners to Kosovo": agreed, from the verb
INTENT_FACTOR: Final = 0.9  # "signed a letter of intent": under negotiation, a little weaker than the signing
LISTED_SAFE_STATUS: Final = 0.8  # a host a law's list of safe third countries names: in force while the list stands
ARRANGEMENT_NAMED: Final = 0.6  # "under the Albania deal": a status only where the document words none for the pair
DENIAL_STRENGTH: Final = 0.8  # "Uganda denied agreeing": a negated claim
CAP_WEIGHT: Final = 0.9
PAYMENT_WEIGHT: Final = 0.85
DATE_WEIGHT: Final = 0.7
DATED_STATUS_MIN: Final = 0.8  # dates are claimed in sentences whose status is at least this strong
OFFICIAL_WEIGHT: Final = 0.8
COVERS_WEIGHT: Final = 0.7
GROUP_WEIGHT: Final = 0.6

# --- officials ---------------------------------------------------------------------------------------------
TITLE_WITH_COUNTRY: Final = 0.9  # "US Secretary of State Marco Rubio"
TITLE_ONLY: Final = 0.8  # "spokesperson Yolande Makolo"
TITLE_AFTER: Final = 0.8  # "Marco Rubio, the Secretary of State,"
HEAD_OF_GOVERNMENT: Final = 0.6  # "the Biden administration"
KNOWN_NAME: Final = 0.7  # a name from ingest/data/officials.json (the name only; never its facts)
REMENTION: Final = 0.5  # a bare surname that was titled earlier

# --- limits ------------------------------------------------------------------------------------------------
MAX_PEOPLE: Final = 10_000_000  # a larger cap or group is a misreading, not a figure to store
MAX_AMOUNT: Final = 1e13  # ten trillion in any currency
PHRASE_MAX_TOKENS: Final = 14  # evidence longer than this is given as two spans (the trigger and the country)
