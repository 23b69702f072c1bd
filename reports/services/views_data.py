"""What the report pages show, assembled in a few queries."""
from datetime import date

from plans.services.reading import decorate

from ..models import ReportingPeriod, RowReport, RowRole
from . import rates


def compliance_rows(plan, period: ReportingPeriod) -> list[dict]:
    """Every unit expected to report this period, with its report (or none)."""
    from communes.models import DirectoryEntry

    units = rates.lead_units(plan)
    reports = rates.reports_of(period)
    entries = DirectoryEntry.objects.filter(pk__in=units.keys()).order_by("name")
    return [{"unit": e, "report": reports.get(e.pk), "rows": len(units[e.pk])} for e in entries]


def report_rows(report, values: dict, errors: dict, today: date, current: dict | None = None) -> list[dict]:
    rows = (RowReport.objects.filter(report=report)
            .select_related("assignment__node").prefetch_related("assignment__solutions", "assignment__refs__entry",
                                                                  "assignment__completions")
            .order_by("role", "assignment__node__order", "assignment__order"))
    current = current or {}
    return [{"row": r, "assignment": decorate(r.assignment), "lead": r.role == RowRole.LEAD,
             "values": values.get(r.pk, {}), "errors": errors.get(r.pk, []),
             "theirs": _changed(current.get(r.pk), r, values.get(r.pk, {})),
             "status": rates.status_of(r.assignment, today)} for r in rows]


def _changed(theirs: dict | None, row: RowReport, mine: dict) -> dict:
    """On a conflict: the fields the other person saved differently from what this person typed."""
    if not theirs:
        return {}
    return {k: v for k, v in theirs.items() if k in mine and (mine[k] or None) != (v or None)}
