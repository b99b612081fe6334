"""Readers: each format into the same Document of blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.model import ReadError
from pipeline.readers import read
from pipeline.sections import split
from tests.builders import encrypted_pdf, report_docx, report_pdf

SWEDISH = "Deltagarna i Västerås och Örebro träffades på Åsa Öbergs kontor.\n\nSedan dess har 12 personer fått arbete."


@pytest.mark.parametrize(
    "encoding,prefix",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("latin-1", b""), ("utf-16", b"")],
)
def test_txt_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "rapport.txt"
    path.write_bytes(prefix + SWEDISH.encode(encoding))
    document = read(path)
    assert document.format == "txt"
    assert [b.text for b in document.blocks] == SWEDISH.split("\n\n")


def test_txt_line_ends_and_hard_wrapping(tmp_path: Path) -> None:
    text = (
        "Bakgrund\r\n\r\nProjektet har under året arbetat med personer som står långt från\r\n"
        "arbetsmarknaden i Västerås och i Sala kommun, tillsammans med\r\nArbetsförmedlingen.\r\n"
    )
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("cp1252"))
    sections = split(clean(read(path)))
    assert sections[0].heading == "Bakgrund"
    assert sections[0].text == (
        "Projektet har under året arbetat med personer som står långt från arbetsmarknaden i Västerås "
        "och i Sala kommun, tillsammans med Arbetsförmedlingen."
    )


def test_txt_old_mac_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "cr.txt"
    path.write_bytes("Rubrik\r\rEn mening om projektet som är tillräckligt lång för att vara brödtext.\r".encode())
    assert [b.text for b in read(path).blocks][0] == "Rubrik"


def test_pdf_furniture_hyphenation_headings_and_table(tmp_path: Path) -> None:
    document = read(report_pdf(tmp_path / "rapport.pdf"))
    assert document.pages == 2
    furniture = [b.text for b in document.blocks if b.furniture]
    assert "Sida 1 av 2" in furniture and "Sida 2 av 2" in furniture
    assert sum("Lägesrapport Vägen vidare" in t for t in furniture) == 2
    headings = [(b.text, b.level) for b in document.blocks if b.kind == "heading"]
    assert headings == [("Bakgrund", 1), ("Deltagare", 2), ("Resultat", 1)]
    tables = [b for b in document.blocks if b.kind == "table"]
    assert tables[0].rows == [
        ["", "Planerat", "Utfall"],
        ["Kvinnor", "20", "14"],
        ["Män", "20", "9"],
        ["Totalt", "40", "23"],
    ]
    assert tables[0].page == 1

    sections = split(clean(document))
    body = next(s for s in sections if s.heading == "Bakgrund").text
    assert "arbetsmarknaden" in body and "EU-projekt" in body and "2020-12-01" in body
    assert "Sida" not in " ".join(s.text for s in sections)
    participants = next(s for s in sections if s.heading == "Deltagare")
    assert participants.tables[0].rows[1] == ["Kvinnor", "20", "14"]
    start, end = participants.tables[0].cell_spans[1][2]
    assert participants.text[start:end] == "14"
    assert next(s for s in sections if s.heading == "Resultat").page == 2


def test_pdf_raw_char_and_cell_reads_match_pypdfium2(tmp_path: Path) -> None:
    import ctypes

    import pypdfium2 as pdfium

    from pipeline.readers.pdf import _BoundedText, _Chars, _page_text

    pdf = pdfium.PdfDocument(str(report_pdf(tmp_path / "rapport.pdf")))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        assert _page_text(handle) == text
        direct, looked_up = _Chars(handle, len(text)), _Chars(handle, len(text))
        looked_up.same_index = False  # the path for pages whose text leaves characters out
        assert direct.same_index
        for index, char in enumerate(text):
            if char.isspace():
                continue
            facts = direct.line(index, index)
            assert facts == looked_up.line(index, index)
            left, bottom, right, top = textpage.get_charbox(index)
            assert facts[2:] == (left, bottom, top, right)
        width, height = page.get_size()
        cell_text, unbuffered = _BoundedText(handle), _BoundedText(handle)
        unbuffered.SIZE = 1  # no text fits: every cell is read as the wrapper reads it
        for box in ((0, 0, width, height), (0, height / 2, width, height), (20, 560, 120, 640), (0, 0, 1, 1)):
            assert cell_text(*box) == unbuffered(*box) == textpage.get_text_bounded(*box)
    finally:
        pdf.close()


def test_docx_styles_bold_lists_and_table(tmp_path: Path) -> None:
    document = read(report_docx(tmp_path / "rapport.docx"))
    kinds = [(b.kind, b.text[:20]) for b in document.blocks]
    assert ("heading", "Bakgrund") in kinds and ("list_item", "Arbetsträning") in kinds
    assert next(b for b in document.blocks if b.text == "Mål och målgrupp").level == 2
    assert next(b for b in document.blocks if b.text == "Deltagare").bold
    table = next(b for b in document.blocks if b.kind == "table")
    assert table.rows == [["", "Planerat", "Utfall"], ["Kvinnor", "15", "12"], ["Män", "15", "17"]]

    sections = split(clean(document))
    assert [(s.heading, s.level) for s in sections] == [
        (None, 0),
        ("Bakgrund", 1),
        ("Mål och målgrupp", 2),
        ("Deltagare", 2),
    ]
    assert sections[0].text == "Slutrapport Jobbsteget"
    assert sections[3].tables and "Fler män än planerat" in sections[3].text


def test_pdf_named_docx_is_read_as_pdf(tmp_path: Path) -> None:
    path = report_pdf(tmp_path / "rapport.pdf").rename(tmp_path / "egentligen.docx")
    assert read(path).format == "pdf"


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("tom.txt", b"", "empty"),
        ("tom.docx", b"", "empty"),
        ("trasig.pdf", b"%PDF-1.7\nnot really a pdf", "damaged"),
        ("inte-zip.docx", b"this is plain text, not a zip", "not a valid"),
        ("okand.xyz", b"hej", "unsupported file type"),
        ("bild.pdf", b"\x89PNG\r\n\x1a\nabc", "not a valid PDF"),
    ],
)
def test_unreadable_files_raise_a_clear_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read(path)


def test_encrypted_pdf(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="encrypted|password"):
        read(encrypted_pdf(tmp_path / "krypterad.pdf"))
