"""Split a notice's body into its numbered conclusions: "1.", "2.", "a)", "-" and unnumbered "Giao …" paragraphs.

A conclusion notice (Thông báo kết luận) prints its conclusions as numbered paragraphs; a point may have lettered
sub-points or dashes. Only a paragraph that assigns work ("Giao …") is a task; the others (agreeing with a report,
a heading such as "Về công tác cải cách hành chính:") give context. A PDF breaks a paragraph over lines, so a line
that starts with no marker continues the paragraph before it.
"""
import re
from dataclasses import dataclass

from .textutil import fold, squash

_NUMBER = re.compile(r"^(\d{1,2})\s*[.)]\s+")
_LETTER = re.compile(r"^([a-zđ])\s*\)\s+")
_DASH = re.compile(r"^[-–—+•]\s*")
_ASSIGNS = re.compile(r"(?:^|[\s:,;])giao\s")
# Decree 30/2020/NĐ-CP, Appendix I: the body ends before "Nơi nhận:" and the signature; a notice's own closing
# sentence begins "Trên đây là Thông báo …".
_END = ("noi nhan", "tren day la", "tm. uy ban", "tm uy ban", "kt. chu tich", "tl. chu tich")
# The closing assignment that names who follows the notice up: not a task of its own.
_FOLLOW_UP = re.compile(r"theo doi,?\s+(?:va\s+)?don doc")


@dataclass
class Item:
    where: str       # a place a person can find: "Mục 2, điểm a"
    number: str      # the marker as printed: "2.", "a)", "-", "" for an unnumbered paragraph
    text: str        # without its marker, lines joined
    assigns: bool = False


def split_items(body: list[str]) -> tuple[list[Item], str | None]:
    """-> (the paragraphs that assign work, in order; the follow-up sentence or None)."""
    paragraphs = _paragraphs(body)
    follow_up = None
    items = []
    for item in paragraphs:
        item.text = squash(item.text)
        item.assigns = bool(_ASSIGNS.search(" " + fold(item.text)))
        if item.assigns and not item.number and _FOLLOW_UP.search(fold(item.text)):
            follow_up = item.text
        elif item.assigns:
            items.append(item)
    return items, follow_up


def _paragraphs(body: list[str]) -> list[Item]:
    found: list[Item] = []
    point, letter, dash, numbered = "", "", 0, False
    for line in body:
        text = squash(line)
        if not text:
            continue
        if fold(text).startswith(_END):
            break
        if match := _NUMBER.match(text):
            point, letter, dash, numbered = match.group(1), "", 0, True
            found.append(Item(f"Mục {point}", f"{point}.", text[match.end():]))
        elif numbered and (match := _LETTER.match(text)):
            letter, dash = match.group(1), 0
            found.append(Item(f"Mục {point}, điểm {letter}", f"{letter})", text[match.end():]))
        elif numbered and (match := _DASH.match(text)):
            dash += 1
            where = f"Mục {point}" + (f", điểm {letter}" if letter else "") + f", gạch đầu dòng thứ {dash}"
            found.append(Item(where, "-", text[match.end():]))
        elif numbered and fold(text).startswith("giao "):
            found.append(Item(f"Đoạn sau mục {point}", "", text))
        elif found:
            found[-1].text += " " + text
    return found
