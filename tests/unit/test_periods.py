"""Decree 09/2019/NĐ-CP periods, with every date worked out by hand from the decree's rule (15th to 14th)."""
from datetime import date
from itertools import pairwise

import pytest

from theodoi.periods import (
    HALF,
    MONTH,
    NINE_MONTHS,
    QUARTER,
    YEAR,
    Period,
    months_in,
    period_containing,
    periods_closing_with,
    periods_of_year,
)


@pytest.mark.parametrize("period, start, end", [
    (Period(MONTH, 2023, 1), date(2022, 12, 15), date(2023, 1, 14)),
    (Period(MONTH, 2023, 2), date(2023, 1, 15), date(2023, 2, 14)),
    (Period(MONTH, 2023, 3), date(2023, 2, 15), date(2023, 3, 14)),
    (Period(MONTH, 2023, 12), date(2023, 11, 15), date(2023, 12, 14)),
    (Period(QUARTER, 2023, 1), date(2022, 12, 15), date(2023, 3, 14)),
    (Period(QUARTER, 2023, 2), date(2023, 3, 15), date(2023, 6, 14)),
    (Period(QUARTER, 2023, 3), date(2023, 6, 15), date(2023, 9, 14)),
    (Period(QUARTER, 2023, 4), date(2023, 9, 15), date(2023, 12, 14)),
    (Period(HALF, 2023), date(2022, 12, 15), date(2023, 6, 14)),
    # Art. 12 cl. 3: the second half runs from 15 June to 14 December of the reporting year.
    (Period(HALF, 2023, 2), date(2023, 6, 15), date(2023, 12, 14)),
    (Period(NINE_MONTHS, 2023), date(2022, 12, 15), date(2023, 9, 14)),
    (Period(YEAR, 2023), date(2022, 12, 15), date(2023, 12, 14)),
    (Period(YEAR, 2024), date(2023, 12, 15), date(2024, 12, 14)),
])
def test_start_and_end(period, start, end):
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("period, label", [
    (Period(MONTH, 2023, 1), "Tháng 01/2023"),
    (Period(MONTH, 2023, 11), "Tháng 11/2023"),
    (Period(QUARTER, 2023, 1), "Quý I/2023"),
    (Period(QUARTER, 2023, 4), "Quý IV/2023"),
    (Period(HALF, 2023), "6 tháng đầu năm 2023"),
    (Period(HALF, 2023, 2), "6 tháng cuối năm 2023"),
    (Period(NINE_MONTHS, 2023), "9 tháng năm 2023"),
    (Period(YEAR, 2023), "Năm 2023"),
])
def test_labels(period, label):
    assert period.label == label


@pytest.mark.parametrize("day, kind, expected", [
    (date(2023, 1, 14), MONTH, Period(MONTH, 2023, 1)),
    (date(2023, 1, 15), MONTH, Period(MONTH, 2023, 2)),
    (date(2022, 12, 15), MONTH, Period(MONTH, 2023, 1)),   # December's second half reports into next January
    (date(2022, 12, 14), MONTH, Period(MONTH, 2022, 12)),
    (date(2023, 12, 31), MONTH, Period(MONTH, 2024, 1)),
    (date(2023, 3, 14), QUARTER, Period(QUARTER, 2023, 1)),
    (date(2023, 3, 15), QUARTER, Period(QUARTER, 2023, 2)),
    (date(2022, 12, 20), QUARTER, Period(QUARTER, 2023, 1)),
    # Issue 11 changes this: 15/06 used to lie in no six-month period; it opens the second half (Art. 12 cl. 3).
    (date(2023, 6, 14), HALF, Period(HALF, 2023)),
    (date(2023, 6, 15), HALF, Period(HALF, 2023, 2)),
    (date(2023, 12, 14), HALF, Period(HALF, 2023, 2)),
    (date(2023, 12, 15), HALF, Period(HALF, 2024, 1)),   # 15/12 opens next year's first half
    (date(2022, 12, 15), HALF, Period(HALF, 2023)),
    (date(2023, 9, 14), NINE_MONTHS, Period(NINE_MONTHS, 2023)),
    (date(2023, 9, 15), NINE_MONTHS, None),
    (date(2023, 12, 14), YEAR, Period(YEAR, 2023)),
    (date(2023, 12, 15), YEAR, Period(YEAR, 2024)),
])
def test_period_containing(day, kind, expected):
    assert period_containing(day, kind) == expected


