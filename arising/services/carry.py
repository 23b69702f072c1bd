"""A new version of the plan keeps the year's arising tasks: the PS subtree is copied into it with its links (and a
withdrawal gives back to the version current again the tasks added to the withdrawn one).

Called first by plans.services.carry_over (through the app registry), so the copied rows keep their codes and row
order and are then matched like every plan row: accepted completions copied, drafts re-pointed. The old version keeps
its own PS rows and links, as it keeps its own history.
"""
from plans.models import Plan

from ..models import ArisingTask
from .tree import RowData, add_node


def carry_arising(old: Plan, new: Plan) -> int:
    """Copy the arising tasks `new` lacks, by code. A new version lacks them all; a version made current again by a
    withdrawal (plans.services.versions.withdraw) already has its own, and lacks only those added to the withdrawn
    version meanwhile, which would otherwise stay behind on a version nobody tracks any more."""
    present = set(ArisingTask.objects.filter(node__plan=new).values_list("node__code", flat=True))
    links = [link for link in ArisingTask.objects.filter(node__plan=old).select_related("node", "source")
             .order_by("node__order") if link.node.code not in present]
    for link in links:
        node = add_node(new, _row_of(link.node), link.node.number)
        ArisingTask.objects.create(node=node, source=link.source, where=link.where, created_by=link.created_by)
    return len(links)


def _row_of(node) -> RowData:
    assignment = node.assignments.prefetch_related("refs__entry").first()
    row = RowData(title=node.title, deadline=assignment.deadline | {"due": assignment.due, "start": assignment.start},
                  output=assignment.output)
    fields = {"leader": row.leaders, "lead": row.lead_units, "coordinating": row.coordinating_units}
    for ref in assignment.refs.all():
        if ref.entry_id:
            fields[ref.role].append(ref.entry)
            row.printed[ref.entry_id] = ref.text
    return row
