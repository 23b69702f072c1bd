"""Tenancy, the lowest rule every app builds on: which communes, and so which units and records, a user may see.

Every app scopes its own querysets through `communes_for` or `visible` (plans: plans.queries; indicators,
reports: the plan lookups built on it), so one rule decides what a province viewer or an office sees. This module
imports only accounts and communes, the layers below every app that holds commune data. It raises domain errors
(theodoi.errors), which the middleware answers with 404 or 403.
"""
from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet

from communes.models import Commune, DirectoryEntry
from communes.queries import communes_under
from theodoi.errors import Forbidden, NotFound

from .models import AREA_ROLES

_M = TypeVar("_M", bound=Model)


def communes_for(user) -> QuerySet[Commune]:
    if user.is_site_wide:
        return Commune.objects.all()
    if user.role in AREA_ROLES:
        # A province or district account sees the communes of its subtree; without an area, none (fail closed).
        return communes_under(user.area_id) if user.area_id else Commune.objects.none()
    return Commune.objects.filter(pk=user.commune_id)


def visible(user, queryset: QuerySet[_M], via: str = "commune") -> QuerySet[_M]:
    """The rows of `queryset` whose commune (reached through the lookup `via`) the user may see."""
    return queryset.filter(**{f"{via}__in": communes_for(user)})


def visible_one(user, queryset: QuerySet[_M], via: str = "commune", **lookup) -> _M:
    """Another commune's record is NotFound (a 404), never Forbidden: its existence is not ours to reveal."""
    try:
        return visible(user, queryset, via).get(**lookup)
    except ObjectDoesNotExist:
        raise NotFound(f"Không tìm thấy {queryset.model._meta.verbose_name} này trong xã/phường của bạn.") from None


def entry_for(user, pk: int) -> DirectoryEntry:
    return visible_one(user, DirectoryEntry.objects.all(), pk=pk)


def require_plan_manager(user, commune: Commune | None = None) -> None:
    if not user.can_manage_plan:
        raise Forbidden("Chỉ Văn phòng – Thống kê được nhập kế hoạch.")
    if commune is not None and not communes_for(user).filter(pk=commune.pk).exists():
        raise Forbidden("Không thuộc xã/phường của bạn.")
