"""Review follow-ups of the monthly cycle: milestones not completed twice, rates and missed check-ins on the page,
evidence files that can be opened, coordinating units' contributions seen by the lead unit and the office, and
text limits shown on the form and enforced, by task and field, for the page and the Excel file alike."""
import io
import unicodedata
from datetime import date

import openpyxl
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from communes.models import DirectoryEntry
from plans.models import Assignment
from reports.exports import xlsx
from reports.models import Completion, ReportState, RowStatus, UnitReport
from reports.queries import rates
from reports.services import cycle, periods, xlsx_import


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
    from dashboard.queries import figures, report

    urban = DirectoryEntry.objects.get(commune=plan.commune, key="cc-do-thi")
    period = periods.ensure_period(plan.commune, 2023, 1)
    helper = cycle.open_report(period, urban, plan)
    shared = helper.rows.filter(role="coordinating", assignment__node__code="I.1.1").first()
    values = {r.pk: {"status": "in_progress", "results": "Việc chủ trì"} for r in helper.rows.filter(role="lead")}
    values[shared.pk] = {"results": "Phối hợp rà soát 2 dự án"}
    cycle.accept(_submitted(helper, personas["office"], values, date(2023, 1, 15)), personas["office"],
                 date(2023, 1, 16))
    span = report.span_for(period, "month", 1, date(2023, 1, 25))
    lines = [line for part in report.results_by_group(figures.load_rows(plan, span.as_of), span)
             for group in part["groups"] for line in group["lines"]]
    assert any(line.startswith("I.1.1") and "Phối hợp rà soát 2 dự án (phối hợp: " in line for line in lines)


# ---- text limits: shown on the form, enforced by the service for the page and the Excel file alike ---------------

def _land_january(plan):
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)
    return report, report.rows.get(assignment__node__code="I.1.1", role="lead")


def test_text_over_its_limit_is_refused_naming_the_task_and_the_field(plan, personas):
    report, row = _land_january(plan)
    values = {row.pk: {"results": "Đ" * 4001, "obstacles": "v" * 2000, "proposals": "k" * 2001}}
    result = cycle.save(report, personas["office"], 1, values, False, date(2023, 1, 10))
    assert not result.ok and result.errors[row.pk] == [
        "Nhiệm vụ I.1.1 (chủ trì) – «Kết quả trong kỳ»: 4.001 ký tự, tối đa 4.000 ký tự; hãy rút gọn.",
        "Nhiệm vụ I.1.1 (chủ trì) – «Đề xuất, kiến nghị»: 2.001 ký tự, tối đa 2.000 ký tự; hãy rút gọn."]
    row.refresh_from_db()
    assert row.results == "" and UnitReport.objects.get(pk=report.pk).version == 1
    # Đô thị coordinates I.1.1 (the sample's ĐƠN VỊ PHỐI HỢP cell): its field is the coordination note.
    urban = DirectoryEntry.objects.get(commune=plan.commune, key="cc-do-thi")
    helper_report = cycle.open_report(report.period, urban, plan)
    helper = helper_report.rows.get(assignment=row.assignment, role="coordinating")
    result = cycle.save(helper_report, personas["office"], 1, {helper.pk: {"results": "p" * 4001}}, False,
                        date(2023, 1, 10))
    assert result.errors[helper.pk] == ["Nhiệm vụ I.1.1 (phối hợp) – «Nội dung phối hợp»: 4.001 ký tự, tối đa "
                                        "4.000 ký tự; hãy rút gọn."]


def test_the_form_shows_each_limit_and_counts_line_breaks_as_the_browser_does(client, plan, personas):
    report, row = _land_january(plan)
    client.force_login(personas["owner"])
    url = reverse("report_detail", args=[report.pk])
    with time_machine.travel("2023-01-10 09:00 +0700", tick=False):
        page = client.get(url).content.decode()
        assert f'id="r{row.pk}-results" maxlength="4000"' in page and "(tối đa 4.000 ký tự)" in page
        assert f'id="r{row.pk}-obstacles" maxlength="2000"' in page and "(tối đa 2.000 ký tự)" in page
        # 4,000 characters as the browser counts them; lines of 35, so 114 line breaks, sent as CR LF.
        text = ("Đo đạc, cắm mốc 12 thửa đất xóm 3.\n" * 200)[:3999] + "."
        assert len(text) == 4000 and text.count("\n") == 114
        sent = client.post(url, {"version": 1, "action": "save", f"r{row.pk}-results": text.replace("\n", "\r\n")})
        assert sent.status_code == 302
        row.refresh_from_db()
        assert row.results == text
        refused = client.post(url, {"version": 2, "action": "save", f"r{row.pk}-results": text + "x"})
    page = refused.content.decode()
    assert refused.status_code == 400 and "«Kết quả trong kỳ»: 4.001 ký tự, tối đa 4.000 ký tự" in page
    assert "cần sửa 1 nhiệm vụ (I.1.1 (chủ trì))" in page and text[:40] in page


