"""Cleaning removes debris and keeps the words: what is stored is what offsets point into."""

from __future__ import annotations

from dakg.ingest.clean import clean_text, with_headline


def test_tag_debris_from_mangled_html_is_removed() -> None:
    raw = (
        "Sustainable Economic Inclusion : strong > Are pathways available ? li >\n"
        "ul > < td >Healthcare Access< / td >< td >Do migrants receive care?< / td > tr >\n"
        '< t d \\">\nMicrofinance Programs\n< /t r >< t r >\n'
        "The Broader Significance Of The U.S.-Rwanda Migrant Agreement  “ h 2 >"
    )
    text = clean_text(raw)
    for debris in ("strong >", "li >", "< td >", "< / td >", "tr >", "< t d", "h 2 >", "< /t r >"):
        assert debris not in text
    assert "Healthcare Access" in text and "Do migrants receive care?" in text
    assert "U.S.-Rwanda Migrant Agreement" in text


def test_mojibake_and_entities_are_repaired_and_curly_quotes_kept() -> None:
    text = clean_text("ShÃ«ngjin and GjadÃ«r&nbsp;centres. Rwanda’s “deal”. Â\nEswatini&#x2019;s government")
    assert "Shëngjin and Gjadër centres." in text
    assert "Rwanda’s “deal”." in text
    assert "Eswatini’s government" in text
    assert "Â" not in text


def test_bullets_tables_page_numbers_and_escape_residue_go() -> None:
    raw = (
        "- First point here.\n• Second point.\n|---|---|\n| Benefit | Challenge |\n"
        "1 - 2 - 3 - 4\n. . . . .\nntttttttn\nnn"
    )
    assert clean_text(raw) == "First point here.\nSecond point.\nBenefit | Challenge"


def test_run_together_sentences_and_commas_are_separated() -> None:
    assert (
        clean_text("its immigration system.As the Biden administration")
        == "its immigration system. As the Biden administration"
    )
    assert clean_text("migration challenges,Rwanda is positioning") == "migration challenges, Rwanda is positioning"
    assert clean_text("over 1,000 people, and U.S. officials") == "over 1,000 people, and U.S. officials"


def test_repeated_blocks_are_kept_once_and_paragraphs_stay_apart() -> None:
    block = "Enhanced Security Cooperation: Joint operations targeting smuggling networks."
    text = clean_text(f"Intro line here.\n\n{block}\n\nMiddle line here.\n{block}")
    assert text.count(block) == 1
    assert text == f"Intro line here.\n\n{block}\n\nMiddle line here."


def test_control_characters_are_dropped() -> None:
    assert clean_text("a\x07b\x1bc text\x00") == "a b c text"


def test_a_title_the_text_does_not_open_with_becomes_its_first_line() -> None:
    body = "Chile has agreed to take the deportees.\n\nMore follows."
    assert with_headline(body, "Chile to take deportees") == "Chile to take deportees\n\n" + body
    opened = "Chile to take deportees\n\n" + body
    assert with_headline(opened, "Chile to take deportees") == opened  # already there: unchanged
    assert with_headline("By Ana Ruiz\nCHILE TO TAKE DEPORTEES!\n\n" + body, "Chile to take deportees").startswith("By")
    assert with_headline(body, None) == body and with_headline(body, "Deal") == body  # none, or too short
    assert with_headline(body, "Chile &amp; Peru agree\n deal") == "Chile & Peru agree deal\n\n" + body
