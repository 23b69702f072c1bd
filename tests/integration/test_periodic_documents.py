"""A quarter and a year-end report of the seeded cycle, read back as the office opens them (python-docx, openpyxl).

The seed (tests.seeds.seed_may_2023): April, Địa chính sends on 18/04 with one row done, accepted 19/04; May,
Địa chính sends on 18/05 (results "Đã giải quyết 35 hồ sơ đất đai", an obstacle and a proposal on its last row),
accepted 23/05; Kinh tế sends late on 22/05 with a proposal, not accepted; the 8 other lead units send nothing;
three May indicator values: II.8 poverty 0,5 (target under 0,12: red, explained), II.10 health insurance 98
(target 97), IV.4 petitions 95 (target 98). The reports are drafted on 25/05/2023.
"""
from datetime import date
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from communes.models import DirectoryEntry
from evaluation.services.adjust import save_override
from periodic.services import narratives
from plans.models import Assignment
from reports.models import RowReport
from tests import seeds as seed

DRAFT_DAY = "2023-05-25 09:00 +0700"


@pytest.fixture
def may(plan, personas):
    return seed.seed_may_2023(plan, personas["office"])


@pytest.fixture
def quarter(plan, personas, may):
    with time_machine.travel(DRAFT_DAY, tick=False):
        return narratives.create_report(plan, "quarter-2", personas["office"]).report


def get(client, user, name, report, day=DRAFT_DAY):
    client.force_login(user)
    with time_machine.travel(day, tick=False):
        response = client.get(reverse(name, kwargs={"pk": report.pk}))
    assert response.status_code == 200, response.status_code
    return response


def docx(client, user, report, day=DRAFT_DAY):
    response = get(client, user, "periodic_docx", report, day)
    assert response["Content-Disposition"].endswith('"bao-cao-ktxh-quy-2-2023.docx"') or day != DRAFT_DAY
    return Document(BytesIO(response.getvalue()))


def lines(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def between(document, start: str, end: str) -> list[str]:
    found = lines(document)
    first = next(i for i, t in enumerate(found) if t.startswith(start))
    last = next(i for i, t in enumerate(found) if i > first and t.startswith(end))
    return found[first:last]


def table_after(document, heading: str):
    """The table whose first heading cell reads `heading`."""
    return next(t for t in document.tables if t.rows[0].cells[0].text == heading and len(t.columns) > 2)


def test_decree_30_header_title_window_and_signature(client, personas, quarter):
    document = docx(client, personas["chairman"], quarter)
    head = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "Số: …/BC-UBND" in head and "Hưng Đông, ngày 25 tháng 5 năm 2023" in head
    assert {"ỦY BAN NHÂN DÂN", "XÃ HƯNG ĐÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc"} <= {line for text in head for line in text.split("\n")}
    found = lines(document)
    assert "BÁO CÁO" in found
    assert ("Tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội quý II năm 2023 và phương hướng, nhiệm vụ "
            "quý III năm 2023") in found
    # Decree 09/2019 Art. 12 cl. 2: quarter II runs 15/03 to 14/06; drafted on 25/05, statuses stand on 25/05.
    assert any("(số liệu từ ngày 15 tháng 3 năm 2023 đến ngày 14 tháng 6 năm 2023)" in t for t in found)
    assert "Số liệu tính đến ngày 25 tháng 5 năm 2023; tình trạng các nhiệm vụ được xác định tại ngày này." in found
    signature = [cell.text for cell in document.tables[-1].rows[0].cells]
    assert signature[0].startswith("Nơi nhận:")
    assert signature[1].startswith("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH") and signature[1].endswith("Trần Anh Tấn")


def test_results_come_from_accepted_reports_of_the_covered_months_only(client, personas, quarter):
    results = "\n".join(between(docx(client, personas["office"], quarter), "I. KẾT QUẢ", "II. TÌNH HÌNH"))
    # April's and May's accepted reports of Địa chính both count; Kinh tế's May report is not accepted.
    assert "Đã giải quyết 35 hồ sơ đất đai (Công chức Địa chính)" in results
    assert "Đã triển khai theo kế hoạch (Công chức Địa chính)" in results
    assert "(Công chức phụ trách Kinh tế - Nông nghiệp)" not in results
    # 69 rows; the one finished in April is done on time; I.1.3 (30/04) and I.7.1 (milestone 31/03) overdue.
    assert ("Tổng số 69 nhiệm vụ được phân công; trong đó: hoàn thành đúng hạn 1; hoàn thành quá hạn 0; "
            "chưa hoàn thành, trong hạn 66; chưa hoàn thành, quá hạn 2.") in results


def test_indicator_table_percent_colour_and_the_red_ones_explained_by_their_lead_unit(client, personas, plan,
                                                                                      quarter):
    culture = DirectoryEntry.objects.get(commune=plan.commune, name="Công chức Văn hóa - Xã hội")
    plan.indicators.filter(code="II.8").update(lead_unit=culture)
    document = docx(client, personas["office"], quarter)
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in table_after(document, "Mã").rows}
    assert rows["Mã"] == ["Mã", "Chỉ tiêu", "Kế hoạch năm", "Thực hiện", "Tỷ lệ so với kế hoạch (%)", "Đánh giá"]
    assert rows["II.8"][3:] == ["0,5 (Tháng 05/2023)", "", "Đỏ"]  # an upper bound has no "% of plan"
    assert rows["II.10"][3:] == ["98 (Tháng 05/2023)", "101", "Xanh"]  # 98 / 97 = 101,03 %
    assert rows["IV.4"][3:5] == ["95 (Tháng 05/2023)", "96,9"]  # 95 / 98 = 96,94 %
    assert rows["I.1"][3:] == ["Chưa có số liệu", "", "Xám"]
    reds = between(document, "Giải trình các chỉ tiêu", "III. ")
    assert reds[1:] == [f"- II.8 Tỷ lệ hộ nghèo (Công chức Văn hóa - Xã hội): {seed.POVERTY_EXPLANATION}"]


