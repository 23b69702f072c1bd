"""One writer for numbers and one for dates: the template filter, documents and the parser print alike.

Expected values are worked out by hand: the schoolbook rule (half away from zero) and the Decree 30 date form.
"""
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from planparser.vidates import decree30_date
from planparser.vinumbers import format_vi_number
from theodoi import formatting
from theodoi.templatetags.vi import vi_date, vi_number, vi_short_date


@pytest.mark.parametrize("value, decimals, expected", [
    (Decimal("12.5"), 0, "13"),          # a reporting rate of 12,5% printed whole: 13%, not banker's 12%
    (12.5, 0, "13"),
    (Decimal("13.5"), 0, "14"),
    (Decimal("12.45"), 1, "12,5"),        # the dropped 5 raises the kept 4
    (Decimal("12.449"), 1, "12,4"),       # only the first dropped digit counts
    (Decimal("-12.5"), 0, "-13"),         # away from zero on the negative side too
    (Decimal("-12.45"), 1, "-12,5"),
    (Decimal("-0.4"), 0, "0"),            # never "-0"
    (Decimal("85.0"), 1, "85"),           # a page drops the zeros after the comma
    (Decimal("66.666"), 1, "66,7"),
    (2 / 3 * 100, 0, "67"),
    (Decimal("46341000000"), None, "46.341.000.000"),
    (Decimal("10.80"), None, "10,8"),
    (1341, None, "1.341"),
    (Decimal("1E+3"), None, "1.000"),
])
def test_the_filter_and_the_document_helper_round_half_up(value, decimals, expected):
    assert formatting.number(value, decimals) == expected
    assert vi_number(value, decimals) == expected
    assert vi_number(value, str(decimals) if decimals is not None else None) == expected  # {{ x|vi_number:"1" }}


@pytest.mark.parametrize("value, decimals, expected", [
    (Decimal("12.5"), 0, "13"),
    (Decimal("12.45"), 1, "12,5"),
    (Decimal("-12.5"), 0, "-13"),
    (Decimal("1234.5"), 2, "1.234,50"),   # the parser keeps the places it was asked for
    (Decimal("10.80"), None, "10,80"),    # and, by default, the places a figure was printed with
])
def test_the_parser_rounds_by_the_same_rule(value, decimals, expected):
    assert format_vi_number(value, decimals) == expected


def test_the_page_and_the_parser_agree_once_trailing_zeros_go():
    for value in (Decimal("12.5"), Decimal("-12.45"), Decimal("0.125"), Decimal("99.95")):
        for places in (0, 1, 2):
            assert formatting.number(value, places) == format_vi_number(value, places, trailing_zeros=False)


def test_empty_values_print_nothing():
    assert formatting.number(None) == "" and formatting.number("") == ""
    assert formatting.long_date(None) == "" and formatting.short_date("") == ""


@pytest.mark.parametrize("day, expected", [
    (date(2023, 1, 5), "ngày 05 tháng 01 năm 2023"),    # the issue date of a plan signed in early January
    (date(2023, 2, 5), "ngày 05 tháng 02 năm 2023"),    # months 1 and 2 take a leading zero
    (date(2023, 5, 25), "ngày 25 tháng 5 năm 2023"),    # other months do not
    (date(2022, 12, 30), "ngày 30 tháng 12 năm 2022"),  # the sample plan's date of issue
    (date(2023, 3, 9), "ngày 09 tháng 3 năm 2023"),     # a day under 10 does
])
def test_one_decree_30_date(day, expected):
    assert decree30_date(day) == expected
    assert formatting.long_date(day) == expected
    assert formatting.long_date(day.isoformat()) == expected
    assert vi_date(day) == expected


def test_a_moment_is_dated_on_the_commune_s_clock(settings):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    # 18:30 UTC on 14 January is 01:30 on 15 January in Hà Nội: the report belongs to the 15th.
    moment = datetime(2023, 1, 14, 18, 30, tzinfo=ZoneInfo("UTC"))
    assert formatting.long_date(moment) == "ngày 15 tháng 01 năm 2023"
    assert vi_short_date(moment) == "15/01/2023"
    assert formatting.place_and_date("Hưng Đông", date(2023, 5, 25)) == "Hưng Đông, ngày 25 tháng 5 năm 2023"
