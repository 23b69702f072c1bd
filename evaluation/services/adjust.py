"""The writes of the evaluation: a person's inputs (judgements), a row's assessment and an override of a level; each
one audited."""
from django.db import transaction

from audit.services import log_action
from plans.models import Plan

from ..models import LeaderJudgement, LevelOverride, RowAssessment

JUDGEMENT_FIELDS = ("quality_ok", "exceeding_percent", "conduct_ok", "general_points", "months_worked", "months_off",
                    "degraded", "discipline", "corruption_in_body", "capacity_percent", "excellent_exception", "note")
_TEXT_FIELDS = {"discipline", "excellent_exception", "note"}
ROW_FIELDS = ("quality_not_met", "objective_cause", "note")


def save_override(plan: Plan, kind: str, subject_id: int, proposed: str | None, level: str, reason: str,
                  user) -> LevelOverride:
    reason = reason.strip()
    if not reason:
        raise ValueError("Cần ghi lý do điều chỉnh.")
    with transaction.atomic():
        previous = LevelOverride.objects.filter(plan=plan, kind=kind, subject_id=subject_id).first()
        override, _ = LevelOverride.objects.update_or_create(
            plan=plan, kind=kind, subject_id=subject_id,
            defaults={"level": level, "reason": reason, "proposed": proposed or "", "decided_by": user})
        log_action("evaluation.overridden", override, user=user, data={
            "kind": kind, "subject_id": subject_id, "proposed": proposed, "level": level, "reason": reason,
            "previous": previous.level if previous else None})
    return override


def clear_override(plan: Plan, kind: str, subject_id: int, reason: str, user) -> None:
    with transaction.atomic():
        override = LevelOverride.objects.filter(plan=plan, kind=kind, subject_id=subject_id).first()
        if override is None:
            return
        log_action("evaluation.override_cleared", override, user=user,
                   data={"kind": kind, "subject_id": subject_id, "level": override.level, "reason": reason.strip()})
        override.delete()


def save_judgement(plan: Plan, kind: str, subject_id: int, values: dict, user) -> LeaderJudgement:
    with transaction.atomic():
        judgement, created = LeaderJudgement.objects.get_or_create(
            plan=plan, kind=kind, subject_id=subject_id, defaults={"note": values.get("note", ""), "updated_by": user})
        # Only the fields the form showed: an input that does not apply to this kind of subject is left alone.
        changes = _apply(judgement, {k: v for k, v in values.items() if k in JUDGEMENT_FIELDS}, created, user)
        log_action("evaluation.judged", judgement, user=user, changes=changes,
                   data={"kind": kind, "subject_id": subject_id})
    return judgement


def save_row_assessment(plan: Plan, assignment, values: dict, user) -> RowAssessment:
    with transaction.atomic():
        assessment, created = RowAssessment.objects.get_or_create(
            assignment=assignment, defaults={"plan": plan, "note": values.get("note", ""), "updated_by": user})
        changes = _apply(assessment, {k: v for k, v in values.items() if k in ROW_FIELDS}, created, user)
        log_action("evaluation.row_assessed", assessment, user=user, changes=changes,
                   data={"assignment_id": assignment.pk, "task": assignment.node.code, "row": assignment.order})
    return assessment


def _apply(obj, values: dict, created: bool, user) -> dict:
    before = {name: _plain(getattr(obj, name)) for name in values}
    for name, value in values.items():
        setattr(obj, name, (value or "") if name in _TEXT_FIELDS | {"objective_cause"} else value)
    obj.updated_by = user
    obj.save()
    after = {name: _plain(getattr(obj, name)) for name in values}
    return {k: [None if created else before[k], after[k]] for k in after if created or before[k] != after[k]}


def _plain(value):
    return str(value) if value is not None and not isinstance(value, (bool, int, str)) else value
