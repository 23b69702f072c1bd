"""The office withdraws a plan version imported by mistake; the version before it is current again.

Current is one rule (plans/services/versions.py): the highest version of a commune's year not withdrawn.
"""
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from audit.models import LogEntry
from indicators.models import Indicator, IndicatorValue
from plans.models import Plan
from plans.services.importer import import_plan
from plans.services.versions import refresh_current
from reports.models import UnitReport
from reports.services import cycle, periods
from tests.conftest import FIXTURES, SAMPLE

NGHI_PHONG = FIXTURES / "plans" / "pdf-xa-nghi-phong-2024.txt"
# A second version of the sample: the deadline of I.3.3 moved, as an office re-issues a plan after a meeting.
CHANGED = SAMPLE.read_text(encoding="utf-8").replace("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023").encode()


@pytest.fixture(autouse=True)
def _media(settings):
    """Asking for `settings` makes tests/conftest.py put stored files in a temporary folder."""


@pytest.fixture
def office(client, personas):
    client.force_login(personas["office"])
    return client


@pytest.fixture
def second(plan):
    return import_plan(plan.commune, CHANGED, "ke-hoach-sua.txt").plan


def withdraw(client, plan, reason="Nhập nhầm tệp dự thảo chưa ký"):
    return client.post(reverse("plan_withdraw", args=[plan.pk]), {"reason": reason})


def test_withdrawing_the_current_version_makes_the_previous_one_current_with_an_audit_record(office, plan, second,
                                                                                               personas):
    page = office.get(reverse("plan_withdraw", args=[second.pk])).content.decode()
    assert "phiên bản 1</strong>" in page and "trở lại là phiên bản đang áp dụng" in page
    response = withdraw(office, second)
    assert response.status_code == 302 and response.url == reverse("plan_detail", args=[plan.pk])
    plan.refresh_from_db()
    second.refresh_from_db()
    assert plan.is_current and not second.is_current and second.is_withdrawn
    assert (second.withdrawn_by, second.withdrawal_reason) == (personas["office"], "Nhập nhầm tệp dự thảo chưa ký")
    entry = LogEntry.objects.get(action="plan.withdrawn")
    assert entry.actor == personas["office"] and entry.commune_id == plan.commune_id
    assert entry.object_id == str(second.pk) and entry.created_at is not None
    assert entry.data["reason"] == "Nhập nhầm tệp dự thảo chưa ký"
    assert (entry.data["version"], entry.data["current_version"], entry.data["file"]) == (2, 1, "ke-hoach-sua.txt")
    followed = office.get(response.url).content.decode()
    assert "Đã rút phiên bản 2 của kế hoạch năm 2023; phiên bản đang áp dụng là phiên bản 1." in followed


def test_what_was_recorded_against_the_withdrawn_version_goes_back_to_the_previous_one(office, plan, second,
                                                                                        personas):
    land = plan.commune.entries.get(key="cc-dia-chinh")
    draft = cycle.open_report(periods.ensure_period(plan.commune, 2023, 4), land, second)
    poverty = Indicator.objects.get(plan=second, code="II.8")
    IndicatorValue.objects.create(indicator=poverty, period_kind="month", period_year=2023, period_number=3,
                                  value=Decimal("0.11"), entered_by=personas["office"], entered_at=timezone.now())
    withdraw(office, second)
    assert UnitReport.objects.get(pk=draft.pk).plan == plan
    assert set(UnitReport.objects.get(pk=draft.pk).rows.values_list("assignment__node__plan", flat=True)) == {plan.pk}
    assert IndicatorValue.objects.get().indicator == Indicator.objects.get(plan=plan, code="II.8")


def test_withdrawing_the_only_version_leaves_no_plan_for_the_year(office, commune, personas):
    wrong = import_plan(commune, NGHI_PHONG.read_bytes(), NGHI_PHONG.name).plan  # filed here before the check
    page = office.get(reverse("plan_withdraw", args=[wrong.pk])).content.decode()
    assert "không còn kế hoạch năm 2024" in page
    response = withdraw(office, wrong, "Kế hoạch của xã Nghi Phong, nhập nhầm vào xã Hưng Đông")
    assert response.url == reverse("plan_list")
    assert not Plan.objects.filter(commune=commune, is_current=True).exists()
    listing = office.get(reverse("plan_list")).content.decode()
    assert "đã rút" in listing and "đang áp dụng" not in listing
    detail = office.get(reverse("plan_detail", args=[wrong.pk])).content.decode()
    assert 'id="withdrawn"' in detail and "Kế hoạch của xã Nghi Phong, nhập nhầm vào xã Hưng Đông" in detail
    assert reverse("plan_withdraw", args=[wrong.pk]) not in detail


