"""Typing survives an expired session: a form posted after the session ended is kept, and put back after the login.

The browser keeps its own copy too (static/js/drafts.js); tests/browser/test_drafts_browser.py drives that.
"""
import time_machine
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from communes.models import DirectoryEntry
from indicators.models import IndicatorValue
from reports.models import ReportState, UnitReport
from reports.services import cycle, periods
from tests.factories import PASSWORD
from theodoi.drafts import SESSION_KEY

RESULTS = "Đã rà soát 4 dự án chậm tiến độ; đề nghị thu hồi 1 dự án (khu đất xóm 5, 1,2 ha)."
OBSTACLES = "Chủ đầu tư chưa hợp tác,\nhồ sơ gốc thất lạc."


def _land_january(plan):
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    report = cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)
    return report, report.rows.get(assignment__node__code="I.1.1", role="lead")


def _log_in(client, username, next_url):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD, "next": next_url})


def test_a_report_posted_after_the_session_expired_comes_back_after_the_login(client, plan, personas):
    report, row = _land_january(plan)
    url = reverse("report_detail", args=[report.pk])
    with time_machine.travel("2023-01-10 08:00 +0700", tick=False) as clock:
        _log_in(client, "diachinh", url)
        assert client.get(url).status_code == 200
        clock.move_to("2023-01-10 09:00 +0700")  # an hour of typing: past the 30 minutes of inactivity
        posted = client.post(url, {"version": 1, "action": "submit", f"r{row.pk}-status": "in_progress",
                                   f"r{row.pk}-percent": "60", f"r{row.pk}-results": RESULTS,
                                   f"r{row.pk}-obstacles": OBSTACLES})
        assert posted.status_code == 302 and posted["Location"].startswith(reverse("login"))
        login_page = client.get(posted["Location"]).content.decode()
        assert "Phiên đăng nhập đã hết hạn nên nội dung bạn vừa nhập chưa được lưu" in login_page
        back = _log_in(client, "diachinh", url)
        assert back["Location"] == url
        page = client.get(url).content.decode()
        assert "Đã khôi phục nội dung bạn đang nhập dở" in page
        assert RESULTS in page and "Chủ đầu tư chưa hợp tác,\nhồ sơ gốc thất lạc." in page
        assert 'value="60"' in page and '<option value="in_progress" selected>' in page
        assert "data-draft-unsaved" in page and 'name="version" value="1"' in page
        again = client.get(url).content.decode()  # once only
    assert "Đã khôi phục" not in again and RESULTS not in again
    report.refresh_from_db()
    row.refresh_from_db()
    # Nothing was stored and the "submit" was not replayed: the person checks and sends it themselves.
    assert report.state == ReportState.DRAFT and report.version == 1 and row.results == ""


def test_a_deleted_session_row_keeps_the_draft_too_but_never_the_files(client, plan, personas):
    report, row = _land_january(plan)
    url = reverse("report_detail", args=[report.pk])
    with time_machine.travel("2023-01-10 08:00 +0700", tick=False):
        client.force_login(personas["owner"])
        Session.objects.all().delete()  # the server restarted with a cleared session table, or an admin logged all out
        scan = SimpleUploadedFile("bien-ban-hien-truong.pdf", b"%PDF-1.7 " + b"x" * 2048)
        client.post(url, {"version": 1, "action": "save", f"r{row.pk}-results": RESULTS,
                          f"r{row.pk}-evidence_file": scan})
        kept = client.session[SESSION_KEY][url]
        assert kept["files"] == ["bien-ban-hien-truong.pdf"] and f"r{row.pk}-evidence_file" not in kept["fields"]
        assert "csrfmiddlewaretoken" not in kept["fields"] and "action" not in kept["fields"]
        _log_in(client, "diachinh", url)
        page = client.get(url).content.decode()
    assert RESULTS in page and "cần chọn lại: «bien-ban-hien-truong.pdf»" in page


