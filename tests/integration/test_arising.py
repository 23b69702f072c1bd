"""Tasks arising during the year: entered by the office, read from a notice, then through the whole cycle like any
plan row. Expected values are read off the fixture notice and the forms by hand."""
from datetime import date
from io import BytesIO

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from arising.models import ArisingTask, SourceDocument
from audit.models import LogEntry
from communes.models import DirectoryEntry
from evaluation.queries.evaluate import evaluate
from plans.models import Assignment, Plan, TaskNode
from reports.queries import rates
from reports.services import cycle, periods
from tests.conftest import SAMPLE
from tests.integration.test_arising_walk import NOTICE, add_one, import_notice, one_task_form


def at(day: str):
    return time_machine.travel(f"{day} 09:00 +0700", tick=False)


@pytest.fixture
def office(client, personas):
    client.force_login(personas["office"])
    return client


def refs(assignment, role):
    return [r.entry.key for r in assignment.refs.filter(role=role).select_related("entry")]


def test_the_deadline_reading_is_shown_before_anything_is_saved(office, plan):
    response = office.post(reverse("arising_add"), one_task_form(plan))
    assert response.status_code == 200
    assert response.context["reading"]["text"] == "Hạn chót: ngày 31 tháng 7 năm 2023"
    assert "Hạn chót: ngày 31 tháng 7 năm 2023" in response.content.decode()
    assert not ArisingTask.objects.exists() and not plan.nodes.filter(code="PS").exists()


def test_one_task_from_its_source_document_becomes_a_plan_row_with_its_audit(office, plan, personas):
    with at("2023-07-13"):
        response = add_one(office, plan)
    assert response.status_code == 302
    node = TaskNode.objects.get(plan=plan, code="PS.1")
    assert (node.parent.code, node.parent.title, node.parent.level) == ("PS", "Nhiệm vụ phát sinh trong năm", "part")
    assert node.title == "Tổ chức ra quân diệt bọ gậy, vệ sinh môi trường tại các xóm"
    row = node.assignments.get()
    assert (row.deadline_kind, row.due, row.output) == ("date", date(2023, 7, 31), "Báo cáo kết quả ra quân")
    assert refs(row, "leader") == ["pct-van-hoa-xa-hoi"] and refs(row, "lead") == ["tram-y-te"]
    assert sorted(refs(row, "coordinating")) == ["cac-xom", "doan-thanh-nien"]
    source = node.arising.source
    assert (source.kind, source.number, source.issued_on, source.issuer) == (
        "directive", "08/CT-UBND", date(2023, 7, 12), "UBND thành phố Vinh")
    assert node.arising.marker == "Nhiệm vụ phát sinh — Chỉ thị số 08/CT-UBND ngày 12/07/2023"
    entry = LogEntry.objects.get(action="arising.task_added")
    assert entry.data["reason"] == "Chỉ thị của UBND thành phố giao thêm" and entry.actor == personas["office"]
    assert entry.commune_id == plan.commune_id


def test_a_second_task_takes_the_next_code(office, plan):
    add_one(office, plan)
    add_one(office, plan, title="Kiểm tra an toàn thực phẩm tại chợ", deadline="trong tháng 8/2023")
    assert list(plan.nodes.filter(parent__code="PS").values_list("code", flat=True)) == ["PS.1", "PS.2"]


def test_the_form_says_what_is_missing_in_vietnamese(office, plan):
    response = office.post(reverse("arising_add"), one_task_form(plan, lead_units=[], reason="", issued_on="31/2/2023"))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["lead_units"] == ["Cần chọn ít nhất một đơn vị chủ trì."]
    assert errors["reason"] == ["Cần ghi lý do nhập nhiệm vụ phát sinh."]
    assert "ngày/tháng/năm" in errors["issued_on"][0]


def test_only_the_office_of_the_commune_adds(client, plan, personas, other_commune):
    for persona in ("viewer", "owner", "chairman"):
        client.force_login(personas[persona])
        assert client.post(reverse("arising_add"), one_task_form(plan)).status_code == 403, persona
    client.force_login(personas["outsider"])
    # Another commune's plan is not among the outsider's choices, and its confirmation is a 404.
    assert client.post(reverse("arising_add"), one_task_form(plan)).status_code in (400, 404)
    assert not ArisingTask.objects.exists()


