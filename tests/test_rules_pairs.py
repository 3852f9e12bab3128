"""Stage 3 rules (dakg.ingest.rules.pairs): which agreements a sentence speaks of, on frozen parses."""

from __future__ import annotations

import pytest

from .extraction import agreement, claims, fragment, keys, status_of

pytestmark = pytest.mark.unit


def _rules(text: str, key: str) -> set[str]:
    return {r.split("/")[0] for c in agreement(fragment(text), key).claims for r in c.rules}


@pytest.mark.covers("pairs.both-sides")
def test_both_sides_in_one_sentence() -> None:
    text = "Uruguay agreed to take in migrants deported from Spain."
    assert keys(text) == ["ESP-URY"]
    assert "pairs.both-sides" in _rules(text, "ESP-URY")


@pytest.mark.covers("pairs.side-and-party")
def test_one_side_and_the_party_beside_it() -> None:
    text = "Belarus reached a deal with Poland to accept rejected asylum seekers."
    assert keys(text) == ["POL-BLR"]
    assert "pairs.side-and-party" in _rules(text, "POL-BLR")


@pytest.mark.covers("pairs.side-and-party")
def test_one_side_and_one_party_in_different_clauses_with_a_status() -> None:
    text = (
        "Offshore processing on Manus was revived in 2012 under a Labor government and made permanent a year later, "
        "when Kevin Rudd signed a resettlement arrangement with his PNG counterpart, Peter O'Neill."
    )
    assert keys(text) == ["AUS-PNG"]  # Australia: Kevin Rudd's state, from the reference table of office holders
    assert "pairs.side-and-party" in _rules(text, "AUS-PNG")


@pytest.mark.covers("pairs.side-and-document-partner")
def test_one_side_and_its_partner_from_elsewhere_in_the_document() -> None:
    text = (
        "Mauritania agreed to accept migrants deported from France. "
        "The first flight of deportees is due to land in Mauritania in June."
    )
    found = fragment(text)
    assert [a.key for a in found.agreements] == ["FRA-MRT"]
    second = [c for c in claims(found, "FRA-MRT", "status") if c.start > 50]
    assert second and "pairs.side-and-document-partner/v1" in second[0].rules
    # the claim from the second sentence carries the span of the first that names the deporting state
    assert any(e.text == "deported from France" for e in second[0].evidence)


@pytest.mark.covers("pairs.parties-oriented")
def test_two_parties_oriented_by_the_rest_of_the_document() -> None:
    text = "Tunisia signed an accord with Italy. Under it, Tunisia will receive people expelled from Italy."
    assert keys(text) == ["ITA-TUN"]


@pytest.mark.covers("pairs.parties-oriented", acts=False)
def test_two_parties_with_nothing_to_orient_them_make_no_pair() -> None:
    assert keys("Norway and Tanzania signed a migration accord on Tuesday.") == []


@pytest.mark.covers("pairs.reference-back")
def test_a_reference_back_attaches_to_the_pair_named_before() -> None:
    text = (
        "Sweden agreed with Kenya to deport rejected asylum seekers to Nairobi. "
        "A year later, the new government scrapped that programme."
    )
    found = fragment(text)
    statuses = [c for c in claims(found, "SWE-KEN", "status") if c.value == "scrapped"]
    assert statuses and "pairs.reference-back/v1" in statuses[0].rules


@pytest.mark.covers("pairs.only-agreement")
def test_a_sentence_without_states_belongs_to_the_documents_one_agreement() -> None:
    text = "Italy sends migrants to Albania under the protocol. The first flight landed on Friday."
    found = fragment(text)
    assert [c.value for c in claims(found, "ITA-ALB", "status") if c.start > 40] == ["implemented"]


@pytest.mark.covers("pairs.only-agreement", acts=False)
def test_generic_nations_do_not_belong_to_the_documents_agreement() -> None:
    text = "Peru accepted deportees from Chile in May. Several nations have agreed to do the same."
    found = fragment(text)
    assert all(c.start < 45 for c in agreement(found, "CHL-PER").claims)


@pytest.mark.covers("pairs.both-sides", "pairs.side-and-party", acts=False)
def test_countries_merely_named_together_form_nothing() -> None:
    for text in (
        "Rwanda and Kenya signed a trade deal on coffee exports at the summit.",
        "Diplomats from the United States and France attended a conference in Kigali on Tuesday.",
        "Rwanda has welcomed thousands of refugees from Sudan, Libya and the Democratic Republic of Congo.",
        "Traffic at the U.S.-Mexico border fell sharply in March.",
    ):
        assert keys(text) == [], text


@pytest.mark.covers("roles.people-from", "roles.nationals-of")
def test_nationalities_are_never_parties() -> None:
    assert keys("Men from Cuba, Jamaica and Laos were flown to Eswatini by the United States.") == ["USA-SWZ"]
    assert keys("Nationals of Nigeria and Liberia deported from the United States arrived in Ghana.") == ["USA-GHA"]


@pytest.mark.covers("pairs.not-a-return-home", acts=False)  # the nationality settles it before any pair forms
def test_a_return_home_is_not_a_third_country_agreement() -> None:
    text = "The United States deported ninety Honduran nationals to Honduras on Tuesday."
    assert keys(text) == []


@pytest.mark.covers("pairs.not-a-return-home")
def test_people_returned_to_the_state_the_story_says_they_are_citizens_of_go_home() -> None:
    text = (
        "Spain returned forty people to Morocco under the readmission deal on Friday. "
        "All of them were Moroccan citizens."
    )
    assert keys(text) == []


@pytest.mark.covers("pairs.not-onward-movement")
def test_onward_movement_is_not_a_deporting_party() -> None:
    text = (
        "Panama received two hundred deportees from the United States. Panama later sent some of them on to Costa Rica."
    )
    assert keys(text) == ["USA-PAN"]


@pytest.mark.covers("pairs.not-onward-movement")
def test_onward_after_from_where() -> None:
    text = "U.S. officials flew sixty migrants to Honduras, from where they will be moved on to Nicaragua."
    assert keys(text) == ["USA-HND"]


@pytest.mark.covers("pairs.one-direction")
def test_the_weaker_of_two_opposite_directions_goes() -> None:
    text = (
        "Greece will return migrants to Turkey under the statement. Migrants sent from Greece to Turkey "
        "will be held in camps. Turkey sent a delegation to Greece."
    )
    assert keys(text) == ["GRC-TUR"]


@pytest.mark.covers("roles.resettlement", "pairs.one-direction")
def test_a_resettlement_flow_is_not_a_deportation_agreement() -> None:
    text = (
        "Greece agreed with Turkey to return irregular migrants from the islands to Turkey. "
        "In exchange, Greece would accept one Syrian citizen from Turkey for each person returned. "
        "Among the people admitted from Turkey, Greece would prefer families."
    )
    assert keys(text) == ["GRC-TUR"]


@pytest.mark.covers("pairs.parties-oriented")
def test_similar_deals_with_a_list_of_states_take_the_documents_sender() -> None:
    text = (
        "Rwanda agreed to accept migrants deported from the United States. "
        "The US has struck similar deals with Honduras, Eswatini and South Sudan."
    )
    assert keys(text) == ["USA-HND", "USA-RWA", "USA-SSD", "USA-SWZ"]
    unrelated = (
        "Rwanda agreed to accept migrants deported from the United States. The US and Chile signed a trade pact."
    )
    assert keys(unrelated) == ["USA-RWA"]


@pytest.mark.covers("roles.hyphen-pair")
@pytest.mark.covers("roles.official-signs", acts=False)
def test_direction_from_the_text_not_from_the_order_or_a_speaker() -> None:
    assert keys("The US-Guatemala agreement means Guatemala will receive asylum seekers from other countries.") == [
        "USA-GTM"
    ]
    assert keys("Israel's deal with Uganda was never published. Israel deported hundreds of people to Uganda.") == [
        "ISR-UGA"
    ]
    text = (
        "The Netherlands and Uganda signed a letter on returns. "
        "Asylum seekers will be sent from the Netherlands to Uganda."
    )
    assert keys(text) == ["NLD-UGA"]
    text = "Czech Prime Minister Petr Novak said the EU-Turkey deal agreed in March to return migrants to Turkey holds."
    assert keys(text) == ["EUU-TUR"]


