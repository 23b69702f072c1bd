"""Issue 16, item 3 in a real Chromium: the Chairman opens the public page and releases May; a visitor reads it on a
phone and prints it."""
import pytest
from django.core.cache import cache
from django.urls import reverse

from tests import seeds as seed
from tests.browser.test_phone_print_browser import A4_TEXT_WIDTH, PHONE, SIDEWAYS, WIDEST_TABLE, pdf_text
from tests.factories import import_sample

pytestmark = pytest.mark.browser


@pytest.fixture
def seeded_may(people):
    cache.clear()  # the memory cache outlives each test's database
    plan = import_sample(people["chairman"].commune)
    return seed.seed_may_2023(plan, people["office"])


def release_may(page, live_server):
    page.goto(f"{live_server.url}{reverse('dashboard')}")
    page.click("#disclosure-link a")
    page.click("#open-public")
    page.get_by_role("button", name="Công khai báo cáo tháng 05/2023").click()
    assert page.locator(".messages").inner_text() == "Đã công khai báo cáo tháng 05/2023."
    return page.locator("#public-link").get_attribute("href")


def test_the_chairman_releases_may_and_the_public_page_shows_it(seeded_may, login, live_server, browser):
    page = login("chutich")
    public_url = release_may(page, live_server)
    row = page.locator(f"tr[data-period='{seeded_may['may'].pk}']")
    assert "Đã công khai" in row.inner_text() and row.get_by_role("button", name="Thôi công khai").is_visible()
    visitor = browser.new_context().new_page()  # no login
    visitor.goto(f"{live_server.url}{public_url}")
    assert visitor.locator("h2.public-month").inner_text() == "Số liệu mới nhất đã công khai: Tháng 05/2023"
    assert visitor.locator("[data-count='total']").inner_text() == "69"
    assert visitor.locator("text=Đăng xuất").count() == 0


def test_the_public_page_on_a_phone_and_on_paper(seeded_may, login, live_server, browser, tmp_path):
    public_url = release_may(login("chutich"), live_server)
    page = browser.new_context().new_page()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{public_url}")
    page.wait_for_load_state("load")
    assert page.evaluate(SIDEWAYS) <= 0
    overdue = page.locator("tr[data-task='I.1.3']").first
    # A table row is a card on a phone: the header row is hidden and each cell says what it is.
    assert overdue.evaluate("tr => getComputedStyle(tr).display") == "block"
    assert page.locator("table.public-indicators thead").is_hidden()
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1000})
    assert page.evaluate(SIDEWAYS) <= 0 and page.evaluate(WIDEST_TABLE) <= 0
    text = pdf_text(page.pdf(format="A4"), tmp_path)
    assert "I.1.3" in text and "Tỷ lệ hộ nghèo" in text and "10/2022/QH15" in text
    assert "Dữ liệu dạng JSON" not in text  # a link for the screen only
