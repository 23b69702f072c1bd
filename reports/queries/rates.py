"""Counting the cycle: who reported (as DHIS2 counts it), and rows by the 4-way status."""
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from communes.models import EntryCategory
from plans.models import Assignment, AssignmentRef, Plan, RefRole

from ..models import Completion, ReportingPeriod, RowReport, RowRole, UnitReport
from ..rules import status as st


@dataclass
class Rate:
    expected: int
    reported: int
    on_time: int

    @property
    def reporting_rate(self) -> float:
        """DHIS2: reports received / reports expected × 100."""
        return 100 * self.reported / self.expected if self.expected else 0.0

    @property
    def on_time_rate(self) -> float:
        """DHIS2: reports received by the deadline / reports expected × 100."""
        return 100 * self.on_time / self.expected if self.expected else 0.0


def lead_units(plan: Plan) -> dict[int, set[int]]:
    """unit id → the rows it leads; only real units report, not group references."""
    refs = AssignmentRef.objects.filter(assignment__node__plan=plan, role=RefRole.LEAD,
                                        entry__category=EntryCategory.UNIT).values_list("entry_id", "assignment_id")
    units: dict[int, set[int]] = defaultdict(set)
    for unit_id, assignment_id in refs:
        units[unit_id].add(assignment_id)
    return units


def reports_of(period: ReportingPeriod) -> dict[int, UnitReport]:
    if period.pk is None:  # a month not opened yet (periods.shown_period) has no report
        return {}
    return {r.unit_id: r for r in period.reports.all()}


def unit_rate(unit_id: int, reports: dict[int, UnitReport]) -> Rate:
    report = reports.get(unit_id)
    if report is None or not report.submitted_at:
        return Rate(1, 0, 0)
    return Rate(1, 1, int(not report.is_late))


def leader_rates(plan: Plan, period: ReportingPeriod) -> dict[int, Rate]:
    """Per directing leader: the reports expected from the lead units of the rows they direct."""
    reports, units = reports_of(period), lead_units(plan)
    directed: dict[int, set[int]] = defaultdict(set)
    for leader_id, assignment_id in AssignmentRef.objects.filter(
            assignment__node__plan=plan, role=RefRole.LEADER).values_list("entry_id", "assignment_id"):
        directed[leader_id] |= {u for u, rows in units.items() if assignment_id in rows}
    return {leader: _sum(unit_rate(u, reports) for u in unit_ids) for leader, unit_ids in directed.items()}


def _sum(rates) -> Rate:
    total = Rate(0, 0, 0)
    for rate in rates:
        total = Rate(total.expected + rate.expected, total.reported + rate.reported, total.on_time + rate.on_time)
    return total


def row_statuses(plan: Plan, today: date) -> dict[int, st.RowStatus]:
    assignments = Assignment.objects.filter(node__plan=plan).prefetch_related(
        Prefetch("completions", queryset=Completion.objects.all()))
    return {a.pk: status_of(a, today) for a in assignments}


def status_of(assignment: Assignment, today: date) -> st.RowStatus:
    """The row's status on `today` (a report's cut-off for a past period): completions the office has accepted,
    dated the day the unit finished the work, and only those finished by then."""
    completions = {c.milestone: c.completed_on for c in assignment.completions.all()}
    milestones = [date.fromisoformat(m) for m in assignment.milestones or []]
    return st.row_status(assignment.deadline_kind, assignment.due, milestones, completions, today)


def status_counts(statuses: dict[int, st.RowStatus], groups: dict[int, set[int]]) -> dict[int, Counter]:
    """groups: key (a unit, a leader, a task group) → the rows in it."""
    return {key: Counter(statuses[a].code for a in rows if a in statuses) for key, rows in groups.items()}


def missed_checkins(plan: Plan, unit_id: int, periods: list[ReportingPeriod]) -> int:
    """Recurring rows a unit leads that went without a check-in in a period that has ended."""
    return missed_checkins_by_unit(plan, periods).get(unit_id, 0)