@pytest.mark.covers("pairs.party-and-document-sender")
def test_a_lone_party_receives_from_the_documents_one_sender() -> None:
    text = (
        "Norway will send rejected asylum seekers to Moldova. "
        "Montenegro has agreed to a temporary arrangement, its foreign ministry said."
    )
    assert keys(text) == ["NOR-MDA", "NOR-MNE"]
    assert "pairs.party-and-document-sender/v1" in agreement(fragment(text), "NOR-MNE").claims[0].rules


@pytest.mark.covers("pairs.party-and-document-sender", acts=False)
def test_no_lone_party_is_paired_where_its_own_nationals_are_sent_home() -> None:
    text = (
        "Norway returned the Moldovan adults to Moldova within days. "
        "The minister praised the new relationship agreed with Chisinau in 2022."
    )
    assert keys(text) == []


@pytest.mark.covers("pairs.parties-oriented")
def test_partners_listed_in_one_with_are_not_partners_of_each_other() -> None:
    text = (
        "Norway sent forty rejected asylum seekers to Moldova in May. "
        "Norway's minister ended the asylum deals with Moldova, Georgia and Armenia."
    )
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA"]  # Norway's deals with each; none between the three


@pytest.mark.covers("pairs.parties-oriented", "pairs.party-and-document-sender", acts=False)
def test_a_story_where_nobody_receives_anyone_orients_no_parties() -> None:
    text = (
        "Norway and Moldova signed a labour mobility partnership on Friday. "
        "It makes it easier for Norway to send home Moldovans who have no right to stay. "
        "Norway has signed similar partnerships with Georgia and Armenia."
    )
    assert keys(text) == []


@pytest.mark.covers("pairs.co-mentioned")
def test_two_states_named_together_are_a_weak_pair_oriented_by_the_document() -> None:
    text = (
        "Norway has flown forty rejected applicants to Moldova. Sweden sent ten men to Georgia. "
        "An accord signed in May covers Norway and Moldova, officials said."
    )
    found = fragment(text)
    weak = [c for c in agreement(found, "NOR-MDA").claims if c.rules[0] == "pairs.co-mentioned/v1"]
    assert [(c.quote, c.value) for c in weak] == [
        ("An accord signed in May covers Norway and Moldova, officials said.", "signed")
    ]
    assert weak[0].confidence < 0.4  # under the default an answer shows (DAKG_MIN_CONFIDENCE)
    assert "" not in weak[0].rules


@pytest.mark.covers("pairs.co-mentioned")
def test_an_echo_is_never_surer_than_the_pair_it_echoes() -> None:
    text = (
        "Norway has flown forty rejected applicants to Moldova. Sweden sent ten men to Georgia. "
        "An accord signed in May covers Norway and Moldova, officials said. The deal was renewed in June."
    )
    echoes = [c for c in agreement(fragment(text), "NOR-MDA").claims if c.rules[0] == "pairs.reference-back/v1"]
    assert all(c.confidence < 0.4 for c in echoes)


@pytest.mark.covers("pairs.party-and-document-sender", acts=False)
def test_a_lone_party_beside_another_named_state_is_not_guessed() -> None:
    text = (
        "Norway will send rejected asylum seekers to Moldova. "
        "Sweden, which signed a declaration with Georgia in 2022, has since dropped the idea."
    )
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.co-mentioned")
def test_two_states_the_story_keeps_naming_together_are_claimed_over_the_default() -> None:
    text = (
        "Norway will pay for a processing centre. Moldova will house the applicants. Sweden sent ten men to Georgia. "
        "Norway and Moldova signed the accord in May. "
        "Critics in Norway and Moldova said a deportation deal was signed in haste. "
        "Lawyers in Norway and Moldova said a transfer accord had been approved in secret."
    )
    found = fragment(text)
    weak = [c for c in agreement(found, "NOR-MDA").claims if c.rules[0] == "pairs.co-mentioned/v1"]
    assert weak and max(c.confidence for c in weak) >= 0.4  # named together in three sentences about it
    assert keys(text) == ["NOR-MDA", "SWE-GEO"]  # and Moldova's partner is the sender named nearest it


@pytest.mark.covers("pairs.side-and-party", acts=False)
def test_clauses_set_side_by_side_do_not_pair_their_states() -> None:
    text = "Moldova agreed to host the men, and Georgia signed a trade pact with Armenia."
    assert keys(text) == []  # Moldova's host clause and Georgia's deal are two matters
    text = "Ten men were flown to Moldova in May, and Georgia agreed to host 50 people deported from Norway."
    found = fragment(text)
    assert sorted(a.key for a in found.agreements) == ["NOR-GEO", "NOR-MDA"]  # the sentence's one sender
    weights = {a.key: max(c.confidence for c in a.claims) for a in found.agreements}
    assert weights["NOR-MDA"] < weights["NOR-GEO"]  # paired across the clauses: weaker


@pytest.mark.covers("pairs.both-sides")
def test_a_host_named_in_a_states_scheme_pairs_with_that_state_only() -> None:
    text = "Lawyers said the Swedish plan raised the questions that sank Norway's Moldova scheme."
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.parties-by-reference")
def test_two_parties_are_oriented_by_the_state_known_for_sending_on_a_reference_basis() -> None:
    text = (
        "The United States and Honduras signed an asylum cooperation agreement on Tuesday. "
        "Under such agreements asylum seekers can be transferred to a partner country."
    )
    assert keys(text) == ["USA-HND"]
    found = claims(fragment(text), "USA-HND", "status")
    assert [(c.value, c.basis) for c in found] == [("signed", "reference")]
    assert "pairs.parties-by-reference" in _rules(text, "USA-HND")


@pytest.mark.covers("pairs.parties-by-reference")
def test_the_known_sender_pairs_with_each_partner_it_talks_to() -> None:
    text = "Britain is in talks with Serbia and North Macedonia about return hubs for failed asylum seekers."
    assert keys(text) == ["GBR-MKD", "GBR-SRB"]


@pytest.mark.covers("pairs.parties-by-reference", acts=False)
@pytest.mark.parametrize(
    "text",
    [
        "The United States and Mexico signed a trade agreement on Tuesday. Tariffs on steel will fall.",
        "Britain and Denmark signed an agreement on the transfer of asylum seekers.",
        "Chile and Peru signed an agreement on the transfer of asylum seekers.",
    ],
)
def test_no_direction_is_lent_outside_deportation_or_without_one_known_sender(text: str) -> None:
    assert keys(text) == []


@pytest.mark.covers("pairs.parties-by-reference")
def test_a_migration_deal_is_enough_to_lend_the_direction() -> None:
    text = "The United States and Honduras signed an asylum cooperation agreement on Tuesday."
    assert keys(text) == ["USA-HND"]


@pytest.mark.covers("pairs.parties-by-reference")
def test_the_union_lends_its_direction_to_a_migration_partnership() -> None:
    text = "The European Union and Senegal signed a partnership on migration and returns in Dakar on Friday."
    assert keys(text) == ["EUU-SEN"]
    assert [c.basis for c in claims(fragment(text), "EUU-SEN", "status")] == ["reference"]


@pytest.mark.covers("pairs.parties-by-reference", acts=False)
def test_the_union_lends_no_direction_to_a_deal_on_other_matters() -> None:
    text = "The European Union and Senegal signed a partnership on fisheries and ports in Dakar on Friday."
    assert keys(text) == []


@pytest.mark.covers("pairs.parties-by-reference", acts=False)
def test_no_direction_is_lent_to_a_deal_about_the_partners_own_nationals() -> None:
    text = (
        "Britain and Kenya signed a migration partnership on Friday that makes it easier for Britain to send home "
        "Kenyans who have no right to stay."
    )
    assert keys(text) == []


