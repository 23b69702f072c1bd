"""Reading a CSV of administrative units as the official list publishes it (no database access here).

The list of administrative unit codes (Decision 124/2004/QĐ-TTg and its updates, danhmuchanhchinh.gso.gov.vn)
exports one line per commune: "Tỉnh Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Cấp", each
name printed with its kind ("Tỉnh Nghệ An", "Thành phố Vinh", "Xã Hưng Đông"). Lists from 1/7/2025 have no district
columns. README, «Nhập danh mục đơn vị hành chính», documents the format for the office.
"""
import csv
import io
import unicodedata
from dataclasses import dataclass, field

from django.db import models

from planparser.textutil import fold

from .models import AreaKind, CommuneKind

COLUMNS = {"tinh thanh pho": "province", "ma tp": "province_code", "quan huyen": "district",
           "ma qh": "district_code", "phuong xa": "commune", "ma px": "commune_code", "cap": "level"}
HEADINGS = {"province": "Tỉnh Thành Phố", "province_code": "Mã TP", "district": "Quận Huyện", "district_code": "Mã QH",
            "commune": "Phường Xã", "commune_code": "Mã PX", "level": "Cấp"}
# The column says the level, so "Thành phố" is a centrally-run city in the province column and a city of a
# province in the district column (Law 72/2025/QH15 Art. 2; before 1/7/2025, Law 77/2015/QH13 Art. 2).
PREFIXES: dict[str, dict[str, models.TextChoices]] = {
    "province": {"tinh": AreaKind.PROVINCE, "thanh pho": AreaKind.CENTRAL_CITY},
    "district": {"huyen": AreaKind.DISTRICT, "quan": AreaKind.URBAN_DISTRICT, "thi xa": AreaKind.TOWN,
                 "thanh pho": AreaKind.PROVINCIAL_CITY},
    "commune": {"xa": CommuneKind.COMMUNE, "phuong": CommuneKind.WARD, "thi tran": CommuneKind.TOWNSHIP,
                "dac khu": CommuneKind.SPECIAL_ZONE},
}
# Codes are fixed width in the official list (2 digits a province, 3 a district, 5 a commune); a spreadsheet that
# stored them as numbers dropped the leading zeros ("1" for Hà Nội's "01"), which are put back.
CODE_WIDTHS = {"province": 2, "district": 3, "commune": 5}
LEVEL_WORDS = {"province": "tỉnh/thành phố", "district": "quận/huyện", "commune": "phường/xã"}
# The official list of one province is some hundred kilobytes; the whole country's about two megabytes. The page and
# `import_areas` both refuse a larger file before reading it (issue 12, item 4: the same checks on both paths).
MAX_CSV_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Unit:
    kind: str
    name: str
    code: str

    def __str__(self) -> str:
        label = {**dict(AreaKind.choices), **dict(CommuneKind.choices)}.get(self.kind, self.kind)
        return f"{label} {self.name}" + (f" (mã {self.code})" if self.code else "")


@dataclass
class Line:
    number: int
    province: Unit
    district: Unit | None
    commune: Unit | None


@dataclass
class Reading:
    lines: list[Line] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def size_refusal(name: str, size: int) -> str:
    """Why a file is too large to be a list of administrative units, or "" when it is not."""
    if size <= MAX_CSV_BYTES:
        return ""
    return f"«{name}» lớn hơn {MAX_CSV_BYTES // (1024 * 1024)} MB, quá lớn cho một danh mục đơn vị hành chính."


