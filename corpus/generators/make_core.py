"""Build the hand-annotated core corpus (a01–a14) for rapportextrakt.

Run from the repository root:

    .venv/bin/python corpus/generators/make_core.py

Writes the documents to corpus/reports/ and their hand-written gold
annotations to corpus/gold/<file>.gold.json. Document text and gold live in
corpus/generators/core/aNN_*.py (one module per document); this script only
renders them into .txt / .pdf / .docx.

Conventions in the document text:
  ¦  a possible hyphenation point (PDF only). When a word does not fit on the
     line, the PDF renderer breaks it there and writes "arbets-" / "marknaden".
     In .txt/.docx output the mark is simply removed.
"""

from __future__ import annotations

import importlib
import json
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REPORTS = ROOT / "corpus" / "reports"
GOLD = ROOT / "corpus" / "gold"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
HYPH = "¦"

sys.dont_write_bytecode = True  # keep corpus/generators free of __pycache__
sys.path.insert(0, str(HERE))

MODULES = [
    "a01_lagesrapport_jobbsteget_ht2019",
    "a02_lagesrapport_steget_vidare_vt2021",
    "a03_slutrapport_framtidsverkstan",
    "a04_lagesrapport_samverkan_adalen_ht2020",
    "a05_protokoll_styrelse_2020",
    "a06_lagesrapport_steget_vidare_vt2021_rev",
    "a07_slutrapport_halsolyftet",
    "a08_verksamhetsberattelse_2013",
    "a09_utvardering_unga_vuxna",
    "a10_delrapport_nystart_vt2019",
    "a11_lagesrapport_jobbsteget_vt2020",
    "a12_ansokan_kliv_in",
    "a13_projektbeskrivning_brobyggarna",
    "a14_lagesrapport_nya_vagar_ht21",
]


