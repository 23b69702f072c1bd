"""Issue 11, items 14-20: every generated DOCX and XLSX, read back with python-docx and openpyxl.

The builders here are shared with test_documents_render.py, which converts the same files with LibreOffice.
Expected values are worked out by hand from the sample plan (tests/fixtures/ke-hoach-ktxh-2023-xa-hung-dong.txt).
"""
import re
from datetime import date
from io import BytesIO

import pytest
import time_machine
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl import load_workbook

from communes.models import DirectoryEntry
from dashboard.exports import documents
from dashboard.queries import figures, report
from evaluation import exports
from evaluation.queries.evaluate import evaluate
from indicators.exports import export_plan
from plans.models import TaskNode
from reports.exports import letters
from reports.exports import xlsx as unit_xlsx
from reports.services import cycle, periods
from tests.factories import import_sample

MAY_REPORT_DAY = date(2023, 5, 25)
LETTER_DAY = date(2026, 8, 22)
# I.7.1 (1) missed its 31/03/2023 milestone. The letter for August 2026 judges at that period's cut-off, 14/08/2026:
# 1096 days to 31/03/2026 (2024 is a leap year) plus 30 + 31 + 30 + 31 + 14 = 136: 1232 days, printed "1.232".
LETTER_DAYS = "1.232"
BLANK_NUMBER = re.compile(r"\bsố\s*:?\s*/", re.IGNORECASE)
COMMUNE_WORD = re.compile(r"\bxã\b(?! hội)", re.IGNORECASE)  # "xã hội" (society) is not the commune level


def paragraphs_and_cells(document) -> list[str]:
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [p.text for cell in row.cells for p in cell.paragraphs]
    return lines


def monthly_files(plan, today=MAY_REPORT_DAY, month=5) -> tuple[bytes, bytes]:
    """The consolidated report of `month` and its annex, as the dashboard builds them."""
    anchor = periods.ensure_period(plan.commune, plan.year, month)
    with time_machine.travel(f"{today.isoformat()} 09:00 +0700", tick=False):
        span = report.span_for(anchor, "month", 1, today)
        context = report.report_context(plan, span, today)
        rows = figures.load_rows(plan, span.as_of)
        figures.attach_progress(rows, anchor)
        title = f"Phụ lục: tình hình thực hiện các nhiệm vụ – {span.period.label} – {plan.commune}"
        return documents.render_docx(context), documents.render_xlsx(title, rows, context)


def letter_file(plan, today=LETTER_DAY) -> bytes:
    period = periods.ensure_period(plan.commune, 2026, 8)  # far enough for a four-digit day count
    with time_machine.travel(f"{today.isoformat()} 09:00 +0700", tick=False):
        return letters.reminder_letter(plan, period, today)


def evaluation_files(plan) -> tuple[bytes, bytes]:
    with time_machine.travel("2024-01-10 09:00 +0700", tick=False):
        evaluation = evaluate(plan, today=date(2024, 1, 10))
        return exports.docx_bytes(evaluation, "http://testserver"), exports.xlsx_bytes(evaluation, "http://testserver")


def unit_workbook(plan) -> bytes:
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    return unit_xlsx.build(cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan))


def all_files(plan) -> dict[str, bytes]:
    report, annex = monthly_files(plan)
    proposal, proposal_sheet = evaluation_files(plan)
    return {"bao-cao.docx": report, "cong-van.docx": letter_file(plan), "de-xuat.docx": proposal,
            "phu-luc.xlsx": annex, "de-xuat-bang.xlsx": proposal_sheet, "chi-tieu.xlsx": export_plan(plan),
            "bao-cao-don-vi.xlsx": unit_workbook(plan)}


# ---- 14, 15, 19: dates, numbers, the commune's level ---------------------------------------------------------------

def test_every_docx_dates_after_decree_30_and_never_a_blank_number(plan):
    for name, data in all_files(plan).items():
        if not name.endswith(".docx"):
            continue
        text = "\n".join(paragraphs_and_cells(Document(BytesIO(data))))
        assert not BLANK_NUMBER.search(text), name  # "số /KH-UBND" nowhere
        # No month from 3 to 9 written with a zero (Decree 30, Appendix I).
        assert not re.search(r"tháng 0[3-9] năm", text), name
        assert "dòng nhiệm vụ" not in text, name


