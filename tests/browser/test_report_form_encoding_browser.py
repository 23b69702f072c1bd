"""The report form goes url-encoded when no evidence file is chosen (the server reads that far faster than a
multipart body of dozens of parts, issue 15) and multipart when one is, and both are saved."""
import pypdfium2
import pytest
import time_machine
from playwright.sync_api import expect

from reports.models import RowReport

pytestmark = pytest.mark.browser


def a_pdf(tmp_path):
    document = pypdfium2.PdfDocument.new()
    document.new_page(595, 842)
    path = tmp_path / "bien-ban.pdf"
    document.save(str(path))
    return path


def save_and_see_how_it_went(page) -> str:
    with page.expect_request(lambda request: request.method == "POST") as sent:
        page.click("button[value=save]")
    expect(page.locator(".messages")).to_contain_text("Đã lưu bản nháp")
    return sent.value.headers["content-type"]


def test_a_save_without_a_file_goes_url_encoded_and_one_with_a_file_multipart(page, login, report_url, tmp_path):
    url, row = report_url
    with time_machine.travel("2023-01-10 08:00 +0700", tick=True):
        login("diachinh")
        page.goto(url)
        page.fill(f"#r{row}-results", "Đã rà soát 4 dự án")
        assert save_and_see_how_it_went(page) == "application/x-www-form-urlencoded"
        assert RowReport.objects.get(pk=row).results == "Đã rà soát 4 dự án"

        page.fill(f"#r{row}-evidence_number", "25/BB-UBND")
        page.set_input_files(f"#r{row}-evidence_file", str(a_pdf(tmp_path)))
        assert save_and_see_how_it_went(page).startswith("multipart/form-data; boundary=")
        stored = RowReport.objects.get(pk=row)
        assert stored.evidence_number == "25/BB-UBND" and stored.evidence_file.name.endswith(".pdf")
        expect(page.locator(f"#row-{row}")).to_contain_text("Xem tệp đã tải lên")
