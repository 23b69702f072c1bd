"""The same plan read from a real DOCX, from NFD text and from another table layout."""
import io
import zipfile

import pytest

from planparser.blocks import PlanReadError
from planparser.plan import parse_document, parse_file
from tests.conftest import SAMPLE, VARIANT
from tests.fixtures.expected_variant import EXPECTED, TASK_COUNT
from tests.fixtures.make_docx import build_nfd_text, build_sample_docx, build_variant_docx


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
        assert (group["code"], group["number"], group["title"]) == (expected["code"], expected["number"], expected["title"])
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
    header = "TT\tNHIỆM VỤ\tGIẢI PHÁP\tPHÂN CÔNG CHỈ ĐẠO\tĐƠN VỊ CHỦ TRÌ THAM MƯU\tĐƠN VỊ PHỐI HỢP\tTHỜI GIAN HOÀN THÀNH"
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
