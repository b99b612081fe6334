"""The audit's HTML report: one self-contained page, charts as inline SVG, readable offline."""

from __future__ import annotations

import html
import io
import re
from typing import Any

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

PLANNED, ACTUAL = "#9ecae1", "#2171b5"
WOMEN, MEN = "#d95f02", "#1b9e77"

LABELS = {
    "initiative": "Insats",
    "named": "Namngiven",
    "reports": "Rapporter",
    "first_period_start": "Första period från",
    "last_period_end": "Sista period till",
    "file": "Fil",
    "title": "Titel",
    "report_type": "Rapporttyp",
    "period_start": "Period från",
    "period_end": "Period till",
    "report_date": "Rapportdatum",
    "gender": "Kön",
    "planned": "Planerat",
    "actual": "Faktiskt",
    "gap": "Skillnad",
    "percent_of_planned": "% av planerat",
    "category": "Kategori",
    "kind": "Slag",
    "total": "Totalt",
    "figures": "Siffror",
    "approx_figures": "Varav ungefärliga",
    "files": "Filer",
    "level": "Jämfört inom",
    "excess": "Över plan",
    "measure": "Mått",
    "women": "Kvinnor",
    "men": "Män",
    "sum_of_parts": "Kvinnor + män",
    "difference": "Skillnad",
    "value": "Värde",
    "other_value": "Värde i andra rapporten",
    "earlier_value": "Tidigare värde",
    "later_value": "Senare värde",
    "decrease": "Minskning",
    "page": "Sida",
    "section": "Avsnitt",
    "span": "Textställe",
    "sentence": "Mening eller tabellrad",
    "figure_id": "Siffrans id",
    "attendance": "Närvaro",
    "registrations": "Anmälda",
    "outcomes": "Utfall",
    "activities": "Aktiviteter",
}
GENDER_NAMES = {"women": "kvinnor", "men": "män", "total": "totalt"}
# Contract values shown in Swedish in the report (the CSV files keep the contract's values).
VALUE_NAMES = {
    "gender": GENDER_NAMES,
    "measure": {"planned": "planerat", "actual": "faktiskt"},
    "category": {
        "participants": "deltagare",
        "attendance": "närvaro",
        "registrations": "anmälda",
        "outcomes": "utfall",
        "activities": "aktiviteter",
        "organisations": "organisationer",
        "money": "pengar",
        "percent": "procent",
        "other": "annat",
    },
}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PREFIXES = {"planned_": "planerat: ", "other_": "andra rapporten: ", "earlier_": "tidigare: "}

CHECKS: list[tuple[str, str, str, list[str]]] = [
    (
        "actual_exceeds_planned",
        "Fler deltagare än planerat",
        "Det faktiska antalet deltagare överstiger det planerade, för ett kön eller totalt. Jämförs inom ett "
        "avsnitt som anger båda, annars inom hela rapporten (bara rapporter om en namngiven insats).",
        ["initiative", "level", "gender", "planned", "actual", "excess", "period_start", "period_end", "file"]
        + ["page", "section", "sentence", "figure_id", "planned_page", "planned_sentence"],
    ),
    (
        "total_mismatch",
        "Kvinnor + män ≠ totalt",
        "Delarna summerar inte till totalen, i samma mening, tabellrad eller tabell i ett avsnitt.",
        ["initiative", "category", "measure", "women", "men", "sum_of_parts", "total", "file", "page", "section"]
        + ["sentence", "women_span", "men_span", "figure_id"],
    ),
    (
        "conflicting_figures",
        "Olika värden för samma period",
        "Två rapporter om samma insats och period anger olika antal deltagare (planerat eller faktiskt, per kön "
        "eller totalt). Varje rapports största värde för måttet och könet jämförs.",
        ["initiative", "period_start", "period_end", "category", "measure", "gender", "value", "other_value"]
        + ["file", "page", "sentence", "other_file", "other_page", "other_sentence"],
    ),
    (
        "cumulative_decrease",
        "Färre deltagare än i en tidigare rapport",
        "En senare rapport om insatsen anger färre faktiska deltagare än en tidigare (ansökningar, "
        "projektbeskrivningar, protokoll och verksamhetsberättelser räknas inte).",
        ["initiative", "gender", "earlier_value", "later_value", "decrease", "period_end", "file", "page"]
        + ["sentence", "earlier_period_end", "earlier_file", "earlier_page", "earlier_sentence"],
    ),
    (
        "no_period",
        "Rapporter utan period",
        "Ingen rapportperiod hittades i dokumentet.",
        ["initiative", "file", "title", "report_type", "period_start", "period_end", "report_date"],
    ),
    (
        "no_participants",
        "Rapporter utan deltagarsiffror",
        "Inga siffror om deltagare hittades i dokumentet.",
        ["initiative", "file", "title", "report_type", "period_start", "period_end", "figures"],
    ),
]

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 80rem;
       padding: 0 1rem; color: #222; line-height: 1.4; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