# --------------------------------------------------------------------------- txt
def write_txt(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n", wrap: int | None = None) -> None:
    text = text.replace(HYPH, "")
    if text.startswith("\n"):
        text = text[1:]
    if wrap:
        paras = text.split("\n\n")
        out = []
        for para in paras:
            if "\n" in para or len(para) <= wrap:
                out.append(para)
            else:
                out.append(textwrap.fill(para, width=wrap, break_long_words=False, break_on_hyphens=False))
        text = "\n\n".join(out)
    text = text.replace("\n", newline)
    path.write_bytes(text.encode(encoding))


# --------------------------------------------------------------------------- pdf
def render_pdf(path: Path, blocks: list, opts: dict) -> None:
    from fpdf import FPDF

    class ReportPDF(FPDF):
        def header(self):
            if opts.get("header"):
                self.set_font("DejaVu", "", 8)
                self.set_text_color(90, 90, 90)
                self.set_xy(self.l_margin, 10)
                self.cell(self.epw, 5, opts["header"], align="L")
                if opts.get("header_right"):
                    self.set_xy(self.l_margin, 10)
                    self.cell(self.epw, 5, opts["header_right"], align="R")
                self.line(self.l_margin, 16, self.l_margin + self.epw, 16)
                self.set_text_color(0, 0, 0)
                self.set_y(22)

        def footer(self):
            style = opts.get("footer")
            if not style:
                return
            self.set_y(-14)
            self.set_font("DejaVu", "", 8)
            n = self.page_no()
            text = {
                "sida": f"Sida {n} av {{nb}}",
                "dash": f"- {n} -",
                "paren": f"{n} ({{nb}})",
            }[style]
            self.cell(0, 5, text, align=opts.get("footer_align", "C"))

    pdf = ReportPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(22, 22, 22)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.alias_nb_pages()
    pdf.add_page()
    bottom = pdf.h - 24
    body = opts.get("body_size", 10)

    def ensure(h):
        if pdf.get_y() + h > bottom:
            pdf.add_page()

    def lines_for(text, w):
        """Greedy line breaking with optional hyphenation at HYPH marks."""
        words = text.split()
        lines, cur = [], ""
        space = pdf.get_string_width(" ")
        i = 0
        while i < len(words):
            word = words[i]
            disp = word.replace(HYPH, "")
            trial = (cur + " " + disp) if cur else disp
            if pdf.get_string_width(trial) <= w:
                cur = trial
                i += 1
                continue
            # try to hyphenate at the last mark that fits
            parts = word.split(HYPH)
            done = False
            for k in range(len(parts) - 1, 0, -1):
                head = "".join(parts[:k]) + "-"
                t2 = (cur + " " + head) if cur else head
                if pdf.get_string_width(t2) <= w:
                    lines.append(t2)
                    cur = ""
                    words[i] = HYPH.join(parts[k:])
                    done = True
                    break
            if done:
                continue
            if cur:
                lines.append(cur)
                cur = ""
            else:  # a single word wider than the line
                lines.append(disp)
                i += 1
        if cur:
            lines.append(cur)
        del space
        return lines

    def par(text, x, w, style="", size=None, lh=None, before=0.0, after=2.5, indent_first=""):
        size = size or body
        lh = lh or size * 0.5
        pdf.set_font("DejaVu", style, size)
        pdf.set_y(pdf.get_y() + before)
        for ln in lines_for(indent_first + text, w):
            ensure(lh)
            pdf.set_x(x)
            pdf.cell(w, lh, ln)
            pdf.set_y(pdf.get_y() + lh)
        pdf.set_y(pdf.get_y() + after)

    def table(rows, widths, x):
        lh = 7
        ensure(lh * len(rows) + 4)
        for r, row in enumerate(rows):
            pdf.set_x(x)
            for c, cell in enumerate(row):
                pdf.set_font("DejaVu", "B" if r == 0 or c == 0 else "", body)
                pdf.cell(widths[c], lh, str(cell), border=1, align="L" if c == 0 else "C")
            pdf.set_y(pdf.get_y() + lh)
        pdf.set_y(pdf.get_y() + 4)

    def run(blocks, x, w):
        for b in blocks:
            kind = b[0]
            if kind == "title":
                par(b[1], x, w, "B", b[2] if len(b) > 2 else 16, after=2)
            elif kind == "meta":
                par(b[1], x, w, "", body, after=1.5)
            elif kind == "h1":
                ensure(20)
                par(b[1], x, w, "B", opts.get("h1_size", 13), before=3, after=2)
            elif kind == "h2":
                ensure(18)
                par(b[1], x, w, "B", opts.get("h2_size", 11), before=1.5, after=1.5)
            elif kind == "q":
                ensure(14)
                par(b[1], x, w, "B", body, before=2, after=1.5)
            elif kind == "p":
                par(b[1], x, w)
            elif kind == "bullets":
                for item in b[1]:
                    y0 = pdf.get_y()
                    ensure(6)
                    pdf.set_font("DejaVu", "", body)
                    pdf.set_xy(x + 2, pdf.get_y() if pdf.get_y() >= y0 else y0)
                    pdf.cell(4, body * 0.5, "•")
                    par(item, x + 7, w - 7, after=1)
                pdf.set_y(pdf.get_y() + 1.5)
            elif kind == "table":
                table(b[1], b[2], x)
            elif kind == "pagebreak":
                pdf.add_page()
            elif kind == "space":
                pdf.set_y(pdf.get_y() + b[1])
            elif kind == "twocol":
                gap = 8
                cw = (w - gap) / 2
                y0 = pdf.get_y()
                run(b[1], x, cw)
                y1 = pdf.get_y()
                pdf.set_y(y0)
                run(b[2], x + cw + gap, cw)
                pdf.set_y(max(y1, pdf.get_y()))
            else:
                raise ValueError(kind)

    run(blocks, pdf.l_margin, pdf.epw)
    pdf.set_title(opts.get("title", ""))
    pdf.set_author(opts.get("author", ""))
    pdf.output(str(path))


# -------------------------------------------------------------------------- docx
def render_docx(path: Path, blocks: list, opts: dict) -> None:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    bold_headings = opts.get("bold_headings", False)

    def bold_par(text, size=None):
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.bold = True
        if size:
            r.font.size = Pt(size)
        return p

    for b in blocks:
        kind = b[0]
        text = b[1].replace(HYPH, "") if isinstance(b[1], str) else b[1]
        if kind == "title":
            if bold_headings:
                bold_par(text, 16)
            else:
                doc.add_heading(text, 0)
        elif kind == "meta":
            doc.add_paragraph(text)
        elif kind in ("h1", "h2"):
            if bold_headings:
                bold_par(text)
            else:
                doc.add_heading(text, 1 if kind == "h1" else 2)
        elif kind == "q":
            bold_par(text)
        elif kind == "p":
            doc.add_paragraph(text)
        elif kind == "bullets":
            for item in text:
                doc.add_paragraph(item.replace(HYPH, ""), style="List Bullet")
        elif kind == "table":
            rows = text
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    t.cell(r, c).text = str(cell)
                    if r == 0:
                        for run in t.cell(r, c).paragraphs[0].runs:
                            run.bold = True
        elif kind == "pagebreak":
            doc.add_page_break()
        else:
            raise ValueError(kind)
    doc.core_properties.title = opts.get("title", "")
    doc.core_properties.author = opts.get("author", "")
    doc.save(str(path))


# ------------------------------------------------------------------------- check
def read_back(path: Path) -> str:
    """Plain text of a generated file, as a reader would see it."""
    if path.suffix == ".txt":
        raw = path.read_bytes()
        for enc in ("utf-8-sig", "cp1252"):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError:
                continue
        raise ValueError(path)
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    if path.suffix == ".docx":
        from docx import Document

        doc = Document(str(path))
        parts = [p.text for p in doc.paragraphs]
        for t in doc.tables:
            for row in t.rows:
                parts.append(" ".join(c.text for c in row.cells))
        return "\n".join(parts)
    raise ValueError(path)


def _norm(text: str) -> str:
    import re

    text = text.replace("\r\n", "\n")
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)  # undo line-end hyphenation
    return re.sub(r"\s+", " ", text).strip()


