"""Read the unit report form (one block of fields per row) into clean values, with Vietnamese errors."""
import unicodedata
from datetime import date

from theodoi.formatting import number

from .models import REASON_MAX, RowReport, RowRole, RowStatus
from .services import evidence

TEXT_FIELDS = ("results", "obstacles", "proposals", "evidence_number")


def field_name(row: RowReport, name: str) -> str:
    return f"r{row.pk}-{name}"


def hints() -> dict:
    """What the page tells before anything is typed: each text field's limit (maxlength, and the number written the
    Vietnamese way) and the evidence files taken."""
    sizes = {name: RowReport._meta.get_field(name).max_length for name in TEXT_FIELDS}
    sizes["reason"] = REASON_MAX
    return {"limits": {name: {"max": size, "text": number(size)} for name, size in sizes.items()},
            "evidence_accept": evidence.ACCEPT, "evidence_help": evidence.help_text()}


def version(post) -> int | None:
    """The version the form was loaded at; None when missing or not a plain number (a tampered or broken page)."""
    text = post.get("version", "").strip()
    return int(text) if text.isascii() and text.isdigit() else None


def read_rows(rows: list[RowReport], post, files) -> tuple[dict[int, dict], dict[int, list[str]]]:
    values, errors = {}, {}
    for row in rows:
        data, problems = _read_row(row, post, files)
        values[row.pk] = data
        if problems:
            errors[row.pk] = problems
    return values, errors


def _read_row(row: RowReport, post, files) -> tuple[dict, list[str]]:
    data = {name: typed_text(post.get(field_name(row, name), "")) for name in TEXT_FIELDS}
    problems = []
    status = post.get(field_name(row, "status"), "")
    if status and status not in RowStatus.values:
        problems.append(f"Tình trạng «{status}» không hợp lệ.")
    data["status"] = status if status in RowStatus.values else ""
    data["percent"], problem = _percent(post.get(field_name(row, "percent"), ""))
    data["evidence_date"], date_problem = _date(post.get(field_name(row, "evidence_date"), ""), "Ngày văn bản")
    data["evidence_file"], file_problem = _file(files.get(field_name(row, "evidence_file")))
    problems += [p for p in (problem, date_problem, file_problem) if p]
    if row.role == RowRole.LEAD:
        problems += _read_finish(row, post, data)
    return data, problems


def _read_finish(row: RowReport, post, data: dict) -> list[str]:
    """The finish date and, where the page offers it, the milestone; only lead rows carry them."""
    data["finished_on"], problem = _date(post.get(field_name(row, "finished_on"), ""), "Ngày hoàn thành")
    name = field_name(row, "milestone")
    if name not in post:
        return [problem] if problem else []
    text = post.get(name, "").strip()
    number = text.isascii() and text.isdigit()  # str.isdigit() also takes "²", which int() refuses
    data["milestone"] = int(text) if number else None
    bad = f"Mốc hoàn thành «{text}» không hợp lệ (chọn trong danh sách)." if text and not number else None
    return [p for p in (problem, bad) if p]


def _percent(text: str) -> tuple[int | None, str | None]:
    text = text.strip().rstrip("%").strip()
    if not text:
        return None, None
    if not (text.isascii() and text.isdigit()) or not 0 <= int(text) <= 100:
        return None, f"Tiến độ «{text}» phải là số nguyên từ 0 đến 100."
    return int(text), None


def _date(text: str, label: str) -> tuple[date | None, str | None]:
    if not text.strip():
        return None, None
    try:
        return date.fromisoformat(text.strip()), None
    except ValueError:
        return None, f"{label} «{text}» không hợp lệ (chọn ngày trên lịch)."


def typed_text(text: str) -> str:
    """As the browser counted it for maxlength: it sends each line break as CRLF but counts one character, and
    some keyboards send decomposed accents (NFD) that NFC stores in fewer characters."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()


def _file(upload) -> tuple[object, str | None]:
    if upload is None:
        return None, None
    try:
        checked = evidence.check(upload)
    except evidence.EvidenceRefused as exc:
        return None, str(exc)
    upload.name = checked.name
    return upload, None
