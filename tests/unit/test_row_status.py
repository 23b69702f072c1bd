"""The 4-way status at its boundaries; dates worked out by hand."""
from datetime import date

from reports.rules.status import DONE_LATE, DONE_ON_TIME, OPEN_IN_TIME, OPEN_OVERDUE, row_status

DUE = date(2023, 4, 30)


def test_done_on_the_due_day_is_on_time():
    assert row_status("date", DUE, [], {0: date(2023, 4, 30)}, date(2023, 6, 1)).code == DONE_ON_TIME


def test_done_a_day_after_is_late_by_one_day():
    status = row_status("date", DUE, [], {0: date(2023, 5, 1)}, date(2023, 6, 1))
    assert (status.code, status.days_overdue) == (DONE_LATE, 1)


def test_open_on_the_due_day_is_within_its_deadline():
    assert row_status("date", DUE, [], {}, date(2023, 4, 30)).code == OPEN_IN_TIME


def test_open_the_day_after_is_overdue_by_one_day():
    status = row_status("date", DUE, [], {}, date(2023, 5, 1))
    assert (status.code, status.days_overdue) == (OPEN_OVERDUE, 1)


def test_range_is_judged_at_its_end():
    assert row_status("range", date(2025, 12, 31), [], {}, date(2024, 1, 1)).code == OPEN_IN_TIME


def test_milestones_are_judged_one_by_one():
    points = [date(2023, 7, 31), date(2023, 10, 31)]
    # Before the first milestone: in time.
    assert row_status("milestones", points[-1], points, {}, date(2023, 7, 31)).code == OPEN_IN_TIME
    # First milestone missed: overdue although the last one is months away (1/8 is 1 day past 31/7).
    status = row_status("milestones", points[-1], points, {}, date(2023, 8, 1))
    assert (status.code, status.days_overdue) == (OPEN_OVERDUE, 1)
    # First met on time, second not yet due: in time.
    assert row_status("milestones", points[-1], points, {0: date(2023, 7, 20)}, date(2023, 9, 1)).code == OPEN_IN_TIME
    # Both met, the first 5 days late (5/8 against 31/7): done late.
    completed = {0: date(2023, 8, 5), 1: date(2023, 10, 1)}
    status = row_status("milestones", points[-1], points, completed, date(2023, 12, 1))
    assert (status.code, status.days_overdue) == (DONE_LATE, 5)
    assert row_status("milestones", points[-1], points, {0: date(2023, 7, 1), 1: date(2023, 10, 31)},
                      date(2023, 12, 1)).code == DONE_ON_TIME


def test_recurring_external_and_unknown_are_never_overdue():
    for kind in ("recurring", "external", "unknown"):
        status = row_status(kind, date(2023, 12, 31), [], {}, date(2024, 3, 1))
        assert status.code == OPEN_IN_TIME and status.note
