"""Damaged and hostile plan files through the commands and the upload page: a clear Vietnamese message, no
traceback, nothing stored. The commands run the upload page's size and zip-bomb checks.

The damage is the kind offices produce: a Word file cut short by a mail gateway, cell XML with gridSpan="abc" from
a hand-edited template, a PDF cut short, a text file saved in the Windows Vietnamese code page, a 36-digit figure
typed into a footnote, and an archive built to explode.
"""
import io
import subprocess
import sys
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from plans.models import Plan
from tests.conftest import FIXTURES, SAMPLE
from tests.fixtures.make_docx import build_sample_docx

SAMPLE_PDF = FIXTURES / "plans" / "pdf" / "sample.pdf"
MANAGE = Path(__file__).resolve().parents[2] / "manage.py"


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory) -> bytes:
    return build_sample_docx(SAMPLE, tmp_path_factory.mktemp("docx") / "ke-hoach.docx").read_bytes()


def grid_span_abc(docx: bytes) -> bytes:
    """The sample DOCX with its first merged cell's width written as letters."""
    source, out = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                assert b'<w:gridSpan w:val="' in data
                data = data.replace(b'<w:gridSpan w:val="', b'<w:gridSpan w:val="abc', 1)
            target.writestr(item, data)
    return out.getvalue()


def half_document_xml(docx: bytes) -> bytes:
    """The sample DOCX whose document.xml stops half way: XML that never closes."""
    source, out = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    return out.getvalue()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("[Content_Types].xml", "<Types/>")
        target.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    return out.getvalue()


