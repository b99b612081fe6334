"""The audit: each check on a small database of known figures, and the gold audit cases on the corpus."""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from pipeline import audit
from pipeline.model import Metadata, Result, Section
from pipeline.store import Store, document_id
from tests.conftest import CORPUS

# ---------------------------------------------------------------------------------------------------------------
# A small database of known figures (also used by the Datasette and browser tests)

P, A = "planned", "actual"
W, M = "women", "men"


def _sentence(text: str, start: int, end: int) -> str:
    """The table row (a line holding tabs) or sentence around text[start:end]."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if "\t" in line:
        return line
    bounds = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", line)] + [len(line)]
    offset = start - line_start
    for left, right in zip(bounds, bounds[1:], strict=False):
        if left <= offset < right:
            return line[left:right].strip()
    return line


def _section(ordinal: int, heading: str, text: str, specs: list[tuple], page: int | None = None) -> tuple:
    """A section and its figure rows; `specs` are (span, value, category, options) in reading order."""
    rows, cursor = [], 0
    for span, value, category, *rest in specs:
        options: dict[str, Any] = rest[0] if rest else {}
        start = text.index(span, cursor)
        end = start + len(span)
        cursor = end
        rows.append(
            {
                "value": value,
                "value_max": options.get("value_max"),
                "approx": options.get("approx", False),
                "category": category,
                "measure": options.get("measure"),
                "gender": options.get("gender"),
                "unit": options.get("unit", "person"),
                "span": span,
                "sentence": _sentence(text, start, end),
                "page": page,
                "char_start": start,
                "char_end": end,
            }
        )
    return Section(ordinal=ordinal, heading=heading, level=1, text=text, page=page), rows


def _table(rows: list[tuple[str, ...]]) -> str:
    return "\n".join("\t".join(cells) for cells in rows)


def _document(path: str, meta: Metadata, sections: list[tuple], fmt: str = "txt", pages: int | None = None) -> Result:
    return Result(
        path=path,
        status="ok",
        format=fmt,
        pages=pages,
        meta=meta,
        sections=[section for section, _ in sections],
        figures=[rows for _, rows in sections],
    )


def _p(measure: str | None = None, gender: str | None = None, **options: Any) -> dict[str, Any]:
    return {"measure": measure, "gender": gender, **options}


def small_documents() -> list[Result]:
    """Eleven documents, each holding one or more audit cases on purpose (see the expectations below)."""
    period1 = {"period_start": "2020-12-01", "period_end": "2021-05-31"}
    nyttiga_table = _table(
        [("", "Planerat", "Utfall"), ("Kvinnor", "20", "14"), ("Män", "20", "12"), ("Totalt", "40", "26")]
    )
    styrgrupp_table = _table(
        [("", "Planerat", "Utfall"), ("Kvinnor", "20", "16"), ("Män", "20", "12"), ("Totalt", "40", "28")]
    )
    table_specs = lambda w, m, t: [  # noqa: E731
        ("20", 20, "participants", _p(P, W)),
        (w, int(w), "participants", _p(A, W)),
        ("20", 20, "participants", _p(P, M)),
        (m, int(m), "participants", _p(A, M)),
        ("40", 40, "participants", _p(P)),
        (t, int(t), "participants", _p(A)),
    ]
    activities = (
        "Ungefär ett 50-tal coachningar har genomförts från december till maj. I december deltog ett 15-tal "
        "entreprenörer i en nätverksträff. Ca 40 personer har varit anmälda till respektive träff."
    )
    kraftsamling = (
        _table([("", "Planerat", "Utfall"), ("Kvinnor", "12", "9"), ("Män", "12", "8"), ("Totalt", "24", "18")])
        + "\n\nMålet för den första perioden var 24 deltagare."
    )
    kliv_in = _table(
        [
            ("", "Kvinnor", "Män", "Totalt"),
            ("Projektår 1", "15", "15", "30"),
            ("Projektår 2", "15", "15", "30"),
            ("Totalt", "30", "30", "60"),
        ]
    )
    spar_1 = _table([("", "Kvinnor", "Män", "Totalt"), ("Planerat", "10", "10", "20"), ("Utfall", "14", "9", "23")])
    spar_2 = _table([("", "Kvinnor", "Män", "Totalt"), ("Planerat", "25", "25", "50"), ("Utfall", "24", "19", "43")])
    row_specs = lambda measure, values: [  # noqa: E731
        (values[0], int(values[0]), "participants", _p(measure, W)),
        (values[1], int(values[1]), "participants", _p(measure, M)),
        (values[2], int(values[2]), "participants", _p(measure)),
    ]
    failed = Result(path="reports/trasig.pdf", status="failed", error="the PDF is damaged", format="pdf")
    return [
        _document(
            "reports/nyttiga_1.txt",
            Metadata("Lägesrapport – Nyttiga affärer 2.0", "lägesrapport", "Nyttiga affärer 2.0", **period1),
            [
                _section(
                    0,
                    "Aktiviteter",
                    activities,
                    [
                        ("ett 50-tal coachningar", 50, "activities", _p(approx=True, unit="coachning")),
                        ("ett 15-tal entreprenörer", 15, "attendance", _p(approx=True)),
                        ("Ca 40 personer", 40, "registrations", _p(approx=True)),
                    ],
                ),
                _section(1, "Deltagare", nyttiga_table, table_specs("14", "12", "26")),
                _section(
                    2,
                    "Resultat",
                    "Under perioden har 5 deltagare fått arbete. 2 deltagare har påbörjat studier på Komvux.",
                    [("5 deltagare", 5, "outcomes"), ("2 deltagare", 2, "outcomes")],
                ),
            ],
        ),
        _document(
            "reports/nyttiga_1_styrgrupp.pdf",
            Metadata(
                "Lägesrapport – Nyttiga affärer 2.0 (styrgrupp)", "lägesrapport", "nyttiga  affärer 2.0 ", **period1
            ),
            [
                _section(
                    0,
                    "Aktiviteter",
                    "I december deltog ett 15-tal entreprenörer i en nätverksträff.",
                    [("ett 15-tal entreprenörer", 15, "attendance", _p(approx=True))],
                    page=1,
                ),
                _section(1, "Deltagare", styrgrupp_table, table_specs("16", "12", "28"), page=2),
            ],
            fmt="pdf",
            pages=2,
        ),
        _document(
            "reports/nyttiga_2.docx",
            Metadata(
                "Lägesrapport – Nyttiga affärer 2.0", "lägesrapport", "Nyttiga affärer 2.0", "2021-06-01", "2021-11-30"
            ),
            [
                _section(
                    0,
                    "Deltagare",
                    "Hittills har 27 deltagare skrivits in, varav 13 kvinnor och 14 män.",
                    [
                        ("27 deltagare", 27, "participants", _p(A)),
                        ("13 kvinnor", 13, "participants", _p(A, W)),
                        ("14 män", 14, "participants", _p(A, M)),
                    ],
                ),
                _section(
                    1,
                    "Aktiviteter",
                    "Föreläsningen i oktober lockade 140 personer.",
                    [("140 personer", 140, "attendance")],
                ),
            ],
            fmt="docx",
        ),
        _document(
            "reports/framtidsverkstan.txt",
            Metadata("Slutrapport – Framtidsverkstan", "slutrapport", "Framtidsverkstan", "2016-02-01", "2018-01-31"),
            [
                _section(
                    0,
                    "Mål",
                    "Målet var 40 deltagare under projekttiden.",
                    [("40 deltagare", 40, "participants", _p(P))],
                ),
                _section(
                    1,
                    "Deltagare",
                    "Totalt har 71 personer deltagit, varav 43 kvinnor och 28 män.",
                    [
                        ("71 personer", 71, "participants", _p(A)),
                        ("43 kvinnor", 43, "participants", _p(A, W)),
                        ("28 män", 28, "participants", _p(A, M)),
                    ],
                ),
            ],
        ),
        _document(
            "reports/kraftsamling.rtf",
            Metadata("Delrapport 1 – Kraftsamling", "delrapport", "Kraftsamling", "2011-09-01", "2012-02-29"),
            [
                _section(
                    0,
                    "Deltagare",
                    kraftsamling,
                    [
                        ("12", 12, "participants", _p(P, W)),
                        ("9", 9, "participants", _p(A, W)),
                        ("12", 12, "participants", _p(P, M)),
                        ("8", 8, "participants", _p(A, M)),
                        ("24", 24, "participants", _p(P)),
                        ("18", 18, "participants", _p(A)),
                        ("24 deltagare", 24, "participants", _p(P)),
                    ],
                )
            ],
            fmt="rtf",
        ),
        _document(
            "reports/brobyggarna.docx",
            Metadata("Projektbeskrivning – Brobyggarna", "projektbeskrivning", "Brobyggarna"),
            [
                _section(
                    0,
                    "Deltagare",
                    "Totalt har 64 personer deltagit, varav 38 kvinnor.",
                    [("64 personer", 64, "participants", _p(A)), ("38 kvinnor", 38, "participants", _p(A, W))],
                )
            ],
            fmt="docx",
        ),
        _document(
            "reports/protokoll.doc",
            Metadata("Protokoll – styrelsemöte", "protokoll", None, "2015-03-12", "2015-03-12"),
            [_section(0, "§ 4 Ekonomi", "Styrelsen beviljade 450 tkr.", [("450 tkr", 450000, "money", _p(unit="kr"))])],
            fmt="doc",
        ),
        failed,
        _document(
            "reports/verksamhetsberattelse.docx",
            Metadata("Verksamhetsberättelse 2020", "verksamhetsberättelse", None, "2020-01-01", "2020-12-31"),
            [
                _section(
                    0,
                    "Året i korthet",
                    "Under året finansierade förbundet fyra insatser med sammanlagt 412 deltagare, varav 236 kvinnor "
                    "och 181 män.",
                    [
                        ("412 deltagare", 412, "participants"),
                        ("236 kvinnor", 236, "participants", _p(gender=W)),
                        ("181 män", 181, "participants", _p(gender=M)),
                    ],
                ),
                _section(
                    1,
                    "Steg för steg",
                    "Under året deltog 148 personer, 84 kvinnor och 64 män. Planerat antal var 100 deltagare.",
                    [
                        ("148 personer", 148, "participants", _p(A)),
                        ("84 kvinnor", 84, "participants", _p(A, W)),
                        ("64 män", 64, "participants", _p(A, M)),
                        ("100 deltagare", 100, "participants", _p(P)),
                    ],
                ),
                _section(2, "Hälsolotsen", "96 personer deltog.", [("96 personer", 96, "participants", _p(A))]),
                _section(
                    3,
                    "Planering",
                    "Planerat antal för 2021 är 50 deltagare.",
                    [("50 deltagare", 50, "participants", _p(P))],
                ),
            ],
            fmt="docx",
        ),
        _document(
            "reports/kliv_in.docx",
            Metadata("Ansökan – Kliv in", "ansökan", "Kliv in", "2022-08-01", "2024-07-31"),
            [
                _section(
                    0,
                    "Planerade deltagare",
                    kliv_in,
                    row_specs(P, ("15", "15", "30"))
                    + row_specs(P, ("15", "15", "30"))
                    + row_specs(P, ("30", "30", "60")),
                ),
                _section(
                    1,
                    "Förstudie",
                    "I förstudien deltog 12 personer, varav 7 kvinnor.",
                    [("12 personer", 12, "participants", _p(A)), ("7 kvinnor", 7, "participants", _p(A, W))],
                ),
            ],
            fmt="docx",
        ),
        _document(
            "reports/nya_spar.docx",
            Metadata("Lägesrapport – Nya spår", "lägesrapport", "Nya spår", "2022-01-01", "2022-06-30"),
            [
                _section(
                    0,
                    "Deltagare under perioden",
                    spar_1,
                    row_specs(P, ("10", "10", "20")) + row_specs(A, ("14", "9", "23")),
                ),
                _section(
                    1,
                    "Deltagare sedan start",
                    spar_2,
                    row_specs(P, ("25", "25", "50")) + row_specs(A, ("24", "19", "43")),
                ),
            ],
            fmt="docx",
        ),
    ]


def build_small_db(path: Path) -> Path:
    """Write the small documents to a database at `path` (named reports.db for Datasette's metadata)."""
    store = Store(path)
    try:
        for result in small_documents():
            store.write(result, content_hash=document_id(result.path), size=1, mtime_ns=0, version="test")
    finally:
        store.close()
    return path


def figure_id(path: str, section: int, number: int) -> str:
    return f"{document_id(path)}-{section}-f{number}"


@pytest.fixture(scope="module")
def frames(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("audit")
    db = build_small_db(out / "reports.db")
    return audit.audit(db, out / "report")


def _rows(frame, *columns: str) -> set[tuple]:
    return {tuple(None if _missing(v) else v for v in row) for row in frame[list(columns)].itertuples(index=False)}


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(value != value) or str(value) == "<NA>"
    except (TypeError, ValueError):
        return False


# ---------------------------------------------------------------------------------------------------------------
# Checks on the small database


def test_initiative_key_normalises_case_and_whitespace_and_keeps_versions() -> None:
    assert audit.initiative_key("Nyttiga affärer 2.0") == audit.initiative_key(" nyttiga  AFFÄRER 2.0 ")
    assert audit.initiative_key("Nyttiga affärer 2.0") != audit.initiative_key("Nyttiga affärer")
    assert audit.initiative_key("  ") is None
    assert audit.initiative_key(None) is None


def test_outcome_kind_reads_the_words_after_the_figure() -> None:
    sentence = "Under perioden har 6 deltagare gått vidare till arbete och 4 har börjat studera."
    assert audit.outcome_kind(sentence, "6 deltagare") == "arbete"
    assert audit.outcome_kind(sentence, "4") == "studier"
    assert audit.outcome_kind("2 deltagare har påbörjat praktik.", "2 deltagare") == "praktik"
    assert audit.outcome_kind("3 deltagare har avslutats.", "3 deltagare") == "annat"


def test_actual_exceeds_planned(frames: dict) -> None:
    found = _rows(frames["actual_exceeds_planned"], "file", "level", "gender", "planned", "actual")
    assert found == {
        ("reports/framtidsverkstan.txt", "rapport", "total", 40, 71),
        ("reports/nya_spar.docx", "avsnitt", "women", 10, 14),
        ("reports/nya_spar.docx", "avsnitt", "total", 20, 23),
        ("reports/verksamhetsberattelse.docx", "avsnitt", "total", 100, 148),
    }
    row = frames["actual_exceeds_planned"].query("file == 'reports/framtidsverkstan.txt'").iloc[0]
    assert (row.span, row.section, row.planned_span, row.planned_section) == (
        "71 personer",
        "Deltagare",
        "40 deltagare",
        "Mål",
    )
    assert row.figure_id == figure_id("reports/framtidsverkstan.txt", 1, 0)


def test_total_mismatch(frames: dict) -> None:
    found = _rows(frames["total_mismatch"], "file", "measure", "women", "men", "total", "difference")
    assert found == {
        ("reports/kraftsamling.rtf", "actual", 9, 8, 18, -1),
        ("reports/verksamhetsberattelse.docx", None, 236, 181, 412, 5),
    }
    row = frames["total_mismatch"].query("file == 'reports/kraftsamling.rtf'").iloc[0]
    assert (row.span, row.sentence, row.section) == ("18", "Totalt\t24\t18", "Deltagare")
    assert row.figure_id == figure_id("reports/kraftsamling.rtf", 0, 5)


def test_conflicting_figures(frames: dict) -> None:
    frame = frames["conflicting_figures"]
    found = {(r.initiative, r.measure, r.gender, frozenset({r.value, r.other_value})) for r in frame.itertuples()}
    assert found == {
        ("Nyttiga affärer 2.0", "actual", "women", frozenset({14, 16})),
        ("Nyttiga affärer 2.0", "actual", "total", frozenset({26, 28})),
    }
    assert set(frame.file) | set(frame.other_file) == {"reports/nyttiga_1.txt", "reports/nyttiga_1_styrgrupp.pdf"}
    pdf = frame[frame.other_file == "reports/nyttiga_1_styrgrupp.pdf"]
    assert set(pdf.other_page) == {2}


def test_cumulative_decrease(frames: dict) -> None:
    found = _rows(frames["cumulative_decrease"], "gender", "earlier_value", "later_value", "file", "earlier_file")
    assert found == {
        ("women", 16, 13, "reports/nyttiga_2.docx", "reports/nyttiga_1_styrgrupp.pdf"),
        ("total", 28, 27, "reports/nyttiga_2.docx", "reports/nyttiga_1_styrgrupp.pdf"),
    }
    row = frames["cumulative_decrease"].query("gender == 'women'").iloc[0]
    assert (row.span, row.earlier_span, row.earlier_page) == ("13 kvinnor", "16", 2)


def test_documents_without_period_or_participants(frames: dict) -> None:
    assert list(frames["no_period"].file) == ["reports/brobyggarna.docx"]
    assert list(frames["no_participants"].file) == ["reports/protokoll.doc"]


def test_participants_and_totals_per_initiative(frames: dict) -> None:
    initiatives = frames["initiatives"].set_index("initiative")
    nyttiga = initiatives.loc["Nyttiga affärer 2.0"]
    assert nyttiga.reports == 3
    assert (nyttiga.planned_women, nyttiga.planned_men, nyttiga.planned_total) == (20, 20, 40)
    assert (nyttiga.actual_women, nyttiga.actual_men, nyttiga.actual_total) == (13, 14, 27)
    assert (nyttiga.gap_women, nyttiga.gap_men, nyttiga.gap_total) == (-7, -6, -13)
    # The two reports for the same period count once: 15 + 140.
    assert (nyttiga.attendance, nyttiga.registrations, nyttiga.outcomes, nyttiga.activities) == (155, 40, 7, 50)
    # A total that is not stated is women + men.
    assert initiatives.loc["Framtidsverkstan"].actual_total == 71
    assert not initiatives.loc["Verksamhetsberättelse 2020 – utan insatsnamn"].named

    totals = _rows(frames["totals"].query("initiative == 'Nyttiga affärer 2.0'"), "category", "kind", "total")
    assert totals == {
        ("activities", "coachning", 50),
        ("attendance", "person", 155),
        ("registrations", "person", 40),
        ("outcomes", "arbete", 5),
        ("outcomes", "studier", 2),
    }

    participants = frames["participants"]
    row = participants[(participants.file == "reports/nyttiga_1.txt") & (participants.gender == "women")].iloc[0]
    assert (row.planned, row.actual, row.gap, row.percent_of_planned) == (20, 14, -6, 70.0)


def test_writes_csv_per_table_and_an_offline_html_report(frames: dict, tmp_path: Path) -> None:
    db = build_small_db(tmp_path / "reports.db")
    out = tmp_path / "audit"
    code = audit.main(argparse.Namespace(db=str(db), out=str(out)))
    assert code == 0
    for name in audit.TABLES:
        assert (out / f"{name}.csv").is_file(), name
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 3
    assert not re.search(r"(src|href)=\"https?:|url\(https?:|@import", page), "the report must not load anything"
    assert "<script" not in page
    assert "<mark>13 kvinnor</mark>" in page
    assert "Kvinnor + män ≠ totalt (2)" in page
    header = (out / "total_mismatch.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"file", "page", "span", "figure_id"} <= set(header)


def test_empty_database_gives_empty_tables(tmp_path: Path) -> None:
    Store(tmp_path / "empty.db").close()
    frames = audit.audit(tmp_path / "empty.db", tmp_path / "out")
    assert all(frame.empty for frame in frames.values())
    assert (tmp_path / "out" / "index.html").is_file()


def test_missing_database_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = audit.main(argparse.Namespace(db=str(tmp_path / "nope.db"), out=str(tmp_path / "out")))
    assert code == 2
    assert "no database" in capsys.readouterr().err
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (x)").connection.close()
    code = audit.main(argparse.Namespace(db=str(tmp_path / "other.db"), out=str(tmp_path / "out")))
    assert code == 2


# ---------------------------------------------------------------------------------------------------------------
# The corpus: every audit case a gold file names appears in the audit

_CORPUS_DB: dict[str, Path] = {}


def corpus_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus extracted once per test session into a temporary database."""
    if "db" not in _CORPUS_DB:
        from pipeline.run import Options, run

        db = tmp_path_factory.mktemp("corpus") / "reports.db"
        run(CORPUS, db, Options(progress=False))
        _CORPUS_DB["db"] = db
    return _CORPUS_DB["db"]


def corpus_figures(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM figures WHERE category = 'participants'").fetchone()[0]


CASE_TABLES = {
    "conflicting_figure": ("conflicting_figures", ("file", "other_file")),
    "cumulative_decrease": ("cumulative_decrease", ("file",)),
    "actual_exceeds_planned": ("actual_exceeds_planned", ("file",)),
    "total_mismatch": ("total_mismatch", ("file",)),
    "no_period": ("no_period", ("file",)),
    "no_participants": ("no_participants", ("file",)),
}


def _gold_cases() -> list[tuple[str, str]]:
    cases = []
    for gold_path in sorted((CORPUS / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        cases += [(gold["file"], case) for case in gold.get("audit") or []]
    return cases


@pytest.fixture(scope="module")
def corpus_frames(tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = corpus_database(tmp_path_factory)
    if corpus_figures(db) == 0:
        pytest.skip("the corpus extraction has no participant figures yet")
    return audit.audit(db)


@pytest.mark.slow
@pytest.mark.parametrize(("file", "case"), _gold_cases())
def test_gold_audit_case_appears_on_the_corpus(corpus_frames: dict, file: str, case: str) -> None:
    table, columns = CASE_TABLES[case]
    frame = corpus_frames[table]
    files = {str(value).rsplit("/", 1)[-1] for column in columns for value in frame[column].dropna()}
    assert file in files, f"{case} not found for {file} in {table}.csv"
