"""The figures of a periodic report, drafted from the data each time: never stored, so they follow the data.

- results by part and group: what the units' ACCEPTED reports of the covered months say was done (the monthly
  report's own builder, dashboard.queries.report.results_by_group, so both documents word a result alike);
- the indicators: target, latest value up to the cut-off, % of the target, colour, and the lead unit's
  explanation of every red one;
- the tasks not completed at the cut-off, with the reasons (khó khăn, vướng mắc) and the proposals the units gave;
- each lead unit's reporting record over the covered months whose deadline has passed;
- at year end, the evaluation summary (evaluation.queries.evaluate).
"""
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.db.models import prefetch_related_objects

from arising.queries import markers
from communes.models import DirectoryEntry
from dashboard.queries import figures as board_rows
from dashboard.queries import report as services_report
from evaluation.queries.evaluate import evaluate
from indicators.queries import describe_target, plan_standings, value_text
from indicators.rules import COLOUR_LABELS, RED
from plans.models import Plan
from reports.models import ReportingPeriod, ReportState, RowReport, RowRole
from reports.queries import rates
from reports.rules import status as st
from theodoi import formatting as fmt
from theodoi.periods import Period

from .. import rules
from ..models import PeriodicReport

SENT = (ReportState.SUBMITTED, ReportState.ACCEPTED)
NO_EXPLANATION = "Chưa có giải trình"
NO_UNIT = "Chưa giao đơn vị chủ trì theo dõi"


@dataclass
class Figures:
    plan: Plan
    period: Period
    span: services_report.Span
    today: date
    rows: list[board_rows.Row]
    tally: rates.Tally
    marks: dict[int, str]
    indicators: list[dict] = field(default_factory=list)
    unfinished: list[dict] = field(default_factory=list)
    record: list[dict] = field(default_factory=list)
    evaluation: list[dict] = field(default_factory=list)

    def results_of(self, part) -> list[dict]:
        """The part's groups with what the accepted reports of the covered months say was done."""
        return self._results.get(part.pk, [])

    @cached_property
    def _results(self) -> dict[int, list[dict]]:
        # One read of the span's accepted reports for all parts (a task never spans two parts, so the rows told apart
        # by their solutions are the same as part by part).
        return {built["pk"]: built["groups"]
                for built in services_report.results_by_group(self.rows, self.span, self.marks)}

    @property
    def reds(self) -> list[dict]:
        return [line for line in self.indicators if line["colour"] == RED and line["judged"]]

    def part_counts(self) -> dict[int, Counter]:
        counts: dict[int, Counter] = {}
        for row in self.rows:
            if row.part is not None:
                counts.setdefault(row.part.pk, Counter())[row.status.code] += 1
        return counts

    def parts(self) -> list:
        """The plan's parts in document order, each once (the arising tasks' part "PS" included)."""
        seen: dict[int, object] = {}
        for row in self.rows:
            if row.part is not None:
                seen.setdefault(row.part.pk, row.part)
        return list(seen.values())


def span_of(report: PeriodicReport, plan: Plan, today: date) -> services_report.Span:
    """The Decree 09 window of the report (periodic.rules.period_of) with the commune's months inside it."""
    period = rules.period_of(report.kind, report.year)
    # span_for reads only the anchor's commune and year for a period longer than a month: an unsaved one will do.
    anchor = ReportingPeriod(commune_id=plan.commune_id, year=period.year, month=period.last_month)
    return services_report.span_for(anchor, period.kind, period.number, today)


def draft(report: PeriodicReport, plan: Plan, today: date) -> Figures:
    span = span_of(report, plan, today)
    rows = board_rows.load_rows(plan, span.as_of)
    prefetch_related_objects([row.assignment for row in rows], "solutions")
    figures = Figures(plan, span.period, span, today, rows, rates.tally(plan, span.period, span.months, today),
                      markers(plan))
    figures.indicators = indicator_table(plan, span.as_of)
    figures.unfinished = unfinished(rows, span, figures.marks)
    figures.record = reporting_record(plan, span.months, today)
    if rules.is_year_end(report.kind):
        figures.evaluation = evaluation_summary(plan, today)
    return figures


def indicator_table(plan: Plan, as_of: date) -> list[dict]:
    """Every indicator in the appendix's order, with its latest value up to the cut-off."""
    standings = plan_standings(plan, as_of)
    return [_indicator_line(standing) for standing in standings]


def _indicator_line(standing) -> dict:
    indicator, latest = standing.indicator, standing.latest
    target = indicator.primary_target
    percent = None
    if target is not None and latest is not None:
        percent = rules.percent_of_target(target.comparator, target.value, latest.value)
    unit = indicator.responsible_unit
    return {"code": indicator.code, "name": indicator.name,
            "target": "; ".join(describe_target(t) for t in indicator.targets.all()) or "Theo chỉ tiêu thành phần",
            "value": _value_words(latest), "percent": fmt.number(percent, 1), "colour": standing.colour,
            "colour_label": COLOUR_LABELS[standing.colour].split(" – ")[0], "judged": latest is not None,
            "unit": unit.name if unit else NO_UNIT,
            "explanation": (latest.explanation.strip() if latest else "") or NO_EXPLANATION}


