"""Issue 11, items 12 and 13, on the sample plan of Hưng Đông: a row is done on the day the unit reports the work
finished (counted once the office accepts it), accepting completes the milestone the unit names, and a report's
statuses stand at its data cut-off, the 14th (Decree 09/2019/NĐ-CP Art. 12).

Every expected date is worked out by hand in the comment beside it.
"""
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from communes.models import DirectoryEntry
from dashboard.queries import board
from reports.models import Completion, ReportState, UnitReport
from reports.queries import rates
from reports.services import cycle, periods
from theodoi.templatetags.vi import vi_date


def at(day: str):
    return time_machine.travel(f"{day} 09:00 +0700", tick=False)


@pytest.fixture
def land(plan):
    return DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")


@pytest.fixture
def office_unit(plan):
    return DirectoryEntry.objects.get(commune=plan.commune, key="van-phong-tk")


def lines(report, **by_code) -> dict[int, dict]:
    """Every lead row in progress (with the results a recurring row needs), except those given by task code."""
    values = {}
    for row in report.rows.filter(role="lead").select_related("assignment__node"):
        values[row.pk] = {"status": "in_progress", "percent": 50, "results": "Đang triển khai"}
        values[row.pk].update(by_code.get(row.assignment.node.code.replace(".", "_"), {}))
    return values


def done(**extra) -> dict:
    return {"status": "done", "percent": 100, "results": "Đã hoàn thành", **extra}


def send(report, user, values, day: date):
    result = cycle.save(report, user, report.version, values, True, day)
    assert result.ok, result.errors
    report.refresh_from_db()
    return report


def row_of(report, code: str):
    return report.rows.filter(role="lead", assignment__node__code=code).order_by("assignment__order").first()


def test_a_late_acceptance_does_not_turn_an_on_time_completion_late(plan, land, personas):
    # II.3.1 "Năm 2023": due 31/12/2023. The year-end work is reported in January 2024's report (data 15/12/2023 to
    # 14/01/2024), sent 10/01/2024 saying it was finished on 28/12/2023; the office accepts only on 25/01/2024.
    january = periods.ensure_period(plan.commune, 2024, 1)
    report = cycle.open_report(january, land, plan)
    send(report, personas["owner"], lines(report, II_3_1=done(finished_on=date(2023, 12, 28))), date(2024, 1, 10))
    cycle.accept(report, personas["office"], date(2024, 1, 25))
    row = row_of(report, "II.3.1")
    completion = Completion.objects.get(assignment=row.assignment)
    assert (completion.completed_on, completion.accepted_on) == (date(2023, 12, 28), date(2024, 1, 25))
    # Judged at January's cut-off 14/01/2024, on 26/01: 28/12 <= 31/12, done on time (by the acceptance date it
    # would have read 25 days late).
    judged = january.judged_on(date(2024, 1, 26))
    assert judged == date(2024, 1, 14)
    assert rates.status_of(row.assignment, judged).code == "done_on_time"


def test_without_a_date_the_work_was_finished_the_day_the_report_was_sent(plan, land, personas):
    # January 2023's report, sent on 18/01/2023 with I.1.1 done and no date: finished 18/01; accepted 30/01.
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)
    send(report, personas["owner"], lines(report, I_1_1=done()), date(2023, 1, 18))
    row = row_of(report, "I.1.1")
    assert row.finished_on == date(2023, 1, 18)
    cycle.accept(report, personas["office"], date(2023, 1, 30))
    assert Completion.objects.get(assignment=row.assignment).completed_on == date(2023, 1, 18)


@pytest.mark.parametrize("finished, problem", [
    (date(2023, 1, 19), "Ngày hoàn thành 19/01/2023 chưa tới (hôm nay là 18/01/2023)."),  # the day after today
    (date(2023, 1, 18), None),                                                             # today itself
    (date(2023, 1, 1), None),                                                              # first day of the plan year
    (date(2022, 12, 31), "Ngày hoàn thành 31/12/2022 trước năm kế hoạch 2023."),            # the day before it
])
def test_the_finish_date_is_never_in_the_future_nor_before_the_plan_year(plan, land, personas, finished, problem):
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)
    row = row_of(report, "I.1.1")
    result = cycle.save(report, personas["owner"], 1, {row.pk: done(finished_on=finished)}, False, date(2023, 1, 18))
    assert result.errors.get(row.pk, []) == ([problem] if problem else [])


def test_a_finish_date_needs_the_done_status(plan, land, personas):
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)
    row = row_of(report, "I.1.1")
    values = {row.pk: {"status": "in_progress", "percent": 40, "finished_on": date(2023, 1, 10)}}
    result = cycle.save(report, personas["owner"], 1, values, False, date(2023, 1, 18))
    assert result.errors[row.pk] == ["Chỉ ghi ngày hoàn thành khi chọn tình trạng «Hoàn thành»."]


