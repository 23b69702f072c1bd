"""A unit officer types a report (the office a periodic report's section), the session expires, they log in again:
the text is there, whichever way it went.

Three ways a session ends under someone's typing: the save is sent after it expired (the server keeps the post
through the login), the page is reloaded (the browser's own copy comes back), or the CSRF token went stale because
they logged in again in another tab (the post is refused before any view; the browser's copy comes back).
"""
import pytest
import time_machine
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from periodic.models import Narrative
from periodic.services import narratives
from reports.models import UnitReport
from tests.factories import PASSWORD, import_sample

pytestmark = pytest.mark.browser

JANUARY_OPEN = "2023-01-10 08:00 +0700"
TYPED = "Đã rà soát 4 dự án chậm tiến độ, đề nghị thu hồi 1 dự án tại xóm 5"
OBSTACLE = "Chủ đầu tư chưa hợp tác; hồ sơ gốc thất lạc"


def log_in_here(page, username="diachinh"):
    """Fill the login page the browser was sent to; its ?next= brings it back."""
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


def expire_sessions():
    Session.objects.all().delete()  # what the idle limit does to the row, or a restart with a cleared table


def test_a_save_sent_after_the_session_expired_comes_back_after_the_login(page, login, report_url):
    url, row = report_url
    with time_machine.travel(JANUARY_OPEN, tick=True):
        login("diachinh")
        page.goto(url)
        page.fill(f"#r{row}-results", TYPED)
        page.fill(f"#r{row}-obstacles", OBSTACLE)
        expire_sessions()
        page.click("button[value=save]")
        expect(page.locator(".messages")).to_contain_text("Phiên đăng nhập đã hết hạn")
        log_in_here(page)
        expect(page.locator(".messages")).to_contain_text("Đã khôi phục nội dung bạn đang nhập dở")
        expect(page.locator(f"#r{row}-results")).to_have_value(TYPED)
        expect(page.locator(f"#r{row}-obstacles")).to_have_value(OBSTACLE)
        page.click("button[value=save]")
        expect(page.locator(".messages")).to_contain_text("Đã lưu bản nháp")
        page.reload()  # saved: the browser's copy is dropped, nothing is offered again
        expect(page.locator(f"#r{row}-results")).to_have_value(TYPED)
        expect(page.locator(".draft-notice")).to_have_count(0)
    assert UnitReport.objects.get().rows.get(pk=row).results == TYPED


def test_a_reload_after_the_session_expired_brings_back_the_browsers_copy(page, login, report_url):
    url, row = report_url
    with time_machine.travel(JANUARY_OPEN, tick=True):
        login("diachinh")
        page.goto(url)
        page.fill(f"#r{row}-results", TYPED)
        page.select_option(f"#r{row}-status", "in_progress")
        expire_sessions()
        page.reload()
        expect(page).to_have_url(f"{page.url.split('?')[0]}?next=/bao-cao/{url.rstrip('/').rsplit('/', 1)[1]}/")
        log_in_here(page)
        notice = page.locator(".draft-notice")
        expect(notice).to_contain_text("Đã khôi phục nội dung bạn đang nhập dở lúc")
        expect(notice).to_contain_text("chưa được lưu lên máy chủ")
        expect(page.locator(f"#r{row}-results")).to_have_value(TYPED)
        expect(page.locator(f"#r{row}-status")).to_have_value("in_progress")
        notice.get_by_role("button", name="Bỏ nội dung khôi phục").click()
        expect(page.locator(f"#r{row}-results")).to_have_value("")
        expect(notice).to_have_count(0)
        page.reload()
        expect(page.locator(".draft-notice")).to_have_count(0)


def renew_csrf_in_another_tab(page, url, username):
    """Log out and in again in a second tab, as a person does: the first tab's CSRF token goes stale."""
    other_tab = page.context.new_page()
    other_tab.goto(url)
    other_tab.click("header button.link")  # Đăng xuất
    other_tab.fill("#id_username", username)
    other_tab.fill("#id_password", PASSWORD)
    with other_tab.expect_navigation():  # closing a tab mid-navigation can hang Chromium (playwright#41900)
        other_tab.click("main button[type=submit]")
    other_tab.close()


