"""The office corrects an imported plan: each correction is read back before saving, needs a reason, is audited,
marks its row and settles the anomaly it fixes. Expected values are read off the sample plan by hand."""
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from audit.models import LogEntry
from plans.models import Correction


@pytest.fixture
def office(client, personas):
    client.force_login(personas["office"])
    return client


def row_of(plan, code, order=1):
    return plan.nodes.get(code=code).assignments.get(order=order)


def preview_then_save(client, url, data):
    """As the page is used: «Xem cách đọc», check the reading, then «Lưu bản sửa»."""
    preview = client.post(url, {**data, "action": "preview"})
    assert preview.status_code == 200, preview.content.decode()[:2000]
    previewed = preview.context["form"].data["previewed"]
    return preview, client.post(url, {**data, "action": "save", "previewed": previewed})


def test_deadline_is_read_by_the_plan_grammar_shown_then_saved_with_its_audit(office, plan, personas):
    # I.4.4 prints "Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình." (read as the year's end);
    # the Chairman's later instruction sets the end of November.
    row = row_of(plan, "I.4.4")
    url = reverse("plan_row_correct", args=[plan.pk, row.pk, "deadline"])
    data = {"value": "Trước ngày 30/11/2023", "reason": "Theo Thông báo kết luận số 15/TB-UBND ngày 10/3/2023"}
    preview, saved = preview_then_save(office, url, data)
    assert "Hạn chót: ngày 30 tháng 11 năm 2023" in preview.content.decode()
    assert saved.status_code == 302 and saved.url == reverse("task_detail", args=[plan.pk, "I.4.4"])
    row.refresh_from_db()
    assert (row.deadline_text, row.deadline_kind, row.due) == ("Trước ngày 30/11/2023", "date", date(2023, 11, 30))
    correction = Correction.objects.get(plan=plan, code="I.4.4", row_order=1, field="deadline")
    assert correction.old_value["text"] == "Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình."
    assert correction.new_value["due"] == "2023-11-30" and correction.created_by == personas["office"]
    entry = LogEntry.objects.get(action="plan.row_corrected", object_id=str(row.pk))
    assert entry.actor_label == personas["office"].username and entry.commune_id == plan.commune_id
    assert entry.data["reason"] == data["reason"] and entry.data["code"] == "I.4.4"
    # The entry carries the change in words, so the history (audit, below plans) shows it without asking plans.
    words = entry.data["words"]["deadline"]
    assert words["label"] == "Thời gian hoàn thành"
    assert words["before"].startswith("«Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình.» — ")
    assert words["after"].startswith("«Trước ngày 30/11/2023» — ") and "ngày 30 tháng 11 năm 2023" in words["after"]


def test_nothing_is_saved_without_a_preview_or_a_reason_or_with_an_unreadable_deadline(office, plan):
    row = row_of(plan, "I.4.4")
    url = reverse("plan_row_correct", args=[plan.pk, row.pk, "deadline"])
    unpreviewed = office.post(url, {"value": "Quý III/2023", "reason": "Sửa", "action": "save"})
    assert unpreviewed.status_code == 200 and "Hạn chót: ngày 30 tháng 9 năm 2023" in unpreviewed.content.decode()
    no_reason = office.post(url, {"value": "Quý III/2023", "action": "preview"})
    assert no_reason.status_code == 400 and "Cần ghi lý do sửa." in no_reason.content.decode()
    unreadable = office.post(url, {"value": "xong trong thang 13", "reason": "Sửa", "action": "preview"})
    page = unreadable.content.decode()
    assert unreadable.status_code == 400 and "Nhiệm vụ I.4.4, dòng 1: không hiểu thời hạn «xong trong thang 13»" in page
    assert not Correction.objects.exists()


