"""A seeded year of the sample plan, evaluated: each level can be followed to the rows and reports behind it.

Địa chính's year (7 rows it leads; every date frozen, every step through reports.services.cycle):
- January: submitted on time, returned once, resubmitted and accepted (all rows in progress);
- February: submitted late (22/02, after the 20th);
- June: I.1.1/2 and II.3.1 done, accepted 16/06 → on time (due 31/12);
- August: I.4.4, whose deadline the office moved to 30/06, reported done 09/08 and accepted 10/08 → 40 days late
  (done is the day the unit reports the work finished, issue 11 item 12);
- December: I.4.1/3, I.5.1/1 and I.5.1/2 done, accepted 18/12 → on time; II.3.2 stays open → overdue at year end.
So 5 on time, 1 late, 1 open and overdue: 2 of 7 (28,6%) not on schedule, not more than 50% (Art. 11 cl. 1 b does
not apply), but one task is not done, so Art. 10 cl. 1 (Completed) does not hold either: a case for a leader to
decide, with no level proposed. Reports: 5 of 12 months received, 4 on time; 1 return.
"""
import io
from datetime import date

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from audit.models import LogEntry
from communes.models import DirectoryEntry
from evaluation.models import LevelOverride
from evaluation.queries.evaluate import evaluate
from plans.models import Assignment
from reports.models import UnitReport
from reports.services import cycle, periods

TODAY = date(2024, 1, 10)


def at(day: str):
    return time_machine.travel(f"{day} 09:00 +0700", tick=False)


def _month(plan, unit, user, month: int, submitted: str, done_codes=(), accepted: str | None = None, office=None):
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, month), unit, plan)
    rows = {}
    for row in report.rows.filter(role="lead").select_related("assignment__node"):
        key = f"{row.assignment.node.code}/{row.assignment.order}"
        done = key in done_codes or row.status == "done"
        rows[row.pk] = ({"status": "done", "percent": 100, "results": "Đã hoàn thành"} if done
                        else {"status": "in_progress", "percent": 50, "results": "Đang thực hiện"})
    with at(submitted):
        assert cycle.save(report, user, report.version, rows, True, date.fromisoformat(submitted)).ok
    report.refresh_from_db()
    if accepted:
        with at(accepted):
            cycle.accept(report, office, date.fromisoformat(accepted))
    return report


@pytest.fixture
def land(plan):
    return DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")


@pytest.fixture
def year(plan, land, personas):
    owner, office = personas["owner"], personas["office"]
    Assignment.objects.filter(node__plan=plan, node__code="I.4.4", order=1).update(due=date(2023, 6, 30))
    january = _month(plan, land, owner, 1, "2023-01-18")
    with at("2023-01-18"):
        cycle.return_report(january, office, "Ghi rõ số hồ sơ đã giải quyết")
    january.refresh_from_db()
    with at("2023-01-19"):
        assert cycle.save(january, owner, january.version, {}, True, date(2023, 1, 19)).ok
        january.refresh_from_db()
        cycle.accept(january, office, date(2023, 1, 19))
    _month(plan, land, owner, 2, "2023-02-22", accepted="2023-02-23", office=office)
    _month(plan, land, owner, 6, "2023-06-15", {"I.1.1/2", "II.3.1/1"}, "2023-06-16", office)
    _month(plan, land, owner, 8, "2023-08-09", {"I.4.4/1"}, "2023-08-10", office)
    _month(plan, land, owner, 12, "2023-12-15", {"I.4.1/3", "I.5.1/1", "I.5.1/2"}, "2023-12-18", office)
    return plan