def test_the_draft_is_put_back_only_into_a_form_the_person_may_edit(client, plan, personas):
    report, row = _land_january(plan)
    url = reverse("report_detail", args=[report.pk])
    with time_machine.travel("2023-01-10 08:00 +0700", tick=False):
        client.post(url, {"version": 1, "action": "save", f"r{row.pk}-results": RESULTS})  # never logged in here
        _log_in(client, "vanphong", url)  # the office may edit a unit's report: it sees the text, and saves it
        assert RESULTS in client.get(url).content.decode()
        client.post(url, {"version": 1, "action": "save", f"r{row.pk}-results": RESULTS})
        client.post(reverse("logout"))
        client.post(url, {"version": 2, "action": "save", f"r{row.pk}-results": "Bản của người xem"})
        _log_in(client, "xem", url)  # a read-only account cannot edit: nothing is put into a form
        page = client.get(url).content.decode()
    assert "Bản của người xem" not in page and "Đã khôi phục" not in page
    assert UnitReport.objects.get(pk=report.pk).version == 2


def test_a_get_without_a_login_keeps_nothing(client, plan):
    report, _ = _land_january(plan)
    response = client.get(reverse("report_detail", args=[report.pk]))
    assert response.status_code == 302 and SESSION_KEY not in client.session


def test_an_indicator_value_comes_back_after_the_login(client, plan, personas):
    indicator = plan.indicators.get(code="I.4.2")  # Thu thường xuyên, in đồng: the form ticks "lũy kế" by default
    url = reverse("indicator_value_entry", args=[indicator.pk])
    ticked = 'aria-describedby="id_is_cumulative_helptext" id="id_is_cumulative" checked'
    client.force_login(personas["office"])
    assert ticked in client.get(url).content.decode()
    client.post(reverse("logout"))
    typed = {"period": "month-2023-6", "value": "1.250.000.000", "source": "Sổ kế toán ngân sách xã tháng 6/2023",
             "note": "Riêng tháng 6, chưa cộng dồn"}  # the box left unticked: a month's figure
    posted = client.post(url, typed)  # the value form's session had expired: the client holds no login
    assert posted.status_code == 302
    _log_in(client, "vanphong", url)
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200 and "Đã khôi phục nội dung bạn đang nhập dở" in page
    assert 'value="1.250.000.000"' in page and "Sổ kế toán ngân sách xã tháng 6/2023" in page
    assert "Riêng tháng 6, chưa cộng dồn" in page and '<option value="month-2023-6" selected>' in page
    assert 'aria-describedby="id_is_cumulative_helptext" id="id_is_cumulative">' in page and ticked not in page
    assert not IndicatorValue.objects.exists()


def test_a_periodic_section_posted_after_the_session_expired_comes_back_on_its_report(client, plan, personas):
    """The section's form posts to its own save URL, which only takes posts: the login leads back to the report page,
    which puts the text back into that section (issue 12, item 2, for the periodic reports of issue 16)."""
    from periodic.models import Narrative
    from periodic.services import narratives

    with time_machine.travel("2023-06-20 08:00 +0700", tick=False) as clock:
        report = narratives.create_report(plan, "quarter-2", personas["office"]).report
        section = report.narratives.get(key="danh-gia-chung")
        page_url = reverse("periodic_detail", args=[report.pk])
        save_url = reverse("periodic_narrative_save", args=[report.pk, section.pk])
        _log_in(client, "vanphong", page_url)
        clock.move_to("2023-06-20 09:00 +0700")  # an hour of writing: past the 30 minutes of inactivity
        posted = client.post(save_url, {"text": RESULTS, "version": section.version})
        assert posted.status_code == 302 and posted["Location"] == f"{reverse('login')}?next={page_url}"
        assert "nội dung bạn vừa nhập chưa được lưu" in client.get(posted["Location"]).content.decode()
        assert _log_in(client, "vanphong", page_url)["Location"] == page_url
        page = client.get(page_url).content.decode()
        again = client.get(page_url).content.decode()  # once only
    assert "Đã khôi phục nội dung bạn đang nhập dở" in page
    form = page[page.index(f'action="{save_url}"'):]
    form = form[:form.index("</form>")]
    assert f">{RESULTS}</textarea>" in form.replace("&#x27;", "'") and "data-draft-unsaved" in form
    assert f'name="version" value="{section.version}"' in form
    assert "Đã khôi phục" not in again and RESULTS not in again
    assert Narrative.objects.get(pk=section.pk).text != RESULTS  # nothing stored: the person checks and saves
