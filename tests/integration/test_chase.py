"""The office's chase page and the reminder letter (Decree 30 DOCX), on 22/08/2023 for the August period."""
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from communes.models import DirectoryEntry
from reports.models import Reminder, ReportState, UnitReport
from reports.services import cycle, periods

# On 22/08/2023 the August period is judged at its cut-off, 14/08 (Decree 09/2019 Art. 12; issue 12 item 3, one
# truth per count): I.7.1 (1) missed its 31/03 milestone 30+31+30+31+14 = 136 days before; I.3.3 its 31/07 one 14.
# The pages open on the month being reported, September (August's report day, 20/08, has passed), so August is
# asked for by ?ky=.
TODAY = "2023-08-22 10:00 +0700"


@pytest.fixture
def august(plan, personas):
    commune = plan.commune
    period = periods.ensure_period(commune, 2023, 8)
    land = DirectoryEntry.objects.get(commune=commune, key="cc-dia-chinh")
    report = cycle.open_report(period, land, plan)
    UnitReport.objects.filter(pk=report.pk).update(state=ReportState.SUBMITTED, submitted_at="2023-08-18 09:00+07:00")
    office_unit = DirectoryEntry.objects.get(commune=commune, key="van-phong-tk")
    office_unit.email = "vanphong@hungdong.test"
    office_unit.save()
    Reminder.objects.create(period=period, unit=office_unit, kind="before_5", sent_at="2023-08-15 07:15+07:00",
                            recipients="vanphong@hungdong.test")
    return period


def get(client, user, name, **params):
    client.force_login(user)
    with time_machine.travel(TODAY, tick=False):
        return client.get(reverse(name), params)


def draft_letter(client, user, **fields):
    """What the chase page's «Soạn công văn đôn đốc» button sends: a POST (drafting is recorded as an act)."""
    client.force_login(user)
    with time_machine.travel(TODAY, tick=False):
        return client.post(reverse("reminder_letter"), fields)


def test_the_office_sees_laggards_overdue_rows_and_reminders(client, personas, august):
    response = get(client, personas["office"], "chase_list", ky=august.pk)
    assert response.status_code == 200
    names = [item.unit.name for item in response.context["laggards"]]
    assert "Công chức Văn phòng - Thống kê" in names and "Công chức Địa chính" not in names
    assert len(names) == 9  # ten units lead rows; Địa chính has reported
    overdue = [([u.key for u in r.units], r.assignment.node.code, r.status.days_overdue)
               for r in response.context["overdue"]]
    # I.1.3 ("Trước tháng 5/2023", due 30/04: 31 + 30 + 31 + 14 = 106 days) is led by "Các CBCC, đơn vị đã được
    # giao nhiệm vụ", no one unit; it is overdue all the same, and counted once like every row.
    assert overdue == [(["van-phong-tk"], "I.7.1", 136), ([], "I.1.3", 106), (["van-phong-tk"], "I.3.3", 14)]
    assert response.context["tally"].overdue == 3
    content = response.content.decode()
    assert "Đôn đốc báo cáo tiến độ tháng 08/2023" in content
    assert "hạn nộp ngày 20 tháng 8 năm 2023" in content and "đã quá hạn" in content
    assert content.index("136 ngày") < content.index("14 ngày")  # oldest first
    assert "Chủ tịch UBND" in content  # I.7.1's directing leader
    assert "8 đơn vị chưa có thư điện tử" in content and "chưa có thư điện tử" in content
    assert "Trước hạn 5 ngày" in content and "vanphong@hungdong.test" in content
    form = content[content.index('<form method="post" action'):]
    assert f'<form method="post" action="{reverse("reminder_letter")}"' in form
    assert f'<input type="hidden" name="ky" value="{august.pk}">' in form and "csrfmiddlewaretoken" in form


@pytest.mark.parametrize("persona", ["chairman", "vice"])
def test_the_leaders_see_it_too(client, personas, august, persona):
    assert get(client, personas[persona], "chase_list").status_code == 200


@pytest.mark.parametrize("persona", ["owner", "viewer"])
def test_a_unit_officer_or_a_viewer_gets_403(client, personas, august, persona):
    assert get(client, personas[persona], "chase_list").status_code == 403
    assert draft_letter(client, personas[persona]).status_code == 403


