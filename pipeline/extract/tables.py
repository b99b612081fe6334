"""Figures in tables: a section's real tables, and participant tables written out line by line.

A table gives one figure per numeric cell; its row and column labels say whose
count it is (`Kvinnor`, `Män`, `Totalt`) and whether it is planned or actual
(`Planerat`, `Utfall`, `Faktiskt antal`), and a label or the section heading
names what is counted (`Antal deltagare`, `Coachningar`). A participant table
that lost its grid (a form read as text, a PDF table read line by line) is a
run of short lines holding such labels and numbers: its column headers come
first (`Planerat antal Faktiskt antal`), then row labels with their numbers in
column order; a label right before a number (`Faktiskt antal: 1`) names that
number's column, and a gender after it (`1 kvinnor`) names its row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.extract import numbers
from pipeline.extract.numbers import Number
from pipeline.model import Figure, Section, SectionTable

if TYPE_CHECKING:
    from pipeline.extract.figures import Lexicon

_MAX_LINE_WORDS = 6
PEOPLE_CATEGORIES = ("participants", "attendance", "registrations", "outcomes")


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _labels(lex: Lexicon, text: str) -> list[tuple[str, str | None]]:
    return [found for word in text.split() if (found := lex.label(word)) is not None]


def _breaks_down(lex: Lexicon, label: str) -> bool:
    words = label.split()
    return bool(words) and words[0].lower() in lex.breakdown


def _context(lex: Lexicon, section: Section) -> tuple[str, str | None]:
    """What a participant table in this section counts: the heading's noun, else the default."""
    category, unit = lex.describe(section.heading)
    if category is None or category in ("money", "percent"):
        return lex.table_default, "person"
    return category, unit or "person"


# --------------------------------------------------------------------------- real tables


def from_tables(section: Section, found: list[Number], lex: Lexicon) -> tuple[list[Figure], list[tuple[int, int]]]:
    """Figures from `section.tables`, and the stretches of text the tables cover."""
    figures: list[Figure] = []
    claimed: list[tuple[int, int]] = []
    for table in section.tables:
        spans = [span for row in table.cell_spans for span in row if span[1] > span[0]]
        if spans:
            claimed.append((min(s for s, _ in spans), max(e for _, e in spans)))
        figures.extend(_table_figures(section, table, lex))
    return figures, claimed


def _numeric(cell: str) -> bool:
    """A cell that holds a number and nothing else but its unit (`20`, `450 tkr`, `50 %`)."""
    found = [n for n in numbers.find(cell) if not n.year_like]
    if not found:
        return False
    rest = cell
    for n in reversed(found):
        rest = rest[: n.start] + rest[n.end :]
    return not re.search(r"[^\W\d_]", rest)


