"""Every realistic plan fixture, read from its three forms, against its hand-made expectations.

For each tests/fixtures/plans/<slug>.txt, tests/fixtures/plans/expected_<slug_with_underscores>.py defines
check(plan). It runs on the plan parsed from (a) the text form, (b) a Word document built from it by
make_docx.build_docx (heading and signature as borderless layout tables, as Word documents are made) and
(c) the committed PDF tests/fixtures/plans/pdf/<slug>.pdf that tests/fixtures/build_pdfs.py exported with
LibreOffice. All three must give the same answer. A missing or stale PDF fails: run build_pdfs.py.
"""
import importlib.util
from pathlib import Path

import pytest

from planparser.plan import parse_file
from tests.fixtures.build_pdfs import digest, stamp_of
from tests.fixtures.make_docx import build_docx

PLANS = Path(__file__).resolve().parent.parent / "fixtures" / "plans"
SLUGS = sorted(path.stem for path in PLANS.glob("*.txt"))
FORMS = ("txt", "docx", "pdf")


def expectations(slug: str):
    name = "expected_" + slug.replace("-", "_")
    path = PLANS / f"{name}.py"
    assert path.exists(), f"{slug}.txt has no hand-made expectations {path.name}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def source(slug: str, form: str, folder: Path) -> Path:
    text = PLANS / f"{slug}.txt"
    if form == "txt":
        return text
    if form == "docx":
        return build_docx(text, folder / f"{slug}.docx")
    pdf = PLANS / "pdf" / f"{slug}.pdf"
    assert pdf.exists(), f"{pdf.name} is missing: run .venv/bin/python tests/fixtures/build_pdfs.py"
    assert stamp_of(pdf) == digest(text), f"{pdf.name} predates {slug}.txt: run tests/fixtures/build_pdfs.py"
    return pdf


def test_there_are_fixtures_of_every_area():
    areas = {slug.split("-", 1)[0] for slug in SLUGS}
    assert {"header", "dir", "ind", "pdf"} <= areas


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("slug", SLUGS)
def test_fixture_plan(slug, form, tmp_path):
    check = expectations(slug).check
    check(parse_file(str(source(slug, form, tmp_path))))
