"""Datasette with datasette/metadata.yml and datasette/plugins: every canned query on a small database."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml
from datasette.app import Datasette

from pipeline import audit
from tests.conftest import ROOT
from tests.test_audit import build_small_db, corpus_database, corpus_figures, figure_id

METADATA = ROOT / "datasette" / "metadata.yml"
PLUGINS = ROOT / "datasette" / "plugins"
QUERIES = (
    "participants",
    "attendance_registrations",
    "outcomes",
    "approximate_figures",
    "figure_provenance",
    "disagreements",
)


def serve(db: Path) -> Datasette:
    """The app `make serve` runs: read-only, with the project's metadata and plugin."""
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    return Datasette([], immutables=[str(db)], metadata=metadata, plugins_dir=str(PLUGINS))


def get(app: Datasette, path: str, **params: Any) -> Any:
    async def fetch() -> Any:
        response = await app.client.get(path, params=params)
        assert response.status_code == 200, (path, response.status_code, response.text[:500])
        return response

    return asyncio.run(fetch())


def rows(app: Datasette, query: str, database: str = "reports", **params: Any) -> list[dict[str, Any]]:
    return get(app, f"/{database}/{query}.json", _shape="array", **params).json()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Datasette:
    return serve(build_small_db(tmp_path_factory.mktemp("datasette") / "reports.db"))


def test_metadata_describes_every_contract_table_and_column(app: Datasette) -> None:
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    tables = metadata["databases"]["reports"]["tables"]
    contract = {
        "documents": ["id", "path", "format", "status", "error", "pages", "title", "report_type", "project_name"]
        + ["period_start", "period_end", "report_date"],
        "sections": ["id", "document_id", "ordinal", "heading", "level", "text", "page"],
        "figures": ["id", "document_id", "section_id", "value", "value_max", "approx", "category", "measure"]
        + ["gender", "unit", "span", "sentence", "page", "char_start", "char_end"],
        "dates": ["id", "document_id", "section_id", "text", "start", "end", "role"],
        "entities": ["id", "document_id", "section_id", "text", "label", "normalized", "char_start", "char_end"],
    }
    for table, columns in contract.items():
        assert tables[table]["description"]
        assert not set(columns) - set(tables[table]["columns"]), table
    for name in QUERIES:
        query = metadata["databases"]["reports"]["queries"][name]
        assert query["title"] and query["description"], name


def test_pages_render_with_facets_labels_and_search(app: Datasette) -> None:
    page = get(app, "/reports/figures").text
    assert "Varje siffra som betyder något" in page
    for facet in ("category", "measure", "gender"):
        assert f'data-column="{facet}"' in page
    # Foreign keys show the document's title, not its id.
    assert "Lägesrapport – Nyttiga affärer 2.0" in page
    page = get(app, "/reports/documents").text
    assert 'data-column="report_type"' in page
    found = get(app, "/reports/sections.json", _search="Komvux", _shape="array").json()
    assert [row["heading"] for row in found] == ["Resultat"]
    index = get(app, "/reports").text
    for name in QUERIES:
        assert f"/reports/{name}" in index


def test_served_read_only(app: Datasette) -> None:
    assert not app.databases["reports"].is_mutable
    status = asyncio.run(app.client.post("/reports/-/create", json={})).status_code
    assert status in (403, 404, 405)


def test_participants(app: Datasette) -> None:
    found = rows(app, "participants")
    nyttiga = [r for r in found if r["initiative"] == "Nyttiga affärer 2.0"]
    # The two spellings of the name are one initiative; its reports in period order.
    assert nyttiga[0]["file"] == "reports/nyttiga_1.txt"
    assert nyttiga[-1]["file"] == "reports/nyttiga_2.docx"
    assert {r["file"] for r in nyttiga} == {
        "reports/nyttiga_1.txt",
        "reports/nyttiga_1_styrgrupp.pdf",
        "reports/nyttiga_2.docx",
    }
    first = {r["gender"]: r for r in nyttiga if r["file"] == "reports/nyttiga_1.txt"}
    assert [(g, r["planned"], r["actual"], r["gap"]) for g, r in first.items()] == [
        ("women", 20, 14, -6),
        ("men", 20, 12, -8),
        ("total", 40, 26, -14),
    ]
    assert first["women"]["percent_of_planned"] == 70.0
    only = rows(app, "participants", initiative="NYTTIGA affärer")
    assert {r["initiative"] for r in only} == {"Nyttiga affärer 2.0"}
    assert len(only) == len(nyttiga)


