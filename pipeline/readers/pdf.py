"""Born-digital and scanned PDFs.

Text and per-line font facts come from pypdfium2 (fast). Tables are found
only on pages that draw ruling lines or cell rectangles: the drawing's grid
is read cell by cell from pypdfium2's text layer, and pdfplumber's
`find_tables` takes over where the drawings are too irregular to grid (it
parses the page again, about a hundred times slower). Running headers,
footers and page numbers are marked as furniture. Pages without a text layer
are handed to OCR.
"""

from __future__ import annotations

import codecs
import ctypes
import itertools
import os
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.model import Block, Document, ReadError
from pipeline.page_marks import is_margin_page_mark

MAX_PAGES = 2000
_LETTER = re.compile(r"[^\W\d_]")
_DIGITS = re.compile(r"\d+")
_MARGIN = 0.09  # share of the page height at top and bottom where furniture lives


@dataclass(slots=True)  # one a line of every page: slots make them cheaper to build
class Line:
    """A line of text on a page with the facts heading detection needs."""

    text: str
    top: float  # distance from the top of the page, in points
    bottom: float
    left: float
    right: float
    size: float
    bold: bool


def _by_address(function: Any, restype: Any, *argtypes: Any) -> Any:
    """`function` from `pypdfium2.raw` bound again to take and return handles as plain addresses (`c_void_p`).

    The generated bindings type-check every handle argument and wrap every returned handle in a new ctypes
    pointer object, which costs more than pdfium's work in these calls, made once per line or page object.
    The new binding is of the library's own function type, so it keeps the library's calling convention.
    """
    bound = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    bound.restype = restype
    bound.argtypes = argtypes
    return bound


def _unchecked(function: Any, restype: Any) -> Any:
    """`function` bound as by `_by_address` but with no argument types, for the calls made per line of text.

    Converting each argument through its type takes about as long as pdfium's work in these calls. Without
    types ctypes passes an int as a C int (an index) and a ctypes object as itself, so handles must be passed
    as `c_void_p` objects (or `_Handle` results) and buffers by `ctypes.byref`.
    """
    return _by_address(function, restype)


class _Handle(ctypes.c_void_p):
    """A returned handle kept as a `c_void_p` object (ctypes turns a plain `c_void_p` result into an int), so
    that it can be passed on to an `_unchecked` function as it is."""


