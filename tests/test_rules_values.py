"""Stage 4 value rules (caps, payments, dates, groups) on frozen parses."""

from __future__ import annotations

import pytest

from dakg.ingest.rules.dates import normalize, parse_iso

from .extraction import claims, fragment

pytestmark = pytest.mark.unit


def _caps(text: str, key: str) -> list[tuple[int, str | None, str]]:
    return [
        (c.value, c.detail, next(e.text for e in c.evidence if e.role == "value"))
        for c in claims(fragment(text), key, "cap")
    ]


@pytest.mark.parametrize(
    ("text", "key", "cap"),
    [
        pytest.param(
            "Bhutan agreed to accept up to 120 migrants deported from the United States.",
            "USA-BTN",
            (120, None, "up to 120"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "The number of people Peru receives from Chile is subject to a ceiling of forty-five (45) individuals.",
            "CHL-PER",
            (45, None, "a ceiling of forty-five"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Peru will take as many as 75 deportees from Chile.",
            "CHL-PER",
            (75, None, "as many as 75"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Italy is sending migrants to centres in Albania with capacity for 3,000 migrants.",
            "ITA-ALB",
            (3000, None, "capacity for 3,000"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Kosovo agreed to host fifty people deported from the United States.",
            "USA-XKX",
            (50, None, "host fifty people"),
            marks=pytest.mark.covers("caps.fixed-number"),
        ),
        pytest.param(
            "Under the plan Denmark will send up to 300 asylum seekers a year to Rwanda.",
            "DNK-RWA",
            (300, "per year", "up to 300 asylum seekers a year"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Spain will return up to two hundred migrants a month to Morocco.",
            "ESP-MAR",
            (200, "per month", "up to two hundred migrants a month"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Moldova said it would accept people deported from Norway, capped at two hundred and fifty a year.",
            "NOR-MDA",
            (250, "per year", "capped at two hundred and fifty a year"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Under the protocol signed with Moldova in 2024, Norway may hold no more than 2,000 men at any one time "
            "in two centres in Moldova.",
            "NOR-MDA",
            (2000, None, "no more than 2,000"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Under a letter of intent signed on Monday, Norway will rent 300 places in a prison in Moldova.",
            "NOR-MDA",
            (300, None, "rent 300 places"),
            marks=pytest.mark.covers("caps.fixed-number"),
        ),
        pytest.param(
            "The agreement under which Norway sends people to Moldova caps the number of transfers at 1,000 a year.",
            "NOR-MDA",
            (1000, "per year", "caps the number of transfers at 1,000 a year"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Norway and Moldova agreed a yearly quota of 500 returns to Moldova.",
            "NOR-MDA",
            (500, "per year", "a yearly quota of 500"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Moldova will accept a quota of 400 people a year deported from Norway.",
            "NOR-MDA",
            (400, "per year", "a quota of 400 people a year"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Mexico agreed to accept up to 30,000 non-Mexican deportees a month from the United States.",
            "USA-MEX",
            (30000, "per month", "up to 30,000 non-Mexican deportees a month"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Under the programme, Peru could receive 300 migrants a year from Chile.",
            "CHL-PER",
            (300, "per year", "receive 300 migrants"),
            marks=pytest.mark.covers("caps.fixed-number"),
        ),
        pytest.param(
            "Peru will take a maximum of three hundred migrants annually from Chile under the accord.",
            "CHL-PER",
            (300, "per year", "a maximum of three hundred migrants annually"),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "Under the deal, Bolivia agreed to host four hundred deportees from Chile.",
            "CHL-BOL",
            (400, None, "host four hundred deportees"),
            marks=pytest.mark.covers("caps.fixed-number"),
        ),
        pytest.param(
            "Peru agreed to a scheme for the transfer of 160 people at most from Chile.",
            "CHL-PER",
            (160, None, "160 people at most"),
            marks=pytest.mark.covers("caps.ceiling-after"),
        ),
    ],
)
def test_a_cap_is_a_ceiling_or_a_fixed_number_with_its_period(
    text: str, key: str, cap: tuple[int, str | None, str]
) -> None:
    assert _caps(text, key) == [cap]


@pytest.mark.covers("caps.ceiling", "caps.fixed-number", acts=False)
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("About 40 deportees from the United States are expected to arrive in Belize next week.", "USA-BLZ"),
        ("Ghana has received 14 deportees from the United States.", "USA-GHA"),
        ("Ten men deported from the United States arrived in Eswatini.", "USA-SWZ"),
        ("Some estimate that up to 80,000 people could be sent from Australia to Nauru if the law passes.", "AUS-NRU"),
        ("Costa Rica became the first country to accept 135 deportees from the United States.", "USA-CRI"),
        ("Britain agreed to pay Rwanda up to £50 million to house migrants deported from Britain.", "GBR-RWA"),
        ("Norway will deport 50 rejected asylum seekers to Moldova next week.", "NOR-MDA"),
        ("Chile sends migrants to Peru under the pact. Up to 9,000 people could pass through it a year.", "CHL-PER"),
    ],
)
def test_guesses_batches_events_and_money_are_not_caps(text: str, key: str) -> None:
    assert _caps(text, key) == []


@pytest.mark.covers("caps.ceiling")
def test_a_cap_goes_to_the_pair_in_its_clause() -> None:
    found = fragment(
        "Ten men from the United States were flown to Ghana, and Togo agreed to host up to 60 people deported "
        "from the United States."
    )
    assert [c.value for c in claims(found, "USA-TGO", "cap")] == [60]
    assert claims(found, "USA-GHA", "cap") == []


@pytest.mark.covers("payments.amount-paid")
@pytest.mark.parametrize(
    ("sentence", "amount", "currency"),
    [
        ("The United States agreed to pay Eswatini $5.1 million to accept deportees from the U.S.", 5_100_000, "USD"),
        ("Britain has paid Rwanda £240m under the scheme to relocate asylum seekers.", 240_000_000, "GBP"),
        (
            "Italy will pay €670 million over five years for the centres it transfers migrants to in Albania.",
            670_000_000,
            "EUR",
        ),
        ("Australia will pay AU$400 million to Nauru to house people deported from Australia.", 400_000_000, "AUD"),
    ],
)
def test_payments_with_their_currency(sentence: str, amount: float, currency: str) -> None:
    found = fragment(sentence)
    payments = [c for a in found.agreements for c in a.claims if c.field == "payment"]
    assert [c.value for c in payments] == [{"amount": amount, "currency": currency}]


@pytest.mark.covers("payments.conversion-in-brackets")
def test_a_conversion_in_brackets_is_the_same_payment() -> None:
    found = fragment(
        "Eswatini confirmed receiving $5.1m (£3.8m) from the United States for taking deportees from the US."
    )
    assert [c.value for c in claims(found, "USA-SWZ", "payment")] == [{"amount": 5_100_000, "currency": "USD"}]


@pytest.mark.covers("payments.cash-to-migrants")
def test_cash_given_to_migrants_is_not_a_payment_between_states() -> None:
    found = fragment("Migrants deported from Israel to Uganda receive $3,500 in cash for leaving.")
    assert claims(found, "ISR-UGA", "payment") == []


@pytest.mark.covers("payments.received-by-people")
def test_money_the_people_receive_is_not_a_payment_between_states() -> None:
    found = fragment("Migrants deported from Chile to Peru receive 2,000 dollars.")
    assert claims(found, "CHL-PER", "payment") == []


@pytest.mark.covers("payments.received-by-people", acts=False)
def test_money_a_state_receives_is_a_payment() -> None:
    found = fragment("Peru received $40 million from Chile to take in asylum seekers.")
    assert [c.value["amount"] for c in claims(found, "CHL-PER", "payment")] == [40_000_000.0]


@pytest.mark.covers("dates.normalize")
def test_dates_resolve_against_the_publication_date() -> None:
    found = fragment(
        "The United Kingdom signed an agreement with Rwanda on Thursday to send asylum seekers there.",
        published="2022-04-14",
    )
    [date] = claims(found, "GBR-RWA", "date")
    assert (date.value, date.detail) == ("2022-04-14", "signed: Thursday")
    assert next(e.text for e in date.evidence if e.role == "value") == "Thursday"


@pytest.mark.covers("dates.normalize")
@pytest.mark.parametrize(
    ("raw", "published", "value"),
    [
        ("5 December 2023", None, "2023-12-05"),
        ("December 5, 2023", None, "2023-12-05"),
        ("June 2025", None, "2025-06"),
        ("2024", None, "2024"),
        ("between 2022 and 2024", None, "2022/2024"),
        ("last March", "2025-02-10", "2024-03"),
        ("March", "2025-04-10", "2025-03"),
        ("on Monday", "2025-08-07", "2025-08-04"),
        pytest.param("Monday", None, None, marks=pytest.mark.covers("dates.normalize", acts=False)),
    ],
)
def test_normalize_dates(raw: str, published: str | None, value: str | None) -> None:
    assert normalize(raw, parse_iso(published)) == value


@pytest.mark.covers("groups.people-described")
def test_groups_with_size_nationalities_and_evidence() -> None:
    found = fragment(
        "Five men deported from the United States arrived in Eswatini. "
        "The men, from Vietnam, Jamaica, Laos, Cuba and Yemen, were held in prison."
    )
    groups = {g.description: g for g in found.migrant_groups}
    assert groups["Five men deported from the United States"].size == 5
    [listed] = [g for g in groups.values() if g.nationalities]
    assert listed.nationalities == ["CUB", "JAM", "LAO", "VNM", "YEM"]
    assert [e.text for e in listed.evidence if e.role == "group"][:2] == [listed.description, "Vietnam"]
    covers = claims(found, "USA-SWZ", "covers")
    assert covers and all(any(e.role == "group" for e in c.evidence) for c in covers)


@pytest.mark.covers("payments.cash-to-migrants", "payments.amount-paid")
def test_money_offered_to_each_person_is_not_a_payment_but_a_per_person_rate_is() -> None:
    found = fragment("Israel is sending people to Rwanda and is offering each person $3,500 to go.")
    assert claims(found, "ISR-RWA", "payment") == []
    found = fragment("Britain will pay Rwanda £20,000 for each person relocated from Britain to Rwanda.")
    [payment] = claims(found, "GBR-RWA", "payment")
    assert payment.value == {"amount": 20000, "currency": "GBP"} and payment.detail == "£20,000 per person"


@pytest.mark.covers("groups.people-described")
def test_deportees_from_a_state_do_not_hold_its_nationality() -> None:
    found = fragment("Eswatini agreed to take up to 160 deportees from the United States.")
    [group] = found.migrant_groups
    assert (group.description, group.size, group.nationalities) == (
        "up to 160 deportees from the United States",
        160,
        [],
    )


@pytest.mark.parametrize(
    ("text", "key", "cap"),
    [
        pytest.param(
            "Belize signed a deal with the United States for 75 people deported from the US.",
            "USA-BLZ",
            (75, None),
            marks=pytest.mark.covers("caps.fixed-number"),
        ),
        pytest.param(
            "The arrangement covers 120 migrants deported from Spain to Mauritania.",
            "ESP-MRT",
            (120, None),
            marks=pytest.mark.covers("caps.fixed-number"),
        ),
        pytest.param(
            "Under the plan Rwanda will take 300 a year from Britain.",
            "GBR-RWA",
            (300, "per year"),
            marks=pytest.mark.covers("caps.fixed-number"),
        ),
        pytest.param(
            "Rwanda will take in a maximum of two hundred deportees from Denmark.",
            "DNK-RWA",
            (200, None),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "The deal would see Moldova take around 300 deportees per year from Norway.",
            "NOR-MDA",
            (300, "per year"),
            marks=pytest.mark.covers("caps.fixed-number"),
        ),
        pytest.param(
            "Moldova will receive up to seventy-five asylum seekers from Norway, officials said.",
            "NOR-MDA",
            (75, None),
            marks=pytest.mark.covers("caps.ceiling"),
        ),
        pytest.param(
            "The two centres in Moldova, run by Norway, have room for 3,000 migrants at a time.",
            "NOR-MDA",
            (3000, None),
            marks=pytest.mark.covers("caps.ceiling", "roles.run-by"),
        ),
        pytest.param(
            "Norway's centres in Moldova were designed to process 3,000 people a month.",
            "NOR-MDA",
            (3000, "per month"),
            marks=pytest.mark.covers("caps.fixed-number"),
        ),
        pytest.param(
            "Moldova agreed to act as a bridge for 200 migrants deported from Norway.",
            "NOR-MDA",
            (200, None),
            marks=pytest.mark.covers("caps.fixed-number"),
        ),
        pytest.param(
            "Moldova agreed to hand over 126 migrants to Georgia at the border under the arrangement.",
            "MDA-GEO",
            (126, None),
            marks=pytest.mark.covers("caps.fixed-number"),
        ),
    ],
)
def test_a_number_the_deal_is_for(text: str, key: str, cap: tuple[int, str | None]) -> None:
    assert [(c.value, c.detail) for c in claims(fragment(text), key, "cap")] == [cap]


@pytest.mark.covers("caps.taken-by-the-sender")
def test_people_the_sending_state_takes_in_itself_are_no_cap() -> None:
    text = (
        "Canada turns back asylum seekers who arrive from the United States under the pact. "
        "As part of the pact, Canada committed to welcome 4,000 migrants from the Americas."
    )
    assert _caps(text, "CAN-USA") == []
    assert _caps("Under the pact, Canada will send up to 400 people a year to the United States.", "CAN-USA") == [
        (400, "per year", "up to 400 people a year")
    ]


@pytest.mark.covers("caps.ceiling", "pairs.only-agreement")
def test_the_number_of_people_set_for_the_deal_in_a_sentence_naming_no_state() -> None:
    text = "Bolivia agreed to take in migrants from Chile. The number of people it will accept was set at 75."
    assert [(c.value, c.detail) for c in claims(fragment(text), "CHL-BOL", "cap")] == [(75, None)]


@pytest.mark.covers("caps.fixed-number", acts=False)
def test_a_one_off_figure_in_soft_wording_is_no_cap() -> None:
    assert claims(fragment("Peru could receive 300 migrants from Chile."), "CHL-PER", "cap") == []


@pytest.mark.covers("caps.ceiling")
def test_a_deal_that_limits_the_number_of_people_gives_a_cap() -> None:
    text = (
        "Chile will send migrants to two centres in Peru. The protocol limits the number of people held at once to 900."
    )
    assert [(c.value, c.detail) for c in claims(fragment(text), "CHL-PER", "cap")] == [(900, None)]


@pytest.mark.covers("caps.fixed-number")
def test_people_named_by_nationality_are_what_a_deal_is_for() -> None:
    found = fragment("Peru agreed to act as a bridge for 90 Venezuelans deported from Chile.")
    assert [c.value for c in claims(found, "CHL-PER", "cap")] == [90]


@pytest.mark.covers("caps.fixed-number", acts=False)
def test_people_named_by_nationality_outside_a_deals_words_are_no_cap() -> None:
    found = fragment("Chile has received 90 Peruvians deported from the United States.")
    assert claims(found, "USA-CHL", "cap") == []


@pytest.mark.covers("caps.ceiling")
def test_a_cap_in_soft_wording_is_kept_where_a_verb_of_processing_governs_it() -> None:
    found = fragment("Under one option, Peru would process the return of no more than 500 people a year from Chile.")
    assert [(c.value, c.detail) for c in claims(found, "CHL-PER", "cap")] == [(500, "per year")]


@pytest.mark.covers("caps.ceiling", "pairs.reference-back")
def test_a_cap_on_the_deals_centres_a_sentence_later() -> None:
    found = fragment(
        "Britain scrapped its deal to send asylum seekers to Rwanda last year. "
        "Chile's arrangement with Peru sends people rescued at sea to two centres on Peruvian soil. "
        "Ministers in London have studied it: the centres can hold up to 2,000 men at a time, and Santiago "
        "hopes thousands will pass through each year."
    )
    assert [c.value for c in claims(found, "CHL-PER", "cap")] == [2000]


@pytest.mark.covers("caps.ceiling", "caps.around-the-host")
def test_a_ceiling_set_on_the_number_a_host_would_accept() -> None:
    text = "Peru agreed to accept deportees from Chile. Peru set a ceiling of 90 on the number it would accept."
    assert _caps(text, "CHL-PER") == [(90, None, "a ceiling of 90")]


@pytest.mark.covers("caps.what-was-agreed")
def test_a_cap_in_what_the_parties_agreed_to_holds_for_the_pair() -> None:
    text = (
        "Norway and Moldova agreed that Norway would rent cells at a prison near Chisinau, with room for no more "
        "than 80 inmates at a time, for foreigners sentenced to expulsion."
    )
    assert [c[0] for c in _caps(text, "NOR-MDA")] == [80]


@pytest.mark.covers("caps.taken-by-the-sender", acts=False)
def test_a_cap_the_host_takes_is_no_number_the_sender_takes_in_a_clause_beside() -> None:
    text = "The island nation of Tuvalu agreed to accept up to 40 deportees; Washington will provide $2 million."
    assert _caps(text, "USA-TUV") == [(40, None, "up to 40")]


@pytest.mark.covers("caps.around-the-host", acts=False)
def test_a_cap_does_not_reach_a_deal_named_in_a_clause_under_its_verb() -> None:
    text = (
        "Norway can now return up to 50 people a week to Sweden under a deal that replaced its plan to send asylum "
        "seekers to Moldova."
    )
    assert _caps(text, "NOR-MDA") == []


@pytest.mark.covers("caps.ceiling")
def test_a_limit_on_the_number_of_flights_is_weak() -> None:
    text = (
        "Moldova agreed to take deportees from Norway and set a limit of five on the number of flights it would "
        "accept each month."
    )
    assert all(c.confidence < 0.7 for c in claims(fragment(text), "NOR-MDA", "cap"))


@pytest.mark.covers("caps.set-by-the-deal")
def test_a_limit_on_the_deal_of_the_sentence_holds_for_its_pair() -> None:
    text = "Moldova agreed to take in deportees from Norway; the deal is limited to 250 people."
    assert _caps(text, "NOR-MDA") == [(250, None, "limited to 250")]


@pytest.mark.covers("caps.around-the-host")
def test_a_cap_on_the_number_of_people_a_host_accepts() -> None:
    text = "Under the deal with Norway, the number of deportees Moldova accepts is capped at 300."
    assert [c[0] for c in _caps(text, "NOR-MDA")] == [300]


@pytest.mark.covers("caps.taken-by-another-host", acts=False)
def test_a_number_two_joined_hosts_each_take_is_each_ones_cap() -> None:
    found = fragment("Rwanda and Uganda have each agreed to take up to 100 deportees from the United States.")
    assert [c.value for c in claims(found, "USA-UGA", "cap")] == [100]
    assert [c.value for c in claims(found, "USA-RWA", "cap")] == [100]


@pytest.mark.covers("caps.moved-from-the-host")
def test_people_resettled_out_of_the_host_are_no_cap_of_the_deal_that_sent_them() -> None:
    found = fragment(
        "Norway sends asylum seekers to a camp in Moldova. "
        "Officials said they would consider resettling up to 900 refugees from the camp in Moldova elsewhere."
    )
    assert claims(found, "NOR-MDA", "cap") == []


@pytest.mark.covers("caps.moved-from-the-host", acts=False)
def test_people_sent_from_the_sender_keep_their_cap() -> None:
    found = fragment("Moldova agreed to accept up to 900 asylum seekers from Norway.")
    assert [c.value for c in claims(found, "NOR-MDA", "cap")] == [900]
