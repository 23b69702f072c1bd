"""A target left for someone to fill in: "…", "...", "….. %", "[ ]" where the figure goes.

A draft plan (next year's, drafted by nextyear/, or one typed by hand) prints the name, the direction and the unit
and leaves the figure blank: "Tổng thu ngân sách xã: … đồng", "Tỷ lệ hộ nghèo: dưới …%", "tăng ….. % so với năm
2023", "Huy động nội lực: [ ] tỷ đồng". The blank stands where a figure stands, so the name, the unit and the parts
around it ("trong đó …", "A: …; B: …") are read exactly as they would be with the figure; then the target is reported
as not filled in, for a person to fill. Its value is never guessed, and a blank is never a qualitative aim.

A blank glued to a word ("thương mại…") is an ellipsis of the text, not a blank figure.
"""
import re

BLANK = re.compile(r"(?<![\w.…%‰])(?:…[.…]*|\.{3,}[.…]*|\[\s*\])")
# Digits of the same length: positions in the masked text stay those of the printed text.
_STAND_IN = "9"


def stand_in(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` with each blank replaced by a stand-in figure, and where the blanks are."""
    spans = [match.span() for match in BLANK.finditer(text)]
    for start, end in spans:
        text = text[:start] + _STAND_IN * (end - start) + text[end:]
    return text, spans


def strip_keeping_blanks(text: str, chars: str) -> str:
    """`text.strip(chars)`, except that a blank at either end stays: "Thu thường xuyên: ..." keeps its "..."."""
    start, end = len(text) - len(text.lstrip(chars)), len(text.rstrip(chars))
    spans = [match.span() for match in BLANK.finditer(text)]
    if spans:
        start, end = min(start, spans[0][0]), max(end, spans[-1][1])
    return text[start:end]


def holds_blank(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does the quantity read between `start` and `end` stand on a blank (a stand-in figure)?"""
    return any(start <= blank_start and blank_end <= end for blank_start, blank_end in spans)


def unfilled_problem(name: str | None, printed: list[str]) -> str:
    """The anomaly a person reads: which indicator, and each blank as printed (with its unit and basis)."""
    whose = f" của «{name}»" if name else ""
    return f"Chưa điền mục tiêu cần đạt{whose}: " + ", ".join(f"«{p}»" for p in printed)
