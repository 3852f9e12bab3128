"""Extraction rules on the real en_core_web_md pipeline, one behaviour per test, in the language of news reports."""

from __future__ import annotations

import pytest

from dakg.ingest.clean import clean_text
from dakg.ingest.extract import extract
from dakg.ingest.fragment import AgreementOut, Fragment
from dakg.ingest.nlp import get_pipeline
from dakg.ingest.read import Metadata
from dakg.status import source_status

pytestmark = pytest.mark.slow


def frag(text: str, published: str | None = None) -> Fragment:
    nlp = get_pipeline("en_core_web_md")
    cleaned = clean_text(text)
    return extract(nlp(cleaned), Metadata(published=published), path="t.txt", extractor_version="test")


def pair(fragment: Fragment, key: str) -> AgreementOut:
    found = {a.key: a for a in fragment.agreements}
    assert key in found, f"{key} not among {sorted(found)}"
    return found[key]


def status_of(fragment: Fragment, key: str) -> tuple[str, bool]:
    claim = source_status(pair(fragment, key).claims)
    negated = [c for c in pair(fragment, key).claims if c.field == "status" and c.negated]
    if claim is None:
        assert negated, "no status claim at all"
        return negated[0].value, True
    return claim.value, False


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
    ],
)
def test_status_from_the_wording(text: str, key: str, status: str) -> None:
    assert status_of(frag(text), key) == (status, False)


def test_a_denial_is_kept_as_a_negated_claim_not_an_agreement() -> None:
    fragment = frag("Uganda has denied that it agreed to accept people deported from Israel.")
    claims = pair(fragment, "ISR-UGA").claims
    statuses = [c for c in claims if c.field == "status"]
    assert statuses and all(c.negated for c in statuses)
    assert source_status(claims) is None  # no affirmative status from this source


def test_an_event_reported_as_not_having_happened_is_negated() -> None:
    fragment = frag("The UK and Rwanda signed a deal in 2022. No asylum seeker was ever sent to Rwanda under it.")
    implemented = [c for c in pair(fragment, "GBR-RWA").claims if c.value == "implemented"]
    assert implemented and all(c.negated for c in implemented)


@pytest.mark.parametrize(
    "text",
    [
        "Rwanda and Kenya signed a trade deal on coffee exports at the summit.",
        "Diplomats from the United States and France attended a conference in Kigali on Tuesday.",
        "Rwanda has welcomed thousands of refugees from Sudan, Libya and the Democratic Republic of Congo.",
        "Traffic at the U.S.-Mexico border fell sharply in March.",
    ],
)
def test_countries_merely_named_together_form_no_agreement(text: str) -> None:
    assert frag(text).agreements == []


def test_roles_come_from_prepositions_and_subjects_not_word_order() -> None:
    fragment = frag("Migrants deported from the United Kingdom will be housed in Rwanda under the partnership.")
    assert [a.key for a in fragment.agreements] == ["GBR-RWA"]
    fragment = frag("Rwanda will host people the United States deports, officials said, under the new arrangement.")
    assert "USA-RWA" in {a.key for a in fragment.agreements}


def test_direction_carries_across_sentences_of_one_document() -> None:
    fragment = frag(
        "Rwanda agreed to accept up to 250 migrants deported from the United States. "
        "Talks between Washington and Kigali on the details continue."
    )
    claims = pair(fragment, "USA-RWA").claims
    assert {c.value for c in claims if c.field == "status"} == {"agreed", "under_negotiation"}
    assert "RWA-USA" not in {a.key for a in fragment.agreements}


def test_a_reference_back_attaches_to_the_pair_named_before() -> None:
    fragment = frag(
        "The country recently made a deal with Britain to take in migrants deported from the United Kingdom, "
        "officials in Rwanda said. When the Labour government won power last July, they scrapped that program.",
        published="2025-03-01",
    )
    values = [c.value for c in pair(fragment, "GBR-RWA").claims if c.field == "status"]
    assert "scrapped" in values