@pytest.mark.covers("pairs.side-and-document-partner")
def test_under_that_deal_the_partner_is_the_one_of_the_deal_just_named() -> None:
    text = (
        "Bolivia has designated neighbouring Peru a safe third country for asylum seekers. "
        "The decision adds to pressure on Lima to resume readmissions under the 2019 Chile–Peru statement. "
        "Under that deal, Peru undertook to take back all irregular migrants crossing to Chile, in exchange for "
        "$60 million in aid."
    )
    found = fragment(text)
    assert [c.value["amount"] for c in claims(found, "CHL-PER", "payment")] == [60_000_000]


@pytest.mark.covers("pairs.parties-by-reference")
def test_deals_a_state_struck_with_others_to_take_people_send_to_the_others() -> None:
    text = (
        "It follows agreements the Trump administration struck with Eswatini, South Sudan and Rwanda to take deportees."
    )
    found = fragment(text)
    assert sorted(a.key for a in found.agreements) == ["USA-RWA", "USA-SSD", "USA-SWZ"]  # never Eswatini sending
    assert {c.value for a in found.agreements for c in a.claims if c.field == "status"} == {"agreed"}


@pytest.mark.covers("pairs.member-under-a-bloc-deal")
def test_a_member_state_sending_under_the_unions_deal_names_the_unions_pair_too() -> None:
    text = (
        "Forty migrants were returned from Malta to Libya on Tuesday under the agreement between the European "
        "Union and Tripoli."
    )
    assert keys(text) == ["EUU-LBY", "MLT-LBY"]


@pytest.mark.covers("pairs.not-within-the-union")
def test_the_union_and_its_member_states_are_not_each_others_third_country() -> None:
    assert keys("The European Union has flown rejected applicants to Sweden and to Libya.") == ["EUU-LBY"]


@pytest.mark.covers("roles.demonym-for-people", "pairs.not-a-return-home", acts=False)
def test_people_of_a_state_named_for_another_reason_do_not_make_a_transfer_there_a_return_home() -> None:
    text = (
        "Migrants were returned from Cyprus to Lebanon under the deal with Beirut. Lebanon's prime minister said "
        "his country had kept its promises and expected more aid for Lebanese in return."
    )
    assert keys(text) == ["CYP-LBN"]


@pytest.mark.covers("roles.subject-of-receive", "pairs.parties-by-reference")
def test_a_sender_signing_a_deal_with_a_state_to_accept_people_does_not_receive_them() -> None:
    text = "The United States signed an agreement with Paraguay to accept deportees."
    assert keys(text) == ["USA-PRY"]
    assert "pairs.parties-by-reference" in _rules(text, "USA-PRY")


@pytest.mark.covers("roles.subject-of-receive")
def test_a_state_that_reached_a_deal_with_a_sender_to_take_people_in_receives_them() -> None:
    text = "Paraguay reached a deal with the United States to take in deportees."
    assert keys(text) == ["USA-PRY"]
    assert "roles.subject-of-receive" in _rules(text, "USA-PRY")


@pytest.mark.covers("pairs.parties-by-reference")
def test_one_senders_deals_with_a_list_of_states() -> None:
    text = "Washington has struck deals with Bhutan, Paraguay, Palau, Belize and Ecuador to take in deportees."
    assert sorted(keys(text)) == ["USA-BLZ", "USA-BTN", "USA-ECU", "USA-PLW", "USA-PRY"]


@pytest.mark.covers("pairs.party-and-document-sender")
def test_the_partners_of_one_with_each_receive_from_the_documents_sender() -> None:
    text = (
        "Norway flew forty rejected applicants to Moldova in May. "
        "The agreements with Georgia and Armenia never took effect."
    )
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA"]
    assert "pairs.party-and-document-sender/v1" in agreement(fragment(text), "NOR-ARM").claims[0].rules


@pytest.mark.covers("pairs.party-and-document-sender", acts=False)
def test_partners_of_a_government_named_only_by_a_possessive_are_not_given_the_documents_sender() -> None:
    text = (
        "Norway flew forty rejected applicants to Moldova in May. "
        "The chancellor pointed to the mobility agreements his government has signed with Georgia and Armenia."
    )
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.parties-oriented", "roles.subject-of-agree")
def test_a_sender_ending_its_own_deals_with_several_states_makes_a_pair_with_each() -> None:
    text = (
        "Norway flew forty rejected applicants to Moldova in May. "
        "In August Norway began the process of ending its Safe Country Agreements with Moldova, Georgia and Armenia."
    )
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA"]


@pytest.mark.covers("pairs.parties-by-reference", acts=False)
def test_a_deal_with_the_state_of_people_moved_elsewhere_is_still_about_its_own_nationals() -> None:
    text = (
        "More than 200 Venezuelans were flown to El Salvador in March. "
        "The United States and Venezuela signed a deportation agreement in January."
    )
    assert "USA-VEN" not in keys(text)


@pytest.mark.covers("pairs.side-and-document-partner", acts=False)
def test_people_sent_on_to_their_home_countries_go_to_no_state_of_the_story() -> None:
    text = (
        "Norway will send rejected applicants to Moldova. "
        "Georgia said the non-Georgians would be sent on from Georgia to their home countries."
    )
    assert keys(text) == ["NOR-MDA"]  # not GEO-MDA: Georgia sends nobody to Moldova


@pytest.mark.covers("pairs.section-partner")
def test_a_side_in_a_roundup_section_pairs_with_the_state_its_heading_names() -> None:
    text = (
        "Where Europe sends people it cannot keep\n\n"
        "SWEDEN\n\n"
        "Stockholm sent forty rejected applicants to Moldova in 2023.\n\n"
        "NORWAY\n\n"
        "The centre-right government ended the Georgia partnership in May, weeks after the election."
    )
    assert keys(text) == ["NOR-GEO", "SWE-MDA"]
    claim = agreement(fragment(text), "NOR-GEO").claims[0]
    assert "pairs.section-partner/v1" in claim.rules and "NORWAY" in [e.text for e in claim.evidence]


@pytest.mark.covers("pairs.section-partner", acts=False)
def test_a_line_in_capitals_before_the_story_is_not_a_section_heading() -> None:
    text = (
        "MOLDOVA\n\n"
        "Stockholm sent forty rejected applicants to Moldova in 2023. "
        "The centre-right government ended the Georgia partnership in May."
    )
    assert "MDA-GEO" not in keys(text)


@pytest.mark.covers("pairs.host-and-named-sender")
def test_a_host_beside_a_state_known_for_sending_is_paired_on_a_reference_basis() -> None:
    text = (
        "The camp on Tuvalu was closed in 2019. "
        "Tuvalu processed the asylum claims of the men the United States had intercepted at sea, "
        "under the deal signed in 2013."
    )
    found = agreement(fragment(text), "USA-TUV")
    assert found.claims and found.claims[0].basis == "reference"
    assert "pairs.host-and-named-sender/v1" in found.claims[0].rules


@pytest.mark.covers("pairs.host-and-named-sender", acts=False)
def test_a_host_beside_a_state_not_known_for_sending_is_not_paired() -> None:
    text = "Tuvalu processed the asylum claims of the men Fiji had intercepted at sea, under the deal signed in 2013."
    assert keys(text) == []


@pytest.mark.covers("pairs.section-partner", acts=False)
def test_a_section_about_a_host_does_not_make_its_state_the_sender_of_another_host() -> None:
    text = (
        "Norway has sent rejected applicants to Moldova and Georgia.\n\n"
        "SOUTH SUDAN\n\n"
        "Eight men arrived in Juba after weeks in a camp in Norway.\n\n"
        "GEORGIA\n\n"
        "Armenia agreed to host up to 50 people sent from Norway for a year."
    )
    found = keys(text)
    assert "SDN-SSD" not in found and "GEO-ARM" not in found  # "SOUTH SUDAN" is not Sudan; Georgia sends no one
    assert "NOR-ARM" in found


