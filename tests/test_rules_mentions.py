"""Stage 1 rules (dakg.ingest.rules.mentions) on frozen parses."""

from __future__ import annotations

import pytest

from dakg.ingest.rules import mentions

from .extraction import claims, fragment, keys
from .parses import parsed

pytestmark = pytest.mark.unit


def _mentions(text: str) -> list[list[tuple[str, str, str]]]:
    document = mentions.read(parsed(text), None)
    return [[(m.iso3, m.text, m.kind) for m in found] for found in document.countries]


@pytest.mark.covers("mentions.prose-sentence")
def test_prose_sentence_keeps_datelines_and_drops_headings_and_list_items() -> None:
    document = mentions.read(
        parsed("Deal agreed\n\nLIMA: Peru has agreed to take the migrants.\n\nKey point: Peru agreed to take them."),
        None,
    )
    assert [(s.text, s.prose) for s in document.sentences] == [
        ("Deal agreed", False),
        ("LIMA: Peru has agreed to take the migrants.", True),
        ("Key point: Peru agreed to take them.", False),
    ]


@pytest.mark.covers("mentions.country-anaphor")
def test_country_anaphor_is_the_state_named_most_so_far() -> None:
    found = _mentions("Moldova agreed to the plan. The small landlocked country will house forty people.")
    assert ("MDA", "The small landlocked country", "anaphor") in found[1]


@pytest.mark.covers("mentions.country-anaphor")
def test_country_anaphor_counts_the_same_sentence_before_it() -> None:
    found = _mentions("Ghana took them in, the country's president said.")
    assert [m for m in found[0] if m[2] == "anaphor"] == [("GHA", "the country", "anaphor")]


@pytest.mark.covers("mentions.country-anaphor", acts=False)
def test_roles_are_not_states() -> None:
    found = _mentions("Peru agreed. Migrants will go to a third country, not their home country.")
    assert found[1] == []


@pytest.mark.covers("mentions.country-anaphor")
def test_a_nationality_is_not_the_country_spoken_of() -> None:
    found = _mentions("Chile received Haitian migrants. The nation will house them for a year.")
    assert ("CHL", "The nation", "anaphor") in found[1]


@pytest.mark.covers("mentions.country-anaphor")
def test_the_country_that_receives_is_not_the_known_sender() -> None:
    found = _mentions(
        "The United States wants more partners. The United States has asked Peru for help. "
        "The country could receive 300 migrants a year."
    )
    assert ("PER", "The country", "anaphor") in found[2]


@pytest.mark.covers("mentions.an-officials-country")
def test_his_country_is_the_state_of_the_office_holder_who_speaks() -> None:
    found = _mentions("Peru's president said his country would receive 200 migrants from Chile.")
    assert ("PER", "his country", "anaphor") in found[0]
    other = _mentions("A Haitian deportee said his country was unsafe after he was flown from Chile to Peru.")
    assert [m for m in other[0] if m[2] == "anaphor"] == []


@pytest.mark.covers("mentions.the-two-states")
def test_the_two_countries_are_the_two_states_named_last() -> None:
    found = _mentions(
        "Chile raised the idea with Norway. Norway and Moldova met in May. The two countries signed a memorandum."
    )
    assert [m for m in found[2] if m[2] == "anaphor"] == [
        ("NOR", "The two countries", "anaphor"),
        ("MDA", "The two countries", "anaphor"),
    ]


@pytest.mark.covers("mentions.the-two-states", acts=False)
def test_the_two_countries_are_not_states_the_sentence_names_itself() -> None:
    found = _mentions("Peru met Chile. Bolivia and Peru said the two countries would decide.")
    assert [m for m in found[1] if m[2] == "anaphor"] == []


@pytest.mark.covers("mentions.it-said-it")
def test_it_said_it_is_the_speaking_state() -> None:
    found = _mentions("Panama's government said it would accept the deportees.")
    assert ("PAN", "it", "anaphor") in found[0]


