"""The plan's own records scoped by tenancy (accounts.tenancy decides which communes a user sees).

The commune-level helpers are re-exported so that views holding `access` as one namespace keep working; new code
imports them from accounts.tenancy.
"""
from django.db.models import QuerySet

from accounts.tenancy import communes_for, entry_for, require_plan_manager, visible, visible_or_404

from ..models import Plan, TaskNode

__all__ = ["communes_for", "entry_for", "node_for", "plan_for", "plans_for", "require_plan_manager"]


def plans_for(user) -> QuerySet[Plan]:
    return visible(user, Plan.objects.all())


def plan_for(user, pk: int) -> Plan:
    return visible_or_404(user, Plan.objects.select_related("commune"), pk=pk)


def node_for(user, plan_pk: int, code: str) -> TaskNode:
    return visible_or_404(user, TaskNode.objects.select_related("plan"), via="plan__commune",
                          plan_id=plan_pk, code=code)
