"""Spreadsheet formula injection: text that a spreadsheet would run as a formula is written as plain text."""

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A leading apostrophe makes Excel and LibreOffice show the text instead of evaluating it (OWASP CSV injection).

    Numbers, dates and None pass unchanged; only text is touched, so "-5" typed as text stays visibly text.
    """
    if isinstance(value, str) and value.startswith(_TRIGGERS):
        return "'" + value
    return value
