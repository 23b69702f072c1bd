"""Who may use each evaluation URL; tests/integration/test_access_matrix.py walks every URL against this.

Reading the evaluation is open to every user of the commune; overriding a level is for the Chairman and the office;
judgement inputs also for the Vice-Chairmen. The unit of the sample's Địa chính officer (world.entry) leads rows,
so it is always a subject of the evaluation.
"""
_PLAN = {"kwargs": lambda w: {"plan_pk": w.plan.pk}}


def _unit(w):
    return {"plan_pk": w.plan.pk, "kind": "don-vi", "subject_pk": w.entry.pk}


def _row(w):
    """A row the sample's Vice-Chairman for the economy directs, so the "vice" persona may assess it."""
    from plans.models import Assignment  # at call time: the matrix module is imported before the apps are ready
    rows = Assignment.objects.filter(node__plan=w.plan, refs__role="leader", refs__entry__key="pct-kinh-te")
    rows = rows.order_by("node__order", "order")
    return {"plan_pk": w.plan.pk, "row_pk": rows.first().pk}


ACCESS = {
    "evaluation_index": {"read_only": True},
    "evaluation_plan": {"read_only": True, **_PLAN},
    "evaluation_ranking": {"read_only": True, **_PLAN},
    "evaluation_docx": {"read_only": True, **_PLAN},
    "evaluation_xlsx": {"read_only": True, **_PLAN},
    "evaluation_subject": {"read_only": True, "kwargs": _unit},
    "evaluation_override": {"read_only": False, "kwargs": _unit, "writers": ("office", "site_admin", "chairman")},
    "evaluation_row": {"read_only": False, "kwargs": _row, "writers": ("office", "site_admin", "chairman", "vice")},
    "evaluation_judgement": {"read_only": False, "kwargs": _unit,
                             "writers": ("office", "site_admin", "chairman", "vice")},
}
