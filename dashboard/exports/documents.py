"""The report files: the DOCX from the committed docxtpl template, the XLSX annex with every row."""
from pathlib import Path

from django.db.models import prefetch_related_objects
from openpyxl import Workbook
from openpyxl.styles import Font

from plans.models import RefRole
from reports.rules import status as st
from theodoi import exports as xs
from theodoi import formatting as fmt

from ..queries import figures
from ..queries import report as report_queries

TEMPLATE = Path(__file__).resolve().parent.parent / "templates_docx" / "bao-cao-thang.docx"
# Widths add up to about 215 units: fit to an A4 landscape page's width, that prints at roughly 70%.
ANNEX_COLUMNS = (("STT", 5), ("Mã nhiệm vụ", 9), ("Nhiệm vụ", 32), ("Giải pháp", 36), ("Đơn vị chủ trì", 16),
                 ("Đơn vị phối hợp", 16), ("Lãnh đạo chỉ đạo", 16), ("Thời hạn (như in)", 14),
                 ("Hạn chót / mốc chưa đạt", 11), ("Tình trạng", 14),
                 ("Số ngày quá hạn (chưa hoàn thành, quá hạn)", 12), ("Tiến độ (%)", 8), ("Kết quả trong kỳ", 28))
WIDTHS = [width for _, width in ANNEX_COLUMNS]
INDICATOR_COLUMNS = (("Mã", 8), ("Chỉ tiêu", 45), ("Kế hoạch năm", 40), ("Thực hiện", 30), ("Đánh giá", 30))
HEADER_ROW = 4
TITLE_FONT = Font(bold=True, size=13)


def render_docx(context: dict) -> bytes:
    return xs.render_template(TEMPLATE, context)


def render_xlsx(title: str, rows: list[figures.Row], report: dict | None = None) -> bytes:
    """Every row with solutions, units, leader, deadline, status and progress, then the indicators.

    `report` is the consolidated report's context (queries.report.report_context): the annex names that report's
    number and date and gives its indicator table. Text is guarded against formula injection.
    """
    prefetch_related_objects([row.assignment for row in rows], "solutions", "refs__entry")
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    _heading(sheet, title, report, WIDTHS)
    _table(sheet, [name for name, _ in ANNEX_COLUMNS], WIDTHS)
    as_of, marks = _as_of(report), (report or {}).get("marks", {})
    for number, row in enumerate(rows, start=1):
        xs.append(sheet, _annex_line(number, row, as_of, marks))
        sheet.cell(row=sheet.max_row, column=9).number_format = "DD/MM/YYYY"
    xs.finish_table(sheet, HEADER_ROW, WIDTHS)
    if report is not None:
        _indicator_sheet(book, report)
    return xs.workbook_bytes(book)


def _as_of(report: dict | None):
    return report["as_of_date"] if report else None


def _heading(sheet, title: str, report: dict | None, widths: list) -> None:
    """Rows 1-3: the title, the report this annex goes with (number and date), and the data cut-off."""
    xs.title_row(sheet, 1, title, widths, TITLE_FONT)
    if report is None:
        return
    xs.title_row(sheet, 2, f"(Kèm theo Báo cáo số {report['number']} {report['date_text']} của "
                           f"{report['committee']})", widths)
    xs.title_row(sheet, 3, f"Số liệu tính đến {report['cutoff']}.", widths)


def _table(sheet, headings: list[str], widths: list) -> None:
    xs.heading_row(sheet, HEADER_ROW, headings, widths)


def _annex_line(number: int, row: figures.Row, as_of, marks: dict[int, str]) -> list:
    """marks: an arising task's origin, printed after its title as in the report itself."""
    assignment = row.assignment
    overdue = row.status.days_overdue if row.status.code == st.OPEN_OVERDUE else None
    solutions = "\n".join(f"{s.number} {s.text}".strip() for s in assignment.solutions.all())
    coordinating = ", ".join(figures.ref_name(r) for r in assignment.refs.all() if r.role == RefRole.COORDINATING)
    due = fmt.missed_milestone(assignment, row.status, as_of) if as_of else None
    title = report_queries.marked(row.task.title, row.task.pk, marks)
    texts = (row.task.code, title, solutions, row.unit_names, coordinating, row.leader_names,
             assignment.deadline_text)
    return [number, *texts, due or assignment.due, row.status.label, overdue, row.progress, row.results]


def _indicator_sheet(book, report: dict) -> None:
    sheet = book.create_sheet("Chỉ tiêu")
    widths = [width for _, width in INDICATOR_COLUMNS]
    _heading(sheet, f"Tình hình thực hiện các chỉ tiêu chủ yếu – {report['period_label']}", report, widths)
    _table(sheet, [name for name, _ in INDICATOR_COLUMNS], widths)
    for line in report["indicators"]:
        xs.append(sheet, [line[key] for key in ("code", "name", "target", "value", "attainment")])
    xs.finish_table(sheet, HEADER_ROW, widths)