def test_the_letter_counts_days_with_thousands_dots_and_names_missed_milestones(plan):
    document = Document(BytesIO(letter_file(plan)))
    table = [[cell.text for cell in row.cells] for row in document.tables[1].rows]
    first = table[1]
    assert first[2] == "I.7.1" and first[5] == LETTER_DAYS
    assert first[4] == "mốc 31/03/2023"  # item 17: the milestone's own date, not the row's final 31/12/2023
    assert "giải pháp (1), (2); chủ trì: Công chức Văn phòng - Thống kê" in first[3]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Kế hoạch số …/KH-UBND ngày 30 tháng 12 năm 2022" in body
    assert "ngày 22 tháng 8 năm 2026" in body and "ngày 20 tháng 8 năm 2026" in body


def test_a_wards_documents_say_phuong(other_commune):
    ward_plan = import_sample(other_commune)  # phường Hưng Bình, with the commune's sample plan
    report = Document(BytesIO(monthly_files(ward_plan)[0]))
    head = [p.text for cell in report.tables[0].rows[0].cells for p in cell.paragraphs]
    assert "PHƯỜNG HƯNG BÌNH" in head and "XÃ HƯNG BÌNH" not in head
    opening = next(p.text for p in report.paragraphs if p.text.startswith("Thực hiện Kế hoạch"))
    assert "của UBND phường Hưng Bình về" in opening and ", UBND phường Hưng Bình báo cáo" in opening
    closing = next(p.text for p in report.paragraphs if p.text.startswith("Trên đây"))
    signature = [p.text for cell in report.tables[-1].rows[0].cells for p in cell.paragraphs]
    for text in [opening, closing, *head, *signature]:
        assert not COMMUNE_WORD.search(text), text
    assert "- TT. Đảng ủy, TT. HĐND phường;" in signature
    letter = Document(BytesIO(letter_file(ward_plan)))
    assert "PHƯỜNG HƯNG BÌNH" in [p.text for p in letter.tables[0].rows[0].cells[0].paragraphs]
    proposal = Document(BytesIO(evaluation_files(ward_plan)[0]))
    recipients = [p.text for p in proposal.tables[-1].rows[0].cells[0].paragraphs]
    assert "- Hội đồng Thi đua - Khen thưởng phường;" in recipients


# ---- 16, 17: names cut at a word, rows told apart ---------------------------------------------------------------

def test_report_lines_cut_names_at_a_word_and_tell_rows_apart(plan):
    document = Document(BytesIO(monthly_files(plan, date(2023, 8, 25), 8)[0]))
    titles = {n.code: n.title for n in TaskNode.objects.filter(plan=plan)}
    lines = [p.text for p in document.paragraphs if re.match(r"- [IV]+\.\d", p.text)]
    assert lines and len(lines) == len(set(lines))  # no line looks duplicated
    for line in lines:
        code, rest = line[2:].split(" ", 1)
        name = rest.split(" – ")[0]
        if name.endswith("…"):
            words = name[:-1].split()
            assert words == titles[code].split()[:len(words)], line
        else:
            assert name == " ".join(titles[code].split()), line
    # On 14/08/2023 I.3.3 has missed its 31/07 milestone (14 days), not its final date 31/10.
    assert any(line.startswith("- I.3.3 ") and "(mốc 31/07/2023, quá hạn 14 ngày)" in line for line in lines)


# ---- 18: the evaluation document ----------------------------------------------------------------------------------

def test_the_proposal_cites_the_decree_in_full_names_recipients_and_keeps_its_signature(plan):
    document = Document(BytesIO(evaluation_files(plan)[0]))
    lines = [p.text for p in document.paragraphs]
    title = exports.document_title(plan)
    assert title == ("Đề xuất xếp loại chất lượng năm 2023 theo kết quả thực hiện Kế hoạch phát triển kinh tế - "
                     "xã hội")
    at = lines.index(title)
    assert lines[at - 1] == "BÁO CÁO"
    assert lines[at + 1] == "(Theo Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP))"
    first = next(text for text in lines if "Nghị định" in text and text not in lines[at + 1:at + 2])
    assert first.startswith("Căn cứ Nghị định số 90/2020/NĐ-CP ngày 13 tháng 8 năm 2020 của Chính phủ về đánh giá, "
                            "xếp loại chất lượng cán bộ, công chức, viên chức và Nghị định số 48/2023/NĐ-CP ngày 17 "
                            "tháng 7 năm 2023 của Chính phủ")
    assert "Kính gửi" not in "\n".join(lines)
    signature = document.tables[-1]
    recipients = [p.text for p in signature.rows[0].cells[0].paragraphs]
    assert "- Như trên;" not in recipients and "- Chủ tịch, các Phó Chủ tịch UBND xã;" in recipients
    assert signature.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None  # the block never splits over pages
    page = document.sections[0]
    assert page.page_width > page.page_height  # landscape
    text_width = page.page_width - page.left_margin - page.right_margin
    # Both columns span the landscape text width (Word stores twips, hence the 0,1 mm tolerance).
    assert abs(sum(cell.width for cell in signature.rows[0].cells) - text_width) < Mm(0.1)


