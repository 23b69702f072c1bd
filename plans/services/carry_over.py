"""A new version of a plan keeps what the year has already recorded against the old one.

Rows are matched by task code and row order, indicators by code: the same keys the version diff uses.
Accepted completions are copied (the old version keeps its own history); indicator values, their entry
history and lead units move to the new indicator; reports still being written follow the new rows.
Whatever has no counterpart in the new version stays with the old one and is counted, never dropped.
The office's corrections are applied again where the new text still says what they replaced (correction_carry).
"""
from django.apps import apps

from ..models import Assignment, Plan
from .correction_carry import carry_corrections


def _row_map(old: Plan, new: Plan) -> dict[int, int]:
    new_rows = {(a.node.code, a.order): a.pk for a in Assignment.objects.filter(node__plan=new).select_related("node")}
    return {a.pk: new_rows[(a.node.code, a.order)]
            for a in Assignment.objects.filter(node__plan=old).select_related("node")
            if (a.node.code, a.order) in new_rows}


def carry_over(old: Plan, new: Plan) -> dict[str, int]:
    apps.get_app_config("arising").carry_over(old, new)  # first: its PS rows then match by code like the plan's
    rows = _row_map(old, new)
    return {"completions": _completions(rows), "indicators": _indicators(old, new), "drafts": _drafts(old, new, rows),
            "unmatched_rows": Assignment.objects.filter(node__plan=old).count() - len(rows),
            "corrections": carry_corrections(old, new)}


def _completions(rows: dict[int, int]) -> int:
    Completion = apps.get_model("reports", "Completion")
    copies = [Completion(assignment_id=rows[c.assignment_id], milestone=c.milestone, completed_on=c.completed_on,
                         report_id=c.report_id, accepted_on=c.accepted_on)
              for c in Completion.objects.filter(assignment_id__in=rows.keys())]
    Completion.objects.bulk_create(copies, ignore_conflicts=True)
    return len(copies)


def _indicators(old: Plan, new: Plan) -> int:
    new_by_code = {i.code: i for i in new.indicators.all()}
    moved = 0
    for indicator in old.indicators.all():
        target = new_by_code.get(indicator.code)
        if target is None:
            continue
        moved += indicator.values.update(indicator=target)
        indicator.entries.update(indicator=target)
        if indicator.lead_unit_id and not target.lead_unit_id:
            type(target).objects.filter(pk=target.pk).update(lead_unit_id=indicator.lead_unit_id)
    return moved


def _drafts(old: Plan, new: Plan, rows: dict[int, int]) -> int:
    """Reports not yet submitted are re-pointed at the new rows; submitted ones document the old version."""
    UnitReport = apps.get_model("reports", "UnitReport")
    drafts = UnitReport.objects.filter(plan=old, state__in=("draft", "returned"))
    for report in drafts:
        for row in report.rows.filter(assignment_id__in=rows.keys()):
            type(row).objects.filter(pk=row.pk).update(assignment_id=rows[row.assignment_id])
    return drafts.update(plan=new)
