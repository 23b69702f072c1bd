"""The province dashboard's figures for every commune under an area, each a grouped SQL query over all of them.

Four queries, whatever the number of communes (never a Python loop issuing queries per commune):
1. the communes with their current plan of the year and the number of reports expected (units that lead rows);
2. the month's submitted reports per commune, on time and late;
3. the rows' 4-way status per commune (provinces/rowstatus.py, judged in SQL at the period's cut-off);
4. the indicators' forecast colours per commune.
The overdue rows are a fifth, limited query. Every figure is what the commune's own dashboard shows for the same
month and day (reports.queries.rates.month_tally, dashboard.queries.board.standings_at): the test
tests/integration/test_province_rollup.py holds them equal commune by commune.

"Today" comes from the caller (theodoi.clock.today()) and enters the SQL as the day judged: overdue rows are those
past their date on that day, so the page is right on a day with no writes, with no roll-up table to refresh.
"""
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from django.db import connection, transaction
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from communes.models import Commune, CommuneKind, EntryCategory
from indicators import rules as colours
from indicators.models import Indicator, Target, ValueEntry
from plans.models import Assignment, AssignmentRef, Plan, RefRole
from reports.models import ReportingPeriod, UnitReport
from reports.rules import status as st
from theodoi.periods import CUTOFF_DAY, MONTH, Period

from . import rowstatus
from .rowstatus import with_status

OVERDUE_LIST_LIMIT = 200


@dataclass
class CommuneLine:
    """One commune's figures for one month, as its own dashboard gives them."""
    pk: int
    name: str
    kind: str
    area_id: int | None
    area_name: str
    plan_id: int | None
    period_id: int | None = None
    expected: int = 0
    on_time_reports: int = 0
    late_reports: int = 0
    rows: Counter = field(default_factory=Counter)
    colours: Counter = field(default_factory=Counter)
    rank: int = 0

    @property
    def kind_label(self) -> str:
        return CommuneKind(self.kind).label if self.kind in CommuneKind.values else ""

    @property
    def full_name(self) -> str:
        return f"{self.kind_label} {self.name}".strip()

    @property
    def reported(self) -> int:
        return self.on_time_reports + self.late_reports

    @property
    def missing_reports(self) -> int:
        return self.expected - self.reported

    @property
    def reporting_rate(self) -> float:
        """DHIS2: reports received / reports expected × 100 (as reports.queries.rates.Rate)."""
        return 100 * self.reported / self.expected if self.expected else 0.0

    @property
    def on_time_rate(self) -> float:
        return 100 * self.on_time_reports / self.expected if self.expected else 0.0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def overdue(self) -> int:
        return self.rows.get(st.OPEN_OVERDUE, 0)

    @property
    def overdue_share(self) -> float:
        return 100 * self.overdue / self.total_rows if self.total_rows else 0.0

    def by_status(self) -> list[tuple[str, int]]:
        return [(code, self.rows.get(code, 0)) for code in st.ORDER]

    def by_colour(self) -> list[tuple[str, int]]:
        return [(colour, self.colours.get(colour, 0)) for colour in COLOUR_ORDER]


COLOUR_ORDER = (colours.RED, colours.AMBER, colours.GREEN, colours.GREY)


@contextmanager
def without_jit():
    """PostgreSQL's JIT compiles a query whose estimated cost is high, and the per-row completion lookups make the
    planner's estimate high: compiling took 0,5 s of a 0,56 s roll-up of 130 communes that runs in 40 ms without
    it (bench/rollup.py). Turned off for these queries only, inside their own transaction."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        yield


def judged_day(year: int, month: int, today: date) -> date:
    """Decree 09/2019/NĐ-CP Art. 12: a month's statuses stand at its data cut-off (the 14th) once passed."""
    return Period(MONTH, year, month).judged_on(today)


def _current_plans(year: int) -> QuerySet[Plan]:
    return Plan.objects.filter(year=year, is_current=True)


def rollup(communes: QuerySet[Commune], year: int, month: int, today: date) -> list[CommuneLine]:
    """Every commune of `communes` with its figures for the month, in name order."""
    with without_jit():
        return _rollup(communes, year, month, today)


def _rollup(communes: QuerySet[Commune], year: int, month: int, today: date) -> list[CommuneLine]:
    lines = {line.pk: line for line in _commune_lines(communes, year, month)}
    for commune_id, on_time, late in _report_counts(communes, year, month):
        lines[commune_id].on_time_reports, lines[commune_id].late_reports = on_time, late
    judged = judged_day(year, month, today)
    for commune_id, counts in _status_counts(communes, year, judged).items():
        lines[commune_id].rows = counts
    for commune_id, counts in _colour_counts(communes, year, judged).items():
        lines[commune_id].colours = counts
    return list(lines.values())


def _commune_lines(communes: QuerySet[Commune], year: int, month: int) -> list[CommuneLine]:
    period = ReportingPeriod.objects.filter(commune=OuterRef("pk"), year=year, month=month).values("pk")[:1]
    plans = _current_plans(year).filter(commune=OuterRef("pk"))
    units = (AssignmentRef.objects.filter(assignment__node__plan__commune=OuterRef("pk"),
                                          assignment__node__plan__year=year, assignment__node__plan__is_current=True,
                                          role=RefRole.LEAD, entry__category=EntryCategory.UNIT)
             .order_by().values("assignment__node__plan__commune").annotate(n=Count("entry", distinct=True))
             .values("n"))
    rows = (communes.annotate(plan_id=Subquery(plans.values("pk")[:1]), period_id=Subquery(period),
                              expected=Coalesce(Subquery(units, output_field=IntegerField()), Value(0)))
            .order_by("name", "pk")
            .values_list("pk", "name", "kind", "area_id", "area__name", "plan_id", "period_id", "expected"))
    return [CommuneLine(pk, name, kind, area_id, area_name or "", plan_id, period_id, expected)
            for pk, name, kind, area_id, area_name, plan_id, period_id, expected in rows]


