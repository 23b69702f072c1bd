"""Arising-task URLs for tests/integration/test_access_matrix.py (format as in tests/access_matrix/plans.py)."""
ACCESS = {
    "arising_list": {"read_only": True},
    "arising_add": {"read_only": False},
    "arising_notice": {"read_only": False},
    "arising_notice_confirm": {"read_only": False, "method": "post"},
}
