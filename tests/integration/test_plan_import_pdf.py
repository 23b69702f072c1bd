"""A plan published as PDF goes through the upload page and the commands like a Word or text plan."""
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from plans.models import Plan, TaskNode
from tests.fixtures.build_pdfs import pdf_path
from tests.parser.test_pdf_reader import scanned_pdf

SAMPLE_PDF = pdf_path("sample")


@pytest.fixture
def office(client, personas):
    client.force_login(personas["office"])
    return client


def test_a_pdf_plan_is_previewed_then_imported(office, commune):
    with SAMPLE_PDF.open("rb") as handle:
        response = office.post(reverse("plan_upload"), {"file": handle})
    page = response.content.decode()
    assert response.status_code == 200 and "Xác nhận nhập kế hoạch" in page
    assert "II.5.4" in page  # the last task of the sample, read from the PDF's last table page
    assert Plan.objects.count() == 0
    token = response.context["confirm"].initial["token"]
    response = office.post(reverse("plan_confirm"), {"token": token, "name": SAMPLE_PDF.name})
    plan = Plan.objects.get()
    assert response.url == reverse("plan_detail", args=[plan.pk])
    assert (plan.source_name, plan.year, plan.signer_name, plan.report_day) == ("sample.pdf", 2023, "Trần Anh Tấn", 20)
    assert plan.number == "/KH-UBND" and str(plan.issued_on) == "2022-12-30"
    # The sample's table: parts I and II, 7 and 5 groups, and their tasks down to II.5.4.
    codes = set(TaskNode.objects.filter(plan=plan).values_list("code", flat=True))
    assert {"I", "II", "I.7", "II.5", "I.2.2", "II.4.7", "II.5.4"} <= codes
    node = TaskNode.objects.get(plan=plan, code="II.4.7")
    page = office.get(reverse("task_detail", args=[plan.pk, node.code])).content.decode()
    assert "Phó Chủ tịch phụ trách Văn hóa XH" in page  # the leader merged across a page break


def test_a_scanned_pdf_is_refused_with_a_vietnamese_message(office, commune, tmp_path):
    scan = tmp_path / "ke-hoach-2024.pdf"
    scan.write_bytes(scanned_pdf())
    with scan.open("rb") as handle:
        response = office.post(reverse("plan_upload"), {"file": handle})
    page = response.content.decode()
    assert response.status_code == 400
    assert "ke-hoach-2024.pdf" in page and "không có lớp chữ" in page
    assert Plan.objects.count() == 0


def test_the_upload_page_offers_pdf(office, commune):
    page = office.get(reverse("plan_upload")).content.decode()
    assert ".pdf" in page and 'accept=".docx,.pdf,.txt"' in page


def test_parse_plan_and_audit_plan_read_a_pdf():
    out = StringIO()
    call_command("parse_plan", str(SAMPLE_PDF), stdout=out)
    plan = json.loads(out.getvalue())
    assert plan["issuer"] == "UBND xã Hưng Đông" and plan["signer"]["name"] == "Trần Anh Tấn"
    assert [n["code"] for n in plan["tasks"]] == ["I", "II"]
    out = StringIO()
    call_command("audit_plan", str(SAMPLE_PDF), stdout=out)
    assert "điểm bất thường" in out.getvalue()


def test_import_plan_takes_a_pdf(commune):
    out = StringIO()
    call_command("import_plan", str(SAMPLE_PDF), "--commune", commune.name, stdout=out)
    plan = Plan.objects.get(commune=commune)
    assert plan.source_name == "sample.pdf" and plan.year == 2023
    assert "Đã nhập" in out.getvalue()
