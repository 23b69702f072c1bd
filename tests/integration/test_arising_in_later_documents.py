"""Tasks arising during the year in the documents and pages built after issue 13 (issues 15 and 16): the quarter and
year-end reports (DOCX and XLSX read back), the province roll-up and the public page count and print them like plan
rows, marked with their source as the monthly report marks them.

Hand-worked world: the sample plan's seeded May 2023 (tests/seeds.py: 69 rows; at 25/05 one done on time, I.7.1 and
I.1.3 overdue, 66 open in time), plus two arising tasks of Directive 08/CT-UBND of 05/04/2023, both led by Trạm Y tế:
PS.1 "Tổ chức ra quân diệt bọ gậy" due 30/04/2023, never reported (25 days overdue at 25/05, 14 at 14/05), and PS.2
"Kiểm tra an toàn thực phẩm tại chợ" due 15/05/2023, reported done on 12/05 and accepted on 19/05 (on time).
"""
from datetime import date
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from plans.models import Assignment
from reports.models import RowRole, RowStatus
from reports.services import cycle
from tests import seeds as seed
from tests.integration.test_arising_walk import add_one

DRAFT_DAY = "2023-05-25 09:00 +0700"
MARKER = "Nhiệm vụ phát sinh — Chỉ thị số 08/CT-UBND ngày 05/04/2023"
MOSQUITO = "Tổ chức ra quân diệt bọ gậy"
MARKET = "Kiểm tra an toàn thực phẩm tại chợ"
MARKET_RESULT = "Đã kiểm tra 14 hộ kinh doanh thực phẩm"


def at(moment: str):
    return time_machine.travel(moment if ":" in moment else f"{moment} 09:00 +0700", tick=False)


def add_the_two_tasks(client, plan, office):
    """The office enters the module's two arising tasks on 06/04, both led by Trạm Y tế, whose entry it returns."""
    client.force_login(office)
    health = seed.entry(plan, "tram-y-te")
    with at("2023-04-06"):
        for title, deadline in ((MOSQUITO, "trước ngày 30/4/2023"), (MARKET, "trước ngày 15/5/2023")):
            add_one(client, plan, title=title, deadline=deadline, issued_on="05/4/2023",
                    lead_units=[health.pk], coordinating_units=[])
    return health


@pytest.fixture
def arising(client, plan, personas):
    """The two arising tasks, entered by the office on 06/04, and Trạm Y tế's May report accepted on 19/05."""
    may = seed.seed_may_2023(plan, personas["office"])
    health = add_the_two_tasks(client, plan, personas["office"])
    client.logout()
    report = cycle.open_report(may["may"], health, plan)
    market = Assignment.objects.get(node__plan=plan, node__code="PS.2")
    values = {row.pk: {"status": RowStatus.DONE if row.assignment_id == market.pk else RowStatus.IN_PROGRESS,
                       "percent": 100 if row.assignment_id == market.pk else 50,
                       "results": MARKET_RESULT if row.assignment_id == market.pk else "Đang triển khai"}
              for row in report.rows.filter(role=RowRole.LEAD)}
    assert cycle.save(report, personas["office"], report.version, values, True, date(2023, 5, 12)).ok
    report.refresh_from_db()
    cycle.accept(report, personas["office"], date(2023, 5, 19))
    return may


def download(client, user, name, pk, moment=DRAFT_DAY, method="get"):
    client.force_login(user)
    with at(moment):  # drafting next year's plan is an act (a POST, audited); the periodic files are reads
        response = getattr(client, method)(reverse(name, kwargs={"pk": pk}))
    assert response.status_code == 200
    return response.getvalue()


def periodic(plan, user, kind, moment=DRAFT_DAY):
    from periodic.services import narratives

    with at(moment):
        return narratives.create_report(plan, kind, user).report


