"""A month of the reporting cycle with frozen time: periods, drafts, late flags, returns, reopen, statuses."""
import threading
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.urls import reverse

from audit.models import LogEntry
from communes.models import DirectoryEntry
from reports.models import Completion, PeriodState, ReportingPeriod, ReportState, UnitReport
from reports.queries import rates
from reports.services import cycle, periods


def at(day: str):
    return time_machine.travel(f"{day} 09:00 +0700", tick=False)


@pytest.fixture
def land(plan):
    return DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")


def open_jan(plan, land):
    period = periods.ensure_period(plan.commune, 2023, 1)
    return cycle.open_report(period, land, plan)


def test_decree_09_month_and_the_report_day(plan):
    commune = plan.commune
    assert periods.month_being_reported(commune, date(2023, 1, 20)) == (2023, 1)
    assert periods.month_being_reported(commune, date(2023, 1, 21)) == (2023, 2)
    assert periods.month_being_reported(commune, date(2023, 12, 25)) == (2024, 1)
    period = periods.ensure_period(commune, 2023, 1)
    assert (period.start, period.end, period.deadline) == (date(2022, 12, 15), date(2023, 1, 14), date(2023, 1, 20))


def test_periods_open_close_and_lock_with_the_calendar(plan):
    assert periods.advance_periods(date(2023, 1, 10)) == []  # creates January, open
    period = ReportingPeriod.objects.get(year=2023, month=1)
    assert period.state == PeriodState.OPEN
    periods.advance_periods(date(2023, 1, 21))
    period.refresh_from_db()
    assert period.state == PeriodState.CLOSED
    assert ReportingPeriod.objects.filter(year=2023, month=2).exists()
    periods.advance_periods(date(2023, 2, 21))  # February's deadline has passed too: January locks
    period.refresh_from_db()
    assert period.state == PeriodState.LOCKED
    assert periods.advance_periods(date(2023, 2, 21)) == []  # idempotent


def test_report_lists_the_rows_the_unit_leads(plan, land):
    report = open_jan(plan, land)
    codes = sorted(report.rows.filter(role="lead").values_list("assignment__node__code", flat=True))
    assert codes == ["I.1.1", "I.4.1", "I.4.4", "I.5.1", "I.5.1", "II.3.1", "II.3.2"]
    # No coordinating cell of the sample names Địa chính; Đô thị coordinates I.1.1 (1) among others.
    assert not report.rows.filter(role="coordinating").exists()
    urban = DirectoryEntry.objects.get(commune=plan.commune, key="cc-do-thi")
    urban_report = cycle.open_report(report.period, urban, plan)
    assert "I.1.1" in urban_report.rows.filter(role="coordinating").values_list("assignment__node__code", flat=True)


def rows_done(report, results="Đã hoàn thành"):
    return {r.pk: {"status": "done", "percent": 100, "results": results} for r in report.rows.filter(role="lead")}


def test_submit_on_time_then_late(plan, land, personas):
    report = open_jan(plan, land)
    with at("2023-01-20"):
        assert cycle.save(report, personas["owner"], report.version, rows_done(report), True, date(2023, 1, 20)).ok
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and not report.is_late
    other = cycle.open_report(periods.ensure_period(plan.commune, 2023, 2), land, plan)
    assert cycle.save(other, personas["owner"], other.version, rows_done(other), True, date(2023, 2, 21)).ok
    other.refresh_from_db()
    assert other.is_late


def test_submit_requires_a_status_and_done_means_100(plan, land, personas):
    report = open_jan(plan, land)
    row = report.rows.filter(role="lead").first()
    result = cycle.save(report, personas["owner"], report.version, {row.pk: {"status": "done", "percent": 60}}, True,
                        date(2023, 1, 18))
    assert not result.ok
    assert "Đã chọn «Hoàn thành» thì tiến độ phải là 100%." in result.errors[row.pk]
    assert any("Chưa chọn tình trạng" in e for errors in result.errors.values() for e in errors)
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT and report.version == 1


