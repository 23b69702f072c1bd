"""Next year's plan as a Word draft, in the layout the importer reads (Decree 30/2020/NĐ-CP, Appendix I).

The header, the body paragraphs, the grid table and the signature block are theodoi/decree30.py's, shared with every
document the app drafts. The task table has the plan's own header row (TT | NHIỆM VỤ | GIẢI PHÁP | PHÂN CÔNG CHỈ ĐẠO |
ĐƠN VỊ CHỦ TRÌ | ĐƠN VỊ PHỐI HỢP | THỜI GIAN HOÀN THÀNH), repeated on every page; a part or group is a row of its own,
and a task's further rows leave TT and NHIỆM VỤ empty, as the sample plan prints them.
"""
from datetime import date

from docx.oxml import OxmlElement
from docx.shared import Mm

from theodoi import decree30 as d30

from ..queries import Selection
from .appendix import Appendix

HEADINGS = ["TT", "NHIỆM VỤ", "GIẢI PHÁP", "PHÂN CÔNG CHỈ ĐẠO", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP",
            "THỜI GIAN HOÀN THÀNH"]
# The 165 mm between Decree 30's margins. The deadline column takes a date such as "17/5/2022" whole at 12 pt
# (about 20 mm, cell padding included: at 20 mm LibreOffice printed "17/5/202" and "2" on two lines).
WIDTHS = [Mm(10), Mm(33), Mm(38), Mm(20), Mm(19), Mm(19), Mm(26)]
NUMBER = "…/KH-UBND"  # the number is given when the plan is signed


def draft_docx(selection: Selection, indicators: Appendix, today: date) -> bytes:
    plan, year = selection.plan, selection.year
    document = d30.new_document()
    d30.page_numbers(document)
    d30.header(document, d30.Heading(issuer=d30.issuer_lines(plan.commune), number=NUMBER,
                                     place=plan.commune.name, day=today))
    d30.centered(document, "KẾ HOẠCH", bold=True)
    d30.centered(document, f"Phát triển kinh tế - xã hội năm {year}", bold=True)
    document.add_paragraph()
    d30.body_paragraph(document, f"Trên cơ sở kết quả thực hiện {d30.plan_citation(plan)}, "
                                 f"{d30.committee_short(plan.commune)} ban hành Kế hoạch phát triển kinh tế - xã hội "
                                 f"năm {year} như sau:")
    d30.body_paragraph(document, bold_prefix="I. CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU "
                                             f"NĂM {year} (Có Phụ lục I kèm theo)")
    d30.body_paragraph(document, bold_prefix="II. CÁC NHIỆM VỤ CỤ THỂ, GIẢI PHÁP VÀ PHÂN CÔNG THỰC HIỆN")
    _task_table(document, selection)
    _organisation(document, plan)
    d30.signature_block(document, _recipients(plan), d30.signer_lines(plan.signer_title), plan.signer_name)
    _appendix(document, plan, year, indicators, today)
    return d30.to_bytes(document)


def _task_table(document, selection: Selection) -> None:
    rows, previous = [], None
    for item, row in selection.lines():
        first = item is not previous
        previous = item
        number, title = (item.number, item.title) if first else ("", "")
        if row is None:
            rows.append([number, title, "", "", "", "", ""])
        else:
            rows.append([number, title, "\n".join(row.solutions), row.leaders, row.lead_units,
                         row.coordinating_units, row.deadline])
    table = d30.grid_table(document, HEADINGS, rows, WIDTHS)
    _repeat_header(table.rows[0])


def _repeat_header(row) -> None:
    """python-docx has no API for w:tblHeader: the heading row repeats at the top of every printed page."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _organisation(document, plan) -> None:
    d30.body_paragraph(document, bold_prefix="III. TỔ CHỨC THỰC HIỆN")
    if plan.report_day:
        d30.body_paragraph(document, "Các ban, ngành, đơn vị, cán bộ, công chức báo cáo kết quả, tiến độ thực hiện "
                                     f"về Văn phòng - Thống kê trước ngày {plan.report_day} hằng tháng.")


def _recipients(plan) -> list[str]:
    level = d30.level_word(plan.commune)
    return [f"- TT. Đảng ủy, TT HĐND {level};", f"- Chủ tịch, các Phó Chủ tịch UBND {level};",
            f"- Các ban, ngành, đơn vị, cán bộ, công chức {level};", "- Lưu: VT, VP."]


def _appendix(document, plan, year: int, indicators: Appendix, today: date) -> None:
    document.add_page_break()
    d30.centered(document, "Phụ lục I", bold=True)
    d30.centered(document, f"CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM {year}", bold=True)
    d30.centered(document, f"(Kèm theo Kế hoạch số {NUMBER} ngày … tháng … năm {today.year} của "
                           f"{d30.committee_short(plan.commune)})", italic=True)
    for group in indicators.groups:
        if group.part:
            d30.body_paragraph(document, bold_prefix=f"{group.part}. {group.name.upper()}")
        for line in group.lines:
            d30.body_paragraph(document, f"{line.number}. {line.text}")
    # Below the last group, as the sample prints its footnotes: the importer ties each to the line with its mark.
    for note in indicators.footnotes:
        d30.body_paragraph(document, f"{note.mark} {note.text}")
