"""Year-end evaluation pages: thin views over queries.evaluate; plans are always looked up through plans.queries."""
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse

from plans import queries as plan_queries
from reports.permissions import report_reader
from theodoi.exports import DOCX_TYPE, XLSX_TYPE, download

from . import exports, permissions
from .forms import JudgementForm, OverrideForm, RowAssessmentForm
from .models import KIND_SLUGS, SLUG_OF
from .queries.evaluate import evaluate
from .services import adjust


def _dates(request) -> tuple[date | None, date | None]:
    def parse(name):
        try:
            return date.fromisoformat(request.GET.get(name, ""))
        except ValueError:
            return None
    return parse("tu"), parse("den")


def _evaluation(request, plan_pk):
    plan = plan_queries.plan_for(request.user, plan_pk)
    return evaluate(plan, *_dates(request))


def _subject(evaluation, slug, subject_pk):
    kind = KIND_SLUGS.get(slug)
    subject = evaluation.find(kind, subject_pk) if kind else None
    if subject is None:
        raise Http404("Không có đối tượng đánh giá này.")
    return subject


@login_required
def evaluation_index(request):
    plans = plan_queries.current_plans(request.user).order_by("-year")
    return render(request, "evaluation/index.html", {"plans": plans})


@login_required
def evaluation_plan(request, plan_pk):
    evaluation = _evaluation(request, plan_pk)
    return render(request, "evaluation/plan.html", {
        "ev": evaluation, "query": request.GET.urlencode(), "slug_of": SLUG_OF,
        "title": exports.document_title(evaluation.plan),
        "can_override": permissions.can_override(request.user),
        "judgeable": permissions.judgeable(request.user, evaluation)})


@login_required
def evaluation_subject(request, plan_pk, kind, subject_pk):
    evaluation = _evaluation(request, plan_pk)
    subject = _subject(evaluation, kind, subject_pk)
    reads = report_reader(request.user)
    return render(request, "evaluation/subject.html", {
        "ev": evaluation, "s": subject, "slug": kind, "query": request.GET.urlencode(),
        "can_override": permissions.can_override(request.user),
        "can_judge": permissions.can_judge_subject(request.user, evaluation, subject),
        "assessable": {row.assignment.pk for row in subject.figures.rows
                       if permissions.can_assess_row(request.user, evaluation, row.assignment.pk)},
        # Reports are linked only where the one read rule lets this user open them.
        "readable": {r.pk for r in [*subject.figures.received, *subject.figures.returned]
                     if reads(r.unit_id)}})


@login_required
def evaluation_override(request, plan_pk, kind, subject_pk):
    evaluation = _evaluation(request, plan_pk)
    if not permissions.can_override(request.user):
        raise PermissionDenied("Chỉ Chủ tịch và Văn phòng – Thống kê được điều chỉnh mức xếp loại.")
    subject = _subject(evaluation, kind, subject_pk)
    if not subject.has_legal_level:
        raise PermissionDenied(f"{subject.name} không được xếp loại theo Nghị định: {subject.proposed.reasons[0]}")
    initial = {"level": subject.level} if subject.level else {}
    form = OverrideForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        adjust.save_override(evaluation.plan, subject.kind, subject.pk, subject.proposed.level,
                             form.cleaned_data["level"], form.cleaned_data["reason"], request.user)
        messages.success(request, f"Đã điều chỉnh mức xếp loại của {subject.name}.")
        return redirect(reverse("evaluation_plan", args=[evaluation.plan.pk]) + f"#{kind}-{subject.pk}")
    return render(request, "evaluation/override.html", {"ev": evaluation, "s": subject, "slug": kind, "form": form})


@login_required
def evaluation_judgement(request, plan_pk, kind, subject_pk):
    evaluation = _evaluation(request, plan_pk)
    if not permissions.can_judge(request.user):
        raise PermissionDenied("Chỉ lãnh đạo UBND và Văn phòng – Thống kê được nhập đánh giá.")
    subject = _subject(evaluation, kind, subject_pk)
    if not permissions.can_judge_subject(request.user, evaluation, subject):
        raise PermissionDenied("Phó Chủ tịch chỉ đánh giá đơn vị, công chức thuộc các dòng nhiệm vụ mình chỉ đạo; "
                               "lãnh đạo do Chủ tịch đánh giá.")
    form = JudgementForm(request.POST or None, instance=subject.judgement, kind=subject.kind)
    if request.method == "POST" and form.is_valid():
        adjust.save_judgement(evaluation.plan, subject.kind, subject.pk, form.cleaned_data, request.user)
        messages.success(request, f"Đã lưu đánh giá của lãnh đạo cho {subject.name}.")
        return redirect(reverse("evaluation_subject", args=[evaluation.plan.pk, kind, subject.pk]))
    return render(request, "evaluation/judgement.html", {"ev": evaluation, "s": subject, "slug": kind, "form": form})


@login_required
def evaluation_row(request, plan_pk, row_pk):
    """The quality judgements "not met" and an objective cause of delay of one row (Decree 335)."""
    evaluation = _evaluation(request, plan_pk)
    row = evaluation.facts.rows.get(row_pk)
    if row is None:
        raise Http404("Không có nhiệm vụ này trong kế hoạch.")
    if not permissions.can_assess_row(request.user, evaluation, row_pk):
        raise PermissionDenied("Chỉ Chủ tịch, Văn phòng – Thống kê và Phó Chủ tịch chỉ đạo nhiệm vụ này được ghi "
                               "đánh giá chất lượng, nguyên nhân chậm.")
    form = RowAssessmentForm(request.POST or None, instance=row.assessment,
                             initial=None if row.assessment else {"quality_not_met": 0})
    if request.method == "POST" and form.is_valid():
        adjust.save_row_assessment(evaluation.plan, row.assignment, form.cleaned_data, request.user)
        messages.success(request, f"Đã lưu đánh giá nhiệm vụ {row.assignment.node.code} "
                                  f"(giải pháp, dòng {row.assignment.order}).")
        return redirect(reverse("evaluation_plan", args=[evaluation.plan.pk]))
    return render(request, "evaluation/row.html", {"ev": evaluation, "row": row, "form": form})


@login_required
def evaluation_ranking(request, plan_pk):
    evaluation = _evaluation(request, plan_pk)
    return render(request, "evaluation/ranking.html", {"ev": evaluation, "ranking": evaluation.ranking(),
                                                       "slug_of": SLUG_OF, "query": request.GET.urlencode()})


@login_required
def evaluation_docx(request, plan_pk):
    evaluation = _evaluation(request, plan_pk)
    return _download(exports.docx_bytes(evaluation, request.build_absolute_uri("/")[:-1]), evaluation, "docx",
                     DOCX_TYPE)


@login_required
def evaluation_xlsx(request, plan_pk):
    evaluation = _evaluation(request, plan_pk)
    return _download(exports.xlsx_bytes(evaluation, request.build_absolute_uri("/")[:-1]), evaluation, "xlsx",
                     XLSX_TYPE)


def _download(content: bytes, evaluation, extension: str, mime: str) -> HttpResponseBase:
    return download(content, f"de-xuat-xep-loai-{evaluation.plan.year}.{extension}", mime)
