"""A refused report field says why right under its own input, and keeps what was typed (issue 14, item 3).

Địa chính leads I.1.1, I.4.1, I.4.4, I.5.1 (twice), II.3.1 and II.3.2 in January 2023; the tests type into I.4.1.
"""
import pytest
import time_machine
from django.urls import reverse
from lxml import html

from communes.models import DirectoryEntry
from reports import forms
from reports.services import cycle, periods


@pytest.fixture(autouse=True)
def january():
    with time_machine.travel("2023-01-10 09:00 +0700", tick=False):
        yield


@pytest.fixture
def report(plan):
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    return cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)


@pytest.fixture
def row(report):
    return report.rows.get(role="lead", assignment__node__code="I.4.1")


def _post(client, personas, report, typed: dict):
    post = {"version": "1", "action": "save"}
    for other in report.rows.filter(role="lead"):
        post[forms.field_name(other, "status")] = "in_progress"
    post.update(typed)
    client.force_login(personas["owner"])
    return client.post(reverse("report_detail", args=[report.pk]), post)


def _messages_under(page, input_id: str) -> list[str]:
    """The messages the input points to with aria-describedby, and that sit right after it."""
    field = page.get_element_by_id(input_id)
    described = field.get("aria-describedby", "").split()
    listed = [page.get_element_by_id(ref) for ref in described if ref.endswith("-errors")]
    after = field.getnext()
    assert listed and after is listed[0], f"no message list right under #{input_id}"
    assert field.get("aria-invalid") == "true"
    return [item.text_content() for item in after.iter("li")]


# As officials type a progress figure: a word, a decimal with the Vietnamese comma, a share of the work in words.
@pytest.mark.parametrize("typed", ["abc", "50,5", "khoảng 60%"])
def test_a_refused_percent_is_told_under_the_percent_input_of_its_row(client, personas, report, row, typed):
    response = _post(client, personas, report, {forms.field_name(row, "percent"): typed})
    assert response.status_code == 400
    page = html.fromstring(response.content.decode())
    percent = f"r{row.pk}-percent"
    assert _messages_under(page, percent) == [f"Tiến độ «{typed}» phải là số nguyên từ 0 đến 100."]
    assert page.get_element_by_id(percent).get("value") == typed  # kept, to correct rather than retype
    assert page.get_element_by_id(f"r{row.pk}-results").get("aria-invalid") is None
    # the top of the page still says which task to fix
    assert "Chưa lưu được: cần sửa 1 nhiệm vụ (I.4.1 (chủ trì))" in response.content.decode()


def test_each_rule_of_the_cycle_is_told_under_its_own_field(client, personas, report, row):
    # "Done" at 80 %, finished on 15/01/2023 while today is 10/01/2023: two fields, two messages.
    response = _post(client, personas, report, {forms.field_name(row, "status"): "done",
                                                 forms.field_name(row, "percent"): "80",
                                                 forms.field_name(row, "finished_on"): "2023-01-15"})
    assert response.status_code == 400
    page = html.fromstring(response.content.decode())
    assert _messages_under(page, f"r{row.pk}-percent") == ["Đã chọn «Hoàn thành» thì tiến độ phải là 100%."]
    assert _messages_under(page, f"r{row.pk}-finished_on") == [
        "Ngày hoàn thành 15/01/2023 chưa tới (hôm nay là 10/01/2023)."]
    assert page.get_element_by_id(f"r{row.pk}-status").get("aria-invalid") is None


def test_an_evidence_date_typed_the_paper_way_but_impossible_is_told_under_the_date(client, personas, report, row):
    response = _post(client, personas, report, {forms.field_name(row, "evidence_number"): "12/BC-ĐC",
                                                 forms.field_name(row, "evidence_date"): "31/02/2023"})
    page = html.fromstring(response.content.decode())
    assert _messages_under(page, f"r{row.pk}-evidence_date") == [
        "Ngày văn bản «31/02/2023» không hợp lệ; ghi theo dạng dd/mm/yyyy, ví dụ 05/01/2023."]
    assert page.get_element_by_id(f"r{row.pk}-evidence_number").get("value") == "12/BC-ĐC"
