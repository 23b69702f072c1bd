"""Monthly periods per commune: which one is being reported, opening, closing and locking them.

A unit reports month m (data 15/(m-1) to 14/m, Decree 09) before the commune's report day of month m.
Until that day the period is open; after it, closed (reports still come in, marked late); it is locked
once the next month's deadline has passed too, or when the office locks it.
"""
import calendar
from datetime import date

from django.db import transaction

from communes.models import Commune
from plans.models import Plan
from theodoi.periods import MONTH, Period

from ..models import PeriodState, ReportingPeriod


def deadline_for(commune: Commune, year: int, month: int) -> date:
    day = min(commune.report_day or 20, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def month_being_reported(commune: Commune, today: date) -> tuple[int, int]:
    if today <= deadline_for(commune, today.year, today.month):
        return today.year, today.month
    return (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)


def _fields(commune: Commune, year: int, month: int) -> dict:
    span = Period(MONTH, year, month)
    return {"start": span.start, "end": span.end, "deadline": deadline_for(commune, year, month)}


def ensure_period(commune: Commune, year: int, month: int) -> ReportingPeriod:
    period, _ = ReportingPeriod.objects.get_or_create(commune=commune, year=year, month=month,
                                                      defaults=_fields(commune, year, month))
    return period


def unopened_period(commune: Commune, year: int, month: int) -> ReportingPeriod:
    """The month as ensure_period would open it, kept in memory (pk None): a page shows it without writing."""
    return ReportingPeriod(commune=commune, year=year, month=month, **_fields(commune, year, month))


def current_period(commune: Commune, today: date) -> ReportingPeriod:
    return ensure_period(commune, *month_being_reported(commune, today))


def year_is_over(plan: Plan, today: date) -> bool:
    """Whether the month being reported already belongs to a later year: the plan's last period, December (data to
    14/12, Decree 09/2019/NĐ-CP Art. 12 cl. 4), has passed its report day, so no month of this plan is left to open."""
    return month_being_reported(plan.commune, today)[0] > plan.year


def default_period(plan: Plan, today: date) -> ReportingPeriod | None:
    """The period every page opens on: the month being reported, opened if need be.

    For a plan whose year is over nothing is opened: its latest month that exists, or None when it has none.
    """
    if not year_is_over(plan, today):
        return current_period(plan.commune, today)
    return (ReportingPeriod.objects.filter(commune=plan.commune, year=plan.year).select_related("commune")
            .order_by("-month").first())


def shown_period(plan: Plan, today: date) -> ReportingPeriod | None:
    """What a page opens on, written nowhere (issue 12, item 7: a GET writes nothing): the month being reported as
    its row, or unsaved (pk None) until advance_periods or a unit's first report opens it; for a plan whose year is
    over, its latest month that exists, or None."""
    if year_is_over(plan, today):
        return default_period(plan, today)
    year, month = month_being_reported(plan.commune, today)
    found = ReportingPeriod.objects.filter(commune=plan.commune, year=year, month=month).select_related("commune")
    return found.first() or unopened_period(plan.commune, year, month)


def previous_unlocked(plan: Plan, today: date) -> ReportingPeriod | None:
    """The last month whose deadline passed, before the month being reported, while it is not locked yet (looked up
    only, as reminders.chased_periods chases it)."""
    year, month = month_being_reported(plan.commune, today)
    previous = (plan.commune.periods.filter(deadline__lt=today).exclude(year=year, month=month)
                .select_related("commune").order_by("-deadline").first())
    if previous is None or state_on(previous, today) == PeriodState.LOCKED:
        return None
    return previous


def current_plan(commune: Commune) -> Plan | None:
    return commune.plans.filter(is_current=True).order_by("-year", "-version").first()


def state_on(period: ReportingPeriod, today: date) -> str:
    """The state the calendar gives; an explicit lock by the office is never undone here."""
    if period.state == PeriodState.LOCKED:
        return PeriodState.LOCKED
    next_year, next_month = (period.year + 1, 1) if period.month == 12 else (period.year, period.month + 1)
    if today > deadline_for(period.commune, next_year, next_month):
        return PeriodState.LOCKED
    return PeriodState.CLOSED if today > period.deadline else PeriodState.OPEN


def advance_periods(today: date) -> list[str]:
    """What the daily cron does: open the month being reported in every commune with a plan still running, and
    move states on. A commune without a plan, or whose plan's year is over, gets no new period. Idempotent."""
    changes = []
    for commune in Commune.objects.all():
        plan = current_plan(commune)
        if plan is not None and not year_is_over(plan, today):
            ensure_period(commune, *month_being_reported(commune, today))
        for period in commune.periods.exclude(state=PeriodState.LOCKED).select_related("commune"):
            new_state = state_on(period, today)
            if new_state != period.state:
                with transaction.atomic():
                    ReportingPeriod.objects.filter(pk=period.pk, state=period.state).update(state=new_state)
                changes.append(f"{commune}: {period} → {PeriodState(new_state).label}")
    return changes


def lock(period: ReportingPeriod, user) -> bool:
    """The office closes the books on a month before the calendar does; False if it was already locked."""
    from audit.services import log_action

    with transaction.atomic():
        changed = ReportingPeriod.objects.filter(pk=period.pk).exclude(state=PeriodState.LOCKED).update(
            state=PeriodState.LOCKED)
        if changed:
            log_action("period.locked", period, user=user, data={"period": str(period)})
    return bool(changed)