@pytest.mark.covers("mentions.country-anaphor")
def test_country_anaphor_as_subject_is_the_previous_sentences_subject() -> None:
    found = _mentions(
        "Talks with the United States went on for months. Peru's role is not limited to the United States. "
        "The country recently made a deal with Chile."
    )
    assert ("PER", "The country", "anaphor") in found[2]


@pytest.mark.covers("mentions.headline")
def test_the_headline_makes_claims_other_headings_do_not() -> None:
    text = "Chile agrees to take deportees from Peru\n\nSection two\n\nChile has agreed to take them."
    document = mentions.read(parsed(text), None)
    assert [(s.text, s.prose, s.headline) for s in document.sentences] == [
        ("Chile agrees to take deportees from Peru", False, True),
        ("Section two", False, False),
        ("Chile has agreed to take them.", True, False),
    ]


@pytest.mark.covers("mentions.headline")
def test_a_line_that_repeats_the_title_is_the_headline() -> None:
    text = "By a staff writer\n\nChile agrees to take deportees from Peru\n\nChile has agreed to take them."
    document = mentions.read(parsed(text), None, "Chile agrees to take deportees from Peru")
    assert [s.headline for s in document.sentences] == [False, True, False]


@pytest.mark.covers("mentions.topic-heading")
def test_a_state_heading_an_entry_is_what_the_entry_is_about() -> None:
    text = "Moldova.\n\nFive men from Iraq, Iran and Syria were flown to the landlocked country in May."
    found = _mentions(text)
    assert ("MDA", "the landlocked country", "anaphor") in found[1]


@pytest.mark.covers("mentions.it-said-it")
def test_the_administration_a_states_official_speaks_of_is_that_state() -> None:
    text = "A Swedish official said the administration was in talks with Moldova about taking in rejected applicants."
    assert ("SWE", "administration", "anaphor") in _mentions(text)[0]
    assert keys(text) == ["SWE-MDA"]


@pytest.mark.covers("mentions.it-said-it", acts=False)
def test_an_administration_whose_state_is_named_is_left_alone() -> None:
    text = "A Swedish official said the Moldovan government was in talks about taking in rejected applicants."
    assert [m for m in _mentions(text)[0] if m[2] == "anaphor"] == []


@pytest.mark.covers("mentions.prose-sentence")
def test_a_roundups_entry_labelled_with_a_state_is_running_text() -> None:
    document = mentions.read(
        parsed("Where things stand\n\nMoldova: Chisinau agreed to accept deportees, its ministry said.\n\n"),
        None,
    )
    assert [(s.text, s.prose) for s in document.sentences] == [
        ("Where things stand", False),
        ("Moldova: Chisinau agreed to accept deportees, its ministry said.", True),
    ]


@pytest.mark.covers("mentions.topic-heading")
def test_an_entry_labelled_with_two_states_is_about_both() -> None:
    text = "Where things stand\n\nNorway has sought partners.\n\nMontenegro and Albania.\n\nBoth have agreed to help."
    document = mentions.read(parsed(text), None)
    heading = document.sentences[2]
    assert [m.iso3 for m in mentions.topic_heading(heading, list(document.countries[2]))] == ["MNE", "ALB"]


@pytest.mark.covers("mentions.topic-heading", acts=False)
def test_a_short_line_naming_a_state_among_other_words_is_no_label() -> None:
    text = "Where things stand\n\nNorway has sought partners.\n\nWhy Albania matters\n\nIt agreed to help."
    document = mentions.read(parsed(text), None)
    assert mentions.topic_heading(document.sentences[2], list(document.countries[2])) == []


@pytest.mark.covers("mentions.country-anaphor", "mentions.topic-heading")
def test_an_entrys_state_outlasts_a_sentence_with_no_subject_of_its_own() -> None:
    text = (
        "Where things stand\n\nMoldova.\n\nChisinau agreed in March to accept applicants.\n\n"
        "Armenia.\n\nSix men landed in June. The mountain republic will take no more than 40 people."
    )
    found = _mentions(text)
    assert ("ARM", "The mountain republic", "anaphor") in found[5]  # not Moldova, named most


