"""Issue 15 item 4: a report save resolves its commune once, writes its rows in bulk, leaves one audit entry with
every row's changes, and runs the same number of queries for 3 rows as for 19 (SQLite and PostgreSQL alike)."""
import importlib.util
from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import LogEntry
from audit.templatetags.audit import _row
from communes.models import DirectoryEntry
from reports.models import RowReport, UnitReport
from reports.services import cycle, periods


def at(day: str):
    return time_machine.travel(f"{day} 09:00 +0700", tick=False)


def report_of(plan, key: str):
    unit = DirectoryEntry.objects.get(commune=plan.commune, key=key)
    return cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), unit, plan)


def new_entries(since: int) -> list[LogEntry]:
    return list(LogEntry.objects.filter(pk__gt=since).order_by("pk"))


def last_pk() -> int:
    return LogEntry.objects.order_by("pk").values_list("pk", flat=True).last() or 0


def test_a_save_leaves_one_entry_holding_each_rows_changes(plan, personas):
    report = report_of(plan, "cc-dia-chinh")
    first, second, *_ = report.rows.filter(role="lead").order_by("pk")
    since = last_pk()
    with at("2023-01-10"):
        assert cycle.save(report, personas["owner"], 1, {
            first.pk: {"status": "in_progress", "percent": 40, "results": "Đã đo 12 thửa"},
            second.pk: {"obstacles": "Thiếu máy đo"},
        }, False, date(2023, 1, 10)).ok
    [entry] = new_entries(since)  # one entry for the save, none per row
    assert (entry.action, entry.object_id, entry.commune_id) == ("report.saved", str(report.pk), plan.commune_id)
    assert entry.actor == personas["owner"]
    assert entry.changes == {
        f"{first.pk}.status": ["", "in_progress"], f"{first.pk}.percent": [None, 40],
        f"{first.pk}.results": ["", "Đã đo 12 thửa"], f"{first.pk}.checked_in": [False, True],
        f"{second.pk}.obstacles": ["", "Thiếu máy đo"],
    }
    shown = dict((label, (before, after)) for label, before, after in _row(entry)["changes"])
    code = first.assignment.node.code
    assert shown[f"Nhiệm vụ {code} (chủ trì) – tình trạng"] == (None, "Đang thực hiện")
    assert shown[f"Nhiệm vụ {code} (chủ trì) – đã cập nhật định kỳ"] == ("Không", "Có")
    assert RowReport.objects.get(pk=second.pk).obstacles == "Thiếu máy đo"


def test_a_submission_logs_the_finish_day_it_fills_in(plan, personas):
    report = report_of(plan, "cc-dia-chinh")
    rows = {r.pk: {"status": "done", "percent": 100, "results": "Xong"} for r in report.rows.filter(role="lead")}
    first = min(rows)
    since = last_pk()
    with at("2023-01-18"):
        assert cycle.save(report, personas["owner"], 1, rows, True, date(2023, 1, 18)).ok
    [entry] = new_entries(since)
    assert entry.action == "report.submitted" and entry.data["rows"] == 7
    assert entry.changes[f"{first}.finished_on"] == [None, "2023-01-18"]  # the day it was sent (issue 11)
    assert entry.data["words"][f"{first}.finished_on"]["after"] == "18/01/2023"
    assert RowReport.objects.get(pk=first).finished_on == date(2023, 1, 18)


def test_an_unchanged_save_logs_no_row_change(plan, personas):
    report = report_of(plan, "cc-dia-chinh")
    since = last_pk()
    with at("2023-01-10"):
        assert cycle.save(report, personas["owner"], 1, {}, False, date(2023, 1, 10)).ok
    [entry] = new_entries(since)
    assert entry.changes == {} and entry.data["rows"] == 0


def _posted(report, text: str) -> dict:
    data = {"version": report.version, "action": "save"}
    for row in report.rows.all():
        data[f"r{row.pk}-results"] = f"{text} {row.pk}"
        if row.role == "lead":
            data.update({f"r{row.pk}-status": "in_progress", f"r{row.pk}-percent": "30"})
    return data


def _save_counting(client, report, text: str) -> int:
    report.refresh_from_db()
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("report_detail", args=[report.pk]), _posted(report, text))
    assert response.status_code == 302, response.content.decode()[:500]
    assert sorted(report.rows.values_list("results", flat=True)) == sorted(
        f"{text} {pk}" for pk in report.rows.values_list("pk", flat=True))
    return len(queries)


@pytest.mark.django_db(transaction=False)
def test_a_save_runs_as_many_queries_for_19_rows_as_for_3(client, plan, personas):
    small, large = report_of(plan, "quan-su"), report_of(plan, "cc-do-thi")
    assert (small.rows.count(), large.rows.count()) == (3, 19)
    client.force_login(personas["office"])  # the office may enter any unit's report
    with at("2023-01-10"):
        _save_counting(client, small, "Lần đầu")  # warms the caches every save shares (content types)
        counts = (_save_counting(client, small, "Kết quả"), _save_counting(client, large, "Kết quả"))
    assert counts[0] == counts[1], counts


def _session_writes(client, report, minute_second: str) -> int:
    with time_machine.travel(f"2023-01-10 09:{minute_second} +0700", tick=False):
        report.refresh_from_db()
        with CaptureQueriesContext(connection) as queries:
            assert client.post(reverse("report_detail", args=[report.pk]),
                               {"version": report.version, "action": "save"}).status_code == 302
    return sum(q["sql"].startswith('UPDATE "django_session"') for q in queries.captured_queries)