def test_the_unit_figures_and_level_follow_from_its_rows(year, land):
    evaluation = evaluate(year, today=TODAY)
    assert evaluation.rules.SHORT == "NĐ 90/2020 và NĐ 48/2023"
    unit = evaluation.find("unit", land.pk)
    f = unit.figures
    assert len(f.rows) == 7
    assert {r.assignment.node.code for r in f.having("done_late")} == {"I.4.4"}
    assert [r.status.days_overdue for r in f.having("done_late")] == [40]  # reported done 09/08, due 30/06
    assert [(r.assignment.node.code, r.status.days_overdue) for r in f.having("open_overdue")] == [("II.3.2", 1)]
    assert (unit.counts.on_time, unit.counts.late, unit.counts.overdue) == (5, 1, 1)
    assert (len(f.expected), len(f.received), len(f.on_time_reports), f.returns) == (12, 5, 4, 1)
    assert (unit.level, unit.proposed.case) == (None, "decide")
    assert any("5/7 nhiệm vụ hoàn thành đúng hạn" in r for r in unit.reasons)
    assert any("Còn 1 nhiệm vụ chưa hoàn thành, quá hạn" in r for r in unit.reasons)


def test_the_official_is_evaluated_on_their_units_rows_and_the_leader_as_a_manager(year, land, personas):
    evaluation = evaluate(year, today=TODAY)
    official = evaluation.find("official", personas["owner"].pk)
    assert official.counts == evaluation.find("unit", land.pk).counts
    chairman = evaluation.find("leader", DirectoryEntry.objects.get(commune=year.commune, key="chu-tich").pk)
    assert "I.4.4" in {r.assignment.node.code for r in chairman.figures.rows}
    assert chairman.level in ("completed", "not_completed")


def test_the_page_links_each_figure_to_its_rows(client, year, land, personas):
    client.force_login(personas["viewer"])
    with at("2024-01-10"):
        page = client.get(reverse("evaluation_plan", args=[year.pk])).content.decode()
        detail = client.get(reverse("evaluation_subject", args=[year.pk, "don-vi", land.pk])).content.decode()
    subject_url = reverse("evaluation_subject", args=[year.pk, "don-vi", land.pk])
    assert f'{subject_url}#open_overdue' in page and "Lãnh đạo xem xét, quyết định" in page
    # Issue 11 item 18: the page is called by the document's own title.
    assert ("<h1>Đề xuất xếp loại chất lượng năm 2023 theo kết quả thực hiện "
            "Kế hoạch phát triển kinh tế - xã hội</h1>") in page
    assert 'id="open_overdue"' in detail and "II.3.2" in detail and "1 ngày" in detail
    assert reverse("task_detail", args=[year.pk, "I.4.4"]) in detail and "40 ngày" in detail
    assert "bị trả lại 1 lần" in detail


def test_the_chairman_overrides_with_a_reason_and_others_may_not(client, year, land, personas):
    url = reverse("evaluation_override", args=[year.pk, "don-vi", land.pk])
    for name, status in (("viewer", 403), ("owner", 403), ("outsider", 404)):
        client.force_login(personas[name])
        assert client.post(url, {"level": "good", "reason": "x"}).status_code == status, name
    client.force_login(personas["chairman"])
    with at("2024-01-10"):
        assert client.post(url, {"level": "good", "reason": ""}).status_code == 200  # reason required
        assert not LevelOverride.objects.exists()
        response = client.post(url, {"level": "good", "reason": "Chậm do chờ thành phố phê duyệt giá đất"})
    assert response.status_code == 302
    override = LevelOverride.objects.get()
    assert (override.level, override.proposed, override.decided_by) == ("good", "", personas["chairman"])
    entry = LogEntry.objects.get(action="evaluation.overridden")
    assert entry.data["reason"].startswith("Chậm do") and entry.actor == personas["chairman"]
    subject = evaluate(year, today=TODAY).find("unit", land.pk)
    assert (subject.level, subject.proposed.level, subject.level_label) == ("good", None, "Hoàn thành tốt nhiệm vụ")


def test_judgement_inputs_are_recorded_and_change_the_proposal(client, year, land, personas):
    url = reverse("evaluation_judgement", args=[year.pk, "don-vi", land.pk])
    client.force_login(personas["owner"])
    assert client.get(url).status_code == 403
    client.force_login(personas["vice"])
    response = client.post(url, {"quality_ok": "false", "conduct_ok": "false", "exceeding_percent": "",
                                 "general_points": "", "note": "Không đạt tiêu chí chung"})
    assert response.status_code == 302
    assert LogEntry.objects.filter(action="evaluation.judged").exists()
    # Failed conduct alone is not an Art. 11 ground: still a case to decide, not Not completed.
    assert evaluate(year, today=TODAY).find("unit", land.pk).proposed.case == "decide"