.meta { color: #555; } .note { color: #555; max-width: 60rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1rem; }
th, td { border: 1px solid #ddd; padding: .25rem .45rem; vertical-align: top; text-align: left; }
th { background: #f3f3f3; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.sentence { min-width: 16rem; max-width: 28rem; } td.date { white-space: nowrap; } .cell { color: #999; }
mark { background: #ffe08a; padding: 0 .1rem; }
.summary td:first-child a { font-weight: 600; } .flag { color: #b30000; font-weight: 600; } .ok { color: #2a7a2a; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; } .charts figure { margin: 0; }
figcaption { font-size: .9rem; color: #444; } svg { max-width: 100%; height: auto; }
.scroll { overflow-x: auto; }
"""


def render(frames: dict[str, pd.DataFrame], info: dict[str, Any]) -> str:
    """The whole report as one HTML document."""
    initiatives = frames["initiatives"]
    parts = [
        "<!doctype html>",
        '<html lang="sv"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Granskning av projektrapporter</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Granskning av projektrapporter</h1>",
        f'<p class="meta">Databas <code>{_e(info.get("database"))}</code> · {info.get("documents", 0)} dokument'
        f" ({info.get('failed', 0)} kunde inte läsas) · {len(initiatives)} insatser · "
        f"{info.get('figures', 0)} siffror · skapad {_e(info.get('generated'))}</p>",
        "<h2>Att granska</h2>",
        _check_summary(frames),
        "<h2>Diagram</h2>",
        '<div class="charts">',
        _figure(planned_vs_actual_chart(initiatives), "Planerat och faktiskt antal deltagare per insats (totalt)."),
        _figure(gender_chart(initiatives), "Faktiska deltagare per insats, kvinnor och män."),
        _figure(attendance_chart(frames["totals_by_report"]), "Närvaro per rapport över tid (periodens slut)."),
        "</div>",
        "<h2 id='initiatives'>Insatser</h2>",
        '<p class="note">Planerat och faktiskt tas var för sig från den senaste rapport (efter periodens slut) '
        "som anger måttet; ett totalt antal som rapporten inte anger räknas som kvinnor + män. Skillnad = "
        "faktiskt − planerat. Närvaro, anmälda, utfall och aktiviteter summeras över insatsens rapporter; en "
        "rapport vars period ligger inom en annan rapports period räknas inte två gånger. Dokument utan "
        "insatsnamn (verksamhetsberättelser, protokoll) kan gälla flera insatser: deras största värden visas, "
        "men ingen skillnad räknas.</p>",
        _table(initiatives, [c for c in initiatives.columns if c != "named"]),
        "<h2 id='participants'>Deltagare per rapport</h2>",
        '<p class="note">Det största värde rapporten anger för varje mått och kön; ett planerat intervall räknas '
        "vid sin övre gräns.</p>",
        _table(frames["participants"], [c for c in frames["participants"].columns if c != "document_id"]),
        "<h2 id='totals'>Närvaro, anmälda, utfall och aktiviteter</h2>",
        '<p class="note">Slag: enheten (för aktiviteter t.ex. coachning, föreläsning) eller, för utfall, vart '
        "deltagarna gick vidare enligt orden efter siffran (arbete, studier, praktik, annat).</p>",
        _table(frames["totals"], list(frames["totals"].columns)),
    ]
    for name, heading, note, columns in CHECKS:
        frame = frames[name]
        parts += [f"<h2 id='{name}'>{_e(heading)} ({len(frame)})</h2>", f'<p class="note">{_e(note)}</p>']
        parts.append(_table(frame, [c for c in columns if c in frame.columns]) if len(frame) else "<p>Inga.</p>")
    parts += [
        "<h2>Filer</h2>",
        '<p class="note">Varje tabell finns också som CSV i samma mapp: '
        + ", ".join(f'<a href="{name}.csv">{name}.csv</a>' for name in frames)
        + ". Siffrans id kan slås upp i Datasette med frågan <code>figure_provenance</code>.</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _check_summary(frames: dict[str, pd.DataFrame]) -> str:
    rows = []
    for name, heading, note, _ in CHECKS:
        count = len(frames[name])
        css = "flag" if count else "ok"
        rows.append(
            f'<tr><td><a href="#{name}">{_e(heading)}</a></td><td class="num {css}">{count}</td>'
            f"<td>{_e(note)}</td></tr>"
        )
    return (
        '<table class="summary"><tr><th>Kontroll</th><th>Rader</th><th>Vad den letar efter</th></tr>'
        + "".join(rows)
        + "</table>"
    )


def _label(column: str) -> str:
    if column in LABELS:
        return LABELS[column]
    for measure in ("planned", "actual", "gap"):
        for gender, word in GENDER_NAMES.items():
            if column == f"{measure}_{gender}":
                return f"{LABELS[measure]}, {word}"
    for prefix, words in PREFIXES.items():
        if column.startswith(prefix) and column[len(prefix) :] in LABELS:
            return words + LABELS[column[len(prefix) :]].lower()
    if column.endswith("_span") and column[: -len("_span")] in LABELS:
        return f"{LABELS[column[: -len('_span')]]}: textställe"
    if column.endswith("_from") and column[: -len("_from")] in LABELS:
        return f"{LABELS[column[: -len('_from')]]} enligt"
    return LABELS.get(column, column)


def _cell(row: pd.Series, column: str) -> str:
    value = row[column]
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "<td></td>"
    if column in VALUE_NAMES:
        return f"<td>{_e(VALUE_NAMES[column].get(value, value))}</td>"
    if column.endswith("sentence"):
        span_column = column[: -len("sentence")] + "span"
        span = row.get(span_column)
        return f'<td class="sentence">{_marked(str(value), span if isinstance(span, str) else None)}</td>'
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = f"{value:,.0f}".replace(",", "\u202f") if float(value).is_integer() else f"{value:,.1f}"
        return f'<td class="num">{_e(text)}</td>'
    if isinstance(value, str) and DATE.fullmatch(value):
        return f'<td class="date">{value}</td>'
    return f"<td>{_e(value)}</td>"


def _marked(sentence: str, span: str | None) -> str:
    """The sentence escaped, with the span it was read from marked and a table row's cells set apart."""

    def cells(text: str) -> str:
        return _e(text).replace("\t", ' <span class="cell">│</span> ')

    if span and span in sentence:
        start = sentence.index(span)
        return cells(sentence[:start]) + "<mark>" + _e(span) + "</mark>" + cells(sentence[start + len(span) :])
    return cells(sentence)


def _table(frame: pd.DataFrame, columns: list[str]) -> str:
    if frame.empty:
        return "<p>Inga.</p>"
    head = "".join(f"<th>{_e(_label(c))}</th>" for c in columns)
    body = []
    for _, row in frame.iterrows():
        body.append("<tr>" + "".join(_cell(row, c) for c in columns) + "</tr>")
    return f'<div class="scroll"><table><tr>{head}</tr>' + "".join(body) + "</table></div>"


# ---------------------------------------------------------------------------------------------------------------
# Charts


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "rapportextrakt"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)
    return text[text.index("<svg") :]


def _figure(svg: str | None, caption: str) -> str:
    body = svg or '<p class="note">Inga siffror att visa.</p>'
    return f"<figure>{body}<figcaption>{_e(caption)}</figcaption></figure>"


def _number(value: Any) -> float | None:
    if value is None or pd.isna(value):
        return None
    return float(value)


def _short(text: str, width: int = 34) -> str:
    text = re.sub(r"\s+", " ", str(text))
    return text if len(text) <= width else text[: width - 1] + "…"


def planned_vs_actual_chart(initiatives: pd.DataFrame) -> str | None:
    """Horizontal bars: planned and actual total participants per named initiative."""
    rows = [
        (_short(r.initiative), _number(r.planned_total), _number(r.actual_total))
        for r in initiatives.itertuples(index=False)
        if r.named and (_number(r.planned_total) is not None or _number(r.actual_total) is not None)
    ]
    if not rows:
        return None
    figure = Figure(figsize=(7, 0.45 * len(rows) + 1.2))
    axes = figure.subplots()
    positions = list(range(len(rows)))[::-1]
    height = 0.38
    for offset, index, colour, name in ((height / 2, 1, PLANNED, "Planerat"), (-height / 2, 2, ACTUAL, "Faktiskt")):
        values = [row[index] or 0 for row in rows]
        bars = axes.barh([p + offset for p in positions], values, height=height, color=colour, label=name)
        labels = ["" if row[index] is None else f"{row[index]:.0f}" for row in rows]
        axes.bar_label(bars, labels=labels, padding=2, fontsize=8)
    axes.set_yticks(positions, [row[0] for row in rows], fontsize=9)
    axes.set_xlabel("deltagare")
    axes.legend(loc="lower right", fontsize=8, frameon=False)
    _tidy_axes(axes)
    return _svg(figure)


def gender_chart(initiatives: pd.DataFrame) -> str | None:
    """Stacked horizontal bars: actual women and men per named initiative."""
    rows = [
        (_short(r.initiative), _number(r.actual_women), _number(r.actual_men))
        for r in initiatives.itertuples(index=False)
        if r.named and (_number(r.actual_women) is not None or _number(r.actual_men) is not None)
    ]
    if not rows:
        return None
    figure = Figure(figsize=(7, 0.4 * len(rows) + 1.2))
    axes = figure.subplots()
    positions = list(range(len(rows)))[::-1]
    women = [row[1] or 0 for row in rows]
    men = [row[2] or 0 for row in rows]
    bars = axes.barh(positions, women, color=WOMEN, label="Kvinnor", height=0.6)
    axes.bar_label(bars, labels=[f"{v:.0f}" if v else "" for v in women], label_type="center", fontsize=8, color="w")
    bars = axes.barh(positions, men, left=women, color=MEN, label="Män", height=0.6)
    axes.bar_label(bars, labels=[f"{v:.0f}" if v else "" for v in men], label_type="center", fontsize=8, color="w")
    axes.set_yticks(positions, [row[0] for row in rows], fontsize=9)
    axes.set_xlabel("faktiska deltagare")
    axes.legend(loc="lower right", fontsize=8, frameon=False)
    _tidy_axes(axes)
    return _svg(figure)


def attendance_chart(by_report: pd.DataFrame) -> str | None:
    """Attendance per report over time, one line per initiative."""
    rows = by_report[(by_report.category == "attendance") & by_report.period_end.notna()]
    if rows.empty:
        return None
    # Two reports for the same period (a copy for the steering group) count once: the larger.
    keys = ["initiative", "period_start", "period_end"]
    per_report = rows.groupby([*keys, "file"], as_index=False, dropna=False)["total"].sum()
    per_report = per_report.groupby(keys, as_index=False, dropna=False)["total"].max()
    per_report = per_report.groupby(["initiative", "period_end"], as_index=False)["total"].sum()
    per_report["date"] = pd.to_datetime(per_report.period_end, errors="coerce")
    per_report = per_report.dropna(subset=["date"])
    if per_report.empty:
        return None
    figure = Figure(figsize=(7, 3.6))
    axes = figure.subplots()
    for initiative, group in per_report.groupby("initiative"):
        group = group.sort_values("date")
        axes.plot(group.date, group.total.astype(float), marker="o", label=_short(initiative, 28))
    axes.set_ylabel("närvarande personer")
    axes.set_ylim(bottom=0)
    axes.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    figure.autofmt_xdate()
    _tidy_axes(axes)
    return _svg(figure)


def _tidy_axes(axes: Any) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=8)
