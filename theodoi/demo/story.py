"""What happened in Hưng Đông from January to 10 June 2023, as data: who reported when, what was returned and why,
what was finished, what was entered for the indicators. play.py replays it through the real services, day by day.

A row is named by its task code and its order among that task's rows (0 = the first), never by a database id.
The days follow section V of the plan: units report before the 20th of each month (deadline_for gives the 20th).
"""
from datetime import date
from decimal import Decimal
from typing import TypedDict

DEMO_DAY = date(2023, 6, 10)
MONTHS = (1, 2, 3, 4, 5)

# The units that report, with the account that writes for each (created by seed_demo).
REPORTERS = {
    "cc-dia-chinh": "diachinh", "cc-kinh-te": "kinhte", "cc-do-thi": "dothi", "cc-ke-toan": "ketoan",
    "cc-tu-phap": "tuphap", "cc-van-hoa-xa-hoi": "vanhoa", "van-phong-tk": "vanphong", "cong-an": "congan",
    "tram-y-te": "yte", "quan-su": "quansu",
}
OFFICE = "vanphong"

# The day of the month each unit usually sends its report (before the 20th).
USUAL_DAY = {"cc-dia-chinh": 18, "cc-kinh-te": 19, "cc-do-thi": 17, "cc-ke-toan": 16, "cc-tu-phap": 18,
             "cc-van-hoa-xa-hoi": 19, "van-phong-tk": 15, "cong-an": 14, "tram-y-te": 19, "quan-su": 19}
LATE_DAY = {(2, "cc-kinh-te"): 23, (3, "quan-su"): 24, (4, "tram-y-te"): 22, (5, "cc-kinh-te"): 23}
NEVER_SENT = {(5, "quan-su"), (5, "tram-y-te")}
# Reports the office still has to decide on 10/06: sent in May, neither accepted nor returned.
WAITING = {(5, "cc-kinh-te"), (5, "cc-tu-phap")}

# (month, unit): (day returned, reason, day sent again or None when the unit has still to fix it)
RETURNS = {
    (2, "cc-do-thi"): (date(2023, 2, 20), "Chưa nêu khối lượng đã thực hiện của các công trình xây dựng cơ bản; "
                                          "đề nghị bổ sung số liệu theo biên bản nghiệm thu.", date(2023, 2, 22)),
    (4, "cc-ke-toan"): (date(2023, 4, 18), "Số thu ngân sách lũy kế chưa khớp với số liệu của Kho bạc Nhà nước; "
                                           "đề nghị đối chiếu lại trước khi gửi.", date(2023, 4, 20)),
    (5, "cc-dia-chinh"): (date(2023, 5, 22), "Kết quả cấp giấy chứng nhận quyền sử dụng đất chưa ghi số hồ sơ đã "
                                             "trả cho công dân; đề nghị bổ sung.", None),
}

# (month, unit): {(task code, row order): day the unit finished the work}
FINISHED = {
    (3, "cc-tu-phap"): {("II.5.2", 0): date(2023, 3, 10)},
    # The first milestone of I.7.1 was due at the end of Quarter 1: finished five days late.
    (4, "van-phong-tk"): {("I.7.1", 0): date(2023, 4, 5)},
    (5, "cong-an"): {("II.5.4", 0): date(2023, 5, 10)},
    (5, "cc-kinh-te"): {("II.1.6", 1): date(2023, 5, 12)},
}

RESULTS = {
    "cc-dia-chinh": "Tiếp nhận, giải quyết {a} hồ sơ đất đai; kiểm tra, lập biên bản {b} trường hợp vi phạm đất đai.",
    "cc-kinh-te": "Chỉ đạo các HTX gieo cấy, chăm sóc lúa vụ Xuân đúng khung lịch thời vụ; phòng trừ sâu bệnh.",
    "cc-do-thi": "Kiểm tra trật tự xây dựng, lập biên bản {b} trường hợp xây dựng không phép; đôn đốc thi công "
                 "đường giao thông nội đồng.",
    "cc-ke-toan": "Thu ngân sách trong tháng đạt tiến độ; chi thường xuyên đúng dự toán được giao.",
    "cc-tu-phap": "Đăng ký khai sinh {a} trường hợp, khai tử {b} trường hợp; chứng thực {a}0 bản sao.",
    "cc-van-hoa-xa-hoi": "Chi trả trợ cấp xã hội kịp thời cho các đối tượng bảo trợ; tuyên truyền phong trào "
                         "Toàn dân đoàn kết xây dựng đời sống văn hóa.",
    "van-phong-tk": "Tổng hợp báo cáo tháng; tiếp nhận, trả kết quả thủ tục hành chính đúng hạn.",
    "cong-an": "Tuần tra, kiểm soát bảo đảm an ninh trật tự; tiếp nhận, giải quyết {b} vụ việc.",
    "tram-y-te": "Tiêm chủng mở rộng đúng lịch; khám, chữa bệnh cho {a}0 lượt người.",
    "quan-su": "Huấn luyện dân quân năm 2023; phối hợp tổ chức giao nhận quân.",
}

