"""A unit's monthly report as an XLSX file to fill offline in Excel, and reading the filled file back.

The file says whose it is twice: the row ids sit in a hidden column beside the rows, and the report, unit, period
and row ids are signed on a very hidden sheet. Key columns are locked and, on upload, compared with the plan, so a
file of another unit or period, or one whose protected cells were changed, is refused whole instead of being written
into the wrong rows. Cell problems are listed by sheet and cell; storing the file is services.xlsx_import's.
"""
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from typing import NamedTuple

from django.conf import settings
from django.core import signing
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.datavalidation import DataValidation

from theodoi import exports as xs
from theodoi import formatting as fmt
from theodoi.uploads import OfficeFileError, check_office_file

from ..models import RowReport, RowRole
from ..rules import validation

SHEET = "Báo cáo"
META_SHEET = "_theodoi"
TOKEN_CELL = "B5"
HEADER_ROW = 4
FIRST_ROW = 5
SALT = "reports.xlsx"  # the module's old name, kept: files already downloaded are signed with it
CONTENT_TYPE = xs.XLSX_TYPE
DATE_FORMAT = "dd/mm/yyyy"
EVIDENCE_NUMBER_MAX = RowReport._meta.get_field("evidence_number").max_length


class Column(NamedTuple):
    header: str
    name: str
    width: int
    editable: bool = False


# Widths add up to about 180 characters, which fits an A4 landscape page at roughly 70%.
COLUMNS = (
    Column("Mã", "code", 7), Column("Nhiệm vụ", "title", 24), Column("Giải pháp", "solutions", 30),
    Column("Thời hạn", "deadline", 11), Column("Tình trạng", "status", 13, True),
    Column("Tiến độ (%)", "percent", 7, True),
    Column("Kết quả trong kỳ", "results", 28, True), Column("Khó khăn vướng mắc", "obstacles", 18, True),
    Column("Đề xuất kiến nghị", "proposals", 18, True), Column("Số văn bản minh chứng", "evidence_number", 12, True),
    Column("Ngày văn bản", "evidence_date", 11, True), Column("Mã dòng (không sửa)", "row_id", 10),
)
LETTER = {c.name: get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}
INDEX = {c.name: i for i, c in enumerate(COLUMNS, start=1)}
TEXT_COLUMNS = ("results", "obstacles", "proposals", "evidence_number")
LAST_VISIBLE = get_column_letter(INDEX["evidence_date"])
STATUS_LABELS = validation.STATUS_LABELS
EDITABLE = tuple(c.name for c in COLUMNS if c.editable)

FONT = Font(name="Times New Roman", size=11)
BOLD = Font(name="Times New Roman", size=11, bold=True)
EDITABLE_FILL = PatternFill("solid", fgColor="FFF9DB")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


class Refused(Exception):
    """The file as a whole cannot be this report's; the message is Vietnamese and names the file."""


def filename(report) -> str:
    return f"bao-cao-{report.unit.key}-{report.period.year}-{report.period.month:02d}.xlsx"


def lead_rows(report) -> list[RowReport]:
    rows = report.rows.filter(role=RowRole.LEAD).select_related("assignment__node")
    return list(rows.prefetch_related("assignment__solutions")
                .order_by("assignment__node__order", "assignment__order", "pk"))


def key_values(row: RowReport) -> dict[str, str]:
    """What the locked columns show; the same function checks them on upload."""
    assignment = row.assignment
    solutions = "\n".join(f"{s.number} {s.text}".strip() for s in assignment.solutions.all())
    return {"code": assignment.node.code, "title": assignment.node.title, "solutions": solutions,
            "deadline": assignment.deadline_text}


# ---- build --------------------------------------------------------------------------------------------------------

def build(report) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    rows = lead_rows(report)
    _title(sheet, report)
    for column, spec in enumerate(COLUMNS, start=1):
        _put(sheet.cell(HEADER_ROW, column), spec.header, BOLD)
    xs.fit_row(sheet, HEADER_ROW, [c.width for c in COLUMNS], 2)
    for line, row in enumerate(rows, start=FIRST_ROW):
        _write_row(sheet, line, row)
    if rows:
        _validations(sheet, FIRST_ROW + len(rows) - 1)
    _layout(sheet, FIRST_ROW + len(rows) - 1)
    _identity(workbook, report, rows)
    return xs.workbook_bytes(workbook)


def _put(cell, value, font=FONT, editable=False):
    xs.put(cell, value)
    cell.font, cell.alignment, cell.border = font, WRAP, BORDER
    if editable:
        cell.protection = Protection(locked=False)
        cell.fill = EDITABLE_FILL
    return cell


