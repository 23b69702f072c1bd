"""Arising tasks as plan rows: one "PS" part at the end of the plan's tree, one "PS.n" task per arising task.

Being ordinary TaskNode and Assignment rows is what makes reporting, chasing, the 4-way status, the monthly report
and the evaluation count them with no path of their own (issue 13, shared design).
"""
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max

from communes.models import DirectoryEntry
from plans.models import Assignment, AssignmentRef, NodeLevel, Plan, RefRole, TaskNode

ROOT_CODE = "PS"
ROOT_TITLE = "Nhiệm vụ phát sinh trong năm"


@dataclass
class RowData:
    """One arising task's row: the entries picked or resolved, the deadline as read by parse_deadline."""
    title: str
    deadline: dict
    output: str = ""
    leaders: list[DirectoryEntry] = field(default_factory=list)
    lead_units: list[DirectoryEntry] = field(default_factory=list)
    coordinating_units: list[DirectoryEntry] = field(default_factory=list)
    # The names as printed in a notice, entry by entry; a picked entry is named by its directory name.
    printed: dict[int, str] = field(default_factory=dict)


def root_of(plan: Plan) -> TaskNode:
    root = plan.nodes.filter(code=ROOT_CODE, parent=None).first()
    if root:
        return root
    return TaskNode.objects.create(plan=plan, parent=None, level=NodeLevel.PART, number=ROOT_CODE, code=ROOT_CODE,
                                   title=ROOT_TITLE, order=_next_order(plan))


def _next_order(plan: Plan) -> int:
    return (plan.nodes.aggregate(top=Max("order"))["top"] or 0) + 1


def add_node(plan: Plan, row: RowData, number: str | None = None) -> TaskNode:
    """number: kept when a task is carried to a new version, so its code (PS.3) still names the same task."""
    root = root_of(plan)
    number = number or str(_next_number(root))
    node = TaskNode.objects.create(plan=plan, parent=root, level=NodeLevel.TASK, number=str(number),
                                   code=f"{ROOT_CODE}.{number}", title=row.title, order=_next_order(plan))
    store_row(node, row)
    return node


def _next_number(root: TaskNode) -> int:
    numbers = [int(c.code.split(".")[-1]) for c in root.children.all() if c.code.split(".")[-1].isdigit()]
    return max(numbers, default=0) + 1


def store_row(node: TaskNode, row: RowData) -> Assignment:
    deadline = row.deadline
    assignment = Assignment.objects.create(
        node=node, order=1, deadline_text=deadline["text"][:300], deadline_kind=deadline["kind"],
        due=_date(deadline.get("due")), start=_date(deadline.get("start")),
        milestones=deadline.get("milestones") or [], recurrence=deadline.get("recurrence") or "",
        by_solution=deadline.get("by_solution"), output=row.output)
    roles = ((RefRole.LEADER, row.leaders), (RefRole.LEAD, row.lead_units), (RefRole.COORDINATING,
                                                                           row.coordinating_units))
    AssignmentRef.objects.bulk_create(
        AssignmentRef(assignment=assignment, role=role, order=i, text=row.printed.get(e.pk, e.name)[:300], entry=e)
        for role, entries in roles for i, e in enumerate(entries, start=1))
    return assignment


def _date(value) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if value else None
