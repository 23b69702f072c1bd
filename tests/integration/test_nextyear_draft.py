"""Next year's draft from the sample's 2023 plan: the DOCX read back, the round trip through the real importer, the
rows linked across years, the history on the task page, and who may draft.

The cycle seeded here, by hand: two dated rows completed (I.1.3 "Trước tháng 5/2023" and I.5.3 "Năm 2023"), so they
stay behind; the recurring rows of I.4.2 completed too, and still go ("Thường xuyên trong năm 2023"); only the first
of I.3.3's two milestones completed, so it goes as unfinished. Indicator values: I.1 985 tỷ đồng for the year, II.8
0,1% in November, II.4 met for the year; two components too: I.1.1 (a footnote part) 80,5 tỷ đồng in October, I.4.1
(a "trong đó" part) 38.000.000.000 đồng for the year.
"""
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from docx import Document

from audit.models import LogEntry
from indicators.models import IndicatorValue, Target
from plans.models import Assignment, Plan
from plans.services.importer import import_plan
from reports.models import Completion

DRAFT_DAY = "2023-12-20 09:00 +0700"
SAMPLE_ROWS = 69  # assignment rows of the sample plan, counted task by task in its table (I: 40, II: 29)
SCHOOLS = ("Giữ vững danh hiệu trường đạt chuẩn Quốc gia. Chỉ đạo các trường chuẩn bị tốt các tiêu chí để thẩm định "
           "lại danh hiệu trường chuẩn quốc gia")
SECURITY = ("Xây dựng xã đạt tiêu chuẩn xã an toàn làm chủ, sẵn sàng chiến đấu vững mạnh toàn diện. Giữ vững danh "
            "hiệu đơn vị Quyết thắng")


def _row(plan, code, order=1):
    return Assignment.objects.get(node__plan=plan, node__code=code, order=order)


def _complete(row, *days):
    for index, day in enumerate(days):
        Completion.objects.create(assignment=row, milestone=index, completed_on=day, accepted_on=day)


def _value(plan, code, kind, number, value=None, met=None):
    IndicatorValue.objects.create(indicator=plan.indicators.get(code=code), period_kind=kind, period_year=2023,
                                  period_number=number, value=value, met=met, entered_at=timezone.now())


@pytest.fixture
def cycle(plan):
    _complete(_row(plan, "I.1.3"), date(2023, 4, 20))
    _complete(_row(plan, "I.5.3"), date(2023, 11, 30))
    _complete(_row(plan, "I.4.2", 1), date(2023, 12, 10))
    _complete(_row(plan, "I.4.2", 2), date(2023, 12, 10))
    _complete(_row(plan, "I.3.3"), date(2023, 7, 25))  # the first of two milestones only
    _value(plan, "I.1", "year", 1, Decimal("985"))
    _value(plan, "II.8", "month", 11, Decimal("0.1"))
    _value(plan, "II.4", "year", 1, met=True)
    _value(plan, "I.1.1", "month", 10, Decimal("80.5"))
    _value(plan, "I.4.1", "year", 1, Decimal("38000000000"))
    return plan


@pytest.fixture
def draft(client, cycle, personas):
    client.force_login(personas["office"])
    with time_machine.travel(DRAFT_DAY, tick=False):
        response = client.post(reverse("nextyear_docx", kwargs={"pk": cycle.pk}))
    assert response.status_code == 200
    return response.getvalue()


@pytest.fixture
def imported(draft, commune):
    with time_machine.travel(DRAFT_DAY, tick=False):
        return import_plan(commune, draft, "du-thao-ke-hoach-2024.docx").plan


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(BytesIO(data)).paragraphs]


