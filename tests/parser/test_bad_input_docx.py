"""Damaged Word plans: a clear Vietnamese message that names the file and the place, never a traceback.

The plan is the ward fixture (header-phuong-thanh-vinh-2026.txt) built as a real .docx. In Word its task table
is the second table (the first is the Decree 30 header block): row 1 is the column header, row 2 the heading
"I | Kinh tế, đô thị", rows 3-5 the tasks 1 and 2 (task 2 continues on row 5), row 6 the heading
"II | Văn hóa - xã hội", whose second cell spans the six other columns.
"""
import io
import re
import zipfile

import pytest

from planparser.blocks import PlanReadError
from planparser.plan import parse_document
from tests.conftest import FIXTURES
from tests.fixtures.make_docx import build_docx

DOCUMENT = "word/document.xml"
HEADING_II = "<w:t>Văn hóa - xã hội</w:t>"


@pytest.fixture(scope="module")
def parts(tmp_path_factory) -> dict[str, bytes]:
    path = build_docx(FIXTURES / "plans" / "header-phuong-thanh-vinh-2026.txt",
                      tmp_path_factory.mktemp("docx") / "plan.docx")
    with zipfile.ZipFile(path) as package:
        return {member: package.read(member) for member in package.namelist()}


def package(parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED, **changed) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for member, data in {**parts, **changed}.items():
            if data is not None:
                archive.writestr(member, data)
    return out.getvalue()


def heading_ii_cell(parts, new_property: str) -> bytes:
    """The document with the II heading's wide cell given another merge property in place of its gridSpan."""
    xml = parts[DOCUMENT].decode("utf-8")
    cell = re.search(r'<w:tc><w:tcPr><w:tcW [^>]*/><w:gridSpan w:val="6"/></w:tcPr><w:p><w:r><w:rPr/>'
                     + re.escape(HEADING_II), xml)
    changed = cell.group().replace('<w:gridSpan w:val="6"/>', new_property)
    return (xml[:cell.start()] + changed + xml[cell.end():]).encode("utf-8")


def refusal(data: bytes, name: str) -> str:
    with pytest.raises(PlanReadError) as caught:
        parse_document(data, name)
    return str(caught.value)


@pytest.mark.parametrize("span", ["abc", "0", "-6", "2.5", "99999999", "²"])
def test_a_cell_whose_grid_span_is_not_a_column_count_is_named_by_table_row_and_cell(parts, span):
    data = package(parts, **{DOCUMENT: heading_ii_cell(parts, f'<w:gridSpan w:val="{span}"/>')})
    message = refusal(data, "ke-hoach-2026.docx")
    assert message.startswith("Tệp Word «ke-hoach-2026.docx», bảng thứ 2, dòng 6, ô thứ 2: số cột gộp (gridSpan) "
                              f"ghi «{span}», không phải một số từ 1 đến 63")


def test_a_valid_grid_span_written_with_spaces_still_reads(parts):
    data = package(parts, **{DOCUMENT: heading_ii_cell(parts, '<w:gridSpan w:val=" 6 "/>')})
    plan = parse_document(data, "ke-hoach-2026.docx")
    assert [(n["code"], n["title"]) for n in plan["tasks"]] == [
        ("I", "Kinh tế, đô thị"), ("II", "Văn hóa - xã hội"), ("III", "Quốc phòng, an ninh")]


def test_an_unknown_vertical_merge_value_keeps_the_cell_text_as_printed(parts):
    merged = heading_ii_cell(parts, '<w:gridSpan w:val="6"/><w:vMerge w:val="xyz"/>')
    plan = parse_document(package(parts, **{DOCUMENT: merged}), "ke-hoach-2026.docx")
    assert [(n["code"], n["title"]) for n in plan["tasks"]][1] == ("II", "Văn hóa - xã hội")
    assert [c["code"] for c in plan["tasks"][1]["children"]] == ["II.1", "II.2"]


def test_a_document_part_that_is_not_well_formed_xml_names_the_part_and_line(parts):
    # A home-made exporter that forgets to escape "&" in a heading.
    xml = parts[DOCUMENT].replace(HEADING_II.encode(), "<w:t>Văn hóa &amp xã hội</w:t>".encode())
    message = refusal(package(parts, **{DOCUMENT: xml}), "ke-hoach-2026.docx")
    assert message.startswith("Tệp Word «ke-hoach-2026.docx» bị hỏng: phần nội dung văn bản (word/document.xml) "
                              "không phải XML hợp lệ (dòng 2, cột ")
    assert "hãy mở tệp bằng Word" in message and "Error" not in message


def test_a_document_part_cut_short_is_not_well_formed_either(parts):
    message = refusal(package(parts, **{DOCUMENT: parts[DOCUMENT][:5000]}), "cat-ngan.docx")
    assert "«cat-ngan.docx» bị hỏng: phần nội dung văn bản (word/document.xml) không phải XML hợp lệ" in message


@pytest.mark.parametrize("member, said", [
    ("word/styles.xml", "thiếu phần kiểu định dạng (word/styles.xml)"),
    ("[Content_Types].xml", "thiếu danh mục các phần của tệp ([Content_Types].xml)"),
    ("_rels/.rels", "thiếu liên kết tới phần nội dung văn bản (word/document.xml) trong danh mục liên kết của tệp"),
])
def test_a_missing_part_is_named(parts, member, said):
    message = refusal(package(parts, **{member: None}), "thieu.docx")
    assert message.startswith(f"Tệp Word «thieu.docx» bị hỏng: {said}")


def test_a_byte_changed_inside_the_document_part_fails_its_checksum(parts):
    data = package(parts, zipfile.ZIP_STORED)
    at = data.index(HEADING_II.encode())
    damaged = data[:at] + b"X" + data[at + 1:]  # stored, so the byte is the text's: only the CRC can tell
    message = refusal(damaged, "lat-bit.docx")
    assert "phần nội dung văn bản (word/document.xml) không giải nén được (sai mã kiểm tra)" in message


@pytest.mark.parametrize("change", [
    lambda xml: re.sub(r"<w:body>.*</w:body>", "", xml, flags=re.DOTALL),
    lambda xml: xml.replace("<w:document ", "<w:doc ", 1).replace("</w:document>", "</w:doc>"),
], ids=["no-body", "wrong-root"])
def test_a_document_part_without_its_body_is_named_not_a_python_error(parts, change):
    xml = change(parts[DOCUMENT].decode("utf-8")).encode("utf-8")
    message = refusal(package(parts, **{DOCUMENT: xml}), "rong.docx")
    assert message.startswith("Tệp Word «rong.docx» bị hỏng: phần nội dung văn bản (word/document.xml) không có "
                              "thân văn bản (w:document/w:body)")


def test_tables_nested_three_hundred_deep_are_refused_as_too_deep(parts):
    nested = "<w:p><w:r><w:t>1</w:t></w:r></w:p>"
    for _ in range(300):
        nested = f"<w:tbl><w:tr><w:tc>{nested}<w:p/></w:tc></w:tr></w:tbl>"
    xml = parts[DOCUMENT].replace(b"<w:body>", b"<w:body>" + nested.encode() + b"<w:p/>", 1)
    message = refusal(package(parts, **{DOCUMENT: xml}), "long-nhau.docx")
    assert "«long-nhau.docx» bị hỏng: phần nội dung văn bản (word/document.xml) lồng nhau quá sâu (dòng 2" in message
