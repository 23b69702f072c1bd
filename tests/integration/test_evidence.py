"""Evidence files: office types only, told by their content, within a size; a replaced or dropped file is deleted.

The files are made the way an office makes them: Word and Excel files by python-docx and openpyxl, a PDF by
pdfium, an OpenDocument file as LibreOffice packs one, photos with the first bytes a phone writes.
"""
import io
import struct
import zipfile
import zlib
from datetime import date
from pathlib import Path

import openpyxl
import pypdfium2
import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from docx import Document

from communes.models import DirectoryEntry
from indicators.models import IndicatorValue
from reports.models import RowReport, UnitReport
from reports.services import cycle, periods
from theodoi import evidence

JANUARY_OPEN = "2023-01-10 09:00 +0700"  # January's report is open for editing


# ---- files as offices make them ------------------------------------------------------------------------------------

def pdf(padding: int = 0) -> bytes:
    document = pypdfium2.PdfDocument.new()
    document.new_page(595, 842)  # A4 in points
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue() + b"%" + b" " * padding + b"\n"  # a comment after %%EOF: scanners leave such tails


def png() -> bytes:
    """A real 1×1 white PNG: signature, IHDR, IDAT, IEND."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + \
        chunk(b"IEND", b"")


PHONE_JPEG = b"\xff\xd8\xff\xe1\x00\x18Exif\x00\x00MM\x00*" + b"\x00" * 64 + b"\xff\xd9"  # an Exif photo's first bytes
IPHONE_HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"This program cannot be run in DOS mode." * 4
WEB_PAGE = "<!DOCTYPE html><html><body><h1>Biên bản</h1><script>alert(1)</script></body></html>".encode()


def docx(main_type: str | None = None) -> bytes:
    document = Document()
    document.add_paragraph("BIÊN BẢN kiểm tra hiện trường thửa đất số 125, tờ bản đồ số 9")
    buffer = io.BytesIO()
    document.save(buffer)
    if main_type is None:
        return buffer.getvalue()
    return _retyped(buffer.getvalue(), main_type)


def _retyped(data: bytes, main_type: str) -> bytes:
    """The same package with another main part type, as Word writes a macro-enabled (.docm) document."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml."
                                          b"document.main+xml", main_type.encode())
            target.writestr(item, content)
    return out.getvalue()


def xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Xóm", "Số hộ nghèo"])
    workbook.active.append(["Xóm 1", 3])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def odf(media_type: str) -> bytes:
    """An OpenDocument package: "mimetype" first and uncompressed, then the manifest and the content."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), media_type, compress_type=zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest='
                         '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
        package.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office='
                         '"urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
    return out.getvalue()


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def stored_first(members: dict[str, bytes]) -> bytes:
    """Members stored uncompressed, as Windows does with files that do not shrink: a PDF's header shows near the top."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


# ---- what is taken and what is refused, by content -----------------------------------------------------------------

@pytest.mark.parametrize("name, data, kind", [
    ("Bien ban kiem tra.PDF", pdf(), "pdf"),
    ("IMG_20230109_0815.jpg", PHONE_JPEG, "jpeg"),
    ("anh-chup-man-hinh.png", png(), "png"),
    ("IMG_0412.HEIC", IPHONE_HEIC, "heic"),
    ("Báo cáo kết quả rà soát dự án.docx", docx(), "docx"),
    ("Danh sach ho ngheo xom 1.xlsx", xlsx(), "xlsx"),
    ("Bien ban hop xom.odt", odf("application/vnd.oasis.opendocument.text"), "odt"),
    ("Thong ke.ods", odf("application/vnd.oasis.opendocument.spreadsheet"), "ods"),
    ("Ho so minh chung thang 1.zip", zipped({"bien-ban.pdf": pdf(), "anh/hien-truong.jpg": PHONE_JPEG,
                                              "bao-cao.docx": docx()}), "zip"),
], ids=["pdf", "jpeg", "png", "heic", "docx", "xlsx", "odt", "ods", "zip"])
def test_office_types_are_taken_by_content(settings, name, data, kind):
    checked = evidence.check(upload(name, data))
    assert checked.kind == kind and checked.name == name


