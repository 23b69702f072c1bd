from decimal import Decimal as D
from pathlib import Path

import pytest

from planparser.indicator_audit import audit_indicators
from planparser.indicators import parse_appendix, sentence_case

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ACHIEVE = {"comparator": "achieve", "value": None, "low": None, "high": None, "unit": None, "basis": None,
           "rank": None}


def target(comparator, value=None, unit=None, basis=None, low=None, high=None, rank=None):
    return {"comparator": comparator, "value": value, "low": low, "high": high, "unit": unit, "basis": basis,
            "rank": rank}


def appendix_lines(name):
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    start = max(i for i, line in enumerate(lines) if line.strip() == "Phụ lục I")
    return lines[start:]


def by_code(indicators):
    found = {}
    for indicator in indicators:
        found[indicator["code"]] = indicator
        found.update(by_code(indicator["components"]))
    return found


@pytest.fixture(scope="module")
def sample():
    return parse_appendix(appendix_lines("ke-hoach-ktxh-2023-xa-hung-dong.txt"))


@pytest.fixture(scope="module")
def variant():
    return parse_appendix(appendix_lines("phu-luc-bien-the.txt"))


# --- the sample plan ---------------------------------------------------------------------------------------------

def test_sample_has_25_indicators_in_four_groups(sample):
    indicators, anomalies = sample
    assert [i["code"] for i in indicators] == (
        [f"I.{n}" for n in range(1, 8)] + [f"II.{n}" for n in range(1, 11)]
        + [f"III.{n}" for n in range(1, 4)] + [f"IV.{n}" for n in range(1, 6)])
    assert anomalies == []


def test_sample_group_names_are_sentence_case(sample):
    groups = list(dict.fromkeys(i["group"] for i in sample[0]))
    assert groups == ["Các chỉ tiêu kinh tế", "Các chỉ tiêu xã hội", "Các chỉ tiêu về môi trường",
                      "Các chỉ tiêu về quốc phòng, an ninh, thanh tra, tư pháp"]


def test_sample_indicator_fields(sample):
    indicator = by_code(sample[0])["II.8"]
    assert indicator == {"code": "II.8", "group": "Các chỉ tiêu xã hội", "name": "Tỷ lệ hộ nghèo",
                         "text": "Tỷ lệ hộ nghèo: dưới 0,12%", "targets": [target("<", D("0.12"), "%")],
                         "components": [], "footnote": None}


