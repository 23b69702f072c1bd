"""The Government Office's 4-way task status, computed from a row's deadline and accepted completions.

Pure Python on purpose: no Django, so the rule is testable at its boundaries and reusable by the
dashboard and the year-end evaluation.

A completion's date is the day the unit reported the work finished, once the office has accepted it, never the
day of acceptance: a late acceptance must not turn an on-time completion late. A completion dated after the day
being judged did not exist yet on that day and is ignored.

- A dated row (kind "date" or "range") is due on `due`. Done by then: on time; done after: late.
  Not done and the day judged is after `due`: overdue; otherwise open within its deadline.
- A milestone row is judged milestone by milestone: every milestone must be completed; one completed
  after its date makes the row late; one past and not completed makes it overdue.
- Recurring rows ("thường xuyên", "hằng tháng") and rows whose deadline is set elsewhere ("theo chỉ đạo
  của thành phố") are never overdue; missed monthly check-ins are counted separately (see rates).
- A row whose deadline could not be understood is never called overdue by guesswork.
A report judges these at its data cut-off (Decree 09/2019/NĐ-CP Art. 12; see theodoi.periods.Period.judged_on).
"""
from dataclasses import dataclass
from datetime import date

DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
OPEN_IN_TIME = "open_in_time"
OPEN_OVERDUE = "open_overdue"
ORDER = (DONE_ON_TIME, DONE_LATE, OPEN_IN_TIME, OPEN_OVERDUE)
LABELS = {
    DONE_ON_TIME: "Hoàn thành đúng hạn",
    DONE_LATE: "Hoàn thành quá hạn",
    OPEN_IN_TIME: "Chưa hoàn thành, trong hạn",
    OPEN_OVERDUE: "Chưa hoàn thành, quá hạn",
}
_NEVER_OVERDUE = {"recurring", "external", "unknown"}


@dataclass(frozen=True)
class RowStatus:
    code: str
    days_overdue: int = 0  # for open rows, days past the earliest missed date; for late ones, days late
    note: str = ""
    missed: date | None = None  # the date that was missed: the milestone's own date, or the row's due date

    @property
    def label(self) -> str:
        return LABELS[self.code]

    @property
    def is_done(self) -> bool:
        return self.code in (DONE_ON_TIME, DONE_LATE)


def row_status(kind: str, due: date | None, milestones: list[date], completions: dict[int, date],
               today: date) -> RowStatus:
    """completions: milestone index in `milestones` (0 for a single-deadline row) → the accepted finish date.

    `today` is the day judged: the report's cut-off for a past period."""
    completions = {index: day for index, day in completions.items() if day <= today}
    if kind == "milestones" and milestones:
        return _milestone_status(milestones, completions, today)
    done = completions.get(0) or (max(completions.values()) if completions else None)
    if kind in _NEVER_OVERDUE or due is None:
        return _never_overdue(kind, done)
    return _dated_status(due, done, today)


def _dated_status(due: date, done: date | None, today: date) -> RowStatus:
    if done is not None:
        return RowStatus(DONE_ON_TIME) if done <= due else RowStatus(DONE_LATE, (done - due).days, missed=due)
    if today > due:
        return RowStatus(OPEN_OVERDUE, (today - due).days, missed=due)
    return RowStatus(OPEN_IN_TIME)


def _never_overdue(kind: str, done: date | None) -> RowStatus:
    note = {"recurring": "Nhiệm vụ thường xuyên", "external": "Thời hạn theo văn bản/cơ quan khác",
            "unknown": "Chưa xác định được thời hạn"}.get(kind, "")
    return RowStatus(DONE_ON_TIME if done else OPEN_IN_TIME, 0, note)


def _milestone_status(milestones: list[date], completions: dict[int, date], today: date) -> RowStatus:
    # Indexes are positions in the row's own list, which is what a completion records; order by date only to
    # find the earliest missed point.
    late, overdue = [], []
    for index, point in enumerate(milestones):
        done = completions.get(index)
        if done is not None and done > point:
            late.append(((done - point).days, point))
        elif done is None and today > point:
            overdue.append(((today - point).days, point))
    reached = len([i for i in range(len(milestones)) if i in completions])
    note = f"Đạt {reached}/{len(milestones)} mốc"
    if reached == len(milestones):
        if not late:
            return RowStatus(DONE_ON_TIME, 0, note)
        days, point = max(late)
        return RowStatus(DONE_LATE, days, note, point)
    if overdue:
        days, point = max(overdue)
        return RowStatus(OPEN_OVERDUE, days, note, point)
    return RowStatus(OPEN_IN_TIME, 0, note)


def next_open_milestone(milestones: list[date], completed: set[int]) -> int | None:
    """The index of the earliest milestone (by date) not yet completed; None when every one is."""
    open_points = [(point, index) for index, point in enumerate(milestones) if index not in completed]
    return min(open_points)[1] if open_points else None