def test_solutions_cut_by_a_page_break_are_retyped_and_the_numbering_anomaly_is_marked(office, plan):
    # I.4.2 prints (1) (2) (3) in its first row and (5) in the second: (4) was lost where the page broke.
    row = row_of(plan, "I.4.2")
    typed = ("(1) Tuyên truyền, hỗ trợ người nộp thuế. (2) Triển khai đồng bộ các giải pháp quản lý thu, chống thất "
             "thu. (3) Phối hợp thực hiện công tác kiểm tra thuế; quản lý nợ và cưỡng chế nợ thuế. (4) Rà soát, "
             "khai thác các nguồn thu phát sinh trên địa bàn.")
    _, saved = preview_then_save(office, reverse("plan_row_correct", args=[plan.pk, row.pk, "solutions"]),
                                 {"value": typed, "reason": "Bổ sung giải pháp (4) bị mất khi ngắt trang"})
    assert saved.status_code == 302
    assert [s.number for s in row.solutions.all()] == ["(1)", "(2)", "(3)", "(4)"]
    assert row.solutions.get(number="(4)").text == "Rà soát, khai thác các nguồn thu phát sinh trên địa bàn."
    anomaly = plan.anomalies.get(kind="numbering", where="I.4.2")
    assert anomaly.resolved_by.field == "solutions"
    page = office.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "Đã sửa: Giải pháp" in page and "Đã sửa sau khi nhập: Giải pháp" in page


def test_a_wrongly_joined_unit_is_split_into_two_directory_entries(office, plan):
    # I.4.4's lead cell names only "Công chức Địa chính"; the land fund plan is led jointly with Đô thị.
    row = row_of(plan, "I.4.4")
    entries = {e.key: e for e in plan.commune.entries.filter(key__in=("cc-dia-chinh", "cc-do-thi"))}
    _, saved = preview_then_save(office, reverse("plan_row_correct", args=[plan.pk, row.pk, "lead_units"]),
                                 {"entries": [e.pk for e in entries.values()], "reason": "Hai đơn vị cùng chủ trì"})
    assert saved.status_code == 302
    refs = list(row.refs.filter(role="lead").order_by("order"))
    assert sorted(r.entry.key for r in refs) == ["cc-dia-chinh", "cc-do-thi"]
    assert {r.text for r in refs} == {"Công chức Địa chính", "Công chức Đô thị - Xây dựng"}
    correction = Correction.objects.get(field="lead_units")
    assert correction.old_value == [{"key": "cc-dia-chinh", "text": "Công chức Địa chính"}]


def test_two_names_split_by_mistake_are_joined_into_one_entry(office, plan):
    # I.4.4's coordinating cell "Công chức Kế toán, Đô thị, các HTX, các xóm": keep the office's pick.
    row = row_of(plan, "I.4.4")
    pick = plan.commune.entries.get(key="cac-htx")
    _, saved = preview_then_save(office, reverse("plan_row_correct", args=[plan.pk, row.pk, "coordinating_units"]),
                                 {"entries": [pick.pk], "reason": "Chỉ các HTX phối hợp"})
    assert saved.status_code == 302
    assert [r.entry.key for r in row.refs.filter(role="coordinating")] == ["cac-htx"]
    assert [v["text"] for v in Correction.objects.get().old_value] == ["Công chức Kế toán", "Đô thị", "các HTX",
                                                                       "các xóm"]


def test_output_and_task_title(office, plan):
    row = row_of(plan, "I.4.4")
    _, saved = preview_then_save(office, reverse("plan_row_correct", args=[plan.pk, row.pk, "output"]),
                                 {"value": "Kế hoạch khai thác quỹ đất năm 2023 được phê duyệt",
                                  "reason": "Ghi sản phẩm"})
    assert saved.status_code == 302
    row.refresh_from_db()
    assert row.output == "Kế hoạch khai thác quỹ đất năm 2023 được phê duyệt"
    url = reverse("plan_task_correct", args=[plan.pk, "I.4.4", "title"])
    _, saved = preview_then_save(office, url, {"value": "Xây dựng và thực hiện kế hoạch khai thác quỹ đất năm 2023",
                                               "reason": "Rút gọn tên"})
    assert plan.nodes.get(code="I.4.4").title == "Xây dựng và thực hiện kế hoạch khai thác quỹ đất năm 2023"
    assert LogEntry.objects.filter(action="plan.task_corrected", data__field="title").count() == 1


