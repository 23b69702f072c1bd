"""Who may change the evaluation; reading it is open to every user of the commune (scoped by plans.queries)."""
from accounts.models import Role

from .models import SubjectKind


def can_override(user) -> bool:
    """The level is the Chairman's decision, prepared by the office."""
    return user.can_manage_plan or user.role == Role.CHAIRMAN


def can_judge(user) -> bool:
    """Judgement inputs (quality, exceeding, conduct, general points) come from the leaders, and the office records
    them on their behalf."""
    return can_override(user) or user.role == Role.VICE_CHAIRMAN


def can_judge_subject(user, evaluation, subject) -> bool:
    """A Vice-Chairman judges only the units and officials of rows they direct, never a leader (themselves included):
    leaders are judged by the Chairman."""
    if can_override(user):
        return True
    if not can_judge(user) or subject.kind == SubjectKind.LEADER:
        return False
    directed = evaluation.facts.directed.get(user.position_id, set())
    return any(row.assignment.pk in directed for row in subject.figures.rows)


def judgeable(user, evaluation) -> list:
    """The subjects whose judgement the user may enter, for the links on the pages."""
    return [s for _, _, subjects, _ in evaluation.groups() for s in subjects
            if can_judge_subject(user, evaluation, s)]


def can_assess_row(user, evaluation, row_pk: int) -> bool:
    """A row's quality and objective cause are recorded by the office or the Chairman, or by the Vice-Chairman
    who directs it."""
    if can_override(user):
        return True
    return user.role == Role.VICE_CHAIRMAN and row_pk in evaluation.facts.directed.get(user.position_id, set())
