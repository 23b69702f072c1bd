"""header_facts on the heading and signature lines as officials type them, at every administrative level.

Each case is a heading as printed in public plans (names changed where they are people); the expected values are
read off the printed lines by hand.
"""
import pytest

from planparser.header import header_facts

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def facts(issuer_lines, date_line="Vinh, ngày 15 tháng 12 năm 2024", subject="Phát triển kinh tế - xã hội năm 2025",
          tail=()):
    lines = [*issuer_lines, "Số: 125/KH-UBND", *MOTTO, date_line, "KẾ HOẠCH", subject, "Căn cứ …", *tail]
    return header_facts(lines)


@pytest.mark.parametrize("issuer_lines, issuer, locality", [
    (["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"], "UBND tỉnh Nghệ An",
     {"name": "Nghệ An", "kind": "tỉnh", "level": "province"}),
    (["UBND HUYỆN NAM ĐÀN"], "UBND huyện Nam Đàn", {"name": "Nam Đàn", "kind": "huyện", "level": "district"}),
    # Vinh is a city of Nghệ An province: district level, kind "thành phố".
    (["UBND THÀNH PHỐ VINH"], "UBND thành phố Vinh", {"name": "Vinh", "kind": "thành phố", "level": "district"}),
    (["UBND TP. VINH"], "UBND thành phố Vinh", {"name": "Vinh", "kind": "thành phố", "level": "district"}),
    (["ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"], "UBND thành phố Hồ Chí Minh",
     {"name": "Hồ Chí Minh", "kind": "thành phố trực thuộc trung ương", "level": "province"}),
    (["UBND TP.HCM"], "UBND thành phố Hồ Chí Minh",
     {"name": "Hồ Chí Minh", "kind": "thành phố trực thuộc trung ương", "level": "province"}),
    # A narrow header cell breaks the name after the kind word.
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ", "ĐÀ NẴNG"], "UBND thành phố Đà Nẵng",
     {"name": "Đà Nẵng", "kind": "thành phố trực thuộc trung ương", "level": "province"}),
    (["ỦY BAN NHÂN DÂN", "QUẬN HOÀN KIẾM"], "UBND quận Hoàn Kiếm",
     {"name": "Hoàn Kiếm", "kind": "quận", "level": "district"}),
    (["ỦY BAN NHÂN DÂN", "THỊ XÃ CỬA LÒ"], "UBND thị xã Cửa Lò",
     {"name": "Cửa Lò", "kind": "thị xã", "level": "district"}),
    (["ỦY BAN NHÂN DÂN", "THỊ TRẤN NAM ĐÀN"], "UBND thị trấn Nam Đàn",
     {"name": "Nam Đàn", "kind": "thị trấn", "level": "commune"}),
    (["UBND XÃ HƯNG ĐÔNG"], "UBND xã Hưng Đông", {"name": "Hưng Đông", "kind": "xã", "level": "commune"}),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG BẾN THÀNH"], "UBND phường Bến Thành",
     {"name": "Bến Thành", "kind": "phường", "level": "commune"}),
    (["ỦY BAN NHÂN DÂN", "ĐẶC KHU PHÚ QUỐC"], "UBND đặc khu Phú Quốc",
     {"name": "Phú Quốc", "kind": "đặc khu", "level": "commune"}),
    (["ỦY BAN NHÂN DÂN", "TỈNH BÀ RỊA -", "VŨNG TÀU"], "UBND tỉnh Bà Rịa - Vũng Tàu",
     {"name": "Bà Rịa - Vũng Tàu", "kind": "tỉnh", "level": "province"}),
    # Mixed case as typed is kept; "Uỷ" with the older tone placement is the same word.
    (["Uỷ ban nhân dân huyện Diễn Châu"], "UBND huyện Diễn Châu",
     {"name": "Diễn Châu", "kind": "huyện", "level": "district"}),
    # The superior body printed above: the issuer is the lower one.
    (["UBND HUYỆN NAM ĐÀN", "UBND XÃ NAM HƯNG"], "UBND xã Nam Hưng",
     {"name": "Nam Hưng", "kind": "xã", "level": "commune"}),
])
def test_issuer_and_locality_at_every_level(issuer_lines, issuer, locality):
    result = facts(issuer_lines)
    assert (result["issuer"], result["locality"]) == (issuer, locality)
    assert result["anomalies"] == []
    assert result["number"] == "125/KH-UBND"


