"""Indicator values read back from the XLSX of indicators.exports, and stored.

The import checks every cell first and stores nothing unless all of them are right (one transaction). Cell B2 names
the plan the file was exported from, so a file for another plan is refused rather than written into the wrong one.
"""
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from django.db import transaction
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from planparser.vinumbers import ViNumberError, parse_vi_number
from theodoi.periods import periods_of_year
from theodoi.uploads import OfficeFileError, check_office_file

from .. import rules
from ..exports import (
    CUMULATIVE,
    EXPLANATION_COLUMN,
    FIRST_PERIOD_COLUMN,
    HEADER_ROW,
    LEVEL,
    MARKER_CELL,
    PERIOD_COLUMNS,
    SHEET,
    marker,
)
from ..forms import check_number, suggests_cumulative
from ..models import Indicator
from ..permissions import can_enter_value
from .recording import Reading, is_unchanged, save_reading, verdict_for

MET_WORDS = {"đạt": True, "chưa đạt": False, "không đạt": False}


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
    if verdict_for(indicator, reading).colour == rules.RED:
        if not explanation:
            result.errors.append(f"{_where(cell)}: với số liệu này chỉ tiêu {indicator.code} chuyển màu đỏ; cần ghi "
                                 f"giải trình ở cột «Giải trình» cùng dòng.")
            return False
        reading.explanation = explanation
    return True
