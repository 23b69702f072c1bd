"""Text runs and ruling lines of one PDF page, read with pypdfium2's C API (pypdfium2.raw).

pdfium already orders a page's characters and breaks them into lines; what it does not give cheaply is
which part of a line sits where. We ask it for the rectangles of each line (one C call per line in the
common case) and split the line's text between them, instead of asking for every character's box,
which costs ten times more on a 50-page plan.
The pages are handled through the raw C API, not pypdfium2's page objects: a 50-page plan is read in
tens of milliseconds, and each helper object costs as much as a page's C work (see bench/parse.py).
Coordinates are turned top-down (y grows down the page), as a reader reads.
"""
import ctypes
import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import pdf_capi as capi

# A path thinner than this is a drawn rule (table border), not a shape.
_RULE_THICKNESS = 2.5
_SUPERSCRIPT = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
_BOLD_WORDS = (b"bold", b"black", b"heavy", b"semibold", b"demi")
_NAME_SIZE = 128  # bytes for a font's name; a longer one is read with a buffer of its own


@dataclass(slots=True)
class Piece:
    """A run of text that pdfium keeps together on one line."""
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    order: int = 0  # position in the page's content stream: exporters write a table cell by cell
    # Style of its first and last letter (see _style_of): a style that changes exactly at a line break
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


def page_content(document, index: int) -> tuple[list[Piece], list[Rule]]:
    """The pieces and rules of page `index` of a pypdfium2 document; PdfiumError when pdfium cannot load it."""
    page = pdfium_c.FPDF_LoadPage(document.raw, index)
    if not page:
        raise pdfium.PdfiumError(f"page {index} cannot be loaded")
    try:
        height = pdfium_c.FPDF_GetPageHeightF(page)
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:  # its text layer cannot be built
            raise pdfium.PdfiumError(f"page {index} has no readable text layer")
        try:
            pieces = _pieces(textpage, height)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
        return pieces, _rules(page, height)
    finally:
        pdfium_c.FPDF_ClosePage(page)


def _page_text(textpage) -> str:
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    return bytes(buffer)[:2 * max(written - 1, 0)].decode("utf-16-le", errors="ignore")


class _Page:
    """One text page's C calls with their out-parameters made once: a page asks thousands of times."""

    def __init__(self, textpage, height: float) -> None:
        self.handle, self.height = textpage, height
        self.box = [ctypes.c_double() for _ in range(4)]
        self.refs = tuple(ctypes.byref(value) for value in self.box)
        self.name = ctypes.create_string_buffer(_NAME_SIZE)
        self.name_size = ctypes.c_ulong(_NAME_SIZE)  # an unsigned long in C: passed as one, not as a C int
        self.flags = ctypes.byref(ctypes.c_int())

    def style(self, index: int, size: int) -> int:
        """The style of char `index` when the pieces loop could not read it from the buffer: a font name
        read for the first time, or longer than the buffer (pdfium then copies nothing); -1 with no font."""
        if size <= 0:
            return -1
        if size <= _NAME_SIZE:
            return _style_of(self.name.value)
        name = ctypes.create_string_buffer(size)
        capi.get_font_info(self.handle, index, name, ctypes.c_ulong(size), self.flags)
        return _style_of(name.value)

    def runs(self, line: str, start: int, count: int) -> list[tuple[str, int, float, float, float, float]]:
        """(text, first char, left, top, right, bottom) of each of the `count` rectangles pdfium draws the line
        with, as pdfium measures (bottom-up)."""
        cuts = _cuts(self, start, len(line), count)
        capi.count_rects(self.handle, start, len(line))  # get_rect reads the rectangles of the last count
        left, top, right, bottom = self.box
        runs = []
        for index in range(count):
            capi.get_rect(self.handle, index, *self.refs)
            a, b = cuts[index], cuts[index + 1]
            runs.append((line[a:b], start + a, left.value, top.value, right.value, bottom.value))
        return runs

    def pieces(self, text: str) -> list[Piece]:
        """A piece for each run of each line holding a word, with the style of its first letter (pdfium
        starts a new rectangle where the font changes) and where its first word ends.

        Written as one loop with its C functions at hand: a plan has thousands of runs, and a call of our
        own per run or per line costs as much as pdfium's work. Most lines are one rectangle (the whole
        line), read in the loop itself; split_line reads the others alike, rectangle by rectangle.
        """
        handle, name, name_size, flags, height = self.handle, self.name, self.name_size, self.flags, self.height
        r0, r1, r2, r3 = self.refs
        count_rects, get_rect = capi.count_rects, capi.get_rect
        font_info, char_box = capi.get_font_info, capi.get_char_box
        box_left, box_top, box_right, box_bottom = self.box  # GetCharBox fills left, right, …: box_top is its right
        styles = _STYLES
        pieces: list[Piece] = []
        append, start = pieces.append, 0
        for line in text.split("\r\n"):
            length = len(line)
            if not length or line.isspace():
                start += length + 2
                continue
            count = count_rects(handle, start, length)
            if count != 1:
                pieces += self.split_line(line, start, count)
                start += length + 2
                continue
            get_rect(handle, 0, r0, r1, r2, r3)
            left, top, right, bottom = box_left.value, box_top.value, box_right.value, box_bottom.value
            word = line.split(None, 1)[0]
            first = start + line.index(word)
            size = font_info(handle, first, name, name_size, flags)  # the name's length, NUL included
            style = styles.get(name.value) if 0 < size <= _NAME_SIZE else None
            if style is None:
                style = self.style(first, size)
            char_box(handle, first + len(word) - 1, r0, r1, r2, r3)
            append(Piece(left, height - top, right, height - bottom, line, start, style, style, box_top.value))
            start += length + 2
        return pieces

    def split_line(self, line: str, start: int, count: int) -> list[Piece]:
        """The pieces of a line pdfium draws with `count` rectangles (a change of font or of text object):
        one for each rectangle holding a word, as the pieces loop makes for a line of one rectangle."""
        pieces = []
        for piece, at, left, top, right, bottom in self.runs(line, start, count):
            words = piece.split(None, 1)
            if words:
                first = at + piece.index(words[0])
                size = capi.get_font_info(self.handle, first, self.name, self.name_size, self.flags)
                style = _STYLES.get(self.name.value) if 0 < size <= _NAME_SIZE else None
                if style is None:
                    style = self.style(first, size)
                capi.get_char_box(self.handle, first + len(words[0]) - 1, *self.refs)
                pieces.append(Piece(left, self.height - top, right, self.height - bottom, piece, at, style, style,
                                    self.box[1].value))
        return pieces


