"""The province dashboard in Chromium: desktop and phone, the chart drawn, drill-down to a commune's own board,
and a print with no navigation or filters."""
import pytest
from django.urls import reverse

from communes.models import AdminArea, AreaKind
from tests import seeds as seed
from tests.factories import import_sample, make_area_viewer

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def province_page(people, login, live_server):
    office = people["office"]
    province = AdminArea.objects.create(name="Nghệ An", kind=AreaKind.PROVINCE)
    district = AdminArea.objects.create(name="Vinh", kind=AreaKind.PROVINCIAL_CITY, parent=province)
    for commune in (office.commune, people["outsider"].commune):
        commune.area = district
        commune.save(update_fields=["area"])
    seed.seed_may_2023(import_sample(office.commune), office)
    import_sample(people["outsider"].commune)
    make_area_viewer(district, username="tp.xem")
    page = login("tp.xem")
    # The viewer of thành phố Vinh (a former district, as in 2023) opens the area of its communes.
    return page, f"{live_server.url}{reverse('province_dashboard', kwargs={'area_pk': district.pk})}?ky=2023-05"


def test_desktop_chart_ranking_and_drill_down(province_page):
    page, url = province_page
    page.set_viewport_size(DESKTOP)
    page.goto(url)
    assert page.locator("#chart-area svg rect").first.is_visible()
    assert page.locator("#chart-overdue svg rect").count() == 2  # both communes have overdue rows in May
    assert "Xếp hạng theo tỷ lệ báo cáo đúng hạn" in page.locator("#rule").inner_text()
    first = page.locator("#communes tbody tr").first
    assert first.locator("td").first.inner_text().strip() == "1"
    assert "Hưng Đông" in first.inner_text()  # the one commune with reports sent in May
    first.locator("a.drill").click()
    page.wait_for_load_state("load")
    assert "Bảng điều hành – Tháng 05/2023" in page.locator("h1").inner_text()
    assert "Hưng Đông" in page.locator("main").inner_text()


def test_phone_has_no_sideways_scroll_and_the_chart_fits(province_page):
    page, url = province_page
    page.set_viewport_size(PHONE)
    page.goto(url)
    assert page.evaluate(SIDEWAYS) <= 0
    chart = page.locator("#chart-area svg").bounding_box()
    assert chart is not None and chart["width"] <= PHONE["width"]
    assert page.locator("#communes thead").first.is_hidden()  # the table became one card per commune


def test_print_has_the_figures_and_no_filters(province_page):
    page, url = province_page
    page.goto(url)
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden()
    assert page.locator("#chart-area svg").is_visible()
    assert page.locator("#communes tbody tr").count() == 2
