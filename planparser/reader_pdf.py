"""Read a PDF plan that has a text layer (exported from Word or LibreOffice) into the same blocks as DOCX.

Tables come from the drawn cell borders (pdf_grid), text outside them becomes paragraphs (pdf_layout).
Each page's part of a table is a table of its own, as each page of the text form is: plan.py already
expects the header row to repeat and a row to continue on the next page.

pypdfium2 was chosen over pdfplumber by measurement (see the commit that added this module): on the
sample plan both read the same text, and pypdfium2 is about 15 times faster.
Speed (issue 10, bench/parse.py): pdfium loading the pages and their text layers is nearly half of parsing
the sample PDF, this reader about 40%: a third of that its ten thousand calls into pdfium (four for a line
of text: its rectangles, one of them, its font, where its first word ends; see pdf_capi), the rest an
object per run of text and per line, placed in its cell and joined into paragraphs. Hence the C API
without per-call conversion, each repeated table header read once, and no builtin call (min, max) where
a comparison does in the code run for every line.
"""
from collections.abc import Sequence
from operator import attrgetter

import pypdfium2 as pdfium

from .blocks import Para, PlanReadError, Row
from .columns import detect_columns, number_token
from .pdf_columns import columns_across_pages
from .pdf_grid import Grid, find_grids
from .pdf_layout import LINE_END_HYPHEN, Line, make_lines, paragraphs
from .pdf_text import Piece, page_content

# A plan runs to tens of pages; thousands mean a damaged or hostile file, and each page costs time.
MAX_PAGES = 400


def read_pdf(data: bytes, name: str = "tệp") -> list[Para | Row]:
    document = _open(data, name)
    try:
        pages = [_read_page(document, index, name) for index in range(len(document))]
    finally:
        document.close()
    if not any(pieces for pieces, _ in pages):
        raise PlanReadError(
            f"Tệp PDF «{name}» không có lớp chữ (có thể là bản quét hoặc ảnh chụp), nên không đọc được nội dung. "
            "Hãy tải lên bản Word (.docx) hoặc bản PDF được xuất trực tiếp từ Word."
        )
    return _blocks(pages, _keeps_spaces(pages))


def _keeps_spaces(pages) -> bool:
    """Does the exporter keep the space where a line wraps? Most long lines of a plan are wrapped lines."""
    long_lines = spaced = 0
    for pieces, _ in pages:
        for piece in pieces:
            if len(piece.text) >= 20:
                long_lines += 1
                spaced += piece.text[-1] == " "
    return spaced >= 0.25 * max(long_lines, 1)


def _open(data: bytes, name: str):
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PlanReadError(f"Tệp PDF «{name}» được đặt mật khẩu; "
                                "hãy gỡ mật khẩu hoặc tải lên bản Word (.docx).") from None
        raise PlanReadError(f"Tệp PDF «{name}» bị hỏng hoặc không đầy đủ; hãy xuất lại PDF từ Word "
                            "hoặc tải lên bản Word (.docx).") from None
    if len(document) > MAX_PAGES:
        pages = len(document)
        document.close()
        raise PlanReadError(f"Tệp PDF «{name}» có {pages} trang, quá giới hạn {MAX_PAGES} trang của một kế hoạch.")
    return document


def _read_page(document, index: int, name: str):
    try:
        return page_content(document, index)
    except pdfium.PdfiumError:  # the page, or its text layer, cannot be built
        raise PlanReadError(f"Tệp PDF «{name}»: trang {index + 1} bị hỏng, không đọc được.") from None


def _blocks(pages, keeps_spaces: bool) -> list[Para | Row]:
    """Tables and prose in page order; prose is gathered between tables so a paragraph may cross a page."""
    items: list = []  # Line (prose) or a (Grid, cell texts) pair, in reading order
    for page, (pieces, rules) in enumerate(pages):
        for item in _page_items(pieces, rules):
            if isinstance(item, Line):
                item.page = page
            items.append(item)
    blocks: list[Para | Row] = []
    counter = {"para": 0, "row": 0, "table": 0}
    right = max((item.x1 for item in items if isinstance(item, Line)), default=0.0)
    run: list[Line] = []
    before: list[Row] = []  # the previous page's part of the table
    headers: dict = {}  # header rows read so far, by what they print (see _header_row)
    for item in items + [None]:
        if isinstance(item, Line):
            run.append(item)
            continue
        for text in paragraphs(columns_across_pages(run), right, keeps_spaces):
            counter["para"] += 1
            blocks.append(Para(text=text, line=counter["para"]))
        run = []
        if item is not None:
            grid, cells = item
            rows = _table_rows(grid, cells, counter, keeps_spaces, before, headers)
            before = [row for row in rows if isinstance(row, Row)]
            blocks.extend(rows)
    return blocks