@pytest.mark.parametrize("name, data, says", [
    ("bien-ban.pdf", WINDOWS_EXE, "«bien-ban.pdf» không thuộc loại được nhận"),
    ("bien-ban.pdf", WEB_PAGE, "«bien-ban.pdf» không thuộc loại được nhận"),
    ("bao-cao.docx", docx("application/vnd.ms-word.document.macroEnabled.main+xml"), "loại tệp Office không được"),
    ("bao-cao.odt", odf("application/vnd.oasis.opendocument.presentation"), "loại tệp OpenDocument không được"),
    ("ho-so.zip", zipped({"bien-ban.pdf": pdf(), "setup.exe": WINDOWS_EXE}), "thành phần «setup.exe»"),
    ("ho-so.zip", zipped({"thang-1.zip": zipped({"a.pdf": pdf()})}), "tệp nén lồng trong tệp nén"),
    ("ho-so.zip", zipped({}), "tệp ZIP rỗng"),
    ("ho-so.zip", stored_first({"bien-ban.pdf": pdf(), "setup.exe": WINDOWS_EXE}), "thành phần «setup.exe»"),
    ("ho-so.zip", zipped({"a.pdf": pdf()})[:-30], "không thuộc loại được nhận"),  # cut short: no central directory
    ("ho-so.zip", zipped({"a.pdf": b"%PDF-1.7" + b"\x00" * 5 * 1024 * 1024}), "nghi là tệp nén độc hại"),
], ids=["exe-as-pdf", "html-as-pdf", "docm-as-docx", "odp-as-odt", "exe-in-zip", "zip-in-zip", "empty-zip",
        "exe-behind-stored-pdf", "truncated-zip", "zip-bomb"])
def test_other_content_is_refused_whatever_its_name(settings, name, data, says):
    with pytest.raises(evidence.EvidenceRefused) as refused:
        evidence.check(upload(name, data, "application/pdf"))
    assert says in str(refused.value) and "Tệp minh chứng" in str(refused.value)


def test_a_file_over_the_limit_is_refused_with_both_sizes(settings):
    settings.THEODOI_EVIDENCE_MAX_BYTES = 1024 * 1024
    with pytest.raises(evidence.EvidenceRefused) as refused:
        evidence.check(upload("ban-scan.pdf", pdf(padding=1024 * 1024 + 200 * 1024)))
    assert str(refused.value) == "Tệp minh chứng «ban-scan.pdf» nặng 1,2 MB, tối đa 1 MB."


def test_a_name_without_the_contents_extension_gets_it():
    assert evidence.check(upload("anh hien truong", PHONE_JPEG)).name == "anh hien truong.jpg"
    assert evidence.check(upload("quyet-dinh.doc", pdf())).name == "quyet-dinh.doc.pdf"


# ---- through the report page ---------------------------------------------------------------------------------------

@pytest.fixture
def land_report(plan):
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    return cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)


def _lead(report):
    return report.rows.filter(role="lead").select_related("assignment__node").order_by("pk").first()


@time_machine.travel(JANUARY_OPEN, tick=False)
def test_the_page_refuses_a_disguised_file_names_the_task_and_stores_nothing(client, settings, personas, land_report):
    row = _lead(land_report)
    client.force_login(personas["owner"])
    response = client.post(reverse("report_detail", args=[land_report.pk]), {
        "version": land_report.version, "action": "save", f"r{row.pk}-results": "Đã kiểm tra hiện trường 3 thửa",
        f"r{row.pk}-evidence_file": upload("bien-ban.pdf", WEB_PAGE, "application/pdf")})
    page = response.content.decode()
    assert response.status_code == 400
    assert "«bien-ban.pdf» không thuộc loại được nhận" in page
    assert f"cần sửa 1 nhiệm vụ ({row.assignment.node.code} (chủ trì))" in page
    assert "Đã kiểm tra hiện trường 3 thửa" in page  # what was typed stays in its field
    row.refresh_from_db()
    assert not row.evidence_file and row.results == ""
    assert not [p for p in (Path(settings.MEDIA_ROOT) / "evidence").rglob("*") if p.is_file()]


@time_machine.travel(JANUARY_OPEN, tick=False)
def test_the_page_takes_a_phone_photo_and_stores_it_under_its_kind(client, personas, land_report):
    row = _lead(land_report)
    client.force_login(personas["owner"])
    response = client.post(reverse("report_detail", args=[land_report.pk]), {
        "version": land_report.version, "action": "save",
        f"r{row.pk}-evidence_file": upload("anh hien truong", PHONE_JPEG, "image/jpeg")})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.evidence_file.name.startswith("evidence/2023/01/") and row.evidence_file.name.endswith(".jpg")
    assert row.evidence_file.read() == PHONE_JPEG


