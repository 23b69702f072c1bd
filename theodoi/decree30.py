"""Decree 30/2020/NĐ-CP document layout with python-docx: page, header, date line, body, signature block.

Shared by every administrative document the app drafts (reminder letters, the consolidated monthly report).
python-docx has no API for paragraph borders, the complex-script font or fields, so those few elements are
set through its oxml layer; everything else goes through the public API.
"""
from dataclasses import dataclass
from datetime import date

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from theodoi import formatting

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
HEADER_SIZE = Pt(13)
SMALL_SIZE = Pt(12)
FIRST_LINE_INDENT = Cm(1.27)
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_WIDTH = Mm(210 - 30 - 15)
# Word rejects a paragraph whose properties are out of schema order; these follow w:pBdr in CT_PPr.
_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                 "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                 "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                 "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                 "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
LEFT_COLUMN = Mm(60)  # the issuing body's column; the national title takes the rest
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass
class Heading:
    """What the two-column header says; `number` is printed as is ("Số: …/UBND-VP")."""
    issuer: list[str]
    number: str
    place: str
    day: date
    excerpt: str = ""  # "V/v …" of an official letter (công văn), printed under the number


def long_date(day: date) -> str:
    """Kept for callers: the one formatter lives in theodoi.formatting."""
    return formatting.long_date(day)


def place_and_date(place: str, day: date) -> str:
    return formatting.place_and_date(place, day)


def level_word(commune) -> str:
    """ "xã", "phường", "thị trấn", "đặc khu": from the commune itself, never typed into a document."""
    return commune.get_kind_display().lower()


def issuer_lines(commune) -> list[str]:
    """The issuing body at the top left (printed in capitals): "ỦY BAN NHÂN DÂN" / "PHƯỜNG HƯNG BÌNH"."""
    return ["Ủy ban nhân dân", f"{level_word(commune)} {commune.name}"]


def committee_short(commune) -> str:
    """ "UBND xã Hưng Đông", as a sentence names it."""
    return f"UBND {level_word(commune)} {commune.name}"


def number_words(number: str) -> str:
    """How a sentence cites a document's number: "số 12/KH-UBND"; "số …/KH-UBND" when the number was left blank
    on the paper ("Số: /KH-UBND"), never "số /KH-UBND"; nothing when no number was printed at all."""
    number = (number or "").strip()
    if not number:
        return ""
    return f"số …{number}" if number.startswith("/") else f"số {number}"


def plan_citation(plan) -> str:
    """ "Kế hoạch số …/KH-UBND ngày 30 tháng 12 năm 2022 của UBND xã Hưng Đông về phát triển kinh tế - xã hội …"."""
    title = plan.title.removeprefix("Kế hoạch").strip()
    title = title[:1].lower() + title[1:]
    parts = ["Kế hoạch", number_words(plan.number), formatting.long_date(plan.issued_on),
             f"của {committee_short(plan.commune)} về {title}"]
    return " ".join(p for p in parts if p)


def new_document() -> DocxDocument:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    for side, size in MARGINS.items():
        setattr(section, f"{side}_margin", size)
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, BODY_SIZE
    # Vietnamese text is "high ANSI"; the complex-script slot is set too so no run falls back to another font.
    style.element.rPr.rFonts.set(qn("w:cs"), FONT)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(0)
    return document


def write(paragraph, text: str, *, bold=False, italic=False, size=None):
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    if size is not None:
        run.font.size = size
    return run


def centered(cell_or_doc, text: str, *, first=False, **style):
    paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    write(paragraph, text, **style)
    return paragraph


def short_rule(cell, width):
    """The thin line under the issuer and the motto: an empty centred paragraph with a bottom border."""
    paragraph = cell.add_paragraph()
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = (cell.width - width) // 2
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.line_spacing = Pt(4)
    return bottom_border(paragraph)