@pytest.mark.covers("pairs.both-sides")
def test_people_named_by_their_nationality_make_a_sentence_about_moving_people() -> None:
    text = "Maltese police sent another 40 Eritreans back across the sea to Tunisia on Friday, the first since May."
    assert keys(text) == ["MLT-TUN"]


@pytest.mark.covers("pairs.parties-oriented", acts=False)
def test_a_state_known_for_sending_is_not_made_the_host_of_one_that_sends_no_one() -> None:
    text = (
        "Sweden received 40 asylum seekers from Moldova last year. "
        "Sweden and Armenia signed a migration agreement on Monday."
    )
    assert "ARM-SWE" not in keys(text)


@pytest.mark.covers("pairs.both-sides")
def test_people_who_left_one_state_for_another_were_moved_whatever_the_words() -> None:
    text = (
        "Between 2015 and 2018 about 3,000 Eritreans left Norway for Moldova and Georgia "
        "under what officials called assisted departure."
    )
    assert keys(text) == ["NOR-GEO", "NOR-MDA"]


@pytest.mark.covers("pairs.not-onward-movement")
def test_people_who_moved_on_from_the_host_were_not_sent_on_by_the_stories_sender() -> None:
    text = (
        "Norway sent 200 rejected applicants to Moldova in 2019. "
        "Many later travelled on to Europe; some were resettled in Canada and Italy through private sponsorship."
    )
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.party-and-document-sender", acts=False)
def test_a_state_known_for_sending_is_nobodys_host_by_the_stories_default() -> None:
    text = "Denmark revives talks\n\nNorway will send rejected applicants to Moldova, its minister said."
    assert keys(text) == ["NOR-MDA"]  # not NOR-DNK from the headline


@pytest.mark.covers("pairs.party-and-document-sender", acts=False)
def test_talks_reported_to_a_third_states_press_are_not_given_the_stories_sender() -> None:
    text = (
        "Norway will send rejected applicants to Moldova. "
        "A minister told Danish radio that talks with Kigali had resumed."
    )
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.host-and-named-sender")
def test_a_state_known_for_sending_studying_processing_abroad_pairs_with_each_host() -> None:
    found = fragment("Sweden is studying whether asylum claims could be processed in Moldova or Georgia.")
    assert [(a.key, a.claims[0].value, a.claims[0].basis) for a in found.agreements] == [
        ("SWE-MDA", "under_negotiation", "reference"),
        ("SWE-GEO", "under_negotiation", "reference"),
    ]


@pytest.mark.covers("pairs.not-onward-movement")
def test_people_a_host_took_in_and_who_were_then_moved_on_were_not_sent_there_by_the_sender() -> None:
    text = (
        "Norway has sent rejected applicants to Moldova and Georgia. "
        "Chisinau has taken in at least 14 Central Asians, who were then bussed to Ukraine."
    )
    assert keys(text) == ["NOR-GEO", "NOR-MDA"]


@pytest.mark.covers("pairs.parties-by-reference", acts=False)
def test_a_labour_deal_that_lets_a_state_return_the_partners_nationals_is_not_a_third_country_deal() -> None:
    text = (
        "Sweden and Kenya signed a labour mobility agreement that makes it easier for Kenyan workers to come to "
        "Sweden and for Sweden to return Kenyans without the right to stay."
    )
    assert keys(text) == []


@pytest.mark.covers("pairs.section-partner", acts=False)
def test_a_heading_in_capitals_that_is_not_only_state_names_is_no_section_heading() -> None:
    text = (
        "Norway sent forty rejected applicants to Georgia.\n\n"
        "WHAT IT MEANS FOR US\n\n"
        "Moldova has agreed to accept rejected asylum seekers, its minister said."
    )
    assert "USA-MDA" not in keys(text)


def test_a_cap_set_by_the_deal_goes_to_the_sentences_one_pair_only() -> None:
    text = (
        "Norway sends rejected asylum seekers to Moldova. The agreement caps the number of transfers at 1,000 a "
        "year, officials in Oslo said, adding that Sweden had agreed to send prisoners to Georgia."
    )
    assert claims(fragment(text), "SWE-GEO", "cap") == []


@pytest.mark.covers("pairs.side-and-document-partner")
def test_a_roundup_of_a_senders_deals_entry_by_entry() -> None:
    text = (
        "A guide to the UK third-country deals\n\n"
        "Moldova: Chisinau agreed to accept deportees, its ministry said.\n\n"
        "Georgia: Tbilisi signed a safe third country agreement in August."
    )
    assert keys(text) == ["GBR-GEO", "GBR-MDA"]


@pytest.mark.covers("pairs.entry-state")
def test_an_entrys_sentence_where_no_state_plays_a_side_pairs_the_entrys_state_with_the_sender() -> None:
    text = (
        "Where Norway sends the people it cannot return\n\n"
        "Norway has sent rejected applicants to several states that are not their own.\n\n"
        "Bosnia.\n\nOfficials in Sarajevo say talks are continuing.\n\n"
        "Armenia.\n\nSix men landed in June."
    )
    assert keys(text) == ["NOR-ARM", "NOR-BIH"]
    found = fragment(text)
    assert "pairs.entry-state/v1" in agreement(found, "NOR-BIH").claims[0].rules
    assert claims(found, "NOR-ARM", "status")[0].value == "implemented"


@pytest.mark.covers("pairs.entry-state", acts=False)
def test_an_entry_about_a_state_known_for_sending_is_no_host() -> None:
    text = (
        "Who sends people where\n\n"
        "Norway has sent rejected applicants to several states that are not their own.\n\n"
        "Denmark.\n\nOfficials in Copenhagen say talks are continuing."
    )
    assert keys(text) == []


@pytest.mark.covers("pairs.section-partner", acts=False)
def test_states_labelled_together_are_not_paired_with_each_other() -> None:
    text = (
        "Where Norway sends the people it cannot return\n\n"
        "Norway has sent rejected applicants to several states that are not their own.\n\n"
        "Armenia and Moldova.\n\nIn May forty rejected applicants were flown to Yerevan."
    )
    assert keys(text) == ["NOR-ARM"]  # not MDA-ARM


@pytest.mark.covers("pairs.side-and-document-partner")
def test_the_one_sender_is_a_partner_though_its_citizens_are_named_somewhere() -> None:
    text = (
        "Norway flew forty Iraqis to Moldova in March. In May, Iraq freed two Norwegian citizens it had held. "
        "Men have since been sent to Armenia and, last week, to Serbia."
    )
    assert keys(text) == ["NOR-ARM", "NOR-MDA", "NOR-SRB"]


@pytest.mark.covers("pairs.humanitarian-mechanism")
def test_an_arrangement_made_with_the_un_refugee_agency_is_no_deportation_deal() -> None:
    text = (
        "Norway deported forty men to Moldova in March. On Monday Norway announced an agreement with the UN refugee "
        "agency under which 2,000 Syrians would be resettled in countries such as Canada, Chile and Peru."
    )
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.humanitarian-mechanism", acts=False)
def test_the_un_refugee_agency_criticising_a_deal_leaves_it_a_deal() -> None:
    text = "The UN refugee agency said the deal under which Norway sends asylum seekers to Moldova breaches the law."
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.humanitarian-mechanism", acts=False)
def test_a_deal_the_un_refugee_agency_criticised_is_still_a_deal() -> None:
    text = "Norway sent five men to Moldova under an agreement that was criticised by the UNHCR."
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.reference-back", acts=False)
def test_the_talks_in_a_sentence_naming_another_state_are_not_the_deal_before() -> None:
    text = (
        "Norway has deported people to Moldova. It also sent ten men to Armenia in May.\n\n"
        "Officials in Accra said talks on a similar deal were continuing."
    )
    statuses = [c.quote for c in claims(fragment(text), "NOR-ARM", "status")]
    assert statuses == ["It also sent ten men to Armenia in May."]


