"""Who may manage accounts, and which roles an office may hand out."""
from theodoi.errors import Forbidden

from .models import Role

# The roles an office may hand out inside its own commune; province/district accounts and administrators are made
# by the site admin.
COMMUNE_ROLES = [Role.CHAIRMAN, Role.VICE_CHAIRMAN, Role.OFFICE, Role.UNIT_OFFICER, Role.VIEWER]


def can_manage_accounts(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in (Role.OFFICE, Role.SITE_ADMIN))


def require_account_manager(user) -> None:
    if not can_manage_accounts(user):
        raise Forbidden("Chỉ Văn phòng – Thống kê được quản lý tài khoản.")
