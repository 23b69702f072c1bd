"""The header-* fixture plans in every Word layout the heading and the signature take.

The shared harness (test_fixture_plans.py) runs each fixture as TXT, DOCX with layout tables and PDF; here the same
hand-made checks also run on the two-row header table and on the all-paragraphs form, so both layouts stay tested.
"""
import importlib.util
from pathlib import Path

import pytest

from planparser.plan import parse_file
from tests.fixtures.make_docx import build_docx

PLANS = Path(__file__).resolve().parent.parent / "fixtures" / "plans"
SLUGS = sorted(p.stem for p in PLANS.glob("header-*.txt"))
FORMS = {"txt": None, "docx-table": ("tables", 1), "docx-table-2-rows": ("tables", 2),
         "docx-paragraphs": ("paragraphs", 1)}


def expectations(slug: str):
    name = "expected_" + slug.replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, PLANS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_level_has_a_fixture():
    assert len(SLUGS) >= 4


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("slug", SLUGS)
def test_header_fixture(slug, form, tmp_path):
    source = PLANS / f"{slug}.txt"
    if FORMS[form] is not None:
        layout, rows = FORMS[form]
        source = build_docx(source, tmp_path / f"{slug}.docx", layout=layout, header_rows=rows)
    expectations(slug).check(parse_file(str(source)))
