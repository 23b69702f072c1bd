"""Indicator appendices in every common numbering, and appendix tables (issue 10, item 4).

Expected codes, names and targets are read off the printed lines by hand.
"""
from decimal import Decimal as D

from planparser.indicators import parse_appendix


def target(comparator, value=None, unit=None, basis=None, low=None, high=None, rank=None):
    return {"comparator": comparator, "value": value, "low": low, "high": high, "unit": unit, "basis": basis,
            "rank": rank}


def flat(indicators):
    for indicator in indicators:
        yield indicator
        yield from flat(indicator["components"])


def codes(indicators):
    return [i["code"] for i in indicators]


RUNNING_COUNT = [
    "PHỤ LỤC", "CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025",
    "I. CÁC CHỈ TIÊU KINH TẾ",
    "(1) Tốc độ tăng trưởng GRDP tăng 8% trở lên so với năm 2024.",
    "(2) GRDP bình quân đầu người đạt khoảng 85 triệu đồng.",
    "II. CÁC CHỈ TIÊU XÃ HỘI",
    "(3) Tỷ lệ hộ nghèo giảm 1 - 1,5% so với đầu năm 2024.",
    "(4) Tạo việc làm mới cho 32.000 lao động.",
]


def test_a_running_count_across_groups_gives_group_dot_count():
    indicators, anomalies = parse_appendix(RUNNING_COUNT)
    assert anomalies == []
    assert [(i["code"], i["group"], i["name"]) for i in indicators] == [
        ("I.1", "Các chỉ tiêu kinh tế", "Tốc độ tăng trưởng GRDP"),
        ("I.2", "Các chỉ tiêu kinh tế", "GRDP bình quân đầu người"),
        ("II.3", "Các chỉ tiêu xã hội", "Tỷ lệ hộ nghèo"),
        ("II.4", "Các chỉ tiêu xã hội", "Tạo việc làm mới cho"),
    ]
    assert indicators[2]["targets"] == [target("range", None, "%", "so với đầu năm 2024", low=D("-1.5"),
                                               high=D("-1"))]


def test_a_skipped_count_is_a_numbering_anomaly():
    _, anomalies = parse_appendix(["I. A", "(1) Tỷ lệ X: 90%", "(3) Tỷ lệ Y: 80%"])
    assert [(a["kind"], a["where"]) for a in anomalies] == [("numbering", "Phụ lục I, I.3")]
    assert "(3)" in anomalies[0]["message"] and "(2)" in anomalies[0]["message"]


def test_arabic_headings_without_roman_groups_name_the_groups():
    indicators, anomalies = parse_appendix([
        "Phụ lục", "1. Chỉ tiêu kinh tế", "a) Tổng giá trị sản xuất: khoảng 1.250 tỷ đồng",
        "b) Thu nhập bình quân đầu người: 68 triệu đồng/người/năm", "2. Chỉ tiêu xã hội:",
        "- Tỷ lệ hộ nghèo: dưới 1,2%", "- Tỷ lệ tham gia bảo hiểm y tế: 95% trở lên"])
    assert anomalies == []
    assert [(i["code"], i["group"], i["name"]) for i in indicators] == [
        ("1.a", "Chỉ tiêu kinh tế", "Tổng giá trị sản xuất"),
        ("1.b", "Chỉ tiêu kinh tế", "Thu nhập bình quân đầu người"),
        ("2.1", "Chỉ tiêu xã hội", "Tỷ lệ hộ nghèo"),
        ("2.2", "Chỉ tiêu xã hội", "Tỷ lệ tham gia bảo hiểm y tế"),
    ]
    assert indicators[0]["targets"] == [target("≈", D("1250"), "tỷ đồng")]


def test_dashes_under_an_indicator_with_a_figure_are_its_components():
    indicators, _ = parse_appendix([
        "I. CHỈ TIÊU KINH TẾ", "1. Tổng sản lượng lương thực: 5.200 tấn", "- Lúa: 4.900 tấn", "- Ngô: 300 tấn",
        "2. Thu ngân sách: 12 tỷ đồng"])
    assert codes(indicators) == ["I.1", "I.2"]
    assert [(c["code"], c["name"], c["targets"]) for c in indicators[0]["components"]] == [
        ("I.1.1", "Lúa", [target(">=", D("4900"), "tấn")]), ("I.1.2", "Ngô", [target(">=", D("300"), "tấn")])]


def test_letter_headings_under_a_roman_group_nest_the_group_code():
    indicators, _ = parse_appendix([
        "I. CÁC CHỈ TIÊU CHỦ YẾU", "1. Về kinh tế", "(1) Thu ngân sách: 5 tỷ đồng", "2. Về xã hội",
        "(2) Tỷ lệ hộ nghèo: dưới 2%"])
    assert [(i["code"], i["group"]) for i in indicators] == [("I.1.1", "Về kinh tế"), ("I.2.2", "Về xã hội")]


