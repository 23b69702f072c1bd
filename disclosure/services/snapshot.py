"""The public content of one month, built once when the Chairman releases it and stored as plain JSON.

What is made public, field by field (Law No. 10/2022/QH15, Art. 11, clause 1: the commune's annual socio-economic
development plan and the results of carrying it out):
- the plan's own words: number, date, title, the task tree (codes and titles), each row's deadline as printed and
  its lead unit. The plan is a public document, and a lead unit is an office or a post, not a person;
- figures computed by the app: the Government Office's 4-way status of every row judged at the month's data cut-off
  (Decree 09/2019/NĐ-CP, Art. 12), the days overdue, the counts, and how many unit reports came in on time, late or
  not at all;
- each indicator's target, its latest value up to the cut-off, the share of the target reached and its colour;
- the tasks arising during the year, counted like plan rows, under one heading of their own, each with the
  document that gave it (kind, number, date, as the monthly report prints it: "Chỉ thị số 08/CT-UBND ngày
  05/04/2023"). A directive or a conclusion notice is an official document of a public body; its quoted text, its
  file and who entered it stay out.
What stays out:
- names of people (officers, the signer, whoever entered a figure or released the month), e-mails, phone numbers;
- the free text units type into their reports (results, obstacles, proposals) and the explanation of a red
  indicator: nobody reviews it line by line before release, and it often names people, households or phone numbers
  (Decree 13/2023/NĐ-CP on personal data: publish no personal data without a legal ground);
- evidence files and document numbers behind a report, and anything not yet released (drafts, other months).
The leader directing a row is left out too: a position held by one person (the Chairman) names that person, and the
public's question, what is done and by which office, is answered by the lead unit.
"""
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import prefetch_related_objects

from arising.queries import markers
from dashboard.queries import figures as services
from dashboard.queries import report as services_report
from indicators import rules as indicator_rules
from indicators.queries import describe_target, met_text, plan_standings, value_text
from plans.models import Plan
from reports.models import ReportingPeriod
from reports.queries import rates
from reports.rules import status as st
from theodoi.periods import MONTH

SCHEMA_VERSION = 1
# Progress as a share of the target means something only when more is better or the target is a level to reach.
PROGRESS_COMPARATORS = (">=", ">", "=", "≈")


def build(plan: Plan, period: ReportingPeriod, today: date) -> dict:
    span = services_report.span_for(period, MONTH, None, today)
    rows = services.load_rows(plan, span.as_of)
    prefetch_related_objects([row.assignment for row in rows], "solutions")
    tally = rates.tally(plan, span.period, span.months, today)
    commune = plan.commune
    return {
        "schema": SCHEMA_VERSION,
        "commune": {"id": commune.pk, "name": commune.name, "kind": commune.kind, "label": str(commune)},
        "plan": {"year": plan.year, "number": plan.number, "title": plan.title,
                 "issued_on": plan.issued_on.isoformat() if plan.issued_on else None},
        "period": {"year": period.year, "month": period.month, "label": span.period.label,
                   "data_from": span.period.start.isoformat(), "data_to": span.period.end.isoformat(),
                   "judged_on": span.as_of.isoformat()},
        "counts": _counts(tally),
        "groups": _groups(rows, markers(plan)),
        "indicators": _indicators(plan, span.as_of),
    }


def _counts(tally: rates.Tally) -> dict:
    return {**{code: n for code, n in tally.by_status()}, "total": tally.total,
            "reports_expected": tally.expected, "reports_on_time": tally.on_time_reports,
            "reports_late": tally.late_reports, "reports_missing": tally.missing_reports}


def _groups(rows: list[services.Row], marks: dict[int, str]) -> list[dict]:
    """Rows under their group (or under the task itself where a part has no groups), in the plan's order; the arising
    tasks, each a task straight under the plan's "PS" part, under that part as one heading."""
    groups: dict[int, dict] = {}
    for row in rows:
        arising = row.task.pk in marks and row.part is not None
        node = (row.part if arising else row.group) or row.task
        group = groups.setdefault(node.pk, {
            "part": row.part.code if row.part and not arising else "", "code": node.code,
            "title": node.title.rstrip(":").strip(), "counts": {code: 0 for code in st.ORDER}, "rows": []})
        group["counts"][row.status.code] += 1
        group["rows"].append(_row(row, marks.get(row.task.pk, "")))
    return list(groups.values())


def _row(row: services.Row, origin: str) -> dict:
    numbers = row.solution_numbers
    return {"task_code": row.task.code, "task_title": row.task.title,
            "solutions": ", ".join(numbers), "lead_units": [services.ref_name(ref) for ref in row.units],
            "deadline": row.assignment.deadline_text, "status": row.status.code, "status_label": row.status.label,
            "days_overdue": row.status.days_overdue if row.status.code == st.OPEN_OVERDUE else 0,
            "note": row.status.note, "origin": origin}


def _indicators(plan: Plan, as_of: date) -> list[dict]:
    standings = plan_standings(plan, as_of)
    return [_indicator(standing) for standing in standings]


def _indicator(standing) -> dict:
    indicator, latest = standing.indicator, standing.latest
    return {"code": indicator.code, "name": indicator.name, "group": indicator.group,
            "depth": max(indicator.code.count(".") - 1, 0),
            "target": "; ".join(describe_target(t) for t in indicator.targets.all()),
            "value": str(latest.value.normalize()) if latest is not None and latest.value is not None else None,
            "value_text": value_text(latest) if latest is not None else "",
            "value_period": latest.period.label if latest is not None else "",
            "cumulative": bool(latest and latest.is_cumulative),
            "progress_percent": _progress(indicator.primary_target, latest),
            "attainment": met_text(standing.verdict.met), "colour": standing.colour,
            "colour_label": indicator_rules.COLOUR_LABELS[standing.colour]}


def _progress(target, latest) -> int | None:
    """The value as a whole percentage of the target figure, rounded half up; None where a share means nothing."""
    if target is None or latest is None or latest.value is None:
        return None
    if target.comparator not in PROGRESS_COMPARATORS or not target.value:
        return None
    share = latest.value / target.value * 100
    return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))
