"""The office officer imports the plan through the real pages in headless Chromium."""
import re

import pytest
from playwright.sync_api import expect

from tests.conftest import SAMPLE

pytestmark = pytest.mark.browser


def test_office_uploads_previews_confirms_and_finds_the_joined_task(page, people, login, live_server):
    login("vanphong")
    page.goto(f"{live_server.url}/ke-hoach/nhap/")
    page.set_input_files("#id_file", str(SAMPLE))
    page.click("text=Đọc và xem trước")
    expect(page.locator("h1")).to_contain_text("Xem trước")
    expect(page.locator(".anomaly")).to_contain_text("thiếu 4.4")
    page.click("text=Xác nhận nhập kế hoạch")
    expect(page.locator(".messages")).to_contain_text("Đã nhập kế hoạch")
    task = page.locator('[id="II.5.4"] > .node-title')
    expect(task).to_contain_text("70 năm thành lập xã Hưng Đông. Tiếp tục thực hiện có hiệu quả công tác phòng cháy")
    task.click()
    expect(page).to_have_url(re.compile(r"/nhiem-vu/II\.5\.4/$"))
    expect(page.locator("h1")).to_contain_text("trên địa bàn. Bảo vệ an toàn tuyệt đối")


def test_plan_page_works_on_a_phone(page, people, login, live_server):
    from plans.models import Plan
    from tests.factories import import_sample

    import_sample(people["office"].commune)
    page.set_viewport_size({"width": 375, "height": 740})
    login("diachinh")
    plan = Plan.objects.get()
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    expect(page.locator("h1")).to_contain_text("Kế hoạch Phát triển kinh tế - xã hội năm 2023")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone ({width}px)"
