"""The proposal sheet (phiếu đề xuất xếp loại), one row generator rendered as DOCX (Decree 30 layout) or XLSX.

Each line carries the rows behind its figures by task code, so a reader of the paper can find them in the plan.
"""
from datetime import date

from django.urls import reverse
from docx.enum.section import WD_ORIENT
from docx.shared import Mm
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from reports.rules import status as st
from theodoi import clock, decree30
from theodoi import exports as xs
from theodoi import formatting as fmt

from .models import SLUG_OF
from .rules.common import percent

HEADINGS = ["STT", "Đối tượng", "Đơn vị / lĩnh vực", "Số nhiệm vụ được giao", "Hoàn thành đúng hạn",
            "Hoàn thành quá hạn", "Chưa hoàn thành, trong hạn", "Chưa hoàn thành, quá hạn", "Tỷ lệ báo cáo",
            "Tỷ lệ báo cáo đúng hạn", "Số lần bị trả lại", "Chỉ tiêu đạt / không đạt", "Điểm", "Mức đề xuất",
            "Mức đề nghị", "Lý do", "Căn cứ (nhiệm vụ)"]
XLSX_WIDTHS = [5, 24, 20, 9, 10, 10, 11, 12, 12, 12, 9, 10, 7, 16, 16, 50, 45, 30]
# The decrees cited in full the first time (Decree 30/2020/NĐ-CP, Appendix I: a document cited by its kind,
# number, date, issuer and excerpt). Dates and excerpts as each decree's own heading prints them.
DECREES = {
    "decree_90_2020": (
        f"Nghị định số 90/2020/NĐ-CP {fmt.long_date(date(2020, 8, 13))} của Chính phủ về đánh giá, xếp loại chất "
        f"lượng cán bộ, công chức, viên chức và Nghị định số 48/2023/NĐ-CP {fmt.long_date(date(2023, 7, 17))} của "
        "Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 90/2020/NĐ-CP"),
    "decree_335_2025": (
        f"Nghị định số 335/2025/NĐ-CP {fmt.long_date(date(2025, 12, 21))} của Chính phủ quy định về đánh giá, xếp "
        "loại chất lượng đối với cơ quan hành chính nhà nước và công chức"),
}


def lines(evaluation):
    """(group label, [[cell, …], …]) per group; numbers stay numbers for the spreadsheet."""
    for _kind, label, subjects, cap in evaluation.groups():
        yield label, cap, [_line(index, subject) for index, subject in enumerate(subjects, 1)], subjects