def _page_items(pieces: list[Piece], rules) -> list:
    grids = find_grids(rules)
    prose, inside = _by_cell(pieces, grids)
    lines = _without_page_numbers(make_lines(prose))
    items: list[tuple[int, Line | tuple[Grid, dict]]] = [(line.order, line) for line in lines]
    items += [(_order(cells), (g, cells)) for g, cells in zip(grids, inside, strict=True)]
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def _by_cell(pieces: list[Piece], grids: list[Grid]) -> tuple[list[Piece], list[dict[tuple[int, int], list[Piece]]]]:
    """The pieces outside every table (prose), and each table's pieces by the merged cell holding their middle."""
    if len(grids) == 1:  # most pages hold one table
        prose, cells = grids[0].place(pieces)
        return prose, [cells]
    return _by_cell_of_tables(pieces, grids, [{} for _ in grids])


def _by_cell_of_tables(pieces: list[Piece], grids: list[Grid], inside: list[dict]) -> tuple[list[Piece], list[dict]]:
    prose: list[Piece] = [] if grids else pieces
    reaches = [(grid.reach, grid, cells) for grid, cells in zip(grids, inside, strict=True)]
    for piece in pieces if grids else ():
        x, y = (piece.x0 + piece.x1) / 2, (piece.top + piece.bottom) / 2
        for (left, top, right, bottom), grid, cells in reaches:
            if left <= x <= right and top <= y <= bottom:
                cells.setdefault(grid.cell_at(x, y), []).append(piece)
                break
        else:
            prose.append(piece)
    return prose, inside


def _order(cells: dict[tuple[int, int], list[Piece]]) -> int:
    """Where the table starts in the content stream: a page's pieces come in stream order, so a cell's first
    piece is its earliest."""
    return min((pieces[0].order for pieces in cells.values()), default=1 << 30)


def _without_page_numbers(lines: list[Line]) -> list[Line]:
    """Decree 30 numbers pages at the top centre; a bare number above or below all text is not content."""
    def is_number(line: Line) -> bool:
        return line.text.isdigit() and len(line.text) <= 3
    if lines and is_number(lines[0]):
        lines = lines[1:]
    if lines and is_number(lines[-1]):
        lines = lines[:-1]
    return lines


def _table_rows(grid: Grid, cells: dict, counter, keeps_spaces: bool, before: list[Row],
                headers: dict) -> Sequence[Para | Row]:
    if len(grid.xs) == 2:
        # A one-column table is a framed text box, as in the DOCX reader: its text is prose.
        texts = [_cell_text(grid, r, 0, cells.get((r, 0), []), keeps_spaces) for r in range(len(grid.ys) - 1)]
        return [Para(text=t, line=counter["para"]) for text in texts for t in text.split("\n") if t]
    counter["table"] += 1
    rows: list[Row] = []
    above: list[str] = []
    for r in range(len(grid.ys) - 1):
        if r == 0:
            texts, merged = _header_row(grid, cells, keeps_spaces, headers)
        else:
            texts, merged = _grid_row(grid, r, cells, above, keeps_spaces)
        counter["row"] += 1
        rows.append(Row(cells=texts, line=counter["row"], table=counter["table"], merged_above=merged))
        above = _across_page(grid, texts, rows, before) if r == 1 else texts
    return rows


