import pytest

from communes.models import DirectoryEntry
from communes.services.directory import seed_directory
from reports.services import cycle, periods
from tests.factories import PASSWORD, import_sample, make_commune, make_personas

# A hang guard, not a speed check: Playwright bounds each action by 30 s, but a few Chromium calls (closing a tab,
# opening one) have no bound of their own, and a hung browser test would otherwise stall the whole run until CI
# kills it. Ten minutes is far above any browser test here, so it only turns a hang into a failure with a traceback.
HANG_GUARD_SECONDS = 600


def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.timeout(HANG_GUARD_SECONDS))


@pytest.fixture
def people(transactional_db):
    commune = make_commune()
    seed_directory(commune)
    other = make_commune(name="Hưng Bình", kind="phường")
    seed_directory(other)
    return make_personas(commune, other)


@pytest.fixture
def login(page, live_server):
    def _login(username: str, password: str = PASSWORD):
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        return page
    return _login


@pytest.fixture
def report_url(people, live_server):
    """Địa chính's January 2023 report on the sample plan: its page's address and the pk of its row for I.1.1."""
    plan = import_sample(people["office"].commune)
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)
    row = report.rows.get(assignment__node__code="I.1.1", role="lead")
    return f"{live_server.url}/bao-cao/{report.pk}/", row.pk
