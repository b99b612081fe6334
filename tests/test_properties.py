"""Property tests: cleaning and sectioning never raise on any text and keep their offsets honest; patterns sped
up by a look-ahead or a shared scan match as written; whole lines of a text scanned for dates hold the dates they
hold alone; a PDF page's text splits into the lines that splitting and stripping it finds."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.clean import clean
from pipeline.model import Block, Document
from pipeline.readers.pdf import _LINE
from pipeline.readers.txt import split_blocks
from pipeline.sections import split

LINES = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from(
            ["", "11", "Sida 2 av 5", "Bakgrund", "1. Inledning", "Hur många deltagare?", "Män 10", "§ 4 X"]
        ),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(LINES)
def test_sectioning_never_raises_and_tables_point_at_their_cells(lines: list[str]) -> None:
    document = Document(path="x.txt", format="txt", blocks=split_blocks("\n".join(lines)))
    sections = split(clean(document))
    for ordinal, section in enumerate(sections):
        assert section.ordinal == ordinal
        for table in section.tables:
            for row, spans in zip(table.rows, table.cell_spans, strict=True):
                for cell, (start, end) in zip(row, spans, strict=True):
                    assert section.text[start:end] == cell


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=80), st.sampled_from(["paragraph", "heading", "list_item"])), max_size=20))
def test_any_blocks_become_sections(items: list[tuple[str, str]]) -> None:
    blocks = [Block(text=text, kind=kind, page=index // 3 + 1) for index, (text, kind) in enumerate(items)]
    sections = split(clean(Document(path="x", format="pdf", blocks=blocks)))
    for section in sections:
        assert section.page_at(len(section.text)) is None or section.page_at(len(section.text)) >= 1


NUMBERISH = st.text(alphabet="0123456789 -–/.:§+kKsSvVhHjJaAmMiIlpöåtTeEdDnNrR(),\n\t", max_size=80)
_LOOKAHEAD = re.compile(r"^\(\?=\[.*?\]\)")


@settings(max_examples=300, deadline=None)
@given(NUMBERISH)
def test_patterns_behind_a_first_character_look_ahead_match_as_written(text: str) -> None:
    from pipeline import rules
    from pipeline.extract import dates, numbers

    written = rules.string_list(rules.load_yaml(numbers.RULES), numbers.RULES, "not_figures")
    nr = numbers.number_rules()
    used = nr.not_figures
    assert any(p.pattern.startswith("(?=[") for p in used)
    for source, pattern in zip(written, used, strict=True):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(source, text)]
    for pattern in (nr.candidate, nr.phrase_re, dates._rules().trigger):
        assert _LOOKAHEAD.match(pattern.pattern), pattern.pattern[:40]
        bare = re.compile(_LOOKAHEAD.sub("", pattern.pattern), pattern.flags)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in bare.finditer(text)]


BLOCKABLE = st.lists(
    st.sampled_from(
        ["2019", "15", "3.1", "1:a", "070", "+46", "§", "-", "–", "/", ":", " ", "\n", "\n\n", "januari", "JUNI"]
        + ["maj", "vt", "HT", "kl", "klockan", "sid", "Sida", "av", "1990-talet", "123 45", " Stockholm", "(10)"]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(NUMBERISH, BLOCKABLE))
def test_not_figures_sharing_a_scan_find_what_each_finds_alone(text: str) -> None:
    from pipeline.extract import numbers

    nr = numbers.number_rules()
    assert sum(len(indices) for _, indices in nr.not_figures_joint) >= 10  # most of the patterns share a scan
    alone = []
    for pattern, need in zip(nr.not_figures, nr.not_figures_need, strict=True):
        for start, end in numbers._digit_paragraphs(text) if None in need else [(0, len(text))]:
            alone += [m.span() for m in pattern.finditer(text, start, end) if m.end() > m.start()]
    assert sorted(numbers._blocked(nr, text)) == sorted(alone)


DATE_LINES = st.lists(
    st.one_of(
        NUMBERISH,
        st.sampled_from(["2019-03-01 – 2019-06-30", "15 maj 2019", "våren 2021", "kv.3", "1:a halvåret", "Datum:"]),
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(DATE_LINES)
def test_dates_found_in_whole_lines_of_a_text_are_those_found_in_the_lines_alone(lines: list[str]) -> None:
    from pipeline.extract import dates

    r = dates._rules()
    assert r.line_local
    document = "\n".join(lines)
    assert list(dates._triggers(r, document)) == [
        (m.start(), m.lastgroup, m.end()) for m in r.trigger.finditer(document)
    ]
    scanned = dates._Scanned(document, dates._scan_all(r, document))
    for first in range(len(lines)):
        for last in range(first, len(lines)):
            text = "\n".join(lines[first : last + 1])
            if text:
                at = scanned.place(text)
                assert at is not None
                assert scanned.hits_in(at, len(text)) == dates._scan_all(r, text)


def test_a_pattern_that_can_read_a_line_break_is_not_line_local() -> None:
    from pipeline.extract import dates

    for source in (r"\s", r"\W", r"[^x]", r"x$", r"(?s:.)", r"[\x00-\x20]", r"(?<=\n)x"):
        assert not dates.line_local(re.compile(source)), source
    for source in (r"[ \t]\d", r"(?<![\w.])x(?![\w])", r"[^\W\d]", r"\bx.", r"(?P<s>[-/])\d(?P=s)"):
        assert dates.line_local(re.compile(source)), source


BOUNDARY_LINES = st.lists(
    st.lists(
        st.sampled_from(
            ["under 2019 –", "2020", "januari,", "februari", "och mars", "mellan 2018", "och 2019", "1 januari –"]
            + ["30 juni", "under 2019", "210609", "våren", "t.o.m.", "till", "-", "x", "Period: 2019", "12 kr"]
            + ["3-", "ht-21"]
        ),
        max_size=4,
    ).map(" ".join),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(BOUNDARY_LINES, st.sampled_from([None, (date(2019, 1, 1), date(2019, 12, 31))]))
def test_dates_of_whole_lines_taken_from_a_text_are_those_read_in_the_lines_alone(
    lines: list[str], period: tuple[date, date] | None
) -> None:
    from pipeline.extract import dates

    def forget() -> None:
        dates._RECENT.__init__()
        dates._scan.cache_clear()
        dates._dates.cache_clear()

    assert dates._rules().dates_line_local
    document = "\n".join(lines)
    parts = ["\n".join(lines[first : last + 1]) for first in range(len(lines)) for last in range(first, len(lines))]
    alone = []
    for text in parts:
        forget()
        alone.append(dates.find(text, period))
    forget()
    dates.find(document)
    dates.find(document, period)
    assert [dates.find(text, period) for text in parts] == alone


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Datum", "Projektnamn", "Period", "Ab", "x", "ö", "Ö", "(som avser)", " ", "\t", ":", "\n"]),
        max_size=25,
    ).map("".join)
)
def test_fields_joined_onto_a_line_are_split_as_in_the_whole_text(text: str) -> None:
    from pipeline.extract import metadata

    r = metadata._rules()
    assert r.joined_field_in_line
    assert metadata._split_joined_fields(text) == r.joined_field.sub("\n", text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab- \t\r\n\ufffe\x0c\x1c\x85\xa0\u2028\u3000"), max_size=40))
def test_page_lines_are_the_stripped_runs_between_breaks(text: str) -> None:
    expected = []
    for match in re.finditer(r"[^\r\n\ufffe]+\ufffe?|\ufffe", text):  # a line, its hyphen (U+FFFE) ending it
        raw = match.group()
        if raw.strip():
            first = match.start() + len(raw) - len(raw.lstrip())
            expected.append((raw.strip(), first, match.start() + len(raw.rstrip())))
    assert [(m.group(1), m.start(1), m.end(1)) for m in _LINE.finditer(text)] == expected