@pytest.mark.covers("pairs.entry-state", acts=False)
def test_a_heading_that_is_no_label_ends_the_entries() -> None:
    text = (
        "Where Norway sends people\n\nNorway has sought partners for people it cannot send home.\n\n"
        "Moldova.\n\nSigned a deal in August to take up to 250 people.\n\nCritics\n\n"
        "Officials say talks are continuing with several other governments."
    )
    statuses = [c.value for c in claims(fragment(text), "NOR-MDA", "status")]
    assert "under_negotiation" not in statuses


@pytest.mark.covers("pairs.own-citizens-home")
@pytest.mark.parametrize(
    "text",
    [
        "Moldova agreed to take back its own citizens from Norway.",
        "Norway resumed flights to Moldova, which has agreed to accept the return of its own citizens.",
    ],
)
def test_a_state_taking_back_its_own_citizens_makes_no_third_country_deal(text: str) -> None:
    assert keys(text) == []


@pytest.mark.covers("pairs.parties-by-reference", acts=False)
def test_a_migration_deal_about_the_partners_own_people_is_not_oriented_by_reference() -> None:
    text = (
        "Germany signed a migration agreement with Kenya on Friday that will let Kenyan workers take jobs in Germany "
        "and speed up the return of Kenyans who have no right to stay."
    )
    assert keys(text) == []


@pytest.mark.covers("pairs.similar-deal")
def test_parties_to_a_similar_deal_take_the_other_side_of_the_deal_before() -> None:
    text = (
        "Armenia signed an agreement in May that lets Norway send rejected asylum seekers there. "
        "Georgia and Moldova signed similar agreements in the autumn."
    )
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA"]


@pytest.mark.covers("pairs.similar-deal", acts=False)
def test_parties_to_a_deal_that_is_not_said_to_be_like_the_one_before_take_no_side() -> None:
    text = (
        "Armenia signed an agreement in May that lets Norway send rejected asylum seekers there. "
        "Georgia and Moldova signed trade agreements in the autumn."
    )
    assert keys(text) == ["NOR-ARM"]


@pytest.mark.covers("roles.one-of-many-origins")
def test_people_of_many_nationalities_sent_to_the_state_of_one_of_them_are_no_return_home() -> None:
    text = "Six men from Chad, Iraq, Peru and Sudan were deported to Khartoum by Norway in May, officials said."
    assert keys(text) == ["NOR-SDN"]


@pytest.mark.covers("roles.one-of-many-origins", acts=False)
def test_people_of_two_nationalities_sent_to_the_state_of_one_of_them_go_home() -> None:
    text = "Six men from Iraq and Sudan were deported to Khartoum by Norway in May, officials said."
    assert keys(text) == []


@pytest.mark.covers("pairs.deals-of-the-unnamed", "roles.asked-to-take", "caps.taken-by-another-host")
def test_the_partners_of_an_unnamed_government_and_the_state_it_persuaded_go_with_the_documents_sender() -> None:
    text = (
        "Norway will send rejected asylum seekers to Moldova under a deal signed on Monday. "
        "The government has reached similar deals, including with Armenia and Georgia, and in May persuaded "
        "Montenegro to take up to 40 people."
    )
    found = fragment(text)
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA", "NOR-MNE"]
    assert [c.value for c in claims(found, "NOR-MNE", "cap")] == [40]
    assert claims(found, "NOR-ARM", "cap") == []


@pytest.mark.covers("pairs.side-and-party")
def test_people_arriving_under_a_deal_with_a_state_are_sent_by_it() -> None:
    text = "About 40 more deportees will soon arrive in Moldova under an ongoing arrangement with Norway."
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.of-different-deals")
def test_parties_of_two_different_deals_are_not_paired_across_them() -> None:
    text = (
        "Norway sent twenty rejected applicants to Moldova last week. As Oslo's deals multiply, it is worth "
        "recalling how Armenia's deal with Sweden was abandoned before a single flight left."
    )
    assert "NOR-SWE" not in keys(text)
    assert "NOR-ARM" not in keys(text)


@pytest.mark.covers("pairs.both-sides")
def test_the_partners_of_the_senders_unnamed_government_go_with_the_sender_beside_a_host() -> None:
    text = (
        "In 2019 Moldova signed an accord under which 900 people were sent there by Norway; the new government "
        "ended it in 2021, together with similar accords with Armenia and Georgia that never took effect."
    )
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA"]


@pytest.mark.covers("pairs.home-of-the-story")
def test_a_later_flight_to_the_state_people_were_sent_home_to_is_a_return_too() -> None:
    text = (
        "Norway deported 40 Moldovan men to Moldova on Friday, the interior ministry said. All the men had been "
        "ordered to leave Norway. The Gulf state also helped arrange Norway's first deportation flight to Moldova, "
        "in August 2024, which carried 28 men."
    )
    assert fragment(text).agreements == []


@pytest.mark.covers("pairs.home-of-the-story", acts=False)
def test_a_deal_with_the_state_people_were_sent_home_to_is_still_a_deal() -> None:
    text = (
        "Norway deported 40 Moldovan men to Moldova on Friday. Under a separate agreement, Moldova will also take "
        "rejected applicants from other countries deported from Norway."
    )
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.host-and-story-sender")
def test_a_host_beside_an_unnamed_leader_takes_the_one_known_sender_the_story_names() -> None:
    text = (
        "Spending on the Moldova scheme was criticised in Denmark's parliament on Monday. Most prominently, the "
        "Prime Minister and the Armenian president agreed this month on a pilot under which asylum seekers who "
        "arrive by boat can be returned to Armenia."
    )
    found = fragment(text)
    assert "DNK-ARM" in keys(text)
    assert {c.basis for c in claims(found, "DNK-ARM", "status")} == {"reference"}


# The review of the fourth round (2026-12-07): sentences a reviewer wrote to break the new rules.


@pytest.mark.covers("roles.asked-to-take", "pairs.side-and-party")
def test_the_partners_of_a_named_senders_deals_stay_its_own_beside_the_state_it_persuaded() -> None:
    text = (
        "Washington has reached agreements with Rwanda and Uganda, and in June persuaded Kosovo to take up to 50 "
        "people."
    )
    found = fragment(text)
    assert keys(text) == ["USA-RWA", "USA-UGA", "USA-XKX"]
    assert [c.value for c in claims(found, "USA-XKX", "cap")] == [50]


@pytest.mark.covers("pairs.similar-deal", acts=False)
def test_a_similar_deal_with_a_partner_of_its_own_takes_nothing_from_the_deal_before() -> None:
    text = (
        "Italy signed a deal in 2023 to send migrants rescued at sea to Albania. "
        "Britain and Germany have since signed similar agreements with Kosovo."
    )
    assert "ITA-GBR" not in keys(text) and "ITA-XKX" not in keys(text)


@pytest.mark.covers("pairs.similar-deal", acts=False)
def test_senders_with_a_similar_scheme_of_their_own_are_not_its_hosts() -> None:
    text = (
        "Britain agreed to send asylum seekers to Rwanda in 2022. Denmark and Austria have held talks about a "
        "similar scheme."
    )
    assert keys(text) == ["GBR-RWA"]


@pytest.mark.covers("pairs.home-of-the-story", acts=False)
def test_another_states_returns_home_do_not_make_a_transfer_a_return() -> None:
    text = (
        "Mexico regularly deports Guatemalan migrants to Guatemala. "
        "On Friday, the United States deported 80 asylum seekers to Guatemala."
    )
    assert keys(text) == ["USA-GTM"]


@pytest.mark.covers("pairs.host-and-story-sender", acts=False)
def test_a_known_sender_named_only_in_passing_is_no_partner() -> None:
    text = (
        "Uganda has agreed to accept migrants who are not Ugandan, the foreign ministry said. "
        "Britain's foreign secretary visited Kampala last month."
    )
    assert keys(text) == []


