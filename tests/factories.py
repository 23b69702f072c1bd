"""Shared test data: the sample commune with its imported plan, and one user per role."""
from accounts.models import Role, User
from communes.models import AdminArea, AreaKind, Commune
from plans.services.importer import import_plan
from tests.conftest import SAMPLE

PASSWORD = "Mat-khau-thu-2023!"


def make_province(name="Nghệ An", kind=AreaKind.PROVINCE, code="") -> AdminArea:
    return AdminArea.objects.get_or_create(kind=kind, name=name, parent=None, defaults={"code": code})[0]


def make_district(name="Vinh", kind=AreaKind.PROVINCIAL_CITY, province: AdminArea | None = None) -> AdminArea:
    """A unit between province and commune, as plans up to 2025 have it (default: thành phố Vinh, Nghệ An)."""
    return AdminArea.objects.get_or_create(kind=kind, name=name, parent=province or make_province())[0]


def make_commune(name="Hưng Đông", kind="xã", area: AdminArea | None = None) -> Commune:
    """A commune in its 2023 place: under thành phố Vinh, tỉnh Nghệ An, unless `area` says otherwise."""
    return Commune.objects.get_or_create(name=name, kind=kind, area=area or make_district())[0]


def import_sample(commune: Commune):
    return import_plan(commune, SAMPLE.read_bytes(), SAMPLE.name).plan


def make_user(username: str, role: str, commune: Commune | None, unit_keys=(), position_key=None) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, role=role, commune=commune,
                                    first_name=username)
    if commune is not None:
        user.units.set(commune.entries.filter(key__in=unit_keys))
        if position_key:
            user.position = commune.entries.get(key=position_key)
            user.save()
    return user


def make_personas(commune: Commune, other: Commune) -> dict[str, User]:
    """owner unit, another unit of the same commune, another commune, viewer, office, leaders."""
    return {
        "office": make_user("vanphong", Role.OFFICE, commune, ["van-phong-tk"]),
        "chairman": make_user("chutich", Role.CHAIRMAN, commune, position_key="chu-tich"),
        "vice": make_user("pct", Role.VICE_CHAIRMAN, commune, position_key="pct-kinh-te"),
        "owner": make_user("diachinh", Role.UNIT_OFFICER, commune, ["cc-dia-chinh"]),
        "other_unit": make_user("tuphap", Role.UNIT_OFFICER, commune, ["cc-tu-phap"]),
        "viewer": make_user("xem", Role.VIEWER, commune),
        "outsider": make_user("ngoai", Role.OFFICE, other, ["van-phong-tk"]),
    }


def make_area_viewer(area: AdminArea | None = None, username="tinh.xem", role=Role.AREA_VIEWER) -> User:
    """A province (or district) account: reads every commune of the area's subtree; belongs to no commune.

    Default: a viewer of tỉnh Nghệ An. Pass role=Role.AREA_OFFICER for the provincial department's officer.
    """
    user = make_user(username, role, None)
    user.area = area or make_province()
    user.save()
    return user


def make_site_admin(username="quantri") -> User:
    return User.objects.create_superuser(username=username, password=PASSWORD, role=Role.SITE_ADMIN, is_staff=True)
