"""Metadata: report type, project, period, report date and title, on the seeds, the corpus and each form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract import metadata
from pipeline.model import Metadata, Section
from tests.conftest import CORPUS, SEEDS, SHARED_GOLD


def split(text: str, headings: list[str], title_lines_as_headings: bool = False, title_lines: list[str] = ()) -> list:
    """Sections of `text`: a new one at every line equal to one of `headings` (as the sectioner would)."""
    wanted = {h.strip() for h in headings}
    if title_lines_as_headings:
        wanted |= {t.strip() for t in title_lines}
    sections: list[Section] = []
    heading: str | None = None
    body: list[str] = []

    def close() -> None:
        sections.append(Section(ordinal=len(sections), heading=heading, level=1, text="\n".join(body).strip("\n")))

    for line in text.split("\n"):
        if line.strip() in wanted:
            if heading is not None or any(b.strip() for b in body):
                close()
            heading, body = line.strip(), []
        else:
            body.append(line)
    close()
    return sections


def parts(text: str) -> list[Section]:
    """The whole text as the section before the first heading."""
    return split(text, [])


def meta(text: str, properties: dict[str, str] | None = None) -> Metadata:
    return metadata.extract(parts(text), properties or {})


BODY = "\n\nText om arbetet som pågått under perioden med många ord i en lång mening här."


def scored(m: Metadata) -> dict:
    period = None if m.period_start is None else {"start": m.period_start, "end": m.period_end}
    return {
        "report_type": m.report_type,
        "project_name": m.project_name,
        "period": period,
        "report_date": m.report_date,
    }


def expected(gold: dict) -> dict:
    period = gold.get("period") or None
    if period is not None and period.get("start") is None:
        period = None
    return {
        "report_type": gold.get("report_type"),
        "project_name": gold.get("project_name"),
        "period": period,
        "report_date": gold.get("report_date"),
    }


# --------------------------------------------------------------------------- seeds


def seed_cases() -> list[tuple[Path, Path]]:
    if not SEEDS.is_dir():
        return []
    return [(p, SHARED_GOLD / f"{p.stem}.gold.json") for p in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize("as_headings", [False, True], ids=["title-in-text", "title-as-headings"])
@pytest.mark.parametrize(("seed", "gold_path"), seed_cases(), ids=lambda p: p.stem[:3])
def test_seed_metadata_matches_gold(seed: Path, gold_path: Path, as_headings: bool) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    headings = gold["headings"] + gold.get("optional_headings", [])
    sections = split(seed.read_text(encoding="utf-8"), headings, as_headings, gold.get("title_lines", []))
    assert scored(metadata.extract(sections, {})) == expected(gold)


def test_seed_titles() -> None:
    if not SEEDS.is_dir():
        pytest.skip("no seeds")
    titles = {}
    for seed, gold_path in seed_cases():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        sections = split(seed.read_text(encoding="utf-8"), gold["headings"] + gold.get("optional_headings", []))
        titles[seed.stem[:3]] = metadata.extract(sections, {"title": "Microsoft Word - rapport.doc"}).title
    assert titles == {
        "000": "Socialt företagande – Rådgivare inom den sociala ekonomin",
        "003": "Lägesrapport – Nyttiga affärer 2.0",
    }


# --------------------------------------------------------------------------- report type


@pytest.mark.parametrize(
    ("first_lines", "kind"),
    [
        ("Lägesrapport", "lägesrapport"),
        ("LÄGESRAPPORT", "lägesrapport"),
        ("Halvårsrapport för Jobbsteget", "lägesrapport"),
        ("Slutrapport", "slutrapport"),
        ("Slutrapport för projektet Nystart", "slutrapport"),
        ("Delrapport 1", "delrapport"),
        ("Verksamhetsberättelse 2019", "verksamhetsberättelse"),
        ("Samordningsförbundet Västra Mälardalens verksamhetsberättelse 2019", "verksamhetsberättelse"),
        ("Årsredovisning 2020", "årsredovisning"),
        ("Ansökan om medel", "ansökan"),
        ("Extern utvärdering av projektet Arbetsro", "utvärdering"),
        ("Utvärderingsrapport", "utvärdering"),
        ("PROTOKOLL", "protokoll"),
        ("Minnesanteckningar från styrgruppsmöte", "protokoll"),
        ("Projektbeskrivning", "projektbeskrivning"),
        ("Samordningsförbundet Ådalen\nLägesrapport", "lägesrapport"),
    ],
)
def test_report_type_from_title_lines(first_lines: str, kind: str) -> None:
    assert meta(first_lines + BODY).report_type == kind


def test_report_type_ignores_form_questions_and_running_text() -> None:
    text = (
        "Nyttiga affärer\n\n"
        "Beskriv det senaste halvårets aktiviteter kopplade till de beskrivna målen i ansökan:\n\n"
        "Enligt ansökan och slutrapporten från förra året har vi arbetat med många olika saker under året."
    )
    assert meta(text).report_type is None


def test_report_type_from_the_file_title_when_the_text_names_none() -> None:
    text = "Nyttiga affärer\n\nVi har arbetat med många olika saker under perioden och det har gått bra för alla."
    assert meta(text, {"title": "Slutrapport Nyttiga affärer"}).report_type == "slutrapport"
    assert meta(text, {"title": "Microsoft Word - slutrapport.doc"}).report_type is None


def test_project_summary_is_a_projektbeskrivning() -> None:
    text = (
        "Arbetsintegrering\n\nJobbverkstan Bergslagen\n\n2024-01-01 – 2024-12-31\n\n"
        "Organisation/resurser\n\nJobbverkstan Bergslagen drivs av Lindesbergs kommun.\n\n"
        "Målgrupp och mål\n\nMålgruppen är personer som har försörjningsstöd.\n\n"
        "Arbetssätt\n\nDeltagarna reparerar möbler."
    )
    sections = split(text, ["Organisation/resurser", "Målgrupp och mål", "Arbetssätt"])
    m = metadata.extract(sections, {})
    assert (m.report_type, m.project_name, m.period_start, m.period_end) == (
        "projektbeskrivning",
        "Jobbverkstan Bergslagen",
        "2024-01-01",
        "2024-12-31",
    )
    assert m.title == "Arbetsintegrering – Jobbverkstan Bergslagen"


def test_sections_without_a_period_are_not_a_summary() -> None:
    text = "Nyttiga affärer\n\nOrganisation\n\nText.\n\nMålgrupp\n\nText."
    assert metadata.extract(split(text, ["Organisation", "Målgrupp"]), {}).report_type is None


# --------------------------------------------------------------------------- project name


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        ("Lägesrapport\n\nInsatsens namn: Nyttiga affärer 2.0", "Nyttiga affärer 2.0"),
        ("Slutrapport\nProjektnamn: Steget vidare", "Steget vidare"),
        ("Lägesrapport\nProjekt: Kraftsamling", "Kraftsamling"),
        ("Lägesrapport\nProjektets namn:\nÖppen ingång", "Öppen ingång"),
        ("Lägesrapport\nInsatsens namn\t«Kliv in»", "Kliv in"),
        ("Slutrapport\n\nHälsosteget – hälsa och arbete i Storsjöbygden", "Hälsosteget"),
        ("Utvärdering av UVA – Unga vuxna i arbete", "UVA – Unga vuxna i arbete"),
        ("Extern utvärdering av projektet Arbetsro", "Arbetsro"),
        ("Slutrapport för projektet Nystart Norra", "Nystart Norra"),
        ("Lägesrapport – Nyttiga affärer", "Nyttiga affärer"),
        ("Slutrapport Hälsosteget", "Hälsosteget"),
        ("LÄGESRAPPORT\nPROJEKTNAMN: JOBBSTEGET", "Jobbsteget"),
        ("Lägesrapport\nNamn på insats: Kliv in", "Kliv in"),
        ("Lägesrapport\nProjektnamn: UVA", "UVA"),
        (
            "Delrapport 1\n\nNystart Norra Västerbotten\n\nRapportperiod: 1 januari–30 juni 2019",
            "Nystart Norra Västerbotten",
        ),
        # joined fields: what reading a form sometimes gives
        ("Lägesrapport\nInsatsens namn: Öppen ingång Rapportperiod: 1 januari–30 juni 2019", "Öppen ingång"),
    ],
)
def test_project_name(lines: str, name: str) -> None:
    assert meta(lines + BODY).project_name == name


def test_project_name_is_not_an_application_phrase_or_an_organisation() -> None:
    text = "Ansökan om finansiering\n\nTill Samordningsförbundet Göinge\n\nVi söker medel för att pröva en ny modell."
    assert meta(text).project_name is None


def test_reports_about_an_organisation_have_no_project_name_from_their_title() -> None:
    text = (
        "Verksamhetsberättelse 2013\n\nSamordningsförbundet Vätterleden, org.nr 222000-2874\n\n"
        "Motala – Vadstena – Ödeshög\n\n"
        "Förbundet har under året finansierat sju insatser för personer som står långt från arbetsmarknaden."
    )
    m = meta(text)
    assert (m.report_type, m.project_name, m.period_start, m.period_end) == (
        "verksamhetsberättelse",
        None,
        "2013-01-01",
        "2013-12-31",
    )
    assert m.title == "Verksamhetsberättelse 2013"


def test_title_line_named_in_the_body_is_the_project() -> None:
    text = (
        "Socialt företagande\n\nRådgivare inom den sociala ekonomin\n\n"
        "För att bidra till start och utveckling av sociala företag drevs projektet Rådgivare inom den sociala "
        "ekonomin av förbundet."
    )
    assert meta(text).project_name == "Rådgivare inom den sociala ekonomin"


# --------------------------------------------------------------------------- period


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("Tidsperiod (som rapporten avser): 2020-12-01-2021-05-31", "2020-12-01", "2021-05-31"),
        ("Rapportperiod: 2021-01-01 – 2021-06-30", "2021-01-01", "2021-06-30"),
        ("Rapportperiod: 1 januari–30 juni 2019", "2019-01-01", "2019-06-30"),
        ("Period: 1 september 2011 – 29 februari 2012", "2011-09-01", "2012-02-29"),
        ("Tidsperiod (som rapporten avser): juli-december 2020", "2020-07-01", "2020-12-31"),
        ("Rapportperiod: ht-21", "2021-07-01", "2021-12-31"),
        ("Period: jan–jun 2019", "2019-01-01", "2019-06-30"),
        ("Period: 2019", "2019-01-01", "2019-12-31"),
        ("Period: 1/1–30/6 2019", "2019-01-01", "2019-06-30"),
        ("Period: första halvåret 2019", "2019-01-01", "2019-06-30"),
        ("Tidsperiod som rapporten avser: 2019-01-01 till 2019-06-30", "2019-01-01", "2019-06-30"),
        ("Rapportperiod: fr.o.m. 2019-01-01 t.o.m. 2019-06-30", "2019-01-01", "2019-06-30"),
        ("Rapportperiod: våren 2021", "2021-01-01", "2021-06-30"),
        ("Rapportperiod:\n2021-01-01 – 2021-06-30", "2021-01-01", "2021-06-30"),
        ("Projektperiod: 2015-09-01 – 2017-12-31", "2015-09-01", "2017-12-31"),
        ("Projekttid: 2016-02-01 – 2018-01-31", "2016-02-01", "2018-01-31"),
        ("Ansökt period: 2024-01-01 – 2025-12-31", "2024-01-01", "2025-12-31"),
        ("Utvärderingsperiod: 2014-08-01 – 2016-05-31", "2014-08-01", "2016-05-31"),
        ("Lägesrapport januari–juni 2019", "2019-01-01", "2019-06-30"),
        ("Verksamhetsberättelse 2019", "2019-01-01", "2019-12-31"),
    ],
)
def test_period(line: str, start: str, end: str) -> None:
    m = meta("Lägesrapport\n" + line + "\n\nUnder perioden har vi arbetat med 12 deltagare i Nora och Lindesberg.")
    assert (m.period_start, m.period_end) == (start, end)


def test_report_period_wins_over_project_period() -> None:
    text = "Lägesrapport\nProjektperiod: 2020-01-01 – 2022-12-31\nRapportperiod: 2021-01-01 – 2021-06-30"
    m = meta(text)
    assert (m.period_start, m.period_end) == ("2021-01-01", "2021-06-30")


def test_running_text_dates_are_not_the_period() -> None:
    text = (
        "Lägesrapport\nInsatsens namn: Nya vägar\n\n"
        "Insatsen startade i januari 2021 och pågår till och med december 2022 med en budget på 2 miljoner kronor."
    )
    m = meta(text)
    assert (m.period_start, m.period_end) == (None, None)


def test_minutes_have_no_period() -> None:
    m = meta("PROTOKOLL\nStyrelsemöte i Samordningsförbundet Dalälven\nDatum: 2015-03-26\n\nNärvarande:\n\nAnna")
    assert (m.report_type, m.period_start, m.report_date) == ("protokoll", None, "2015-03-26")


# --------------------------------------------------------------------------- report date


@pytest.mark.parametrize(
    ("ending", "date"),
    [
        ("Datum: 2021-06-09", "2021-06-09"),
        ("Datum: 09.06.2021", "2021-06-09"),
        ("Underskrift ordförande i styrgrupp:\n\nDatum:\n\n21/06/09", "2021-06-09"),
        ("Upprättad 2021-06-09", "2021-06-09"),
        ("Ort/datum: Nyköping 2021-06-09", "2021-06-09"),
        ("Ort och datum: Nyköping den 9 juni 2021", "2021-06-09"),
        ("Haninge den 9 juni 2021\n\nAhmed Yusuf\nProjektledare", "2021-06-09"),
        ("Gävle 2021-06-09\nLars-Göran Hedin, förvaltningschef", "2021-06-09"),
        ("Rapporten fastställd av styrgruppen 2021-06-09.", "2021-06-09"),
        ("Fastställd av styrelsen 2021-06-09", "2021-06-09"),
        ("Rapporten lämnades till Samordningsförbundet Söderåsen 2021-06-09.", "2021-06-09"),
        ("Datum: 2021-06-09 Underskrift: Göran Sjöström", "2021-06-09"),
        ("Nästa styrgruppsmöte hålls 2021-09-14 i Nyköping.", None),
        ("Startdatum: 2021-01-01", None),
    ],
)
def test_report_date(ending: str, date: str | None) -> None:
    text = (
        "Lägesrapport\nInsatsens namn: Nyttiga affärer\nTidsperiod: 2020-12-01-2021-05-31\n\n"
        "Under perioden har vi arbetat med många deltagare i flera kommuner och det har gått bra.\n\n" + ending
    )
    assert meta(text).report_date == date


@pytest.mark.parametrize(
    ("top", "date"),
    [
        ("Protokoll fört vid styrelsens sammanträde 2019-05-12\nSamordningsförbundet Dalälven", "2019-05-12"),
        ("Minnesanteckningar\nStyrgruppsmöte Nystart\n2019-05-12", "2019-05-12"),
        ("Lägesrapport\nNystart\nBeslutsdatum: 2019-05-12", None),
        ("Lägesrapport\nNystart\nLämnas senast 2019-05-12 till förbundet", None),
    ],
)
def test_a_dated_cover_gives_the_report_date(top: str, date: str | None) -> None:
    assert meta(top + BODY).report_date == date


def test_report_date_under_a_heading_of_its_own() -> None:
    sections = [
        Section(0, None, 1, "Lägesrapport\n\nTidsperiod: 2020-12-01-2021-05-31"),
        Section(1, "Underskrift ordförande i styrgrupp:", 1, ""),
        Section(2, "Datum:", 1, "21/06/09"),
    ]
    assert metadata.extract(sections, {}).report_date == "2021-06-09"


# --------------------------------------------------------------------------- title and robustness


def test_title_from_properties_when_there_are_no_title_lines() -> None:
    long = "Vi har arbetat med många olika saker under perioden och det har gått bra för alla inblandade parter."
    assert meta(long, {"title": "Slutrapport Nystart"}).title == "Slutrapport Nystart"
    assert meta(long, {"title": "Microsoft Word - Dokument1.doc"}).title is None


def test_empty_document() -> None:
    assert metadata.extract([], {}) == Metadata()
    assert metadata.extract([Section(0, None, 1, "")], {}) == Metadata()


# --------------------------------------------------------------------------- the corpus


@pytest.mark.slow
def test_corpus_metadata_accuracy() -> None:
    gold_dir, reports = CORPUS / "gold", CORPUS / "reports"
    golds = sorted(gold_dir.glob("*.gold.json")) if gold_dir.is_dir() else []
    if not golds:
        pytest.skip("no corpus gold")
    from pipeline import clean, sections
    from pipeline.readers import read

    right = total = 0
    misses = []
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = reports / gold["file"]
        if not path.exists():
            continue
        document = read(path)
        got = scored(metadata.extract(sections.split(clean.clean(document)), document.properties))
        want = expected(gold)
        for key in want:
            total += 1
            right += got[key] == want[key]
            if got[key] != want[key]:
                misses.append((gold["file"], key, got[key], want[key]))
    assert total, "no corpus report beside its gold"
    assert right / total >= 0.95, misses
