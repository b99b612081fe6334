"""End to end: a folder of reports into the database; re-runs, failures, removals, the CLI."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.run import Options, RunError, run
from tests.builders import report_docx, report_pdf
from tests.conftest import ROOT, load_models_slowly, log_line, log_reads


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def folder(tmp_path: Path, seeds: Path) -> Path:
    reports = tmp_path / "reports"
    (reports / "2021").mkdir(parents=True)
    for path in seeds.glob("*.txt"):
        shutil.copy(path, reports / path.name)
    report_pdf(reports / "2021" / "lagesrapport.pdf")
    report_docx(reports / "2021" / "slutrapport.docx")
    return reports


def test_extract_folder_then_rerun_is_idempotent(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    first = run(folder, db, Options(workers=1, progress=False))
    assert (first.files, first.ok, first.failed) == (4, 4, 0)
    docs = _rows(db, "SELECT path, format, status, pages FROM documents ORDER BY path")
    assert docs == [
        ("000_8b90eb3add7343e1.txt", "txt", "ok", None),
        ("003_2b152081e1318958.txt", "txt", "ok", None),
        ("2021/lagesrapport.pdf", "pdf", "ok", 2),
        ("2021/slutrapport.docx", "docx", "ok", None),
    ]
    counts = [_rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("documents", "sections", "figures", "dates")]
    second = run(folder, db, Options(workers=1, progress=False))
    assert (second.skipped, second.ok) == (4, 0)
    assert [
        _rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("documents", "sections", "figures", "dates")
    ] == counts
    assert _rows(db, "SELECT count(*) FROM runs")[0][0] == 2


def test_the_progress_bar_counts_the_files_read(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    run(folder, tmp_path / "r.db", Options(workers=1, progress=True))
    shown = capsys.readouterr().err
    assert "extracting" in shown
    assert "4file" in shown.replace(" ", "")  # the last state of the bar: four files read
    run(folder, tmp_path / "r.db", Options(workers=1, progress=True))  # nothing to read: no bar at all
    assert "extracting" not in capsys.readouterr().err


def test_bad_files_are_recorded_and_the_run_goes_on(folder: Path, tmp_path: Path) -> None:
    (folder / "tom.docx").write_bytes(b"")
    (folder / "trasig.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    (folder / "anteckning.xyz").write_text("hej")
    db = tmp_path / "r.db"
    summary = run(folder, db, Options(workers=2, progress=False))
    assert (summary.ok, summary.failed) == (4, 3)
    failed = dict(_rows(db, "SELECT path, error FROM documents WHERE status = 'failed'"))
    assert set(failed) == {"tom.docx", "trasig.pdf", "anteckning.xyz"}
    assert all(reason and "\n" not in reason for reason in failed.values())
    assert run(folder, db, Options(workers=2, progress=False)).skipped == 7
    assert _rows(db, "SELECT count(*) FROM documents")[0][0] == 7


def test_changed_file_replaced_and_missing_file_removed(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    run(folder, db, Options(workers=1, progress=False))
    (folder / "000_8b90eb3add7343e1.txt").unlink()
    target = folder / "003_2b152081e1318958.txt"
    target.write_text("Lägesrapport\n\nBakgrund\n\nEtt helt nytt stycke om projektet som har 12 deltagare.\n")
    summary = run(folder, db, Options(workers=1, progress=False))
    assert (summary.ok, summary.removed, summary.skipped) == (1, 1, 2)
    assert [p for (p,) in _rows(db, "SELECT path FROM documents ORDER BY path")][0] == "003_2b152081e1318958.txt"
    headings = _rows(
        db, "SELECT heading FROM sections s JOIN documents d ON d.id = s.document_id WHERE d.path LIKE '003%'"
    )
    assert ("Bakgrund",) in headings and len(headings) == 2
    orphans = _rows(db, "SELECT count(*) FROM sections WHERE document_id NOT IN (SELECT id FROM documents)")
    assert orphans == [(0,)]


def test_one_worker_two_workers_and_recycled_workers_give_the_same_rows(folder: Path, tmp_path: Path) -> None:
    one, two, fresh = tmp_path / "one.db", tmp_path / "two.db", tmp_path / "fresh.db"
    run(folder, one, Options(workers=1, progress=False))
    run(folder, two, Options(workers=2, progress=False))
    run(folder, fresh, Options(workers=2, progress=False, recycle_after=1))
    for table in ("sections", "figures", "dates", "entities"):
        sql = f"SELECT * FROM {table} ORDER BY id"
        assert _rows(one, sql) == _rows(two, sql) == _rows(fresh, sql)


def test_files_read_while_the_models_load_give_the_same_rows(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With two workers, a process of its own reads files while the models load, and the workers extract
    them: the rows are those of a one-worker run, which reads nothing ahead."""
    log = tmp_path / "read.log"
    log_reads(monkeypatch, log)
    load_models_slowly(monkeypatch, log)  # time for the read-ahead to read every file
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    run(folder, one, Options(workers=1, progress=False))
    assert log.read_text().split() == ["loaded"] + ["read"] * 4
    log.unlink()
    run(folder, two, Options(workers=2, progress=False))
    assert log.read_text().split() == ["read"] * 4 + ["loaded"]
    for table in ("documents", "sections", "figures", "dates", "entities"):
        columns = "id, path, status, error, pages, title, period_start, period_end" if table == "documents" else "*"
        sql = f"SELECT {columns} FROM {table} ORDER BY id"
        assert _rows(one, sql) == _rows(two, sql)


