"""Who may use each monthly-cycle URL (tests/integration/test_access_matrix.py walks every URL against this).
Models are imported at call time: the matrix test imports this module before the apps are ready."""
DECIDERS = ("office", "site_admin", "chairman")
CHASERS = ("office", "site_admin", "chairman", "vice")
# reports.permissions.may_read_report in persona names (tests/factories.make_personas): everyone in the commune but
# another unit.
REPORT_READERS = ("owner", "office", "site_admin", "chairman", "vice", "viewer", "area_viewer", "area_officer")


def _report(world):
    """The land official's January report in this world's commune, made on demand."""
    from reports.services import cycle, periods

    period = periods.ensure_period(world.commune, world.plan.year, 1)
    return cycle.open_report(period, world.entry, world.plan)


def _evidence(world):
    """A row of that report with an uploaded evidence file."""
    from django.core.files.base import ContentFile

    row = _report(world).rows.first()
    if not row.evidence_file:
        row.evidence_file.save("bien-ban.pdf", ContentFile(b"%PDF-1.4 minh chung"))
    return row


ACCESS = {
    "report_index": {"read_only": True},
    "report_open": {"read_only": True, "redirects": True, "readers": REPORT_READERS,
                    "kwargs": lambda w: {"period_pk": _report(w).period_id, "unit_pk": w.entry.pk}},
    "report_start": {"read_only": False, "method": "post", "writers": ("owner", "office", "site_admin"),
                     "kwargs": lambda w: {"unit_pk": w.entry.pk}},
    "report_detail": {"read_only": True, "readers": REPORT_READERS, "kwargs": lambda w: {"pk": _report(w).pk}},
    "report_evidence": {"read_only": True, "readers": REPORT_READERS, "kwargs": lambda w: {"pk": _evidence(w).pk}},
    "report_decide": {"read_only": False, "method": "post", "writers": DECIDERS,
                      "kwargs": lambda w: {"pk": _report(w).pk}},
    "report_reopen": {"read_only": False, "method": "post", "writers": DECIDERS,
                      "kwargs": lambda w: {"pk": _report(w).pk}},
    "report_xlsx_download": {"read_only": True, "readers": REPORT_READERS,
                             "kwargs": lambda w: {"pk": _report(w).pk}},
    "report_xlsx_upload": {"read_only": False, "method": "post", "writers": ("owner", "office", "site_admin"),
                           "kwargs": lambda w: {"pk": _report(w).pk}},
    "period_lock": {"read_only": False, "method": "post", "writers": DECIDERS,
                    "kwargs": lambda w: {"pk": _report(w).period_id}},
    "chase_list": {"read_only": True, "readers": CHASERS},
    # Drafting the letter is a POST (recorded as the office's act; no GET writes), answered with the file.
    "reminder_letter": {"read_only": True, "method": "post", "download": True, "readers": CHASERS},
}