@time_machine.travel(JANUARY_OPEN, tick=False)
def test_the_form_tells_the_types_and_the_limit(client, personas, land_report):
    client.force_login(personas["owner"])
    page = client.get(reverse("report_detail", args=[land_report.pk])).content.decode()
    assert "Tệp minh chứng: Nhận PDF, ảnh (JPG, PNG, GIF, TIFF, WebP, HEIC), Word (.docx), Excel (.xlsx)" in page
    assert "tối đa 10 MB." in page and 'accept=".pdf,.jpg' in page


# ---- a replaced or dropped file leaves the storage -----------------------------------------------------------------

def test_a_replaced_file_is_deleted_once_the_save_commits(personas, land_report, django_capture_on_commit_callbacks):
    row, office, day = _lead(land_report), personas["office"], date(2023, 1, 10)
    with django_capture_on_commit_callbacks(execute=True):
        assert cycle.save(land_report, office, 1, {row.pk: {"evidence_file": upload("bien-ban.pdf", pdf())}},
                          False, day).ok
    row.refresh_from_db()
    first = row.evidence_file.name
    with django_capture_on_commit_callbacks(execute=True):
        assert cycle.save(land_report, office, 2, {row.pk: {"evidence_file": upload("bien-ban-ky.pdf", pdf())}},
                          False, day).ok
        assert default_storage.exists(first)  # not before the commit
    row.refresh_from_db()
    assert not default_storage.exists(first) and default_storage.exists(row.evidence_file.name)
    with django_capture_on_commit_callbacks(execute=True):  # saving without a new file keeps the one there
        assert cycle.save(land_report, office, 3, {row.pk: {"results": "Bổ sung", "evidence_file": None}},
                          False, day).ok
    assert default_storage.exists(row.evidence_file.name)



def test_a_save_refused_as_a_conflict_stores_no_file(settings, personas, land_report,
                                                     django_capture_on_commit_callbacks):
    """The typed values are applied before the save's transaction (issue 15), but a new file is stored only once
    the version check has passed: a save against an older version leaves neither a file nor a change."""
    row, office, day = _lead(land_report), personas["office"], date(2023, 1, 10)
    assert cycle.save(land_report, office, 1, {row.pk: {"results": "Lần đầu"}}, False, day).ok
    with django_capture_on_commit_callbacks(execute=True):
        stale = cycle.save(land_report, office, 1, {row.pk: {"results": "Bản cũ", "evidence_file": upload(
            "bien-ban.pdf", pdf())}}, False, day)
    assert stale.conflict and stale.current[row.pk]["results"] == "Lần đầu"
    row.refresh_from_db()
    assert not row.evidence_file and row.results == "Lần đầu"
    assert not [p for p in (Path(settings.MEDIA_ROOT) / "evidence").rglob("*") if p.is_file()]

def test_a_deleted_row_takes_its_file_but_a_rolled_back_deletion_does_not(personas, land_report,
                                                                          django_capture_on_commit_callbacks):
    row = _lead(land_report)
    with django_capture_on_commit_callbacks(execute=True):
        cycle.save(land_report, personas["office"], 1, {row.pk: {"evidence_file": upload("bien-ban.pdf", pdf())}},
                   False, date(2023, 1, 10))
    row.refresh_from_db()
    name, pk = row.evidence_file.name, land_report.pk
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            UnitReport.objects.get(pk=pk).delete()
            raise RuntimeError("the deletion is rolled back")
    assert default_storage.exists(name) and RowReport.objects.filter(pk=row.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        UnitReport.objects.get(pk=pk).delete()  # the rows go with the report, and their files with them
    assert not default_storage.exists(name)


# ---- the indicator value form uses the same check ------------------------------------------------------------------

def test_the_indicator_form_refuses_a_disguised_file_and_keeps_the_typing(client, personas, plan):
    client.force_login(personas["office"])
    indicator = plan.indicators.get(code="II.10")
    response = client.post(reverse("indicator_value_entry", args=[indicator.pk]), {
        "period": "month-2023-6", "value": "98", "source": "Báo cáo của Trạm Y tế",
        "evidence": upload("bao-cao.xlsx", WINDOWS_EXE)})
    page = response.content.decode()
    assert response.status_code == 400 and "«bao-cao.xlsx» không thuộc loại được nhận" in page
    assert "Báo cáo của Trạm Y tế" in page and not IndicatorValue.objects.exists()
    response = client.post(reverse("indicator_value_entry", args=[indicator.pk]), {
        "period": "month-2023-6", "value": "98", "source": "Báo cáo của Trạm Y tế",
        "evidence": upload("Danh sach tiem chung.xlsx", xlsx())})
    assert response.status_code == 302 and IndicatorValue.objects.get().evidence.name.endswith(".xlsx")
