"""A table row cut by a page break is joined back the same way whether the plan is read as text, Word or PDF.

The cut rows below are typed the way a Word-to-text conversion leaves them: the header repeats on the next page,
then a row whose number cell is empty and whose cells go on with what the page cut.
"""
import pytest

from planparser.blocks import Row
from planparser.plan import parse_file
from planparser.readers import read_blocks
from tests.conftest import SAMPLE
from tests.fixtures.build_pdfs import pdf_path
from tests.fixtures.make_docx import build_docx

HEADER = "TT\tNHIỆM VỤ\tGIẢI PHÁP\tPHÂN CÔNG CHỈ ĐẠO\tĐƠN VỊ CHỦ TRÌ\tĐƠN VỊ PHỐI HỢP\tTHỜI GIAN HOÀN THÀNH"
HEAD = """**ỦY BAN NHÂN DÂN
XÃ NGHI PHONG**

Số: 01/KH-UBND

Nghi Phong, ngày 05 tháng 01 năm 2024

**KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2024**

"""
TAIL = """
**TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH**

Lê Văn Minh
"""


def plan_text(*pages: list[str]) -> str:
    return HEAD + "\n\n".join("\n".join([HEADER, *rows]) for rows in pages) + "\n" + TAIL


@pytest.fixture(params=["txt", "docx"])
def parse(request, tmp_path):
    def parse_pages(*pages):
        source = tmp_path / "plan.txt"
        source.write_text(plan_text(*pages), encoding="utf-8")
        if request.param == "docx":
            source = build_docx(source, tmp_path / "plan.docx")
        plan = parse_file(str(source))
        return {node["code"]: node for node in plan["tasks"]}, plan
    return parse_pages


def texts(row, field="solutions"):
    return [item["text"] for item in row[field]]


def test_units_cut_after_a_comma_go_on_with_a_capital(parse):
    nodes, _ = parse(
        ["1\tQuản lý đất đai\t- Rà soát các trường hợp vi phạm\tChủ tịch UBND xã\tCông chức Địa chính"
         "\tCông an xã, Hội Nông dân,\tQuý II/2024"],
        ["\t\t\t\t\tĐoàn Thanh niên, các xóm\t"])
    assert len(nodes["1"]["rows"]) == 1
    row = nodes["1"]["rows"][0]
    assert texts(row, "coordinating_units") == ["Công an xã", "Hội Nông dân", "Đoàn Thanh niên", "các xóm"]
    assert row["deadline"]["due"] == "2024-06-30"


def test_a_sentence_cut_after_a_semicolon_stays_one_solution(parse):
    nodes, _ = parse(
        ["1\tGiải quyết đơn thư\t(1) Tiếp công dân định kỳ; (2) Giải quyết dứt điểm đơn thư kiến nghị của công dân;"
         "\tChủ tịch UBND xã\tCông chức Tư pháp\tCác xóm\tNăm 2024"],
        ["\t\tChủ động xây dựng phương án cưỡng chế theo quy định.\t\t\t\t"])
    assert texts(nodes["1"]["rows"][0]) == [
        "Tiếp công dân định kỳ",
        "Giải quyết dứt điểm đơn thư kiến nghị của công dân; Chủ động xây dựng phương án cưỡng chế theo quy định."]


def test_a_title_and_a_bullet_cut_mid_sentence_are_joined(parse):
    nodes, plan = parse(
        ["1\tĐẩy nhanh giải phóng mặt bằng các dự án theo\t- Vận động nhân dân hiến đất làm\tChủ tịch UBND xã"
         "\tCông chức Địa chính\tCác xóm\tTrước 30/9/2024"],
        ["\tkế hoạch của huyện\tđường giao thông nông thôn - Kiểm đếm, áp giá bồi thường\t\t\t\t"])
    node = nodes["1"]
    assert node["title"] == "Đẩy nhanh giải phóng mặt bằng các dự án theo kế hoạch của huyện"
    assert texts(node["rows"][0]) == ["Vận động nhân dân hiến đất làm đường giao thông nông thôn",
                                      "Kiểm đếm, áp giá bồi thường"]
    assert [w["where"] for w in plan["warnings"]] == ["1"]  # the join is reported for a person to check