def bottom_border(paragraph):
    """A thin single bottom border on a paragraph: with the paragraph empty, the short line Decree 30 draws under
    the issuer and the motto. Placed where the schema puts w:pBdr among the paragraph's properties."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDER)
    return paragraph


def layout_table(document, columns: list):
    """A borderless table used for layout only (header, signature)."""
    table = document.add_table(rows=1, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    fix_widths(table, columns)
    return table


def fix_widths(table, widths: list) -> None:
    """Word reads the cells' widths, LibreOffice the grid's: set both."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def header(document, heading: Heading):
    """Issuer and number at the left; national title, motto and the italic place-and-date at the right."""
    table = layout_table(document, [LEFT_COLUMN, TEXT_WIDTH - LEFT_COLUMN])
    left, right = table.rows[0].cells
    for index, line in enumerate(heading.issuer):
        centered(left, line.upper(), first=index == 0, bold=True, size=HEADER_SIZE)
    short_rule(left, Cm(2.5))
    centered(left, f"Số: {heading.number}", size=HEADER_SIZE)
    if heading.excerpt:
        centered(left, heading.excerpt, size=SMALL_SIZE)
    centered(right, NATIONAL_TITLE, first=True, bold=True, size=HEADER_SIZE)
    centered(right, MOTTO, bold=True, size=BODY_SIZE)
    short_rule(right, Cm(6.3))
    centered(right, place_and_date(heading.place, heading.day), italic=True, size=BODY_SIZE)
    document.add_paragraph()
    return table


def addressees(document, names: list[str]):
    """ "Kính gửi: X." for one; for several, "Kính gửi:" and one indented "- X;" line each."""
    if len(names) == 1:
        return centered(document, f"Kính gửi: {names[0]}.")
    centered(document, "Kính gửi:")
    for index, name in enumerate(names):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(4)
        write(paragraph, f"- {name}{'.' if index == len(names) - 1 else ';'}")
    document.add_paragraph()


def body_paragraph(document, text: str = "", *, bold_prefix: str = ""):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = FIRST_LINE_INDENT
    paragraph.paragraph_format.space_after = Pt(6)
    if bold_prefix:
        write(paragraph, bold_prefix, bold=True)
    write(paragraph, text)
    return paragraph


def grid_table(document, headings: list[str], rows: list[list[str]], widths: list):
    """A bordered data table; 12 pt so that several columns fit the 165 mm text width."""
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        centered(cell, text, first=True, bold=True, size=SMALL_SIZE)
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            write(cell.paragraphs[0], str(text), size=SMALL_SIZE)
    fix_widths(table, widths)
    document.add_paragraph()
    return table


def signature_block(document, recipients: list[str], signer_lines: list[str], name: str, widths=None):
    """ "Nơi nhận:" at the bottom left; the signing authority, room for the signature and the name at the right.

    The block never splits across pages: a signature alone on a page, away from the text it signs, is refused.
    """
    document.add_paragraph().paragraph_format.keep_with_next = True
    table = layout_table(document, widths or [TEXT_WIDTH // 2, TEXT_WIDTH - TEXT_WIDTH // 2])
    keep_on_one_page(table)
    left, right = table.rows[0].cells
    write(left.paragraphs[0], "Nơi nhận:", bold=True, italic=True, size=SMALL_SIZE)
    for line in recipients:
        write(left.add_paragraph(), line, size=Pt(11))
    for index, line in enumerate(signer_lines):
        centered(right, line.upper(), first=index == 0, bold=True, size=BODY_SIZE)
    for _ in range(4):
        right.add_paragraph()
    centered(right, name, bold=True, size=BODY_SIZE)
    return table


def keep_on_one_page(table) -> None:
    """python-docx has no API for w:cantSplit; a row that cannot split moves whole to the next page."""
    for row in table.rows:
        properties = row._tr.get_or_add_trPr()
        if properties.find(qn("w:cantSplit")) is None:
            properties.insert(0, OxmlElement("w:cantSplit"))


def signer_lines(title: str, collective: str = "TM. ỦY BAN NHÂN DÂN") -> list[str]:
    """A Vice-Chairman signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" on behalf of the Chairman (Decree 30, Appendix I)."""
    title = (title or "Chủ tịch").strip()
    if title.lower().startswith("phó"):
        return [collective, "KT. CHỦ TỊCH", title.upper()]
    return [collective, title.upper()]


def page_numbers(document) -> None:
    """Page number centred at the top, from page 2 on (python-docx has no field API, hence the PAGE field here)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)


def to_bytes(document) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
