"""Who may use each periodic-report URL (tests/integration/test_access_matrix.py walks every URL against this).

Readers: leaders, the office, viewers, site administrators; unit officers get 403 (periodic/permissions.py says why).
Creating a report: the office and site administrators. Editing a section: those and the Chairman and Vice-Chairmen.
Models and services are imported at call time: the matrix test imports this module before the apps are ready.
"""
READERS = ("chairman", "vice", "office", "viewer", "area_viewer", "area_officer", "site_admin")
CREATORS = ("office", "site_admin")
EDITORS = ("office", "site_admin", "chairman", "vice")


def _report(world):
    """The quarter II report of this world's plan, made on demand (the same one on every call)."""
    from periodic.services.narratives import create_report

    return create_report(world.plan, "quarter-2", world.account).report


def _section(world) -> dict:
    report = _report(world)
    return {"pk": report.pk, "narrative_pk": report.narratives.first().pk}


ACCESS = {
    "periodic_index": {"read_only": True, "redirects": True, "readers": READERS},
    "periodic_list": {"read_only": True, "readers": READERS, "kwargs": lambda w: {"plan_pk": w.plan.pk}},
    "periodic_create": {"read_only": False, "method": "post", "writers": CREATORS,
                        "kwargs": lambda w: {"plan_pk": w.plan.pk}},
    "periodic_detail": {"read_only": True, "readers": READERS, "kwargs": lambda w: {"pk": _report(w).pk}},
    "periodic_narrative_save": {"read_only": False, "method": "post", "writers": EDITORS, "kwargs": _section},
    "periodic_docx": {"read_only": True, "readers": READERS, "kwargs": lambda w: {"pk": _report(w).pk}},
    "periodic_xlsx": {"read_only": True, "readers": READERS, "kwargs": lambda w: {"pk": _report(w).pk}},
}
