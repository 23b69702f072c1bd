"""Re-import after issue 16's year links: next year's plan, imported from the draft, is corrected and given an arising
task; a later version of it keeps the correction, the arising task and every row's link to last year, and the task
page still shows both histories (corrections with their reasons, and the years).

By hand, from the sample: I.3.3 ("Tổ chức triển khai thực hiện và tổng kết …", milestones "Cuối tháng 7 và tháng
10/2023") is unfinished on 20/12/2023, so the draft carries it with "Cuối tháng 7 và tháng 10/2024".
"""
from datetime import date
from io import BytesIO

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from docx import Document

from arising.models import ArisingTask
from plans.models import Assignment, Plan
from plans.services.importer import import_plan
from tests.integration.test_arising_walk import add_one
from tests.integration.test_corrections import preview_then_save

DAY = "2024-01-08 09:00 +0700"
TASK = "Tổ chức triển khai thực hiện và tổng kết"
REASON = "Theo kết luận của Chủ tịch ngày 05/01/2024"


@pytest.fixture
def draft(client, plan, personas) -> bytes:
    client.force_login(personas["office"])
    with time_machine.travel("2023-12-20 09:00 +0700", tick=False):
        response = client.post(reverse("nextyear_docx", kwargs={"pk": plan.pk}))
    assert response.status_code == 200
    return response.getvalue()


def changed(draft: bytes, old: str, new: str) -> bytes:
    """The draft as the office would send it again with one deadline cell retyped."""
    document = Document(BytesIO(draft))
    cell = next(c for row in document.tables[1].rows for c in row.cells[6:] if c.text == old)
    cell.text = new
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def next_year(client, plan, draft, personas):
    """2024 imported, its I.3.3 continuation's deadline corrected, one arising task added; then version 2."""
    with time_machine.travel(DAY, tick=False):
        first = import_plan(plan.commune, draft, "ke-hoach-2024.docx").plan
        client = Client()  # the December session has expired
        client.force_login(personas["office"])
        row = first.nodes.get(title__startswith=TASK).assignments.get()
        preview_then_save(client, reverse("plan_row_correct", args=[first.pk, row.pk, "deadline"]),
                          {"value": "Trước ngày 30/9/2024", "reason": REASON})
        add_one(client, first, deadline="trước ngày 31/3/2024", issued_on="05/01/2024")
        second = import_plan(plan.commune, changed(draft, "Thường xuyên trong năm 2024", "Thường xuyên"),
                             "ke-hoach-2024-ban-sua.docx").plan
    return first, second


def test_a_new_version_keeps_the_correction_the_arising_task_and_the_links_to_last_year(plan, next_year):
    first, second = next_year
    assert (second.year, second.version, second.is_current) == (2024, 2, True)
    row = second.nodes.get(title__startswith=TASK).assignments.get()
    assert row.deadline_text == "Trước ngày 30/9/2024" and row.due == date(2024, 9, 30)
    assert row.carried_from == Assignment.objects.get(node__plan=plan, node__code="I.3.3")
    # Every row of both versions continues a 2023 row, except the arising task, which began in 2024.
    for version in (first, second):
        unlinked = Assignment.objects.filter(node__plan=version, carried_from__isnull=True)
        assert [a.node.code for a in unlinked] == ["PS.1"], version.version
    carried = ArisingTask.objects.select_related("node", "source").get(node__plan=second)
    assert (carried.node.code, carried.source.number) == ("PS.1", "08/CT-UBND")
    assert carried.node.assignments.get().due == date(2024, 3, 31)
    assert Plan.objects.filter(commune=plan.commune, year=2023, is_current=True).get() == plan


def test_the_task_page_of_the_new_version_shows_both_histories(client, plan, next_year, personas):
    _, second = next_year
    task = second.nodes.get(title__startswith=TASK)
    client.force_login(personas["viewer"])
    with time_machine.travel(DAY, tick=False):
        page = client.get(reverse("task_detail", kwargs={"pk": second.pk, "code": task.code})).content.decode()
    corrections = page.split('id="lich-su-sua"')[1].split("</section>")[0]
    assert REASON in corrections and "ngày 30 tháng 9 năm 2024" in corrections
    assert "Lịch sử qua các năm" in page
    assert reverse("task_detail", kwargs={"pk": plan.pk, "code": "I.3.3"}) in page
