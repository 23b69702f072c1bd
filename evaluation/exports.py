"""The proposal sheet (phiếu đề xuất xếp loại), one row generator rendered as DOCX (Decree 30 layout) or XLSX.

Each line carries the rows behind its figures by task code, so a reader of the paper can find them in the plan.
"""
from io import BytesIO

from django.urls import reverse
from django.utils import timezone
from docx.enum.section import WD_ORIENT
from docx.shared import Mm
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from reports import status as st
from theodoi import decree30
from theodoi.xlsx_safe import safe_cell

from .models import SLUG_OF
from .rules.common import percent

HEADINGS = ["STT", "Đối tượng", "Đơn vị / lĩnh vực", "Số dòng được giao", "Hoàn thành đúng hạn",
            "Hoàn thành quá hạn", "Chưa hoàn thành, trong hạn", "Quá hạn chưa hoàn thành", "Tỷ lệ báo cáo",
            "Tỷ lệ báo cáo đúng hạn", "Số lần bị trả lại", "Chỉ tiêu đạt / không đạt", "Điểm", "Mức đề xuất",
            "Mức đề nghị", "Lý do", "Căn cứ (dòng nhiệm vụ)"]


def lines(evaluation):
    """(group label, [[cell, …], …]) per group; numbers stay numbers for the spreadsheet."""
    for kind, label, subjects, cap in evaluation.groups():
        yield label, cap, [_line(index, subject) for index, subject in enumerate(subjects, 1)], subjects


def _line(index, subject) -> list:
    f = subject.figures
    overdue = f.having(st.OPEN_OVERDUE)
    points = subject.proposed.points
    return [index, subject.name, subject.detail, len(f.rows), len(f.having(st.DONE_ON_TIME)),
            len(f.having(st.DONE_LATE)), len(f.having(st.OPEN_IN_TIME)),
            f"{len(overdue)}" + (f" ({max(r.status.days_overdue for r in overdue)} ngày)" if overdue else ""),
            f"{len(f.received)}/{len(f.expected)} ({percent(f.reporting_rate)})",
            f"{len(f.on_time_reports)}/{len(f.expected)} ({percent(f.on_time_rate)})", f.returns,
            f"{len(f.indicators_met)} / {len(f.indicators_missed)}",
            "" if points is None else round(points, 1), subject.proposed.label, subject.level_label,
            " ".join(subject.reasons), evidence(subject)]


def evidence(subject) -> str:
    parts = []
    for code in (st.DONE_ON_TIME, st.DONE_LATE, st.OPEN_OVERDUE):
        rows = subject.figures.having(code)
        if rows:
            parts.append(f"{st.LABELS[code]}: " + ", ".join(_row_ref(row) for row in rows))
    return "; ".join(parts)


def _row_ref(row) -> str:
    ref = f"{row.assignment.node.code}/{row.assignment.order}"
    return f"{ref} ({row.status.days_overdue} ngày)" if row.status.days_overdue else ref


def _title(evaluation) -> str:
    facts = evaluation.facts
    return (f"Đề xuất xếp loại chất lượng năm {evaluation.plan.year} theo kết quả thực hiện Kế hoạch phát triển "
            f"kinh tế - xã hội (số liệu từ {facts.start:%d/%m/%Y} đến {facts.as_of:%d/%m/%Y})")


def xlsx_bytes(evaluation, base_url: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "De xuat xep loai"
    sheet.append([safe_cell(_title(evaluation))])
    sheet.append([safe_cell(f"Căn cứ: {evaluation.rules.NAME}")])
    for label, cap, rows, subjects in lines(evaluation):
        sheet.append([])
        sheet.append([label])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.append(HEADINGS + ["Xem căn cứ"])
        for row, subject in zip(rows, subjects):
            sheet.append([safe_cell(v) for v in row] + [_link(evaluation, subject, base_url)])
            sheet.cell(sheet.max_row, len(HEADINGS) + 1).hyperlink = _link(evaluation, subject, base_url)
        if cap.exceeded:
            sheet.append([safe_cell(cap_warning(cap))])
    for column, width in zip("ABCDEFGHIJKLMNOPQR", (5, 28, 22, 8, 8, 8, 8, 10, 12, 12, 8, 10, 7, 22, 22, 60, 50, 40)):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _link(evaluation, subject, base_url: str) -> str:
    return base_url + reverse("evaluation_subject", args=[evaluation.plan.pk, SLUG_OF[subject.kind], subject.pk])


def cap_warning(cap) -> str:
    return (f"Cảnh báo: đề nghị {cap.excellent} Hoàn thành xuất sắc, vượt mức tối đa {cap.allowed} "
            f"(20% của {cap.rated_good_or_better} người/đơn vị từ Hoàn thành tốt trở lên).")


DOCX_COLUMNS = (0, 1, 3, 4, 5, 7, 9, 10, 13, 14, 15, 16)  # the paper keeps the figures a council reads


def docx_bytes(evaluation, base_url: str) -> bytes:
    plan = evaluation.plan
    document = decree30.new_document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = decree30.PAGE_HEIGHT, decree30.PAGE_WIDTH
    decree30.page_numbers(document)
    commune = plan.commune
    decree30.header(document, decree30.Heading(
        issuer=["ỦY BAN NHÂN DÂN", f"{commune.get_kind_display()} {commune.name}"], number="…/BC-UBND",
        place=commune.name, day=timezone.localdate()))
    decree30.centered(document, "BÁO CÁO", bold=True, size=decree30.BODY_SIZE)
    decree30.centered(document, _title(evaluation), bold=True, size=decree30.BODY_SIZE)
    decree30.body_paragraph(document, f"Căn cứ {evaluation.rules.NAME}; căn cứ kết quả theo dõi thực hiện các "
                                      "nhiệm vụ, báo cáo hằng tháng của các đơn vị trên hệ thống theodoi, Ủy ban nhân "
                                      "dân đề xuất xếp loại như sau:")
    _docx_groups(document, evaluation)
    decree30.signature_block(document, ["- Như trên;", "- Hội đồng Thi đua - Khen thưởng;", "- Lưu: VT."],
                             decree30.signer_lines(plan.signer_title or "Chủ tịch"), plan.signer_name)
    return decree30.to_bytes(document)


def _docx_groups(document, evaluation) -> None:
    headings = [HEADINGS[i] for i in DOCX_COLUMNS]
    widths = [Mm(w) for w in (8, 32, 12, 13, 13, 18, 18, 12, 22, 22, 45, 37)]
    for number, (label, cap, rows, _) in enumerate(lines(evaluation), 1):
        decree30.body_paragraph(document, "", bold_prefix=f"{number}. {label}")
        decree30.grid_table(document, headings, [[str(row[i]) for i in DOCX_COLUMNS] for row in rows], widths)
        if cap.exceeded:
            decree30.body_paragraph(document, cap_warning(cap))