def test_accepting_completes_the_earliest_open_milestone_dated_the_day_it_was_finished(plan, office_unit, personas):
    # I.3.3 "Cuối tháng 7 và tháng 10/2023": milestones 31/07 and 31/10/2023. August's report (data 15/07 to 14/08)
    # is sent 10/08 saying the first round was finished on 28/07; no milestone named, so the earliest open one.
    august = periods.ensure_period(plan.commune, 2023, 8)
    report = cycle.open_report(august, office_unit, plan)
    send(report, personas["office"], lines(report, I_3_3=done(finished_on=date(2023, 7, 28))), date(2023, 8, 10))
    row = row_of(report, "I.3.3")
    assert row.milestone == 0
    cycle.accept(report, personas["office"], date(2023, 8, 18))
    completion = Completion.objects.get(assignment=row.assignment)
    assert (completion.milestone, completion.completed_on) == (0, date(2023, 7, 28))
    # At the 14/08 cut-off: 31/07 met on 28/07, 31/10 still ahead: within its deadline, 1 of 2 (accepted 18/08, by
    # the acceptance date it would have read 18 days late).
    status = rates.status_of(row.assignment, august.judged_on(date(2023, 8, 20)))
    assert (status.code, status.note) == ("open_in_time", "Đạt 1/2 mốc")


def test_accepting_completes_the_milestone_the_unit_names(plan, office_unit, personas):
    # November's report (data 15/10 to 14/11), sent 08/11: the second round (31/10) was finished on 30/10, the
    # first one never was. Accepted on 20/11, the 31/10 milestone is complete and 31/07 stays open.
    november = periods.ensure_period(plan.commune, 2023, 11)
    report = cycle.open_report(november, office_unit, plan)
    values = lines(report, I_3_3=done(finished_on=date(2023, 10, 30), milestone=1))
    send(report, personas["office"], values, date(2023, 11, 8))
    cycle.accept(report, personas["office"], date(2023, 11, 20))
    row = row_of(report, "I.3.3")
    assert list(Completion.objects.filter(assignment=row.assignment).values_list("milestone", "completed_on")) == [
        (1, date(2023, 10, 30))]
    # At the 14/11 cut-off: 31/07 missed by 31 (Aug) + 30 (Sep) + 31 (Oct) + 14 = 106 days, and that is the date
    # printed as missed, not the row's final 31/10.
    status = rates.status_of(row.assignment, november.judged_on(date(2023, 11, 25)))
    assert (status.code, status.days_overdue, status.missed) == ("open_overdue", 106, date(2023, 7, 31))


def test_a_milestone_already_completed_or_not_in_the_deadline_is_refused(plan, office_unit, personas):
    august = periods.ensure_period(plan.commune, 2023, 8)
    report = cycle.open_report(august, office_unit, plan)
    send(report, personas["office"], lines(report, I_3_3=done(finished_on=date(2023, 7, 28))), date(2023, 8, 10))
    cycle.accept(report, personas["office"], date(2023, 8, 18))
    september = cycle.open_report(periods.ensure_period(plan.commune, 2023, 9), office_unit, plan)
    row = row_of(september, "I.3.3")
    again = cycle.save(september, personas["office"], 1, {row.pk: done(milestone=0)}, False, date(2023, 9, 10))
    assert again.errors[row.pk] == ["Mốc 31/07/2023 đã được công nhận hoàn thành; chọn mốc chưa hoàn thành."]
    beyond = cycle.save(september, personas["office"], 1, {row.pk: done(milestone=2)}, False, date(2023, 9, 10))
    assert beyond.errors[row.pk][0].startswith("Nhiệm vụ không có mốc thứ 3 (thời hạn: «")


def test_a_finished_row_carried_into_next_month_keeps_its_finish_date(plan, land, personas):
    # II.3.1 finished 12/04 in April's report (accepted 19/04); May's report carries "done" with 12/04, so sending
    # it on 18/05 does not move the date to 18/05.
    april = cycle.open_report(periods.ensure_period(plan.commune, 2023, 4), land, plan)
    send(april, personas["owner"], lines(april, II_3_1=done(finished_on=date(2023, 4, 12))), date(2023, 4, 18))
    cycle.accept(april, personas["office"], date(2023, 4, 19))
    may = cycle.open_report(periods.ensure_period(plan.commune, 2023, 5), land, plan)
    carried = row_of(may, "II.3.1")
    assert (carried.status, carried.finished_on) == ("done", date(2023, 4, 12))
    send(may, personas["owner"], {r.pk: {"results": "Tiếp tục"} for r in may.rows.filter(role="lead")},
         date(2023, 5, 18))
    assert row_of(may, "II.3.1").finished_on == date(2023, 4, 12)


