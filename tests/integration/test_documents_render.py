"""Issue 11: every generated document as a person sees it, converted by LibreOffice in one run, read by poppler.

Two checks per file, on the PDF's own words and their boxes (pdftotext -bbox):
- no broken word: every word LibreOffice printed is a word of the document's text, so none was split to fit a
  column ("thà" + "nh" would be two unknown words);
- no overlapping text: no two word boxes on a page intersect.
"""
import html
import os
import re
import shutil
import subprocess
import tempfile
from io import BytesIO

from docx import Document
from openpyxl import load_workbook

from tests.integration.test_documents_files import all_files, paragraphs_and_cells

WORD = re.compile(r"\w[\w./%,()-]*\w|\w", re.UNICODE)
BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r"<page .*?</page>", re.DOTALL)


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


def test_every_document_renders_without_broken_words_or_overlapping_text(plan, tmp_path):
    soffice, pdftotext = tool("soffice"), tool("pdftotext")
    files = all_files(plan)
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    env = {**os.environ, "HOME": tempfile.mkdtemp(dir=tmp_path)}
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *(str(tmp_path / name) for name in files)], check=True, env=env, timeout=600, capture_output=True)
    for name, data in files.items():
        pdf = tmp_path / (name.rsplit(".", 1)[0] + ".pdf")
        assert pdf.exists() and pdf.stat().st_size > 3000, name
        words = pdf_words(pdftotext, pdf)
        assert words and all(page for page in words), name  # no empty page
        assert (name, broken(words, source_words(name, data))) == (name, [])
        assert (name, overlaps(words)) == (name, [])
