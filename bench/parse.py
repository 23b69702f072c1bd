"""Parse time of the sample plan (text, DOCX and PDF), as a ratio to python-docx merely opening that DOCX.

Run: .venv/bin/python bench/parse.py   (prints ratios measured in this one run; no thresholds)

The machine is shared, so each figure is the best of several rounds, the rounds interleave the four
measurements (a burst of load elsewhere slows all of them alike), and the clock is this process's CPU time.
Issue 10 asks every ratio to stay at most 10.
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

from planparser.plan import parse_document  # noqa: E402
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
    }
    best = measure(tasks, {"open": 5, "text": 3, "docx": 3, "pdf": 1})
    unit = best["open"]
    print(f"python-docx opens the sample DOCX:      {unit * 1000:8.1f} ms  (1.00)")
    labels = {"text": "parse sample text form:", "docx": "parse sample DOCX (open included):",
              "pdf": "parse sample PDF (LibreOffice export):"}
    for name, label in labels.items():
        ratio = best[name] / unit
        flag = "" if ratio <= LIMIT else f"  over the {LIMIT}× limit"
        print(f"{label:<40}{best[name] * 1000:8.1f} ms  ({ratio:.2f} × open){flag}")


if __name__ == "__main__":
    main()
