"""Next year's draft for one plan: who may draft it, what it carries, and the audited export."""
from dataclasses import dataclass
from datetime import date

from accounts.tenancy import require_plan_manager
from audit.services import log_action
from plans.queries import plan_for

from .. import rules
from ..exports.appendix import Appendix, appendix
from ..exports.document import draft_docx
from ..queries import Selection, select


@dataclass
class Draft:
    selection: Selection
    appendix: Appendix

    @property
    def unfinished(self) -> int:
        return self.selection.count(rules.UNFINISHED)

    @property
    def recurring(self) -> int:
        return self.selection.count(rules.RECURRING)

    @property
    def indicators(self) -> int:
        """Every indicator the appendix writes, components included."""
        return self.appendix.count


def draft_for(user, plan_pk: int, today: date) -> Draft:
    """Another commune's plan is a 404 (plan_for); within the commune, only the office drafts plans (403)."""
    plan = plan_for(user, plan_pk)
    require_plan_manager(user, plan.commune)
    return Draft(select(plan, today), appendix(plan))


def export(draft: Draft, user, today: date) -> bytes:
    content = draft_docx(draft.selection, draft.appendix, today)
    log_action("plan.next_year_drafted", draft.selection.plan, user=user, data={
        "year": draft.selection.year, "judged_on": draft.selection.judged_on.isoformat(),
        "unfinished": draft.unfinished, "recurring": draft.recurring, "indicators": draft.indicators})
    return content