@pytest.mark.covers("pairs.both-sides")
def test_a_deal_another_states_officials_speak_of_is_not_the_senders() -> None:
    text = (
        "The United States deported 14 West Africans to Ghana last week, and officials in Accra said the government "
        "had since reached agreements with Nigeria and Togo."
    )
    assert keys(text) == ["USA-GHA"]


@pytest.mark.covers("pairs.subjects-of-two-clauses")
def test_two_states_each_the_subject_of_its_own_clause_are_not_partners() -> None:
    text = (
        "Moldova agreed in August to take up to 250 migrants, Armenia reached a temporary deal, and deportees have "
        "already been sent to Georgia."
    )
    assert "ARM-MDA" not in keys(text) and "MDA-ARM" not in keys(text)


@pytest.mark.covers("pairs.subjects-of-two-clauses", acts=False)
def test_a_host_in_the_terms_of_the_partys_deal_is_its_partner() -> None:
    assert keys("Denmark signed a deal under which Moldova will accept rejected asylum seekers.") == ["DNK-MDA"]


@pytest.mark.covers("pairs.subjects-of-two-clauses")
@pytest.mark.covers("pairs.side-and-document-partner")
def test_states_listed_clause_by_clause_all_take_the_storys_sender() -> None:
    text = (
        "Ghana has taken in West Africans deported by the United States. "
        "Moldova agreed in August to take up to 250 migrants, Armenia reached a temporary deal, and deportees have "
        "already been sent to Georgia and Belarus."
    )
    assert keys(text) == ["USA-ARM", "USA-BLR", "USA-GEO", "USA-GHA", "USA-MDA"]


@pytest.mark.covers("pairs.subjects-of-two-clauses", acts=False)
def test_a_host_the_partys_verb_tells_of_is_its_partner() -> None:
    assert keys("Denmark agreed that rejected asylum seekers would be flown to Moldova.") == ["DNK-MDA"]


def test_people_leaving_a_known_sender_for_a_host_in_a_deportation_story_are_moved_between_them() -> None:
    text = (
        "Israel pressed asylum seekers into voluntary departures and threatened deportation. "
        "Some 4,000 people left Israel for Rwanda."
    )
    assert keys(text) == ["ISR-RWA"]


def test_migrants_leaving_a_state_not_known_for_sending_are_no_deal_of_it() -> None:
    text = (
        "Italy wants to deport more people to third countries. Most of the people left Libya for Italy on small boats."
    )
    assert "LBY-ITA" not in keys(text)


@pytest.mark.covers("pairs.asked-to-join")
def test_a_state_to_be_approached_beside_a_host_is_another_would_be_host() -> None:
    text = "He argued that Moldova had shown it was willing to take in migrants and that Georgia should be approached."
    assert "GEO-MDA" not in keys(text)


def test_states_named_together_as_possible_partners_are_not_each_others() -> None:
    text = (
        "The motion names Moldova and Georgia as possible partners for processing asylum claims abroad. "
        "Moldova has said it is willing to take in rejected asylum seekers."
    )
    assert "GEO-MDA" not in keys(text) and "MDA-GEO" not in keys(text)


@pytest.mark.covers("pairs.both-sides")
def test_a_senders_own_scheme_named_with_its_host_lends_it_to_no_other_host() -> None:
    text = (
        "Unlike Denmark's abandoned plan to fly asylum seekers to Moldova, people taken to Georgia remain under "
        "Finnish jurisdiction."
    )
    assert "DNK-GEO" not in keys(text)
    assert "DNK-MDA" in keys(text)


@pytest.mark.covers("pairs.not-onward-movement")
def test_people_eventually_resettled_elsewhere_moved_on_from_the_host() -> None:
    text = (
        "She wrote to men held on Nauru, where Australia sends boat arrivals, and to others who were eventually "
        "resettled in Canada."
    )
    assert "AUS-CAN" not in keys(text)


@pytest.mark.covers("pairs.both-ways")
def test_a_deal_said_to_work_in_both_directions_sends_people_each_way() -> None:
    text = (
        "Moldova turns back asylum seekers arriving from Romania under a safe third country agreement. "
        "The agreement, signed in 2004, works in both directions."
    )
    assert keys(text) == ["MDA-ROU", "ROU-MDA"]


@pytest.mark.covers("pairs.both-ways", acts=False)
def test_a_deal_not_said_to_be_mutual_goes_one_way() -> None:
    text = "Moldova turns back asylum seekers arriving from Romania under a safe third country agreement."
    assert keys(text) == ["MDA-ROU"]


@pytest.mark.covers("pairs.of-different-deals")
def test_the_one_known_sender_is_not_lent_to_the_parties_of_another_deal() -> None:
    text = (
        "Denmark has signed a protocol with Moldova on returns, while Georgia concluded a joint declaration with "
        "Finland last year."
    )
    assert keys(text) == ["DNK-MDA"]


@pytest.mark.covers("pairs.both-ways", acts=False)
def test_a_deal_said_not_to_be_reciprocal_or_another_reciprocal_deal_goes_one_way() -> None:
    denied = (
        "Finland has agreed to send rejected asylum seekers to Moldova. The agreement, signed in March, is not "
        "reciprocal."
    )
    other = (
        "Norway began deporting rejected asylum seekers to Armenia in May. Last week the two countries signed a "
        "reciprocal agreement on pensions."
    )
    assert keys(denied) == ["FIN-MDA"]
    assert keys(other) == ["NOR-ARM"]


def test_the_reverse_of_a_mutual_deal_cites_each_side_in_its_own_role() -> None:
    text = (
        "Moldova turns back asylum seekers arriving from Romania under a safe third country agreement. "
        "The agreement, signed in 2004, works in both directions."
    )
    status = claims(fragment(text), "ROU-MDA", "status")
    assert [(e.text, e.role) for e in status[0].evidence if e.role in ("deporting", "host")] == [
        ("Moldova turns", "host"),
        ("turns back asylum seekers arriving from Romania", "deporting"),
    ]


def test_a_senders_own_scheme_named_beside_other_transfers_keeps_them_its_own() -> None:
    text = (
        "Finland's plan to send rejected asylum seekers to Moldova mirrors the transfers to Armenia that it began "
        "last year."
    )
    assert keys(text) == ["FIN-ARM", "FIN-MDA"]


def test_people_of_no_migration_leaving_a_known_sender_are_not_moved_by_it() -> None:
    text = (
        "Sweden wants to send rejected asylum seekers to Moldova. "
        "Many young doctors have left Sweden for Norway in recent years."
    )
    assert keys(text) == ["SWE-MDA"]


@pytest.mark.covers("pairs.host-and-story-sender")
def test_a_press_release_speaks_for_the_state_of_its_issuer() -> None:
    text = (
        "Press release\n\n"
        "First rejected applicant returned to Moldova under new pilot\n\n"
        "From: Danish Ministry of Immigration\n\n"
        "A man whose claim was refused was today returned to Moldova, the first return under the pilot agreed "
        "with the Moldovan government this summer."
    )
    assert keys(text) == ["DNK-MDA"]


@pytest.mark.covers("pairs.host-and-story-sender", acts=False)
def test_a_known_sender_named_outside_an_issuer_line_and_not_with_the_host_is_no_sender() -> None:
    text = (
        "Press release\n\n"
        "First rejected applicant returned to Moldova under new pilot\n\n"
        "Photo: Danish police at a border post\n\n"
        "A man whose claim was refused was today returned to Moldova, the first return under the pilot agreed "
        "with the Moldovan government this summer."
    )
    assert keys(text) == []


