"""Stage 4a rules (dakg.ingest.rules.status): the status a sentence gives a pair, on frozen parses."""

from __future__ import annotations

import pytest

from .extraction import claims, fragment, status_of

pytestmark = pytest.mark.unit


@pytest.mark.covers("status.wording", "status.for-the-pair")
@pytest.mark.parametrize(
    ("text", "key", "status"),
    [
        (
            "Rwanda is in preliminary talks with the United States about accepting deported migrants.",
            "USA-RWA",
            "under_negotiation",
        ),
        (
            "Rwanda has formalized an agreement with the United States to resettle migrants deported from the US.",
            "USA-RWA",
            "signed",
        ),
        ("Uganda has agreed to accept migrants deported from the United States.", "USA-UGA", "agreed"),
        ("Britain's new government scrapped the plan to send asylum seekers to Rwanda.", "GBR-RWA", "scrapped"),
        (
            "The UK Supreme Court ruled that the policy of sending asylum seekers to Rwanda was unlawful.",
            "GBR-RWA",
            "struck_down",
        ),
        ("Eight men deported from the United States were flown to South Sudan on Friday.", "USA-SSD", "implemented"),
        ("Italy suspended transfers of migrants to Albania after the court rulings.", "ITA-ALB", "suspended"),
        (
            "The United States will sign a deal with Ghana to send deportees to Accra next month.",
            "USA-GHA",
            "under_negotiation",
        ),
        ("Denmark has proposed a plan to transfer asylum seekers to Rwanda.", "DNK-RWA", "proposed"),
        ("Austria is exploring a programme to send asylum seekers to Uganda.", "AUT-UGA", "under_negotiation"),
        (
            "Sweden and Kosovo moved forward on a plan to send prisoners from Sweden to Kosovo.",
            "SWE-XKX",
            "under_negotiation",
        ),
        (
            "The High Court concluded that the scheme to send asylum seekers from Ireland to Rwanda was unlawful.",
            "IRL-RWA",
            "struck_down",
        ),
        ("Flights taking migrants from Britain to Rwanda were paused after the ruling.", "GBR-RWA", "suspended"),
        (
            "The plan to send asylum seekers from Norway to Moldova is unlawful, the court ruled.",
            "NOR-MDA",
            "struck_down",
        ),
        ("The new government ended the scheme to send asylum seekers from Norway to Moldova.", "NOR-MDA", "scrapped"),
        ("The accord to send asylum seekers from Norway to Moldova lapsed in 2019.", "NOR-MDA", "scrapped"),
        ("Chile strikes a deal to send rejected asylum seekers to Peru", "CHL-PER", "agreed"),  # a headline's tense
        ("Chile renews its accord to send rejected asylum seekers to Peru.", "CHL-PER", "signed"),
        ("The first returns of migrants from Malta to Tunisia took place on Monday.", "MLT-TUN", "implemented"),
        ("The transfers of asylum seekers from Malta to Tunisia took place under a pact.", "MLT-TUN", "implemented"),
        ("Malta cited its aborted plan to send asylum seekers to Tunisia.", "MLT-TUN", "scrapped"),
        ("Tunisia and Libya have been receiving flights of migrants from Malta since May.", "MLT-TUN", "implemented"),
        (
            "Moldova's top court ruled that holding people sent from Norway at the Balti camp "
            "breached the constitution.",
            "NOR-MDA",
            "struck_down",
        ),
        ("Court rules transfers of asylum seekers from Norway to Moldova illegal", "NOR-MDA", "struck_down"),
        ("The deal to send rejected applicants from Norway to Moldova has stalled.", "NOR-MDA", "suspended"),
        ("Talks on sending rejected applicants from Norway to Moldova stalled last spring.", "NOR-MDA", "suspended"),
        ("Moldova joins Georgia and Armenia in accepting deportees from Norway.", "NOR-MDA", "agreed"),
        ("The arrangement to send rejected applicants from Norway to Moldova was put on ice.", "NOR-MDA", "suspended"),
        ("The plan to send rejected applicants from Norway to Moldova collapsed in May.", "NOR-MDA", "scrapped"),
        ("The agreement to send rejected applicants from Norway to Moldova fell through.", "NOR-MDA", "scrapped"),
        ("The pact to send rejected applicants from Norway to Moldova was extended until 2027.", "NOR-MDA", "in_force"),
        ("Norway's Safety of Moldova Act became law in May.", "NOR-MDA", "in_force"),
        ("Critics compared it with Norway's idea of processing asylum claims in Moldova.", "NOR-MDA", "proposed"),
        ("The bill to send rejected applicants from Norway to Moldova received royal assent.", "NOR-MDA", "in_force"),
        (
            "In 2022 the Norwegian government designated Moldova a 'safe third country' for applicants from Syria.",
            "NOR-MDA",
            "in_force",
        ),
        ("Norway's agreement to send rejected applicants to Moldova is not yet in force.", "NOR-MDA", "signed"),
        ("Norway's deal to send rejected applicants to Moldova has yet to take effect.", "NOR-MDA", "signed"),
        ("Norway is weighing a deal with Moldova to send rejected applicants there.", "NOR-MDA", "under_negotiation"),
        (
            "Norway and Moldova initialled a deal to send rejected applicants from Norway to Moldova.",
            "NOR-MDA",
            "agreed",
        ),
        (
            "People deported from Norway can be held in Moldova under a deal announced on Monday.",
            "NOR-MDA",
            "agreed",
        ),
    ],
)
def test_status_from_the_wording(text: str, key: str, status: str) -> None:
    assert status_of(fragment(text), key) == status


