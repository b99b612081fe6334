"""OCR for PDF pages that are images only: pypdfium2 renders, Tesseract (Swedish) reads.

Each page is rendered at 300 dpi in greyscale and read with `image_to_data`,
which gives every word with its confidence and its place in Tesseract's
layout: block, paragraph, line. The text is rebuilt from that, one line a
line and a blank line between paragraphs, so the PDF reader can split it into
blocks as it does plain text. A page's confidence is the mean over its words
(Tesseract gives -1 to things that are not words; those are left out).

Before reading, a 3×3 median filter removes scanner speckle: on clean text it
changes nothing measurable, while a speckled page can otherwise keep Tesseract
busy for minutes. When a page reads badly, it may be lying on its side:
Tesseract's orientation detection is asked, and the page is read again turned
upright if that is better.

Tesseract is run with one OpenMP thread (`OMP_THREAD_LIMIT=1`, unless the
environment already sets it): its own threading made a full page about four
times slower, not faster; to use more cores, OCR several files at once.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from pipeline.model import ReadError

DPI = 300
LANGUAGE = "swe"
PAGE_TIMEOUT = 120.0  # seconds Tesseract may spend on one page
MAX_PIXELS = 60_000_000  # larger pages (posters, drawings) are rendered at a lower resolution
RETRY_BELOW = 60.0  # mean confidence under which a page is checked for rotation
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-swe"


def _check_tesseract():
    """pytesseract, once Tesseract and its Swedish data are known to be installed."""
    try:
        import pytesseract
    except ImportError as exc:
        raise ReadError("the Python package pytesseract is not installed: run 'pip install pytesseract'") from exc
    command = pytesseract.pytesseract.tesseract_cmd
    if shutil.which(command) is None:
        raise ReadError(f"Tesseract is not installed: run '{INSTALL}'")
    try:
        languages = pytesseract.get_languages()
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise ReadError(f"Tesseract is not installed: run '{INSTALL}'") from exc
    except pytesseract.TesseractError as exc:
        raise ReadError(f"Tesseract does not work ({exc.message}): run '{INSTALL}'") from exc
    if LANGUAGE not in languages:
        raise ReadError("Tesseract has no Swedish language data: run 'apt-get install tesseract-ocr-swe'")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # pytesseract passes os.environ to Tesseract
    return pytesseract


def page_text(data: dict[str, list]) -> tuple[str, float]:
    """Text and mean word confidence from `image_to_data` output (a dict of columns).

    Words are joined into lines, lines into paragraphs, and paragraphs (and
    Tesseract's blocks) are separated by a blank line.
    """
    paragraphs: list[list[list[str]]] = []
    where: tuple[int, int, int] | None = None
    paragraph_key: tuple[int, int] | None = None
    confidences: list[float] = []
    for index, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word or int(data["level"][index]) != 5:
            continue
        try:
            confidence = float(data["conf"][index])
        except (TypeError, ValueError):
            confidence = -1.0
        if confidence >= 0:
            confidences.append(confidence)
        block, paragraph, line = (int(data[key][index]) for key in ("block_num", "par_num", "line_num"))
        if (block, paragraph) != paragraph_key:
            paragraphs.append([])
            paragraph_key = (block, paragraph)
            where = None
        if (block, paragraph, line) != where:
            paragraphs[-1].append([])
            where = (block, paragraph, line)
        paragraphs[-1][-1].append(word)
    text = "\n\n".join("\n".join(" ".join(words) for words in lines) for lines in paragraphs)
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return text, round(mean, 1)


def _read_image(pytesseract, image, number: int) -> tuple[str, float]:
    try:
        data = pytesseract.image_to_data(
            image, lang=LANGUAGE, output_type=pytesseract.Output.DICT, timeout=PAGE_TIMEOUT
        )
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise ReadError(f"OCR of page {number} did not finish within {PAGE_TIMEOUT:g} s") from exc
        raise ReadError(f"OCR of page {number} failed ({exc})") from exc
    except pytesseract.TesseractError as exc:
        raise ReadError(f"OCR of page {number} failed ({exc.message.strip() or exc.status})") from exc
    return page_text(data)


def _upright(pytesseract, image):
    """The image turned upright according to Tesseract's orientation detection, or None if it already is."""
    try:
        osd = pytesseract.image_to_osd(image, config="--psm 0", timeout=PAGE_TIMEOUT)
    except (pytesseract.TesseractError, RuntimeError):
        return None  # too little text to tell, or no orientation data installed
    match = re.search(r"Rotate:\s*(\d+)", osd)
    degrees = int(match.group(1)) if match else 0
    if degrees % 360 == 0:
        return None
    return image.rotate(-degrees, expand=True)


def read_pages(path: Path, pages: list[int]) -> dict[int, tuple[str, float]]:
    """OCR the given pages (0-based) of a PDF: page index → (text, mean word confidence 0–100)."""
    if not pages:
        return {}
    import pypdfium2 as pdfium
    from PIL import ImageFilter

    pytesseract = _check_tesseract()
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise ReadError(f"the PDF is damaged and cannot be opened for OCR ({exc})") from exc
    results: dict[int, tuple[str, float]] = {}
    try:
        for index in pages:
            page = pdf[index]
            try:
                width, height = page.get_size()
                scale = DPI / 72
                pixels = width * scale * height * scale
                if pixels > MAX_PIXELS:
                    scale *= (MAX_PIXELS / pixels) ** 0.5
                try:
                    image = page.render(scale=scale, grayscale=True).to_pil().filter(ImageFilter.MedianFilter(3))
                except pdfium.PdfiumError as exc:
                    raise ReadError(f"page {index + 1} of the PDF cannot be rendered for OCR ({exc})") from exc
            finally:
                page.close()
            text, confidence = _read_image(pytesseract, image, index + 1)
            if confidence < RETRY_BELOW:
                turned = _upright(pytesseract, image)
                if turned is not None:
                    again = _read_image(pytesseract, turned, index + 1)
                    if again[1] > confidence:
                        text, confidence = again
            results[index] = (text, confidence)
    finally:
        pdf.close()
    return results
