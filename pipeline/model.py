"""The data that flows through the pipeline: blocks, documents, sections and extracted rows.

Readers produce a `Document` of `Block`s; cleaning and sectioning turn it into
`Section`s; extractors turn a `Section` into rows (`Figure`, `DateMention`,
`Entity`) and a document's sections into `Metadata`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "table", "list_item"]
EXTENSIONS = {".txt": "txt", ".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".rtf": "rtf", ".odt": "odt"}


@dataclass
class Block:
    """One piece of a document as its reader saw it.

    `level` is set for headings whose level the format states (a `Heading 2`
    style, an ODT outline level). `rows` holds the cells of a table block; its
    `text` is the table linearised, one row a line, cells separated by tabs.
    `furniture` marks running headers, footers and page numbers that cleaning
    removes but keeps a record of.
    """

    text: str
    kind: BlockKind = "paragraph"
    page: int | None = None
    level: int | None = None
    bold: bool = False
    font_size: float | None = None
    style: str | None = None
    rows: list[list[str]] | None = None
    furniture: bool = False


@dataclass
class Document:
    """A file read into blocks, in reading order."""

    path: str
    format: str
    blocks: list[Block]
    pages: int | None = None
    ocr: bool = False
    ocr_confidence: float | None = None
    properties: dict[str, str] = field(default_factory=dict)


@dataclass
class SectionTable:
    """A table inside a section: its cells and where each cell stands in `Section.text`.

    `cell_spans[r][c]` is `(start, end)` of `rows[r][c]` within the section text.
    """

    rows: list[list[str]]
    cell_spans: list[list[tuple[int, int]]]
    page: int | None = None


@dataclass
class Section:
    """A document's text between one heading and the next.

    `pages` maps offsets in `text` to page numbers: a sorted list of
    `(offset, page)` where each page starts; use `page_at(offset)`.
    """

    ordinal: int
    heading: str | None
    level: int
    text: str
    page: int | None = None
    pages: list[tuple[int, int]] = field(default_factory=list)
    tables: list[SectionTable] = field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        """The page on which the character at `offset` of `text` stands."""
        page = self.page
        for start, number in self.pages:
            if start <= offset:
                page = number
            else:
                break
        return page


@dataclass
class Figure:
    """A number that means something, with its provenance inside a section."""

    value: float
    category: str
    span: str
    sentence: str
    char_start: int
    char_end: int
    value_max: float | None = None
    approx: bool = False
    measure: str | None = None
    gender: str | None = None
    unit: str | None = None
    page: int | None = None


@dataclass
class DateMention:
    """A date or period mentioned in a section; `start`/`end` are ISO dates or None."""

    text: str
    start: str | None
    end: str | None
    role: str
    char_start: int
    char_end: int
    page: int | None = None


@dataclass
class Entity:
    """A named organisation, place or person."""

    text: str
    label: str
    normalized: str
    char_start: int
    char_end: int


@dataclass
class Metadata:
    """What a report is: the document-level columns of the contract."""

    title: str | None = None
    report_type: str | None = None
    project_name: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    report_date: str | None = None


@dataclass
class Result:
    """What a worker hands back for one file: the document's columns and its rows, or why it failed."""

    path: str
    status: str
    error: str | None = None
    format: str | None = None
    pages: int | None = None
    ocr: bool = False
    ocr_confidence: float | None = None
    meta: Metadata = field(default_factory=Metadata)
    sections: list[Section] = field(default_factory=list)
    figures: list[list[dict[str, Any]]] = field(default_factory=list)
    dates: list[list[dict[str, Any]]] = field(default_factory=list)
    entities: list[list[dict[str, Any]]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @classmethod
    def failed(cls, relpath: str, reason: str) -> Result:
        """A file that could not be read or extracted, with a one-line reason; its format is told by its name."""
        suffix = PurePosixPath(relpath).suffix.lower()
        return cls(path=relpath, status="failed", error=reason, format=EXTENSIONS.get(suffix))


class ReadError(Exception):
    """A file that cannot be read; the message is a one-line reason a person understands."""