def test_the_quarter_report_counts_prints_and_marks_the_arising_tasks(client, plan, personas, arising):
    report = periodic(plan, personas["office"], "quarter-2")
    document = Document(BytesIO(download(client, personas["chairman"], "periodic_docx", report.pk)))
    lines = [p.text for p in document.paragraphs]
    # 69 plan rows + 2 arising; done on time: the seed's row and PS.2; overdue: I.7.1, I.1.3 and PS.1.
    assert ("Tổng số 71 nhiệm vụ được phân công; trong đó: hoàn thành đúng hạn 2; hoàn thành quá hạn 0; "
            "chưa hoàn thành, trong hạn 66; chưa hoàn thành, quá hạn 3.") in "\n".join(lines)
    assert f"{MARKET} ({MARKER})" in lines
    # The arising part is headed by its title: "Phần PS" would mean nothing to the reader of a signed report.
    assert lines.count("Nhiệm vụ phát sinh trong năm") == 1 and not any(line.startswith("Phần PS") for line in lines)
    assert f"PS.2 – hoàn thành đúng hạn: {MARKET_RESULT} (Trạm Y tế xã)" in [line.removeprefix("- ") for line in lines]
    assert "Tại ngày chốt số liệu còn 69 nhiệm vụ chưa hoàn thành (trong đó 3 nhiệm vụ quá hạn)." in lines
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Lý do, đề xuất của đơn vị")
    unfinished = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}
    assert "PS.2" not in unfinished
    assert unfinished["PS.1"][1] == f"{MOSQUITO} ({MARKER})"
    assert unfinished["PS.1"][3] == "Chưa hoàn thành, quá hạn; hạn 30/04/2023, quá hạn 25 ngày"  # 1 + 24 days


def test_the_quarter_annex_marks_the_arising_tasks(client, plan, personas, arising):
    report = periodic(plan, personas["office"], "quarter-2")
    book = load_workbook(BytesIO(download(client, personas["office"], "periodic_xlsx", report.pk)))
    results = [row for row in book["Kết quả"].iter_rows(min_row=5, values_only=True) if row[0]]
    assert any(MARKER in (row[1] or "") and f"PS.2 – hoàn thành đúng hạn: {MARKET_RESULT}" in (row[2] or "")
               for row in results), results[-3:]
    unfinished = {row[0]: row for row in book["Chưa hoàn thành"].iter_rows(min_row=5, values_only=True)}
    assert unfinished["PS.1"][1] == f"{MOSQUITO} ({MARKER})" and unfinished["PS.1"][6] == 25
    assert "PS.2" not in unfinished



# Drafted on 20/12/2023, each window already closed, so each is judged at its cut-off (Decree 09/2019, Art. 12):
# PS.1, due 30/04, is overdue 45 days at 14/06 (31 + 14), 137 at 14/09 (31 + 30 + 31 + 31 + 14), 228 at 14/12
# (137 + 16 + 31 + 30 + 14).
@pytest.mark.parametrize(("kind", "days"), [("half-1", 45), ("nine_months-1", 137), ("year-1", 228)])
def test_every_longer_report_lists_the_unfinished_arising_task_with_its_source(client, plan, personas, arising, kind,
                                                                               days):
    report = periodic(plan, personas["office"], kind, "2023-12-20")
    document = Document(BytesIO(download(client, personas["office"], "periodic_docx", report.pk, "2023-12-20")))
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Lý do, đề xuất của đơn vị")
    unfinished = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}
    assert unfinished["PS.1"][1] == f"{MOSQUITO} ({MARKER})" and "PS.2" not in unfinished
    assert unfinished["PS.1"][3] == f"Chưa hoàn thành, quá hạn; hạn 30/04/2023, quá hạn {days} ngày"
    book = load_workbook(BytesIO(download(client, personas["office"], "periodic_xlsx", report.pk, "2023-12-20")))
    rows = {row[0]: row for row in book["Chưa hoàn thành"].iter_rows(min_row=5, values_only=True)}
    assert rows["PS.1"][1] == f"{MOSQUITO} ({MARKER})" and rows["PS.1"][6] == days

@pytest.fixture
def in_province(plan):
    from communes.models import AdminArea, AreaKind

    province = AdminArea.objects.create(name="Nghệ An", kind=AreaKind.PROVINCE)
    plan.commune.area = province
    plan.commune.save(update_fields=["area"])
    return province


def test_the_province_roll_up_counts_the_arising_tasks_like_plan_rows(client, plan, arising, in_province):
    from collections import Counter

    from communes.queries import communes_under
    from provinces import queries
    from reports.queries import rates
    from reports.rules import status as st
    from tests.factories import make_area_viewer

    line = queries.rollup(communes_under(in_province), 2023, 5, date(2023, 5, 25))[0]
    # May is judged at its cut-off 14/05: PS.2 was finished on 12/05, PS.1 is 14 days past 30/04.
    assert line.rows == Counter({st.DONE_ON_TIME: 2, st.OPEN_IN_TIME: 66, st.OPEN_OVERDUE: 3})
    assert line.rows == +rates.month_tally(plan, arising["may"], date(2023, 5, 25)).rows
    overdue = queries.overdue_rows(communes_under(in_province), 2023, date(2023, 5, 14))
    assert [(r["node__code"], r["days_overdue"]) for r in overdue if r["node__arising__id"]] == [("PS.1", 14)]
    client.force_login(make_area_viewer(in_province))
    with at(DRAFT_DAY):
        page = client.get(reverse("province_dashboard", kwargs={"area_pk": in_province.pk})).content.decode()
    listed = page.split('id="overdue"')[1].split("</section>")[0]
    assert f"PS.1</span> {MOSQUITO} <small class=\"muted\">(nhiệm vụ phát sinh)</small>" in listed
    assert "I.1.3</span>" in listed and listed.count("(nhiệm vụ phát sinh)") == 1


