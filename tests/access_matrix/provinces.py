"""The province dashboard's URLs for the access-matrix test (format as in plans/access.py).

Both only read, and only people above the commune may: the province's viewer and officer (tỉnh Nghệ An) and the
site admin. A commune's own staff get 403 for the area above their commune, and anyone gets 404 for an area outside
their sight. Each world's commune is put under a district of its own in Nghệ An, so the other world's area is one the
office and the outsider cannot see, and the province's accounts see both.
"""
from communes.models import AdminArea, AreaKind

READERS = ("area_viewer", "area_officer", "site_admin")


def _area(world) -> dict:
    commune = world.commune
    province, _ = AdminArea.objects.get_or_create(name="Nghệ An", kind=AreaKind.PROVINCE, parent=None)
    district, _ = AdminArea.objects.get_or_create(name=f"Huyện của {commune.name}", kind=AreaKind.DISTRICT,
                                                  parent=province)
    if commune.area_id != district.pk:
        commune.area = district
        commune.save(update_fields=["area"])
    return {"area_pk": commune.area_id}


ACCESS = {
    "province_dashboard": {"read_only": True, "readers": READERS, "kwargs": _area},
    "province_dashboard_xlsx": {"read_only": True, "readers": READERS, "kwargs": _area},
}
