"""Every indicators URL and whether it only reads (GET for everyone in the commune) or writes.

Read by the project's access-matrix test. Tenancy lookups are in `indicator_for` / `current_plan`, built on
plans.services.access, so another commune's indicator or plan is a 404.
"""
from django.http import Http404
from django.shortcuts import get_object_or_404

from plans.services.access import plan_for, plans_for

from .models import Indicator

# The office and the leaders enter any indicator's values; unit officers reach the import page, then each row is
# checked against their units (persona names as in tests/factories.make_personas).
_ENTERERS = ("office", "site_admin", "chairman", "vice")

ACCESS = {
    "indicator_list": {"read_only": True},
    "indicator_detail": {"read_only": True, "kwargs": lambda w: {"pk": w.indicator.pk}},
    "indicator_evidence": {"read_only": True, "redirects": True, "kwargs": lambda w: {"value_pk": w.value()}},
    "indicator_export": {"read_only": True, "kwargs": lambda w: {"plan_pk": w.plan.pk}},
    "indicator_value_entry": {"read_only": False, "writers": _ENTERERS, "kwargs": lambda w: {"pk": w.indicator.pk}},
    "indicator_lead_unit": {"read_only": False, "method": "post", "kwargs": lambda w: {"pk": w.indicator.pk}},
    "indicator_import": {"read_only": False, "writers": _ENTERERS + ("owner", "other_unit"),
                         "kwargs": lambda w: {"plan_pk": w.plan.pk}},
}


def indicator_for(user, pk: int) -> Indicator:
    queryset = Indicator.objects.filter(plan__in=plans_for(user)).select_related("plan__commune", "parent",
                                                                                 "lead_unit").defer("plan__parsed")
    return get_object_or_404(queryset, pk=pk)


def current_plan(user, plan_pk=None):
    """The plan asked for (?ke-hoach=pk) or the user's current one; None when the commune has no plan yet."""
    if plan_pk not in (None, ""):
        try:
            return plan_for(user, int(plan_pk))
        except (TypeError, ValueError):
            raise Http404("Mã kế hoạch không hợp lệ") from None
    return plans_for(user).filter(is_current=True).select_related("commune").first()
