"""Read the unit report form (one block of fields per row) into clean values, with Vietnamese errors."""
from datetime import date

from django.conf import settings

from .models import RowReport, RowRole, RowStatus

TEXT_FIELDS = ("results", "obstacles", "proposals", "evidence_number")


def field_name(row: RowReport, name: str) -> str:
    return f"r{row.pk}-{name}"


def read_rows(rows: list[RowReport], post, files) -> tuple[dict[int, dict], dict[int, list[str]]]:
    values, errors = {}, {}
    for row in rows:
        data, problems = _read_row(row, post, files)
        values[row.pk] = data
        if problems:
            errors[row.pk] = problems
    return values, errors


def _read_row(row: RowReport, post, files) -> tuple[dict, list[str]]:
    data = {name: post.get(field_name(row, name), "").strip() for name in TEXT_FIELDS}
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
    data["milestone"] = int(text) if text.isdigit() else None
    bad = f"Mốc hoàn thành «{text}» không hợp lệ (chọn trong danh sách)." if text and not text.isdigit() else None
    return [p for p in (problem, bad) if p]


def _percent(text: str) -> tuple[int | None, str | None]:
    text = text.strip().rstrip("%").strip()
    if not text:
        return None, None
    if not text.isdigit() or not 0 <= int(text) <= 100:
        return None, f"Tiến độ «{text}» phải là số nguyên từ 0 đến 100."
    return int(text), None


def _date(text: str, label: str) -> tuple[date | None, str | None]:
    if not text.strip():
        return None, None
    try:
        return date.fromisoformat(text.strip()), None
    except ValueError:
        return None, f"{label} «{text}» không hợp lệ (chọn ngày trên lịch)."


def _file(upload) -> tuple[object, str | None]:
    if upload is None:
        return None, None
    if upload.size > settings.THEODOI_MAX_UPLOAD_BYTES:
        return None, f"Tệp minh chứng «{upload.name}» quá lớn."
    return upload, None