@pytest.mark.covers("mentions.entry-subject")
def test_an_entrys_sentence_that_opens_with_its_verb_is_about_the_entrys_state() -> None:
    text = (
        "Where Norway sends people\n\nNorway has sought partners for rejected applicants.\n\n"
        "Georgia.\n\nAgreed in April to a trial arrangement that leaves out families.\n\n"
        "Montenegro and Albania.\n\nBoth have agreed to receive applicants under new accords."
    )
    found = _mentions(text)
    assert ("GEO", "Agreed", "anaphor") in found[3]
    assert [m for m in found[5] if m[2] == "anaphor"] == [("MNE", "Both", "anaphor"), ("ALB", "Both", "anaphor")]
    assert keys(text) == ["NOR-ALB", "NOR-GEO", "NOR-MNE"]


@pytest.mark.covers("mentions.entry-subject", acts=False)
def test_a_sentence_with_no_subject_outside_an_entry_is_about_no_state() -> None:
    text = "Norway has sought partners for rejected applicants.\n\nAgreed in April to a trial arrangement with Oslo."
    assert [m for m in _mentions(text)[1] if m[2] == "anaphor"] == []


@pytest.mark.covers("mentions.standing-headline")
def test_a_live_entrys_headline_that_is_a_whole_clause_makes_claims() -> None:
    text = (
        "LIVE: the week in migration\n\n10:15\n"
        "Nine men deported from Norway have landed in Moldova, officials in Chisinau confirm\n\n"
        "The plane touched down on Friday evening."
    )
    document = mentions.read(parsed(text), None, "LIVE: the week in migration")
    assert [(s.text, s.makes_claims) for s in document.sentences][1:3] == [
        ("10:15", False),
        ("Nine men deported from Norway have landed in Moldova, officials in Chisinau confirm", True),
    ]
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("mentions.standing-headline", acts=False)
def test_a_heading_that_names_a_topic_makes_no_claims() -> None:
    text = (
        "Norway and Moldova agree a deal\n\nNorway has sought partners.\n\nHow the Moldova deal with Norway works\n\n"
        "It is new and untested."
    )
    document = mentions.read(parsed(text), None, "Norway and Moldova agree a deal")
    assert [s.makes_claims for s in document.sentences] == [True, True, False, True]


@pytest.mark.covers("mentions.cut-off-sentence")
def test_an_excerpt_cut_off_mid_sentence_ends_with_running_text() -> None:
    text = "Norway has sought partners.\n\nMoldova has agreed to accept up to 120 people deported from Norway, and the"
    document = mentions.read(parsed(text), None)
    assert [s.prose for s in document.sentences] == [True, True]
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("mentions.cut-off-sentence", acts=False)
def test_a_short_last_line_without_a_full_stop_is_no_sentence() -> None:
    text = "Moldova has agreed to accept people deported from Norway.\n\nMore to follow on this"
    document = mentions.read(parsed(text), None)
    assert [s.prose for s in document.sentences] == [True, False]


@pytest.mark.covers("mentions.the-listed-states")
def test_their_countries_are_the_states_of_the_list_named_before() -> None:
    text = (
        "Norway deported forty men to Moldova in May. A week later the prime minister hosted the leaders of "
        "Armenia, Georgia and Serbia in Oslo, where officials asked whether their countries would accept rejected "
        "applicants."
    )
    assert [m[0] for m in _mentions(text)[1] if m[1] == "their countries"] == ["ARM", "GEO", "SRB"]
    assert keys(text) == ["NOR-ARM", "NOR-GEO", "NOR-MDA", "NOR-SRB"]


@pytest.mark.covers("mentions.the-listed-states", acts=False)
def test_their_countries_after_two_states_are_not_a_list() -> None:
    text = "Leaders of Armenia and Georgia met in Oslo, where officials spoke of their countries' economies."
    assert [m for m in _mentions(text)[0] if m[2] == "anaphor"] == []


@pytest.mark.covers("mentions.the-two-states")
def test_the_two_governments_where_one_state_is_named_are_it_and_the_state_before() -> None:
    text = (
        "Norway wants to transfer asylum seekers to a centre outside Europe; Moldova is seen as the likeliest partner. "
        "In April the Norwegian minister travelled to Chisinau, where the two governments signed a memorandum."
    )
    assert [m[0] for m in _mentions(text)[1] if m[1] == "the two governments"] == ["NOR", "MDA"]


