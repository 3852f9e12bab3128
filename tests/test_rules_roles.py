"""Stage 2 rules (dakg.ingest.rules.roles), one pattern of reporting per test, on frozen parses (no model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dakg.ingest.rules.syntax import timeline_verb

from .extraction import Role, claims, fragment, keys, roles_in, status_of, votes_in

pytestmark = pytest.mark.unit


@pytest.mark.covers("roles.demonym-for-people", "roles.subject-of-receive", "roles.accept-from")
def test_demonym_for_people_is_a_nationality() -> None:
    found = roles_in("Guatemala received forty Honduran and Salvadoran deportees from the United States on Monday.")
    assert found["HND"] == Role("nationality", "roles.demonym-for-people", ("Honduran",))
    assert found["SLV"].role == "nationality"
    assert found["GTM"].role == "host" and found["USA"].role == "deporting"


@pytest.mark.covers("roles.demonym-for-people", "roles.sent-to")
def test_plural_demonyms_are_the_people_moved_not_states() -> None:
    found = roles_in("Haitians, Cubans and Nicaraguans were flown to Mexico under the new arrangement.")
    assert {code: r.role for code, r in found.items()} == {
        "HTI": "nationality",
        "CUB": "nationality",
        "NIC": "nationality",
        "MEX": "host",
    }


@pytest.mark.covers("roles.people-from")
def test_people_from_a_list_of_states_hold_their_nationalities() -> None:
    found = roles_in("Eleven men from Syria, Iraq and Somalia were sent to Rwanda by the British government last week.")
    assert found["SYR"] == Role("nationality", "roles.people-from", ("men from Syria",))
    assert found["IRQ"].role == found["SOM"].role == "nationality"
    assert found["RWA"].role == "host"


@pytest.mark.covers("roles.people-from", "roles.deported-from")
def test_originally_from_is_a_nationality() -> None:
    found = roles_in("The deportees, originally from Nepal and Sri Lanka, were removed from the United States in May.")
    assert found["NPL"].role == found["LKA"].role == "nationality"
    assert found["USA"] == Role("deporting", "roles.deported-from", ("removed from the United States",))


@pytest.mark.covers("roles.nationals-of")
def test_nationals_of_and_whose_nationals() -> None:
    found = roles_in("Nationals of Liberia and Togo were among those deported to Ghana from the United States.")
    assert found["LBR"].rule == "roles.nationals-of" and found["TGO"].role == "nationality"
    found = roles_in("Nigeria, whose nationals made up most of the group, criticised the flights.")
    assert found["NGA"] == Role("nationality", "roles.nationals-of", ("Nigeria, whose nationals",))


@pytest.mark.covers("roles.deported-from")
def test_deported_from_and_deportees_from() -> None:
    assert roles_in("Thirty deportees from the United States landed in Uganda.")["USA"].rule == "roles.deported-from"
    found = roles_in("People who leave Israel receive a one-way ticket.")
    assert found["ISR"] == Role("deporting", "roles.deported-from", ("leave Israel",))


@pytest.mark.covers("roles.deported-by")
def test_deported_by() -> None:
    found = roles_in("Five men deported by the United States arrived in the capital of Eswatini.")
    assert found["USA"] == Role("deporting", "roles.deported-by", ("deported by the United States",))


@pytest.mark.covers("roles.soil")
def test_soil() -> None:
    assert roles_in("Italy will run two centres on Albanian soil.")["ALB"] == Role(
        "host", "roles.soil", ("Albanian soil",)
    )
    found = roles_in("The men were removed from American soil and flown to Guatemala.")
    assert found["USA"] == Role("deporting", "roles.soil", ("from American soil",))


@pytest.mark.covers("roles.soil")
def test_a_port_or_a_capital_people_are_sent_to() -> None:
    found = roles_in("Sixteen migrants were shipped by Italy to the Albanian port of Shengjin.")
    assert found["ALB"] == Role("host", "roles.soil", ("to the Albanian port",))
    assert roles_in("The United States deported five men to the Rwandan capital.")["RWA"].role == "host"
    assert "RWA" not in roles_in("The five men left the Rwandan capital on Tuesday.")


@pytest.mark.covers("roles.subject-of-deport")
def test_subject_of_deport_directly_and_through_a_deal() -> None:
    found = roles_in("The Netherlands will send rejected asylum seekers to Uganda.")
    assert found["NLD"] == Role("deporting", "roles.subject-of-deport", ("Netherlands will send",))
    found = roles_in("Denmark signed an agreement to transfer asylum seekers to Rwanda.")
    assert found["DNK"].rule == "roles.subject-of-deport" and found["RWA"].role == "host"


@pytest.mark.covers("roles.subject-of-deport", acts=False)
def test_a_subject_is_not_the_sender_of_a_drive_it_is_the_destination_of() -> None:
    found = roles_in(
        "Eswatini said it had taken the men, becoming the newest destination in the campaign to send migrants abroad."
    )
    assert "deporting" not in {r.role for r in found.values()}


@pytest.mark.covers("roles.subject-of-deport")
def test_suspending_transfers_makes_the_subject_the_sender() -> None:
    found = roles_in("Italy halted the transfers to Albania after the ruling.")
    assert found["ITA"] == Role("deporting", "roles.subject-of-deport", ("Italy halted the transfers",))
    assert found["ALB"].role == "host"


@pytest.mark.covers("roles.people-sent-from")
def test_people_sent_from_a_states_name_on_the_people() -> None:
    found = roles_in("The plan sought to send UK asylum seekers to Rwanda.")
    assert found["GBR"] == Role("deporting", "roles.people-sent-from", ("UK asylum seekers",))


@pytest.mark.covers("roles.deportations-of")
def test_deportations_of_with_a_possessive() -> None:
    found = roles_in("Britain's deportation flights to Rwanda never left the ground.")
    assert found["GBR"] == Role("deporting", "roles.deportations-of", ("Britain's deportation flights",))


@pytest.mark.covers("roles.scheme-named-after-host")
@pytest.mark.covers("roles.deportations-of", acts=False)
def test_a_bare_name_on_a_deportation_scheme_names_where_people_go() -> None:
    found = roles_in("The failed Rwanda deportation scheme cost hundreds of millions of pounds.")
    assert found["RWA"] == Role("host", "roles.scheme-named-after-host", ("Rwanda deportation scheme",))


@pytest.mark.covers("roles.court-of-the-sending-state")
def test_court_of_the_sending_state() -> None:
    found = roles_in("The Dutch Supreme Court ruled that sending people to Uganda broke the law.")
    assert found["NLD"] == Role("deporting", "roles.court-of-the-sending-state", ("Dutch Supreme Court",))


@pytest.mark.covers("roles.subject-of-agree", acts=False)
def test_a_court_is_never_a_party() -> None:
    found = roles_in("The British High Court reviewed the agreement last year.")
    assert found == {}


@pytest.mark.covers("roles.payer")
def test_payer_and_paid() -> None:
    found = roles_in("The United States will pay Honduras $3 million to house the deportees.")
    assert found["USA"] == Role("deporting", "roles.payer", ("United States will pay",))
    assert found["HND"] == Role("host", "roles.payer", ("pay Honduras",))


@pytest.mark.covers("roles.sent-to")
def test_sent_to_returned_to_and_conjoined_destinations() -> None:
    assert roles_in("Officials returned the migrants to Turkey.")["TUR"].rule == "roles.sent-to"
    found = roles_in("The U.S. deported six men to Kenya and nine men to Zambia.")
    assert found["KEN"].role == found["ZMB"].role == "host"


@pytest.mark.covers("roles.sent-to", acts=False)
def test_a_possible_destination_is_not_a_host() -> None:
    found = roles_in("Three of them may apply for asylum, with the possibility of eventual relocation to Canada.")
    assert "CAN" not in found


@pytest.mark.covers("roles.arrived-in")
def test_arrived_in_is_a_host_and_centres_in_too() -> None:
    assert roles_in("The first group of deportees arrived in Bhutan on Friday.")["BTN"] == Role(
        "host", "roles.arrived-in", ("arrived in Bhutan",)
    )
    assert roles_in("Greece will build three processing centres in Cyprus.")["CYP"].role == "host"


@pytest.mark.covers("roles.arrived-in")
def test_arriving_before_a_transfer_is_where_they_are_sent_from() -> None:
    found = roles_in("Asylum seekers arriving in Denmark may be transferred to Rwanda.")
    assert found["DNK"] == Role("deporting", "roles.arrived-in", ("arriving in Denmark",))
    found = roles_in("People who arrive in Britain illegally will be detained and removed.")
    assert found["GBR"].role == "deporting"


@pytest.mark.covers("roles.subject-of-receive")
def test_subject_of_receive_near_and_far() -> None:
    found = roles_in("Kosovo has agreed to host fifty deportees.")
    assert found["XKX"] == Role("host", "roles.subject-of-receive", ("Kosovo has agreed to host",))
    found = roles_in("Paraguay signed a deal to take in migrants.")
    assert found["PRY"].role == "host"
    found = roles_in("Rwanda is ready to accept more migrants expelled from the United States.")
    assert found["RWA"].rule == "roles.subject-of-receive" and found["USA"].role == "deporting"


@pytest.mark.covers("roles.subject-of-receive", "roles.accept-from", acts=False)
def test_resettled_refugees_are_not_deportees() -> None:
    found = roles_in("Canada will accept four thousand Syrian refugees from Lebanon next year.")
    assert "CAN" not in found and "LBN" not in found


@pytest.mark.covers("roles.accept-from")
def test_accept_from_one_state() -> None:
    found = roles_in("Belize agreed to accept migrants from the United States.")
    assert found["USA"] == Role("deporting", "roles.accept-from", ("migrants from the United States",))


@pytest.mark.covers("roles.receivers-listed")
def test_receivers_listed() -> None:
    found = roles_in("Ghana took in the group, joining Uganda and Rwanda as countries to receive deported migrants.")
    assert found["UGA"].rule == found["RWA"].rule == "roles.receivers-listed"
    found = roles_in("Palau joins a growing list of countries that have agreed to take in migrants.")
    assert found["PLW"] == Role(
        "host", "roles.receivers-listed", ("Palau joins a growing list of countries that have agreed to take",)
    )


@pytest.mark.covers("roles.readmitted-by")
def test_readmitted_by() -> None:
    found = roles_in("The accord covers the readmission of all irregular migrants from the islands by Turkey.")
    assert found["TUR"] == Role(
        "host", "roles.readmitted-by", ("readmission of all irregular migrants from the islands by Turkey",)
    )


@pytest.mark.covers("roles.deal-with")
def test_deal_with_and_talks_between() -> None:
    found = roles_in("Talks between Washington and Kigali continued in March.")
    assert found["USA"] == Role("party", "roles.deal-with", ("Talks between Washington",))
    assert found["RWA"].role == "party"
    assert roles_in("The minister travelled to Paris along with France's ambassador.") == {}


@pytest.mark.covers("roles.subject-of-agree", "roles.signed-by", "roles.arrangement-of")
def test_subject_of_agree_signed_by_and_arrangement_of() -> None:
    assert roles_in("Peru and Chile signed the memorandum.")["PER"].rule == "roles.subject-of-agree"
    found = roles_in("The deal was signed in Lima by Peruvian and Chilean officials.")
    assert found["PER"].rule == "roles.signed-by" and found["CHL"].role == "party"
    assert roles_in("Israel's agreement was kept secret.")["ISR"] == Role(
        "party", "roles.arrangement-of", ("Israel's agreement",)
    )


@pytest.mark.covers("roles.hyphen-pair")
def test_hyphen_pair_orders_deporting_first() -> None:
    found = roles_in("The UK-Rwanda partnership was criticised.")
    assert found["GBR"] == Role("deporting", "roles.hyphen-pair", ("UK-Rwanda partnership",))
    assert found["RWA"].role == "host"


@pytest.mark.covers("roles.official-signs")
def test_an_official_who_signs_makes_their_state_a_party_a_speaker_does_not() -> None:
    found = roles_in("Chilean Foreign Minister Ana Reyes signed the accord on Tuesday.")
    assert found["CHL"].rule == "roles.official-signs"
    found = roles_in("Czech Prime Minister Petr Novak said the deal was a good one.")
    assert "CZE" not in found or found["CZE"].role not in ("party", "host", "deporting")


@pytest.mark.covers("roles.possessive-country")
def test_possessive_country_is_the_officials_state() -> None:
    found = roles_in("Rwandan foreign minister Jean Habimana said his country had agreed to host the migrants.")
    assert found["RWA"].role == "host"


@pytest.mark.covers("roles.demonym-for-people")
def test_a_nationality_mention_does_not_hide_the_states_role() -> None:
    found = roles_in("Rwanda agreed to accept the migrants because every Rwandan family has known displacement.")
    assert found["RWA"].role == "host"


@pytest.mark.covers("roles.demonym-for-people")
def test_people_sent_to_their_own_state_are_a_return_home() -> None:
    found = roles_in("The agents deported forty Venezuelan migrants to Venezuela.")
    assert found["VEN"].role == "nationality"


@pytest.mark.covers("roles.receivers-listed")
def test_a_network_of_receivers_that_includes_states() -> None:
    found = roles_in(
        "Two more governments agreed to receive people the United States deports, widening a network that "
        "already includes Rwanda and Eswatini."
    )
    assert found["RWA"] == Role("host", "roles.receivers-listed", ("includes Rwanda",))
    assert found["SWZ"].role == "host" and found["USA"].role == "deporting"


@pytest.mark.covers("roles.scheme-named-after-host")
def test_a_scheme_named_after_a_state_is_named_after_its_host() -> None:
    found = roles_in("Ministers in Vienna defended the Moldova plan on Tuesday.")
    assert found["MDA"] == Role("host", "roles.scheme-named-after-host", ("Moldova plan",))
    found = roles_in("Sweden quietly renewed its Kenya cooperation deal.")  # its owner sends (its-own-scheme)
    assert found["KEN"].role == "host" and found["SWE"] == Role(
        "deporting", "roles.its-own-scheme", ("Sweden quietly renewed its Kenya cooperation deal",)
    )


@pytest.mark.covers("roles.scheme-named-after-host")
def test_a_scheme_named_in_passing_is_not_a_destination() -> None:
    assert "MDA" not in roles_in("Critics want a Moldova-style scheme for Austria.")  # another scheme, like it
    found = roles_in("Boats returned migrants from the Maltese coast to Tunisia under the EU deal.")
    assert found["EUU"].role == "party"  # people go to Tunisia; the EU is a party to the deal
    assert found["TUN"].role == "host" and found["MLT"].role == "deporting"


@pytest.mark.covers("roles.soil")
def test_people_returned_from_a_states_islands_or_coast() -> None:
    found = roles_in("Two ferries returned the men from the Maltese islands to Libya.")
    assert found["MLT"] == Role("deporting", "roles.soil", ("from the Maltese islands",))
    assert "SEN" not in roles_in("The boat had set out from the Senegalese coast in May.")  # a journey, not a sending


@pytest.mark.covers("roles.returned-via")
def test_returned_via_a_state_is_sent_to_it() -> None:
    found = roles_in("Norway will organise returns via Rwanda for people refused asylum.")
    assert found["RWA"] == Role("host", "roles.returned-via", ("returns via Rwanda",))
    assert "LBY" not in roles_in("Most of the men had travelled via Libya.")


@pytest.mark.covers("roles.people-held-on")
def test_people_held_on_a_states_territory() -> None:
    found = roles_in("The asylum seekers on Nauru will stay there until next year, the minister said.")
    assert found["NRU"] == Role("host", "roles.people-held-on", ("seekers on Nauru",))


@pytest.mark.covers("roles.facility-with-partner")
def test_the_partner_of_a_deal_to_build_a_place_for_people_hosts_it() -> None:
    found = roles_in("Belgium signed a memorandum with Senegal to set up a return hub for rejected applicants.")
    assert found["SEN"] == Role("host", "roles.facility-with-partner", ("Senegal to set up a return hub",))
    found = roles_in("Belgium signed a memorandum with Senegal to build a centre in Mauritania.")
    assert found.get("SEN", Role("party", "", ())).role == "party"  # the place is elsewhere


@pytest.mark.covers("roles.processes-claims")
def test_the_state_that_decides_the_claims_has_the_people() -> None:
    found = roles_in("Under the accord, Moldova will process the asylum claims of people sent from Austria.")
    assert found["MDA"] == Role("host", "roles.processes-claims", ("Moldova will process",))
    found = roles_in("Offshore processing on Tuvalu resumed in March.")
    assert found["TUV"] == Role("host", "roles.processes-claims", ("processing on Tuvalu",))


@pytest.mark.covers("roles.owner-of-the-scheme")
def test_the_state_that_runs_the_centres_or_owns_the_plan_sends_people() -> None:
    found = roles_in("Lawyers visited the Dutch-run centres in Uganda last week.")
    assert found["NLD"] == Role("deporting", "roles.owner-of-the-scheme", ("Dutch",))
    assert found["UGA"].role == "host"
    found = roles_in("Ghana rejected a Danish plan to expel asylum seekers.")
    assert found["DNK"] == Role("deporting", "roles.owner-of-the-scheme", ("Danish plan",))


@pytest.mark.covers("roles.sent-to")
def test_sent_to_when_the_parser_hangs_the_destination_on_the_people() -> None:
    found = roles_in("The plan to send people who reach the coast in rubber boats to Ghana was dropped.")
    assert found["GHA"].role == "host"


@pytest.mark.covers("roles.court-of-the-sending-state")
def test_a_states_court_on_people_held_abroad() -> None:
    found = roles_in("A Danish court ordered the release of six men held in Kosovo.")
    assert found["DNK"] == Role("deporting", "roles.court-of-the-sending-state", ("Danish court",))


@pytest.mark.covers("roles.payer")
def test_a_state_that_provides_money_pays() -> None:
    found = roles_in("The European Union will provide 80 million euros to Mauritania this year.")
    assert found["EUU"] == Role("deporting", "roles.payer", ("European Union will provide",))
    assert found["MRT"] == Role("host", "roles.payer", ("provide 80 million euros to Mauritania",))


@pytest.mark.covers("roles.subject-of-receive")
def test_receiving_something_that_is_not_people_is_not_hosting() -> None:
    assert "GBR" not in roles_in("Britain received a warm welcome when it asked Kosovo to host deportees.")
    assert roles_in("Kosovo agreed to host a return hub.")["XKX"].role == "host"


@pytest.mark.covers("roles.not-a-nationality")
def test_people_said_not_to_hold_a_nationality() -> None:
    found = roles_in("Peru sends people who are not Bolivian citizens to Bolivia.")
    assert found["BOL"].role == "host" and found["PER"].role == "deporting"
    found = roles_in("Chile deported forty non-Peruvian migrants to Peru.")
    assert found["PER"].role == "host"


@pytest.mark.covers("roles.headline-parties")
def test_every_state_a_headline_names_beside_a_deal_is_a_party() -> None:
    text = "Chile, Peru clinch key deal on migration centres\n\nThe two governments met in Lima on Monday."
    found = roles_in(text)
    assert found["CHL"].role == "party" and found["PER"].role == "party"
    assert "roles.headline-parties" in {r.rule for r in found.values()}


@pytest.mark.covers("roles.other-side-named")
def test_an_official_of_another_state_is_the_other_party() -> None:
    found = roles_in("Prime Minister Dick Schoof said the Uganda scheme would start next year.")
    assert found["NLD"] == Role("party", "roles.other-side-named", ("Dick Schoof",))
    assert found["UGA"].role == "host"
    found = roles_in("Ugandan minister Jeje Odongo said Uganda would take the migrants.")
    assert set(found) == {"UGA"}  # the official's own state is the side already named


@pytest.mark.covers("roles.administration")
def test_an_administration_acts_for_its_heads_state() -> None:
    found = roles_in("The Biden administration deported twenty men to Panama.")
    assert found["USA"] == Role("deporting", "roles.subject-of-deport", ("Biden administration deported",))


@pytest.mark.covers("roles.approached")
def test_a_state_asked_to_join_is_a_party() -> None:
    found = roles_in("Norway has approached the Moldovan government about taking rejected asylum seekers.")
    assert found["MDA"] == Role("party", "roles.approached", ("approached the Moldovan",))
    assert found["NOR"].role == "deporting"  # asking another state to take people is sending them, not taking them


@pytest.mark.covers("roles.holds-abroad", "roles.soil")
def test_a_state_that_holds_people_in_another_states_centres_sends_them() -> None:
    found = roles_in("Austria will hold up to 500 people in the Moldovan centres.")
    assert found["AUT"] == Role("deporting", "roles.holds-abroad", ("Austria will hold",))
    assert found["MDA"] == Role("host", "roles.soil", ("Moldovan centres",))
    assert roles_in("Moldova will hold the men for a year.")["MDA"].role == "host"  # in its own custody


@pytest.mark.covers("roles.other-side-named")
def test_an_institution_or_the_officials_of_another_state_are_the_other_party() -> None:
    found = roles_in("Home Office figures show 42 people were removed to Moldova.")
    assert found["GBR"] == Role("party", "roles.other-side-named", ("Home Office",))
    found = roles_in("Norwegian ministers said the migrants would be sent to Moldova.")
    assert found["NOR"] == Role("party", "roles.other-side-named", ("Norwegian",))
    found = roles_in("Norwegian and Danish ministers said the migrants would be sent to Moldova.")
    assert set(found) == {"MDA"}  # two other states: neither is taken


@pytest.mark.covers("roles.sent-to")
def test_sent_to_a_place_in_a_state() -> None:
    found = roles_in("Norway will send 300 prisoners to a rented prison in Balti, Moldova.")
    assert found["MDA"].role == "host" and found["NOR"].role == "deporting"


@pytest.mark.covers("roles.people-from", acts=False)
def test_refugees_from_a_state_fled_it() -> None:
    found = roles_in("Moldova hosts 5,000 refugees from Ukraine in two camps.")
    assert found.get("UKR", Role("nationality", "", ())).role == "nationality"  # never the state that sends them
    assert keys("Moldova hosts 5,000 refugees from Ukraine in two camps.") == []


@pytest.mark.covers("roles.subject-of-receive")
def test_the_officials_of_a_state_speak_for_it() -> None:
    text = "Officials in Chisinau confirmed they had agreed to host the men."
    assert roles_in(text)["MDA"].role == "host"


@pytest.mark.covers("roles.asks-another-to-receive")
def test_the_state_that_wants_another_to_receive_people_sends_them() -> None:
    found = roles_in("The United States wants Ecuador to accept 300 people a year.")
    assert found["USA"] == Role("deporting", "roles.asks-another-to-receive", ("United States wants",))
    assert found["ECU"].role == "host"


@pytest.mark.covers("roles.asks-another-to-receive")
def test_the_state_that_approaches_others_about_taking_people_sends_them() -> None:
    text = (
        "Washington has approached five West African governments, including Gabon, Liberia and Senegal, "
        "about taking in deported migrants."
    )
    found = roles_in(text)
    assert found["USA"] == Role("deporting", "roles.asks-another-to-receive", ("Washington has approached",))
    assert keys(text) == ["USA-GAB", "USA-LBR", "USA-SEN"]


@pytest.mark.covers("roles.official-signs")
def test_an_official_who_ends_a_deal_acts_for_a_party() -> None:
    found = roles_in("President Joe Biden ended the asylum deal with Honduras.")
    assert found["USA"] == Role("party", "roles.official-signs", ("Joe Biden", "ended"))


@pytest.mark.covers("roles.demonym-for-people")
def test_one_person_of_a_nationality_is_a_nationality() -> None:
    assert roles_in("For every Syrian sent back, one more is resettled.")["SYR"].role == "nationality"


@pytest.mark.covers("roles.asked-to-send")
def test_a_state_wanted_or_allowed_to_send_people_sends_them() -> None:
    found = roles_in("The premiers urged Norway to send rejected applicants to Moldova.")
    assert found["NOR"] == Role("deporting", "roles.asked-to-send", ("urged Norway to send",))
    assert found["MDA"].role == "host"


@pytest.mark.covers("roles.rents-places")
def test_a_state_renting_cells_elsewhere_sends_people_there() -> None:
    found = roles_in("Norway will rent 200 cells in a prison in Moldova for foreign convicts.")
    assert found["NOR"] == Role("deporting", "roles.rents-places", ("Norway will rent",))


@pytest.mark.covers("roles.safe-third-country")
def test_a_state_called_a_safe_third_country_receives() -> None:
    found = roles_in("Norway has designated Moldova a safe third country for asylum seekers.")
    assert found["MDA"] == Role("host", "roles.safe-third-country", ("Moldova a safe third country",))
    found = roles_in("Norway treats Moldova as a safe third country.")
    assert found["MDA"].role == "host"


@pytest.mark.covers("roles.held-by")
def test_people_held_by_a_state_elsewhere_were_sent_by_it() -> None:
    found = roles_in("The refugees held by Norway on Tuvalu were offered homes in Moldova.")
    assert found["NOR"] == Role("deporting", "roles.held-by", ("held by Norway",))


@pytest.mark.covers("roles.subject-of-receive")
def test_a_state_reported_to_have_agreed_to_receive() -> None:
    found = roles_in("The government in Chisinau is reported to have agreed to receive people removed by Norway.")
    assert found["MDA"].role == "host" and found["NOR"].role == "deporting"


@pytest.mark.covers("roles.subject-of-receive")
def test_talks_about_an_arrangement_where_another_receives() -> None:
    found = roles_in("Norway is in talks with Moldova about an arrangement under which the country would house them.")
    assert found["NOR"].role == "party"  # the talker does not house them
    assert roles_in("Norway will keep its processing centre open.") == {}  # keeping a place, not people


@pytest.mark.covers("roles.subject-of-deport", acts=False)
def test_sending_people_home_makes_no_third_country_sender() -> None:
    assert "NOR" not in roles_in("The deal makes it easier for Norway to send home Moldovans with no right to stay.")


@pytest.mark.covers("roles.designates-safe-third-country")
def test_the_state_that_designates_a_safe_third_country_sends_people_there() -> None:
    found = roles_in("Norway has designated Moldova a safe third country for asylum seekers.")
    assert found["NOR"] == Role("deporting", "roles.designates-safe-third-country", ("Norway has designated",))


@pytest.mark.covers("roles.subject-of-receive")
def test_a_state_that_readmits_people_receives_them() -> None:
    found = roles_in("Under the accord Moldova readmits nationals of other countries who reached Norway.")
    assert found["MDA"].role == "host"


@pytest.mark.covers("roles.owner-of-the-scheme", "roles.subject-of-receive")
def test_a_states_return_hub_serves_it_and_the_state_that_becomes_one_receives() -> None:
    found = roles_in("Moldova has offered to become a return hub for people Norway wants to remove.")
    assert found["MDA"].role == "host"
    found = roles_in("Moldova is in talks about hosting a Norway return hub.")
    assert found["NOR"] == Role("deporting", "roles.owner-of-the-scheme", ("Norway return hub",))


@pytest.mark.covers("roles.payer")
def test_states_that_pledge_money_to_another_pay_it() -> None:
    found = roles_in("Norway and Sweden pledged 50 million euros to Moldova.")
    assert found["NOR"].role == "deporting" and found["MDA"].role == "host"


@pytest.mark.covers("roles.people-from")
def test_people_from_one_state_are_only_weakly_its_nationals() -> None:
    text = "The people from Moldova had applied for asylum in Norway."
    assert roles_in(text)["MDA"] == Role("nationality", "roles.people-from", ("people from Moldova",))


@pytest.mark.covers("roles.offers-its-territory")
def test_the_state_that_offers_its_ground_for_the_centres_receives() -> None:
    found = roles_in("Moldova will make available land near Balti for a processing centre.")
    assert found["MDA"] == Role("host", "roles.offers-its-territory", ("Moldova will make available land",))


@pytest.mark.covers("roles.builds-the-centres")
def test_the_state_that_builds_or_runs_the_centres_sends_people_to_them() -> None:
    found = roles_in("Norway will build and run two reception centres near Balti.")
    assert found["NOR"] == Role("deporting", "roles.builds-the-centres", ("Norway will build",))


@pytest.mark.covers("roles.official-signs", acts=False)
def test_an_official_who_praises_a_deal_is_not_a_party_to_it() -> None:
    found = roles_in("President Joe Biden praised the asylum deal with Honduras.")
    assert "USA" not in found or found["USA"].rule != "roles.official-signs"


@pytest.mark.covers("roles.owner-of-the-scheme")
def test_the_owner_of_a_scheme_named_after_its_host_sends_people() -> None:
    found = roles_in("Critics said the idea would repeat the failures of Norway's Moldova scheme.")
    assert found["NOR"] == Role("deporting", "roles.owner-of-the-scheme", ("Norway's Moldova scheme",))
    assert found["MDA"] == Role("host", "roles.scheme-named-after-host", ("Moldova scheme",))


@pytest.mark.covers("roles.turned-back-from", "roles.subject-of-deport")
def test_people_turned_back_who_came_from_a_state_are_sent_back_to_it() -> None:
    found = roles_in("Canada turns back asylum seekers who arrive from the United States.")
    assert found["USA"] == Role(
        "host", "roles.turned-back-from", ("turns back asylum seekers who arrive from the United States",)
    )
    assert found["CAN"] == Role("deporting", "roles.subject-of-deport", ("Canada turns",))
    assert roles_in("Greece sends back migrants who crossed from Turkey.")["TUR"].role == "host"
    assert "SYR" not in roles_in("Canada welcomes refugees who arrive from Syria.")


@pytest.mark.covers("roles.owner-of-a-centre-abroad")
def test_the_owner_of_a_centre_abroad_sends_people_to_it() -> None:
    found = roles_in("Nauru hosts Australia's offshore processing centre.")
    assert (found["AUS"].role, found["AUS"].rule) == ("deporting", "roles.owner-of-a-centre-abroad")
    assert keys("Nauru hosts Australia's offshore processing centre, where asylum seekers are held.") == ["AUS-NRU"]
    here = roles_in("Italy's centres in Albania hold migrants rescued at sea.")
    assert here["ITA"].role == "deporting"


@pytest.mark.covers("roles.owner-of-a-centre-abroad", acts=False)
def test_a_states_own_centre_makes_it_no_sender() -> None:
    found = roles_in("Nauru's detention centre holds asylum seekers.")
    assert found.get("NRU") is None or found["NRU"].role != "deporting"


@pytest.mark.covers("roles.subject-of-receive")
def test_a_receiving_verb_on_a_deal_with_another_state_leaves_the_receiver_open() -> None:
    found = roles_in("The United States has reached an agreement with Paraguay to take in asylum seekers.")
    assert (found["USA"].role, found["PRY"].role) == ("party", "party")
    assert keys("The United States has reached an agreement with Paraguay to take in asylum seekers.") == ["USA-PRY"]


@pytest.mark.covers("roles.approached")
def test_a_state_approached_in_the_passive_is_a_party() -> None:
    found = roles_in("Equatorial Guinea was approached by Washington about accepting deportees.")
    assert (found["GNQ"].role, found["GNQ"].rule) == ("party", "roles.approached")


@pytest.mark.covers("roles.subject-of-agree")
def test_states_that_issue_a_joint_statement_are_parties() -> None:
    text = "Denmark and Rwanda issued a joint statement on a possible transfer of asylum seekers."
    found = roles_in(text)
    assert (found["DNK"].role, found["RWA"].role) == ("party", "party")
    assert keys(text) == ["DNK-RWA"]


@pytest.mark.covers("roles.arrived-in")
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Nine men expelled by Chile in May remain in government custody in Lima.", "CHL-PER"),
        ("The migrants deported by Chile were held in a hotel in Bolivia.", "CHL-BOL"),
        ("The men were sent from Chile and remain in detention in Peru.", "CHL-PER"),
    ],
)
def test_people_sent_away_who_remain_or_are_held_in_a_state_are_hosted_there(text: str, key: str) -> None:
    assert keys(text) == [key]


@pytest.mark.covers("roles.arrived-in", acts=False)
def test_a_base_of_the_sender_abroad_hosts_nobody() -> None:
    text = "Chile deported the men to Peru after they were kept at a Chilean base in Bolivia for weeks."
    assert keys(text) == ["CHL-PER"]


@pytest.mark.covers("roles.deal-with")
def test_a_memorandum_of_understanding_with_a_state_makes_it_a_party() -> None:
    found = roles_in("The government signed a memorandum of understanding with Kosovo to rent prison cells.")
    assert (found["XKX"].role, found["XKX"].rule) == ("party", "roles.deal-with")


@pytest.mark.covers("roles.owner-of-the-scheme")
def test_the_owner_of_a_plan_through_its_government() -> None:
    found = roles_in("Critics condemned the Chilean government's plan to send asylum seekers to Peru.")
    assert (found["CHL"].role, found["CHL"].rule) == ("deporting", "roles.owner-of-the-scheme")


@pytest.mark.covers("roles.court-of-the-sending-state", "roles.arrived-in")
def test_a_court_in_the_capital_rules_on_people_detained_abroad() -> None:
    text = "A court in Santiago ruled that the detention of twelve migrants in Peru was unlawful."
    found = roles_in(text)
    assert (found["CHL"].role, found["PER"].role) == ("deporting", "host")
    assert keys(text) == ["CHL-PER"]


@pytest.mark.covers("roles.payer")
@pytest.mark.covers("roles.subject-of-receive", acts=False)
def test_a_state_paid_to_house_people_houses_them_not_the_payer() -> None:
    found = roles_in("Chile paid Peru and Bolivia to house asylum seekers who arrived by boat.")
    assert (found["CHL"].role, found["PER"].role, found["BOL"].role) == ("deporting", "host", "host")


@pytest.mark.covers("roles.arrived-in")
def test_people_who_left_one_state_for_another_were_received_there() -> None:
    found = roles_in("Asylum seekers who left Chile for Peru were robbed on arrival.")
    assert (found["CHL"].role, found["PER"].role) == ("deporting", "host")


@pytest.mark.covers("roles.people-from")
def test_leaders_from_states_act_for_them_and_are_no_nationality() -> None:
    text = (
        "Chile hosted three Andean ministers — from Peru, Bolivia and Ecuador — to discuss whether the countries "
        "would be open to accepting deportees from Chile."
    )
    found = roles_in(text)
    assert [found[c].role for c in ("PER", "BOL", "ECU")] == ["party", "party", "party"]
    assert keys(text) == ["CHL-BOL", "CHL-ECU", "CHL-PER"]


@pytest.mark.covers("roles.demonym-for-people", acts=False)
def test_people_of_any_nationality_but_one_do_not_make_that_state_their_home() -> None:
    text = (
        "Migrants deported from Chile were flown to Peru. "
        "Bolivia agreed to act as a bridge for 200 non-Bolivians, most of them from Haiti and India."
    )
    found = roles_in(text, 1)
    assert (found["HTI"].role, found["IND"].role) == ("nationality", "nationality")
    assert keys(text) == ["CHL-BOL", "CHL-PER"]


@pytest.mark.covers("roles.the-third-country-named")
@pytest.mark.parametrize(
    "text",
    [
        "Chile deported the men to a third country, reported to be Peru.",
        "The men were flown from Chile to a third country, widely reported to be Peru.",
    ],
)
def test_the_state_given_as_the_third_country_receives_the_people(text: str) -> None:
    assert roles_in(text)["PER"].role == "host"
    assert keys(text) == ["CHL-PER"]


@pytest.mark.covers("roles.signed-by")
def test_the_author_of_a_statement_about_the_deal_is_a_party() -> None:
    text = "Chile said it had deported migrants from Chile, despite a denial in a statement by Peru."
    assert (roles_in(text)["PER"].role, roles_in(text)["PER"].rule) == ("party", "roles.signed-by")


@pytest.mark.covers("roles.arrived-in", acts=False)
def test_nobody_settled_in_a_state_makes_it_no_host() -> None:
    found = roles_in("Under that deal, nobody who arrived by boat would ever be settled in Chile.")
    assert "CHL" not in found or found["CHL"].role != "host"


@pytest.mark.covers("roles.named-as")
def test_states_named_as_destinations_host_and_as_partners_are_parties() -> None:
    found = roles_in("The bill names Peru and Bolivia as possible destinations for people removed from Chile.")
    assert (found["PER"].role, found["BOL"].role, found["PER"].rule) == ("host", "host", "roles.named-as")
    partners = roles_in("The minister listed Peru as a possible partner for the return of rejected asylum seekers.")
    assert partners["PER"].role == "party"


@pytest.mark.covers("roles.subject-of-receive")
def test_a_state_exploring_return_hubs_is_no_host() -> None:
    found = roles_in("Chile is exploring return hubs in the Andes for rejected asylum seekers.")
    assert "CHL" not in found or found["CHL"].role != "host"
    assert roles_in("Peru offered to become a return hub for Chile.")["PER"].role == "host"


@pytest.mark.covers("roles.deal-with")
def test_talks_about_hubs_with_states_make_them_parties() -> None:
    found = roles_in("Chile has held talks about return hubs with Peru, Bolivia and Ecuador.")
    assert [found[c].role for c in ("PER", "BOL", "ECU")] == ["party", "party", "party"]


@pytest.mark.covers("roles.subject-of-receive")
def test_the_state_that_is_the_latest_country_to_accept_receives() -> None:
    found = roles_in("Peru is the fourth South American nation to agree to take in migrants deported by Chile.")
    assert (found["PER"].role, found["CHL"].role) == ("host", "deporting")


@pytest.mark.covers("roles.runs-a-centre-abroad", "roles.where-another-runs-it")
def test_the_state_that_runs_a_centre_or_processing_in_another_sends_people_there() -> None:
    found = roles_in("Those left may move to Moldova, where Norway keeps its offshore reception centre open.")
    assert found["NOR"] == Role(
        "deporting", "roles.runs-a-centre-abroad", ("Norway keeps its offshore reception centre",)
    )
    found = roles_in(
        "The pact is distinct from the detention of boat arrivals, which Norway has run on Moldova for years."
    )
    assert found["NOR"].rule == "roles.runs-a-centre-abroad"
    assert found["MDA"] == Role("host", "roles.where-another-runs-it", ("run on Moldova",))


@pytest.mark.covers("roles.runs-a-centre-abroad", acts=False)
def test_a_state_running_its_own_centre_or_an_office_abroad_sends_no_one() -> None:
    assert "MDA" not in roles_in("Moldova keeps the reception centre open all year.")
    assert roles_in("Norway runs a consulate in Moldova.") == {}


@pytest.mark.covers("roles.its-own-scheme")
def test_the_state_that_shelves_its_own_scheme_named_after_another_owns_it() -> None:
    found = roles_in("Sweden, which shelved its own Moldova plan in 2023, is watching closely.")
    assert found["SWE"] == Role("deporting", "roles.its-own-scheme", ("Sweden, which shelved its own Moldova plan",))
    assert found["MDA"].role == "host"
    assert keys("Sweden, which shelved its own Moldova plan for asylum seekers, is watching Norway.") == ["SWE-MDA"]


@pytest.mark.covers("roles.deal-with")
def test_a_deal_with_a_state_the_parser_hangs_on_the_verb_is_still_a_deal_with_it() -> None:
    found = roles_in("The model resembles Norway's deal with Moldova.")
    assert found["MDA"] == Role("party", "roles.deal-with", ("deal with Moldova",))
    found = roles_in("Norway signed a letter of intent with Moldova in September.")
    assert found["MDA"].role == "party" and found["NOR"].role == "party"


@pytest.mark.covers("roles.joins-anothers-scheme")
def test_a_state_that_joins_anothers_scheme_receives_and_the_owner_sends() -> None:
    found = roles_in("Moldova is the latest state to take part in the Norwegian programme, after Georgia and Armenia.")
    assert found["MDA"] == Role(
        "host", "roles.joins-anothers-scheme", ("Moldova is the latest state to take part in the Norwegian programme",)
    )
    found = roles_in("Moldova joined the Norway programme in August.")
    assert found["NOR"] == Role("deporting", "roles.joins-anothers-scheme", ("joined the Norway programme",))
    assert found["MDA"].role == "host"


@pytest.mark.covers("roles.scheme-named-after-host", acts=False)
def test_a_scheme_another_state_joins_is_not_named_after_its_host() -> None:
    assert keys("Moldova signed up to the Norway plan for rejected asylum seekers.") == ["NOR-MDA"]


@pytest.mark.covers("roles.the-ones-before")
def test_the_states_named_as_having_done_it_before_the_newest_did_it_too() -> None:
    found = roles_in("Moldova is the latest state to take part in the Norwegian programme, after Georgia and Armenia.")
    assert found["GEO"] == Role("host", "roles.the-ones-before", ("after Georgia",))
    assert found["ARM"].role == "host"
    text = "Moldova became the second country, after Georgia, to receive asylum seekers deported from Norway."
    assert sorted(keys(text)) == ["NOR-GEO", "NOR-MDA"]


@pytest.mark.covers("roles.the-ones-before", acts=False)
def test_after_a_state_without_a_newest_one_is_only_time() -> None:
    assert "NOR" not in roles_in("Moldova received the men after Norway, officials said.")


@pytest.mark.covers("roles.subject-of-deport")
def test_a_sending_verb_the_tagger_calls_a_noun_still_has_its_subject() -> None:
    text = "A law passed in May lets the government of the Netherlands transfer asylum seekers to Moldova or Georgia."
    found = roles_in(text)
    assert found["NLD"] == Role("deporting", "roles.subject-of-deport", ("Netherlands transfer",))
    assert found["MDA"].role == found["GEO"].role == "host"


@pytest.mark.covers("roles.run-by")
def test_the_state_a_centre_in_another_state_is_run_by_sends_people_there() -> None:
    found = roles_in("The protocol provides for people to be processed in the Moldovan centres run by Norway.")
    assert found["NOR"] == Role("deporting", "roles.run-by", ("centres run by Norway",))
    assert "NOR" not in roles_in("The reception centres run by Norway hold three hundred people.")


@pytest.mark.covers("roles.subject-of-deport")
def test_handing_people_over_to_a_state_sends_them_there() -> None:
    found = roles_in("Moldova handed over forty migrants to Georgia at the border.")
    assert found["MDA"] == Role("deporting", "roles.subject-of-deport", ("Moldova handed",))
    assert found["GEO"].role == "host"


@pytest.mark.covers("roles.subject-of-agree")
def test_the_state_that_announces_the_signing_of_an_agreement_is_a_party() -> None:
    text = (
        "The Ministry of Foreign Affairs of Moldova "
        "announces the signing of a safe third country agreement with Norway."
    )
    found = roles_in(text)
    assert found["MDA"] == Role("party", "roles.subject-of-agree", ("Moldova announces the signing",))
    assert found["NOR"].role == "party"


@pytest.mark.covers("roles.named-partner")
def test_the_state_called_the_partner_of_a_scheme_to_send_people_abroad_would_receive_them() -> None:
    found = roles_in("Ministers confirmed that Moldova is the government's preferred partner.")
    assert found["MDA"] == Role("host", "roles.named-partner", ("Moldova is the government's preferred partner",))
    found = roles_in("Norway has held talks with Moldova, which it sees as the most likely partner.")
    assert found["MDA"].rule == "roles.named-partner"
    trade = roles_in("Moldova is Norway's largest trading partner.")
    assert "MDA" not in trade or trade["MDA"].rule != "roles.named-partner"


@pytest.mark.covers("roles.subject-of-deport")
def test_the_state_whose_parliament_passes_a_law_to_send_people_abroad_sends_them() -> None:
    text = "The Norwegian parliament passed a law that allows asylum seekers to be flown to a country outside Europe."
    assert roles_in(text)["NOR"] == Role(
        "deporting",
        "roles.subject-of-deport",
        ("Norwegian parliament passed a law that allows asylum seekers to be flown",),
    )


@pytest.mark.covers("roles.processes-claims", acts=False)
def test_the_process_of_ending_a_deal_is_not_the_processing_of_claims() -> None:
    found = roles_in("Norway has begun the process of ending its Asylum Partnership Agreements with Moldova.")
    evidence = ("Norway has begun the process of ending its Asylum Partnership Agreements",)
    assert found["NOR"] == Role("party", "roles.subject-of-agree", evidence)


def test_a_capitalised_plural_of_a_deal_noun_is_the_noun() -> None:
    found = roles_in("Norway ended the Asylum Partnership Agreements with Moldova and Georgia.")
    assert found["MDA"].rule == "roles.deal-with" and found["GEO"].rule == "roles.deal-with"


@pytest.mark.covers("roles.subject-of-receive")
def test_a_titled_office_holder_acts_for_the_state_that_possesses_the_title() -> None:
    found = roles_in("Moldova's President Ana Rusu offered to hold deportees of any nationality in a new prison.")
    assert found["MDA"] == Role("host", "roles.subject-of-receive", ("Moldova's President Ana Rusu offered to hold",))


@pytest.mark.covers("roles.subject-of-receive", acts=False)
def test_holding_a_flight_is_not_holding_people() -> None:
    assert "MDA" not in roles_in("Moldova will hold the deportation flights until the court rules.")


@pytest.mark.covers("roles.for-it-to-receive")
def test_the_state_in_for_x_to_receive_is_the_one_that_receives() -> None:
    text = (
        "The MOU provides a framework for Tonga to receive non-citizens who have exhausted every avenue to stay in "
        "Norway and who cannot be returned."
    )  # the parser reads "for Tonga" as a prepositional phrase here (for most states it makes it the subject)
    assert roles_in(text)["TON"] == Role("host", "roles.for-it-to-receive", ("Tonga to receive",))


@pytest.mark.covers("roles.for-it-to-receive", acts=False)
def test_for_x_to_receive_a_payment_is_not_receiving_people() -> None:
    assert "MDA" not in roles_in("The memorandum sets out a timetable for Moldova to receive the first payment.")


@pytest.mark.covers("roles.no-right-to-stay")
def test_the_state_people_have_no_right_to_stay_in_leans_to_sending_them() -> None:
    text = "The accord covers people who have no legal right to remain in Norway."
    votes = [v for v in votes_in(text) if v.iso3 == "NOR"]
    assert [(v.role, v.weight, v.rule) for v in votes] == [("deporting", 0.45, "roles.no-right-to-stay/v1")]
    assert "NOR" not in roles_in("The accord covers people who have the right to remain in Norway.")


@pytest.mark.covers("roles.owner-of-the-scheme")
def test_the_state_whose_offshore_processing_policy_it_is_sends_people() -> None:
    found = roles_in("The men were taken to Tuvalu under Oslo's offshore processing policy.")
    assert found["NOR"] == Role("deporting", "roles.owner-of-the-scheme", ("Oslo's offshore processing policy",))
    assert found["TUV"].role == "host"


def test_an_ambiguous_place_name_after_a_verb_of_moving_people_is_the_place() -> None:
    found = roles_in("The 400 men were transferred to Manus under the arrangement.")
    assert found["PNG"] == Role("host", "roles.sent-to", ("transferred to Manus",))


@pytest.mark.covers("roles.payer")
def test_a_state_paid_to_take_people_in_receives_them() -> None:
    assert roles_in("Moldova was paid $5 million to accept deportees.")["MDA"] == Role(
        "host", "roles.payer", ("Moldova was paid",)
    )
    found = roles_in("Moldova received a payment of $7 million to take deportees.")
    assert found["MDA"] == Role("host", "roles.payer", ("Moldova received",))


@pytest.mark.covers("roles.payer", acts=False)
def test_a_state_paid_for_something_else_receives_no_one() -> None:
    assert "MDA" not in roles_in("Moldova received a payment of $7 million to build roads.")


@pytest.mark.covers("roles.the-third-country-named")
def test_an_unnamed_country_the_sentence_then_names_receives_the_people() -> None:
    text = (
        "Critics condemned the removal of 30 men from Norway to an undisclosed country, widely reported to be Georgia."
    )
    assert roles_in(text)["GEO"].rule == "roles.the-third-country-named"


@pytest.mark.covers("roles.its-own-scheme")
def test_a_state_pressing_ahead_with_its_hub_named_after_another_state_sends_people_there() -> None:
    found = roles_in("The minister said Norway would press ahead with its Moldova hub.")
    assert found["NOR"] == Role("deporting", "roles.its-own-scheme", ("Norway would press ahead with its Moldova hub",))


@pytest.mark.covers("roles.court-of-the-sending-state")
def test_judges_who_free_people_held_at_a_centre_abroad_are_of_the_sending_state() -> None:
    found = roles_in("Judges in Rome freed five men held at Gjader on Friday.")
    assert found["ITA"] == Role("deporting", "roles.court-of-the-sending-state", ("Judges in Rome",))


@pytest.mark.covers("roles.receivers-listed")
def test_the_states_a_state_joins_in_accepting_people_accept_them_too() -> None:
    found = roles_in("Moldova joins Georgia and Armenia in accepting Norwegian deportees.")
    assert [found[c].rule for c in ("MDA", "GEO", "ARM")] == ["roles.receivers-listed"] * 3


@pytest.mark.covers("roles.owner-of-the-scheme", acts=False)
def test_a_hosts_own_detention_system_makes_it_no_sender() -> None:
    assert (
        roles_in("Moldova's detention system has held hundreds of people since the accord.")
        .get("MDA", Role("host", "", ()))
        .role
        != "deporting"
    )


@pytest.mark.covers("roles.its-own-scheme", acts=False)
def test_a_host_standing_by_its_deal_named_after_the_sender_sends_no_one() -> None:
    assert roles_in("Moldova stands by its Sweden deal.").get("MDA", Role("party", "", ())).role != "deporting"
    assert roles_in("Moldova defends its Sweden deal.").get("MDA", Role("party", "", ())).role != "deporting"


@pytest.mark.covers("roles.owner-of-the-scheme")
def test_a_state_known_for_sending_whose_third_country_deals_they_are_sends_people() -> None:
    assert roles_in("A guide to the UK third-country deals")["GBR"] == Role(
        "deporting", "roles.owner-of-the-scheme", ("UK third-country deals",)
    )


@pytest.mark.covers("roles.brought-back")
def test_people_held_in_a_third_state_and_brought_to_another_are_not_hosted_by_it() -> None:
    text = "A court in Oslo ordered that the men held at Norway's centre in Moldova be brought back to Norway."
    assert keys(text) == ["NOR-MDA"]
    assert roles_in(text)["NOR"].role != "host"


@pytest.mark.covers("roles.brought-back", acts=False)
def test_people_brought_to_a_state_from_nowhere_held_are_sent_there() -> None:
    text = "Norway brought forty rejected applicants to Moldova under the new accord."
    assert roles_in(text)["MDA"] == Role("host", "roles.sent-to", ("brought forty rejected applicants to Moldova",))


@pytest.mark.covers("roles.asked-to-receive")
@pytest.mark.parametrize(
    "text",
    [
        "Nigeria rejected a US request to take in deportees from third countries.",
        "Nigeria received a proposal from the United States to take in deported migrants.",
        "Nigeria said it had received no request from Washington to accept people who are not its citizens.",
    ],
)
def test_a_state_asked_to_receive_is_the_host_and_the_asker_the_sender(text: str) -> None:
    assert keys(text) == ["USA-NGA"]


@pytest.mark.covers("roles.asked-to-receive", acts=False)
def test_a_request_for_something_else_asks_no_one_to_receive() -> None:
    assert keys("Nigeria rejected a US request to open its airspace to military flights.") == []


@pytest.mark.covers("roles.its-own-citizens")
def test_a_state_taking_back_its_own_citizens_agrees_to_no_third_country_deal() -> None:
    text = (
        "Moldova will accept the return of its own citizens from Norway but will not take nationals of other "
        "countries, the foreign ministry said."
    )
    statuses = [(c.value, c.negated) for c in claims(fragment(text), "NOR-MDA", "status")]
    assert ("agreed", False) not in statuses


@pytest.mark.covers("roles.people-sent-from", acts=False)
def test_a_state_not_known_for_sending_on_removals_is_not_where_they_come_from() -> None:
    text = "Judge finds administration defied order with Moldova removals"
    assert "MDA" not in roles_in(text)


@pytest.mark.covers("roles.people-sent-from")
def test_a_state_known_for_sending_on_removals_is_where_they_come_from() -> None:
    text = "Court halts US removals to Moldova after the first flight"
    assert roles_in(text)["USA"].role == "deporting"


@pytest.mark.covers("roles.listed-between")
def test_a_state_in_a_list_with_counts_plays_the_role_of_its_neighbours() -> None:
    text = (
        "Since May, Norway has deported people to Moldova (12), Armenia (8), Serbia (5) and Georgia (3), a tally shows."
    )
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA", "NOR-SRB"]


@pytest.mark.covers("roles.listed-between", acts=False)
def test_a_state_between_states_of_different_roles_takes_neither() -> None:
    text = "Norway deported men from Iraq, Syria and Iran to Moldova under the new accord."
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("roles.asked-to-receive", acts=False)
def test_the_owner_of_an_offer_to_take_people_is_not_their_sender() -> None:
    text = "Norway welcomed Moldova's offer to take in rejected applicants."
    assert "MDA-NOR" not in keys(text)


@pytest.mark.covers("roles.brought-back", acts=False)
def test_people_held_in_the_sender_and_taken_to_the_host_are_deported() -> None:
    text = (
        "The United States deported 90 Venezuelans to Moldova in March. Venezuelans held in the United States "
        "were taken to Moldova on military planes."
    )
    statuses = claims(fragment(text), "USA-MDA", "status")
    assert len(statuses) == 2 and all(c.confidence >= 0.5 for c in statuses)


@pytest.mark.covers("roles.used-as-destination")
def test_a_state_used_as_a_third_country_for_deportees_is_their_host() -> None:
    text = "The United States will use Moldova as a third country for deportees who cannot be sent home."
    assert keys(text) == ["USA-MDA"]


@pytest.mark.covers("roles.used-as-destination", acts=False)
def test_a_state_used_as_a_base_for_trade_is_no_host() -> None:
    assert keys("The United States will use Moldova as a hub for its grain exports.") == []


@pytest.mark.covers("roles.deal-with")
def test_talks_under_way_with_states_make_them_parties() -> None:
    text = "Norway sent forty rejected applicants to Moldova. Talks are also under way with Armenia and Georgia."
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA"]


@pytest.mark.covers("roles.scheme-named-after-host", "status.wording")
def test_a_senders_name_on_the_deal_beside_another_state_is_a_party() -> None:
    text = (
        "Uganda confirms US deal\n\nUganda's foreign ministry confirmed the deal with the United States on Monday, "
        "saying it would take people unlikely to be granted asylum in America."
    )
    assert keys(text) == ["USA-UGA"]
    assert [c.value for c in claims(fragment(text), "USA-UGA", "status")][-1] == "agreed"


@pytest.mark.covers("roles.speaker-of-talks")
def test_the_state_whose_minister_reports_talks_with_another_is_a_party() -> None:
    text = (
        "Eswatini's government on Tuesday defended its agreement to accept deportees from the United States. "
        "Foreign Minister Olivier Nduhungirehe of Rwanda said talks with Washington were continuing."
    )
    (status,) = claims(fragment(text), "USA-RWA", "status")
    assert status.value == "under_negotiation" and status.confidence >= 0.5


@pytest.mark.covers("roles.speaker-of-talks", acts=False)
def test_a_speaker_reporting_another_states_deal_is_no_party() -> None:
    text = "Moldova's foreign minister said Norway's deal with Armenia to send rejected applicants there was working."
    found = roles_in(text).get("MDA")
    assert found is None or found.rule != "roles.speaker-of-talks"


@pytest.mark.covers("roles.brought-back")
def test_people_brought_back_to_a_state_are_not_hosted_by_it() -> None:
    text = (
        "Denmark opened a centre in Moldova for rejected applicants last year. Since the first transfers, "
        "most of the men have been brought back to Denmark within days."
    )  # (a state known for sending people abroad: "taken back to France" under a returns pilot is a host)
    assert roles_in(text, 1).get("DNK", Role("none", "", ())).role != "host"
    assert keys(text) == ["DNK-MDA"]


@pytest.mark.covers("roles.subject-of-receive", acts=False)
def test_a_state_that_takes_people_to_another_place_does_not_receive_them() -> None:
    text = "The accord lets Norway take men rescued at sea by Norwegian ships to two sites on Moldovan soil."
    assert roles_in(text).get("NOR", Role("none", "", ())).role != "host"


@pytest.mark.covers("roles.arrived-in")
def test_people_already_in_a_state_and_awaiting_removal_are_not_hosted_there() -> None:
    text = (
        "Norway runs a centre in Moldova for rejected applicants. In the spring the government changed the rules so "
        "that Balti could also hold migrants already in Norway who are awaiting removal."
    )
    assert [(v.iso3, v.role) for v in votes_in(text, 1)] == [("NOR", "deporting")]
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("roles.receivers-listed")
def test_a_state_that_joins_others_on_the_list_of_receivers_is_a_host_and_so_are_they() -> None:
    text = "Moldova joins Armenia and Georgia on the list of states taking third-country deportees from Norway."
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA"]


@pytest.mark.covers("roles.asked-to-take")
def test_states_signed_up_to_take_others_are_hosts() -> None:
    text = "Norway has sent men to Moldova, and has signed up Armenia and Georgia to take others."
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA"]


@pytest.mark.covers("roles.people-not-of")
def test_non_demonym_people_give_their_state_no_role() -> None:
    text = (
        "Armenia has no formal agreement with Norway, but it has taken in non-Moldovans sent back at the border, "
        "many of them Syrians, on what it calls humanitarian grounds."
    )
    assert "MDA" not in roles_in(text)


@pytest.mark.covers("roles.sent-to")
def test_a_destination_after_a_verb_left_out_is_where_people_were_sent() -> None:
    text = "In May, about two hundred people were flown to Armenia by Norway, and about three hundred to Moldova."
    assert roles_in(text)["MDA"] == Role(
        "host", "roles.sent-to", ("flown to Armenia by Norway, and about three hundred to Moldova",)
    )
    assert keys(text) == ["NOR-ARM", "NOR-MDA"]


@pytest.mark.covers("roles.centres-it-built", "status.centre-in-use")
def test_the_centres_a_state_built_in_another_are_a_scheme_in_use() -> None:
    text = "Critics say the centres Norway built in Moldova have spent most of their existence almost empty."
    found = fragment(text)
    assert keys(text) == ["NOR-MDA"]
    assert [c.value for c in claims(found, "NOR-MDA", "status")] == ["implemented"]


@pytest.mark.covers("roles.centres-it-built", acts=False)
def test_the_centres_a_state_will_build_are_not_yet_in_use() -> None:
    text = "Critics say the centres Norway will build in Moldova will stand empty."
    found = fragment(text)
    assert [c.value for a in found.agreements for c in claims(found, a.key, "status")] == []


@pytest.mark.covers("roles.brought-back", acts=False)
def test_people_taken_back_to_a_state_under_a_returns_pilot_are_hosted_there() -> None:
    text = (
        "Under the pilot that Britain agreed with France on Thursday, migrants who cross the Channel by small boat "
        "will be taken back to France within days."
    )
    assert keys(text) == ["GBR-FRA"]


@pytest.mark.covers("roles.one-of-many-origins", acts=False)
def test_groups_each_sent_to_their_own_state_go_home() -> None:
    text = "Mexico deported 200 Guatemalans to Guatemala, 300 Hondurans to Honduras and 100 Salvadorans to El Salvador."
    assert keys(text) == []


@pytest.mark.covers("roles.receivers-listed", acts=False)
def test_a_list_of_governments_that_want_to_send_people_is_no_list_of_receivers() -> None:
    text = (
        "The United States has deported 14 West Africans to Ghana. Ghana has joined Britain on a list of governments "
        "that want to send failed asylum seekers to states that take them in."
    )
    assert roles_in(text, 1).get("GBR", Role("none", "", ())).role != "host"


@pytest.mark.covers("roles.centres-it-built", acts=False)
def test_a_centre_a_state_built_at_home_makes_it_no_sender() -> None:
    text = "The reception centre Rwanda built in Kigali to house asylum seekers sent by Britain stands empty."
    assert roles_in(text).get("RWA", Role("none", "", ())).role != "deporting"


@pytest.mark.covers("roles.officials-moved")
def test_officials_flown_in_from_a_state_make_it_no_sender() -> None:
    text = "The two centres in Moldova stand empty, guarded by police officers flown in from Denmark."
    assert "DNK" not in {c for c, r in roles_in(text).items() if r.role == "deporting"}
    assert keys(text) == []


@pytest.mark.covers("roles.officials-moved", acts=False)
def test_people_flown_in_from_a_state_are_still_sent_from_it() -> None:
    assert roles_in("The camp holds asylum seekers flown in from Denmark.")["DNK"].role == "deporting"


def test_people_leaving_for_the_capital_of_their_own_state_go_home() -> None:
    text = (
        "A flight carrying Moldovan men whose asylum claims had been refused left Denmark for Chisinau on Monday, "
        "under a returns arrangement agreed with Moldova."
    )
    assert keys(text) == []


@pytest.mark.covers("roles.subject-of-deport", acts=False)
def test_a_host_promising_not_to_send_people_on_is_no_sender() -> None:
    text = (
        "Denmark's minister signed a treaty in which Moldova promises not to send anyone relocated to another country."
    )
    assert roles_in(text).get("MDA") is None or roles_in(text)["MDA"].role != "deporting"


def test_a_sender_that_will_not_send_to_a_named_host_stays_its_sender() -> None:
    assert roles_in("Denmark will not send rejected asylum seekers to Moldova this year.")["DNK"].role == "deporting"


def _timeline_doc(colon: bool) -> Doc:
    """ "- 14 April 2022: Minister Dybvad sign the partnership" as the English model sometimes parses such an entry:
    the subject in apposition to the date, the date on the verb."""
    words = ["-", "14", "April", "2022", ":" if colon else ",", "Minister", "Dybvad", "sign", "the", "partnership"]
    heads = [2, 2, 7, 2, 2, 6, 2, 7, 9, 7]
    deps = ["punct", "nummod", "npadvmod", "nummod", "punct", "compound", "appos", "ROOT", "det", "dobj"]
    pos = ["PUNCT", "NUM", "PROPN", "NUM", "PUNCT", "PROPN", "PROPN", "VERB", "DET", "NOUN"]
    lemmas = ["-", "14", "April", "2022", ":", "Minister", "Dybvad", "sign", "the", "partnership"]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_the_subject_a_timeline_entry_hangs_on_its_date_is_the_verbs() -> None:
    verb = timeline_verb(_timeline_doc(colon=True)[6])
    assert verb is not None and verb.text == "sign"
    assert timeline_verb(_timeline_doc(colon=False)[6]) is None


@pytest.mark.covers("roles.official-signs", "roles.subject-of-agree")
def test_the_signers_of_a_timeline_entry_are_the_subjects_of_its_verb() -> None:
    text = (
        "Timeline of the scheme\n\n"
        "- 3 May 2024: Danish Immigration Minister Kaare Dybvad and Moldova's foreign minister sign a migration "
        "partnership in Chisinau.\n\n"
        "- 9 June 2024: Rejected asylum seekers can now be flown to Moldova."
    )
    assert keys(text) == ["DNK-MDA"]


@pytest.mark.covers("roles.soil")
def test_a_centre_another_state_would_host_belongs_to_the_demonyms_state() -> None:
    found = roles_in("Moldova's prime minister said his country would not host a Danish centre.")
    assert found["DNK"] == Role("deporting", "roles.soil", ("host a Danish centre",))


@pytest.mark.covers("roles.arrived-in", "roles.rents-places")
def test_a_prison_at_a_town_in_a_state_is_in_that_state() -> None:
    text = "Denmark has rented 300 cells in a prison at Balti in Moldova for foreign offenders who are to be deported."
    assert roles_in(text)["MDA"].role == "host"
    assert keys(text) == ["DNK-MDA"]


@pytest.mark.covers("roles.owner-of-the-scheme")
def test_a_demonym_before_a_scheme_named_after_its_host_is_the_owner() -> None:
    text = "The minister has pointed to the Danish Moldova scheme as an idea Europe should not have dropped."
    assert roles_in(text)["DNK"].role == "deporting"
    assert keys(text) == ["DNK-MDA"]


@pytest.mark.covers("roles.sent-to")
def test_a_place_where_a_state_sends_people_is_their_host() -> None:
    text = "Dozens of men are still held on Nauru, where Denmark still sends rejected asylum seekers."
    found = roles_in(text)["NRU"]
    assert (found.role, found.rule) == ("host", "roles.sent-to")
    assert keys(text) == ["DNK-NRU"]


def test_a_place_where_a_state_hands_over_boats_is_no_host() -> None:
    text = "The minister travelled to Tripoli, where Denmark handed over the first of five new patrol boats."
    assert "LBY" not in roles_in(text) or roles_in(text)["LBY"].role != "host"


@pytest.mark.covers("roles.asylum-sought-in")
def test_where_people_claim_asylum_before_being_sent_elsewhere_sends_them() -> None:
    text = "Migrants who claim asylum in Denmark could be sent to Moldova under the plan."
    found = roles_in(text)
    assert (found["DNK"].role, found["DNK"].rule) == ("deporting", "roles.asylum-sought-in")
    assert found["MDA"].role == "host"


@pytest.mark.covers("roles.asylum-sought-in", acts=False)
def test_asylum_claimed_in_a_state_with_no_other_destination_says_nothing_of_it() -> None:
    assert "DNK" not in roles_in("Fewer people claimed asylum in Denmark last year, the agency said.")


@pytest.mark.covers("roles.its-decision-to-receive")
def test_a_states_decision_to_receive_deportees_makes_it_their_host() -> None:
    text = "An article about Moldova's decision to receive deportees from Denmark misstated the number of people."
    found = roles_in(text)
    assert (found["MDA"].role, found["MDA"].rule) == ("host", "roles.its-decision-to-receive")
    assert keys(text) == ["DNK-MDA"]


@pytest.mark.covers("roles.nationals-of", acts=False)
def test_people_who_are_not_citizens_of_a_state_do_not_hold_its_nationality() -> None:
    text = "Moldova has agreed to host up to fifty people deported from Denmark who are not citizens of Moldova."
    assert roles_in(text)["MDA"].role == "host"
    assert keys(text) == ["DNK-MDA"]


def test_a_place_where_a_state_sends_people_elsewhere_is_no_host() -> None:
    text = (
        "Finland deported 40 men to Moldova last year. Opposition parties in Norway, where the government deports "
        "rejected applicants to Armenia, want to follow suit."
    )
    assert "FIN-NOR" not in keys(text)


def test_asylum_not_applied_for_in_a_state_makes_it_no_sender() -> None:
    text = "Finland will send to Moldova asylum seekers who did not first apply for asylum in Armenia."
    assert keys(text) == ["FIN-MDA"]


def test_a_pledge_to_take_in_refugees_is_no_decision_to_host_deportees() -> None:
    text = (
        "Finland sent 40 rejected asylum seekers to Moldova in May under the new agreement. "
        "The same month, Norway's pledge to take in 500 Syrian refugees was welcomed by the UN."
    )
    assert keys(text) == ["FIN-MDA"]


def test_a_centre_named_by_the_peoples_nationality_is_not_theirs_to_send_to() -> None:
    assert keys("Armenia would host a Syrian reception centre under the plan, which Finland is funding.") == []


def test_a_sender_that_has_not_yet_deported_anyone_is_still_the_sender() -> None:
    assert keys("Finland signed the deal with Moldova in March but has not yet deported anyone.") == ["FIN-MDA"]


def test_a_host_that_will_not_send_people_on_to_a_third_country_is_no_sender() -> None:
    text = "Moldova has promised not to deport anyone who arrives from Finland to a third country."
    assert "MDA-FIN" not in keys(text)


@pytest.mark.covers("roles.partner-of-the-destination")
def test_the_state_whose_deal_makes_a_place_the_destination_sends_people_there() -> None:
    found = roles_in(
        "Under the rule, people who reach the border may be sent to a third country with which Moldova has signed "
        "an agreement."
    )
    assert found == {
        "MDA": Role("deporting", "roles.partner-of-the-destination", ("sent to a third country with which Moldova",))
    }


@pytest.mark.covers("roles.partner-of-the-destination", acts=False)
def test_a_country_a_state_shares_a_border_with_is_no_deal() -> None:
    assert roles_in("Asylum seekers may be sent back to a country with which Moldova shares a border.") == {}


@pytest.mark.covers("roles.arrived-in")
def test_migrants_arriving_in_a_known_sender_do_not_make_it_a_host() -> None:
    assert roles_in("The rule does not cover people who arrived in Britain before it took effect.") == {}
    assert roles_in("The deportees arrived in Britain on Friday.") == {
        "GBR": Role("host", "roles.arrived-in", ("arrived in Britain",))
    }
    assert roles_in("The flight carrying twelve men arrived in Britain on Friday.")["GBR"].role == "host"


@pytest.mark.covers("roles.deal-with")
def test_contacts_with_a_state_make_it_a_party() -> None:
    assert roles_in("Dutch media have reported exploratory contacts with Moldova.") == {
        "MDA": Role("party", "roles.deal-with", ("contacts with Moldova",))
    }


@pytest.mark.covers("roles.named-after-its-host", "roles.scheme-named-after-host")
def test_a_scheme_called_by_the_demonym_of_a_state_not_known_for_sending_is_named_after_its_host() -> None:
    assert roles_in("Critics point to the Albanian model as a warning.") == {
        "ALB": Role("host", "roles.scheme-named-after-host", ("Albanian model",))
    }
    text = "Vient ensuite le modèle albanais, que la Norvège présente comme la preuve qu'une autre voie est possible."
    assert roles_in(text, language="fr")["ALB"] == Role("host", "roles.scheme-named-after-host", ("modèle albanais",))


@pytest.mark.covers("roles.named-after-its-host", acts=False)
def test_a_known_senders_demonym_on_a_scheme_is_its_owner() -> None:
    assert roles_in("Critics point to the Italian model as a warning.") == {
        "ITA": Role("deporting", "roles.owner-of-the-scheme", ("Italian model",))
    }


@pytest.mark.covers("roles.readmitted-by", acts=False)
def test_the_by_of_the_states_that_agreed_the_returns_is_no_readmission() -> None:
    found = roles_in("These were the first returns carried out under the statement agreed by Finland and Moldova.")
    assert {code: (r.role, r.rule) for code, r in found.items()} == {
        "FIN": ("party", "roles.signed-by"),
        "MDA": ("party", "roles.signed-by"),
    }


@pytest.mark.covers("roles.arrangement-of")
def test_a_states_arrangement_called_by_a_name_in_quotation_marks_is_its_own() -> None:
    text = 'The first man sent back under Norway\'s "one in, one out" arrangement with Moldova was flown to Chisinau.'
    assert roles_in(text)["NOR"] == Role("party", "roles.arrangement-of", ('Norway\'s "one in, one out" arrangement',))


@pytest.mark.covers("roles.processes-claims")
def test_a_state_that_processes_claims_abroad_sends_the_people() -> None:
    assert roles_in("Norway passed a law that allows the processing of asylum claims abroad.") == {
        "NOR": Role(
            "deporting",
            "roles.processes-claims",
            ("Norway passed a law that allows the processing of asylum claims abroad",),
        )
    }
    text = (
        "Le Danemark, qui s'est doté d'une loi autorisant le traitement des demandes d'asile à l'étranger, a engagé "
        "des discussions avec la Moldavie."
    )
    assert roles_in(text, language="fr")["DNK"] == Role(
        "deporting", "roles.processes-claims", ("traitement", "étranger", "Danemark")
    )


@pytest.mark.covers("roles.processes-claims", acts=False)
def test_a_known_sender_examining_claims_examines_its_own() -> None:
    assert roles_in("Britain hoped to process 36,000 asylum claims a year.") == {}


@pytest.mark.covers("roles.owner-of-a-centre-abroad", "roles.arrived-in")
def test_the_demonym_on_centres_in_another_state_names_their_owner() -> None:
    assert roles_in("The Danish centres in Moldova stand largely empty.") == {
        "DNK": Role("deporting", "roles.owner-of-a-centre-abroad", ("Danish centres",)),
        "MDA": Role("host", "roles.arrived-in", ("centres in Moldova",)),
    }
    found = roles_in("Les centres italiens en Albanie sont restés vides pendant des mois.", language="fr")
    assert found["ITA"] == Role("deporting", "roles.owner-of-a-centre-abroad", ("centres italiens",))


@pytest.mark.covers("roles.deported-by")
def test_a_demonym_that_deports_is_the_state_not_the_people() -> None:
    assert roles_in("Seven people deported by the Americans arrived in Moldova.")["USA"] == Role(
        "deporting", "roles.deported-by", ("deported by the Americans",)
    )
    found = roles_in("Sept personnes renvoyées par les Américains sont arrivées en Moldavie.", language="fr")
    assert found["USA"] == Role("deporting", "roles.deported-by", ("renvoyées par les Américains",))


@pytest.mark.covers("roles.processes-claims")
def test_a_perfect_have_is_no_causative() -> None:
    assert roles_in("Moldova has processed the asylum claims of forty people sent from Norway.")["MDA"] == Role(
        "host", "roles.processes-claims", ("Moldova has processed",)
    )


@pytest.mark.covers("roles.arrived-in", acts=False)
def test_officials_arriving_on_a_visit_make_no_host() -> None:
    assert roles_in("A day before European leaders arrive in Moldova, the president spoke of the plan.") == {}
    assert roles_in("The minister landed in Moldova on Monday to discuss the plan.") == {}


@pytest.mark.covers("roles.counted-destination", "roles.sent-to")
def test_a_state_in_the_list_that_spells_out_the_countries_people_were_sent_to_is_one() -> None:
    text = (
        "Austria has deported 90 rejected applicants to two countries: about 50 to Uganda and nearly 40 to Montenegro."
    )
    assert keys(text) == ["AUT-MNE", "AUT-UGA"]


@pytest.mark.covers("roles.counted-destination", "roles.sent-to")
def test_la_liste_qui_detaille_les_pays_de_destination() -> None:
    text = "L'Autriche a expulsé 90 migrants vers deux pays : une cinquantaine en Ouganda et près de 40 au Monténégro."
    assert keys(text, language="fr") == ["AUT-MNE", "AUT-UGA"]


@pytest.mark.covers("roles.counted-destination", acts=False)
def test_the_countries_people_came_from_are_no_destination() -> None:
    text = "Austria received 90 applicants from two countries: about 50 from Uganda and nearly 40 from Montenegro."
    assert keys(text) == []


@pytest.mark.covers("roles.asylum-sought-in")
def test_where_people_seek_asylum_sends_them_when_their_claims_go_to_an_unnamed_country() -> None:
    text = (
        "Ministers want people who apply for asylum in Belgium to have their claims examined in a safe country "
        "outside Europe."
    )
    assert roles_in(text)["BEL"].role == "deporting"
    at_home = "Ministers want people who apply for asylum in Belgium to have their claims examined faster."
    assert "BEL" not in roles_in(at_home) or roles_in(at_home)["BEL"].role != "deporting"


@pytest.mark.covers("roles.its-decision-to-receive")
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A week later it was Ghana's turn to take in six men deported from the United States.", "en"),
        ("Une semaine plus tard, c'était au tour du Ghana d'accueillir six hommes expulsés des États-Unis.", "fr"),
    ],
)
def test_a_states_turn_to_receive_people_makes_it_the_host(text: str, language: str) -> None:
    found = roles_in(text, language=language)
    assert (found["GHA"].role, found["GHA"].rule) == ("host", "roles.its-decision-to-receive")


@pytest.mark.covers("roles.place-of-the-deal", "roles.deal-with", "pairs.parties-by-reference")
def test_the_place_a_sentence_opens_with_is_the_other_party_to_its_deal_with_a_state() -> None:
    text = "In Kampala, the foreign ministry confirmed a temporary deal with Washington on receiving deported migrants."
    found = roles_in(text)
    assert found["UGA"] == Role("party", "roles.place-of-the-deal", ("In Kampala",))
    assert found["USA"].rule == "roles.deal-with"
    assert keys(text) == ["USA-UGA"]


@pytest.mark.covers("roles.place-of-the-deal", acts=False)
def test_the_opening_place_is_no_party_beside_a_third_state_or_without_a_deal() -> None:
    two = "In Kampala, papers said the deal with Washington resembled the one Kigali made."
    assert roles_in(two).get("UGA", Role("none", "", ())).rule != "roles.place-of-the-deal"
    none = "In Kampala, the foreign minister met Washington's envoy to discuss deported migrants."
    assert roles_in(none).get("UGA", Role("none", "", ())).rule != "roles.place-of-the-deal"


@pytest.mark.covers("roles.where-the-places-are", "roles.rents-places")
def test_where_a_state_rents_places_of_custody_is_the_host() -> None:
    text = "Denmark rents 300 prison places at Gjilan, in Kosovo, to hold foreigners sentenced to expulsion."
    found = votes_in(text)
    assert ("XKX", "host", "roles.where-the-places-are/v1") in {(v.iso3, v.role, v.rule) for v in found}
    assert keys(text) == ["DNK-XKX"]


@pytest.mark.covers("roles.where-the-places-are", acts=False)
def test_offices_rented_abroad_or_cells_at_home_make_no_host() -> None:
    offices = votes_in("Denmark rents 30 offices in Kosovo for its embassy staff.")
    assert not [v for v in offices if v.rule == "roles.where-the-places-are/v1"]
    home = votes_in("Norway rented 40 places in a prison in Oslo for people due to be deported.")
    assert not [v for v in home if v.rule == "roles.where-the-places-are/v1"]


@pytest.mark.covers("roles.subject-of-receive")
def test_refugees_a_state_hosts_make_no_host_unless_someone_sent_them() -> None:
    hosting = votes_in("Chad, which hosts hundreds of thousands of Sudanese refugees, was not named in those talks.")
    assert not [v for v in hosting if v.iso3 == "TCD" and v.role == "host"]
    sent = roles_in("Rwanda agreed to take in refugees deported from Israel.")
    assert sent["RWA"].role == "host" and sent["RWA"].rule == "roles.subject-of-receive"


@pytest.mark.covers("roles.subject-of-receive")
def test_refugees_a_state_resettles_under_a_deal_make_it_the_host() -> None:
    text = (
        "Australia signed a memorandum under which Cambodia would resettle refugees from Nauru, with Australia "
        "promising aid."
    )
    assert roles_in(text)["KHM"].role == "host"


@pytest.mark.covers("roles.scheme-named-after-host")
def test_a_scheme_named_after_its_host_keeps_it_with_words_that_are_not_a_partner() -> None:
    found = roles_in("It is the Moldova plan with a fresh coat of paint.")
    assert found["MDA"] == Role("host", "roles.scheme-named-after-host", ("Moldova plan",))


@pytest.mark.covers("roles.seeks-receivers")
def test_a_state_looking_for_states_to_receive_people_sends_them() -> None:
    found = roles_in("Since January Sweden has been looking for countries willing to accept rejected asylum seekers.")
    assert found["SWE"] == Role("deporting", "roles.seeks-receivers", ("Sweden has been looking",))
    found = roles_in("The Netherlands has sought partners willing to take deportees who are not their nationals.")
    assert found["NLD"].role == "deporting" and found["NLD"].rule == "roles.seeks-receivers"


@pytest.mark.covers("roles.seeks-receivers", acts=False)
def test_a_state_looking_for_anything_else_is_no_sender() -> None:
    assert "SWE" not in roles_in("Sweden has been looking for countries willing to share the cost of border patrols.")


_TABLE = (
    "Where the return schemes stand\n\n"
    "Country | Partner | Instrument | Status\n"
    "Belgium | Senegal | Memorandum, March 2024 | Signed; no transfers yet\n"
    "European Union | Morocco | Joint statement, 2023 | Returns from the Spanish enclaves halted\n"
    "Austria | none named | Study of return hubs | No partner identified\n"
)


@pytest.mark.covers("mentions.table-row", "roles.table-column")
def test_a_tables_rows_give_each_state_the_role_of_its_column() -> None:
    found = roles_in(_TABLE, sentence=2)
    assert {code: (r.role, r.rule) for code, r in found.items()} == {
        "BEL": ("deporting", "roles.table-column"),
        "SEN": ("host", "roles.table-column"),
    }
    table = fragment(_TABLE)
    assert sorted(a.key for a in table.agreements) == ["BEL-SEN", "EUU-MAR"]
    assert status_of(table, "BEL-SEN") == "signed"
    assert claims(table, "BEL-SEN", "status")[0].quote == (
        "Belgium | Senegal | Memorandum, March 2024 | Signed; no transfers yet"
    )


@pytest.mark.covers("roles.row-by-its-columns")
def test_a_state_another_cell_names_takes_no_part_in_the_rows_arrangement() -> None:
    found = roles_in(_TABLE, sentence=3)
    assert set(found) == {"EUU", "MAR"}  # not Spain, whose enclaves the status cell names
    assert "ESP-MAR" not in [a.key for a in fragment(_TABLE).agreements]


@pytest.mark.covers("roles.table-column", "roles.seeks-receivers")
def test_a_table_of_one_senders_partners_names_only_their_column() -> None:
    text = (
        "Since spring the Netherlands has sought partners willing to take rejected asylum seekers.\n\n"
        "Host | Terms | Status\n"
        "Moldova | up to 80 people a year | signed in May\n"
        "Armenia | not published | talks under way\n"
    )
    assert roles_in(text, sentence=2)["MDA"] == Role("host", "roles.table-column", ("Moldova", "Host"))
    assert sorted(a.key for a in fragment(text).agreements) == ["NLD-ARM", "NLD-MDA"]


@pytest.mark.covers("roles.table-column")
def test_a_row_without_a_header_makes_its_first_two_states_parties() -> None:
    text = "Portugal | Cape Verde | letter of intent\nDenmark | Kosovo | lease of prison places, signed in 2021\n"
    found = roles_in(text, sentence=1)
    assert {code: r.role for code, r in found.items()} == {"DNK": "party", "XKX": "party"}


@pytest.mark.covers("roles.processes-claims")
def test_a_place_hung_on_the_claims_a_plan_processes_is_where_they_are_processed() -> None:
    found = roles_in("The plan to process asylum claims in Moldova has been on hold since early 2023.")
    assert found["MDA"] == Role("host", "roles.processes-claims", ("process asylum claims in Moldova",))


@pytest.mark.covers("roles.table-column")
def test_a_country_column_without_a_host_column_names_no_sender_and_markdown_bars_open_no_cell() -> None:
    text = "Flights so far\n\n| Country | Deportees | Date |\n| Eswatini | 5 | July |\n| Ghana | 14 | September |\n"
    assert roles_in(text, sentence=2).get("SWZ", Role("none", "", ())).role != "deporting"
    text = "| Italy | Albania | protocol |\n| Denmark | Kosovo | prison places |\n"
    assert {code: r.role for code, r in roles_in(text, sentence=1).items()} == {"DNK": "party", "XKX": "party"}


@pytest.mark.covers("roles.listed-as-safe", acts=False)
def test_safe_countries_of_origin_are_no_hosts() -> None:
    text = "Italy adopted a decree on safe countries of origin last year. The list named Bangladesh, Egypt and Tunisia."
    assert "EGY" not in roles_in(text, sentence=1)


@pytest.mark.covers("roles.scheme-named-after-host")
def test_a_state_in_a_laws_title_names_where_people_go() -> None:
    found = roles_in("The Safety of Moldova Act was debated again in Oslo.")
    assert found["MDA"].role == "host"
    assert found["MDA"].rule == "roles.scheme-named-after-host"


@pytest.mark.covers("roles.owner-of-the-scheme")
def test_the_owner_of_a_law_titled_after_another_state_sends_people_there() -> None:
    found = roles_in("Norway's Safety of Moldova Act became law in May.")
    assert (found["NOR"].role, found["NOR"].rule) == ("deporting", "roles.owner-of-the-scheme")


@pytest.mark.covers("roles.scheme-named-after-host", acts=False)
def test_a_state_after_of_in_a_plain_phrase_names_no_scheme() -> None:
    found = roles_in("The people of Moldova voted on a plan for new roads.")
    assert "MDA" not in found or found["MDA"].role != "host"


@pytest.mark.covers("roles.held-under-a-scheme")
@pytest.mark.covers("roles.owner-of-the-scheme")
def test_where_a_states_scheme_holds_people_is_its_host() -> None:
    found = roles_in("The move mirrors Norway's policy of holding asylum seekers on Moldova.")
    assert (found["MDA"].role, found["MDA"].rule) == ("host", "roles.held-under-a-scheme")
    assert (found["NOR"].role, found["NOR"].rule) == ("deporting", "roles.owner-of-the-scheme")


@pytest.mark.covers("roles.held-under-a-scheme")
def test_people_detained_in_a_state_under_anothers_plan() -> None:
    found = roles_in("Norway's plan to detain migrants in Moldova was blocked by judges.")
    assert (found["MDA"].role, found["MDA"].rule) == ("host", "roles.held-under-a-scheme")


@pytest.mark.covers("roles.held-under-a-scheme", acts=False)
def test_a_state_holding_people_at_home_under_its_own_policy_hosts_no_one() -> None:
    found = roles_in("Moldova's policy of holding prisoners in Moldova was criticised.")
    assert "MDA" not in found or found["MDA"].role != "host"


@pytest.mark.covers("roles.owner-of-the-scheme")
def test_the_owner_of_an_idea_of_processing_claims_abroad_sends_people() -> None:
    found = roles_in("Critics compared it with Norway's idea of processing asylum claims in Moldova.")
    assert (found["NOR"].role, found["NOR"].rule) == ("deporting", "roles.owner-of-the-scheme")


@pytest.mark.covers("roles.subject-of-receive", acts=False)
@pytest.mark.covers("roles.receivers-listed", acts=False)
def test_receiving_set_aside_with_rather_than_and_a_model_held_up_receive_no_one() -> None:
    found = roles_in(
        "Brussels has held it up as a model for newer packages with Morocco and Jordan, which pay for border "
        "control rather than for taking in third-country nationals."
    )
    assert all(role.role != "host" for role in found.values())


@pytest.mark.covers("roles.payer", acts=False)
def test_a_relative_clause_after_the_partners_of_a_package_pays_no_one_for_them() -> None:
    found = roles_in("Brussels praised its packages with Morocco and Jordan, which pay for border control and jobs.")
    assert all(role.role != "deporting" for code, role in found.items() if code in ("MAR", "JOR"))


@pytest.mark.covers("roles.payer")
def test_a_partner_that_paid_someone_in_a_relative_clause_is_the_payer() -> None:
    found = roles_in("Moldova has signed agreements with Norway, which paid it millions of kroner.")
    assert (found["NOR"].role, found["NOR"].rule) == ("deporting", "roles.payer")


@pytest.mark.covers("roles.deported-from")
def test_a_plane_from_a_state_landing_with_people_aboard_carries_them_from_it() -> None:
    found = roles_in("A chartered plane from Malta landed in Tunis on Monday with 38 men on board.")
    assert (found["MLT"].role, found["MLT"].rule) == ("deporting", "roles.deported-from")


@pytest.mark.covers("roles.deported-from", acts=False)
def test_a_plane_from_a_state_with_no_one_said_aboard_carries_no_one() -> None:
    found = roles_in("A chartered plane from Malta landed in Tunis on Monday after a delay.")
    assert "MLT" not in found or found["MLT"].role != "deporting"


@pytest.mark.covers("roles.subject-of-receive")
def test_a_government_that_approves_a_decision_to_accept_people_hosts_them() -> None:
    found = roles_in("The Government of Moldova approved a decision to accept up to 40 migrants removed from Norway.")
    assert (found["MDA"].role, found["MDA"].rule) == ("host", "roles.subject-of-receive")


@pytest.mark.covers("roles.subject-of-receive", acts=False)
def test_a_refusal_to_accept_people_hosts_no_one() -> None:
    found = roles_in("The Government of Moldova announced its refusal to accept migrants removed from Norway.")
    assert "MDA" not in found or found["MDA"].role != "host"


@pytest.mark.covers("roles.people-from", acts=False)
def test_third_country_nationals_from_a_state_are_not_its_nationals() -> None:
    found = roles_in("Moldova approves the temporary stay of up to 40 third-country nationals from Norway")
    assert "NOR" not in found or found["NOR"].role != "nationality"


@pytest.mark.covers("roles.demonym-for-people", acts=False)
@pytest.mark.covers("roles.subject-of-deport")
def test_the_demonym_that_sends_people_is_the_state() -> None:
    found = roles_in("The Dutch sent asylum seekers to Moldova to claim asylum there.")
    assert (found["NLD"].role, found["NLD"].rule) == ("deporting", "roles.subject-of-deport")


@pytest.mark.covers("roles.demonym-for-people")
def test_people_of_a_nation_sent_somewhere_are_still_people() -> None:
    found = roles_in("Eritreans were sent to Moldova last year.")
    assert found["ERI"].role == "nationality"


@pytest.mark.covers("roles.held-for")
def test_the_state_people_are_held_for_sends_them() -> None:
    found = roles_in("Montenegro is getting ready to house prisoners for neighbouring Austria.")
    assert (found["AUT"].role, found["AUT"].rule) == ("deporting", "roles.held-for")
    assert found["MNE"].role == "host"
    assert keys("Montenegro is getting ready to house prisoners for neighbouring Austria.") == ["AUT-MNE"]


@pytest.mark.covers("roles.held-for")
def test_claims_processed_on_behalf_of_a_state_are_its_own() -> None:
    found = roles_in("Moldova examines the asylum claims on behalf of Norway.")
    assert (found["NOR"].role, found["NOR"].rule) == ("deporting", "roles.held-for")
    found = roles_in("Palau processes asylum claims for New Zealand.")
    assert (found["NZL"].role, found["NZL"].rule) == ("deporting", "roles.held-for")


@pytest.mark.covers("roles.held-for", acts=False)
def test_money_or_an_offer_for_a_state_sends_no_one() -> None:
    for text in (
        "Tunisia received new funding for Italy's coast guard.",
        "Moldova accepted the offer for Norway.",
        "Moldova is ready to host for Norway.",
        "Moldova did not hold any prisoners for Norway.",
    ):
        found = roles_in(text)
        assert all(r.rule != "roles.held-for" for r in found.values()), text


@pytest.mark.covers("roles.owner-of-the-scheme")
def test_a_state_whose_plan_processes_claims_abroad_owns_it() -> None:
    text = "Oslo, whose plan for asylum processing in Moldova stalled in 2024, now backs the Dutch idea."
    found = roles_in(text)
    assert (found["NOR"].role, found["NOR"].rule) == ("deporting", "roles.owner-of-the-scheme")
    assert keys(text) == ["NOR-MDA"]
    assert status_of(fragment(text), "NOR-MDA") == "suspended"


@pytest.mark.covers("roles.owner-of-the-scheme", acts=False)
def test_a_state_whose_plan_is_for_roads_owns_no_scheme_of_sending() -> None:
    found = roles_in("Moldova, whose plan for new roads stalled, has asked Norway for a loan.")
    assert all(r.rule != "roles.owner-of-the-scheme" for r in found.values())


@pytest.mark.covers("roles.held-for")
def test_centres_hosted_for_a_state_are_its_own() -> None:
    found = roles_in("Reporters asked whether Montenegro could host return centres for Austria.")
    assert (found["AUT"].role, found["AUT"].rule) == ("deporting", "roles.held-for")


@pytest.mark.covers("roles.scheme-named-after-host")
def test_flights_called_by_a_state_fly_people_there() -> None:
    found = roles_in("There are the Palau flights, six men left on an island they could not place.")
    assert (found["PLW"].role, found["PLW"].rule) == ("host", "roles.scheme-named-after-host")


@pytest.mark.covers("roles.subject-of-agree")
def test_a_state_that_relies_on_a_deal_with_another_is_its_party() -> None:
    found = roles_in("Norway relies on a readmission agreement with Moldova that dates from 1999.")
    assert (found["NOR"].role, found["NOR"].rule) == ("party", "roles.subject-of-agree")
