"""When a row's work was finished, and which milestone a report completes (issue 11, item 12).

"Done" is the date the unit reports the work finished, counted once the office accepts it; acceptance never moves
it. The unit gives the date on the report row (by default the day it submits) and, for a row with several
milestones, the milestone it completes (by default the earliest still open). Accepting the report records exactly
that milestone with that date.
"""
from datetime import date

from django.utils import timezone

from theodoi.formatting import short_date

from ..models import Completion, RowReport, RowRole, RowStatus, UnitReport
from ..rules import status as st


def milestone_dates(assignment) -> list[date]:
    if assignment.deadline_kind != "milestones":
        return []
    return [date.fromisoformat(m) for m in assignment.milestones or []]


def completed_milestones(assignment, except_report: int | None = None) -> set[int]:
    """Milestones the office has accepted; those accepted from `except_report` stay open to that same report."""
    return {c.milestone for c in assignment.completions.all() if except_report is None or c.report_id != except_report}


def finish_problems(row: RowReport, data: dict, plan_year: int, today: date) -> dict[str, list[str]]:
    """What is wrong with the finish date and milestone a unit typed for one row, in Vietnamese, by field
    ({"finished_on": [...], "milestone": [...]}; a field with no problem is left out)."""
    if row.role != RowRole.LEAD:
        return {}
    if data.get("status", row.status) != RowStatus.DONE:
        typed = data.get("finished_on") is not None
        return {"finished_on": ["Chỉ ghi ngày hoàn thành khi chọn tình trạng «Hoàn thành»."]} if typed else {}
    problems = {"finished_on": _date_problems(data.get("finished_on", row.finished_on), plan_year, today)}
    if data.get("milestone") is not None:
        problems["milestone"] = _milestone_problems(row, data["milestone"])
    return {name: messages for name, messages in problems.items() if messages}


def _date_problems(finished: date | None, plan_year: int, today: date) -> list[str]:
    if finished is not None and finished > today:
        return [f"Ngày hoàn thành {short_date(finished)} chưa tới (hôm nay là {short_date(today)})."]
    if finished is not None and finished < date(plan_year, 1, 1):
        return [f"Ngày hoàn thành {short_date(finished)} trước năm kế hoạch {plan_year}."]
    return []


def _milestone_problems(row: RowReport, index: int) -> list[str]:
    assignment = row.assignment
    points = milestone_dates(assignment)
    if index >= len(points):
        return [f"Nhiệm vụ không có mốc thứ {index + 1} (thời hạn: «{assignment.deadline_text}»)."]
    if index in completed_milestones(assignment, except_report=row.report_id):
        return [f"Mốc {short_date(points[index])} đã được công nhận hoàn thành; chọn mốc chưa hoàn thành."]
    return []


def fill_row_defaults(row: RowReport, report_pk: int, today: date) -> None:
    """On submission: a lead row reported done without a date was finished the day it is submitted, and completes
    the earliest milestone still open. What the unit typed is kept. In memory: the caller writes all rows at once,
    so `row.assignment.completions` should be prefetched."""
    if row.role != RowRole.LEAD or row.status != RowStatus.DONE:
        return
    if row.finished_on is None:
        row.finished_on = today
    points = milestone_dates(row.assignment)
    if row.milestone is None and points:
        row.milestone = st.next_open_milestone(points, completed_milestones(row.assignment, report_pk))


def complete(row: RowReport, report: UnitReport, today: date) -> Completion | None:
    """Accepting the report completes the row, or the milestone the unit reported, dated the day it finished."""
    assignment = row.assignment
    if assignment.completions.filter(report=report).exists():
        return None  # a reopened report accepted again completes nothing twice
    taken = set(assignment.completions.values_list("milestone", flat=True))
    index = _index_to_complete(row, milestone_dates(assignment), taken)
    if index is None or index in taken:
        return None  # every milestone, or the one reported, was completed by another report meanwhile
    finished = row.finished_on or _submitted_on(report) or today
    return Completion.objects.create(assignment=assignment, milestone=index, completed_on=finished,
                                     accepted_on=today, report=report)


def _index_to_complete(row: RowReport, points: list[date], taken: set[int]) -> int | None:
    if not points:
        return 0
    return row.milestone if row.milestone is not None else st.next_open_milestone(points, taken)


def _submitted_on(report: UnitReport) -> date | None:
    """Reports sent before finish dates existed: the day they were submitted stands for it."""
    return timezone.localdate(report.submitted_at) if report.submitted_at else None
