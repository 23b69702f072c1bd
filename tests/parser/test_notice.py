"""A conclusion notice read into tasks: expectations worked out by hand from the fixture's text."""
import io
from pathlib import Path

import pytest

from planparser.blocks import PlanReadError
from planparser.notice import parse_notice, read_notice

NOTICES = Path(__file__).resolve().parent.parent / "fixtures" / "notices"
TB45 = NOTICES / "tb-45-ket-luan-giao-ban-thang-6-2023.txt"

# (where, leaders, lead units, coordinating units, deadline text, kind, due), read off the notice by hand.
EXPECTED = [
    ("Mục 2, điểm a", [], ["cc-dia-chinh"], ["cong-an", "cac-xom"], "trước ngày 15/7/2023", "date", "2023-07-15"),
    ("Mục 2, điểm b", [], ["cc-ke-toan"], ["cc-dia-chinh"], "trong tháng 8/2023", "date", "2023-08-31"),
    ("Mục 2, điểm c", [], ["cc-van-hoa-xa-hoi"], ["tram-y-te", "hoi-phu-nu"], "trước ngày 25/7/2023", "date",
     "2023-07-25"),
    ("Mục 2, điểm d", [], ["cong-an"], ["quan-su", "doan-thanh-nien"], "thường xuyên", "recurring", None),
    ("Mục 3", ["pct-do-thi"], ["cc-do-thi"], ["doi-qtdt"], "Quý III/2023", "date", "2023-09-30"),
    ("Mục 4, gạch đầu dòng thứ 1", [], ["cc-tu-phap"], ["van-phong-tk"], "trước ngày 20/7/2023", "date", "2023-07-20"),
    ("Mục 4, gạch đầu dòng thứ 2", [], ["moi:ban-quan-ly-cho-xa"], ["cc-ke-toan"], "trong tháng 9/2023", "date",
     "2023-09-30"),
    ("Mục 5", [], ["cc-kinh-te"], ["cac-htx"], "đầu tháng 8/2023", "unknown", None),
]


def _keys(refs):
    return [r["key"] for r in refs]


def _check(notice):
    assert notice["kind"] == "conclusion"
    assert notice["number"] == "45/TB-UBND"
    assert notice["issued_on"] == "2023-07-05"
    assert notice["issuer"] == "UBND xã Hưng Đông"
    assert notice["year"] == 2023
    assert notice["title"] == "Kết luận của Chủ tịch UBND xã Hưng Đông tại cuộc họp giao ban tháng 6 năm 2023"
    got = [(t["where"], _keys(t["leaders"]), _keys(t["lead_units"]), _keys(t["coordinating_units"]),
            t["deadline"]["text"], t["deadline"]["kind"], t["deadline"]["due"]) for t in notice["tasks"]]
    assert got == EXPECTED


def test_text_notice_gives_its_eight_tasks():
    notice = parse_notice(TB45.read_bytes(), TB45.name)
    _check(notice)
    assert notice["tasks"][3]["deadline"]["recurrence"] == "ongoing"
    # The opening point agrees with a report and assigns nothing; the closing one says who follows up.
    assert not any(t["text"].startswith("Cơ bản thống nhất") for t in notice["tasks"])
    assert notice["follow_up"].startswith("Giao Văn phòng - Thống kê theo dõi, đôn đốc")


def test_what_is_not_understood_is_flagged_where_it_is():
    notice = parse_notice(TB45.read_bytes(), TB45.name)
    flagged = {(a["where"], a["message"]) for a in notice["anomalies"]}
    assert ("Mục 5", "Không hiểu thời hạn «đầu tháng 8/2023»; cần người nhập lại thời hạn.") in flagged
    assert any(where == "Mục 4, gạch đầu dòng thứ 2" and "Ban quản lý chợ xã" in message
               for where, message in flagged)
    assert len(notice["anomalies"]) == 2


def test_a_date_inside_the_task_text_is_not_its_deadline():
    task = parse_notice(TB45.read_bytes(), TB45.name)["tasks"][2]
    assert "(27/7/1947 - 27/7/2023)" in task["text"]
    assert task["deadline"]["due"] == "2023-07-25"


def test_the_same_notice_as_word_reads_the_same():
    import docx

    document = docx.Document()
    for line in TB45.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    _check(parse_notice(buffer.getvalue(), "tb-45.docx"))


def test_the_same_notice_as_pdf_reads_the_same():
    pdf = NOTICES / "pdf" / "tb-45-ket-luan-giao-ban-thang-6-2023.pdf"
    _check(parse_notice(pdf.read_bytes(), pdf.name))


