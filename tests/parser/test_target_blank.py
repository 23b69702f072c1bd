"""A target left blank ("…", "...", "….. %", "[ ]") is a target not filled in: the indicator, its unit, its name and
its components are read as with a figure, and a person is told what is missing. Nothing is guessed."""
from planparser.indicators import parse_appendix
from planparser.targets import parse_measure, split_name_target

# Typed the way officials leave targets for the leaders: each blank a different way, components as lines of their
# own under a total whose figure is blank, and a footnote breakdown.
APPENDIX = """\
Phụ lục I
I. CÁC CHỈ TIÊU KINH TẾ
1. Tổng giá trị sản xuất: … tỷ đồng, tăng ….. % so với năm 2024 ¹
2. Tổng thu ngân sách xã: ... đồng, trong đó:
- Thu đầu tư xây dựng cơ bản: [ ] đồng
- Thu thường xuyên: …đồng
3. Giá trị bình quân hộ: … triệu đồng/hộ/năm; Bình quân đầu người: ... triệu đồng/người/năm
II. CÁC CHỈ TIÊU XÃ HỘI
1. Tỷ lệ hộ nghèo: dưới …%
2. Giữ vững danh hiệu xã đạt chuẩn quốc gia về y tế: …
3. Tỷ lệ bao phủ bảo hiểm y tế: 97%

¹ Trong đó: Nông nghiệp: … tỷ đồng, chiếm …%; dịch vụ: … tỷ đồng, chiếm …%
""".splitlines()


def _tree(indicators):
    return [(i["code"], i["name"], i["targets"], _tree(i["components"])) for i in indicators]


def test_an_appendix_with_blank_targets_keeps_its_whole_tree_and_reads_no_target():
    indicators, _ = parse_appendix(APPENDIX)
    assert _tree(indicators) == [
        ("I.1", "Tổng giá trị sản xuất", [], [("I.1.1", "Nông nghiệp", [], []), ("I.1.2", "Dịch vụ", [], [])]),
        # A total left blank above its parts is an indicator, not a group heading.
        ("I.2", "Tổng thu ngân sách xã", [], [("I.2.1", "Thu đầu tư xây dựng cơ bản", [], []),
                                               ("I.2.2", "Thu thường xuyên", [], [])]),
        ("I.3", "Giá trị bình quân hộ; Bình quân đầu người", [],
         [("I.3.1", "Giá trị bình quân hộ", [], []), ("I.3.2", "Bình quân đầu người", [], [])]),
        ("II.1", "Tỷ lệ hộ nghèo", [], []),
        ("II.2", "Giữ vững danh hiệu xã đạt chuẩn quốc gia về y tế", [], []),   # not "achieve": still to fill
        ("II.3", "Tỷ lệ bao phủ bảo hiểm y tế",
         [{"comparator": ">=", "value": 97, "low": None, "high": None, "unit": "%", "basis": None, "rank": None}], []),
    ]


def test_each_blank_is_shown_to_a_person_with_its_unit_and_where_it_is():
    _, anomalies = parse_appendix(APPENDIX)
    assert anomalies == [
        {"kind": "indicator", "where": "Phụ lục I, I.1",
         "message": "Chưa điền mục tiêu cần đạt của «Tổng giá trị sản xuất»: «… tỷ đồng», «tăng ….. % so với năm "
                    "2024»; Chú thích ¹: chưa điền mục tiêu cần đạt của «Nông nghiệp»: «… tỷ đồng», «chiếm …%»; "
                    "Chú thích ¹: chưa điền mục tiêu cần đạt của «dịch vụ»: «… tỷ đồng», «chiếm …%»"},
        {"kind": "indicator", "where": "Phụ lục I, I.2",
         "message": "Chưa điền mục tiêu cần đạt của «Tổng thu ngân sách xã»: «... đồng»"},
        {"kind": "indicator", "where": "Phụ lục I, I.2.1",
         "message": "Chưa điền mục tiêu cần đạt của «Thu đầu tư xây dựng cơ bản»: «[ ] đồng»"},
        {"kind": "indicator", "where": "Phụ lục I, I.2.2",
         "message": "Chưa điền mục tiêu cần đạt của «Thu thường xuyên»: «…đồng»"},
        {"kind": "indicator", "where": "Phụ lục I, I.3",
         "message": "Chưa điền mục tiêu cần đạt của «Giá trị bình quân hộ»: «… triệu đồng/hộ/năm»; Chưa điền mục "
                    "tiêu cần đạt của «Bình quân đầu người»: «... triệu đồng/người/năm»"},
        {"kind": "indicator", "where": "Phụ lục I, II.1",
         "message": "Chưa điền mục tiêu cần đạt của «Tỷ lệ hộ nghèo»: «dưới …%»"},
        {"kind": "indicator", "where": "Phụ lục I, II.2",
         "message": "Chưa điền mục tiêu cần đạt của «Giữ vững danh hiệu xã đạt chuẩn quốc gia về y tế»: «…»"},
    ]


def test_a_blank_beside_a_figure_loses_neither():
    measure = parse_measure("… tỷ đồng, tăng 10% so với năm 2024", "Tổng giá trị sản xuất")
    assert [(t["comparator"], t["value"], t["unit"], t["basis"]) for t in measure["targets"]] == [
        (">=", 10, "%", "so với năm 2024")]
    assert measure["unfilled"] == ["… tỷ đồng"]


def test_a_blank_stands_where_the_figure_stands_when_the_name_has_no_colon():
    assert split_name_target("Giảm tỷ suất sinh thô dưới …‰") == ("Giảm tỷ suất sinh thô", "dưới …‰")


def test_an_ellipsis_glued_to_a_word_or_a_figure_is_text_not_a_blank():
    for text in ("đạt 100% số trường học, trạm y tế…", "đạt 100%..."):
        measure = parse_measure(text, "Tỷ lệ cơ quan đạt chuẩn")
        assert (measure["unfilled"], measure["problems"]) == ([], []), text
        assert [(t["comparator"], t["value"], t["unit"]) for t in measure["targets"]] == [(">=", 100, "%")], text
