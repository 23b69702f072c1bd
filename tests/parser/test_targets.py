from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planparser.targets import parse_breakdown, parse_measure, parse_targets, share_basis, split_name, split_name_target


def target(comparator, value=None, unit=None, basis=None, low=None, high=None, rank=None):
    return {"comparator": comparator, "value": value, "low": low, "high": high, "unit": unit, "basis": basis,
            "rank": rank}


ACHIEVE = target("achieve")


@pytest.mark.parametrize("expr, expected", [
    ("971 tỷ đồng, tăng 10,8% so với năm 2022",
     [target(">=", D("971"), "tỷ đồng"), target(">=", D("10.8"), "%", "so với năm 2022")]),
    ("trên 83,33%", [target(">", D("83.33"), "%")]),
    ("dưới 15‰", [target("<", D("15"), "‰")]),
    ("dưới 0,12%", [target("<", D("0.12"), "%")]),
    ("đạt 97%", [target(">=", D("97"), "%")]),
    ("100%", [target(">=", D("100"), "%")]),
    ("13m²/người", [target(">=", D("13"), "m²/người")]),
    ("295 triệu đồng/hộ/năm", [target(">=", D("295"), "triệu đồng/hộ/năm")]),
    ("74,71 triệu đồng/người/năm", [target(">=", D("74.71"), "triệu đồng/người/năm")]),
    ("2 tỷ đồng", [target(">=", D("2"), "tỷ đồng")]),
    ("63,1 tỷ đồng", [target(">=", D("63.1"), "tỷ đồng")]),
    ("khoảng 45-47%", [target("range", None, "%", low=D("45"), high=D("47"))]),
    ("từ 86% trở lên", [target(">=", D("86"), "%")]),
    ("khoảng 95 triệu", [target("≈", D("95"), "triệu")]),
    ("Khoảng 3.700", [target("≈", D("3700"))]),
    ("0,30%0", [target(">=", D("0.30"), "‰")]),
    ("Sản lượng lúa:2.961 tấn", [target(">=", D("2961"), "tấn")]),
    ("9/11 khối", [target(">=", D("9"), "khối", "trên tổng số 11 khối")]),
    ("Giảm tỷ lệ sinh con thứ 3 trở lên xuống dưới 14%", [target("<", D("14"), "%")]),
    ("Giảm tỷ suất sinh thô dưới 15‰", [target("<", D("15"), "‰")]),
    ("4,5 m2/người", [target(">=", D("4.5"), "m²/người")]),
    ("không quá 5%", [target("<=", D("5"), "%")]),
    ("tối đa 2 tỷ đồng", [target("<=", D("2"), "tỷ đồng")]),
    ("ít nhất 50 hộ", [target(">=", D("50"), "hộ")]),
    ("hơn 1.200 người", [target(">", D("1200"), "người")]),
    ("trên 90% (1)", [target(">", D("90"), "%")]),
    ("chiếm 8,53%", [target("=", D("8.53"), "%", "tỷ trọng trong tổng số")]),
    ("giảm 5% so với năm 2022", [target("<=", D("-5"), "%", "so với năm 2022")]),
    ("tăng khoảng 8% so với cùng kỳ", [target("≈", D("8"), "%", "so với cùng kỳ")]),
    ("từ 45 đến 47%", [target("range", None, "%", low=D("45"), high=D("47"))]),
    ("trên dưới 90%", [target("≈", D("90"), "%")]),
    ("giai đoạn 2021-2025 đạt 5 tỷ đồng", [target(">=", D("5"), "tỷ đồng")]),
    ("Giá trị gia tăng 971 tỷ đồng", [target(">=", D("971"), "tỷ đồng")]),
])
def test_targets_without_doubt(expr, expected):
    assert parse_targets(expr) == (expected, [])


def test_growth_range_without_a_reference_year_assumes_the_previous_year():
    targets, notes = parse_targets("tăng 7,5 - 8,0%")
    assert targets == [target("range", None, "%", "so với năm trước", low=D("7.5"), high=D("8.0"))]
    assert str(targets[0]["high"]) == "8.0"
    assert notes == ["«tăng 7,5 - 8,0%» không ghi mốc so sánh; đã hiểu là so với năm trước"]


def test_per_mille_keeps_its_printed_decimals():
    assert str(parse_targets("0,30%0")[0][0]["value"]) == "0.30"


def test_stray_decimal_point_is_read_with_a_note():
    targets, notes = parse_targets("xuống dưới 0.12%")
    assert targets == [target("<", D("0.12"), "%")]
    assert notes == ["«0.12» dùng dấu chấm làm dấu thập phân; đã hiểu là 0,12 (cách viết Việt Nam dùng dấu phẩy)"]


@pytest.mark.parametrize("expr", [
    "Giữ vững danh hiệu trường đạt chuẩn Quốc gia. Chỉ đạo các trường chuẩn bị tốt các tiêu chí để thẩm định "
    "lại danh hiệu trường chuẩn quốc gia.",
    "Xây dựng xã đạt chuẩn tiếp cận pháp luật năm 2023",
    "Duy trì không có hộ nghèo",
    "Xây dựng xã đạt tiêu chuẩn xã an toàn làm chủ, sẵn sàng chiến đấu vững mạnh toàn diện. "
    "Giữ vững danh hiệu đơn vị Quyết thắng",
])
def test_qualitative_targets(expr):
    assert parse_targets(expr) == ([ACHIEVE], [])


