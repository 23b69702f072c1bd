"""Indicator pages: thin views; lookups and page data come from indicators.queries, decisions from permissions, rules
and services."""
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from plans.queries import plan_for, plans_for
from theodoi.drafts import login_keeping_draft, take
from theodoi.exports import XLSX_TYPE, download
from theodoi.periods import periods_of_year

from . import permissions, queries, rules
from .exports import export_plan
from .forms import LeadUnitForm, ValueForm, default_period, met_choice, suggests_cumulative
from .models import IndicatorValue
from .queries import chart_points, current_plan, describe_target, indicator_for, number_text, value_rows
from .services import recording
from .services.values_import import import_values


@login_required
def indicator_list(request):
    plan = current_plan(request.user, request.GET.get("ke-hoach"))
    standings = queries.plan_standings(plan) if plan else []
    return render(request, "indicators/indicator_list.html", {
        "plan": plan, "groups": queries.grouped(standings), "counts": queries.colour_counts(standings),
        "labels": rules.COLOUR_LABELS, "can_import": permissions.can_enter_some_values(request.user),
    })


@login_required
def indicator_detail(request, pk):
    indicator = indicator_for(request.user, pk)
    rows = value_rows(indicator)
    return render(request, "indicators/indicator_detail.html", {
        "indicator": indicator, "plan": indicator.plan, "rows": rows,
        "targets": [(t, describe_target(t)) for t in indicator.targets.all()],
        "target": indicator.primary_target, "components": indicator.components.all(),
        "standing": rows[-1] if rows else None, "chart": chart_points(indicator, rows),
        "history": indicator.entries.select_related("entered_by")[:50],
        "can_enter": permissions.can_enter_value(request.user, indicator),
        "lead_form": LeadUnitForm(instance=indicator) if permissions.can_assign_lead_unit(request.user) else None,
        "labels": rules.COLOUR_LABELS,
    })


@login_keeping_draft
def indicator_value_entry(request, pk):
    indicator = indicator_for(request.user, pk)
    permissions.require(permissions.can_enter_value(request.user, indicator))
    if indicator.primary_target is None:
        messages.error(request, "Chỉ tiêu này không có mục tiêu riêng; hãy nhập số liệu ở các chỉ tiêu thành phần.")
        return redirect("indicator_detail", pk=indicator.pk)
    initial = _initial(indicator, request.GET.get("ky"))
    draft = take(request) if request.method == "GET" else None
    if draft is not None:  # typed before the session expired, kept through the login (theodoi.drafts)
        initial.update(_typed(draft.fields))
    form = ValueForm(request.POST or None, request.FILES or None, indicator=indicator, initial=initial)
    if request.method == "POST" and form.is_valid():
        recording.save_reading(indicator, form.reading(), request.user, evidence=form.cleaned_data.get("evidence"))
        messages.success(request, f"Đã lưu số liệu {form.cleaned_data['period'].label}: {form.verdict.label}.")
        return redirect("indicator_detail", pk=indicator.pk)
    return render(request, "indicators/value_form.html", {
        "indicator": indicator, "plan": indicator.plan, "form": form,
        "targets": [describe_target(t) for t in indicator.targets.all()], "labels": rules.COLOUR_LABELS,
        # static/js/drafts.js: a new history entry means a save went through; the page shows unsaved typing
        "saved_count": indicator.entries.count(), "unsaved": form.is_bound or draft is not None,
    }, status=400 if form.errors else 200)


def _typed(fields) -> dict:
    """A kept draft as the form's initial values; an unticked box is absent from a POST, so absence means False."""
    typed = {name: fields[name] for name in ValueForm.base_fields if name in fields and name != "is_cumulative"}
    return {**typed, "is_cumulative": "is_cumulative" in fields}


def _initial(indicator, period_key: str | None) -> dict:
    period = default_period(indicator.plan.year)
    if period_key:
        try:
            period = next(p for p in _periods(indicator) if p.key == period_key)
        except StopIteration:
            pass
    stored = recording.stored_value(indicator, period)
    if stored is None:
        return {"period": period.key, "is_cumulative": suggests_cumulative(indicator)}
    return {"period": period.key, "value": _number(stored.value), "met": met_choice(stored.met),
            "is_cumulative": stored.is_cumulative, "source": stored.source, "note": stored.note,
            "explanation": stored.explanation}


def _periods(indicator):
    return periods_of_year(indicator.plan.year)


def _number(value) -> str:
    return number_text(value) if value is not None else ""


@require_POST
@login_required
def indicator_lead_unit(request, pk):
    indicator = indicator_for(request.user, pk)
    permissions.require(permissions.can_assign_lead_unit(request.user),
                        "Chỉ Văn phòng – Thống kê được giao đơn vị chủ trì theo dõi chỉ tiêu.")
    form = LeadUnitForm(request.POST, instance=indicator)
    if form.is_valid():
        form.save()
        messages.success(request, "Đã cập nhật đơn vị chủ trì theo dõi chỉ tiêu.")
    else:
        messages.error(request, "Đơn vị không hợp lệ.")
    return redirect("indicator_detail", pk=indicator.pk)


@login_required
def indicator_evidence(request, value_pk):
    item = get_object_or_404(IndicatorValue, pk=value_pk, indicator__plan__in=plans_for(request.user))
    if not item.evidence:
        messages.info(request, f"Số liệu {item.period.label} không có tệp minh chứng.")
        return redirect("indicator_detail", pk=item.indicator_id)
    return FileResponse(item.evidence.open("rb"), as_attachment=True, filename=_evidence_name(item))


def _evidence_name(item) -> str:
    """Named by what it proves, in Vietnamese without accents, as the report's evidence files are."""
    code = item.indicator.code.lower().replace(".", "-")
    extension = PurePosixPath(item.evidence.name).suffix.lower()
    return f"minh-chung-chi-tieu-{code}-{item.period.file_words}{extension}"


@login_required
def indicator_export(request, plan_pk):
    plan = plan_for(request.user, plan_pk)
    return download(export_plan(plan), f"chi-tieu-{plan.year}-v{plan.version}.xlsx", XLSX_TYPE)


@login_required
def indicator_import(request, plan_pk):
    plan = plan_for(request.user, plan_pk)
    if not permissions.can_enter_some_values(request.user):
        raise PermissionDenied("Bạn không có quyền nhập số liệu chỉ tiêu.")
    result, status = None, 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        refusal = _upload_refusal(upload)
        if refusal:
            messages.error(request, refusal)
        else:
            result = import_values(plan, upload.read(), upload.name, request.user)
            if not result.errors:
                messages.success(request, f"Đã nhập {result.saved} số liệu; {result.unchanged} ô không thay đổi.")
                return redirect(f"{reverse('indicator_list')}?ke-hoach={plan.pk}")
        status = 400
    return render(request, "indicators/import.html", {"plan": plan, "result": result}, status=status)


def _upload_refusal(upload) -> str | None:
    """Refused before it is read into memory: no file, or a file larger than any table of indicators."""
    if upload is None:
        return "Chưa chọn tệp Excel."
    if upload.size > settings.THEODOI_MAX_UPLOAD_BYTES:
        return f"Tệp «{upload.name}» quá lớn (tối đa {settings.THEODOI_MAX_UPLOAD_BYTES // (1024 * 1024)} MB)."
    return None
