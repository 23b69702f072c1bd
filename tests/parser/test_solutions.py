"""A GIẢI PHÁP cell into its solutions: numbered "(1) … (2) …", and bullets typed the way officials type them."""
import pytest

from planparser.solutions import split_solutions


def texts(cell: str) -> list[str]:
    return [s["text"] for s in split_solutions(cell)]


def test_bullets_on_their_own_paragraphs_give_one_solution_each():
    cell = ("- Ra quân lập lại trật tự vỉa hè các tuyến phố chính\n"
            "- Kiểm tra, xử lý công trình xây dựng sai phép\n"
            "- Công khai kết quả xử lý trên trang thông tin điện tử phường")
    assert split_solutions(cell) == [
        {"number": None, "text": "Ra quân lập lại trật tự vỉa hè các tuyến phố chính"},
        {"number": None, "text": "Kiểm tra, xử lý công trình xây dựng sai phép"},
        {"number": None, "text": "Công khai kết quả xử lý trên trang thông tin điện tử phường"},
    ]


def test_bullets_run_together_without_a_full_stop_are_split():
    # The sample's II.2.3 as a Word-to-text conversion leaves it: the paragraphs joined by a space.
    cell = ("- Chủ động xây dựng kế hoạch, phối hợp các cơ quan, doanh nghiệp, trường học,... trên địa bàn, "
            "tiến hành nạo vét, sửa chữa, đảm bảo tiêu thoát nước. - Phát động phong trào toàn dân ra quân làm "
            "thủy lợi hàng năm - Chủ động xây dựng phương án, chuẩn bị đủ lực lượng, phương tiện phục vụ cho "
            "công tác phòng chống thiên tai, tìm kiếm cứu nạn")
    assert texts(cell) == [
        "Chủ động xây dựng kế hoạch, phối hợp các cơ quan, doanh nghiệp, trường học,... trên địa bàn, "
        "tiến hành nạo vét, sửa chữa, đảm bảo tiêu thoát nước.",
        "Phát động phong trào toàn dân ra quân làm thủy lợi hàng năm",
        "Chủ động xây dựng phương án, chuẩn bị đủ lực lượng, phương tiện phục vụ cho công tác phòng chống "
        "thiên tai, tìm kiếm cứu nạn",
    ]


@pytest.mark.parametrize("marker", ["+", "•", "–"])
def test_other_bullet_marks_split_the_same_way(marker):
    cell = (f"{marker} Rà soát, cập nhật danh sách hộ nghèo, cận nghèo {marker} Giải ngân vốn vay ưu đãi "
            f"đúng đối tượng {marker} Vận động xây dựng nhà Đại đoàn kết")
    assert texts(cell) == ["Rà soát, cập nhật danh sách hộ nghèo, cận nghèo",
                           "Giải ngân vốn vay ưu đãi đúng đối tượng", "Vận động xây dựng nhà Đại đoàn kết"]


@pytest.mark.parametrize("cell, expected", [
    # A dash inside an official name or a place name is no bullet.
    ("- Phối hợp Phòng Văn hóa - Xã hội tổ chức Đại hội thể dục thể thao - Tổ chức giải bóng đá thanh niên",
     ["Phối hợp Phòng Văn hóa - Xã hội tổ chức Đại hội thể dục thể thao", "Tổ chức giải bóng đá thanh niên"]),
    ("- Tham mưu Phòng Tài chính - Kế hoạch huyện bố trí vốn",
     ["Tham mưu Phòng Tài chính - Kế hoạch huyện bố trí vốn"]),
    ("- Hướng tới kỷ niệm 235 năm Phụng Hoàng - Trung Đô - Vinh",
     ["Hướng tới kỷ niệm 235 năm Phụng Hoàng - Trung Đô - Vinh"]),
    # A dash between figures, or before a lower-case word, goes on with the sentence.
    ("- Phấn đấu tăng trưởng 7,5 - 8% - Giảm tỷ lệ hộ nghèo",
     ["Phấn đấu tăng trưởng 7,5 - 8%", "Giảm tỷ lệ hộ nghèo"]),
    ("- Phát triển kinh tế - xã hội bền vững", ["Phát triển kinh tế - xã hội bền vững"]),
])
def test_a_dash_inside_a_sentence_or_a_name_stays(cell, expected):
    assert texts(cell) == expected


def test_only_the_lists_own_mark_splits_it():
    cell = "- Tổ chức Hội thi văn nghệ + Giải bóng chuyền thanh niên - Kiểm tra hồ sơ di tích"
    assert texts(cell) == ["Tổ chức Hội thi văn nghệ + Giải bóng chuyền thanh niên", "Kiểm tra hồ sơ di tích"]


def test_a_dash_in_a_paragraph_that_is_no_list_is_left_alone():
    cell = "Tăng cường kiểm tra việc sử dụng đất - Xử lý dứt điểm vi phạm"
    assert texts(cell) == [cell]


def test_numbered_solutions_are_unchanged():
    cell = "(1) Lập kế hoạch thực hiện công tác BT-GPMB; (2) Đẩy mạnh tuyên truyền. (3) Tăng cường phối hợp"
    assert split_solutions(cell) == [
        {"number": "(1)", "text": "Lập kế hoạch thực hiện công tác BT-GPMB"},
        {"number": "(2)", "text": "Đẩy mạnh tuyên truyền."},
        {"number": "(3)", "text": "Tăng cường phối hợp"},
    ]


def test_paragraph_tags_of_the_text_form_are_paragraphs():
    cell = "<p>- Tuyên truyền Luật Đất đai 2024</p> <p>- Công khai quy hoạch sử dụng đất</p>"
    assert texts(cell) == ["Tuyên truyền Luật Đất đai 2024", "Công khai quy hoạch sử dụng đất"]
