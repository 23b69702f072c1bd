"""What next year's plan carries over from this year's: the rows, in this year's tree, renumbered.

The rows are judged at the end of the plan year, or today when the year has not ended yet (a draft is written in
December): the status is the Government Office's 4-way status of reports/status.py, from the completions the office
accepted (reports.queries.rates.status_of). Which rows go and how their deadlines move is nextyear/rules.py.
"""
from dataclasses import dataclass, field
from datetime import date

from arising.queries import origins
from arising.services.tree import ROOT_CODE as ARISING_ROOT
from plans.models import Assignment, NodeLevel, Plan, TaskNode
from plans.queries import plan_tree
from reports.queries.rates import row_statuses, status_of
from reports.rules import status as st
from theodoi import clock

from . import rules

_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class CarriedRow:
    row: Assignment
    reason: str
    status: st.RowStatus
    deadline: str
    solutions: list[str]
    leaders: str
    lead_units: str
    coordinating_units: str

    @property
    def reason_label(self) -> str:
        return rules.REASONS[self.reason]


@dataclass
class CarriedNode:
    node: TaskNode
    number: str
    rows: list[CarriedRow] = field(default_factory=list)
    children: list["CarriedNode"] = field(default_factory=list)
    title: str = ""

    def __post_init__(self) -> None:
        self.title = self.title or self.node.title


@dataclass
class Selection:
    plan: Plan
    judged_on: date
    parts: list[CarriedNode]

    @property
    def year(self) -> int:
        return self.plan.year + 1

    def lines(self) -> list[tuple[CarriedNode, CarriedRow | None]]:
        """The draft's table in document order: a heading alone, or a task with each of its rows."""
        found: list[tuple[CarriedNode, CarriedRow | None]] = []
        stack = list(reversed(self.parts))
        while stack:
            item = stack.pop()
            found += [(item, row) for row in item.rows] if item.rows else [(item, None)]
            stack += reversed(item.children)
        return found

    def rows(self) -> list[CarriedRow]:
        return [row for _, row in self.lines() if row is not None]

    def count(self, reason: str) -> int:
        return sum(1 for row in self.rows() if row.reason == reason)


def judged_on(plan: Plan, today: date | None = None) -> date:
    return min(today or clock.today(), date(plan.year, 12, 31))


def year_end_words(row: Assignment) -> str:
    """The row's 4-way status at the end of its year (or today, in a year still running), in Vietnamese."""
    return status_of(row, judged_on(row.node.plan)).label


def select(plan: Plan, today: date | None = None) -> Selection:
    day = judged_on(plan, today)
    statuses = row_statuses(plan, day)
    parts = _kept(plan_tree(plan), statuses, plan.year, origins(plan))
    for part in parts:
        if part.node.code == ARISING_ROOT:
            part.title = rules.arising_part_title(plan.year)
    return Selection(plan, day, _renumber(parts))


def _kept(nodes: list[TaskNode], statuses, year: int, sources: dict[int, str]) -> list[CarriedNode]:
    kept: list[CarriedNode] = []
    for node in nodes:
        rows = [r for r in (_carried(row, statuses[row.pk], year) for row in node.rows) if r]
        if node.pk in sources:  # an arising task has no solutions of its own: its basis is the document that gave it
            for row in rows:
                row.solutions = [sources[node.pk]]
        children = _kept(node.kids, statuses, year, sources)
        if rows or children:
            kept.append(CarriedNode(node, "", rows, children))
    return kept


def _renumber(items: list[CarriedNode], parent: CarriedNode | None = None) -> list[CarriedNode]:
    """Parts I, II …; groups 1, 2 … within their part; tasks 1.1, 1.2 … within their group: without gaps, as a new
    plan is numbered, since what stays behind leaves holes in this year's numbers."""
    for index, item in enumerate(items, start=1):
        if item.node.level == NodeLevel.PART:
            item.number = _ROMANS[index - 1] if index <= len(_ROMANS) else str(index)
        elif parent is None or parent.node.level == NodeLevel.PART:
            item.number = str(index)
        else:
            item.number = f"{parent.number}.{index}"
        _renumber(item.children, item)
    return items


def _carried(row: Assignment, status: st.RowStatus, year: int) -> CarriedRow | None:
    recurring = rules.is_recurring(row.deadline_kind, row.deadline_text, row.start, row.due, year)
    reason = rules.carry_reason(status.code, recurring)
    if reason is None:
        return None
    return CarriedRow(row, reason, status, rules.moved_deadline(row.deadline_text, row.deadline_kind, year),
                      [_solution(s) for s in row.solutions.all()], _names(row.leaders),
                      _names(row.lead_units), _names(row.coordinating_units))


def _solution(solution) -> str:
    return f"{solution.number} {solution.text}" if solution.number else solution.text


def _names(refs) -> str:
    """Names as the directory prints them, so next year's import resolves them to the same entries."""
    return ", ".join(ref.entry.name if ref.entry_id else ref.text for ref in refs)
