"""Pages that list plans or communes stay flat as a province grows, and never read the stored parse (Plan.parsed).

A province viewer (and the site admin, for the pages only it may open) sees 1 commune, then 50: every list page
must issue the same number of queries, and no query may name the parse column.
"""
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from communes.models import Commune
from communes.services.directory import seed_directory
from plans.models import Plan
from tests.factories import import_sample, make_area_viewer, make_commune, make_district, make_province, make_site_admin

VIEWER_PAGES = ("home", "plan_list", "dashboard", "dashboard_rows", "evaluation_index", "report_index",
                "arising_list", "indicator_list", "directory")
ADMIN_PAGES = ("chase_list", "admin:plans_plan_changelist", "admin:plans_correction_changelist",
               "admin:indicators_indicator_changelist", "admin:communes_commune_changelist",
               "admin:communes_adminarea_changelist", "admin:accounts_user_changelist")
PARSE_COLUMN = '"parsed"'


@pytest.fixture
def province(db):
    """tỉnh Nghệ An → thành phố Vinh → xã Hưng Đông with the sample plan imported."""
    province = make_province()
    commune = make_commune(area=make_district(province=province))
    seed_directory(commune)
    import_sample(commune)
    return province


def _grow(province, communes: int) -> None:
    """More communes under the province, each with its directory and a plan whose stored parse is the sample's.

    Their plans are for 2022, so the pages that open "the current plan" still open the sample's 2023 one: a count
    that changes can only come from the number of communes, not from which plan a page happened to pick.
    """
    parsed = Plan.objects.get().parsed
    new = [Commune.objects.create(name=f"Thử nghiệm {n}", kind="xã", area=province) for n in range(communes)]
    for commune in new:
        seed_directory(commune)
    Plan.objects.bulk_create(Plan(commune=c, year=2022, title="Kế hoạch phát triển kinh tế - xã hội năm 2022",
                                  source_name="ke-hoach.txt", checksum=f"{c.pk:064d}", parsed=parsed) for c in new)


def _measure(client, user, names) -> dict[str, int]:
    client.force_login(user)
    counts = {}
    for name in names:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(name))
        assert response.status_code in (200, 302), (name, response.status_code)
        read_parse = [q["sql"] for q in queries.captured_queries if PARSE_COLUMN in q["sql"]]
        assert not read_parse, (name, read_parse[0][:300])
        counts[name] = len(queries.captured_queries)
    return counts


@time_machine.travel("2023-06-10 09:00 +0700", tick=False)  # inside the sample plan's year: its periods are open
def test_every_list_page_issues_as_many_queries_at_50_communes_as_at_1(client, province):
    viewer, admin = make_area_viewer(province), make_site_admin()
    _measure(client, viewer, VIEWER_PAGES), _measure(client, admin, ADMIN_PAGES)  # first visits fill caches
    at_one = {**_measure(client, viewer, VIEWER_PAGES), **_measure(client, admin, ADMIN_PAGES)}
    _grow(province, 49)
    assert Commune.objects.filter(area__parent=province).count() + Commune.objects.filter(area=province).count() == 50
    at_fifty = {**_measure(client, viewer, VIEWER_PAGES), **_measure(client, admin, ADMIN_PAGES)}
    assert at_fifty == at_one