def test_saves_write_the_session_row_at_most_once_a_minute(client, plan, personas):
    report = report_of(plan, "quan-su")
    with time_machine.travel("2023-01-10 09:00:00 +0700", tick=False):
        client.force_login(personas["office"])  # the row is written, stamped 09:00:00
    writes = [_session_writes(client, report, at) for at in ("00:20", "00:50", "01:10", "01:30", "02:15")]
    assert writes == [0, 0, 1, 0, 1]  # 70 s after the login stamp, then 65 s after the one at 09:01:10
    with time_machine.travel("2023-01-10 09:40:00 +0700", tick=False):  # idle 37.75 minutes > 30
        assert client.get(reverse("report_detail", args=[report.pk])).status_code == 302


# ---- issue 15, the peak aim: what a save no longer reads or writes, and what it still guarantees ----------------

def test_after_a_submission_the_report_in_hand_is_what_the_database_holds(plan, personas):
    """The save no longer reads the report back: the values it sets must be the stored ones."""
    report = report_of(plan, "cc-dia-chinh")
    rows = {r.pk: {"status": "in_progress", "percent": 10, "results": "Đang làm"} for r in report.rows.filter(
        role="lead")}
    with at("2023-01-18"):  # January's deadline is the 20th: on time
        assert cycle.save(report, personas["owner"], 1, rows, True, date(2023, 1, 18)).ok
    stored = UnitReport.objects.get(pk=report.pk)
    fields = ("version", "state", "submitted_at", "submitted_by_id", "is_late", "updated_at")
    assert [getattr(report, f) for f in fields] == [getattr(stored, f) for f in fields]
    assert (stored.version, stored.state, stored.submitted_by_id, stored.is_late) == (
        2, "submitted", personas["owner"].pk, False)


def test_a_save_writes_only_the_rows_it_changes(plan, personas):
    """Rows the unit did not touch are not written at all, so a value stored beside the save (here straight into
    the table) survives it."""
    report = report_of(plan, "cc-dia-chinh")
    first, second = report.rows.filter(role="lead").order_by("pk")[:2]
    RowReport.objects.filter(pk=second.pk).update(obstacles="Ghi ngoài lần lưu này")
    with at("2023-01-10"):
        assert cycle.save(report, personas["owner"], 1, {first.pk: {"results": "Đã đo 12 thửa"}}, False,
                          date(2023, 1, 10)).ok
    assert RowReport.objects.get(pk=first.pk).results == "Đã đo 12 thửa"
    assert RowReport.objects.get(pk=second.pk).obstacles == "Ghi ngoài lần lưu này"


def _completion_reads(report, user, rows: dict, day: str) -> int:
    with at(day), CaptureQueriesContext(connection) as queries:
        assert cycle.save(report, user, report.version, rows, False, date.fromisoformat(day)).ok
    return sum('FROM "reports_completion"' in q["sql"] for q in queries.captured_queries)


def test_accepted_milestones_are_read_only_for_a_milestone_row_reported_done(plan, personas):
    # I.3.3 "Cuối tháng 7 và tháng 10/2023" has two milestones; its lead unit is the Office–Statistics.
    report = report_of(plan, "van-phong-tk")
    row = report.rows.get(role="lead", assignment__node__code="I.3.3")
    assert row.assignment.deadline_kind == "milestones"
    office = personas["office"]
    assert _completion_reads(report, office, {row.pk: {"status": "in_progress", "percent": 50}}, "2023-01-10") == 0
    report.refresh_from_db()
    done = {row.pk: {"status": "done", "percent": 100, "results": "Xong đợt 1", "finished_on": date(2023, 1, 9)}}
    assert _completion_reads(report, office, done, "2023-01-11") == 1


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", Path(settings.BASE_DIR) / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bench_posts_what_the_report_page_holds(client, plan, personas):
    """bench/peak.py reads the page's form as a browser does; sent back with new results, it saves."""
    peak, http = _bench("peak"), _bench("peak_http")
    report = report_of(plan, "quan-su")
    client.force_login(personas["office"])
    with at("2023-01-10"):
        form = http.PageForm()
        form.feed(client.get(reverse("report_detail", args=[report.pk])).content.decode())
        lead = list(report.rows.filter(role="lead").values_list("pk", flat=True))
        others = list(report.rows.filter(role="coordinating").values_list("pk", flat=True))
        assert form.files_optional and form.files == [f"r{pk}-evidence_file" for pk in lead]
        assert {f"r{pk}-{name}" for pk in lead for name in ("status", "percent", "finished_on", "results",
                                                              "obstacles", "proposals", "evidence_number",
                                                              "evidence_date")} <= set(form.fields)
        typed = peak.report_form({"form": form.fields, "version": report.version, "lead": lead,
                                  "coordinating": others}, 2, False)
        assert client.post(reverse("report_detail", args=[report.pk]), typed).status_code == 302
    assert set(report.rows.values_list("results", flat=True)) == {"Kết quả lần 2: đã triển khai theo kế hoạch."}
    assert set(report.rows.filter(role="lead").values_list("percent", flat=True)) == {20}