def read_areas(data: bytes) -> Reading:
    """Every line of the file, or every problem in it with its line number: the caller writes nothing then."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Reading(errors=["Tệp không phải UTF-8: trong Excel chọn «Lưu thành» → «CSV UTF-8 (phân cách bằng "
                               "dấu phẩy)» rồi tải lên lại."])
    if "\x00" in text:  # a binary file renamed .csv (an .xls, a zip) can still decode as UTF-8
        return Reading(errors=["Tệp không phải tệp văn bản CSV (có ký tự nhị phân): trong Excel chọn «Lưu thành» → "
                               "«CSV UTF-8 (phân cách bằng dấu phẩy)» rồi tải lên lại."])
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return _read_rows(rows)
    except csv.Error:  # a quote left open swallows the rest of the file into one cell past the csv module's limit
        return Reading(errors=[f"Dòng {rows.line_num}: tệp CSV sai cấu trúc, có một ô dài bất thường, thường do một "
                               "dấu ngoặc kép (\") mở mà không đóng. Sửa dòng đó hoặc lưu lại từ Excel dạng "
                               "«CSV UTF-8»."])


def _read_rows(rows) -> Reading:
    reading = Reading()
    columns = _columns(next(rows, []), reading)
    if reading.errors:
        return reading
    for row in rows:
        if any(cell.strip() for cell in row):
            _read_line(rows.line_num, dict(zip(columns, row, strict=False)), reading)
    if not reading.lines and not reading.errors:
        reading.errors.append("Tệp không có dòng đơn vị hành chính nào dưới dòng tiêu đề.")
    _check_codes_agree(reading)
    return reading


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _columns(header: list[str], reading: Reading) -> list[str]:
    columns = [COLUMNS.get(fold(cell), "") for cell in header]
    if "province" not in columns:
        found = ", ".join(f"«{cell.strip()}»" for cell in header if cell.strip()) or "không có"
        reading.errors.append(f"Dòng 1: thiếu cột «Tỉnh Thành Phố» (các cột đọc được: {found}). Dòng đầu phải là "
                              "dòng tiêu đề: Tỉnh Thành Phố, Mã TP, Quận Huyện, Mã QH, Phường Xã, Mã PX, Cấp.")
    return columns


def _read_line(number: int, cells: dict[str, str], reading: Reading) -> None:
    problems: list[str] = []
    province = _unit("province", cells, problems)
    district = _unit("district", cells, problems) if cells.get("district", "").strip() else None
    commune = _unit("commune", cells, problems) if cells.get("commune", "").strip() else None
    if commune is not None and cells.get("level", "").strip():
        _check_level(commune, cells["level"], problems)
    if province is None and not problems:
        problems.append("cột «Tỉnh Thành Phố» để trống")
    if problems:
        reading.errors += [f"Dòng {number}: {problem}." for problem in problems]
    elif province is not None:
        reading.lines.append(Line(number, province, district, commune))


def _unit(level: str, cells: dict[str, str], problems: list[str]) -> Unit | None:
    text = unicodedata.normalize("NFC", " ".join(cells.get(level, "").split()))
    code = _code(level, cells.get(f"{level}_code", ""), problems)
    if not text:
        return None
    folded = fold(text)
    for prefix, kind in PREFIXES[level].items():
        if folded.startswith(prefix + " "):
            return Unit(kind, text[len(prefix) + 1:].strip(), code)
    if level == "commune" and cells.get("level", "").strip():
        return _unit_from_level(text, code, cells["level"], problems)
    kinds = " hay ".join(f"«{k.label}»" for k in PREFIXES[level].values())
    problems.append(f"cột «{HEADINGS[level]}»: «{text}» không ghi loại đơn vị ({kinds} …) trước tên")
    return None


def _unit_from_level(text: str, code: str, level: str, problems: list[str]) -> Unit | None:
    kind = PREFIXES["commune"].get(fold(level))
    if kind is None:
        problems.append(f"cột «Cấp»: «{level.strip()}» không phải Xã, Phường, Thị trấn hay Đặc khu")
        return None
    return Unit(kind, text, code)


def _check_level(commune: Unit, level: str, problems: list[str]) -> None:
    kind = PREFIXES["commune"].get(fold(level))
    if kind is not None and kind != commune.kind:
        problems.append(f"cột «Cấp» ghi «{level.strip()}» nhưng cột «Phường Xã» ghi «{commune}»")


def _code(level: str, raw: str, problems: list[str]) -> str:
    code, width = raw.strip(), CODE_WIDTHS[level]
    if code and (not (code.isascii() and code.isdigit()) or len(code) > width):  # "²" passes isdigit() alone
        problems.append(f"cột «{HEADINGS[level + '_code']}»: «{code}» không phải mã {width} chữ số")
        return ""
    return code.zfill(width) if code else ""


def _check_codes_agree(reading: Reading) -> None:
    """One code names one unit throughout the file; a second name for it is a typing slip, reported, not chosen."""
    seen: dict[tuple[str, str], tuple[Unit, int]] = {}
    for line in reading.lines:
        for level, unit in (("province", line.province), ("district", line.district), ("commune", line.commune)):
            if unit is None or not unit.code:
                continue
            first = seen.setdefault((level, unit.code), (unit, line.number))
            if first[0] != unit:
                reading.errors.append(f"Dòng {line.number}: mã {LEVEL_WORDS[level]} {unit.code} là «{unit}» nhưng "
                                      f"dòng {first[1]} ghi «{first[0]}».")
