"""Sections: headings from style, numbering, form questions and title-like lines."""

from __future__ import annotations

from pathlib import Path

from pipeline.clean import clean
from pipeline.evaluate import score_database, totals
from pipeline.model import Block, Document
from pipeline.readers import read
from pipeline.run import Options, run
from pipeline.sections import split
from tests.conftest import SHARED_GOLD

BODY = "Under perioden har projektet arbetat vidare med rekrytering och samverkan med kommunerna i länet."


def _sections(*blocks: Block):
    return split(clean(Document(path="x", format="txt", blocks=list(blocks))))


def test_text_before_first_heading_is_section_zero() -> None:
    sections = _sections(Block("Lägesrapport"), Block("Insatsens namn: Jobbsteget"), Block("Bakgrund"), Block(BODY))
    assert sections[0].heading is None and sections[0].ordinal == 0
    assert sections[0].text == "Lägesrapport\n\nInsatsens namn: Jobbsteget"
    assert [s.heading for s in sections[1:]] == ["Bakgrund"]


def test_numbered_headings_give_levels() -> None:
    sections = _sections(
        Block("1. Inledning"), Block(BODY), Block("1.1 Syfte"), Block(BODY), Block("2. Resultat"), Block(BODY)
    )
    assert [(s.heading, s.level) for s in sections] == [("1. Inledning", 1), ("1.1 Syfte", 2), ("2. Resultat", 1)]


def test_form_questions_are_headings() -> None:
    sections = _sections(
        Block("Hur många deltagare har ni haft sedan projektets start?"),
        Block("12 deltagare varav 7 kvinnor."),
        Block("Beskriv kommande aktiviteter:"),
        Block(BODY),
    )
    assert [s.heading for s in sections] == [
        "Hur många deltagare har ni haft sedan projektets start?",
        "Beskriv kommande aktiviteter:",
    ]


def test_sentences_and_label_lines_are_not_headings() -> None:
    sections = _sections(
        Block("Projektet har haft 12 deltagare."),
        Block("Tidsperiod: 2020-01-01 – 2020-06-30"),
        Block("Män 10"),
        Block("Kvinnor"),
        Block("10"),
    )
    assert [s.heading for s in sections] == [None]


def test_style_headings_keep_their_level() -> None:
    sections = _sections(
        Block("Resultat", kind="heading", level=1), Block("Utfall", kind="heading", level=3), Block(BODY)
    )
    assert [(s.heading, s.level) for s in sections] == [("Resultat", 1), ("Utfall", 3)]


def test_page_of_a_section_and_of_an_offset() -> None:
    sections = _sections(Block("Bakgrund", page=1), Block(BODY, page=1), Block("Mer text på nästa sida.", page=2))
    section = sections[0]
    assert section.page == 1
    assert section.page_at(section.text.index("Mer text")) == 2


def test_seed_headings_score_at_least_095(tmp_path: Path, seeds: Path) -> None:
    db = tmp_path / "seeds.db"
    run(seeds, db, Options(workers=1, progress=False))
    score = totals(score_database(db, SHARED_GOLD))["headings"]
    assert score.f1 >= 0.95, (score.misses, score.extras)


def test_seed_003_page_number_removed_from_section_text(seeds: Path) -> None:
    sections = split(clean(read(seeds / "003_2b152081e1318958.txt")))
    section = next(s for s in sections if s.heading == "Arbete med deltagare som matchas mot sociala företag")
    assert "långt från arbetsmarknaden till sociala företag" in section.text


def test_numbered_minute_items_split_from_their_paragraph() -> None:
    sections = _sections(Block("§ 31 Mötets öppnande\nOrdföranden hälsade alla välkomna och förklarade mötet öppnat."))
    assert [s.heading for s in sections] == ["§ 31 Mötets öppnande"]


def test_line_ending_in_a_function_word_is_no_heading() -> None:
    sections = _sections(
        Block("Vi rekommenderar förbundet att"), Block("- fortsätta finansiera insatsen", kind="list_item")
    )
    assert [s.heading for s in sections] == [None]
