"""The evidence: every figure of a unit, official or leader is a list of rows, reports or indicators.

Everything is read once per evaluation (about ten queries whatever the size of the plan), then grouped in Python:
- rows and their statuses at the close of the range: completions accepted after its last day are ignored, and once
  the range is over, a row due by its last day and still open is overdue (by one day for a row due that very
  day), because the evaluation looks back on a finished period. While the range is still running, statuses are
  those of today;
- the monthly periods (Decree 09) whose data ends inside the range and whose deadline has passed: these are the
  reports expected of each lead unit, DHIS2-style (received / expected, on time / expected);
- indicators with the unit responsible for them and their latest value of the plan year.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch

from communes.models import DirectoryEntry, EntryCategory
from indicators.models import Indicator, IndicatorValue
from indicators.rules import attained
from plans.models import Assignment, AssignmentRef, Plan, RefRole
from reports.models import Completion, UnitReport
from reports.queries.rates import status_of
from reports.rules import status as st
from reports.services.periods import deadline_for
from theodoi.periods import MONTH, Period

from ..models import RowAssessment
from ..rules.common import Item, TaskCounts


@dataclass
class RowFact:
    assignment: Assignment
    status: st.RowStatus
    assessment: RowAssessment | None = None

    def item(self) -> Item:
        """The row as Decree 335 scores it, with what a person recorded about it."""
        recorded = self.assessment
        return Item(self.status.is_done, self.status.days_overdue if self.status.code != st.DONE_ON_TIME else 0,
                    recorded.quality_not_met if recorded else 0, bool(recorded and recorded.objective_cause.strip()))


@dataclass
class Figures:
    rows: list[RowFact] = field(default_factory=list)
    expected: list[tuple[int, Period]] = field(default_factory=list)  # (unit id, month)
    received: list[UnitReport] = field(default_factory=list)
    returned: list[UnitReport] = field(default_factory=list)
    indicators_met: list[Indicator] = field(default_factory=list)
    indicators_missed: list[Indicator] = field(default_factory=list)
    indicators_unknown: list[Indicator] = field(default_factory=list)
    unit_names: dict[int, str] = field(default_factory=dict)

    def having(self, code: str) -> list[RowFact]:
        return [row for row in self.rows if row.status.code == code]

    @property
    def on_time_reports(self) -> list[UnitReport]:
        return [report for report in self.received if not report.is_late]

    @property
    def missing(self) -> list[tuple[int, Period]]:
        got = {(r.unit_id, r.period.month, r.period.year) for r in self.received}
        return [(unit, month) for unit, month in self.expected if (unit, month.number, month.year) not in got]

    @property
    def reporting_rate(self) -> float | None:
        return 100 * len(self.received) / len(self.expected) if self.expected else None

    @property
    def on_time_rate(self) -> float | None:
        return 100 * len(self.on_time_reports) / len(self.expected) if self.expected else None

    @property
    def returns(self) -> int:
        return sum(report.return_count for report in self.returned)

    def counts(self) -> TaskCounts:
        on_time, late, overdue = (self.having(code) for code in (st.DONE_ON_TIME, st.DONE_LATE, st.OPEN_OVERDUE))
        return TaskCounts(len(on_time), len(late), len(overdue),
                          tuple(row.status.days_overdue for row in late + overdue),
                          tuple(row.item() for row in on_time + late + overdue))


@dataclass
class Facts:
    """What one evaluation reads from the database, indexed for grouping."""
    plan: Plan
    start: date
    end: date
    as_of: date
    rows: dict[int, RowFact]
    lead: dict[int, set[int]]       # unit id → rows it leads
    directed: dict[int, set[int]]   # leader position id → rows they direct
    entries: dict[int, DirectoryEntry]
    months: list[Period]
    reports: dict[int, list[UnitReport]]  # unit id → its reports in the range's months
    indicators: dict[int, list[tuple[Indicator, bool | None]]]  # unit id → (indicator, met)

    def figures(self, row_ids: set[int], unit_ids: set[int]) -> Figures:
        reports = [r for unit in unit_ids for r in self.reports.get(unit, [])]
        indicators = [pair for unit in unit_ids for pair in self.indicators.get(unit, [])]
        return Figures(
            rows=sorted((self.rows[pk] for pk in row_ids if pk in self.rows), key=_row_order),
            expected=[(unit, month) for unit in sorted(unit_ids) for month in self.months],
            received=[r for r in reports if r.submitted_at is not None],
            returned=[r for r in reports if r.return_count],
            indicators_met=[i for i, met in indicators if met is True],
            indicators_missed=[i for i, met in indicators if met is False],
            indicators_unknown=[i for i, met in indicators if met is None],
            unit_names={pk: self.entries[pk].name for pk in unit_ids if pk in self.entries},
        )


def _row_order(row: RowFact):
    return row.assignment.node.order, row.assignment.order


def read(plan: Plan, start: date, end: date, today: date) -> Facts:
    as_of = min(end, today)
    lead, directed = _refs(plan)
    months = expected_months(plan, start, end, as_of)
    entry_ids = set(lead) | set(directed)
    status_day = end + timedelta(days=1) if today > end else today
    return Facts(plan, start, end, as_of, _rows(plan, as_of, status_day), lead, directed,
                 DirectoryEntry.objects.in_bulk(entry_ids), months, _reports(plan, months), _indicators(plan))


def _rows(plan: Plan, as_of: date, status_day: date) -> dict[int, RowFact]:
    accepted = Prefetch("completions", queryset=Completion.objects.filter(completed_on__lte=as_of))
    assignments = Assignment.objects.filter(node__plan=plan).select_related("node").prefetch_related(accepted)
    assessments = {a.assignment_id: a for a in RowAssessment.objects.filter(plan=plan)}
    return {a.pk: RowFact(a, status_of(a, status_day), assessments.get(a.pk)) for a in assignments}


def _refs(plan: Plan) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """Lead units as the cycle counts them (real units only), and the leader positions directing each row."""
    lead, directed = defaultdict(set), defaultdict(set)
    refs = AssignmentRef.objects.filter(assignment__node__plan=plan, entry__isnull=False).values_list(
        "role", "entry_id", "assignment_id", "entry__category")
    for role, entry_id, assignment_id, category in refs:
        if role == RefRole.LEAD and category == EntryCategory.UNIT:
            lead[entry_id].add(assignment_id)
        elif role == RefRole.LEADER and category == EntryCategory.POSITION:
            directed[entry_id].add(assignment_id)
    return dict(lead), dict(directed)


def expected_months(plan: Plan, start: date, end: date, as_of: date) -> list[Period]:
    """Months whose Decree 09 data ends inside the range and whose report deadline has passed by as_of."""
    months = []
    for year in range(start.year, end.year + 1):
        for number in range(1, 13):
            month = Period(MONTH, year, number)
            if start <= month.end <= end and deadline_for(plan.commune, year, number) <= as_of:
                months.append(month)
    return months


def _reports(plan: Plan, months: list[Period]) -> dict[int, list[UnitReport]]:
    wanted = {(m.year, m.number) for m in months}
    years = {m.year for m in months}
    by_unit = defaultdict(list)
    for report in UnitReport.objects.filter(period__commune=plan.commune, period__year__in=years).select_related(
            "period").order_by("period__year", "period__month"):
        if (report.period.year, report.period.month) in wanted:
            by_unit[report.unit_id].append(report)
    return by_unit


def _indicators(plan: Plan) -> dict[int, list[tuple[Indicator, bool | None]]]:
    """The unit responsible for each indicator (its own lead unit or its parent's) and whether its latest value of
    the plan year meets its first target; None when there is no value or no judgeable target."""
    values = Prefetch("values", queryset=IndicatorValue.objects.filter(period_year=plan.year))
    indicators = {i.pk: i for i in Indicator.objects.filter(plan=plan).prefetch_related("targets", values)}
    by_unit = defaultdict(list)
    for indicator in indicators.values():
        unit_id = _responsible(indicator, indicators)
        if unit_id is not None:
            by_unit[unit_id].append((indicator, _met(indicator)))
    return by_unit


def _responsible(indicator: Indicator, indicators: dict[int, Indicator]) -> int | None:
    node: Indicator | None = indicator
    while node is not None and node.lead_unit_id is None:
        node = indicators.get(node.parent_id) if node.parent_id is not None else None
    return node.lead_unit_id if node else None


def _met(indicator: Indicator) -> bool | None:
    targets, values = list(indicator.targets.all()), list(indicator.values.all())
    if not targets or not values:
        return None
    latest = max(values, key=lambda v: (v.period.end, -v.period.start.toordinal()))  # the year beats December
    return attained(targets[0], latest.value, latest.met)
