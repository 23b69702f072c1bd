"""The one way dates, numbers and shortened task names are written, in documents (DOCX, XLSX) and on pages.

Every generated document and the `vi` template filters call these, so a page and the paper printed from it never
disagree on how a date or a count looks.
"""
import textwrap
from datetime import date, datetime, timedelta

from django.utils import timezone

from planparser.vidates import decree30_date, numeric_date
from planparser.vinumbers import format_vi_number

ELLIPSIS = "…"


def _as_date(value) -> date:
    if isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(value, datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return value


def long_date(value) -> str:
    """ "ngày 05 tháng 02 năm 2023", "ngày 25 tháng 5 năm 2023": the Decree 30 form (planparser.vidates)."""
    return decree30_date(_as_date(value)) if value else ""


def place_and_date(place: str, value) -> str:
    """The italic line at the top right of a Decree 30 document: "Hưng Đông, ngày 25 tháng 5 năm 2023"."""
    return f"{place}, {long_date(value)}"


def short_date(value) -> str:
    """ "30/04/2023": the compact form for table cells, where the long form of Appendix I would not fit."""
    return numeric_date(_as_date(value)) if value else ""


def number(value, decimals=None) -> str:
    """vi-VN: "1.341", "46.341.000.000", "10,8"; at most `decimals` places, rounded half up (12,5 -> 13).

    The one Babel writer is planparser.vinumbers.format_vi_number; pages drop trailing zeros ("85", not "85,0").
    """
    if value is None or value == "":
        return ""
    return format_vi_number(value, None if decimals is None else int(decimals), trailing_zeros=False)


def days(count: int) -> str:
    """ "1.341 ngày": a day count as the documents print it."""
    return f"{number(count)} ngày"


def shorten(text: str, limit: int) -> str:
    """Cut at a word, never inside one, and mark the cut with "…"; a text within the limit is left whole."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = textwrap.shorten(text, width=limit, placeholder=ELLIPSIS, break_long_words=False)
    if cut == ELLIPSIS:  # a first word longer than the limit: keep it whole rather than print nothing
        cut = text.split(" ", 1)[0] + ELLIPSIS
    return cut[: -len(ELLIPSIS)].rstrip(" ,;:-–") + ELLIPSIS


def row_tag(solution_numbers: list[str], unit_names: str) -> str:
    """What tells one assignment row of a task from its siblings: "giải pháp (1), (2); chủ trì: Công chức Đô thị"."""
    numbers = [n for n in solution_numbers if n]
    parts = [f"giải pháp {', '.join(numbers)}"] if numbers else []
    parts.append(f"chủ trì: {unit_names or 'chưa rõ'}")
    return "; ".join(parts)


def missed_milestone(assignment, status, as_of) -> date | None:
    """The milestone an open or late milestone row missed: its overdue days count from that date.

    reports.rules.status gives it as `missed`; without it, it is the milestone `days_overdue` days before the day
    judged, and it must be one of the row's own milestones.
    """
    if assignment.deadline_kind != "milestones" or not status.days_overdue:
        return None
    missed = getattr(status, "missed", None)
    if missed:
        return missed
    day = _as_date(as_of) - timedelta(days=status.days_overdue)
    return day if day.isoformat() in (assignment.milestones or []) else None


def due_words(assignment, status, as_of) -> str:
    """ "mốc 31/03/2023" for a missed milestone, "hạn 30/04/2023" for a dated row, else the deadline as printed."""
    missed = missed_milestone(assignment, status, as_of)
    if missed:
        return f"mốc {short_date(missed)}"
    if assignment.due:
        return f"hạn {short_date(assignment.due)}"
    return assignment.deadline_text
