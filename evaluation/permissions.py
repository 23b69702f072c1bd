"""Who may change the evaluation; reading it is open to every user of the commune (scoped by plans.services.access)."""
from accounts.models import Role


def can_override(user) -> bool:
    """The level is the Chairman's decision, prepared by the office."""
    return user.can_manage_plan or user.role == Role.CHAIRMAN


def can_judge(user) -> bool:
    """Judgement inputs (quality, exceeding, conduct, general points) come from the leaders, and the office records
    them on their behalf."""
    return can_override(user) or user.role == Role.VICE_CHAIRMAN
