"""An officer logs in, sees only their commune, and is locked out after repeated wrong passwords."""
import pytest
from django.conf import settings
from playwright.sync_api import expect

from plans.models import Plan
from tests.factories import import_sample

pytestmark = pytest.mark.browser


def test_officer_sees_only_their_commune_then_is_locked_out(people, login, page, live_server):
    owner, outsider = people["owner"], people["outsider"]
    import_sample(owner.commune)
    theirs = import_sample(outsider.commune)

    login("diachinh")
    expect(page.locator(".who")).to_contain_text("Hưng Đông")
    page.goto(f"{live_server.url}/ke-hoach/")
    expect(page.locator("main")).not_to_contain_text("Hưng Bình")
    assert page.locator("main a[href^='/ke-hoach/']").count() >= 1
    page.goto(f"{live_server.url}/danh-ba/")
    expect(page.locator("main")).to_contain_text("Địa chính")
    response = page.goto(f"{live_server.url}/ke-hoach/{theirs.pk}/")
    assert response.status == 404 and Plan.objects.filter(pk=theirs.pk).exists()
    page.goto(f"{live_server.url}/ke-hoach/")
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.locator("#id_username")).to_be_visible()

    for _ in range(settings.AXES_FAILURE_LIMIT):
        login("diachinh", "mat-khau-sai")
    expect(page.get_by_role("alert")).to_contain_text("tạm thời bị khóa")
    expect(page.locator("main")).to_contain_text("Vui lòng thử lại sau")
    expect(page.locator("main")).to_contain_text("Văn phòng – Thống kê")
    login("diachinh")  # the right password too, until the lockout ends or the office unlocks
    expect(page.locator("main")).to_contain_text("tạm thời bị khóa")
