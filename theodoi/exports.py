"""Every file the app hands out goes through here: one safe workbook, one download response, one DOCX path.

Workbooks. Text is written as text: a cell starting with = + - @ (or a tab or CR) is stored as a string with
openpyxl's quotePrefix style, so Excel and LibreOffice show it and never evaluate it (OWASP CSV injection), and
nothing visible is added to what the user typed. Characters XML forbids (a BEL or a form feed pasted from another
program) are dropped, since openpyxl refuses them and one of them would otherwise break the whole download.
Printing: landscape A4, the header rows repeated on every page, fit to the page's width (as many pages down as
needed), wrapped text in set column widths, titles in merged cells tall enough that no line is cut. Excel and
LibreOffice do not grow a row to fit wrapped text that openpyxl wrote, so the heights are estimated here.

Numbers. A number in a table keeps the thousands separator and its own decimals ("#,##0", "#,##0.0"), so a day count
prints "1.341" and an amount "38.000.000.000" where Excel or LibreOffice runs in Vietnamese (issue 11, item 15), and
stays a number the office can sum.

Downloads. Django's FileResponse, whose RFC 6266/5987 encoder names the file, so a name with Vietnamese letters
reaches the browser intact; tests read the body with `.getvalue()`.

DOCX: the generator code is shared. The reminder letter and the evaluation proposal are drafted by the one Decree 30
builder (theodoi/decree30.py: page, header, body, tables, signature). The monthly report is the one document the
office restyles in Word, so it stays a docxtpl template (dashboard/templates_docx/), built by
dashboard/exports/make_template.py from the same builder's page set-up, table widths and unsplittable rows; the maker
writes a template only where no file exists (`save_new`), so an edited template is never overwritten. Turning the
letter and the proposal into templates too would put variable-length tables and conditional paragraphs into Word
tags the office could break while restyling, with no gain in layout, which is already Decree 30's.
"""
from collections.abc import Sequence
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from django.http import FileResponse
from docxtpl import DocxTemplate
from jinja2 import Environment
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from theodoi import formatting

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)
THOUSANDS = "#,##0"
MAX_PLACES = 6  # a value entered with more decimals still shows six
LINE_POINTS = 15  # one line of 11-12 pt text, with its leading
MAX_ROW_POINTS = 409  # Excel's tallest row
# A column's width unit is the width of a digit of the default font; a Vietnamese word with its diacritics and
# spaces averages a little more, so fewer characters fit a line than the width says.
CHARS_PER_UNIT = 1.1


# ---- the safe workbook --------------------------------------------------------------------------------------------

