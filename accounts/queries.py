"""Data for the account pages, read-only: the accounts a user may manage, scoped by accounts.tenancy."""
from django.db.models import QuerySet

from theodoi.errors import NotFound

from .models import User
from .tenancy import communes_for


def accounts_for(user) -> QuerySet[User]:
    accounts = User.objects.filter(commune__in=communes_for(user))
    return accounts if user.is_superuser else accounts.filter(is_superuser=False)


def account_for(user, pk: int) -> User:
    """Another commune's account is NotFound (a 404), like every other object of another commune."""
    try:
        return accounts_for(user).select_related("commune", "position").get(pk=pk)
    except User.DoesNotExist:
        raise NotFound("Không tìm thấy tài khoản này trong xã/phường của bạn.") from None
