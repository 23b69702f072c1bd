"""The Chairman opens the dashboard on a seeded month, follows a leader's overdue count, downloads the report."""
from datetime import date

import pytest

from plans.models import AssignmentRef
from reports.queries.rates import status_of
from tests import seeds
from tests.factories import import_sample


def overdue_directed_by(plan, key: str) -> set[int]:
    refs = AssignmentRef.objects.filter(role="leader", entry__key=key, assignment__node__plan=plan)
    return {r.assignment_id for r in refs.select_related("assignment")
            if status_of(r.assignment, date(2023, 5, 14)).code == "open_overdue"}


@pytest.mark.browser
def test_chairman_follows_an_overdue_count_and_downloads_the_report(people, login, live_server):
    plan = import_sample(people["office"].commune)
    seeds.seed_may_2023(plan, people["office"])
    expected = overdue_directed_by(plan, "chu-tich")
    page = login("chutich")
    page.goto(f"{live_server.url}/dieu-hanh/")
    page.select_option("#ky", label="Tháng 05/2023")
    page.get_by_role("button", name="Xem kỳ").click()
    page.wait_for_url("**/dieu-hanh/?ky=*")
    assert "Bảng điều hành – Tháng 05/2023" in page.inner_text("h1")
    assert seeds.OVERDUE_CODE in page.inner_text("#overdue")
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-leaders')")

    leader_line = page.locator("#by-leader tbody tr").filter(has=page.locator("th", has_text="Chủ tịch UBND")).first
    leader_line.locator("a[data-status=open_overdue]").click()
    page.wait_for_url("**/dieu-hanh/dong/**")
    shown = {int(pk) for pk in page.locator("#rows tbody tr").evaluate_all("rows => rows.map(r => r.dataset.row)")}
    assert shown == expected and expected
    assert "Chủ tịch UBND" in page.inner_text("#row-filter")

    page.go_back()
    with page.expect_download() as download_info:
        page.click("#report-month")
    download = download_info.value
    assert download.suggested_filename == "bao-cao-thang-05-2023.docx"
    assert download.path().stat().st_size > 10000