def test_return_fix_resubmit_accept_and_the_row_becomes_done_on_time(plan, land, personas):
    report = open_jan(plan, land)
    owner, office = personas["owner"], personas["office"]
    assert cycle.save(report, owner, 1, rows_done(report, "Sơ sài"), True, date(2023, 1, 18)).ok
    cycle.return_report(report, office, "Ghi rõ số hồ sơ đã giải quyết")
    report.refresh_from_db()
    assert (report.state, report.return_count) == (ReportState.RETURNED, 1)
    assert cycle.save(report, owner, report.version, rows_done(report, "Đã giải quyết 35 hồ sơ"), True,
                      date(2023, 1, 19)).ok
    report.refresh_from_db()
    cycle.accept(report, office, date(2023, 1, 25))
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED and not report.is_late
    row = report.rows.get(assignment__node__code="I.1.1", role="lead")
    # Issue 11 changes this: the row is done on the day the unit first reported it finished (18/01, the first
    # submission, no date typed), not on the day the office accepted it (25/01).
    completion = Completion.objects.get(assignment=row.assignment)
    assert (completion.completed_on, completion.accepted_on) == (date(2023, 1, 18), date(2023, 1, 25))
    assert rates.status_of(row.assignment, date(2023, 2, 1)).label == "Hoàn thành đúng hạn"
    actions = list(LogEntry.objects.filter(object_id=str(report.pk)).values_list("action", flat=True))
    assert {"report.submitted", "report.returned", "report.accepted"} <= set(actions)


def test_statuses_move_between_the_four_ways_as_dates_pass(plan, land, personas):
    report = open_jan(plan, land)
    assignment = report.rows.get(assignment__node__code="II.3.1").assignment  # "Năm 2023"
    assert rates.status_of(assignment, date(2023, 12, 31)).code == "open_in_time"
    assert rates.status_of(assignment, date(2024, 1, 1)).code == "open_overdue"
    Completion.objects.create(assignment=assignment, completed_on=date(2024, 1, 18))
    assignment.refresh_from_db()
    status = rates.status_of(assignment, date(2024, 2, 1))
    assert (status.code, status.days_overdue) == ("done_late", 18)


def test_milestones_of_the_office_row_are_judged_one_by_one(plan, personas):
    office_unit = DirectoryEntry.objects.get(commune=plan.commune, key="van-phong-tk")
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 8), office_unit, plan)
    row = report.rows.get(assignment__node__code="I.3.3", role="lead")
    assert rates.status_of(row.assignment, date(2023, 8, 1)).code == "open_overdue"  # 31/7 missed
    values = {row.pk: {"status": "done", "percent": 100, "results": "Đã tổng kết đợt 1"}}
    assert cycle.save(report, personas["office"], report.version, values, False, date(2023, 7, 25)).ok
    UnitReport.objects.filter(pk=report.pk).update(state=ReportState.SUBMITTED, submitted_at="2023-07-25T09:00+07:00")
    report.refresh_from_db()
    cycle.accept(report, personas["office"], date(2023, 7, 28))
    assert rates.status_of(row.assignment, date(2023, 9, 1)).code == "open_in_time"  # next milestone 31/10
    assert rates.status_of(row.assignment, date(2023, 11, 1)).code == "open_overdue"


def test_locked_period_and_reopen_for_one_unit(plan, land, personas):
    report = open_jan(plan, land)
    assert not cycle.is_editable(report, date(2023, 2, 21))  # February's deadline passed: January is locked
    with pytest.raises(cycle.CycleError):
        cycle.save(report, personas["owner"], 1, {}, False, date(2023, 2, 21))
    cycle.reopen(report, personas["office"], "Đơn vị bị hỏng máy tính", date(2023, 2, 25))
    report.refresh_from_db()
    assert cycle.is_editable(report, date(2023, 2, 24)) and not cycle.is_editable(report, date(2023, 2, 26))
    assert LogEntry.objects.filter(action="report.reopened", object_id=str(report.pk)).exists()


def test_reporting_rates_as_dhis2_counts_them(plan, land, personas):
    period = periods.ensure_period(plan.commune, 2023, 1)
    report = cycle.open_report(period, land, plan)
    cycle.save(report, personas["owner"], 1, rows_done(report), True, date(2023, 1, 22))  # late
    reports = rates.reports_of(period)
    assert rates.unit_rate(land.pk, reports).reporting_rate == 100
    assert rates.unit_rate(land.pk, reports).on_time_rate == 0
    chairman = DirectoryEntry.objects.get(commune=plan.commune, key="chu-tich")
    rate = rates.leader_rates(plan, period)[chairman.pk]
    assert rate.reported == 1 and rate.on_time == 0 and rate.expected > 1


