"""Issue 11: every generated document as a person sees it, converted by LibreOffice in one run, read by poppler.

Three checks per file, on the PDF's own words and their boxes (pdftotext -bbox):
- no broken word: every word LibreOffice printed is a word of the document's text, so none was split to fit a
  column ("thà" + "nh" would be two unknown words);
- no overlapping text: no two word boxes on a page intersect;
- no text cut off: every word of the document is printed at least as often as it is written, so a wrapped cell in
  a row too short for it, or a title wider than its page, loses none of its words; and no number printed as "###"
  because its column is too narrow for it.
The documents issues 15 and 16 added go through the same checks in test_documents_later.py.
"""
import html
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from io import BytesIO

from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from tests.integration.test_documents_files import all_files, paragraphs_and_cells
from theodoi import exports as xs
from theodoi import formatting as fmt

WORD = re.compile(r"\w[\w./%,()-]*\w|\w", re.UNICODE)
BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r"<page .*?</page>", re.DOTALL)
LETTERS = re.compile(r"[^\W\d_]+")  # the letters of a word: numbers print in the reader's format, not as stored
BREAKS = {qn("w:br"), qn("w:cr"), qn("w:tab")}


def tool(name: str) -> str:
    path = shutil.which(name)
    # A missing tool fails the test on purpose: a skipped check would pass CI with an unreadable document.
    assert path, f"{name} is missing: apt-get install -y --no-install-recommends libreoffice-writer-nogui " \
                 "libreoffice-calc-nogui poppler-utils"
    return path


def source_words(name: str, data: bytes) -> set[str]:
    if name.endswith(".docx"):
        texts = paragraphs_and_cells(Document(BytesIO(data)))
        texts += [p.text for s in Document(BytesIO(data)).sections for p in s.header.paragraphs]
    else:
        book = load_workbook(BytesIO(data))
        texts = [str(c.value) for sheet in book.worksheets if sheet.sheet_state == "visible"
                 for row in sheet.iter_rows() for c in row if c.value is not None]
        texts += [f"{c.value:%d/%m/%Y}" for sheet in book.worksheets for row in sheet.iter_rows()
                  for c in row if hasattr(c.value, "strftime")]
        # A number cell prints in its format, in the Vietnamese locale LibreOffice runs in here: "38.000.000.000".
        texts += [fmt.number(c.value) for sheet in book.worksheets for row in sheet.iter_rows()
                  for c in row if xs.number_format(c.value)]
    words = {w for text in texts for w in WORD.findall(text)}
    # A line may end after a hyphen that is printed ("03/CT-" / "UBND"): a break the text allows, not a broken word.
    return words | {part for w in words for part in WORD.findall(w.replace("-", " "))}


