"""Text runs and ruling lines of one PDF page, read with pypdfium2.

pdfium already orders a page's characters and breaks them into lines; what it does not give cheaply is
which part of a line sits where. We ask it for the rectangles of each line (one C call per line in the
common case) and split the line's text between them, instead of asking for every character's box,
which costs ten times more on a 50-page plan.
Coordinates are turned top-down (y grows down the page), as a reader reads.
"""
import ctypes
import functools
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

# A path thinner than this is a drawn rule (table border), not a shape.
_RULE_THICKNESS = 2.5
_SUPERSCRIPT = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


@dataclass(slots=True)
class Piece:
    """A run of text that pdfium keeps together on one line."""
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    order: int = 0  # position in the page's content stream: exporters write a table cell by cell
    # Style of its first and last letter (see _Rects.style): a style that changes exactly at a line break
    # (a bold subject line, then the body) is a paragraph break, whatever the line lengths say.
    style_first: int = -1
    style_last: int = -1
    first_word_x1: float = 0.0  # where its first word ends: would that word have fitted on the line above?

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Rule:
    """A drawn line: horizontal when `horizontal`, at `at` (y or x), spanning `low`..`high`."""
    horizontal: bool
    at: float
    low: float
    high: float


def page_content(page) -> tuple[list[Piece], list[Rule]]:
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        pieces = _pieces(textpage, height)
    finally:
        textpage.close()
    return pieces, _rules(page, height)


def _pieces(textpage, height: float) -> list[Piece]:
    text = textpage.get_text_range()
    rects = _Rects(textpage)
    pieces: list[Piece] = []
    start = 0
    for line in text.split("\r\n"):
        if line.strip():
            pieces.extend(_line_pieces(rects, line, start, height))
        start += len(line) + 2
    return _mark_superscripts(pieces)


class _Rects:
    """pdfium's rectangles through its C API directly: the Python wrappers cost more than the C work here."""

    def __init__(self, textpage) -> None:
        self.handle = textpage.raw
        self.box = [ctypes.c_double() for _ in range(4)]
        self.refs = [ctypes.byref(value) for value in self.box]
        self.char_box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
        self.char_refs = [ctypes.byref(value) for value in self.char_box]
        self.name = ctypes.create_string_buffer(128)
        self.size = len(self.name)
        self.flags = ctypes.byref(ctypes.c_int())

    def count(self, start: int, length: int) -> int:
        return pdfium_c.FPDFText_CountRects(self.handle, start, length)

    def style(self, index: int) -> int:
        """1 for bold, 2 for italic, 3 for both, 0 for plain; -1 when pdfium cannot tell.

        Read from the font's name ("TimesNewRomanPS-BoldMT", "Times New Roman,Bold"): exporters often leave
        the font descriptor's weight unset, but the name of a bold or italic face says it.
        """
        if not pdfium_c.FPDFText_GetFontInfo(self.handle, index, self.name, self.size, self.flags):
            return -1
        return _style_of(self.name.value)

    def right_of(self, index: int) -> float:
        """The right edge of one character's box."""
        pdfium_c.FPDFText_GetCharBox(self.handle, index, *self.char_refs)
        return self.char_box[1].value

    def get(self, index: int) -> tuple[float, float, float, float]:
        pdfium_c.FPDFText_GetRect(self.handle, index, *self.refs)
        box = self.box
        return box[0].value, box[3].value, box[2].value, box[1].value  # left, bottom, right, top


@functools.lru_cache(maxsize=256)
def _style_of(font_name: bytes) -> int:
    """A plan uses a handful of fonts, each asked about thousands of times: read each name once."""
    name = font_name.lower()
    bold = any(word in name for word in (b"bold", b"black", b"heavy", b"semibold", b"demi"))
    return int(bold) + 2 * (b"italic" in name or b"oblique" in name)


def _line_pieces(textpage, line: str, start: int, height: float) -> list[Piece]:
    count = textpage.count(start, len(line))
    rects = [textpage.get(i) for i in range(count)]
    if not rects:
        return []
    cuts = [0] + [_first_char_of_rect(textpage, start, len(line), k) for k in range(1, count)] + [len(line)]
    pieces = []
    for (left, bottom, right, top), a, b in zip(rects, cuts, cuts[1:]):
        text = line[a:b]
        words = text.split(None, 1)
        if words:
            first = start + a + text.index(words[0])
            word_end = first + len(words[0]) - 1
            style = textpage.style(first)  # pdfium starts a new rectangle where the font changes
            pieces.append(Piece(left, height - top, right, height - bottom, text, start + a,
                                style, style, textpage.right_of(word_end)))
    return pieces


def _first_char_of_rect(textpage, start: int, length: int, k: int) -> int:
    """The smallest prefix of the line that pdfium draws with k+1 rectangles (its rectangles follow char order)."""
    low, high = 1, length
    while low < high:
        middle = (low + high) // 2
        if textpage.count(start, middle) > k:
            high = middle
        else:
            low = middle + 1
    return low - 1


def _mark_superscripts(pieces: list[Piece]) -> list[Piece]:
    """Footnote marks are small raised digits; Word's DOCX and our text form write them as ¹ ²."""
    for before, piece in zip(pieces, pieces[1:]):
        if _raised(piece, before) and piece.x0 >= before.x1 - 1:
            piece.text = piece.text.translate(_SUPERSCRIPT)
    for piece, after in zip(pieces, pieces[1:]):
        # A footnote's own text starts with its mark: "¹ Trong đó: …" at the foot of the page.
        if _raised(piece, after) and 0 <= after.x0 - piece.x1 < after.height:
            piece.text = piece.text.translate(_SUPERSCRIPT)
    return pieces


def _raised(piece: Piece, other: Piece) -> bool:
    """A mark set higher and smaller than the text beside it, and still on its line: a figure that wrapped
    to the line below another column's text is neither."""
    on_line = piece.bottom > other.top + 0.25 * other.height
    raised = piece.bottom < other.bottom - 0.2 * other.height and piece.height < 0.7 * other.height
    return on_line and raised and piece.text.strip().strip("()").isdigit()


def _rules(page, height: float) -> list[Rule]:
    handle = page.raw
    box = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(value) for value in box]
    rules: list[Rule] = []
    for index in range(pdfium_c.FPDFPage_CountObjects(handle)):
        obj = pdfium_c.FPDFPage_GetObject(handle, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        pdfium_c.FPDFPageObj_GetBounds(obj, *refs)
        left, bottom, right, top = (value.value for value in box)
        if top - bottom <= _RULE_THICKNESS < right - left:
            rules.append(Rule(True, height - (top + bottom) / 2, left, right))
        elif right - left <= _RULE_THICKNESS < top - bottom:
            rules.append(Rule(False, (left + right) / 2, height - top, height - bottom))
    return rules