@pytest.mark.covers("status.arrangement-named", acts=False)
def test_a_model_or_a_solution_without_a_states_name_names_no_arrangement() -> None:
    found = fragment("Asylum seekers from Norway are held in Moldova; critics call it a business model.")
    assert [c.value for c in claims(found, "NOR-MDA", "status") if "model" in c.quote] in ([], ["implemented"])
    assert all(c.rules[0] != "status.arrangement-named/v1" for c in claims(found, "NOR-MDA", "status"))


@pytest.mark.covers("status.wording", acts=False)
def test_the_noun_agreement_alone_claims_no_status() -> None:
    found = fragment("Under the agreement, Rwanda will house migrants deported from the United States.")
    # the status comes from the promise to house them, not from the noun "agreement"
    assert [
        (c.value, [e.text for e in c.evidence if e.role == "value"]) for c in claims(found, "USA-RWA", "status")
    ] == [("agreed", ["house"])]


def test_an_adjective_is_not_an_event() -> None:
    found = fragment("Ghana will shelter the accepted migrants deported from the United States.")
    stated = [e.text for c in claims(found, "USA-GHA", "status") for e in c.evidence if e.role == "value"]
    assert "accepted" not in stated and stated == ["shelter"]  # the promise to shelter them, not the adjective


@pytest.mark.covers("status.adjective-not-event")
def test_a_signed_copy_is_no_signing() -> None:
    found = fragment("Britain will send asylum seekers to Rwanda, which keeps a signed copy of the deal.")
    stated = [(c.value, e.text) for c in claims(found, "GBR-RWA", "status") for e in c.evidence if e.role == "value"]
    assert stated == [("agreed", "send")]


@pytest.mark.covers("status.signed-the-arrangement", acts=False)
def test_signing_a_statement_of_intent_is_not_signing_the_arrangement() -> None:
    found = fragment(
        "Finland and Rwanda signed a joint statement saying they were exploring a programme to transfer "
        "asylum seekers from Finland to Rwanda."
    )
    assert status_of(found, "FIN-RWA") == "under_negotiation"


@pytest.mark.covers("status.signed-the-arrangement")
def test_signing_the_agreement_is_signing_the_arrangement() -> None:
    found = fragment("Britain and Rwanda signed the agreement to send asylum seekers to Kigali.")
    assert status_of(found, "GBR-RWA") == "signed"


@pytest.mark.covers("status.approved-the-arrangement")
def test_a_bill_or_a_court_approving_is_not_an_agreement() -> None:
    found = fragment("The cabinet approved a bill on the treaty under which Britain sends migrants to Rwanda.")
    assert "agreed" not in [c.value for c in claims(found, "GBR-RWA", "status")]
    found = fragment("The agreement under which Greece sends migrants to Turkey has been approved.")
    assert status_of(found, "GRC-TUR") == "agreed"


@pytest.mark.covers("status.future-or-conditional")
def test_future_and_conditional_wording_is_downgraded() -> None:
    found = fragment("Australia will pay Nauru once the first deportees arrive in Nauru from Australia.")
    assert "implemented" not in [c.value for c in claims(found, "AUS-NRU", "status")]


