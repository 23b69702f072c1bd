"""The office's chase page and the reminder letter; scoped through plans.services.access like every report view."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from audit.services import log_action
from plans.services import access

from . import letters, permissions
from .models import ReportingPeriod
from .services import periods, reminders

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _current_plan(user, commune=None):
    plans = access.plans_for(user).filter(is_current=True).select_related("commune").order_by("-year", "-version")
    return (plans.filter(commune=commune) if commune is not None else plans).first()


def _plan_and_period(request, today):
    """The chosen period (?ky=, another commune's is a 404) or this calendar month's, with the commune's plan."""
    if not permissions.can_chase(request.user):
        raise PermissionDenied("Chỉ Văn phòng – Thống kê và lãnh đạo UBND được xem danh sách đôn đốc.")
    chosen = request.GET.get("ky", "")
    if chosen.isdigit():
        period = get_object_or_404(ReportingPeriod.objects.filter(
            commune__in=access.communes_for(request.user)).select_related("commune"), pk=chosen)
        return _current_plan(request.user, period.commune), period
    plan = _current_plan(request.user)
    if plan is None:
        return None, None
    return plan, periods.ensure_period(plan.commune, today.year, today.month)


@login_required
def chase_list(request):
    today = timezone.localdate()
    plan, period = _plan_and_period(request, today)
    if plan is None:
        return render(request, "reports/chase.html", {"plan": None, "period": period})
    laggards = reminders.chase_laggards(plan, period)
    return render(request, "reports/chase.html", {
        "plan": plan, "period": period, "today": today, "state": periods.state_on(period, today),
        "is_late": today > period.deadline, "laggards": laggards,
        "without_email": [item for item in laggards if not item.addresses],
        "overdue": reminders.overdue_rows(plan, period, today), "sent": reminders.reminders_sent(period),
        "all_periods": plan.commune.periods.all()[:24],
    })


@login_required
def reminder_letter(request):
    today = timezone.localdate()
    plan, period = _plan_and_period(request, today)
    if plan is None:
        raise Http404("Chưa có kế hoạch đang áp dụng.")
    content = letters.reminder_letter(plan, period, today)
    log_action("reminder.letter_drafted", period, user=request.user, commune=period.commune,
               data={"period": str(period)})
    response = HttpResponse(content, content_type=DOCX)
    name = f"cong-van-don-doc-{period.year}-{period.month:02d}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
