"""Rows linked across years at import: only an exact title match (after normalising case, spaces and end
punctuation) within the commune's previous-year plan; a reworded task stays unlinked; a title two tasks of last year
share is an anomaly, never a pick."""
from plans.models import Assignment
from plans.services.importer import import_plan

HEADER = """**ỦY BAN NHÂN DÂN
XÃ HƯNG ĐÔNG**

Số: /KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc**

Hưng Đông, ngày 30 tháng 12 năm {issued}

**KẾ HOẠCH
Phát triển kinh tế - xã hội năm {year}**

TT\tNHIỆM VỤ\tGIẢI PHÁP\tPHÂN CÔNG CHỈ ĐẠO\tĐƠN VỊ CHỦ TRÌ THAM MƯU\tĐƠN VỊ PHỐI HỢP\tTHỜI GIAN HOÀN THÀNH
I\tPhát triển kinh tế\t\t\t\t\t
1\tHạ tầng và văn hóa\t\t\t\t\t
"""
ROW = "{number}\t{title}\t{solution}\tChủ tịch UBND xã\tCông chức Đô thị\tCác xóm dân cư\tQuý II\n"


def _plan(commune, year, tasks):
    text = HEADER.format(issued=year - 1, year=year) + "".join(
        ROW.format(number=f"1.{i}", title=title, solution=solution) for i, (title, solution) in enumerate(tasks, 1))
    return import_plan(commune, text.encode(), f"ke-hoach-{year}.txt").plan


def _row(plan, code):
    return Assignment.objects.get(node__plan=plan, node__code=code)


def test_only_an_exact_title_links_and_a_shared_title_is_left_to_a_person(commune):
    before = _plan(commune, 2023, [("Nâng cấp đường giao thông xóm 3", "(1) Khảo sát tuyến đường"),
                                   ("Tổ chức tuyên truyền", "Tuyên truyền trên loa truyền thanh"),
                                   ("Tổ chức tuyên truyền", "Tuyên truyền tại các xóm")])
    after = _plan(commune, 2024, [("NÂNG CẤP  đường giao thông xóm 3.", "(1) Khảo sát lại tuyến đường"),
                                  ("Tổ chức tuyên truyền", "Tuyên truyền trên loa truyền thanh"),
                                  ("Nâng cấp đường giao thông xóm 4", "(1) Khảo sát tuyến đường")])
    # One row on each side: the task's title alone names it, even with its solution reworded.
    assert _row(after, "I.1.1").carried_from == _row(before, "I.1.1")
    assert _row(after, "I.1.2").carried_from is None
    assert _row(after, "I.1.3").carried_from is None  # "xóm 4" is not "xóm 3": no fuzzy guess
    problem = after.anomalies.get(kind="year_link")
    assert problem.where == "I.1.2"
    assert problem.message == ("Nhiệm vụ I.1.2 trùng nội dung với 2 nhiệm vụ của kế hoạch năm 2023 (I.1.2, I.1.3); "
                               "chưa nối với năm trước, cần người chọn.")


def test_another_communes_previous_year_is_never_a_match(commune, other_commune):
    _plan(other_commune, 2023, [("Nâng cấp đường giao thông xóm 3", "(1) Khảo sát tuyến đường")])
    after = _plan(commune, 2024, [("Nâng cấp đường giao thông xóm 3", "(1) Khảo sát tuyến đường")])
    assert _row(after, "I.1.1").carried_from is None
    assert not after.anomalies.filter(kind="year_link").exists()
