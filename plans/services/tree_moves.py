"""Moving a task to another place in the plan's tree, and keeping the tree's reading order after it."""
import re

from ..models import NodeLevel, TaskNode
from .correction_errors import CorrectionInputError


def check_move(node: TaskNode, parent: TaskNode | None, number: str) -> None:
    if parent is not None and (parent.pk == node.pk or _is_below(parent, node)):
        raise CorrectionInputError(f"Nhiệm vụ {node.code}: không thể chuyển vào chính nó hoặc nhiệm vụ con của nó.")
    if not number.strip():
        raise CorrectionInputError(f"Nhiệm vụ {node.code}: cần ghi số thứ tự mới (ví dụ «4.6»).")
    siblings = TaskNode.objects.filter(plan=node.plan, parent=parent).exclude(pk=node.pk)
    if siblings.filter(number=number.strip()).exists():
        where = parent.code if parent else "gốc cây"
        raise CorrectionInputError(f"Nhiệm vụ {node.code}: trong {where} đã có nhiệm vụ số {number.strip()}.")


def _is_below(candidate: TaskNode, node: TaskNode) -> bool:
    above: TaskNode | None = candidate
    while above is not None:
        if above.parent_id == node.pk:
            return True
        above = above.parent
    return False


def parent_choices(node: TaskNode):
    """Parts and groups a task may go under (never itself or what hangs from it)."""
    return [n for n in node.plan.nodes.exclude(level=NodeLevel.TASK).select_related("parent")
            if n.pk != node.pk and not _is_below(n, node)]


def move(node: TaskNode, parent_code: str | None, number: str) -> None:
    node.parent = node.plan.nodes.get(code=parent_code) if parent_code else None
    node.number = number.strip()[:20]
    node.save(update_fields=["parent", "number"])
    renumber(node.plan)


def renumber(plan) -> None:
    """Reading order again after a move: depth first, siblings by their printed number (4.5 before 4.10)."""
    nodes = list(plan.nodes.all())
    children: dict = {}
    for n in nodes:
        children.setdefault(n.parent_id, []).append(n)
    ordered: list = []

    def walk(parent_id):
        for child in sorted(children.get(parent_id, []), key=lambda n: (_number_key(n.number), n.order)):
            ordered.append(child)
            walk(child.pk)

    walk(None)
    for position, n in enumerate(ordered, start=1):
        n.order = position
    # Order is bookkeeping for display: no audit entry per node, the move itself is logged.
    TaskNode.objects.bulk_update(ordered, ["order"])


def _number_key(number: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.\s]+", number or "") if p)
