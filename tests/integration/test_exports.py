"""Issue 14, item 2: one export layer (theodoi.exports) for every workbook, every download and the DOCX template."""
import ast
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.http import FileResponse
from django.urls import reverse
from docx import Document
from openpyxl import Workbook, load_workbook

from communes.models import DirectoryEntry
from dashboard.exports import make_template
from reports.models import RowRole
from reports.services import cycle, periods
from theodoi import exports

ROOT = Path(settings.BASE_DIR)
SKIP_DIRS = {".venv", "tests", "node_modules", ".git", "bench"}


@pytest.fixture
def january():
    with time_machine.travel("2023-01-10 09:00 +0700", tick=False):
        yield


@pytest.fixture
def land_report(plan, january):
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    return cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)


def _first_lead_row(report):
    return report.rows.filter(role=RowRole.LEAD).order_by("assignment__node__order", "assignment__order", "pk")[0]


def _download_xlsx(client, personas, report):
    client.force_login(personas["owner"])
    response = client.get(reverse("report_xlsx_download", args=[report.pk]))
    assert response.status_code == 200
    return response


# ---- downloads ----------------------------------------------------------------------------------------------------

def test_a_vietnamese_file_name_is_encoded_as_filename_star():
    # RFC 5987 by hand: "á" is C3 A1 in UTF-8, "ạ" is E1 BA A1, a space is %20.
    response = exports.download(b"x", "báo cáo tháng 5.docx", exports.DOCX_TYPE)
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''b%C3%A1o%20c%C3%A1o%20th%C3%A1ng%205.docx"
    assert response["Content-Type"] == exports.DOCX_TYPE and response.getvalue() == b"x"


@pytest.mark.parametrize("name", ["báo cáo tháng 5.docx", 'chi "tieu".xlsx', "bao-cao-2023-05.docx"])
def test_the_header_is_the_one_file_response_writes(name):
    expected = FileResponse(BytesIO(b""), as_attachment=True, filename=name)["Content-Disposition"]
    assert exports.download(b"", name, exports.XLSX_TYPE)["Content-Disposition"] == expected


def _first_party_modules():
    for path in ROOT.rglob("*.py"):
        if not SKIP_DIRS.intersection(path.relative_to(ROOT).parts):
            yield path


def test_no_module_writes_a_content_disposition_header_and_only_the_export_layer_makes_file_responses():
    """Django's FileResponse, made in theodoi.exports.download, names every attachment; nobody builds the header."""
    writers, file_responses = [], []
    for path in _first_party_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value == "Content-Disposition":
                writers.append(str(path.relative_to(ROOT)))
            if isinstance(node, ast.Name) and node.id == "FileResponse":
                file_responses.append(str(path.relative_to(ROOT)))
    assert writers == []
    # Besides the export layer, only the two views that stream an uploaded evidence file from storage.
    assert set(file_responses) == {"theodoi/exports.py", "indicators/views.py", "reports/views/cycle.py"}


def test_the_unit_report_download_is_named_by_the_export_layer(client, personas, land_report):
    response = _download_xlsx(client, personas, land_report)
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-cc-dia-chinh-2023-01.xlsx"'


def test_the_indicator_download_is_named_by_the_export_layer(client, personas, plan):
    client.force_login(personas["office"])
    response = client.get(reverse("indicator_export", args=[plan.pk]))
    assert response.status_code == 200 and response["Content-Type"] == exports.XLSX_TYPE
    assert response["Content-Disposition"] == f'attachment; filename="chi-tieu-2023-v{plan.version}.xlsx"'


# ---- the safe workbook --------------------------------------------------------------------------------------------

def test_a_formula_in_a_report_is_stored_as_text_with_quote_prefix_and_no_apostrophe(client, personas, land_report):
    row = _first_lead_row(land_report)
    row.results = "=HYPERLINK(1)"
    row.save()
    data = _download_xlsx(client, personas, land_report).getvalue()
    cell = load_workbook(BytesIO(data))["Báo cáo"]["G5"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=HYPERLINK(1)", "s", True)
    assert "<f>" not in zipfile.ZipFile(BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()


def test_a_control_character_typed_in_a_report_still_gives_a_valid_workbook(client, personas, land_report):
    # A bell (\x07) pasted from another program and a form feed (\x0c) from a printed page: XML forbids both.
    row = _first_lead_row(land_report)
    row.results, row.obstacles = "Đã cấp 35 giấy\x07 chứng nhận", "Thiếu\x0c kinh phí"
    row.save()
    sheet = load_workbook(BytesIO(_download_xlsx(client, personas, land_report).getvalue()))["Báo cáo"]
    assert (sheet["G5"].value, sheet["H5"].value) == ("Đã cấp 35 giấy chứng nhận", "Thiếu kinh phí")


def test_put_keeps_line_breaks_and_leaves_numbers_alone():
    sheet = Workbook().active
    assert exports.put(sheet["A1"], "(1) Rà soát\n(2) Cấp giấy").value == "(1) Rà soát\n(2) Cấp giấy"
    assert exports.put(sheet["A2"], -5).value == -5 and not sheet["A2"].quotePrefix


def test_append_guards_every_value_of_the_row_and_keeps_spacer_rows():
    sheet = Workbook().active
    exports.append(sheet, ["Tiêu đề"])
    sheet.append([])
    exports.append(sheet, [1, "- Như trên;", "@cmd\x07"])
    assert [c.value for c in sheet[3]] == [1, "- Như trên;", "@cmd"]
    assert [c.quotePrefix for c in sheet[3]] == [False, True, True]


def test_a_file_downloaded_with_the_old_apostrophe_reads_as_typed():
    assert exports.strip_old_guard("'- Đã cấp") == "- Đã cấp"
    assert exports.strip_old_guard("'Nhà văn hóa") == "'Nhà văn hóa"  # an apostrophe the user typed stays


# ---- the DOCX template --------------------------------------------------------------------------------------------

def test_re_running_make_template_never_overwrites_an_edited_template(tmp_path):
    target = tmp_path / "bao-cao-thang.docx"
    assert make_template.build(target) == target
    edited = Document(target)
    edited.paragraphs[0].insert_paragraph_before("Văn phòng đã sửa mẫu này trong Word")
    edited.save(target)
    before = target.read_bytes()

    assert make_template.build(target) == tmp_path / "bao-cao-thang-moi.docx"
    assert make_template.build(target) == tmp_path / "bao-cao-thang-moi-2.docx"
    assert target.read_bytes() == before


def test_the_indicator_table_of_the_template_has_its_fixed_column_widths(tmp_path):
    """Section II: 14, 46, 43, 35 and 27 mm, on the grid (LibreOffice reads it) and on every cell (Word does); together
    165 mm, the text width of A4 between Decree 30's 30 mm and 15 mm side margins."""
    for path in (make_template.build(tmp_path / "bao-cao-thang.docx"), make_template.TARGET):
        table = next(t for t in Document(path).tables if t.rows[0].cells[0].text == "Mã")
        assert [round(column.width.mm) for column in table.columns] == [14, 46, 43, 35, 27]
        assert {tuple(round(cell.width.mm) for cell in row.cells) for row in table.rows} == {(14, 46, 43, 35, 27)}


def test_a_fresh_template_has_the_committed_templates_tags(tmp_path):
    fresh = Document(make_template.build(tmp_path / "bao-cao-thang.docx"))
    committed = Document(make_template.TARGET)
    assert [p.text for p in fresh.paragraphs] == [p.text for p in committed.paragraphs]
    assert fresh.sections[0].different_first_page_header_footer  # Decree 30: no number on page 1
