"""Figures from a section's tables: one per numeric cell, with row and column labels as context."""

from __future__ import annotations

from pipeline.extract.figures import extract
from pipeline.model import Figure, Section, SectionTable


def table_section(rows: list[list[str]], heading: str | None = None, before: str = "", after: str = "") -> Section:
    """A section whose text holds the table as the sectioner writes it: rows a line, cells separated by tabs."""
    text = before
    spans = []
    for r, row in enumerate(rows):
        if r:
            text += "\n"
        row_spans = []
        for c, cell in enumerate(row):
            if c:
                text += "\t"
            row_spans.append((len(text), len(text) + len(cell)))
            text += cell
        spans.append(row_spans)
    text += after
    return Section(ordinal=1, heading=heading, level=1, text=text, tables=[SectionTable(rows=rows, cell_spans=spans)])


def read(section: Section) -> list[Figure]:
    found = extract(section)
    for figure in found:
        assert section.text[figure.char_start : figure.char_end] == figure.span
    return found


PARTICIPANTS = [["", "Planerat", "Utfall"], ["Kvinnor", "20", "16"], ["Män", "20", "12"], ["Totalt", "40", "28"]]


def test_participant_table() -> None:
    found = read(table_section(PARTICIPANTS, "Hur många deltagare har ni haft sedan projektets start?"))
    assert [(f.value, f.category, f.measure, f.gender) for f in found] == [
        (20, "participants", "planned", "women"),
        (16, "participants", "actual", "women"),
        (20, "participants", "planned", "men"),
        (12, "participants", "actual", "men"),
        (40, "participants", "planned", None),
        (28, "participants", "actual", None),
    ]
    assert found[0].sentence == "Kvinnor | 20 | 16"


def test_transposed_participant_table() -> None:
    rows = [["", "Kvinnor", "Män", "Totalt"], ["Planerat antal", "12", "12", "24"], ["Faktiskt antal", "9", "11", "20"]]
    found = read(table_section(rows, "Deltagare"))
    assert [(f.value, f.measure, f.gender) for f in found] == [
        (12, "planned", "women"),
        (12, "planned", "men"),
        (24, "planned", None),
        (9, "actual", "women"),
        (11, "actual", "men"),
        (20, "actual", None),
    ]


def test_corner_cell_and_row_labels_with_numbers() -> None:
    rows = [["Planerat antal deltagare", "Kvinnor", "Män", "Totalt"], ["Projektår 1", "15", "15", "30"]]
    found = read(table_section(rows, "Målgrupp"))
    assert [(f.value, f.category, f.measure, f.gender) for f in found] == [
        (15, "participants", "planned", "women"),
        (15, "participants", "planned", "men"),
        (30, "participants", "planned", None),
    ]


def test_varav_column_is_a_part_of_the_column_before() -> None:
    rows = [["", "Planerat", "Faktiskt (ackumulerat)", "Varav nya under perioden"], ["Kvinnor", "12", "9", "3"]]
    found = read(table_section(rows, "Deltagare"))
    assert [(f.value, f.measure) for f in found] == [(12, "planned"), (9, "actual"), (3, "actual")]


def test_monthly_table_gives_one_figure_per_cell() -> None:
    rows = [["", "Jan", "Feb", "Mar"], ["Coachningar", "10", "12", "9"], ["Nya deltagare", "3", "4", "2"]]
    found = read(table_section(rows, "Aktiviteter per månad"))
    assert [(f.value, f.category, f.unit) for f in found] == [
        (10, "activities", "coachning"),
        (12, "activities", "coachning"),
        (9, "activities", "coachning"),
        (3, "participants", "person"),
        (4, "participants", "person"),
        (2, "participants", "person"),
    ]


def test_money_from_the_label_unit() -> None:
    rows = [["Kostnad", "Budget (tkr)", "Utfall (tkr)"], ["Personal", "450", "380"], ["Lokaler", "1 200", "950 000 kr"]]
    found = read(table_section(rows, "Ekonomi"))
    assert [(f.value, f.category, f.unit, f.measure) for f in found] == [
        (450_000, "money", "kr", "planned"),
        (380_000, "money", "kr", "actual"),
        (1_200_000, "money", "kr", "planned"),
        (950_000, "money", "kr", "actual"),
    ]


def test_table_cells_are_not_read_twice() -> None:
    section = table_section(
        PARTICIPANTS,
        "Deltagare",
        before="Under perioden har 5 deltagare fått arbete.\n\n",
        after="\n\nMålet för hela projekttiden är 40 deltagare.",
    )
    found = read(section)
    assert len(found) == 8
    assert [(f.value, f.category, f.measure) for f in found if " | " not in f.sentence] == [
        (5, "outcomes", "actual"),
        (40, "participants", "planned"),
    ]


def test_years_and_text_in_cells_are_not_figures() -> None:
    rows = [["Aktivitet", "År", "Kommentar"], ["Jobbmässa", "2021", "Inställd på grund av smittläget"]]
    assert read(table_section(rows, "Aktiviteter")) == []


def test_empty_and_ragged_tables() -> None:
    assert read(table_section([[""]], "Tom")) == []
    rows = [["", "Planerat"], ["Kvinnor", "10", "extra"], ["Män"]]
    found = read(table_section(rows, "Deltagare"))
    assert [(f.value, f.gender) for f in found] == [(10, "women")]