TABLE = [
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2023", "Ước thực hiện năm 2024", "Kế hoạch năm 2025",
     "So sánh (%)", "Ghi chú"],
    ["1", "2", "3", "4", "5", "6", "7=6/5", "8"],
    ["I", "CHỈ TIÊU KINH TẾ", "", "", "", "", "", ""],
    ["1", "Tốc độ tăng giá trị sản xuất", "%", "7,8", "8,1", "8,5 - 9", "", ""],
    ["2", "Tổng thu ngân sách trên địa bàn", "Tỷ đồng", "410", "452,3", "480", "106,1", ""],
    ["", "Trong đó:", "", "", "", "", "", ""],
    ["-", "Thu tiền sử dụng đất", "Tỷ đồng", "150", "170", "180", "", ""],
    ["II", "CHỈ TIÊU XÃ HỘI", "", "", "", "", "", ""],
    ["3", "Tỷ lệ hộ nghèo", "%", "3,1", "2,4", "Dưới 1,8", "", "Theo chuẩn mới"],
    ["4", "Số xã đạt chuẩn nông thôn mới nâng cao", "xã", "4", "6", "8", "", ""],
]


def test_an_appendix_table_takes_the_plan_column_and_the_unit_column():
    indicators, anomalies = parse_appendix([], [TABLE])
    assert anomalies == []
    assert [(i["code"], i["group"], i["name"], i["targets"]) for i in indicators] == [
        ("I.1", "Chỉ tiêu kinh tế", "Tốc độ tăng giá trị sản xuất",
         [target("range", None, "%", low=D("8.5"), high=D("9"))]),
        ("I.2", "Chỉ tiêu kinh tế", "Tổng thu ngân sách trên địa bàn", [target(">=", D("480"), "tỷ đồng")]),
        ("II.3", "Chỉ tiêu xã hội", "Tỷ lệ hộ nghèo", [target("<", D("1.8"), "%")]),
        ("II.4", "Chỉ tiêu xã hội", "Số xã đạt chuẩn nông thôn mới nâng cao", [target(">=", D("8"), "xã")]),
    ]
    part = indicators[1]["components"][0]
    assert (part["code"], part["name"], part["targets"]) == (
        "I.2.1", "Thu tiền sử dụng đất", [target(">=", D("180"), "tỷ đồng")])
    assert indicators[2]["text"] == "Tỷ lệ hộ nghèo: Dưới 1,8%"


def test_a_two_row_header_and_a_table_continued_after_a_page_break():
    header = [["TT", "Nội dung", "ĐVT", "Năm 2024", "Năm 2024", "Kế hoạch năm 2025"],
              ["", "", "", "Kế hoạch", "Ước thực hiện", ""]]
    first = header + [["A", "CÁC CHỈ TIÊU KINH TẾ", "", "", "", ""],
                      ["1", "Giá trị sản xuất nông nghiệp", "tỷ đồng", "1.100", "1.080", "1.150"]]
    second = [["2", "Kim ngạch xuất khẩu", "triệu USD", "40", "42", "khoảng 45"]]
    indicators, anomalies = parse_appendix([], [first, second])
    assert anomalies == []
    assert [(i["code"], i["targets"]) for i in indicators] == [
        ("A.1", [target(">=", D("1150"), "tỷ đồng")]), ("A.2", [target("≈", D("45"), "triệu USD")])]


def test_a_group_row_with_a_figure_is_shown_not_dropped():
    table = [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2025"], ["I", "Tổng vốn đầu tư", "tỷ đồng", "2.500"],
             ["1", "Vốn ngân sách", "tỷ đồng", "900"]]
    indicators, anomalies = parse_appendix([], [table])
    assert codes(indicators) == ["I.1"]
    assert [(a["kind"], a["where"]) for a in anomalies] == [("structure", "Phụ lục I, I")]
    assert "«2.500»" in anomalies[0]["message"] and "Kế hoạch 2025" in anomalies[0]["message"]


def test_a_table_without_a_plan_column_is_an_anomaly_and_other_tables_are_ignored():
    no_plan = [["STT", "Chỉ tiêu", "ĐVT", "Thực hiện 2024"], ["1", "Tỷ lệ hộ nghèo", "%", "2,4"]]
    signature = [["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"], ["- Như trên;", "CHỦ TỊCH"]]
    indicators, anomalies = parse_appendix([], [signature, no_plan])
    assert indicators == []
    assert [(a["kind"], a["where"]) for a in anomalies] == [("structure", "Phụ lục I, bảng 2")]


def test_a_row_split_by_a_page_break_continues_the_name():
    table = [["STT", "Chỉ tiêu", "ĐVT", "KH năm 2025"], ["1", "Tỷ lệ chất thải rắn sinh hoạt", "%", "95"],
             ["", "được thu gom, xử lý", "", ""]]
    indicators, _ = parse_appendix([], [table])
    assert indicators[0]["name"] == "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý"


def test_an_unreadable_plan_cell_is_an_indicator_anomaly():
    table = [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025"], ["1", "Tổng thu ngân sách", "đồng", "1" * 36]]
    indicators, anomalies = parse_appendix([], [table])
    assert indicators[0]["targets"] == []
    assert [(a["kind"], a["where"]) for a in anomalies] == [("indicator", "Phụ lục I, 1")]
    assert "36 chữ số" in anomalies[0]["message"]


def test_a_wrapped_stt_header_still_numbers_the_rows():
    # A PDF export of a narrow STT column gives "ST T"; without it every row would lose its number.
    table = [["ST T", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025"], ["II", "CHỈ TIÊU XÃ HỘI", "", ""],
             ["6", "Tỷ lệ hộ nghèo", "%", "Dưới 1,2"]]
    indicators, _ = parse_appendix([], [table])
    assert [(i["code"], i["group"]) for i in indicators] == [("II.6", "Chỉ tiêu xã hội")]
