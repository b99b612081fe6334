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


def _heading_level(paragraph: Paragraph) -> int | None:
    style = paragraph.style
    while style is not None:
        name = style.name or ""
        if name.lower() in {"title", "rubrik"}:
            return None
        match = _HEADING_STYLE.match(name.strip())
        if match:
            return int(match.group(1))
        style = style.base_style
    outline = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    if outline is not None:
        level = int(outline.get(qn("w:val"), "9"))
        if level < 9:
            return level + 1
    return None


def _is_bold(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return all(run.bold or (run.bold is None and style_bold) for run in runs)


def _is_list(paragraph: Paragraph) -> bool:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if "list" in name.lower() or "lista" in name.lower():
        return True
    return paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None


def _font_size(paragraph: Paragraph) -> float | None:
    sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None and run.text.strip()]
    if sizes:
        return max(sizes)
    style = paragraph.style
    if style is not None and style.font.size is not None:
        return style.font.size.pt
    return None


def _paragraph_block(paragraph: Paragraph) -> Block | None:
    text = paragraph.text.replace("\u00a0", " ").strip()
    if not text:
        return None
    style = paragraph.style.name if paragraph.style is not None else None
    level = _heading_level(paragraph)
    if level is not None:
        return Block(text=text, kind="heading", level=level, bold=True, style=style, font_size=_font_size(paragraph))
    kind = "list_item" if _is_list(paragraph) else "paragraph"
    return Block(text=text, kind=kind, bold=_is_bold(paragraph), style=style, font_size=_font_size(paragraph))


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
    blocks: list[Block] = []
    for item in _body_items(document):
        block = _paragraph_block(item) if isinstance(item, Paragraph) else _table_block(item)
        if block is not None:
            blocks.append(block)
    properties = {}
    core = document.core_properties
    if core.title:
        properties["title"] = core.title
    return Document(path=str(path), format="docx", blocks=blocks, properties=properties)
