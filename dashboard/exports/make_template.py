"""Writes dashboard/templates_docx/bao-cao-thang.docx, the docxtpl template of the consolidated report.

Run once (`.venv/bin/python -m dashboard.exports.make_template`) and commit the result; from then on the office may
restyle the .docx in Word, as long as the {{ … }} and {%p … %} tags stay intact. Re-running never overwrites it:
a new build goes beside it as bao-cao-thang-moi.docx, to compare and copy from by hand (theodoi.exports.save_new).
Layout after Decree 30/2020/NĐ-CP (GUIDE §3) from the shared builder theodoi.decree30: A4, margins 20/20/30/15 mm,
Times New Roman 14, the page number centred at the top from page 2; here only the parts that hold template tags.
"""
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt

from theodoi import decree30 as d30
from theodoi.exports import save_new

TARGET = Path(__file__).resolve().parent.parent / "templates_docx" / "bao-cao-thang.docx"
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


def new_template():
    """The shared Decree 30 page and page number; the template's paragraphs keep 6 pt above them."""
    doc = d30.new_document()
    doc.sections[0].header_distance = Mm(10)
    doc.styles["Normal"].paragraph_format.space_before = Pt(6)
    d30.page_numbers(doc)
    return doc


def para(container, text="", *, bold=False, italic=False, size=14, align=JUSTIFY, indent=True, before=6):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(before)
    if indent and align == JUSTIFY:
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    return paragraph


def rule(container, inset_mm: float) -> None:
    """A short centred line: an empty paragraph's bottom border, inset from both sides."""
    paragraph = para(container, align=CENTER, before=0)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Mm(inset_mm)
    paragraph.paragraph_format.line_spacing = Pt(2)
    d30.bottom_border(paragraph)


def cell_lines(cell, lines, *, size=13, align=CENTER) -> None:
    """Fill a table cell; each line is (text, bold, italic)."""
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    for text, bold, italic in lines:
        para(cell, text, bold=bold, italic=italic, size=size, align=align, before=0)


def layout_table(doc, widths_mm):
    table = doc.add_table(rows=1, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    set_widths(table, widths_mm)
    return table


def set_widths(table, widths_mm) -> None:
    d30.fix_widths(table, [Mm(width) for width in widths_mm])


def letterhead(doc) -> None:
    table = layout_table(doc, (62, 103))
    left, right = table.rows[0].cells
    cell_lines(left, [("ỦY BAN NHÂN DÂN", True, False), ("{{ commune_upper }}", True, False)])
    rule(left, 20)
    cell_lines(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False)], size=12)
    para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align=CENTER, before=0)
    rule(right, 24)
    number, place = table.add_row().cells
    cell_lines(number, [("Số: {{ number }}", False, False)])
    cell_lines(place, [("{{ place }}, {{ date_text }}", False, True)], size=14)


def title(doc) -> None:
    para(doc, "BÁO CÁO", bold=True, align=CENTER, before=18)
    para(doc, "{{ subject }}", bold=True, align=CENTER, before=0)
    rule(doc, 60)


def loop(doc, opening: str, line: str, closing: str = "{%p endfor %}", **style) -> None:
    para(doc, opening, before=0)
    para(doc, line, **style)
    para(doc, closing, before=0)


def section_results(doc) -> None:
    para(doc, "Thực hiện {{ plan_citation }}, {{ committee }} báo cáo tình hình thực hiện (số liệu từ {{ data_from }} "
              "đến {{ data_to }}) như sau:")
    para(doc, "Số liệu tính đến {{ cutoff }}; tình trạng các nhiệm vụ được xác định tại ngày này.", italic=True)
    para(doc, "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", bold=True)
    para(doc, "{{ summary }}")
    para(doc, "{%p for part in parts %}", before=0)
    para(doc, "{{ part.title }}", bold=True)
    para(doc, "{%p for group in part.groups %}", before=0)
    para(doc, "{{ group.title }}", bold=True, italic=True)
    loop(doc, "{%p for item in group.lines %}", "- {{ item }}")
    para(doc, "{%p endfor %}", before=0)
    para(doc, "{%p endfor %}", before=0)


def section_indicators(doc) -> None:
    para(doc, "II. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU", bold=True)
    # Fixed layout: left to autofit, LibreOffice narrows "Kế hoạch năm" until "46.341.000.000 đồng" breaks.
    widths = (14, 46, 43, 35, 27)
    table = doc.add_table(rows=4, cols=5)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    heads = ("Mã", "Chỉ tiêu", "Kế hoạch năm", "Thực hiện", "Đánh giá")
    values = ("{{ i.code }}", "{{ i.name }}", "{{ i.target }}", "{{ i.value }}", "{{ i.attainment }}")
    for column, (head, value) in enumerate(zip(heads, values, strict=True)):
        for row, (text, bold) in enumerate(((head, True), ("", False), (value, False), ("", False))):
            cell = table.rows[row].cells[column]
            cell_lines(cell, [(text, bold, False)], size=12, align=CENTER if row == 0 else LEFT)
    set_widths(table, widths)  # every cell and the grid, once the cells are filled
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for i in indicators %}")
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")


def sections_closing(doc) -> None:
    para(doc, "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", bold=True)
    para(doc, "{{ overdue_summary }}")
    loop(doc, "{%p for item in obstacles %}", "- {{ item }}")
    para(doc, "IV. ĐỀ XUẤT, KIẾN NGHỊ", bold=True)
    loop(doc, "{%p for item in proposals %}", "- {{ item }}")
    para(doc, "V. NHIỆM VỤ TRỌNG TÂM {{ next_words }}", bold=True)
    para(doc, "1. Các nhiệm vụ đến hạn ({{ next_window }})", italic=True, bold=True)
    loop(doc, "{%p for item in due_next %}", "- {{ item }}")
    para(doc, "2. Các nhiệm vụ đã quá hạn, cần tập trung chỉ đạo hoàn thành", italic=True, bold=True)
    loop(doc, "{%p for item in overdue %}", "- {{ item }}")
    para(doc, "Trên đây là báo cáo tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội {{ period_label }} "
              "của {{ committee }}./.")


def signature(doc) -> None:
    """Kept on one page: the row cannot split, and the paragraph before it keeps with it."""
    table = layout_table(doc, (80, 85))
    d30.keep_on_one_page(table)
    recipients, signer = table.rows[0].cells
    cell_lines(recipients, [("Nơi nhận:", True, True)], size=12, align=LEFT)
    for line in ("- TT. Đảng ủy, TT. HĐND {{ level }};", "- Chủ tịch, các PCT UBND {{ level }};",
                 "- Các ban, ngành, đơn vị;", "- Lưu: VT, VP."):
        para(recipients, line, size=11, align=LEFT, before=0)
    cell_lines(signer, [("TM. ỦY BAN NHÂN DÂN", True, False), ("CHỦ TỊCH", True, False)], size=14)
    for _ in range(4):
        para(signer, align=CENTER, before=0)
    para(signer, "{{ signer_name }}", bold=True, align=CENTER, before=0)


def build(target: Path = TARGET) -> Path:
    """Where the new template went: `target` if it was missing, else a new name beside the office's copy."""
    doc = new_template()
    letterhead(doc)
    title(doc)
    section_results(doc)
    section_indicators(doc)
    sections_closing(doc)
    para(doc, before=0).paragraph_format.keep_with_next = True
    signature(doc)
    return save_new(doc, target)


if __name__ == "__main__":
    print(build())
