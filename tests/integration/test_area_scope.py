"""A province or district account sees the communes of its area's subtree (accounts.tenancy.communes_for)."""
import pytest
from django.urls import reverse

from accounts.models import Role
from accounts.tenancy import communes_for
from communes.models import AreaKind
from communes.queries import communes_under
from tests.factories import import_sample, make_area_viewer, make_commune, make_district, make_province


@pytest.fixture
def country(db):
    """Nghệ An with one commune under thành phố Vinh and one directly under the province (the shape since 1/7/2025),
    and Hà Tĩnh with one of its own."""
    nghe_an, ha_tinh = make_province("Nghệ An"), make_province("Hà Tĩnh")
    vinh = make_district("Vinh", province=nghe_an)
    return {"nghe_an": nghe_an, "ha_tinh": ha_tinh, "vinh": vinh,
            "hung_dong": make_commune("Hưng Đông", area=vinh),
            "vinh_hung": make_commune("Vinh Hưng", kind="phường", area=nghe_an),
            "thach_ha": make_commune("Thạch Hà", area=ha_tinh),
            "cua_lo": make_district("Cửa Lò", kind=AreaKind.TOWN, province=nghe_an)}


def _names(queryset) -> set[str]:
    return set(queryset.values_list("name", flat=True))


def test_communes_under_a_province_reach_through_its_districts(country):
    assert _names(communes_under(country["nghe_an"])) == {"Hưng Đông", "Vinh Hưng"}
    assert _names(communes_under(country["vinh"])) == {"Hưng Đông"}
    assert _names(communes_under(country["ha_tinh"].pk)) == {"Thạch Hà"}
    assert _names(communes_under(country["cua_lo"])) == set()


@pytest.mark.parametrize("role", [Role.AREA_VIEWER, Role.AREA_OFFICER])
def test_area_accounts_see_their_subtree_and_nothing_else(country, role):
    province = make_area_viewer(country["nghe_an"], username="tinh", role=role)
    district = make_area_viewer(country["vinh"], username="tp", role=role)
    assert _names(communes_for(province)) == {"Hưng Đông", "Vinh Hưng"}
    assert _names(communes_for(district)) == {"Hưng Đông"}


def test_an_area_account_left_without_an_area_sees_nothing(country):
    orphan = make_area_viewer(country["nghe_an"], username="mo-coi")
    orphan.area = None
    assert _names(communes_for(orphan)) == set()


def test_another_provinces_plan_is_a_404_for_a_province_viewer(client, country):
    plan = import_sample(country["hung_dong"])
    client.force_login(make_area_viewer(country["ha_tinh"], username="ha-tinh"))
    assert client.get(reverse("plan_detail", args=[plan.pk])).status_code == 404
    client.force_login(make_area_viewer(country["nghe_an"], username="nghe-an"))
    assert client.get(reverse("plan_detail", args=[plan.pk])).status_code == 200
