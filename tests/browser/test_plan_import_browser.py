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


NGHI_PHONG = SAMPLE.parent / "plans" / "pdf-xa-nghi-phong-2024.txt"


def test_another_localitys_plan_is_refused_with_both_names_and_only_a_way_back(page, people, login, live_server):
    from plans.models import Plan

    login("vanphong")
    page.goto(f"{live_server.url}/ke-hoach/nhap/")
    page.set_input_files("#id_file", str(NGHI_PHONG))
    page.click("text=Đọc và xem trước")
    expect(page.locator("h1")).to_contain_text("kế hoạch của địa phương khác")
    expect(page.locator("#document-locality")).to_have_text("UBND xã Nghi Phong")
    expect(page.locator("#commune-locality")).to_have_text("xã Hưng Đông")
    expect(page.locator("main button")).to_have_count(0)
    expect(page.locator("main a")).to_have_count(1)
    page.click("text=Quay lại chọn tệp khác")
    expect(page).to_have_url(re.compile(r"/ke-hoach/nhap/$"))
    assert Plan.objects.count() == 0


def test_office_withdraws_a_wrong_version_and_the_previous_one_is_current_again(page, people, login, live_server):
    from plans.models import Plan
    from plans.services.importer import import_plan
    from tests.factories import import_sample

    first = import_sample(people["office"].commune)
    changed = SAMPLE.read_text(encoding="utf-8").replace("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023")
    second = import_plan(first.commune, changed.encode(), "ke-hoach-du-thao.txt").plan
    login("vanphong")
    page.goto(f"{live_server.url}/ke-hoach/{second.pk}/")
    page.click("text=Rút phiên bản này (nhập nhầm)")
    expect(page.locator("#after-withdrawal")).to_contain_text("phiên bản 1")
    page.click("text=Xác nhận rút phiên bản 2")
    expect(page.locator("#id_reason:invalid")).to_have_count(1)  # the browser asks for the reason first
    page.fill("#id_reason", "Nhập nhầm bản dự thảo chưa ký")
    page.click("text=Xác nhận rút phiên bản 2")
    expect(page.locator(".messages")).to_contain_text("phiên bản đang áp dụng là phiên bản 1")
    expect(page).to_have_url(re.compile(rf"/ke-hoach/{first.pk}/$"))
    assert Plan.objects.get(is_current=True) == first
