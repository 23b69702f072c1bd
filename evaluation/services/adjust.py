"""The two writes of the evaluation: a leader's judgement inputs and an override of a level; each one audited."""
from django.db import transaction

from audit.services import log_action
from plans.models import Plan

from ..models import LeaderJudgement, LevelOverride

JUDGEMENT_FIELDS = ("quality_ok", "exceeding_percent", "conduct_ok", "general_points", "note")


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
        before = {name: _plain(getattr(judgement, name)) for name in JUDGEMENT_FIELDS}
        for name in JUDGEMENT_FIELDS:
            setattr(judgement, name, values.get(name))
        judgement.updated_by = user
        judgement.save()
        after = {name: _plain(getattr(judgement, name)) for name in JUDGEMENT_FIELDS}
        changes = {k: [None if created else before[k], after[k]] for k in after if created or before[k] != after[k]}
        log_action("evaluation.judged", judgement, user=user, changes=changes,
                   data={"kind": kind, "subject_id": subject_id})
    return judgement


def _plain(value):
    return str(value) if value is not None and not isinstance(value, (bool, int, str)) else value
