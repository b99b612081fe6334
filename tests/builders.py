"""Build small PDF and DOCX files for reader tests."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from tests.conftest import FONT, FONT_BOLD


def report_pdf(path: Path) -> Path:
    """Two pages: running header, `Sida N av 2` footers, a hyphenated word, a drawn table, font-size headings."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_font("D", "", FONT)
    pdf.add_font("D", "B", FONT_BOLD)

    def furniture() -> None:
        pdf.set_font("D", "", 9)
        pdf.set_y(8)
        pdf.cell(0, 5, "Samordningsförbundet Mälardalen – Lägesrapport Vägen vidare", align="C")
        pdf.set_y(285)
        pdf.cell(0, 5, f"Sida {pdf.page_no()} av 2", align="C")
        pdf.set_y(25)

    pdf.add_page()
    furniture()
    pdf.set_font("D", "B", 16)
    pdf.cell(0, 10, "Bakgrund")
    pdf.ln(12)
    pdf.set_font("D", "", 11)
    pdf.multi_cell(
        0,
        6,
        "Projektet riktar sig till personer som står långt från arbets-\n"
        "marknaden och drivs som ett EU-projekt i samverkan med kommunen.\n"
        "Arbetet startade 2020-12-01 enligt plan.",
    )
    pdf.ln(6)
    pdf.set_font("D", "B", 13)
    pdf.cell(0, 8, "Deltagare")
    pdf.ln(10)
    pdf.set_font("D", "", 11)
    with pdf.table() as table:
        for cells in (["", "Planerat", "Utfall"], ["Kvinnor", "20", "14"], ["Män", "20", "9"], ["Totalt", "40", "23"]):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.add_page()
    furniture()
    pdf.set_font("D", "B", 16)
    pdf.cell(0, 10, "Resultat")
    pdf.ln(12)
    pdf.set_font("D", "", 11)
    pdf.multi_cell(0, 6, "Under perioden har nio deltagare gått vidare till arbete eller studier.")
    pdf.output(str(path))
    return path


def report_docx(path: Path) -> Path:
    """Heading styles, a bold-only heading, a list and a participant table."""
    import docx

    document = docx.Document()
    document.add_paragraph("Slutrapport Jobbsteget", style="Title")
    document.add_heading("Bakgrund", level=1)
    document.add_paragraph("Jobbsteget startade hösten 2019 med stöd av Samordningsförbundet Gävleborg.")
    document.add_heading("Mål och målgrupp", level=2)
    document.add_paragraph("Målgruppen är unga vuxna som uppbär försörjningsstöd.")
    document.add_paragraph("Arbetsträning", style="List Bullet")
    document.add_paragraph("Studiebesök", style="List Bullet")
    bold = document.add_paragraph()
    bold.add_run("Deltagare").bold = True
    table = document.add_table(rows=3, cols=3)
    for r, cells in enumerate((["", "Planerat", "Utfall"], ["Kvinnor", "15", "12"], ["Män", "15", "17"])):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.add_paragraph("Fler män än planerat har deltagit under året, vilket beskrivs nedan.")
    document.save(str(path))
    return path


def encrypted_pdf(path: Path) -> Path:
    """A one-page PDF that needs a password to open."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Hemligt")
    pdf.set_encryption(owner_password="a", user_password="b")
    pdf.output(str(path))
    return path
