"""Correcting an imported plan in the app: one transaction, one Correction, one audit entry with the reason.

The audit entry carries the task code, row and year, so a task's page finds its corrections in every version.
"""
from django.db import transaction

from audit.models import LogEntry
from audit.services import log_action

from ..models import Anomaly, Correction, CorrectionStatus, Plan
from .correction_fields import FIELDS, CorrectionInputError, logged_words

ACTIONS = {"row": "plan.row_corrected", "task": "plan.task_corrected", "indicator": "plan.indicator_corrected"}
CHOICE_ACTIONS = {"keep": "plan.correction_kept", "take_new": "plan.correction_dropped"}
HISTORY_ACTIONS = (*ACTIONS.values(), *CHOICE_ACTIONS.values(), "plan.correction_reapplied")


def locate(plan: Plan, target: str, code: str, row_order: int | None):
    """The corrected object in this version, or None when the version has no such row, task or indicator."""
    if target == "indicator":
        return plan.indicators.filter(code=code).first()
    node = plan.nodes.filter(code=code).first()
    if target == "task" or node is None:
        return node
    return node.assignments.filter(order=row_order).first() if row_order is not None else None


def address(obj) -> tuple[str, str, int | None]:
    """(target, code, row order) of a row, a task or an indicator."""
    if hasattr(obj, "node_id"):
        return "row", obj.node.code, obj.order
    if hasattr(obj, "level"):
        return "task", obj.code, None
    return "indicator", obj.code, None


def plan_of(obj) -> Plan:
    return obj.node.plan if hasattr(obj, "node_id") else obj.plan


def correct(user, obj, field: str, new_value, reason: str) -> Correction:
    spec, plan = FIELDS[field], plan_of(obj)
    target, code, row = address(obj)
    if not plan.is_current:
        raise CorrectionInputError(f"Phiên bản {plan.version} không còn áp dụng; chỉ sửa trên phiên bản hiện hành.")
    with transaction.atomic():
        old = spec.current(obj)
        if spec.same(old, new_value):
            raise CorrectionInputError(f"{describe_place(target, code, row)}: nội dung mới giống nội dung đang có; "
                                       "không có gì để sửa.")
        spec.apply(obj, new_value)
        correction = Correction.objects.create(
            plan=plan, target=target, code=code, row_order=row, field=field, old_value=old, new_value=new_value,
            reason=reason.strip(), created_by=user if user and user.is_authenticated else None)
        resolved = resolve_anomalies(correction)
        log_action(ACTIONS[target], obj, user=user, changes={field: [old, new_value]},
                   data=_data(correction, resolved=resolved))
    return correction


def _data(correction: Correction, **extra) -> dict:
    """The entry's data; "words" says the change as the office reads it, so the audit app (below plans) shows it
    without asking plans how a field is said."""
    words = logged_words(correction.field, correction.old_value, correction.new_value)
    return {"correction": correction.pk, "plan": correction.plan_id, "version": correction.plan.version,
            "year": correction.plan.year, "target": correction.target, "code": correction.code,
            "row": correction.row_order, "field": correction.field, "reason": correction.reason,
            "words": {correction.field: words}, **extra}


def describe_place(target: str, code: str, row: int | None) -> str:
    if target == "indicator":
        return f"Chỉ tiêu {code}"
    return f"Nhiệm vụ {code}, dòng {row}" if row else f"Nhiệm vụ {code}"


def resolve_anomalies(correction: Correction) -> list[int]:
    """Anomalies of the corrected place whose kind the field settles ("Đã sửa" beside them)."""
    kinds = FIELDS[correction.field].anomaly_kinds
    places: set[str | None] = {correction.code}
    if correction.field == "place":
        # A gap in a group's numbering ("sau 3 là 4.5") is reported on the group the renumbered task leaves or joins.
        places |= {(v or {}).get("parent") for v in (correction.old_value, correction.new_value)} - {None}
    found = [a.pk for a in correction.plan.anomalies.filter(kind__in=kinds, resolved_by=None)
             if _place_of(a.where) in places]
    Anomaly.objects.filter(pk__in=found).update(resolved_by=correction)
    return found


def _place_of(where: str) -> str:
    """"I.4.2 (dòng 131)" -> I.4.2; "Phụ lục I, I.4" -> I.4 (the code the anomaly is about)."""
    where = (where or "").strip()
    if where.startswith("Phụ lục"):
        return where.rsplit(",", 1)[-1].strip() if "," in where else ""
    return where.split(" ", 1)[0]


def choose(user, correction: Correction, choice: str, reason: str) -> Correction:
    """The office settles a conflict with the new version's text: keep the correction, or take the new text."""
    with transaction.atomic():
        correction = Correction.objects.select_for_update().select_related("plan").get(pk=correction.pk)
        if correction.status != CorrectionStatus.CONFLICT:
            raise CorrectionInputError(f"{describe_place(correction.target, correction.code, correction.row_order)}:"
                                       " xung đột này đã được xử lý.")
        obj = locate(correction.plan, correction.target, correction.code, correction.row_order)
        if choice == "keep":
            FIELDS[correction.field].apply(obj, correction.new_value)
            correction.status = CorrectionStatus.KEPT
        else:
            correction.status = CorrectionStatus.DROPPED
        correction.save(update_fields=["status"])
        resolved = resolve_anomalies(correction) if choice == "keep" else []
        log_action(CHOICE_ACTIONS[choice], obj or correction.plan, user=user, commune=correction.plan.commune,
                   changes={correction.field: [correction.old_value, correction.new_value]},
                   data=_data(correction, choice_reason=reason.strip(), resolved=resolved))
    return correction


def corrected_places(plan: Plan) -> dict[tuple, list[Correction]]:
    """(code, row order or None) -> the corrections in force there, for marking the plan's page."""
    places: dict = {}
    for c in plan.corrections.filter(status__in=(CorrectionStatus.APPLIED, CorrectionStatus.KEPT)):
        places.setdefault((c.target, c.code, c.row_order), []).append(c)
    return places


def history(plan: Plan, code: str) -> list[LogEntry]:
    """Every correction of a task and its rows, in every version of the year, from the audit trail."""
    return list(LogEntry.objects.filter(commune_id=plan.commune_id, action__in=HISTORY_ACTIONS, data__year=plan.year,
                                        data__code=code, data__target__in=("row", "task")).order_by("created_at", "pk"))


def history_words(entry: LogEntry) -> dict:
    """One audit entry of a correction as the row's page shows it."""
    data = entry.data
    spec = FIELDS.get(data.get("field"))
    old, new = (entry.changes.get(data.get("field")) or [None, None])[:2]
    return {"when": entry.created_at, "who": entry.actor_label, "action": entry.action, "row": data.get("row"),
            "version": data.get("version"), "label": spec.label if spec else data.get("field"),
            "old": spec.words(old) if spec and old is not None else "—",
            "new": spec.words(new) if spec and new is not None else "—",
            "reason": data.get("choice_reason") or data.get("reason", "")}
