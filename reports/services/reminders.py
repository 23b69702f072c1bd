"""Chasing the monthly reports: e-mail reminders before and after the deadline (what the chase page shows is in
queries.chase).

A reminder is claimed before it is sent: creating its Reminder row is the claim, and the unique
(period, unit, kind) constraint makes a second, overlapping run lose the race instead of sending twice.
A failed send keeps its row with the error, and the next run takes it over (or a claim left by a run that
died mid-send, once it is STALE_CLAIM old).
"""
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.services import log_action
from communes.models import Commune, DirectoryEntry
from plans.models import Assignment, Plan, RefRole
from theodoi import clock

from ..models import PeriodState, Reminder, ReminderKind, ReportingPeriod
from ..queries import rates
from ..rules import status as st
from . import periods

# (kind, days from the deadline on which it becomes due), in the order a unit receives them.
STEPS = ((ReminderKind.BEFORE_5, -5), (ReminderKind.BEFORE_1, -1), (ReminderKind.AFTER_1, 1))
ORDER = [kind for kind, _ in STEPS]
STALE_CLAIM = timedelta(hours=1)
DEFAULT_BASE_URL = "http://127.0.0.1:8000"

SENT, FAILED, NO_EMAIL = "sent", "failed", "no_email"


@dataclass
class Outcome:
    """One line of the command's summary."""
    period: ReportingPeriod
    unit: DirectoryEntry
    status: str
    kind: str = ""
    recipients: list[str] = field(default_factory=list)
    error: str = ""


def due_step(deadline: date, today: date) -> str | None:
    """The most recent step due on `today`: a run that missed a day still sends it, late."""
    due = None
    for kind, offset in STEPS:
        if today >= deadline + timedelta(days=offset):
            due = kind
    return due


current_plan = periods.current_plan


def chased_periods(plan: Plan, today: date) -> list[ReportingPeriod]:
    """The period being reported (periods.default_period), and the last one whose deadline passed while it is not
    locked yet.

    The past one is only looked up, never created, so a fresh install does not chase months nobody ran; a plan
    whose year is over opens no new month.
    """
    current = periods.default_period(plan, today)
    if current is None:
        return []
    previous = (plan.commune.periods.filter(deadline__lt=today).exclude(pk=current.pk)
                .select_related("commune").order_by("-deadline").first())
    if previous is None or periods.state_on(previous, today) == PeriodState.LOCKED:
        return [current]
    return [previous, current]


def laggards(plan: Plan, period: ReportingPeriod, led: dict[int, set[int]] | None = None) -> list[DirectoryEntry]:
    """Units that lead rows and have not submitted this period's report (as the reporting rate counts).
    led: rates.lead_units(plan), when the caller has it already."""
    # A month not opened yet (shown unsaved, pk None) has no report: every unit that leads rows is still to report.
    submitted = (set(period.reports.filter(submitted_at__isnull=False).values_list("unit_id", flat=True))
                 if period.pk else set())
    led = rates.lead_units(plan) if led is None else led
    return list(DirectoryEntry.objects.filter(pk__in=set(led) - submitted).order_by("name"))


def _unique(addresses) -> list[str]:
    seen, result = set(), []
    for address in addresses:
        address = (address or "").strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            result.append(address)
    return result


def unit_addresses(unit: DirectoryEntry) -> list[str]:
    """The unit's own mailbox, then its officers' (accounts.User.units)."""
    officers = unit.officers.filter(is_active=True).exclude(email="").order_by("pk").values_list("email", flat=True)
    return _unique([unit.email, *officers])


def leaders_of(rows) -> list[DirectoryEntry]:
    """The directing leaders printed on the rows (the PHÂN CÔNG CHỈ ĐẠO cells)."""
    return list(DirectoryEntry.objects.filter(refs__assignment__in=rows, refs__role=RefRole.LEADER)
                .distinct().order_by("name"))


def leader_addresses(rows) -> list[str]:
    leaders = leaders_of(rows)
    users = (User.objects.filter(position__in=leaders, is_active=True).exclude(email="").order_by("pk")
             .values_list("email", flat=True))
    return _unique([*(leader.email for leader in leaders), *users])


def base_url() -> str:
    return getattr(settings, "THEODOI_BASE_URL", DEFAULT_BASE_URL).rstrip("/")


def report_link(period: ReportingPeriod, unit: DirectoryEntry) -> str:
    return base_url() + reverse("report_open", args=[period.pk, unit.pk])


def open_rows(row_ids, statuses: dict[int, st.RowStatus]) -> list[dict]:
    """The unit's rows not done yet, in plan order, with the deadline as printed and the 4-way status."""
    rows = Assignment.objects.filter(pk__in=row_ids).select_related("node").order_by("node__order", "order")
    return [{"code": a.node.code, "title": a.node.title, "deadline": a.deadline_text, "status": statuses[a.pk]}
            for a in rows if a.pk in statuses and not statuses[a.pk].is_done]