def test_a_vice_chairman_judges_only_what_they_direct(client, year, land, personas, commune):
    """PCT Kinh tế directs rows led by Địa chính; leaders, the Chairman included, are judged by the Chairman."""
    client.force_login(personas["vice"])
    for slug, pk in (("lanh-dao", commune.entries.get(key="chu-tich").pk),
                     ("lanh-dao", personas["vice"].position_id)):
        url = reverse("evaluation_judgement", args=[year.pk, slug, pk])
        assert client.post(url, {"note": "Tự chấm", "general_points": "30"}).status_code == 403, slug
    with at("2024-01-10"):
        page = client.get(reverse("evaluation_plan", args=[year.pk])).content.decode()
    assert reverse("evaluation_judgement", args=[year.pk, "don-vi", land.pk]) in page
    assert reverse("evaluation_judgement", args=[year.pk, "lanh-dao", personas["vice"].position_id]) not in page
    client.force_login(personas["chairman"])
    url = reverse("evaluation_judgement", args=[year.pk, "lanh-dao", personas["vice"].position_id])
    assert client.post(url, {"note": "Chủ tịch đánh giá", "quality_ok": "true"}).status_code == 302


def _export(client, name, plan, user):
    client.force_login(user)
    with at("2024-01-10"):
        response = client.get(reverse(name, args=[plan.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_docx_and_xlsx_show_a_units_figures_level_and_reasons(client, year, land, personas):
    document = Document(io.BytesIO(_export(client, "evaluation_docx", year, personas["chairman"])))
    texts = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    line = next(row for row in texts if row[1] == land.name)
    assert line[2:6] == ["7", "5", "1", "1 (1 ngày)"]
    assert line[8] == "Lãnh đạo xem xét, quyết định" and line[9] == "Lãnh đạo xem xét, quyết định"
    assert "5/7 nhiệm vụ hoàn thành đúng hạn" in line[10] and "II.3.2/1 (1 ngày)" in line[11]
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in row[1] for row in texts if len(row) > 1)
    sheet = load_workbook(io.BytesIO(_export(client, "evaluation_xlsx", year, personas["viewer"]))).active
    row = next(r for r in sheet.iter_rows(values_only=True) if r[1] == land.name)
    assert row[3:7] == (7, 5, 1, 0) and row[7] == "1 (1 ngày)"
    assert row[8].startswith("5/12") and row[9].startswith("4/12") and row[10] == 1
    assert row[14] == "Lãnh đạo xem xét, quyết định" and "I.4.4/1 (40 ngày)" in row[16]


def test_ranking_shows_the_rule(client, year, personas):
    client.force_login(personas["viewer"])
    with at("2024-01-10"):
        page = client.get(reverse("evaluation_ranking", args=[year.pk])).content.decode()
    assert "Xếp theo tỷ lệ nhiệm vụ hoàn thành đúng hạn" in page and "Nghị định 90/2020" in page


def test_no_n_plus_one(client, year, personas, django_assert_max_num_queries):
    client.force_login(personas["viewer"])
    with at("2024-01-10"), django_assert_max_num_queries(30):
        client.get(reverse("evaluation_plan", args=[year.pk]))


def test_the_subject_page_links_only_the_reports_this_user_may_open(client, year, land, personas):
    url = reverse("evaluation_subject", args=[year.pk, "don-vi", land.pk])
    report = UnitReport.objects.filter(unit=land, plan=year).exclude(submitted_at=None).first()
    link = reverse("report_detail", args=[report.pk])
    for persona, linked in (("owner", True), ("viewer", True), ("other_unit", False)):
        client.force_login(personas[persona])
        with at("2024-01-10"):
            page = client.get(url).content.decode()
        assert (link in page) is linked, persona
