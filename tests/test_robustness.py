"""Damaged input, hangs, crashes, kills and concurrent runs never lose or corrupt data.

Each test builds its damaged files beside good ones and checks the recorded
status and reason, the run's exit, and that the good files were extracted in full.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pipeline import readers
from pipeline.run import Options, RunError, run
from tests.builders import encrypted_pdf, report_docx, report_pdf
from tests.conftest import ROOT, load_models_slowly, log_line

GOOD = {"lagesrapport.pdf", "slutrapport.docx", "rapport.txt"}
TEXT = "Lägesrapport\n\nBakgrund\n\nUnder våren deltog 14 personer i projektet Jobbsteget i Gävle kommun.\n"


def _good(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    report_pdf(folder / "lagesrapport.pdf")
    report_docx(folder / "slutrapport.docx")
    (folder / "rapport.txt").write_text(TEXT, encoding="utf-8")
    return folder


def _rows(db: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _status(db: Path) -> dict[str, tuple[str, str | None]]:
    return {path: (status, error) for path, status, error in _rows(db, "SELECT path, status, error FROM documents")}


def _assert_good_files_whole(db: Path) -> None:
    status = _status(db)
    for name in GOOD:
        assert status[name] == ("ok", None), status[name]
    sections = dict(
        _rows(db, "SELECT d.path, count(*) FROM sections s JOIN documents d ON d.id = s.document_id GROUP BY d.path")
    )
    assert sections["lagesrapport.pdf"] == 3 and sections["slutrapport.docx"] == 4 and sections["rapport.txt"] == 2


def _opts(**kwargs: object) -> Options:
    return Options(workers=kwargs.pop("workers", 2), progress=False, **kwargs)  # type: ignore[arg-type]


# --- damaged files -----------------------------------------------------------------------------------------------


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            block = b"\0" * (1 << 20)
            for _ in range(260):
                entry.write(block)


def _encrypted_docx(path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(report_docx(path.with_name("plain.docx")).read_bytes())
    path.with_name("plain.docx").unlink()
    with path.open("wb") as out:
        OOXMLFile(plain).encrypt("hemligt", out)


def _many_pages(path: Path, pages: int) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        pdf.cell(0, 10, f"Page {number}")
    pdf.output(str(path))


def test_damaged_inputs_are_recorded_and_good_files_extracted(tmp_path: Path) -> None:
    folder = _good(tmp_path / "in")
    (folder / "tom.txt").write_bytes(b"")
    (folder / "tom.pdf").write_bytes(b"")
    shutil.copy(folder / "lagesrapport.pdf", folder / "egentligen-pdf.docx")
    encrypted_pdf(folder / "krypterad.pdf")
    _encrypted_docx(folder / "krypterad.docx")
    _zip_bomb(folder / "bomb.docx")
    _many_pages(folder / "tjock.pdf", 12)
    (folder / "utf16.txt").write_bytes(TEXT.encode("utf-16"))
    (folder / "trasig.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    (folder / "inte-zip.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (folder / "okand.xyz").write_text("hej")
    db = tmp_path / "r.db"
    summary = run(folder, db, _opts(max_pages=10))
    status = _status(db)
    expected = {
        "tom.txt": "empty",
        "tom.pdf": "empty",
        "krypterad.pdf": "encrypted",
        "krypterad.docx": "encrypted",
        "bomb.docx": "zip bomb",
        "tjock.pdf": "12 pages, more than the limit of 10",
        "trasig.pdf": "damaged",
        "inte-zip.docx": "not a valid",
        "okand.xyz": "unsupported file type",
    }
    for name, reason in expected.items():
        assert status[name][0] == "failed", (name, status[name])
        assert reason in status[name][1], (name, status[name])
        assert "\n" not in status[name][1]
    assert status["egentligen-pdf.docx"] == ("ok", None)
    assert _rows(db, "SELECT format FROM documents WHERE path = 'egentligen-pdf.docx'") == [("pdf",)]
    assert status["utf16.txt"] == ("ok", None)
    _assert_good_files_whole(db)
    assert (summary.ok, summary.failed) == (5, len(expected))


def test_symlink_loop_and_special_files(tmp_path: Path) -> None:
    folder = _good(tmp_path / "in")
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "sub" / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(folder / "ror.txt")
    db = tmp_path / "r.db"
    summary = run(folder, db, _opts())
    status = _status(db)
    assert status["ror.txt"][0] == "failed" and "not a regular file" in status["ror.txt"][1]
    assert not any(path.startswith("sub/loop") for path in status)
    assert summary.files == 4
    _assert_good_files_whole(db)


def test_unreadable_and_vanishing_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import run as run_module

    folder = _good(tmp_path / "in")
    (folder / "last.txt").write_text(TEXT)
    (folder / "borta.txt").write_text(TEXT)
    hash_file = run_module.content_hash

    def guarded(path: str) -> str:
        if Path(path).name == "last.txt":
            raise PermissionError(13, "Permission denied")
        if Path(path).name == "borta.txt":
            Path(path).unlink()
            raise FileNotFoundError(2, "No such file or directory")
        return hash_file(path)

    monkeypatch.setattr(run_module, "content_hash", guarded)
    db = tmp_path / "r.db"
    run(folder, db, _opts(workers=1))
    status = _status(db)
    assert status["last.txt"] == ("failed", "permission denied")
    assert status["borta.txt"][0] == "failed" and "cannot open" in status["borta.txt"][1]
    _assert_good_files_whole(db)


def test_file_changed_while_read_is_failed_then_read_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.readers import txt

    folder = _good(tmp_path / "in")
    target = folder / "andras.txt"
    target.write_text(TEXT)
    original = txt.read

    def rewrite_while_reading(path: Path):
        if path.name == "andras.txt":
            path.write_text(TEXT + "\nEtt tillägg som skrevs under läsningen.\n")
        return original(path)

    monkeypatch.setattr(txt, "read", rewrite_while_reading)
    db = tmp_path / "r.db"
    run(folder, db, _opts(workers=1))
    assert "changed while it was being read" in _status(db)["andras.txt"][1]
    monkeypatch.setattr(txt, "read", original)
    run(folder, db, _opts(workers=1))
    assert _status(db)["andras.txt"] == ("ok", None)


# --- hangs, memory and crashes inside a worker --------------------------------------------------------------------


def test_hang_memory_and_crash_cost_one_file_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.readers import txt

    folder = _good(tmp_path / "in")
    for name in ("hanger.txt", "glufs.txt", "krasch.txt"):
        (folder / name).write_text(TEXT)
    original = txt.read

    def misbehave(path: Path):
        if path.name == "hanger.txt":
            time.sleep(600)
        if path.name == "glufs.txt":
            hog = bytearray(8 * 1024**3)
            return hog
        if path.name == "krasch.txt":
            os.kill(os.getpid(), signal.SIGSEGV)
        return original(path)

    monkeypatch.setattr(txt, "read", misbehave)
    db = tmp_path / "r.db"
    started = time.monotonic()
    summary = run(folder, db, _opts(timeout=3, memory_mb=2048))
    assert time.monotonic() - started < 60
    status = _status(db)
    assert "longer than the limit of 3 s" in status["hanger.txt"][1]
    assert "memory" in status["glufs.txt"][1]
    assert "crashed" in status["krasch.txt"][1]
    assert (summary.ok, summary.failed) == (3, 3)
    _assert_good_files_whole(db)


@pytest.mark.parametrize("trouble", ["krasch", "hanger"])
def test_a_crash_or_hang_while_reading_ahead_costs_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trouble: str
) -> None:
    """With two workers, files are read ahead while the models load; a file that crashes or hangs that reader
    goes to a worker, and fails there as it would have without reading ahead."""
    from pipeline.readers import txt

    folder = _good(tmp_path / "in")
    (folder / f"{trouble}.txt").write_text(TEXT)  # sorted before the good files: the first one read ahead
    original = txt.read
    log = tmp_path / "read.log"

    def misbehave(path: Path):
        log_line(log, path.name)
        if path.name == "krasch.txt":
            os.kill(os.getpid(), signal.SIGSEGV)
        if path.name == "hanger.txt":
            time.sleep(600)
        return original(path)

    monkeypatch.setattr(txt, "read", misbehave)
    load_models_slowly(monkeypatch, log)  # the read-ahead reaches the file before the models are loaded
    db = tmp_path / "r.db"
    summary = run(folder, db, _opts(timeout=3))
    reason = _status(db)[f"{trouble}.txt"][1]
    assert ("crashed" if trouble == "krasch" else "longer than the limit of 3 s") in reason
    assert (summary.ok, summary.failed) == (3, 1)
    _assert_good_files_whole(db)
    reads = log.read_text().splitlines()
    loaded = reads.index("loaded")
    assert reads[0] == f"{trouble}.txt"  # read ahead while the models loaded
    assert f"{trouble}.txt" in reads[loaded:]  # and then by a worker


# --- kill -9 and concurrent runs ----------------------------------------------------------------------------------


def _dump(db: Path) -> dict[str, list[tuple]]:
    tables = {
        "documents": "SELECT id, path, status, error, title, report_type, project_name, period_start, period_end, "
        "report_date, pages, content_hash FROM documents ORDER BY id",
        "sections": "SELECT * FROM sections ORDER BY id",
        "figures": "SELECT * FROM figures ORDER BY id",
        "dates": "SELECT * FROM dates ORDER BY id",
        "entities": "SELECT * FROM entities ORDER BY id",
    }
    return {name: _rows(db, sql) for name, sql in tables.items()}


def _archive(folder: Path, copies: int) -> Path:
    _good(folder / "base")
    for number in range(copies):
        shutil.copytree(folder / "base", folder / f"kopia{number:02d}")
    return folder


def _extract_command(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", str(folder), "--db", str(db), "--workers", "1"]


@pytest.mark.parametrize("kill_after", [1, 7, 15])
def test_sigkill_mid_run_then_clean_run_equals_uninterrupted(tmp_path: Path, kill_after: int) -> None:
    folder = _archive(tmp_path / "in", 7)
    reference = tmp_path / "reference.db"
    run(folder, reference, _opts(workers=1))
    db = tmp_path / "killed.db"
    process = subprocess.Popen(_extract_command(folder, db), cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            done = _rows(db, "SELECT count(*) FROM documents")[0][0]
        except sqlite3.Error:
            done = 0
        if done >= kill_after:
            break
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    partial = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    orphans = conn.execute("SELECT count(*) FROM sections WHERE document_id NOT IN (SELECT id FROM documents)")
    assert orphans.fetchone() == (0,)
    conn.close()
    assert partial >= min(kill_after, 24)
    run(folder, db, _opts(workers=1))
    assert _dump(db) == _dump(reference)


def test_second_concurrent_run_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    folder = _archive(tmp_path / "in", 3)
    db = tmp_path / "r.db"
    from pipeline.run import _Lock

    with _Lock(db):
        with pytest.raises(RunError, match="another extraction is writing"):
            run(folder, db, _opts())
        second = subprocess.run(_extract_command(folder, db), cwd=ROOT, capture_output=True, text=True, check=False)
    assert second.returncode == 2 and "another extraction is writing" in second.stderr
    run(folder, db, _opts())
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(db, "SELECT count(*) FROM documents WHERE status = 'ok'") == [(12,)]


def test_unwritable_database_is_a_run_error(tmp_path: Path) -> None:
    folder = _good(tmp_path / "in")
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    with pytest.raises(RunError, match="cannot write the database"):
        run(folder, blocker / "r.db", _opts())


def test_readers_never_raise_anything_but_read_error(tmp_path: Path) -> None:
    """Random bytes under every extension give a ReadError (or a document), never another exception."""
    import random

    rng = random.Random(7)
    for extension in readers.EXTENSIONS:
        if extension in (".doc", ".rtf"):
            continue  # LibreOffice conversions are tested with the legacy readers
        for number in range(5):
            path = tmp_path / f"slump{number}{extension}"
            path.write_bytes(bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 3000))))
            with contextlib.suppress(readers.ReadError):
                readers.read(path)


def test_corrupt_and_hanging_doc_fail_within_the_timeout_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.readers import legacy

    folder = _good(tmp_path / "in")
    (folder / "trasig.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4000))
    shutil.copy(ROOT / "corpus" / "reports" / "b02_lagesrapport_jobbvagen_2021.doc", folder / "hanger.doc")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "soffice").write_text("#!/bin/sh\nsleep 120\n")
    (fake / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(legacy, "TIMEOUT", 2.0)
    started = time.monotonic()
    summary = run(folder, tmp_path / "r.db", _opts())
    assert time.monotonic() - started < 60
    status = _status(tmp_path / "r.db")
    assert status["trasig.doc"][0] == "failed" and status["trasig.doc"][1]
    assert status["hanger.doc"] == ("failed", "LibreOffice did not finish within 2 s")
    assert (summary.ok, summary.failed) == (3, 2)
    _assert_good_files_whole(tmp_path / "r.db")