_HANDLE = ctypes.c_void_p
_load_document = _by_address(pdfium_c.FPDF_LoadDocument, _HANDLE, ctypes.c_char_p, ctypes.c_char_p)
_close_document = _by_address(pdfium_c.FPDF_CloseDocument, None, _HANDLE)
_document_pages = _by_address(pdfium_c.FPDF_GetPageCount, ctypes.c_int, _HANDLE)
_load_page = _by_address(pdfium_c.FPDF_LoadPage, _HANDLE, _HANDLE, ctypes.c_int)
_close_page = _by_address(pdfium_c.FPDF_ClosePage, None, _HANDLE)
_page_height = _by_address(pdfium_c.FPDF_GetPageHeightF, ctypes.c_float, _HANDLE)
_load_textpage = _by_address(pdfium_c.FPDFText_LoadPage, _HANDLE, _HANDLE)
_close_textpage = _by_address(pdfium_c.FPDFText_ClosePage, None, _HANDLE)
_count_chars = _by_address(pdfium_c.FPDFText_CountChars, ctypes.c_int, _HANDLE)
_text_index = _by_address(pdfium_c.FPDFText_GetTextIndexFromCharIndex, ctypes.c_int, _HANDLE, ctypes.c_int)
_get_text = _by_address(pdfium_c.FPDFText_GetText, ctypes.c_int, _HANDLE, ctypes.c_int, ctypes.c_int, _HANDLE)
_bounded_text = _by_address(
    pdfium_c.FPDFText_GetBoundedText, ctypes.c_int, _HANDLE, *[ctypes.c_double] * 4, _HANDLE, ctypes.c_int
)
_font_weight = _by_address(pdfium_c.FPDFText_GetFontWeight, ctypes.c_int, _HANDLE, ctypes.c_int)
_font_info = _by_address(
    pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong, _HANDLE, ctypes.c_int, _HANDLE, ctypes.c_ulong, _HANDLE
)
_char_index = _unchecked(pdfium_c.FPDFText_GetCharIndexFromTextIndex, ctypes.c_int)
_font_size = _unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_char_box = _unchecked(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)
_text_object = _unchecked(pdfium_c.FPDFText_GetTextObject, _Handle)
_text_font = _unchecked(pdfium_c.FPDFTextObj_GetFont, _HANDLE)
_page_count = _unchecked(pdfium_c.FPDFPage_CountObjects, ctypes.c_int)
_page_object = _unchecked(pdfium_c.FPDFPage_GetObject, _Handle)
_form_count = _unchecked(pdfium_c.FPDFFormObj_CountObjects, ctypes.c_int)
_form_object = _by_address(pdfium_c.FPDFFormObj_GetObject, _Handle, _HANDLE, ctypes.c_ulong)  # an unsigned long
_object_type = _unchecked(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
_object_bounds = _by_address(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int, _HANDLE, *[_HANDLE] * 4)


def _open_document(path: Path) -> int:
    """The PDF's pdfium handle, which `_close_document` must close.

    The document and its pages are opened with pdfium's own calls: pypdfium2's `PdfDocument` and `PdfPage`
    resolve the path and register a finaliser and a parent for every object they wrap. Where pdfium cannot
    open the file, `PdfDocument` is asked to, for its exception that says why.
    """
    document = _load_document(os.fsencode(path), None)
    if document and _document_pages(document) > 0:
        return document
    if document:
        _close_document(document)
    pdfium.PdfDocument(str(path)).close()  # raises PdfiumError or FileNotFoundError
    raise pdfium.PdfiumError("Failed to load document.")  # the file changed in between


@contextmanager
def _open_page(document: int, index: int) -> Iterator[tuple[int, int]]:
    """The handles of a page and of its text page (as `PdfDocument.get_page` and `PdfPage.get_textpage`),
    closed on leaving."""
    page = _load_page(document, index)
    if not page:
        raise pdfium.PdfiumError("Failed to load page.")
    try:
        textpage = _load_textpage(page)
        if not textpage:
            raise pdfium.PdfiumError("Failed to load text page.")
        try:
            yield page, textpage
        finally:
            _close_textpage(textpage)
    finally:
        _close_page(page)


def _page_text(textpage: int) -> str:
    """The text page's text, as `PdfTextPage.get_text_range()`: the range is narrowed to the first and last
    characters that are in the text, lest pdfium read beyond it."""
    count = _count_chars(textpage)
    if count == -1:
        raise pdfium.PdfiumError("Failed to get character count.")
    first, last = 0, count - 1
    while first <= last:
        text_first = _text_index(textpage, first)
        if text_first == -1:
            first += 1
            continue
        text_last = _text_index(textpage, last)
        if text_last != -1:
            break
        last -= 1
    else:
        return ""
    size = text_last + 2 - text_first  # including the terminating NUL
    buffer = (ctypes.c_ushort * size)()
    written = _get_text(textpage, first, last + 1 - first, buffer)
    assert size >= written, f"Buffer too small: {size} vs {written}"
    return codecs.decode(memoryview(buffer)[: written - 1], "utf-16-le", errors="ignore")


class _Chars:
    """Facts of a text page's characters by text index, read with raw pdfium calls into buffers made once per
    page (the wrapper's calls build them anew and look up the handle each time)."""

    def __init__(self, textpage: int, text_length: int) -> None:
        self.handle = ctypes.c_void_p(textpage)
        self.box = (ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double())  # l, r, b, t
        self.box_at = [ctypes.byref(value) for value in self.box]
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.bold: dict[int | None, bool] = {}  # by font handle: weight and name are the font's
        # Text indices map onto char indices in rising order (pdfium leaves some chars out of the text, never
        # reorders them), so when the last one lands on itself every one does and no lookup is needed.
        last = text_length - 1
        self.same_index = last < 0 or _char_index(self.handle, last) == last

    def _box(self, char_index: int) -> tuple[ctypes.c_double, ...]:
        """The character's left, right, bottom and top (as `PdfTextPage.get_charbox`), in buffers that the next
        call overwrites."""
        if not _char_box(self.handle, char_index, *self.box_at):
            raise pdfium.PdfiumError("Failed to get charbox.")
        return self.box

    def _is_bold(self, char_index: int) -> bool:
        """Whether the character's font is bold by its weight or its name."""
        if _font_weight(self.handle, char_index) >= 600:
            return True
        length = _font_info(self.handle, char_index, self.name, 128, ctypes.byref(self.flags))
        # a longer name is not written to the buffer (which holds the last one that fitted)
        name = self.name.raw[: length - 1].decode("latin-1", errors="ignore").lower() if 0 < length <= 128 else ""
        return "bold" in name or "black" in name or "heavy" in name

    def line(self, first: int, last: int) -> tuple[float, bool, float, float, float, float]:
        """Font size, boldness, left, bottom and top of the character that begins a line (at text index
        `first`), and the right edge of the one that ends it (at `last`)."""
        if not self.same_index:
            first = _char_index(self.handle, first)
            last = _char_index(self.handle, last)
        right = self._box(last)[1].value if last >= 0 else 0.0
        if first < 0:
            return 0.0, False, 0.0, 0.0, 0.0, right
        font = _text_font(_text_object(self.handle, first))
        bold = self.bold.get(font)
        if bold is None:
            bold = self.bold[font] = self._is_bold(first)
        left, _, bottom, top = self._box(first)
        return _font_size(self.handle, first), bold, left.value, bottom.value, top.value, right


# pdfium marks a hyphen at a line end as U+FFFE and joins the lines; split there again. A line is a run of
# characters up to a line break or past a U+FFFE, stripped of the spaces around it (`str.strip`'s, which `\s`
# matches); the group is its text without them, and runs of spaces alone are not lines.
_LINE = re.compile(r"[^\S\r\n]*([^\r\n\ufffe]*\ufffe|[^\r\n\ufffe]*[^\s\ufffe])")


def _page_lines(height: float, textpage: int) -> list[Line]:
    text = _page_text(textpage)
    chars = _Chars(textpage, len(text))
    lines: list[Line] = []
    for match in _LINE.finditer(text):
        size, bold, left, bottom, top, right = chars.line(match.start(1), match.end(1) - 1)
        lines.append(
            Line(match.group(1).replace("\ufffe", "-"), height - top, height - bottom, left, right, size, bold)
        )
    return lines


def _objects(page: int, kind: int) -> Iterator[_Handle]:
    """The page's objects of one kind, inside forms one level deep, in the order of `PdfPage.get_objects(
    max_depth=2)`, as raw pdfium handles: `get_objects` builds a Python object for every text run on the page."""
    parent = ctypes.c_void_p(page)
    for index in range(_page_count(parent)):
        obj = _page_object(parent, index)
        obj_kind = _object_type(obj)
        if obj_kind == kind:
            yield obj
        if obj_kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            for inner in range(_form_count(obj)):
                member = _form_object(obj, inner)
                if _object_type(member) == kind:
                    yield member


def _bounds(obj: _Handle) -> tuple[float, float, float, float]:
    """An object's left, bottom, right and top, in page coordinates."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not _object_bounds(obj, *(ctypes.addressof(value) for value in (left, bottom, right, top))):
        raise pdfium.PdfiumError("Failed to locate pageobject.")
    return left.value, bottom.value, right.value, top.value


def _has_rulings(page: int) -> bool:
    """Whether the page draws at least four paths (ruling lines or rectangles): a table is likely."""
    return sum(1 for _ in itertools.islice(_objects(page, pdfium_c.FPDF_PAGEOBJ_PATH), 4)) >= 4


def _has_text_layer(lines: list[Line], letters: int = 20) -> bool:
    """Whether the page's text holds at least `letters` letters (fewer: a scan, or junk from one)."""
    seen = 0
    for line in lines:
        seen += len(_LETTER.findall(line.text))
        if seen >= letters:
            return True
    return False


def first_page_scanned(path: Path) -> bool:
    """Whether the PDF's first page has no text layer: an image-only scan."""
    document = _open_document(path)
    try:
        with _open_page(document, 0) as (page, textpage):
            return not _has_text_layer(_page_lines(_page_height(page), textpage))
    finally:
        _close_document(document)


def _has_images(page: int) -> bool:
    return next(_objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE), None) is not None


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", text.lower()).strip()