@pytest.mark.covers("pairs.party-and-document-sender", "roles.partner-of-the-destination")
def test_a_partner_named_after_the_rule_that_sends_to_a_third_country_receives_from_its_state() -> None:
    text = (
        "Under the new rule, people who reach the border may be transferred to a third country with which Norway "
        "has signed an agreement. Moldova signed its agreement in May."
    )
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.section-partner", "roles.deal-with")
def test_a_lone_party_in_a_section_headed_by_a_sender_is_its_partner() -> None:
    text = (
        "Where the plans stand\n\nSeveral governments want to send rejected asylum seekers abroad. Here is where "
        "things stand.\n\nNetherlands\n\nThe minister wants a return hub outside Europe. Dutch media have reported "
        "exploratory contacts with Moldova, which the government has not confirmed.\n\nFinland\n\nThe government "
        "says it has no plans of its own."
    )
    assert keys(text) == ["NLD-MDA"]
    assert status_of(fragment(text), "NLD-MDA") == "under_negotiation"


def test_a_quoted_scheme_name_keeps_its_owner_the_sender() -> None:
    text = 'The first man sent back under Norway\'s "one in, one out" arrangement with Moldova was flown to Chisinau.'
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.scheme-and-paragraph-sender", "roles.scheme-named-after-host", "status.arrangement-named")
def test_a_scheme_called_by_its_hosts_name_belongs_to_the_one_sender_its_paragraph_names() -> None:
    text = (
        "The Kosovo protocol was meant to be the cheaper option. Within a month a court in Copenhagen ordered three "
        "men flown back to Denmark.\n\n"
        "The Rwanda plan is another story."
    )
    found = fragment(text)
    assert [(a.key, a.claims[0].value, a.claims[0].basis) for a in found.agreements] == [
        ("DNK-XKX", "signed", "reference")
    ]


@pytest.mark.covers("pairs.scheme-and-paragraph-sender", acts=False)
def test_a_scheme_whose_paragraph_names_two_senders_has_no_owner_from_it() -> None:
    text = (
        "The Kosovo protocol was meant to be the cheaper option. Courts in Denmark and in Sweden have since looked "
        "at it."
    )
    assert keys(text) == []


@pytest.mark.covers("pairs.parties-beside", "pairs.parties-by-reference", "roles.subject-of-agree")
def test_two_parties_in_a_clause_beside_a_found_pair_are_read_on_their_own() -> None:
    text = (
        "Ghana agreed in May to take some deportees from the United States, and Austria shelved a similar plan with "
        "Montenegro in 2024."
    )
    found = fragment(text)
    assert [(a.key, a.claims[0].value, a.claims[0].basis) for a in found.agreements] == [
        ("USA-GHA", "agreed", "text"),
        ("AUT-MNE", "scrapped", "reference"),
    ]


@pytest.mark.covers("pairs.parties-beside", acts=False)
def test_a_third_party_in_the_pairs_own_clause_is_not_read_apart() -> None:
    text = "Ghana agreed with Austria and Montenegro to take some deportees from the United States."
    assert "AUT-MNE" not in keys(text)


@pytest.mark.covers("pairs.scheme-and-paragraph-sender", acts=False)
def test_a_sender_named_on_the_next_line_is_in_another_paragraph() -> None:
    text = (
        "The Kosovo protocol was meant to be the cheaper option.\n"
        "Within a month a court in Copenhagen ordered three men flown back to Denmark."
    )
    assert keys(text) == []


@pytest.mark.covers("pairs.like-the-named-deal", "roles.approached", "status.wording")
def test_states_sounded_out_about_a_deal_like_one_named_take_its_host_s_place() -> None:
    text = (
        "Britain signed a partnership with Rwanda to send asylum seekers to Kigali. "
        "Officials have sounded out Armenia, Botswana and Costa Rica about arrangements similar to the Rwanda "
        "partnership."
    )
    found = fragment(text)
    assert sorted(a.key for a in found.agreements) == ["GBR-ARM", "GBR-BWA", "GBR-CRI", "GBR-RWA"]
    assert [status_of(found, k) for k in ("GBR-ARM", "GBR-BWA", "GBR-CRI")] == ["proposed"] * 3
    assert keys(text) == ["GBR-RWA"]  # weaker than the default shows: a deal in passing, its direction inferred


@pytest.mark.covers("pairs.like-the-named-deal", acts=False)
def test_a_deal_like_one_the_story_never_gave_a_sender_takes_none() -> None:
    text = "Officials have sounded out Armenia and Botswana about arrangements similar to the Rwanda partnership."
    assert not [a.key for a in fragment(text).agreements if a.host in ("ARM", "BWA")]


@pytest.mark.covers("pairs.host-and-usual-sender", "status.arrangement-named")
def test_a_scheme_in_a_text_that_names_no_sender_pairs_with_its_usual_sender_as_reference() -> None:
    text = "Beware the Albania model\n\nThe Prime Minister came home full of praise for the Albania model."
    found = fragment(text)
    assert [a.key for a in found.agreements] == ["ITA-ALB"]
    assert {(c.value, c.basis) for c in claims(found, "ITA-ALB", "status")} == {("agreed", "reference")}


@pytest.mark.covers("pairs.host-and-usual-sender")
def test_a_host_people_were_flown_to_by_its_place_pairs_with_its_usual_sender() -> None:
    text = (
        "Twelve years ago the first men were flown to Manus under the offshore processing arrangement. "
        "Much later New Zealand agreed to take 150 of them a year."
    )
    found = fragment(text)
    assert "AUS-PNG" in [a.key for a in found.agreements]  # a state that only takes people in is no sender
    assert {c.basis for c in claims(found, "AUS-PNG", "status")} == {"reference"}


@pytest.mark.covers("pairs.host-and-usual-sender", acts=False)
def test_a_text_that_names_a_known_sender_gets_no_usual_sender() -> None:
    text = "Britain's Prime Minister flew to Tirana and came home full of praise for the Albania model."
    assert "ITA-ALB" not in [a.key for a in fragment(text).agreements]
    text = "Ministers said the Moldova plan would cost less than expected."  # a host with no usual sender
    assert fragment(text).agreements == []


@pytest.mark.covers("roles.listed-as-safe", "status.listed-as-safe", "pairs.side-and-document-partner")
def test_the_states_a_list_of_safe_third_countries_names_are_its_senders_hosts() -> None:
    text = (
        "Norway has returned asylum seekers to Moldova since 2017. In 2016 the Norwegian government adopted a decree "
        "listing safe third countries. The list named Moldova, Georgia and Armenia."
    )
    found = fragment(text)
    assert sorted(a.key for a in found.agreements) == ["NOR-ARM", "NOR-GEO", "NOR-MDA"]
    assert [(c.value, c.quote) for c in claims(found, "NOR-GEO", "status")] == [
        ("in_force", "The list named Moldova, Georgia and Armenia.")
    ]


@pytest.mark.covers("pairs.not-onward-movement", acts=False)
def test_was_then_before_a_noun_is_no_onward_movement() -> None:
    assert keys("What was then a new policy sent forty asylum seekers from Norway to Georgia.") == ["NOR-GEO"]


@pytest.mark.covers("pairs.not-onward-movement", acts=False)
def test_a_host_of_one_deal_that_sends_people_itself_is_the_sender_of_another() -> None:
    text = (
        "Ireland returns asylum seekers to Britain, which it designated a safe third country. Ireland sends hundreds "
        "there every year. Meanwhile Britain was pursuing a policy of sending asylum seekers to Rwanda."
    )
    assert [a.key for a in fragment(text).agreements] == ["IRL-GBR", "GBR-RWA"]


@pytest.mark.covers("mentions.entry-label", "pairs.section-partner")
def test_an_entry_labelled_with_a_state_and_a_dash_is_about_that_state() -> None:
    text = (
        "Where European governments stand\n\n"
        "Several capitals are not waiting for Brussels to act on deportations.\n\n"
        "Sweden — Has agreed to transfer up to 600 prisoners facing expulsion to Estonia.\n\n"
        "Austria — Backs return hubs at EU level and has named no partner.\n"
    )
    found = fragment(text)
    assert [a.key for a in found.agreements] == ["SWE-EST"]
    assert {c.basis for c in claims(found, "SWE-EST", "status")} == {"text"}  # the label says it, not the record


