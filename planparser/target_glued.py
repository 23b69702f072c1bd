"""A figure whose "unit" runs straight into more digits ("1e400", Excel's "4,6341E+10", "0x5A").

That is no Vietnamese figure: reading "1" with the unit "e" would be a guess, so the whole token is reported.
"""
import re

_RUNS_ON = re.compile(r"[+\-]?[0-9]")
_TOKEN = re.compile(r"\S+")


def runs_into_digits(masked: str, match: re.Match) -> bool:
    """`match` is a quantity match with a "unit" group; True when that unit is glued between digits."""
    unit_start = match.start("unit")
    glued = unit_start != -1 and not masked[unit_start - 1].isspace()
    return glued and bool(_RUNS_ON.match(masked, match.end("unit")))


def glued_token(masked: str, start: int) -> tuple[int, str]:
    """Where the token starting at `start` ends, and the problem to show for it."""
    token = _TOKEN.match(masked, start)
    assert token is not None  # start is where a number begins, never a space
    printed = token.group().rstrip(",;.:")
    return start + len(printed), (f"Không đọc được con số: «{printed}» lẫn chữ cái giữa các chữ số, không phải cách "
                                  "viết số của văn bản; cần người xác định giá trị")
