"""The Government Office's 4-way status of every assignment row as one SQL expression (reports/rules/status.py in SQL).

reports.rules.status.row_status is the rule; this module states the same rule over each row's deadline and its accepted
completions, so that a province's thousands of plans are judged by the database in one pass instead of row by row
in Python. The two are held equal by tests/integration/test_province_rollup.py, commune by commune.

The status is a number, so that the worst milestone decides a milestone row with one GREATEST:
1 done on time, 2 done late, 3 open within its deadline, 4 open and overdue (0: no milestone at that position).
- A completion counts once it is dated on or before the day judged (a report's data cut-off, Decree 09/2019/NĐ-CP
  Art. 12); the finish date the unit reported is what counts, never the day of acceptance.
- A milestone row (kind "milestones" with at least one date) is judged milestone by milestone, completions matched
  by index as Completion.milestone records it: any milestone overdue makes the row overdue; else any still open
  keeps it open; else any finished after its date makes it late; else it is on time.
- Recurring rows, rows whose deadline is set elsewhere or unknown, and rows with no due date are never overdue.
Each completion lookup appears once in the expression: a database evaluates a repeated subquery again each time.
"""
from datetime import date

from django.db.models import Case, DateField, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce, Greatest, Least

from reports.models import Completion
from reports.rules import status as st

NEVER_OVERDUE = ("recurring", "external", "unknown")
ON_TIME, LATE, OPEN, OVERDUE = 1, 2, 3, 4
CODES = {ON_TIME: st.DONE_ON_TIME, LATE: st.DONE_LATE, OPEN: st.OPEN_IN_TIME, OVERDUE: st.OPEN_OVERDUE}


def milestone_slots(assignments: QuerySet) -> int:
    """How many milestone positions the expression needs: the longest milestone list among the rows."""
    lists = assignments.filter(deadline_kind="milestones").values_list("milestones", flat=True)
    return max((len(points or []) for points in lists), default=0)


def _int(value: int) -> Value:
    return Value(value, output_field=IntegerField())


def _open_or_overdue(point, judged: date) -> Case:
    return Case(When(Q(**{f"{point}__lt": judged}), then=_int(OVERDUE)), default=_int(OPEN))


def _done_code(judged: date, against: str, milestone: int | None = None) -> Subquery:
    """1 or 2 for the completion that counts (on time or late against the outer row's `against` date), else NULL.
    A single-deadline row counts its milestone 0, or failing that its latest completion (as reports.rules.status)."""
    done = Completion.objects.filter(assignment=OuterRef("pk"), completed_on__lte=judged)
    if milestone is not None:
        done = done.filter(milestone=milestone)
    code = Case(When(completed_on__gt=OuterRef(against), then=_int(LATE)), default=_int(ON_TIME))
    first = Case(When(milestone=0, then=_int(0)), default=_int(1))
    return Subquery(done.annotate(code=code, first=first).order_by("first", "-completed_on").values("code")[:1],
                    output_field=IntegerField())


def with_status(assignments: QuerySet, judged: date) -> QuerySet:
    """The rows annotated with `status_code` (see CODES) and `missed` (the date an overdue row missed: its due
    date, or its earliest missed milestone), as of `judged`."""
    slots = milestone_slots(assignments)
    points = {f"p{i}": Cast(KeyTextTransform(str(i), "milestones"), DateField()) for i in range(slots)}
    annotated = assignments.annotate(**points)
    codes = {f"m{i}": Case(When(**{f"p{i}__isnull": True}, then=_int(0)),
                           default=Coalesce(_done_code(judged, f"p{i}", i), _open_or_overdue(f"p{i}", judged)),
                           output_field=IntegerField()) for i in range(slots)}
    annotated = annotated.annotate(**codes) if slots else annotated
    return annotated.annotate(status_code=_status(judged, slots), missed=_missed(judged, slots))


def _status(judged: date, slots: int) -> Case:
    never = Q(deadline_kind__in=NEVER_OVERDUE) | Q(due__isnull=True)
    # A LIMIT 1 lookup, not EXISTS: PostgreSQL turns an uncorrelated-looking EXISTS into a hash of every
    # completion in the country, built on each query whatever the area.
    any_done = Subquery(Completion.objects.filter(assignment=OuterRef("pk"), completed_on__lte=judged)
                        .annotate(one=_int(ON_TIME)).values("one")[:1], output_field=IntegerField())
    whens = []
    if slots:
        worst = Greatest(*[F(f"m{i}") for i in range(slots)]) if slots > 1 else F("m0")
        whens.append(When(Q(deadline_kind="milestones", p0__isnull=False), then=worst))
    whens.append(When(never, then=Coalesce(any_done, _int(OPEN))))
    return Case(*whens, default=Coalesce(_done_code(judged, "due"), _open_or_overdue("due", judged)),
                output_field=IntegerField())


def _missed(judged: date, slots: int) -> Case | F:
    if not slots:
        return F("due")
    # Least ignores NULLs on PostgreSQL but not on SQLite: a milestone not missed stands as the last possible day.
    candidates = [Case(When(**{f"m{i}": OVERDUE}, then=F(f"p{i}")), default=Value(date.max),
                       output_field=DateField()) for i in range(slots)]
    earliest = Least(*candidates) if slots > 1 else candidates[0]
    return Case(When(Q(deadline_kind="milestones", p0__isnull=False), then=earliest), default=F("due"),
                output_field=DateField())