@pytest.mark.covers("mentions.the-two-states")
def test_the_two_countries_from_which_people_return_are_not_the_host_named_here() -> None:
    text = (
        "Sweden and Finland have each held talks with Georgian officials. Georgia would take back no more than 500 "
        "people a year from the two countries combined."
    )
    assert [m[0] for m in _mentions(text)[1] if m[1] == "the two countries"] == ["SWE", "FIN"]


@pytest.mark.covers("mentions.the-two-states")
def test_the_two_governments_are_not_the_state_of_the_people_moved() -> None:
    text = (
        "Norway and Moldova agreed a one-in, one-out scheme in May. An Iraqi man was flown back to Moldova on "
        "Thursday, the first removal under the scheme the two governments signed this summer."
    )
    assert [m[0] for m in _mentions(text)[1] if m[1] == "the two governments"] == ["NOR", "MDA"]


@pytest.mark.covers("mentions.it-said-it")
def test_it_is_the_state_of_the_nearest_speaker_after_a_dateline() -> None:
    text = "ABUJA, Nigeria — Nigeria's government said on Monday it had received no request from Washington."
    assert ("NGA", "it", "anaphor") in _mentions(text)[0]


@pytest.mark.covers("mentions.it-the-administration")
def test_it_in_a_clause_hung_on_the_administrations_is_its_state() -> None:
    text = (
        "A federal judge ruled that the Trump administration violated his order when it deported six men to Moldova "
        "without a hearing."
    )
    assert keys(text) == ["USA-MDA"]
    (status,) = claims(fragment(text), "USA-MDA", "status")
    assert "roles.subject-of-deport/v1" in status.rules  # "it deported": the administration, not a party beside


@pytest.mark.covers("mentions.it-the-administration", acts=False)
def test_it_after_another_state_is_not_the_administrations() -> None:
    text = (
        "The Trump administration praised Eswatini after it agreed to accept deportees. Five men from Cuba and Laos "
        "were flown to Mbabane in July."
    )
    assert keys(text) == ["USA-SWZ"]  # not the US as a host, which lost every claim


@pytest.mark.covers("mentions.cut-off-sentence", acts=False)
def test_a_line_cut_before_its_predicate_is_no_sentence() -> None:
    text = (
        "Norway has deported five men to Moldova.\n\nOfficials in Yerevan said that claims that Armenia had agreed "
        "to take 40 deportees from Norway were"
    )
    assert [s.prose for s in mentions.read(parsed(text), None).sentences] == [True, False]


@pytest.mark.covers("mentions.standing-headline", acts=False)
def test_a_question_without_its_mark_is_no_headline() -> None:
    text = (
        "The Trump administration has deported people to Eswatini.\n\n"
        "Will Ghana agree to take deportees from the United States next\n\n"
        "Officials in Accra declined to comment on the talks."
    )
    assert keys(text) == ["USA-SWZ"]


@pytest.mark.covers("mentions.the-two-states")
def test_the_two_governments_at_a_venue_named_for_the_first_time_are_the_states_before() -> None:
    text = (
        "Norway wants to send asylum seekers to Moldova. In April the ministers travelled to Switzerland, where the "
        "two governments signed the treaty."
    )
    assert [m[0] for m in _mentions(text)[1] if m[1] == "the two governments"] == ["NOR", "MDA"]


@pytest.mark.covers("mentions.the-listed-states", acts=False)
def test_their_countries_after_the_peoples_origins_are_not_a_list_of_states() -> None:
    text = "Lawyers for men from Cuba, Vietnam and Laos said their countries would accept them back."
    assert [m for m in _mentions(text)[0] if m[2] == "anaphor"] == []


@pytest.mark.covers("mentions.which-it-is")
def test_a_relative_pronoun_on_a_state_is_that_state() -> None:
    text = (
        "Finland, which signed a memorandum with Moldova on asylum seekers in 2023, has not sent anyone there, "
        "officials said."
    )
    assert ("FIN", "which", "anaphor") in _mentions(text)[0]
    assert keys(text) == ["FIN-MDA"]


