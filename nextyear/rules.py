"""Which rows next year's plan carries over, and how a deadline moves to next year. Pure rules, no database.

- A row is carried over when it is not completed at the end of the year (the Government Office's 4-way status of
  reports/status.py: anything but "Hoàn thành đúng hạn" / "Hoàn thành quá hạn"), or when it is recurring.
- A row is recurring when the deadline grammar (planparser/deadlines.py) reads its deadline as kind "recurring":
  "Thường xuyên", "Hằng tháng", "Hằng quý", "Năm 2023 và các năm tiếp theo"; or when it spans the whole plan year
  without naming one ("Cả năm"), which the grammar reads as a range from 01/01 to 31/12 of the plan year.
- A deadline moves by one year: the plan year written in it becomes the next ("30/6/2023" → "30/6/2024",
  "Quý 1/2023" → "Quý 1/2024", "Năm 2023-2025" → "Năm 2024-2025"); a deadline with no year ("Quý II",
  "Thường xuyên") stays as printed and is read in the new plan's year; a deadline set by another document
  ("Theo Kế hoạch số 12/KH-UBND ngày 05/01/2023") stays word for word, its dates being the document's.
- A task arising during the year (arising app) goes by the same rule: what the Chairman's notice or the province's
  directive asked and is not done at year end is still owed next year, and a plan that left it out would stop its
  tracking on 31/12. It goes in a part of its own at the end of the table (arising_part_title), its source document
  in the GIẢI PHÁP column, its title unchanged, so next year's import links it to this year's row.
"""
import calendar
import re
from datetime import date

from reports.rules import status as st

UNFINISHED, RECURRING = "unfinished", "recurring"
ARISING_PART = "Nhiệm vụ phát sinh năm {year} chuyển sang"
REASONS = {UNFINISHED: "Chưa hoàn thành cuối năm", RECURRING: "Nhiệm vụ thường xuyên"}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DATE_OR_YEAR = re.compile(r"(?<!\d)(?:(?P<day>\d{1,2})/(?P<month>\d{1,2})/)?(?P<year>(?:19|20)\d{2})(?!\d)")


def is_recurring(kind: str, text: str, start: date | None, due: date | None, year: int) -> bool:
    if kind == "recurring":
        return True
    whole_year = start == date(year, 1, 1) and due == date(year, 12, 31)
    return kind == "range" and whole_year and not _YEAR.search(text or "")


def arising_part_title(year: int) -> str:
    return ARISING_PART.format(year=year)


def carry_reason(status_code: str, recurring: bool) -> str | None:
    """Why a row goes into next year's plan, or None when it stays behind (completed, not recurring)."""
    if recurring:
        return RECURRING
    return None if status_code in (st.DONE_ON_TIME, st.DONE_LATE) else UNFINISHED


def moved_deadline(text: str, kind: str, year: int) -> str:
    """The deadline as next year's plan prints it."""
    if kind == "external":
        return text
    moved = _DATE_OR_YEAR.sub(lambda match: _move(match, year), text)
    # "Năm 2023-2024" moved is "Năm 2024-2024": one year, printed once.
    return re.sub(rf"\b{year + 1}\s*[-–]\s*{year + 1}\b", str(year + 1), moved)


def _move(match: re.Match, year: int) -> str:
    if int(match["year"]) != year:
        return match.group(0)
    if match["day"] is None:
        return str(year + 1)
    day, month = int(match["day"]), int(match["month"])
    if not 1 <= month <= 12:
        return match.group(0)
    # 29/2 of a leap year has no twin: the last day of February of the next year is the same deadline.
    day = min(day, calendar.monthrange(year + 1, month)[1])
    return f"{day}/{match['month']}/{year + 1}"
