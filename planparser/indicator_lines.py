"""Sort the appendix's lines into numbered entries and footnotes, in every numbering officials use.

    I. CÁC CHỈ TIÊU KINH TẾ          roman   (a group)
    1. / 1) / 1.2.                   arabic / decimal
    (1) … (19)                       paren   (often one count running across the groups)
    a) / a.                          letter
    - / – / • / +                    dash / plus (no number printed)
    ¹ / ⁽¹⁾ Trong đó: …              a footnote

A line that is none of these continues the entry or footnote above it, unless a blank line or a final "." or ";"
closed that one (so a signature block after the last footnote is not swallowed). Reading stops at the next
"Phụ lục": that appendix is not ours.
"""
import re

from planparser.textutil import squash, superscripts_to_ascii

_APPENDIX = re.compile(r"phụ\s+lục\b", re.IGNORECASE)
_ROMAN = re.compile(r"([IVXLC]+)\s*[.:)]\s*(\S.*)")
_ARABIC = re.compile(r"(\d{1,2}(?:\.\d{1,2})*)(?:\.\s*|\)\s*|\s+)(?=\D)(.*)")
_PAREN = re.compile(r"\((\d{1,3})\)\s*(?=\D)(\S.*)")
_LETTER = re.compile(r"([a-zđ])\s*(?:\)|\.(?=\s))\s*(\S.*)")
_BULLET = re.compile(r"([-–—•+*])\s*(?=[^\W\d_]|\()(.*)")
_FOOTNOTE = re.compile(r"(⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)")


def read_entries(lines: list[str]) -> tuple[list[dict], dict[str, dict]]:
    """-> (entries {"style", "number", "text"} in order, footnotes by marker key)."""
    entries: list[dict] = []
    footnotes: dict[str, dict] = {}
    current = None          # the entry or footnote a continuation line belongs to
    appendix_seen = False
    for raw in lines:
        line = squash(raw)
        if not line:
            current = None
        elif _APPENDIX.match(line):
            if appendix_seen:
                break
            appendix_seen, current = True, None
        else:
            current = _read_line(line, current, entries, footnotes)
    return entries, footnotes


def marker_key(marker: str) -> str:
    """"¹", "⁽¹⁾" -> "1": the same footnote however its marker is printed."""
    return superscripts_to_ascii(marker).strip("()")


def _read_line(line: str, current, entries: list[dict], footnotes: dict[str, dict]):
    if match := _FOOTNOTE.fullmatch(line):
        note = {"mark": match.group(1), "text": match.group(2)}
        footnotes.setdefault(marker_key(match.group(1)), note)
        return note
    entry = classify(line)
    if entry is not None:
        entries.append(entry)
        return entry if entry["style"] != "roman" else None
    if current is not None and not current["text"].rstrip().endswith((".", ";")):
        current["text"] = f"{current['text']} {line}"
        return current
    return None


def classify(line: str) -> dict | None:
    """One line's numbering style, printed number and text; None for a line that starts no entry."""
    if match := _ROMAN.fullmatch(line):
        return _entry("roman", match.group(1), match.group(2))
    if match := _ARABIC.fullmatch(line):
        number = match.group(1)
        return _entry("decimal" if "." in number else "arabic", number, match.group(2))
    if match := _PAREN.fullmatch(line):
        return _entry("paren", match.group(1), match.group(2))
    if match := _LETTER.fullmatch(line):
        return _entry("letter", match.group(1), match.group(2))
    if match := _BULLET.fullmatch(line):
        return _entry("plus" if match.group(1) == "+" else "dash", None, match.group(2))
    return None


def _entry(style: str, number: str | None, text: str) -> dict:
    return {"style": style, "number": number, "text": text, "children": []}
