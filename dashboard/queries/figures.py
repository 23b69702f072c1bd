"""The plan's rows as of one day: the 4-way status, the part and group, the directing leaders and lead units.

Everything the dashboard counts, and every row list a count links to, is filtered from the one list built here,
so a count and the rows behind its link cannot disagree. Loading is a fixed number of queries per plan.
"""
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Prefetch

from arising.queries import part_heading
from planparser.textutil import fold
from plans.models import Assignment, AssignmentRef, NodeLevel, Plan, RefRole, TaskNode
from reports.models import Completion, ReportingPeriod, RowReport, RowRole
from reports.queries.rates import status_of
from reports.rules import status as st
from theodoi.params import as_int


@dataclass
class Row:
    assignment: Assignment
    task: TaskNode
    part: TaskNode | None
    group: TaskNode | None
    leaders: list[AssignmentRef]
    units: list[AssignmentRef]
    status: st.RowStatus
    folded: str = ""
    progress: int | None = None
    results: str = ""

    @property
    def pk(self) -> int:
        return self.assignment.pk

    @property
    def leader_names(self) -> str:
        return ", ".join(ref_name(r) for r in self.leaders)

    @property
    def solution_numbers(self) -> list[str]:
        """The numbers of the row's solutions ("(1)", "(2)"): with its lead units, what tells a task's rows apart."""
        return [s.number for s in self.assignment.solutions.all() if s.number]

    @property
    def unit_names(self) -> str:
        return ", ".join(ref_name(r) for r in self.units)


def ref_name(ref: AssignmentRef) -> str:
    """The directory's name for a resolved reference, else the words the plan printed."""
    return ref.entry.name if ref.entry is not None else ref.text


def load_rows(plan: Plan, as_of: date) -> list[Row]:
    """Every row of the plan with its status on `as_of` (a report's cut-off): accepted completions count by the day
    the unit finished the work, so one finished after `as_of` does not count yet, however early it was accepted."""
    nodes = {n.pk: n for n in TaskNode.objects.filter(plan=plan)}
    refs = AssignmentRef.objects.select_related("entry").order_by("order")
    done = Completion.objects.filter(completed_on__lte=as_of)
    assignments = (Assignment.objects.filter(node__plan=plan).order_by("node__order", "order")
                   .prefetch_related(Prefetch("refs", queryset=refs), Prefetch("completions", queryset=done)))
    return [_row(a, nodes, as_of) for a in assignments]


def _row(assignment: Assignment, nodes: dict[int, TaskNode], as_of: date) -> Row:
    task = nodes[assignment.node_id]
    assignment.node = task  # already loaded; spares a query per row in templates
    ancestors = _ancestors(task, nodes)
    refs = list(assignment.refs.all())
    row = Row(assignment, task, ancestors.get(NodeLevel.PART), ancestors.get(NodeLevel.GROUP),
              [r for r in refs if r.role == RefRole.LEADER], [r for r in refs if r.role == RefRole.LEAD],
              status_of(assignment, as_of))
    words = [task.code, task.title, assignment.output, assignment.deadline_text] + [ref_name(r) for r in refs]
    row.folded = fold(" ".join(words))
    return row


def _ancestors(node: TaskNode, nodes: dict[int, TaskNode]) -> dict[str, TaskNode]:
    found: dict[str, TaskNode] = {}
    current: TaskNode | None = node
    while current is not None:
        found.setdefault(current.level, current)
        current = nodes.get(current.parent_id) if current.parent_id is not None else None
    return found


def attach_progress(rows: list[Row], period: ReportingPeriod) -> None:
    """The latest progress a lead unit reported up to this period, and what it reported in it."""
    reported = (RowReport.objects.filter(role=RowRole.LEAD, report__period__commune_id=period.commune_id,
                                         report__period__end__lte=period.end, report__submitted_at__isnull=False)
                .order_by("report__period__end", "pk")
                .values_list("assignment_id", "percent", "results", "report__period_id"))
    progress, results = {}, {}
    for assignment_id, percent, text, period_id in reported:
        if percent is not None:
            progress[assignment_id] = percent
        if period_id == period.pk and text.strip():
            results[assignment_id] = text.strip()
    for row in rows:
        row.progress = 100 if row.status.is_done else progress.get(row.pk)
        row.results = results.get(row.pk, "")