@pytest.mark.parametrize("expr", ["theo lộ trình của thành phố", ""])
def test_unreadable_target_gives_a_note_and_no_target(expr):
    targets, notes = parse_targets(expr)
    assert targets == []
    assert len(notes) == 1


def test_unreadable_figure_is_named_in_the_note():
    targets, notes = parse_targets("1,2,3 tấn")
    assert targets == []
    assert "«1,2,3»" in notes[0]


def test_total_with_parts_in_which():
    measure = parse_measure("46.341.000.000 đồng, trong đó thu đầu tư xây dựng cơ bản: 40.000.000.000 đồng, "
                            "thu thường xuyên: 6.431.000.000 đồng.", "Tổng thu ngân sách xã")
    assert measure["targets"] == [target(">=", D("46341000000"), "đồng")]
    assert [(c["name"], c["text"], c["targets"]) for c in measure["components"]] == [
        ("Thu đầu tư xây dựng cơ bản", "thu đầu tư xây dựng cơ bản: 40.000.000.000 đồng",
         [target(">=", D("40000000000"), "đồng")]),
        ("Thu thường xuyên", "thu thường xuyên: 6.431.000.000 đồng", [target(">=", D("6431000000"), "đồng")]),
    ]
    assert measure["problems"] == [] and measure["notes"] == []


def test_parts_without_a_printed_total_are_not_a_problem():
    measure = parse_measure("trong đó lúa: 2.961 tấn, ngô: 500 tấn", "Sản lượng lương thực")
    assert measure["targets"] == [] and measure["problems"] == []
    assert [c["name"] for c in measure["components"]] == ["Lúa", "Ngô"]


def test_parse_targets_returns_only_the_total_of_a_breakdown():
    assert parse_targets("46.341.000.000 đồng, trong đó thu thường xuyên: 6.431.000.000 đồng") == (
        [target(">=", D("46341000000"), "đồng")], [])


def test_structure_shares_are_components_with_equals():
    measure = parse_measure("Xây dựng: 42,43%; dịch vụ: 27,14%; công nghiệp: 21,9%; nông nghiệp: 6,53%",
                            "Cơ cấu kinh tế chuyển dịch theo hướng")
    basis = "tỷ trọng trong cơ cấu kinh tế"
    assert measure["targets"] == []
    assert measure["name"] == "Cơ cấu kinh tế chuyển dịch theo hướng"
    assert [(c["name"], c["targets"]) for c in measure["components"]] == [
        ("Xây dựng", [target("=", D("42.43"), "%", basis)]),
        ("Dịch vụ", [target("=", D("27.14"), "%", basis)]),
        ("Công nghiệp", [target("=", D("21.9"), "%", basis)]),
        ("Nông nghiệp", [target("=", D("6.53"), "%", basis)]),
    ]


def test_named_percentages_outside_a_structure_are_plain_targets():
    measure = parse_measure("Tỷ lệ người tập TDTT thường xuyên: 39,5%; Tỷ lệ gia đình thể thao: 29,5%")
    assert [c["targets"] for c in measure["components"]] == [[target(">=", D("39.5"), "%")],
                                                             [target(">=", D("29.5"), "%")]]


def test_two_measures_after_one_name():
    measure = parse_measure("295 triệu đồng/hộ/năm; Bình quân đầu người: 74,71 triệu đồng/người/năm",
                            "Giá trị gia tăng bình quân hộ")
    assert measure["name"] == "Giá trị gia tăng bình quân hộ; Bình quân đầu người"
    assert measure["targets"] == []
    assert [(c["name"], c["text"], c["targets"]) for c in measure["components"]] == [
        ("Giá trị gia tăng bình quân hộ", "Giá trị gia tăng bình quân hộ: 295 triệu đồng/hộ/năm",
         [target(">=", D("295"), "triệu đồng/hộ/năm")]),
        ("Bình quân đầu người", "Bình quân đầu người: 74,71 triệu đồng/người/năm",
         [target(">=", D("74.71"), "triệu đồng/người/năm")]),
    ]


def test_footnote_breakdown_with_values_and_shares():
    measure = parse_breakdown("Trong đó: Nông nghiệp: 82,8 tỷ đồng, chiếm 8,53%; công nghiệp: 212,56 tỷ đồng, "
                              "chiếm 21,9%.", "Tổng giá trị sản xuất gia tăng")
    basis = "tỷ trọng trong tổng giá trị sản xuất gia tăng"
    assert [(c["name"], c["text"], c["targets"]) for c in measure["components"]] == [
        ("Nông nghiệp", "Nông nghiệp: 82,8 tỷ đồng, chiếm 8,53%",
         [target(">=", D("82.8"), "tỷ đồng"), target("=", D("8.53"), "%", basis)]),
        ("Công nghiệp", "công nghiệp: 212,56 tỷ đồng, chiếm 21,9%",
         [target(">=", D("212.56"), "tỷ đồng"), target("=", D("21.9"), "%", basis)]),
    ]