@pytest.mark.covers("mentions.which-it-is", acts=False)
def test_a_relative_pronoun_after_where_people_come_from_is_no_state() -> None:
    text = "Norway deported four men from Cuba, which refuses to take them back, to Moldova in May."
    assert [m for m in _mentions(text)[0] if m[2] == "anaphor"] == []


@pytest.mark.covers("mentions.country-anaphor", "mentions.topic-heading")
def test_a_country_phrase_within_an_entry_is_the_entrys_state_not_the_one_named_most() -> None:
    text = (
        "Where Norway sends people\n\nNorway has sought partners. Norway pays them. Norway says more will follow.\n\n"
        "Armenia.\n\nSix men arrived in June. Lawyers in the republic say its government agreed to take 40."
    )
    found = _mentions(text)
    assert ("ARM", "the republic", "anaphor") in found[6]
    assert keys(text) == ["NOR-ARM"]


@pytest.mark.covers("mentions.prose-sentence")
def test_a_newsletters_label_opens_running_text_but_a_list_items_does_not() -> None:
    document = mentions.read(
        parsed("Why it matters: Moldova joins Armenia on the list.\n\nKey point: Moldova joins Armenia on the list."),
        None,
    )
    assert [s.prose for s in document.sentences] == [True, False]


@pytest.mark.covers("mentions.there-it-is", "roles.sent-to")
def test_there_is_the_state_whose_clause_holds_it() -> None:
    text = "Moldova's government says the four men deported there from Norway in May are held in a hotel."
    assert ("MDA", "there", "anaphor") in _mentions(text)[0]
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("mentions.there-it-is", acts=False)
def test_there_after_a_state_in_a_clause_of_its_own_is_not_that_state() -> None:
    text = (
        "Jens Dahl, a deputy leader of the opposition, has named Armenia and Moldova as countries Norway could "
        "approach, arguing that if a few thousand people were sent there the number of crossings would fall."
    )
    assert [m for m in _mentions(text)[0] if m[1] == "there"] == []


@pytest.mark.covers("mentions.there-it-is", acts=False)
def test_there_is_not_a_state_that_speaks_of_it() -> None:
    text = (
        "Italy has moved dozens of migrants to centres in Albania. Germany argues that migrants transferred there by "
        "Italy have no access to lawyers."
    )
    assert [m for m in _mentions(text)[1] if m[1] == "there"] == []
    assert keys(text) == ["ITA-ALB"]


@pytest.mark.covers("mentions.country-anaphor")
def test_the_country_opening_a_sentence_after_anothers_subject_within_an_entry_is_that_subject() -> None:
    text = (
        "Where Norway sends people\n\nUganda.\n\nThe United States struck a deal with Uganda in August. The country "
        "will deport migrants of African origin to Kampala under the arrangement."
    )
    assert ("USA", "The country", "anaphor") in _mentions(text)[3]


@pytest.mark.covers("mentions.the-government-of-the-place")
def test_the_government_in_a_paragraph_opened_by_a_place_is_that_places() -> None:
    text = (
        "In Chisinau, the press recalls that the government confirmed in August a deal with Norway to take in up "
        "to 250 migrants."
    )
    assert ("MDA", "government", "anaphor") in _mentions(text)[0]
    assert keys(text) == ["NOR-MDA"]


@pytest.mark.covers("mentions.the-government-of-the-place", acts=False)
def test_a_government_with_its_own_state_keeps_it() -> None:
    text = "In Chisinau, reporters said the Armenian government had confirmed a deal with Norway."
    assert [m for m in _mentions(text)[0] if m[1] == "government"] == []


@pytest.mark.covers("mentions.country-anaphor")
def test_a_description_naming_a_region_refers_to_a_state_of_that_region() -> None:
    text = (
        "Honduras signed an agreement with the United States under which people who sought asylum in the US could "
        "be moved to the Central American country instead."
    )
    assert keys(text) == ["USA-HND"]


