"""Read the unit report form (one block of fields per row) into clean values, with Vietnamese errors."""
from theodoi import evidence
from theodoi.formatting import number

from .models import REASON_MAX, RowReport, RowRole
from .rules import validation
from .services.cycle import text_limit

TEXT_FIELDS = validation.TEXT_FIELDS


def field_name(row: RowReport, name: str) -> str:
    return f"r{row.pk}-{name}"


def hints() -> dict:
    """What the page tells before anything is typed: each text field's limit (maxlength, and the number written the
    Vietnamese way) and the evidence files taken."""
    sizes = {name: text_limit(name) for name in TEXT_FIELDS}
    sizes["reason"] = REASON_MAX
    return {"limits": {name: {"max": size, "text": number(size)} for name, size in sizes.items()},
            "evidence_accept": evidence.ACCEPT, "evidence_help": evidence.help_text()}


def version(post) -> int | None:
    """The version the form was loaded at; None when missing or not a plain number (a tampered or broken page)."""
    text = post.get("version", "").strip()
    return int(text) if text.isascii() and text.isdigit() else None


def read_rows(rows: list[RowReport], post, files) -> tuple[dict[int, dict], dict[int, list[str]]]:
    """As read_fields, each row's messages in one list: for the page while it lists them under the row."""
    values, errors = read_fields(rows, post, files)
    return values, validation.flatten(errors)


def read_fields(rows: list[RowReport], post, files) -> tuple[dict[int, dict], validation.Errors]:
    """The posted form, row by row, through the one reader the Excel import uses; errors keyed by row and field."""
    values, errors = {}, {}
    for row in rows:
        data, problems = _read_row(row, post, files)
        values[row.pk] = data
        if problems:
            errors[row.pk] = problems
    return values, errors


def _read_row(row: RowReport, post, files) -> tuple[dict, validation.FieldErrors]:
    names = (*TEXT_FIELDS, "status", "percent", "evidence_date")
    data, problems = validation.read_fields({name: post.get(field_name(row, name), "") for name in names})
    data["evidence_file"], file_problem = _file(files.get(field_name(row, "evidence_file")))
    validation.add(problems, "evidence_file", file_problem)
    if row.role == RowRole.LEAD:
        _read_finish(row, post, data, problems)
    return data, problems


def _read_finish(row: RowReport, post, data: dict, problems: validation.FieldErrors) -> None:
    """The finish date and, where the page offers it, the milestone; only lead rows carry them."""
    data["finished_on"], problem = validation.read_date(post.get(field_name(row, "finished_on"), ""),
                                                        validation.FINISHED_ON_LABEL)
    validation.add(problems, "finished_on", problem)
    name = field_name(row, "milestone")
    if name not in post:
        return
    text = post.get(name, "").strip()
    whole = text.isascii() and text.isdigit()  # str.isdigit() also takes "²", which int() refuses
    data["milestone"] = int(text) if whole else None
    if text and not whole:
        validation.add(problems, "milestone", f"Mốc hoàn thành «{text}» không hợp lệ (chọn trong danh sách).")


def _file(upload) -> tuple[object, str | None]:
    if upload is None:
        return None, None
    try:
        checked = evidence.check(upload)
    except evidence.EvidenceRefused as exc:
        return None, str(exc)
    upload.name = checked.name
    return upload, None
