"""The reads: which reports and plans a user may open (another commune's is a 404, never a 403)."""
from django.db.models import QuerySet

from accounts.tenancy import visible_one
from plans.models import Plan
from plans.queries import current_plans, plan_for
from theodoi.errors import NotFound

from ..models import Narrative, PeriodicReport

__all__ = ["current_plan", "narrative_for", "plan_for", "report_for", "reports_of"]


def report_for(user, pk: int) -> PeriodicReport:
    return visible_one(user, PeriodicReport.objects.select_related("commune"), pk=pk)


def narrative_for(report: PeriodicReport, pk: int) -> Narrative:
    narrative = report.narratives.select_related("updated_by").filter(pk=pk).first()
    if narrative is None:
        raise NotFound("Phần báo cáo không tồn tại.")
    return narrative


def current_plan(report: PeriodicReport) -> Plan:
    """The commune's plan of the report's year now in force: a re-imported version takes over the figures."""
    plan = (Plan.objects.filter(commune_id=report.commune_id, year=report.year, is_current=True)
            .select_related("commune").first())
    if plan is None:
        raise NotFound(f"{report.commune} chưa có kế hoạch năm {report.year} đang áp dụng.")
    return plan


def reports_of(plan: Plan) -> QuerySet[PeriodicReport]:
    return PeriodicReport.objects.filter(commune_id=plan.commune_id, year=plan.year)


def visible_plans(user) -> QuerySet[Plan]:
    return current_plans(user).order_by("commune__name", "-year")


