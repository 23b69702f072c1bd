"""theodoi.clock: the real calendar unless THEODOI_DEMO_DATE sets the demo's working day; refused in production."""
import os
import subprocess
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from reports.models import ReportState
from reports.services import cycle, periods
from theodoi import clock

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def at(moment: str):
    return time_machine.travel(moment, tick=False)


def test_without_the_setting_it_is_the_real_date_in_vietnam(settings):
    settings.THEODOI_DEMO_DATE = None
    # 23:30 in Hà Nội is still 16:30 UTC of the same day; the day is Vietnam's.
    with at("2024-03-05 23:30 +0700"):
        assert clock.today() == date(2024, 3, 5)
        assert clock.now() == datetime(2024, 3, 5, 23, 30, tzinfo=HANOI)


def test_the_demo_day_keeps_the_real_time_of_day(settings):
    settings.THEODOI_DEMO_DATE = "2023-06-10"
    with at("2026-01-20 14:45 +0700"):
        assert clock.today() == date(2023, 6, 10)
        assert clock.now() == datetime(2023, 6, 10, 14, 45, tzinfo=HANOI)


def test_an_empty_setting_is_off(settings):
    settings.THEODOI_DEMO_DATE = ""
    with at("2024-03-05 09:00 +0700"):
        assert clock.today() == date(2024, 3, 5)


def test_a_frozen_block_wins_over_the_demo_day_and_ends_with_the_block(settings):
    settings.THEODOI_DEMO_DATE = "2023-06-10"
    with clock.frozen(date(2023, 2, 17)):
        assert clock.today() == date(2023, 2, 17)
    assert clock.today() == date(2023, 6, 10)


def test_a_date_that_is_not_a_date_is_named_in_vietnamese(settings):
    settings.THEODOI_DEMO_DATE = "10/06/2023"
    with pytest.raises(ImproperlyConfigured, match="THEODOI_DEMO_DATE=«10/06/2023».*2023-06-10"):
        clock.today()


def test_production_refuses_the_setting_when_asked(settings):
    settings.THEODOI_DEMO_DATE, settings.PRODUCTION = "2023-06-10", True
    with pytest.raises(ImproperlyConfigured, match="THEODOI_PRODUCTION=1 không được dùng ngày làm việc giả định"):
        clock.today()


def test_production_refuses_to_start_with_a_demo_day():
    env = {k: v for k, v in os.environ.items() if not k.startswith("THEODOI_")}
    env.update(THEODOI_PRODUCTION="1", THEODOI_DEMO_DATE="2023-06-10", SECRET_KEY="k" * 30 + "ey-0123456789abcdefghij",
               ALLOWED_HOSTS="theodoi.example.vn", DJANGO_SETTINGS_MODULE="theodoi.settings")
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True,
                            text=True, cwd=django_settings.BASE_DIR)
    assert result.returncode != 0
    assert "THEODOI_PRODUCTION=1 không được dùng ngày làm việc giả định" in result.stderr
    assert "THEODOI_DEMO_DATE" in result.stderr


@pytest.mark.django_db
def test_every_page_shows_the_banner_when_the_demo_day_is_on(client, settings):
    settings.THEODOI_DEMO_DATE = "2023-06-10"
    page = client.get(reverse("login")).content.decode()
    assert "Bản chạy thử: ngày làm việc giả định 10/06/2023" in page
    settings.THEODOI_DEMO_DATE = None
    assert "Bản chạy thử" not in client.get(reverse("login")).content.decode()


def test_a_report_sent_on_the_demo_day_is_dated_in_the_plan_year(settings, plan, personas):
    settings.THEODOI_DEMO_DATE = "2023-06-10"
    unit = plan.commune.entries.get(key="cc-dia-chinh")
    period = periods.current_period(plan.commune, clock.today())
    assert (period.year, period.month) == (2023, 6)  # before the 20th, June is the month being reported
    report = cycle.open_report(period, unit, plan)
    rows = {row.pk: {"status": "in_progress", "percent": 40, "results": "Đã tiếp nhận 12 hồ sơ đất đai"}
            for row in report.rows.filter(role="lead")}
    with at("2026-01-20 10:15 +0700"):
        assert cycle.save(report, personas["owner"], report.version, rows, True, clock.today()).ok
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and report.is_late is False
    assert report.submitted_at == datetime(2023, 6, 10, 10, 15, tzinfo=HANOI)


def test_the_audit_trail_is_dated_on_the_demo_day(settings, db):
    from audit.services import log_action

    settings.THEODOI_DEMO_DATE = "2023-06-10"
    entry = log_action("demo.checked")
    assert entry.created_at.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).date() == date(2023, 6, 10)