def test_a_stale_csrf_token_loses_nothing(page, login, report_url):
    url, row = report_url
    with time_machine.travel(JANUARY_OPEN, tick=True):
        login("diachinh")
        page.goto(url)
        page.fill(f"#r{row}-results", TYPED)
        renew_csrf_in_another_tab(page, url, "diachinh")
        response = page.expect_response(lambda r: r.request.method == "POST")
        with response as posted:
            page.click("button[value=save]")
        assert posted.value.status == 403
        page.goto(url)
        expect(page.locator(".draft-notice")).to_contain_text("Đã khôi phục nội dung bạn đang nhập dở")
        expect(page.locator(f"#r{row}-results")).to_have_value(TYPED)
        page.click("button[value=save]")
        expect(page.locator(".messages")).to_contain_text("Đã lưu bản nháp")
        expect(page.locator(".draft-notice")).to_have_count(0)
    assert UnitReport.objects.get().rows.get(pk=row).results == TYPED


def test_the_indicator_form_keeps_its_typing_too(page, login, people, live_server):
    plan = import_sample(people["office"].commune)
    indicator = plan.indicators.get(code="I.4.2")
    url = f"{live_server.url}/chi-tieu/{indicator.pk}/nhap-so-lieu/"
    with time_machine.travel("2023-06-16 08:00 +0700", tick=True):
        login("vanphong")
        page.goto(url)
        page.fill("#id_value", "1.250.000.000")
        page.fill("#id_note", "Thu phí chợ và cho thuê ki-ốt tháng 6")
        expire_sessions()
        page.reload()
        log_in_here(page, "vanphong")
        expect(page.locator(".draft-notice")).to_contain_text("Đã khôi phục nội dung bạn đang nhập dở")
        expect(page.locator("#id_value")).to_have_value("1.250.000.000")
        expect(page.locator("#id_note")).to_have_value("Thu phí chợ và cho thuê ki-ốt tháng 6")
        expect(page.locator("#id_note + small.char-count, #id_note ~ .char-count").first).to_contain_text(
            "Còn 1.963 / 2.000 ký tự")


@pytest.fixture
def section_url(people, live_server):
    """The quarter II report's «Đánh giá chung» section (issue 16's periodic reports, written in the app)."""
    plan = import_sample(people["office"].commune)
    with time_machine.travel("2023-06-20 08:00 +0700", tick=False):
        report = narratives.create_report(plan, "quarter-2", people["office"]).report
    return f"{live_server.url}/bao-cao-dinh-ky/{report.pk}/", report.narratives.get(key="danh-gia-chung").pk


def save_section(page):
    page.locator("form[data-section=danh-gia-chung]").get_by_role("button", name="Lưu phần này").click()


def test_a_periodic_section_saved_after_the_session_expired_comes_back_after_the_login(page, login, section_url):
    url, narrative = section_url
    with time_machine.travel("2023-06-20 08:00 +0700", tick=True):
        login("vanphong")
        page.goto(url)
        page.fill("#text-danh-gia-chung", TYPED)
        expire_sessions()
        save_section(page)
        expect(page.locator(".messages")).to_contain_text("Phiên đăng nhập đã hết hạn")
        log_in_here(page, "vanphong")
        expect(page).to_have_url(url)
        expect(page.locator(".messages")).to_contain_text("Đã khôi phục nội dung bạn đang nhập dở")
        expect(page.locator("#text-danh-gia-chung")).to_have_value(TYPED)
        # The section's limit is shown as on the unit's report (drafts.js counts every textarea with a maxlength):
        # TYPED is 66 characters, 20.000 − 66 = 19.934.
        expect(page.locator("#text-danh-gia-chung + .char-count")).to_have_text("Còn 19.934 / 20.000 ký tự")
        save_section(page)
        expect(page.locator(".messages")).to_contain_text("Đã lưu phần «Đánh giá chung")
        page.reload()  # saved: the browser's copy is dropped, nothing is offered again
        expect(page.locator("#text-danh-gia-chung")).to_have_value(TYPED)
        expect(page.locator(".draft-notice")).to_have_count(0)
    assert Narrative.objects.get(pk=narrative).text == TYPED


def test_a_stale_csrf_token_loses_no_periodic_section(page, login, section_url):
    url, narrative = section_url
    with time_machine.travel("2023-06-20 08:00 +0700", tick=True):
        login("vanphong")
        page.goto(url)
        page.fill("#text-danh-gia-chung", TYPED)
        renew_csrf_in_another_tab(page, url, "vanphong")
        with page.expect_response(lambda r: r.request.method == "POST") as posted:
            save_section(page)
        assert posted.value.status == 403
        page.goto(url)
        expect(page.locator("#draft-restored-danh-gia-chung")).to_contain_text("Đã khôi phục nội dung bạn đang nhập dở")
        expect(page.locator("#text-danh-gia-chung")).to_have_value(TYPED)
        save_section(page)
        expect(page.locator(".messages")).to_contain_text("Đã lưu phần «Đánh giá chung")
        expect(page.locator(".draft-notice")).to_have_count(0)
    assert Narrative.objects.get(pk=narrative).text == TYPED