def test_the_unit_page_takes_the_finish_date_and_the_milestone(client, plan, office_unit, personas):
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 8), office_unit, plan)
    row = row_of(report, "I.3.3")
    client.force_login(personas["office"])
    with at("2023-08-10"):
        page = client.get(reverse("report_detail", args=[report.pk])).content.decode()
        assert f'name="r{row.pk}-finished_on"' in page and 'max="2023-08-10"' in page
        assert "Mốc 1: 31/07/2023" in page and "Mốc 2: 31/10/2023" in page
        # 10/08 is before August's cut-off (14/08): the statuses are those of today, with no cut-off note.
        assert f"Tình trạng nhiệm vụ tính đến {vi_date(date(2023, 8, 10))}." in page
        response = client.post(reverse("report_detail", args=[report.pk]), {
            "version": "1", "action": "save", f"r{row.pk}-status": "done", f"r{row.pk}-percent": "100",
            f"r{row.pk}-finished_on": "2023-08-11", f"r{row.pk}-milestone": "0"})
    assert response.status_code == 400
    assert "Ngày hoàn thành 11/08/2023 chưa tới (hôm nay là 10/08/2023)." in response.content.decode()
    with at("2023-08-10"):
        response = client.post(reverse("report_detail", args=[report.pk]), {
            "version": "1", "action": "save", f"r{row.pk}-status": "done", f"r{row.pk}-percent": "100",
            f"r{row.pk}-finished_on": "2023-07-28", f"r{row.pk}-milestone": "1"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.finished_on, row.milestone) == (date(2023, 7, 28), 1)


def test_a_report_page_after_the_cut_off_says_its_statuses_stand_at_the_14th(client, plan, land, personas):
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)
    client.force_login(personas["owner"])
    with at("2023-01-18"):  # January's data closes on 14/01/2023; the report is due before the 20th
        page = client.get(reverse("report_detail", args=[report.pk])).content.decode()
    assert "Tình trạng nhiệm vụ tính đến ngày 14 tháng 01 năm 2023 (ngày chốt số liệu kỳ báo cáo)." in page


@pytest.mark.parametrize("today, expected", [
    (date(2023, 5, 13), date(2023, 5, 13)),  # May is running: judged today
    (date(2023, 5, 14), date(2023, 5, 14)),  # the cut-off itself
    (date(2023, 5, 15), date(2023, 5, 14)),  # May is still the month being reported (until 20/05), at its 14th
    (date(2023, 5, 25), date(2023, 5, 14)),  # a past month: its cut-off, no longer its report day 20/05
])
def test_the_dashboard_judges_a_month_at_its_cut_off(plan, today, expected):
    may = periods.ensure_period(plan.commune, 2023, 5)
    assert board.scope_of(plan, may, today).as_of == expected


def test_the_dashboard_offers_the_half_year_that_closes_with_the_month(plan):
    june, december = (periods.ensure_period(plan.commune, 2023, m) for m in (6, 12))
    # June closes Quý II and the first half (15/12/2022 to 14/06/2023); December closes Quý IV, the second half
    # (15/06 to 14/12/2023) and the year.
    assert [d["label"] for d in board.downloads(june)] == ["Tháng 06/2023", "Quý II/2023",
                                                                    "6 tháng đầu năm 2023"]
    items = board.downloads(december)
    assert [d["label"] for d in items] == ["Tháng 12/2023", "Quý IV/2023", "6 tháng cuối năm 2023", "Năm 2023"]
    assert items[2]["query"] == "?kind=half&number=2"


def test_a_reopened_report_accepted_again_does_not_complete_another_milestone(plan, office_unit, personas):
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 8), office_unit, plan)
    send(report, personas["office"], lines(report, I_3_3=done(finished_on=date(2023, 7, 28))), date(2023, 8, 10))
    cycle.accept(report, personas["office"], date(2023, 8, 18))
    cycle.reopen(report, personas["office"], "Bổ sung biên bản tổng kết", date(2023, 8, 30))
    report.refresh_from_db()
    row = row_of(report, "I.3.3")
    # The same report may keep naming the milestone it completed.
    send(report, personas["office"], {row.pk: done(milestone=0)}, date(2023, 8, 25))
    cycle.accept(report, personas["office"], date(2023, 8, 26))
    assert UnitReport.objects.get(pk=report.pk).state == ReportState.ACCEPTED
    assert list(Completion.objects.filter(assignment=row.assignment).values_list("milestone", flat=True)) == [0]