@pytest.mark.covers("status.denial")
def test_a_denial_is_kept_as_a_negated_claim() -> None:
    found = fragment("Uganda has denied that it agreed to accept people deported from Israel.")
    statuses = claims(found, "ISR-UGA", "status")
    assert statuses and all(c.negated for c in statuses)
    assert status_of(found, "ISR-UGA") is None
    assert any(e.text.startswith("denied") for c in statuses for e in c.evidence)


@pytest.mark.covers("status.wording")
def test_an_event_reported_as_not_having_happened_is_negated() -> None:
    found = fragment("The UK and Rwanda signed a deal in 2022. No asylum seeker was ever sent to Rwanda under it.")
    implemented = [c for c in claims(found, "GBR-RWA", "status") if c.value == "implemented"]
    assert implemented and all(c.negated for c in implemented)


@pytest.mark.covers("status.for-the-pair")
def test_the_status_is_the_one_in_the_pairs_own_clause() -> None:
    found = fragment(
        "Eight men were flown from the United States to South Sudan, and Kosovo agreed to host fifty people "
        "deported from the United States."
    )
    assert [c.value for c in claims(found, "USA-SSD", "status")] == ["implemented"]
    assert [c.value for c in claims(found, "USA-XKX", "status")] == ["agreed"]


@pytest.mark.covers("status.wording")
def test_every_status_claim_states_its_value_in_its_evidence() -> None:
    found = fragment("Eswatini formalized a deal with the United States to take in people deported from the US.")
    [claim] = claims(found, "USA-SWZ", "status")
    assert [e.text for e in claim.evidence if e.role == "value"] == ["formalized"]


@pytest.mark.covers("status.wish-describing-people")
def test_a_wish_that_describes_the_people_proposes_nothing() -> None:
    found = fragment("Belize agreed to receive people the United States wants to deport.")
    assert [c.value for c in claims(found, "USA-BLZ", "status")] == ["agreed"]
    found = fragment("The United States wants to deport more people to Belize.")
    assert status_of(found, "USA-BLZ") == "proposed"


@pytest.mark.covers("status.event-of-the-pair")
def test_the_verb_that_moves_people_gives_the_status_where_no_wording_does() -> None:
    found = fragment("Norway has flown thirty rejected asylum seekers and their families to Moldova.")
    assert status_of(found, "NOR-MDA") == "implemented"
    assert claims(found, "NOR-MDA", "status")[0].rules[-1] == "status.event-of-the-pair/v1"
    assert status_of(fragment("Norway will send 300 prisoners to a rented prison in Balti, Moldova."), "NOR-MDA") == (
        "agreed"
    )
    assert status_of(fragment("Norway could send prisoners to Moldova in the future."), "NOR-MDA") is None


@pytest.mark.covers("status.signed-intent")
def test_signing_a_letter_of_intent_is_a_step_in_the_talks() -> None:
    found = fragment(
        "Norway sends rejected applicants to Moldova. Norway and Moldova signed a letter of intent on a return hub."
    )
    assert [c.value for c in claims(found, "NOR-MDA", "status")] == ["implemented", "under_negotiation"]


@pytest.mark.covers("status.event-of-the-pair")
def test_a_wished_move_is_proposed_and_a_begun_one_implemented() -> None:
    text = "Opposition leaders want Norway to follow Denmark and outsource asylum claims to Moldova."
    assert status_of(fragment(text), "NOR-MDA") == "proposed"
    assert (
        status_of(fragment("Norway began offshoring the processing of claims to Moldova."), "NOR-MDA") == "implemented"
    )


@pytest.mark.covers("status.wording")
def test_an_arrangement_that_ends() -> None:
    text = "Norway's processing arrangement with Moldova will end in December, after Norway sent 40 people there."
    assert status_of(fragment(text), "NOR-MDA") == "scrapped"


@pytest.mark.covers("status.event-of-the-pair")
def test_a_destination_given_as_an_example_takes_the_verb_too() -> None:
    text = "Some want Norway to outsource the handling of claims to a country such as Moldova or Georgia."
    found = fragment(text)
    assert (status_of(found, "NOR-MDA"), status_of(found, "NOR-GEO")) == ("proposed", "proposed")


@pytest.mark.covers("status.arrangement-named")
def test_a_named_deal_is_agreed_where_the_document_words_no_status_for_the_pair() -> None:
    found = fragment("The Moldova deal covers up to 300 people deported from Norway.")
    assert [(c.value, c.rules[-1]) for c in claims(found, "NOR-MDA", "status")] == [
        ("agreed", "status.arrangement-named/v1")
    ]
    worded = fragment("Norway signed a deal to send forty applicants to Moldova.")
    assert "status.arrangement-named/v1" not in {r for c in claims(worded, "NOR-MDA", "status") for r in c.rules}


