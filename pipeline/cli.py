"""Command line: `python -m pipeline extract|eval|audit ...`. Thin: parse arguments, call the library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.run import Options, RunError, run


def _extract(args: argparse.Namespace) -> int:
    options = Options(force=args.force, timeout=args.timeout, memory_mb=args.memory_mb, max_pages=args.max_pages)
    if args.workers is not None:
        options.workers = args.workers
    try:
        summary = run(Path(args.input), Path(args.db), options)
    except RunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary.line())
    return 0


def _eval(args: argparse.Namespace) -> int:
    from pipeline import evaluate

    return evaluate.main(args)


def _scores(args: argparse.Namespace) -> int:
    from pipeline import evaluate

    evaluate.write_scores(Path(args.out))
    print(Path(args.out).read_text(encoding="utf-8"))
    return 0


def _audit(args: argparse.Namespace) -> int:
    from pipeline import audit

    return audit.main(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description="Swedish project reports → SQLite")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract a folder of reports into the database")
    extract.add_argument("input", nargs="?", default="corpus", help="folder of reports (default corpus/)")
    extract.add_argument("--db", default="outputs/reports.db", help="database path (default outputs/reports.db)")
    extract.add_argument("--workers", type=int, default=None, help="worker processes (default: CPU count)")
    extract.add_argument("--force", action="store_true", help="re-extract files even if unchanged")
    extract.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per file (default 120)")
    extract.add_argument("--memory-mb", type=int, default=4096, help="memory ceiling per worker in MB (default 4096)")
    extract.add_argument("--max-pages", type=int, default=2000, help="refuse PDFs with more pages (default 2000)")
    extract.set_defaults(handler=_extract)

    evaluation = commands.add_parser("eval", help="score extraction against gold files")
    evaluation.add_argument("--gold", default="corpus/gold", help="folder of *.gold.json (default corpus/gold)")
    evaluation.add_argument("--input", default="corpus/reports", help="folder of reports (default corpus/reports)")
    evaluation.add_argument("--db", default=None, help="database to extract into (default: a temporary one)")
    evaluation.add_argument("--json", default=None, help="also write the scores as JSON to this path")
    evaluation.add_argument("--quiet", action="store_true", help="print only the summary table")
    evaluation.set_defaults(handler=_eval)

    scoring = commands.add_parser("scores", help="evaluate the corpus and held-out sets into corpus/SCORES.md")
    scoring.add_argument("--out", default="corpus/SCORES.md")
    scoring.set_defaults(handler=_scores)

    auditing = commands.add_parser("audit", help="cross-project checks, CSV and an HTML report")
    auditing.add_argument("--db", default="outputs/reports.db")
    auditing.add_argument("--out", default="outputs/audit")
    auditing.set_defaults(handler=_audit)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)
