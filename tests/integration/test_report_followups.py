"""Review follow-ups of the monthly cycle: milestones not completed twice, rates and missed check-ins on the page,
evidence files that can be opened, coordinating units' contributions seen by the lead unit and the office."""
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from communes.models import DirectoryEntry
from plans.models import Assignment
from reports.models import Completion, ReportState, RowStatus, UnitReport
from reports.services import cycle, periods, rates


def _submitted(report, user, values, day):
    assert cycle.save(report, user, report.version, values, True, day).ok
    report.refresh_from_db()
    return report


def test_a_done_milestone_row_is_not_completed_again_by_next_months_carry_over(plan, personas):
    office_unit, office = DirectoryEntry.objects.get(commune=plan.commune, key="van-phong-tk"), personas["office"]
    july = cycle.open_report(periods.ensure_period(plan.commune, 2023, 7), office_unit, plan)
    row = july.rows.get(assignment__node__code="I.3.3", role="lead")
    values = {r.pk: {"status": "in_progress", "results": "Đang làm"} for r in july.rows.filter(role="lead")}
    values[row.pk] = {"status": "done", "percent": 100, "results": "Đã tổng kết đợt 1"}
    cycle.accept(_submitted(july, office, values, date(2023, 7, 18)), office, date(2023, 7, 28))
    assert Completion.objects.filter(assignment=row.assignment).count() == 1

    august = cycle.open_report(periods.ensure_period(plan.commune, 2023, 8), office_unit, plan)
    carried = august.rows.get(assignment=row.assignment, role="lead")
    assert carried.status == RowStatus.IN_PROGRESS  # the next milestone must be claimed anew
    values = {r.pk: {"status": r.status or "in_progress", "results": "Tiếp tục"}
              for r in august.rows.filter(role="lead")}
    cycle.accept(_submitted(august, office, values, date(2023, 8, 18)), office, date(2023, 8, 25))
    assert Completion.objects.filter(assignment=row.assignment).count() == 1


def test_reopening_an_accepted_report_and_accepting_again_completes_nothing_twice(plan, personas):
    office_unit, office = DirectoryEntry.objects.get(commune=plan.commune, key="van-phong-tk"), personas["office"]
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 7), office_unit, plan)
    values = {r.pk: {"status": "done", "percent": 100, "results": "Xong"} for r in report.rows.filter(role="lead")}
    cycle.accept(_submitted(report, office, values, date(2023, 7, 18)), office, date(2023, 7, 19))
    before = Completion.objects.count()
    cycle.reopen(report, office, "Bổ sung minh chứng", date(2023, 7, 30))
    report.refresh_from_db()
    cycle.accept(_submitted(report, office, {}, date(2023, 7, 25)), office, date(2023, 7, 26))
    assert Completion.objects.count() == before


def test_the_report_page_shows_rates_per_unit_and_per_leader_and_missed_check_ins(client, plan, personas):
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    january, february = (periods.ensure_period(plan.commune, 2023, m) for m in (1, 2))
    report = cycle.open_report(january, land, plan)
    values = {r.pk: {"status": "in_progress", "results": "Đã làm"} for r in report.rows.filter(role="lead")}
    _submitted(report, personas["owner"], values, date(2023, 1, 18))
    ended = rates.ended_periods(plan, date(2023, 3, 1))
    assert ended == [january, february]
    assert rates.unit_rates_over([land.pk], ended)[land.pk].reporting_rate == 50
    recurring = Assignment.objects.filter(node__plan=plan, deadline_kind="recurring",
                                          refs__entry=land, refs__role="lead").distinct().count()
    assert rates.missed_checkins(plan, land.pk, ended) == recurring  # February missed, January checked in

    client.force_login(personas["office"])
    page = client.get(reverse("report_index") + f"?ky={january.pk}").content.decode()
    assert "Tỷ lệ báo cáo kỳ này" in page and "1/10 đơn vị đã gửi" in page
    assert "Tỷ lệ báo cáo theo lãnh đạo chỉ đạo" in page and "Chủ tịch UBND" in page


def test_an_uploaded_evidence_file_opens_for_the_commune_and_not_for_others(client, plan, personas):
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)
    row = report.rows.filter(role="lead").first()
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minh chung", content_type="application/pdf")
    assert cycle.save(report, personas["owner"], 1, {row.pk: {"evidence_file": upload}}, False, date(2023, 1, 10)).ok
    client.force_login(personas["owner"])
    page = client.get(reverse("report_detail", args=[report.pk])).content.decode()
    url = reverse("report_evidence", args=[row.pk])
    assert url in page
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 minh chung"
    client.force_login(personas["outsider"])
    assert client.get(url).status_code == 404


def test_the_lead_unit_and_the_office_see_what_coordinating_units_reported(client, plan, personas):
    land, urban = (DirectoryEntry.objects.get(commune=plan.commune, key=k) for k in ("cc-dia-chinh", "cc-do-thi"))
    period = periods.ensure_period(plan.commune, 2023, 1)
    lead_report = cycle.open_report(period, land, plan)
    helper = cycle.open_report(period, urban, plan)
    shared = helper.rows.filter(role="coordinating", assignment__in=lead_report.rows.values("assignment")).first()
    values = {r.pk: {"status": "in_progress", "results": "Việc chủ trì"} for r in helper.rows.filter(role="lead")}
    values[shared.pk] = {"results": "Đô thị đã phối hợp đo đạc 3 thửa"}
    _submitted(helper, personas["office"], values, date(2023, 1, 15))
    assert UnitReport.objects.get(pk=helper.pk).state == ReportState.SUBMITTED
    client.force_login(personas["owner"])
    page = client.get(reverse("report_detail", args=[lead_report.pk])).content.decode()
    assert "Đơn vị phối hợp đã báo cáo" in page and "Đô thị đã phối hợp đo đạc 3 thửa" in page


def test_section_i_of_the_monthly_report_includes_accepted_contributions(plan, personas):
    from dashboard import services, services_report

    urban = DirectoryEntry.objects.get(commune=plan.commune, key="cc-do-thi")
    period = periods.ensure_period(plan.commune, 2023, 1)
    helper = cycle.open_report(period, urban, plan)
    shared = helper.rows.filter(role="coordinating", assignment__node__code="I.1.1").first()
    values = {r.pk: {"status": "in_progress", "results": "Việc chủ trì"} for r in helper.rows.filter(role="lead")}
    values[shared.pk] = {"results": "Phối hợp rà soát 2 dự án"}
    cycle.accept(_submitted(helper, personas["office"], values, date(2023, 1, 15)), personas["office"],
                 date(2023, 1, 16))
    span = services_report.span_for(period, "month", 1, date(2023, 1, 25))
    lines = [line for part in services_report.results_by_group(services.load_rows(plan, span.as_of), span)
             for group in part["groups"] for line in group["lines"]]
    assert any(line.startswith("I.1.1") and "Phối hợp rà soát 2 dự án (phối hợp: " in line for line in lines)