def test_the_public_page_and_feed_count_the_arising_tasks_under_their_own_heading(client, plan, personas, arising):
    from django.core.cache import cache
    from django.test import Client

    from tests.integration.test_disclosure import feed, get, publish

    cache.clear()
    chairman = Client()
    chairman.force_login(personas["chairman"])
    publish(chairman, plan.commune, arising["may"])
    page = get(client, "public_commune", commune_pk=plan.commune.pk).content.decode()
    assert 'data-count="total">71<' in page and 'data-count="done_on_time">2<' in page
    heading = page.split('data-task="PS.1"')[0].rsplit("<h3>", 1)[1].split("</h3>")[0]
    assert heading == "PS. Nhiệm vụ phát sinh trong năm"
    mosquito = page.split('data-task="PS.1"')[1].split("</tr>")[0]
    assert f"{MOSQUITO} <small" in mosquito and f"({MARKER})" in mosquito and "quá hạn 14 ngày" in mosquito
    status, body = feed(client, "public_feed_release", commune_id=plan.commune.pk, year=2023, month=5)
    assert status == 200 and body["content"]["counts"]["total"] == 71
    arising_group = body["content"]["groups"][-1]
    assert (arising_group["part"], arising_group["code"], arising_group["title"]) == (
        "", "PS", "Nhiệm vụ phát sinh trong năm")
    assert arising_group["counts"]["open_overdue"] == 1 and arising_group["counts"]["done_on_time"] == 1
    assert [(r["task_code"], r["origin"]) for r in arising_group["rows"]] == [("PS.1", MARKER), ("PS.2", MARKER)]
    plan_row = body["content"]["groups"][0]["rows"][0]
    assert plan_row["origin"] == ""
    # The quoted text of the directive is not the public's (disclosure/services/snapshot.py).
    assert "Giao UBND các phường, xã" not in page + str(body)


@pytest.fixture
def year_end(client, plan, personas):
    """The two arising tasks of the module's world; by 20/12 only PS.2 is done (on 12/05, accepted on 19/05)."""
    from reports.models import Completion

    add_the_two_tasks(client, plan, personas["office"])
    Completion.objects.create(assignment=Assignment.objects.get(node__plan=plan, node__code="PS.2"), milestone=0,
                              completed_on=date(2023, 5, 12), accepted_on=date(2023, 5, 19))
    return plan


def test_next_years_draft_carries_an_unfinished_arising_task_with_its_source(client, personas, year_end):
    from plans.services.importer import import_plan

    data = download(client, personas["office"], "nextyear_docx", year_end.pk, "2023-12-20", method="post")
    table = [[c.text for c in row.cells] for row in Document(BytesIO(data)).tables[1].rows]
    part = next(i for i, row in enumerate(table) if row[1] == "Nhiệm vụ phát sinh năm 2023 chuyển sang")
    # The sample's parts are I and II: the arising part follows as III, the last rows of the table.
    assert table[part][0] == "III" and table[part + 1:] == [
        ["1", MOSQUITO, "Theo Chỉ thị số 08/CT-UBND ngày 05/04/2023 của UBND thành phố Vinh",
         "Phó Chủ tịch phụ trách Văn hóa - Xã hội", "Trạm Y tế xã", "", "trước ngày 30/4/2024"]]
    assert not any(MARKET in row[1] for row in table)  # done on time: it stays behind, as a done plan row would
    with at("2023-12-20"):
        page = client.get(reverse("nextyear_preview", kwargs={"pk": year_end.pk})).content.decode()
    listed = page.split('id="nhiem-vu-chuyen"')[1]
    assert "Nhiệm vụ phát sinh năm 2023 chuyển sang" in listed and MOSQUITO in listed and MARKET not in listed
    with at("2023-12-20"):
        imported = import_plan(year_end.commune, data, "du-thao-ke-hoach-2024.docx").plan
    row = Assignment.objects.get(node__plan=imported, node__title=MOSQUITO)
    assert row.carried_from == Assignment.objects.get(node__plan=year_end, node__code="PS.1")
    assert row.due == date(2024, 4, 30)
    assert [s.text for s in row.solutions.all()] == [
        "Theo Chỉ thị số 08/CT-UBND ngày 05/04/2023 của UBND thành phố Vinh"]
