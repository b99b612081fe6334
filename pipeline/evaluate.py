"""Score a database against gold files, exactly as the extraction contract's scoring section defines.

Per field, micro-averaged over documents: figures (loose: value and category;
strict: also measure, gender, approx and value_max where gold gives them),
headings (normalised text), entities ((normalised text, label) pairs) and
metadata (exact match of report_type, project_name, period, report_date).
Gold items marked `optional: true` are neither required nor penalised.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS = ("figures", "figures_strict", "headings", "entities", "metadata")
META_FIELDS = ("report_type", "project_name", "period", "report_date")


@dataclass
class Score:
    """True positives, false positives, false negatives, with what was missed and what was extra."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _norm(text: str | None) -> str:
    text = " ".join((text or "").split()).lower()
    return text.rstrip(":").strip()


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _max_matching(
    left: list[Any], right: list[Any], fits: Callable[[Any, Any], bool], free: set[int]
) -> dict[int, int]:
    """Maximum bipartite matching of `left` items to the `free` indexes of `right` (Kuhn's augmenting paths)."""
    edges = [[j for j in sorted(free) if fits(item, right[j])] for item in left]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(left)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _match(
    gold: list[dict[str, Any]],
    predicted: list[Any],
    fits: Callable[[dict[str, Any], Any], bool],
    absorbs: Callable[[dict[str, Any], Any], bool] | None = None,
) -> Score:
    """Multiset matching (as many gold items matched as possible, each taking one prediction).

    Optional gold items then take what they fit among the rest without counting; `absorbs` lets a
    gold item also absorb further predictions that are another form of it (an entity's genitive).
    """
    score = Score()
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    free = set(range(len(predicted)))
    matched = _max_matching(required, predicted, fits, free)
    free -= set(matched.values())
    score.tp = len(matched)
    score.fn = len(required) - len(matched)
    score.misses = [_describe(item) for i, item in enumerate(required) if i not in matched]
    free -= set(_max_matching(optional, predicted, fits, free).values())
    if absorbs is not None:
        free = {j for j in free if not any(absorbs(g, predicted[j]) for g in gold)}
    score.fp = len(free)
    score.extras = [_describe(predicted[j]) for j in sorted(free)]
    return score


def _describe(item: Any) -> str:
    if isinstance(item, dict):
        keys = (
            "value",
            "value_max",
            "category",
            "measure",
            "gender",
            "approx",
            "unit",
            "text",
            "label",
            "span",
            "note",
        )
        return ", ".join(f"{k}={item[k]!r}" for k in keys if item.get(k) not in (None, ""))
    return repr(item)


def _close(a: Any, b: Any) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-6
    except (TypeError, ValueError):
        return False


