"""The reminder letter (công văn đôn đốc) to the units that have not reported, drafted as DOCX in Decree 30 layout.

It is a draft for the office: the number is left for the clerk (văn thư) to fill in at issuance.
"""
from datetime import date, timedelta

from django.db.models import prefetch_related_objects
from docx.shared import Cm

from theodoi import decree30 as d30
from theodoi import formatting as fmt

from ..queries import chase, rates

EXCERPT = "V/v đôn đốc báo cáo tiến độ thực hiện Kế hoạch phát triển kinh tế - xã hội"
NUMBER = "…/UBND-VP"
DAYS_TO_REPLY = 3
COPIES = ["- Như trên;", "- Chủ tịch, các Phó Chủ tịch UBND;", "- Lưu: VT, VP."]
# 16.5 cm, the text width; "Số ngày quá hạn" and "Thời hạn" are wide enough for "1.341" and "30/04/2023".
TABLE = (("STT", Cm(1.3)), ("Đơn vị chủ trì", Cm(2.8)), ("Mã", Cm(1.6)), ("Nhiệm vụ", Cm(5.8)),
         ("Thời hạn", Cm(2.9)), ("Số ngày quá hạn", Cm(2.1)))
TASK_NAME_LIMIT = 160


def commune_short(commune) -> str:
    return d30.committee_short(commune)


def plan_citation(plan) -> str:
    return d30.plan_citation(plan)


def citation_paragraph(plan) -> str:
    return (f"Thực hiện {plan_citation(plan)}; theo mục V (Tổ chức thực hiện) của Kế hoạch, các ban, ngành, đơn vị "
            f"được giao nhiệm vụ có trách nhiệm báo cáo kết quả, tiến độ triển khai thực hiện cho "
            f"{commune_short(plan.commune)} (qua công chức Văn phòng - Thống kê) trước ngày "
            f"{plan.commune.report_day} hằng tháng.")


def situation_paragraph(period, today: date, count: int) -> str:
    label = str(period).lower()
    if today > period.deadline:
        return (f"Đến {fmt.long_date(today)}, đã quá hạn gửi báo cáo tiến độ {label} "
                f"({fmt.long_date(period.deadline)}) nhưng còn {count} đơn vị chưa gửi báo cáo.")
    return (f"Đến {fmt.long_date(today)}, còn {count} đơn vị chưa gửi báo cáo tiến độ {label} "
            f"(hạn gửi {fmt.long_date(period.deadline)}).")


def request_paragraph(plan, period, reply_by: date) -> str:
    return (f"{commune_short(plan.commune)} đề nghị các đơn vị nêu trên khẩn trương hoàn thành, gửi báo cáo tiến độ "
            f"thực hiện Kế hoạch {str(period).lower()} về {commune_short(plan.commune)} (qua công chức Văn phòng - "
            f"Thống kê hoặc trên hệ thống theodoi) trước {fmt.long_date(reply_by)}; đối với các nhiệm vụ đã quá hạn, "
            f"báo cáo rõ kết quả, nguyên nhân chậm, khó khăn, vướng mắc và đề xuất giải pháp, thời gian hoàn thành.")


def counts_paragraph(period, tally: rates.Tally) -> str:
    """The same numbers as the chase page, the dashboard and the report (rates.tally), at the same day."""
    return (f"Tính đến {fmt.long_date(tally.judged_on)}, trong tổng số {fmt.number(tally.total)} nhiệm vụ được phân "
            f"công có {fmt.number(tally.on_time)} nhiệm vụ hoàn thành đúng hạn và {fmt.number(tally.overdue)} nhiệm "
            f"vụ chưa hoàn thành, quá hạn; kỳ {str(period).lower()} có {fmt.number(tally.on_time_reports)}/"
            f"{fmt.number(tally.expected)} đơn vị gửi báo cáo đúng hạn.")


CLOSING = ("Kết quả thực hiện chế độ báo cáo là căn cứ để đánh giá, xếp loại và bình xét thi đua, khen thưởng "
           "cuối năm. Đề nghị các đơn vị nghiêm túc thực hiện./.")


def overdue_table_rows(overdue, judged_on: date) -> list[list[str]]:
    """One line per overdue row led by an addressee, naming those of its lead units the letter goes to."""
    return [[str(index), row.lagging_names, row.assignment.node.code, task_cell(row),
             fmt.due_words(row.assignment, row.status, judged_on), fmt.number(row.status.days_overdue)]
            for index, row in enumerate(overdue, 1)]


def task_cell(row) -> str:
    """The task's name cut at a word, and which of its rows this is, so two rows of one task never look alike."""
    numbers = [s.number for s in row.assignment.solutions.all()]
    return f"{fmt.shorten(row.assignment.node.title, TASK_NAME_LIMIT)} ({fmt.row_tag(numbers, row.unit_names)})"


def reminder_letter(plan, period, today: date) -> bytes:
    found = chase.chase_of(plan, period, today)
    laggards = found.laggards
    tally = rates.month_tally(plan, period, today)
    overdue = [row for row in found.overdue if row.lagging]
    prefetch_related_objects([row.assignment for row in overdue], "solutions")
    commune = plan.commune
    document = d30.new_document()
    d30.page_numbers(document)
    d30.header(document, d30.Heading(
        issuer=d30.issuer_lines(commune), number=NUMBER,
        place=commune.name, day=today, excerpt=EXCERPT))
    d30.addressees(document, [item.unit.name for item in laggards] or ["Các ban, ngành, đơn vị liên quan"])
    d30.body_paragraph(document, citation_paragraph(plan))
    d30.body_paragraph(document, situation_paragraph(period, today, len(laggards)))
    d30.body_paragraph(document, counts_paragraph(period, tally))
    if overdue:
        d30.body_paragraph(document, "Trong đó, các nhiệm vụ sau do các đơn vị nêu trên chủ trì đã quá thời hạn hoàn "
                                     "thành theo Kế hoạch nhưng chưa được công nhận hoàn thành:")
        d30.grid_table(document, [h for h, _ in TABLE], overdue_table_rows(overdue, tally.judged_on),
                       [w for _, w in TABLE])
    d30.body_paragraph(document, request_paragraph(plan, period, today + timedelta(days=DAYS_TO_REPLY)))
    d30.body_paragraph(document, CLOSING)
    d30.signature_block(document, COPIES, d30.signer_lines(plan.signer_title), plan.signer_name)
    return d30.to_bytes(document)
