"""The 4-way status reads the date the unit finished the work, judged on a given day (a report's cut-off).

Deadlines are the sample plan's and others typed the way commune plans type them; each expected value is worked
out by hand in the comment beside it.
"""
from datetime import date

from reports.rules.status import DONE_LATE, DONE_ON_TIME, OPEN_IN_TIME, OPEN_OVERDUE, next_open_milestone, row_status

# "Trước tháng 5/2023" (I.1.3 of the sample): due 30/04/2023.
BEFORE_MAY = date(2023, 4, 30)


def test_a_finish_reported_after_the_day_judged_does_not_count_yet():
    # Finished 14/05 (accepted later): on 13/05 the row was still open, 13 days past 30/04.
    status = row_status("date", BEFORE_MAY, [], {0: date(2023, 5, 14)}, date(2023, 5, 13))
    assert (status.code, status.days_overdue, status.missed) == (OPEN_OVERDUE, 13, BEFORE_MAY)
    # On 14/05 itself it counts: done 14 days late.
    status = row_status("date", BEFORE_MAY, [], {0: date(2023, 5, 14)}, date(2023, 5, 14))
    assert (status.code, status.days_overdue, status.missed) == (DONE_LATE, 14, BEFORE_MAY)


def test_finished_on_the_due_day_stays_on_time_whenever_it_is_judged():
    # Finished 30/04: on time on 30/04, on the May cut-off 14/05, and at the year's end.
    for day in (date(2023, 4, 30), date(2023, 5, 14), date(2023, 12, 14)):
        assert row_status("date", BEFORE_MAY, [], {0: date(2023, 4, 30)}, day).code == DONE_ON_TIME


def test_finished_a_day_before_the_cut_off_counts_in_that_period():
    # "Quý III/2023": due 30/09. Finished 13/10, judged at the October cut-off 14/10: late by 13 days.
    status = row_status("date", date(2023, 9, 30), [], {0: date(2023, 10, 13)}, date(2023, 10, 14))
    assert (status.code, status.days_overdue) == (DONE_LATE, 13)
    # "Trước ngày 15/10/2023": due 15/10, judged at 14/10 with nothing finished: still within its deadline.
    assert row_status("date", date(2023, 10, 15), [], {}, date(2023, 10, 14)).code == OPEN_IN_TIME


# "Cuối tháng 7 và tháng 10/2023" (I.3.3 of the sample): milestones 31/07 and 31/10/2023.
POINTS = [date(2023, 7, 31), date(2023, 10, 31)]


def test_a_missed_milestone_reports_its_own_date_not_the_final_due_date():
    # 14/08 cut-off, nothing done: the 31/07 point is 14 days past; the row's final due date 31/10 is not missed.
    status = row_status("milestones", POINTS[-1], POINTS, {}, date(2023, 8, 14))
    assert (status.code, status.days_overdue, status.missed) == (OPEN_OVERDUE, 14, date(2023, 7, 31))
    # First met on 05/08 (5 days late), second missed: judged 14/11, the second point is the open one, 14 days.
    status = row_status("milestones", POINTS[-1], POINTS, {0: date(2023, 8, 5)}, date(2023, 11, 14))
    assert (status.code, status.days_overdue, status.missed) == (OPEN_OVERDUE, 14, date(2023, 10, 31))
    # Both met, the first 5 days late: done late, and the missed point is 31/07.
    status = row_status("milestones", POINTS[-1], POINTS, {0: date(2023, 8, 5), 1: date(2023, 10, 20)},
                        date(2023, 11, 14))
    assert (status.code, status.days_overdue, status.missed) == (DONE_LATE, 5, date(2023, 7, 31))


def test_a_milestone_finished_after_the_day_judged_is_not_reached_yet():
    # First point finished 20/07 but judged on 19/07: 0 of 2 reached, nothing past due yet.
    status = row_status("milestones", POINTS[-1], POINTS, {0: date(2023, 7, 20)}, date(2023, 7, 19))
    assert (status.code, status.note) == (OPEN_IN_TIME, "Đạt 0/2 mốc")
    status = row_status("milestones", POINTS[-1], POINTS, {0: date(2023, 7, 20)}, date(2023, 7, 20))
    assert (status.code, status.note) == (OPEN_IN_TIME, "Đạt 1/2 mốc")


def test_milestone_indexes_are_positions_in_the_rows_own_list():
    # A list printed out of date order ("Tháng 10 và tháng 7/2023"): index 1 is 31/07. Finishing it on 20/07 meets
    # that point, so on 01/08 nothing is overdue (31/10 is months away).
    printed = [date(2023, 10, 31), date(2023, 7, 31)]
    status = row_status("milestones", date(2023, 10, 31), printed, {1: date(2023, 7, 20)}, date(2023, 8, 1))
    assert (status.code, status.note) == (OPEN_IN_TIME, "Đạt 1/2 mốc")


def test_the_default_milestone_is_the_earliest_open_one():
    assert next_open_milestone(POINTS, set()) == 0
    assert next_open_milestone(POINTS, {0}) == 1
    assert next_open_milestone(POINTS, {0, 1}) is None
    assert next_open_milestone([date(2023, 10, 31), date(2023, 7, 31)], set()) == 1  # 31/07 comes first by date