@pytest.mark.covers("status.wording")
def test_people_taken_to_a_state() -> None:
    found = fragment("Twelve men who had been taken from Norway to a centre in Moldova were freed.")
    assert status_of(found, "NOR-MDA") == "implemented"


@pytest.mark.covers("status.signed-up")
def test_signing_up_to_receive_people_is_agreeing() -> None:
    assert status_of(fragment("Moldova has signed up to receive people deported from Norway."), "NOR-MDA") == "agreed"


@pytest.mark.covers("status.wording")
def test_asking_states_to_take_people_is_a_proposal_and_a_meeting_where_it_was_discussed_talks() -> None:
    found = fragment("The United States has asked Gabon, Liberia and Senegal to accept deportees from other countries.")
    assert [status_of(found, key) for key in ("USA-GAB", "USA-LBR", "USA-SEN")] == ["proposed"] * 3
    found = fragment("Chile pressed Peru to take in migrants it wants to deport.")
    assert status_of(found, "CHL-PER") == "proposed"
    found = fragment("Chile and Peru met in Lima, where the transfer of deported migrants to Peru was discussed.")
    assert status_of(found, "CHL-PER") == "under_negotiation"


@pytest.mark.covers("status.wording")
def test_dropping_a_plan_scraps_it() -> None:
    assert (
        status_of(fragment("Norway drops its plan to send rejected asylum seekers to Moldova."), "NOR-MDA")
        == "scrapped"
    )


@pytest.mark.covers("status.wording")
def test_people_a_state_received_tell_the_deal_was_carried_out() -> None:
    found = fragment("Panama's government said that three migrants it received from the United States sought asylum.")
    assert status_of(found, "USA-PAN") == "implemented"
    found = fragment("Panama said it would decide on the number of migrants it received from the United States later.")
    assert found.agreements == []


@pytest.mark.covers("status.talks-before-the-deal")
def test_talks_that_came_before_the_deal_are_not_a_negotiation() -> None:
    text = "The deal to send prisoners from Norway to Moldova emerged following discussions between the two ministers."
    assert status_of(fragment(text), "NOR-MDA") == "agreed"  # the deal named, not the talks
    text = "Norway is in talks with Moldova about sending prisoners to a prison in Balti."
    assert status_of(fragment(text), "NOR-MDA") == "under_negotiation"


@pytest.mark.covers("status.gerund-no-event")
def test_a_feared_move_in_a_passive_gerund_is_no_event() -> None:
    feared = (
        "Norway signed an agreement with Moldova in May. "
        "Asylum seekers are at risk of being sent from Norway to Moldova."
    )
    assert status_of(fragment(feared), "NOR-MDA") == "signed"
    happened = "After being sent from Norway to Moldova under the agreement, the men were held in Balti."
    assert status_of(fragment(happened), "NOR-MDA") == "implemented"


@pytest.mark.covers("status.arrangement-named")
def test_a_firm_pair_in_a_sentence_naming_the_deal_is_a_claim_of_it() -> None:
    text = (
        "The subject of the day was the protocol, the arrangement under which people rescued by Norwegian ships "
        "are to be taken to two Norwegian-run centres on Moldovan soil."
    )
    [status] = claims(fragment(text), "NOR-MDA", "status")
    assert (status.value, [e.text for e in status.evidence if e.role == "value"]) == ("signed", ["protocol"])


@pytest.mark.covers("status.arrangement-named")
def test_a_deal_named_as_a_proper_noun_is_named() -> None:
    found = fragment("The Safe Return Agreement covers people deported from Norway to Moldova.")
    [status] = claims(found, "NOR-MDA", "status")
    assert (status.value, status.rules[-1]) == ("agreed", "status.arrangement-named/v1")


@pytest.mark.covers("status.people-sent")
@pytest.mark.parametrize(
    ("text", "key", "status"),
    [
        ("Nine men expelled by Chile in May remain in government custody in Lima.", "CHL-PER", "implemented"),
        ("The men were sent from Chile and remain in detention in Peru.", "CHL-PER", "implemented"),
        pytest.param(
            "Migrants deported by Chile would be housed in Bolivia under the plan.",
            "CHL-BOL",
            "proposed",
            marks=pytest.mark.covers("status.people-sent", acts=False),
        ),
    ],
)
def test_people_described_as_already_sent_tell_the_deal_was_carried_out(text: str, key: str, status: str) -> None:
    assert status_of(fragment(text), key) == status


