"""Data for pages and reports, read-only: how they name an arising row's origin."""
from django.db.models import Count, QuerySet
from django.utils import timezone

from plans import queries as plan_queries
from plans.models import Plan
from theodoi.formatting import long_date

from .models import ArisingTask, SourceDocument
from .services.tree import ROOT_CODE


def current_plans(user) -> QuerySet[Plan]:
    """The plans in force the user sees, the latest year first (the page offers the first)."""
    return plan_queries.current_plans(user).order_by("-year")


def arising_tasks(user) -> QuerySet[ArisingTask]:
    """The arising tasks of the plans in force the user sees, with what the list shows of each."""
    return (ArisingTask.objects.filter(node__plan__in=current_plans(user))
            .select_related("node__plan", "source").defer("node__plan__parsed")
            .prefetch_related("node__assignments__refs__entry"))


def markers(plan: Plan) -> dict[int, str]:
    """node pk -> "Nhiệm vụ phát sinh — Thông báo số 45/TB-UBND ngày 05/07/2023" for every arising task of the plan."""
    return {t.node_id: t.marker for t in ArisingTask.objects.filter(node__plan=plan).select_related("source")}


def arising_node_ids(plan: Plan) -> set[int]:
    return set(ArisingTask.objects.filter(node__plan=plan).values_list("node_id", flat=True))


def origins(plan: Plan) -> dict[int, str]:
    """node pk -> "Theo Chỉ thị số 08/CT-UBND ngày 12/07/2023 của UBND thành phố Vinh": an arising task's origin
    written where a plan document gives a row's basis, for next year's draft."""
    return {t.node_id: f"Theo {t.source.label} của {t.source.issuer}" if t.source.issuer else f"Theo {t.source.label}"
            for t in ArisingTask.objects.filter(node__plan=plan).select_related("source")}


def part_heading(node, numbered: str) -> str:
    """A part's heading in documents and tables: `numbered` ("Phần I. …") for the plan's parts; the arising tasks'
    part has no number the plan gave it, and "Phần PS" would mean nothing to a reader, so its title alone."""
    return node.title if node.code == ROOT_CODE and node.parent_id is None else numbered


def entered_before(commune, kind: str, number: str, issued_on) -> str | None:
    """Said on a notice's preview when the commune already entered a document of that kind, number and date: a
    second confirmation would add its tasks twice. A notice without a number cannot be told apart, so says nothing."""
    if not number:
        return None
    earlier = (SourceDocument.objects.filter(commune=commune, kind=kind, number=number, issued_on=issued_on)
               .annotate(n=Count("tasks")).order_by("created_at").first())
    if earlier is None:
        return None
    return (f"{earlier.label} đã được nhập {long_date(timezone.localdate(earlier.created_at))} "
            f"({earlier.n} nhiệm vụ). Xác nhận lần nữa sẽ thêm các nhiệm vụ của văn bản này một lần nữa.")