def test_decomposed_accents_are_stored_composed(client, plan, personas):
    report, row = _land_january(plan)
    client.force_login(personas["owner"])
    typed = unicodedata.normalize("NFD", "Đã hoàn thành rà soát")
    with time_machine.travel("2023-01-10 09:00 +0700", tick=False):
        client.post(reverse("report_detail", args=[report.pk]), {"version": 1, "action": "save",
                                                                 f"r{row.pk}-results": typed})
    row.refresh_from_db()
    assert row.results == "Đã hoàn thành rà soát" and len(row.results) == 21


def test_a_return_reason_over_its_limit_is_refused(plan, personas):
    report, row = _land_january(plan)
    values = {r.pk: {"status": "in_progress"} for r in report.rows.filter(role="lead")}
    report = _submitted(report, personas["owner"], values, date(2023, 1, 15))
    with pytest.raises(cycle.CycleError, match="^Lý do trả lại dài 1.001 ký tự, tối đa 1.000 ký tự.$"):
        cycle.return_report(report, personas["office"], "Thiếu số liệu. " + "x" * 986)
    assert UnitReport.objects.get(pk=report.pk).state == ReportState.SUBMITTED


def test_the_indicator_form_limits_its_text_fields(client, plan, personas):
    client.force_login(personas["office"])
    url = reverse("indicator_value_entry", args=[plan.indicators.get(code="II.10").pk])
    page = client.get(url).content.decode()
    assert 'maxlength="2000"' in page and "Tối đa 2.000 ký tự." in page and 'maxlength="4000"' in page
    response = client.post(url, {"period": "month-2023-6", "value": "98", "source": "Trạm Y tế",
                                 "note": "Số liệu tháng 6. " + "x" * 1984})
    assert response.status_code == 400 and "Ghi chú: dài quá 2.000 ký tự; hãy rút gọn." in response.content.decode()


def test_a_broken_version_or_a_superscript_percent_is_a_message_not_a_500(client, plan, personas):
    report, row = _land_january(plan)
    client.force_login(personas["owner"])
    url = reverse("report_detail", args=[report.pk])
    with time_machine.travel("2023-01-10 09:00 +0700", tick=False):
        broken = client.post(url, {"version": "abc", "action": "save", f"r{row.pk}-results": "Đã rà soát"})
        superscript = client.post(url, {"version": 1, "action": "save", f"r{row.pk}-percent": "²"})
    assert broken.status_code == 400 and "thiếu số phiên bản hợp lệ" in broken.content.decode()
    assert "Đã rà soát" in broken.content.decode()
    assert superscript.status_code == 400
    assert "Tiến độ «²» phải là số nguyên từ 0 đến 100." in superscript.content.decode()
    assert UnitReport.objects.get(pk=report.pk).version == 1


def test_an_excel_file_with_text_over_its_limit_is_refused_with_its_cell(plan, personas):
    report, row = _land_january(plan)
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx.build(report)))
    sheet = workbook[xlsx.SHEET]
    line = next(n for n in range(xlsx.FIRST_ROW, sheet.max_row + 1) if sheet[f"A{n}"].value == "I.1.1")
    sheet[f"G{line}"] = "Đã rà soát. " + "x" * 3990  # column G is «Kết quả trong kỳ»; 4,002 characters
    buffer = io.BytesIO()
    workbook.save(buffer)
    outcome = xlsx_import.import_file(report, personas["owner"], buffer.getvalue(), "bao-cao.xlsx", False,
                                      date(2023, 1, 10))
    assert not outcome.ok and any(f"G{line}" in e and "«Kết quả trong kỳ»: 4.002 ký tự, tối đa 4.000 ký tự" in e
                                  for e in outcome.errors), outcome.errors
    row.refresh_from_db()
    assert row.results == ""