def test_a_stale_save_is_a_conflict_and_keeps_both_sides(plan, land, personas):
    report = open_jan(plan, land)
    row = report.rows.filter(role="lead").first()
    first = cycle.save(report, personas["owner"], 1, {row.pk: {"results": "Bản của anh A"}}, False, date(2023, 1, 10))
    second = cycle.save(report, personas["office"], 1, {row.pk: {"results": "Bản của chị B"}}, False, date(2023, 1, 10))
    assert first.ok and second.conflict
    assert second.current[row.pk]["results"] == "Bản của anh A"
    row.refresh_from_db()
    assert row.results == "Bản của anh A"


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_saves_one_wins_the_rest_conflict(commune, personas):
    from tests.factories import import_sample

    plan = import_sample(commune)
    land = DirectoryEntry.objects.get(commune=commune, key="cc-dia-chinh")
    report = open_jan(plan, land)
    row = report.rows.filter(role="lead").first()
    results, barrier = [], threading.Barrier(20)

    def one(n: int):
        barrier.wait()
        try:
            result = cycle.save(UnitReport.objects.get(pk=report.pk), personas["owner"], 1,
                                {row.pk: {"results": f"Bản số {n}"}}, False, date(2023, 1, 10))
            results.append((n, result))
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [n for n, r in results if r.ok]
    assert len(results) == 20 and len(winners) == 1
    assert all(r.conflict for n, r in results if n != winners[0])
    row.refresh_from_db()
    assert row.results == f"Bản số {winners[0]}"
    assert UnitReport.objects.get(pk=report.pk).version == 2


def test_the_unit_page_flow_and_permissions(client, plan, land, personas):
    period = periods.ensure_period(plan.commune, 2023, 1)
    client.force_login(personas["other_unit"])
    assert client.get(reverse("report_open", args=[period.pk, land.pk])).status_code == 404  # no report, not theirs
    client.force_login(personas["owner"])
    assert client.get(reverse("report_open", args=[period.pk, land.pk])).status_code == 200  # asks, makes nothing
    assert not UnitReport.objects.exists()
    response = client.post(reverse("report_open", args=[period.pk, land.pk]))
    report = UnitReport.objects.get()
    assert response.url == reverse("report_detail", args=[report.pk])
    client.force_login(personas["other_unit"])
    assert client.post(reverse("report_detail", args=[report.pk]), {"action": "save"}).status_code == 403
    client.force_login(personas["viewer"])
    assert client.post(reverse("report_decide", args=[report.pk]), {"action": "accept"}).status_code == 403
    client.force_login(personas["outsider"])
    assert client.get(reverse("report_detail", args=[report.pk])).status_code == 404


def test_the_form_shows_a_conflict_and_keeps_what_was_typed(client, plan, land, personas):
    report = open_jan(plan, land)
    row = report.rows.filter(role="lead").first()
    cycle.save(report, personas["office"], 1, {row.pk: {"results": "Văn phòng đã nhập"}}, False, date(2023, 1, 10))
    client.force_login(personas["owner"])
    with at("2023-01-10"):
        response = client.post(reverse("report_detail", args=[report.pk]), {
            "version": "1", "action": "save", f"r{row.pk}-results": "Địa chính tự nhập"})
    page = response.content.decode()
    assert response.status_code == 409
    assert "vừa được người khác lưu trước bạn" in page
    assert "Địa chính tự nhập" in page and "Văn phòng đã nhập" in page
    row.refresh_from_db()
    assert row.results == "Văn phòng đã nhập"


def test_advance_periods_command_is_idempotent(plan, capsys):
    from django.core.management import call_command

    periods.ensure_period(plan.commune, 2023, 1)
    call_command("advance_periods", "--today", "2023-01-21")
    first = capsys.readouterr().out
    assert "Tháng 01/2023 → Đã hết hạn (nộp muộn)" in first and "Đã cập nhật 1 kỳ báo cáo." in first
    assert ReportingPeriod.objects.filter(year=2023, month=2, state=PeriodState.OPEN).exists()
    call_command("advance_periods", "--today", "2023-01-21")
    assert "Đã cập nhật 0 kỳ báo cáo." in capsys.readouterr().out


def test_the_office_locks_a_period_and_units_can_no_longer_edit(client, plan, land, personas):
    report = open_jan(plan, land)
    client.force_login(personas["owner"])
    assert client.post(reverse("period_lock", args=[report.period_id])).status_code == 403
    client.force_login(personas["office"])
    client.post(reverse("period_lock", args=[report.period_id]))
    report.period.refresh_from_db()
    assert report.period.state == PeriodState.LOCKED
    assert not cycle.is_editable(report, date(2023, 1, 10))  # locked although the calendar says open
    assert LogEntry.objects.filter(action="period.locked").count() == 1
    client.post(reverse("period_lock", args=[report.period_id]))
    assert LogEntry.objects.filter(action="period.locked").count() == 1  # idempotent
