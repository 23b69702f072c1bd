"""Issue 15 item 4: a report save resolves its commune once, writes its rows in bulk, leaves one audit entry with
every row's changes, and runs the same number of queries for 3 rows as for 19 (SQLite and PostgreSQL alike)."""
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import LogEntry
from audit.templatetags.audit import _row
from communes.models import DirectoryEntry
from reports.models import RowReport
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
