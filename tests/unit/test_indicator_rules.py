"""Attainment and forecast colour at their boundaries; every expected number worked out by hand."""
from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from indicators.rules import AMBER, GREEN, GREY, RED, attained, judge, pace_of, worst
from theodoi.periods import HALF, MONTH, NINE_MONTHS, QUARTER, YEAR, Period

JUNE = Period(MONTH, 2023, 6)
Q1 = Period(QUARTER, 2023, 1)
YEAR_2023 = Period(YEAR, 2023)


def target(comparator, value=None, low=None, high=None):
    return SimpleNamespace(comparator=comparator, value=None if value is None else D(value),
                           low=None if low is None else D(low), high=None if high is None else D(high))


@pytest.mark.parametrize("comparator, bound, value, expected", [
    (">=", "971", "971", True), (">=", "971", "970.99", False),
    (">", "83.33", "83.33", False), (">", "83.33", "83.34", True),
    ("<=", "15", "15", True), ("<=", "15", "15.01", False),
    ("<", "0.12", "0.12", False), ("<", "0.12", "0.119", True),   # "dưới 0,12%" is met by staying under it
    ("=", "42.43", "42.43", True), ("=", "42.43", "42.4", False),
    ("≈", "100", "105", True), ("≈", "100", "95", True), ("≈", "100", "105.01", False),
])
def test_attainment(comparator, bound, value, expected):
    assert attained(target(comparator, bound), D(value)) is expected


def test_attainment_of_range_and_qualitative_targets():
    assert attained(target("range", low="7.5", high="8"), D("7.5")) is True
    assert attained(target("range", low="7.5", high="8"), D("8.01")) is False
    assert attained(target("achieve"), None, met=True) is True
    assert attained(target("achieve"), None, met=False) is False
    assert attained(target(">=", "10"), None) is None


# Cumulative "≥ 971 tỷ đồng" in June: pace = 971 × 6 / 12 = 485,5; 85% of it = 412,675.
@pytest.mark.parametrize("value, colour", [
    ("485.5", GREEN), ("600", GREEN), ("485.49", AMBER), ("412.675", AMBER), ("412.67", RED), ("0", RED),
])
def test_cumulative_pace_in_june(value, colour):
    verdict = judge(target(">=", "971"), D(value), JUNE, cumulative=True)
    assert verdict.colour == colour
    assert verdict.benchmark == D("485.5")


def test_cumulative_pace_in_each_kind_of_period():
    t = target(">=", "1200")   # 100 a month
    assert judge(t, D("300"), Q1, cumulative=True).colour == GREEN                         # pace 300
    assert judge(t, D("299"), Q1, cumulative=True).pace_ratio == D("299") / D("300")
    assert judge(t, D("509"), Period(HALF, 2023), cumulative=True).colour == RED            # 509/600 < 0,85
    assert judge(t, D("510"), Period(HALF, 2023), cumulative=True).colour == AMBER          # 510/600 = 0,85
    assert judge(t, D("900"), Period(NINE_MONTHS, 2023), cumulative=True).colour == GREEN   # pace 900


def test_year_end_leaves_nothing_to_recover():
    t = target(">=", "971")
    assert judge(t, D("971"), YEAR_2023, cumulative=True).colour == GREEN
    assert judge(t, D("970.9"), YEAR_2023, cumulative=True).colour == RED      # would be amber mid-year
    assert judge(target("<", "0.12"), D("0.12"), Period(QUARTER, 2023, 4)).colour == RED
    assert judge(target("<", "0.12"), D("0.12"), Period(MONTH, 2023, 12)).colour == RED


# "Tỷ lệ hộ nghèo: dưới 0,12%": 10% of the bound is 0,012, so amber runs from 0,12 to 0,132.
@pytest.mark.parametrize("value, colour", [
    ("0.11", GREEN), ("0.1199", GREEN), ("0.12", AMBER), ("0.132", AMBER), ("0.1321", RED), ("0.5", RED),
])
def test_upper_bound_level(value, colour):
    assert judge(target("<", "0.12"), D(value), JUNE).colour == colour


# "Tỷ lệ xóm văn hóa: trên 83,33%": 10% of the bound is 8,333, so amber runs down to 74,997.
@pytest.mark.parametrize("value, colour", [
    ("83.34", GREEN), ("83.33", AMBER), ("74.997", AMBER), ("74.996", RED),
])
def test_lower_bound_level(value, colour):
    assert judge(target(">", "83.33"), D(value), JUNE).colour == colour


@pytest.mark.parametrize("value, colour", [
    ("105", GREEN), ("95", GREEN), ("105.01", AMBER), ("110", AMBER), ("90", AMBER), ("110.01", RED), ("89.9", RED),
])
def test_approximately(value, colour):
    assert judge(target("≈", "100"), D(value), JUNE).colour == colour


@pytest.mark.parametrize("value, colour", [
    ("7.5", GREEN), ("8", GREEN), ("6.75", AMBER), ("6.74", RED), ("8.8", AMBER), ("8.81", RED),
])
def test_range(value, colour):
    assert judge(target("range", low="7.5", high="8"), D(value), JUNE).colour == colour


def test_equal_share():
    assert judge(target("=", "42.43"), D("42.43"), JUNE).colour == GREEN
    assert judge(target("=", "42.43"), D("42.4"), JUNE).colour == AMBER
    assert judge(target("=", "42.43"), D("38"), JUNE).colour == RED        # 4,43 > 4,243


def test_cumulative_upper_bound_is_projected_to_the_year():
    t = target("<=", "100")   # in June, × 12 / 6 = × 2
    assert judge(t, D("50"), JUNE, cumulative=True).colour == GREEN      # 100
    assert judge(t, D("55"), JUNE, cumulative=True).colour == AMBER      # 110
    assert judge(t, D("55.01"), JUNE, cumulative=True).colour == RED     # 110,02


def test_qualitative_is_grey_until_year_end():
    t = target("achieve")
    assert judge(t, None, JUNE, met=True).colour == GREY
    assert judge(t, None, JUNE, met=False).colour == GREY
    assert judge(t, None, YEAR_2023, met=True).colour == GREEN
    assert judge(t, None, YEAR_2023, met=False).colour == RED
    assert judge(t, None, YEAR_2023, met=None).colour == GREY


def test_nothing_to_judge_is_grey():
    assert judge(None, D("1"), JUNE).colour == GREY
    assert judge(target(">=", "10"), None, JUNE).colour == GREY
    assert judge(target(">="), D("5"), JUNE).colour == GREY


def test_zero_target_pace_falls_back_to_attainment():
    assert judge(target(">=", "0"), D("0"), JUNE, cumulative=True).colour == GREEN


def test_heading_takes_the_worst_colour():
    assert worst([GREEN, RED, GREY]) == RED
    assert worst([GREY, GREEN]) == GREEN
    assert worst([GREY, AMBER, GREEN]) == AMBER
    assert worst([]) == GREY


def test_chart_benchmark():
    assert pace_of(target(">=", "971"), Q1, cumulative=True) == D("242.75")
    assert pace_of(target(">=", "971"), Q1, cumulative=False) == D("971")
    assert pace_of(target("<", "0.12"), Q1, cumulative=True) == D("0.12")
    assert pace_of(target("achieve"), Q1, cumulative=False) is None
