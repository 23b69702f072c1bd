"""Read a .docx plan with python-docx into the same blocks as the text form.

Word repeats a merged cell in every grid position it covers; we walk the XML cells instead
(one <w:tc> is one cell), so a horizontal merge is read once and a vertical merge is marked.
Merge attributes are read from the XML as written, not through python-docx's typed properties, which raise a
bare ValueError on a damaged value (gridSpan="abc"); a damaged span is told with its table, row and cell.
"""
import io
import re
import zipfile
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from .blocks import Para, PlanReadError, Row
from .docx_damage import bad_cell_message, explain, no_body_message
from .textutil import nfc

_SUPERSCRIPT = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
# A Word table has at most 63 columns, so a wider span is damage (and would fill memory with empty cells).
_MAX_SPAN = 63
_VAL = qn("w:val")
_DIGITS = re.compile(r"\s*[0-9]{1,6}\s*")


@dataclass
class _Counter:
    name: str
    para: int = 0
    row: int = 0
    # "printed" counts every table as a person counts them in Word; "table" only the ones read as tables.
    table: int = 0
    printed: int = 0


def read_docx(data: bytes, name: str = "tệp") -> list[Para | Row]:
    document = _open(data, name)
    blocks: list[Para | Row] = []
    counter = _Counter(name)
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            _add_para(blocks, _para_text(item), counter)
        elif isinstance(item, Table):
            counter.printed += 1
            _add_table(blocks, item, counter)
    return blocks


def _open(data: bytes, name: str):
    try:
        members = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise PlanReadError(
            f"Tệp «{name}» không phải tệp Word (.docx) hợp lệ: tệp bị hỏng hoặc không đầy đủ "
            "(có thể bị cắt khi tải lên); hãy mở lại bằng Word, lưu rồi tải lên lại."
        ) from None
    if "word/document.xml" not in members:
        raise PlanReadError(_not_word(name, members))
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds for a damaged package
        raise PlanReadError(explain(exc, data, name)) from None
    # python-docx trusts the root to be <w:document> holding a <w:body>; a damaged part may have neither.
    if getattr(document.element, "body", None) is None:
        raise PlanReadError(no_body_message(name))
    return document


def _not_word(name: str, members: set[str]) -> str:
    if "xl/workbook.xml" in members:
        return (f"Tệp «{name}» là bảng tính Excel (.xlsx), không phải văn bản Word: "
                "hãy tải lên kế hoạch dạng .docx hoặc .txt.")
    if "ppt/presentation.xml" in members:
        return f"Tệp «{name}» là bản trình chiếu PowerPoint, không phải văn bản Word."
    return f"Tệp «{name}» là tệp nén nhưng không chứa văn bản Word (thiếu word/document.xml)."


def _add_para(blocks, text: str, counter: _Counter) -> None:
    counter.para += 1
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Para(text=line.strip(), line=counter.para))


def _para_text(paragraph: Paragraph) -> str:
    parts = []
    for run in paragraph.runs:
        text = run.text
        if text.strip().isdigit() and run.font.superscript:  # the cheap test first: most runs are words
            text = text.translate(_SUPERSCRIPT)
        parts.append(text)
    return nfc("".join(parts) or paragraph.text)


def _cell_text(tc, table: Table) -> str:
    paragraphs = [_para_text(Paragraph(p, table)) for p in tc.iter(qn("w:p"))]
    return "\n".join(p.strip() for p in paragraphs if p.strip())


def _add_table(blocks, table: Table, counter: _Counter) -> None:
    rows = [_read_row(tr, table, (counter, number)) for number, tr in enumerate(table._tbl.tr_lst, start=1)]
    if not any(len(cells) > 1 for cells, _ in rows):
        # A one-column table is a text box in disguise: keep its text as paragraphs.
        for cells, _ in rows:
            _add_para(blocks, "\n".join(cells), counter)
        return
    counter.table += 1
    above: dict[int, str] = {}
    for cells, merged in rows:
        counter.row += 1
        for col in merged:
            cells[col] = above.get(col, "")
        above = dict(enumerate(cells))
        blocks.append(Row(cells=cells, line=counter.row, table=counter.table, merged_above=merged))


def _read_row(tr, table: Table, where: tuple[_Counter, int]) -> tuple[list[str], set[int]]:
    cells: list[str] = []
    merged: set[int] = set()
    for number, tc in enumerate(tr.tc_lst, start=1):
        continues = _continues_above(tc)
        if continues:
            merged.add(len(cells))
        cells.append("" if continues else _cell_text(tc, table))
        cells.extend([""] * (_grid_span(tc, where, number) - 1))
    return cells, merged


def _continues_above(tc) -> bool:
    """<w:vMerge/> or val="continue"; "restart" or an unknown value starts a cell that keeps its own text."""
    vmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return vmerge is not None and vmerge.get(_VAL, "continue") == "continue"


def _grid_span(tc, where: tuple[_Counter, int], cell: int) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    raw = "1" if span is None else span.get(_VAL, "1")
    # ASCII digits only, as the XML schema's integer: str.isdigit() also passes "²", which int() refuses.
    if _DIGITS.fullmatch(raw) and 1 <= int(raw) <= _MAX_SPAN:
        return int(raw)
    counter, row = where
    what = f"số cột gộp (gridSpan) ghi «{raw[:20]}», không phải một số từ 1 đến {_MAX_SPAN}"
    raise PlanReadError(bad_cell_message(counter.name, counter.printed, row, cell, what))
