"""Read a .docx plan with python-docx into the same blocks as the text form.

Word repeats a merged cell in every grid position it covers; we walk the XML cells instead
(one <w:tc> is one cell), so a horizontal merge is read once and a vertical merge is marked.
"""
import io
import zipfile

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from .blocks import Para, PlanReadError, Row
from .textutil import nfc

_SUPERSCRIPT = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


def read_docx(data: bytes, name: str = "tệp") -> list[Para | Row]:
    document = _open(data, name)
    blocks: list[Para | Row] = []
    counter = {"para": 0, "row": 0, "table": 0}
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            _add_para(blocks, _para_text(item), counter)
        elif isinstance(item, Table):
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
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        raise PlanReadError(f"Tệp Word «{name}» bị hỏng hoặc không đọc được ({type(exc).__name__}).") from None


def _not_word(name: str, members: set[str]) -> str:
    if "xl/workbook.xml" in members:
        return f"Tệp «{name}» là bảng tính Excel (.xlsx), không phải văn bản Word: hãy tải lên kế hoạch dạng .docx hoặc .txt."
    if "ppt/presentation.xml" in members:
        return f"Tệp «{name}» là bản trình chiếu PowerPoint, không phải văn bản Word."
    return f"Tệp «{name}» là tệp nén nhưng không chứa văn bản Word (thiếu word/document.xml)."


def _add_para(blocks, text: str, counter) -> None:
    counter["para"] += 1
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Para(text=line.strip(), line=counter["para"]))


def _para_text(paragraph: Paragraph) -> str:
    parts = []
    for run in paragraph.runs:
        text = run.text
        if text.strip().isdigit() and run.font.superscript:  # the cheap test first: most runs are words
            text = text.translate(_SUPERSCRIPT)
        parts.append(text)
    return nfc("".join(parts) or paragraph.text)


def _cell_text(tc) -> str:
    paragraphs = [_para_text(Paragraph(p, None)) for p in tc.iter(qn("w:p"))]
    return "\n".join(p.strip() for p in paragraphs if p.strip())


def _add_table(blocks, table: Table, counter) -> None:
    rows = [_read_row(tr) for tr in table._tbl.tr_lst]
    if not any(len(cells) > 1 for cells, _ in rows):
        # A one-column table is a text box in disguise: keep its text as paragraphs.
        for cells, _ in rows:
            _add_para(blocks, "\n".join(cells), counter)
        return
    counter["table"] += 1
    above: dict[int, str] = {}
    for cells, merged in rows:
        counter["row"] += 1
        for col in merged:
            cells[col] = above.get(col, "")
        above = dict(enumerate(cells))
        blocks.append(Row(cells=cells, line=counter["row"], table=counter["table"], merged_above=merged))


def _read_row(tr) -> tuple[list[str], set[int]]:
    cells: list[str] = []
    merged: set[int] = set()
    for tc in tr.tc_lst:
        if tc.vMerge == "continue":
            merged.add(len(cells))
        cells.append("" if tc.vMerge == "continue" else _cell_text(tc))
        cells.extend([""] * (tc.grid_span - 1))
    return cells, merged