def test_renumbering_a_task_settles_the_gap_in_its_group(office, plan):
    # II.4 jumps from 3 to 4.5: the task printed 4.5 is really 4.4.
    url = reverse("plan_task_correct", args=[plan.pk, "II.4.5", "place"])
    _, saved = preview_then_save(office, url, {"parent": "II.4", "number": "4.4", "reason": "Đánh số lại theo bản ký"})
    assert saved.status_code == 302
    assert plan.nodes.get(code="II.4.5").number == "4.4"
    assert plan.anomalies.get(kind="numbering", where="II.4").resolved_by.field == "place"


def test_moving_a_task_under_another_group_puts_it_in_reading_order(office, plan):
    url = reverse("plan_task_correct", args=[plan.pk, "I.4.4", "place"])
    _, saved = preview_then_save(office, url, {"parent": "I.5", "number": "5.4", "reason": "Thuộc nhóm GPMB"})
    assert saved.status_code == 302
    moved = plan.nodes.get(code="I.4.4")
    assert moved.parent.code == "I.5"
    assert list(plan.nodes.filter(parent__code="I.5").order_by("order").values_list("code", flat=True)) == [
        "I.5.1", "I.5.2", "I.5.3", "I.4.4"]
    assert list(plan.nodes.filter(parent__code="I.4").values_list("code", flat=True)) == ["I.4.1", "I.4.2", "I.4.3"]
    refused = office.post(url, {"parent": "I.5", "number": "5.1", "reason": "x", "action": "preview"})
    assert refused.status_code == 400 and "trong I.5 đã có nhiệm vụ số 5.1" in refused.content.decode()


def test_indicator_target_is_typed_as_the_appendix_writes_it(office, plan):
    # Phụ lục I prints "Tỷ lệ hộ nghèo: dưới 0,12%" (II.8).
    indicator = plan.indicators.get(code="II.8")
    url = reverse("plan_indicator_correct", args=[plan.pk, indicator.pk])
    preview, saved = preview_then_save(office, url, {"value": "Dưới 0,1%", "reason": "Nghị quyết HĐND điều chỉnh"})
    assert "dưới 0,1%" in preview.content.decode()
    assert saved.status_code == 302
    target = indicator.targets.get()
    assert (target.comparator, target.value, target.unit) == ("<", Decimal("0.1"), "%")
    assert LogEntry.objects.get(action="plan.indicator_corrected").data["code"] == "II.8"
    wrong = office.post(url, {"value": "dưới 1e400", "reason": "x", "action": "preview"})
    assert wrong.status_code == 400 and "Chỉ tiêu II.8 (Tỷ lệ hộ nghèo)" in wrong.content.decode()


def test_only_the_office_of_the_commune_corrects(client, plan, personas):
    row = row_of(plan, "I.4.4")
    url = reverse("plan_row_correct", args=[plan.pk, row.pk, "deadline"])
    data = {"value": "Quý III/2023", "reason": "x", "action": "preview"}
    for persona in ("owner", "other_unit", "viewer", "chairman"):
        client.force_login(personas[persona])
        assert client.post(url, data).status_code == 403, persona
    client.force_login(personas["outsider"])
    assert client.post(url, data).status_code == 404


def test_the_task_page_lists_every_correction_with_its_reason(office, plan):
    row = row_of(plan, "I.4.4")
    preview_then_save(office, reverse("plan_row_correct", args=[plan.pk, row.pk, "deadline"]),
                      {"value": "Trước ngày 30/11/2023", "reason": "Theo kết luận của Chủ tịch"})
    preview_then_save(office, reverse("plan_row_correct", args=[plan.pk, row.pk, "output"]),
                      {"value": "Kế hoạch được phê duyệt", "reason": "Bổ sung sản phẩm"})
    page = office.get(reverse("task_detail", args=[plan.pk, "I.4.4"])).content.decode()
    section = page.split('id="lich-su-sua"')[1].split("</section>")[0]
    assert "Theo kết luận của Chủ tịch" in section and "Bổ sung sản phẩm" in section
    assert "ngày 30 tháng 11 năm 2023" in section and "Kế hoạch được phê duyệt" in section


