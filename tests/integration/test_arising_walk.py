"""The office's walk through every arising-task write, for tests/integration/test_audit.py's WALKED."""
from pathlib import Path

from django.urls import reverse

NOTICE = Path(__file__).resolve().parent.parent / "fixtures" / "notices" / "tb-45-ket-luan-giao-ban-thang-6-2023.txt"


def one_task_form(plan, **changes) -> dict:
    entries = {e.key: e.pk for e in plan.commune.entries.all()}
    form = {"plan": plan.pk, "kind": "directive", "number": "08/CT-UBND", "issued_on": "12/7/2023",
            "issuer": "UBND thành phố Vinh", "source_title": "Về tăng cường phòng, chống dịch sốt xuất huyết",
            "quoted_text": "Giao UBND các phường, xã tổ chức ra quân diệt bọ gậy trước ngày 31/7/2023.",
            "title": "Tổ chức ra quân diệt bọ gậy, vệ sinh môi trường tại các xóm",
            "leaders": [entries["pct-van-hoa-xa-hoi"]], "lead_units": [entries["tram-y-te"]],
            "coordinating_units": [entries["cac-xom"], entries["doan-thanh-nien"]],
            "deadline": "trước ngày 31/7/2023", "output": "Báo cáo kết quả ra quân",
            "reason": "Chỉ thị của UBND thành phố giao thêm"}
    return {**form, **changes}


def add_one(client, plan, **changes):
    """Preview (the deadline's reading), then the same form confirmed."""
    form = one_task_form(plan, **changes)
    client.post(reverse("arising_add"), form)
    return client.post(reverse("arising_add"), {**form, "deadline_seen": form["deadline"]})


def import_notice(client, plan, reason="Thông báo kết luận giao ban tháng 6"):
    preview = client.post(reverse("arising_notice"), {"plan": plan.pk, "text": NOTICE.read_text(encoding="utf-8")})
    confirm = preview.context["confirm"].initial
    return preview, client.post(reverse("arising_notice_confirm"), {**confirm, "reason": reason})


def walk_arising(client, w):
    add_one(client, w.plan)
    import_notice(client, w.plan)
    return ["arising.task_added", "arising.notice_imported"]
