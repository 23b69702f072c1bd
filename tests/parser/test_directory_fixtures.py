"""The directory fixtures (tests/fixtures/plans/dir-*.txt) read as text and as Word, checked against their
hand-made expectations; the common harness also reads them as PDF.

check_refs is also run with the level's directory given explicitly, so a unit or leader regression shows up here
even when the header reading changes.
"""
import importlib.util
import sys
from pathlib import Path

import pytest

from planparser.directory import Directory
from planparser.plan import parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PLANS = FIXTURES / "plans"
LEVELS = {"dir-huyen-yen-thanh-2024": ("huyện", "Yên Thành"), "dir-tinh-ha-tinh-2023": ("tỉnh", "Hà Tĩnh"),
          "dir-xa-do-luong-2026": ("xã", "Đô Lương")}


def expectations(slug: str):
    path = PLANS / f"expected_{slug.replace('-', '_')}.py"
    spec = importlib.util.spec_from_file_location(f"expected_{slug.replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_directory_fixture_is_listed():
    assert sorted(p.stem for p in PLANS.glob("dir-*.txt")) == sorted(LEVELS)


@pytest.mark.parametrize("slug", sorted(LEVELS))
def test_the_text_form_gives_the_expected_plan(slug):
    expectations(slug).check(parse_file(str(PLANS / f"{slug}.txt")))


@pytest.mark.parametrize("slug", sorted(LEVELS))
def test_the_level_directory_resolves_every_row(slug):
    kind, name = LEVELS[slug]
    expectations(slug).check_refs(parse_file(str(PLANS / f"{slug}.txt"), Directory.default(kind, name)))


@pytest.mark.parametrize("slug", sorted(LEVELS))
def test_the_word_form_gives_the_expected_plan(slug, tmp_path):
    sys.path.insert(0, str(FIXTURES))
    try:
        from make_docx import build_docx
    finally:
        sys.path.remove(str(FIXTURES))
    docx = build_docx(PLANS / f"{slug}.txt", tmp_path / f"{slug}.docx")
    expectations(slug).check(parse_file(str(docx)))
