from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planparser.vinumbers import ViNumberError, format_vi_number, parse_plan_number, parse_vi_number


@pytest.mark.parametrize("text, expected", [
    ("10,8", Decimal("10.8")),
    ("1.234,5", Decimal("1234.5")),
    ("46.341.000.000", Decimal("46341000000")),
    ("-3", Decimal("-3")),
    ("0,12", Decimal("0.12")),
    (" 0,30 ", Decimal("0.30")),
    ("\u22123", Decimal("-3")),
])
def test_accepts_vietnamese_numbers(text, expected):
    assert parse_vi_number(text) == expected


def test_keeps_printed_decimals():
    assert str(parse_vi_number("8,0")) == "8.0"


def test_refuses_english_decimal_point_and_suggests_the_comma():
    with pytest.raises(ViNumberError) as error:
        parse_vi_number("10.8")
    assert str(error.value) == ("«10.8» không phải số hợp lệ theo cách viết Việt Nam "
                                "(dấu phẩy là dấu thập phân: viết 10,8)")


@pytest.mark.parametrize("text, fragment", [
    ("abc", "«abc» không phải là số"),
    ("", "để trống"),
    ("   ", "để trống"),
    ("1,2,3", "«1,2,3»"),
    ("1,2,3", "chỉ có một dấu phẩy"),
    ("--5", "«--5»"),
    ("--5", "một dấu trừ"),
    ("12.34.567", "mỗi nhóm đủ 3 chữ số"),
    ("1,234.5", "dấu chấm ngăn cách hàng nghìn phải đứng trước dấu phẩy"),
    ("NaN", "«NaN» không phải là số"),
    ("1e5", "«1e5» không phải là số"),
    (",5", "bắt đầu và kết thúc bằng chữ số"),
    ("5,", "bắt đầu và kết thúc bằng chữ số"),
    ("٣", "«٣» không phải là số"),
])
def test_refuses_bad_user_numbers_with_a_clear_message(text, fragment):
    with pytest.raises(ViNumberError) as error:
        parse_vi_number(text)
    assert fragment in str(error.value)


def test_vi_number_error_is_a_value_error():
    assert issubclass(ViNumberError, ValueError)


def test_plan_number_reads_a_stray_decimal_point_and_says_so():
    value, note = parse_plan_number("0.12")
    assert value == Decimal("0.12")
    assert note == ("«0.12» dùng dấu chấm làm dấu thập phân; đã hiểu là 0,12 "
                    "(cách viết Việt Nam dùng dấu phẩy)")


def test_plan_number_is_strict_first():
    assert parse_plan_number("2.961") == (Decimal("2961"), None)
    assert parse_plan_number("46.341.000.000") == (Decimal("46341000000"), None)
    assert parse_plan_number("83,33") == (Decimal("83.33"), None)


@pytest.mark.parametrize("text", ["1.2345", "1.2.3", "abc", ""])
def test_plan_number_refuses_what_it_cannot_guess(text):
    with pytest.raises(ViNumberError):
        parse_plan_number(text)


@pytest.mark.parametrize("value, decimals, expected", [
    (Decimal("46341000000"), None, "46.341.000.000"),
    (Decimal("10.8"), None, "10,8"),
    (Decimal("1234.5"), None, "1.234,5"),
    (Decimal("98.00"), None, "98,00"),
    (Decimal("-3"), None, "-3"),
    (1234.5, 2, "1.234,50"),
    (10.8, None, "10,8"),
    (46341000000, None, "46.341.000.000"),
    (Decimal("1.005"), 2, "1,01"),
    (Decimal("27.145"), 0, "27"),
])
def test_format_vi_number(value, decimals, expected):
    assert format_vi_number(value, decimals) == expected


def test_format_refuses_what_is_not_a_number():
    with pytest.raises(ViNumberError):
        format_vi_number("abc")


two_place_decimals = st.integers(min_value=0, max_value=2).flatmap(
    lambda places: st.decimals(min_value=-10**15, max_value=10**15, places=places,
                               allow_nan=False, allow_infinity=False))


@given(two_place_decimals)
def test_format_and_parse_round_trip(value):
    printed = format_vi_number(value)
    assert parse_vi_number(printed) == value
    assert format_vi_number(parse_vi_number(printed)) == printed


@pytest.mark.parametrize("typed", ["1.234,5", "46.341.000.000", "10,8", "2023", "0,12", "-12,5", "1.000", "007"])
def test_the_plain_shapes_read_as_babel_reads_them(typed):
    # The fast path for the two unambiguous shapes must agree with Babel's strict reading, figure for figure.
    from babel.numbers import parse_decimal

    assert parse_vi_number(typed) == parse_decimal(typed, locale="vi", strict=True)
