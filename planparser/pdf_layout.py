"""Lines and paragraphs from positioned PDF text runs.

A PDF has no paragraphs, only lines; a paragraph of a Word document wraps onto several. A line continues
the paragraph above when the line above was full: the first word of this line would not have fitted at
its end. That holds for justified and ragged text alike, and keeps short lines (headings, list items,
"Số: …") apart.
"""
import re
from dataclasses import dataclass
from itertools import pairwise

from .pdf_text import Piece
from .textutil import single_spaced

# Text runs further apart than this many line heights on one baseline belong to different columns.
_COLUMN_GAP = 1.5
# Exporters that position glyphs one by one leave a gap inside a syllable ("nhi ệm vụ") that pdfium reads
# as a space; a real space, positioned or typed, is wider than this many line heights.
_SPLIT_GAP = 0.25
_CLOSING = ").,;:!?”»]"
_OPENING = "(“«["
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁽"
# What starts a list item: "6. ", "(3) ", "a) ", "- ", "+ ", "• ".
_ITEM_START = re.compile(r"^(?:\d{1,2}\.\s|\(\d{1,2}\)\s|[a-zđ]\)\s|[-–+•]\s)")


@dataclass(slots=True)
class Line:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    spaced: bool = False  # the exporter kept the space at the end of the line (LibreOffice does; see paragraphs)
    order: int = 0  # content-stream position of its first piece
    style_first: int = -1  # bold/italic of its first and last letter (see pdf_text.Piece)
    style_last: int = -1
    first_word: float = 0.0  # width of its first word, when pdfium measured it
    page: int = 0

    @property
    def height(self) -> float:
        return self.bottom - self.top


def make_lines(pieces: list[Piece]) -> list[Line]:
    """Pieces in content-stream order, gathered into lines; a wide gap or a step back left ends a line.

    Stream order, not position, is the reading order: Word and LibreOffice write a borderless two-column
    block (the Decree 30 header and signature) left cell first, which is how the DOCX reader reads it.
    """
    lines: list[Line] = []
    current: list[Piece] = []
    top = bottom = height = right = 0.0
    marks_only = False  # the line so far is a raised footnote mark: its text sits lower
    for piece in pieces:  # a hot loop: a plan has thousands of pieces
        piece_top, piece_bottom = piece.top, piece.bottom
        if current:
            if marks_only:  # the text beside a raised mark sits lower: overlapping it is enough
                on_baseline = piece_top < bottom and piece_bottom > top
            else:
                on_baseline = top < (piece_top + piece_bottom) / 2 < bottom
            # … and no wide gap after the last piece, nor a step back left
            if on_baseline and right - 1 <= piece.x0 <= right + _COLUMN_GAP * height:
                top, bottom = min(top, piece_top), max(bottom, piece_bottom)
            else:
                line = _line(current, height) if len(current) > 1 else _one_piece_line(current[0])
                if line.text:
                    lines.append(line)
                current = []
        if not current:
            top, bottom, height, marks_only = piece_top, piece_bottom, 0.0, True
        current.append(piece)
        right = piece.x1
        if piece_bottom - piece_top > height:
            height = piece_bottom - piece_top
        if marks_only:
            marks_only = piece.text.strip()[:1] in _SUPERSCRIPTS
    if current:
        line = _line(current, height) if len(current) > 1 else _one_piece_line(current[0])
        if line.text:
            lines.append(line)
    return lines


def _one_piece_line(piece: Piece) -> Line:
    """Most lines: one run of text."""
    text, first_word = piece.text, piece.first_word_x1 - piece.x0
    # (A conditional expression, not max(): in code run for every line, the builtin call costs more.)
    return Line(piece.x0, piece.top, piece.x1, piece.bottom, single_spaced(text), text[-1:].isspace(),
                piece.order, piece.style_first, piece.style_last, 0.0 if first_word < 0.0 else first_word)


def _line(pieces: list[Piece], height: float) -> Line:
    if len(pieces) == 1:
        return _one_piece_line(pieces[0])
    first = pieces[0]
    text = first.text
    word_end = first.first_word_x1 if " " in text.strip() else None
    for left, right in pairwise(pieces):
        joined = _join(text, right.text, right.x0 - left.x1, height)
        spaced = text[-1:].isspace() or joined[len(text):len(text) + 1].isspace()
        if word_end is None and (spaced or " " in right.text.strip()):
            # The first word ends here: "(" upright then "xác" in italics is one word over two runs.
            word_end = left.x1 if spaced else right.first_word_x1
        text = joined
    word_end = pieces[-1].x1 if word_end is None else word_end
    return Line(first.x0, min(p.top for p in pieces), pieces[-1].x1, max(p.bottom for p in pieces),
                single_spaced(text), text[-1:].isspace(), min(p.order for p in pieces),
                first.style_first, pieces[-1].style_last, max(word_end - first.x0, 0.0))


