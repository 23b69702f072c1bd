"""The office adds a task arising during the year, reads how its deadline was understood, saves it, and finds it on
the dashboard under «Phát sinh» and in the monthly report with its source."""
import pytest
from docx import Document

from reports.services import periods
from tests.factories import import_sample

MARKER = "Nhiệm vụ phát sinh — Chỉ thị số 08/CT-UBND ngày 12/07/2023"


def fill_task(page, plan):
    page.select_option("#id_kind", "directive")
    page.fill("#id_number", "08/CT-UBND")
    page.fill("#id_issued_on", "12/7/2023")
    page.fill("#id_issuer", "UBND thành phố Vinh")
    page.fill("#id_quoted_text", "Giao UBND các phường, xã tổ chức ra quân diệt bọ gậy trước ngày 31/7/2023.")
    page.fill("#id_title", "Tổ chức ra quân diệt bọ gậy tại các xóm")
    page.select_option("#id_lead_units", str(plan.commune.entries.get(key="tram-y-te").pk))
    page.fill("#id_deadline", "trước ngày 31/7/2023")
    page.fill("#id_reason", "Chỉ thị của UBND thành phố giao thêm")


@pytest.mark.browser
def test_office_adds_an_arising_task_and_sees_it_on_the_dashboard_and_in_the_report(people, login, live_server):
    plan = import_sample(people["office"].commune)
    july = periods.ensure_period(plan.commune, 2023, 7)
    page = login("vanphong")
    page.goto(f"{live_server.url}/phat-sinh/them/")
    fill_task(page, plan)
    page.get_by_role("button", name="Đọc thời hạn và xem trước").click()
    assert "Hạn chót: ngày 31 tháng 7 năm 2023" in page.inner_text("#deadline-reading")
    page.get_by_role("button", name="Lưu nhiệm vụ").click()
    page.wait_for_url("**/nhiem-vu/PS.1/")

    page.goto(f"{live_server.url}/dieu-hanh/?ky={july.pk}")
    page.locator("#origin").get_by_role("link", name="Phát sinh", exact=True).click()
    page.wait_for_url("**nguon=phat-sinh**")
    assert "(phát sinh)" in page.inner_text("#overall-title")
    page.locator("#overall a").last.click()
    page.wait_for_url("**/dieu-hanh/dong/**")
    assert page.locator("#rows tbody tr").count() == 1
    assert "PS.1" in page.inner_text("#rows")

    page.go_back()
    with page.expect_download() as download_info:
        page.click("#report-month")
    text = "\n".join(p.text for p in Document(download_info.value.path()).paragraphs)
    assert f"PS.1 Tổ chức ra quân diệt bọ gậy tại các xóm ({MARKER})" in text
