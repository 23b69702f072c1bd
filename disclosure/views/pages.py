"""The public pages (no login, read only, served from the cache) and the Chairman's page that decides what is public.
Thin: the data comes from disclosure.queries and disclosure.services."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from reports.rules import status as st
from theodoi import clock

from ..queries import pages as queries
from ..services import releases as services

STATUS = {"labels": st.LABELS, "order": st.ORDER}


@require_GET
def index(request):
    return render(request, "disclosure/index.html", queries.index_page())


@require_GET
def area(request, area_pk: int):
    return render(request, "disclosure/area.html", queries.area_page(area_pk))


@require_GET
def commune(request, commune_pk: int):
    return render(request, "disclosure/commune.html", {**queries.commune_page(commune_pk), **STATUS})


@require_GET
def release(request, commune_pk: int, year: int, month: int):
    return render(request, "disclosure/release.html", {**queries.release_page(commune_pk, year, month), **STATUS})


@login_required
@require_GET
def manage(request):
    return render(request, "disclosure/manage.html", services.overview(request.user, clock.today()))


@login_required
@require_POST
def toggle(request, commune_pk: int):
    public = request.POST.get("is_public") == "1"
    services.set_public(commune_pk, public, request.user)
    messages.success(request, "Đã mở trang công khai." if public else "Đã đóng trang công khai.")
    return redirect("public_manage")


@login_required
@require_POST
def release_month(request, pk: int):
    period = services.period_for(request.user, pk)
    try:
        services.release(period, request.user, clock.today())
    except services.ReleaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Đã công khai báo cáo tháng {period.month:02d}/{period.year}.")
    return redirect("public_manage")


@login_required
@require_POST
def withdraw(request, pk: int):
    item = services.release_for(request.user, pk)
    try:
        services.withdraw(item, request.user)
    except services.ReleaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Đã thôi công khai báo cáo tháng {item.month:02d}/{item.year}.")
    return redirect("public_manage")
