"""A later version of the plan keeps the office's corrections; where its text differs from both the printed and the
corrected value, the change page lists the conflict and the office chooses."""
from datetime import date

import pytest
from django.urls import reverse

from audit.models import LogEntry
from plans.models import Correction, CorrectionStatus
from plans.services import versions
from plans.services.importer import import_plan
from tests.conftest import SAMPLE
from tests.integration.test_corrections import preview_then_save, row_of

PRINTED = "Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình."  # I.4.4's deadline cell


@pytest.fixture
def office(client, personas):
    client.force_login(personas["office"])
    return client


@pytest.fixture
def corrected(office, plan):
    """I.4.4's deadline corrected to the end of November, as the Chairman concluded."""
    row = row_of(plan, "I.4.4")
    preview_then_save(office, reverse("plan_row_correct", args=[plan.pk, row.pk, "deadline"]),
                      {"value": "Trước ngày 30/11/2023", "reason": "Theo kết luận của Chủ tịch ngày 10/3/2023"})
    return plan


def new_version(plan, *replacements):
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    return import_plan(plan.commune, text.encode(), "ke-hoach-ban-sua.txt").plan


def test_a_correction_is_applied_again_where_the_new_text_still_says_what_it_replaced(office, corrected):
    v2 = new_version(corrected, ("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023"))
    row = row_of(v2, "I.4.4")
    assert (row.deadline_text, row.due) == ("Trước ngày 30/11/2023", date(2023, 11, 30))
    again = Correction.objects.get(plan=v2)
    assert again.status == CorrectionStatus.APPLIED and again.carried_from.plan == corrected
    assert LogEntry.objects.filter(action="plan.correction_reapplied", data__version=2).count() == 1
    page = office.get(reverse("task_detail", args=[v2.pk, "I.4.4"])).content.decode()
    section = page.split('id="lich-su-sua"')[1].split("</section>")[0]
    assert "Theo kết luận của Chủ tịch ngày 10/3/2023" in section and "phiên bản 1" in section
    assert "Đã sửa sau khi nhập" in page


def test_a_new_text_that_already_says_the_correction_needs_nothing(corrected):
    v2 = new_version(corrected, (PRINTED, "Trước ngày 30/11/2023"))
    assert row_of(v2, "I.4.4").due == date(2023, 11, 30)
    assert not Correction.objects.filter(plan=v2).exists()


def test_a_conflict_is_listed_with_both_values_and_keeping_the_correction_is_audited(office, corrected):
    v2 = new_version(corrected, (PRINTED, "Trước ngày 31/10/2023"))
    assert row_of(v2, "I.4.4").due == date(2023, 10, 31)  # not applied until the office chooses
    conflict = Correction.objects.get(plan=v2, status=CorrectionStatus.CONFLICT)
    page = office.get(reverse("plan_changes", args=[v2.pk])).content.decode()
    assert "Nhiệm vụ I.4.4, dòng 1" in page
    assert page.count('id="conflict-') == 1  # listed once, in the page body (never inside <title>)
    assert "<title>Thay đổi so với phiên bản trước" in page
    assert "«Trước ngày 30/11/2023» — Hạn chót: ngày 30 tháng 11 năm 2023" in page
    assert "«Trước ngày 31/10/2023» — Hạn chót: ngày 31 tháng 10 năm 2023" in page
    answer = office.post(reverse("plan_conflict_choose", args=[v2.pk]),
                         {"correction": conflict.pk, "choice": "keep", "reason": "Kết luận của Chủ tịch sau bản ký"})
    assert answer.status_code == 302
    assert row_of(v2, "I.4.4").due == date(2023, 11, 30)
    conflict.refresh_from_db()
    assert conflict.status == CorrectionStatus.KEPT
    entry = LogEntry.objects.get(action="plan.correction_kept")
    assert entry.data["choice_reason"] == "Kết luận của Chủ tịch sau bản ký" and entry.commune_id == v2.commune_id
    again = office.post(reverse("plan_conflict_choose", args=[v2.pk]),
                        {"correction": conflict.pk, "choice": "take_new", "reason": "x"}, follow=True)
    assert "xung đột này đã được xử lý" in again.content.decode()


def test_taking_the_new_text_leaves_the_new_version_as_printed(office, corrected):
    v2 = new_version(corrected, (PRINTED, "Trước ngày 31/10/2023"))
    conflict = Correction.objects.get(plan=v2, status=CorrectionStatus.CONFLICT)
    office.post(reverse("plan_conflict_choose", args=[v2.pk]),
                {"correction": conflict.pk, "choice": "take_new", "reason": "Bản mới đã được Chủ tịch ký"})
    assert row_of(v2, "I.4.4").due == date(2023, 10, 31)
    assert Correction.objects.get(pk=conflict.pk).status == CorrectionStatus.DROPPED
    assert LogEntry.objects.filter(action="plan.correction_dropped").count() == 1
    # A third version no longer carries a correction the office let go.
    v3 = new_version(corrected, (PRINTED, "Trước ngày 31/10/2023"), ("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023"))
    assert not Correction.objects.filter(plan=v3).exists()


def test_a_conflict_needs_a_choice_and_a_reason_and_only_the_office_chooses(client, office, corrected, personas):
    v2 = new_version(corrected, (PRINTED, "Trước ngày 31/10/2023"))
    conflict = Correction.objects.get(plan=v2, status=CorrectionStatus.CONFLICT)
    url = reverse("plan_conflict_choose", args=[v2.pk])
    page = office.post(url, {"correction": conflict.pk, "choice": "keep"}, follow=True).content.decode()
    assert "Cần ghi lý do chọn." in page
    client.force_login(personas["chairman"])
    assert client.post(url, {"correction": conflict.pk, "choice": "keep", "reason": "x"}).status_code == 403
    assert Correction.objects.get(pk=conflict.pk).status == CorrectionStatus.CONFLICT


def test_withdrawing_the_new_version_does_not_apply_a_correction_twice(corrected, personas):
    v2 = new_version(corrected, ("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023"))
    versions.withdraw(v2, personas["office"], "Nhập nhầm bản dự thảo")
    assert Correction.objects.filter(plan=corrected).count() == 1
    assert row_of(corrected, "I.4.4").due == date(2023, 11, 30)


def test_the_import_page_says_how_many_corrections_wait_for_a_choice(office, corrected):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = SAMPLE.read_text(encoding="utf-8").replace(PRINTED, "Trước ngày 31/10/2023").encode()
    preview = office.post(reverse("plan_upload"), {"file": SimpleUploadedFile("ke-hoach-ban-sua.txt", text)})
    done = office.post(reverse("plan_confirm"), {"token": preview.context["confirm"].initial["token"],
                                                 "name": "ke-hoach-ban-sua.txt"}, follow=True)
    assert "1 chỗ Văn phòng đã sửa ở phiên bản trước nay ghi khác trong bản mới" in done.content.decode()


def test_a_replaced_version_is_not_corrected_any_more(office, plan):
    new_version(plan, ("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023"))
    row = row_of(plan, "I.4.4")
    url = reverse("plan_row_correct", args=[plan.pk, row.pk, "output"])
    _, saved = preview_then_save(office, url, {"value": "Kế hoạch được duyệt", "reason": "x"})
    assert saved.status_code == 400 and "Phiên bản 1 không còn áp dụng" in saved.content.decode()
    assert "corrections-links" not in office.get(reverse("task_detail", args=[plan.pk, "I.4.4"])).content.decode()