def _table_figures(section: Section, table: SectionTable, lex: Lexicon) -> list[Figure]:
    rows = table.rows
    if not rows or not any(rows):
        return []
    text = section.text
    width = max(len(row) for row in rows)
    header = len(rows) > 1 and not any(_numeric(cell) for cell in rows[0][1:])
    body = rows[1:] if header else rows
    label_col = width > 1 and not any(row and _numeric(row[0]) for row in body)
    money = numbers.number_rules().money
    default_category, default_unit = _context(lex, section)
    figures = []
    for r in range(1 if header else 0, len(rows)):
        row = rows[r]
        for c in range(1 if label_col else 0, len(row)):
            cell = row[c]
            if r >= len(table.cell_spans) or c >= len(table.cell_spans[r]):
                continue
            start, end = table.cell_spans[r][c]
            if text[start:end] != cell:
                continue
            row_label = row[0] if label_col else ""
            col_label = rows[0][c] if header and c < len(rows[0]) else ""
            corner = rows[0][0] if header and label_col and rows[0] else ""
            labels = _labels(lex, row_label) + _labels(lex, col_label)
            if header and c > 0 and _breaks_down(lex, col_label):
                labels += _labels(lex, rows[0][c - 1])  # "Varav nya": a part of the column before
            labels += _labels(lex, corner)
            gender = next((value for dim, value in labels if dim == "gender" and value), None)
            measure = next((value for dim, value in labels if dim == "measure"), None)
            label_words = [w.strip("():;,.").lower() for w in f"{row_label} {col_label}".split()]
            factor = next((money[w] for w in label_words if w in money), None)
            for number in numbers.find(cell):
                if number.year_like:
                    continue
                value, value_max = number.value, number.value_max
                if number.unit == "kr":
                    category, unit = "money", "kr"
                elif number.unit == "%":
                    category, unit = "percent", "%"
                elif factor is not None:
                    category, unit = "money", "kr"
                    value = value * factor
                    value_max = value_max * factor if value_max is not None else None
                else:
                    category, unit = lex.describe(row_label)
                    if category is None:
                        category, unit = lex.describe(col_label)
                    if category is None:
                        category, unit = lex.describe(corner)
                    if category is None:
                        if labels:
                            category, unit = default_category, default_unit
                        else:
                            category, unit = lex.describe(section.heading)
                            category = category or "other"
                if category in PEOPLE_CATEGORIES and unit is None:
                    unit = "person"
                figures.append(
                    Figure(
                        value=value,
                        category=category,
                        span=text[start + number.start : start + number.end],
                        sentence=" | ".join(cell_text.strip() for cell_text in row if cell_text.strip()),
                        char_start=start + number.start,
                        char_end=start + number.end,
                        value_max=value_max,
                        approx=number.approx,
                        measure=measure,
                        gender=gender if category in PEOPLE_CATEGORIES else None,
                        unit=unit,
                        page=section.page_at(start + number.start),
                    )
                )
    return figures


# --------------------------------------------------------------------------- tables written out as lines


@dataclass(slots=True)
class _Item:
    offset: int
    end: int
    line: int
    line_start: int
    number: Number | None = None
    dim: str | None = None
    value: str | None = None


def _short(line: str) -> bool:
    words = line.split(maxsplit=_MAX_LINE_WORDS)  # one word more than a short line holds is enough to tell
    return 0 < len(words) <= _MAX_LINE_WORDS and not line.rstrip().endswith((".", "!"))


def _in_table(number: Number) -> bool:
    """A number a table written out as lines may hold: no year, no `en`/`ett`."""
    return not number.year_like and number.kind != "article"


def _on_short_line(text: str, found: list[Number]) -> bool:
    """Whether one of the numbers `found` that a table may hold stands on a line of a run (`_runs`)."""
    seen = -1  # the start of the line last looked at: numbers come in order, several to a line
    for number in found:
        offset = number.core_start
        if not _in_table(number) or offset >= len(text) or text[offset] == "\n":
            continue
        start = text.rfind("\n", 0, offset) + 1
        if start == seen:
            continue
        seen = start
        end = text.find("\n", offset)
        if _short(text[start : len(text) if end < 0 else end]):
            return True
    return False


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of short lines; blank lines do not break a run, a line of running text does."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if not line.strip():
            continue
        if _short(line):
            current.append(m.span())
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def from_lines(section: Section, found: list[Number], lex: Lexicon) -> tuple[list[Figure], set[int]]:
    """Figures from participant tables that stand in the text as short lines; the ids of the numbers used."""
    text = section.text
    figures: list[Figure] = []
    used: set[int] = set()
    if not _on_short_line(text, found):
        return figures, used  # a table written out as lines is read for its numbers, each on a short line
    first_line = re.search(r"\S", text)
    for run in _runs(text):
        items = _items(text, run, found, lex)
        if not any(item.number for item in items):
            continue
        columns: list[str | None] = []
        col_dim: str | None = None
        if first_line and run[0][0] <= first_line.start() and section.heading and not re.search(r"\d", section.heading):
            heading_labels = _labels(lex, section.heading)
            col_dim, columns = _columns(heading_labels)
        if not columns and not any(item.dim for item in items):
            continue
        category, unit = _context(lex, section)
        figures.extend(_read_run(section, items, columns, col_dim, category, unit, lex, used))
    return figures, used


def _columns(labels: list[tuple[str, str | None]]) -> tuple[str | None, list[str | None]]:
    for dim in ("measure", "gender"):
        values = [value for d, value in labels if d == dim]
        if len(values) >= 2:
            return dim, values
    return None, []


