"""A new version of a plan keeps what the year has already recorded against the old one.

Rows are matched by task code and row order, indicators by code: the same keys the version diff uses.
Indicator values, their entry history and lead units move to the new indicator. The apps above plans carry their
own records as receivers of plans.signals (arising its PS rows first, then reports its completions and drafts),
so plans never reaches up into them. Whatever has no counterpart in the new version stays with the old one and is
counted, never dropped. The office's corrections are applied again where the new text still says what they
replaced (correction_carry).
"""
from typing import cast

from ..models import Assignment, Plan
from ..signals import plan_replaced, plan_rows_carrying
from .correction_carry import carry_corrections


def _row_map(old: Plan, new: Plan) -> dict[int, int]:
    new_rows = {(a.node.code, a.order): a.pk for a in Assignment.objects.filter(node__plan=new).select_related("node")}
    return {a.pk: new_rows[(a.node.code, a.order)]
            for a in Assignment.objects.filter(node__plan=old).select_related("node")
            if (a.node.code, a.order) in new_rows}


def carry_over(old: Plan, new: Plan) -> dict[str, int | dict[str, int]]:
    # First: the rows added then match by code like the plan's. Receivers answer {name: count} for the audit entry.
    carrying = plan_rows_carrying.send(sender=Plan, old=old, new=new)
    rows = _row_map(old, new)
    counts: dict[str, int | dict[str, int]] = {}
    for _receiver, answer in [*carrying, *plan_replaced.send(sender=Plan, old=old, new=new, rows=rows)]:
        # django-stubs types a receiver's answer as str | None; plan_replaced's receivers return {name: count}.
        counts.update(cast(dict[str, int] | None, answer) or {})
    return {**counts, "indicators": _indicators(old, new),
            "unmatched_rows": Assignment.objects.filter(node__plan=old).count() - len(rows),
            "corrections": carry_corrections(old, new)}


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
