"""reports follows a plan's new version through the signal plans owns (plans.signals.plan_replaced).

Accepted completions are copied (the old version keeps its own history); reports still being written follow the
new rows, while submitted ones document the old version. Connected in ReportsConfig.ready().
"""
from .models import Completion, UnitReport


def on_plan_replaced(sender, old, new, rows: dict[int, int], **kwargs) -> dict[str, int]:
    return {"completions": _completions(rows), "drafts": _drafts(old, new, rows)}


def _completions(rows: dict[int, int]) -> int:
    copies = [Completion(assignment_id=rows[c.assignment_id], milestone=c.milestone, completed_on=c.completed_on,
                         report_id=c.report_id, accepted_on=c.accepted_on)
              for c in Completion.objects.filter(assignment_id__in=rows.keys())]
    Completion.objects.bulk_create(copies, ignore_conflicts=True)
    return len(copies)


def _drafts(old, new, rows: dict[int, int]) -> int:
    drafts = UnitReport.objects.filter(plan=old, state__in=("draft", "returned"))
    for report in drafts:
        for row in report.rows.filter(assignment_id__in=rows.keys()):
            type(row).objects.filter(pk=row.pk).update(assignment_id=rows[row.assignment_id])
    return drafts.update(plan=new)
