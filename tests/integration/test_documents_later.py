"""Issue 11, items 14-21, on the documents issues 15 and 16 added: the periodic report and its annex, next year's
plan draft and the province roll-up workbook, read back with python-docx and openpyxl and rendered by LibreOffice.

Expected values are worked out by hand: dates after Decree 30/2020/NĐ-CP Appendix I (a zero before days under 10 and
the months 1 and 2 only), the periods after Decree 09/2019/NĐ-CP Art. 12 (a quarter runs from the 15th of the month
before it to the 14th of its last month), the rows from the sample plan (tests/fixtures/ke-hoach-ktxh-2023-xa-hung-
dong.txt) and the seeded April-May cycle (tests/seeds.py).
"""
import re
from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from dashboard.exports import documents as dashboard_documents
from indicators.exports import export_plan
from indicators.models import IndicatorValue
from periodic.exports import documents as periodic_documents
from plans.models import TaskNode
from tests import seeds as seed
from tests.factories import import_sample
from theodoi import exports as xs

from .later_documents import (
    YEAR_END_DAY,
    decree_335_files,
    next_year_file,
    periodic_files,
    province_file,
    small_province,
)
from .test_documents_files import BLANK_NUMBER, COMMUNE_WORD, all_files, check_prints, paragraphs_and_cells
from .test_documents_render import broken, convert, cut_text, number_overflows, overlaps, pdf_words, source_words, tool

ZERO_MONTH = re.compile(r"tháng 0[3-9] năm")  # months 3 to 9 never take a zero (Decree 30)
OLD_SPELLING = re.compile(r"\b(khoá|xoá)\b", re.IGNORECASE)  # item 21: one spelling, "khóa" (and "xóa") throughout


@pytest.fixture
def files(plan, personas) -> dict[str, bytes]:
    seed.seed_may_2023(plan, personas["office"])
    quarter, quarter_annex = periodic_files(plan, personas["office"])
    year_end, year_end_annex = periodic_files(plan, personas["office"], "year-1", YEAR_END_DAY)
    return {"bao-cao-quy.docx": quarter, "phu-luc-quy.xlsx": quarter_annex, "bao-cao-nam.docx": year_end,
            "phu-luc-nam.xlsx": year_end_annex, "du-thao-ke-hoach.docx": next_year_file(plan),
            "theo-doi-tinh.xlsx": province_file(small_province())}


@pytest.fixture
def decree_335(plan) -> dict[str, bytes]:
    proposal, sheet = decree_335_files(plan)
    return {"de-xuat-2026.docx": proposal, "bang-de-xuat-2026.xlsx": sheet}


def docx_text(data: bytes) -> str:
    return "\n".join(paragraphs_and_cells(Document(BytesIO(data))))


def xlsx_text(data: bytes) -> str:
    book = load_workbook(BytesIO(data))
    return "\n".join(str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row
                     if c.value is not None)


# ---- 14, 15, 21: dates, numbers, wording ---------------------------------------------------------------------------

def test_every_new_document_dates_after_decree_30_and_never_leaves_the_number_blank(files):
    for name, data in files.items():
        text = docx_text(data) if name.endswith(".docx") else xlsx_text(data)
        assert not BLANK_NUMBER.search(text), name  # "số /BC-UBND" nowhere: "số …/…" or no number
        assert not ZERO_MONTH.search(text), name
        assert not OLD_SPELLING.search(text) and "dòng nhiệm vụ" not in text and "cán bộ Văn phòng" not in text, name
    quarter = docx_text(files["bao-cao-quy.docx"])
    # Quarter II: 15/03 to 14/06 (Decree 09 Art. 12), drafted 25/05: no zero before 3, 5 or 6.
    assert "(số liệu từ ngày 15 tháng 3 năm 2023 đến ngày 14 tháng 6 năm 2023)" in quarter
    assert "Hưng Đông, ngày 25 tháng 5 năm 2023" in quarter
    draft = docx_text(files["du-thao-ke-hoach.docx"])
    assert "Số: …/KH-UBND" in draft and "Hưng Đông, ngày 20 tháng 12 năm 2023" in draft
    assert "(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2023 của UBND xã Hưng Đông)" in draft
    annex = load_workbook(BytesIO(files["phu-luc-nam.xlsx"]))["Kết quả"]
    assert annex["A2"].value == "(Kèm theo Báo cáo số …/BC-UBND ngày 20 tháng 12 năm 2023 của UBND xã Hưng Đông)"
    # Item 13: the year runs 15/12/2022 to 14/12/2023 (Decree 09 Art. 12); drafted on 20/12, after the cut-off, its
    # statuses stand at the cut-off, 14/12, and the annex says so.
    assert annex["A3"].value == ("Số liệu từ ngày 15 tháng 12 năm 2022 đến ngày 14 tháng 12 năm 2023; tình trạng các "
                                 "nhiệm vụ tính đến ngày 14 tháng 12 năm 2023.")
    province = load_workbook(BytesIO(files["theo-doi-tinh.xlsx"])).active
    # May 2023's statuses are judged at its cut-off, 14/05.
    assert province["A2"].value.startswith("Tình trạng nhiệm vụ tính đến ngày 14 tháng 5 năm 2023.")


