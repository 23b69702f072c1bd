"""What the report pages show, assembled in a few queries."""
from datetime import date

from communes.models import DirectoryEntry
from plans.queries import decorate

from ..models import ReportingPeriod, RowReport, RowRole
from ..rules.status import next_open_milestone
from ..rules.validation import Errors, FieldErrors
from ..services import completion
from . import rates


def compliance_rows(plan, period: ReportingPeriod, today: date | None = None) -> list[dict]:
    """Every unit expected to report this period, with its report (or none), its reporting rate over the plan
    year's ended months and the check-ins of recurring rows it missed in them."""
    units = rates.lead_units(plan)
    reports = rates.reports_of(period)
    ended = rates.ended_periods(plan, today) if today else []
    year, missed = rates.unit_rates_over(units.keys(), ended), rates.missed_checkins_by_unit(plan, ended)
    entries = DirectoryEntry.objects.filter(pk__in=units.keys()).order_by("name")
    return [{"unit": e, "report": reports.get(e.pk), "rows": len(units[e.pk]), "year_rate": year.get(e.pk),
             "missed": missed.get(e.pk, 0)} for e in entries]


def leader_rate_rows(plan, period: ReportingPeriod) -> list[dict]:
    """Per directing leader: the reports expected this period from the lead units of the rows they direct."""
    by_leader = rates.leader_rates(plan, period)
    leaders = DirectoryEntry.objects.filter(pk__in=by_leader.keys()).order_by("name")
    return [{"leader": leader, "rate": by_leader[leader.pk]} for leader in leaders]


# The inputs the page draws for each kind of row; a message on any other field is listed at the top of the row.
LEAD_INPUTS = ("status", "percent", "finished_on", "milestone", "results", "obstacles", "proposals",
               "evidence_number", "evidence_date", "evidence_file")
COORDINATING_INPUTS = ("results",)


def report_rows(report, values: dict, fields: Errors, today: date, current: dict | None = None,
                posted=None) -> list[dict]:
    """Each row with what was typed and its errors by field (`fields`, {pk: {"percent": [...]}}), so the page
    shows each message under its own input; `posted` is the form sent, whose rejected text stays in its input."""
    rows = (RowReport.objects.filter(report=report)
            .select_related("assignment__node").prefetch_related("assignment__solutions", "assignment__refs__entry",
                                                                  "assignment__completions")
            .order_by("role", "assignment__node__order", "assignment__order"))
    current, helped = current or {}, contributions(report)
    judged = report.period.judged_on(today)  # a report's statuses stand at its data cut-off (Decree 09 Art. 12)
    return [{"row": r, "assignment": decorate(r.assignment), "lead": r.role == RowRole.LEAD,
             "contributions": helped.get(r.assignment_id, []) if r.role == RowRole.LEAD else [],
             "values": values.get(r.pk, {}), "field_errors": fields.get(r.pk, {}),
             "errors": _unplaced(r, fields.get(r.pk, {})), "rejected": _rejected(r, fields.get(r.pk, {}), posted),
             "theirs": _changed(current.get(r.pk), r, values.get(r.pk, {})),
             "status": rates.status_of(r.assignment, judged),
             "milestones": milestone_choices(r, values.get(r.pk, {}))} for r in rows]


def _unplaced(row: RowReport, problems: FieldErrors) -> list[str]:
    """Messages of fields this row draws no input for (a milestone on a row without milestones, say)."""
    inputs: tuple[str, ...] = LEAD_INPUTS if row.role == RowRole.LEAD else COORDINATING_INPUTS
    if row.role == RowRole.LEAD and not completion.milestone_dates(row.assignment):
        inputs = tuple(name for name in inputs if name != "milestone")
    return [m for name, messages in problems.items() if name not in inputs for m in messages]


def _rejected(row: RowReport, problems: FieldErrors, posted) -> dict:
    """The text typed into each field that was refused, as sent: the person corrects it rather than retypes it."""
    if posted is None:
        return {}
    return {name: posted.get(f"r{row.pk}-{name}", "") for name in problems if name != "evidence_file"}


def milestone_choices(row: RowReport, typed: dict) -> list[dict]:
    """The milestones of a row, each with its date, whether the office has accepted it, and whether it is the one
    this report completes: the one the unit chose, else the earliest still open."""
    points = completion.milestone_dates(row.assignment)
    if not points:
        return []
    done = completion.completed_milestones(row.assignment, except_report=row.report_id)
    chosen = typed.get("milestone", row.milestone)
    if chosen is None:
        chosen = next_open_milestone(points, done)
    return [{"index": i, "number": i + 1, "date": point, "done": i in done, "chosen": i == chosen}
            for i, point in enumerate(points)]


def _changed(theirs: dict | None, row: RowReport, mine: dict) -> dict:
    """On a conflict: the fields the other person saved differently from what this person typed."""
    if not theirs:
        return {}
    return {k: v for k, v in theirs.items() if k in mine and (mine[k] or None) != (v or None)}


def contributions(report) -> dict[int, list[dict]]:
    """What the coordinating units sent this period on the rows this report leads: assignment id → entries."""
    items = (RowReport.objects.filter(report__period_id=report.period_id, role=RowRole.COORDINATING,
                                      report__submitted_at__isnull=False,
                                      assignment__row_reports__report=report)
             .exclude(results="").select_related("report__unit").order_by("report__unit__name").distinct())
    found: dict[int, list[dict]] = {}
    for item in items:
        found.setdefault(item.assignment_id, []).append({"unit": item.report.unit, "results": item.results})
    return found
