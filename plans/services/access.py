"""The plan's own records scoped by tenancy (accounts.tenancy decides which communes a user sees).

The commune-level helpers are re-exported so that views holding `access` as one namespace keep working; new code
imports them from accounts.tenancy.
"""
from django.db.models import QuerySet

from accounts.tenancy import communes_for, entry_for, require_plan_manager, visible, visible_or_404

from ..models import Plan, TaskNode

__all__ = ["communes_for", "entry_for", "node_for", "plan_for", "plans_for", "require_plan_manager"]


# The stored parse (Plan.parsed, the whole Plan JSON, hundreds of kilobytes) is shown only by the import preview and
# the version diff; every page that lists or looks up plans leaves it in the database. Reading it lazily costs one
# query on the rare page that needs it; reading it always cost seconds on a province's list of communes.
PARSE = "parsed"


def plans_for(user) -> QuerySet[Plan]:
    return visible(user, Plan.objects.defer(PARSE))


def plan_for(user, pk: int) -> Plan:
    return visible_or_404(user, Plan.objects.defer(PARSE).select_related("commune"), pk=pk)


def node_for(user, plan_pk: int, code: str) -> TaskNode:
    return visible_or_404(user, TaskNode.objects.select_related("plan").defer(f"plan__{PARSE}"), via="plan__commune",
                          plan_id=plan_pk, code=code)
