"""A borderless two-column block cut by a page break, put back in the DOCX reader's order.

Word and LibreOffice lay the Decree 30 signature block out as a borderless two-column table ("Nơi nhận:" and its
list at the left; "TM. ỦY BAN NHÂN DÂN" … the signer's name at the right). A PDF has no table there, only text
in stream order, which is cell by cell on each page: when the block runs onto the next page, the page order
gives left, right, left, right. The DOCX reader reads the whole left cell, then the whole right cell.
"""
from .pdf_layout import Line


def columns_across_pages(run: list[Line]) -> list[Line]:
    """`run` (prose lines in reading order, each knowing its page) with each page-cut side-by-side block
    read column by column: left lines of both pages, then right lines of both pages."""
    if not run:
        return run
    middle = (min(line.x0 for line in run) + max(line.x1 for line in run)) / 2
    out = list(run)
    for page in sorted({line.page for line in run})[1:]:
        out = _mend(out, page, middle)
    return out


def _mend(lines: list[Line], page: int, middle: float) -> list[Line]:
    start = next(i for i, line in enumerate(lines) if line.page == page)
    tail = _one_sided(lines[:start][::-1], middle)[::-1]
    head = _one_sided(lines[start:], middle)
    if not head or not _side_by_side(tail, middle):
        return lines
    left = [line for line in tail + head if line.x1 <= middle]
    right = [line for line in tail + head if line.x1 > middle]
    return lines[:start - len(tail)] + left + right + lines[start + len(head):]


def _one_sided(lines: list[Line], middle: float) -> list[Line]:
    """The lines, from the first, that keep to one half of the page (none straddles the middle)."""
    taken = []
    for line in lines:
        if line.x0 < middle < line.x1:
            break
        taken.append(line)
    return taken


def _side_by_side(lines: list[Line], middle: float) -> bool:
    """Some left line and some right line share a height on the page: two cells of one row."""
    left = [line for line in lines if line.x1 <= middle]
    right = [line for line in lines if line.x1 > middle]
    return any(a.top < b.bottom and b.top < a.bottom for a in left for b in right)