def test_a_new_bullet_or_a_new_sentence_on_the_next_page_is_a_solution_of_its_own(parse):
    nodes, _ = parse(
        ["1\tChi trả chính sách\t- Lập danh sách đối tượng hưởng chính sách.\tChủ tịch UBND xã"
         "\tCông chức Văn hóa - Xã hội\tCác xóm\tHằng tháng"],
        ["\t\t- Chi trả qua tài khoản cá nhân\t\t\t\t",
         "\t\tCông khai danh sách tại nhà văn hóa các xóm.\t\t\t\t"])
    assert len(nodes["1"]["rows"]) == 1
    assert texts(nodes["1"]["rows"][0]) == ["Lập danh sách đối tượng hưởng chính sách.",
                                            "Chi trả qua tài khoản cá nhân",
                                            "Công khai danh sách tại nhà văn hóa các xóm."]


def test_a_new_numbered_task_on_the_next_page_is_not_joined(parse):
    nodes, _ = parse(
        ["1\tQuản lý đất đai\tRà soát vi phạm\tChủ tịch UBND xã\tCông chức Địa chính\tCông an xã,\tQuý II/2024"],
        ["2\tPhát triển sản xuất\tChuyển đổi cây trồng\tChủ tịch UBND xã\tCông chức Kinh tế - Nông nghiệp"
         "\tHTX nông nghiệp\tTháng 10/2024"])
    assert list(nodes) == ["1", "2"]
    assert texts(nodes["1"]["rows"][0], "coordinating_units") == ["Công an xã"]


def test_the_pdf_holds_a_row_libreoffice_cut_itself_and_joins_it():
    """LibreOffice, not the text form, cut I.3 of pdf-xa-nghi-phong-2024 after "theo" (hand-checked in the
    PDF: the next page starts with the repeated header, then a row holding only "theo" in the task column)."""
    blocks = read_blocks(pdf_path("pdf-xa-nghi-phong-2024").read_bytes(), "plan.pdf")
    rows = [b for b in blocks if isinstance(b, Row)]
    cut = [r for r in rows if r.cells[1] == "theo"]
    assert len(cut) == 1 and not any(cut[0].cells[c] for c in (0, 2, 3, 4, 5, 6))
    plan = parse_file(str(pdf_path("pdf-xa-nghi-phong-2024")))
    node = plan["tasks"][0]["children"][2]
    assert node["title"] == "Đẩy nhanh tiến độ giải phóng mặt bằng các dự án trên địa bàn theo kế hoạch của huyện"


@pytest.mark.parametrize("code, leader", [
    # The leader cell is merged over several tasks and the page cut it: its text is on the page before
    # (I.2.2, II.5.2) or split between the two pages, "Phó" / "Chủ tịch phụ trách Văn hóa XH" (II.4.7).
    ("I.2.2", "Phó Chủ tịch Kinh tế"),
    ("II.4.7", "Phó Chủ tịch phụ trách Văn hóa XH"),
    ("II.5.2", "Chủ tịch"),
])
def test_a_leader_merged_across_a_page_keeps_its_whole_text_in_the_pdf(code, leader):
    def first_leader(plan):
        def walk(nodes):
            for node in nodes:
                yield node
                yield from walk(node["children"])
        node = next(n for n in walk(plan["tasks"]) if n["code"] == code)
        return node["rows"][0]["leaders"][0]["text"]
    assert first_leader(parse_file(str(pdf_path("sample")))) == leader
    assert first_leader(parse_file(str(SAMPLE))) == leader


