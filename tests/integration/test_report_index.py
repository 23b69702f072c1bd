"""The month page: a unit with nothing to report is told so; a plan whose year is over opens no new period."""
import time_machine
from django.urls import reverse

from accounts.models import Role
from communes.models import DirectoryEntry, EntryCategory
from reports.models import ReportingPeriod
from tests.factories import make_user


def test_a_unit_with_nothing_to_report_is_told_so_with_no_report_button(client, plan):
    # A hamlet added to the directory after the plan: no row of the plan names it, as lead or coordinating.
    hamlet = DirectoryEntry.objects.create(commune=plan.commune, key="xom-13", name="Xóm 13",
                                           category=EntryCategory.UNIT)
    client.force_login(make_user("xom13", Role.UNIT_OFFICER, plan.commune, unit_keys=["xom-13"]))
    with time_machine.travel("2023-06-10 09:00 +0700", tick=False):
        page = client.get(reverse("report_index")).content.decode()
    assert "Xóm 13 không chủ trì nhiệm vụ nào trong kế hoạch này" in page
    assert reverse("report_start", args=[hamlet.pk]) not in page and not ReportingPeriod.objects.exists()


def test_a_unit_with_rows_gets_its_report_button(client, plan, personas):
    client.force_login(personas["owner"])  # Công chức Địa chính leads rows of the sample
    with time_machine.travel("2023-06-10 09:00 +0700", tick=False):
        page = client.get(reverse("report_index")).content.decode()
    # June is not opened yet (a GET writes nothing): the button posts and opens it (issue 12, item 7)
    assert "không chủ trì nhiệm vụ nào" not in page and "Lập báo cáo tháng 06/2023" in page


def test_a_plan_whose_year_is_over_opens_no_period(client, plan, personas):
    client.force_login(personas["office"])
    with time_machine.travel("2025-03-10 09:00 +0700", tick=False):
        page = client.get(reverse("report_index")).content.decode()
    assert "đã hết năm" in page and not ReportingPeriod.objects.exists()


def test_a_stale_csrf_token_gets_a_vietnamese_page_that_says_the_typing_is_kept(plan, personas):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["owner"])
    response = client.post(reverse("report_index"), {"csrfmiddlewaretoken": "cu"})
    assert response.status_code == 403
    assert "Trang này đã cũ" in response.content.decode() and "được giữ trong trình duyệt" in response.content.decode()
