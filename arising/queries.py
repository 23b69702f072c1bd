"""How pages and reports name an arising row's origin."""
from plans.models import Plan

from ..models import ArisingTask


def markers(plan: Plan) -> dict[int, str]:
    """node pk -> "Nhiệm vụ phát sinh — Thông báo số 45/TB-UBND ngày 05/07/2023" for every arising task of the plan."""
    return {t.node_id: t.marker for t in ArisingTask.objects.filter(node__plan=plan).select_related("source")}


def arising_node_ids(plan: Plan) -> set[int]:
    return set(ArisingTask.objects.filter(node__plan=plan).values_list("node_id", flat=True))
