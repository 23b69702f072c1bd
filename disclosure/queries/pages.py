"""What anyone may read: opted-in communes and the months their Chairman released, as plain data for the pages
and the JSON feed alike (one source, so the page and the feed cannot disagree). Everything here is cached."""
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from communes.models import AdminArea, Commune
from communes.queries import communes_under
from theodoi.errors import NotFound

from ..models import Release
from . import cache

NO_AREA = "Chưa ghi đơn vị hành chính cấp trên"


def public_communes() -> QuerySet[Commune]:
    return Commune.objects.filter(public_setting__is_public=True)


def commune_page(commune_id: int) -> dict:
    return cache.cached(f"commune:{commune_id}", lambda: _commune_page(commune_id))


def release_page(commune_id: int, year: int, month: int) -> dict:
    return cache.cached(f"release:{commune_id}:{year}:{month}", lambda: _release_page(commune_id, year, month))


def area_page(area_id: int) -> dict:
    return cache.cached(f"area:{area_id}", lambda: _area_page(area_id))


def index_page() -> dict:
    return cache.cached("index", _index_page)


def _public_commune(commune_id: int) -> Commune:
    commune = public_communes().select_related("area__parent").filter(pk=commune_id).first()
    if commune is None:
        raise NotFound("Xã/phường này không có trang công khai.")
    return commune


def _live(commune: Commune):
    return Release.objects.filter(commune=commune, withdrawn_at__isnull=True).order_by("-year", "-month")


def _commune_page(commune_id: int) -> dict:
    commune = _public_commune(commune_id)
    releases = list(_live(commune))
    return {"commune": describe(commune), "releases": [summary(r) for r in releases],
            "latest": releases[0].content if releases else None}


def _release_page(commune_id: int, year: int, month: int) -> dict:
    commune = _public_commune(commune_id)
    found = _live(commune).filter(year=year, month=month).first()
    if found is None:
        raise NotFound(f"Báo cáo tháng {month:02d}/{year} của {commune} chưa được công khai.")
    return {"commune": describe(commune), "release": summary(found), "content": found.content}


def describe(commune: Commune) -> dict:
    area = commune.area
    return {"id": commune.pk, "name": commune.name, "kind": commune.kind, "label": str(commune),
            "area": str(area) if area else "", "province": str(_province(area)) if area else "",
            "url": reverse("public_commune", kwargs={"commune_pk": commune.pk})}


def _province(area: AdminArea) -> AdminArea:
    parent = area.parent
    return parent if parent is not None and not area.is_province else area


def summary(item: Release) -> dict:
    """A release as listed: the month, its counts and the day it was made public (not who made it public)."""
    return {"year": item.year, "month": item.month, "label": item.content["period"]["label"],
            "released_on": timezone.localtime(item.released_at).date().isoformat(), "counts": item.content["counts"],
            "url": reverse("public_release", kwargs={"commune_pk": item.commune_id, "year": item.year,
                                                     "month": item.month})}


def _area_page(area_id: int) -> dict:
    area = AdminArea.objects.filter(pk=area_id).select_related("parent").first()
    if area is None:
        raise NotFound("Không tìm thấy đơn vị hành chính này.")
    communes = public_communes().filter(pk__in=communes_under(area)).select_related("area__parent")
    return {"area": {"id": area.pk, "label": str(area), "parent": str(area.parent) if area.parent else ""},
            "sections": _by_area(communes)}


def _by_area(communes) -> list[dict]:
    """Communes under the area they hang from: the province's own first, then each former district, by name."""
    sections: dict[str, list[dict]] = {}
    for commune in sorted(communes, key=lambda c: (_section_key(c), c.name)):
        sections.setdefault(str(commune.area) if commune.area else NO_AREA, []).append(describe(commune))
    return [{"title": title, "communes": items} for title, items in sections.items()]


def _section_key(commune: Commune) -> tuple:
    area = commune.area
    if area is None:
        return (2, "")
    return (0 if area.is_province else 1, area.name)


def _index_page() -> dict:
    """Every opted-in commune under its province; each province links to its own page."""
    provinces: dict[int | None, dict] = {}
    for commune in public_communes().select_related("area__parent").order_by("name"):
        province = _province(commune.area) if commune.area else None
        entry = provinces.setdefault(province.pk if province else None, {
            "label": str(province) if province else NO_AREA,
            "url": reverse("public_area", kwargs={"area_pk": province.pk}) if province else "",
            "communes": []})
        entry["communes"].append(describe(commune))
    return {"provinces": sorted(provinces.values(), key=lambda p: (not p["url"], p["label"]))}