def test_a_notice_is_previewed_then_its_eight_tasks_are_added_in_one_go(office, plan):
    preview = office.post(reverse("arising_notice"), {"plan": plan.pk, "text": NOTICE.read_text(encoding="utf-8")})
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Mục 5" in page and "đầu tháng 8/2023" in page and "Ban quản lý chợ xã (chưa có trong danh bạ)" in page
    assert "số 45/TB-UBND · ngày 05 tháng 7 năm 2023 ·" in page and "2023-07-05" not in page
    assert not ArisingTask.objects.exists() and not SourceDocument.objects.exists()
    _, done = import_notice(office, plan)
    assert done.status_code == 302
    source = SourceDocument.objects.get()
    assert (source.kind, source.number, source.issued_on, source.issuer) == (
        "conclusion", "45/TB-UBND", date(2023, 7, 5), "UBND xã Hưng Đông")
    tasks = list(ArisingTask.objects.filter(node__plan=plan).select_related("node"))
    assert [t.node.code for t in tasks] == [f"PS.{n}" for n in range(1, 9)]
    assert [t.where for t in tasks][:2] == ["Mục 2, điểm a", "Mục 2, điểm b"]
    first = tasks[0].node.assignments.get()
    assert refs(first, "lead") == ["cc-dia-chinh"] and refs(first, "coordinating") == ["cong-an", "cac-xom"]
    assert first.due == date(2023, 7, 15)
    market = tasks[6].node.assignments.get()
    assert DirectoryEntry.objects.get(pk=market.refs.get(role="lead").entry_id).needs_review
    assert tasks[7].node.assignments.get().deadline_kind == "unknown"
    assert LogEntry.objects.filter(action="arising.task_added").count() == 8


def test_a_notice_uploaded_as_word_or_pdf_is_previewed_then_added_the_same(office, plan):
    document = Document()
    for line in NOTICE.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    buffer = BytesIO()
    document.save(buffer)
    pdf = (NOTICE.parent / "pdf" / f"{NOTICE.stem}.pdf").read_bytes()
    for name, data in (("tb-45.docx", buffer.getvalue()), ("tb-45.pdf", pdf)):
        preview = office.post(reverse("arising_notice"), {"plan": plan.pk, "file": SimpleUploadedFile(name, data)})
        assert preview.status_code == 200, name
        assert len(preview.context["notice"]["tasks"]) == 8, name
        # Nothing is kept before the office confirms; a stored name may gain a suffix, never lose its extension.
        suffix = name[name.rindex("."):]
        assert not SourceDocument.objects.filter(file__endswith=suffix).exists(), name
        done = office.post(reverse("arising_notice_confirm"),
                           {**preview.context["confirm"].initial, "reason": "Thông báo kết luận giao ban tháng 6"})
        assert done.status_code == 302, name
        source = SourceDocument.objects.get(file__endswith=suffix)
        assert (source.kind, source.number, source.issued_on) == ("conclusion", "45/TB-UBND", date(2023, 7, 5)), name
        assert source.file.read() == data and source.tasks.count() == 8, name
        first = source.tasks.select_related("node").first().node.assignments.get()
        assert first.due == date(2023, 7, 15) and refs(first, "lead") == ["cc-dia-chinh"], name
    # PS.1 … PS.8 from the Word file, PS.9 … PS.16 from the PDF (the office entered the notice twice).
    assert plan.nodes.filter(parent__code="PS").count() == 16


def test_an_empty_notice_form_says_so(office, plan):
    response = office.post(reverse("arising_notice"), {"plan": plan.pk, "text": "  "})
    assert response.status_code == 400
    assert "Chưa dán nội dung hoặc chọn tệp thông báo." in response.content.decode()


def test_an_arising_task_goes_through_report_acceptance_status_monthly_docx_and_evaluation(
        client, office, plan, personas):
    with at("2023-07-06"):
        add_one(office, plan, lead_units=[plan.commune.entries.get(key="cc-dia-chinh").pk],
                deadline="trước ngày 15/7/2023", title="Rà soát hồ sơ đất công tại xóm 3")
    row = Assignment.objects.get(node__plan=plan, node__code="PS.1")
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    july = periods.ensure_period(plan.commune, 2023, 7)
    report = cycle.open_report(july, land, plan)
    assert report.rows.filter(assignment=row, role="lead").exists()
    done = {r.pk: {"status": "done", "percent": 100, "results": "Đã rà soát 12 hồ sơ"}
            for r in report.rows.filter(role="lead")}
    with at("2023-07-14"):
        assert cycle.save(report, personas["owner"], report.version, done, True, date(2023, 7, 14)).ok
    report.refresh_from_db()
    with at("2023-07-20"):
        cycle.accept(report, personas["office"], date(2023, 7, 20))
    assert rates.status_of(row, date(2023, 7, 20)).label == "Hoàn thành đúng hạn"
    client.force_login(personas["chairman"])
    with at("2023-07-25"):
        response = client.get(reverse("monthly_report_docx", kwargs={"pk": july.pk}))
    lines = [p.text for p in Document(BytesIO(response.getvalue())).paragraphs]
    marker = "Nhiệm vụ phát sinh — Chỉ thị số 08/CT-UBND ngày 12/07/2023"
    assert any(line.startswith("Rà soát hồ sơ đất công tại xóm 3") and marker in line for line in lines)
    assert any(line.startswith("- PS.1 – hoàn thành đúng hạn: Đã rà soát 12 hồ sơ") for line in lines)
    assert "Nhiệm vụ phát sinh trong năm" in lines and not any(line.startswith("Phần PS") for line in lines)
    unit = evaluate(plan, today=date(2023, 12, 20)).find("unit", land.pk)
    assert "PS.1" in {r.assignment.node.code for r in unit.figures.rows}


