"""The audit: participant and activity figures per initiative, and checks that point at figures to look at.

`audit(db, out)` reads the database read-only and returns one DataFrame per
table; given `out` it also writes each table as CSV and an offline HTML report
(`index.html`, charts inline). Every check row carries its provenance: file,
page, section heading, the exact span, its sentence and the figure id (the
`figure_provenance` query in Datasette shows a figure in its context).

An initiative is the set of reports whose project names are equal after
normalisation (Unicode NFKC, case-folded, whitespace collapsed; version
suffixes such as "2.0" are kept). A document without a project name is an
initiative of its own.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import unicodedata
from collections.abc import Iterable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

PARTICIPANTS = "participants"
COUNTED = ("attendance", "registrations", "outcomes", "activities")
GENDERS = ("women", "men", "total")
MEASURES = ("planned", "actual")
# Report types whose participant counts are not a running total of the initiative.
NOT_CUMULATIVE = frozenset({"ansökan", "projektbeskrivning", "protokoll", "verksamhetsberättelse", "årsredovisning"})
# Where an outcome leads, read from the words after the figure; the earliest keyword wins.
# The `outcomes` query in datasette/metadata.yml uses the same words.
OUTCOME_KINDS: dict[str, tuple[str, ...]] = {
    "arbete": ("arbete", "anställning", "jobb"),
    "studier": ("studie", "studera", "komvux", "utbildning"),
    "praktik": ("praktik", "arbetsträning"),
}
OUTCOME_WINDOW = 80

PROVENANCE = ("file", "page", "section", "span", "sentence", "figure_id")
CHECKS = (
    "actual_exceeds_planned",
    "total_mismatch",
    "conflicting_figures",
    "cumulative_decrease",
    "no_period",
    "no_participants",
)
TABLES = ("initiatives", "participants", "totals", "totals_by_report", *CHECKS)


class AuditError(Exception):
    """The audit cannot run: no database, or not one this pipeline wrote."""


def initiative_key(name: str | None) -> str | None:
    """The normalised project name that identifies an initiative, or None when there is no name."""
    if name is None:
        return None
    text = " ".join(unicodedata.normalize("NFKC", str(name)).casefold().split())
    text = text.strip(" .,;:\"'«»“”")
    return text or None


def outcome_kind(sentence: str | None, span: str | None) -> str:
    """`arbete`, `studier`, `praktik` or `annat`: what the words following an outcome figure say it led to."""
    sentence = sentence or ""
    start = sentence.find(span) if span else -1
    window = sentence[max(start, 0) : max(start, 0) + OUTCOME_WINDOW].lower()
    best, best_at = "annat", len(window) + 1
    for kind, words in OUTCOME_KINDS.items():
        for word in words:
            at = window.find(word)
            if 0 <= at < best_at:
                best, best_at = kind, at
    return best


# ---------------------------------------------------------------------------------------------------------------
# Loading


def load(db_path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Documents (status ok and failed) and figures joined with their section and document."""
    if not db_path.is_file():
        raise AuditError(f"no database at {db_path} (run `make extract` first)")
    uri = db_path.resolve().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            missing = {"documents", "sections", "figures"} - tables
            if missing:
                raise AuditError(f"{db_path} has no {', '.join(sorted(missing))} table: not a database `extract` wrote")
            documents = pd.read_sql_query(
                "SELECT id AS document_id, path AS file, title, status, report_type, project_name,"
                " period_start, period_end, report_date FROM documents ORDER BY path",
                conn,
            )
            figures = pd.read_sql_query(
                "SELECT f.id AS figure_id, f.document_id, f.section_id, s.ordinal AS section_ordinal,"
                " s.heading AS section, f.value, f.value_max, f.approx, f.category, f.measure, f.gender, f.unit,"
                " f.span, f.sentence, f.page, f.char_start, f.char_end"
                " FROM figures f LEFT JOIN sections s ON s.id = f.section_id ORDER BY f.rowid",
                conn,
            )
    except sqlite3.DatabaseError as exc:
        raise AuditError(f"cannot read {db_path}: {exc}") from exc
    return _prepare_documents(documents), figures


