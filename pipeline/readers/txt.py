"""Plain text: encoding detection, line ends, blank-line paragraphs and hard-wrapped lines."""

from __future__ import annotations

import re
from pathlib import Path

from charset_normalizer import from_bytes

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
    if b"\x00" in data[:4096]:
        best = from_bytes(data, cp_isolation=["utf_16_le", "utf_16_be"]).best()
        if best is not None:
            return str(best)
        raise ReadError("binary content: not a text file")
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp850"]).best()
    return str(best) if best is not None else data.decode("cp1252", errors="replace")


def split_blocks(text: str, page: int | None = None) -> list[Block]:
    """Paragraphs separated by blank lines; a page break (form feed) starts a new page."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    pages = text.split("\f")
    for index, page_text in enumerate(pages):
        number = (index + 1) if len(pages) > 1 else page
        for paragraph in re.split(r"\n[ \t\u00a0]*\n", page_text):
            lines = [line.strip() for line in paragraph.split("\n")]
            lines = [line for line in lines if line]
            if lines:
                blocks.append(Block(text="\n".join(lines), page=number))
    return blocks


def read(path: Path) -> Document:
    """Read a text file into paragraph blocks (lines within a paragraph are kept, joined later by cleaning)."""
    text = decode(path.read_bytes())
    blocks = split_blocks(text)
    pages = len(text.split("\f")) if "\f" in text else None
    return Document(path=str(path), format="txt", blocks=blocks, pages=pages)
