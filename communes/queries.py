"""Read-only lookups over the administrative hierarchy (no writes here; those live in services)."""
from django.db.models import Q, QuerySet

from .models import AdminArea, Commune


def communes_under(area: AdminArea | int) -> QuerySet[Commune]:
    """The communes in the subtree of `area`: directly under it, or under one of its districts.

    The hierarchy has at most two levels above a commune (province → district → commune, for plans up to 2025),
    so one join reaches every commune without a recursive query.
    """
    area_id = area.pk if isinstance(area, AdminArea) else area
    return Commune.objects.filter(Q(area_id=area_id) | Q(area__parent_id=area_id))


def areas_under(area: AdminArea | int) -> QuerySet[AdminArea]:
    """The area itself and the districts under it: what a province account may see of the hierarchy."""
    area_id = area.pk if isinstance(area, AdminArea) else area
    return AdminArea.objects.filter(Q(pk=area_id) | Q(parent_id=area_id))
