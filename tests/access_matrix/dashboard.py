"""Every dashboard URL for the project's access-matrix test (tests/integration/test_access_matrix.py).

All four only read, but only leaders, the office and viewers may: a unit officer gets 403.
"""
from reports.services.periods import ensure_period

READERS = ("chairman", "vice", "office", "viewer", "area_viewer", "area_officer", "site_admin")


def _period(world) -> dict:
    return {"pk": ensure_period(world.commune, world.plan.year, 1).pk}


ACCESS = {
    "dashboard": {"read_only": True, "readers": READERS},
    "dashboard_rows": {"read_only": True, "readers": READERS},
    "monthly_report_docx": {"read_only": True, "readers": READERS, "kwargs": _period},
    "monthly_report_xlsx": {"read_only": True, "readers": READERS, "kwargs": _period},
}