def test_breakdown_without_colons():
    measure = parse_breakdown("trong đó công trình xây dựng cơ bản 40,1 tỷ đồng, công trình khai thác quỹ đất "
                              "21 tỷ đồng, công trình huy động nội lực 2 tỷ đồng")
    assert [(c["name"], c["targets"]) for c in measure["components"]] == [
        ("Công trình xây dựng cơ bản", [target(">=", D("40.1"), "tỷ đồng")]),
        ("Công trình khai thác quỹ đất", [target(">=", D("21"), "tỷ đồng")]),
        ("Công trình huy động nội lực", [target(">=", D("2"), "tỷ đồng")]),
    ]


@pytest.mark.parametrize("text, expected", [
    ("Giảm tỷ suất sinh thô dưới 15‰", ("Giảm tỷ suất sinh thô", "dưới 15‰")),
    ("Giảm tỷ lệ sinh con thứ 3 trở lên xuống dưới 14%", ("Giảm tỷ lệ sinh con thứ 3 trở lên", "xuống dưới 14%")),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng xuống dưới 8%",
     ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "xuống dưới 8%")),
    ("Xây dựng xã đạt chuẩn tiếp cận pháp luật năm 2023", ("Xây dựng xã đạt chuẩn tiếp cận pháp luật năm 2023", "")),
    ("Giá trị gia tăng 971 tỷ đồng, tăng 10,8% so với năm 2022",
     ("Giá trị gia tăng", "971 tỷ đồng, tăng 10,8% so với năm 2022")),
])
def test_split_name_target_without_colon(text, expected):
    assert split_name_target(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tỷ lệ hộ nghèo: dưới 0,12%", ("Tỷ lệ hộ nghèo", "dưới 0,12%")),
    ("Tỷ lệ bao phủ bảo hiểm y tế đạt: 97%", ("Tỷ lệ bao phủ bảo hiểm y tế", "đạt 97%")),
    ("Tổng giá trị sản xuất gia tăng: 971 tỷ đồng", ("Tổng giá trị sản xuất gia tăng", "971 tỷ đồng")),
    ("Sản lượng lúa:2.961 tấn", ("Sản lượng lúa", "2.961 tấn")),
    ("Giảm tỷ suất sinh thô dưới 15‰", ("Giảm tỷ suất sinh thô", "dưới 15‰")),
])
def test_split_name(text, expected):
    assert split_name(text) == expected


def test_share_basis_names_the_structure():
    assert share_basis("Cơ cấu kinh tế chuyển dịch theo hướng") == "tỷ trọng trong cơ cấu kinh tế"
    assert share_basis("TDTT") == "tỷ trọng trong TDTT"
    assert share_basis(None) == "tỷ trọng trong tổng số"


WORDS = ["trên", "dưới", "khoảng", "tăng", "giảm", "từ", "trở lên", "so với", "năm", "2022", "10,8", "8.0",
         "7,5 - 8,0", "9/11", "%", "%0", "‰", "m2", "tỷ đồng", "trong đó", ":", ";", ",", ".", "(1)", "¹", "⁽²⁾",
         "chiếm", "Nông nghiệp", "1.2.3", "1,2,3", "-", "/", "thứ", "giữ vững", "0.12", "46.341.000.000", "gia"]


@settings(max_examples=300)
@given(st.text())
def test_parse_targets_never_raises_on_any_text(text):
    targets, notes = parse_targets(text)
    assert isinstance(targets, list) and isinstance(notes, list)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join), st.one_of(st.none(), st.text(max_size=20)))
def test_parse_targets_never_raises_on_target_like_text(text, name):
    targets, notes = parse_targets(text, name)
    for item in targets:
        assert set(item) == {"comparator", "value", "low", "high", "unit", "basis", "rank"}


@given(st.text(alphabet="mMa ⁽⁾%‰\n⁰¹²³", max_size=14))
def test_footnote_marks_are_found_as_the_plain_pattern_finds_them(text):
    # FOOTNOTE_MARK is written to start with its first character, for speed; it must find what this finds.
    import re

    from planparser.targets import FOOTNOTE_MARK, SUPERSCRIPT_DIGITS
    plain = re.compile(rf"(?<![mM])(?:⁽[{SUPERSCRIPT_DIGITS}]+⁾|[{SUPERSCRIPT_DIGITS}]+)(?!\s*[%‰])")
    assert [(m.span(), m.group()) for m in FOOTNOTE_MARK.finditer(text)] == [
        (m.span(), m.group()) for m in plain.finditer(text)]


def test_footnote_marks_by_hand():
    from planparser.targets import FOOTNOTE_MARK
    assert FOOTNOTE_MARK.findall("Thu ngân sách¹ 46 tỷ đồng⁽²⁾, diện tích 13m²/người, tăng ²% ") == ["¹", "⁽²⁾"]