def _title(sheet, report) -> None:
    """Three merged rows, each tall enough for its wrapped text, so no title line is cut on screen or paper."""
    period, commune = report.period, report.period.commune
    lines = [
        f"BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH THÁNG {period.month:02d}/{period.year} – {report.unit.name.upper()}",
        f"UBND {commune.get_kind_display().lower()} {commune.name} · Kỳ báo cáo từ {fmt.short_date(period.start)} "
        f"đến {fmt.short_date(period.end)} · Hạn nộp {fmt.short_date(period.deadline)} · {report.plan.title}",
        "Chỉ nhập vào các ô nền vàng (cột E đến K). Tình trạng chọn trong danh sách; tiến độ là số nguyên từ 0 "
        "đến 100; ngày văn bản ghi dd/mm/yyyy. Không sửa các cột khóa, không thêm hay xóa dòng.",
    ]
    widths = [c.width for c in COLUMNS[:INDEX["evidence_date"]]]
    for number, text in enumerate(lines, start=1):
        xs.title_row(sheet, number, text, widths)
        sheet.cell(number, 1).font, sheet.cell(number, 1).alignment = (BOLD if number == 1 else FONT), WRAP


def _write_row(sheet, line: int, row: RowReport) -> None:
    values = {**key_values(row), "status": row.get_status_display() if row.status else None,
              "percent": row.percent, "evidence_date": row.evidence_date, "row_id": row.pk,
              **{name: getattr(row, name) or None for name in TEXT_COLUMNS}}
    for column, spec in enumerate(COLUMNS, start=1):
        cell = _put(sheet.cell(line, column), values[spec.name], editable=spec.editable)
        if spec.name == "evidence_date":
            cell.number_format = DATE_FORMAT
        elif spec.name in ("percent", "row_id"):
            cell.number_format = "0"
    sheet.row_dimensions[line].height = _height(values)


def _height(values: dict) -> float:
    """Excel and LibreOffice do not grow rows to fit wrapped text written by openpyxl, so estimate the lines;
    at least three, to leave room for typing."""
    lines = max([3] + [xs.lines_needed(values[spec.name] or "", spec.width) for spec in COLUMNS])
    return min(lines * xs.LINE_POINTS + 3, xs.MAX_ROW_POINTS)


def _validations(sheet, last: int) -> None:
    def add(name: str, title: str, message: str, **kwargs) -> None:
        rule = DataValidation(allow_blank=True, showErrorMessage=True, showInputMessage=True,
                              errorTitle=title, error=message, promptTitle=title, prompt=message, **kwargs)
        rule.add(f"{LETTER[name]}{FIRST_ROW}:{LETTER[name]}{last}")
        sheet.add_data_validation(rule)

    add("status", "Tình trạng", "Chọn một trong bốn tình trạng trong danh sách.", type="list",
        formula1='"' + ",".join(STATUS_LABELS) + '"')
    add("percent", "Tiến độ (%)", "Số nguyên từ 0 đến 100.", type="whole", operator="between",
        formula1="0", formula2="100")
    add("evidence_date", "Ngày văn bản", "Ghi ngày dạng dd/mm/yyyy, ví dụ 05/01/2023.", type="date",
        operator="between", formula1=_serial(date(2000, 1, 1)), formula2=_serial(date(2100, 12, 31)))
    add("evidence_number", "Số văn bản minh chứng", f"Tối đa {EVIDENCE_NUMBER_MAX} ký tự.", type="textLength",
        operator="lessThanOrEqual", formula1=str(EVIDENCE_NUMBER_MAX))


def _serial(day: date) -> str:
    return str(int(to_excel(day)))


def _layout(sheet, last: int) -> None:
    for column, spec in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = spec.width
    sheet.column_dimensions[LETTER["row_id"]].hidden = True
    sheet.freeze_panes = f"C{FIRST_ROW}"
    xs.print_setup(sheet, f"{HEADER_ROW}:{HEADER_ROW}", INDEX["evidence_date"], max(last, HEADER_ROW))
    sheet.protection.sheet = True
    sheet.protection.formatRows = False  # rows may be made taller to read wrapped text; nothing else changes


def _identity(workbook, report, rows: list[RowReport]) -> None:
    period = report.period
    payload = {"report": report.pk, "commune": period.commune_id, "unit": report.unit.key,
               "unit_name": report.unit.name, "year": period.year, "month": period.month,
               "version": report.version, "rows": [r.pk for r in rows]}
    meta = workbook.create_sheet(META_SHEET)
    cells = [("Phần nhận dạng tệp báo cáo – không sửa.", ""), ("Báo cáo", report.pk), ("Đơn vị", report.unit.key),
             ("Kỳ", f"{period.year}-{period.month:02d}"), ("Chữ ký", signing.dumps(payload, salt=SALT, compress=True))]
    for number, (label, value) in enumerate(cells, start=1):
        xs.put(meta.cell(number, 1), label)
        xs.put(meta.cell(number, 2), value)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True


# ---- read ---------------------------------------------------------------------------------------------------------

@dataclass
class Upload:
    rows: dict[int, dict] = field(default_factory=dict)  # RowReport pk → values for cycle.save
    lines: dict[int, int] = field(default_factory=dict)  # RowReport pk → its line on the sheet
    problems: validation.Errors = field(default_factory=dict)  # RowReport pk → field → messages
    version: int = 0  # the report's version when the file was downloaded


def where(column: str, line: int) -> str:
    return f"Sheet «{SHEET}», ô {LETTER[column]}{line}"


