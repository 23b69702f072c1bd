"""The same plan read from a real DOCX, from NFD text and from another table layout."""
import io
import zipfile

import pytest

from planparser.blocks import PlanReadError
from planparser.plan import parse_document, parse_file
from tests.conftest import SAMPLE, VARIANT
from tests.fixtures.expected_variant import EXPECTED, TASK_COUNT
from tests.fixtures.make_docx import build_docx, build_nfd_text, build_sample_docx, build_variant_docx


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(node["children"])


def shape(plan):
    """The tree without source line numbers, which differ between formats by nature."""
    def strip(node):
        rows = [{k: v for k, v in row.items() if k != "lines"} for row in node["rows"]]
        return {"code": node["code"], "number": node["number"], "title": node["title"], "rows": rows,
                "children": [strip(c) for c in node["children"]]}
    return [strip(n) for n in plan["tasks"]]


@pytest.fixture(scope="module")
def text_plan():
    return parse_file(str(SAMPLE))


def test_docx_with_real_tables_and_merged_cells_gives_the_same_plan(tmp_path, text_plan):
    docx_plan = parse_file(str(build_sample_docx(SAMPLE, tmp_path / "plan.docx")))
    assert shape(docx_plan) == shape(text_plan)
    assert docx_plan["indicators"] == text_plan["indicators"]
    assert docx_plan["anomalies"] == text_plan["anomalies"]
    for key in ("issuer", "number", "issued_on", "year", "title", "signer", "report_day"):
        assert docx_plan[key] == text_plan[key]


@pytest.mark.parametrize("layout, rows", [("tables", 1), ("tables", 2), ("paragraphs", 1)])
def test_sample_docx_header_and_signature_read_the_same_in_every_layout(tmp_path, text_plan, layout, rows):
    """Word puts the heading and the signature block in borderless tables; the facts must not depend on it."""
    plan = parse_file(str(build_docx(SAMPLE, tmp_path / "plan.docx", layout=layout, header_rows=rows)))
    assert plan["issuer"] == "UBND xã Hưng Đông"
    assert plan["locality"] == {"name": "Hưng Đông", "kind": "xã", "level": "commune"}
    assert (plan["number"], plan["issued_on"], plan["year"]) == ("/KH-UBND", "2022-12-30", 2023)
    assert plan["signer"] == {"name": "Trần Anh Tấn", "title": "Chủ tịch"}
    for key in ("issuer", "locality", "number", "issued_on", "year", "title", "signer", "report_day", "indicators"):
        assert plan[key] == text_plan[key], key
    assert shape(plan) == shape(text_plan)  # the signature table gave no task row
    assert plan["anomalies"] == text_plan["anomalies"]


def test_text_export_of_the_layout_tables_reads_like_the_paragraphs(text_plan):
    """Copying a Word plan as text turns each layout-table row into one tab-separated line."""
    text = SAMPLE.read_text(encoding="utf-8")
    head, body = text.split("**KẾ HOẠCH", 1)
    body, tail = body.split("Nơi nhận:", 1)
    appendix = tail[tail.index("Phụ lục I"):]
    heading = ["ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ HƯNG ĐÔNG\tĐộc lập – Tự do – Hạnh phúc",
               "Số: /KH-UBND\tHưng Đông, ngày 30 tháng 12 năm 2022", ""]
    signature = ["Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", "- Chủ tịch UBND xã;\tCHỦ TỊCH", "- Các PCT UBND xã;\t",
                 "- Lưu: VT, VP\tTrần Anh Tấn", ""]
    exported = "\n".join(heading) + "**KẾ HOẠCH" + body + "\n".join(signature) + appendix
    plan = parse_document(exported.encode(), "xuat-van-ban.txt")
    for key in ("issuer", "locality", "number", "issued_on", "year", "title", "signer", "report_day", "indicators"):
        assert plan[key] == text_plan[key], key
    assert shape(plan) == shape(text_plan)


def test_decomposed_accents_are_normalised_first(tmp_path, text_plan):
    nfd_plan = parse_file(str(build_nfd_text(SAMPLE, tmp_path / "nfd.txt")))
    assert shape(nfd_plan) == shape(text_plan)
    assert nfd_plan["signer"] == text_plan["signer"]