def test_only_the_office_sees_the_correction_links(client, office, plan, personas):
    page = office.get(reverse("task_detail", args=[plan.pk, "I.4.4"])).content.decode()
    assert "Sửa: <a" in page and reverse("plan_task_correct", args=[plan.pk, "I.4.4", "place"]) in page
    client.force_login(personas["viewer"])
    assert "corrections-links" not in client.get(reverse("task_detail", args=[plan.pk, "I.4.4"])).content.decode()


def test_every_kind_of_correction_leaves_one_audit_entry_with_its_reason(office, plan, personas):
    """The nine corrections of issue 13, each by the office with its own reason: one entry each, saying who, which
    field of which row, task or indicator, and why."""
    row = row_of(plan, "I.4.4")
    entries = {e.key: e.pk for e in plan.commune.entries.all()}
    indicator = plan.indicators.get(code="II.8")
    steps = [
        ("plan_row_correct", [plan.pk, row.pk, "leaders"], {"entries": [entries["pct-van-hoa-xa-hoi"]]}),
        ("plan_row_correct", [plan.pk, row.pk, "lead_units"], {"entries": [entries["cc-dia-chinh"],
                                                                           entries["cc-do-thi"]]}),
        ("plan_row_correct", [plan.pk, row.pk, "coordinating_units"], {"entries": [entries["cac-htx"]]}),
        ("plan_row_correct", [plan.pk, row.pk, "deadline"], {"value": "Trước ngày 30/11/2023"}),
        ("plan_row_correct", [plan.pk, row.pk, "solutions"], {"value": "(1) Rà soát quỹ đất. (2) Đấu giá."}),
        ("plan_row_correct", [plan.pk, row.pk, "output"], {"value": "Kế hoạch khai thác quỹ đất được duyệt"}),
        ("plan_task_correct", [plan.pk, "I.4.4", "title"], {"value": "Khai thác quỹ đất năm 2023"}),
        ("plan_task_correct", [plan.pk, "II.4.5", "place"], {"parent": "II.4", "number": "4.4"}),
        ("plan_indicator_correct", [plan.pk, indicator.pk], {"value": "Dưới 0,1%"}),
    ]
    for number, (name, args, data) in enumerate(steps, start=1):
        _, saved = preview_then_save(office, reverse(name, args=args), {**data, "reason": f"Lý do số {number}"})
        assert saved.status_code == 302, (name, args)
    found = [(e.action, e.data["code"], e.data["field"], e.data["reason"], e.actor)
             for e in LogEntry.objects.filter(action__in=("plan.row_corrected", "plan.task_corrected",
                                                          "plan.indicator_corrected")).order_by("pk")]
    office_user = personas["office"]
    assert found == [
        ("plan.row_corrected", "I.4.4", "leaders", "Lý do số 1", office_user),
        ("plan.row_corrected", "I.4.4", "lead_units", "Lý do số 2", office_user),
        ("plan.row_corrected", "I.4.4", "coordinating_units", "Lý do số 3", office_user),
        ("plan.row_corrected", "I.4.4", "deadline", "Lý do số 4", office_user),
        ("plan.row_corrected", "I.4.4", "solutions", "Lý do số 5", office_user),
        ("plan.row_corrected", "I.4.4", "output", "Lý do số 6", office_user),
        ("plan.task_corrected", "I.4.4", "title", "Lý do số 7", office_user),
        ("plan.task_corrected", "II.4.5", "place", "Lý do số 8", office_user),
        ("plan.indicator_corrected", "II.8", "targets", "Lý do số 9", office_user)]
    assert [r.entry.key for r in row.refs.filter(role="leader")] == ["pct-van-hoa-xa-hoi"]
    leaders = LogEntry.objects.get(action="plan.row_corrected", data__field="leaders")
    assert "Phó Chủ tịch phụ trách Văn hóa - Xã hội" in str(leaders.data["words"]["leaders"])
