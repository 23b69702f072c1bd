"""A unit officer reports on a phone; the office returns, then accepts; the row is done on time; the office drafts
the reminder letter."""
import pytest
import time_machine
from docx import Document
from playwright.sync_api import expect

from audit.models import LogEntry
from tests import seeds
from tests.factories import import_sample

pytestmark = pytest.mark.browser


def switch_user(page, login, username):
    page.context.clear_cookies()
    return login(username)


def fill_all_rows(page, results: str):
    for select in page.locator("select[name$='-status']").all():
        select.select_option("done")
    for box in page.locator("input[name$='-percent']").all():
        box.fill("100")
    for area in page.locator("textarea[name$='-results']").all():
        area.fill(results)


def test_month_on_a_phone_with_a_return_and_an_acceptance(page, people, login, live_server):
    plan = import_sample(people["office"].commune)
    with time_machine.travel("2023-01-18 08:00 +0700", tick=True):
        page.set_viewport_size({"width": 390, "height": 844})
        login("diachinh")
        page.goto(f"{live_server.url}/bao-cao/")
        page.click("text=Báo cáo Tháng 01/2023 – Công chức Địa chính")
        fill_all_rows(page, "Đã rà soát")
        page.click("button[value=submit]")
        expect(page.locator(".messages")).to_contain_text("Đã gửi báo cáo")
        expect(page.locator("#report-state")).to_have_text("Đã gửi, chờ duyệt")
        report_url = page.url

        switch_user(page, login, "vanphong")
        page.goto(report_url)
        page.fill("#reason", "Ghi rõ số dự án đã rà soát")
        page.click("button[value=return]")
        expect(page.locator("#report-state")).to_have_text("Bị trả lại")

        switch_user(page, login, "diachinh")
        page.goto(report_url)
        expect(page.get_by_role("alert")).to_contain_text("Ghi rõ số dự án đã rà soát")
        fill_all_rows(page, "Đã rà soát 4 dự án chậm tiến độ, đề nghị thu hồi 1 dự án")
        page.click("button[value=submit]")
        expect(page.locator("#report-state")).to_have_text("Đã gửi, chờ duyệt")

        switch_user(page, login, "vanphong")
        page.goto(report_url)
        page.click("button[value=accept]")
        expect(page.locator("#report-state")).to_have_text("Đã chấp nhận")

        page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/nhiem-vu/I.1.1/")
        land_row = page.locator(".row-card", has_text="Rà soát đầy đủ, cụ thể các dự án không khả thi")
        expect(land_row.locator(".row-status")).to_contain_text("Hoàn thành đúng hạn")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390


def test_the_office_drafts_the_reminder_letter_from_the_chase_page(page, people, login, live_server):
    """The letter is a POST from the page's form (drafting it is recorded; no GET writes): the button still gives
    the file, and the trail says who drafted it."""
    plan = import_sample(people["office"].commune)
    may = seeds.seed_may_2023(plan, people["office"])["may"]
    with time_machine.travel("2023-05-22 08:00 +0700", tick=True):  # May's report day, 20/05, has passed
        login("vanphong")
        page.goto(f"{live_server.url}/bao-cao/don-doc/?ky={may.pk}")
        with page.expect_download() as download_info:
            page.get_by_role("button", name="Soạn công văn đôn đốc (.docx)").click()
    download = download_info.value
    assert download.suggested_filename == "cong-van-don-doc-2023-05.docx"
    lines = [p.text for p in Document(str(download.path())).paragraphs]
    # Địa chính and Kinh tế sent May's report (Kinh tế late); the Office–Statistics officer sent nothing.
    assert "Kính gửi:" in lines and "- Công chức Văn phòng - Thống kê;" in lines
    assert not [line for line in lines if "Địa chính" in line or "Kinh tế - Nông nghiệp" in line]
    assert LogEntry.objects.get(action="reminder.letter_drafted").actor == people["office"]
