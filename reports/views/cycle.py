"""Monthly report pages: thin views over services.cycle; lookups always scoped by queries.lookups."""
from datetime import date, timedelta
from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts import tenancy
from accounts.models import Role
from plans import queries as plan_queries
from theodoi import clock
from theodoi.drafts import login_keeping_draft, take
from theodoi.formatting import short_date
from theodoi.params import as_int

from .. import forms, permissions
from ..models import ReportingPeriod, RowReport, UnitReport
from ..queries import rates
from ..queries.lookups import evidence_row_for, period_for, readable_report, report_for, require_read
from ..queries.pages import compliance_rows, leader_rate_rows, report_rows
from ..rules.validation import Errors, flatten
from ..services import cycle, periods


@login_required
def report_index(request):
    plan = plan_queries.current_plans(request.user).first()
    if plan is None:
        return render(request, "reports/index.html", {"plan": None})
    today = clock.today()
    period = (period_for(request.user, request.GET["ky"]) if as_int(request.GET.get("ky")) is not None
              else periods.shown_period(plan, today))
    if period is None:  # the plan's year is over and no month of it was ever opened: nothing is opened now
        return render(request, "reports/index.html", {"plan": plan, "period": None})
    officer = request.user.role == Role.UNIT_OFFICER and not request.user.is_superuser
    mine = request.user.units.all() if officer else []
    rows = compliance_rows(plan, period, today)
    return render(request, "reports/index.html", {
        "plan": plan, "period": period, "state": periods.state_on(period, today), "mine": mine,
        "reads_all": not officer, "my_units": {u.pk for u in mine},
        "reporting_units": cycle.units_with_rows(plan, mine) if officer else set(),
        "opened_units": set(rates.reports_of(period)),
        "rows": rows, "all_periods": plan.commune.periods.all()[:24],
        "total_rate": rates.total_rate(plan, period), "leader_rates": leader_rate_rows(plan, period),
        "can_decide": permissions.can_decide(request.user),
    })


@login_required
def report_open(request, period_pk, unit_pk):
    """A GET only finds the report (or asks to make it); the POST makes it: reading writes nothing (issue 12)."""
    period = period_for(request.user, period_pk)
    unit = tenancy.entry_for(request.user, unit_pk)
    existing = UnitReport.objects.filter(period=period, unit=unit).first()
    if existing:
        require_read(request.user, unit)
        return redirect("report_detail", pk=existing.pk)
    plan = _plan_to_report(request.user, period, unit)
    if request.method != "POST":
        return render(request, "reports/open_confirm.html", {"period": period, "unit": unit})
    return redirect("report_detail", pk=cycle.open_report(period, unit, plan).pk)


def _plan_to_report(user, period: ReportingPeriod, unit):
    plan = plan_queries.plans_for(user).filter(commune=period.commune, is_current=True).first()
    if plan is None or not permissions.can_edit(user, UnitReport(period=period, unit=unit)):
        raise Http404(f"{unit} chưa lập báo cáo {period}.")
    return plan


@require_POST
@login_required
def report_start(request, unit_pk):
    """The unit officer's one click on /bao-cao/: opens the month being reported if the daily advance_periods has
    not yet, then the unit's report."""
    plan = plan_queries.current_plans(request.user).first()
    unit = tenancy.entry_for(request.user, unit_pk)
    if plan is None or periods.year_is_over(plan, clock.today()):
        raise Http404("Không có kỳ báo cáo nào đang mở để lập báo cáo.")
    shown = periods.shown_period(plan, clock.today())
    if not permissions.can_edit(request.user, UnitReport(period=shown, unit=unit)):
        raise PermissionDenied(f"Chỉ cán bộ {unit} hoặc Văn phòng – Thống kê được lập báo cáo {shown} của đơn vị.")
    period = periods.ensure_period(plan.commune, shown.year, shown.month)
    return redirect("report_detail", pk=cycle.open_report(period, unit, plan).pk)


@login_keeping_draft
def report_detail(request, pk):
    report = readable_report(request.user, pk)
    today = clock.today()
    editable = cycle.is_editable(report, today) and permissions.can_edit(request.user, report)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied("Bạn không sửa được báo cáo này.")
        return _save(request, report, today)
    context = _page(request, report, editable, today)
    draft = take(request) if editable else None
    if draft is not None:  # typed before the session expired, kept through the login (theodoi.drafts)
        values, _ = forms.read_rows(list(report.rows.all()), draft.fields, {})
        context.update(version=forms.version(draft.fields), unsaved=True)
        context["rows"] = report_rows(report, values, {}, today)
        return render(request, "reports/detail.html", context)
    context["rows"] = report_rows(report, {}, {}, today)
    return render(request, "reports/detail.html", context)


def _page(request, report, editable: bool, today: date) -> dict:
    """What the page shows around the rows; a save that succeeds redirects and needs none of it."""
    return {"report": report, "editable": editable, "can_decide": permissions.can_decide(request.user),
            "state": periods.state_on(report.period, today), "reopen_until": today + timedelta(days=5),
            "today": today, "judged_on": report.period.judged_on(today), **forms.hints()}


