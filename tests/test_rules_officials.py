"""Officials: offices and states from the text alone (the known-officials file only resolves names)."""

from __future__ import annotations

import pytest

from dakg.ingest.fragment import OfficialOut

from .extraction import claims, fragment

pytestmark = pytest.mark.unit


def _officials(text: str) -> dict[str, OfficialOut]:
    return {o.name: o for o in fragment(text).officials}


def _state(official: OfficialOut) -> tuple[str | None, list[str]]:
    return official.country, [e.text for e in official.country_evidence if e.role == "country"]


@pytest.mark.covers("officials.title-before")
def test_title_before_with_a_state() -> None:
    found = _officials("US Secretary of State Marco Rubio said talks on deportees with Kigali continue.")
    assert found["Marco Rubio"].role == "Secretary of State"
    assert _state(found["Marco Rubio"]) == ("USA", ["US"])


@pytest.mark.covers("officials.title-before")
def test_title_before_with_an_honorific_and_a_long_office() -> None:
    found = _officials("Chile's Minister of Foreign Affairs and Trade, Dr. Ana Reyes, signed the accord.")
    assert found["Ana Reyes"].role == "Minister of Foreign Affairs and Trade"
    assert _state(found["Ana Reyes"]) == ("CHL", ["Chile"])


@pytest.mark.covers("officials.title-after")
@pytest.mark.covers("officials.name-before-title", acts=False)
def test_title_after_a_name() -> None:
    found = _officials("Okello Oryem, Uganda's foreign minister, denied any deal.")
    assert found["Okello Oryem"].role == "foreign minister"
    assert _state(found["Okello Oryem"]) == ("UGA", ["Uganda"])


@pytest.mark.covers("officials.title-after", "officials.name-before-title")
def test_title_after_a_name_the_ner_model_took_for_an_organisation() -> None:
    found = _officials("Vusi Dlamini, Eswatini's prime minister, confirmed the flight.")
    assert found["Vusi Dlamini"].role == "prime minister"
    assert _state(found["Vusi Dlamini"]) == ("SWZ", ["Eswatini"])


@pytest.mark.covers("officials.title-after", "officials.institution-named-before")
def test_title_after_an_institution_named_before() -> None:
    found = _officials(
        "The Department of Homeland Security announced the flight. "
        "Tricia McLaughlin, an assistant secretary at the department, said it had landed."
    )
    assert _state(found["Tricia McLaughlin"]) == ("USA", ["Department of Homeland Security"])


@pytest.mark.covers("officials.head-of-government")
def test_head_of_government_takes_a_state_from_the_text_else_from_the_table_labelled_so() -> None:
    found = _officials("The Biden administration spoke about migration.")
    assert found["Biden"].role == "head of the administration"
    assert found["Biden"].aliases == ["Joe Biden"]  # the table's spelling; the text's is the name
    assert (found["Biden"].country, found["Biden"].country_basis) == ("USA", "reference")
    assert [(e.text, e.role) for e in found["Biden"].country_evidence] == [("Biden", "official")]


@pytest.mark.covers("officials.administration-acts-for")
def test_an_administration_on_one_side_of_the_sentences_agreement() -> None:
    found = _officials(
        "Rwanda agreed to accept migrants deported from the United States as President Donald Trump's "
        "administration intensifies efforts to send migrants abroad."
    )
    assert _state(found["Donald Trump"]) == ("USA", ["deported from the United States"])
    assert "officials.administration-acts-for/v1" in found["Donald Trump"].rules


@pytest.mark.covers("officials.office-of-a-state")
def test_an_office_that_belongs_to_one_state() -> None:
    found = _officials("Home Secretary Priti Patel defended the plan.")
    assert _state(found["Priti Patel"]) == ("GBR", ["Home Secretary"])


@pytest.mark.covers("officials.known-name-with-state", "officials.reference-table")
def test_a_known_name_takes_its_state_from_the_text_before_the_file() -> None:
    found = _officials("Giorgia Meloni met her Albanian counterpart Edi Rama in Rome.")
    assert _state(found["Edi Rama"]) == ("ALB", ["Albanian"]) and found["Edi Rama"].country_basis == "text"
    # the text does not say where Meloni is from: the table does, and says it is the table
    assert (found["Giorgia Meloni"].country, found["Giorgia Meloni"].country_basis) == ("ITA", "reference")
    assert _state(found["Giorgia Meloni"]) == ("ITA", [])
    assert found["Giorgia Meloni"].role is None
    assert "officials.reference-table/v1" in found["Giorgia Meloni"].rules


@pytest.mark.covers("officials.ruled-by")
@pytest.mark.covers("officials.title-then-name", acts=False)
def test_a_title_then_a_name() -> None:
    found = _officials("Eswatini, ruled by King Mswati III, has accepted the deportees.")
    assert found["Mswati III"].role == "King"
    assert _state(found["Mswati III"]) == ("SWZ", ["Eswatini"])


@pytest.mark.covers("officials.title-then-name", "officials.ruled-by")
def test_a_title_then_a_name_the_ner_model_missed() -> None:
    found = _officials("Lesotho, ruled by King Letsie III, has accepted the deportees.")
    assert found["Letsie III"].role == "King"
    assert _state(found["Letsie III"]) == ("LSO", ["Lesotho"])


@pytest.mark.covers("officials.shared-title")
def test_two_named_holders_of_one_office() -> None:
    found = _officials("Danish ministers Kaare Dybvad Bek and Flemming Møller Mortensen arrived in Kigali.")
    assert _state(found["Flemming Møller Mortensen"]) == ("DNK", ["Danish"])
    assert "officials.shared-title/v1" in found["Flemming Møller Mortensen"].rules