def _source_text(m) -> str:
    if m.FORMAT == "txt":
        return m.TEXT.replace(HYPH, "")
    out = []

    def walk(blocks):
        for b in blocks:
            if b[0] == "twocol":
                walk(b[1])
                walk(b[2])
            elif b[0] in ("bullets",):
                out.extend(b[1])
            elif b[0] == "table":
                out.extend(" ".join(map(str, r)) for r in b[1])
            elif len(b) > 1 and isinstance(b[1], str):
                out.append(b[1])

    walk(m.BLOCKS)
    return "\n".join(out).replace(HYPH, "")


def check(path: Path, gold: dict, m) -> list[str]:
    """Every heading, title line and entity text in the gold must occur in the file
    as read back (or, for text split by a two-column layout, in the source)."""
    text = _norm(read_back(path))
    source = _norm(_source_text(m))
    problems = []
    items = [("title_line", t) for t in gold.get("title_lines", [])]
    items += [("heading", h) for h in gold.get("headings", []) + gold.get("optional_headings", [])]
    items += [("entity", e["text"]) for e in gold.get("entities", [])]
    for kind, s in items:
        if _norm(s) not in text:
            where = "only in source (layout splits it)" if _norm(s) in source else "not found"
            problems.append(f"{path.name}: {kind} {where}: {s!r}")
    if gold.get("project_name") and _norm(gold["project_name"]) not in text:
        problems.append(f"{path.name}: project_name not found")
    return problems


# -------------------------------------------------------------------------- main
def main() -> None:
    REPORTS.mkdir(parents=True, exist_ok=True)
    GOLD.mkdir(parents=True, exist_ok=True)
    only = set(sys.argv[1:])
    problems: list[str] = []
    for name in MODULES:
        if only and not any(name.startswith(o) for o in only):
            continue
        m = importlib.import_module(f"core.{name}")
        out = REPORTS / m.FILE
        if m.FORMAT == "txt":
            write_txt(out, m.TEXT, **getattr(m, "TXT_OPTS", {}))
        elif m.FORMAT == "pdf":
            render_pdf(out, m.BLOCKS, m.OPTS)
        elif m.FORMAT == "docx":
            render_docx(out, m.BLOCKS, m.OPTS)
        else:
            raise ValueError(m.FORMAT)
        gold = dict(m.GOLD)
        assert gold["file"] == m.FILE, name
        (GOLD / f"{m.FILE}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print("wrote", out.relative_to(ROOT))
        problems += check(out, gold, m)
    for p in problems:
        print("CHECK:", p)
    if any("not found" in p for p in problems):
        sys.exit(1)


if __name__ == "__main__":
    main()