# ---- 20: every XLSX prints --------------------------------------------------------------------------------------

def check_prints(sheet, header_row: int, title_rows=(1,)):
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9, sheet.title  # 9 = A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth == 1 and setup.fitToHeight == 0
    assert sheet.print_title_rows == f"${header_row}:${header_row}", sheet.print_title_rows
    columns = min(5, sheet.max_column)  # a sheet of three columns spans three
    widths = [sheet.column_dimensions[c].width for c in "ABCDE"[:columns]]
    assert all(w and w >= 5 for w in widths), widths
    header = [c for c in sheet[header_row] if c.value]
    assert all(c.alignment.wrap_text for c in header)
    for row in title_rows:  # merged across the table and tall enough for its wrapped lines
        cell = sheet.cell(row, 1)
        merged = next(r for r in sheet.merged_cells.ranges if r.min_row == row and r.min_col == 1)
        width = sum(sheet.column_dimensions[chr(64 + c)].width or 13 for c in range(1, min(merged.max_col, 26) + 1))
        assert cell.alignment.wrap_text and merged.max_col >= columns
        assert sheet.row_dimensions[row].height >= 15 * -(-len(str(cell.value)) // int(width * 1.2)), row


def test_every_workbook_prints_on_landscape_a4_with_its_header_repeated(plan):
    files = all_files(plan)
    annex = load_workbook(BytesIO(files["phu-luc.xlsx"]))
    check_prints(annex["Phụ lục"], 4, (1, 2, 3))
    check_prints(annex["Chỉ tiêu"], 4, (1, 2, 3))
    proposal = load_workbook(BytesIO(files["de-xuat-bang.xlsx"])).active
    check_prints(proposal, 6, (1, 2, 3))
    check_prints(load_workbook(BytesIO(files["chi-tieu.xlsx"])).active, 4, (1, 3))
    check_prints(load_workbook(BytesIO(files["bao-cao-don-vi.xlsx"]))["Báo cáo"], 4, (1, 2, 3))


def test_the_annex_names_its_report_and_has_indicators_solutions_and_coordinating_units(plan):
    book = load_workbook(BytesIO(monthly_files(plan)[1]))
    sheet = book["Phụ lục"]
    assert sheet["A2"].value == "(Kèm theo Báo cáo số …/BC-UBND ngày 25 tháng 5 năm 2023 của UBND xã Hưng Đông)"
    assert sheet["A3"].value == "Số liệu tính đến ngày 14 tháng 5 năm 2023."
    header = [c.value for c in sheet[4]]
    assert "Giải pháp" in header and "Đơn vị phối hợp" in header
    rows = {(r[1], r[4]): r for r in sheet.iter_rows(min_row=5, values_only=True)}
    # I.5.2 (3) of the sample: "Công chức Kế toán" leads, "Công chức Đô thị" and "Tư pháp" coordinate.
    solution_col, coord_col = header.index("Giải pháp"), header.index("Đơn vị phối hợp")
    i52 = [r for (code, _), r in rows.items() if code == "I.5.2"]
    assert len(i52) == 3 and any(r[solution_col].startswith("(3)") for r in i52)
    assert all(r[coord_col] for r in i52)
    indicators = book["Chỉ tiêu"]
    assert [c.value for c in indicators[4]] == ["Mã", "Chỉ tiêu", "Kế hoạch năm", "Thực hiện", "Đánh giá"]
    poverty = next(r for r in indicators.iter_rows(min_row=5, values_only=True) if r[0] == "II.8")
    assert poverty[1] == "Tỷ lệ hộ nghèo" and poverty[2] == "dưới 0,12 %" and poverty[3] == "Chưa có số liệu"


@pytest.fixture(autouse=True)
def _quiet_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
