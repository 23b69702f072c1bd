"""Rows linked across years: a row of next year's plan continues the same row of this year's plan.

Set at import, never guessed. A task of the new plan is matched only to a task of the same commune's current plan of
the year before whose title is exactly the same once normalised (Unicode NFC, case, white space, end punctuation);
within that task, a row is matched by exactly the same solutions, or, when both tasks have a single row, by the task
alone. Nothing else links: a reworded task stays unlinked, and a title that two tasks of last year share is an
anomaly for a person to settle, not a choice made here.

The status of a row at the end of its year is the reports app's rule, above plans; reports' neighbour registers it
with `register_year_end_status` from its AppConfig.ready() (as correction fields are registered).
"""
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from planparser.textutil import squash

from ..models import Anomaly, Assignment, Plan, TaskNode

ANOMALY_KIND = "year_link"
_MAX_YEARS = 30  # a chain longer than a working life is a data error, not history
_status_providers: list[Callable[[Assignment], str]] = []


def register_year_end_status(provider: Callable[[Assignment], str]) -> None:
    """provider(row) -> the row's status at the end of its plan year, in Vietnamese."""
    if provider not in _status_providers:
        _status_providers.append(provider)


def normalized(text: str) -> str:
    return squash(text or "").casefold().strip(" .;:,")


def previous_plan(plan: Plan) -> Plan | None:
    return Plan.objects.filter(commune_id=plan.commune_id, year=plan.year - 1, is_current=True).first()


def link_to_previous_year(plan: Plan) -> int:
    """Link the rows of `plan` to last year's; returns how many were linked. Runs inside the import's transaction."""
    previous = previous_plan(plan)
    if previous is None:
        return 0
    earlier = _tasks_by_title(previous)
    links: list[Assignment] = []
    problems: list[tuple[str, str]] = []
    for node in _tasks(plan):
        candidates = earlier.get(normalized(node.title), [])
        if len(candidates) > 1:
            problems.append((node.code, _many_tasks(node, candidates, previous.year)))
        elif candidates:
            links += _link_rows(node, candidates[0], problems)
    Assignment.objects.bulk_update(links, ["carried_from"])
    _store_problems(plan, problems)
    return len(links)


def _tasks(plan: Plan) -> Iterable[TaskNode]:
    return plan.nodes.filter(assignments__isnull=False).distinct().prefetch_related("assignments__solutions")


def _tasks_by_title(plan: Plan) -> dict[str, list[TaskNode]]:
    found: dict[str, list[TaskNode]] = defaultdict(list)
    for node in _tasks(plan):
        found[normalized(node.title)].append(node)
    return found


def _solutions_key(row: Assignment) -> str:
    return normalized(" ".join(s.text for s in row.solutions.all()))


def _link_rows(node: TaskNode, earlier: TaskNode, problems: list[tuple[str, str]]) -> list[Assignment]:
    rows, old_rows = list(node.assignments.all()), list(earlier.assignments.all())
    linked = []
    for row in rows:
        same = [old for old in old_rows if _solutions_key(old) == _solutions_key(row)]
        if len(same) > 1:
            problems.append((node.code, f"Dòng {row.order} của nhiệm vụ {node.code} có cùng giải pháp với "
                                        f"{len(same)} dòng của nhiệm vụ {earlier.code} năm {earlier.plan.year}; "
                                        "chưa nối với năm trước, cần người kiểm tra."))
            continue
        if not same and len(rows) == len(old_rows) == 1:
            same = old_rows
        if same:
            row.carried_from = same[0]
            linked.append(row)
    return linked


def _many_tasks(node: TaskNode, candidates: list[TaskNode], year: int) -> str:
    codes = ", ".join(c.code for c in candidates)
    return (f"Nhiệm vụ {node.code} trùng nội dung với {len(candidates)} nhiệm vụ của kế hoạch năm {year} "
            f"({codes}); chưa nối với năm trước, cần người chọn.")


def _store_problems(plan: Plan, problems: list[tuple[str, str]]) -> None:
    start = plan.anomalies.count()
    Anomaly.objects.bulk_create(
        Anomaly(plan=plan, kind=ANOMALY_KIND, where=where[:120], message=message, order=start + index)
        for index, (where, message) in enumerate(problems, start=1))


@dataclass(frozen=True)
class YearStep:
    """One earlier year of a row: where it was and how it ended."""
    year: int
    plan_id: int
    code: str
    row_order: int
    status: str


def history(row: Assignment) -> list[YearStep]:
    """The row's earlier years, the most recent first."""
    steps: list[YearStep] = []
    seen = {row.pk}
    earlier = _earlier(row)
    while earlier is not None and earlier.pk not in seen and len(steps) < _MAX_YEARS:
        seen.add(earlier.pk)
        steps.append(YearStep(earlier.node.plan.year, earlier.node.plan_id, earlier.node.code, earlier.order,
                              _year_end_status(earlier)))
        earlier = _earlier(earlier)
    return steps


def _earlier(row: Assignment) -> Assignment | None:
    if row.carried_from_id is None:
        return None
    # The stored parse of each earlier year is hundreds of kilobytes (plans.queries): never loaded for a history line.
    return (Assignment.objects.select_related("node__plan").defer("node__plan__parsed")
            .prefetch_related("completions").get(pk=row.carried_from_id))


def _year_end_status(row: Assignment) -> str:
    return "; ".join(provider(row) for provider in _status_providers)
