"""The plan pages as the office, a unit, a viewer and another commune see them."""
import pytest
from django.urls import reverse

from communes.models import DirectoryEntry
from plans.models import Plan
from tests.conftest import SAMPLE


@pytest.fixture
def office(client, personas):
    client.force_login(personas["office"])
    return client


def test_plan_page_shows_the_tree_deadlines_and_anomalies_linked_to_their_place(office, plan):
    page = office.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "Điểm bất thường trong kế hoạch" in page
    assert 'href="#II.4"' in page and 'id="II.4"' in page
    assert "Cuối tháng 7 và tháng 10/2023" in page
    assert "ngày 31 tháng 10 năm 2023" in page  # the due date as understood
    assert "235 năm Phụng Hoàng - Trung Đô Vinh" in page


def test_home_is_the_dashboard_for_the_office_and_the_report_for_a_unit(office, client, plan, personas):
    assert office.get(reverse("home")).url == reverse("dashboard")
    client.force_login(personas["owner"])
    assert client.get(reverse("home")).url == reverse("report_index")


def test_task_page(office, plan):
    page = office.get(reverse("task_detail", args=[plan.pk, "I.4.2"])).content.decode()
    assert "Duy trì các nguồn thu" in page
    assert "thiếu giải pháp (4)" in page
    assert "Công chức Kế toán" in page


def test_directory_search_ignores_accents(office, plan):
    page = office.get(reverse("directory"), {"q": "dia chinh"}).content.decode()
    assert "Công chức Địa chính" in page and "Trạm Y tế" not in page


def test_entry_page_lists_what_the_unit_leads(office, plan):
    entry = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    page = office.get(reverse("entry_detail", args=[entry.pk])).content.decode()
    assert "Chủ trì (" in page and "I.4.4" in page and "II.3.2" in page


def test_other_commune_gets_404(client, personas, plan):
    client.force_login(personas["outsider"])
    assert client.get(reverse("plan_detail", args=[plan.pk])).status_code == 404
    assert client.get(reverse("task_detail", args=[plan.pk, "I.1"])).status_code == 404
    entry = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    assert client.get(reverse("entry_detail", args=[entry.pk])).status_code == 404


