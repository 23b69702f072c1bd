"""Plan pages: thin views over the services; every lookup goes through plans.queries."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.tenancy import require_plan_manager
from planparser.blocks import PlanReadError

from .. import queries
from ..forms import PlanConfirmForm, PlanUploadForm, PlanWithdrawForm
from ..models import CorrectionStatus
from ..rules import OtherLocalityError, diff_plans, require_own_locality
from ..services import staging, versions
from ..services.correction_carry import conflicts
from ..services.corrections import corrected_places, history, history_words
from ..services.importer import import_plan, parse_for_commune, same_as_current


@login_required
def home(request):
    """Leaders and the office start on the dashboard; a unit starts on its monthly report; a province's or
    district's account on the page of its area's communes."""
    if request.user.is_above_commune:
        return redirect("province_dashboard", area_pk=request.user.area_id)
    if not queries.plans_for(request.user).filter(is_current=True).exists():
        return redirect("plan_list")
    return redirect("report_index" if request.user.role == Role.UNIT_OFFICER else "dashboard")


@login_required
def plan_list(request):
    plans = queries.plans_for(request.user).select_related("commune")
    return render(request, "plans/plan_list.html", {"plans": plans})


@login_required
def plan_detail(request, pk):
    plan = queries.plan_for(request.user, pk)
    tree, places = queries.plan_tree(plan), corrected_places(plan)
    _mark_corrected(tree, places)
    anomalies = list(plan.anomalies.select_related("resolved_by"))
    return render(request, "plans/plan_detail.html", {
        "plan": plan, "tree": tree, "can_correct": _can_correct(request.user, plan),
        "anomalies": [a for a in anomalies if not a.is_warning], "warnings": [a for a in anomalies if a.is_warning],
        "corrected_indicators": set(plan.indicators.filter(code__in=[c for t, c, _ in places if t == "indicator"])
                                    .values_list("pk", flat=True)),
    })


def _can_correct(user, plan) -> bool:
    """Corrections go on the version in force, by the office only."""
    return user.can_manage_plan and plan.is_current


def _mark_corrected(nodes, places) -> None:
    for node in nodes:
        node.corrections = places.get(("task", node.code, None), [])
        for row in getattr(node, "rows", []):
            row.corrections = places.get(("row", node.code, row.order), [])
        _mark_corrected(getattr(node, "kids", []), places)


@login_required
def task_detail(request, pk, code):
    node = queries.node_for(request.user, pk, code)
    node.rows = queries.node_rows(node)
    _mark_corrected([node], corrected_places(node.plan))
    return render(request, "plans/task_detail.html", {
        "plan": node.plan, "node": node, "rows": node.rows,
        "children": node.children.all(), "ancestors": _ancestors(node),
        "anomalies": node.plan.anomalies.filter(Q(where=node.code) | Q(where__startswith=node.code + ".")
                                                | Q(where__startswith=node.code + " ")).select_related("resolved_by"),
        "can_correct": _can_correct(request.user, node.plan), "correctable_row_fields": _ROW_FIELD_LABELS,
        "corrections": [history_words(e) for e in history(node.plan, node.code)],
    })


_ROW_FIELD_LABELS = [("leaders", "phân công chỉ đạo"), ("lead_units", "đơn vị chủ trì"),
                     ("coordinating_units", "đơn vị phối hợp"), ("deadline", "thời hạn"), ("solutions", "giải pháp"),
                     ("output", "sản phẩm")]


def _ancestors(node):
    chain, parent = [], node.parent
    while parent:
        chain.insert(0, parent)
        parent = parent.parent
    return chain


@login_required
def plan_changes(request, pk):
    plan = queries.plan_for(request.user, pk)
    # A withdrawn version was never the plan: the changes are counted from the version this one replaced.
    previous = (queries.plans_for(request.user).filter(commune=plan.commune, year=plan.year, version__lt=plan.version,
                                                      withdrawn_at=None).order_by("-version").first())
    changes = diff_plans(previous.parsed, plan.parsed) if previous else []
    return render(request, "plans/plan_changes.html", {
        "plan": plan, "previous": previous, "changes": changes, "conflicts": conflicts(plan),
        "settled": plan.corrections.filter(status__in=(CorrectionStatus.KEPT, CorrectionStatus.DROPPED))})


@login_required
def plan_upload(request):
    require_plan_manager(request.user)
    # Bound on every POST, even an empty one, so a missing file is said rather than silently re-asked.
    form = PlanUploadForm(request.POST, request.FILES) if request.method == "POST" else PlanUploadForm()
    if form.is_bound and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = staging.check_upload(upload)
            parsed = parse_for_commune(request.user.commune, data, upload.name)
            locality = require_own_locality(request.user.commune, parsed, upload.name)
        except OtherLocalityError as exc:
            # Another locality's plan: the page offers nothing but going back, so it cannot be filed by a slip.
            return render(request, "plans/plan_locality_refused.html", {"check": exc.check, "name": upload.name},
                          status=400)
        except PlanReadError as exc:
            form.add_error("file", str(exc))
        else:
            confirm = PlanConfirmForm(initial={"token": staging.stage(data), "name": upload.name})
            return render(request, "plans/plan_preview.html", {
                "parsed": parsed, "confirm": confirm, "name": upload.name, "locality": locality,
                "unchanged": same_as_current(request.user.commune, parsed)})
    return render(request, "plans/plan_upload.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
@login_required
def plan_confirm(request):
    require_plan_manager(request.user)
    form = PlanConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Yêu cầu xác nhận không hợp lệ; vui lòng tải tệp lên lại.")
        return redirect("plan_upload")
    token, name = form.cleaned_data["token"], form.cleaned_data["name"]
    try:
        result = import_plan(request.user.commune, staging.take(token), name, request.user, own_locality_only=True)
    except PlanReadError as exc:
        messages.error(request, str(exc))
        return redirect("plan_upload")
    staging.discard(token)
    _report_import(request, result)
    return redirect("plan_detail", pk=result.plan.pk)


def _report_import(request, result) -> None:
    if result.unchanged == "same_content":
        messages.info(request, f"Không có thay đổi so với phiên bản hiện hành (phiên bản {result.plan.version}): "
                               "tệp này có cùng nội dung nên không tạo phiên bản mới.")
    elif not result.created:
        messages.info(request, "Tệp này đã được nhập trước đó; không có gì thay đổi.")
    elif result.plan.version > 1:
        messages.success(request, f"Đã nhập phiên bản {result.plan.version} với {len(result.changes)} thay đổi.")
        pending = result.plan.corrections.filter(status=CorrectionStatus.CONFLICT).count()
        if pending:
            messages.warning(request, f"{pending} chỗ Văn phòng đã sửa ở phiên bản trước nay ghi khác trong bản "
                                      "mới: xem trang «Thay đổi so với phiên bản trước» để chọn giữ bản sửa hay lấy "
                                      "bản mới.")
    else:
        messages.success(request, "Đã nhập kế hoạch.")


@login_required
def plan_withdraw(request, pk):
    """Withdraw a version imported by mistake: a confirmation page, then a POST with the reason."""
    plan = queries.plan_for(request.user, pk)
    require_plan_manager(request.user, plan.commune)
    if plan.is_withdrawn:
        messages.error(request, f"Phiên bản {plan.version} đã được rút trước đó.")
        return redirect("plan_detail", pk=plan.pk)
    form = PlanWithdrawForm(request.POST) if request.method == "POST" else PlanWithdrawForm()
    if form.is_bound and form.is_valid():
        try:
            current = versions.withdraw(plan, request.user, form.cleaned_data["reason"])
        except versions.WithdrawError as exc:
            form.add_error("reason", str(exc))
        else:
            _report_withdrawal(request, plan, current)
            return redirect("plan_detail", pk=current.pk) if current else redirect("plan_list")
    return render(request, "plans/plan_withdraw.html", {"plan": plan, "form": form, "restores": _version_before(plan)},
                  status=400 if form.errors else 200)


def _version_before(plan):
    """The version that becomes current when this one goes (None: no plan left for the year)."""
    if not plan.is_current:
        return None
    return plan.commune.plans.filter(year=plan.year, withdrawn_at=None, version__lt=plan.version).order_by(
        "-version").first()


def _report_withdrawal(request, plan, current) -> None:
    done = f"Đã rút phiên bản {plan.version} của kế hoạch năm {plan.year}"
    if current is None:
        messages.success(request, f"{done}; {plan.commune} không còn kế hoạch nào cho năm này.")
    else:
        messages.success(request, f"{done}; phiên bản đang áp dụng là phiên bản {current.version}.")