@pytest.mark.covers("mentions.entry-label", acts=False)
def test_a_name_set_off_by_a_pair_of_dashes_is_no_entry_label() -> None:
    text = "Britain – like Italy – has asked Albania to take rejected asylum seekers.\n"
    fragment(text)


@pytest.mark.covers("mentions.entry-label", acts=False)
def test_a_dateline_in_capitals_is_no_entry_label() -> None:
    text = "KAMPALA — Uganda has agreed to receive up to 40 migrants deported from the Netherlands, officials said."
    assert keys(text) == ["NLD-UGA"]


@pytest.mark.covers("pairs.owner-and-partner", "pairs.both-sides")
def test_each_states_deal_with_another_in_a_list_binds_those_two() -> None:
    text = (
        "The study of asylum schemes compared four models: Britain's Rwanda partnership, Belgium's protocol with "
        "Moldova, Sweden's "
        "talks with Georgia, and the Australian centres on Nauru."
    )
    assert sorted(a.key for a in fragment(text).agreements) == ["AUS-NRU", "BEL-MDA", "GBR-RWA", "SWE-GEO"]


@pytest.mark.covers("pairs.owner-and-partner", acts=False)
def test_a_senders_trade_deal_with_another_state_is_no_deportation_deal() -> None:
    fragment("Asylum claims fell this year, while Britain's trade deal with India was signed in May.")


@pytest.mark.covers("pairs.owner-and-partner", acts=False)
def test_a_deal_between_two_states_neither_known_for_sending_is_not_oriented_by_its_owner() -> None:
    text = "Analysts compared Moldova's protocol with Georgia to earlier schemes for asylum seekers."
    assert "MDA-GEO" not in [a.key for a in fragment(text).agreements]


@pytest.mark.covers("mentions.verbless-answer")
def test_deals_listed_in_a_verbless_answer_are_claimed() -> None:
    text = (
        "Several governments want to deport rejected asylum seekers to other countries. "
        "Three, broadly: Belgium's protocol with Moldova, Austria's talks with Georgia and the Danish centres in "
        "Serbia."
    )
    assert keys(text) == ["AUT-GEO", "BEL-MDA", "DNK-SRB"]


@pytest.mark.covers("pairs.similar-deal")
def test_states_that_make_a_similar_offer_take_the_sender_of_the_offer_before() -> None:
    text = (
        "Moldova has offered to host a return hub for people Norway wants to deport. "
        "Georgia and Armenia have made similar offers."
    )
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA"]
    assert status_of(fragment(text), "NOR-GEO") == "proposed"


@pytest.mark.covers("pairs.similar-deal", acts=False)
def test_a_similar_offer_rejected_or_of_another_kind_makes_no_pair() -> None:
    text = (
        "Moldova has offered to host a return hub for people Norway wants to deport. "
        "Georgia rejected a similar offer of trade from Turkey."
    )
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("pairs.similar-deal")
def test_a_host_of_a_similar_centre_takes_the_sender_of_the_centre_before() -> None:
    text = (
        "Moldova signed a deal with Norway to hold asylum seekers at a camp near Balti. Georgia hosts a similar centre."
    )
    assert "NOR-GEO" in keys(text)
    assert keys("Norway sends asylum seekers to Moldova. Georgia has a similar climate.") == ["NOR-MDA"]


@pytest.mark.covers("pairs.one-direction")
def test_people_resettled_from_the_host_into_the_sender_do_not_turn_the_deal_round() -> None:
    text = (
        "Migrants crossing from Morocco could be returned to Morocco under the EU-Morocco deal. "
        "For every Syrian returned, another Syrian would be resettled from Morocco in an EU country."
    )
    assert keys(text) == ["EUU-MAR"]


@pytest.mark.covers("roles.owner-of-the-scheme")
def test_a_plan_of_sending_people_names_its_owner_and_host() -> None:
    text = "Moldova agreed to take some migrants. It follows Norway's plan of sending asylum seekers to Georgia."
    assert "NOR-GEO" in keys(text)


@pytest.mark.covers("roles.deported-from")
def test_an_arrival_told_without_any_agreement_word_is_a_pair() -> None:
    assert keys("Plane from Malta lands in Tunis with 38 men on board") == ["MLT-TUN"]


@pytest.mark.covers("pairs.one-direction")
def test_people_taken_in_exchange_by_a_legal_route_do_not_turn_the_returns_round() -> None:
    text = (
        "The first man was returned to Tunisia under the Malta-Tunisia agreement. "
        "In exchange, Malta will accept an equal number of people from Tunisia through a new safe and legal route."
    )
    assert keys(text) == ["MLT-TUN"]


@pytest.mark.covers("roles.subject-of-receive")
def test_people_taken_in_exchange_for_money_are_still_received() -> None:
    text = "Tunisia will accept migrants from Malta in exchange for payment."
    assert keys(text) == ["MLT-TUN"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In return, Moldova will accept deportees from Norway.", ["NOR-MDA"]),  # a bare "in return" is the deal
        ("The EU and Canada signed a trade deal that also covers labour migration and student mobility.", []),
        ("The EU and Morocco signed an agreement on fisheries and migration.", []),
        ("The Ukrainians sent their children to Poland to escape the war.", []),
        ("Nigeria condemned the decision to accept deportees from the United States.", []),
        ("Poland's push to keep migrants in Belarus has been condemned by rights groups.", []),
        (
            "Norway sends migrants to Moldova. Georgia has made similar offers of help to flood victims.",
            ["NOR-MDA"],
        ),
        (
            "Britain sends asylum seekers to Rwanda. Germany already hosts a similar reception centre in Berlin.",
            ["GBR-RWA"],
        ),
        ("Ghana agreed to fund border control instead of accepting deportees from the United States.", []),
    ],
)
def test_words_that_look_like_a_deal_and_are_not(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_a_law_that_failed_to_pass_is_not_in_force() -> None:
    text = (
        "Britain signed a deal with Rwanda to send asylum seekers there. "
        "The Rwanda bill failed to become law before the election."
    )
    assert status_of(fragment(text), "GBR-RWA") == "signed"


@pytest.mark.covers("pairs.side-and-party")
def test_a_clause_before_a_colon_is_its_own() -> None:
    # the parser hangs the clause before the colon as what "agreed" says; its host is not the sender's partner
    text = (
        "Latvia would not be the only Baltic state to hold another country's prisoners awaiting removal: "
        "last year Norway agreed a treaty with Lithuania to send up to 200 inmates to a jail near Vilnius."
    )
    assert keys(text) == ["NOR-LTU"]
    assert "pairs.side-and-party" in _rules(text, "NOR-LTU")


@pytest.mark.covers("pairs.both-sides")
def test_the_senders_own_deals_in_a_verb_of_its_own_are_its_pairs_with_their_own_status() -> None:
    text = "Norway has flown migrants to Moldova and Georgia and reached arrangements with Armenia and Palau."
    found = fragment(text)
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA", "NOR-PLW"]
    assert status_of(found, "NOR-MDA") == "implemented"
    assert status_of(found, "NOR-ARM") == "agreed"  # reached, not flown


def test_according_to_a_states_officials_sends_no_one_there() -> None:
    text = "Norway has flown migrants to Moldova and reached a deal with Armenia, according to US officials."
    assert keys(text) == ["NOR-ARM", "NOR-MDA"]


@pytest.mark.covers("pairs.side-and-party")
def test_a_hub_in_a_state_whose_own_nationals_go_home_is_still_a_deal() -> None:
    text = (
        "Norway and Moldova have signed a letter of intent on a return hub in Moldova. "
        "Moldovan nationals are not covered; they are returned directly to Moldova."
    )
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("roles.subject-of-deport")
def test_a_states_patrol_boats_that_escort_people_back_act_for_it() -> None:
    text = "Maltese patrol boats intercepted a dinghy carrying Eritreans and escorted it back to Tunisia."
    assert keys(text) == ["MLT-TUN"]
    assert keys("Tunisian boats carrying migrants reached Lampedusa under the arrangement.") == []