def test_anonymous_is_sent_to_login(client, plan):
    response = client.get(reverse("plan_detail", args=[plan.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_upload_previews_and_stores_nothing_until_confirmed(office, commune):
    with SAMPLE.open("rb") as handle:
        response = office.post(reverse("plan_upload"), {"file": handle})
    page = response.content.decode()
    assert response.status_code == 200 and "Xác nhận nhập kế hoạch" in page
    assert "II.5.4" in page and "Điểm bất thường" in page
    assert Plan.objects.count() == 0
    token = response.context["confirm"].initial["token"]
    response = office.post(reverse("plan_confirm"), {"token": token, "name": SAMPLE.name})
    plan = Plan.objects.get()
    assert response.url == reverse("plan_detail", args=[plan.pk])
    assert plan.imported_by.username == "vanphong"


def test_upload_of_a_broken_file_shows_a_vietnamese_error(office, commune, tmp_path):
    bad = tmp_path / "ke-hoach.docx"
    bad.write_bytes(b"PK\x03\x04 not a document")
    with bad.open("rb") as handle:
        response = office.post(reverse("plan_upload"), {"file": handle})
    assert response.status_code == 400
    assert "ke-hoach.docx" in response.content.decode()
    assert Plan.objects.count() == 0


def test_upload_refuses_other_file_types(office, commune, tmp_path):
    # An old binary Word file (OLE2 header), the format offices still keep from before 2007.
    bad = tmp_path / "ke-hoach.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with bad.open("rb") as handle:
        response = office.post(reverse("plan_upload"), {"file": handle})
    page = response.content.decode()
    assert response.status_code == 400 and "ke-hoach.doc" in page
    assert "chỉ nhận kế hoạch dạng .docx, .pdf hoặc .txt" in page


def test_confirm_with_an_unknown_token_stores_nothing(office, commune):
    response = office.post(reverse("plan_confirm"), {"token": "khong-ton-tai", "name": "x.txt"}, follow=True)
    assert "hết hạn" in response.content.decode()
    assert Plan.objects.count() == 0


@pytest.mark.parametrize("persona", ["viewer", "owner"])
def test_only_the_office_imports(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get(reverse("plan_upload")).status_code == 403
    assert client.post(reverse("plan_confirm"), {"token": "x", "name": "y"}).status_code == 403


def test_office_edits_only_its_own_directory_in_the_admin(client, personas, plan, other_commune):
    office = personas["office"]
    office.is_staff = True
    office.save()
    client.force_login(office)
    mine = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    theirs = DirectoryEntry.objects.get(commune=other_commune, key="cc-dia-chinh")
    listing = client.get("/quan-tri/communes/directoryentry/")
    assert listing.status_code == 200
    assert client.get(f"/quan-tri/communes/directoryentry/{mine.pk}/change/").status_code == 200
    assert client.get(f"/quan-tri/communes/directoryentry/{theirs.pk}/change/").status_code in (302, 404)
    client.force_login(personas["viewer"])
    assert client.get("/quan-tri/communes/directoryentry/").status_code in (302, 403)


def test_each_anomaly_links_to_an_anchor_on_the_page(office, plan):
    from plans.models import Anomaly

    Anomaly.objects.create(plan=plan, kind="deadline", where="I.7.1 (dòng 131)", message="thử", order=99)
    page = office.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert 'href="#chi-tieu-I.4"' in page and 'id="chi-tieu-I.4"' in page  # the revenue sum that is off
    assert 'href="#chi-tieu-I.2"' in page and 'id="chi-tieu-I.2"' in page  # the shares that make 98%
    assert 'href="#I.7.1"' in page and 'id="I.7.1"' in page
    assert 'id="I.2"' in page and page.count('id="I.2"') == 1  # task group and indicator no longer share an id


def test_upload_of_a_spreadsheet_named_docx_says_it_is_excel(office, commune, tmp_path):
    import openpyxl

    path = tmp_path / "ke-hoach.docx"
    openpyxl.Workbook().save(path)
    with path.open("rb") as handle:
        response = office.post(reverse("plan_upload"), {"file": handle})
    assert response.status_code == 400
    page = response.content.decode()
    assert "ke-hoach.docx" in page and "Excel" in page
    assert Plan.objects.count() == 0


def test_preview_writes_nothing_not_even_the_directory(client, personas, db):
    from communes.models import AreaKind
    from tests.factories import make_commune, make_district

    # A commune of the same name in another district: the plan is its own, and it has no directory yet.
    fresh = make_commune("Hưng Đông", area=make_district("Nam Đàn", kind=AreaKind.DISTRICT))
    office = personas["office"]
    office.commune = fresh
    office.save()
    client.force_login(office)
    with SAMPLE.open("rb") as handle:
        assert client.post(reverse("plan_upload"), {"file": handle}).status_code == 200
    assert not fresh.entries.exists() and Plan.objects.count() == 0


def test_anomaly_kinds_are_named_in_vietnamese(office, plan):
    page = office.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    # The sample's audit finds a numbering gap (II.4), a sum that is off (Phụ lục I, I.4) and shares under 100%.
    assert '<span class="kind">Đánh số</span>' in page and '<span class="kind">Cộng không khớp</span>' in page
    assert '<span class="kind">Tỷ trọng</span>' in page
    for code in ("numbering", "arithmetic", "share", "count"):
        assert f'<span class="kind">{code}</span>' not in page


def test_upload_without_a_file_or_with_an_empty_one_says_tep(office, commune):
    page = office.post(reverse("plan_upload"), {}).content.decode()
    assert "Chưa chọn tệp kế hoạch." in page and "tập tin" not in page
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = office.post(reverse("plan_upload"), {"file": SimpleUploadedFile("ke-hoach.docx", b"")}).content.decode()
    assert "Tệp đã chọn trống." in page and "tập tin" not in page