def test_the_earlier_files_keep_one_spelling(plan):
    for name, data in all_files(plan).items():
        text = docx_text(data) if name.endswith(".docx") else xlsx_text(data)
        assert not OLD_SPELLING.search(text), (name, OLD_SPELLING.search(text))


def test_months_one_and_two_take_a_zero_in_the_new_documents(plan, personas):
    # Quarter I runs 15/12/2022 to 14/03/2023; drafted on 05/02/2023: day 5 and month 2 both take a zero.
    report, annex = periodic_files(plan, personas["office"], "quarter-1", "2023-02-05 09:00 +0700")
    text = docx_text(report)
    assert "Hưng Đông, ngày 05 tháng 02 năm 2023" in text
    assert "(số liệu từ ngày 15 tháng 12 năm 2022 đến ngày 14 tháng 3 năm 2023)" in text
    sheet = load_workbook(BytesIO(annex))["Chỉ tiêu"]
    # Drafted before the quarter's cut-off (14/03), its statuses stand on the day drafted, 05/02.
    assert sheet["A3"].value == ("Số liệu từ ngày 15 tháng 12 năm 2022 đến ngày 14 tháng 3 năm 2023; tình trạng các "
                                 "nhiệm vụ tính đến ngày 05 tháng 02 năm 2023.")
    draft = docx_text(next_year_file(plan, "2024-01-09 09:00 +0700"))
    assert "Hưng Đông, ngày 09 tháng 01 năm 2024" in draft


def test_whole_numbers_in_the_workbooks_carry_the_thousands_separator(files):
    quarter = load_workbook(BytesIO(files["phu-luc-quy.xlsx"]))["Chưa hoàn thành"]
    i71 = next(row for row in quarter.iter_rows(min_row=5) if row[0].value == "I.7.1")
    # I.7.1 missed its 31/03 milestone; on 25/05: 30 days of April + 25 of May = 55 days.
    assert i71[6].value == 55 and i71[6].number_format == xs.THOUSANDS
    province = load_workbook(BytesIO(files["theo-doi-tinh.xlsx"])).active
    totals = [c for c in province[province.max_row]]
    assert totals[1].value == "Tổng"
    # "Tổng số nhiệm vụ", after 8 figures and the 4 statuses: 8 rows in each of the two handmade plans, 16 in all.
    assert totals[12].value == 16 and totals[12].number_format == xs.THOUSANDS
    counts = totals[3:6] + totals[8:]  # every count; the two rates between them are percentages below 100
    assert [c.coordinate for c in counts if c.number_format != xs.THOUSANDS] == []


def test_the_committed_templates_type_no_level_and_no_blank_number():
    # Item 19: "xã" or "phường" comes from the commune (context "level", "committee"), never from the template.
    for template in (dashboard_documents.TEMPLATE, periodic_documents.TEMPLATE):
        text = docx_text(template.read_bytes())
        assert not COMMUNE_WORD.search(text) and "phường" not in text.lower(), template.name
        assert not BLANK_NUMBER.search(text) and "{{ number }}" in text, template.name


def test_every_new_docx_keeps_its_signature_block_on_one_page(files):
    # Item 18's rule for every document: the block ("Nơi nhận:" | TM. ỦY BAN NHÂN DÂN … name) never splits.
    for name in ("bao-cao-quy.docx", "bao-cao-nam.docx", "du-thao-ke-hoach.docx"):
        document = Document(BytesIO(files[name]))
        block = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
        assert block.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None, name
        assert "TM. ỦY BAN NHÂN DÂN" in block.rows[0].cells[1].text, name