def _items(text: str, run: list[tuple[int, int]], found: list[Number], lex: Lexicon) -> list[_Item]:
    """The numbers, labels and counted nouns on a run's lines, in order; none if it holds no number."""
    numbers_in = [[n for n in found if start <= n.core_start < end and _in_table(n)] for start, end in run]
    if not any(numbers_in):
        return []  # not a table: its words need not be read
    items: list[_Item] = []
    for index, ((start, end), in_line) in enumerate(zip(run, numbers_in, strict=True)):
        for number in in_line:
            items.append(_Item(number.start, number.end, index, start, number=number))
        for m in re.finditer(r"\S+", text[start:end]):
            offset = start + m.start()
            if any(n.start <= offset < n.end for n in in_line):
                continue
            label = lex.label(m.group(0))
            if label is not None:
                items.append(_Item(offset, start + m.end(), index, start, dim=label[0], value=label[1]))
            elif lex.noun(m.group(0).strip(":;,.()")) is not None:
                items.append(_Item(offset, start + m.end(), index, start, value=m.group(0)))
    items.sort(key=lambda item: item.offset)
    return items


def _read_run(
    section: Section,
    items: list[_Item],
    columns: list[str | None],
    col_dim: str | None,
    category: str,
    unit: str | None,
    lex: Lexicon,
    used: set[int],
) -> list[Figure]:
    text = section.text
    header_lines = set()
    for line in {item.line for item in items}:
        in_line = [item for item in items if item.line == line]
        if any(item.number for item in in_line):
            continue
        dim, values = _columns([(item.dim, item.value) for item in in_line if item.dim])
        if values:
            header_lines.add(line)
            col_dim, columns = dim, values
    row: dict[str, str | None] = {}
    pending: dict[str, str | None] = {}
    col_index = 0
    row_start: int | None = None
    made: list[tuple[Figure, _Item]] = []
    for i, item in enumerate(items):
        if item.line in header_lines:
            continue
        if item.number is None and item.dim is None:
            continue  # a counted noun, read with the number before it
        if item.number is None:
            nxt = next((other for other in items[i + 1 :] if other.dim or other.number), None)
            prev = next((other for other in reversed(items[:i]) if other.dim or other.number), None)
            if (
                item.dim == "gender"
                and item.value is not None
                and prev is not None
                and prev.number is not None
                and made
                and made[-1][1] is prev
                and (nxt is None or nxt.number is None)
            ):
                figure = made[-1][0]
                figure.gender = item.value  # "antal: 1 kvinnor": the gender after a number is its own
                figure.sentence = _normalise(text[row_start if row_start is not None else prev.offset : item.end])
                continue
            if columns and item.dim == col_dim:
                pending[item.dim] = item.value
            else:
                row[item.dim] = item.value
                col_index = 0
                pending = {}
            row_start = item.offset
            continue
        number = item.number
        after = items[i + 1] if i + 1 < len(items) else None
        if after is not None and after.line == item.line and after.dim is None and after.number is None:
            noun = lex.noun(after.value.strip(":;,.()")) if after.value else None
            if noun is not None and noun.kind == "things":
                continue  # "3 coachningar": a count with its own noun, read as text
        values = dict(row)
        if columns and col_dim is not None and col_index < len(columns):
            values[col_dim] = columns[col_index]
        values.update(pending)
        col_index += 1
        pending = {}
        if number.unit == "kr":
            fig_category, fig_unit = "money", "kr"
        elif number.unit == "%":
            fig_category, fig_unit = "percent", "%"
        else:
            fig_category, fig_unit = category, unit
        start = row_start if row_start is not None and row_start < number.start else item.line_start
        figure = Figure(
            value=number.value,
            category=fig_category,
            span=text[number.start : number.end],
            sentence=_normalise(text[start : number.end]),
            char_start=number.start,
            char_end=number.end,
            value_max=number.value_max,
            approx=number.approx,
            measure=values.get("measure"),
            gender=values.get("gender") if fig_category in PEOPLE_CATEGORIES else None,
            unit=fig_unit,
            page=section.page_at(number.start),
        )
        made.append((figure, item))
        used.add(id(number))
    return [figure for figure, _ in made]