def _save(request, report, today: date):
    rows = cycle.rows_of(report)  # read once, for the form, the rules and the write
    values, fields = forms.read_fields(rows, request.POST, request.FILES)
    submit = request.POST.get("action") == "submit"
    version = forms.version(request.POST)
    result = _attempt(request, report, version, values, fields, submit, today, rows)
    _say_where(request, rows, result.errors)
    if result.ok:
        messages.success(request, "Đã gửi báo cáo." if submit else "Đã lưu bản nháp.")
        return redirect("report_detail", pk=report.pk)
    if result.conflict:
        report.refresh_from_db()
        messages.error(request, "Báo cáo vừa được người khác lưu trước bạn. Những gì bạn nhập vẫn còn bên dưới; "
                                "các ô có thay đổi của người kia được ghi rõ. Hãy xem lại rồi lưu lần nữa.")
    context = _page(request, report, True, today)
    context.update(rows=report_rows(report, values, result.fields, today, result.current, request.POST),
                   conflict=result.conflict,
                   version=report.version if result.conflict or version is None else version, unsaved=True)
    return render(request, "reports/detail.html", context, status=409 if result.conflict else 400)


def _attempt(request, report, version, values, fields: Errors, submit: bool, today: date,
             rows: list[RowReport]) -> cycle.SaveResult:
    unread = cycle.SaveResult(ok=False, errors=flatten(fields), fields=fields)
    if version is None:
        messages.error(request, "Trang báo cáo gửi lên thiếu số phiên bản hợp lệ nên chưa lưu được; những gì bạn nhập "
                                "vẫn còn bên dưới, hãy bấm lưu lần nữa.")
        return unread
    if fields:
        return unread
    return cycle.save(report, request.user, version, values, submit, today, rows)


def _say_where(request, rows: list[RowReport], errors: dict) -> None:
    """A report can run to dozens of rows: the top of the page says which ones to fix."""
    codes = [f"{row.assignment.node.code} ({row.get_role_display().lower()})" for row in rows if errors.get(row.pk)]
    if codes:
        messages.error(request, f"Chưa lưu được: cần sửa {len(codes)} nhiệm vụ ({', '.join(codes)}); lỗi ghi ngay "
                                "dưới từng nhiệm vụ, những gì bạn nhập vẫn còn.")


@require_POST
@login_required
def report_decide(request, pk):
    report = report_for(request.user, pk)
    if not permissions.can_decide(request.user):
        raise PermissionDenied("Chỉ Văn phòng – Thống kê hoặc Chủ tịch được duyệt báo cáo.")
    try:
        if request.POST.get("action") == "accept":
            cycle.accept(report, request.user, clock.today())
            messages.success(request, f"Đã chấp nhận báo cáo của {report.unit}.")
        else:
            cycle.return_report(report, request.user, request.POST.get("reason", ""))
            messages.success(request, f"Đã trả lại báo cáo của {report.unit}.")
    except cycle.CycleError as exc:
        messages.error(request, str(exc))
    return redirect("report_detail", pk=report.pk)


@require_POST
@login_required
def report_reopen(request, pk):
    report = report_for(request.user, pk)
    if not permissions.can_decide(request.user):
        raise PermissionDenied("Chỉ Văn phòng – Thống kê được mở lại kỳ báo cáo.")
    try:
        until = date.fromisoformat(request.POST.get("until", ""))
        cycle.reopen(report, request.user, request.POST.get("reason", ""), until)
        messages.success(request, f"Đã mở lại kỳ báo cáo cho {report.unit} đến ngày {short_date(until)}.")
    except ValueError:
        messages.error(request, "Ngày mở lại đến không hợp lệ.")
    except cycle.CycleError as exc:
        messages.error(request, str(exc))
    return redirect("report_detail", pk=report.pk)


@login_required
def report_evidence(request, pk):
    """An uploaded evidence file, for whoever may read the report (permissions.may_read_report); another
    commune's is a 404."""
    row = evidence_row_for(request.user, pk)
    try:
        handle = row.evidence_file.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp minh chứng không còn trên máy chủ.") from None
    return FileResponse(handle, as_attachment=True, filename=_evidence_name(row))


def _evidence_name(row) -> str:
    """Named by what it proves, in Vietnamese without accents: the stored name may carry accents, spaces or the
    storage's random suffix ("bien-ban_w62LU37.pdf"), which an office's e-mail or old Windows may mangle."""
    report, code = row.report, row.assignment.node.code.lower().replace(".", "-")
    extension = PurePosixPath(row.evidence_file.name).suffix.lower()
    return f"minh-chung-{report.unit.key}-thang-{report.period.month:02d}-{report.period.year}-nhiem-vu-{code}" \
           f"{extension}"


@require_POST
@login_required
def period_lock(request, pk):
    period = period_for(request.user, pk)
    if not permissions.can_decide(request.user):
        raise PermissionDenied("Chỉ Văn phòng – Thống kê hoặc Chủ tịch được khóa kỳ báo cáo.")
    if periods.lock(period, request.user):
        messages.success(request, f"Đã khóa kỳ báo cáo {period}; muốn cho đơn vị sửa thì mở lại cho từng đơn vị.")
    else:
        messages.info(request, f"Kỳ báo cáo {period} đã khóa từ trước.")
    return redirect(f"{reverse('report_index')}?ky={period.pk}")
