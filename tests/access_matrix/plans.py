"""Who may use each URL of plans/urls.py (the directory pages included); tests/integration/test_access_matrix.py
walks every URL against this.

Each entry: read_only (any user of the commune may GET it; False means a write that viewers are refused),
and for URLs with parameters, kwargs(world) building them from one commune's objects (world.plan, world.node,
world.entry, world.account, world.indicator). `redirects` marks a read that answers with a redirect.
"""
ACCESS = {
    "home": {"read_only": True, "redirects": True},
    "plan_list": {"read_only": True},
    "plan_detail": {"read_only": True, "kwargs": lambda w: {"pk": w.plan.pk}},
    "plan_changes": {"read_only": True, "kwargs": lambda w: {"pk": w.plan.pk}},
    "task_detail": {"read_only": True, "kwargs": lambda w: {"pk": w.plan.pk, "code": w.node.code}},
    "plan_upload": {"read_only": False},
    "plan_confirm": {"read_only": False, "method": "post"},
    "plan_withdraw": {"read_only": False, "kwargs": lambda w: {"pk": w.plan.pk}},
    "plan_row_correct": {"read_only": False, "kwargs": lambda w: {
        "pk": w.plan.pk, "row_pk": w.node.assignments.first().pk, "field": "deadline"}},
    "plan_task_correct": {"read_only": False, "kwargs": lambda w: {"pk": w.plan.pk, "code": w.node.code,
                                                                   "field": "title"}},
    "plan_indicator_correct": {"read_only": False, "kwargs": lambda w: {"pk": w.plan.pk,
                                                                        "indicator_pk": w.indicator.pk}},
    "plan_conflict_choose": {"read_only": False, "method": "post", "kwargs": lambda w: {"pk": w.plan.pk}},
    "directory": {"read_only": True},
    "entry_detail": {"read_only": True, "kwargs": lambda w: {"pk": w.entry.pk}},
}