def check_variant(plan):
    header = EXPECTED["header"]
    assert plan["number"] == header["number"]
    assert plan["issued_on"] == header["issued_on"]
    assert plan["year"] == header["year"]
    assert plan["signer"]["name"] == header["signer"]
    assert plan["report_day"] == header["report_day"]
    assert plan["locality"] == header["locality"]
    assert len([n for n in walk(plan["tasks"]) if n["rows"]]) == TASK_COUNT
    for group, expected in zip(plan["tasks"], EXPECTED["groups"], strict=True):
        assert (group["code"], group["number"], group["title"]) == \
            (expected["code"], expected["number"], expected["title"])
        for task, want in zip(group["children"], expected["tasks"], strict=True):
            row = task["rows"][0]
            assert (task["code"], task["number"], task["title"]) == (want["code"], want["number"], want["title"])
            assert row["deadline"]["text"] == want["deadline_text"]
            assert row["deadline"]["kind"] != "unknown"
            assert row["output"] == want["output"]
            assert row["solutions"] == []
            for field in ("leaders", "lead_units", "coordinating_units"):
                # "có liên quan" qualifies the reference; it is filler, not part of the unit's printed name.
                printed = [w.removesuffix(" có liên quan") for w in want[field]]
                assert [r["text"] for r in row[field]] == printed, (task["code"], field)
                assert not any(r["key"].startswith("moi:") for r in row[field]), (task["code"], field)


def test_variant_layout_text():
    check_variant(parse_file(str(VARIANT)))


def test_variant_layout_docx(tmp_path):
    check_variant(parse_file(str(build_variant_docx(VARIANT, tmp_path / "variant.docx"))))


def docx_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("data, name, words", [
    (b"", "trong.txt", ["trong.txt", "trống"]),
    (b"   \n\n", "trang.txt", ["trang.txt", "trống"]),
    (b"%PDF-1.7 binary", "kh.pdf", ["kh.pdf", ".docx"]),
    (b"Chi co van ban\nkhong co bang nao\n", "vanban.txt", ["vanban.txt", "bảng nhiệm vụ"]),
    (b"Ke hoach\n\xff\xfe\xfa la\n", "latin.txt", ["latin.txt", "UTF-8", "dòng 2"]),
    (b"PK\x03\x04 not really a zip", "hong.docx", ["hong.docx", "không phải tệp Word"]),
    (docx_bytes({"word/document.xml": b"<w:document><broken"}), "hong2.docx", ["hong2.docx", "bị hỏng"]),
])
def test_broken_files_give_a_vietnamese_error_naming_the_file(data, name, words):
    with pytest.raises(PlanReadError) as caught:
        parse_document(data, name)
    for word in words:
        assert word in str(caught.value)


def test_unknown_deadline_and_unknown_unit_are_flagged_not_dropped():
    header = ("TT\tNHIỆM VỤ\tGIẢI PHÁP\tPHÂN CÔNG CHỈ ĐẠO\tĐƠN VỊ CHỦ TRÌ THAM MƯU\tĐƠN VỊ PHỐI HỢP"
              "\tTHỜI GIAN HOÀN THÀNH")
    text = "\n".join([
        "KẾ HOẠCH", "Phát triển kinh tế - xã hội năm 2024", "", header,
        "1\tNhóm một\t\t\t\t\t",
        "1.1\tViệc một\t(1) Làm\tChủ tịch UBND xã\tBan quản lý chợ Vinh\tCác xóm\tKhi nào rảnh",
    ])
    plan = parse_document(text.encode(), "thu.txt")
    row = plan["tasks"][0]["children"][0]["rows"][0]
    assert row["lead_units"][0]["key"].startswith("moi:")
    assert row["deadline"]["kind"] == "unknown"
    kinds = {(a["kind"], a["where"].split(" ")[0]) for a in plan["anomalies"]}
    assert ("directory", "1.1") in kinds and ("deadline", "1.1") in kinds


def xlsx_bytes() -> bytes:
    import openpyxl

    buffer = io.BytesIO()
    book = openpyxl.Workbook()
    book.active["A1"] = "Chỉ tiêu"
    book.save(buffer)
    return buffer.getvalue()