def test_unfinished_tasks_with_the_units_reasons_and_waiting_proposals(client, personas, quarter, may):
    document = docx(client, personas["office"], quarter)
    assert "Tại ngày chốt số liệu còn 68 nhiệm vụ chưa hoàn thành (trong đó 2 nhiệm vụ quá hạn)." in lines(document)
    table = [t for t in document.tables if t.rows[0].cells[-1].text == "Lý do, đề xuất của đơn vị"][0]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == 68
    # Overdue first, the longest first: I.7.1 missed 31/03 (30 days of April + 25 of May = 55 days), I.1.3 due 30/04.
    assert rows[0][0] == "I.7.1" and rows[0][3] == "Chưa hoàn thành, quá hạn; mốc 31/03/2023, quá hạn 55 ngày"
    assert rows[1][0] == "I.1.3" and rows[1][3] == "Chưa hoàn thành, quá hạn; hạn 30/04/2023, quá hạn 25 ngày"
    blocked = Assignment.objects.get(pk=may["blocked"]).node.code
    assert [blocked, f"Lý do: {seed.LAND_OBSTACLE}; Đề xuất: {seed.LAND_PROPOSAL}"] in [[r[0], r[4]] for r in rows]
    economy = Assignment.objects.get(pk=sorted(may_rows(may["economy"]))[0]).node.code
    assert [economy, f"Đề xuất: {seed.ECONOMY_PROPOSAL}"] in [[r[0], r[4]] for r in rows]


def may_rows(unit):
    from reports.queries.rates import lead_units

    return lead_units(unit.reports.first().plan)[unit.pk]


def test_reporting_record_of_each_unit_over_the_months_due(client, personas, quarter):
    document = docx(client, personas["office"], quarter)
    assert ("Các kỳ báo cáo tháng đã đến hạn nộp trong kỳ: Tháng 04/2023, Tháng 05/2023 (mỗi đơn vị chủ trì một "
            "báo cáo mỗi tháng).") in lines(document)
    table = table_after(document, "Đơn vị")
    rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows[1:]}
    assert len(rows) == 10  # the 10 units that lead rows: 2 months × 10 = the 20 reports the summary counts
    assert rows["Công chức Địa chính"] == ["2", "2", "0", "0"]
    assert rows["Công chức phụ trách Kinh tế - Nông nghiệp"] == ["2", "0", "1", "1"]
    assert rows["Công an xã"] == ["2", "0", "0", "2"]
    assert "V. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI" not in lines(document)  # only the year-end report has it
    assert "V. ĐÁNH GIÁ CHUNG" in lines(document)


