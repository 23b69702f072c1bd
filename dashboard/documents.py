"""The report files: the DOCX from the committed docxtpl template, the XLSX annex with every row."""
from datetime import date
from io import BytesIO
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import Environment
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from reports import status as st
from theodoi.xlsx_safe import safe_cell

from . import services

TEMPLATE = Path(__file__).resolve().parent / "templates_docx" / "bao-cao-thang.docx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ANNEX_COLUMNS = (("STT", 6), ("Mã nhiệm vụ", 11), ("Nhiệm vụ", 60), ("Đơn vị chủ trì", 30),
                 ("Lãnh đạo chỉ đạo", 28), ("Thời hạn (như in)", 24), ("Hạn chót", 12), ("Tình trạng", 26),
                 ("Số ngày quá hạn", 10), ("Tiến độ (%)", 10), ("Kết quả trong kỳ", 50))


def render_docx(context: dict) -> bytes:
    template = DocxTemplate(TEMPLATE)
    template.render(context, Environment(autoescape=True), autoescape=True)
    buffer = BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def render_xlsx(title: str, rows: list[services.Row]) -> bytes:
    """Every row with status, progress, unit, leader and deadline; text is guarded against formula injection."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    sheet.append([safe_cell(title)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([name for name, _ in ANNEX_COLUMNS])
    for index, (_, width) in enumerate(ANNEX_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.cell(row=2, column=index).font = Font(bold=True)
    for number, row in enumerate(rows, start=1):
        sheet.append(_annex_line(number, row))
        sheet.cell(row=sheet.max_row, column=7).number_format = "DD/MM/YYYY"
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _annex_line(number: int, row: services.Row) -> list:
    due: date | None = row.assignment.due
    overdue = row.status.days_overdue if row.status.code == st.OPEN_OVERDUE else None
    texts = (row.task.code, row.task.title, row.unit_names, row.leader_names, row.assignment.deadline_text)
    return [number, *(safe_cell(t) for t in texts), due, safe_cell(row.status.label), overdue, row.progress,
            safe_cell(row.results)]
