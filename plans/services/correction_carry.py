"""A new version keeps the office's corrections (item 3 of issue 13).

Each correction in force on the old version is looked for on the new version's matching row, task or indicator
(task code and row order, indicator code: the keys carry_over and the diff use):
- the new text still says what the correction replaced: the correction is applied again;
- the new text already says what the correction says: the document caught up, nothing to do;
- the new text says something else: a conflict, listed on the change page until the office chooses.
"""
from audit.services import log_action

from ..models import Anomaly, Correction, CorrectionStatus, Plan
from .correction_fields import FIELDS
from .corrections import _data, locate

_CARRIED = (CorrectionStatus.APPLIED, CorrectionStatus.KEPT, CorrectionStatus.CONFLICT)


def carry_corrections(old: Plan, new: Plan) -> dict[str, int]:
    counts = {"reapplied": 0, "conflicts": 0, "settled_by_document": 0, "unmatched": 0}
    already = set(new.corrections.values_list("pk", flat=True)) | set(
        new.corrections.exclude(carried_from=None).values_list("carried_from_id", flat=True))
    for correction in old.corrections.filter(status__in=_CARRIED).order_by("created_at", "pk"):
        # Withdrawing a version brings back the one it replaced, which still has the originals.
        if correction.carried_from_id in already or correction.pk in already:
            continue
        counts[_carry(correction, new)] += 1
    return counts


def _carry(correction: Correction, new: Plan) -> str:
    spec = FIELDS[correction.field]
    obj = locate(new, correction.target, correction.code, correction.row_order)
    if obj is None:
        return "unmatched"
    printed = spec.current(obj)
    if spec.same(printed, correction.new_value):
        return "settled_by_document"
    # A pending conflict replaced the old version's own printed text: that is what the new text is compared with.
    replaced = correction.old_value
    status = CorrectionStatus.APPLIED if spec.same(printed, replaced) else CorrectionStatus.CONFLICT
    carried = Correction.objects.create(
        plan=new, target=correction.target, code=correction.code, row_order=correction.row_order,
        field=correction.field, old_value=printed, new_value=correction.new_value, reason=correction.reason,
        status=status, carried_from=correction, created_by=correction.created_by)
    if status == CorrectionStatus.CONFLICT:
        return "conflicts"
    spec.apply(obj, correction.new_value)
    _resolve_like(correction, carried)
    log_action("plan.correction_reapplied", obj, commune=new.commune,
               changes={correction.field: [printed, correction.new_value]}, data=_data(carried, from_version=
                                                                                      correction.plan.version))
    return "reapplied"


def _resolve_like(correction: Correction, carried: Correction) -> None:
    """The new version's copy of an anomaly the correction settled is settled too."""
    for anomaly in correction.resolved_anomalies.all():
        Anomaly.objects.filter(plan=carried.plan, kind=anomaly.kind, where=anomaly.where, message=anomaly.message,
                               resolved_by=None).update(resolved_by=carried)


def conflicts(plan: Plan) -> list[dict]:
    """The change page's list: both values in words, for the office to choose."""
    from .corrections import describe_place

    rows = []
    for c in plan.corrections.filter(status=CorrectionStatus.CONFLICT).order_by("code", "row_order", "pk"):
        spec = FIELDS[c.field]
        rows.append({"correction": c, "place": describe_place(c.target, c.code, c.row_order), "label": spec.label,
                     "corrected": spec.words(c.new_value), "new_text": spec.words(c.old_value)})
    return rows
