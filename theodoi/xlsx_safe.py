"""Spreadsheets the office can trust: text never runs as a formula, and every sheet prints readably on A4.

Printing: landscape A4, the header rows repeated on every page, fit to the page's width (as many pages down as
needed), wrapped text in set column widths, and titles in merged cells tall enough that no line is cut. Excel and
LibreOffice do not grow a row to fit wrapped text that openpyxl wrote, so the heights are estimated here.
"""
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
WRAP = Alignment(wrap_text=True, vertical="top")
LINE_POINTS = 15  # one line of 11-12 pt text, with its leading
MAX_ROW_POINTS = 409  # Excel's tallest row
# A column's width unit is the width of a digit of the default font; a Vietnamese word with its diacritics and
# spaces averages a little more, so fewer characters fit a line than the width says.
CHARS_PER_UNIT = 1.1


def safe_cell(value):
    """A leading apostrophe makes Excel and LibreOffice show the text instead of evaluating it (OWASP CSV injection).

    Numbers, dates and None pass unchanged; only text is touched, so "-5" typed as text stays visibly text.
    """
    if isinstance(value, str) and value.startswith(_TRIGGERS):
        return "'" + value
    return value


def lines_needed(text, width: float) -> int:
    """How many lines `text` takes wrapped in a column `width` units wide, counting its own line breaks."""
    per_line = max(1, int(width * CHARS_PER_UNIT))
    return sum(-(-len(part) // per_line) or 1 for part in str(text if text is not None else "").split("\n"))


def fit_row(sheet, row: int, widths: list[float], minimum_lines: int = 1) -> None:
    """Make the row tall enough for its longest wrapped cell."""
    cells = sheet[row]
    lines = max([minimum_lines] + [lines_needed(c.value, w) for c, w in zip(cells, widths) if c.value is not None])
    sheet.row_dimensions[row].height = min(lines * LINE_POINTS + 3, MAX_ROW_POINTS)


def set_widths(sheet, widths: list[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def title_row(sheet, row: int, text: str, widths: list[float], font=None) -> None:
    """A title across every column, wrapped, in a row tall enough to show all of it."""
    cell = sheet.cell(row, 1)
    cell.value = safe_cell(text)
    cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center" if font and font.b else None)
    if font is not None:
        cell.font = font
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    lines = lines_needed(text, sum(widths) * (0.85 if font is not None and font.sz and font.sz > 12 else 1))
    sheet.row_dimensions[row].height = min(lines * (LINE_POINTS + 2) + 4, MAX_ROW_POINTS)


def wrap_all(sheet, first_row: int) -> None:
    for line in sheet.iter_rows(min_row=first_row):
        for cell in line:
            cell.alignment = WRAP


def print_setup(sheet, header_rows: str, last_column: int, last_row: int | None = None) -> None:
    """Landscape A4, fit to one page wide and as many down as needed, `header_rows` ("4:4") on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left, sheet.page_margins.right = 0.6, 0.4
    sheet.page_margins.top, sheet.page_margins.bottom = 0.6, 0.6
    sheet.print_title_rows = header_rows
    sheet.print_options.horizontalCentered = True
    sheet.print_area = f"A1:{get_column_letter(last_column)}{last_row or sheet.max_row}"