def test_every_day_of_a_year_lies_in_exactly_one_month():
    months = [Period(MONTH, 2024, n) for n in range(1, 13)]  # 2024: a leap year
    assert months[0].start == date(2023, 12, 15)
    for before, after in pairwise(months):
        assert (after.start - before.end).days == 1
    assert sum((m.end - m.start).days + 1 for m in months) == 366


def test_months_in():
    assert months_in(Period(QUARTER, 2023, 2)) == [Period(MONTH, 2023, n) for n in (4, 5, 6)]
    assert months_in(Period(HALF, 2023)) == [Period(MONTH, 2023, n) for n in range(1, 7)]
    assert months_in(Period(HALF, 2023, 2)) == [Period(MONTH, 2023, n) for n in range(7, 13)]
    assert len(months_in(Period(NINE_MONTHS, 2023))) == 9
    assert len(months_in(Period(YEAR, 2023))) == 12
    assert months_in(Period(MONTH, 2023, 5)) == [Period(MONTH, 2023, 5)]


def test_elapsed_months_and_year_end():
    assert [Period(k, 2023, n).last_month for k, n in [(MONTH, 5), (QUARTER, 1), (HALF, 1), (NINE_MONTHS, 1),
                                                       (YEAR, 1)]] == [5, 3, 6, 9, 12]
    assert Period(QUARTER, 2023, 4).is_year_end and Period(MONTH, 2023, 12).is_year_end
    assert not Period(NINE_MONTHS, 2023).is_year_end


@pytest.mark.parametrize("kind, number", [(MONTH, 0), (MONTH, 13), (QUARTER, 5), (HALF, 0), (HALF, 3),
                                          (NINE_MONTHS, 2), ("week", 1)])
def test_invalid_periods_are_refused(kind, number):
    with pytest.raises(ValueError):
        Period(kind, 2023, number)


def test_key_round_trip_and_year_listing():
    periods = periods_of_year(2023)
    assert len(periods) == 19 and len(set(periods)) == 19
    assert all(Period.from_key(p.key) == p for p in periods)
    assert Period(MONTH, 2023, 3).sort_key() < Period(QUARTER, 2023, 1).sort_key() < Period(MONTH, 2023, 4).sort_key()


def test_the_two_halves_cover_the_reporting_year_once():
    first, second = Period(HALF, 2024, 1), Period(HALF, 2024, 2)
    assert (second.start - first.end).days == 1 and second.end == Period(YEAR, 2024).end
    # 15/12/2023 to 14/12/2024 spans 29/02/2024: 366 days, split 183 (to 14/06) + 183 (from 15/06).
    assert ((first.end - first.start).days + 1, (second.end - second.start).days + 1) == (183, 183)


@pytest.mark.parametrize("today, judged", [
    (date(2023, 5, 13), date(2023, 5, 13)),  # before the cut-off: the period is still running, judged today
    (date(2023, 5, 14), date(2023, 5, 14)),  # on the cut-off
    (date(2023, 5, 15), date(2023, 5, 14)),  # the day after: the data is fixed at the 14th (Art. 12 cl. 1)
    (date(2023, 5, 20), date(2023, 5, 14)),  # the report day (before the 20th) judges at the 14th, not the 20th
])
def test_a_month_is_judged_at_its_cut_off(today, judged):
    may = Period(MONTH, 2023, 5)
    assert may.cutoff == date(2023, 5, 14)
    assert may.judged_on(today) == judged


def test_a_half_year_is_judged_at_its_own_cut_off():
    assert Period(HALF, 2023, 1).judged_on(date(2023, 6, 20)) == date(2023, 6, 14)
    assert Period(HALF, 2023, 2).judged_on(date(2023, 12, 20)) == date(2023, 12, 14)
    assert Period(HALF, 2023, 2).judged_on(date(2023, 12, 14)) == date(2023, 12, 14)


@pytest.mark.parametrize("month, expected", [
    (5, [Period(MONTH, 2023, 5)]),
    (6, [Period(MONTH, 2023, 6), Period(QUARTER, 2023, 2), Period(HALF, 2023, 1)]),
    (9, [Period(MONTH, 2023, 9), Period(QUARTER, 2023, 3), Period(NINE_MONTHS, 2023)]),
    (12, [Period(MONTH, 2023, 12), Period(QUARTER, 2023, 4), Period(HALF, 2023, 2), Period(YEAR, 2023)]),
])
def test_the_reports_that_close_with_a_month(month, expected):
    assert periods_closing_with(2023, month) == expected