def _report_counts(communes: QuerySet[Commune], year: int, month: int):
    """Submitted reports of the month from units that lead rows of the commune's current plan
    (the reports rates.tally counts)."""
    leads = AssignmentRef.objects.filter(entry=OuterRef("unit"), role=RefRole.LEAD, entry__category=EntryCategory.UNIT,
                                         assignment__node__plan__commune=OuterRef("period__commune"),
                                         assignment__node__plan__year=year, assignment__node__plan__is_current=True)
    sent = UnitReport.objects.filter(period__commune__in=communes, period__year=year, period__month=month,
                                     submitted_at__isnull=False).filter(Exists(leads))
    return (sent.order_by().values("period__commune")
            .annotate(on_time=Count("pk", filter=Q(is_late=False)), late=Count("pk", filter=Q(is_late=True)))
            .values_list("period__commune", "on_time", "late"))


def scoped_rows(communes: QuerySet[Commune], year: int) -> QuerySet[Assignment]:
    return Assignment.objects.filter(node__plan__commune__in=communes, node__plan__year=year,
                                     node__plan__is_current=True)


def _status_counts(communes: QuerySet[Commune], year: int, judged: date):
    """(commune, its rows by status): grouped by commune and status, so each row's status is computed once."""
    judged_rows = with_status(scoped_rows(communes, year), judged)
    grouped = judged_rows.order_by().values_list("node__plan__commune", "status_code").annotate(n=Count("pk"))
    return _by_commune((commune, rowstatus.CODES[code], n) for commune, code, n in grouped)


def _by_commune(grouped) -> dict[int, Counter]:
    counts: dict[int, Counter] = {}
    for commune_id, key, n in grouped:
        counts.setdefault(commune_id, Counter())[key] = n
    return counts


def overdue_rows(communes: QuerySet[Commune], year: int, judged: date, limit: int = OVERDUE_LIST_LIMIT) -> list[dict]:
    """The open overdue rows of all the communes, the longest overdue first (at most `limit`)."""
    with without_jit():
        return _overdue_rows(communes, year, judged, limit)


def _overdue_rows(communes: QuerySet[Commune], year: int, judged: date, limit: int) -> list[dict]:
    rows = (with_status(scoped_rows(communes, year), judged).filter(status_code=rowstatus.OVERDUE)
            .order_by("missed", "node__plan__commune__name", "node__order", "order")
            .values("pk", "missed", "deadline_text", "node__code", "node__title", "node__plan_id",
                    "node__plan__commune_id", "node__plan__commune__name", "node__plan__commune__kind",
                    "node__arising__id")[:limit])  # set for a task arising during the year (arising app)
    return [{**row, "days_overdue": (judged - row["missed"]).days if row["missed"] else 0} for row in rows]


# A value's period closing month and its length, as theodoi.periods.Period gives them: Period.sort_key in SQL.
_LAST_MONTH = Case(When(period_kind="month", then=F("period_number")),
                   When(period_kind="quarter", then=3 * F("period_number")),
                   When(period_kind="half", then=6 * F("period_number")),
                   When(period_kind="nine_months", then=Value(9)), default=Value(12), output_field=IntegerField())
_SPAN = Case(When(period_kind="month", then=Value(0)), When(period_kind="quarter", then=Value(2)),
             When(period_kind="half", then=Value(5)), When(period_kind="nine_months", then=Value(8)),
             default=Value(11), output_field=IntegerField())


def _closing_key(judged: date) -> int:
    """year × 100 + month of the last period end (a 14th) on or before `judged`."""
    year, month = (judged.year, judged.month) if judged.day >= CUTOFF_DAY else \
        ((judged.year - 1, 12) if judged.month == 1 else (judged.year, judged.month - 1))
    return year * 100 + month


def _colour_counts(communes: QuerySet[Commune], year: int, judged: date) -> dict[int, Counter]:
    """Per commune, its indicators with a target by the colour of their latest value ending by `judged`.

    The colour is the one stored with that value's latest entry (indicators.services.recording.save_reading judges every
    save); an indicator without such a value is grey. Headings without a target of their own are not counted:
    they repeat their components' colours."""
    entries = (ValueEntry.objects.filter(indicator=OuterRef("pk"))
               .annotate(key=F("period_year") * 100 + _LAST_MONTH, span=_SPAN)
               .filter(key__lte=_closing_key(judged)).order_by("-key", "-span", "-entered_at", "-pk"))
    judged_indicators = (Indicator.objects.filter(plan__in=_current_plans(year).filter(commune__in=communes))
                         .filter(Exists(Target.objects.filter(indicator=OuterRef("pk"))))
                         .annotate(colour=Coalesce(Subquery(entries.values("colour")[:1]), Value(colours.GREY))))
    return _by_commune(judged_indicators.order_by().values_list("plan__commune", "colour").annotate(n=Count("pk")))
