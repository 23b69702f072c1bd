"""The office's chase page and the reminder letter; scoped through accounts.tenancy like every report view."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from audit.services import log_action
from plans import queries as plan_queries
from theodoi import clock
from theodoi.exports import DOCX_TYPE, download
from theodoi.params import as_int

from .. import permissions
from ..exports import letters
from ..queries import chase, rates
from ..queries.lookups import period_for
from ..rules import status as st
from ..services import periods, reminders


def _current_plan(user, commune=None):
    plans = plan_queries.current_plans(user).order_by("-year", "-version")
    return (plans.filter(commune=commune) if commune is not None else plans).first()


def _plan_and_period(request, today, chosen: str):
    """The chosen period (`ky`, another commune's is a 404) or the month being reported, as every page opens on
    (periods.shown_period, unsaved until opened; None for a plan whose year is over and has no month), with the
    commune's plan."""
    if not permissions.can_chase(request.user):
        raise PermissionDenied("Chỉ Văn phòng – Thống kê và lãnh đạo UBND được xem danh sách đôn đốc.")
    if as_int(chosen) is not None:
        period = period_for(request.user, chosen)
        return _current_plan(request.user, period.commune), period
    plan = _current_plan(request.user)
    if plan is None:
        return None, None
    return plan, periods.shown_period(plan, today)


@login_required
def chase_list(request):
    today = clock.today()
    plan, period = _plan_and_period(request, today, request.GET.get("ky", ""))
    if plan is None or period is None:
        return render(request, "reports/chase.html", {"plan": plan, "period": None})
    found = chase.chase_of(plan, period, today)
    tally = rates.month_tally(plan, period, today)
    return render(request, "reports/chase.html", {
        "plan": plan, "period": period, "today": today, "state": periods.state_on(period, today),
        "is_late": today > period.deadline, "laggards": found.laggards,
        "without_email": [item for item in found.laggards if not item.addresses],
        "tally": tally, "cells": tally.cells(), "labels": st.LABELS,
        "earlier": _earlier_unfinished(plan, period, today),
        "overdue": found.overdue, "sent": found.sent,
        "all_periods": plan.commune.periods.all()[:24],
    })


def _earlier_unfinished(plan, period, today):
    """The past month still being chased (not locked), with its missing reports, when the page shows another.
    Looked up only (periods.previous_unlocked): reminders.chased_periods would open the month being reported."""
    earlier = periods.previous_unlocked(plan, today)
    if earlier is None or earlier.pk == period.pk:
        return None
    return {"period": earlier, "missing": len(reminders.laggards(plan, earlier))}


# A POST, not a link: drafting the letter is the office's act, recorded in the trail (and it may open the month it
# chases), and no GET may write (issue 12, item 7). The form carries the CSRF token. A GET (a link saved before the
# button was a form) is led to the chase page, whose button drafts it.
@login_required
def reminder_letter(request):
    if request.method != "POST":
        chosen = as_int(request.GET.get("ky"))
        return redirect(reverse("chase_list") + (f"?ky={chosen}" if chosen is not None else ""))
    today = clock.today()
    plan, period = _plan_and_period(request, today, request.POST.get("ky", ""))
    if plan is None:
        raise Http404("Chưa có kế hoạch đang áp dụng.")
    if period is None:
        raise Http404(f"Kế hoạch năm {plan.year} đã hết năm và không có kỳ báo cáo nào để đôn đốc.")
    if period.pk is None:  # drafting the letter is recorded in the audit log anyway: it opens the month it chases
        period = periods.ensure_period(period.commune, period.year, period.month)
    content = letters.reminder_letter(plan, period, today)
    log_action("reminder.letter_drafted", period, user=request.user, commune=period.commune,
               data={"period": str(period)})
    return download(content, f"cong-van-don-doc-{period.year}-{period.month:02d}.docx", DOCX_TYPE)
