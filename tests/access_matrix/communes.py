"""Who may use each communes URL (format as in tests/access_matrix/plans.py)."""
ACCESS = {
    # The province's officer and the site admin keep the list of provinces and districts; no commune account may.
    "area_import": {"read_only": False, "writers": ("area_officer", "site_admin")},
}