def _mark_furniture(pages: list[tuple[float, list[Line]]]) -> list[list[bool]]:
    """Lines in the top or bottom margin that repeat on most pages, and page numbers there."""
    margins = [_margin_lines(lines, height) for height, lines in pages]
    counts: Counter[str] = Counter()
    for found in margins:
        counts.update({key for _, key in found})
    repeated = {key for key, n in counts.items() if len(pages) >= 2 and n >= max(2, len(pages) * 0.5)}
    marks = []
    for (_, lines), found in zip(pages, margins, strict=True):
        page_marks = [False] * len(lines)
        for index, key in found:
            page_marks[index] = key in repeated or is_margin_page_mark(lines[index].text.strip())
        marks.append(page_marks)
    return marks


def _margin_lines(lines: list[Line], height: float) -> list[tuple[int, str]]:
    """The lines in the page's top or bottom margin, by index, with their furniture keys."""
    top, bottom = height * _MARGIN, height * (1 - _MARGIN)
    return [(i, _furniture_key(line.text)) for i, line in enumerate(lines) if line.top < top or line.bottom > bottom]


def _body_size(pages: list[tuple[float, list[Line]]]) -> float:
    # Sum by exact size first: a document has few distinct sizes, and `round` per line costs more than the sum.
    chars: dict[float, int] = {}
    for _, lines in pages:
        for line in lines:
            chars[line.size] = chars.get(line.size, 0) + len(line.text)
    sizes: Counter[float] = Counter()
    for size, count in chars.items():
        sizes[round(size, 1)] += count
    return sizes.most_common(1)[0][0] if sizes else 0.0