@pytest.mark.covers("status.wording")
def test_a_joint_statement_is_a_step_in_the_talks() -> None:
    text = "Denmark and Rwanda issued a joint statement on a possible transfer of asylum seekers."
    assert status_of(fragment(text), "DNK-RWA") == "under_negotiation"


@pytest.mark.covers("status.event-of-the-pair")
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Chile paid Peru to house asylum seekers who arrived by boat.", "implemented"),
        ("Chile will pay Peru to house asylum seekers who arrive by boat.", "agreed"),
        ("Chile pays Peru to house asylum seekers who arrive by boat.", "implemented"),
    ],
)
def test_paying_a_state_to_receive_people_tells_the_deal_by_its_tense(text: str, status: str) -> None:
    assert status_of(fragment(text), "CHL-PER") == status


@pytest.mark.covers("status.wording")
def test_being_open_to_accepting_people_is_a_proposal() -> None:
    text = "Officials asked whether Peru would be open to accepting deportees from Chile."
    assert status_of(fragment(text), "CHL-PER") == "proposed"


@pytest.mark.covers("status.event-of-the-pair")
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Peru said it would accept deportees from Chile.", "agreed"),
        pytest.param(
            "Peru said it would accept deportees from Chile if they had no criminal record.",
            None,
            marks=pytest.mark.covers("status.event-of-the-pair", acts=False),
        ),
        pytest.param(
            "Peru would accept deportees from Chile.",
            None,
            marks=pytest.mark.covers("status.event-of-the-pair", acts=False),
        ),
    ],
)
def test_would_in_what_a_speaker_said_is_their_will(text: str, status: str | None) -> None:
    assert status_of(fragment(text), "CHL-PER") == status


@pytest.mark.covers("status.wording")
@pytest.mark.parametrize(
    ("text", "key", "status"),
    [
        ("Peru has become the latest country to accept deportees from Chile.", "CHL-PER", "agreed"),
        (
            "Peru became the first South American country to sign a safe third country agreement with the United "
            "States.",
            "USA-PER",
            "signed",
        ),
        ("Deportation flights from Chile to Peru began in March.", "CHL-PER", "implemented"),
        ("Peru confirmed receiving seven deportees from Chile.", "CHL-PER", "implemented"),
    ],
)
def test_the_latest_country_to_agree_and_moves_that_began(text: str, key: str, status: str) -> None:
    assert status_of(fragment(text), key) == status


@pytest.mark.covers("status.wording", acts=False)
def test_money_received_is_no_arrival_and_a_counted_acceptance_no_bare_agreement() -> None:
    text = "Peru confirmed receiving $5m from Chile for the deportees it took in."
    assert all(
        c.value != "implemented" or "confirmed" not in c.quote for c in claims(fragment(text), "CHL-PER", "status")
    )
    counted = fragment("Peru became the first country to accept 119 deportees from Chile.")
    assert "agreed" not in {c.value for c in claims(counted, "CHL-PER", "status")}


@pytest.mark.covers("status.adjective-not-event", acts=False)
def test_an_adjective_on_the_arrangement_gives_its_stage() -> None:
    found = fragment("The idea echoes Norway's scrapped scheme to fly asylum seekers to Moldova.")
    assert status_of(found, "NOR-MDA") == "scrapped"


@pytest.mark.covers("status.centre-in-use", "roles.owner-of-a-centre-abroad")
def test_a_centre_one_state_runs_in_another_is_an_arrangement_in_operation() -> None:
    found = fragment("Critics compare the idea with Norway's centres in Moldova, which have stood largely empty.")
    [status] = claims(found, "NOR-MDA", "status")
    assert (status.value, status.rules[-1], [e.text for e in status.evidence if e.role == "value"]) == (
        "implemented",
        "status.centre-in-use/v1",
        ["centres"],
    )


@pytest.mark.covers("status.centre-in-use", "pairs.section-partner")
def test_the_centres_named_in_the_host_under_a_senders_section_are_in_operation() -> None:
    text = (
        "Where the plans stand\n\nSeveral governments want to send asylum seekers abroad. Here is where things "
        "stand.\n\nNorway\n\nThe two centres in Moldova were given a new role in March, when the government turned "
        "them into pre-removal detention centres for people already under deportation orders."
    )
    [status] = claims(fragment(text), "NOR-MDA", "status")
    assert (status.value, status.rules[-1], [e.text for e in status.evidence if e.role == "value"]) == (
        "implemented",
        "status.centre-in-use/v1",
        ["centres"],
    )


