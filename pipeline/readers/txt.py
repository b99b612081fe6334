"""Plain text: encoding detection, line ends, blank-line paragraphs and hard-wrapped lines."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.model import Block, Document, ReadError

_BOMS = {b"\xef\xbb\xbf": "utf-8-sig", b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}


def decode(data: bytes) -> str:
    """Decode bytes: BOMs and valid UTF-8 first, then charset-normalizer among Swedish-friendly encodings."""
    for bom, encoding in _BOMS.items():
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # imported for the first file that needs it: most text is UTF-8, and the import is a seventh of the readers'
    from charset_normalizer import from_bytes

    if b"\x00" in data[:4096]:
        best = from_bytes(data, cp_isolation=["utf_16_le", "utf_16_be"]).best()
        if best is not None:
            return str(best)
        raise ReadError("binary content: not a text file")
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp850"]).best()
    return str(best) if best is not None else data.decode("cp1252", errors="replace")


_CELL_GAP = re.compile(r"\t+| {2,}")


def _table_rows(lines: list[str]) -> list[list[str]] | None:
    """Rows of a table laid out with runs of spaces or tabs between columns, or None for prose."""
    if len(lines) < 2:
        return None
    rows = [[cell for cell in _CELL_GAP.split(line.strip()) if cell] for line in lines]
    if sum(len(row) >= 2 for row in rows) < max(2, len(rows) * 2 // 3):
        return None
    if any(len(" ".join(row)) > 100 for row in rows):
        return None
    width = max(len(row) for row in rows)
    return [
        [""] * (width - len(row)) + row if line[:1].isspace() else row + [""] * (width - len(row))
        for row, line in zip(rows, lines, strict=True)
    ]


def split_blocks(text: str, page: int | None = None) -> list[Block]:
    """Paragraphs separated by blank lines; a page break (form feed) starts a new page."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    pages = text.split("\f")
    for index, page_text in enumerate(pages):
        number = (index + 1) if len(pages) > 1 else page
        for paragraph in re.split(r"\n[ \t\u00a0]*\n", page_text):
            raw = [line.rstrip() for line in paragraph.split("\n") if line.strip()]
            rows = _table_rows(raw)
            if rows is not None:
                text = "\n".join("\t".join(row) for row in rows)
                blocks.append(Block(text=text, kind="table", page=number, rows=rows))
            elif raw:
                blocks.append(Block(text="\n".join(line.strip() for line in raw), page=number))
    return blocks


def read(path: Path) -> Document:
    """Read a text file into paragraph blocks (lines within a paragraph are kept, joined later by cleaning)."""
    text = decode(path.read_bytes())
    blocks = split_blocks(text)
    pages = len(text.split("\f")) if "\f" in text else None
    return Document(path=str(path), format="txt", blocks=blocks, pages=pages)