@pytest.mark.parametrize("code, name, targets", [
    ("I.1", "Tổng giá trị sản xuất gia tăng",
     [target(">=", D("971"), "tỷ đồng"), target(">=", D("10.8"), "%", "so với năm 2022")]),
    ("I.4", "Tổng thu ngân sách xã", [target(">=", D("46341000000"), "đồng")]),
    ("I.5", "Tổng chi ngân sách xã", [target(">=", D("46341000000"), "đồng")]),
    ("I.6", "Tổng giá trị khối lượng thực hiện các công trình dự năm 2023", [target(">=", D("63.1"), "tỷ đồng")]),
    ("I.7", "Huy động nội lực trong nhân dân", [target(">=", D("2"), "tỷ đồng")]),
    ("II.1", "Giữ vững danh hiệu trường đạt chuẩn Quốc gia. Chỉ đạo các trường chuẩn bị tốt các tiêu chí để "
             "thẩm định lại danh hiệu trường chuẩn quốc gia", [ACHIEVE]),
    ("II.2", "Tỷ lệ xóm văn hóa", [target(">", D("83.33"), "%")]),
    ("II.3", "Tỷ lệ gia đình văn hóa", [target(">", D("90"), "%")]),
    ("II.4", "Giữ vững danh hiệu xã đạt bộ tiêu chí quốc gia về y tế", [ACHIEVE]),
    ("II.5", "Giảm tỷ suất sinh thô", [target("<", D("15"), "‰")]),
    ("II.6", "Giảm tỷ lệ sinh con thứ 3 trở lên", [target("<", D("14"), "%")]),
    ("II.7", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", [target("<", D("8"), "%")]),
    ("II.10", "Tỷ lệ bao phủ bảo hiểm y tế", [target(">=", D("97"), "%")]),
    ("III.1", "Tỷ lệ hộ dân được cấp nước sạch, nước", [target(">=", D("100"), "%")]),
    ("III.3", "Tỷ lệ rác thải ở đô thị được thu gom", [target(">=", D("100"), "%")]),
    ("IV.1", "Xây dựng xã đạt tiêu chuẩn xã an toàn làm chủ, sẵn sàng chiến đấu vững mạnh toàn diện. "
             "Giữ vững danh hiệu đơn vị Quyết thắng", [ACHIEVE]),
    ("IV.2", "Tỷ lệ xóm đảm bảo về an ninh trật tự", [target(">", D("85"), "%")]),
    ("IV.3", "Tỷ lệ xóm sạch không có ma túy", [target(">", D("70"), "%")]),
    ("IV.4", "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo của công dân", [target(">=", D("98"), "%")]),
    ("IV.5", "Xây dựng xã đạt chuẩn tiếp cận pháp luật năm 2023", [ACHIEVE]),
])
def test_sample_targets(sample, code, name, targets):
    indicator = by_code(sample[0])[code]
    assert (indicator["name"], indicator["targets"]) == (name, targets)


def test_sample_text_keeps_the_footnote_marker(sample):
    assert by_code(sample[0])["I.1"]["text"] == ("Tổng giá trị sản xuất gia tăng: 971 tỷ đồng, tăng 10,8% "
                                                 "so với năm 2022 ¹")


@pytest.mark.parametrize("code, name, parts", [
    ("I.3", "Giá trị gia tăng bình quân hộ; Bình quân đầu người", [
        ("I.3.1", "Giá trị gia tăng bình quân hộ", [target(">=", D("295"), "triệu đồng/hộ/năm")]),
        ("I.3.2", "Bình quân đầu người", [target(">=", D("74.71"), "triệu đồng/người/năm")])]),
    ("II.9", "Tỷ lệ người tập TDTT thường xuyên; Tỷ lệ gia đình thể thao", [
        ("II.9.1", "Tỷ lệ người tập TDTT thường xuyên", [target(">=", D("39.5"), "%")]),
        ("II.9.2", "Tỷ lệ gia đình thể thao", [target(">=", D("29.5"), "%")])]),
    ("III.2", "Tỷ lệ cây xanh đô thị; Tỷ lệ đất giao thông", [
        ("III.2.1", "Tỷ lệ cây xanh đô thị", [target(">=", D("13"), "m²/người")]),
        ("III.2.2", "Tỷ lệ đất giao thông", [target(">=", D("16.3"), "%")])]),
])
def test_sample_items_with_two_measures(sample, code, name, parts):
    indicator = by_code(sample[0])[code]
    assert indicator["name"] == name
    assert indicator["targets"] == []
    assert [(c["code"], c["name"], c["targets"]) for c in indicator["components"]] == parts


def test_sample_structure_shares(sample):
    indicator = by_code(sample[0])["I.2"]
    basis = "tỷ trọng trong cơ cấu kinh tế"
    assert indicator["targets"] == []
    assert [(c["code"], c["name"], c["targets"]) for c in indicator["components"]] == [
        ("I.2.1", "Xây dựng", [target("=", D("42.43"), "%", basis)]),
        ("I.2.2", "Dịch vụ", [target("=", D("27.14"), "%", basis)]),
        ("I.2.3", "Công nghiệp", [target("=", D("21.9"), "%", basis)]),
        ("I.2.4", "Nông nghiệp", [target("=", D("6.53"), "%", basis)]),
    ]


def test_sample_revenue_parts(sample):
    parts = by_code(sample[0])["I.4"]["components"]
    assert [(c["code"], c["group"], c["name"], c["targets"]) for c in parts] == [
        ("I.4.1", "Các chỉ tiêu kinh tế", "Thu đầu tư xây dựng cơ bản", [target(">=", D("40000000000"), "đồng")]),
        ("I.4.2", "Các chỉ tiêu kinh tế", "Thu thường xuyên", [target(">=", D("6431000000"), "đồng")]),
    ]


def test_sample_footnote_one_breaks_down_value_added(sample):
    indicator = by_code(sample[0])["I.1"]
    assert indicator["footnote"] == ("Trong đó: Nông nghiệp: 82,8 tỷ đồng, chiếm 8,53%; công nghiệp: 212,56 tỷ "
                                     "đồng, chiếm 21,9%; xây dựng: 412 tỷ đồng, chiếm 42,43%; Dịch vụ: 263,64 tỷ "
                                     "đồng, chiếm 27,14%.")
    share = "tỷ trọng trong tổng giá trị sản xuất gia tăng"
    assert [(c["code"], c["name"], c["targets"]) for c in indicator["components"]] == [
        ("I.1.1", "Nông nghiệp", [target(">=", D("82.8"), "tỷ đồng"), target("=", D("8.53"), "%", share)]),
        ("I.1.2", "Công nghiệp", [target(">=", D("212.56"), "tỷ đồng"), target("=", D("21.9"), "%", share)]),
        ("I.1.3", "Xây dựng", [target(">=", D("412"), "tỷ đồng"), target("=", D("42.43"), "%", share)]),
        ("I.1.4", "Dịch vụ", [target(">=", D("263.64"), "tỷ đồng"), target("=", D("27.14"), "%", share)]),
    ]


def test_sample_footnote_two_breaks_down_works(sample):
    indicator = by_code(sample[0])["I.6"]
    assert indicator["footnote"].startswith("trong đó công trình xây dựng cơ bản 40,1 tỷ đồng")
    assert [(c["code"], c["name"], c["targets"]) for c in indicator["components"]] == [
        ("I.6.1", "Công trình xây dựng cơ bản", [target(">=", D("40.1"), "tỷ đồng")]),
        ("I.6.2", "Công trình khai thác quỹ đất", [target(">=", D("21"), "tỷ đồng")]),
        ("I.6.3", "Công trình huy động nội lực", [target(">=", D("2"), "tỷ đồng")]),
    ]


def test_sample_m2_is_a_unit_not_a_footnote(sample):
    assert by_code(sample[0])["III.2"]["footnote"] is None


def test_sample_audit_finds_exactly_the_four_defects(sample):
    anomalies = audit_indicators(sample[0])
    assert [(a["kind"], a["where"]) for a in anomalies] == [
        ("share", "Phụ lục I, I.2"), ("share", "Phụ lục I, I.2"),
        ("arithmetic", "Phụ lục I, I.4"), ("arithmetic", "Phụ lục I, I.5"),
    ]
    share_sum, share_footnote, revenue, spending = (a["message"] for a in anomalies)
    assert "42,43% + 27,14% + 21,9% + 6,53% = 98,00%" in share_sum
    assert "6,53%" in share_footnote and "8,53%" in share_footnote
    assert "I.2" in share_footnote and "chú thích ¹ của I.1" in share_footnote
    for message in (revenue, spending):
        assert "46.341.000.000" in message
        assert "40.000.000.000 + 6.431.000.000 = 46.431.000.000" in message
        assert "lệch 90.000.000 đồng" in message


def test_audit_accepts_json_numbers(sample):
    """After a JSON round trip the values are floats; the audit must find the same defects."""
    def to_float(node):
        for t in node["targets"]:
            for key in ("value", "low", "high"):
                t[key] = float(t[key]) if t[key] is not None else None
        for c in node["components"]:
            to_float(c)
    indicators = parse_appendix(appendix_lines("ke-hoach-ktxh-2023-xa-hung-dong.txt"))[0]
    for indicator in indicators:
        to_float(indicator)
    assert [a["where"] for a in audit_indicators(indicators)] == [
        "Phụ lục I, I.2", "Phụ lục I, I.2", "Phụ lục I, I.4", "Phụ lục I, I.5"]


# --- the variant (a ward, decimal numbering, ranges, a wrong total) ------------------------------------------------

def test_variant_codes_and_nesting(variant):
    indicators, _ = variant
    assert [i["code"] for i in indicators] == ["I.1", "I.2", "I.3", "I.4", "II.1", "II.2", "II.3", "II.4", "II.5",
                                               "II.6", "III.1", "III.2", "IV.1", "IV.2", "IV.3"]
    heading = indicators[0]
    assert (heading["name"], heading["targets"]) == ("Phát triển kinh tế", [])
    assert [c["code"] for c in heading["components"]] == ["I.1.1", "I.1.2", "I.1.3"]


@pytest.mark.parametrize("code, name, targets", [
    ("I.1.1", "Tốc độ tăng giá trị sản xuất",
     [target("range", None, "%", "so với năm trước", low=D("7.5"), high=D("8.0"))]),
    ("I.1.3", "Sản lượng lúa", [target(">=", D("2961"), "tấn")]),
    ("I.2", "Thu nhập bình quân đầu người", [target("≈", D("95"), "triệu")]),
    ("I.3", "Tổng thu ngân sách phường", [target(">=", D("12500000000"), "đồng")]),
    ("I.4", "Tổng vốn đầu tư công", [target(">=", D("25.5"), "tỷ đồng")]),
    ("II.1", "Tỷ lệ huy động trẻ 5 tuổi đến trường", [target(">=", D("86"), "%")]),
    ("II.2", "Tỷ lệ lao động qua đào tạo", [target("range", None, "%", low=D("45"), high=D("47"))]),
    ("II.3", "Mức giảm tỷ suất sinh", [target(">=", D("0.30"), "‰")]),
    ("II.4", "Số thẻ bảo hiểm y tế cấp mới", [target("≈", D("3700"))]),
    ("II.5", "Tỷ lệ tổ dân phố văn hóa", [target(">", D("90"), "%")]),
    ("II.6", "Duy trì không có hộ nghèo", [ACHIEVE]),
    ("III.1", "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", [target(">=", D("100"), "%")]),
    ("III.2", "Diện tích cây xanh công cộng", [target(">=", D("4.5"), "m²/người")]),
    ("IV.1", "Số khối đạt danh hiệu khối an toàn về an ninh trật tự",
     [target(">=", D("9"), "khối", "trên tổng số 11 khối")]),
    ("IV.2", "Tỷ lệ hộ dân lắp camera an ninh", []),
    ("IV.3", "Xây dựng phường đạt chuẩn tiếp cận pháp luật năm 2024", [ACHIEVE]),
])
def test_variant_targets(variant, code, name, targets):
    indicator = by_code(variant[0])[code]
    assert (indicator["name"], indicator["targets"]) == (name, targets)


def test_variant_groups(variant):
    assert {i["code"]: i["group"] for i in variant[0]}["IV.1"] == "Các chỉ tiêu về quốc phòng, an ninh"


def test_variant_continuation_line_is_joined(variant):
    parts = by_code(variant[0])["I.3"]["components"]
    assert [(c["code"], c["name"], c["targets"]) for c in parts] == [
        ("I.3.1", "Thu cân đối", [target(">=", D("7200000000"), "đồng")]),
        ("I.3.2", "Thu để lại cho phường", [target(">=", D("5000000000"), "đồng")]),
    ]


def test_variant_shares_summing_to_100(variant):
    parts = by_code(variant[0])["I.1.2"]["components"]
    assert [(c["code"], c["name"], c["targets"][0]["value"]) for c in parts] == [
        ("I.1.2.1", "Thương mại - dịch vụ", D("68.5")), ("I.1.2.2", "Công nghiệp - xây dựng", D("29.3")),
        ("I.1.2.3", "Nông nghiệp", D("2.2"))]


def test_variant_bracketed_footnote_and_plain_bracket(variant):
    codes = by_code(variant[0])
    assert codes["I.4"]["footnote"] == "Trong đó: vốn ngân sách thành phố 18 tỷ đồng, vốn ngân sách phường 7,5 tỷ đồng."
    assert [(c["code"], c["targets"]) for c in codes["I.4"]["components"]] == [
        ("I.4.1", [target(">=", D("18"), "tỷ đồng")]), ("I.4.2", [target(">=", D("7.5"), "tỷ đồng")])]
    assert codes["II.5"]["footnote"] is None
    assert codes["II.5"]["text"] == "Tỷ lệ tổ dân phố văn hóa: trên 90% (1)"


def test_variant_anomalies(variant):
    indicators, anomalies = variant
    assert [(a["kind"], a["where"]) for a in anomalies] == [("indicator", "Phụ lục I, IV.2")]
    assert "«theo lộ trình của thành phố»" in anomalies[0]["message"]
    audit = audit_indicators(indicators)
    assert audit == [{
        "kind": "arithmetic", "where": "Phụ lục I, I.3",
        "message": "Tổng thu ngân sách phường: tổng ghi 12.500.000.000 đồng, nhưng các khoản trong đó cộng lại "
                   "7.200.000.000 + 5.000.000.000 = 12.200.000.000 đồng (lệch 300.000.000 đồng)"}]


# --- small cases ---------------------------------------------------------------------------------------------------

def test_decimal_items_without_a_printed_parent_are_indicators():
    indicators, anomalies = parse_appendix(["Phụ lục I", "I. CÁC CHỈ TIÊU KINH TẾ", "1.1. Sản lượng lúa: 2.961 tấn",
                                            "1.2. Sản lượng ngô: 500 tấn"])
    assert [(i["code"], i["name"]) for i in indicators] == [("I.1.1", "Sản lượng lúa"), ("I.1.2", "Sản lượng ngô")]
    assert anomalies == []


def test_missing_footnote_and_unknown_target_are_anomalies():
    _, anomalies = parse_appendix(["I. CHỈ TIÊU", "1. Tổng thu: 5 tỷ đồng ³", "2. Tỷ lệ hộ dùng nước: chưa xác định"])
    assert [(a["kind"], a["where"]) for a in anomalies] == [("indicator", "Phụ lục I, I.1"),
                                                           ("indicator", "Phụ lục I, I.2")]
    assert "³" in anomalies[0]["message"]


def test_a_heading_without_children_is_not_understood():
    _, anomalies = parse_appendix(["I. CHỈ TIÊU", "1. Phát triển kinh tế"])
    assert [a["where"] for a in anomalies] == ["Phụ lục I, I.1"]


def test_a_closed_footnote_does_not_swallow_the_next_line():
    indicators, _ = parse_appendix(["I. A", "1. Tổng giá trị: 10 tỷ đồng ¹", "", "¹ Trong đó: lúa 4 tỷ đồng, "
                                    "ngô 6 tỷ đồng.", "TM. ỦY BAN NHÂN DÂN"])
    assert indicators[0]["footnote"] == "Trong đó: lúa 4 tỷ đồng, ngô 6 tỷ đồng."
    assert [c["name"] for c in indicators[0]["components"]] == ["Lúa", "Ngô"]


def test_parsing_stops_at_the_next_appendix():
    indicators, _ = parse_appendix(["Phụ lục I", "I. A", "1. Tỷ lệ X: 90%", "Phụ lục II", "I. B", "1. Tỷ lệ Y: 5%"])
    assert [i["code"] for i in indicators] == ["I.1"]


def test_duplicate_item_number_is_a_numbering_anomaly():
    _, anomalies = parse_appendix(["I. A", "1. Tỷ lệ X: 90%", "1. Tỷ lệ Y: 80%"])
    assert [(a["kind"], a["where"]) for a in anomalies] == [("numbering", "Phụ lục I, I.1")]


@pytest.mark.parametrize("heading, expected", [
    ("CÁC CHỈ TIÊU KINH TẾ", "Các chỉ tiêu kinh tế"),
    ("CÁC CHỈ TIÊU VỀ QUỐC PHÒNG, AN NINH, THANH TRA, TƯ PHÁP",
     "Các chỉ tiêu về quốc phòng, an ninh, thanh tra, tư pháp"),
    ("Các chỉ tiêu về Môi trường:", "Các chỉ tiêu về Môi trường"),
])
def test_sentence_case(heading, expected):
    assert sentence_case(heading) == expected


def test_audit_allows_rounding_but_not_a_real_gap():
    def node(code, value, unit, parts):
        return {"code": code, "name": "Tổng", "text": "", "footnote": None, "targets": [target(">=", value, unit)],
                "components": [{"code": f"{code}.{i}", "name": f"P{i}", "text": "", "footnote": None,
                                "components": [], "targets": [target(">=", v, unit)]}
                               for i, v in enumerate(parts, 1)]}
    fine = node("I.1", D("971"), "tỷ đồng", [D("82.8"), D("212.56"), D("412"), D("263.64")])
    rounded = node("I.2", D("63"), "tỷ đồng", [D("40.1"), D("21.2"), D("2")])
    wrong = node("I.3", D("63.1"), "tỷ đồng", [D("40.1"), D("21"), D("3")])
    assert [a["where"] for a in audit_indicators([fine, rounded, wrong])] == ["Phụ lục I, I.3"]


def test_audit_share_sum_tolerates_rounding_of_each_share():
    def shares(code, values):
        return {"code": code, "name": "Cơ cấu", "text": "", "footnote": None, "targets": [],
                "components": [{"code": f"{code}.{i}", "name": f"P{i}", "text": "", "footnote": None,
                                "components": [], "targets": [target("=", v, "%", "tỷ trọng trong cơ cấu")]}
                               for i, v in enumerate(values, 1)]}
    thirds = shares("I.1", [D("33.33"), D("33.33"), D("33.33")])
    whole_numbers = shares("I.2", [D("50"), D("40"), D("9")])   # 99: three halves of a unit explain it
    off = shares("I.3", [D("50"), D("40"), D("8")])
    assert [a["where"] for a in audit_indicators([thirds, whole_numbers, off])] == ["Phụ lục I, I.3"]