@pytest.mark.covers("status.centre-in-use", acts=False)
def test_a_centre_still_to_be_built_is_not_in_operation() -> None:
    found = fragment("Norway's planned centres in Moldova will hold asylum seekers deported from Norway.")
    assert claims(found, "NOR-MDA", "status") == []
    found = fragment("Norway plans to build two centres in Moldova for asylum seekers it deports.")
    assert claims(found, "NOR-MDA", "status") == []


@pytest.mark.covers("status.arrangement-named")
def test_a_letter_of_intent_named_is_a_step_in_the_talks() -> None:
    found = fragment("Officials cited the Norwegian letter of intent with Moldova on return hubs.")
    [status] = claims(found, "NOR-MDA", "status")
    assert (status.value, [e.text for e in status.evidence if e.role == "value"]) == (
        "under_negotiation",
        ["letter of intent"],
    )


@pytest.mark.covers("status.event-of-the-pair")
def test_a_move_an_arrangement_allows_was_agreed_and_one_it_would_allow_is_nothing_yet() -> None:
    [status] = claims(fragment("The 2016 statement allowed Malta to return migrants to Tunisia."), "MLT-TUN", "status")
    assert (status.value, [e.text for e in status.evidence if e.role == "value"]) == ("agreed", ["allowed"])
    found = fragment("A new pact would allow Malta to return migrants to Tunisia.")  # only the pact's name says it
    assert [c.rules[-1] for c in claims(found, "MLT-TUN", "status")] == ["status.arrangement-named/v1"]


@pytest.mark.covers("status.arrangement-named")
def test_a_draft_memorandum_is_still_being_negotiated() -> None:
    text = "Under a draft memorandum, Moldova could host asylum seekers deported from Norway."
    statuses = [(c.value, c.rules[-1]) for c in claims(fragment(text), "NOR-MDA", "status")]
    assert ("under_negotiation", "status.arrangement-named/v1") in statuses
    assert "signed" not in [value for value, _ in statuses]


@pytest.mark.covers("status.event-to-come")
def test_a_first_transfer_that_could_come_is_agreed_not_carried_out() -> None:
    text = "Peru accepted migrants from Chile under the deal; the first transfers could take place in August."
    assert status_of(fragment(text), "CHL-PER") == "agreed"


@pytest.mark.covers("status.event-to-come", acts=False)
def test_a_first_transfer_that_came_is_carried_out() -> None:
    text = "Peru accepted migrants from Chile under the deal; the first transfers took place in August."
    assert status_of(fragment(text), "CHL-PER") == "implemented"


@pytest.mark.covers("status.ended-for-people")
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Migrants deported from Chile were abandoned at the border with Peru.", "en"),
        ("Les Haïtiens expulsés vers le Pérou par le Chili disent avoir été abandonnés.", "fr"),
    ],
)
def test_a_word_of_ending_said_of_people_is_no_status(text: str, language: str) -> None:
    found = fragment(text, language=language)
    assert all(status_of(found, a.key) != "scrapped" for a in found.agreements)


@pytest.mark.covers("status.ended-for-people", acts=False)
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Chile abandoned its plan to deport asylum seekers to Peru.", "en"),
        ("Le projet d'expulser des migrants du Chili vers le Pérou a été abandonné.", "fr"),
    ],
)
def test_a_word_of_ending_said_of_the_arrangement_is_scrapped(text: str, language: str) -> None:
    assert status_of(fragment(text, language=language), "CHL-PER") == "scrapped"


@pytest.mark.covers("status.ended-for-people", acts=False)
def test_a_plan_put_on_hold_is_suspended_wherever_the_parser_hangs_on_hold() -> None:
    text = "Chile put its plan to move asylum seekers to Peru on hold in March 2023."
    assert status_of(fragment(text), "CHL-PER") == "suspended"


@pytest.mark.covers("status.centre-in-use")
def test_centres_that_opened_are_in_use_and_centres_to_open_are_not() -> None:
    assert status_of(fragment("Chile's centres in Peru opened in October."), "CHL-PER") == "implemented"
    assert "CHL-PER" not in [a.key for a in fragment("Chile's centres in Peru will open in October.").agreements]


