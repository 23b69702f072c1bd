"""Storing a unit's report filled in Excel (exports.xlsx reads the file): through cycle.save, in one transaction with
its optimistic version and audit entry, so nothing is stored while any cell is wrong."""
from dataclasses import dataclass, field
from datetime import date

from ..exports.xlsx import LETTER, Upload, read, where
from ..rules import validation
from . import cycle


def cell_errors(upload: Upload, errors: validation.Errors) -> list[str]:
    """Each message on the cell of its field's column; a field with no column (the finish date) on the row's code."""
    found = []
    for pk, fields in errors.items():
        line = upload.lines.get(pk)
        for name, messages in fields.items():
            column = name if name in LETTER else "code"
            found += [f"{where(column, line)}: {message}" if line else message for message in messages]
    return found


@dataclass
class Outcome:
    ok: bool
    errors: list[str] = field(default_factory=list)
    rows: int = 0
    overwrote_web_edits: bool = False  # saved on the web after this file was downloaded
    conflict: bool = False


def import_file(report, user, data: bytes, name: str, submit: bool, today: date) -> Outcome:
    """Read and store the file; raises Refused for a file that is not this report's, CycleError when it is closed."""
    if not cycle.is_editable(report, today):
        raise cycle.CycleError("Báo cáo này không sửa được nữa (đã gửi, đã duyệt hoặc kỳ đã khóa); không nhập tệp.")
    upload = read(report, data, name)
    if upload.problems:
        return Outcome(ok=False, errors=cell_errors(upload, upload.problems))
    version = report.version
    result = cycle.save(report, user, version, upload.rows, submit, today)
    if result.conflict:
        return Outcome(ok=False, conflict=True, errors=["Báo cáo vừa được người khác lưu trong lúc nhập tệp; "
                                                        "chưa lưu gì, hãy xem lại báo cáo rồi nhập lại tệp."])
    if not result.ok:
        return Outcome(ok=False, errors=cell_errors(upload, result.fields))
    return Outcome(ok=True, rows=len(upload.rows), overwrote_web_edits=upload.version != version)
