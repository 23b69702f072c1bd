"""The Chairman's dashboard, the rows behind each count, and the consolidated report files. Thin on purpose."""
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from communes.models import DirectoryEntry
from reports.rules import status as st
from theodoi import clock
from theodoi.exports import DOCX_TYPE, XLSX_TYPE, download
from theodoi.params import as_int

from .exports import documents
from .queries import board, figures, report


@login_required
def dashboard(request):
    today = clock.today()
    scope = board.resolve(request.user, request.GET, today)
    if scope is None:
        return render(request, "dashboard/dashboard.html", {"plan": None})
    context = board.dashboard_context(scope, today, request.GET, request.user)
    return render(request, "dashboard/dashboard.html", context)


@login_required
def dashboard_rows(request):
    scope = board.resolve(request.user, request.GET, clock.today())
    if scope is None:
        raise Http404("Xã/phường chưa có kế hoạch.")
    if scope.period is None:
        raise Http404("Kế hoạch đã hết năm và không có kỳ báo cáo nào.")
    row_filter = figures.RowFilter.from_params(request.GET)
    rows = board.of_origin(scope, figures.load_rows(scope.plan, scope.as_of))
    figures.attach_progress(rows, scope.period)
    names = dict(DirectoryEntry.objects.filter(commune=scope.plan.commune_id,
                                               pk__in=[row_filter.leader, row_filter.unit]).values_list("pk", "name"))
    return render(request, "dashboard/rows.html", {
        "scope": scope, "plan": scope.plan, "period": scope.period, "filter": row_filter,
        "rows": figures.select(rows, row_filter), "status_label": st.LABELS.get(row_filter.status, ""),
        "leader_name": names.get(row_filter.leader, ""), "unit_name": names.get(row_filter.unit, ""),
        "statuses": st.LABELS,
    })


def _report_scope(request, pk):
    board.require_reader(request.user)
    anchor = board.period_for(request.user, pk)
    plan = board.current_plan_of(request.user, anchor.commune_id)
    if plan is None:
        raise Http404("Xã/phường chưa có kế hoạch.")
    number = request.GET.get("number", "1")
    try:
        span = report.span_for(anchor, request.GET.get("kind", "month"), as_int(number, 99) or 0,
                               clock.today())
    except ValueError:
        raise Http404("Kỳ báo cáo không tồn tại.") from None
    return plan, anchor, span


@login_required
def monthly_report_docx(request, pk):
    plan, _, span = _report_scope(request, pk)
    context = report.report_context(plan, span, clock.today())
    return download(documents.render_docx(context), f"bao-cao-{span.period.file_words}.docx", DOCX_TYPE)


@login_required
def monthly_report_xlsx(request, pk):
    plan, anchor, span = _report_scope(request, pk)
    rows = figures.load_rows(plan, span.as_of)
    figures.attach_progress(rows, span.months[-1] if span.months else anchor)
    title = f"Phụ lục: tình hình thực hiện các nhiệm vụ – {span.period.label} – {plan.commune}"
    # The annex names the report it belongs to (number, date) and carries the indicators sheet: same context.
    context = report.report_context(plan, span, clock.today())
    return download(documents.render_xlsx(title, rows, context), f"phu-luc-{span.period.file_words}.xlsx", XLSX_TYPE)