def _prepare_documents(documents: pd.DataFrame) -> pd.DataFrame:
    documents = documents.astype(object).where(documents.notna(), None)
    keys = [initiative_key(name) for name in documents["project_name"]]
    documents["named"] = [key is not None for key in keys]
    documents["initiative_key"] = [key or f"#{doc}" for key, doc in zip(keys, documents["document_id"], strict=True)]
    documents["order_date"] = [
        end or date for end, date in zip(documents.period_end, documents.report_date, strict=True)
    ]
    labels: dict[str, str] = {}
    for key, group in documents.groupby("initiative_key", sort=False):
        names = group["project_name"].dropna()
        if len(names):
            # The spelling most reports use; among equals the one sorting first.
            counts = names.value_counts()
            labels[key] = sorted(counts[counts == counts.max()].index)[0]
        else:
            row = group.iloc[0]
            label = f"{row['title'] or row['file']} – utan insatsnamn"
            labels[key] = label if label not in labels.values() else f"{label} ({row['file']})"
    documents["initiative"] = documents["initiative_key"].map(labels)
    return documents


def _figures_with_documents(figures: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    columns = ["document_id", "initiative", "initiative_key", "named", "file", "title", "report_type"]
    columns += ["period_start", "period_end", "order_date"]
    merged = figures.merge(documents[columns], on="document_id", how="inner")
    merged["named"] = merged["named"].astype(bool)
    merged["approx"] = merged["approx"].fillna(0).astype(int)
    merged["gender"] = merged["gender"].fillna("total")
    merged["measure"] = merged["measure"].fillna("")
    merged["unit"] = merged["unit"].fillna("")
    merged["page"] = merged["page"].astype("Int64")
    return merged


# ---------------------------------------------------------------------------------------------------------------
# Summaries


def _document_columns(frame: pd.DataFrame, documents: pd.DataFrame, by: str = "document_id") -> pd.DataFrame:
    columns = ["document_id", "initiative", "file", "title", "report_type", "period_start", "period_end"]
    return frame.merge(documents[columns + ["order_date"]], left_on=by, right_on="document_id", how="left")


def participants_by_report(figures: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Planned and actual participants per report and gender, with the gap (actual − planned).

    Where a report states a measure more than once for a gender, the largest value is taken; a planned
    range counts at its upper bound.
    """
    rows = figures[(figures.category == PARTICIPANTS) & figures.measure.isin(MEASURES)].copy()
    columns = ["initiative", "file", "title", "report_type", "period_start", "period_end", "gender"]
    columns += ["planned", "actual", "gap", "percent_of_planned", "document_id"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows["amount"] = rows.value.where(rows.measure == "actual", rows.value_max.fillna(rows.value))
    table = rows.groupby(["document_id", "gender", "measure"])["amount"].max().unstack("measure")
    table = table.reindex(columns=list(MEASURES)).reset_index()
    table = _document_columns(table, documents)
    table["gap"] = table.actual - table.planned
    table["percent_of_planned"] = (table.actual / table.planned * 100).round(1)
    table["_g"] = table.gender.map({g: i for i, g in enumerate(GENDERS)})
    table = table.sort_values(["initiative", "order_date", "file", "_g"], na_position="first")
    return table[columns].reset_index(drop=True)


def totals_by_report(figures: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Attendance, registrations, outcomes and activities summed per report, by kind.

    `kind` is the unit for attendance, registrations and activities (`coachning`, `föreläsning` …) and
    where an outcome led for outcomes (`arbete`, `studier`, `praktik`, `annat`).
    """
    rows = figures[figures.category.isin(COUNTED)].copy()
    columns = ["initiative", "file", "report_type", "period_start", "period_end", "category", "kind"]
    columns += ["total", "figures", "approx_figures", "document_id"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows["kind"] = [
        outcome_kind(sentence, span) if category == "outcomes" else (unit or "")
        for category, unit, sentence, span in zip(rows.category, rows.unit, rows.sentence, rows.span, strict=True)
    ]
    table = (
        rows.groupby(["document_id", "category", "kind"])
        .agg(total=("value", "sum"), figures=("value", "size"), approx_figures=("approx", "sum"))
        .reset_index()
    )
    table = _document_columns(table, documents)
    table = table.sort_values(["initiative", "order_date", "file", "category", "kind"], na_position="first")
    return table[columns].reset_index(drop=True)


def _without_overlaps(reports: pd.DataFrame) -> pd.DataFrame:
    """Drop a report whose period lies within another report's period (of equal periods, keep the larger total)."""
    keep = []
    items = list(reports.itertuples(index=False))
    for report in items:
        start, end = report.period_start, report.period_end
        covered = False
        if start and end:
            for other in items:
                if other is report or not (other.period_start and other.period_end):
                    continue
                if other.period_start <= start and end <= other.period_end:
                    larger = (other.period_start, other.period_end) != (start, end)
                    covered = larger or (other.total, report.document_id) > (report.total, other.document_id)
                if covered:
                    break
        keep.append(not covered)
    return reports[keep]


def category_totals(by_report: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Totals per initiative, category and kind, counting each period once."""
    columns = ["initiative", "category", "kind", "total", "figures", "approx_figures", "reports", "files"]
    if by_report.empty:
        return pd.DataFrame(columns=columns)
    table = by_report.merge(documents[["document_id", "initiative_key"]], on="document_id")
    out = []
    for (_, category, kind), group in table.groupby(["initiative_key", "category", "kind"], sort=False):
        kept = _without_overlaps(group)
        out.append(
            {
                "initiative": group.initiative.iloc[0],
                "category": category,
                "kind": kind,
                "total": kept.total.sum(),
                "figures": kept.figures.sum(),
                "approx_figures": kept.approx_figures.sum(),
                "reports": len(kept),
                "files": "; ".join(kept.file),
            }
        )
    return pd.DataFrame(out, columns=columns).sort_values(["initiative", "category", "kind"]).reset_index(drop=True)


def initiative_summary(documents: pd.DataFrame, participants: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """One row per initiative: the latest planned and actual participants by gender, the gaps, and totals.

    Planned and actual come each from the latest report (by period end, else report date) that states
    that measure; a total it does not state is women + men when it states both. A document without a
    project name (an annual report, minutes) may cover several initiatives, so it gets no gap.
    """
    docs = documents[documents.status == "ok"]
    rows = []
    for _, group in docs.groupby("initiative_key", sort=False):
        group = group.sort_values(["order_date", "file"], na_position="first")
        row: dict[str, Any] = {
            "initiative": group.initiative.iloc[0],
            "named": bool(group.named.iloc[0]),
            "reports": len(group),
            "first_period_start": group.period_start.dropna().min() if group.period_start.notna().any() else None,
            "last_period_end": group.period_end.dropna().max() if group.period_end.notna().any() else None,
        }
        mine = participants[participants.document_id.isin(group.document_id)]
        for measure in MEASURES:
            stated = mine[mine[measure].notna()]
            values = dict.fromkeys(GENDERS)
            source = None
            if not stated.empty:
                latest = stated.document_id.iloc[-1]  # `participants` is in report order
                chosen = stated[stated.document_id == latest]
                values.update(dict(zip(chosen.gender, chosen[measure], strict=True)))
                source = chosen.file.iloc[0]
                if values["total"] is None and values["women"] is not None and values["men"] is not None:
                    values["total"] = values["women"] + values["men"]
            for gender in GENDERS:
                row[f"{measure}_{gender}"] = values[gender]
            row[f"{measure}_from"] = source
        for gender in GENDERS:
            # A document without a project name may cover several initiatives: no gap between its figures.
            planned, actual = row[f"planned_{gender}"], row[f"actual_{gender}"]
            comparable = row["named"] and planned is not None and actual is not None
            row[f"gap_{gender}"] = actual - planned if comparable else None
        initiative_totals = totals[totals.initiative == row["initiative"]]
        for category in COUNTED:
            found = initiative_totals[initiative_totals.category == category]
            row[category] = found.total.sum() if len(found) else None
        rows.append(row)
    columns = ["initiative", "named", "reports", "first_period_start", "last_period_end"]
    columns += [f"{m}_{g}" for m in ("planned", "actual", "gap") for g in GENDERS]
    columns += [*COUNTED, "planned_from", "actual_from"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["named", "initiative"], ascending=[False, True]).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------------------
# Checks


def _provenance(row: Any, prefix: str = "") -> dict[str, Any]:
    return {prefix + name: getattr(row, name) for name in PROVENANCE}


def _participant_rows(figures: pd.DataFrame, measure: str) -> pd.DataFrame:
    rows = figures[(figures.category == PARTICIPANTS) & (figures.measure == measure)].copy()
    if measure == "planned":
        rows["amount"] = rows.value_max.fillna(rows.value)
    else:
        rows["amount"] = rows.value
    return rows


def _largest(rows: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """The row with the largest `amount` in each group (the first such row in reading order)."""
    rows = rows[rows.amount.notna()]
    if rows.empty:
        return rows
    return rows.loc[rows.groupby(by, sort=False)["amount"].idxmax()]


def check_actual_exceeds_planned(figures: pd.DataFrame) -> pd.DataFrame:
    """More participants than planned, for a gender or in total.

    Compared within a section where the section states both planned and actual; otherwise across the whole
    report, but only for reports about one named initiative (an annual report covers several).
    """
    planned, actual = _participant_rows(figures, "planned"), _participant_rows(figures, "actual")
    rows = []

    def flag(level: str, p: Any, a: Any) -> None:
        if a.amount > p.amount:
            rows.append(
                {
                    "initiative": a.initiative,
                    "level": level,
                    "gender": a.gender,
                    "planned": p.amount,
                    "actual": a.amount,
                    "excess": a.amount - p.amount,
                    "period_start": a.period_start,
                    "period_end": a.period_end,
                    **_provenance(a),
                    **_provenance(p, "planned_"),
                    "document_id": a.document_id,
                }
            )

    section_keys = ["document_id", "section_id", "gender"]
    top_planned = _largest(planned, section_keys).set_index(section_keys)
    top_actual = _largest(actual, section_keys).set_index(section_keys)
    compared: set[tuple[str, str]] = set()
    for key in top_actual.index.intersection(top_planned.index):
        p = top_planned.loc[key]
        a = top_actual.loc[key]
        compared.add((key[0], key[2]))
        flag("avsnitt", _Row(p, key, section_keys), _Row(a, key, section_keys))

    report_keys = ["document_id", "gender"]
    top_planned = _largest(planned[planned.named], report_keys).set_index(report_keys)
    top_actual = _largest(actual[actual.named], report_keys).set_index(report_keys)
    for key in top_actual.index.intersection(top_planned.index):
        if key in compared:
            continue
        flag("rapport", _Row(top_planned.loc[key], key, report_keys), _Row(top_actual.loc[key], key, report_keys))
    columns = ["initiative", "level", "gender", "planned", "actual", "excess", "period_start", "period_end"]
    columns += [*PROVENANCE, *(f"planned_{name}" for name in PROVENANCE), "document_id"]
    # The same excess stated in two sections of a report (text and table) is one row: the first.
    table = pd.DataFrame(rows, columns=columns).drop_duplicates(["document_id", "gender", "planned", "actual"])
    return _sorted(table, ["initiative", "file", "gender"])


class _Row:
    """A row taken from an indexed frame, with its index values as attributes again."""

    def __init__(self, series: pd.Series, key: tuple[Any, ...], names: list[str]) -> None:
        self.__dict__.update(series.to_dict())
        self.__dict__.update(dict(zip(names, key, strict=True)))


def _aligned(frame: pd.DataFrame) -> list[tuple[Any, Any, Any]]:
    """(women, men, total) triples when the frame holds as many of each, paired in reading order."""
    parts = [frame[frame.gender == gender] for gender in GENDERS]
    if not all(len(part) for part in parts) or len({len(part) for part in parts}) != 1:
        return []
    return list(zip(*(part.itertuples(index=False) for part in parts), strict=True))


def _single_valued(frame: pd.DataFrame) -> list[tuple[Any, Any, Any]]:
    """One (women, men, total) triple when each is stated, with one value each (maybe repeated)."""
    parts = [frame[frame.gender == gender] for gender in GENDERS]
    if not all(len(part) for part in parts) or any(part.value.nunique() != 1 for part in parts):
        return []
    return [tuple(next(part.itertuples(index=False)) for part in parts)]


def _separate_rows(triple: tuple[Any, Any, Any]) -> bool:
    """Women, men and total each in a sentence (table row) of its own, as in a table's column.

    Two of them in one sentence without the third (`3 kvinnor och 5 män har börjat`) are a count of
    their own, not parts of a total stated elsewhere in the section.
    """
    sentences = [figure.sentence for figure in triple if isinstance(figure.sentence, str)]
    return len(set(sentences)) == len(sentences)


def check_total_mismatch(figures: pd.DataFrame) -> pd.DataFrame:
    """Women + men ≠ total, for figures of one category and measure stated together.

    Together means: in one sentence or table row (`12 deltagare varav 7 kvinnor och 5 män`, a row
    `Planerat 10 10 20`); else in one section, each in a sentence or row of its own (a table's column:
    rows `Kvinnor`, `Män`, `Totalt`), where the section states women, men and total equally often
    (paired in reading order) or each with a single value. Approximate figures and ranges are left out.
    """
    exact = figures[figures.value_max.isna() & (figures.approx == 0)]
    triples = []
    for _, group in exact.groupby(["document_id", "section_id", "category", "measure"], sort=False):
        used: set[str] = set()
        for _, sentence in group[group.sentence.notna()].groupby("sentence", sort=False):
            found = _aligned(sentence)
            triples += found
            used.update(figure.figure_id for triple in found for figure in triple)
        rest = group[~group.figure_id.isin(used)]
        triples += [triple for triple in _aligned(rest) or _single_valued(rest) if _separate_rows(triple)]
    rows = []
    for women, men, total in triples:
        if abs(women.value + men.value - total.value) > 1e-9:
            rows.append(
                {
                    "initiative": total.initiative,
                    "category": total.category,
                    "measure": total.measure or None,
                    "women": women.value,
                    "men": men.value,
                    "sum_of_parts": women.value + men.value,
                    "total": total.value,
                    "difference": women.value + men.value - total.value,
                    **_provenance(total),
                    "women_span": women.span,
                    "men_span": men.span,
                    "women_figure_id": women.figure_id,
                    "men_figure_id": men.figure_id,
                    "document_id": total.document_id,
                }
            )
    columns = ["initiative", "category", "measure", "women", "men", "sum_of_parts", "total", "difference"]
    columns += [*PROVENANCE, "women_span", "men_span", "women_figure_id", "men_figure_id", "document_id"]
    return _sorted(pd.DataFrame(rows, columns=columns), ["initiative", "file", "figure_id"])


def check_conflicting_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Participants (planned or actual, by gender or in total) reported differently by two reports of one period.

    Compared between reports of a named initiative that state the same period. A report's figure is the
    largest value it states for that measure and gender (reports also count sub-groups: `Kursen har 11
    deltagare`); a planned range counts at its upper bound. Attendance and activities count separate
    events from report to report and are not compared.
    """
    rows = pd.concat([_participant_rows(figures, measure) for measure in MEASURES])
    rows = rows[rows.named & rows.period_start.notna() & rows.period_end.notna()]
    top = _largest(rows, ["document_id", "measure", "gender"])
    out = []
    for _, group in top.groupby(["initiative_key", "period_start", "period_end", "measure", "gender"], sort=False):
        reports = list(group.sort_values("file").itertuples(index=False))
        for i, first in enumerate(reports):
            for second in reports[i + 1 :]:
                if first.amount == second.amount:
                    continue
                out.append(
                    {
                        "initiative": first.initiative,
                        "period_start": first.period_start,
                        "period_end": first.period_end,
                        "category": first.category,
                        "measure": first.measure,
                        "gender": first.gender,
                        "value": first.amount,
                        "other_value": second.amount,
                        **_provenance(first),
                        **_provenance(second, "other_"),
                        "document_id": first.document_id,
                        "other_document_id": second.document_id,
                    }
                )
    columns = ["initiative", "period_start", "period_end", "category", "measure", "gender", "value", "other_value"]
    columns += [*PROVENANCE, *(f"other_{name}" for name in PROVENANCE), "document_id", "other_document_id"]
    return _sorted(pd.DataFrame(out, columns=columns), ["initiative", "period_start", "measure", "gender"])


def check_cumulative_decrease(figures: pd.DataFrame) -> pd.DataFrame:
    """A later report of an initiative showing fewer actual participants than an earlier one.

    Reports are ordered by period end (else report date); applications, project descriptions, minutes
    and annual reports are not running totals and are left out. Each report's largest actual figure per
    gender is compared with the largest of all earlier reports.
    """
    actual = _participant_rows(figures, "actual")
    actual = actual[actual.named & actual.order_date.notna() & ~actual.report_type.isin(NOT_CUMULATIVE)]
    top = _largest(actual, ["document_id", "gender"])
    rows = []
    for _, group in top.groupby(["initiative_key", "gender"], sort=False):
        group = group.sort_values(["order_date", "file"])
        for later in group.itertuples(index=False):
            earlier = group[group.order_date < later.order_date]
            if earlier.empty:
                continue
            best = earlier.loc[earlier.amount.idxmax()]
            if later.amount < best.amount:
                rows.append(
                    {
                        "initiative": later.initiative,
                        "gender": later.gender,
                        "earlier_value": best.amount,
                        "later_value": later.amount,
                        "decrease": best.amount - later.amount,
                        "period_start": later.period_start,
                        "period_end": later.period_end,
                        **_provenance(later),
                        "earlier_period_start": best.period_start,
                        "earlier_period_end": best.period_end,
                        **{f"earlier_{name}": best[name] for name in PROVENANCE},
                        "document_id": later.document_id,
                        "earlier_document_id": best.document_id,
                    }
                )
    columns = ["initiative", "gender", "earlier_value", "later_value", "decrease", "period_start", "period_end"]
    columns += [*PROVENANCE, "earlier_period_start", "earlier_period_end"]
    columns += [*(f"earlier_{name}" for name in PROVENANCE), "document_id", "earlier_document_id"]
    return _sorted(pd.DataFrame(rows, columns=columns), ["initiative", "period_end", "gender"])


def check_no_period(documents: pd.DataFrame) -> pd.DataFrame:
    """Readable documents whose period (start or end) was not found."""
    docs = documents[(documents.status == "ok") & (documents.period_start.isna() | documents.period_end.isna())]
    columns = ["initiative", "file", "title", "report_type", "period_start", "period_end", "report_date"]
    return docs[[*columns, "document_id"]].reset_index(drop=True)


def check_no_participants(documents: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Readable documents with no participant figure at all."""
    counted = figures.groupby("document_id").size()
    with_participants = set(figures[figures.category == PARTICIPANTS].document_id)
    docs = documents[(documents.status == "ok") & ~documents.document_id.isin(with_participants)].copy()
    docs["figures"] = docs.document_id.map(counted).fillna(0).astype(int)
    columns = ["initiative", "file", "title", "report_type", "period_start", "period_end", "figures"]
    return docs[[*columns, "document_id"]].reset_index(drop=True)


def _sorted(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    if frame.empty:
        return frame.reset_index(drop=True)
    return frame.sort_values(by, na_position="first", kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------------------
# The audit


def audit(db_path: Path | str, out_dir: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the audit by name (see `TABLES`); with `out_dir`, also write CSVs and `index.html`."""
    db_path = Path(db_path)
    documents, raw_figures = load(db_path)
    figures = _figures_with_documents(raw_figures, documents[documents.status == "ok"])
    participants = participants_by_report(figures, documents)
    by_report = totals_by_report(figures, documents)
    totals = category_totals(by_report, documents)
    frames: dict[str, pd.DataFrame] = {
        "initiatives": initiative_summary(documents, participants, totals),
        "participants": participants,
        "totals": totals,
        "totals_by_report": by_report,
        "actual_exceeds_planned": check_actual_exceeds_planned(figures),
        "total_mismatch": check_total_mismatch(figures),
        "conflicting_figures": check_conflicting_figures(figures),
        "cumulative_decrease": check_cumulative_decrease(figures),
        "no_period": check_no_period(documents),
        "no_participants": check_no_participants(documents, figures),
    }
    frames = {name: _tidy(frame) for name, frame in frames.items()}
    if out_dir is not None:
        info = {
            "database": str(db_path),
            "generated": datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M"),
            "documents": int((documents.status == "ok").sum()),
            "failed": int((documents.status != "ok").sum()),
            "figures": len(figures),
        }
        write(frames, Path(out_dir), info)
    return frames


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Whole numbers as integers (14, not 14.0), missing values as NA."""
    frame = frame.copy()
    for column in frame.columns:
        series = frame[column]
        if series.dtype == object:
            numeric = pd.to_numeric(series, errors="coerce")
            if series.notna().any() and numeric.notna().sum() == series.notna().sum() and not _textual(series):
                series = numeric
        if pd.api.types.is_float_dtype(series) and ((series.dropna() % 1) == 0).all():
            series = series.astype("Int64")
        frame[column] = series
    return frame


def _textual(series: pd.Series) -> bool:
    return any(isinstance(value, str) for value in series.dropna())


def write(frames: dict[str, pd.DataFrame], out_dir: Path, info: dict[str, Any]) -> None:
    """One CSV per table and the HTML report, in `out_dir`."""
    from pipeline import audit_report

    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.to_csv(out_dir / f"{name}.csv", index=False)
    (out_dir / "index.html").write_text(audit_report.render(frames, info), encoding="utf-8")


def summary_lines(frames: dict[str, pd.DataFrame]) -> Iterable[str]:
    yield f"initiatives {len(frames['initiatives'])}"
    for name in CHECKS:
        yield f"{name} {len(frames[name])}"


def main(args: argparse.Namespace) -> int:
    """`python -m pipeline audit --db PATH --out DIR`."""
    out = Path(args.out)
    try:
        frames = audit(Path(args.db), out)
    except AuditError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(", ".join(summary_lines(frames)))
    print(f"wrote {out / 'index.html'} and {len(frames)} CSV files")
    return 0