def read(report, data: bytes, name: str) -> Upload:
    workbook = _open(data, name)
    identity = _identity_of(workbook, name)
    _check_identity(identity, report, name)
    sheet = workbook[SHEET]
    expected = {r.pk: r for r in lead_rows(report)}
    upload = Upload(version=identity.get("version", 0))
    for line, pk in enumerate(identity["rows"], start=FIRST_ROW):
        _check_keys(sheet, line, pk, expected, name)
        values, problems = _read_line(sheet, line)
        upload.rows[pk], upload.lines[pk] = values, line
        if problems:
            upload.problems[pk] = problems
    return upload


def _open(data: bytes, name: str):
    if not name.lower().endswith(".xlsx"):
        raise Refused(f"Tệp «{name}» không phải tệp Excel (.xlsx); hãy dùng tệp tải từ trang báo cáo.")
    if len(data) > settings.THEODOI_MAX_UPLOAD_BYTES:
        raise Refused(f"Tệp «{name}» quá lớn (tối đa {settings.THEODOI_MAX_UPLOAD_BYTES // (1024 * 1024)} MB).")
    try:
        check_office_file(data, name)
        return load_workbook(BytesIO(data))
    except OfficeFileError as exc:
        raise Refused(str(exc)) from None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError, AttributeError):
        # openpyxl raises many kinds of errors on a damaged archive; to the user they all mean the same.
        raise Refused(f"Tệp «{name}» bị hỏng hoặc không phải tệp Excel (.xlsx) hợp lệ.") from None


def _identity_of(workbook, name: str) -> dict:
    unknown = (f"Tệp «{name}» không phải tệp báo cáo tải từ hệ thống, hoặc phần nhận dạng của tệp đã bị sửa; "
               "hãy tải lại tệp mẫu của báo cáo này.")
    if SHEET not in workbook.sheetnames or META_SHEET not in workbook.sheetnames:
        raise Refused(unknown)
    try:
        identity = signing.loads(_text(workbook[META_SHEET][TOKEN_CELL].value), salt=SALT)
    except signing.BadSignature:
        raise Refused(unknown) from None
    return identity


def _check_identity(identity: dict, report, name: str) -> None:
    period = report.period
    if identity["unit"] != report.unit.key:
        raise Refused(f"Tệp «{name}» là báo cáo của {identity['unit_name']}, không phải của {report.unit.name}; "
                      "không nhập gì.")
    if (identity["year"], identity["month"]) != (period.year, period.month):
        raise Refused(f"Tệp «{name}» là báo cáo tháng {identity['month']:02d}/{identity['year']}, không phải kỳ "
                      f"tháng {period.month:02d}/{period.year}; hãy tải tệp của kỳ này.")
    if (identity["report"], identity["commune"]) != (report.pk, period.commune_id):
        raise Refused(f"Tệp «{name}» không thuộc báo cáo này; hãy tải lại tệp mẫu từ trang báo cáo.")


def _check_keys(sheet, line: int, pk: int, expected: dict[int, RowReport], name: str) -> None:
    def refuse(column: str) -> Refused:
        header = COLUMNS[INDEX[column] - 1].header
        return Refused(f"Tệp «{name}» bị từ chối: {where(column, line)} (cột «{header}») thuộc phần khóa và đã bị "
                       "thay đổi. Hãy tải lại tệp mẫu và nhập lại, không sửa các cột khóa.")

    if pk not in expected or _raw(sheet, "row_id", line) != pk:
        raise refuse("row_id")
    for column, value in key_values(expected[pk]).items():
        if _text(_raw(sheet, column, line)) != _text(value):
            raise refuse(column)


def _raw(sheet, column: str, line: int):
    return sheet.cell(line, INDEX[column]).value


def _read_line(sheet, line: int) -> tuple[dict, validation.FieldErrors]:
    """One row's editable cells through the reader the web form uses, so a value gives the same message."""
    raw: dict[str, object] = {}
    problems: validation.FieldErrors = {}
    for column in EDITABLE:
        cell = sheet.cell(line, INDEX[column])
        if cell.data_type == "f":
            validation.add(problems, column, "Không được dùng công thức, hãy nhập giá trị.")
        else:
            raw[column] = _typed(cell.value)
    values, typed_problems = validation.read_fields(raw)
    for column, messages in typed_problems.items():
        problems.setdefault(column, []).extend(messages)
    return values, problems


def _typed(value):
    """What the reader takes: a number or date cell as it is, any other cell as the text the user meant."""
    if isinstance(value, (int, float, date)) and not isinstance(value, bool):
        return value
    return _text(value)


def _text(value) -> str:
    """The cell as the text the user meant: numbers without '.0', dates as dd/mm/yyyy, an old guard apostrophe gone."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime, date)):
        value = fmt.short_date(value)
    # clean(): a key cell was written without XML's forbidden characters, so the plan's text is compared without them
    text = unicodedata.normalize("NFC", xs.clean(str(value))).replace("\r\n", "\n").strip()
    return xs.strip_old_guard(text)