def _across_page(grid: Grid, texts: list[str], rows: list[Row], before: list[Row]) -> list[str]:
    """The first row under a repeated header, as the rows merged below it must copy it.

    A cell merged down across a page break (one leader for several tasks) prints its text on the first page
    only, or its head there and its tail here ("Phó" / "Chủ tịch phụ trách Văn hóa XH"): the rows below copy
    the whole text. The first row itself keeps its tail when the page cut its row (no number printed in its
    number cell), so the tree joins it to the row above like any other cut cell.

    A new task's empty cell there is read as that merged cell only where it shows going on down the page,
    or in the leader and lead-unit columns, which a task never leaves empty; the row marks it merged, and
    the tree warns that it was read so.
    """
    if not before or len(before[-1].cells) != len(texts) or rows[0].cells != before[0].cells:
        return texts
    columns = detect_columns(rows[0].cells) or {}
    number = columns.get("number", 0)
    # Only a printed number starts a new task: text there is a row cut by the page, or shifted into it.
    last, cut, row = before[-1].cells, number_token(texts[number]) is None, rows[-1]
    never_empty = {columns[role] for role in ("leader", "lead") if role in columns}
    whole = list(texts)
    for c, text in enumerate(texts):
        if c == number or not last[c]:
            continue
        spans = _spans_down(grid, 1, c)
        if text and cut and spans and not text.endswith(last[c]):
            # (A text that ends as the page before ended is the whole value printed again, as a document
            # converted page by page prints a merged cell on every page.)
            whole[c] = f"{last[c]} {text}"
        elif not text and cut and spans:
            whole[c] = last[c]
        elif not text and not cut and _own(grid, c) and (spans or c in never_empty and _assigned(texts, columns, c)):
            texts[c] = whole[c] = last[c]
            row.merged_above.add(c)
    return whole


def _own(grid: Grid, c: int) -> bool:
    """The first data row's cell in column c is a cell of its own, not covered by one merged across."""
    return grid.region(1, c) == (1, c)


def _assigned(texts: list[str], columns: dict[str, int], c: int) -> bool:
    """The row assigns something besides column c: a group heading leaves every assignment cell empty."""
    return any(texts[i] for role, i in columns.items() if role not in ("number", "task") and i != c and i < len(texts))


def _spans_down(grid: Grid, r: int, c: int) -> bool:
    if r + 1 >= len(grid.ys) - 1:
        return False
    return grid.region(r, c) == (r, c) == grid.region(r + 1, c)


def _header_row(grid: Grid, cells: dict, keeps_spaces: bool, headers: dict) -> tuple[list[str], set[int]]:
    """A table's first row. Word repeats the header row at the top of every page, printed the same: the
    same pieces of text in the same ruled cells read the same, so each print is read once."""
    columns = range(len(grid.xs) - 1)
    printed = tuple(tuple(map(_printed, cells.get((0, c), ()))) for c in columns)
    key = (tuple(grid.xs), grid.row_shape(0), keeps_spaces, printed)
    if key not in headers:
        headers[key] = _grid_row(grid, 0, cells, [], keeps_spaces)
    texts, merged = headers[key]
    return list(texts), set(merged)


# What of a piece its cell's text depends on: everything but its place in the content stream.
_printed = attrgetter("x0", "top", "x1", "bottom", "text", "style_first", "style_last", "first_word_x1")


def _grid_row(grid: Grid, r: int, cells: dict, above: list[str], keeps_spaces: bool) -> tuple[list[str], set[int]]:
    texts: list[str] = []
    merged: set[int] = set()
    for c in range(len(grid.xs) - 1):
        region = grid.region(r, c)
        if region == (r, c):
            texts.append(_cell_text(grid, r, c, cells.get(region, []), keeps_spaces))
        elif region[1] == c:  # the continuation of a vertically merged cell, as Word's vMerge
            merged.add(c)
            texts.append(above[c] if c < len(above) else "")
        else:  # covered by a cell merged across from the left, as Word's gridSpan
            texts.append("")
    return texts, merged


def _cell_text(grid: Grid, r: int, c: int, pieces: list[Piece], keeps_spaces: bool) -> str:
    if not pieces:
        return ""
    lines = make_lines(pieces)
    if len(lines) == 1:  # a number, a unit, a date: nothing to join, no edges to measure
        return lines[0].text.replace(LINE_END_HYPHEN, "-")
    end = grid.right_wall(r, c)
    padding = min([line.x0 for line in lines]) - grid.xs[c]
    padding = 1.0 if padding < 1.0 else 8.0 if padding > 8.0 else padding  # within 1 and 8 points
    # Centred lines (a header cell's "PHÂN" / "CÔNG") start further in than the padding: they are not flush left.
    return "\n".join(paragraphs(lines, grid.xs[end] - padding, keeps_spaces, grid.xs[c] + padding))