@pytest.mark.parametrize("date_line, level", [
    ("Huế, ngày 20 tháng 12 năm 2024", "district"),  # a city of Thừa Thiên Huế province until 31/12/2024
    ("Huế, ngày 06 tháng 01 năm 2025", "province"),  # centrally run from 1/1/2025 (Resolution 175/2024/QH15)
])
def test_hue_is_province_level_from_2025(date_line, level):
    result = facts(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HUẾ"], date_line)
    assert result["locality"]["level"] == level
    assert result["issuer"] == "UBND thành phố Huế"


def test_hue_without_a_date_in_2025_is_left_for_a_person():
    result = facts(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HUẾ"], "Huế, ngày    tháng    năm 2025")
    assert result["locality"]["level"] is None
    assert [a["kind"] for a in result["anomalies"]] == ["header"]
    assert "Huế" in result["anomalies"][0]["message"]


def test_an_issuer_of_unknown_kind_stays_as_printed_and_is_flagged():
    result = facts(["ỦY BAN NHÂN DÂN", "KHU KINH TẾ ĐÔNG NAM"])
    assert result["issuer"] == "KHU KINH TẾ ĐÔNG NAM"
    assert result["locality"] is None
    assert result["anomalies"][0]["where"] == "Phần đầu văn bản"
    assert "KHU KINH TẾ ĐÔNG NAM" in result["anomalies"][0]["message"]


def test_no_issuer_is_flagged():
    result = header_facts(["KẾ HOẠCH", "Phát triển kinh tế - xã hội năm 2024"])
    assert result["issuer"] is None and result["locality"] is None
    assert "cơ quan ban hành" in result["anomalies"][0]["message"]


@pytest.mark.parametrize("date_line, issued_on", [
    ("Nam Đàn, ngày 15 tháng 12 năm 2024", "2024-12-15"),
    ("Nam Đàn, ngày 05 tháng 01 năm 2025", "2025-01-05"),
    ("Phú Quốc, ngày 9 tháng 1 năm 2026", "2026-01-09"),
    ("Nam Đàn, ngày 15/12/2024", "2024-12-15"),
    ("Thành phố Hồ Chí Minh, ngày 28 tháng 02 năm 2025", "2025-02-28"),
    # Blanks left for the signing day: no day is invented.
    ("Nam Đàn, ngày    tháng 12 năm 2024", None),
    ("Nghệ An, ngày ... tháng ... năm 2024", None),
    ("Nghệ An, ngày      /01/2024", None),
])
def test_issued_on(date_line, issued_on):
    result = facts(["UBND HUYỆN NAM ĐÀN"], date_line)
    assert result["issued_on"] == issued_on
    assert result["anomalies"] == []


def test_an_impossible_date_is_flagged_not_corrected():
    result = facts(["UBND HUYỆN NAM ĐÀN"], "Nam Đàn, ngày 30 tháng 02 năm 2025")
    assert result["issued_on"] is None
    assert "30 tháng 02 năm 2025" in result["anomalies"][0]["message"]


@pytest.mark.parametrize("number_line, number", [
    ("Số: 125/KH-UBND", "125/KH-UBND"),
    ("Số:      /KH-UBND", "/KH-UBND"),
    ("Số: 125 /KH-UBND", "125/KH-UBND"),
    ("Số 07/KH-UBND", "07/KH-UBND"),
    # A text export may keep the number and the place-date on one line.
    ("Số: 612/KH-UBND          Thành phố Hồ Chí Minh, ngày 28 tháng 02 năm 2025", "612/KH-UBND"),
])
def test_number_as_printed(number_line, number):
    result = header_facts(["UBND HUYỆN NAM ĐÀN", number_line, *MOTTO, "KẾ HOẠCH", "Năm 2025"])
    assert result["number"] == number


def test_a_subject_over_two_lines_is_one_title_with_its_year():
    result = facts(["UBND HUYỆN NAM ĐÀN"], subject="Thực hiện nhiệm vụ phát triển kinh tế - xã hội,",
                   tail=())
    lines = ["UBND HUYỆN NAM ĐÀN", "KẾ HOẠCH", "Thực hiện nhiệm vụ phát triển kinh tế - xã hội,",
             "bảo đảm quốc phòng - an ninh năm 2025", "Căn cứ Nghị quyết số 38/NQ-HĐND ngày 10/12/2024"]
    two = header_facts(lines)
    assert two["title"] == ("Kế hoạch Thực hiện nhiệm vụ phát triển kinh tế - xã hội, "
                            "bảo đảm quốc phòng - an ninh năm 2025")
    assert two["year"] == 2025
    # With no year in reach, the body is not glued to the title.
    assert result["title"] == "Kế hoạch Thực hiện nhiệm vụ phát triển kinh tế - xã hội,"
    assert result["year"] is None


SIGNATURE_CASES = [
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Anh Tấn"], {"name": "Trần Anh Tấn", "title": "Chủ tịch"}),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(đã ký)", "Nguyễn Văn Hùng"],
     {"name": "Nguyễn Văn Hùng", "title": "Phó Chủ tịch"}),
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "[daky]", "Lê Hồng Vinh"],
     {"name": "Lê Hồng Vinh", "title": "Phó Chủ tịch Thường trực"}),
    (["TM. UBND XÃ", "Q. CHỦ TỊCH", "Đã ký", "Phan Văn Tú"], {"name": "Phan Văn Tú", "title": "Quyền Chủ tịch"}),
    # A name typed in capitals keeps its letters, in name case.
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "NGUYỄN THỊ HOA"], {"name": "Nguyễn Thị Hoa", "title": "Chủ tịch"}),
    # A chairman signing alone, after the recipients' list.
    (["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "CHỦ TỊCH", "Võ Văn Nam"], {"name": "Võ Văn Nam", "title": "Chủ tịch"}),
]


@pytest.mark.parametrize("block, signer", SIGNATURE_CASES)
def test_signer(block, signer):
    result = facts(["UBND HUYỆN NAM ĐÀN"], tail=["Các cơ quan báo cáo trước ngày 20 hằng tháng./.", *block])
    assert result["signer"] == signer
    assert result["anomalies"] == []
    assert result["report_day"] == 20


def test_a_deputy_without_a_title_line_is_flagged():
    result = facts(["UBND HUYỆN NAM ĐÀN"], tail=["KT. CHỦ TỊCH", "Nguyễn Văn Hùng"])
    assert result["signer"] == {"name": "Nguyễn Văn Hùng", "title": ""}
    assert result["anomalies"][0]["where"] == "Chữ ký cuối văn bản"


def test_an_unknown_signer_title_stays_as_printed_and_is_flagged():
    result = facts(["UBND HUYỆN NAM ĐÀN"], tail=["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Đặng Văn Cường"])
    assert result["signer"] == {"name": "Đặng Văn Cường", "title": "Chánh văn phòng"}
    assert "CHÁNH VĂN PHÒNG" in result["anomalies"][0]["message"]


def test_a_subject_that_starts_like_body_text_is_still_the_subject():
    lines = ["UBND TỈNH NGHỆ AN", "KẾ HOẠCH", "Thực hiện Nghị quyết số 25/NQ-HĐND của HĐND tỉnh năm 2024",
             "Căn cứ Luật Tổ chức chính quyền địa phương"]
    result = header_facts(lines)
    assert result["title"] == "Kế hoạch Thực hiện Nghị quyết số 25/NQ-HĐND của HĐND tỉnh năm 2024"
    assert result["year"] == 2024