def test_the_dashboard_counts_follow_the_origin_filter(client, office, plan, personas):
    with at("2023-07-06"):
        add_one(office, plan)
        add_one(office, plan, title="Kiểm tra an toàn thực phẩm tại chợ", deadline="trong tháng 8/2023")
    everything = Assignment.objects.filter(node__plan=plan).count()
    client.force_login(personas["chairman"])
    totals = {}
    with at("2023-07-10"):
        for origin in ("", "ke-hoach", "phat-sinh"):
            response = client.get(reverse("dashboard") + (f"?nguon={origin}" if origin else ""))
            assert response.status_code == 200
            totals[origin] = response.context["overall"][-1]["n"]
        # July is shown before it is opened (no GET opens a period): its row links carry no ?ky=, as the page's do.
        shown = response.context["period"].pk
        rows = client.get(reverse("dashboard_rows") + (f"?ky={shown}&" if shown else "?") + "nguon=phat-sinh")
    assert totals == {"": everything, "ke-hoach": everything - 2, "phat-sinh": 2}
    assert [r.task.code for r in rows.context["rows"]] == ["PS.1", "PS.2"]
    assert "nguon=phat-sinh" in response.context["overall"][0]["url"]


def test_a_new_version_of_the_plan_keeps_the_arising_tasks_and_their_completions(office, plan, personas):
    with at("2023-07-06"):
        import_notice(office, plan)
    first = Assignment.objects.get(node__plan=plan, node__code="PS.1")
    rates_before = first.deadline
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 7), land, plan)
    done = {r.pk: {"status": "done", "percent": 100, "results": "Xong"} for r in report.rows.filter(role="lead")}
    with at("2023-07-14"):
        assert cycle.save(report, personas["owner"], report.version, done, True, date(2023, 7, 14)).ok
    with at("2023-07-20"):
        cycle.accept(report, personas["office"], date(2023, 7, 20))
    changed = SAMPLE.read_text(encoding="utf-8").replace("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023").encode()
    with at("2023-08-01"):
        office.force_login(personas["office"])  # a session opened on another day has expired by now
        preview = office.post(reverse("plan_upload"), {"file": SimpleUploadedFile(SAMPLE.name, changed)})
        assert preview.status_code == 200, preview.content.decode()[:3000]
        office.post(reverse("plan_confirm"), {"token": preview.context["confirm"].initial["token"],
                                              "name": SAMPLE.name})
    new = Plan.objects.get(commune=plan.commune, is_current=True)
    assert new.pk != plan.pk
    carried = list(ArisingTask.objects.filter(node__plan=new).select_related("node", "source"))
    assert [t.node.code for t in carried] == [f"PS.{n}" for n in range(1, 9)]
    assert {t.source.number for t in carried} == {"45/TB-UBND"}
    copy = Assignment.objects.get(node__plan=new, node__code="PS.1")
    assert copy.deadline == rates_before and refs(copy, "coordinating") == ["cong-an", "cac-xom"]
    assert rates.status_of(copy, date(2023, 8, 1)).label == "Hoàn thành đúng hạn"
    # The old version keeps its own rows and links.
    assert ArisingTask.objects.filter(node__plan=plan).count() == 8


def test_the_source_file_chosen_before_the_reading_is_kept_until_saving(office, plan):
    form = one_task_form(plan)
    source = SimpleUploadedFile("ct-08.txt", "Chỉ thị 08".encode())
    preview = office.post(reverse("arising_add"), {**form, "file": source})
    held = preview.context["form"].data
    assert held["file_name"] == "ct-08.txt" and held["file_token"]
    saved = office.post(reverse("arising_add"), {**form, "deadline_seen": form["deadline"],
                                                 "file_token": held["file_token"], "file_name": "ct-08.txt"})
    assert saved.status_code == 302
    source = SourceDocument.objects.get()
    assert source.file.name.endswith(".txt") and source.file.read().decode() == "Chỉ thị 08"