def test_discovery_passes_over_what_the_ignore_patterns_name(tmp_path: Path) -> None:
    """A file is ignored when its name or its whole path matches a pattern of `rules/discovery.yml`, or when a
    folder on its way is named by a `folder/*` pattern; a folder whose name only begins the same is not."""
    from pipeline.run import discover

    kept = ["rapport.txt", "2021/lagesrapport.pdf", "golden/rapport.txt", "a/b/slutrapport.docx", "anteckning.md.txt"]
    ignored = [
        "anteckningar.md",
        "a01.gold.json",
        "gold/a01.txt",
        "arkiv/gold/a01.txt",
        ".dold.txt",
        "2021/~$rapport.docx",
        "a/generators/make.txt",
        "__pycache__/x.txt",
        "skript.py",
    ]
    for relpath in kept + ignored:
        (tmp_path / relpath).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relpath).write_text("x", encoding="utf-8")
    assert sorted(relpath for _, relpath in discover(tmp_path)) == sorted(kept)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_common_readers_are_imported_once_before_any_file_is_read(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """The read-ahead and the workers are forked from the process that imports the PDF, Word and text readers,
    so none of them imports its own."""
    from pipeline import readers

    original_load = readers.load_common
    log = tmp_path / "order.log"

    def logged_load() -> None:
        log_line(log, "common")
        original_load()

    log_reads(monkeypatch, log)
    monkeypatch.setattr(readers, "load_common", logged_load)
    run(folder, tmp_path / "r.db", Options(workers=workers, progress=False))
    first, *rest = log.read_text().split()
    # a file the read-ahead was still reading when the models were loaded is read again by a worker
    assert first == "common" and set(rest) == {"read"} and len(rest) >= 4


@pytest.mark.parametrize("descriptors", [True, False], ids=["pidfd", "polling"])
def test_a_child_is_waited_for_and_killed_once_it_overruns(monkeypatch: pytest.MonkeyPatch, descriptors: bool) -> None:
    """`_reap` gives a child's exit code as soon as it ends, kills one that runs past the time allowed, and gives
    None for a process it has already waited for; with or without process file descriptors."""
    import signal
    import time

    from pipeline.run import _fork, _reap

    if not descriptors:
        monkeypatch.delattr("os.pidfd_open", raising=False)
    assert _reap(_fork(lambda: None), 5) == 0
    assert _reap(_fork(lambda: 1 / 0), 5) == 1
    started = time.monotonic()
    sleeper = _fork(lambda: time.sleep(30))
    assert _reap(sleeper, 0.3) == -signal.SIGKILL
    assert 0.3 <= time.monotonic() - started < 5
    assert _reap(sleeper, 5) is None


def test_a_reader_that_cannot_be_imported_ahead_of_time_is_left_to_the_workers(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process the workers are forked from imports the readers early; if that fails (a library missing or
    broken), it goes on without them and the workers import what they need, failing only files they cannot read."""
    from pipeline import readers

    def broken() -> None:
        raise ImportError("no module named 'docx'")

    monkeypatch.setattr(readers, "load_common", broken)
    summary = run(folder, tmp_path / "r.db", Options(workers=2, progress=False))
    assert (summary.ok, summary.failed) == (4, 0)


def test_a_worker_frees_what_its_word_files_leave_behind(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx leaves each package as a cycle of objects holding its XML trees; a worker collects them after
    every `COLLECT_EVERY` files, so its memory does not grow with the files it reads."""
    import faulthandler
    import gc

    from docx.package import Package

    from pipeline import run as run_module
    from pipeline.readers import pdf

    class Conn:
        def __init__(self, tasks: list) -> None:
            self.tasks, self.sent = tasks, []

        def recv(self) -> object:
            return self.tasks.pop(0) if self.tasks else None

        def send(self, result: object) -> None:
            self.sent.append(result)

    def packages() -> int:
        return sum(isinstance(o, Package) for o in gc.get_objects())

    path = str(folder / "2021" / "slutrapport.docx")
    monkeypatch.setattr(pdf, "MAX_PAGES", pdf.MAX_PAGES)
    was_enabled = faulthandler.is_enabled()
    gc.collect()
    gc.disable()  # only the worker's own collections count
    try:
        files = run_module.COLLECT_EVERY
        conn = Conn([("a.docx", path, 0.0)] * (files - 1))
        run_module._serve(conn, 0, pdf.MAX_PAGES)
        assert packages() == files - 1  # left behind: no collection yet
        conn = Conn([("a.docx", path, 0.0)] * files)
        run_module._serve(conn, 0, pdf.MAX_PAGES)
        assert [r.status for r in conn.sent] == ["ok"] * files
        assert packages() == 0
    finally:
        gc.enable()
        if was_enabled:
            faulthandler.enable()


def test_fts_keeps_swedish_letters_apart(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    run(folder, db, Options(workers=1, progress=False))
    hits = _rows(db, "SELECT count(*) FROM sections_fts WHERE sections_fts MATCH 'träff'")[0][0]
    assert hits > 0
    assert _rows(db, "SELECT count(*) FROM sections_fts WHERE sections_fts MATCH 'traff'")[0][0] == 0


def test_no_such_folder(tmp_path: Path) -> None:
    with pytest.raises(RunError, match="no such folder"):
        run(tmp_path / "saknas", tmp_path / "r.db")


def test_cli_exit_codes(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(folder), "--db", str(db), "--workers", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "files 4, ok 4, failed 0" in done.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(tmp_path / "nope"), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2 and "no such folder" in missing.stderr


def test_models_load_outside_the_writing_process(folder: Path, tmp_path: Path) -> None:
    """spaCy and the rules load in the process the workers are forked from, not in the one that writes; that one
    makes the tables with sqlite-utils without loading pandas and numpy, which stay importable, and imports tqdm
    only for a progress bar."""
    script = (
        "import sys; from pathlib import Path; from pipeline.run import Options, run; "
        f"s = run(Path({str(folder)!r}), Path({str(tmp_path / 'r.db')!r}), Options(workers=2, progress=False)); "
        "print(s.ok, *(name in sys.modules for name in ('spacy', 'pandas', 'numpy', 'sqlite_utils', 'tqdm'))); "
        "import pandas, numpy; print(pandas.DataFrame({'a': numpy.arange(3)}).a.sum())"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["4", "False", "False", "False", "True", "False", "3"]


def test_an_unchanged_rerun_records_itself_without_sqlite_utils(folder: Path, tmp_path: Path) -> None:
    """A re-run that finds nothing new adds its row to `runs` with one statement: it loads neither sqlite-utils
    nor the models, and the row says what it skipped."""
    db = tmp_path / "r.db"
    run(folder, db, Options(workers=1, progress=False))
    script = (
        "import sys; from pathlib import Path; from pipeline.run import Options, run; "
        f"s = run(Path({str(folder)!r}), Path({str(db)!r}), Options(workers=2, progress=False)); "
        "print(s.skipped, *(name in sys.modules for name in ('sqlite_utils', 'spacy')))"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["4", "False", "False"]
    assert _rows(db, "SELECT files, ok, skipped FROM runs ORDER BY id") == [(4, 4, 0), (4, 0, 4)]


def test_a_rerun_on_an_older_database_brings_its_runs_table_up_to_date(folder: Path, tmp_path: Path) -> None:
    """A database from a version whose `runs` table lacked a column: the re-run adds the column, then its row."""
    db = tmp_path / "r.db"
    run(folder, db, Options(workers=1, progress=False))
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE runs DROP COLUMN removed")
    assert run(folder, db, Options(workers=1, progress=False)).skipped == 4
    assert _rows(db, "SELECT skipped, removed FROM runs ORDER BY id") == [(0, None), (4, 0)]


def test_a_batch_of_documents_is_written_whole_or_not_at_all(folder: Path, tmp_path: Path) -> None:
    import copy

    from pipeline.process import process
    from pipeline.store import Store

    db = tmp_path / "r.db"
    run(folder, db, Options(workers=1, progress=False))
    before = _rows(db, "SELECT id, status, title FROM documents ORDER BY id")
    good = process(folder / "2021" / "lagesrapport.pdf", "ny.pdf")
    broken = copy.deepcopy(good)
    broken.path = "trasig.pdf"
    for rows in broken.figures:
        for row in rows:
            row["value"] = object()  # SQLite cannot store it: the insert fails after the first document's rows are in
    assert any(broken.figures)
    store = Store(db)
    with pytest.raises(sqlite3.Error):
        store.write_many([(good, "h", 1, 1, "v"), (broken, "h", 1, 1, "v")])
    store.close()
    assert _rows(db, "SELECT id, status, title FROM documents ORDER BY id") == before


def test_batches_and_queued_files_lose_nothing(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents written one by one and in batches, by workers holding one or two files, give the same rows."""
    from pipeline import run as run_module

    batched = tmp_path / "batched.db"
    run(folder, batched, Options(workers=2, progress=False))
    monkeypatch.setattr(run_module, "BATCH_DOCUMENTS", 1)
    monkeypatch.setattr(run_module, "QUEUED_PER_WORKER", 1)
    single = tmp_path / "single.db"
    run(folder, single, Options(workers=1, progress=False))
    for table in ("documents", "sections", "figures", "dates", "entities"):
        columns = "id, status, title" if table == "documents" else "*"
        sql = f"SELECT {columns} FROM {table} ORDER BY id"
        assert _rows(batched, sql) == _rows(single, sql)


def test_the_last_files_are_written_as_they_come(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once every file is handed out, each result is written at once: the run does not end with a whole batch."""
    from pipeline.store import Store

    write_many = Store.write_many
    sizes: list[int] = []

    def counting(store: Store, items: list) -> None:
        sizes.append(len(items))
        write_many(store, items)

    monkeypatch.setattr(Store, "write_many", counting)
    summary = run(folder, tmp_path / "r.db", Options(workers=1, progress=False))
    assert sum(sizes) == summary.files == 4
    assert sizes[-1] == 1  # the last file, alone
    assert len(sizes) >= 2  # and the one before it in a write of its own, or with those before


def test_broken_rules_stop_the_run_with_one_clear_line(folder: Path, tmp_path: Path) -> None:
    import os

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    with (rules / "entities.yml").open("a", encoding="utf-8") as handle:
        handle.write("patterns: [\n  - trasig\n")
    db = tmp_path / "r.db"
    command = [sys.executable, "-m", "pipeline", "extract", str(folder), "--db", str(db), "--workers", "2"]
    broken = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "RAPPORTEXTRAKT_RULES": str(rules)},
    )
    assert broken.returncode == 2
    lines = broken.stderr.strip().splitlines()
    assert (
        len(lines) == 1
        and lines[0].startswith("error: the rules or models cannot be loaded:")
        and "entities.yml" in lines[0]
    )
    fixed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    assert "ok 4, failed 0" in fixed.stdout


def test_a_slow_or_failing_writer_loses_nothing_and_stops_the_run(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database is written in a thread of its own: a slow writer holds nothing back that is lost, and an
    error in a write stops the run with that error, keeping the batches written before it."""
    import time

    from pipeline import run as run_module
    from pipeline.store import Store

    reference = tmp_path / "reference.db"
    run(folder, reference, Options(workers=1, progress=False))
    monkeypatch.setattr(run_module, "BATCH_DOCUMENTS", 1)
    write_many = Store.write_many
    calls: list[int] = []

    def slow(store: Store, items: list) -> None:
        time.sleep(0.05)
        calls.append(len(items))
        write_many(store, items)

    monkeypatch.setattr(Store, "write_many", slow)
    db = tmp_path / "slow.db"
    run(folder, db, Options(workers=2, progress=False))
    assert len(calls) == len(_rows(reference, "SELECT id FROM documents"))
    for table in ("documents", "sections", "figures", "dates", "entities"):
        columns = "id, status, title" if table == "documents" else "*"
        sql = f"SELECT {columns} FROM {table} ORDER BY id"
        assert _rows(db, sql) == _rows(reference, sql)

    def failing(store: Store, items: list) -> None:
        if calls[-1] < 0:
            raise sqlite3.OperationalError("database or disk is full")
        calls.append(-1)
        write_many(store, items)

    monkeypatch.setattr(Store, "write_many", failing)
    failed = tmp_path / "failed.db"
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        run(folder, failed, Options(workers=1, progress=False))
    assert _rows(failed, "SELECT count(*) FROM documents") == [(1,)]
