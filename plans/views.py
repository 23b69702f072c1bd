"""Plan pages: thin views over the services; every lookup goes through services.access."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.models import Role
from planparser.blocks import PlanReadError

from .forms import PlanConfirmForm, PlanUploadForm
from .models import Plan
from .services import access, reading, staging
from .services.diff import diff_plans
from .services.importer import import_plan, parse_for_commune


@login_required
def home(request):
    """Leaders and the office start on the dashboard; a unit starts on its monthly report."""
    if not access.plans_for(request.user).filter(is_current=True).exists():
        return redirect("plan_list")
    return redirect("report_index" if request.user.role == Role.UNIT_OFFICER else "dashboard")


@login_required
def plan_list(request):
    plans = access.plans_for(request.user).select_related("commune")
    return render(request, "plans/plan_list.html", {"plans": plans})


@login_required
def plan_detail(request, pk):
    plan = access.plan_for(request.user, pk)
    return render(request, "plans/plan_detail.html", {
        "plan": plan, "tree": reading.plan_tree(plan),
        "anomalies": [a for a in plan.anomalies.all() if not a.is_warning],
        "warnings": [a for a in plan.anomalies.all() if a.is_warning],
    })


@login_required
def task_detail(request, pk, code):
    node = access.node_for(request.user, pk, code)
    return render(request, "plans/task_detail.html", {
        "plan": node.plan, "node": node, "rows": reading.node_rows(node),
        "children": node.children.all(), "ancestors": _ancestors(node),
        "anomalies": node.plan.anomalies.filter(Q(where=node.code) | Q(where__startswith=node.code + ".")
                                                | Q(where__startswith=node.code + " ")),
    })


def _ancestors(node):
    chain, parent = [], node.parent
    while parent:
        chain.insert(0, parent)
        parent = parent.parent
    return chain


@login_required
def plan_changes(request, pk):
    plan = access.plan_for(request.user, pk)
    previous = access.plans_for(request.user).filter(commune=plan.commune, year=plan.year,
                                                     version=plan.version - 1).first()
    changes = diff_plans(previous.parsed, plan.parsed) if previous else []
    return render(request, "plans/plan_changes.html", {"plan": plan, "previous": previous, "changes": changes})


@login_required
def plan_upload(request):
    access.require_plan_manager(request.user)
    form = PlanUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = staging.check_upload(upload)
            parsed = parse_for_commune(request.user.commune, data, upload.name)
        except PlanReadError as exc:
            form.add_error("file", str(exc))
        else:
            confirm = PlanConfirmForm(initial={"token": staging.stage(data), "name": upload.name})
            return render(request, "plans/plan_preview.html", {"parsed": parsed, "confirm": confirm,
                                                               "name": upload.name})
    return render(request, "plans/plan_upload.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
@login_required
def plan_confirm(request):
    access.require_plan_manager(request.user)
    form = PlanConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Yêu cầu xác nhận không hợp lệ; vui lòng tải tệp lên lại.")
        return redirect("plan_upload")
    token, name = form.cleaned_data["token"], form.cleaned_data["name"]
    try:
        result = import_plan(request.user.commune, staging.take(token), name, request.user)
    except PlanReadError as exc:
        messages.error(request, str(exc))
        return redirect("plan_upload")
    staging.discard(token)
    _report_import(request, result)
    return redirect("plan_detail", pk=result.plan.pk)


def _report_import(request, result) -> None:
    if not result.created:
        messages.info(request, "Tệp này đã được nhập trước đó; không có gì thay đổi.")
    elif result.plan.version > 1:
        messages.success(request, f"Đã nhập phiên bản {result.plan.version} với {len(result.changes)} thay đổi.")
    else:
        messages.success(request, "Đã nhập kế hoạch.")