def clean(value):
    """Text without the characters XML forbids; numbers, dates and None pass unchanged."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def put(cell, value):
    """Write a value so that text stays text; returns the cell."""
    value = clean(value)
    cell.value = value
    if isinstance(value, str) and value.startswith(TRIGGERS):
        cell.data_type = "s"  # openpyxl typed "=…" as a formula on assignment
        cell.quotePrefix = True
    return cell


def append(sheet, values) -> None:
    """sheet.append for untrusted values: each written through put()."""
    values = list(values)
    sheet.append([clean(v) for v in values])
    if not values:
        return
    row = sheet.max_row  # append created a cell for every value, so its row is the last one
    for column, value in enumerate(values, start=1):
        put(sheet.cell(row, column), value)


def workbook_bytes(book) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def strip_old_guard(text: str) -> str:
    """Files downloaded before the quote-prefix guard carry a visible apostrophe before = + - @; drop it on upload."""
    return text[1:] if text.startswith("'") and text[1:].startswith(TRIGGERS) else text


# ---- print set-up -------------------------------------------------------------------------------------------------

def lines_needed(text, width: float) -> int:
    """How many lines `text` takes wrapped in a column `width` units wide, counting its own line breaks.

    Wrapped as the spreadsheet wraps, at spaces: "Chưa xếp hạng" in a narrow column is three lines, not the two
    its characters alone would fill, and a row sized by characters would cut its last word off.
    """
    per_line = max(1, int(width * CHARS_PER_UNIT))
    return sum(_wrapped_lines(part, per_line) for part in str(text if text is not None else "").split("\n"))


def _wrapped_lines(paragraph: str, per_line: int) -> int:
    lines, used = 1, 0
    for word in paragraph.split():
        if used and used + 1 + len(word) <= per_line:
            used += 1 + len(word)
            continue
        if used:
            lines += 1
        lines += (len(word) - 1) // per_line  # a word longer than the line breaks inside it, as Excel does
        used = len(word) - (len(word) - 1) // per_line * per_line
    return lines


def fit_row(sheet, row: int, widths: Sequence[float], minimum_lines: int = 1) -> None:
    """Make the row tall enough for its longest wrapped cell."""
    cells = sheet[row]
    lines = max([minimum_lines] + [lines_needed(c.value, w) for c, w in zip(cells, widths, strict=False)
                                   if c.value is not None])
    sheet.row_dimensions[row].height = min(lines * LINE_POINTS + 3, MAX_ROW_POINTS)


def set_widths(sheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def title_row(sheet, row: int, text: str, widths: Sequence[float], font=None) -> None:
    """A title across every column, wrapped, in a row tall enough to show all of it."""
    cell = put(sheet.cell(row, 1), text)
    cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center" if font and font.b else None)
    if font is not None:
        cell.font = font
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    lines = lines_needed(text, sum(widths) * (0.85 if font is not None and font.sz and font.sz > 12 else 1))
    sheet.row_dimensions[row].height = min(lines * (LINE_POINTS + 2) + 4, MAX_ROW_POINTS)


def heading_row(sheet, row: int, headings: Sequence[str], widths: Sequence[float]) -> None:
    """A table's column headings: bold, centred, wrapped, in a row tall enough for the longest (bold letters are
    wider, hence three quarters of the width)."""
    for column, heading in enumerate(headings, start=1):
        cell = put(sheet.cell(row, column), heading)
        cell.font, cell.alignment = BOLD, Alignment(wrap_text=True, vertical="center", horizontal="center")
    fit_row(sheet, row, [width * 0.75 for width in widths])


def number_format(value) -> str | None:
    """The thousands separator and exactly the value's own decimals: "#,##0" for 1341 or 38000000000, "#,##0.0" for
    10.8 (Excel's "#,##0.##" would print a whole number with a bare decimal sign, "25,"). None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    number = Decimal(str(value))
    if not number.is_finite():
        return None
    exponent = number.normalize().as_tuple().exponent
    places = min(-exponent, MAX_PLACES) if isinstance(exponent, int) and exponent < 0 else 0
    return THOUSANDS + ("." + "0" * places if places else "")


def wrap_all(sheet, first_row: int) -> None:
    """Wrapped text, and numbers with the thousands separator: "1.341", "38.000.000.000", "10,8" where the office's
    Excel runs in Vietnamese (the separators are the reader's locale's; the cell stays a number that sums)."""
    for line in sheet.iter_rows(min_row=first_row):
        for cell in line:
            cell.alignment = WRAP
            if cell.number_format == "General" and (shown := number_format(cell.value)):
                cell.number_format = shown


def widen_for_numbers(sheet, widths: Sequence[float], first_row: int) -> list[float]:
    """A number does not wrap: in a column too narrow for it Excel and LibreOffice print "###". Each column is made
    at least as wide as its longest number written the Vietnamese way ("38.000.000.000"), with a little margin."""
    widths = list(widths)
    for line in sheet.iter_rows(min_row=first_row, max_col=len(widths)):
        for cell in line:
            if number_format(cell.value):
                column = cell.column - 1
                widths[column] = max(widths[column], len(formatting.number(cell.value)) + 2)
    return widths


def finish_table(sheet, header_row: int, widths: Sequence[float], frozen_column: str = "A") -> None:
    """A table under its header row, as every annex prints it: the widths (wide enough for its numbers), wrapped
    cells in rows tall enough for them, the header frozen on screen and repeated on every landscape A4 page."""
    widths = widen_for_numbers(sheet, widths, header_row + 1)
    set_widths(sheet, widths)
    wrap_all(sheet, header_row + 1)
    for row in range(header_row + 1, sheet.max_row + 1):
        fit_row(sheet, row, widths)
    sheet.freeze_panes = f"{frozen_column}{header_row + 1}"
    print_setup(sheet, f"{header_row}:{header_row}", len(widths))


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


# ---- downloads ----------------------------------------------------------------------------------------------------

def download(content: bytes, filename: str, content_type: str) -> FileResponse:
    """The one download response: Django's FileResponse, which names the attachment with its RFC 6266 encoder (a
    Vietnamese file name reaches every browser) and sets the length."""
    return FileResponse(BytesIO(content), as_attachment=True, filename=filename, content_type=content_type)


# ---- DOCX templates -----------------------------------------------------------------------------------------------

def render_template(template: Path, context: dict) -> bytes:
    """A docxtpl template the office may restyle in Word, filled with `context` (values escaped, as the page does)."""
    document = DocxTemplate(template)
    document.render(context, Environment(autoescape=True), autoescape=True)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def save_new(document, target: Path) -> Path:
    """Save a freshly built template beside an existing one, never over it: the office may have restyled it in Word.

    Returns where it was written: `target` when it did not exist, else the first free "<name>-moi[-N].docx".
    """
    path, number = target, 1
    while path.exists():
        suffix = "-moi" if number == 1 else f"-moi-{number}"
        path, number = target.with_name(f"{target.stem}{suffix}{target.suffix}"), number + 1
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path