def test_a_pasted_directive_without_numbers_still_gives_its_tasks():
    lines = ["ỦY BAN NHÂN DÂN", "PHƯỜNG BẾN THỦY", "Số: 12/CT-UBND", "Bến Thủy, ngày 02 tháng 8 năm 2025", "CHỈ THỊ",
             "Về tăng cường công tác phòng, chống thiên tai mùa mưa bão năm 2025",
             "1. Giao Phòng Kinh tế, Hạ tầng và Đô thị chủ trì, phối hợp với Công an phường và các tổ dân phố "
             "kiểm tra hệ thống thoát nước; hoàn thành trước ngày 30/8/2025.",
             "Nơi nhận:", "- Như trên;"]
    notice = read_notice(lines)
    assert notice["kind"] == "directive"
    assert notice["number"] == "12/CT-UBND"
    [task] = notice["tasks"]
    assert _keys(task["lead_units"]) == ["phong-kinh-te"]
    assert _keys(task["coordinating_units"]) == ["cong-an", "cac-khoi"]
    assert task["deadline"]["due"] == "2025-08-30"


def test_a_text_with_no_assignment_is_refused_with_its_name():
    with pytest.raises(PlanReadError, match="«ghi-chu.txt»"):
        parse_notice("THÔNG BÁO\nVề lịch họp\n1. Họp lúc 8 giờ.".encode(), "ghi-chu.txt")


TB112 = NOTICES / "tb-112-ket-luan-chu-tich-xa-2025.txt"
# A commune of the two-level government (from 1 July 2025): offices instead of posts, dashes under one point.
EXPECTED_112 = [
    ("Mục 2, gạch đầu dòng thứ 1", ["pct-kinh-te"], ["phong-kinh-te"], ["trung-tam-hcc"], "trước ngày 15/8/2025",
     "date", "2025-08-15"),
    # "Văn phòng HĐND và UBND xã" is one name, its "và" joins no two units.
    ("Mục 2, gạch đầu dòng thứ 2", [], ["phong-van-hoa-xa-hoi"], ["van-phong-hdnd-ubnd", "doan-thanh-nien"],
     "trong tháng 9/2025", "date", "2025-09-30"),
    ("Mục 2, gạch đầu dòng thứ 3", [], ["cong-an"], [], "thường xuyên", "recurring", None),
    ("Mục 2, gạch đầu dòng thứ 4", [], ["van-phong-hdnd-ubnd"], ["phong-kinh-te"], "Quý III/2025", "date",
     "2025-09-30"),
    # "theo kế hoạch của Sở Y tế" says how, not by when: no deadline is read into it, a person sets one.
    ("Mục 2, gạch đầu dòng thứ 5", [], ["tram-y-te"], ["cac-truong-hoc"], "", "unknown", None),
]


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_a_2025_notice_with_offices_and_dashes(suffix):
    path = TB112 if suffix == "txt" else NOTICES / "pdf" / f"{TB112.stem}.pdf"
    notice = parse_notice(path.read_bytes(), path.name)
    assert (notice["number"], notice["issued_on"], notice["issuer"]) == \
        ("112/TB-UBND", "2025-07-21", "UBND xã Nghi Lộc")
    assert notice["signer"] == {"name": "Nguyễn Văn Hùng", "title": "Phó Chủ tịch"}
    got = [(t["where"], _keys(t["leaders"]), _keys(t["lead_units"]), _keys(t["coordinating_units"]),
            t["deadline"]["text"], t["deadline"]["kind"], t["deadline"]["due"]) for t in notice["tasks"]]
    assert got == EXPECTED_112
    assert notice["anomalies"] == [{"kind": "notice", "where": "Mục 2, gạch đầu dòng thứ 5",
                                    "message": "Không thấy thời hạn hoàn thành; cần người nhập thời hạn."}]
    assert notice["follow_up"].startswith("Giao Văn phòng HĐND và UBND xã theo dõi, đôn đốc")


def test_damaged_notices_give_tasks_or_a_vietnamese_error_never_a_crash():
    import random

    rng = random.Random(13)
    lines = TB45.read_text(encoding="utf-8").splitlines() + TB112.read_text(encoding="utf-8").splitlines()
    for _ in range(300):
        damaged = rng.sample(lines, rng.randint(1, len(lines)))
        if rng.random() < 0.3:
            damaged = [line[:rng.randint(0, len(line))] for line in damaged]
        try:
            notice = read_notice(damaged)
        except PlanReadError as exc:
            assert "Không tìm thấy nhiệm vụ" in str(exc)
            continue
        assert all(t["lead_units"] or t["problems"] for t in notice["tasks"])
