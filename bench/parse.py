"""Parse time of the sample plan (text, DOCX and PDF), as a ratio to python-docx merely opening that DOCX.

Run: .venv/bin/python bench/parse.py   (prints ratios measured in this one run; no thresholds)

The machine is shared, so each figure is the best of several rounds, the rounds interleave the
measurements (a burst of load elsewhere slows all of them alike), and the clock is this process's CPU time.
Issue 10 asks every ratio to stay at most 10.

The PDF figure is split (roughly: differences of best times) into pdfium building the pages and their text
layers, which no reader of a PDF avoids, the PDF reader's own work, and the parsing every format shares.
"""
import io
import sys
import tempfile
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
import pypdfium2.raw as pdfium_c  # noqa: E402

from planparser.plan import parse_document  # noqa: E402
from planparser.reader_pdf import read_pdf  # noqa: E402
from tests.fixtures.build_pdfs import pdf_path  # noqa: E402
from tests.fixtures.make_docx import SAMPLE_TXT, build_sample_docx  # noqa: E402

ROUNDS = 7
LIMIT = 10


def measure(tasks: dict, number: dict) -> dict:
    best = {name: float("inf") for name in tasks}
    for _ in range(ROUNDS):
        for name, func in tasks.items():
            seconds = timeit.timeit(func, number=number[name], timer=time.process_time) / number[name]
            best[name] = min(best[name], seconds)
    return best


def load_pdf_pages(data: bytes) -> None:
    """What pdfium does for any reader: load each page and build its text layer, then close them."""
    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = pdfium_c.FPDF_LoadPage(document.raw, index)
            pdfium_c.FPDFText_ClosePage(pdfium_c.FPDFText_LoadPage(page))
            pdfium_c.FPDF_ClosePage(page)
    finally:
        document.close()


def main() -> None:
    text = SAMPLE_TXT.read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        docx_bytes = build_sample_docx(SAMPLE_TXT, Path(folder) / "sample.docx").read_bytes()
    pdf_bytes = pdf_path("sample").read_bytes()  # committed output of tests/fixtures/build_pdfs.py
    parse_document(text, "sample.txt")  # warm caches (regexes, the default directory) once
    tasks = {
        "open": lambda: docx.Document(io.BytesIO(docx_bytes)),
        "text": lambda: parse_document(text, "sample.txt"),
        "docx": lambda: parse_document(docx_bytes, "sample.docx"),
        "pdf": lambda: parse_document(pdf_bytes, "sample.pdf"),
        "pdf_read": lambda: read_pdf(pdf_bytes, "sample.pdf"),
        "pdfium": lambda: load_pdf_pages(pdf_bytes),
    }
    best = measure(tasks, {"open": 5, "text": 3, "docx": 3, "pdf": 1, "pdf_read": 1, "pdfium": 1})
    unit = best["open"]
    print(f"python-docx opens the sample DOCX:      {unit * 1000:8.1f} ms  (1.00)")
    labels = {"text": "parse sample text form:", "docx": "parse sample DOCX (open included):",
              "pdf": "parse sample PDF (LibreOffice export):"}
    for name, label in labels.items():
        ratio = best[name] / unit
        flag = "" if ratio <= LIMIT else f"  over the {LIMIT}× limit"
        print(f"{label:<40}{best[name] * 1000:8.1f} ms  ({ratio:.2f} × open){flag}")
    parts = {"pdfium building pages and text layers": best["pdfium"],
             "the PDF reader's own work": best["pdf_read"] - best["pdfium"],
             "parsing shared by every format": best["pdf"] - best["pdf_read"]}
    for label, seconds in parts.items():
        print(f"  of which {label + ':':<44}{seconds * 1000:6.1f} ms  ({seconds / unit:.2f} × open)")


if __name__ == "__main__":
    main()
