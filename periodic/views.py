"""Pages of the periodic reports: thin; the rules are in services and permissions."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from theodoi import clock
from theodoi.drafts import login_keeping_draft, take
from theodoi.exports import DOCX_TYPE, XLSX_TYPE, download

from . import permissions, rules
from .exports import documents
from .forms import CreateForm, NarrativeForm
from .models import NARRATIVE_MAX, ReportKind
from .queries import context
from .queries import lookups as queries
from .services import narratives


@login_required
def index(request):
    permissions.require_reader(request.user)
    plans = list(queries.visible_plans(request.user))
    if len(plans) == 1:
        return redirect("periodic_list", plan_pk=plans[0].pk)
    return render(request, "periodic/index.html", {"plans": plans})


@login_required
def report_list(request, plan_pk):
    plan = queries.plan_for(request.user, plan_pk)
    permissions.require_reader(request.user)
    reports = {r.kind: r for r in queries.reports_of(plan)}
    kinds = [{"value": value, "title": rules.report_title(value, plan.year), "report": reports.get(value),
              "period": rules.period_of(value, plan.year)} for value in ReportKind.values]
    return render(request, "periodic/list.html", {"plan": plan, "kinds": kinds, "form": CreateForm(),
                                                  "may_create": permissions.may_create(request.user)})


@require_POST
@login_required
def create(request, plan_pk):
    plan = queries.plan_for(request.user, plan_pk)
    permissions.require_creator(request.user)
    form = CreateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Chưa chọn loại báo cáo (quý I–IV, 6 tháng, 9 tháng hoặc năm).")
        return redirect("periodic_list", plan_pk=plan.pk)
    made = narratives.create_report(plan, form.cleaned_data["kind"], request.user)
    if not made.created:
        messages.info(request, f"{made.report} đã có; mở báo cáo đã lập, nội dung đã viết được giữ nguyên.")
    return redirect("periodic_detail", pk=made.report.pk)


def _page(request, report, status=200, editing=None, conflict_pk=None):
    """The report page; `editing` (narrative pk → form) keeps what an editor typed when a save was refused."""
    plan = queries.current_plan(report)
    data = context.build(report, plan, clock.today())
    sections = [*data["parts"], *data["closing"].values()]
    forms = {s["narrative"].pk: NarrativeForm(initial={"text": s["text"], "version": s["narrative"].version})
             for s in sections if s["narrative"] is not None}
    unsaved = set(editing or {})
    if permissions.may_edit(request.user) and request.method == "GET":
        kept = _drafts_kept(request, report, forms)
        forms.update(kept)
        unsaved |= set(kept)
    forms.update(editing or {})
    for section in sections:
        section["form"] = forms.get(section["narrative"].pk) if section["narrative"] is not None else None
        section["unsaved"] = section["narrative"] is not None and section["narrative"].pk in unsaved
    return render(request, "periodic/detail.html", {
        "report": report, "plan": plan, "doc": data, "may_edit": permissions.may_edit(request.user),
        "conflict_pk": conflict_pk, "max_chars": NARRATIVE_MAX}, status=status)


def _drafts_kept(request, report, forms) -> dict:
    """Sections typed when the session had expired (theodoi.drafts keeps them by the save URL), put back once."""
    kept = {}
    for narrative_pk in forms:
        save_url = reverse("periodic_narrative_save", kwargs={"pk": report.pk, "narrative_pk": narrative_pk})
        draft = take(request, save_url)
        if draft is not None:
            kept[narrative_pk] = NarrativeForm(draft.fields)
    return kept


@login_required
def detail(request, pk):
    report = queries.report_for(request.user, pk)
    permissions.require_reader(request.user)
    return _page(request, report)


@require_POST
@login_keeping_draft(shown_at=lambda pk, narrative_pk: reverse("periodic_detail", kwargs={"pk": pk}))
def save_narrative(request, pk, narrative_pk):
    report = queries.report_for(request.user, pk)
    narrative = queries.narrative_for(report, narrative_pk)
    permissions.require_editor(request.user)
    form = NarrativeForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Phần «{narrative.title}»: nội dung gửi lên không hợp lệ "
                                f"({'; '.join(e for errors in form.errors.values() for e in errors)}).")
        return _page(request, report, 400, {narrative.pk: form})
    try:
        narratives.save_narrative(narrative, form.cleaned_data["version"], form.cleaned_data["text"], request.user)
    except narratives.ConflictError as conflict:
        messages.error(request, str(conflict))
        kept = NarrativeForm(initial={"text": form.cleaned_data["text"], "version": conflict.current.version})
        return _page(request, report, 409, {narrative.pk: kept}, conflict_pk=narrative.pk)
    except narratives.NarrativeError as error:
        messages.error(request, str(error))
        return _page(request, report, 400, {narrative.pk: form})
    messages.success(request, f"Đã lưu phần «{narrative.title}».")
    return redirect(f"{reverse('periodic_detail', kwargs={'pk': report.pk})}#{narrative.key}")


def _export_context(request, pk):
    report = queries.report_for(request.user, pk)
    permissions.require_reader(request.user)
    data = context.build(report, queries.current_plan(report), clock.today())
    return report, data


@login_required
def export_docx(request, pk):
    report, data = _export_context(request, pk)
    period = rules.period_of(report.kind, report.year)
    return download(documents.render_docx(data), f"bao-cao-ktxh-{period.file_words}.docx", DOCX_TYPE)


@login_required
def export_xlsx(request, pk):
    report, data = _export_context(request, pk)
    period = rules.period_of(report.kind, report.year)
    return download(documents.render_xlsx(data), f"phu-luc-ktxh-{period.file_words}.xlsx", XLSX_TYPE)
