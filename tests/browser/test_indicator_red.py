"""The office enters a poverty rate that turns the indicator red; the page demands, then shows, the explanation."""
import pytest

from tests.factories import import_sample


@pytest.mark.browser
def test_red_value_demands_and_shows_an_explanation(people, login, live_server):
    plan = import_sample(people["office"].commune)
    poverty = plan.indicators.get(code="II.8")
    page = login("vanphong")
    page.goto(f"{live_server.url}/chi-tieu/")
    page.get_by_role("link", name="Tỷ lệ hộ nghèo").click()
    assert "dưới 0,12 %" in page.inner_text("main")
    page.get_by_role("link", name="Nhập số liệu").click()
    page.select_option("#id_period", "month-2023-6")
    page.fill("#id_value", "0,5")
    page.fill("#id_source", "Báo cáo rà soát hộ nghèo tháng 6")
    page.click("button[type=submit]")

    demand = page.locator("#explanation-demand")
    assert demand.is_visible()
    assert "chuyển" in demand.inner_text() and "Đỏ" in demand.inner_text()
    assert "Đơn vị cần nhập giải trình" in page.inner_text("#explanation-errors")
    assert page.input_value("#id_value") == "0,5"

    page.fill("#id_explanation", "Phát sinh 2 hộ nghèo mới do tai nạn lao động; xã đang hỗ trợ sinh kế.")
    page.click("button[type=submit]")
    page.wait_for_url(f"**/chi-tieu/{poverty.pk}/")
    assert "Đỏ" in page.inner_text("#indicator-colour")
    assert page.locator("#indicator-colour .ind-red").count() == 1
    assert "Phát sinh 2 hộ nghèo mới" in page.inner_text("#latest-explanation")
    row = page.locator("#values-table tbody tr").first
    assert "Tháng 06/2023" in row.inner_text() and "0,5" in row.inner_text()
    page.wait_for_function("() => window.Chart && Chart.getChart('indicator-chart')")
