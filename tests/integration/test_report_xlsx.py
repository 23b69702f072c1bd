"""The unit report's Excel round trip: real files downloaded, filled with openpyxl, uploaded back."""
import zipfile
from datetime import date, datetime
from io import BytesIO

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import LogEntry
from communes.models import DirectoryEntry
from reports.exports.xlsx import META_SHEET, SHEET
from reports.models import ReportState, RowStatus, UnitReport
from reports.services import cycle, periods

FILE = "bao-cao-cc-dia-chinh-2023-01.xlsx"
CODES = ["I.1.1", "I.4.1", "I.4.4", "I.5.1", "I.5.1", "II.3.1", "II.3.2"]  # the lead rows of Địa chính, lines 5–11
LABELS = "Chưa triển khai, Đang thực hiện, Hoàn thành, Tạm dừng / vướng mắc"


@pytest.fixture(autouse=True)
def january():
    # 10/01/2023: January's period is open, so the report is editable as on the day a unit fills it.
    with time_machine.travel("2023-01-10 09:00 +0700", tick=False):
        yield


@pytest.fixture
def land(plan):
    return DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")


@pytest.fixture
def report(plan, land):
    return cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)


@pytest.fixture
def owner(client, personas):
    client.force_login(personas["owner"])
    return client


def download(client, report) -> bytes:
    response = client.get(reverse("report_xlsx_download", args=[report.pk]))
    assert response.status_code == 200
    return response.getvalue()


def book(data: bytes):
    return load_workbook(BytesIO(data))


def to_bytes(workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, report, data: bytes, name=FILE, submit=False):
    form = {"file": SimpleUploadedFile(name, data, content_type="application/octet-stream")}
    if submit:
        form["submit"] = "1"
    return client.post(reverse("report_xlsx_upload", args=[report.pk]), form, follow=True)


def said(response) -> str:
    return "\n".join(str(m) for m in response.context["messages"])


def lead(report) -> list:
    return list(report.rows.filter(role="lead").order_by("assignment__node__order", "assignment__order", "pk"))


def assert_nothing_stored(report):
    report.refresh_from_db()
    assert (report.version, report.state) == (1, ReportState.DRAFT)
    assert not report.rows.exclude(results="").exists() and not report.rows.exclude(status="").exists()
    assert not LogEntry.objects.filter(action__startswith="report.", object_id=str(report.pk)).exists()


