"""The consolidated report of a seeded month, read back with python-docx and openpyxl as the office would open it."""
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from docx.shared import Mm, Pt
from openpyxl import load_workbook

from reports.models import RowReport
from tests import seeds

A_CLOSED_DAY = "2023-05-25 09:00 +0700"  # May's deadline (20/05) has passed; June is being reported


@pytest.fixture
def may(plan, personas):
    return seeds.seed_may_2023(plan, personas["office"])


def download(client, user, name, period, query=""):
    client.force_login(user)
    with time_machine.travel(A_CLOSED_DAY, tick=False):
        response = client.get(reverse(name, kwargs={"pk": period.pk}) + query)
    assert response.status_code == 200, response.status_code
    return response


def docx_of(client, personas, may, query=""):
    response = download(client, personas["chairman"], "monthly_report_docx", may["may"], query)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    return Document(BytesIO(response.getvalue()))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def cell_texts(table) -> list[str]:
    return [cell.text for row in table.rows for cell in row.cells]


def section(document, start: str, end: str) -> str:
    lines = texts(document)
    first = next(i for i, t in enumerate(lines) if t.startswith(start))
    last = next(i for i, t in enumerate(lines) if t.startswith(end))
    return "\n".join(lines[first:last])


def test_page_margins_font_and_page_numbers_from_page_two(client, personas, may):
    document = docx_of(client, personas, may)
    page = document.sections[0]
    assert abs(page.page_width - Mm(210)) < Mm(0.1) and abs(page.page_height - Mm(297)) < Mm(0.1)  # A4, in twips
    twip = Mm(0.02)  # Word stores margins in twentieths of a point, so 15 mm reads back as 14,99 mm
    assert Mm(20) - twip <= page.top_margin <= Mm(25) and Mm(20) - twip <= page.bottom_margin <= Mm(25)
    assert Mm(30) - twip <= page.left_margin <= Mm(35) and Mm(15) - twip <= page.right_margin <= Mm(20)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and Pt(13) <= normal.font.size <= Pt(14)
    assert page.different_first_page_header_footer
    assert "PAGE" in page.header._element.xml and not page.first_page_header.paragraphs[0].text


def test_letterhead_number_and_date_line(client, personas, may):
    document = docx_of(client, personas, may)
    head = cell_texts(document.tables[0])
    assert {"ỦY BAN NHÂN DÂN", "XÃ HƯNG ĐÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc"} <= {line for text in head for line in text.split("\n")}
    assert "Số: …/BC-UBND" in head  # left for the clerk, never a bare "Số: /BC-UBND"
    date_cell = document.tables[0].rows[1].cells[1].paragraphs[0]
    # Decree 30, Appendix I: day 25 needs no zero, and month 5 takes none (only months 1 and 2 do).
    assert date_cell.text == "Hưng Đông, ngày 25 tháng 5 năm 2023"
    assert all(run.italic for run in date_cell.runs if run.text.strip())


def test_title_and_section_headings(client, personas, may):
    lines = texts(docx_of(client, personas, may))
    assert "BÁO CÁO" in lines
    assert "Tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội tháng 5 năm 2023" in lines
    for heading in ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "II. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU",
                    "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "IV. ĐỀ XUẤT, KIẾN NGHỊ",
                    "V. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI"):
        assert heading in lines
    assert any("từ ngày 15 tháng 4 năm 2023 đến ngày 14 tháng 5 năm 2023" in line for line in lines)
    # Decree 09/2019 Art. 12: May's data closes on 14/05, and the report says so.
    assert "Số liệu tính đến ngày 14 tháng 5 năm 2023; tình trạng các nhiệm vụ được xác định tại ngày này." in lines


def test_results_come_from_accepted_reports_only(client, personas, may):
    results = section(docx_of(client, personas, may), "I. KẾT QUẢ", "II. TÌNH HÌNH")
    assert "Đã giải quyết 35 hồ sơ đất đai (Công chức Địa chính)" in results
    assert "Công chức phụ trách Kinh tế" not in results  # sent, not yet accepted
    assert "Tổng số 69 nhiệm vụ" in results and "dòng nhiệm vụ" not in results


def test_indicator_table_values_and_attainment(client, personas, may):
    table = docx_of(client, personas, may).tables[1]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows}
    assert rows["Mã"] == ["Mã", "Chỉ tiêu", "Kế hoạch năm", "Thực hiện", "Đánh giá"]
    assert rows["II.8"][1:4] == ["Tỷ lệ hộ nghèo", "dưới 0,12 %", "0,5 (Tháng 05/2023)"]
    assert rows["II.8"][4].startswith("Chưa đạt")
    assert rows["II.10"][3:] == ["98 (Tháng 05/2023)", "Đạt"]
    assert rows["I.1.1"][3] == "Chưa có số liệu"