def test_the_draft_has_the_decree_30_header_title_and_signature(draft):
    document = Document(BytesIO(draft))
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header[0].split("\n")[:2] == ["ỦY BAN NHÂN DÂN", "XÃ HƯNG ĐÔNG"] and "Số: …/KH-UBND" in header[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc" in header[1]
    assert header[1].endswith("Hưng Đông, ngày 20 tháng 12 năm 2023")
    paragraphs = _paragraphs(draft)
    assert paragraphs.index("KẾ HOẠCH") + 1 == paragraphs.index("Phát triển kinh tế - xã hội năm 2024")
    signature = document.tables[2].rows[0].cells[1].text.split("\n")
    assert signature[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] and signature[-1] == "Trần Anh Tấn"


def test_the_task_table_carries_unfinished_and_recurring_rows_with_next_years_deadlines(draft):
    table = Document(BytesIO(draft)).tables[1]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["TT", "NHIỆM VỤ", "GIẢI PHÁP", "PHÂN CÔNG CHỈ ĐẠO", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP",
                        "THỜI GIAN HOÀN THÀNH"]
    titles = [row[1] for row in cells]
    assert not any(t.startswith("Xây dựng Báo cáo nửa nhiệm kỳ") for t in titles)       # I.1.3, done
    assert not any(t.startswith("Đầu tư xây dựng các công trình ngập úng") for t in titles)  # I.5.3, done
    milestones = next(row for row in cells if row[1].startswith("Tổ chức triển khai thực hiện và tổng kết"))
    assert milestones[0] == "3.3" and milestones[6] == "Cuối tháng 7 và tháng 10/2024"
    revenue = next(i for i, row in enumerate(cells) if row[1].startswith("Duy trì các nguồn thu"))
    assert [cells[revenue][6], cells[revenue + 1][6]] == ["Thường xuyên trong năm 2024"] * 2
    assert cells[revenue + 1][:2] == ["", ""]  # a task's second row leaves TT and NHIỆM VỤ empty
    # Group II.4 of 2023 skips 4.4: the draft numbers without gaps, so 4.5 (an sinh xã hội) becomes 4.4.
    welfare = next(row for row in cells if row[1].startswith("Chăm lo thực hiện tốt công tác an sinh xã hội"))
    assert welfare[0] == "4.4"
    first = next(row for row in cells if row[1].startswith("Tiếp tục huy động các nguồn lực từ cấp trên"))
    assert first[3:] == ["Chủ tịch UBND", "Công chức Văn phòng - Thống kê", "Các cán bộ, công chức",
                         "Đảm bảo theo yêu cầu, tiến độ cấp trên giao"]  # external: kept word for word


def test_the_appendix_gives_this_years_actual_as_the_base_and_leaves_the_target_blank(draft):
    paragraphs = _paragraphs(draft)
    appendix = paragraphs[paragraphs.index("Phụ lục I"):]
    assert appendix[1] == "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2024"
    assert "I. CÁC CHỈ TIÊU KINH TẾ" in appendix
    assert ("1. Tổng giá trị sản xuất gia tăng: … tỷ đồng, tăng …% so với năm 2023 ¹ "
            "(thực hiện năm 2023: 985 tỷ đồng)") in appendix
    assert "8. Tỷ lệ hộ nghèo: dưới …% (thực hiện tháng 11/2023: 0,1%)" in appendix
    assert "4. Giữ vững danh hiệu xã đạt bộ tiêu chí quốc gia về y tế: … (thực hiện năm 2023: Đạt)" in appendix
    assert "7. Huy động nội lực trong nhân dân: … tỷ đồng (chưa có số liệu thực hiện năm 2023)" in appendix


def test_the_appendix_writes_the_components_where_the_plan_printed_them(draft):
    paragraphs = _paragraphs(draft)
    appendix = paragraphs[paragraphs.index("Phụ lục I"):]
    # "trong đó" in the line, after the total's own figure and its bracket, as the sample prints I.4.
    assert ("4. Tổng thu ngân sách xã: … đồng (chưa có số liệu thực hiện năm 2023), trong đó thu đầu tư xây dựng "
            "cơ bản: … đồng (thực hiện năm 2023: 38.000.000.000 đồng), thu thường xuyên: … đồng") in appendix
    # A list of measures stays a list; a structure keeps its name before its parts.
    assert "3. Giá trị gia tăng bình quân hộ: … triệu đồng/hộ/năm; Bình quân đầu người: … triệu đồng/người/năm" \
        in appendix
    assert "2. Cơ cấu kinh tế chuyển dịch theo hướng: Xây dựng: …%; Dịch vụ: …%; Công nghiệp: …%; Nông nghiệp: …%" \
        in appendix
    # Footnote breakdowns go back into footnotes below the last group, marked in the order they appear.
    assert appendix[-2:] == [
        "¹ Trong đó: Nông nghiệp: … tỷ đồng, chiếm …% (thực hiện tháng 10/2023: 80,5 tỷ đồng); Công nghiệp: … tỷ "
        "đồng, chiếm …%; Xây dựng: … tỷ đồng, chiếm …%; Dịch vụ: … tỷ đồng, chiếm …%",
        "² Trong đó: Công trình xây dựng cơ bản: … tỷ đồng; Công trình khai thác quỹ đất: … tỷ đồng; Công trình "
        "huy động nội lực: … tỷ đồng"]
    assert "6. Tổng giá trị khối lượng thực hiện các công trình dự năm 2023: … tỷ đồng ² (chưa có số liệu thực hiện " \
           "năm 2023)" in appendix


def test_the_export_is_audited(draft, cycle):
    entry = LogEntry.objects.get(action="plan.next_year_drafted")
    assert entry.data["year"] == 2024 and entry.data["judged_on"] == "2023-12-20"
    # 69 rows less the two completed dated rows (I.1.3, I.5.3); the recurring ones are counted among them.
    assert entry.data["unfinished"] + entry.data["recurring"] == SAMPLE_ROWS - 2


def _tree(plan):
    """(depth, title, [(solutions, leaders, lead units, coordinating units, deadline text)]) in document order."""
    found = []
    for node in plan.nodes.order_by("order"):
        depth = node.code.count(".")
        rows = [([s.text for s in a.solutions.all()],
                 *[[r.entry_id for r in a.refs.all() if r.role == role] for role in ("leader", "lead", "coordinating")])
                for a in node.assignments.order_by("order")]
        found.append((depth, node.title, rows))
    return found


def test_importing_the_draft_gives_back_the_carried_tree_rows_and_indicators(cycle, imported):
    assert (imported.year, imported.title) == (2024, "Kế hoạch Phát triển kinh tế - xã hội năm 2024")
    old, new = _tree(cycle), _tree(imported)
    dropped = {"I.1.3", "I.5.3"}
    kept = [item for item, node in zip(old, cycle.nodes.order_by("order"), strict=True) if node.code not in dropped]
    assert new == kept
    for row in Assignment.objects.filter(node__plan=imported):
        before = row.carried_from
        assert before is not None, row
        if before.deadline_kind in ("date", "range") and before.due:
            # "Năm 2023" ends on 31/12/2024 now; "Năm 2023-2025" still ends in 2025.
            moved = before.due.replace(year=2024) if before.due.year == 2023 else before.due
            assert row.due == moved, row.deadline_text
    assert _row(imported, "I.3.3").milestones == ["2024-07-31", "2024-10-31"]


# The sample's appendix, worked out by hand from its text: every indicator with its parent, and what the draft asks
# the leaders to fill (unit, direction, "so với năm 2023") with this year's actual as the base. 25 indicators and
# 21 components: I.1 4 from footnote ¹, I.2 4, I.3 2, I.4 2, I.5 2, I.6 3 from footnote ², II.9 2, III.2 2.
NO_DATA = " (chưa có số liệu thực hiện năm 2023)"
ROUND_TRIP = [
    ("I.1", None, "Tổng giá trị sản xuất gia tăng",
     "Tổng giá trị sản xuất gia tăng: … tỷ đồng, tăng …% so với năm 2023 ¹ (thực hiện năm 2023: 985 tỷ đồng)"),
    ("I.1.1", "I.1", "Nông nghiệp", "Nông nghiệp: … tỷ đồng, chiếm …% (thực hiện tháng 10/2023: 80,5 tỷ đồng)"),
    ("I.1.2", "I.1", "Công nghiệp", "Công nghiệp: … tỷ đồng, chiếm …%"),
    ("I.1.3", "I.1", "Xây dựng", "Xây dựng: … tỷ đồng, chiếm …%"),
    ("I.1.4", "I.1", "Dịch vụ", "Dịch vụ: … tỷ đồng, chiếm …%"),
    ("I.2", None, "Cơ cấu kinh tế chuyển dịch theo hướng",
     "Cơ cấu kinh tế chuyển dịch theo hướng: Xây dựng: …%; Dịch vụ: …%; Công nghiệp: …%; Nông nghiệp: …%"),
    ("I.2.1", "I.2", "Xây dựng", "Xây dựng: …%"),
    ("I.2.2", "I.2", "Dịch vụ", "Dịch vụ: …%"),
    ("I.2.3", "I.2", "Công nghiệp", "Công nghiệp: …%"),
    ("I.2.4", "I.2", "Nông nghiệp", "Nông nghiệp: …%"),
    ("I.3", None, "Giá trị gia tăng bình quân hộ; Bình quân đầu người",
     "Giá trị gia tăng bình quân hộ: … triệu đồng/hộ/năm; Bình quân đầu người: … triệu đồng/người/năm"),
    ("I.3.1", "I.3", "Giá trị gia tăng bình quân hộ", "Giá trị gia tăng bình quân hộ: … triệu đồng/hộ/năm"),
    ("I.3.2", "I.3", "Bình quân đầu người", "Bình quân đầu người: … triệu đồng/người/năm"),
    ("I.4", None, "Tổng thu ngân sách xã",
     f"Tổng thu ngân sách xã: … đồng{NO_DATA}, trong đó thu đầu tư xây dựng cơ bản: … đồng (thực hiện năm 2023: "
     "38.000.000.000 đồng), thu thường xuyên: … đồng"),
    ("I.4.1", "I.4", "Thu đầu tư xây dựng cơ bản",
     "thu đầu tư xây dựng cơ bản: … đồng (thực hiện năm 2023: 38.000.000.000 đồng)"),
    ("I.4.2", "I.4", "Thu thường xuyên", "thu thường xuyên: … đồng"),
    ("I.5", None, "Tổng chi ngân sách xã",
     f"Tổng chi ngân sách xã: … đồng{NO_DATA}, trong đó chi đầu tư phát triển: … đồng, chi thường xuyên: … đồng"),
    ("I.5.1", "I.5", "Chi đầu tư phát triển", "chi đầu tư phát triển: … đồng"),
    ("I.5.2", "I.5", "Chi thường xuyên", "chi thường xuyên: … đồng"),
    ("I.6", None, "Tổng giá trị khối lượng thực hiện các công trình dự năm 2023",
     f"Tổng giá trị khối lượng thực hiện các công trình dự năm 2023: … tỷ đồng ²{NO_DATA}"),
    ("I.6.1", "I.6", "Công trình xây dựng cơ bản", "Công trình xây dựng cơ bản: … tỷ đồng"),
    ("I.6.2", "I.6", "Công trình khai thác quỹ đất", "Công trình khai thác quỹ đất: … tỷ đồng"),
    ("I.6.3", "I.6", "Công trình huy động nội lực", "Công trình huy động nội lực: … tỷ đồng"),
    ("I.7", None, "Huy động nội lực trong nhân dân", f"Huy động nội lực trong nhân dân: … tỷ đồng{NO_DATA}"),
    ("II.1", None, SCHOOLS, f"{SCHOOLS}: …{NO_DATA}"),
    ("II.2", None, "Tỷ lệ xóm văn hóa", f"Tỷ lệ xóm văn hóa: trên …%{NO_DATA}"),
    ("II.3", None, "Tỷ lệ gia đình văn hóa", f"Tỷ lệ gia đình văn hóa: trên …%{NO_DATA}"),
    ("II.4", None, "Giữ vững danh hiệu xã đạt bộ tiêu chí quốc gia về y tế",
     "Giữ vững danh hiệu xã đạt bộ tiêu chí quốc gia về y tế: … (thực hiện năm 2023: Đạt)"),
    ("II.5", None, "Giảm tỷ suất sinh thô", f"Giảm tỷ suất sinh thô: dưới …‰{NO_DATA}"),
    ("II.6", None, "Giảm tỷ lệ sinh con thứ 3 trở lên", f"Giảm tỷ lệ sinh con thứ 3 trở lên: dưới …%{NO_DATA}"),
    ("II.7", None, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng",
     f"Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng: dưới …%{NO_DATA}"),
    ("II.8", None, "Tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo: dưới …% (thực hiện tháng 11/2023: 0,1%)"),
    ("II.9", None, "Tỷ lệ người tập TDTT thường xuyên; Tỷ lệ gia đình thể thao",
     "Tỷ lệ người tập TDTT thường xuyên: …%; Tỷ lệ gia đình thể thao: …%"),
    ("II.9.1", "II.9", "Tỷ lệ người tập TDTT thường xuyên", "Tỷ lệ người tập TDTT thường xuyên: …%"),
    ("II.9.2", "II.9", "Tỷ lệ gia đình thể thao", "Tỷ lệ gia đình thể thao: …%"),
    ("II.10", None, "Tỷ lệ bao phủ bảo hiểm y tế", f"Tỷ lệ bao phủ bảo hiểm y tế: …%{NO_DATA}"),
    ("III.1", None, "Tỷ lệ hộ dân được cấp nước sạch, nước", f"Tỷ lệ hộ dân được cấp nước sạch, nước: …%{NO_DATA}"),
    ("III.2", None, "Tỷ lệ cây xanh đô thị; Tỷ lệ đất giao thông",
     "Tỷ lệ cây xanh đô thị: … m²/người; Tỷ lệ đất giao thông: …%"),
    ("III.2.1", "III.2", "Tỷ lệ cây xanh đô thị", "Tỷ lệ cây xanh đô thị: … m²/người"),
    ("III.2.2", "III.2", "Tỷ lệ đất giao thông", "Tỷ lệ đất giao thông: …%"),
    ("III.3", None, "Tỷ lệ rác thải ở đô thị được thu gom", f"Tỷ lệ rác thải ở đô thị được thu gom: …%{NO_DATA}"),
    ("IV.1", None, SECURITY, f"{SECURITY}: …{NO_DATA}"),
    ("IV.2", None, "Tỷ lệ xóm đảm bảo về an ninh trật tự", f"Tỷ lệ xóm đảm bảo về an ninh trật tự: trên …%{NO_DATA}"),
    ("IV.3", None, "Tỷ lệ xóm sạch không có ma túy", f"Tỷ lệ xóm sạch không có ma túy: trên …%{NO_DATA}"),
    ("IV.4", None, "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo của công dân",
     f"Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo của công dân: …%{NO_DATA}"),
    ("IV.5", None, "Xây dựng xã đạt chuẩn tiếp cận pháp luật năm 2023",
     f"Xây dựng xã đạt chuẩn tiếp cận pháp luật năm 2023: …{NO_DATA}"),
]


def _indicator_tree(plan):
    return [(i.code, i.parent.code if i.parent else None, i.name)
            for i in plan.indicators.select_related("parent").order_by("order")]


def test_importing_the_draft_gives_back_the_whole_indicator_tree(cycle, imported):
    assert len(ROUND_TRIP) == 25 + 21
    expected = [(code, parent, name) for code, parent, name, _ in ROUND_TRIP]
    assert _indicator_tree(cycle) == expected   # the sample as this year's plan holds it
    assert _indicator_tree(imported) == expected
    # Units, directions, bases: what the leaders are asked to fill, as the imported plan keeps it printed.
    assert [(i.code, i.text) for i in imported.indicators.order_by("order")] == [
        (code, text) for code, _, _, text in ROUND_TRIP]


def test_the_draft_targets_are_left_for_a_person_not_guessed(cycle, imported):
    assert not Target.objects.filter(indicator__plan=imported).exists()
    flagged = dict(imported.anomalies.filter(kind="indicator").values_list("where", "message"))
    tops = [code for code, parent, _, _ in ROUND_TRIP if parent is None]
    assert set(flagged) == {f"Phụ lục I, {code}" for code in tops}   # a component is shown at its indicator
    assert flagged["Phụ lục I, II.8"] == "Chưa điền mục tiêu cần đạt của «Tỷ lệ hộ nghèo»: «dưới …%»"
    assert flagged["Phụ lục I, I.4"] == (
        "Chưa điền mục tiêu cần đạt của «Tổng thu ngân sách xã»: «… đồng»; Chưa điền mục tiêu cần đạt của «thu đầu "
        "tư xây dựng cơ bản»: «… đồng»; Chưa điền mục tiêu cần đạt của «thu thường xuyên»: «… đồng»")


@time_machine.travel(DRAFT_DAY, tick=False)
def test_the_export_counts_every_indicator_it_writes(client, cycle, personas):
    client.force_login(personas["office"])
    client.post(reverse("nextyear_docx", kwargs={"pk": cycle.pk}))
    assert LogEntry.objects.get(action="plan.next_year_drafted").data["indicators"] == 25 + 21


def test_the_task_page_lists_the_rows_previous_year(client, cycle, imported, personas):
    client.force_login(personas["viewer"])
    task = imported.nodes.get(title__startswith="Tổ chức triển khai thực hiện và tổng kết")
    with time_machine.travel(DRAFT_DAY, tick=False):
        page = client.get(reverse("task_detail", kwargs={"pk": imported.pk, "code": task.code}))
    text = page.content.decode()
    assert "Lịch sử qua các năm" in text
    assert reverse("task_detail", kwargs={"pk": cycle.pk, "code": "I.3.3"}) in text
    # I.3.3: milestone 31/10/2023 missed with only July's done, judged on 20/12/2023.
    assert "Chưa hoàn thành, quá hạn" in text


def test_a_task_of_a_plan_with_no_previous_year_says_so(client, cycle, personas):
    client.force_login(personas["office"])
    page = client.get(reverse("task_detail", kwargs={"pk": cycle.pk, "code": "I.3.3"}))
    assert "không tiếp nối nhiệm vụ nào của năm trước" in page.content.decode()


@pytest.mark.parametrize("name,method", [("nextyear_preview", "get"), ("nextyear_docx", "post")])
def test_only_the_office_of_the_commune_drafts(client, plan, other_commune, personas, name, method):
    url = reverse(name, kwargs={"pk": plan.pk})
    client.force_login(personas["office"])
    assert getattr(client, method)(url).status_code == 200
    for persona in ("viewer", "owner", "other_unit", "chairman"):
        client.force_login(personas[persona])
        assert getattr(client, method)(url).status_code == 403, persona
    client.force_login(personas["outsider"])
    assert getattr(client, method)(url).status_code == 404


def test_the_draft_is_sent_by_a_form_and_a_get_writes_nothing(client, plan, personas):
    client.force_login(personas["office"])
    url = reverse("nextyear_docx", kwargs={"pk": plan.pk})
    page = client.get(reverse("nextyear_preview", kwargs={"pk": plan.pk})).content.decode()
    assert f'<form method="post" action="{url}"' in page and "csrfmiddlewaretoken" in page
    old_link = client.get(url)  # a link saved before the button was a form: led to the preview, nothing written
    assert old_link.status_code == 302 and old_link["Location"] == reverse("nextyear_preview", kwargs={"pk": plan.pk})
    assert not LogEntry.objects.filter(action="plan.next_year_drafted").exists()
    assert client.post(url).status_code == 200
    assert LogEntry.objects.filter(action="plan.next_year_drafted").count() == 1


@time_machine.travel(DRAFT_DAY, tick=False)
def test_the_preview_counts_what_goes_over(client, cycle, personas):
    client.force_login(personas["office"])
    text = client.get(reverse("nextyear_preview", kwargs={"pk": cycle.pk})).content.decode()
    assert "Dự thảo kế hoạch năm 2024" in text and "ngày 20 tháng 12 năm 2023" in text
    assert "Cuối tháng 7 và tháng 10/2024" in text
    assert "<strong>46</strong> chỉ tiêu" in text   # 25 indicators and their 21 components
    assert "¹ Trong đó: Nông nghiệp: … tỷ đồng, chiếm …% (thực hiện tháng 10/2023: 80,5 tỷ đồng)" in text
    assert not LogEntry.objects.filter(action="plan.next_year_drafted").exists()  # a preview writes nothing


def test_the_draft_of_a_plan_is_imported_as_a_new_year_not_a_version(cycle, imported):
    assert Plan.objects.filter(commune=cycle.commune, is_current=True).count() == 2