def test_every_state_of_a_region_is_a_known_state() -> None:
    from dakg.ingest.gazetteer import countries

    regions = countries().regions
    assert {"central american", "east african", "balkan"} <= set(regions)
    assert all(countries().is_code(code) for codes in regions.values() for code in codes)


@pytest.mark.covers("mentions.capitals-heading", "mentions.country-anaphor")
def test_a_state_in_capitals_heading_an_entry_is_what_the_country_below_refers_to() -> None:
    text = (
        "Where the deportees went\n\n"
        "MOLDOVA - A quiet start\n\n"
        "The small country took in five men deported from Denmark in July, officials said."
    )
    assert keys(text) == ["DNK-MDA"]


@pytest.mark.covers("mentions.capitals-heading", "mentions.country-anaphor")
def test_un_etat_en_capitales_en_tete_d_entree_et_la_region_qui_le_designe() -> None:
    text = (
        "Tour d'horizon\n\n"
        "ESWATINI - Le précurseur\n\n"
        "Le petit royaume d'Afrique australe a accueilli en juillet cinq hommes expulsés des États-Unis."
    )
    assert keys(text, language="fr") == ["USA-SWZ"]


@pytest.mark.covers("mentions.the-government-of-the-place")
def test_a_place_opening_a_sentence_after_and_still_gives_the_government_its_state() -> None:
    text = "And in Ecuador, deputies are studying the transfer agreement the government signed with Austria in May."
    assert ("ECU", "government", "anaphor") in _mentions(text)[0]


@pytest.mark.covers("mentions.there-it-is", "roles.sent-to")
def test_sent_back_there_is_where_the_people_came_from() -> None:
    text = "Under the Austrian plan, migrants who arrived from Serbia could be sent back there if their claims fail."
    assert ("SRB", "there", "anaphor") in _mentions(text)[0]
    assert keys(text) == ["AUT-SRB"]


@pytest.mark.covers("mentions.there-it-is", acts=False)
def test_sent_there_without_back_is_not_where_the_people_came_from() -> None:
    text = "Migrants who travelled from Serbia were sent there by Austria."
    assert [m for m in _mentions(text)[0] if m[1] == "there"] == []


@pytest.mark.covers("mentions.verbless-answer")
def test_a_long_verbless_answer_naming_deals_is_running_text_but_a_short_fragment_is_not() -> None:
    document = mentions.read(
        parsed(
            "What they studied\n\n"
            "Three, broadly: Belgium's protocol with Moldova, Austria's talks with Georgia and the Swiss centres in "
            "Serbia.\n\n"
            "Belgium and Moldova, mostly.\n\n"
            "Long queues, late trains, closed offices and empty promises everywhere in the capital."
        ),
        None,
    )
    assert [s.prose for s in document.sentences] == [False, True, False, False]


@pytest.mark.covers("roles.the-administration")
def test_a_bare_administration_in_a_text_naming_no_state_of_its_own_is_american_by_reference() -> None:
    text = "The administration agreed to pay Palau to hold some eighty people for a year."
    found = fragment(text)
    assert [a.key for a in found.agreements] == ["USA-PLW"]
    assert {c.basis for c in found.agreements[0].claims} == {"reference"}


@pytest.mark.covers("roles.the-administration", acts=False)
def test_an_administration_beside_a_named_united_states_or_a_head_is_left_to_the_text() -> None:
    for text in (
        "The United States has deported men to Palau. The administration agreed to pay Palau to hold them.",
        "The Italian administration agreed to pay Palau to hold some eighty people for a year.",
    ):
        assert all(c.basis == "text" for a in fragment(text).agreements for c in a.claims), text


@pytest.mark.covers("roles.the-administration")
def test_the_administration_counts_where_it_is_named_when_the_story_picks_a_sender() -> None:
    text = (
        "The administration agreed to pay Palau to hold some eighty people for a year. "
        "There are the Nauru flights, five men left on an island they could not place. "
        "Whole weeks went by. "
        "Britain sent a dozen people to Moldova before a new government dropped the plan."
    )
    assert keys(text) == ["GBR-MDA", "USA-NRU", "USA-PLW"]  # Britain is named nearer, but after