_STYLES: dict[bytes, int] = {}


def _style_of(font_name: bytes) -> int:
    """1 for bold, 2 for italic, 3 for both, 0 for plain (-1, set by the caller, when pdfium cannot tell).

    Read from the font's name ("TimesNewRomanPS-BoldMT", "Times New Roman,Bold"): exporters often leave
    the font descriptor's weight unset, but the name of a bold or italic face says it. A plan uses a handful
    of fonts, each asked about thousands of times: each name is read once."""
    style = _STYLES.get(font_name)
    if style is None:
        name = font_name.lower()
        style = int(any(word in name for word in _BOLD_WORDS)) + 2 * (b"italic" in name or b"oblique" in name)
        if len(_STYLES) < 1024:  # a hostile file may name a font per glyph
            _STYLES[font_name] = style
    return style


def _pieces(textpage, height: float) -> list[Piece]:
    text = _page_text(textpage)
    pieces = _Page(textpage, height).pieces(text)
    if not unicodedata.is_normalized("NFC", text):  # Word sometimes saves decomposed accents
        for piece in pieces:
            piece.text = unicodedata.normalize("NFC", piece.text)
    return _mark_superscripts(pieces)


def _cuts(page: _Page, start: int, length: int, count: int) -> list[int]:
    """Where each of the line's `count` rectangles starts, and its length: rectangle k starts one char before
    the shortest prefix of the line that pdfium draws with k+1 rectangles (they follow char order, and one
    more char adds at most one rectangle, so each search starts past the one before)."""
    cuts, low = [0], 1
    handle, count_rects = page.handle, capi.count_rects
    for k in range(1, count):
        high = length
        while low < high:
            middle = (low + high) // 2
            if count_rects(handle, start, middle) > k:
                high = middle
            else:
                low = middle + 1
        cuts.append(low - 1)
        low += 1
    return cuts + [length]


def _mark_superscripts(pieces: list[Piece]) -> list[Piece]:
    """Footnote marks are small raised digits; Word's DOCX and our text form write them as ¹ ²."""
    for i, piece in enumerate(pieces):
        head = piece.text[:1]  # most pieces start with a letter: no figure alone, known without stripping
        if not (head.isdigit() or head in "()" or head.isspace()) or not piece.text.strip().strip("()").isdigit():
            continue
        before = pieces[i - 1] if i else None
        after = pieces[i + 1] if i + 1 < len(pieces) else None
        if before is not None and _raised(piece, before) and piece.x0 >= before.x1 - 1:
            piece.text = piece.text.translate(_SUPERSCRIPT)
        elif after is not None and _raised(piece, after) and 0 <= after.x0 - piece.x1 < after.height:
            # A footnote's own text starts with its mark: "¹ Trong đó: …" at the foot of the page.
            piece.text = piece.text.translate(_SUPERSCRIPT)
    return pieces


def _raised(piece: Piece, other: Piece) -> bool:
    """A mark set higher and smaller than the text beside it, and still on its line: a figure that wrapped
    to the line below another column's text is neither."""
    on_line = piece.bottom > other.top + 0.25 * other.height
    raised = piece.bottom < other.bottom - 0.2 * other.height and piece.height < 0.7 * other.height
    return on_line and raised


def _rules(page, height: float) -> list[Rule]:
    """The page's drawn rules. A plan page holds thousands of objects, most of them text: the loop asks each
    only its type, and reads the bounds of paths alone."""
    box = [ctypes.c_float() for _ in range(4)]
    box_left, box_bottom, box_right, box_top = box
    r0, r1, r2, r3 = (ctypes.byref(value) for value in box)
    get_object, get_type, bounds = capi.get_object, capi.object_type, capi.object_bounds
    path = pdfium_c.FPDF_PAGEOBJ_PATH
    rules: list[Rule] = []
    for index in range(capi.count_objects(page)):
        obj = get_object(page, index)
        if get_type(obj) != path:
            continue
        bounds(obj, r0, r1, r2, r3)
        left, bottom, right, top = box_left.value, box_bottom.value, box_right.value, box_top.value
        if top - bottom <= _RULE_THICKNESS < right - left:
            rules.append(Rule(True, height - (top + bottom) / 2, left, right))
        elif right - left <= _RULE_THICKNESS < top - bottom:
            rules.append(Rule(False, (left + right) / 2, height - top, height - bottom))
    return rules