def test_attendance_and_registrations(app: Datasette) -> None:
    found = {(r["initiative"], r["year"], r["category"]): r for r in rows(app, "attendance_registrations")}
    # The styrgrupp copy of the same period is counted once: 15 + 140.
    assert found[("Nyttiga affärer 2.0", "2021", "attendance")]["total"] == 155
    assert found[("Nyttiga affärer 2.0", "2021", "registrations")]["total"] == 40
    assert found[("Nyttiga affärer 2.0", "2021", "registrations")]["approx_figures"] == 1
    assert len(found) == 2


def test_outcomes(app: Datasette) -> None:
    found = [(r["initiative"], r["kind"], r["total"]) for r in rows(app, "outcomes")]
    assert found == [("Nyttiga affärer 2.0", "arbete", 5), ("Nyttiga affärer 2.0", "studier", 2)]


def test_approximate_figures(app: Datasette) -> None:
    found = [(r["file"], r["category"], r["value"], r["span"]) for r in rows(app, "approximate_figures")]
    assert sorted(found) == sorted(
        [
            ("reports/nyttiga_1.txt", "activities", 50, "ett 50-tal coachningar"),
            ("reports/nyttiga_1.txt", "attendance", 15, "ett 15-tal entreprenörer"),
            ("reports/nyttiga_1.txt", "registrations", 40, "Ca 40 personer"),
            ("reports/nyttiga_1_styrgrupp.pdf", "attendance", 15, "ett 15-tal entreprenörer"),
        ]
    )
    assert len(rows(app, "approximate_figures", category="registrations")) == 1


def test_figure_provenance(app: Datasette) -> None:
    wanted = figure_id("reports/nyttiga_1_styrgrupp.pdf", 1, 1)
    (row,) = rows(app, "figure_provenance", figure_id=wanted)
    assert (row["file"], row["page"], row["section"], row["span"]) == (
        "reports/nyttiga_1_styrgrupp.pdf",
        2,
        "Deltagare",
        "16",
    )
    assert row["sentence"] == "Kvinnor\t20\t16"
    assert "Kvinnor\t20\t⟦16⟧\nMän" in row["context"]
    page = get(app, "/reports/figure_provenance", figure_id=wanted).text
    assert "<mark>16</mark>" in page
    # figure ids in query results link here
    page = get(app, "/reports/approximate_figures").text
    assert "/reports/figure_provenance?figure_id=" in page


def test_disagreements(app: Datasette) -> None:
    found = {
        (r["kind"], r["gender"], frozenset({r["value"], r["other_value"]}), r["file"])
        for r in rows(app, "disagreements")
    }
    styrgrupp = {"reports/nyttiga_1.txt", "reports/nyttiga_1_styrgrupp.pdf"}
    conflicts = {(g, v) for kind, g, v, f in found if kind == "olika värden för samma period" and f in styrgrupp}
    assert conflicts == {("women", frozenset({14, 16})), ("total", frozenset({26, 28}))}
    decreases = {(g, v, f) for kind, g, v, f in found if kind == "färre än tidigare"}
    assert decreases == {
        ("women", frozenset({13, 16}), "reports/nyttiga_2.docx"),
        ("total", frozenset({27, 28}), "reports/nyttiga_2.docx"),
    }
    assert len(found) == 4


def test_plugin_groups_initiatives_exactly_as_the_audit() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("reports_plugin", PLUGINS / "reports.py")
    plugin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plugin)
    names = [
        None,
        "",
        "  ",
        "Nyttiga affärer 2.0",
        " nyttiga\tAFFÄRER  2.0 ",
        "ÖPPEN INGÅNG:",
        '"Steget vidare"',
        "ﬁka",
    ]
    for name in names:
        assert plugin.initiative_key(name) == audit.initiative_key(name), name


def test_metadata_applies_to_a_database_of_any_name(tmp_path: Path) -> None:
    app = serve(build_small_db(tmp_path / "kommun.db"))
    assert len(rows(app, "outcomes", database="kommun")) == 2
    assert 'data-column="category"' in get(app, "/kommun/figures").text


@pytest.mark.slow
def test_queries_run_on_the_corpus(tmp_path_factory: pytest.TempPathFactory) -> None:
    db = corpus_database(tmp_path_factory)
    if corpus_figures(db) == 0:
        pytest.skip("the corpus extraction has no participant figures yet")
    app = serve(db)
    found = rows(app, "participants")
    assert found and {"initiative", "gender", "planned", "actual", "gap", "file"} <= set(found[0])
    for name in ("attendance_registrations", "outcomes", "approximate_figures", "disagreements"):
        rows(app, name)
    with sqlite3.connect(db) as conn:
        wanted, span = conn.execute("SELECT id, span FROM figures ORDER BY rowid LIMIT 1").fetchone()
    (row,) = rows(app, "figure_provenance", figure_id=wanted)
    assert row["span"] == span and row["file"]
