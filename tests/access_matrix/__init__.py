"""Who may use each named URL, one module per app (a dict ACCESS); tests/integration/test_access_matrix.py walks them.

They live with the tests, not in the apps: they are the contract the pages are checked against, not app code.
"""
