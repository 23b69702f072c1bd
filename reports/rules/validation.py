"""One reader for the fields of a unit's report row, and its errors keyed by row and field.

The web form, the Excel file and the cycle's rules all say what is wrong as {row pk: {field name: [messages]}}, so
the page can show a message beside its input and the Excel import can name the cell of its column, without
either guessing the field from the words of the message. The same typed value gives the same message whichever way
it came in: the form sends status codes and ISO dates, Excel sends labels, numbers and dd/mm/yyyy, and both are read
here.
"""
import re
import unicodedata
from datetime import date, datetime

from theodoi.form_text import typed_text
from theodoi.formatting import number

from ..models import RowStatus

FieldErrors = dict[str, list[str]]
Errors = dict[int, FieldErrors]

TEXT_FIELDS = ("results", "obstacles", "proposals", "evidence_number")
STATUS_LABELS = [label for _, label in RowStatus.choices]
DATE_PATTERNS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")
EVIDENCE_DATE_LABEL = "Ngày văn bản"
FINISHED_ON_LABEL = "Ngày hoàn thành"


def add(errors: FieldErrors, name: str, message: str | None) -> None:
    if message:
        errors.setdefault(name, []).append(message)


def flatten(errors: Errors) -> dict[int, list[str]]:
    """Each row's messages in one list, fields in the order they were found: for a page that lists them together."""
    return {pk: [m for messages in fields.values() for m in messages] for pk, fields in errors.items() if fields}


def read_fields(raw: dict) -> tuple[dict, FieldErrors]:
    """The typed values of one row (only the fields present in `raw`), cleaned, with their problems by field."""
    values: dict[str, object] = {}
    errors: FieldErrors = {}
    for name in TEXT_FIELDS:
        if name in raw:
            values[name] = typed_text(raw[name])
    for name, reader in (("status", read_status), ("percent", read_percent)):
        if name in raw:
            values[name], problem = reader(raw[name])
            add(errors, name, problem)
    if "evidence_date" in raw:
        values["evidence_date"], problem = read_date(raw["evidence_date"], EVIDENCE_DATE_LABEL)
        add(errors, "evidence_date", problem)
    return values, errors


def read_status(value) -> tuple[str, str | None]:
    """A status code (the page's select) or its label (the Excel list), spaces and case aside."""
    text = typed_text(value)
    if not text or text in RowStatus.values:
        return text, None
    wanted = _squash(text)
    for code, label in RowStatus.choices:
        if _squash(label) == wanted:
            return code, None
    return "", f"Tình trạng «{text}» không có trong danh sách ({', '.join(STATUS_LABELS)})."


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).casefold()


def read_percent(value) -> tuple[int | None, str | None]:
    """A whole number from 0 to 100, typed ("50", "50 %") or a number cell; "²" and "٥" are digits to
    str.isdigit() but not to int(), so only ASCII digits count."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        whole = float(value).is_integer() and 0 <= value <= 100
        return (int(value), None) if whole else (None, _percent_problem(number(value)))
    text = typed_text(value)
    digits = text.rstrip("%").strip()
    if not digits:
        return None, None
    if digits.isascii() and digits.isdigit() and int(digits) <= 100:
        return int(digits), None
    return None, _percent_problem(text)


def _percent_problem(shown: str) -> str:
    return f"Tiến độ «{shown}» phải là số nguyên từ 0 đến 100."


def read_date(value, label: str) -> tuple[date | None, str | None]:
    """A calendar date: the page's date input sends 2023-01-05; in Excel a date cell or 05/01/2023 typed."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    text = typed_text(value)
    if not text:
        return None, None
    for pattern in DATE_PATTERNS:
        try:
            day = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if 1900 <= day.year <= 2100:  # strptime takes "5/1/23" as the year 23
            return day, None
    return None, f"{label} «{text}» không hợp lệ; ghi theo dạng dd/mm/yyyy, ví dụ 05/01/2023."
