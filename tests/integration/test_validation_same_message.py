"""One reader for a report row: the same bad value gives the same message on the page and in the Excel file, keyed by
field, and the Excel message names the cell of that field's column.

Địa chính leads seven rows in January 2023 (lines 5–11 of its Excel file): I.1.1, I.4.1, I.4.4, I.5.1, I.5.1,
II.3.1, II.3.2. The tests use I.4.1, on line 6. Columns: E «Tình trạng», F «Tiến độ (%)», G «Kết quả trong kỳ».
"""
from datetime import date
from io import BytesIO

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from communes.models import DirectoryEntry
from reports import forms
from reports.exports import xlsx
from reports.rules import validation
from reports.services import cycle, periods, xlsx_import

LINE = 6  # I.4.1, the second lead row
# 58 characters, 70 times, less the last space: 4.059 characters, over the 4.000 of «Kết quả trong kỳ».
TOO_LONG = "Đã đo đạc, cắm mốc giải phóng mặt bằng tuyến đường xóm 7. " * 70

CASES = [  # what the official types, the field it is about, its column, the message, whether it is sent
    ("abc", "percent", "F", "Tiến độ «abc» phải là số nguyên từ 0 đến 100.", False),
    ("²", "percent", "F", "Tiến độ «²» phải là số nguyên từ 0 đến 100.", False),  # isdigit() but not int()
    ("150", "percent", "F", "Tiến độ «150» phải là số nguyên từ 0 đến 100.", False),
    ("", "status", "E", "Chưa chọn tình trạng thực hiện.", True),  # status missing when the report is sent
    (TOO_LONG, "results", "G", "Nhiệm vụ I.4.1 (chủ trì) – «Kết quả trong kỳ»: 4.059 ký tự, tối đa 4.000 ký tự; "
                               "hãy rút gọn.", False),
]


@pytest.fixture(autouse=True)
def january():
    with time_machine.travel("2023-01-10 09:00 +0700", tick=False):
        yield


@pytest.fixture
def report(plan):
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    return cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)


@pytest.fixture
def row(report):
    return report.rows.get(role="lead", assignment__node__code="I.4.1")


def _page_post(report, row, field: str, typed: str, sent: bool) -> dict:
    post = {"version": "1", "action": "submit" if sent else "save"}
    for other in report.rows.filter(role="lead"):
        post[forms.field_name(other, "status")] = "in_progress"  # every other row is fine
    post[forms.field_name(row, field)] = typed
    if field == "percent":
        post[forms.field_name(row, "status")] = "in_progress"
    return post


def _excel_file(client, report, column: str, typed, sent: bool) -> bytes:
    workbook = load_workbook(BytesIO(client.get(reverse("report_xlsx_download", args=[report.pk])).getvalue()))
    sheet = workbook[xlsx.SHEET]
    for line in range(5, 12):
        sheet[f"E{line}"] = "Đang thực hiện"
    sheet[f"{column}{LINE}"] = typed
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("typed, field, column, message, sent", CASES)
def test_the_page_and_the_excel_file_say_the_same_on_the_same_field(client, personas, report, row, typed, field,
                                                                  column, message, sent):
    client.force_login(personas["owner"])
    page = client.post(reverse("report_detail", args=[report.pk]), _page_post(report, row, field, typed, sent))
    assert page.status_code == 400 and message in page.content.decode()

    excel_value = 150 if typed == "150" else (None if typed == "" else typed)  # Excel stores 150 as a number
    data = _excel_file(client, report, column, excel_value, sent)
    outcome = xlsx_import.import_file(report, personas["owner"], data, "bao-cao.xlsx", sent, date(2023, 1, 10))
    assert not outcome.ok
    assert outcome.errors == [f"Sheet «Báo cáo», ô {column}{LINE}: {message}"]


@pytest.mark.parametrize("typed, field, column, message, sent", CASES)
def test_each_message_is_keyed_by_its_row_and_field(report, row, typed, field, column, message, sent):
    post = _page_post(report, row, field, typed, sent)
    values, errors = forms.read_fields(list(report.rows.all()), post, {})
    if not errors:  # the form reads it cleanly; the cycle's rules find what is wrong
        errors = cycle.validate(report, values, sent, date(2023, 1, 10))
    assert errors == {row.pk: {field: [message]}}
    assert xlsx.LETTER[field] == column


def test_a_status_and_a_date_read_alike_from_the_page_and_from_excel():
    # The page's select sends a code, the Excel list a label (sometimes with stray spaces); both are one status.
    assert validation.read_status("done") == ("done", None)
    assert validation.read_status(" Hoàn  thành ") == ("done", None)
    assert validation.read_status("Xong rồi")[1] == ("Tình trạng «Xong rồi» không có trong danh sách (Chưa triển "
                                                     "khai, Đang thực hiện, Hoàn thành, Tạm dừng / vướng mắc).")
    # The page's date input sends ISO; an official types 05/01/2023 in Excel or in a browser without a calendar.
    for typed in ("2023-01-05", "05/01/2023", "5/1/2023", "05-01-2023", "05.01.2023"):
        assert validation.read_date(typed, "Ngày văn bản") == (date(2023, 1, 5), None)
    assert validation.read_date("31/02/2023", "Ngày văn bản")[1] == ("Ngày văn bản «31/02/2023» không hợp lệ; ghi "
                                                                     "theo dạng dd/mm/yyyy, ví dụ 05/01/2023.")
    assert validation.read_date("5/1/23", "Ngày văn bản")[0] is None  # not the year 23


@pytest.mark.parametrize("typed, expected", [
    ("100", (100, None)), ("50 %", (50, None)), (" 0 ", (0, None)), (75, (75, None)), (75.0, (75, None)),
    ("", (None, None)),
    (50.5, (None, "Tiến độ «50,5» phải là số nguyên từ 0 đến 100.")),  # a number cell, written the Vietnamese way
    (-5, (None, "Tiến độ «-5» phải là số nguyên từ 0 đến 100.")),
    ("٥٠", (None, "Tiến độ «٥٠» phải là số nguyên từ 0 đến 100.")),  # Arabic-Indic digits from a pasted text
])
def test_a_percent_is_a_whole_number_from_0_to_100_however_it_comes(typed, expected):
    assert validation.read_percent(typed) == expected


def test_the_excel_file_with_a_typed_percent_text_is_read_like_the_page(client, personas, report, row):
    client.force_login(personas["owner"])
    data = _excel_file(client, report, "F", "40 %", False)  # typed as text in a cell Excel did not take as a number
    outcome = xlsx_import.import_file(report, personas["owner"], data, "bao-cao.xlsx", False, date(2023, 1, 10))
    assert outcome.ok, outcome.errors
    row.refresh_from_db()
    assert row.percent == 40


def test_a_file_upload_carries_its_message_on_its_own_field(report, row):
    bad = SimpleUploadedFile("minh-chung.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    post = _page_post(report, row, "results", "Đã đo đạc xong", False)
    _, errors = forms.read_fields(list(report.rows.all()), post, {forms.field_name(row, "evidence_file"): bad})
    assert list(errors[row.pk]) == ["evidence_file"] and "minh-chung.exe" in errors[row.pk]["evidence_file"][0]