def test_the_plan_page_offers_withdrawal_to_the_office_only(office, client, plan, personas):
    link = reverse("plan_withdraw", args=[plan.pk])
    assert link in office.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    client.force_login(personas["owner"])
    assert link not in client.get(reverse("plan_detail", args=[plan.pk])).content.decode()


def test_a_reason_is_required_and_a_rejected_reason_stays_in_its_field(office, plan):
    response = withdraw(office, plan, "   ")
    assert response.status_code == 400 and "Cần ghi lý do rút phiên bản kế hoạch." in response.content.decode()
    too_long = "Nhập nhầm " * 101  # 1,010 characters; the field strips the last space: 1,009
    response = withdraw(office, plan, too_long)
    page = response.content.decode()
    assert response.status_code == 400 and "Lý do rút dài quá 1000 ký tự (hiện có 1009)." in page
    assert f">\n{too_long}</textarea>" in page  # as typed, for the user to shorten
    plan.refresh_from_db()
    assert plan.is_current and not plan.is_withdrawn and not LogEntry.objects.filter(action="plan.withdrawn").exists()


def test_a_withdrawn_version_cannot_be_withdrawn_twice(office, plan, second):
    withdraw(office, second)
    response = office.post(reverse("plan_withdraw", args=[second.pk]), {"reason": "lần nữa"}, follow=True)
    assert "Phiên bản 2 đã được rút trước đó." in response.content.decode()
    assert LogEntry.objects.filter(action="plan.withdrawn").count() == 1


def test_withdrawing_an_older_version_keeps_the_current_one(office, plan, second):
    withdraw(office, plan)
    plan.refresh_from_db()
    second.refresh_from_db()
    assert plan.is_withdrawn and not plan.is_current and second.is_current


def test_the_next_import_after_a_withdrawal_takes_a_new_number_and_the_same_file_comes_back(office, plan, second):
    withdraw(office, second)
    again = import_plan(plan.commune, CHANGED, "ke-hoach-sua.txt")
    assert again.created and again.plan.version == 3 and again.plan.is_current
    plan.refresh_from_db()
    assert not plan.is_current


def test_the_database_keeps_one_current_version_per_year(plan, second):
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=plan.pk).update(is_current=True)
    Plan.objects.filter(pk=second.pk).update(is_current=False)
    assert refresh_current(plan.commune_id, 2023) == second
    assert list(Plan.objects.filter(is_current=True)) == [second]


@pytest.mark.parametrize("persona", ["owner", "other_unit", "viewer", "chairman", "vice"])
def test_only_the_office_withdraws(client, personas, plan, persona):
    client.force_login(personas[persona])
    assert client.get(reverse("plan_withdraw", args=[plan.pk])).status_code == 403
    assert withdraw(client, plan).status_code == 403
    plan.refresh_from_db()
    assert plan.is_current and not plan.is_withdrawn


def test_another_communes_office_gets_404(client, personas, plan):
    client.force_login(personas["outsider"])
    assert client.get(reverse("plan_withdraw", args=[plan.pk])).status_code == 404
    assert withdraw(client, plan).status_code == 404
    plan.refresh_from_db()
    assert plan.is_current


def test_anonymous_is_sent_to_login(client, plan):
    response = withdraw(client, plan)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert Plan.objects.get(pk=plan.pk).is_current


def test_the_changes_of_a_version_are_counted_from_the_one_it_replaced_not_a_withdrawn_one(office, plan, second):
    withdraw(office, second)
    third = import_plan(plan.commune, SAMPLE.read_text(encoding="utf-8").replace(
        "Trước tháng 5/2023", "Trước tháng 6/2023").encode(), "ke-hoach-ban-ky.txt").plan
    response = office.get(reverse("plan_changes", args=[third.pk]))
    assert response.context["previous"] == plan
    assert "thời hạn «Trước tháng 5/2023» → «Trước tháng 6/2023»" in response.content.decode()
    assert "Cuối tháng 7 và tháng 10/2023" not in response.content.decode()  # v2's change, withdrawn with it
