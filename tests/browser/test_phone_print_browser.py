"""Phone and print (issue 12, item 10): the dashboard on a 390 px phone has no sideways scroll, its tables become
cards and its long sections fold; the evaluation table fits a 1366 px screen; both print on A4 with no navigation,
nothing folded left out and no table cut at the page's edge."""
import subprocess
from datetime import date

import pytest
from django.urls import reverse

from reports.models import Completion
from tests import seeds
from tests.factories import import_sample

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
# A4 is 210 mm wide; less the 12 mm margins of static/css/theodoi.css (@page) on each side, 186 mm at 96 px per inch.
A4_TEXT_WIDTH = round(186 / 25.4 * 96)

SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
WIDEST_TABLE = ("() => Math.max(...[...document.querySelectorAll('main table')]"
                ".map(t => t.scrollWidth - t.parentElement.clientWidth))")


@pytest.fixture
def may_board(people, login, live_server):
    plan = import_sample(people["office"].commune)
    data = seeds.seed_may_2023(plan, people["office"])
    page = login("chutich")
    return page, f"{live_server.url}{reverse('dashboard')}?ky={data['may'].pk}"


def pdf_text(pdf: bytes, tmp_path) -> str:
    """The printed words in the order Chromium wrote them, a cell's lines joined by single spaces."""
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_the_dashboard_on_a_phone_has_cards_folds_and_no_sideways_scroll(may_board):
    page, url = may_board
    page.set_viewport_size(PHONE)
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.evaluate(SIDEWAYS) <= 0
    # Tables are one card per record: the header row is hidden and each cell says what it is.
    unit_line = page.locator("#by-unit tbody tr").first
    assert page.locator("#by-unit thead").first.is_hidden()
    assert unit_line.evaluate("tr => getComputedStyle(tr).display") == "block"
    # Long sections are folded on a phone; a tap opens one, and the page is still no wider than the screen.
    folded = page.locator("details[data-fold]:not([open])")
    assert folded.count() >= 5
    page.locator("#by-unit summary").click()
    assert unit_line.is_visible() and page.evaluate(SIDEWAYS) <= 0


def test_the_dashboard_prints_on_a4_with_no_navigation_and_nothing_folded_away(may_board, tmp_path):
    page, url = may_board
    page.set_viewport_size(PHONE)
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.locator("details[data-fold]:not([open])").count() >= 5  # folded, as a phone left them
    page.emulate_media(media="print")
    # Every <nav> is hidden in print: the site menu and the dashboard's origin filter.
    assert page.locator(".topbar").is_hidden() and all(nav.is_hidden() for nav in page.locator("nav").all())
    assert page.locator("#by-unit tbody tr").first.is_visible()  # a folded section is printed all the same
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1000})
    assert page.evaluate(SIDEWAYS) <= 0 and page.evaluate(WIDEST_TABLE) <= 0  # no table cut at the page's edge
    text = pdf_text(page.pdf(format="A4"), tmp_path)
    assert "Theo đơn vị chủ trì" in text and "Công chức Địa chính" in text and seeds.OVERDUE_CODE in text
    assert "Điều hành" not in text and "Đăng xuất" not in text  # the navigation bar is not printed


@pytest.fixture
def evaluation_page(people, login, live_server):
    plan = import_sample(people["chairman"].commune)
    row = plan.nodes.get(code="II.3.1").assignments.get()
    Completion.objects.create(assignment=row, completed_on=date(2023, 6, 16))
    page = login("chutich")
    return page, f"{live_server.url}{reverse('evaluation_plan', args=[plan.pk])}"


def test_the_evaluation_table_fits_a_1366_screen_and_prints_on_a4(evaluation_page, tmp_path):
    page, url = evaluation_page
    page.set_viewport_size(LAPTOP)
    page.goto(url)
    assert page.locator("table.evaluation").count() >= 1
    assert page.evaluate(SIDEWAYS) <= 0 and page.evaluate(WIDEST_TABLE) <= 0
    page.emulate_media(media="print")
    assert page.locator(".topbar").is_hidden()
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1000})
    assert page.evaluate(SIDEWAYS) <= 0 and page.evaluate(WIDEST_TABLE) <= 0
    text = pdf_text(page.pdf(format="A4"), tmp_path)
    assert "Công chức Địa chính" in text and "Đăng xuất" not in text
