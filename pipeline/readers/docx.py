"""Word .docx files with python-docx: paragraphs and tables in body order.

Heading levels come from paragraph styles (`Heading 1`, `Rubrik 1`, outline
levels); short paragraphs whose runs are all bold are kept as bold blocks for
the sectioner to judge. List paragraphs become list items.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from pipeline.model import Block, Document, ReadError

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ENTRIES = 5000
_HEADING_STYLE = re.compile(r"^(?:heading|rubrik|überschrift)\s*(\d)$", re.IGNORECASE)


def _check_archive(path: Path) -> None:
    """Refuse archives that are not Word files, are encrypted, or would unpack absurdly large."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        with path.open("rb") as handle:
            head = handle.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise ReadError("the Word file is encrypted (password protected) or an old .doc named .docx") from exc
        raise ReadError("not a valid Word .docx file (it is not a zip archive)") from exc
    if len(infos) > MAX_ENTRIES:
        raise ReadError(f"the .docx archive has {len(infos)} entries, more than the limit of {MAX_ENTRIES}")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise ReadError(f"the .docx would unpack to {total // 1_000_000} MB, more than the limit (a zip bomb?)")


class _Styles:
    """Facts about each paragraph style, looked up once per document (python-docx searches styles linearly)."""

    def __init__(self, document: DocxDocument) -> None:
        self.by_id = {style.style_id: style for style in document.styles}
        self.default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._facts: dict[str | None, tuple[str | None, int | None, bool, bool, float | None]] = {}

    def facts(self, paragraph: Paragraph) -> tuple[str | None, int | None, bool, bool, float | None]:
        """(name, heading level, is a list style, bold, font size) of the paragraph's style."""
        style_id = paragraph._p.style
        if style_id not in self._facts:
            style = self.by_id.get(style_id, self.default) if style_id else self.default
            self._facts[style_id] = self._compute(style)
        return self._facts[style_id]

    @staticmethod
    def _compute(style) -> tuple[str | None, int | None, bool, bool, float | None]:
        name = style.name if style is not None else None
        level, bold, size = None, False, None
        current = style
        while current is not None:
            current_name = (current.name or "").strip()
            if current_name.lower() in {"title", "rubrik"}:
                level = None
                break
            match = _HEADING_STYLE.match(current_name)
            if match:
                level = int(match.group(1))
                break
            current = current.base_style
        if style is not None:
            bold = bool(style.font.bold)
            size = style.font.size.pt if style.font.size is not None else None
        lowered = (name or "").lower()
        return name, level, "list" in lowered or "lista" in lowered, bold, size


def _outline_level(paragraph: Paragraph) -> int | None:
    outline = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    if outline is not None:
        level = int(outline.get(qn("w:val"), "9"))
        if level < 9:
            return level + 1
    return None


def _paragraph_block(paragraph: Paragraph, styles: _Styles) -> Block | None:
    text = paragraph.text.replace("\u00a0", " ").strip()
    if not text:
        return None
    name, level, list_style, style_bold, style_size = styles.facts(paragraph)
    runs = [run for run in paragraph.runs if run.text.strip()]
    sizes = [run.font.size.pt for run in runs if run.font.size is not None]
    size = max(sizes) if sizes else style_size
    if level is None:
        level = _outline_level(paragraph)
    if level is not None:
        return Block(text=text, kind="heading", level=level, bold=True, style=name, font_size=size)
    bold = bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)
    numbered = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
    kind = "list_item" if list_style or numbered else "paragraph"
    return Block(text=text, kind=kind, bold=bold, style=name, font_size=size)


def _table_block(table: Table) -> Block | None:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats itself
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append(cells)
    if not rows:
        return None
    text = "\n".join("\t".join(row) for row in rows)
    return Block(text=text, kind="table", rows=rows)


def _body_items(document: DocxDocument):
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                for inner in content.iterchildren():
                    if inner.tag == qn("w:p"):
                        yield Paragraph(inner, document)
                    elif inner.tag == qn("w:tbl"):
                        yield Table(inner, document)


def read(path: Path) -> Document:
    """Read a .docx into blocks in body order."""
    _check_archive(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on broken packages
        raise ReadError(f"the Word file is damaged and cannot be read ({type(exc).__name__})") from exc
    styles = _Styles(document)
    blocks: list[Block] = []
    for item in _body_items(document):
        block = _paragraph_block(item, styles) if isinstance(item, Paragraph) else _table_block(item)
        if block is not None:
            blocks.append(block)
    properties = {}
    core = document.core_properties
    if core.title:
        properties["title"] = core.title
    return Document(path=str(path), format="docx", blocks=blocks, properties=properties)
