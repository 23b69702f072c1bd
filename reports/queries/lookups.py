"""The reports, evidence rows and periods a user may reach, looked up by primary key.

Another commune's are NotFound: their existence is not ours to reveal. Another unit's report, in the same commune,
is Forbidden (permissions.may_read_report); theodoi.errors turns both into the 404 and 403 pages.
"""
from django.db.models import QuerySet

from accounts import tenancy
from theodoi.errors import Forbidden, NotFound
from theodoi.params import as_int

from ..models import ReportingPeriod, RowReport, UnitReport
from ..permissions import may_read_report

NOT_YOURS = ("Báo cáo của {unit} chỉ đơn vị đó, Văn phòng – Thống kê, lãnh đạo UBND và tài khoản chỉ xem được xem; "
             "cán bộ đơn vị khác thì không.")


def reports_for(user) -> QuerySet[UnitReport]:
    return UnitReport.objects.filter(period__commune__in=tenancy.communes_for(user)).select_related(
        "period", "period__commune", "unit", "plan").defer("plan__parsed")


def report_for(user, pk) -> UnitReport:
    """Any report of the user's communes, whoever's unit it is: for the office's decisions and the unit's edits,
    whose own rules the views ask."""
    try:
        # get(), not first(): a lookup by pk needs no ORDER BY, and compiling one is a fifth of this lookup.
        return reports_for(user).get(pk=pk)
    except UnitReport.DoesNotExist:
        raise NotFound(f"Không có báo cáo số {pk} trong xã/phường của bạn.") from None


def readable_report(user, pk) -> UnitReport:
    report = report_for(user, pk)
    require_read(user, report.unit)
    return report


def require_read(user, unit) -> None:
    if not may_read_report(user, unit.pk):
        raise Forbidden(NOT_YOURS.format(unit=unit))


def period_for(user, pk) -> ReportingPeriod:
    """A period of the user's communes, with its commune; anything else (another commune's, a key that is not a
    number or passes 64 bits) is NotFound, the same 404."""
    if as_int(pk) is None:
        raise NotFound("Kỳ báo cáo không hợp lệ.")
    period = (ReportingPeriod.objects.filter(commune__in=tenancy.communes_for(user), pk=pk).select_related("commune")
              .first())
    if period is None:
        raise NotFound(f"Không có kỳ báo cáo số {pk} trong xã/phường của bạn.")
    return period


def evidence_row_for(user, pk) -> RowReport:
    """A report row with an uploaded evidence file, for whoever may read its report."""
    rows = (RowReport.objects.filter(report__period__commune__in=tenancy.communes_for(user)).exclude(evidence_file="")
            .select_related("report__unit", "report__period", "assignment__node"))
    row = rows.filter(pk=pk).first()
    if row is None:
        raise NotFound(f"Không có tệp minh chứng số {pk} trong xã/phường của bạn.")
    require_read(user, row.report.unit)
    return row
