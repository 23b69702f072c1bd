"""Download a unit's report as an Excel file and upload it back: thin views over reports.xlsx and cycle.save."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_GET, require_POST

from plans.services import access
from theodoi import clock
from theodoi.exports import download

from . import permissions, xlsx
from .models import UnitReport
from .services import cycle
from .views import require_read


def _report(user, pk) -> UnitReport:
    """Another commune's report is a 404, as everywhere: its existence is not ours to reveal."""
    reports = UnitReport.objects.filter(period__commune__in=access.communes_for(user))
    return get_object_or_404(reports.select_related("period__commune", "unit", "plan").defer("plan__parsed"), pk=pk)


@require_GET
@login_required
def report_xlsx_download(request, pk):
    report = _report(request.user, pk)
    require_read(request.user, report.unit)  # the rule of the report page itself (reports.access.may_read_report)
    return download(xlsx.build(report), xlsx.filename(report), xlsx.CONTENT_TYPE)


@require_POST
@login_required
def report_xlsx_upload(request, pk):
    report = _report(request.user, pk)
    if not permissions.can_edit(request.user, report):
        raise PermissionDenied("Bạn không nhập được báo cáo của đơn vị này.")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Chưa chọn tệp Excel để nhập.")
        return redirect("report_detail", pk=report.pk)
    submit = bool(request.POST.get("submit"))
    try:
        outcome = xlsx.import_file(report, request.user, upload.read(), upload.name, submit, clock.today())
    except (xlsx.Refused, cycle.CycleError) as exc:
        messages.error(request, str(exc))
    else:
        _tell(request, outcome, upload.name, submit)
    return redirect("report_detail", pk=report.pk)


def _tell(request, outcome: xlsx.Outcome, name: str, submit: bool) -> None:
    if outcome.ok:
        done = "và gửi báo cáo" if submit else "và lưu bản nháp"
        messages.success(request, f"Đã nhập {outcome.rows} dòng từ tệp «{name}» {done}.")
        if outcome.overwrote_web_edits:
            messages.warning(request, "Báo cáo đã được sửa trên trang web sau khi tải tệp này; nội dung trong tệp "
                                      "đã thay thế nội dung đó. Hãy xem lại.")
        return
    lines = format_html_join("", "<br>{}", ((error,) for error in outcome.errors))
    messages.error(request, format_html("Tệp «{}» có {} lỗi, chưa lưu gì:{}", name, len(outcome.errors), lines))
