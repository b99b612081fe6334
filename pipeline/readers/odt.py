"""OpenDocument text (.odt), read with odfpy: pure Python, no LibreOffice needed.

The body is walked in document order. `text:h` becomes a heading block with
its outline level; a `text:p` whose style is an outline style (a "Heading 2"
paragraph that is not marked up as `text:h`) is a heading too. Paragraphs in
lists become `list_item` blocks; tables become `table` blocks whose `rows` are
the cells (whitespace collapsed, so each cell stands verbatim in the text; a
cell covered by a merged neighbour is an empty string, so columns line up) and
whose text is one row a line, cells separated by tabs. Footnotes
and text boxes are emitted as their own blocks right after the paragraph they
are anchored in, so they do not break its sentences. Tracked deletions,
comments and cached list labels are left out.

An ODT file stores no page layout that can be trusted (soft page breaks are
whatever the last editor happened to render), so blocks carry no page and
`Document.pages` is None.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from odf.element import Node
from odf.namespaces import DCNS, DRAWNS, FONS, METANS, OFFICENS, STYLENS, TABLENS, TEXTNS
from odf.opendocument import load

from pipeline.model import Block, Document, ReadError

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ENTRIES = 5000
_PARTS = ("content.xml", "styles.xml", "meta.xml")
_MAX_REPEAT = 64  # cap on number-columns/rows-repeated, which can be huge for padding cells
_SPACES = re.compile(r"[ \t\r\n]+")

# Containers whose text is not part of the running text.
_SKIP = {
    (TEXTNS, "tracked-changes"),
    (TEXTNS, "sequence-decls"),
    (TEXTNS, "variable-decls"),
    (TEXTNS, "user-field-decls"),
    (TEXTNS, "dde-connection-decls"),
    (OFFICENS, "forms"),
    (OFFICENS, "annotation"),
    (OFFICENS, "annotation-end"),
}
# Inline elements that carry no running text.
_INLINE_SKIP = _SKIP | {
    (TEXTNS, "note-citation"),
    (TEXTNS, "number"),  # a cached list label, not content
    (TEXTNS, "change"),
    (TEXTNS, "change-start"),
    (TEXTNS, "change-end"),
    (TEXTNS, "bookmark"),
    (TEXTNS, "bookmark-start"),
    (TEXTNS, "bookmark-end"),
    (TEXTNS, "reference-mark"),
    (TEXTNS, "reference-mark-start"),
    (TEXTNS, "reference-mark-end"),
    (TEXTNS, "soft-page-break"),
    (TEXTNS, "ruby-text"),
}
# Inline elements holding block content (text boxes, shapes) that is read as blocks of its own.
_INLINE_BLOCKS = {
    (DRAWNS, "frame"),
    (DRAWNS, "a"),
    (DRAWNS, "g"),
    (DRAWNS, "custom-shape"),
    (DRAWNS, "rect"),
    (DRAWNS, "ellipse"),
}
_TABLE_ROW_GROUPS = {
    (TABLENS, "table-header-rows"),
    (TABLENS, "table-rows"),
    (TABLENS, "table-row-group"),
}


@dataclass
class _Style:
    display_name: str | None
    automatic: bool
    parent: str | None
    outline_level: int | None
    bold: bool | None
    size: str | None


class _Styles:
    """Paragraph and text styles by name, resolved through their parent chain."""

    def __init__(self, document) -> None:
        self._styles: dict[tuple[str, str], _Style] = {}
        self._default_size: dict[str, str] = {}
        for container, automatic in ((document.styles, False), (document.automaticstyles, True)):
            for child in container.childNodes:
                if child.nodeType != Node.ELEMENT_NODE:
                    continue
                family = child.getAttrNS(STYLENS, "family") or ""
                if child.qname == (STYLENS, "default-style"):
                    size = _text_property(child, "font-size")
                    if size:
                        self._default_size[family] = size
                elif child.qname == (STYLENS, "style"):
                    level = child.getAttrNS(STYLENS, "default-outline-level")
                    weight = _text_property(child, "font-weight")
                    self._styles[(family, child.getAttrNS(STYLENS, "name"))] = _Style(
                        display_name=child.getAttrNS(STYLENS, "display-name"),
                        automatic=automatic,
                        parent=child.getAttrNS(STYLENS, "parent-style-name"),
                        # an empty level (as on "Contents Heading") stops inheritance from a heading parent
                        outline_level=None if level is None else (int(level) if level.isdigit() else 0),
                        bold=None if weight is None else weight in {"bold", "600", "700", "800", "900"},
                        size=_text_property(child, "font-size"),
                    )

    def _chain(self, family: str, name: str | None) -> list[tuple[str, _Style]]:
        chain: list[tuple[str, _Style]] = []
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            style = self._styles.get((family, name))
            if style is None:
                chain.append((name, _Style(None, False, None, None, None, None)))
                break
            chain.append((name, style))
            name = style.parent
        return chain

    def display_name(self, family: str, name: str | None) -> str | None:
        """The name of the first named (not automatic) style in the chain, as a person sees it."""
        for style_name, style in self._chain(family, name):
            if not style.automatic:
                return style.display_name or style_name.replace("_20_", " ")
        return None

    def outline_level(self, family: str, name: str | None) -> int | None:
        level = next((s.outline_level for _, s in self._chain(family, name) if s.outline_level is not None), None)
        return level or None

    def bold(self, family: str, name: str | None) -> bool:
        return next((s.bold for _, s in self._chain(family, name) if s.bold is not None), False)

    def sets_weight(self, name: str) -> bool:
        """Whether a text style (or one it inherits from) says bold or not bold."""
        return any(s.bold is not None for _, s in self._chain("text", name))

    def size(self, family: str, name: str | None) -> float | None:
        """Font size in points; percentages are taken relative to the parent style."""
        factor = 1.0
        sizes = [s.size for _, s in self._chain(family, name) if s.size] + [self._default_size.get(family)]
        for size in sizes:
            if not size:
                continue
            if size.endswith("%"):
                factor *= _number(size[:-1]) / 100
                continue
            points = _points(size)
            return round(points * factor, 1) if points is not None else None
        return None


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 100.0


def _points(size: str) -> float | None:
    match = re.fullmatch(r"([\d.]+)\s*(pt|cm|mm|in|px)?", size.strip())
    if not match:
        return None
    value = float(match.group(1))
    return value * {"pt": 1, None: 1, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72, "px": 0.75}[match.group(2)]


def _text_property(style, name: str) -> str | None:
    for child in style.childNodes:
        if child.nodeType == Node.ELEMENT_NODE and child.qname == (STYLENS, "text-properties"):
            return child.getAttrNS(FONS, name)
    return None


def _elements(node):
    return (child for child in node.childNodes if child.nodeType == Node.ELEMENT_NODE)


class _Reader:
    def __init__(self, document) -> None:
        self.styles = _Styles(document)

    # Block-level content ---------------------------------------------------------------

    def walk(self, node, out: list[Block], in_list: bool = False) -> None:
        for child in _elements(node):
            qname = child.qname
            if qname in _SKIP:
                continue
            if qname == (TEXTNS, "h"):
                out.extend(self.paragraph(child, heading=True))
            elif qname == (TEXTNS, "p"):
                out.extend(self.paragraph(child, list_item=in_list))
            elif qname == (TEXTNS, "list"):
                self.walk(child, out, in_list=True)
            elif qname == (TABLENS, "table"):
                table = self.table(child)
                if table is not None:
                    out.append(table)
            else:  # sections, list items, tables of contents, frames: look inside
                self.walk(child, out, in_list=in_list)

    def paragraph(self, node, heading: bool = False, list_item: bool = False) -> list[Block]:
        style_name = node.getAttrNS(TEXTNS, "style-name")
        pieces: list[tuple[str, bool]] = []
        extra: list[Block] = []
        self.inline(node, pieces, extra, self.styles.bold("paragraph", style_name))
        text = "\n".join(line.strip() for line in "".join(text for text, _ in pieces).split("\n"))
        text = text.strip("\n")
        blocks: list[Block] = []
        if text.strip():
            raw = node.getAttrNS(TEXTNS, "outline-level") if heading else None
            if raw and raw.isdigit() and int(raw) > 0:
                level: int | None = int(raw)
            else:
                level = self.styles.outline_level("paragraph", style_name) or (1 if heading else None)
            written = [bold for piece, bold in pieces if piece.strip()]
            blocks.append(
                Block(
                    text=text,
                    kind="heading" if level else ("list_item" if list_item else "paragraph"),
                    level=level,
                    bold=bool(written) and all(written),
                    font_size=self.styles.size("paragraph", style_name),
                    style=self.styles.display_name("paragraph", style_name),
                )
            )
        return blocks + extra

    def inline(self, node, pieces: list[tuple[str, bool]], extra: list[Block], bold: bool) -> None:
        for child in node.childNodes:
            if child.nodeType == Node.TEXT_NODE:
                pieces.append((_SPACES.sub(" ", child.data), bold))
                continue
            if child.nodeType != Node.ELEMENT_NODE:
                continue
            qname = child.qname
            if qname in _INLINE_SKIP:
                continue
            if qname == (TEXTNS, "s"):
                count = child.getAttrNS(TEXTNS, "c")
                pieces.append((" " * min(int(count) if count and count.isdigit() else 1, 100), bold))
            elif qname == (TEXTNS, "tab"):
                pieces.append(("\t", bold))
            elif qname == (TEXTNS, "line-break"):
                pieces.append(("\n", bold))
            elif qname == (TEXTNS, "note"):
                for body in _elements(child):
                    if body.qname == (TEXTNS, "note-body"):
                        self.walk(body, extra)
            elif qname in _INLINE_BLOCKS:
                self.walk(child, extra)
            elif qname == (TEXTNS, "span"):
                style = child.getAttrNS(TEXTNS, "style-name")
                span_bold = self.styles.bold("text", style) if style and self.styles.sets_weight(style) else bold
                self.inline(child, pieces, extra, span_bold)
            else:  # links, fields (their cached value is the text), metadata wrappers
                self.inline(child, pieces, extra, bold)

    # Tables ----------------------------------------------------------------------------

    def table(self, node) -> Block | None:
        rows: list[list[str]] = []
        for row in self._rows(node):
            cells: list[str] = []
            for cell in _elements(row):
                if cell.qname not in {(TABLENS, "table-cell"), (TABLENS, "covered-table-cell")}:
                    continue
                inner: list[Block] = []
                if cell.qname == (TABLENS, "table-cell"):
                    self.walk(cell, inner)
                text = " ".join(" ".join(block.text for block in inner).split())
                cells.extend([text] * _repeat(cell, "number-columns-repeated"))
            rows.extend([cells] * _repeat(row, "number-rows-repeated"))
        rows = [row for row in rows if any(cell.strip() for cell in row)]
        if not rows:
            return None
        text = "\n".join("\t".join(row) for row in rows)
        name = node.getAttrNS(TABLENS, "name")
        return Block(text=text, kind="table", rows=[list(row) for row in rows], style=name)

    def _rows(self, node):
        for child in _elements(node):
            if child.qname == (TABLENS, "table-row"):
                yield child
            elif child.qname in _TABLE_ROW_GROUPS:
                yield from self._rows(child)


def _repeat(node, attribute: str) -> int:
    raw = node.getAttrNS(TABLENS, attribute)
    return min(int(raw), _MAX_REPEAT) if raw and raw.isdigit() and int(raw) > 0 else 1


_META_FIELDS = {
    (DCNS, "title"): "title",
    (DCNS, "subject"): "subject",
    (METANS, "initial-creator"): "author",
    (METANS, "creation-date"): "created",
    (DCNS, "date"): "modified",
}


def _properties(document) -> dict[str, str]:
    properties: dict[str, str] = {}
    keywords: list[str] = []
    for child in _elements(document.meta):
        value = "".join(
            node.data for node in child.childNodes if node.nodeType == Node.TEXT_NODE and isinstance(node.data, str)
        ).strip()
        if not value:
            continue
        if child.qname == (METANS, "keyword"):
            keywords.append(value)
        elif child.qname in _META_FIELDS:
            properties[_META_FIELDS[child.qname]] = value
    if keywords:
        properties["keywords"] = ", ".join(keywords)
    return properties


def _check_archive(path: Path) -> None:
    """Refuse what odfpy would choke on or silently half-read: a broken zip, missing parts, malformed XML."""
    part = ""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise ReadError(f"the ODT archive has {len(infos)} entries, more than the limit of {MAX_ENTRIES}")
            total = sum(info.file_size for info in infos)
            if total > MAX_UNCOMPRESSED:
                raise ReadError(f"the ODT file would unpack to {total // 1_000_000} MB, more than the limit")
            names = {info.filename for info in infos}
            for required in ("content.xml", "META-INF/manifest.xml"):
                if required not in names:
                    raise ReadError(f"the ODT file is incomplete (it has no {required})")
            if b"encryption-data" in archive.read("META-INF/manifest.xml"):
                raise ReadError("the ODT file is encrypted (password protected)")
            for part in _PARTS:
                if part in names:
                    with archive.open(part) as stream:
                        expat.ParserCreate().ParseFile(stream)
    except expat.ExpatError as exc:
        reason = expat.ErrorString(exc.code)
        raise ReadError(f"the ODT file is damaged ({part} is not valid XML: {reason}, line {exc.lineno})") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ReadError(f"the ODT file is damaged (its zip archive cannot be unpacked: {exc})") from exc
    except RuntimeError as exc:  # zipfile: an encrypted entry
        raise ReadError("the ODT file is encrypted (password protected)") from exc


def read(path: Path) -> Document:
    """Read an ODT file's body into blocks, with heading levels, list items and tables."""
    _check_archive(path)
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # odfpy prints whole parts when it cannot parse them
            document = load(str(path))
    except Exception as exc:  # odfpy raises many kinds on files it does not understand
        detail = " ".join(str(exc).split())[:200]
        raise ReadError(f"the ODT file cannot be read ({type(exc).__name__}: {detail})") from exc
    if not document.mimetype.startswith("application/vnd.oasis.opendocument.text"):
        kind = document.mimetype.rsplit(".", 1)[-1] if document.mimetype else "unknown"
        raise ReadError(f"an OpenDocument {kind} file, not a text document")
    body = getattr(document, "text", None)
    if body is None:
        raise ReadError("the ODT file has no text body")
    blocks: list[Block] = []
    _Reader(document).walk(body, blocks)
    return Document(path=str(path), format="odt", blocks=blocks, pages=None, properties=_properties(document))