@pytest.mark.covers("officials.same-person")
def test_the_same_person_later_by_surname() -> None:
    found = fragment(
        "Rwandan government spokesperson Yolande Makolo confirmed the deal. Makolo said more would follow."
    ).officials
    assert [(o.name, o.country, o.aliases) for o in found] == [("Yolande Makolo", "RWA", [])]


@pytest.mark.covers("officials.same-office-named-before")
def test_an_office_named_with_its_state_earlier() -> None:
    found = _officials("Ghana took them in, the country's president said. President John Mahama said more could come.")
    assert _state(found["John Mahama"]) == ("GHA", ["Ghana", "the country"])


@pytest.mark.covers("officials.institution-named-before")
def test_an_institution_named_with_its_state_earlier() -> None:
    found = _officials(
        "The South Sudanese foreign ministry issued a statement. Foreign ministry spokesperson Apuk Mayen "
        "said the men were safe."
    )
    assert _state(found["Apuk Mayen"]) == ("SSD", ["South Sudanese foreign ministry"])


@pytest.mark.covers("officials.named-with-agreement")
def test_an_official_named_in_a_sentence_about_an_agreement_is_involved_in_it() -> None:
    found = fragment("Rwandan spokesperson Jean Uwase said Rwanda agreed to accept migrants from the United States.")
    [involved] = claims(found, "USA-RWA", "official")
    assert involved.value == "jean-uwase"
    assert "officials.named-with-agreement/v1" in involved.rules


@pytest.mark.covers("officials.institution-named-before", "officials.ruled-by")
def test_an_institution_inside_the_title_and_a_ruler_in_apposition() -> None:
    found = _officials(
        "Eswatini's government confirmed the payment. Government acting spokeswoman Lindiwe Dube said more would come."
    )
    assert _state(found["Lindiwe Dube"]) == ("SWZ", ["Eswatini's government"])
    found = _officials("The Eswatini kingdom, ruled by absolute monarch King Mswati III, faced criticism.")
    assert _state(found["Mswati III"]) == ("SWZ", ["Eswatini"])


@pytest.mark.covers("officials.same-person", "officials.title-before")
def test_a_short_title_later_is_the_same_person() -> None:
    found = fragment(
        "US Secretary of State Marco Rubio visited Panama. Secretary Rubio said the flights would continue."
    ).officials
    assert [(o.name, o.country, o.role) for o in found] == [("Marco Rubio", "USA", "Secretary of State")]


@pytest.mark.covers("officials.title-before")
def test_an_official_speaking_of_a_state_is_not_given_that_state() -> None:
    """US reporting quotes American officials on the states they deal with: the state they speak of is not theirs
    (a speaker rule that took it, tried and reverted, gave Leavitt Rwanda and Bondi Uganda)."""
    found = _officials("Press Secretary Karoline Leavitt said Rwanda had agreed to accept up to 250 people.")
    assert (found["Karoline Leavitt"].country, found["Karoline Leavitt"].country_basis) == ("USA", "reference")
    found = _officials("Attorney General Pam Bondi said Uganda would receive the migrants.")
    assert (found["Pam Bondi"].country, found["Pam Bondi"].country_basis) == ("USA", "reference")
    found = _officials("Attorney General Dana Whitfield said Uganda would receive the migrants.")
    assert found["Dana Whitfield"].country is None  # no state in the text, none in the table


@pytest.mark.covers("officials.same-person")
def test_a_surname_without_its_accent_is_the_same_person() -> None:
    found = fragment("President Juan Orlando Hernández signed the accord. Hernandez said it would help.").officials
    assert [(o.name, o.country) for o in found] == [("Juan Orlando Hernández", "HND")]


@pytest.mark.covers("officials.same-office-named-before")
def test_another_states_office_held_by_a_named_person_lends_no_state() -> None:
    found = _officials(
        "Prime Minister Mette Lund called the ruling unfair. Chile's prime minister, Ana Reyes, has said "
        "the arrangement stands. Reyes spoke in Santiago."
    )
    assert _state(found["Ana Reyes"]) == ("CHL", ["Chile"])
    assert found["Mette Lund"].country is None  # the text does not say whose prime minister she is


@pytest.mark.covers("officials.same-office-named-before")
def test_an_office_named_after_the_person_is_another_persons() -> None:
    found = _officials(
        "Norway will not host the centres, President Ola Berg said on Friday. The Chilean president had "
        "announced talks with several countries."
    )
    assert found["Ola Berg"].country is None


@pytest.mark.covers("officials.title-before")
def test_a_lower_case_office_with_its_remit_before_the_name() -> None:
    found = _officials(
        "Chile's minister for asylum and migration, Ana Reyes Soto, wants to send rejected applicants to Peru."
    )
    assert found["Ana Reyes Soto"].role == "minister for asylum and migration"
    assert _state(found["Ana Reyes Soto"]) == ("CHL", ["Chile"])


@pytest.mark.covers("officials.title-before")
def test_a_hyphenated_name_is_written_as_the_text_writes_it() -> None:
    found = _officials("Interior Minister Pablo Ruiz-Tagle said the accord with Peru is applied in full.")
    assert "Pablo Ruiz-Tagle" in found


@pytest.mark.covers("officials.shared-title")
def test_a_coordinated_name_with_its_own_title_does_not_share_the_first() -> None:
    found = _officials(
        "The pact was signed by the then Chilean foreign minister, Ana Reyes, and Omar Salim, head of the "
        "rival government, in 2019."
    )
    assert _state(found["Ana Reyes"]) == ("CHL", ["Chilean"])
    assert "Omar Salim" not in found or found["Omar Salim"].country is None
