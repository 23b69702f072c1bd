"""The corrections' write paths for the audit walk (tests/integration/test_audit.py WALKED)."""
from django.urls import reverse

from plans.models import Correction, CorrectionStatus, Plan
from plans.services.importer import import_plan
from tests.conftest import SAMPLE
from tests.integration.test_corrections import preview_then_save, row_of


def walk_corrections(client, w) -> list[str]:
    plan = Plan.objects.get(commune=w.commune, year=2023, is_current=True)
    row = row_of(plan, "I.4.4")
    for field, value in (("deadline", "Trước ngày 30/11/2023"), ("solutions", "(1) Rà soát quỹ đất. (2) Đấu giá."),
                         ("output", "Kế hoạch khai thác quỹ đất được duyệt")):
        preview_then_save(client, reverse("plan_row_correct", args=[plan.pk, row.pk, field]),
                          {"value": value, "reason": "Theo kết luận của Chủ tịch"})
    preview_then_save(client, reverse("plan_task_correct", args=[plan.pk, "II.4.5", "place"]),
                      {"parent": "II.4", "number": "4.4", "reason": "Đánh số lại"})
    indicator = plan.indicators.get(code="II.8")
    preview_then_save(client, reverse("plan_indicator_correct", args=[plan.pk, indicator.pk]),
                      {"value": "Dưới 0,1%", "reason": "Nghị quyết HĐND điều chỉnh"})
    text = SAMPLE.read_text(encoding="utf-8").replace("Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình.",
                                                      "Trước ngày 31/10/2023")
    new = import_plan(w.commune, text.encode(), "ke-hoach-ban-sua.txt", w.office).plan
    conflict = Correction.objects.get(plan=new, status=CorrectionStatus.CONFLICT)
    client.post(reverse("plan_conflict_choose", args=[new.pk]),
                {"correction": conflict.pk, "choice": "keep", "reason": "Giữ theo kết luận"})
    return ["plan.row_corrected", "plan.task_corrected", "plan.indicator_corrected", "plan.correction_reapplied",
            "plan.correction_kept"]
