"""Split a GIẢI PHÁP cell into its solutions: "(1) … (2) …", bullets and loose paragraphs."""
import re

from .textutil import squash, superscripts_to_ascii

# Only a parenthesised superscript number is conversion debris ("Giải pháp ⁽²⁾"); "m²" is a unit and stays.
_SUPERSCRIPT_NUMBER = re.compile(r"⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾")
_BREAK_TAGS = re.compile(r"</?(?:p|li|ol|ul|br|div)\b[^>]*>", re.I)
_OTHER_TAGS = re.compile(r"</?[a-z][a-z0-9]*\b[^>]*>", re.I)
# A marker counts only where a list item can start: text start or after a space or punctuation,
# so "Đề án 06/CP" or "(xem 2)" inside a sentence are left alone.
_MARKER = re.compile(r"(?:^|(?<=[\s.;:,]))\((\d{1,2})\)\s*")
_BULLET = re.compile(r"(?:^|(?<=[.;:])\s)\s*[-–•+]\s+")


def clean_cell(text: str) -> str:
    """Cell text without conversion debris, one paragraph per line."""
    text = _BREAK_TAGS.sub("\n", text or "")
    text = _OTHER_TAGS.sub("", text)
    text = _SUPERSCRIPT_NUMBER.sub(lambda m: superscripts_to_ascii(m.group()), text)
    lines = (squash(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def split_solutions(cell: str) -> list[dict]:
    solutions: list[dict] = []
    for paragraph in clean_cell(cell).split("\n"):
        for piece in _split_bullets(paragraph):
            solutions.extend(_split_numbered(piece))
    return solutions


def _split_bullets(paragraph: str) -> list[str]:
    pieces = _BULLET.split(paragraph)
    return [p.strip() for p in pieces if p.strip()]


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
