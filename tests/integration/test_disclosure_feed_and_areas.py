"""The feed's OpenAPI document and documentation page (nothing from a CDN), and the province page."""
import re

import lxml.html
import pytest
from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse

from communes.models import AdminArea, Commune
from disclosure.services import releases as services
from tests.factories import make_commune


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_the_openapi_document_describes_the_three_operations(client, db):
    schema = client.get(reverse("public_api:openapi-json")).json()
    assert set(schema["paths"]) == {"/cong-khai/api/xa", "/cong-khai/api/xa/{commune_id}",
                                    "/cong-khai/api/xa/{commune_id}/{year}/{month}"}
    assert all(set(operations) == {"get"} for operations in schema["paths"].values())
    parts = schema["components"]["schemas"]
    assert parts["Row"]["properties"]["status"]["enum"] == ["done_on_time", "done_late", "open_in_time",
                                                            "open_overdue"]
    assert parts["Indicator"]["properties"]["colour"]["enum"] == ["green", "amber", "red", "grey"]
    assert {"plan", "period", "counts", "groups", "indicators"} <= set(parts["Report"]["properties"])
    assert "10/2022/QH15" in schema["info"]["description"]


@pytest.mark.parametrize("path,names", [("/cong-khai/api/xa/abc", "mã xã/phường"),
                                        ("/cong-khai/api/xa/%C2%B2", "mã xã/phường"),
                                        ("/cong-khai/api/xa/1/2023/abc", "tháng"),
                                        ("/cong-khai/api/xa/x/y/5", "mã xã/phường, năm")])
def test_a_path_that_is_not_a_number_is_a_404_in_vietnamese(client, db, path, names):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": f"Không có dữ liệu ở địa chỉ này: {names} phải là số nguyên (ví dụ "
                                         "/cong-khai/api/xa/12/2023/5)."}


def test_the_documentation_page_loads_only_this_sites_files(client, db):
    response = client.get(reverse("public_api:openapi-view"))
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content.decode())
    sources = page.xpath("//script/@src | //link/@href | //img/@src")
    assert sources and all(s.startswith("/static/") for s in sources), sources
    assert not re.search(r"https?://", response.content.decode().replace("http://www.w3.org", ""))
    settings_json = page.xpath("//script[@id='swagger-settings']/text()")[0]
    assert '"validatorUrl": null' in settings_json  # no badge fetched from swagger.io
    root = client.get(reverse("public_api:api-root"))
    assert root.status_code == 302 and root["Location"] == reverse("public_api:openapi-view")


def _open(commune: Commune, chairman_of) -> None:
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.set_public(commune.pk, True, chairman_of(commune))


@pytest.fixture
def chairman_of(db):
    from tests.factories import make_user

    return lambda commune: make_user(f"chutich{commune.pk}", "chairman", commune)


def test_the_province_page_lists_opted_in_communes_by_the_area_above_them(client, chairman_of):
    nghe_an = AdminArea.objects.create(kind="tỉnh", name="Nghệ An", code="40")
    vinh = AdminArea.objects.create(kind="thành phố thuộc tỉnh", name="Vinh", parent=nghe_an)
    ha_tinh = AdminArea.objects.create(kind="tỉnh", name="Hà Tĩnh", code="42")
    in_vinh = make_commune("Hưng Đông", "xã", area=vinh)
    direct = make_commune("Vinh Phú", "phường", area=nghe_an)
    make_commune("Hưng Bình", "phường", area=vinh)  # its page is closed
    elsewhere = make_commune("Thạch Hà", "xã", area=ha_tinh)
    for commune in (in_vinh, direct, elsewhere):
        _open(commune, chairman_of)
    page = lxml.html.fromstring(client.get(reverse("public_area", kwargs={"area_pk": nghe_an.pk})).content.decode())
    sections = [(s.findtext("h2"), [a.text for a in s.iter("a")]) for s in page.xpath("//section[@class='card']")]
    # The province's own communes first (since 1/7/2025), then each former district; a closed page is not listed.
    assert sections == [("Tỉnh Nghệ An", ["Phường Vinh Phú"]), ("Thành phố thuộc tỉnh Vinh", ["Xã Hưng Đông"])]
    index = lxml.html.fromstring(client.get(reverse("public_index")).content.decode())
    assert [h.text_content() for h in index.xpath("//section/h2")] == ["Tỉnh Hà Tĩnh", "Tỉnh Nghệ An"]
    assert client.get(reverse("public_area", kwargs={"area_pk": 999999})).status_code == 404
