"""Accounts the Office–Statistics officer manages for its commune: creating them, their units, and their access.

Saves of users are captured by the audit trail; unlocking, which saves no user, is logged explicitly.
"""
import secrets

from django.db import transaction

from audit.services import log_action
from theodoi.errors import Forbidden

from ..models import User


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
        raise Forbidden("Không thể tự vô hiệu hóa tài khoản của chính mình.")
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