XS = [50, 80, 250, 400, 500, 600, 700, 790]
PDF_HEADER = ["TT", "NHIỆM VỤ", "GIẢI PHÁP", "PHÂN CÔNG CHỈ ĐẠO", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP", "THỜI GIAN"]


def pdf_page(rows: list[list[str]], merged: tuple[tuple[int, int], ...] = ()):
    """A page holding one ruled table, as pdf_text reads it: text runs and the cells' drawn borders.
    `merged` lists (row, column) cells merged with the cell above: no border is drawn between them."""
    from planparser.pdf_text import Piece, Rule
    ys = [50 + 40 * r for r in range(len(rows) + 1)]
    rules = [Rule(False, x, ys[0], ys[-1]) for x in XS]
    for r, y in enumerate(ys):
        for c in range(len(XS) - 1):
            if (r, c) not in merged:
                rules.append(Rule(True, y, XS[c], XS[c + 1]))
    pieces, order = [], 0
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text:
                pieces.append(Piece(XS[c] + 4, ys[r] + 4, XS[c] + 4 + 4 * len(text), ys[r] + 16, text, order))
                order += len(text)
    return pieces, rules


def test_a_leader_merged_across_a_page_is_read_from_the_page_before_and_flagged():
    """Word and LibreOffice print a merged cell once: on the next page the new task's leader cell is empty."""
    from planparser.columns import detect_columns, read_row
    from planparser.reader_pdf import _blocks
    from planparser.tree import TreeBuilder
    pages = [pdf_page([PDF_HEADER, ["1", "Quản lý đất đai", "Rà soát vi phạm", "Phó Chủ tịch Kinh tế",
                                    "Công chức Địa chính", "Các xóm", "Năm 2024"]]),
             pdf_page([PDF_HEADER, ["2", "Thu ngân sách", "Đôn đốc thu nợ", "", "Công chức Kế toán",
                                    "Các xóm", "Năm 2024"]]),
             pdf_page([PDF_HEADER, ["II", "Lĩnh vực văn hóa - xã hội", "", "", "", "", ""]])]
    rows = [b for b in _blocks(pages, keeps_spaces=True) if isinstance(b, Row)]
    task = next(r for r in rows if r.cells[0] == "2")
    assert task.cells[3] == "Phó Chủ tịch Kinh tế" and task.merged_above == {3}
    heading = next(r for r in rows if r.cells[0] == "II")
    assert heading.cells[3] == "" and not heading.merged_above  # a group heading assigns nothing: its blank stays
    builder, columns = TreeBuilder(), detect_columns(PDF_HEADER)
    for row in rows:
        if row.cells != PDF_HEADER:
            builder.add(read_row(row, columns, lambda text: False))
    assert [w["where"] for w in builder.warnings] == ["2"]
    assert "Phân công chỉ đạo" in builder.warnings[0]["message"] and "trang trước" in builder.warnings[0]["message"]


def test_a_merged_cell_printed_again_on_its_page_is_not_doubled():
    """A document converted page by page prints a merged leader again on each page; LibreOffice may also cut
    the row before it ("PCT UBND xã phụ trách" / "kinh tế"). The task below the reprint copies the reprint."""
    from planparser.reader_pdf import _blocks
    leader = "PCT UBND xã phụ trách kinh tế"
    pages = [pdf_page([PDF_HEADER, ["3", "Giải phóng mặt bằng theo", "- Vận động nhân dân", "PCT UBND xã phụ trách",
                                    "Công chức Địa chính", "Công an xã,", "Trước 30/9/2024"]]),
             pdf_page([PDF_HEADER, ["", "kế hoạch của huyện", "", "kinh tế", "", "", ""]]),
             pdf_page([PDF_HEADER, ["", "", "hiến đất làm đường", leader, "", "các xóm", ""],
                       ["4", "Quản lý đất đai", "+ Rà soát vi phạm", "", "Công chức Địa chính", "Hội Nông dân",
                        "Quý II/2024"]], merged=((2, 3),))]
    rows = [b for b in _blocks(pages, keeps_spaces=True) if isinstance(b, Row)]
    assert next(r for r in rows if r.cells[0] == "4").cells[3] == leader
