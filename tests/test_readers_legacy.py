"""ODT, RTF and .doc readers: structure kept, damaged files and LibreOffice failures as ReadError."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, List, ListItem, Note, NoteBody, NoteCitation, P, Span

from pipeline.model import ReadError
from pipeline.readers import legacy, odt, read

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
)

RTF = r"""{\rtf1\ansi\ansicpg1252\deff0
{\fonttbl{\f0 Times New Roman;}}
{\stylesheet{\s0 Normal;}{\s1\b\fs32 heading 1;}{\s2\b\fs28 heading 2;}}
{\pard\s1\b\fs32 L\'e4gesrapport f\'f6r Steget vidare\par}
{\pard\plain Deltagarna i V\'e4xj\'f6 var n\'f6jda med \'e5tg\'e4rderna.\par}
{\pard\s2\b\fs28 Deltagare\par}
\trowd\cellx3000\cellx6000
\intbl Kvinnor\cell 14\cell\row
\trowd\cellx3000\cellx6000
\intbl M\'e4n\cell 9\cell\row
\pard\plain Totalt 23 personer.\par
}
"""


# ODT ---------------------------------------------------------------------------------------


def _odt(path: Path) -> Path:
    document = OpenDocumentText()
    heading1 = Style(name="Heading_20_1", displayname="Heading 1", family="paragraph", defaultoutlinelevel="1")
    heading1.addElement(TextProperties(fontsize="16pt", fontweight="bold"))
    heading2 = Style(name="Heading_20_2", displayname="Heading 2", family="paragraph", defaultoutlinelevel="2")
    document.styles.addElement(heading1)
    document.styles.addElement(heading2)
    bold = Style(name="T1", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    body = document.text
    body.addElement(H(outlinelevel=1, stylename=heading1, text="Lägesrapport för Steget vidare"))
    paragraph = P(text="Deltagarna i Växjö var nöjda med åtgärderna.")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    note_body = NoteBody()
    note_body.addElement(P(text="Enligt enkäten i maj."))
    note.addElement(note_body)
    paragraph.addElement(note)
    paragraph.addText(" Alla svarade.")
    body.addElement(paragraph)
    body.addElement(H(outlinelevel=2, stylename=heading2, text="Deltagare"))
    emphasis = P()
    emphasis.addElement(Span(stylename=bold, text="Viktigt att veta"))
    body.addElement(emphasis)
    items = List()
    for text in ("Kartläggning", "Praktik"):
        item = ListItem()
        item.addElement(P(text=text))
        items.addElement(item)
    body.addElement(items)
    table = Table(name="Deltagare")
    table.addElement(TableColumn(numbercolumnsrepeated=3))
    for cells in (["", "Planerat", "Utfall"], ["Kvinnor", "20", "14"], ["Män", "20", "9"]):
        row = TableRow()
        for text in cells:
            cell = TableCell()
            if text:
                cell.addElement(P(text=text))
            row.addElement(cell)
        table.addElement(row)
    body.addElement(table)
    body.addElement(P(text="Totalt 23 personer."))
    document.save(str(path))
    return path


def test_odt_headings_lists_table_and_footnote(tmp_path: Path) -> None:
    document = read(_odt(tmp_path / "rapport.odt"))
    assert document.format == "odt"
    assert document.pages is None
    assert [(b.kind, b.level, b.text) for b in document.blocks if b.kind == "heading"] == [
        ("heading", 1, "Lägesrapport för Steget vidare"),
        ("heading", 2, "Deltagare"),
    ]
    texts = [b.text for b in document.blocks]
    # the footnote does not interrupt its sentence but follows as its own block
    sentence = "Deltagarna i Växjö var nöjda med åtgärderna. Alla svarade."
    assert texts.index("Enligt enkäten i maj.") == texts.index(sentence) + 1
    assert [b.text for b in document.blocks if b.kind == "list_item"] == ["Kartläggning", "Praktik"]
    assert next(b for b in document.blocks if b.text == "Viktigt att veta").bold
    table = next(b for b in document.blocks if b.kind == "table")
    assert table.rows == [["", "Planerat", "Utfall"], ["Kvinnor", "20", "14"], ["Män", "20", "9"]]
    assert table.text == "\tPlanerat\tUtfall\nKvinnor\t20\t14\nMän\t20\t9"
    assert texts[-1] == "Totalt 23 personer."
    assert all(b.page is None for b in document.blocks)


def test_odt_heading_style_on_plain_paragraph(tmp_path: Path) -> None:
    document = OpenDocumentText()
    heading = Style(name="Heading_20_2", displayname="Heading 2", family="paragraph", defaultoutlinelevel="2")
    document.styles.addElement(heading)
    automatic = Style(name="P1", family="paragraph", parentstylename="Heading_20_2")
    document.automaticstyles.addElement(automatic)
    document.text.addElement(P(stylename=automatic, text="Resultat"))
    document.text.addElement(P(text="Nio gick till arbete."))
    document.save(str(tmp_path / "stil.odt"))
    blocks = read(tmp_path / "stil.odt").blocks
    assert (blocks[0].kind, blocks[0].level, blocks[0].style) == ("heading", 2, "Heading 2")
    assert blocks[1].kind == "paragraph"


def _rewrite(source: Path, target: Path, part: str, change) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == part:
                data = change(data)
                if data is None:
                    continue
            copy.writestr(info, data)
    return target


@pytest.mark.parametrize(
    ("part", "change", "reason"),
    [
        ("content.xml", lambda data: data[: len(data) // 2], "damaged .content.xml is not valid XML"),
        ("content.xml", lambda data: None, "incomplete .it has no content.xml"),
        (
            "META-INF/manifest.xml",
            lambda data: data.replace(b"<manifest:file-entry", b"<manifest:encryption-data/><manifest:file-entry", 1),
            "encrypted",
        ),
    ],
)
def test_damaged_odt_is_a_one_line_read_error(tmp_path: Path, part: str, change, reason: str, capsys) -> None:
    broken = _rewrite(_odt(tmp_path / "hel.odt"), tmp_path / "trasig.odt", part, change)
    with pytest.raises(ReadError, match=reason) as caught:
        odt.read(broken)  # the reader itself: dispatch refuses a zip without content.xml before it
    assert "\n" not in str(caught.value)
    assert capsys.readouterr().out == ""


# RTF -----------------------------------------------------------------------------------------


@needs_soffice
def test_rtf_keeps_swedish_letters_headings_and_table(tmp_path: Path) -> None:
    path = tmp_path / "rapport.rtf"
    path.write_text(RTF, encoding="ascii")
    document = read(path)
    assert document.format == "rtf"
    assert document.path == str(path)
    headings = [(b.text, b.level) for b in document.blocks if b.kind == "heading"]
    assert headings == [("Lägesrapport för Steget vidare", 1), ("Deltagare", 2)]
    assert "Deltagarna i Växjö var nöjda med åtgärderna." in [b.text for b in document.blocks]
    table = next(b for b in document.blocks if b.kind == "table")
    assert table.rows == [["Kvinnor", "14"], ["Män", "9"]]


# .doc ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def word97(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Word 97–2003 .doc made from a python-docx document by LibreOffice."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    import docx

    folder = tmp_path_factory.mktemp("doc")
    document = docx.Document()
    document.add_heading("Slutrapport för Framtidsverkstan", 1)
    document.add_paragraph("Projektet har nått fler deltagare än väntat i Östersund och Åre.")
    document.add_heading("Resultat", 2)
    table = document.add_table(rows=2, cols=2)
    for r, cells in enumerate((["Kvinnor", "31"], ["Män", "27"])):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.add_paragraph("Totalt 58 deltagare.")  # Word wants a paragraph after a table
    document.save(str(folder / "rapport.docx"))
    profile = folder / "profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "doc:MS Word 97",
            "--outdir",
            str(folder),
            str(folder / "rapport.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    shutil.rmtree(profile, ignore_errors=True)
    return folder / "rapport.doc"


def test_doc_converted_keeps_headings_and_table(word97: Path, tmp_path: Path) -> None:
    path = tmp_path / "Lägesrapport 2021 (slutversion).doc"  # an awkward name is no problem
    shutil.copyfile(word97, path)
    document = read(path)
    assert document.format == "doc"
    assert document.path == str(path)
    assert [(b.text, b.level) for b in document.blocks if b.kind == "heading"] == [
        ("Slutrapport för Framtidsverkstan", 1),
        ("Resultat", 2),
    ]
    assert "Projektet har nått fler deltagare än väntat i Östersund och Åre." in [b.text for b in document.blocks]
    table = next(b for b in document.blocks if b.kind == "table")
    assert table.rows == [["Kvinnor", "31"], ["Män", "27"]]
    assert document.blocks[-1].text == "Totalt 58 deltagare."


def _rename_stream(data: bytes, old: str, new: str) -> bytes:
    changed = bytearray(data)
    at = data.index(old.encode("utf-16-le"))
    changed[at : at + 64] = new.encode("utf-16-le").ljust(64, b"\0")
    struct.pack_into("<H", changed, at + 64, 2 * len(new) + 2)
    return bytes(changed)


def test_doc_that_is_a_spreadsheet_is_refused_without_libreoffice(word97: Path, tmp_path: Path) -> None:
    path = tmp_path / "budget.doc"
    path.write_bytes(_rename_stream(word97.read_bytes(), "WordDocument", "Workbook"))
    with pytest.raises(ReadError, match="not a Word document.*Excel"):
        read(path)


def test_encrypted_doc_is_reported_as_password_protected(word97: Path, tmp_path: Path) -> None:
    data = bytearray(word97.read_bytes())
    at = data.index("WordDocument".encode("utf-16-le"))
    (start,) = struct.unpack_from("<I", data, at + 116)
    fib = (start + 1) * 512  # the stream's first sector (LibreOffice writes 512-byte sectors)
    assert struct.unpack_from("<H", data, fib)[0] == 0xA5EC
    data[fib + 11] |= 0x01  # fEncrypted
    path = tmp_path / "hemlig.doc"
    path.write_bytes(bytes(data))
    with pytest.raises(ReadError, match="password"):
        read(path)


def test_corrupt_doc_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "trasig.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(6000))
    with pytest.raises(ReadError, match="damaged") as caught:
        read(path)
    assert "\n" not in str(caught.value) and "Traceback" not in str(caught.value)


@needs_soffice
def test_truncated_doc_that_libreoffice_refuses_is_a_read_error(word97: Path, tmp_path: Path) -> None:
    path = tmp_path / "avbruten.doc"
    path.write_bytes(word97.read_bytes()[:4096])
    with pytest.raises(ReadError, match="damaged"):
        read(path)


# LibreOffice missing, hanging, failing ----------------------------------------------------------


def _fake_soffice(folder: Path, script: str) -> Path:
    folder.mkdir(exist_ok=True)
    fake = folder / "soffice"
    fake.write_text("#!/bin/sh\n" + script)
    fake.chmod(0o755)
    return folder


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def test_libreoffice_hang_is_killed_after_the_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pidfile = tmp_path / "child.pid"
    bin_dir = _fake_soffice(tmp_path / "bin", f'sleep 60 &\necho $! > "{pidfile}"\nwait\n')
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(legacy, "TIMEOUT", 1.0)
    path = tmp_path / "rapport.rtf"
    path.write_text(RTF, encoding="ascii")
    started = time.monotonic()
    with pytest.raises(ReadError, match=r"LibreOffice did not finish within 1 s"):
        read(path)
    assert time.monotonic() - started < 8
    child = int(pidfile.read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "the process LibreOffice started was left running"


def test_timeout_can_be_given_per_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = _fake_soffice(tmp_path / "bin", "sleep 60\n")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    path = tmp_path / "rapport.rtf"
    path.write_text(RTF, encoding="ascii")
    with pytest.raises(ReadError, match=r"within 0\.2 s"):
        legacy.read(path, timeout=0.2)


def test_libreoffice_failure_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = _fake_soffice(tmp_path / "bin", 'echo "Error: something broke inside" >&2\nexit 81\n')
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    path = tmp_path / "rapport.rtf"
    path.write_text(RTF, encoding="ascii")
    with pytest.raises(ReadError, match=r"^LibreOffice could not convert the file \(Error: something broke inside\)$"):
        read(path)


def test_missing_libreoffice_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    path = tmp_path / "rapport.rtf"
    path.write_text(RTF, encoding="ascii")
    with pytest.raises(ReadError, match=r"apt-get install libreoffice-writer-nogui"):
        read(path)