Bbox = tuple[float, float, float, float]  # x0, top, x1, bottom, measured from the page's top
TableFound = tuple[Bbox, list[list[str]]]


def _cluster(values: list[float], tolerance: float = 2.0) -> list[float]:
    merged: list[float] = []
    for value in sorted(values):
        if not merged or value - merged[-1] > tolerance:
            merged.append(value)
    return merged


def _components(boxes: list[tuple[float, float, float, float]], gap: float = 2.0) -> list[list[int]]:
    """Groups of drawings (left, bottom, right, top) that touch each other: each group may be one table."""
    parent = list(range(len(boxes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (l1, b1, r1, t1) in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            l2, b2, r2, t2 = boxes[j]
            if l1 - gap <= r2 and l2 - gap <= r1 and b1 - gap <= t2 and b2 - gap <= t1:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(boxes)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


class _BoundedText:
    """`PdfTextPage.get_text_bounded` with one pass of pdfium over the page's characters instead of two.

    The wrapper asks pdfium for the text's length, then for the text, and each call gathers the text anew; here
    one call fills a buffer made once per page. Only text of one UTF-16 unit a character is taken from it, where
    the length pdfium reports and the units it writes cannot differ; other text, and text too long for the
    buffer, is left to the wrapper.
    """

    SIZE = 4096  # UTF-16 units; a table cell holds far fewer

    def __init__(self, textpage: int) -> None:
        self.textpage = textpage
        self.buffer = (ctypes.c_ushort * self.SIZE)()

    def __call__(self, left: float, bottom: float, right: float, top: float) -> str:
        units = _bounded_text(self.textpage, left, top, right, bottom, self.buffer, self.SIZE)
        if 0 < units < self.SIZE:  # all of it, and the terminating NUL, fitted
            length = units - 1 if self.buffer[units - 1] == 0 else units
            text = ctypes.string_at(self.buffer, 2 * length).decode("utf-16-le", errors="ignore")
            if len(text) == length:  # one character a unit: no surrogates
                return text
        # as the wrapper's `get_text_bounded`: ask for the length, then for the text in a buffer of that size
        units = _bounded_text(self.textpage, left, top, right, bottom, None, 0)
        if units <= 0:
            return ""
        buffer = (ctypes.c_ushort * units)()
        _bounded_text(self.textpage, left, top, right, bottom, buffer, units)
        return codecs.decode(buffer, "utf-16-le", errors="ignore")


def _ruled_tables(page: int, height: float, textpage: int) -> list[TableFound] | None:
    """Tables drawn with rules or cell rectangles, read cell by cell from the text layer.

    Returns None when the drawings are too many or too irregular to grid: pdfplumber decides then.
    """
    boxes = [_bounds(obj) for obj in _objects(page, pdfium_c.FPDF_PAGEOBJ_PATH)]
    boxes = [box for box in boxes if box[2] - box[0] > 1 or box[3] - box[1] > 1]
    if len(boxes) > 600:
        return None
    cell_text = _BoundedText(textpage)
    tables: list[TableFound] = []
    irregular = False
    for group in _components(boxes):
        xs: list[float] = []
        ys: list[float] = []
        for index in group:
            left, bottom, right, top = boxes[index]
            if right - left > 2:
                ys += [bottom, top] if top - bottom > 2 else [(bottom + top) / 2]
            if top - bottom > 2:
                xs += [left, right] if right - left > 2 else [(left + right) / 2]
        columns, rows = _cluster(xs), _cluster(ys)
        if len(columns) < 2 or len(rows) < 2 or (len(columns) < 3 and len(rows) < 3):
            continue
        if len(columns) > 40 or len(rows) > 200:
            irregular = True
            continue
        cells = []
        for upper, lower in zip(reversed(rows[1:]), reversed(rows[:-1]), strict=True):
            row = [
                " ".join(cell_text(left, lower, right, upper).split())
                for left, right in zip(columns[:-1], columns[1:], strict=True)
            ]
            if any(row):
                cells.append(row)
        if len(cells) >= 2:
            tables.append(((columns[0], height - rows[-1], columns[-1], height - rows[0]), cells))
    return None if irregular and not tables else tables


def _plumber_tables(path: Path, page_numbers: list[int]) -> dict[int, list[TableFound]]:
    """Tables found by pdfplumber on the given pages (0-based)."""
    if not page_numbers:
        return {}
    import pdfplumber

    found: dict[int, list[TableFound]] = {}
    with pdfplumber.open(path) as pdf:
        for number in page_numbers:
            page = pdf.pages[number]
            for table in page.find_tables():
                rows = [[(cell or "").strip() for cell in row] for row in table.extract()]
                rows = [row for row in rows if any(row)]
                if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
                    found.setdefault(number, []).append((table.bbox, rows))
            page.close()
    return found


def _inside(line: Line, bbox: Bbox) -> bool:
    x0, top, x1, bottom = bbox
    middle = (line.top + line.bottom) / 2
    return top - 1 <= middle <= bottom + 1 and line.left >= x0 - 2 and line.right <= x1 + 2


def _blocks_for_page(
    number: int,
    lines: list[Line],
    furniture: list[bool],
    tables: list[TableFound],
    body: float,
) -> list[Block]:
    blocks: list[Block] = []
    emitted_tables: set[int] = set()
    previous: Line | None = None
    for line, is_furniture in zip(lines, furniture, strict=True):
        if is_furniture:
            blocks.append(Block(text=line.text, page=number, furniture=True))
            previous = None
            continue
        table_index = next((i for i, (bbox, _) in enumerate(tables) if _inside(line, bbox)), None) if tables else None
        if table_index is not None:
            if table_index not in emitted_tables:
                rows = tables[table_index][1]
                text = "\n".join("\t".join(cell.replace("\n", " ") for cell in row) for row in rows)
                blocks.append(Block(text=text, kind="table", page=number, rows=rows))
                emitted_tables.add(table_index)
            previous = None
            continue
        larger = body > 0 and line.size >= body + 1.5
        same_style = previous is not None and abs(previous.size - line.size) < 0.6 and previous.bold == line.bold
        pitch = line.top - previous.top if previous is not None else 1e9
        continues = previous is not None and same_style and 0 < pitch <= max(line.size, 1.0) * 1.75
        if continues and blocks and not blocks[-1].furniture and blocks[-1].kind != "table":
            blocks[-1].text += "\n" + line.text
        else:
            blocks.append(
                Block(
                    text=line.text,
                    kind="heading" if larger else "paragraph",
                    page=number,
                    bold=line.bold,
                    font_size=round(line.size, 1),
                )
            )
        previous = line
    return blocks


def _heading_levels(blocks: list[Block], body: float) -> None:
    sizes = sorted({b.font_size for b in blocks if b.kind == "heading" and b.font_size}, reverse=True)
    for block in blocks:
        if block.kind == "heading" and block.font_size:
            block.level = sizes.index(block.font_size) + 1
        elif block.bold and block.font_size and abs(block.font_size - body) < 0.6:
            block.level = None


def read(path: Path) -> Document:
    """Read a PDF's text layer (or OCR for image-only pages) into blocks."""
    try:
        document = _open_document(path)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise ReadError("the PDF is encrypted (password protected)") from exc
        raise ReadError(f"the PDF is damaged and cannot be opened ({exc})") from exc
    try:
        count = _document_pages(document)
        if count == 0:
            raise ReadError("the PDF has no pages")
        if count > MAX_PAGES:
            raise ReadError(f"the PDF has {count} pages, more than the limit of {MAX_PAGES}")
        pages: list[tuple[float, list[Line]]] = []
        tables: dict[int, list[TableFound]] = {}
        irregular: list[int] = []
        scanned: list[int] = []
        for index in range(count):
            with _open_page(document, index) as (page, textpage):
                height = _page_height(page)
                lines = _page_lines(height, textpage)
                if not _has_text_layer(lines) and _has_images(page):
                    scanned.append(index)
                elif _has_rulings(page):
                    found = _ruled_tables(page, height, textpage)
                    if found is None:
                        irregular.append(index)
                    elif found:
                        tables[index] = found
            pages.append((height, lines))
    finally:
        _close_document(document)

    ocr_pages: dict[int, tuple[str, float]] = {}
    if scanned:
        from pipeline.readers import ocr

        ocr_pages = ocr.read_pages(path, scanned)

    tables.update(_plumber_tables(path, irregular))
    furniture = _mark_furniture(pages)
    body = _body_size(pages)
    blocks: list[Block] = []
    for index, (_, lines) in enumerate(pages):
        if index in ocr_pages:
            from pipeline.readers.txt import split_blocks

            blocks.extend(split_blocks(ocr_pages[index][0], page=index + 1))
            continue
        blocks.extend(_blocks_for_page(index + 1, lines, furniture[index], tables.get(index, []), body))
    _heading_levels(blocks, body)
    confidences = [conf for _, conf in ocr_pages.values()]
    return Document(
        path=str(path),
        format="pdf",
        blocks=blocks,
        pages=count,
        ocr=bool(ocr_pages),
        ocr_confidence=round(sum(confidences) / len(confidences), 1) if confidences else None,
    )
