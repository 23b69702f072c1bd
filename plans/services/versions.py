"""Which version of a commune's plan for a year is current, and withdrawing a version imported by mistake.

The one rule: the current version is the highest version of (commune, year) that has not been withdrawn; when
every version is withdrawn the commune has no plan for that year. `is_current` stores the rule's answer so the
rest of the app can filter on it, and only `refresh_current` writes it.
"""
from django.db import transaction
from django.utils import timezone

from audit.services import log_action

from ..models import Plan
from .carry_over import carry_over

REASON_MAX_LENGTH = 1000


class WithdrawError(ValueError):
    """A withdrawal refused; the message is for the user, in Vietnamese."""


def current_version(commune_id: int, year: int) -> Plan | None:
    return (Plan.objects.filter(commune_id=commune_id, year=year, withdrawn_at=None)
            .order_by("-version").first())


def next_version(commune_id: int, year: int) -> int:
    """Withdrawn versions keep their number: a version number is never given twice."""
    last = Plan.objects.filter(commune_id=commune_id, year=year).order_by("-version").first()
    return last.version + 1 if last else 1


def refresh_current(commune_id: int, year: int) -> Plan | None:
    current = current_version(commune_id, year)
    # Clear before set: the database allows one current version per year at any moment.
    others = Plan.objects.filter(commune_id=commune_id, year=year, is_current=True)
    if current is not None:
        others = others.exclude(pk=current.pk)
    others.update(is_current=False)
    if current is not None and not current.is_current:
        Plan.objects.filter(pk=current.pk).update(is_current=True)
        current.is_current = True
    return current


def withdraw(plan: Plan, user, reason: str) -> Plan | None:
    """Withdraw one version and return the version that is current afterwards (None: no plan that year)."""
    reason = reason.strip()
    if not reason:
        raise WithdrawError("Cần ghi lý do rút phiên bản kế hoạch.")
    if len(reason) > REASON_MAX_LENGTH:
        raise WithdrawError(f"Lý do rút dài quá {REASON_MAX_LENGTH} ký tự.")
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.is_withdrawn:
            raise WithdrawError(f"Phiên bản {plan.version} của kế hoạch năm {plan.year} đã được rút trước đó.")
        was_current = plan.is_current
        plan.withdrawn_at, plan.withdrawn_by, plan.withdrawal_reason = timezone.now(), user, reason
        plan.is_current = False
        plan.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason", "is_current"])
        restored = refresh_current(plan.commune_id, plan.year)
        # What the year recorded against the withdrawn version goes back to the version that is current again.
        carried = carry_over(plan, restored) if was_current and restored is not None else {}
        log_action("plan.withdrawn", plan, user=user, data={
            "file": plan.source_name, "year": plan.year, "version": plan.version, "reason": reason,
            "was_current": was_current, "current_version": restored.version if restored else None,
            "carried_back": carried})
    return restored
