"""The Government Office's 4-way status of every assignment row as one SQL expression (reports/status.py in SQL).

reports.status.row_status is the rule; this module states the same rule as a CASE over each row's deadline and its
accepted completions, so that a province's thousands of plans are judged by the database in one pass instead of
row by row in Python. The two are held equal by tests/integration/test_province_rollup.py, commune by commune.

- A completion counts once it is dated on or before the day judged (a report's data cut-off, Decree 09/2019/NĐ-CP
  Art. 12); the finish date the unit reported is what counts, never the day of acceptance.
- A milestone row (kind "milestones" with at least one date) is judged milestone by milestone: completions are
  matched to a milestone by index, as Completion.milestone records it.
- Recurring rows, rows whose deadline is set elsewhere or unknown, and rows with no due date are never overdue.
"""
import operator
from datetime import date
from functools import reduce

from django.db.models import Case, CharField, DateField, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce, Least

from reports import status as st
from reports.models import Completion

NEVER_OVERDUE = ("recurring", "external", "unknown")


def milestone_slots(assignments: QuerySet) -> int:
    """How many milestone columns the CASE needs: the longest milestone list among the rows (one small query)."""
    lists = assignments.filter(deadline_kind="milestones").values_list("milestones", flat=True)
    return max((len(points or []) for points in lists), default=0)


def _completed(judged: date, milestone: int | None = None) -> Subquery:
    done = Completion.objects.filter(assignment=OuterRef("pk"), completed_on__lte=judged)
    if milestone is not None:
        done = done.filter(milestone=milestone)
    return Subquery(done.order_by("-completed_on").values("completed_on")[:1], output_field=DateField())


def with_status(assignments: QuerySet, judged: date) -> QuerySet:
    """The rows annotated with `status` (a code of reports.status.ORDER) and `missed` (the date missed by an
    overdue row: its due date, or its earliest missed milestone), as of `judged`."""
    slots = milestone_slots(assignments)
    annotations: dict = {"done": Coalesce(_completed(judged, 0), _completed(judged))}
    for i in range(slots):
        annotations[f"p{i}"] = Cast(KeyTextTransform(str(i), "milestones"), DateField())
        annotations[f"c{i}"] = _completed(judged, i)
    annotated = assignments.annotate(**annotations)
    return annotated.annotate(status=_case(judged, slots), missed=_missed(judged, slots))


def _case(judged: date, slots: int) -> Case:
    never = Q(deadline_kind__in=NEVER_OVERDUE) | Q(due__isnull=True)
    whens = _milestone_whens(judged, slots) + [
        When(never & Q(done__isnull=False), then=Value(st.DONE_ON_TIME)),
        When(never, then=Value(st.OPEN_IN_TIME)),
        When(done__lte=F("due"), then=Value(st.DONE_ON_TIME)),
        When(done__isnull=False, then=Value(st.DONE_LATE)),
        When(due__lt=judged, then=Value(st.OPEN_OVERDUE)),
    ]
    return Case(*whens, default=Value(st.OPEN_IN_TIME), output_field=CharField())


def _milestone_whens(judged: date, slots: int) -> list[When]:
    if not slots:
        return []
    is_milestones = Q(deadline_kind="milestones", p0__isnull=False)
    points = [Q(**{f"p{i}__isnull": False}) for i in range(slots)]
    reached = [p & Q(**{f"c{i}__isnull": False}) for i, p in enumerate(points)]
    # Every milestone reached: no milestone has a date and no completion.
    all_reached = ~_any(p & Q(**{f"c{i}__isnull": True}) for i, p in enumerate(points))
    late = _any(r & Q(**{f"c{i}__gt": F(f"p{i}")}) for i, r in enumerate(reached))
    overdue = _any(p & Q(**{f"c{i}__isnull": True, f"p{i}__lt": judged}) for i, p in enumerate(points))
    return [When(is_milestones & all_reached & late, then=Value(st.DONE_LATE)),
            When(is_milestones & all_reached, then=Value(st.DONE_ON_TIME)),
            When(is_milestones & overdue, then=Value(st.OPEN_OVERDUE)),
            When(is_milestones, then=Value(st.OPEN_IN_TIME))]


def _any(conditions) -> Q:
    return reduce(operator.or_, conditions)


def _missed(judged: date, slots: int) -> Case | F:
    """The date an overdue row missed: its due date, or its earliest missed milestone (a milestone list need not be
    in date order), from which reports.status counts the days overdue."""
    if not slots:
        return F("due")
    # Least ignores NULLs on PostgreSQL but not on SQLite: a milestone not missed stands as the last possible day.
    candidates = [Case(When(Q(**{f"c{i}__isnull": True, f"p{i}__lt": judged}), then=F(f"p{i}")),
                       default=Value(date.max), output_field=DateField()) for i in range(slots)]
    earliest = Least(*candidates) if slots > 1 else candidates[0]
    return Case(When(Q(deadline_kind="milestones", p0__isnull=False), then=earliest), default=F("due"),
                output_field=DateField())


def days_between(later: date, earlier: date | None) -> int:
    return (later - earlier).days if earlier else 0

