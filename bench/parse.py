"""Parse time of the sample plan (text, DOCX and PDF), as a ratio to python-docx merely opening that DOCX.

Run: .venv/bin/python bench/parse.py   (prints ratios measured in this one run; no thresholds)
"""
import io
import sys
import tempfile
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from planparser.plan import parse_document  # noqa: E402
from tests.fixtures.make_docx import SAMPLE_TXT, build_sample_docx  # noqa: E402


def best_of(func, repeat: int = 7, number: int = 5) -> float:
    return min(timeit.repeat(func, repeat=repeat, number=number)) / number


def main() -> None:
    text = SAMPLE_TXT.read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        docx_bytes = build_sample_docx(SAMPLE_TXT, Path(folder) / "sample.docx").read_bytes()
    parse_document(text, "sample.txt")  # warm caches (regexes, the default directory) once
    load = best_of(lambda: docx.Document(io.BytesIO(docx_bytes)))
    parse_text = best_of(lambda: parse_document(text, "sample.txt"))
    parse_docx = best_of(lambda: parse_document(docx_bytes, "sample.docx"))
    pdf_bytes = (ROOT / "tests" / "fixtures" / "plans" / "pdf" / "sample.pdf").read_bytes()  # build_pdfs.py
    parse_pdf = best_of(lambda: parse_document(pdf_bytes, "sample.pdf"), repeat=5, number=1)
    print(f"python-docx opens the sample DOCX:  {load * 1000:8.1f} ms  (1.00)")
    print(f"parse sample text form:             {parse_text * 1000:8.1f} ms  ({parse_text / load:.2f} × open)")
    print(f"parse sample DOCX (open included):  {parse_docx * 1000:8.1f} ms  ({parse_docx / load:.2f} × open)")
    print(f"parse sample PDF (LibreOffice export): {parse_pdf * 1000:5.1f} ms  ({parse_pdf / load:.2f} × open)")


if __name__ == "__main__":
    main()