def figure_fits(strict: bool) -> Callable[[dict[str, Any], dict[str, Any]], bool]:
    def fits(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
        if not _close(gold.get("value"), pred.get("value")) or pred.get("category") not in _as_list(gold["category"]):
            return False
        if not strict:
            return True
        if bool(gold.get("approx", False)) != bool(pred.get("approx")):
            return False
        for key in ("measure", "gender"):
            if key in gold and gold[key] != pred.get(key):
                return False
        if "value_max" in gold:
            if gold["value_max"] is None:
                return pred.get("value_max") is None
            return _close(gold["value_max"], pred.get("value_max"))
        return True

    return fits


def score_figures(gold: dict[str, Any], rows: list[dict[str, Any]], strict: bool) -> Score:
    return _match(gold.get("figures", []), rows, figure_fits(strict))


def score_headings(gold: dict[str, Any], headings: list[str]) -> Score:
    items: list[dict[str, Any]] = []
    for entry in gold.get("headings", []):
        if isinstance(entry, dict):
            items.append({"text": entry["text"], "optional": bool(entry.get("optional"))})
        else:
            items.append({"text": entry})
    for entry in gold.get("optional_headings", []) + gold.get("title_lines", []):
        items.append({"text": entry if isinstance(entry, str) else entry["text"], "optional": True})
    return _match(items, headings, lambda g, p: _norm(g["text"]) == _norm(p))


def score_entities(gold: dict[str, Any], rows: list[dict[str, Any]]) -> Score:
    """Distinct predicted (text, label) pairs against the gold list.

    A prediction's text or normalized form may match a gold entry's text or normalized form; a further
    distinct form of an entity the gold lists (`Eskilstunas` beside `Eskilstuna`) is not counted as extra.
    """
    predicted: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        key = (_norm(row["text"]), row["label"])
        predicted.setdefault(key, set()).update({key[0], _norm(row.get("normalized") or row["text"])})
    items = [{"text": text, "label": label, "forms": forms} for (text, label), forms in predicted.items()]

    def fits(g: dict[str, Any], p: dict[str, Any]) -> bool:
        forms = {_norm(g["text"])} | ({_norm(g["normalized"])} if g.get("normalized") else set())
        return p["label"] in _as_list(g["label"]) and bool(forms & p["forms"])

    return _match(gold.get("entities", []), items, fits, absorbs=fits)


def score_metadata(gold: dict[str, Any], document: dict[str, Any]) -> Score:
    score = Score()
    period = gold.get("period") or {}
    expected = {
        "report_type": gold.get("report_type"),
        "project_name": gold.get("project_name"),
        "period": (period.get("start"), period.get("end")),
        "report_date": gold.get("report_date"),
    }
    actual = {
        "report_type": document.get("report_type"),
        "project_name": document.get("project_name"),
        "period": (document.get("period_start"), document.get("period_end")),
        "report_date": document.get("report_date"),
    }
    for key in META_FIELDS:
        if expected[key] == actual[key]:
            score.tp += 1
        else:
            score.fn += 1
            score.fp += 1
            score.misses.append(f"{key}: expected {expected[key]!r}, got {actual[key]!r}")
    return score


@dataclass
class DocumentScores:
    file: str
    format: str | None
    status: str | None
    scores: dict[str, Score]


def _rows(conn: sqlite3.Connection, sql: str, *params: Any) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def score_database(db: Path, gold_dir: Path) -> list[DocumentScores]:
    """Scores of every gold file's document in the database (a document missing from it scores zero)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    documents = {row["path"]: row for row in _rows(conn, "SELECT * FROM documents")}
    by_name = {Path(path).name: row for path, row in documents.items()}
    results = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = documents.get(gold["file"]) or by_name.get(Path(gold["file"]).name) or {}
        doc_id = document.get("id")
        figures = _rows(conn, "SELECT * FROM figures WHERE document_id = ? ORDER BY id", doc_id)
        entities = _rows(conn, "SELECT * FROM entities WHERE document_id = ?", doc_id)
        headings = [
            r["heading"]
            for r in _rows(conn, "SELECT heading FROM sections WHERE document_id = ? ORDER BY ordinal", doc_id)
            if r["heading"]
        ]
        scores = {
            "figures": score_figures(gold, figures, strict=False),
            "figures_strict": score_figures(gold, figures, strict=True),
            "headings": score_headings(gold, headings),
            "entities": score_entities(gold, entities),
            "metadata": score_metadata(gold, document),
        }
        fmt = document.get("format") or Path(gold["file"]).suffix.lstrip(".")
        if document.get("ocr"):
            fmt = "pdf (scanned)"
        results.append(DocumentScores(gold["file"], fmt, document.get("status"), scores))
    conn.close()
    return results


def totals(results: Iterable[DocumentScores], fields: Iterable[str] = FIELDS) -> dict[str, Score]:
    summed = {name: Score() for name in fields}
    for result in results:
        for name in summed:
            summed[name].add(result.scores[name])
    return summed


def by_format(results: list[DocumentScores]) -> dict[str, dict[str, Score]]:
    groups: dict[str, list[DocumentScores]] = defaultdict(list)
    for result in results:
        groups[result.format or "?"].append(result)
    return {fmt: totals(group) for fmt, group in sorted(groups.items())}


def _table(rows: dict[str, dict[str, Score]], label: str) -> str:
    lines = [f"| {label} | " + " | ".join(FIELDS) + " |", "|---" * (len(FIELDS) + 1) + "|"]
    for name, scores in rows.items():
        lines.append(f"| {name} | " + " | ".join(f"{scores[f].f1:.3f}" for f in FIELDS) + " |")
    return "\n".join(lines)


def report(results: list[DocumentScores], verbose: bool = True) -> str:
    overall = totals(results)
    out = ["Overall (micro-averaged over documents)", "", "| field | precision | recall | F1 | tp | fp | fn |"]
    out.append("|---|---|---|---|---|---|---|")
    for name, s in overall.items():
        label = "metadata (accuracy)" if name == "metadata" else name
        out.append(f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |")
    out += ["", "Per format (F1)", "", _table(by_format(results), "format")]
    out += ["", "Per document (F1)", "", _table({r.file: r.scores for r in results}, "document")]
    if verbose:
        out += ["", "Misses and extras"]
        for result in results:
            if result.status != "ok":
                out.append(f"\n{result.file}: status {result.status}")
            for name, score in result.scores.items():
                if name == "figures_strict":
                    continue
                for miss in score.misses:
                    out.append(f"  {result.file} {name} MISS  {miss}")
                for extra in score.extras:
                    out.append(f"  {result.file} {name} EXTRA {extra}")
    return "\n".join(out)


def as_json(results: list[DocumentScores]) -> dict[str, Any]:
    return {
        "overall": {name: s.as_dict() for name, s in totals(results).items()},
        "formats": {fmt: {n: s.as_dict() for n, s in scores.items()} for fmt, scores in by_format(results).items()},
        "documents": {r.file: {n: s.as_dict() for n, s in r.scores.items()} for r in results},
    }


SCORE_SETS = {
    "corpus": ("corpus/reports", "corpus/gold"),
    "held-out": ("corpus/holdout/reports", "corpus/holdout/gold"),
}


def scores_markdown(results: dict[str, list[DocumentScores]]) -> str:
    """corpus/SCORES.md: overall and per-format scores of each set of documents."""
    lines = [
        "# Accuracy",
        "",
        "Produced by `make scores`. The regression test in `tests/test_accuracy.py` fails when any overall",
        "F1 below falls more than 0.02 under the figure recorded here. `corpus` holds the documents the",
        "rules were developed on; `held-out` holds documents written later, by another author, that the",
        "rules never saw before their first scoring (see `corpus/holdout/README.md` for that first run).",
    ]
    for name, documents in results.items():
        reports, gold = SCORE_SETS[name]
        lines += ["", f"## {name}", "", f"`python -m pipeline eval --input {reports} --gold {gold}`", ""]
        lines += ["| field | precision | recall | F1 |", "|---|---|---|---|"]
        for field_name, s in totals(documents).items():
            lines.append(f"| {field_name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
        lines += ["", "Per format (F1):", "", _table(by_format(documents), "format"), ""]
        lines += [f"Documents scored: {len(documents)}."]
    return "\n".join(lines) + "\n"


def write_scores(path: Path, root: Path = Path(".")) -> dict[str, list[DocumentScores]]:
    """Evaluate every score set and write the Markdown to `path`."""
    results = {name: evaluate(root / reports, root / gold) for name, (reports, gold) in SCORE_SETS.items()}
    path.write_text(scores_markdown(results), encoding="utf-8")
    return results


def evaluate(
    input_dir: Path, gold_dir: Path, db: Path | None = None, workers: int | None = None
) -> list[DocumentScores]:
    """Extract `input_dir` (into `db`, or a temporary database) and score it against `gold_dir`."""
    from pipeline.run import Options, run

    options = Options(progress=False)
    if workers is not None:
        options.workers = workers
    if db is not None:
        run(input_dir, db, options)
        return score_database(db, gold_dir)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "eval.db"
        run(input_dir, path, options)
        return score_database(path, gold_dir)


def main(args: argparse.Namespace) -> int:
    results = evaluate(Path(args.input), Path(args.gold), Path(args.db) if args.db else None)
    if not results:
        print(f"no *.gold.json files in {args.gold}")
        return 1
    print(report(results, verbose=not args.quiet))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(as_json(results), indent=2, ensure_ascii=False), encoding="utf-8")
    return 0
