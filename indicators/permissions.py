"""Who may do what with indicators. Lookups (and so the 404 for another commune) go through indicators.queries."""
from accounts.models import Role
from theodoi.errors import Forbidden

# They answer for the whole plan, so they may enter any indicator's value.
PLAN_WIDE_ROLES = (Role.OFFICE, Role.CHAIRMAN, Role.VICE_CHAIRMAN, Role.SITE_ADMIN)


def can_enter_value(user, indicator) -> bool:
    """The office and the leaders for every indicator; a unit officer for the indicators their unit leads."""
    if user.is_superuser or user.role in PLAN_WIDE_ROLES:
        return True
    if user.role != Role.UNIT_OFFICER:
        return False
    unit = indicator.responsible_unit
    return unit is not None and user.units.filter(pk=unit.pk).exists()


def can_enter_some_values(user) -> bool:
    """Whether an Excel import is worth offering; each row is checked again with can_enter_value."""
    return user.is_superuser or user.role in PLAN_WIDE_ROLES or (
        user.role == Role.UNIT_OFFICER and user.units.exists())


def can_assign_lead_unit(user) -> bool:
    return user.can_manage_plan


def require(allowed: bool, message: str = "Bạn không có quyền nhập số liệu cho chỉ tiêu này.") -> None:
    if not allowed:
        raise Forbidden(message)