def test_an_offer_to_hold_deportees_is_a_proposal() -> None:
    text = (
        "Norway has flown rejected applicants to Georgia since May. "
        "Moldova's President Ana Rusu offered to hold deportees of any nationality, a Norwegian minister said."
    )
    assert status_of(fragment(text), "NOR-MDA") == "proposed"


def test_a_court_finding_that_officials_breached_its_order_does_not_strike_the_scheme_down() -> None:
    text = "A judge found that officials had breached his order by sending the men from Norway to Moldova."
    assert status_of(fragment(text), "NOR-MDA") != "struck_down"


def test_a_deal_to_revive_a_stalled_scheme_is_not_stalled() -> None:
    text = (
        "Norway signed a new accord with Moldova in a bid to revive a stalled scheme to send rejected applicants "
        "from Norway to Moldova."
    )
    assert status_of(fragment(text), "NOR-MDA") == "signed"


def test_a_state_extended_an_olive_branch_extends_no_deal() -> None:
    text = "Moldova agreed to take people deported from Norway after Norway was extended an offer by the government."
    assert status_of(fragment(text), "NOR-MDA") == "agreed"


def test_a_signing_due_next_week_has_not_happened() -> None:
    text = "The accord to send rejected applicants from Norway to Moldova is due to be signed next week."
    assert status_of(fragment(text), "NOR-MDA") == "under_negotiation"


@pytest.mark.parametrize(
    "second",
    [
        "A court in Oslo found that the protocol had not violated the constitution.",
        "The Supreme Court holds a hearing next week on whether the protocol is unlawful.",
        "The Norwegian coalition collapsed in June over migration policy.",
        "Their detention in Moldova has been extended by three months.",
    ],
)
def test_wordings_near_a_status_that_say_nothing_of_the_deal(second: str) -> None:
    text = "Norway sent forty rejected applicants to Moldova under a protocol signed in May. " + second
    found = fragment(text)
    assert {c.value for c in claims(found, "NOR-MDA", "status")} == {"signed"}


@pytest.mark.covers("status.details-to-settle")
def test_details_still_being_worked_out_leave_the_deal_agreed() -> None:
    found = fragment(
        "Where Norway sends people\n\nNorway has sent rejected applicants to several states.\n\nMoldova.\n\n"
        "Chisinau has agreed to accept them. The details of implementation were still being worked out."
    )
    statuses = [c.value for c in claims(found, "NOR-MDA", "status")]
    assert "agreed" in statuses and "under_negotiation" not in statuses


@pytest.mark.covers("status.wording")
def test_nobody_known_to_have_arrived_is_a_negated_arrival() -> None:
    found = fragment(
        "Moldova has agreed to accept people deported from Norway. No one is known to have been flown to Moldova yet."
    )
    implemented = [c for c in claims(found, "NOR-MDA", "status") if c.value == "implemented"]
    assert implemented and all(c.negated for c in implemented)


@pytest.mark.covers("status.centre-in-use")
def test_a_court_refusing_one_detention_does_not_suspend_the_deal() -> None:
    found = fragment(
        "Norway's centres in Moldova opened in May and the first men were transferred there. A court in Oslo on "
        "Friday refused to approve the detention of twelve men sent to Norway's centres in Moldova."
    )
    statuses = [c.value for c in claims(found, "NOR-MDA", "status")]
    assert "implemented" in statuses and "suspended" not in statuses


@pytest.mark.covers("status.wording")
def test_a_request_to_receive_is_a_proposal_and_no_request_a_negated_one() -> None:
    asked = fragment("Nigeria rejected a US request to take in deportees from third countries.")
    assert [c.value for c in claims(asked, "USA-NGA", "status")] == ["proposed"]
    none = fragment("Nigeria said it had received no request from Washington to accept deportees from the US.")
    statuses = claims(none, "USA-NGA", "status")
    assert [c.value for c in statuses] == ["proposed"] and statuses[0].negated


@pytest.mark.covers("status.wording")
def test_a_court_refusing_to_approve_the_deal_suspends_it() -> None:
    found = fragment(
        "A court in Chisinau refused to approve the deal under which Moldova would take deportees from Norway."
    )
    assert [c.value for c in claims(found, "NOR-MDA", "status")] == ["suspended"]


@pytest.mark.covers("status.said-of-the-deal")
def test_a_status_said_of_the_deal_in_another_clause_holds_for_the_pair() -> None:
    found = fragment(
        "Moldova agreed to take deportees from Norway in August, but officials said on Tuesday that the arrangement "
        "had been put on hold after a court challenge."
    )
    assert [c.value for c in claims(found, "NOR-MDA", "status")] == ["suspended"]