def test_the_file_has_title_keys_drop_downs_protection_and_a_hidden_identity(owner, report):
    first = lead(report)[0]
    first.results = '=HYPERLINK("http://x.example","Bấm")'
    first.save()
    response = owner.get(reverse("report_xlsx_download", args=[report.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="{FILE}"'
    workbook = book(response.getvalue())
    sheet = workbook[SHEET]
    assert sheet["A1"].value == "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH THÁNG 01/2023 – CÔNG CHỨC ĐỊA CHÍNH"
    assert "Kỳ báo cáo từ 15/12/2022 đến 14/01/2023 · Hạn nộp 20/01/2023" in sheet["A2"].value
    assert [c.value for c in sheet[4]] == [
        "Mã", "Nhiệm vụ", "Giải pháp", "Thời hạn", "Tình trạng", "Tiến độ (%)", "Kết quả trong kỳ",
        "Khó khăn vướng mắc", "Đề xuất kiến nghị", "Số văn bản minh chứng", "Ngày văn bản", "Mã dòng (không sửa)"]
    assert [sheet.cell(line, 1).value for line in range(5, 12)] == CODES
    assert sheet.max_row == 11
    assert [sheet.cell(line, 12).value for line in range(5, 12)] == [r.pk for r in lead(report)]
    assert sheet.column_dimensions["L"].hidden
    # The guard: a formula typed on the web comes out as text, never as a formula; issue 14: as typed, with the
    # quotePrefix style instead of a visible apostrophe.
    assert (sheet["G5"].value, sheet["G5"].data_type) == ('=HYPERLINK("http://x.example","Bấm")', "s")
    assert sheet["G5"].quotePrefix
    assert sheet.protection.sheet
    assert sheet["A5"].protection.locked and sheet["L5"].protection.locked
    assert all(not sheet.cell(5, column).protection.locked for column in range(5, 12))
    rules = {str(rule.sqref): rule for rule in sheet.data_validations.dataValidation}
    assert rules["E5:E11"].type == "list"
    assert rules["E5:E11"].formula1 == '"Chưa triển khai,Đang thực hiện,Hoàn thành,Tạm dừng / vướng mắc"'
    assert (rules["F5:F11"].type, rules["F5:F11"].formula1, rules["F5:F11"].formula2) == ("whole", "0", "100")
    assert sheet["K5"].number_format == "dd/mm/yyyy"
    assert (sheet.page_setup.orientation, sheet.page_setup.paperSize) == ("landscape", 9)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert all(sheet.row_dimensions[line].height >= 3 * 14.5 for line in range(5, 12))  # wrapped text shows in print
    assert workbook[META_SHEET].sheet_state == "veryHidden" and workbook[META_SHEET].protection.sheet


def test_round_trip_stores_what_the_unit_typed_and_the_file_comes_back_with_it(owner, report, personas):
    workbook = book(download(owner, report))
    sheet = workbook[SHEET]
    sheet["E5"], sheet["F5"], sheet["G5"] = "Hoàn thành", 100, "- Đã cấp 35 giấy chứng nhận"
    sheet["J5"], sheet["K5"] = "25/BC-UBND", datetime(2023, 1, 5)
    sheet["E6"], sheet["F6"], sheet["H6"] = "đang  thực hiện", "40%", "Thiếu kinh phí đo đạc"
    sheet["I6"], sheet["K6"] = "Đề nghị bổ sung 20 triệu đồng", "09/01/2023"
    response = upload(owner, report, to_bytes(workbook))
    assert f"Đã nhập 7 dòng từ tệp «{FILE}» và lưu bản nháp." in said(response)
    first, second, *rest = lead(report)
    assert (first.status, first.percent, first.results) == (RowStatus.DONE, 100, "- Đã cấp 35 giấy chứng nhận")
    assert (first.evidence_number, first.evidence_date, first.checked_in) == ("25/BC-UBND", date(2023, 1, 5), True)
    assert (second.status, second.percent, second.results) == (RowStatus.IN_PROGRESS, 40, "")
    assert (second.obstacles, second.proposals) == ("Thiếu kinh phí đo đạc", "Đề nghị bổ sung 20 triệu đồng")
    assert second.evidence_date == date(2023, 1, 9)
    assert all(r.status == "" and r.percent is None for r in rest)
    report.refresh_from_db()
    assert (report.version, report.state) == (2, ReportState.DRAFT)
    entry = LogEntry.objects.get(action="report.saved", object_id=str(report.pk))
    assert entry.actor == personas["owner"]

    again = book(download(owner, report))
    sheet = again[SHEET]
    assert (sheet["E5"].value, sheet["F5"].value, sheet["G5"].value) == ("Hoàn thành", 100,
                                                                         "- Đã cấp 35 giấy chứng nhận")
    assert sheet["G5"].quotePrefix  # issue 14: the guard is a style, not an apostrophe in the text
    assert (sheet["K5"].value, sheet["E6"].value, sheet["F6"].value) == (datetime(2023, 1, 5), "Đang thực hiện", 40)
    assert "Đã nhập 7 dòng" in said(upload(owner, report, to_bytes(again)))
    first = lead(report)[0]
    assert first.results == "- Đã cấp 35 giấy chứng nhận"  # the guard's apostrophe does not pile up
    report.refresh_from_db()
    assert report.version == 3


def test_the_box_send_now_submits_the_report(owner, report):
    workbook = book(download(owner, report))
    sheet = workbook[SHEET]
    for line in range(5, 12):
        sheet[f"E{line}"], sheet[f"F{line}"], sheet[f"G{line}"] = "Hoàn thành", 100, f"Kết quả dòng {line}"
    response = upload(owner, report, to_bytes(workbook), submit=True)
    assert f"Đã nhập 7 dòng từ tệp «{FILE}» và gửi báo cáo." in said(response)
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and not report.is_late
    assert LogEntry.objects.filter(action="report.submitted", object_id=str(report.pk)).exists()
    assert [r.results for r in lead(report)] == [f"Kết quả dòng {line}" for line in range(5, 12)]


def test_wrong_cells_are_listed_by_sheet_and_cell_and_nothing_is_stored(owner, report):
    workbook = book(download(owner, report))
    sheet = workbook[SHEET]
    sheet["E5"] = "Xong rồi"
    sheet["K6"] = "31/02/2023"
    sheet["F7"] = 120
    sheet["G8"] = "=1+1"
    sheet["G9"] = "Dòng này đúng nhưng cũng không được lưu"
    response = upload(owner, report, to_bytes(workbook))
    message = said(response)
    assert f"Tệp «{FILE}» có 4 lỗi, chưa lưu gì:" in message
    # The same messages as the web form's (tests/integration/test_validation_same_message.py), on their cells.
    assert f"Sheet «Báo cáo», ô E5: Tình trạng «Xong rồi» không có trong danh sách ({LABELS})." in message
    assert ("Sheet «Báo cáo», ô K6: Ngày văn bản «31/02/2023» không hợp lệ; ghi theo dạng dd/mm/yyyy, "
            "ví dụ 05/01/2023.") in message
    assert "Sheet «Báo cáo», ô F7: Tiến độ «120» phải là số nguyên từ 0 đến 100." in message
    assert "Sheet «Báo cáo», ô G8: Không được dùng công thức, hãy nhập giá trị." in message
    assert "<br>Sheet «Báo cáo», ô F7" in response.content.decode()  # one message, one line per cell
    assert_nothing_stored(report)


def test_rules_of_the_cycle_are_placed_on_their_cells_too(owner, report):
    workbook = book(download(owner, report))
    sheet = workbook[SHEET]
    sheet["E5"], sheet["F5"], sheet["G5"] = "Hoàn thành", 60, "Đã làm một phần"
    message = said(upload(owner, report, to_bytes(workbook), submit=True))
    assert "Sheet «Báo cáo», ô F5: Đã chọn «Hoàn thành» thì tiến độ phải là 100%." in message
    for line in range(6, 12):  # submitting needs a status on every lead row
        assert f"Sheet «Báo cáo», ô E{line}: Chưa chọn tình trạng thực hiện." in message
    assert_nothing_stored(report)


def test_a_file_of_another_unit_is_refused(client, personas, plan, report):
    client.force_login(personas["office"])
    justice = DirectoryEntry.objects.get(commune=plan.commune, key="cc-tu-phap")
    theirs = cycle.open_report(report.period, justice, plan)
    workbook = book(download(client, theirs))
    workbook[SHEET]["G5"] = "Kết quả của Tư pháp"
    response = upload(client, report, to_bytes(workbook), name="bao-cao-cc-tu-phap-2023-01.xlsx")
    assert ("Tệp «bao-cao-cc-tu-phap-2023-01.xlsx» là báo cáo của Công chức Tư pháp - Hộ tịch, không phải của "
            "Công chức Địa chính; không nhập gì.") in said(response)
    assert_nothing_stored(report)
    assert not theirs.rows.exclude(results="").exists()


def test_a_file_of_another_period_is_refused(owner, plan, land, report):
    february = cycle.open_report(periods.ensure_period(plan.commune, 2023, 2), land, plan)
    workbook = book(download(owner, february))
    workbook[SHEET]["G5"] = "Kết quả tháng 2"
    response = upload(owner, report, to_bytes(workbook), name="bao-cao-cc-dia-chinh-2023-02.xlsx")
    assert ("Tệp «bao-cao-cc-dia-chinh-2023-02.xlsx» là báo cáo tháng 02/2023, không phải kỳ tháng 01/2023; "
            "hãy tải tệp của kỳ này.") in said(response)
    assert_nothing_stored(report)


@pytest.mark.parametrize("cell, value, where", [
    ("B6", "Nhiệm vụ đã bị sửa", "ô B6 (cột «Nhiệm vụ»)"),
    ("A5", "I.9.9", "ô A5 (cột «Mã»)"),
    ("D11", "Quý IV", "ô D11 (cột «Thời hạn»)"),
    ("L7", "other row", "ô L7 (cột «Mã dòng (không sửa)»)"),
])
def test_a_tampered_protected_column_is_refused(owner, report, cell, value, where):
    workbook = book(download(owner, report))
    sheet = workbook[SHEET]
    sheet["G5"] = "Kết quả"
    sheet[cell] = sheet["L8"].value if value == "other row" else value
    message = said(upload(owner, report, to_bytes(workbook)))
    assert f"Tệp «{FILE}» bị từ chối: Sheet «Báo cáo», {where} thuộc phần khóa và đã bị thay đổi." in message
    assert_nothing_stored(report)


def test_a_changed_or_missing_identity_is_refused(owner, report):
    workbook = book(download(owner, report))
    workbook[META_SHEET]["B5"] = workbook[META_SHEET]["B5"].value[:-1] + "x"
    assert "không phải tệp báo cáo tải từ hệ thống" in said(upload(owner, report, to_bytes(workbook)))
    workbook = book(download(owner, report))
    del workbook[META_SHEET]
    assert "phần nhận dạng của tệp đã bị sửa" in said(upload(owner, report, to_bytes(workbook)))
    assert_nothing_stored(report)


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, expected", [
    ("bao-cao.pdf", b"%PDF-1.4", "Tệp «bao-cao.pdf» không phải tệp Excel (.xlsx)"),
    ("hong.xlsx", b"not a zip at all", "Tệp «hong.xlsx» bị hỏng hoặc không phải tệp Word/Excel hợp lệ."),
    ("rong.xlsx", zipped({"hello.txt": b"xin chao"}),
     "Tệp «rong.xlsx» bị hỏng hoặc không phải tệp Excel (.xlsx) hợp lệ."),
    ("bom.xlsx", zipped({"xl/bom.xml": b"0" * (3 * 1024 * 1024)}),  # 3 MB of zeros: a ratio near 1000
     "Tệp «bom.xlsx» bị từ chối vì nghi là tệp nén độc hại: tỷ lệ nén bất thường"),
])
def test_not_an_xlsx_a_corrupt_file_and_a_zip_bomb_are_refused_by_name(owner, report, name, data, expected):
    assert expected in said(upload(owner, report, data, name=name))
    assert_nothing_stored(report)


def test_a_submitted_report_takes_no_file(owner, report):
    workbook = book(download(owner, report))
    workbook[SHEET]["G5"] = "Muộn"
    UnitReport.objects.filter(pk=report.pk).update(state=ReportState.SUBMITTED)
    assert "Báo cáo này không sửa được nữa" in said(upload(owner, report, to_bytes(workbook)))
    assert not lead(report)[0].results


def test_an_upload_after_web_edits_uses_the_current_version_and_says_so(owner, report, personas):
    workbook = book(download(owner, report))
    workbook[SHEET]["G5"] = "Từ tệp Excel"
    first = lead(report)[0]
    assert cycle.save(report, personas["office"], 1, {first.pk: {"results": "Từ trang web"}}, False,
                      date(2023, 1, 10)).ok
    message = said(upload(owner, report, to_bytes(workbook)))
    assert "Đã nhập 7 dòng" in message and "đã được sửa trên trang web sau khi tải tệp này" in message
    first.refresh_from_db()
    assert first.results == "Từ tệp Excel"
    report.refresh_from_db()
    assert report.version == 3


def test_who_may_download_and_upload(client, personas, report):
    download_url = reverse("report_xlsx_download", args=[report.pk])
    upload_url = reverse("report_xlsx_upload", args=[report.pk])
    client.force_login(personas["owner"])
    data = download(client, report)
    # One read rule (reports.permissions.may_read_report): a read-only user may download, never upload.
    for persona, read, write in [("viewer", 200, 403), ("other_unit", 403, 403), ("outsider", 404, 404)]:
        client.force_login(personas[persona])
        assert client.get(download_url).status_code == read, persona
        form = {"file": SimpleUploadedFile(FILE, data)}
        assert client.post(upload_url, form).status_code == write, persona
    client.force_login(personas["office"])
    assert client.get(download_url).status_code == 200
    assert client.get(upload_url).status_code == 405
    assert_nothing_stored(report)


def test_the_report_page_offers_the_download_and_the_upload_form(owner, report):
    page = owner.get(reverse("report_detail", args=[report.pk])).content.decode()
    assert reverse("report_xlsx_download", args=[report.pk]) in page
    assert reverse("report_xlsx_upload", args=[report.pk]) in page and "Gửi báo cáo luôn" in page
