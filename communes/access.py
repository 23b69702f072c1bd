"""Who may use each directory URL (see plans/access.py for the format)."""
ACCESS = {
    "directory": {"read_only": True},
    "entry_detail": {"read_only": True, "kwargs": lambda w: {"pk": w.entry.pk}},
    # The province's officer and the site admin keep the list of provinces and districts; no commune account may.
    "area_import": {"read_only": False, "writers": ("area_officer", "site_admin")},
}
