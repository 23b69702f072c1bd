"""Targets as officials write them in commune, district and provincial plans (issue 10, item 5).

Every expected value is read off the printed phrase by hand.
"""
from decimal import Decimal as D

import pytest

from planparser.targets import parse_targets, split_name_target
from planparser.vinumbers import ViNumberError, parse_plan_number, parse_vi_number


def target(comparator, value=None, unit=None, basis=None, low=None, high=None, rank=None):
    return {"comparator": comparator, "value": value, "low": low, "high": high, "unit": unit, "basis": basis,
            "rank": rank}


@pytest.mark.parametrize("expr, expected", [
    # Two targets in one line: a growth and a value (Hà Tĩnh-style GRDP line).
    ("tăng 9,5% trở lên so với năm 2024, tổng giá trị 8.962,72 tỷ đồng",
     [target(">=", D("9.5"), "%", "so với năm 2024"), target(">=", D("8962.72"), "tỷ đồng")]),
    ("khoảng 850 doanh nghiệp", [target("≈", D("850"), "doanh nghiệp")]),
    ("3,5 - 4 triệu lượt", [target("range", None, "triệu lượt", low=D("3.5"), high=D("4"))]),
    ("đón 3,5-4 triệu lượt khách", [target("range", None, "triệu lượt khách", low=D("3.5"), high=D("4"))]),
    ("30-35 dự án", [target("range", None, "dự án", low=D("30"), high=D("35"))]),
    ("1.200 tỉ đồng", [target(">=", D("1200"), "tỷ đồng")]),
    ("Tỉ lệ giải ngân: 95%", [target(">=", D("95"), "%")]),
    ("đạt 150 triệu USD", [target(">=", D("150"), "triệu USD")]),
    ("khoảng 12 nghìn tỷ đồng", [target("≈", D("12"), "nghìn tỷ đồng")]),
    ("tăng 5% so với đầu năm 2024", [target(">=", D("5"), "%", "so với đầu năm 2024")]),
    ("tăng 8% so với cùng kỳ", [target(">=", D("8"), "%", "so với cùng kỳ")]),
    ("giảm 1,5% so với năm 2024", [target("<=", D("-1.5"), "%", "so với năm 2024")]),
    ("13m²/người", [target(">=", D("13"), "m²/người")]),
    ("dưới 15‰", [target("<", D("15"), "‰")]),
    ("95% trở lên", [target(">=", D("95"), "%")]),
    ("tối thiểu 60%", [target(">=", D("60"), "%")]),
    ("≥ 9,5%", [target(">=", D("9.5"), "%")]),
    ("≤ 2%", [target("<=", D("2"), "%")]),
])
def test_targets_as_written(expr, expected):
    assert parse_targets(expr) == (expected, [])


@pytest.mark.parametrize("expr, rank", [
    ("nằm trong Top 5", 5),
    ("nằm trong TOP 10 của tỉnh", 10),
    ("nằm trong nhóm 10 tỉnh dẫn đầu", 10),
    ("đứng trong nhóm 20 địa phương dẫn đầu cả nước", 20),
    ("thuộc nhóm dẫn đầu", None),
    ("nhóm dẫn đầu", None),
    ("xếp thứ 3 của huyện", 3),
])
def test_a_rank_is_a_place_to_reach_never_at_least(expr, rank):
    assert parse_targets(expr) == ([target("achieve", rank=rank)], [])


def test_rank_after_a_change_gives_two_targets():
    targets, _ = parse_targets("tăng 2 bậc so với năm 2024, nằm trong nhóm 20 tỉnh dẫn đầu")
    assert targets == [target(">=", D("2"), "bậc", "so với năm 2024"), target("achieve", rank=20)]


def test_rank_phrase_starts_the_target_part():
    assert split_name_target("Chỉ số cải cách hành chính (PAR Index) nằm trong Top 5 của huyện") == (
        "Chỉ số cải cách hành chính (PAR Index)", "nằm trong Top 5 của huyện")


def test_growth_and_value_without_a_colon():
    assert split_name_target("Tốc độ tăng trưởng GRDP tăng 9,5% trở lên, tổng giá trị 8.962,72 tỷ đồng") == (
        "Tốc độ tăng trưởng GRDP", "tăng 9,5% trở lên, tổng giá trị 8.962,72 tỷ đồng")


@pytest.mark.parametrize("expr, fragment", [
    ("123456789012345678901234567890123456 đồng", "36 chữ số phần nguyên"),
    ("1,2,3 tấn", "«1,2,3»"),
])
def test_an_unreadable_figure_is_a_problem_not_an_exception(expr, fragment):
    targets, notes = parse_targets(expr)
    assert targets == []
    assert fragment in notes[0]


def test_user_numbers_too_large_for_storage_are_refused():
    with pytest.raises(ViNumberError, match="tối đa 18 chữ số"):
        parse_vi_number("1" * 19)
    with pytest.raises(ViNumberError, match="7 chữ số thập phân"):
        parse_vi_number("0,1234567")
    assert parse_vi_number("999.999.999.999.999.999") == D("999999999999999999")
    with pytest.raises(ViNumberError, match="chữ số phần nguyên"):
        parse_plan_number("1" * 40 + ".5")
