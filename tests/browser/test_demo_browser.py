"""The demo as the Chairman opens it on a phone: the banner, the overdue rows and no sideways scroll at 390 px."""
import pytest
from django.core.management import call_command

from accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_the_chairman_opens_the_demo_on_a_phone(page, live_server, transactional_db, settings):
    settings.THEODOI_DEMO_DATE = "2023-06-10"
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    chairman = User.objects.get(username="chutich")
    chairman.set_password(PASSWORD)
    chairman.save()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "chutich")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/dieu-hanh/")
    assert page.inner_text(".demo-banner") == "Bản chạy thử: ngày làm việc giả định 10/06/2023"
    assert "Nhiệm vụ chưa hoàn thành, quá hạn (2)" in page.inner_text("#overdue")
    page.click("#overdue summary")  # on a phone long sections are folded; the Chairman unfolds this one
    overdue = page.inner_text("#overdue")
    assert "I.1.3" in overdue and "PS.1" in overdue and "41 ngày" in overdue
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
