"""Mistyped figures in a plan: the plan still imports, the figure is never guessed, and an anomaly says where.

Each case is the sample plan with one figure typed the way it goes wrong in a commune office: the 0 key held
down in a footnote, an Excel cell pasted in its scientific display ("4,6341E+10"), dots typed for commas.
"""
from decimal import Decimal

import pytest

from planparser.plan import parse_document
from tests.conftest import SAMPLE

FOOTNOTE_2 = ("² trong đó công trình xây dựng cơ bản 40,1 tỷ đồng, công trình khai thác quỹ đất 21 tỷ đồng, "
              "công trình huy động nội lực 2 tỷ đồng")
THIRTY_SIX_DIGITS = "2" + "0" * 35


def plan_with(old: str, new: str) -> dict:
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    return parse_document(text.replace(old, new).encode("utf-8"), "ke-hoach-2023.txt")


def indicator(plan: dict, code: str) -> dict:
    return next(i for i in plan["indicators"] if i["code"] == code)


def anomalies_at(plan: dict, where: str) -> list[dict]:
    return [a for a in plan["anomalies"] if a["where"] == where]


def test_a_36_digit_figure_in_a_footnote_breakdown_is_an_anomaly_and_the_plan_imports():
    plan = plan_with("công trình huy động nội lực 2 tỷ đồng", f"công trình huy động nội lực {THIRTY_SIX_DIGITS} đồng")
    assert [n["code"] for n in plan["tasks"]] == ["I", "II"]
    works = indicator(plan, "I.6")
    assert works["targets"][0]["value"] == Decimal("63.1") and works["targets"][0]["unit"] == "tỷ đồng"
    parts = [(c["code"], c["name"], [t["value"] for t in c["targets"]]) for c in works["components"]]
    assert parts == [("I.6.1", "Công trình xây dựng cơ bản", [Decimal("40.1")]),
                     ("I.6.2", "Công trình khai thác quỹ đất", [Decimal("21")]),
                     ("I.6.3", "Công trình huy động nội lực", [])]
    assert THIRTY_SIX_DIGITS in works["footnote"]
    [problem] = anomalies_at(plan, "Phụ lục I, I.6")
    assert problem["kind"] == "indicator"
    assert problem["message"].startswith("Chú thích ²: không đọc được con số: «2000")
    assert "36 chữ số" in problem["message"]


def test_a_36_digit_figure_in_a_footnote_that_is_only_a_remark_is_still_an_anomaly():
    remark = f"² Theo Quyết định giao vốn số 125/QĐ-UBND, tổng mức đầu tư {THIRTY_SIX_DIGITS} đồng"
    plan = plan_with(FOOTNOTE_2, remark)
    works = indicator(plan, "I.6")
    assert works["footnote"] == remark[2:]
    assert works["components"] == []
    [problem] = anomalies_at(plan, "Phụ lục I, I.6")
    assert problem["kind"] == "indicator" and "«" + THIRTY_SIX_DIGITS + "»" in problem["message"]


def test_an_excel_figure_pasted_in_scientific_form_is_not_read_as_4_with_unit_e():
    plan = plan_with("Tổng thu ngân sách xã: 46.341.000.000 đồng,", "Tổng thu ngân sách xã: 4,6341E+10 đồng,")
    revenue = indicator(plan, "I.4")
    assert revenue["targets"] == []
    assert [c["targets"][0]["value"] for c in revenue["components"]] == [Decimal("40000000000"), Decimal("6431000000")]
    [problem] = anomalies_at(plan, "Phụ lục I, I.4")
    assert "«4,6341E+10»" in problem["message"] and "cần người xác định" in problem["message"]


@pytest.mark.parametrize("typed, shown", [("1e400", "«1e400%»"), ("0x5A", "«0x5A%»"), ("1.2.3,4", "«1.2.3,4»")])
def test_a_figure_that_is_not_written_the_vietnamese_way_leaves_no_target(typed, shown):
    plan = plan_with("Tỷ lệ xóm văn hóa: trên 83,33%", f"Tỷ lệ xóm văn hóa: trên {typed}%")
    assert indicator(plan, "II.2")["targets"] == []
    [problem] = anomalies_at(plan, "Phụ lục I, II.2")
    assert shown in problem["message"]


def test_a_square_metre_unit_is_still_a_unit_not_a_figure_running_into_digits():
    plan = plan_with("Tỷ lệ cây xanh đô thị: 13m²/người", "Tỷ lệ cây xanh đô thị: 13m2/người")
    green = indicator(plan, "III.2")["components"][0]
    assert (green["targets"][0]["value"], green["targets"][0]["unit"]) == (Decimal("13"), "m²/người")
    assert anomalies_at(plan, "Phụ lục I, III.2") == []


def test_a_superscript_typed_for_a_figure_is_reported_not_taken_for_another_lines_footnote():
    # "²" is the mark of footnote ² (under I.6); before "%" it is a figure typed in the wrong script.
    plan = plan_with("Tỷ lệ xóm văn hóa: trên 83,33%", "Tỷ lệ xóm văn hóa: trên ²%")
    hamlets = indicator(plan, "II.2")
    assert (hamlets["targets"], hamlets["components"], hamlets["footnote"]) == ([], [], None)
    [problem] = anomalies_at(plan, "Phụ lục I, II.2")
    assert "«trên ²%»" in problem["message"]
    assert [c["code"] for c in indicator(plan, "I.6")["components"]] == ["I.6.1", "I.6.2", "I.6.3"]