def test_the_annex_has_every_table_and_guards_its_cells(client, personas, plan, quarter):
    response = get(client, personas["viewer"], "periodic_xlsx", quarter)
    assert response["Content-Disposition"].endswith('"phu-luc-ktxh-quy-2-2023.xlsx"')
    book = load_workbook(BytesIO(response.getvalue()))
    assert book.sheetnames == ["Kết quả", "Chỉ tiêu", "Chưa hoàn thành", "Tình hình báo cáo"]
    assert book["Kết quả"]["A2"].value.startswith("(Kèm theo Báo cáo số …/BC-UBND ngày 25 tháng 5 năm 2023")
    indicators = {row[0]: row for row in book["Chỉ tiêu"].iter_rows(min_row=5, values_only=True)}
    assert indicators["II.8"][5] == "Đỏ" and indicators["II.8"][7] == seed.POVERTY_EXPLANATION
    assert indicators["II.10"][4] == "101" and indicators["II.10"][7] is None
    unfinished = list(book["Chưa hoàn thành"].iter_rows(min_row=5, values_only=True))
    assert len(unfinished) == 68 and unfinished[1][:1] == ("I.1.3",) and unfinished[1][6] == 25
    record = {row[0]: row[1:] for row in book["Tình hình báo cáo"].iter_rows(min_row=5, values_only=True)}
    assert record["Công chức phụ trách Kinh tế - Nông nghiệp"] == (2, 0, 1, 1)
    assert book["Chưa hoàn thành"].print_title_rows == "$4:$4"  # the headings repeat on every printed page


def test_annex_text_cannot_become_a_formula(client, personas, quarter, may):
    RowReport.objects.filter(assignment_id=may["blocked"], report__unit=may["land"]).update(obstacles="=HYPERLINK(1)")
    book = load_workbook(BytesIO(get(client, personas["office"], "periodic_xlsx", quarter).getvalue()))
    cells = [c for row in book["Chưa hoàn thành"].iter_rows() for c in row if c.value == "=HYPERLINK(1)"]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_year_end_report_adds_the_evaluation_summary(client, personas, plan, may):
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    save_override(plan, "unit", land.pk, None, "good", "Hoàn thành khối lượng lớn hồ sơ đất đai", personas["chairman"])
    with time_machine.travel("2023-12-20 09:00 +0700", tick=False):
        report = narratives.create_report(plan, "year-1", personas["office"]).report
    document = docx(client, personas["chairman"], report, "2023-12-20 09:00 +0700")
    found = lines(document)
    assert ("Tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội năm 2023 và phương hướng, nhiệm vụ "
            "năm 2024") in found
    assert any("(số liệu từ ngày 15 tháng 12 năm 2022 đến ngày 14 tháng 12 năm 2023)" in t for t in found)
    assert "V. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI" in found and "VI. ĐÁNH GIÁ CHUNG" in found
    table = table_after(document, "Nhóm")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert ["Đơn vị", "Công chức Địa chính", "Hoàn thành tốt nhiệm vụ"] in rows  # the Chairman's override
    # A police post is shown with its figures but gets no legal level (Decree 90/2020 scope).
    assert ["Đơn vị", "Công an xã", "Không xếp loại theo Nghị định (chỉ theo dõi, xếp hạng thi đua)"] in rows
    assert len([r for r in rows if r[0] == "Đơn vị"]) == 10
    book = load_workbook(BytesIO(get(client, personas["office"], "periodic_xlsx", report,
                                     "2023-12-20 09:00 +0700").getvalue()))
    assert book.sheetnames[-1] == "Đánh giá"


def test_red_indicator_without_an_explanation_says_so(client, personas, plan, quarter):
    from indicators.models import IndicatorValue

    IndicatorValue.objects.filter(indicator__code="II.8").update(explanation="")
    reds = between(docx(client, personas["office"], quarter), "Giải trình các chỉ tiêu", "III. ")
    assert reds[1:] == ["- II.8 Tỷ lệ hộ nghèo (Chưa giao đơn vị chủ trì theo dõi): Chưa có giải trình"]


def test_a_report_on_a_day_before_any_month_is_due(plan, personas):
    from periodic.queries import context

    with time_machine.travel("2023-01-05 09:00 +0700", tick=False):
        report = narratives.create_report(plan, "quarter-1", personas["office"]).report
        data = context.build(report, plan, date(2023, 1, 5))
    assert data["record_note"] == "Chưa có kỳ báo cáo tháng nào đến hạn nộp trong kỳ này."
    assert all(line["due"] == 0 for line in data["record"])
