"""The office corrects an imported row through the real pages: the reading first, then the save, then the marks."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def plan(people):
    from tests.factories import import_sample

    return import_sample(people["office"].commune)


def test_office_corrects_a_deadline_sees_the_reading_then_the_mark_and_the_history(page, people, plan, login,
                                                                                  live_server):
    login("vanphong")
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/nhiem-vu/I.4.4/")
    page.click("text=thời hạn")
    expect(page.locator("h1")).to_contain_text("Nhiệm vụ I.4.4, dòng 1")
    page.fill("#id_value", "Trước ngày 30/11/2023")
    page.fill("#id_reason", "Theo Thông báo kết luận số 15/TB-UBND của Chủ tịch")
    expect(page.locator("button[value=save]")).to_have_count(0)  # no save before the reading is shown
    page.click("button[value=preview]")
    expect(page.locator("#reading")).to_contain_text("Hạn chót: ngày 30 tháng 11 năm 2023")
    page.click("button[value=save]")
    expect(page).to_have_url(re.compile(r"/nhiem-vu/I\.4\.4/$"))
    expect(page.locator(".messages")).to_contain_text("Đã sửa thời gian hoàn thành của Nhiệm vụ I.4.4, dòng 1")
    expect(page.locator("#lich-su-sua")).to_contain_text("Theo Thông báo kết luận số 15/TB-UBND của Chủ tịch")
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    row = page.locator('[id="I.4.4"] .row-card').first
    expect(row.locator(".tag.corrected")).to_contain_text("Thời gian hoàn thành")
    expect(row.locator(".deadline")).to_contain_text("ngày 30 tháng 11 năm 2023")


def test_office_fills_the_missing_solution_and_the_anomaly_says_it_was_corrected(page, people, plan, login,
                                                                                 live_server):
    login("vanphong")
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/nhiem-vu/I.4.2/")
    page.locator(".corrections-links").first.locator("text=giải pháp").click()
    page.fill("#id_value", "(1) Tuyên truyền, hỗ trợ người nộp thuế.\n(2) Quản lý thu, chống thất thu.\n"
                           "(3) Kiểm tra thuế; quản lý nợ và cưỡng chế nợ thuế.\n(4) Khai thác nguồn thu phát sinh.")
    page.fill("#id_reason", "Giải pháp (4) mất khi ngắt trang")
    page.click("button[value=preview]")
    expect(page.locator("#reading")).to_contain_text("(4) Khai thác nguồn thu phát sinh.")
    page.click("button[value=save]")
    expect(page.locator(".anomaly")).to_contain_text("Đã sửa: Giải pháp")