def send_due(today: date) -> list[Outcome]:
    """What the daily cron does; safe to run again, late, or twice at once."""
    outcomes = []
    for commune in Commune.objects.order_by("name"):
        plan = current_plan(commune)
        if plan is None:
            continue
        for period in chased_periods(plan, today):
            kind = due_step(period.deadline, today)
            if kind:
                outcomes += remind_period(plan, period, kind, today)
    return outcomes


def remind_period(plan: Plan, period: ReportingPeriod, kind: str, today: date) -> list[Outcome]:
    # The rows' statuses as the period's report judges them (its cut-off once passed), like the chase page.
    led, statuses = rates.lead_units(plan), rates.row_statuses(plan, period.judged_on(today))
    outcomes = []
    for unit in laggards(plan, period):
        to = unit_addresses(unit)
        if not to:
            outcomes.append(Outcome(period, unit, NO_EMAIL, kind))
            continue
        reminder = claim(period, unit, kind)
        if reminder is not None:
            cc = copies(kind, led[unit.pk], to)
            message = build_message(reminder, to, cc, open_rows(led[unit.pk], statuses), today)
            outcomes.append(deliver(reminder, message))
    return outcomes


def copies(kind: str, rows, to: list[str]) -> list[str]:
    """Only the overdue step escalates: the unit's directing leaders are copied."""
    if kind != ReminderKind.AFTER_1:
        return []
    already = {address.lower() for address in to}
    return [address for address in leader_addresses(rows) if address.lower() not in already]


def claim(period: ReportingPeriod, unit: DirectoryEntry, kind: str) -> Reminder | None:
    """The Reminder row this run may send, or None when it was sent, is being sent, or was overtaken."""
    later = ORDER[ORDER.index(ReminderKind(kind)) + 1:]
    if Reminder.objects.filter(period=period, unit=unit, kind__in=later).exists():
        return None
    try:
        with transaction.atomic():
            return Reminder.objects.create(period=period, unit=unit, kind=kind)
    except IntegrityError:
        return _reclaim(period, unit, kind)


def _reclaim(period: ReportingPeriod, unit: DirectoryEntry, kind: str) -> Reminder | None:
    """Take over a failed (or abandoned) send; the conditional update lets exactly one run win it."""
    now = timezone.now()  # claims are stamped with the real time (auto_now_add), whatever the demo's day
    retry = Q(error__gt="") | Q(claimed_at__lt=now - STALE_CLAIM)
    won = (Reminder.objects.filter(period=period, unit=unit, kind=kind, sent_at__isnull=True).filter(retry)
           .update(error="", claimed_at=now))
    return Reminder.objects.select_related("period__commune", "unit").get(
        period=period, unit=unit, kind=kind) if won else None


def mail_context(reminder: Reminder, rows: list[dict], today: date) -> dict:
    period = reminder.period
    return {
        "unit": reminder.unit, "period": period, "commune": period.commune, "kind": reminder.kind,
        "deadline": period.deadline, "days_left": (period.deadline - today).days,
        "days_late": (today - period.deadline).days, "is_late": today > period.deadline,
        "rows": rows, "link": report_link(period, reminder.unit), "today": today,
    }


def build_message(reminder: Reminder, to: list[str], cc: list[str], rows: list[dict],
                  today: date) -> EmailMultiAlternatives:
    context = mail_context(reminder, rows, today)
    subject = " ".join(render_to_string("reports/email/reminder_subject.txt", context).split())
    text = render_to_string("reports/email/reminder_body.txt", context)
    message = EmailMultiAlternatives(subject, text, to=to, cc=cc)
    message.attach_alternative(render_to_string("reports/email/reminder_body.html", context), "text/html")
    return message


def deliver(reminder: Reminder, message: EmailMultiAlternatives) -> Outcome:
    addresses = [*message.to, *message.cc]
    outcome = Outcome(reminder.period, reminder.unit, SENT, reminder.kind, addresses)
    try:
        message.send(fail_silently=False)
    except Exception as exc:  # SMTP refusals, DNS, timeouts: all mean "try again on the next run"
        outcome.status, outcome.error = FAILED, f"{exc.__class__.__name__}: {exc}"[:1000]
        Reminder.objects.filter(pk=reminder.pk).update(error=outcome.error, recipients=", ".join(addresses))
        return outcome
    Reminder.objects.filter(pk=reminder.pk).update(sent_at=clock.now(), recipients=", ".join(addresses), error="")
    log_action("reminder.sent", reminder, commune=reminder.period.commune,
               data={"kind": reminder.kind, "period": str(reminder.period), "recipients": addresses})
    return outcome