HEADER_ROW = ("TT\tNHIỆM VỤ\tGIẢI PHÁP\tPHÂN CÔNG CHỈ ĐẠO\tĐƠN VỊ CHỦ TRÌ THAM MƯU\tĐƠN VỊ PHỐI HỢP"
              "\tTHỜI GIAN HOÀN THÀNH")


@pytest.mark.parametrize("data, name, words", [
    (xlsx_bytes(), "ke-hoach.docx", ["ke-hoach.docx", "Excel", "không phải văn bản Word"]),
    (xlsx_bytes(), "ke-hoach.xlsx", ["ke-hoach.xlsx", "Excel"]),
    (docx_bytes({"a.txt": b"x"}), "nen.docx", ["nen.docx", "word/document.xml"]),
    (f"KẾ HOẠCH\nnăm 2023\n\n{HEADER_ROW}\n".encode(), "chi-tieu-de.txt",
     ["chi-tieu-de.txt", "chỉ có dòng tiêu đề", "dòng 4"]),
])
def test_wrong_type_and_header_only_files_say_what_is_wrong(data, name, words):
    with pytest.raises(PlanReadError) as caught:
        parse_document(data, name)
    for word in words:
        assert word in str(caught.value)


def test_a_truncated_docx_is_reported_as_damaged(tmp_path):
    data = build_sample_docx(SAMPLE, tmp_path / "plan.docx").read_bytes()
    with pytest.raises(PlanReadError) as caught:
        parse_document(data[: len(data) // 2], "cat-doi.docx")
    assert "cat-doi.docx" in str(caught.value) and "không đầy đủ" in str(caught.value)


def to_windows_1258(text: str) -> bytes:
    """Code page 1258 has the base letters (ê, ơ, ư …) precomposed and the five tones as combining marks."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text.replace("⁽²⁾", "(2)"):
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out.append((base + "".join(c for c in decomposed if c in tones)).encode("cp1258"))
    return b"".join(out)


def test_windows_1258_and_utf16_text_read_like_utf8(text_plan):
    text = SAMPLE.read_text(encoding="utf-8")
    legacy = parse_document(to_windows_1258(text), "ansi.txt")
    assert shape(legacy) == shape(parse_document(text.replace("⁽²⁾", "(2)").encode(), "utf8.txt"))
    assert legacy["signer"] == text_plan["signer"] and legacy["indicators"] == text_plan["indicators"]
    assert shape(parse_document(text.encode("utf-16"), "unicode.txt")) == shape(text_plan)


def test_control_characters_are_dropped_and_runaway_cells_are_quoted_short():
    rows = [HEADER_ROW, "1\tNhóm\t\t\t\t\t",
            "1.1\tViệc\x00 một\t(1) Làm\tChủ tịch UBND xã\tCông chức\x0b Địa chính\tCác xóm\tKhi " + "rảnh " * 5000]
    plan = parse_document("\n".join(["KẾ HOẠCH", "năm 2024", *rows]).encode(), "k.txt")
    task = plan["tasks"][0]["children"][0]
    assert task["title"] == "Việc một"
    assert [r["key"] for r in task["rows"][0]["lead_units"]] == ["cc-dia-chinh"]
    problem = next(a for a in plan["anomalies"] if a["kind"] == "deadline")
    assert len(problem["message"]) < 300 and "…" in problem["message"]
    assert len(task["rows"][0]["deadline"]["text"]) > 20000  # the Deadline itself keeps the text as printed


def test_a_docx_saved_with_decomposed_accents_gives_the_same_plan(tmp_path, text_plan):
    import unicodedata

    source = zipfile.ZipFile(build_sample_docx(SAMPLE, tmp_path / "plan.docx"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = unicodedata.normalize("NFD", data.decode("utf-8")).encode("utf-8")
            target.writestr(item, data)
    nfd_plan = parse_document(buffer.getvalue(), "nfd.docx")
    assert shape(nfd_plan) == shape(text_plan)
    assert nfd_plan["indicators"] == text_plan["indicators"] and nfd_plan["signer"] == text_plan["signer"]
