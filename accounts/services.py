"""Accounts the Office–Statistics officer manages for its commune; scoping comes from plans.services.access."""
import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from audit.services import log_action

from . import tenancy as access
from .models import Role, User

# The roles an office may hand out inside its own commune; province/district accounts and
# administrators are made by the site admin.
COMMUNE_ROLES = [Role.CHAIRMAN, Role.VICE_CHAIRMAN, Role.OFFICE, Role.UNIT_OFFICER, Role.VIEWER]


def can_manage_accounts(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in (Role.OFFICE, Role.SITE_ADMIN))


def require_account_manager(user) -> None:
    if not can_manage_accounts(user):
        raise PermissionDenied("Chỉ Văn phòng – Thống kê được quản lý tài khoản.")


def accounts_for(user) -> QuerySet[User]:
    accounts = User.objects.filter(commune__in=access.communes_for(user))
    return accounts if user.is_superuser else accounts.filter(is_superuser=False)


def account_for(user, pk: int) -> User:
    """Another commune's account is a 404, like every other object of another commune."""
    return get_object_or_404(accounts_for(user).select_related("commune", "position"), pk=pk)


def new_password() -> str:
    # 14 URL-safe characters pass every validator and can be read out over the phone.
    return secrets.token_urlsafe(10)


def create_account(commune, *, username, full_name, email, role, units=(), position=None,
                   is_civil_servant=False) -> tuple[User, str]:
    password = new_password()
    with transaction.atomic():
        user = User(username=username, first_name=full_name, email=email, role=role, commune=commune,
                    position=position, is_civil_servant=is_civil_servant)
        user.set_password(password)
        user.save()
        user.units.set(units)
    return user, password


def set_units(account: User, units) -> None:
    with transaction.atomic():
        account.units.set(units)


def set_civil_servant(account: User, value: bool) -> None:
    """Whether the holder gets a legal evaluation level; the save is captured by the audit trail."""
    if account.is_civil_servant != value:
        account.is_civil_servant = value
        account.save(update_fields=["is_civil_servant"])


def set_active(manager: User, account: User, active: bool) -> None:
    if account.pk == manager.pk and not active:
        raise PermissionDenied("Không thể tự vô hiệu hóa tài khoản của chính mình.")
    with transaction.atomic():
        account.is_active = active
        account.save(update_fields=["is_active"])


def reset_password(account: User) -> str:
    password = new_password()
    with transaction.atomic():
        account.set_password(password)
        account.save(update_fields=["password"])
    return password


def unlock(account: User) -> int:
    """Clear the failed logins that lock the account out; the trail records who unlocked it."""
    from axes.utils import reset

    cleared = reset(username=account.get_username())
    log_action("accounts.user.unlocked", account, data={"attempts_cleared": cleared})
    return cleared
