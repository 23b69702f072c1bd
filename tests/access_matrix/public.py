"""Every URL of the public app for the project's access-matrix test (format as in plans/access.py).

The public pages and the JSON feed need no login: the world's commune is opted in and its January released for them.
The Chairman's page and actions are the Chairman's alone: the office, viewers and site administrators get 403,
another commune's office 404.
"""
from django.utils import timezone

from disclosure.models import PublicSetting, Release
from reports.services.periods import ensure_period

CHAIRMAN = ("chairman",)


def opted_in(world):
    PublicSetting.objects.update_or_create(commune=world.commune, defaults={"is_public": True})
    return world.commune


def released(world) -> Release:
    """January, with a minimal frozen content: what the pages show of it is tested in tests/integration."""
    period = ensure_period(opted_in(world), world.plan.year, 1)
    content = {"schema": 1, "period": {"year": period.year, "month": 1, "label": "Tháng 01/2023",
                                       "data_from": "2022-12-15", "data_to": "2023-01-14", "judged_on": "2023-01-14"},
               "plan": {"year": period.year, "number": "", "title": world.plan.title, "issued_on": None},
               "counts": {"done_on_time": 0, "done_late": 0, "open_in_time": 0, "open_overdue": 0, "total": 0,
                          "reports_expected": 0, "reports_on_time": 0, "reports_late": 0, "reports_missing": 0},
               "groups": [], "indicators": []}
    return Release.objects.filter(period=period, withdrawn_at__isnull=True).first() or Release.objects.create(
        commune=world.commune, period=period, year=period.year, month=1, content=content,
        released_at=timezone.now())


def _commune(world) -> dict:
    return {"commune_pk": opted_in(world).pk}


def _month(world) -> dict:
    item = released(world)
    return {"commune_pk": item.commune_id, "year": item.year, "month": item.month}


def _feed_commune(world) -> dict:
    return {"commune_id": opted_in(world).pk}


def _feed_month(world) -> dict:
    item = released(world)
    return {"commune_id": item.commune_id, "year": item.year, "month": item.month}


def _area(world) -> dict:
    from communes.models import AdminArea

    return {"area_pk": AdminArea.objects.get_or_create(kind="tỉnh", name="Nghệ An", parent=None)[0].pk}


PUBLIC = {"read_only": True, "public": True}

ACCESS = {
    "public_index": PUBLIC,
    "public_area": {**PUBLIC, "kwargs": _area},
    "public_commune": {**PUBLIC, "kwargs": _commune},
    "public_release": {**PUBLIC, "kwargs": _month},
    "public_api:openapi-json": PUBLIC,
    "public_api:openapi-view": PUBLIC,
    "public_api:api-root": {**PUBLIC, "redirects": True},
    "public_api:public_feed_communes": PUBLIC,
    "public_api:public_feed_commune": {**PUBLIC, "kwargs": _feed_commune},
    "public_api:public_feed_release": {**PUBLIC, "kwargs": _feed_month},
    "public_manage": {"read_only": True, "readers": CHAIRMAN},
    "public_toggle": {"read_only": False, "method": "post", "writers": CHAIRMAN,
                      "kwargs": lambda world: {"commune_pk": world.commune.pk}},
    "public_release_month": {"read_only": False, "method": "post", "writers": CHAIRMAN,
                             "kwargs": lambda world: {"pk": ensure_period(world.commune, world.plan.year, 1).pk}},
    "public_withdraw": {"read_only": False, "method": "post", "writers": CHAIRMAN,
                        "kwargs": lambda world: {"pk": released(world).pk}},
}
