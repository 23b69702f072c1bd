"""Ranking targets: "nằm trong Top 5", "nằm trong nhóm 10 tỉnh dẫn đầu", "nhóm dẫn đầu", "xếp thứ 3".

A rank is a place to reach, not an amount: "Top 5" must never become ">= 5", which would read as "at least 5" and
turn the best result (1st) into a failure. So a rank gives comparator "achieve" with the printed place in "rank"
(None when the text names a leading group without a size: "nhóm dẫn đầu").
"""
import re
from dataclasses import dataclass

_VERB = r"(?:(?:phấn\s+đấu\s+)?(?:nằm|đứng|lọt|giữ\s+vững\s+vị\s+trí|duy\s+trì)\s+(?:trong|vào|ở)\s+|thuộc\s+|vào\s+)"
# Where the ranking is made, kept inside the target so that nothing of it is left for the name.
_SCOPE = (r"(?:\s+(?:của\s+|trong\s+|toàn\s+)?(?:cả\s+nước|toàn\s+quốc|tỉnh|huyện|thành\s+phố|khu\s+vực"
          r"(?:\s+[^\W\d_]+){0,3}|vùng(?:\s+[^\W\d_]+){0,3}))?")
_LEADING = r"(?:dẫn\s+đầu|đứng\s+đầu|cao\s+nhất|tốt\s+nhất|đầu)"
# Each pattern with a word it cannot match without. The patterns start with optional words, so the regex engine
# tries them at every character of the text; most targets name no rank, and a look for the word is much faster.
_RANKS = [
    (("top",), re.compile(rf"{_VERB}?(?:nhóm\s+)?top\s*-?\s*(?P<n>\d{{1,3}})(?:\s+{_LEADING})?{_SCOPE}",
                          re.IGNORECASE)),
    (("nhóm",), re.compile(rf"{_VERB}?nhóm\s+(?:(?P<n>\d{{1,3}})\s+)?(?:[^\W\d_]+\s+){{0,3}}?{_LEADING}(?!\w)"
                           rf"{_SCOPE}", re.IGNORECASE)),
    (("xếp", "đứng"), re.compile(rf"(?:xếp\s+hạng|xếp|đứng)\s+(?:thứ\s+)?(?P<n>\d{{1,3}})(?!\w)"
                                 rf"(?:\s+(?:trở\s+lên|trở\s+về\s+trước))?{_SCOPE}", re.IGNORECASE)),
]


@dataclass
class RankSpan:
    start: int
    end: int
    rank: int | None


def find_ranks(text: str) -> list[RankSpan]:
    """Every ranking phrase in `text`, left to right, without overlaps."""
    spans: list[RankSpan] = []
    lower = text.lower()  # IGNORECASE matches a letter as its lower case (no letter of the words folds otherwise)
    for needed, pattern in _RANKS:
        if not any(word in lower for word in needed):
            continue
        for match in pattern.finditer(text):
            if any(match.start() < s.end and s.start < match.end() for s in spans):
                continue
            rank = int(match.group("n")) if match.group("n") else None
            spans.append(RankSpan(match.start(), match.end(), rank))
    return sorted(spans, key=lambda s: s.start)


def mask(text: str, spans: list[RankSpan]) -> str:
    """Blank the ranking phrases so that their place is not read again as an amount."""
    for span in spans:
        text = text[:span.start] + " " * (span.end - span.start) + text[span.end:]
    return text