def _value_words(latest) -> str:
    if latest is None:
        return "Chưa có số liệu"
    cumulative = ", lũy kế" if latest.is_cumulative else ""
    return f"{value_text(latest)} ({latest.period.label}{cumulative})"


def unit_notes(span: services_report.Span) -> dict[int, dict[str, str]]:
    """assignment id → the latest reasons and proposals its lead unit sent in the covered months.

    The latest non-empty text of each kind: a later report that leaves the box empty has not withdrawn the
    proposal, which waits for the leaders until the task is done (there is no answer record to close it).
    """
    notes: dict[int, dict[str, str]] = {}
    items = (RowReport.objects.filter(report__period__in=[m for m in span.months if m.pk], role=RowRole.LEAD,
                                      report__state__in=SENT)
             .order_by("report__period__month", "pk").values_list("assignment_id", "obstacles", "proposals"))
    for assignment_id, obstacles, proposals in items:
        note = notes.setdefault(assignment_id, {"reasons": "", "proposals": ""})
        note["reasons"] = obstacles.strip() or note["reasons"]
        note["proposals"] = proposals.strip() or note["proposals"]
    return notes


def unfinished(rows: list[board_rows.Row], span: services_report.Span, marks: dict[int, str]) -> list[dict]:
    """Every row not done at the cut-off: the overdue ones first, the longest overdue first."""
    notes = unit_notes(span)
    pending = sorted((r for r in rows if not r.status.is_done),
                     key=lambda r: (r.status.code != st.OPEN_OVERDUE, -r.status.days_overdue, r.task.order,
                                    r.assignment.order))
    siblings = Counter(row.task.pk for row in pending)
    return [_unfinished_line(row, span.as_of, notes.get(row.pk, {}), marks, siblings[row.task.pk] > 1)
            for row in pending]


def _solutions_tag(row: board_rows.Row) -> str:
    """ "(giải pháp (2))": with the lead unit's column, what tells one row of a task from its siblings (issue 11,
    item 16), so that no line of the table looks duplicated."""
    words = services_report.solutions_words(row)
    return f" ({words})" if words else ""


def _unfinished_line(row: board_rows.Row, as_of: date, note: dict, marks: dict[int, str],
                     has_siblings: bool = False) -> dict:
    title = fmt.shorten(row.task.title, 160) + (_solutions_tag(row) if has_siblings else "")
    late = f", quá hạn {fmt.days(row.status.days_overdue)}" if row.status.code == st.OPEN_OVERDUE else ""
    due = f"{fmt.due_words(row.assignment, row.status, as_of)}{late}"
    reasons, proposals = note.get("reasons", ""), note.get("proposals", "")
    notes = "; ".join(text for text in (f"Lý do: {reasons}" if reasons else "",
                                        f"Đề xuất: {proposals}" if proposals else "") if text)
    return {"code": row.task.code, "title": services_report.marked(title, row.task.pk, marks),
            "units": row.unit_names or "chưa rõ", "leaders": row.leader_names or "chưa rõ",
            "status": row.status.label, "due": due, "state": f"{row.status.label}; {due}",
            "days_overdue": row.status.days_overdue if row.status.code == st.OPEN_OVERDUE else None,
            "reasons": reasons, "proposals": proposals, "notes": notes or "—"}


def due_months(months: list[ReportingPeriod], today: date) -> list[ReportingPeriod]:
    """The covered months whose reports were due by today: a month still open has no missing report yet."""
    return [m for m in months if m.pk is not None and m.deadline < today]


def reporting_record(plan: Plan, months: list[ReportingPeriod], today: date) -> list[dict]:
    """Each unit that leads rows: reports due, sent on time, sent late, missing; the most missing first."""
    due = due_months(months, today)
    units = rates.lead_units(plan)
    sent = rates.unit_rates_over(units.keys(), due)
    lines = []
    for entry in DirectoryEntry.objects.filter(pk__in=units.keys()):
        rate = sent[entry.pk]
        lines.append({"unit": entry.name, "due": rate.expected, "on_time": rate.on_time,
                      "late": rate.reported - rate.on_time, "missing": rate.expected - rate.reported})
    return sorted(lines, key=lambda line: (-line["missing"], -line["late"], line["unit"]))


def evaluation_summary(plan: Plan, today: date) -> list[dict]:
    """Every unit, official and directing leader with the level the evaluation gives (overrides included)."""
    lines = []
    for _kind, label, subjects, _cap in evaluate(plan, today=today).groups():
        lines += [{"group": label, "name": s.name, "level": s.level_label} for s in subjects]
    return lines


def evaluation_counts(lines: list[dict]) -> list[str]:
    """ "Đơn vị: Hoàn thành tốt nhiệm vụ 2; Hoàn thành nhiệm vụ 1." per group, in the table's order."""
    groups: dict[str, Counter] = {}
    for line in lines:
        groups.setdefault(line["group"], Counter())[line["level"]] += 1
    return [f"{group}: " + "; ".join(f"{level} {fmt.number(n)}" for level, n in counts.items()) + "."
            for group, counts in groups.items()]