def _line(index, subject) -> list:
    f = subject.figures
    overdue = f.having(st.OPEN_OVERDUE)
    points = subject.proposed.points
    return [index, subject.name, subject.detail, len(f.rows), len(f.having(st.DONE_ON_TIME)),
            len(f.having(st.DONE_LATE)), len(f.having(st.OPEN_IN_TIME)),
            f"{len(overdue)}" + (f" ({fmt.days(max(r.status.days_overdue for r in overdue))})" if overdue else ""),
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
    return f"{ref} ({fmt.days(row.status.days_overdue)})" if row.status.days_overdue else ref


def document_title(plan) -> str:
    """The proposal's own title; the evaluation page is called by it too."""
    return (f"Đề xuất xếp loại chất lượng năm {plan.year} theo kết quả thực hiện Kế hoạch phát triển kinh tế - "
            f"xã hội")


def rule_line(evaluation) -> str:
    """Under the title: the rule the levels follow, named as the rule module names it."""
    return f"(Theo {evaluation.rules.NAME})"


def decree_in_full(evaluation) -> str:
    return DECREES.get(evaluation.rules.__name__.rsplit(".", 1)[-1], evaluation.rules.NAME)


def data_range(evaluation) -> str:
    facts = evaluation.facts
    return f"Số liệu từ {fmt.long_date(facts.start)} đến {fmt.long_date(facts.as_of)}."


def cap_warning(cap) -> str:
    """A warning only: nobody is demoted, and a documented outstanding achievement stays outside the count."""
    good = getattr(cap, "rated_good", None)
    good = cap.rated_good_or_better if good is None else good
    text = (f"Cảnh báo: đề nghị {cap.excellent} Hoàn thành xuất sắc nhiệm vụ, vượt mức tối đa {cap.allowed} "
            f"(20% của {good} người/đơn vị được xếp loại Hoàn thành tốt nhiệm vụ).")
    exceptions = getattr(cap, "exceptions", 0)
    if exceptions:
        text += f" Không tính {exceptions} trường hợp có thành tích nổi trội đã ghi rõ căn cứ."
    return text


# ---- XLSX ---------------------------------------------------------------------------------------------------------

def xlsx_bytes(evaluation, base_url: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "De xuat xep loai"
    _xlsx_heading(sheet, evaluation)
    header_rows = []
    for label, cap, rows, subjects in lines(evaluation):
        sheet.append([])
        xs.append(sheet, [label])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        xs.append(sheet, HEADINGS + ["Xem căn cứ"])
        header_rows.append(sheet.max_row)
        for row, subject in zip(rows, subjects, strict=True):
            xs.append(sheet, row + [_link(evaluation, subject, base_url)])
            sheet.cell(sheet.max_row, len(HEADINGS) + 1).hyperlink = _link(evaluation, subject, base_url)
        if cap.exceeded:
            xs.append(sheet, [cap_warning(cap)])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                              end_column=len(XLSX_WIDTHS))
    _xlsx_layout(sheet, header_rows)
    return xs.workbook_bytes(book)


def _xlsx_heading(sheet, evaluation) -> None:
    """Title, the rule under it, the data range: each in a merged row tall enough to show it whole."""
    xs.title_row(sheet, 1, document_title(evaluation.plan).upper(), XLSX_WIDTHS, Font(bold=True, size=13))
    xs.title_row(sheet, 2, rule_line(evaluation), XLSX_WIDTHS, Font(italic=True))
    xs.title_row(sheet, 3, f"Căn cứ {decree_in_full(evaluation)}. {data_range(evaluation)}", XLSX_WIDTHS)


def _xlsx_layout(sheet, header_rows: list[int]) -> None:
    xs.set_widths(sheet, XLSX_WIDTHS)
    merged = {r.min_row for r in sheet.merged_cells.ranges}
    for row in range(4, sheet.max_row + 1):
        for cell in sheet[row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row in header_rows:
            for cell in sheet[row]:
                cell.font = Font(bold=True)
        if row not in merged:
            xs.fit_row(sheet, row, XLSX_WIDTHS)
        else:
            sheet.row_dimensions[row].height = xs.lines_needed(sheet.cell(row, 1).value, sum(XLSX_WIDTHS)) * 15 + 3
    first = header_rows[0] if header_rows else 4
    xs.print_setup(sheet, f"{first}:{first}", len(XLSX_WIDTHS))


def _link(evaluation, subject, base_url: str) -> str:
    return base_url + reverse("evaluation_subject", args=[evaluation.plan.pk, SLUG_OF[subject.kind], subject.pk])


# ---- DOCX ---------------------------------------------------------------------------------------------------------

DOCX_COLUMNS = (0, 1, 3, 4, 5, 7, 9, 10, 13, 14, 15, 16)  # the paper keeps the figures a council reads
# 252 mm, the landscape text width. At 12 pt the narrow columns still hold "Hoàn thành", "(41,7%)" and "1.341 ngày"
# on a line, so LibreOffice and Word never break a word to fit.
DOCX_WIDTHS_MM = (12, 30, 18, 17, 17, 19, 21, 14, 22, 22, 30, 30)
LANDSCAPE_TEXT_WIDTH = decree30.PAGE_HEIGHT - decree30.MARGINS["left"] - decree30.MARGINS["right"]


def recipients(commune) -> list[str]:
    """Who receives the proposal: it has no "Kính gửi", so "Như trên" would name nobody."""
    level = decree30.level_word(commune)
    return [f"- Thường trực Đảng ủy, Thường trực HĐND {level};", f"- Chủ tịch, các Phó Chủ tịch UBND {level};",
            f"- Hội đồng Thi đua - Khen thưởng {level};", "- Cán bộ, công chức, đơn vị được đánh giá;",
            "- Lưu: VT, VP."]


def docx_bytes(evaluation, base_url: str) -> bytes:
    plan = evaluation.plan
    document = _landscape_document()
    decree30.header(document, decree30.Heading(
        issuer=decree30.issuer_lines(plan.commune), number="…/BC-UBND", place=plan.commune.name,
        day=clock.today()))
    decree30.centered(document, "BÁO CÁO", bold=True, size=decree30.BODY_SIZE)
    decree30.centered(document, document_title(plan), bold=True, size=decree30.BODY_SIZE)
    decree30.centered(document, rule_line(evaluation), italic=True, size=decree30.BODY_SIZE)
    document.add_paragraph()
    decree30.body_paragraph(document, f"Căn cứ {decree_in_full(evaluation)}; căn cứ kết quả theo dõi thực hiện "
                                      "các nhiệm vụ và báo cáo hằng tháng của các đơn vị trên hệ thống theodoi "
                                      f"({data_range(evaluation).rstrip('.').lower()}), "
                                      f"{decree30.committee_short(plan.commune)} đề xuất xếp loại như sau:")
    _docx_groups(document, evaluation)
    half = LANDSCAPE_TEXT_WIDTH // 2
    decree30.signature_block(document, recipients(plan.commune), decree30.signer_lines(plan.signer_title or "Chủ tịch"),
                             plan.signer_name, widths=[half, LANDSCAPE_TEXT_WIDTH - half])
    return decree30.to_bytes(document)


def _landscape_document():
    document = decree30.new_document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = decree30.PAGE_HEIGHT, decree30.PAGE_WIDTH
    decree30.page_numbers(document)
    return document


def _docx_groups(document, evaluation) -> None:
    headings = [HEADINGS[i] for i in DOCX_COLUMNS]
    widths = [Mm(w) for w in DOCX_WIDTHS_MM]
    for number, (label, cap, rows, _) in enumerate(lines(evaluation), 1):
        decree30.body_paragraph(document, "", bold_prefix=f"{number}. {label}")
        decree30.grid_table(document, headings, [[_docx_cell(row[i]) for i in DOCX_COLUMNS] for row in rows], widths)
        if cap.exceeded:
            decree30.body_paragraph(document, cap_warning(cap))


def _docx_cell(value) -> str:
    return fmt.number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
