"""OCR of image-only PDF pages: Swedish letters survive, pages keep their numbers, missing tools are named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.model import ReadError
from pipeline.readers import ocr, read
from tests.conftest import FONT


def _tesseract_swedish() -> str | None:
    """Why the OCR tests cannot run here, or None when they can."""
    if shutil.which("tesseract") is None:
        return "Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-swe"
    import pytesseract

    if "swe" not in pytesseract.get_languages():
        return "Tesseract has no Swedish data: apt-get install tesseract-ocr-swe"
    if not Path(FONT).is_file():
        return f"the font {FONT} is missing: apt-get install fonts-dejavu-core"
    return None


needs_tesseract = pytest.mark.skipif(_tesseract_swedish() is not None, reason=_tesseract_swedish() or "")

PAGE_ONE = [
    "Lägesrapport för Steget vidare",
    "",
    "Deltagarna i Växjö och Hässleholm var nöjda",
    "med åtgärderna under året.",
]
PAGE_TWO = [
    "Resultat",
    "",
    "Av 42 deltagare har 20 kvinnor gått vidare",
    "till arbete eller studier i Östersund.",
]


def _page(lines: list[str]):
    """An A4 page at 300 dpi with the lines drawn as pixels, the way a scanner would deliver it."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, 46)
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    y = 300
    for line in lines:
        draw.text((250, y), line, font=font, fill=0)
        y += 80
    return image


def _scanned_pdf(path: Path, pages: list[list[str]], rotate: int = 0) -> Path:
    images = [_page(lines).rotate(rotate, expand=True) for lines in pages]
    images[0].save(path, "PDF", resolution=300, save_all=True, append_images=images[1:])
    return path


@needs_tesseract
def test_scanned_pdf_is_read_with_swedish_letters_intact(tmp_path: Path) -> None:
    document = read(_scanned_pdf(tmp_path / "skannad.pdf", [PAGE_ONE, PAGE_TWO]))
    assert document.ocr is True
    assert document.pages == 2
    assert document.ocr_confidence is not None and document.ocr_confidence > 80
    words = " ".join(b.text for b in document.blocks).split()
    for word in ("Lägesrapport", "för", "Växjö", "Hässleholm", "nöjda", "åtgärderna", "året.", "Östersund."):
        assert word in words
    by_page = {b.page for b in document.blocks if "Resultat" in b.text}
    assert by_page == {2}
    # blank lines on the page separate paragraphs; lines of one paragraph stay together
    texts = [b.text for b in document.blocks]
    assert "Deltagarna i Växjö och Hässleholm var nöjda\nmed åtgärderna under året." in texts


@needs_tesseract
def test_read_pages_keeps_page_indexes_and_reads_a_page_on_its_side(tmp_path: Path) -> None:
    path = _scanned_pdf(tmp_path / "liggande.pdf", [PAGE_ONE, PAGE_TWO], rotate=90)
    pages = ocr.read_pages(path, [1])
    assert list(pages) == [1]
    text, confidence = pages[1]
    assert "till arbete eller studier i Östersund." in text
    assert confidence > 80


def test_page_text_rebuilds_lines_and_paragraphs() -> None:
    rows = [
        # level, block, par, line, word, text, conf
        (1, 0, 0, 0, 0, "", -1),
        (2, 1, 0, 0, 0, "", -1),
        (5, 1, 1, 1, 1, "Projektet", 96),
        (5, 1, 1, 1, 2, "startade", 90),
        (5, 1, 1, 2, 1, "i", 80),
        (5, 1, 1, 2, 2, "mars.", 94),
        (5, 1, 1, 2, 3, " ", 95),
        (5, 2, 1, 1, 1, "Nästa", 70),
        (5, 2, 1, 1, 2, "~", -1),
    ]
    keys = ("level", "block_num", "par_num", "line_num", "word_num", "text", "conf")
    data = {key: [row[i] for row in rows] for i, key in enumerate(keys)}
    text, confidence = ocr.page_text(data)
    assert text == "Projektet startade\ni mars.\n\nNästa ~"
    assert confidence == round((96 + 90 + 80 + 94 + 70) / 5, 1)


def test_missing_tesseract_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-such-tesseract"))
    with pytest.raises(ReadError, match=r"Tesseract is not installed: run 'apt-get install tesseract-ocr"):
        ocr.read_pages(tmp_path / "any.pdf", [0])


def test_missing_swedish_data_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        pytest.skip("Tesseract is not installed: apt-get install tesseract-ocr")
    monkeypatch.setattr(pytesseract, "get_languages", lambda *args, **kwargs: ["eng", "osd"])
    with pytest.raises(ReadError, match=r"apt-get install tesseract-ocr-swe"):
        ocr.read_pages(tmp_path / "any.pdf", [0])