@pytest.mark.parametrize("value, shown", [
    (999, "#,##0"), (1341, "#,##0"), (38000000000, "#,##0"),          # whole numbers: the separator only
    (Decimal("38000000000").normalize(), "#,##0"),                      # stored as 3.8E+10, still whole
    (Decimal("10.8"), "#,##0.0"), (Decimal("0.12"), "#,##0.00"),        # the value's own decimals, no more
    (Decimal("10.80"), "#,##0.0"),                                      # a trailing zero is not a decimal
    (33.3, "#,##0.0"), (25.0, "#,##0"),                                 # a rate rounded to 1 place; a whole rate
    (Decimal("0.1234567"), "#,##0.000000"),                             # at most six places
    (True, None), ("1341", None), (None, None), (Decimal("NaN"), None),  # not numbers: left alone
])
def test_the_number_format_of_a_cell(value, shown):
    assert xs.number_format(value) == shown


def enter_may_amounts(plan) -> None:
    # I.4 "Tổng thu ngân sách xã" in đồng and II.8 "Tỷ lệ hộ nghèo" in %: June's values 38.000.000.000 and 10,8
    # (June: the seeded cycle already has May's).
    for code, value in (("I.4", Decimal("38000000000")), ("II.8", Decimal("10.8"))):
        IndicatorValue.objects.create(indicator=plan.indicators.get(code=code), period_kind="month",
                                      period_year=2023, period_number=6, value=value, entered_at=timezone.now())


def test_the_indicator_workbook_writes_amounts_with_the_separator_in_a_column_wide_enough(plan):
    enter_may_amounts(plan)
    sheet = load_workbook(BytesIO(export_plan(plan))).active
    june = next(c.column for c in sheet[4] if c.value == "Tháng 06/2023")
    cells = {row[0].value: sheet.cell(row[0].row, june) for row in sheet.iter_rows(min_row=5)}
    assert (cells["I.4"].value, cells["I.4"].number_format) == (38000000000, "#,##0")
    assert (cells["II.8"].value, cells["II.8"].number_format) == (10.8, "#,##0.0")
    # "38.000.000.000" is 14 characters: its column, 9 wide for "Tháng 06/2023" on two lines, widens to 16.
    assert sheet.column_dimensions[cells["I.4"].column_letter].width == 16


# ---- 16: names cut at a word, rows of one task told apart ----------------------------------------------------------

def unfinished_rows(data: bytes) -> list[list[str]]:
    document = Document(BytesIO(data))
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Lý do, đề xuất của đơn vị")
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def test_the_unfinished_table_cuts_names_at_a_word_and_tells_rows_apart(plan, files):
    rows = unfinished_rows(files["bao-cao-quy.docx"])
    assert len(rows) == 68 and len({tuple(r) for r in rows}) == 68  # no line looks duplicated
    titles = {n.code: " ".join(n.title.split()) for n in TaskNode.objects.filter(plan=plan)}
    for code, name, *_ in rows:
        name = re.sub(r" \(giải pháp .*\)$", "", name)
        if name.endswith("…"):
            kept = name[:-1].split()
            assert kept == titles[code].split()[:len(kept)], name
        else:
            assert name == titles[code], name
    # I.5.2 of the sample: three rows, solutions (1), (2), (3), led by Đô thị, Tư pháp and Kế toán.
    i52 = [(re.search(r"\(giải pháp (.*)\)$", r[1]).group(1), r[2]) for r in rows if r[0] == "I.5.2"]
    assert i52 == [("(1)", "Công chức Đô thị - Xây dựng"), ("(2)", "Công chức Tư pháp - Hộ tịch"),
                   ("(3)", "Công chức Tài chính - Kế toán")]
    annex = load_workbook(BytesIO(files["phu-luc-quy.xlsx"]))["Chưa hoàn thành"]
    lines = [row[:4] for row in annex.iter_rows(min_row=5, values_only=True)]
    assert len(lines) == 68 and len(set(lines)) == 68


# ---- 19: a ward's documents say "phường" --------------------------------------------------------------------------

def test_a_wards_new_documents_say_phuong(other_commune, personas):
    ward_plan = import_sample(other_commune)  # phường Hưng Bình, with the commune's sample plan
    report, annex = periodic_files(ward_plan, personas["outsider"])
    draft = next_year_file(ward_plan)
    for name, text in (("report", docx_text(report)), ("draft", docx_text(draft))):
        assert "PHƯỜNG HƯNG BÌNH" in text and "UBND phường Hưng Bình" in text, name
        lines = [line for line in text.split("\n") if "Hưng Bình" in line or "TT. Đảng ủy" in line]
        assert lines and not [line for line in lines if COMMUNE_WORD.search(line)], name
    assert "- TT. Đảng ủy, TT HĐND phường;" in docx_text(draft)
    sheet = load_workbook(BytesIO(annex))["Kết quả"]
    assert sheet["A2"].value.endswith("của UBND phường Hưng Bình)")


