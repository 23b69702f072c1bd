"""Sort a document's tables by what their header row says: task table, appendix table, or layout.

Word documents made to Decree 30/2020/NĐ-CP (Appendix I, layout of an administrative document) put
the heading (issuing body | national motto; number | place and date) and the signature block
("Nơi nhận:" | "TM. ỦY BAN NHÂN DÂN" … name) in borderless two-column tables. Those tables carry
prose, not tasks: only a table whose header row names the task columns gives task rows.
"""
from dataclasses import dataclass, field

from .blocks import Para, Row
from .columns import detect_columns
from .textutil import fold

_INDICATOR_NAME = ("chi tieu",)
_INDICATOR_COLUMNS = ("don vi tinh", "dvt", "ke hoach", "muc tieu", "thuc hien")
_NUMBER_HEADERS = {"tt", "stt", "so tt"}
_HEADER_SEARCH = 2  # a title row ("BIỂU PHÂN CÔNG …") may sit above the header row inside the table
_HEADER_CELL = 120  # no header label is longer ("ĐƠN VỊ CHỦ TRÌ THAM MƯU" is 23)
_SIDE_BY_SIDE = 3   # a layout table this narrow holds blocks side by side: read it column by column


@dataclass
class Layout:
    prose: list[str] = field(default_factory=list)
    task_rows: list[tuple[Row, dict]] = field(default_factory=list)
    appendix_tables: list[list[list[str]]] = field(default_factory=list)
    task_header: Row | None = None  # the first task-table header row, for messages


def split_blocks(blocks) -> Layout:
    """Prose lines in document order (layout-table text included), task rows with their columns,
    and the appendix tables (header row included)."""
    layout = Layout()
    previous: tuple[str, list[Row], dict | None] | None = None
    for item in _grouped(blocks):
        if isinstance(item, Para):
            layout.prose.append(item.text)
            previous = None
            continue
        previous = _take_table(layout, item, previous)
    return layout


def _grouped(blocks):
    """Paragraphs one by one, and each table's rows as one list."""
    rows: list[Row] = []
    for block in blocks:
        if isinstance(block, Row) and (not rows or rows[-1].table == block.table):
            rows.append(block)
            continue
        if rows:
            yield rows
        rows = [block] if isinstance(block, Row) else []
        if isinstance(block, Para):
            yield block
    if rows:
        yield rows


def _take_table(layout: Layout, rows: list[Row], previous):
    kind, start, columns = _classify(rows, previous)
    if kind == "layout":
        layout.prose.extend(_layout_lines(rows))
        return None
    layout.prose.extend(_layout_lines(rows[:start]))  # a title row above the header row
    if kind == "task":
        assert columns is not None  # a task table has its header's columns, or those of the one it continues
        columns = _take_task_rows(layout, rows[start:], columns)
    elif start == 0 and previous and previous[0] == "appendix":
        layout.appendix_tables[-1].extend(list(r.cells) for r in rows)  # the same table after a page break
    else:
        layout.appendix_tables.append([list(r.cells) for r in rows[start:]])
    return kind, rows, columns


def _header_columns(cells: list[str]) -> dict | None:
    # Header cells are short labels; folding every long data cell to find out costs most of a parse.
    return detect_columns(cells) if all(len(c) <= _HEADER_CELL for c in cells) else None


def _classify(rows: list[Row], previous) -> tuple[str, int, dict | None]:
    for index, row in enumerate(rows[:_HEADER_SEARCH]):
        columns = _header_columns(row.cells)
        if columns:
            return "task", index, columns
        if all(len(c) <= _HEADER_CELL for c in row.cells) and is_appendix_header(row.cells):
            return "appendix", index, None
    # A table that repeats no header continues the table just before it only when nothing stands
    # between them and it has the same columns, as Word splits one table at a page break.
    if previous and len(rows[0].cells) == len(previous[1][-1].cells):
        return previous[0], 0, previous[2]
    return "layout", 0, None


def _take_task_rows(layout: Layout, rows: list[Row], columns: dict) -> dict:
    for row in rows:
        header = _header_columns(row.cells)
        if header:  # the header row, or its repeat inside one long table
            columns = header
            layout.task_header = layout.task_header or row
        elif any(c.strip() for c in row.cells):
            layout.task_rows.append((row, columns))
    return columns


def is_appendix_header(cells: list[str]) -> bool:
    """"STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2025": an indicator table's header row."""
    folded = [fold(c) for c in cells]
    named = any(any(word in c for word in _INDICATOR_NAME) for c in folded)
    other = sum(1 for c in folded if c.rstrip(".") in _NUMBER_HEADERS
                or any(word in c for word in _INDICATOR_COLUMNS))
    return named and other >= 1 and len(cells) >= 3


def _layout_lines(rows: list[Row]) -> list[str]:
    """The text of a layout table as prose lines: side-by-side blocks column by column, so the
    issuing body stays with its name and number, and the signing body with its signer."""
    width = max(len(r.cells) for r in rows) if rows else 0
    if width <= _SIDE_BY_SIDE:
        cells = [r.cells[c] for c in range(width) for r in rows if c < len(r.cells)]
    else:
        cells = [cell for r in rows for cell in r.cells]
    return [line.strip() for cell in cells for line in cell.split("\n") if line.strip()]
