"""Who may do what in the monthly cycle; views ask here, templates only show the answers."""
from accounts.models import Role

from .models import UnitReport


def can_edit(user, report: UnitReport) -> bool:
    """The unit's own officers, or the office entering on a unit's behalf (e.g. from its Excel file)."""
    if user.can_manage_plan:
        return True
    return user.role == Role.UNIT_OFFICER and user.units.filter(pk=report.unit_id).exists()


def can_decide(user) -> bool:
    """Accept or return a report, reopen a period: the office and the Chairman."""
    return user.can_manage_plan or user.role == Role.CHAIRMAN


def can_chase(user) -> bool:
    """The office runs the chase; the Chairman and Vice-Chairmen direct it. Units never see each other's lag."""
    return user.can_manage_plan or user.role in (Role.CHAIRMAN, Role.VICE_CHAIRMAN)
