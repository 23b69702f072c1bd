"""Every indicators URL and whether it only reads (GET for everyone in the commune) or writes (see
tests/access_matrix/plans.py for the format)."""
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

