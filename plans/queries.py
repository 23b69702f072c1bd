"""Data for the plan pages, read-only: the plans a user may see (tenancy decides, in accounts.tenancy), and a plan's
tree loaded for display in a fixed number of queries, whatever its size.

Another commune's plan or task is `theodoi.errors.NotFound`, which the middleware answers with a 404.
"""
from collections import defaultdict

from django.db.models import Count, Prefetch, Q, QuerySet

from accounts.tenancy import communes_for, visible, visible_one
from communes.models import DirectoryEntry, EntryCategory
from planparser.deadlines import describe_deadline
from planparser.textutil import fold
from theodoi.errors import NotFound
from theodoi.params import as_int

from .models import Assignment, AssignmentRef, Plan, RefRole, TaskNode

# The stored parse (Plan.parsed, the whole Plan JSON, hundreds of kilobytes) is shown only by the import preview and
# the version diff; every page that lists or looks up plans leaves it in the database. Reading it lazily costs one
# query on the rare page that needs it; reading it always cost seconds on a province's list of communes.
PARSE = "parsed"


def plans_for(user) -> QuerySet[Plan]:
    return visible(user, Plan.objects.defer(PARSE))


def current_plans(user) -> QuerySet[Plan]:
    """The plans in force (one version per commune and year) the user may see, with their commune."""
    return plans_for(user).filter(is_current=True).select_related("commune")


def plan_for(user, pk: int) -> Plan:
    return visible_one(user, Plan.objects.defer(PARSE).select_related("commune"), pk=pk)


def node_for(user, plan_pk: int, code: str) -> TaskNode:
    if as_int(plan_pk) is None:  # a path's digits past 64 bits: SQLite raises OverflowError on plan_id (a 500)
        raise NotFound("Không tìm thấy nhiệm vụ này trong xã/phường của bạn.")
    return visible_one(user, TaskNode.objects.select_related("plan").defer(f"plan__{PARSE}"), via="plan__commune",
                       plan_id=plan_pk, code=code)


def _assignments():
    refs = AssignmentRef.objects.select_related("entry")
    # "completions" (reports app) feeds the computed status shown beside every row.
    return Assignment.objects.prefetch_related("solutions", "completions", Prefetch("refs", queryset=refs))


def decorate(assignment: Assignment) -> Assignment:
    """Attach what templates show: refs split by role, and the deadline in words."""
    refs = list(assignment.refs.all())
    assignment.leaders = [r for r in refs if r.role == RefRole.LEADER]
    assignment.lead_units = [r for r in refs if r.role == RefRole.LEAD]
    assignment.coordinating_units = [r for r in refs if r.role == RefRole.COORDINATING]
    assignment.deadline_words = describe_deadline(assignment.deadline)
    return assignment


def plan_tree(plan: Plan) -> list[TaskNode]:
    nodes = list(plan.nodes.prefetch_related(Prefetch("assignments", queryset=_assignments())))
    children: defaultdict[int | None, list[TaskNode]] = defaultdict(list)
    for node in nodes:
        node.rows = [decorate(a) for a in node.assignments.all()]
        children[node.parent_id].append(node)
    for node in nodes:
        node.kids = children[node.id]
    return children[None]


def node_rows(node: TaskNode) -> list[Assignment]:
    return [decorate(a) for a in _assignments().filter(node=node)]


def entry_rows(entry) -> dict[str, list[Assignment]]:
    """The current plans' rows an entry leads, directs or coordinates, by role."""
    assignments = (_assignments().filter(refs__entry=entry, node__plan__is_current=True)
                   .select_related("node", "node__plan").defer("node__plan__parsed").distinct())
    by_role: dict[str, list[Assignment]] = {role: [] for role in RefRole.values}
    for assignment in assignments:
        decorate(assignment)
        roles = {r.role for r in assignment.refs.all() if r.entry_id == entry.id}
        for role in roles:
            by_role[role].append(assignment)
    return by_role


def directory_sections(user, query: str = "") -> list[tuple[str, list[DirectoryEntry]]]:
    """The directory of the user's communes by category, each entry with the current plans' rows it carries; `query`
    keeps the entries whose name (accents and case aside) or key contains it."""
    annotated = (DirectoryEntry.objects.filter(commune__in=communes_for(user))
                 .annotate(row_count=Count("refs__assignment",
                                           filter=Q(refs__assignment__node__plan__is_current=True), distinct=True)))
    needle = fold(query)
    entries = [e for e in annotated if not query or needle in fold(e.name) or needle in e.key]
    return [(label, [e for e in entries if e.category == value]) for value, label in EntryCategory.choices]