# June, by 10/06: who has sent, who has a draft, and what waits for a leader.
JUNE_SENT = {"cong-an": date(2023, 6, 8), "cc-do-thi": date(2023, 6, 9), "cc-ke-toan": date(2023, 6, 9)}
JUNE_DRAFTS = {"cc-dia-chinh": date(2023, 6, 9), "cc-kinh-te": date(2023, 6, 8)}
# (unit, task code, row order): what the unit raises for the leader who directs the row.
RAISED = {
    ("cong-an", "I.7.3", 0): {
        "obstacles": "Hệ thống camera an ninh tại 4 xóm hư hỏng, chưa có kinh phí sửa chữa.",
        "proposals": "Đề nghị Chủ tịch UBND xã bố trí 120 triệu đồng sửa chữa camera an ninh trong quý III."},
    ("cc-do-thi", "I.1.1", 2): {
        "obstacles": "Một số hộ tại xóm 5 chưa đồng thuận phương án hiến đất mở rộng đường giao thông.",
        "proposals": "Đề nghị đồng chí Phó Chủ tịch phụ trách kinh tế chủ trì đối thoại với các hộ dân."},
}
# A coordinating unit's input on a row another unit leads: Đô thị helps Địa chính on I.1.1.
COORDINATING = {("cc-do-thi", "I.1.1", 1): "Phối hợp đo đạc, cắm mốc giới quy hoạch khu dân cư xóm 7."}

class Arising(TypedDict):
    day: date
    kind: str
    number: str
    issued_on: date
    issuer: str
    title: str
    task: str
    deadline: str
    leader: str
    lead: str
    coordinating: str
    reason: str


# A task that arose during the year, directed by the Vice-Chairman for the economy, still open past its deadline.
ARISING: Arising = {
    "day": date(2023, 4, 10), "kind": "conclusion", "number": "27/TB-UBND", "issued_on": date(2023, 4, 7),
    "issuer": "UBND xã Hưng Đông", "title": "Thông báo kết luận giao ban tháng 4/2023",
    "task": "Thống kê diện tích lúa vụ Xuân bị ảnh hưởng do rầy nâu, đề xuất hỗ trợ thuốc bảo vệ thực vật",
    "deadline": "Trước ngày 31/5/2023", "leader": "pct-kinh-te", "lead": "cc-kinh-te", "coordinating": "cac-htx",
    "reason": "Nhiệm vụ giao tại giao ban tháng 4/2023",
}

# Indicator values: code → (entered by, [(month, value)], cumulative, explanation when it falls short).
INDICATORS = {
    # Lũy kế thu ngân sách (đồng), on pace with 46.341.000.000 đồng a year.
    "I.4": ("ketoan", [(1, Decimal("3100000000")), (2, Decimal("7400000000")), (3, Decimal("12000000000")),
                       (4, Decimal("16200000000")), (5, Decimal("21500000000"))], True, ""),
    "II.10": ("vanhoa", [(3, Decimal("97.2")), (4, Decimal("97.5")), (5, Decimal("97.8"))], False, ""),
    "IV.4": ("tuphap", [(4, Decimal("100")), (5, Decimal("100"))], False, ""),
    "II.8": ("vanhoa", [(5, Decimal("0.18"))], False,
             "Phát sinh 2 hộ nghèo mới do ốm đau dài ngày và tai nạn lao động; xã đang hỗ trợ vay vốn, sinh kế để "
             "thoát nghèo trong quý IV."),
}
