"""The province dashboard page: who sees it, what it says, its filters, its workbook, and flat queries."""
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Role
from communes.models import AreaKind, Commune
from plans.models import Plan
from tests.factories import make_area_viewer, make_site_admin, make_user

from .province_world import handmade_plan, make_area, make_commune, may_reports

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_25_may_2023():
    with time_machine.travel("2023-05-25 09:00 +0700", tick=False):
        yield


@pytest.fixture
def province():
    province = make_area("Nghệ An")
    district = make_area("Nam Đàn", AreaKind.DISTRICT, province)
    handmade_plan(make_commune("Kim Liên", district))
    handmade_plan(make_commune("Vinh Tân", province, kind="phường"))
    make_commune("Xuân Hòa", province)
    may_reports(Plan.objects.get(commune__name="Kim Liên"))
    return province


def page(client, user, area, query=""):
    client.force_login(user)
    return client.get(reverse("province_dashboard", kwargs={"area_pk": area.pk}) + query)


def names(response) -> list[str]:
    return [line.name for line in response.context["lines"]]


def test_the_page_ranks_links_and_says_its_rule(client, province):
    response = page(client, make_site_admin(), province)
    assert response.status_code == 200
    text = response.content.decode()
    # 25/05 is past the report day (the 20th), so the month being reported is June.
    assert response.context["period"].label == "Tháng 06/2023"
    assert "Xếp hạng theo tỷ lệ báo cáo đúng hạn" in text
    may = page(client, make_site_admin("qt2"), province, "?ky=2023-05")
    # Kim Liên sent 1 of 2 on time (50%); Vinh Tân none: Kim Liên first. Xuân Hòa has no plan: not ranked, last.
    assert names(may) == ["Kim Liên", "Vinh Tân", "Xuân Hòa"]
    assert [line.rank for line in may.context["lines"]] == [1, 2, 0]
    assert 'value="2023-05" selected' in may.content.decode()  # the month asked stays chosen in the picker
    kim = may.context["lines"][0]
    assert f'{reverse("dashboard")}?ky={kim.period_id}' in may.content.decode()
    assert "<svg" in may.content.decode() and "103 ngày" in may.content.decode()


def test_filters_narrow_without_changing_places(client, province):
    admin = make_site_admin()
    district = province.children.get()
    assert names(page(client, admin, province, f"?ky=2023-05&huyen={district.pk}")) == ["Kim Liên"]
    assert names(page(client, admin, province, "?ky=2023-05&loai=phường")) == ["Vinh Tân"]
    only_vinh = page(client, admin, province, "?ky=2023-05&q=vinh tan")  # typed without accents
    assert names(only_vinh) == ["Vinh Tân"] and only_vinh.context["lines"][0].rank == 2
    # Before any deadline is missed nothing is overdue; in May two communes are.
    assert names(page(client, admin, province, "?ky=2023-01&qua-han=1")) == []
    assert names(page(client, admin, province, "?ky=2023-05&qua-han=1")) == ["Kim Liên", "Vinh Tân"]


def test_a_bad_month_is_a_404_that_says_which(client, province):
    response = page(client, make_site_admin(), province, "?ky=2023-13")
    assert response.status_code == 404


def test_the_workbook_holds_the_lines_of_the_page(client, province):
    client.force_login(make_site_admin())
    url = reverse("province_dashboard_xlsx", kwargs={"area_pk": province.pk})
    response = client.get(url + "?ky=2023-05")
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.getvalue())).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]
    assert rows[0][:8] == [1, "Xã Kim Liên", "Nam Đàn", 2, 1, 1, 50, 50]
    assert rows[0][8:13] == [1, 1, 3, 3, 8]  # on time, late, open in time, overdue, total
    assert rows[-1][1] == "Tổng" and rows[-1][12] == 16


def test_who_sees_which_area(client, province):
    kim = Plan.objects.get(commune__name="Kim Liên").commune
    seen = page(client, make_area_viewer(province), province)
    assert seen.status_code == 200 and names(seen) == ["Kim Liên", "Vinh Tân", "Xuân Hòa"]
    # The district's viewer sees its own subtree, not the province above it.
    district_viewer = make_area_viewer(kim.area, username="huyen.xem")
    assert names(page(client, district_viewer, kim.area)) == ["Kim Liên"]
    assert page(client, district_viewer, province).status_code == 404
    assert page(client, make_user("vp", Role.OFFICE, kim), province).status_code == 403
    other = make_area("Hà Tĩnh")
    outsider = make_user("vp2", Role.OFFICE, make_commune("Cẩm Bình", other))
    assert page(client, outsider, province).status_code == 404
    assert page(client, make_area_viewer(province, username="tinh2"), other).status_code == 404
    assert page(client, make_site_admin(), other).status_code == 200


def test_queries_stay_flat_as_communes_grow(client, province):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    admin = make_site_admin()
    client.force_login(admin)
    url = reverse("province_dashboard", kwargs={"area_pk": province.pk}) + "?ky=2023-05"
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(6):
        handmade_plan(make_commune(f"Xã thêm {n}", province))
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(url).context["lines"]) == 9
    assert len(many.captured_queries) == len(few.captured_queries)


def test_counts_on_the_page_carry_the_thousands_dot(client):
    # Issue 11, item 15: a count of 1000 is written "1.000" on pages as in documents (a province has ~100 communes,
    # the whole country 3,321). 1000 communes without a plan: all listed, none ranked.
    area = make_area("Toàn quốc thử")
    Commune.objects.bulk_create(Commune(name=f"Xã thử {n:04d}", area=area) for n in range(1000))
    text = page(client, make_site_admin(), area).content.decode()
    assert "Xếp hạng xã/phường (1.000)" in text and "1.000 xã/phường" in text
    assert "Xếp hạng xã/phường (1000)" not in text
