"""Shared test data: the sample commune with its imported plan, and one user per role."""
from accounts.models import Role, User
from communes.models import Commune
from plans.services.importer import import_plan
from tests.conftest import SAMPLE

PASSWORD = "Mat-khau-thu-2023!"


def make_commune(name="Hưng Đông", kind="xã", city="Vinh") -> Commune:
    return Commune.objects.get_or_create(name=name, kind=kind, defaults={"parent_city": city})[0]


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


def make_city_viewer(city="Vinh", username="tp.xem") -> User:
    """Read-only across every commune of one city; belongs to no commune."""
    user = make_user(username, Role.CITY_VIEWER, None)
    user.city = city
    user.save()
    return user


def make_site_admin(username="quantri") -> User:
    return User.objects.create_superuser(username=username, password=PASSWORD, role=Role.SITE_ADMIN, is_staff=True)
