"""Indicators of a plan to XLSX and back: one sheet, a row per indicator, a column per period of the year.

The import checks every cell first and stores nothing unless all of them are right (one transaction). Cell B2 names
the plan the file was exported from, so a file for another plan is refused rather than written into the wrong one.
"""
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import InvalidFileException

from planparser.vinumbers import ViNumberError, parse_vi_number
from theodoi import exports as xs
from theodoi.periods import periods_of_year
from theodoi.uploads import OfficeFileError, check_office_file

from . import services
from .display import describe_target, met_text
from .forms import check_number, suggests_cumulative
from .models import Indicator
from .permissions import can_enter_value
from .recording import Reading, is_unchanged, latest_value, save_reading, verdict_for

SHEET = "Chỉ tiêu"
MARKER_CELL = "B2"
HEADER_ROW = 4
FIXED_HEADERS = ["Mã", "Chỉ tiêu", "Mục tiêu", "Đơn vị tính", "Cách tính"]
FIRST_PERIOD_COLUMN = len(FIXED_HEADERS) + 1
PERIOD_COLUMNS = len(periods_of_year(2000))
EXPLANATION_COLUMN = FIRST_PERIOD_COLUMN + PERIOD_COLUMNS
CUMULATIVE, LEVEL = "Lũy kế", "Thời điểm"
MET_WORDS = {"đạt": True, "chưa đạt": False, "không đạt": False}


def marker(plan) -> str:
    return f"theodoi:ke-hoach:{plan.pk}"


# ---- export -------------------------------------------------------------------------------------------------------

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
    xs.set_widths(sheet, widths)
    xs.wrap_all(sheet, 2)
    for row in (2, *range(HEADER_ROW, sheet.max_row + 1)):  # rows 1 and 3 are sized as titles
        xs.fit_row(sheet, row, widths)
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    xs.print_setup(sheet, f"{HEADER_ROW}:{HEADER_ROW}", len(widths))


# ---- import -------------------------------------------------------------------------------------------------------

@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    saved: int = 0
    unchanged: int = 0


@dataclass
class _Pending:
    indicator: Indicator
    reading: Reading


def import_values(plan, data: bytes, name: str, user) -> ImportResult:
    result = ImportResult()
    try:
        if zipfile.is_zipfile(BytesIO(data)):
            check_office_file(data, name)  # a zip bomb is refused before openpyxl inflates it
    except OfficeFileError as exc:
        result.errors.append(str(exc))
        return result
    sheet = _open_sheet(data, result)
    if sheet is None or not _check_plan_and_headers(sheet, plan, result):
        return result
    indicators = {i.code: i for i in plan.indicators.prefetch_related("targets", "values").select_related("parent")}
    pending = []
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        pending += _read_row(sheet, row, indicators, plan, user, result)
    if result.errors:
        return result
    with transaction.atomic():
        for item in pending:
            item.reading.source = item.reading.source or f"Nhập từ tệp Excel «{name}»"
            save_reading(item.indicator, item.reading, user, via="excel")
    result.saved = len(pending)
    return result


def _where(cell) -> str:
    return f"Sheet «{SHEET}», ô {cell.coordinate}"