def missed_checkins_by_unit(plan: Plan, periods: list[ReportingPeriod]) -> dict[int, int]:
    """unit id → missed check-ins of its recurring rows over the given (ended) periods, in three queries."""
    recurring = set(Assignment.objects.filter(node__plan=plan, deadline_kind="recurring").values_list("pk", flat=True))
    done = set(RowReport.objects.filter(report__period__in=periods, role=RowRole.LEAD, checked_in=True,
                                        report__submitted_at__isnull=False)
               .values_list("report__unit_id", "report__period_id", "assignment_id"))
    return {unit: sum(1 for p in periods for a in rows & recurring if (unit, p.pk, a) not in done)
            for unit, rows in lead_units(plan).items()}


def ended_periods(plan: Plan, today: date) -> list[ReportingPeriod]:
    """The plan year's months whose deadline has passed: the ones a unit could have missed."""
    return list(ReportingPeriod.objects.filter(commune_id=plan.commune_id, year=plan.year, deadline__lt=today)
                .order_by("month"))


def unit_rates_over(unit_ids, periods: list[ReportingPeriod]) -> dict[int, Rate]:
    """Per unit over several periods: one report expected per period, as DHIS2 sums them."""
    sent = UnitReport.objects.filter(period__in=periods, unit_id__in=unit_ids, submitted_at__isnull=False)
    tally: dict[int, Rate] = {unit: Rate(len(periods), 0, 0) for unit in unit_ids}
    for unit, late in sent.values_list("unit_id", "is_late"):
        tally[unit] = Rate(len(periods), tally[unit].reported + 1, tally[unit].on_time + (not late))
    return tally


def total_rate(plan: Plan, period: ReportingPeriod) -> Rate:
    reports = reports_of(period)
    return _sum(unit_rate(u, reports) for u in lead_units(plan))


# --- one truth per count ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tally:
    """The counts every page gives for one plan, period and day: the chase page, the dashboard, the reminder letter
    and the consolidated report all take their numbers from here (issue 12, item 3).

    `judged_on` is the day the rows' 4-way statuses are judged (Decree 09/2019/NĐ-CP Art. 12, see
    theodoi.periods.Period.judged_on): the period's data cut-off, the 14th, once it has passed; today while the
    period still runs. `reports` counts the units' monthly reports of the period as received by `today`.
    """
    judged_on: date
    rows: Counter
    expected: int
    on_time_reports: int
    late_reports: int

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    @property
    def overdue(self) -> int:
        return self.rows.get(st.OPEN_OVERDUE, 0)

    @property
    def on_time(self) -> int:
        return self.rows.get(st.DONE_ON_TIME, 0)

    @property
    def missing_reports(self) -> int:
        return self.expected - self.on_time_reports - self.late_reports

    def by_status(self) -> list[tuple[str, int]]:
        return [(code, self.rows.get(code, 0)) for code in st.ORDER]

    def cells(self) -> list[dict]:
        """One cell per status, then the total, as templates/dashboard/_tally.html shows them."""
        return [{"code": code, "n": n} for code, n in self.by_status()] + [{"code": "total", "n": self.total}]


def tally(plan: Plan, span, months: list[ReportingPeriod], today: date) -> Tally:
    """The counts of `plan` for `span` (a theodoi.periods.Period: a month, a quarter, a year …) seen on `today`.

    `months` are the commune's monthly periods inside the span that exist; each expects one report from every unit
    that leads rows, as DHIS2 sums them. Statuses are judged at `span.judged_on(today)`, the same day for a month
    and for the quarter or year that closes with it.
    """
    judged = span.judged_on(today)
    rows = Counter(status.code for status in row_statuses(plan, judged).values())
    units = lead_units(plan)
    # A month not opened yet still expects its reports; it has none to count (Django refuses unsaved ones in __in).
    sent = UnitReport.objects.filter(period__in=[m for m in months if m.pk is not None], unit_id__in=units.keys(),
                                     submitted_at__isnull=False)
    late = sent.filter(is_late=True).count()
    return Tally(judged, rows, len(units) * len(months), sent.count() - late, late)


def month_tally(plan: Plan, period: ReportingPeriod, today: date) -> Tally:
    return tally(plan, period.span, [period], today)