def pdf_words(pdftotext: str, pdf) -> list[list[tuple[float, float, float, float, str]]]:
    out = subprocess.run([pdftotext, "-bbox", str(pdf), "-"], check=True, capture_output=True, timeout=120).stdout
    pages = PAGE.findall(out.decode())
    return [[(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in BOX.findall(page)]
            for page in pages]


def broken(words, known: set[str]) -> list[str]:
    """Printed words that are not words of the source: pieces of a word split across lines. Bare numbers are the
    page numbers LibreOffice fills into the PAGE field."""
    return sorted({w for page in words for *_, text in page for w in WORD.findall(text)
                   if w not in known and not w.isdigit()})


def overlaps(words) -> list[tuple[str, str]]:
    """Pairs of words printed over each other. A word's box spans its font's full ascent and descent, so the boxes
    of two lines set close together touch; text overlaps when they share over half a line's height and a point
    of width."""
    found = []
    for page in words:
        boxes = sorted(page, key=lambda b: b[1])
        for i, (x0, y0, x1, y1, a) in enumerate(boxes):
            for u0, v0, u1, v1, b in boxes[i + 1:]:
                if v0 >= y1:
                    break
                shared_height = min(y1, v1) - max(y0, v0)
                if shared_height > 0.5 * min(y1 - y0, v1 - v0) and min(x1, u1) - max(x0, u0) > 1:
                    found.append((a, b))
    return found


def number_overflows(words, name: str, data: bytes) -> int:
    """How many numbers LibreOffice printed as "###", unable to fit them in their column.

    A number in a hidden column (the unit workbook's row ids) also comes out as "###" in the PDF's text, drawn in a
    column of no width, so invisible on paper: those are counted off, and any other "###" is a number cut off."""
    printed = sum(1 for page in words for *_, text in page if set(text) == {"#"})
    return printed - (len(hidden_numbers(data)) if name.endswith(".xlsx") else 0)


def hidden_numbers(data: bytes) -> list:
    book = load_workbook(BytesIO(data))
    found = []
    for sheet in book.worksheets:
        hidden = {letter for letter, dimension in sheet.column_dimensions.items() if dimension.hidden}
        if sheet.sheet_state == "visible" and hidden:
            found += [c.value for row in sheet.iter_rows() for c in row if get_column_letter(c.column) in hidden
                      and isinstance(c.value, int | float) and not isinstance(c.value, bool)]
    return found


def written_texts(name: str, data: bytes) -> list[str]:
    """Every text the document holds once, as it is printed: a DOCX's paragraphs (merged cells once, a line break
    a space), a workbook's cells on its visible sheets and columns."""
    if name.endswith(".docx"):
        body = Document(BytesIO(data)).element.body
        return ["".join(" " if node.tag in BREAKS else node.text or "" for node in paragraph.iter()
                        if node.tag == qn("w:t") or node.tag in BREAKS) for paragraph in body.iter(qn("w:p"))]
    texts = []
    for sheet in load_workbook(BytesIO(data)).worksheets:
        if sheet.sheet_state != "visible":
            continue
        hidden = {letter for letter, dimension in sheet.column_dimensions.items() if dimension.hidden}
        texts += [str(c.value) for row in sheet.iter_rows() for c in row
                  if c.value is not None and get_column_letter(c.column) not in hidden]
    return texts


def cut_text(words, name: str, data: bytes) -> dict[str, int]:
    """Words the document holds more often than the PDF prints them, with how many are missing."""
    printed = Counter(w for page in words for *_, text in page for w in LETTERS.findall(text))
    wanted = Counter(w for text in written_texts(name, data) for w in LETTERS.findall(text))
    return {w: n - printed[w] for w, n in wanted.items() if printed[w] < n}


def convert(files: dict[str, bytes], tmp_path) -> dict:
    """Every file to PDF in one LibreOffice run; the PDF of each by name."""
    soffice = tool("soffice")
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    # Vietnamese, as the office's machines run: numbers print "1.341" and "10,8" (LibreOffice has its own locale
    # data, so the system need not have vi_VN installed).
    env = {**os.environ, "HOME": tempfile.mkdtemp(dir=tmp_path), "LANG": "vi_VN.UTF-8", "LC_ALL": "vi_VN.UTF-8"}
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *(str(tmp_path / name) for name in files)], check=True, env=env, timeout=600, capture_output=True)
    pdfs = {name: tmp_path / (name.rsplit(".", 1)[0] + ".pdf") for name in files}
    assert len(set(pdfs.values())) == len(files), "two files would print to one PDF"
    for name, pdf in pdfs.items():
        assert pdf.exists() and pdf.stat().st_size > 3000, name
    return pdfs


def test_every_document_renders_without_broken_words_overlapping_or_cut_text(plan, tmp_path):
    pdftotext = tool("pdftotext")
    files = all_files(plan)
    pdfs = convert(files, tmp_path)
    for name, data in files.items():
        words = pdf_words(pdftotext, pdfs[name])
        assert words and all(page for page in words), name  # no empty page
        assert (name, broken(words, source_words(name, data))) == (name, [])
        assert (name, overlaps(words)) == (name, [])
        assert (name, cut_text(words, name, data)) == (name, {})
        assert (name, number_overflows(words, name, data)) == (name, 0)
