"""Correction pages: the office corrects an imported plan, sees the reading, then saves with a reason.

Every view looks the plan up through plans.queries first (another commune: 404), then requires the office.
"""
import hashlib
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.tenancy import require_plan_manager
from planparser.targets import split_name_target

from .. import queries
from ..forms import ConflictChoiceForm, place_correction_form, refs_correction_form, text_correction_form
from ..models import Assignment
from ..services.correction_fields import FIELDS, CorrectionInputError
from ..services.corrections import address, choose, correct, describe_place
from ..services.tree_moves import parent_choices

ROW_FIELDS = ("leaders", "lead_units", "coordinating_units", "deadline", "solutions", "output")
TASK_FIELDS = ("title", "place")


@login_required
def row_correct(request, pk, row_pk, field):
    plan = queries.plan_for(request.user, pk)
    require_plan_manager(request.user, plan.commune)
    row = get_object_or_404(Assignment.objects.select_related("node__plan__commune").defer("node__plan__parsed"),
                            pk=row_pk, node__plan=plan)
    if field not in ROW_FIELDS:
        raise Http404("Không có nội dung này để sửa.")
    return _correct(request, plan, row, field)


@login_required
def task_correct(request, pk, code, field):
    node = queries.node_for(request.user, pk, code)
    require_plan_manager(request.user, node.plan.commune)
    if field not in TASK_FIELDS:
        raise Http404("Không có nội dung này để sửa.")
    return _correct(request, node.plan, node, field)


@login_required
def indicator_correct(request, pk, indicator_pk):
    plan = queries.plan_for(request.user, pk)
    require_plan_manager(request.user, plan.commune)
    indicator = get_object_or_404(plan.indicators.all(), pk=indicator_pk)
    return _correct(request, plan, indicator, "targets")


def _correct(request, plan, obj, field):
    spec = FIELDS[field]
    form = _form(plan, obj, field, request.POST if request.method == "POST" else None)
    preview = None
    if form.is_bound and form.is_valid():
        try:
            value = spec.read(obj, _typed(plan, form, field))
        except CorrectionInputError as exc:
            form.add_error(_value_field(field), str(exc))
        else:
            preview = {"words": spec.words(value), "notes": value.get("notes", []) if isinstance(value, dict) else []}
            saved = _save_if_previewed(request, form, obj, field, value)
            if saved:
                return saved
    target, code, row = address(obj)
    return render(request, "plans/correct.html", {
        "plan": plan, "obj": obj, "field": field, "label": spec.label, "place": describe_place(target, code, row),
        "current": spec.words(spec.current(obj)), "form": form, "preview": preview, "back": _back(plan, obj)},
        status=400 if form.errors else 200)


def _save_if_previewed(request, form, obj, field, value):
    signature = hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:32]
    if request.POST.get("action") == "save" and form.cleaned_data["previewed"] == signature:
        try:
            correct(request.user, obj, field, value, form.cleaned_data["reason"])
        except CorrectionInputError as exc:
            form.add_error(None, str(exc))
            return None
        target, code, row = address(obj)
        messages.success(request, f"Đã sửa {FIELDS[field].label.lower()} của {describe_place(target, code, row)}.")
        return redirect(_back(obj_plan(obj), obj))
    # Shown again with the reading: the save button now carries what the office saw.
    form.data = form.data.copy()
    form.data["previewed"] = signature
    return None


def obj_plan(obj):
    return obj.node.plan if hasattr(obj, "node_id") else obj.plan


def _value_field(field: str) -> str:
    return {"place": "number", "leaders": "entries", "lead_units": "entries",
            "coordinating_units": "entries"}.get(field, "value")


def _typed(plan, form, field):
    data = form.cleaned_data
    if field in ("leaders", "lead_units", "coordinating_units"):
        return list(data["entries"])
    if field == "place":
        parent = plan.nodes.get(code=data["parent"]) if data["parent"] else None
        return parent, data["number"]
    return data["value"]


def _form(plan, obj, field, data):
    spec, kwargs = FIELDS[field], {"data": data}
    if field in ("leaders", "lead_units", "coordinating_units"):
        chosen = [r.entry_id for r in obj.refs.filter(role=spec.role)]
        return refs_correction_form(spec.label, plan.commune.entries.order_by("category", "name"), chosen, **kwargs)
    if field == "place":
        return place_correction_form(parent_choices(obj), obj, **kwargs)
    initial = {
        "deadline": lambda: obj.deadline_text, "output": lambda: obj.output, "title": lambda: obj.title,
        "solutions": lambda: "\n".join(f"{s.number} {s.text}".strip() for s in obj.solutions.all()),
        "targets": lambda: split_name_target(obj.text)[1] or obj.text,
    }[field]()
    return text_correction_form(spec.label, initial, multiline=field in ("solutions", "output", "title"), **kwargs)


def _back(plan, obj) -> str:
    target, code, _ = address(obj)
    if target == "indicator":
        # Components are shown within their top-level item (as anomaly_anchor links them).
        return reverse("plan_detail", args=[plan.pk]) + "#chi-tieu-" + ".".join(code.split(".")[:2])
    return reverse("task_detail", args=[plan.pk, code])


@require_POST
@login_required
def conflict_choose(request, pk):
    plan = queries.plan_for(request.user, pk)
    require_plan_manager(request.user, plan.commune)
    form = ConflictChoiceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Chưa chọn được: " + " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("plan_changes", pk=plan.pk)
    correction = get_object_or_404(plan.corrections.all(), pk=form.cleaned_data["correction"])
    try:
        choose(request.user, correction, form.cleaned_data["choice"], form.cleaned_data["reason"])
    except CorrectionInputError as exc:
        messages.error(request, str(exc))
    else:
        kept = form.cleaned_data["choice"] == "keep"
        messages.success(request, f"{describe_place(correction.target, correction.code, correction.row_order)}: "
                                  + ("đã giữ bản sửa." if kept else "đã lấy nội dung bản mới."))
    return redirect("plan_changes", pk=plan.pk)