def test_another_commune_never_sees_this_one(client, personas, august):
    outsider = personas["outsider"]
    assert get(client, outsider, "chase_list", ky=august.pk).status_code == 404
    assert draft_letter(client, outsider, ky=august.pk).status_code == 404
    response = get(client, outsider, "chase_list")
    assert response.status_code == 200 and "Công chức Văn phòng - Thống kê" not in response.content.decode()


def texts(document) -> list[str]:
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [p.text for cell in row.cells for p in cell.paragraphs]
    return lines


def test_the_letter_in_decree_30_layout(client, personas, august):
    response = draft_letter(client, personas["office"], ky=august.pk)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="cong-van-don-doc-2023-08.docx"'
    document = Document(BytesIO(response.getvalue()))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size == Pt(14)
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs if p.text][:2] == ["ỦY BAN NHÂN DÂN", "XÃ HƯNG ĐÔNG"]
    assert all(run.bold for run in left.paragraphs[0].runs)
    assert "Số: …/UBND-VP" in [p.text for p in left.paragraphs]
    assert "V/v đôn đốc báo cáo tiến độ thực hiện Kế hoạch phát triển kinh tế - xã hội" in left.paragraphs[-1].text
    lines = [p.text for p in right.paragraphs if p.text]
    assert lines == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Hưng Đông, ngày 22 tháng 8 năm 2023"]  # issue 11 item 14: no zero on month 8
    assert right.paragraphs[-1].runs[0].italic
    all_text = texts(document)
    assert "Kính gửi:" in all_text and "- Công chức Văn phòng - Thống kê;" in all_text
    assert not any("Công chức Địa chính" in line for line in all_text)  # it has reported
    body = next(p for p in document.paragraphs if p.text.startswith("Thực hiện Kế hoạch"))
    assert body.text.startswith("Thực hiện Kế hoạch số …/KH-UBND ngày 30 tháng 12 năm 2022 của UBND xã Hưng Đông "
                                "về phát triển kinh tế - xã hội năm 2023; theo mục V")
    assert "trước ngày 20 hằng tháng." in body.text
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and round(body.paragraph_format.first_line_indent.cm, 2) == 1.27
    overdue = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert overdue[0] == ["STT", "Đơn vị chủ trì", "Mã", "Nhiệm vụ", "Thời hạn", "Số ngày quá hạn"]
    assert overdue[1][:3] == ["1", "Công chức Văn phòng - Thống kê", "I.7.1"] and overdue[1][5] == "136"
    assert any("trước ngày 25 tháng 8 năm 2023" in line for line in all_text)
    signature = [p.text for cell in document.tables[-1].rows[0].cells for p in cell.paragraphs if p.text]
    assert signature[0] == "Nơi nhận:"
    assert signature[-3:] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Anh Tấn"]


def test_a_month_not_opened_yet_lists_its_overdue_rows_and_writes_nothing(client, plan, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.models import ReportingPeriod

    client.force_login(personas["office"])
    with time_machine.travel("2023-06-10 09:00 +0700", tick=False), CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("chase_list")).content.decode()
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(
        ("INSERT", "UPDATE", "DELETE"))]
    assert not writes and not ReportingPeriod.objects.exists()
    # I.1.3 of the sample is due before May 2023 (30/04): on 10/06 it is open and 41 days overdue.
    assert 'id="not-opened"' in page and "I.1.3" in page and "41" in page


def test_drafting_the_letter_is_a_recorded_post_and_a_get_writes_nothing(client, personas, august):
    from django.test import Client

    from audit.models import LogEntry

    old_link = get(client, personas["office"], "reminder_letter", ky=august.pk)  # a link saved before the form
    assert old_link.status_code == 302 and old_link["Location"] == reverse("chase_list") + f"?ky={august.pk}"
    assert not LogEntry.objects.filter(action="reminder.letter_drafted").exists()
    strict = Client(enforce_csrf_checks=True)  # another site cannot make the office draft letters
    assert draft_letter(strict, personas["office"], ky=august.pk).status_code == 403
    assert draft_letter(client, personas["office"], ky=august.pk).status_code == 200
    entry = LogEntry.objects.get(action="reminder.letter_drafted")
    assert (entry.actor, entry.commune_id, entry.data) == (personas["office"], august.commune_id,
                                                           {"period": "Tháng 08/2023"})