def test_a_source_file_of_another_type_is_refused_by_name(office, plan):
    response = office.post(reverse("arising_add"), {**one_task_form(plan), "file": SimpleUploadedFile("a.exe", b"MZ")})
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == [
        "Tệp «a.exe» không được nhận: văn bản giao nhiệm vụ chỉ nhận dạng .docx, .pdf hoặc .txt."]
    assert not SourceDocument.objects.exists()


def test_the_annex_marks_an_arising_row_with_its_source(client, office, plan, personas):
    from openpyxl import load_workbook

    with at("2023-07-06"):
        add_one(office, plan)
    july = periods.ensure_period(plan.commune, 2023, 7)
    client.force_login(personas["chairman"])
    with at("2023-07-25"):
        response = client.get(reverse("monthly_report_xlsx", kwargs={"pk": july.pk}))
    sheet = load_workbook(BytesIO(response.getvalue()))["Phụ lục"]
    line = next(r for r in sheet.iter_rows(values_only=True) if r[1] == "PS.1")
    assert line[2] == ("Tổ chức ra quân diệt bọ gậy, vệ sinh môi trường tại các xóm "
                       "(Nhiệm vụ phát sinh — Chỉ thị số 08/CT-UBND ngày 12/07/2023)")


def test_an_arising_rows_page_names_its_source_and_the_nav_offers_the_page(office, plan, personas):
    with at("2023-07-13"):
        add_one(office, plan)
        page = office.get(reverse("task_detail", args=[plan.pk, "PS.1"])).content.decode()
    assert "Nhiệm vụ phát sinh — Chỉ thị số 08/CT-UBND ngày 12/07/2023" in page and "UBND thành phố Vinh" in page
    assert f'href="{reverse("arising_list")}"' in page


def test_withdrawing_a_version_gives_back_the_arising_tasks_added_to_it(office, plan, personas):
    """v1 has PS.1; v2 (a new document) copies it and the office adds PS.2 to v2; v2 is withdrawn as a mistake.
    v1 is current again and must still track PS.2, with its completion, not leave it on the withdrawn version."""
    from plans.services.importer import import_plan
    from plans.services.versions import withdraw
    from reports.models import Completion

    with at("2023-07-06"):
        add_one(office, plan)
    changed = SAMPLE.read_text(encoding="utf-8").replace("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023").encode()
    second = import_plan(plan.commune, changed, "ke-hoach-ban-sua.txt").plan
    with at("2023-07-10"):
        office.force_login(personas["office"])  # a session opened on another day has expired by now
        add_one(office, second, title="Kiểm tra an toàn thực phẩm tại chợ", deadline="trong tháng 8/2023")
    Completion.objects.create(assignment=Assignment.objects.get(node__plan=second, node__code="PS.2"), milestone=0,
                              completed_on=date(2023, 8, 20), accepted_on=date(2023, 8, 21))
    assert withdraw(second, personas["office"], "Nhập nhầm bản dự thảo") == plan
    back = {t.node.code: t for t in ArisingTask.objects.filter(node__plan=plan).select_related("node", "source")}
    assert sorted(back) == ["PS.1", "PS.2"]
    assert back["PS.2"].node.title == "Kiểm tra an toàn thực phẩm tại chợ"
    assert back["PS.2"].source.number == "08/CT-UBND"
    row = back["PS.2"].node.assignments.get()
    assert rates.status_of(row, date(2023, 9, 1)).label == "Hoàn thành đúng hạn"  # due 31/08, done 20/08
    assert plan.nodes.filter(code="PS").count() == 1
    # Both copies are counted in the audit entries of the import and of the withdrawal.
    assert LogEntry.objects.get(action="plan.imported", object_id=str(second.pk)).data["carried_over"][
        "arising_tasks"] == 1
    assert LogEntry.objects.get(action="plan.withdrawn").data["carried_back"]["arising_tasks"] == 1


def test_a_notice_entered_before_is_named_on_the_preview(office, plan, personas):
    """Entering the same notice twice would add its tasks twice: the second preview says when it was entered."""
    text = NOTICE.read_text(encoding="utf-8")
    with at("2023-07-06"):
        office.force_login(personas["office"])  # the fixture's session belongs to today, not to July 2023
        first = office.post(reverse("arising_notice"), {"plan": plan.pk, "text": text})
        assert first.context["entered_before"] is None
        import_notice(office, plan)
        again = office.post(reverse("arising_notice"), {"plan": plan.pk, "text": text})
    assert again.status_code == 200
    warning = again.content.decode().split('id="notice-entered-before">')[1].split("</section>")[0]
    assert warning == ("Thông báo số 45/TB-UBND ngày 05/07/2023 đã được nhập ngày 06 tháng 7 năm 2023 (8 nhiệm vụ). "
                       "Xác nhận lần nữa sẽ thêm các nhiệm vụ của văn bản này một lần nữa.")
