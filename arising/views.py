"""Arising tasks: the list, one task entered from its source, a notice read into a preview and confirmed. Thin."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.tenancy import require_plan_manager
from planparser.blocks import PlanReadError
from planparser.deadlines import describe_deadline, parse_deadline
from plans.services import staging

from . import queries
from .forms import ArisingTaskForm, NoticeConfirmForm, NoticeForm
from .services import reading
from .services.tasks import SourceData, add_from_notice, add_one
from .services.tree import RowData


@login_required
def arising_list(request):
    tasks = queries.arising_tasks(request.user)
    return render(request, "arising/list.html", {"tasks": tasks, "can_add": request.user.can_manage_plan})


def _manager_plans(user):
    require_plan_manager(user)
    plans = queries.current_plans(user)
    if not plans.exists():
        raise Http404("Xã/phường chưa có kế hoạch đang áp dụng để đưa nhiệm vụ phát sinh vào.")
    return plans


@login_required
def arising_add(request):
    plans = _manager_plans(request.user)
    form = ArisingTaskForm(request.POST or None, request.FILES or None, plans=plans, commune=request.user.commune
                           or plans.first().commune)
    reading_line = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        plan = data["plan"]
        deadline = parse_deadline(data["deadline"], plan.year)
        try:
            upload = _held_file(form)
        except PlanReadError as exc:
            form.add_error("file", str(exc))
        else:
            if data["deadline_seen"] == data["deadline"]:
                task = add_one(plan, _source(data), _row(data, deadline), request.user, data["reason"], upload)
                if form.data.get("file_token"):
                    staging.discard(form.data["file_token"])
                messages.success(request, f"Đã thêm nhiệm vụ phát sinh {task.node.code} ({task.source.label}).")
                return redirect("task_detail", pk=plan.pk, code=task.node.code)
            # The reading is shown before saving: the office confirms what the deadline was understood to mean.
            form.data["deadline_seen"] = data["deadline"]
            reading_line = _reading(deadline)
    return render(request, "arising/add.html", {"form": form, "reading": reading_line},
                  status=400 if form.errors else 200)


def _reading(deadline: dict) -> dict:
    return {"text": describe_deadline(deadline), "unknown": deadline["kind"] == "unknown"}


def _source(data) -> SourceData:
    return SourceData(kind=data["kind"], number=data["number"], issued_on=data["issued_on"], issuer=data["issuer"],
                      title=data["source_title"], quoted_text=data["quoted_text"])


def _row(data, deadline) -> RowData:
    return RowData(title=data["title"], deadline=deadline, output=data["output"], leaders=list(data["leaders"]),
                   lead_units=list(data["lead_units"]), coordinating_units=list(data["coordinating_units"]))


def _held_file(form):
    """A newly chosen file is checked and held; a held one is taken back. -> (name, file) or None."""
    data = form.cleaned_data
    form.data = form.data.copy()
    if data.get("file"):
        held = reading.check_upload(data["file"])
        form.data["file_token"], form.data["file_name"] = staging.stage(held), data["file"].name
        return data["file"].name, ContentFile(held)
    if data["file_token"]:
        return data["file_name"], ContentFile(staging.take(data["file_token"]))
    return None


@login_required
def arising_notice(request):
    plans = _manager_plans(request.user)
    form = NoticeForm(request.POST or None, request.FILES or None, plans=plans)
    if form.is_bound and form.is_valid():
        try:
            data, name = _notice_bytes(form.cleaned_data)
            notice = reading.read_for_commune(form.cleaned_data["plan"].commune, data, name)
        except PlanReadError as exc:
            form.add_error(None, str(exc))
        else:
            plan, source = form.cleaned_data["plan"], reading.source_of(notice, "")
            confirm = NoticeConfirmForm(initial={"token": staging.stage(data), "name": name, "plan": plan.pk})
            return render(request, "arising/notice_preview.html", {
                "notice": notice, "plan": plan, "confirm": confirm, "name": name,
                "source": source, "year_problem": reading.year_problem(notice, plan),
                "entered_before": queries.entered_before(plan.commune, source.kind, source.number, source.issued_on)})
    return render(request, "arising/notice.html", {"form": form}, status=400 if form.errors else 200)


def _notice_bytes(data) -> tuple[bytes, str]:
    upload = data.get("file")
    if upload:
        return reading.check_upload(upload), upload.name
    return data["text"].encode("utf-8"), "thong-bao-dan.txt"


@require_POST
@login_required
def arising_notice_confirm(request):
    plans = _manager_plans(request.user)
    form = NoticeConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Xác nhận chưa đủ: cần ghi lý do nhập; vui lòng đọc lại thông báo.")
        return redirect("arising_notice")
    plan = plans.filter(pk=form.cleaned_data["plan"]).first()
    if plan is None:
        raise Http404("Kế hoạch không tồn tại hoặc không còn áp dụng.")
    token, name = form.cleaned_data["token"], form.cleaned_data["name"]
    try:
        data = staging.take(token)
        notice = reading.read_for_commune(plan.commune, data, name)
    except PlanReadError as exc:
        messages.error(request, str(exc))
        return redirect("arising_notice")
    text = data.decode("utf-8", "replace") if name.endswith(".txt") else ""
    upload = None if name == "thong-bao-dan.txt" else (name, ContentFile(data))
    tasks = add_from_notice(plan, notice, reading.source_of(notice, text), request.user, form.cleaned_data["reason"],
                            upload)
    staging.discard(token)
    messages.success(request, f"Đã thêm {len(tasks)} nhiệm vụ phát sinh từ {tasks[0].source.label}.")
    return redirect("arising_list")