def _join(left: str, right: str, gap: float, height: float) -> str:
    if gap < _SPLIT_GAP * height and right.lstrip()[:1].islower() and left.rstrip()[-1:].isalpha():
        return left.rstrip() + right.lstrip()
    if gap < _SPLIT_GAP * height and (right[:1] in _CLOSING or left[-1:] in _OPENING):
        return left + right  # "(" upright, "phương án" in italics, ")." upright: three runs, no space
    if left.endswith(" ") or right.startswith(" ") or gap <= 0:
        return left + right
    return f"{left} {right}"


def paragraphs(lines: list[Line], right: float, keeps_spaces: bool = False, left: float | None = None) -> list[str]:
    """Lines joined into paragraphs; `right` is where a full line would end (margin or cell edge), `left`
    where a flush-left line starts (the leftmost line when not given).

    When the exporter keeps the space a line wrapped at (`keeps_spaces`), a one-word line without it was
    broken inside that word, as LibreOffice does in a column too narrow for it ("Th" / "ực hiện").
    """
    out: list[str] = []
    previous: Line | None = None
    if left is None:
        left = min([line.x0 for line in lines]) if lines else 0.0
    for line in lines:
        glue = _glue(previous, line, right, left, keeps_spaces) if previous is not None else None
        if glue is None:
            out.append(line.text)
        else:
            out[-1] = out[-1].removesuffix(LINE_END_HYPHEN) + glue + line.text
        previous = line
    return [text.replace(LINE_END_HYPHEN, "-") for text in out]


# pdfium's mark for a hyphen that ends a line: "KH-" / "UBND" is one word, "KH-UBND".
LINE_END_HYPHEN = "\ufffe"


def _glue(previous: Line, line: Line, right: float, left: float, keeps_spaces: bool) -> str | None:
    """What joins `line` to the paragraph of `previous`; None when it starts a new paragraph."""
    if previous.text.endswith(LINE_END_HYPHEN):
        return "-" + (" " if previous.spaced else "")
    # Bold or italic ends exactly where the line wraps: a bold subject line above the body, a heading above
    # its text. (A bold lead-in ending mid-line leaves the line's last letter plain, so it does not count.)
    style_changes = previous.style_last >= 0 and line.style_first >= 0 and previous.style_last != line.style_first
    if previous.text.endswith("./.") or style_changes or not is_full(previous, line, right):
        return None  # "./." closes the body of a Decree 30 document: what follows is the signature block
    if previous.text[-1:] in ".;:" and _ITEM_START.match(line.text):
        return None  # "… 6.431.000.000 đồng." / "6. Tổng giá trị …": a list item, however full the line above
    if previous.text.endswith("-") and previous.text[-2:-1].isalnum() and not previous.spaced:
        return ""  # "2020-" / "2025": Word and LibreOffice break after a hyphen, and it stays one word
    # Centred lines (table headers) lose their trailing space on export; only flush-left ones say anything.
    flush_left = previous.x0 - left < 1.5 and line.x0 - left < 1.5
    inside_word = keeps_spaces and flush_left and not previous.spaced and " " not in previous.text
    return "" if inside_word and previous.text[-1:].isalnum() else " "


def is_full(previous: Line, line: Line, right: float) -> bool:
    """Would the first word of `line` have fitted at the end of `previous`? If not, Word wrapped it."""
    above, height = previous.bottom - previous.top, line.bottom - line.top
    # Baseline to baseline: a line holding only "." or "," has a box far below a full line's top.
    if not 0 < line.bottom - previous.bottom <= 1.8 * (height if height > above else above):
        return False  # a blank gap before it, or back up the page (the next column): a new paragraph
    if line.first_word > 0:  # measured: capitals ("XDCB") are wider than an average letter
        return previous.x1 + 0.25 * above + line.first_word > right  # a space is about a quarter em
    width = (line.x1 - line.x0) / max(len(line.text), 1)
    first_word = len(line.text.split(" ", 1)[0])
    return previous.x1 + width * (first_word + 1) > right
