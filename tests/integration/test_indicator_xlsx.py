"""Excel export and import of indicator values: real files written and read back with openpyxl."""
import zipfile
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from indicators.exports import SHEET, export_plan
from indicators.models import IndicatorValue, ValueEntry
from indicators.services.recording import Reading, save_reading
from tests.factories import import_sample
from theodoi.periods import MONTH, Period

JUNE = Period(MONTH, 2023, 6)


@pytest.fixture
def office(client, personas):
    client.force_login(personas["office"])
    return client


def workbook_of(data: bytes):
    return load_workbook(BytesIO(data))


def cell_of(sheet, code: str, header: str):
    headers = [c.value for c in sheet[4]]
    row = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 1).value == code)
    return sheet.cell(row, headers.index(header) + 1)


def to_bytes(workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, plan, data: bytes, name="chi-tieu.xlsx"):
    file = SimpleUploadedFile(name, data, content_type="application/vnd.ms-excel")
    return client.post(reverse("indicator_import", args=[plan.pk]), {"file": file})


def test_export_has_every_indicator_a_column_per_period_and_bold_headers(office, plan, personas):
    poverty = plan.indicators.get(code="II.8")
    save_reading(poverty, Reading(period=JUNE, value=Decimal("0.13")), personas["office"])
    response = office.get(reverse("indicator_export", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = workbook_of(response.getvalue())[SHEET]
    headers = [c.value for c in sheet[4]]
    assert headers[:5] == ["Mã", "Chỉ tiêu", "Mục tiêu", "Đơn vị tính", "Cách tính"]
    assert headers[5] == "Tháng 01/2023" and headers[16] == "Tháng 12/2023" and headers[17] == "Quý I/2023"
    assert headers[21:24] == ["6 tháng đầu năm 2023", "9 tháng năm 2023", "Năm 2023"]
    assert all(c.font.b for c in sheet[4] if c.value)
    codes = [sheet.cell(r, 1).value for r in range(5, sheet.max_row + 1)]
    assert codes == list(plan.indicators.values_list("code", flat=True))
    assert cell_of(sheet, "II.8", "Tháng 06/2023").value == 0.13
    assert cell_of(sheet, "II.8", "Mục tiêu").value == "dưới 0,12 %"


def test_text_starting_like_a_formula_is_written_as_text(office, plan, personas):
    poverty = plan.indicators.get(code="II.8")
    save_reading(poverty, Reading(period=JUNE, value=Decimal("0.5"), explanation='=HYPERLINK("http://x","y")'),
                 personas["office"])
    data = office.get(reverse("indicator_export", args=[plan.pk])).getvalue()
    cell = cell_of(workbook_of(data)[SHEET], "II.8", "Giải trình")
    assert cell.value == '=HYPERLINK("http://x","y")' and cell.data_type == "s"
    assert cell.quotePrefix
    sheet_xml = zipfile.ZipFile(BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml


def test_values_filled_in_are_imported_exactly(office, plan, personas):
    book = workbook_of(export_plan(plan))
    sheet = book[SHEET]
    cell_of(sheet, "II.10", "Tháng 06/2023").value = "97,5"      # typed as text, Vietnamese style
    cell_of(sheet, "I.1", "Quý I/2023").value = 250             # a number cell
    cell_of(sheet, "I.1", "Cách tính").value = "Lũy kế"
    cell_of(sheet, "II.1", "Năm 2023").value = "Đạt"
    response = upload(office, plan, to_bytes(book))
    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator__code="II.10").value == Decimal("97.5")
    growth = IndicatorValue.objects.get(indicator__code="I.1")
    assert (growth.value, growth.is_cumulative, growth.period_kind) == (Decimal("250"), True, "quarter")
    assert IndicatorValue.objects.get(indicator__code="II.1").met is True
    assert ValueEntry.objects.filter(via="excel").count() == 3
    # The same file again changes nothing and records nothing.
    assert upload(office, plan, to_bytes(book)).status_code == 302
    assert ValueEntry.objects.count() == 3


@pytest.mark.parametrize("code, raw, message", [
    ("II.10", "10.8", "«10.8» không phải số hợp lệ theo cách viết Việt Nam (dấu phẩy là dấu thập phân: viết 10,8)"),
    ("II.10", "khoảng 90", "«khoảng 90» không phải là số"),
    ("II.10", -5, "«-5»: tỷ lệ không được là số âm (đơn vị tính: %)"),
    ("II.1", "có", "chỉ tiêu định tính ghi «Đạt» hoặc «Chưa đạt»"),
])
def test_a_wrong_cell_is_named_and_nothing_is_stored(office, plan, code, raw, message):
    book = workbook_of(export_plan(plan))
    sheet = book[SHEET]
    cell_of(sheet, "II.3", "Tháng 06/2023").value = 95      # a good cell in the same file
    bad = cell_of(sheet, code, "Tháng 06/2023")
    bad.value = raw
    response = upload(office, plan, to_bytes(book))
    assert response.status_code == 400
    html = response.content.decode()
    assert f"Sheet «Chỉ tiêu», ô {bad.coordinate}: " in html and message in html
    assert not IndicatorValue.objects.exists() and not ValueEntry.objects.exists()


def test_every_error_is_listed(office, plan):
    book = workbook_of(export_plan(plan))
    sheet = book[SHEET]
    first, second = cell_of(sheet, "II.10", "Tháng 01/2023"), cell_of(sheet, "II.3", "Tháng 02/2023")
    first.value, second.value = "abc", "1.5"
    cell_of(sheet, "I.2", "Tháng 03/2023").value = 5        # a heading has no target of its own
    html = upload(office, plan, to_bytes(book)).content.decode()
    assert f"ô {first.coordinate}" in html and f"ô {second.coordinate}" in html and "3 lỗi" in html


def test_a_red_value_needs_the_explanation_column(office, plan):
    book = workbook_of(export_plan(plan))
    sheet = book[SHEET]
    cell_of(sheet, "II.8", "Tháng 06/2023").value = "0,5"
    response = upload(office, plan, to_bytes(book))
    assert response.status_code == 400 and "cần ghi giải trình" in response.content.decode()
    cell_of(sheet, "II.8", "Giải trình").value = "Phát sinh hộ nghèo mới."
    assert upload(office, plan, to_bytes(book)).status_code == 302
    assert IndicatorValue.objects.get().explanation == "Phát sinh hộ nghèo mới."


def test_a_file_for_another_plan_is_refused(office, plan, other_commune):
    other_plan = import_sample(other_commune)
    book = workbook_of(export_plan(other_plan))
    cell_of(book[SHEET], "II.10", "Tháng 06/2023").value = 98
    response = upload(office, plan, to_bytes(book))
    assert response.status_code == 400 and "tệp này là của kế hoạch khác" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_a_file_that_is_not_excel_is_refused(office, plan):
    response = upload(office, plan, b"not a spreadsheet", name="x.xlsx")
    assert response.status_code == 400 and "không phải bảng tính Excel" in response.content.decode()


def test_a_file_over_the_upload_limit_is_refused_unread(office, plan, settings):
    settings.THEODOI_MAX_UPLOAD_BYTES = 1024
    response = upload(office, plan, to_bytes(workbook_of(export_plan(plan))))
    assert response.status_code == 400 and "quá lớn (tối đa 0 MB)" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_a_renamed_zip_bomb_is_refused_before_it_is_opened(office, plan):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    response = upload(office, plan, buffer.getvalue(), name="chi-tieu.bin")
    assert response.status_code == 400 and "tệp nén độc hại" in response.content.decode()


@pytest.mark.parametrize("name, export_status, import_status", [
    ("viewer", 200, 403), ("owner", 200, 200), ("outsider", 404, 404)])
def test_excel_permissions(client, personas, plan, name, export_status, import_status):
    client.force_login(personas[name])
    assert client.get(reverse("indicator_export", args=[plan.pk])).status_code == export_status
    assert client.get(reverse("indicator_import", args=[plan.pk])).status_code == import_status


def test_a_unit_officer_imports_only_the_indicators_of_their_unit(client, personas, plan, commune):
    plan.indicators.filter(code="II.10").update(lead_unit=commune.entries.get(key="cc-dia-chinh"))
    client.force_login(personas["owner"])
    book = workbook_of(export_plan(plan))
    cell_of(book[SHEET], "II.10", "Tháng 06/2023").value = 98
    foreign = cell_of(book[SHEET], "II.3", "Tháng 06/2023")
    foreign.value = 95
    response = upload(client, plan, to_bytes(book))
    assert response.status_code == 400
    assert f"ô {foreign.coordinate}: bạn không được nhập số liệu cho chỉ tiêu II.3" in response.content.decode()
    foreign.value = None
    assert upload(client, plan, to_bytes(book)).status_code == 302
    assert IndicatorValue.objects.get().indicator.code == "II.10"