def test_obstacles_proposals_and_the_overdue_row_under_five(client, personas, may):
    document = docx_of(client, personas, may)
    assert seeds.LAND_OBSTACLE in section(document, "III.", "IV.")
    proposals = section(document, "IV.", "V.")
    assert seeds.LAND_PROPOSAL in proposals and seeds.ECONOMY_PROPOSAL in proposals
    five = section(document, "V.", "Trên đây")
    overdue = five.split("2. Các nhiệm vụ đã quá hạn")[1]
    # Judged at the cut-off 14/05: I.1.3, due 30/04, is 14 days overdue (not 20, as at the report day 20/05).
    assert "I.1.3" in overdue and "quá hạn 14 ngày" in overdue and "hạn 30/04/2023" in overdue
    # I.7.1 row 1 missed its milestone 31/03 (solution 1, "Quý 1/2023"): 31/03 → 14/05 = 30 + 14 = 44 days,
    # printed with the milestone's own date, not the row's final date 31/12/2023.
    assert "mốc 31/03/2023, quá hạn 44 ngày" in overdue and "hạn 31/12/2023" not in overdue
    assert "từ 15/05/2023 đến 14/06/2023" in five


def test_signature_block_and_recipients(client, personas, may):
    document = docx_of(client, personas, may)
    signature = cell_texts(document.tables[-1])
    assert any(t.startswith("Nơi nhận:") for t in signature)
    assert any("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" in t and t.endswith("Trần Anh Tấn") for t in signature)


def test_quarter_and_year_reports_use_the_same_template(client, personas, may):
    quarter = texts(docx_of(client, personas, may, "?kind=quarter&number=2"))
    assert "Tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội quý II năm 2023" in quarter
    assert "V. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI" in quarter
    half = texts(docx_of(client, personas, may, "?kind=half&number=1"))
    assert "Tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội 6 tháng đầu năm 2023" in half
    second = texts(docx_of(client, personas, may, "?kind=half&number=2"))  # 15/6–14/12, Decree 09/2019 Art. 12
    assert "Tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội 6 tháng cuối năm 2023" in second
    assert "V. NHIỆM VỤ TRỌNG TÂM NĂM TỚI" in second
    client.force_login(personas["chairman"])
    url = reverse("monthly_report_docx", kwargs={"pk": may["may"].pk})
    with time_machine.travel(A_CLOSED_DAY, tick=False):  # a session idle since 2023 has ended (issue 12, item 7)
        assert client.get(url + "?kind=half&number=3").status_code == 404
        assert client.get(url + "?kind=week").status_code == 404


def test_annex_lists_every_row_with_status_progress_unit_leader_deadline(client, personas, may):
    response = download(client, personas["office"], "monthly_report_xlsx", may["may"])
    sheet = load_workbook(BytesIO(response.getvalue())).active
    header = [c.value for c in sheet[4]]
    assert header == ["STT", "Mã nhiệm vụ", "Nhiệm vụ", "Giải pháp", "Đơn vị chủ trì", "Đơn vị phối hợp",
                      "Lãnh đạo chỉ đạo", "Thời hạn (như in)", "Hạn chót / mốc chưa đạt", "Tình trạng",
                      "Số ngày quá hạn (chưa hoàn thành, quá hạn)", "Tiến độ (%)", "Kết quả trong kỳ"]
    rows = [[c.value for c in line] for line in sheet.iter_rows(min_row=5)]
    assert len(rows) == 69
    late = next(r for r in rows if r[1] == "I.1.3")
    # Judged at the cut-off 14/05: due 30/04 → 14 days.
    assert (late[9], late[10], late[8].date().isoformat()) == ("Chưa hoàn thành, quá hạn", 14, "2023-04-30")
    assert "Chủ tịch UBND" in late[6]
    assert sheet.cell(row=5 + rows.index(late), column=9).number_format == "DD/MM/YYYY"
    land = [r for r in rows if "Công chức Địa chính" in (r[4] or "")]
    assert any(r[11] == 100 for r in land) and any(r[11] == 50 and r[12] == "Đã giải quyết 35 hồ sơ đất đai"
                                                     for r in land)


def test_annex_text_cannot_become_a_formula(client, personas, may):
    RowReport.objects.filter(report__period=may["may"], report__unit=may["land"]).update(results="=HYPERLINK(1)")
    response = download(client, personas["office"], "monthly_report_xlsx", may["may"])
    cells = [c for line in load_workbook(BytesIO(response.getvalue())).active.iter_rows() for c in line]
    guarded = [c for c in cells if c.value == "=HYPERLINK(1)"]  # issue 14: quotePrefix, no visible apostrophe
    assert guarded and all(c.data_type == "s" and c.quotePrefix for c in guarded)
    assert "'=HYPERLINK(1)" not in [c.value for c in cells]


def test_only_readers_of_the_commune(client, personas, may, other_commune):
    url = reverse("monthly_report_docx", kwargs={"pk": may["may"].pk})
    for persona, expected in (("viewer", 200), ("vice", 200), ("owner", 403), ("outsider", 404)):
        client.force_login(personas[persona])
        assert client.get(url).status_code == expected, persona
    client.force_login(personas["outsider"])
    assert client.get(reverse("monthly_report_xlsx", kwargs={"pk": may["may"].pk})).status_code == 404


def test_the_annex_downloaded_from_the_page_names_its_report_and_has_the_indicators(client, personas, may):
    response = download(client, personas["office"], "monthly_report_xlsx", may["may"])
    book = load_workbook(BytesIO(response.getvalue()))
    assert book["Phụ lục"]["A2"].value.startswith("(Kèm theo Báo cáo số …/BC-UBND ngày ")
    assert "II.8" in [row[0] for row in book["Chỉ tiêu"].iter_rows(min_row=5, values_only=True)]