# ---- 20: every sheet prints ---------------------------------------------------------------------------------------

def test_every_new_workbook_prints_on_landscape_a4_with_its_header_repeated(files):
    for name in ("phu-luc-quy.xlsx", "phu-luc-nam.xlsx"):
        book = load_workbook(BytesIO(files[name]))
        for sheet in book.worksheets:
            check_prints(sheet, 4, (1, 2, 3))
    assert load_workbook(BytesIO(files["phu-luc-nam.xlsx"])).sheetnames[-1] == "Đánh giá"
    province = load_workbook(BytesIO(files["theo-doi-tinh.xlsx"])).active
    check_prints(province, 3, (1, 2))
    # Xuân Hòa has no plan: "Chưa xếp hạng" takes two lines in the 9-wide rank column, and its row two lines.
    unranked = next(row for row in province.iter_rows(min_row=4) if row[0].value == "Chưa xếp hạng")
    assert province.row_dimensions[unranked[0].row].height >= 2 * xs.LINE_POINTS


@pytest.mark.parametrize("text, width, lines", [
    # Characters a line: int(width × 1,1). Greedy wrapping at spaces, as the spreadsheet wraps.
    ("Chưa xếp hạng", 7, 3),      # 7 a line: "Chưa", "xếp", "hạng" (by characters alone, 13 / 7 → 2: cut off)
    ("Chưa xếp hạng", 9, 2),      # 9 a line: "Chưa xếp" (8), then "hạng"
    ("Chưa xếp hạng", 10.9, 2),   # 11 a line: one short of the 13 the whole text needs
    ("Chưa xếp hạng", 11.9, 1),   # 13 a line: exactly the text's length, one line
    ("Báo cáo phải gửi", 7.5, 2),  # 8 a line: "Báo cáo" (7), "phải gửi" (8)
    ("", 5, 1), ("a\nb", 5, 2),   # an empty cell is one line; each line break starts a line
    ("abcdefghijkl", 5, 3),       # a word longer than the line breaks inside it: 5 + 5 + 2
])
def test_rows_are_sized_by_wrapping_at_spaces(text, width, lines):
    assert xs.lines_needed(text, width) == lines


# ---- the render: no broken word, no overlapping text, no text cut off ------------------------------------------

def test_the_decree_335_proposal_cites_its_decree_in_full_and_prints(decree_335):
    document = Document(BytesIO(decree_335["de-xuat-2026.docx"]))
    lines = [p.text for p in document.paragraphs]
    assert "(Theo Nghị định 335/2025/NĐ-CP)" in lines
    first = next(text for text in lines if text.startswith("Căn cứ Nghị định"))
    # Item 18 for the 2026 rule: number, date (21/12/2025: no zero before 12) and subject on first mention.
    assert first.startswith("Căn cứ Nghị định số 335/2025/NĐ-CP ngày 21 tháng 12 năm 2025 của Chính phủ quy định về "
                            "đánh giá, xếp loại chất lượng đối với cơ quan hành chính nhà nước và công chức")
    check_prints(load_workbook(BytesIO(decree_335["bang-de-xuat-2026.xlsx"])).active, 6, (1, 2, 3))


def test_every_new_document_renders_whole(plan, files, tmp_path):
    enter_may_amounts(plan)
    amounts = export_plan(plan)
    proposal, sheet = decree_335_files(plan)  # after `files`: it relabels the plan 2026
    files = {**files, "de-xuat-2026.docx": proposal, "bang-de-xuat-2026.xlsx": sheet, "chi-tieu-so-lieu.xlsx": amounts}
    pdftotext = tool("pdftotext")
    pdfs = convert(files, tmp_path)
    for name, data in files.items():
        words = pdf_words(pdftotext, pdfs[name])
        assert words and all(page for page in words), name
        assert (name, broken(words, source_words(name, data))) == (name, [])
        assert (name, overlaps(words)) == (name, [])
        assert (name, cut_text(words, name, data)) == (name, {})
        assert (name, number_overflows(words, name, data)) == (name, 0)
    printed = [text for page in pdf_words(pdftotext, pdfs["chi-tieu-so-lieu.xlsx"]) for *_, text in page]
    assert "38.000.000.000" in printed and "10,8" in printed  # item 15 on paper: the amount, the rate

