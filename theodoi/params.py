"""Reading numbers from a query string, which anyone can type: a bad value is "not given", never a crash.

str.isdigit() alone is not enough: it accepts "²" and "٣", which int() refuses or reads, and a key longer than a
64-bit integer makes SQLite raise OverflowError; both were 500s (issue 12, item 4).
"""
MAX_KEY = 2**63 - 1


def as_int(value, limit: int = MAX_KEY) -> int | None:
    """ASCII digits up to `limit` as an int; anything else None."""
    text = str(value if value is not None else "")
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(limit)):
        return None
    number = int(text)
    return number if number <= limit else None