@pytest.mark.covers("status.said-of-the-deal", acts=False)
def test_a_status_in_a_clause_of_background_stays_there() -> None:
    found = fragment(
        "No one has been flown to Moldova from Norway since the partnership was signed in April, officials said."
    )
    assert "signed" not in [c.value for c in claims(found, "NOR-MDA", "status")]


@pytest.mark.covers("status.news-after-background")
def test_the_main_clause_of_a_state_with_a_background_clause_gives_the_status() -> None:
    found = fragment(
        "Finland, which signed a deal with Moldova in 2023 to deport rejected asylum seekers there, put the plan on "
        "hold last week."
    )
    assert [c.value for c in claims(found, "FIN-MDA", "status")] == ["suspended"]


@pytest.mark.covers("status.news-after-background", acts=False)
def test_a_main_clause_about_something_else_leaves_the_background_status() -> None:
    found = fragment(
        "Finland, which signed a deal with Moldova in 2023 to deport rejected asylum seekers there, put its budget "
        "on hold last week."
    )
    assert "suspended" not in [c.value for c in claims(found, "FIN-MDA", "status")]


@pytest.mark.covers("status.wording")
def test_the_idea_that_people_could_be_sent_is_a_proposal() -> None:
    text = (
        "Last month the president rejected outright the idea that Africans deported from Norway could be sent to "
        "Moldova."
    )
    assert status_of(fragment(text), "NOR-MDA") == "proposed"


@pytest.mark.covers("status.news-after-background", acts=False)
def test_the_main_clause_about_another_states_deal_lends_no_status() -> None:
    found = fragment("Italy, which runs two centres in Albania, has put its plans for Tunisia on hold.")
    assert "suspended" not in [c.value for c in claims(found, "ITA-ALB", "status")]


@pytest.mark.covers("status.called-for", "status.wording")
@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A motion calls on the government to negotiate deals with Ghana to take in people deported from Belgium.",
            "en",
        ),
        ("The opposition urged talks with Ghana on taking in people deported from Belgium.", "en"),
        (
            "La motion appelle le gouvernement à négocier un accord avec le Ghana pour accueillir des migrants "
            "expulsés de Belgique.",
            "fr",
        ),
    ],
)
def test_a_step_called_for_is_proposed_not_under_way(text: str, language: str) -> None:
    assert status_of(fragment(text, language=language), "BEL-GHA") == "proposed"


@pytest.mark.covers("status.called-for", acts=False)
@pytest.mark.parametrize(
    "text",
    [
        "Belgium called the talks with Ghana on taking in deportees productive.",
        "Belgium is negotiating a deal with Ghana to take in people deported from Belgium.",
    ],
)
def test_talks_called_something_or_under_way_are_under_negotiation(text: str) -> None:
    assert status_of(fragment(text), "BEL-GHA") == "under_negotiation"


@pytest.mark.covers("status.for-the-pair")
@pytest.mark.covers("status.arrangement-named", acts=False)
def test_a_status_of_the_senders_other_scheme_is_not_the_pairs() -> None:
    text = (
        "Asked whether Montenegro might hold asylum seekers for Austria, which has been searching for partners "
        "since dropping its own Moldova scheme, the minister said nothing."
    )
    found = fragment(text)
    assert status_of(found, "AUT-MDA") == "scrapped"
    assert status_of(found, "AUT-MNE") is None  # asked about, with no status of its own


def test_wordings_are_matched_on_lower_case_text_with_the_same_offsets() -> None:
    import re

    from dakg.ingest.rules.status import for_lower_case

    assert for_lower_case(re.compile(r"\bthe Home Office\b", re.I)) is None  # a capital of its own: as written
    pattern = re.compile(r"\b(?:put on ice|suspended)\W", re.I)
    fast = for_lower_case(pattern)
    assert fast is not None and not fast.flags & re.IGNORECASE
    text = "The Deal Was SUSPENDED, then PUT ON ICE."
    assert (
        [m.span() for m in fast.finditer(text.lower())]
        == [m.span() for m in pattern.finditer(text)]
        == [
            (13, 23),
            (29, 40),
        ]
    )
    # a text whose lower case is longer (a dotted capital I) is matched as written
    assert len("İstanbul".lower()) != len("İstanbul")
    assert status_of(fragment("İzmir talks: Norway suspended its plan to send migrants to Moldova."), "NOR-MDA") == (
        "suspended"
    )
