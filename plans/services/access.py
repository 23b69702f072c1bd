"""Tenancy in one place: what a user may see is always scoped through these helpers."""
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import Role
from communes.models import Commune, DirectoryEntry

from ..models import Plan, TaskNode


def communes_for(user) -> QuerySet[Commune]:
    if user.is_superuser or user.role == Role.SITE_ADMIN:
        return Commune.objects.all()
    if user.role == Role.CITY_VIEWER:
        # An empty city must not match every commune whose city was left blank.
        return Commune.objects.filter(parent_city=user.city) if user.city else Commune.objects.none()
    return Commune.objects.filter(pk=user.commune_id)


def plans_for(user) -> QuerySet[Plan]:
    return Plan.objects.filter(commune__in=communes_for(user))


def plan_for(user, pk: int) -> Plan:
    """Another commune's plan is a 404, never a 403: its existence is not ours to reveal."""
    return get_object_or_404(plans_for(user).select_related("commune"), pk=pk)


def node_for(user, plan_pk: int, code: str) -> TaskNode:
    return get_object_or_404(TaskNode.objects.filter(plan__in=plans_for(user)).select_related("plan"),
                             plan_id=plan_pk, code=code)


def entry_for(user, pk: int) -> DirectoryEntry:
    return get_object_or_404(DirectoryEntry.objects.filter(commune__in=communes_for(user)), pk=pk)


def require_plan_manager(user, commune: Commune | None = None) -> None:
    if not user.can_manage_plan:
        raise PermissionDenied("Chỉ Văn phòng – Thống kê được nhập kế hoạch.")
    if commune is not None and not communes_for(user).filter(pk=commune.pk).exists():
        raise PermissionDenied("Không thuộc xã/phường của bạn.")
