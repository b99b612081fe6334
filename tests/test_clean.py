"""Cleaning: page numbers, hyphenation, wrapped lines, whitespace."""

from __future__ import annotations

from pipeline.clean import clean, normalise
from pipeline.model import Block, Document


def _doc(*texts: str) -> Document:
    return Document(path="x.txt", format="txt", blocks=[Block(text=t) for t in texts])


def test_stray_page_number_in_mid_sentence_is_removed_and_paragraph_rejoined() -> None:
    blocks = clean(_doc("Vi vill matcha personer som står långt från", "11", "arbetsmarknaden till sociala företag."))
    assert [b.text for b in blocks] == [
        "Vi vill matcha personer som står långt från arbetsmarknaden till sociala företag."
    ]


def test_number_in_a_linearised_table_is_kept() -> None:
    blocks = clean(_doc("Män 10", "Kvinnor", "10", "Faktiskt", "antal: 1", "kvinnor"))
    assert [b.text for b in blocks] == ["Män 10", "Kvinnor", "10", "Faktiskt", "antal: 1", "kvinnor"]


def test_page_marks_are_removed() -> None:
    texts = ["Första stycket slutar här.", "Sida 2 av 5", "- 3 -", "2 (14)", "Andra stycket."]
    assert [b.text for b in clean(_doc(*texts))] == ["Första stycket slutar här.", "Andra stycket."]


def test_page_marks_from_the_rules_and_the_looser_ones_of_a_page_margin() -> None:
    """`rules/page_marks.yml`: "Sida 2 av 5" is a page mark wherever it stands; "3/12" and a bare "7" only in a
    PDF page's margin, where the reader decides; a line with words around the number is none."""
    from pipeline.page_marks import is_margin_page_mark, is_page_mark

    for mark in ("Sida 2 av 5", "SIDA 2", "page 3 of 12", "s. 4", "- 3 -", "— 12 —", "2 (14)"):
        assert is_page_mark(mark) and is_margin_page_mark(mark), mark
    for margin_only in ("3/12", "7", "2024"):
        assert is_margin_page_mark(margin_only) and not is_page_mark(margin_only), margin_only
    for text in ("Sida 2 av 5 visar tabellen", "12345", "3 deltagare", "Bilaga 2"):
        assert not is_margin_page_mark(text) and not is_page_mark(text), text


def test_hyphenation_joined_but_real_hyphens_kept() -> None:
    text = "Vi arbetar med arbets-\nmarknaden i ett EU-\nprojekt sedan 2020-\n12-01 och med arbets-\noch näringsliv."
    assert clean(_doc(text))[0].text == (
        "Vi arbetar med arbetsmarknaden i ett EU-projekt sedan 2020-12-01 och med arbets- och näringsliv."
    )


def test_soft_hyphens_and_spaces_normalised() -> None:
    assert normalise("sam\u00adordning  med\u00a01\u00a0250\tkronor ") == "samordning med 1 250 kronor"


def test_title_line_above_wrapped_paragraph_is_split_off() -> None:
    text = (
        "Bakgrund\nProjektet startade under hösten och har sedan dess arbetat med unga vuxna\n"
        "som står utanför arbetsmarknaden i kommunen."
    )
    assert [b.text for b in clean(_doc(text))] == [
        "Bakgrund",
        "Projektet startade under hösten och har sedan dess arbetat med unga vuxna som står utanför "
        "arbetsmarknaden i kommunen.",
    ]


def test_list_items_are_split() -> None:
    blocks = clean(_doc("Aktiviteter under perioden:\n- Studiebesök hos företag\n- Föreläsningar\n- Praktik"))
    assert [b.kind for b in blocks] == ["paragraph", "list_item", "list_item", "list_item"]


def test_furniture_blocks_dropped() -> None:
    document = Document(
        path="x.pdf", format="pdf", blocks=[Block(text="Rapport 2020", furniture=True), Block(text="Text.")]
    )
    assert [b.text for b in clean(document)] == ["Text."]
