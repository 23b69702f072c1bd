"""Split a GIẢI PHÁP cell into its solutions: "(1) … (2) …", bullets and loose paragraphs."""
import re

from .textutil import squash, superscripts_to_ascii

# Only a parenthesised superscript number is conversion debris ("Giải pháp ⁽²⁾"); "m²" is a unit and stays.
_SUPERSCRIPT_NUMBER = re.compile(r"⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾")
_BREAK_TAGS = re.compile(r"</?(?:p|li|ol|ul|br|div)\b[^>]*>", re.I)
_OTHER_TAGS = re.compile(r"</?[a-z][a-z0-9]*\b[^>]*>", re.I)
# A marker counts only where a list item can start: text start or after a space or punctuation,
# so "Đề án 06/CP" or "(xem 2)" inside a sentence are left alone.
# The look-behind sits after the "(" so that the pattern starts with a literal, which the regex engine
# searches for quickly; "(" at the very start has no two characters behind it, so the look-behind holds.
_MARKER = re.compile(r"\((?<![^\s.;:,]\()(\d{1,2})\)\s*")
_BULLET = re.compile(r"(?:^|(?<=[.;:])\s)\s*[-–•+]\s+")
_BULLET_SIGN = re.compile(r"[-–•+]\s")
_LEADING_BULLET = re.compile(r"^\s*([-–•+])\s")
# A bullet inside a line: the text form joins a cell's paragraphs with a space, and "- a - b" with no full
# stop between the items is two items ("… hàng năm - Chủ động xây dựng …").
_INLINE_BULLET = re.compile(r"\s([-–•+])\s+(?=\w)")
_NAME_WORDS = 2  # "Văn hóa - Xã hội", "Trung Đô - Vinh": a capital just before the dash makes it a name


def clean_cell(text: str) -> str:
    """Cell text without conversion debris, one paragraph per line."""
    text = text or ""
    if "<" in text:  # most cells carry no conversion debris: skip the regular expressions
        text = _OTHER_TAGS.sub("", _BREAK_TAGS.sub("\n", text))
    if "⁽" in text:
        text = _SUPERSCRIPT_NUMBER.sub(lambda m: superscripts_to_ascii(m.group()), text)
    if "\n" not in text:  # most cells are one paragraph
        return squash(text)
    lines = (squash(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def split_solutions(cell: str) -> list[dict]:
    solutions: list[dict] = []
    for paragraph in clean_cell(cell).split("\n"):
        for piece in _split_bullets(paragraph):
            solutions.extend(_split_numbered(piece))
    return solutions


def _split_bullets(paragraph: str) -> list[str]:
    leading = _LEADING_BULLET.match(paragraph)
    # _BULLET can start anywhere, so the engine tries it at every character; a bullet followed by a space,
    # which it needs, is found much faster, and most paragraphs have none.
    parts = _BULLET.split(paragraph) if _BULLET_SIGN.search(paragraph) else [paragraph]
    pieces = [p.strip() for p in parts if p.strip()]
    if leading is None:
        return pieces
    return [item for piece in pieces for item in _split_inline(piece, leading.group(1))]


def _split_inline(text: str, marker: str) -> list[str]:
    """Items of a bulleted paragraph run together: split at the paragraph's own marker, before a capital,
    and never inside a name written with a dash ("Phòng Văn hóa - Xã hội", "Tài chính - Kế hoạch")."""
    items, start = [], 0
    for match in _INLINE_BULLET.finditer(text):
        before = text[start:match.start()].split()[-_NAME_WORDS:]
        if match.group(1) == marker and text[match.end()].isupper() and not any(w[:1].isupper() for w in before):
            items.append(text[start:match.start()].strip())
            start = match.end()
    items.append(text[start:].strip())
    return [item for item in items if item]


def _split_numbered(text: str) -> list[dict]:
    found: list[dict] = []
    matches = list(_MARKER.finditer(text))
    head = text[: matches[0].start()] if matches else text
    if head.strip():
        found.append({"number": None, "text": _tidy(head)})
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        found.append({"number": f"({int(match.group(1))})", "text": _tidy(text[match.end():end])})
    return [s for s in found if s["text"] or s["number"]]


def _tidy(text: str) -> str:
    return text.strip().rstrip(";").strip()