def damaged(sample_docx) -> dict[str, tuple[bytes, str]]:
    """File name → (bytes, words the message must contain)."""
    return {
        "cat-ngan.docx": (sample_docx[: len(sample_docx) // 2], "không phải tệp Word (.docx) hợp lệ"),
        "gridspan.docx": (grid_span_abc(sample_docx), "gridspan.docx"),
        "bom.docx": (zip_bomb(), "tệp nén độc hại"),
        "xml-hong.docx": (half_document_xml(sample_docx), "bị hỏng"),
        "rac.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"rac " * 300, "bị hỏng"),
        "cat-ngan.pdf": (SAMPLE_PDF.read_bytes()[:5000], "bị hỏng hoặc không đầy đủ"),
        "ansi.txt": (SAMPLE.read_text(encoding="utf-8").encode("cp1258", errors="replace"), "ansi.txt"),
        "ke-hoach.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
                         "chỉ nhận kế hoạch dạng .docx, .pdf hoặc .txt"),
        "trong.txt": (b"   \n\n", "trống"),
    }


@pytest.fixture
def damaged_files(tmp_path, sample_docx):
    files = {}
    for name, (data, words) in damaged(sample_docx).items():
        (tmp_path / name).write_bytes(data)
        files[tmp_path / name] = words
    return files


def test_parse_and_audit_commands_refuse_every_damaged_file_in_words(damaged_files):
    for path, words in damaged_files.items():
        for command in ("parse_plan", "audit_plan"):
            with pytest.raises(CommandError) as caught:
                call_command(command, str(path), stdout=StringIO())
            message = str(caught.value)
            assert path.name in message and words in message, (command, message)
            assert "Word/Excel" not in message and "Traceback" not in message


def test_a_damaged_file_exits_non_zero_with_one_line_and_no_traceback(tmp_path, sample_docx):
    path = tmp_path / "gridspan.docx"
    path.write_bytes(grid_span_abc(sample_docx))
    done = subprocess.run([sys.executable, str(MANAGE), "parse_plan", str(path)], capture_output=True, text=True)
    assert done.returncode != 0 and done.stdout == ""
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("CommandError: Tệp") and "«gridspan.docx»" in done.stderr


def test_import_plan_refuses_each_damaged_file_stores_nothing_and_names_them_all(db, damaged_files):
    err = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_plan", *map(str, damaged_files), "--commune", "Hưng Đông", stdout=StringIO(), stderr=err)
    assert str(caught.value).startswith(f"{len(damaged_files)}/{len(damaged_files)} tệp không nhập được")
    lines = err.getvalue().splitlines()
    assert len(lines) == len(damaged_files)
    for path, words in damaged_files.items():
        line = next(line for line in lines if line.startswith(f"{path.name}: LỖI: "))
        assert words in line and "Word/Excel" not in line
    assert Plan.objects.count() == 0


def test_the_commands_apply_the_upload_size_limit(db, settings, tmp_path):
    settings.THEODOI_MAX_UPLOAD_BYTES = 1024 * 1024
    big = tmp_path / "ke-hoach-lon.txt"
    big.write_bytes(SAMPLE.read_bytes() + b" " * (1024 * 1024))
    for command in ("parse_plan", "audit_plan"):
        with pytest.raises(CommandError, match="«ke-hoach-lon.txt» quá lớn \\(tối đa 1 MB\\)"):
            call_command(command, str(big), stdout=StringIO())
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_plan", str(big), "--commune", "Hưng Đông", stdout=StringIO(), stderr=err)
    assert "«ke-hoach-lon.txt» quá lớn (tối đa 1 MB)" in err.getvalue()
    assert Plan.objects.count() == 0


def test_a_missing_file_is_named(db, tmp_path):
    with pytest.raises(CommandError, match="Không mở được tệp .*khong-co.docx"):
        call_command("parse_plan", str(tmp_path / "khong-co.docx"), stdout=StringIO())


def test_a_36_digit_footnote_figure_gives_a_plan_with_an_anomaly_not_a_crash(db, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    assert "Nông nghiệp: 82,8 tỷ đồng, chiếm 8,53%" in text
    path = tmp_path / "so-dai.txt"
    path.write_text(text.replace("Nông nghiệp: 82,8 tỷ đồng", "Nông nghiệp: " + "123456789" * 4 + " tỷ đồng"))
    out = StringIO()
    call_command("import_plan", str(path), "--commune", "Hưng Đông", stdout=out)
    plan = Plan.objects.get()
    assert "so-dai.txt: Đã nhập" in out.getvalue()
    assert plan.anomalies.filter(message__contains="36 chữ số").exists()


def test_import_plan_takes_a_folder_and_a_bad_file_does_not_stop_the_others(db, tmp_path, sample_docx):
    folder = tmp_path / "ke-hoach"
    folder.mkdir()
    (folder / "1-ke-hoach.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "2-hong.docx").write_bytes(sample_docx[:3000])
    (folder / "3-ke-hoach-sua.txt").write_bytes(
        SAMPLE.read_text(encoding="utf-8").replace("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023").encode())
    (folder / "ghi-chu.odt").write_bytes(b"not a plan")  # not a plan's extension: not taken from a folder
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"^1/3 tệp không nhập được: «2-hong.docx»\.$"):
        call_command("import_plan", str(folder), "--commune", "Hưng Đông", stdout=out, stderr=err)
    assert out.getvalue().splitlines()[0].startswith("1-ke-hoach.txt: Đã nhập «Kế hoạch Phát triển kinh tế - xã hội")
    assert "3-ke-hoach-sua.txt: Đã nhập «Kế hoạch Phát triển kinh tế - xã hội năm 2023» phiên bản 2" in out.getvalue()
    assert err.getvalue().startswith("2-hong.docx: LỖI: ")
    assert sorted(Plan.objects.values_list("version", "is_current")) == [(1, False), (2, True)]


def test_import_plan_takes_several_files_and_succeeds_when_all_do(db, tmp_path, sample_docx):
    docx = tmp_path / "ke-hoach.docx"
    docx.write_bytes(sample_docx)
    out = StringIO()
    call_command("import_plan", str(SAMPLE), str(docx), "--commune", "Hưng Đông", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"{SAMPLE.name}: Đã nhập")
    assert lines[1] == ("ke-hoach.docx: Không có thay đổi so với phiên bản hiện hành (kế hoạch năm 2023, "
                        "phiên bản 1); không tạo phiên bản mới.")
    assert Plan.objects.count() == 1


# ---- the same damage through the upload page ----------------------------------------------------------------------
@pytest.fixture
def office(client, personas, settings):
    client.force_login(personas["office"])
    return client


@pytest.mark.parametrize("name", ["cat-ngan.docx", "gridspan.docx", "bom.docx", "xml-hong.docx", "cat-ngan.pdf",
                                  "rac.pdf", "ansi.txt", "ke-hoach.doc", "trong.txt"])
def test_the_upload_page_refuses_each_damaged_file_in_words(office, sample_docx, name):
    data, words = damaged(sample_docx)[name]
    response = office.post(reverse("plan_upload"), {"file": SimpleUploadedFile(name, data)})
    page = response.content.decode()
    assert response.status_code == 400 and name in page and words in page
    assert "Word/Excel" not in page
    assert Plan.objects.count() == 0


# ---- the same plan as Word after text: no empty new version -------------------------------------------------------
def test_reimporting_the_same_plan_as_docx_after_txt_says_no_change(office, plan, sample_docx):
    preview = office.post(reverse("plan_upload"), {"file": SimpleUploadedFile("ke-hoach.docx", sample_docx)})
    assert ("Không có thay đổi so với phiên bản hiện hành</strong> "
            "(phiên bản 1, tệp «ke-hoach-ktxh-2023-xa-hung-dong.txt»)") in preview.content.decode()
    token = preview.context["confirm"].initial["token"]
    response = office.post(reverse("plan_confirm"), {"token": token, "name": "ke-hoach.docx"}, follow=True)
    assert "Không có thay đổi so với phiên bản hiện hành (phiên bản 1)" in response.content.decode()
    assert list(Plan.objects.values_list("version", "is_current", "source_name")) == [(1, True, SAMPLE.name)]


def test_a_docx_with_a_real_change_is_a_new_version(plan, tmp_path):
    from plans.services.importer import import_plan

    changed = tmp_path / "ke-hoach-sua.txt"
    changed.write_text(SAMPLE.read_text(encoding="utf-8").replace("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023"))
    docx = build_sample_docx(changed, tmp_path / "ke-hoach-sua.docx").read_bytes()
    result = import_plan(plan.commune, docx, "ke-hoach-sua.docx")
    assert result.created and result.plan.version == 2
    assert result.changes == ["Nhiệm vụ I.3.3, dòng 1: thời hạn «Cuối tháng 7 và tháng 10/2023» → «Tháng 11/2023»"]