def test_caps_and_per_year_caps() -> None:
    fragment = frag(
        "Italy has signed a protocol with Albania to hold up to 3,000 migrants in centres on Albanian soil. "
        "Under the protocol, as many as 36,000 people a year could be transferred to Albania from Italy."
    )
    caps = [(c.value, c.detail) for c in pair(fragment, "ITA-ALB").claims if c.field == "cap"]
    assert (3000, None) in caps
    assert (36000, "per year") in caps


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
    ],
)
def test_payments_are_parsed_with_currency(sentence: str, amount: float, currency: str) -> None:
    fragment = frag(sentence)
    payments = [c.value for a in fragment.agreements for c in a.claims if c.field == "payment"]
    assert {"amount": amount, "currency": currency} in payments


def test_relative_dates_resolve_against_the_publication_date() -> None:
    fragment = frag(
        "The United Kingdom signed an agreement with Rwanda on Thursday to send asylum seekers there.",
        published="2022-04-14",
    )
    dates = [c.value for c in pair(fragment, "GBR-RWA").claims if c.field == "date"]
    assert dates == ["2022-04-14"]


def test_officials_with_title_country_and_coreference() -> None:
    fragment = frag(
        "Rwanda's foreign minister, Olivier Nduhungirehe, said talks with the United States on deportees continue. "
        "US Secretary of State Marco Rubio praised Kigali. Nduhungirehe later declined to comment. "
        "Michael Jordan, a former basketball player, was not involved."
    )
    officials = {o.key: o for o in fragment.officials}
    assert officials["olivier-nduhungirehe"].country == "RWA"
    assert officials["marco-rubio"].country == "USA"
    assert officials["marco-rubio"].role == "Secretary of State"
    assert "michael-jordan" not in officials
    assert (
        "Nduhungirehe" in officials["olivier-nduhungirehe"].aliases
        or officials["olivier-nduhungirehe"].name == "Olivier Nduhungirehe"
    )


def test_migrant_groups_with_size_and_nationalities() -> None:
    fragment = frag(
        "Five men deported from the United States arrived in Eswatini. "
        "The men, from Vietnam, Jamaica, Laos, Cuba and Yemen, were held in prison."
    )
    groups = {g.description: g for g in fragment.migrant_groups}
    assert any(g.size == 5 for g in groups.values())
    assert any(set(g.nationalities) == {"VNM", "JAM", "LAO", "CUB", "YEM"} for g in groups.values())
    assert pair(fragment, "USA-SWZ")


def test_every_quote_is_the_text_at_its_offsets() -> None:
    fragment = frag(
        "Headline without stop\n\nRwanda has agreed to accept up to 250 migrants deported from the United States, "
        "spokesperson Yolande Makolo said.\n\nCritics said the deal with Kigali was opaque."
    )
    text = fragment.source.text
    for agreement in fragment.agreements:
        for claim in agreement.claims:
            assert text[claim.start : claim.end] == claim.quote
    for official in fragment.officials:
        assert text[official.start : official.end] == official.quote


def test_headings_and_list_items_make_no_claims() -> None:
    fragment = frag(
        "Rwanda agrees to take US deportees\n\nKey points: Rwanda agreed to host migrants deported from the US."
    )
    assert fragment.agreements == []


def test_worker_processes_give_the_same_fragments() -> None:
    from pathlib import Path

    from dakg.ingest.pipeline import extract_all, prepared_documents

    demo = str(Path(__file__).resolve().parents[1] / "corpus" / "demo")
    nlp = get_pipeline("en_core_web_md")
    one = [
        f.model_dump()
        for f in extract_all(prepared_documents([demo], 1_000_000), nlp, processes=1)
        if isinstance(f, Fragment)
    ]
    two = [
        f.model_dump()
        for f in extract_all(prepared_documents([demo], 1_000_000), nlp, processes=2, batch_size=4)
        if isinstance(f, Fragment)
    ]
    assert one == two and len(one) == 15