def _open_sheet(data: bytes, result: ImportResult):
    try:
        workbook = load_workbook(BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        result.errors.append("Tệp không phải bảng tính Excel (.xlsx) hợp lệ.")
        return None
    if SHEET not in workbook.sheetnames:
        result.errors.append(f"Tệp không có sheet «{SHEET}»; hãy dùng tệp xuất từ trang Chỉ tiêu.")
        return None
    return workbook[SHEET]


def _check_plan_and_headers(sheet, plan, result: ImportResult) -> bool:
    found = str(sheet[MARKER_CELL].value or "").strip()
    if found != marker(plan):
        result.errors.append(f"{_where(sheet[MARKER_CELL])}: tệp này là của kế hoạch khác («{found}»), không phải "
                             f"kế hoạch năm {plan.year} (phiên bản {plan.version}) đang mở; hãy xuất lại tệp từ kế "
                             f"hoạch này.")
        return False
    for column, period in enumerate(periods_of_year(plan.year), start=FIRST_PERIOD_COLUMN):
        cell = sheet.cell(HEADER_ROW, column)
        if str(cell.value or "").strip() != period.label:
            result.errors.append(f"{_where(cell)}: tiêu đề cột phải là «{period.label}» (không thêm, bớt hay đổi "
                                 f"chỗ các cột).")
    return not result.errors


def _read_row(sheet, row: int, indicators: dict, plan, user, result: ImportResult) -> list[_Pending]:
    code_cell = sheet.cell(row, 1)
    code = str(code_cell.value or "").strip()
    cells = [sheet.cell(row, c) for c in range(FIRST_PERIOD_COLUMN, FIRST_PERIOD_COLUMN + PERIOD_COLUMNS)]
    filled = [c for c in cells if not _blank(c.value)]
    if not code:
        if filled:
            result.errors.append(f"{_where(code_cell)}: dòng có số liệu nhưng thiếu mã chỉ tiêu.")
        return []
    indicator = indicators.get(code)
    if indicator is None:
        result.errors.append(f"{_where(code_cell)}: không có chỉ tiêu mã «{code}» trong kế hoạch này.")
        return []
    cumulative = _read_mode(sheet.cell(row, FIRST_PERIOD_COLUMN - 1), indicator, result)
    explanation = str(sheet.cell(row, EXPLANATION_COLUMN).value or "").strip()
    pending = []
    for cell, period in zip(cells, periods_of_year(plan.year), strict=True):
        if _blank(cell.value):
            continue
        reading = _read_cell(cell, indicator, period, cumulative, result)
        if reading is not None and _accept(cell, indicator, reading, explanation, user, result):
            pending.append(_Pending(indicator, reading))
    return pending


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_mode(cell, indicator: Indicator, result: ImportResult) -> bool:
    text = str(cell.value or "").strip().lower()
    if not text:
        return suggests_cumulative(indicator)
    if text in (CUMULATIVE.lower(), LEVEL.lower()):
        return text == CUMULATIVE.lower()
    result.errors.append(f"{_where(cell)}: «{cell.value}» phải là «{CUMULATIVE}» hoặc «{LEVEL}».")
    return False


def _read_cell(cell, indicator: Indicator, period, cumulative: bool, result: ImportResult) -> Reading | None:
    target = indicator.primary_target
    if target is None:
        result.errors.append(f"{_where(cell)}: chỉ tiêu {indicator.code} không có mục tiêu riêng; hãy nhập ở các "
                             f"chỉ tiêu thành phần.")
        return None
    try:
        if target.comparator == "achieve":
            return Reading(period=period, met=_met(cell.value))
        value = check_number(_number(cell.value), target.unit, label=f"«{cell.value}»")
    except ViNumberError as exc:
        result.errors.append(f"{_where(cell)}: {exc}")
        return None
    return Reading(period=period, value=value, cumulative=cumulative)


def _number(raw) -> Decimal:
    if isinstance(raw, bool) or isinstance(raw, (date, datetime)):
        raise ViNumberError(f"«{raw}» không phải là số")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw))  # the shortest repr: 10.8 stays 10,8
    return parse_vi_number(str(raw))


def _met(raw) -> bool:
    word = str(raw).strip().lower()
    if word not in MET_WORDS:
        raise ViNumberError(f"«{raw}»: chỉ tiêu định tính ghi «Đạt» hoặc «Chưa đạt»")
    return MET_WORDS[word]


def _accept(cell, indicator, reading: Reading, explanation: str, user, result: ImportResult) -> bool:
    stored = next((v for v in indicator.values.all() if v.period == reading.period), None)
    if is_unchanged(stored, reading):
        result.unchanged += 1
        return False
    if not can_enter_value(user, indicator):
        result.errors.append(f"{_where(cell)}: bạn không được nhập số liệu cho chỉ tiêu {indicator.code}.")
        return False
    if verdict_for(indicator, reading).colour == services.RED:
        if not explanation:
            result.errors.append(f"{_where(cell)}: với số liệu này chỉ tiêu {indicator.code} chuyển màu đỏ; cần ghi "
                                 f"giải trình ở cột «Giải trình» cùng dòng.")
            return False
        reading.explanation = explanation
    return True
