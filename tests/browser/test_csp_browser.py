"""Under the Content-Security-Policy the main pages, their charts and the admin work, with no violation reported."""
import pytest

from tests import seeds
from tests.factories import import_sample, make_site_admin

# Pages whose templates (owned by others) still had onclick= when the policy arrived, as in
# tests/integration/test_hardening.py KNOWN_INLINE; drop a path here once its template uses data-confirm / data-print.
KNOWN_INLINE_PAGES: tuple[str, ...] = ()


def violations(page) -> list[str]:
    """Chromium reports every blocked script, style or handler on the console."""
    found = []

    def seen(message):
        path = "/" + page.url.split("/", 3)[3].split("?")[0]
        if "Content Security Policy" in message.text and path not in KNOWN_INLINE_PAGES:
            found.append(f"{path}: {message.text[:90]}")

    page.on("console", seen)
    return found


@pytest.mark.browser
def test_main_pages_and_charts_run_with_no_csp_violation(people, login, live_server):
    plan = import_sample(people["office"].commune)
    seeds.seed_may_2023(plan, people["office"])
    poverty = plan.indicators.get(code="II.8")
    page = login("chutich")
    blocked = violations(page)
    page.goto(f"{live_server.url}/dieu-hanh/")
    page.select_option("#ky", label="Tháng 05/2023")
    page.get_by_role("button", name="Xem kỳ").click()
    page.wait_for_url("**/dieu-hanh/?ky=*")
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-leaders')")
    page.goto(f"{live_server.url}/chi-tieu/{poverty.pk}/")
    page.wait_for_function("() => window.Chart && Chart.getChart('indicator-chart')")
    for path in ("/ke-hoach/", f"/ke-hoach/{plan.pk}/", "/chi-tieu/", "/bao-cao/", "/bao-cao/don-doc/", "/danh-ba/",
                 "/danh-gia/"):
        page.goto(f"{live_server.url}{path}")
        assert page.locator("main").count() == 1, path
    assert blocked == []


@pytest.mark.browser
def test_the_admin_works_under_the_policy(people, login, live_server):
    make_site_admin()
    page = login("quantri")
    blocked = violations(page)
    page.goto(f"{live_server.url}/quan-tri/accounts/user/")
    page.goto(f"{live_server.url}/quan-tri/accounts/user/add/")
    assert page.locator("#user_form").count() == 1
    assert blocked == []


@pytest.mark.browser
def test_buttons_ask_and_print_without_inline_handlers(people, login, live_server):
    """static/js/theodoi.js: data-confirm asks before sending its form, data-print prints; no onclick needed."""
    page = login("vanphong")
    page.goto(f"{live_server.url}/ke-hoach/")
    page.evaluate("""() => {
        const form = document.createElement('form');
        form.action = '/danh-ba/'; form.method = 'get';
        form.innerHTML = '<button id="hoi" type="submit" data-confirm="Khóa kỳ Tháng 05/2023?">Khóa</button>' +
                         '<button id="in" type="button" data-print>In</button>';
        document.querySelector('main').append(form);
        window.print = () => { window.printed = true; };
    }""")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.click("#hoi")
    assert asked == ["Khóa kỳ Tháng 05/2023?"] and page.url.endswith("/ke-hoach/")
    page.click("#in")
    assert page.evaluate("() => window.printed") is True
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#hoi")
    page.wait_for_url("**/danh-ba/**")


@pytest.mark.browser
def test_the_pages_of_issues_15_and_16_run_with_no_csp_violation(people, login, live_server):
    """The province board, the area import, the periodic and next-year pages, the public pages and the feed's
    Swagger UI (vendored with django-ninja: its settings are a JSON block, its scripts files of ours)."""
    from disclosure.models import PublicSetting
    from periodic.services import narratives

    plan = import_sample(people["office"].commune)
    seeds.seed_may_2023(plan, people["office"])
    report = narratives.create_report(plan, "quarter-2", people["office"]).report
    PublicSetting.objects.create(commune=plan.commune, is_public=True)
    make_site_admin()
    page = login("quantri")
    blocked = violations(page)
    area = plan.commune.area
    for path in (f"/tinh/{area.pk}/?ky=2023-05", "/don-vi-hanh-chinh/nhap/", f"/bao-cao-dinh-ky/ke-hoach/{plan.pk}/",
                 f"/bao-cao-dinh-ky/{report.pk}/", f"/ke-hoach-nam-sau/{plan.pk}/", "/cong-khai/",
                 f"/cong-khai/{plan.commune.pk}/"):
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert page.locator("main").count() == 1, path
    page.goto(f"{live_server.url}/cong-khai/api/tai-lieu/")
    page.wait_for_selector("#swagger-ui .opblock")  # the UI ran and drew the feed's operations
    assert blocked == []
