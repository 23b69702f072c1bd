"""Which rows next year's plan carries and how deadlines move: each case worked out from nextyear/rules.py."""
from datetime import date

import pytest

from nextyear.rules import RECURRING, UNFINISHED, carry_reason, is_recurring, moved_deadline


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Trước ngày 30/6/2023", "date", "Trước ngày 30/6/2024"),
    ("Năm 2023", "date", "Năm 2024"),
    ("Quý 1/2023", "date", "Quý 1/2024"),
    ("Quý II", "date", "Quý II"),                      # no year: read in the new plan's year
    ("Thường xuyên", "recurring", "Thường xuyên"),
    ("Thường xuyên trong năm 2023", "recurring", "Thường xuyên trong năm 2024"),
    ("Năm 2023-2025", "range", "Năm 2024-2025"),       # the span's end is not this year's
    ("Năm 2023-2024", "range", "Năm 2024"),
    ("Cuối tháng 7 và tháng 10/2023", "milestones", "Cuối tháng 7 và tháng 10/2024"),
    ("Giải pháp 1: Quý 1/2023; Giải pháp (2) , (3): Năm 2023", "milestones",
     "Giải pháp 1: Quý 1/2024; Giải pháp (2) , (3): Năm 2024"),
    ("Theo Kế hoạch số 12/KH-UBND ngày 05/01/2023", "external", "Theo Kế hoạch số 12/KH-UBND ngày 05/01/2023"),
    ("Theo lộ trình KH 150/KH-UBND ngày 17/5/2022", "external", "Theo lộ trình KH 150/KH-UBND ngày 17/5/2022"),
])
def test_a_deadline_moves_to_next_year(text, kind, expected):
    assert moved_deadline(text, kind, 2023) == expected


def test_the_last_day_of_february_of_a_leap_year_becomes_the_last_day_of_next_february():
    assert moved_deadline("Trước ngày 29/2/2024", "date", 2024) == "Trước ngày 28/2/2025"


@pytest.mark.parametrize(("kind", "text", "start", "due", "expected"), [
    ("recurring", "Thường xuyên", None, None, True),
    ("recurring", "Hằng tháng", None, None, True),
    ("recurring", "Năm 2023 và các năm tiếp theo", date(2023, 1, 1), date(2023, 12, 31), True),
    ("range", "Cả năm", date(2023, 1, 1), date(2023, 12, 31), True),
    ("range", "Năm 2023", date(2023, 1, 1), date(2023, 12, 31), False),  # names its year: done once
    ("range", "6 tháng đầu năm", date(2023, 1, 1), date(2023, 6, 30), False),
    ("date", "Năm 2023", None, date(2023, 12, 31), False),
    ("external", "Theo chỉ đạo của thành phố", None, None, False),
])
def test_recurring_is_what_the_deadline_grammar_reads_as_recurring_or_the_whole_year(kind, text, start, due,
                                                                                      expected):
    assert is_recurring(kind, text, start, due, 2023) is expected


@pytest.mark.parametrize(("status", "recurring", "expected"), [
    ("done_on_time", False, None), ("done_late", False, None),
    ("open_in_time", False, UNFINISHED), ("open_overdue", False, UNFINISHED),
    ("done_on_time", True, RECURRING), ("open_in_time", True, RECURRING),
])
def test_completed_rows_stay_behind_unless_recurring(status, recurring, expected):
    assert carry_reason(status, recurring) == expected
