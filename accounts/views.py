"""The office's account pages, and the lockout page django-axes shows after repeated wrong passwords."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import permissions, queries
from .forms import AccountCreateForm, AccountUnitsForm
from .services import accounts as services


@login_required
def account_list(request):
    permissions.require_account_manager(request.user)
    accounts = queries.accounts_for(request.user).select_related("commune").prefetch_related("units")
    return render(request, "accounts/account_list.html", {"accounts": accounts.order_by("commune__name", "username")})


@never_cache
@login_required
def account_create(request):
    permissions.require_account_manager(request.user)
    commune = request.user.commune
    if commune is None:
        messages.error(request, "Tài khoản của bạn không thuộc xã/phường nào; hãy tạo tài khoản trong trang Quản trị.")
        return redirect("account_list")
    form = AccountCreateForm(request.POST if request.method == "POST" else None, commune=commune)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        account, password = services.create_account(
            commune, username=data["username"], full_name=data["full_name"], email=data["email"], role=data["role"],
            units=data["units"], position=data["position"], is_civil_servant=data["is_civil_servant"])
        return _password_page(request, account, password, created=True)
    return render(request, "accounts/account_form.html", {"form": form}, status=400 if form.errors else 200)


def _password_page(request, account, password, created):
    # Shown once, never stored in clear: the page is not cached and the password is not in any message or log.
    return render(request, "accounts/account_password.html",
                  {"account": account, "password": password, "created": created})


@login_required
def account_detail(request, pk):
    permissions.require_account_manager(request.user)
    account = queries.account_for(request.user, pk)
    # An empty POST (every unit unticked) is still a submission: unlinking all units.
    form = AccountUnitsForm(request.POST if request.method == "POST" else None, commune=account.commune,
                            initial={"units": account.units.all(), "is_civil_servant": account.is_civil_servant})
    if request.method == "POST" and form.is_valid():
        services.set_units(account, form.cleaned_data["units"])
        services.set_civil_servant(account, form.cleaned_data["is_civil_servant"])
        messages.success(request, f"Đã cập nhật đơn vị phụ trách của {account.username}.")
        return redirect("account_detail", pk=account.pk)
    return render(request, "accounts/account_detail.html", {"account": account, "form": form},
                  status=400 if form.errors else 200)


@require_POST
@login_required
def account_toggle_active(request, pk):
    permissions.require_account_manager(request.user)
    account = queries.account_for(request.user, pk)
    services.set_active(request.user, account, not account.is_active)
    state = "mở lại" if account.is_active else "vô hiệu hóa"
    messages.success(request, f"Đã {state} tài khoản {account.username}.")
    return redirect("account_detail", pk=account.pk)


@never_cache
@require_POST
@login_required
def account_reset_password(request, pk):
    permissions.require_account_manager(request.user)
    account = queries.account_for(request.user, pk)
    return _password_page(request, account, services.reset_password(account), created=False)


@require_POST
@login_required
def account_unlock(request, pk):
    permissions.require_account_manager(request.user)
    account = queries.account_for(request.user, pk)
    services.unlock(account)
    messages.success(request, f"Đã mở khóa đăng nhập cho {account.username}.")
    return redirect("account_detail", pk=account.pk)


def locked_out(request, original_response=None, credentials=None):
    cooloff = settings.AXES_COOLOFF_TIME
    context = {"limit": settings.AXES_FAILURE_LIMIT, "minutes": int(cooloff.total_seconds() // 60),
               "retry_at": timezone.localtime(timezone.now() + cooloff),
               "username": (credentials or {}).get("username") or request.POST.get("username", "")}
    return render(request, "accounts/locked_out.html", context, status=429)


@login_required
def health(request):
    """A signed-in page that reads nothing beyond the session and the user: the yardstick bench/peak.py sets a
    report save against, and what a monitor may poll to see that the application and its database answer."""
    return render(request, "accounts/health.html", {"username": request.user.get_username()})