@dataclass(frozen=True)
class RowFilter:
    """What a count stands for; the same object filters the rows its link opens."""
    status: str = ""
    part: str = ""
    group: str = ""
    leader: int | None = None
    unit: int | None = None
    q: str = ""

    @classmethod
    def from_params(cls, params) -> "RowFilter":
        return cls(status=params.get("status", "") if params.get("status") in st.ORDER else "",
                   part=params.get("part", "")[:40], group=params.get("group", "")[:40],
                   leader=_int(params.get("leader")), unit=_int(params.get("unit")), q=params.get("q", "")[:200])

    def matches(self, row: Row) -> bool:
        return ((not self.status or row.status.code == self.status)
                and (not self.part or (row.part is not None and row.part.code == self.part))
                and (not self.group or (row.group is not None and row.group.code == self.group))
                and (self.leader is None or any(r.entry_id == self.leader for r in row.leaders))
                and (self.unit is None or any(r.entry_id == self.unit for r in row.units))
                and (not self.q or fold(self.q) in row.folded))

    def params(self) -> dict:
        values = {"status": self.status, "part": self.part, "group": self.group, "leader": self.leader,
                  "unit": self.unit, "q": self.q}
        return {k: v for k, v in values.items() if v not in ("", None)}

    def with_status(self, code: str) -> "RowFilter":
        return RowFilter(code, self.part, self.group, self.leader, self.unit, self.q)


def _int(value) -> int | None:
    return as_int(value)


def select(rows: list[Row], row_filter: RowFilter) -> list[Row]:
    return [r for r in rows if row_filter.matches(r)]


def counts(rows: list[Row]) -> Counter:
    return Counter(r.status.code for r in rows)


def overdue(rows: list[Row]) -> list[Row]:
    """Open and overdue, the longest overdue first."""
    late = [r for r in rows if r.status.code == st.OPEN_OVERDUE]
    return sorted(late, key=lambda r: (-r.status.days_overdue, r.task.order, r.assignment.order))


def due_between(rows: list[Row], start: date, end: date) -> list[Row]:
    """Open rows with a deadline or a milestone in [start, end]."""
    def dates(row):
        points = [date.fromisoformat(m) for m in row.assignment.milestones or []]
        return points + ([row.assignment.due] if row.assignment.due else [])
    return [r for r in rows if not r.status.is_done and any(start <= d <= end for d in dates(r))]


@dataclass
class Breakdown:
    """One table of counts: a line per part, group, leader or unit, each with its filter."""
    title: str
    key: str
    lines: list[tuple[str, RowFilter, Counter]] = field(default_factory=list)


def breakdowns(rows: list[Row]) -> list[Breakdown]:
    return [_by(rows, "Theo phần", "part", lambda r: [r.part] if r.part else [], lambda n: RowFilter(part=n.code)),
            _by(rows, "Theo nhóm nhiệm vụ", "group", lambda r: [r.group] if r.group else [],
                lambda n: RowFilter(group=n.code)),
            _by(rows, "Theo lãnh đạo chỉ đạo", "leader", lambda r: [x.entry for x in r.leaders if x.entry_id],
                lambda e: RowFilter(leader=e.pk)),
            _by(rows, "Theo đơn vị chủ trì", "unit", lambda r: [x.entry for x in r.units if x.entry_id],
                lambda e: RowFilter(unit=e.pk))]


def _by(rows, title, key, keys_of, filter_of) -> Breakdown:
    seen: dict[int, Any] = {}  # a directory entry, or a leader's position
    tally: dict[int, Counter[str]] = {}
    for row in rows:
        for item in keys_of(row):
            seen.setdefault(item.pk, item)
            tally.setdefault(item.pk, Counter())[row.status.code] += 1
    items = list(seen.values())
    if key in ("leader", "unit"):  # the heaviest load of overdue work first: who is late, on what
        items.sort(key=lambda e: (-tally[e.pk][st.OPEN_OVERDUE], e.name))
    return Breakdown(title, key, [(_label(item, key), filter_of(item), tally[item.pk]) for item in items])


def _label(item, key: str) -> str:
    if key == "part":
        return part_heading(item, f"Phần {item.number or item.code}")
    if key == "group":
        return f"{item.code} {item.title[:90]}{'…' if len(item.title) > 90 else ''}"
    return item.name
