"""Indicators of a plan to XLSX: one sheet, a row per indicator, a column per period of the year.

Cell B2 names the plan the file was exported from, so that indicators.services.values_import refuses a file filled in
for another plan rather than writing it into the wrong one.
"""
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from theodoi import exports as xs
from theodoi.periods import periods_of_year

from .forms import suggests_cumulative
from .models import Indicator
from .queries import describe_target, latest_value, met_text

SHEET = "Chỉ tiêu"
MARKER_CELL = "B2"
HEADER_ROW = 4
FIXED_HEADERS = ["Mã", "Chỉ tiêu", "Mục tiêu", "Đơn vị tính", "Cách tính"]
FIRST_PERIOD_COLUMN = len(FIXED_HEADERS) + 1
PERIOD_COLUMNS = len(periods_of_year(2000))
EXPLANATION_COLUMN = FIRST_PERIOD_COLUMN + PERIOD_COLUMNS
CUMULATIVE, LEVEL = "Lũy kế", "Thời điểm"


def marker(plan) -> str:
    return f"theodoi:ke-hoach:{plan.pk}"


def export_plan(plan) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    periods = periods_of_year(plan.year)
    headers = FIXED_HEADERS + [p.label for p in periods] + ["Giải trình"]
    widths = _widths(len(headers))
    _heading(sheet, plan, widths)
    for column, title in enumerate(headers, start=1):
        cell = xs.put(sheet.cell(HEADER_ROW, column), title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    indicators = plan.indicators.prefetch_related("targets", "values")
    for row, indicator in enumerate(indicators, start=HEADER_ROW + 1):
        _export_row(sheet, row, indicator, periods)
    _layout(sheet, widths)
    return xs.workbook_bytes(workbook)


def _export_row(sheet, row: int, indicator: Indicator, periods) -> None:
    target = indicator.primary_target
    values = {v.period: v for v in indicator.values.all()}
    cumulative = any(v.is_cumulative for v in values.values()) if values else suggests_cumulative(indicator)
    fixed = [indicator.code, indicator.name, "; ".join(describe_target(t) for t in indicator.targets.all()),
             target.unit if target else "", CUMULATIVE if cumulative else LEVEL]
    for column, text in enumerate(fixed, start=1):
        xs.put(sheet.cell(row, column), text)
    for column, period in enumerate(periods, start=FIRST_PERIOD_COLUMN):
        item = values.get(period)
        if item is not None and item.value is not None:
            sheet.cell(row, column).value = item.value.normalize()
        elif item is not None:
            xs.put(sheet.cell(row, column), met_text(item.met))
    latest = latest_value(values.values())
    xs.put(sheet.cell(row, EXPLANATION_COLUMN), latest.explanation if latest else "")


def _widths(columns: int) -> list[float]:
    """Narrow period columns ("Tháng 01/2023" wraps to two lines) so the year fits one landscape page's width."""
    fixed = {1: 8, 2: 36, 3: 28, 4: 20, 5: 10, columns: 30}  # 4: "triệu đồng/người/năm" on one line
    return [fixed.get(column, 9) for column in range(1, columns + 1)]


def _heading(sheet, plan, widths: list[float]) -> None:
    """Rows 1-3: the title, the plan marker (B2, read back on import) and the instructions, none of them cut."""
    xs.title_row(sheet, 1, f"Chỉ tiêu kinh tế - xã hội năm {plan.year} – {plan.commune}", widths,
                 Font(bold=True, size=13))
    xs.put(sheet.cell(2, 1), "Mã kế hoạch (không sửa):")
    xs.put(sheet[MARKER_CELL], marker(plan))
    xs.put(sheet.cell(2, 3), f"{plan.title} – phiên bản {plan.version}")
    sheet.merge_cells(start_row=2, start_column=3, end_row=2, end_column=len(widths))
    xs.title_row(sheet, 3, "Số viết kiểu Việt Nam (10,8) hoặc số Excel; chỉ tiêu định tính ghi «Đạt»/«Chưa đạt»; "
                           "giải trình bắt buộc khi chỉ tiêu chuyển đỏ.", widths)


def _layout(sheet, widths: list[float]) -> None:
    widths = xs.widen_for_numbers(sheet, widths, HEADER_ROW + 1)  # an amount in đồng, not "###"
    xs.set_widths(sheet, widths)
    xs.wrap_all(sheet, 2)
    for row in (2, *range(HEADER_ROW, sheet.max_row + 1)):  # rows 1 and 3 are sized as titles
        xs.fit_row(sheet, row, widths)
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    xs.print_setup(sheet, f"{HEADER_ROW}:{HEADER_ROW}", len(widths))
