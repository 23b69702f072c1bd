"""Who reads a unit's report, its evidence files and its Excel file: one rule (reports.permissions.may_read_report).

Everyone of the commune but another unit's officers; another commune gets a 404, as everywhere.
"""
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from accounts.models import Role
from communes.models import DirectoryEntry
from reports.permissions import may_read_report
from reports.services import cycle, periods
from tests.factories import make_area_viewer, make_site_admin

EXPECTED = {"owner": 200, "office": 200, "site_admin": 200, "chairman": 200, "vice": 200, "viewer": 200,
            "area_viewer": 200, "area_officer": 200, "other_unit": 403, "outsider": 404}


@pytest.fixture
def people(personas, commune):
    return {**personas, "area_viewer": make_area_viewer(), "site_admin": make_site_admin(),
            "area_officer": make_area_viewer(username="so.canbo", role=Role.AREA_OFFICER)}


@pytest.fixture
def land_report(plan):
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)
    row = report.rows.filter(role="lead").first()
    row.evidence_file.save("bien-ban-kiem-tra.pdf", ContentFile(b"%PDF-1.4 bien ban"))
    return report


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_the_page_the_evidence_and_the_excel_file_follow_one_rule(client, people, land_report, persona):
    row = land_report.rows.exclude(evidence_file="").get()
    client.force_login(people[persona])
    urls = {"page": reverse("report_detail", args=[land_report.pk]),
            "evidence": reverse("report_evidence", args=[row.pk]),
            "excel": reverse("report_xlsx_download", args=[land_report.pk])}
    statuses = {what: client.get(url).status_code for what, url in urls.items()}
    assert statuses == dict.fromkeys(urls, EXPECTED[persona]), persona
    opened = client.get(reverse("report_open", args=[land_report.period_id, land_report.unit_id]))
    assert opened.status_code == {200: 302}.get(EXPECTED[persona], EXPECTED[persona])


def test_the_refusal_says_who_may_read(client, people, land_report):
    client.force_login(people["other_unit"])
    page = client.get(reverse("report_detail", args=[land_report.pk])).content.decode()
    assert "Báo cáo của Công chức Địa chính chỉ đơn vị đó, Văn phòng – Thống kê, lãnh đạo UBND" in page


def test_the_rule_as_a_function(people, land_report):
    readers = {name for name, user in people.items() if may_read_report(user, land_report.unit_id)}
    # The outsider is an office of another commune: the rule is asked only after the commune's 404.
    assert readers == {name for name, status in EXPECTED.items() if status != 403}


def test_the_month_page_links_only_the_reports_one_may_read(client, people, land_report):
    url = reverse("report_index") + f"?ky={land_report.period_id}"
    link = reverse("report_open", args=[land_report.period_id, land_report.unit_id])
    client.force_login(people["other_unit"])
    page = client.get(url).content.decode()
    assert "Công chức Địa chính" in page and link not in page
    client.force_login(people["viewer"])
    assert link in client.get(url).content.decode()
