"""Who may use the next-year draft URLs (format as in plans/access.py). Both only read the plan (the download is
audited, not a change, and sent by POST): the office and the site administrator may; anyone else of the commune is
refused (403), and another commune's plan is a 404."""
READERS = ("office", "site_admin")

ACCESS = {
    "nextyear_preview": {"read_only": True, "readers": READERS, "kwargs": lambda w: {"pk": w.plan.pk}},
    # A POST answered with the file: the export is recorded as the office's act, and no GET writes.
    "nextyear_docx": {"read_only": True, "method": "post", "download": True, "readers": READERS,
                      "kwargs": lambda w: {"pk": w.plan.pk}},
}
