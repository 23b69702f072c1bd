"""Issue 13 end to end in a browser: the office corrects a row's deadline and adds an arising task, then finds both
on the dashboard and in the monthly report DOCX."""
import re

import pytest
from docx import Document
from playwright.sync_api import expect

from reports.services import periods
from tests.browser.test_arising_browser import MARKER, fill_task
from tests.factories import import_sample

pytestmark = pytest.mark.browser


def correct_deadline(page, base, plan):
    # I.4.4 of the sample is due "Năm 2023"; the Chairman's conclusion moved it to the end of May.
    page.goto(f"{base}/ke-hoach/{plan.pk}/nhiem-vu/I.4.4/")
    page.click("text=thời hạn")
    page.fill("#id_value", "Trước ngày 31/5/2023")
    page.fill("#id_reason", "Theo Thông báo kết luận số 15/TB-UBND của Chủ tịch")
    page.click("button[value=preview]")
    expect(page.locator("#reading")).to_contain_text("Hạn chót: ngày 31 tháng 5 năm 2023")
    page.click("button[value=save]")
    expect(page).to_have_url(re.compile(r"/nhiem-vu/I\.4\.4/$"))


def add_arising(page, base, plan):
    page.goto(f"{base}/phat-sinh/them/")
    fill_task(page, plan)
    page.get_by_role("button", name="Đọc thời hạn và xem trước").click()
    page.get_by_role("button", name="Lưu nhiệm vụ").click()
    page.wait_for_url("**/nhiem-vu/PS.1/")


def test_a_corrected_row_and_an_arising_task_reach_the_dashboard_and_the_monthly_report(people, login, live_server):
    plan = import_sample(people["office"].commune)
    july = periods.ensure_period(plan.commune, 2023, 7)
    page = login("vanphong")
    correct_deadline(page, live_server.url, plan)
    add_arising(page, live_server.url, plan)

    # July is judged at its cut-off, 14/07/2023: the corrected I.4.4 is overdue since 31/05; PS.1 (due 31/07) is not.
    page.goto(f"{live_server.url}/dieu-hanh/?ky={july.pk}")
    overdue = page.inner_text("#overdue")
    assert "I.4.4" in overdue and "PS.1" not in overdue
    page.locator("#origin").get_by_role("link", name="Phát sinh", exact=True).click()
    page.wait_for_url("**nguon=phat-sinh**")
    page.locator("#overall a").last.click()
    page.wait_for_url("**/dieu-hanh/dong/**")
    assert "PS.1" in page.inner_text("#rows") and "I.4.4" not in page.inner_text("#rows")

    page.goto(f"{live_server.url}/dieu-hanh/?ky={july.pk}")
    with page.expect_download() as download_info:
        page.click("#report-month")
    document = Document(download_info.value.path())
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert f"PS.1 Tổ chức ra quân diệt bọ gậy tại các xóm ({MARKER})" in text
    assert "I.4.4" in text + cells and "31/05/2023" in text + cells
