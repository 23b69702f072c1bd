"""The public page and feed of a commune (issue 16, items 3 and 4), on the sample plan's seeded May 2023.

Hand-worked figures of the seed (dashboard/seed.py): 69 assignment rows. Địa chính finished one row on 18/04 (accepted
19/04): April's data closes on 14/04, before the 18th, so April counts 0 rows done and May (cut-off 14/05) counts 1.
I.1.3 ("Trước tháng 5/2023", due 30/04) is open and 14 days overdue at 14/05.
Indicator values of May: II.8 poverty 0,5 against "dưới 0,12%" (red, not met), II.10 health insurance 98 against
97% (98/97 = 101,03% → 101%), IV.4 complaints settled 95 against 98% (95/98 = 96,94% → 97%).
"""
import json
from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client, TestCase
from django.urls import reverse

from audit.models import LogEntry
from disclosure.models import PublicSetting, Release
from disclosure.services import releases as services
from indicators.services.recording import Reading, save_reading
from reports.models import RowReport
from reports.services.periods import ensure_period
from tests import seeds as seed
from tests.integration.visible_text import html_text
from theodoi.periods import MONTH, Period

AFTER_MAY = "2023-05-25 09:00 +0700"  # May's data closed on 14/05; June's has not
OFFICER_NAME = "Nguyễn Văn Bảy"
OFFICER_PHONE = "0912 345 678"


@pytest.fixture(autouse=True)
def _empty_cache():
    """The test database is rolled back after each test, the memory cache is not: start every test with none."""
    cache.clear()


@pytest.fixture
def may(plan, personas):
    return seed.seed_may_2023(plan, personas["office"])


@pytest.fixture
def chairman(personas):
    """A browser of its own: `client` stays the anonymous visitor."""
    browser = Client()
    browser.force_login(personas["chairman"])
    return browser


def post(client, name, data=None, **kwargs):
    # The test's transaction never commits: run what would run on commit (the cache's new generation) as it would.
    with time_machine.travel(AFTER_MAY, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        default = {"is_public": "1"} if name == "public_toggle" else {}
        return client.post(reverse(name, kwargs=kwargs), data or default)


def get(client, name, **kwargs):
    """As the anonymous visitor: `client` is never logged in by these tests."""
    with time_machine.travel(AFTER_MAY, tick=False):
        return client.get(reverse(name, kwargs=kwargs))


def feed(client, name, **kwargs):
    response = get(client, f"public_api:{name}", **kwargs)
    return response.status_code, response.json()


def publish(client, commune, *periods):
    assert post(client, "public_toggle", commune_pk=commune.pk).status_code == 302
    for period in periods:
        assert post(client, "public_release_month", pk=period.pk).status_code == 302
        assert Release.objects.filter(period=period, withdrawn_at__isnull=True).exists()


def test_the_page_shows_mays_hand_worked_figures(client, chairman, commune, may):
    publish(chairman, commune, may["may"])
    response = get(client, "public_commune", commune_pk=commune.pk)
    assert response.status_code == 200
    text = html_text(response.content)
    page = response.content.decode()
    assert 'data-count="total">69<' in page and 'data-count="done_on_time">1<' in page
    overdue_row = page.split('data-task="I.1.3"')[1].split("</tr>")[0]
    assert "Chưa hoàn thành, quá hạn" in overdue_row and "quá hạn 14 ngày" in overdue_row
    poverty = page.split('data-indicator="II.8"')[1].split("</tr>")[0]
    assert "0,5" in poverty and "colour-red" in poverty and "Chưa đạt" in poverty
    assert "101%" in page.split('data-indicator="II.10"')[1].split("</tr>")[0]
    assert "97%" in page.split('data-indicator="IV.4"')[1].split("</tr>")[0]
    assert "Chưa có số liệu" in page.split('data-indicator="I.1.1"')[1].split("</tr>")[0]
    assert "khoản 1 Điều 11 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15" in text
    assert "Tháng 05/2023" in text and "ngày 14 tháng 5 năm 2023" in text


def test_april_is_judged_at_its_own_cut_off(client, chairman, commune, may):
    publish(chairman, commune, may["april"])
    status, body = feed(client, "public_feed_release", commune_id=commune.pk, year=2023, month=4)
    assert status == 200
    counts = body["content"]["counts"]
    assert counts["total"] == 69 and counts["done_on_time"] == 0  # finished on 18/04, after April's 14/04 cut-off
    row = next(r for g in body["content"]["groups"] for r in g["rows"] if r["task_code"] == "I.1.3")
    assert row["status"] == "open_in_time" and row["days_overdue"] == 0  # due 30/04
    assert all(i["value"] is None and i["colour"] == "grey" for i in body["content"]["indicators"])


def test_the_feed_carries_the_same_figures(client, chairman, commune, may):
    publish(chairman, commune, may["may"])
    status, listed = feed(client, "public_feed_communes")
    assert status == 200 and [c["id"] for c in listed] == [commune.pk]
    status, body = feed(client, "public_feed_commune", commune_id=commune.pk)
    assert status == 200 and [(r["year"], r["month"]) for r in body["releases"]] == [(2023, 5)]
    latest = body["latest"]
    assert latest["period"] == {"year": 2023, "month": 5, "label": "Tháng 05/2023", "data_from": "2023-04-15",
                                "data_to": "2023-05-14", "judged_on": "2023-05-14"}
    poverty = next(i for i in latest["indicators"] if i["code"] == "II.8")
    assert (poverty["value"], poverty["value_text"], poverty["colour"], poverty["progress_percent"]) == \
        ("0.5", "0,5", "red", None)
    insurance = next(i for i in latest["indicators"] if i["code"] == "II.10")
    assert (insurance["value"], insurance["progress_percent"], insurance["colour"]) == ("98", 101, "green")
    assert sum(len(g["rows"]) for g in latest["groups"]) == 69


def test_a_later_edit_does_not_change_a_released_month(client, chairman, commune, plan, may, personas):
    publish(chairman, commune, may["may"])
    save_reading(plan.indicators.get(code="II.8"), Reading(period=Period(MONTH, 2023, 5), value=0), personas["office"])
    _, body = feed(client, "public_feed_release", commune_id=commune.pk, year=2023, month=5)
    assert next(i for i in body["content"]["indicators"] if i["code"] == "II.8")["value"] == "0.5"


def test_an_unreleased_month_is_absent_from_page_and_feed(client, chairman, commune, may):
    publish(chairman, commune, may["april"])
    page = get(client, "public_commune", commune_pk=commune.pk).content.decode()
    assert 'data-month="2023-04"' in page and 'data-month="2023-05"' not in page and "Tháng 05/2023" not in page
    assert get(client, "public_release", commune_pk=commune.pk, year=2023, month=5).status_code == 404
    status, body = feed(client, "public_feed_release", commune_id=commune.pk, year=2023, month=5)
    assert status == 404 and "chưa được công khai" in body["detail"]
    _, summary = feed(client, "public_feed_commune", commune_id=commune.pk)
    assert [(r["year"], r["month"]) for r in summary["releases"]] == [(2023, 4)]


def test_a_commune_not_opted_in_is_not_found_even_with_a_release(client, chairman, commune, other_commune, may):
    assert post(chairman, "public_release_month", pk=may["may"].pk).status_code == 302  # released, page still off
    assert get(client, "public_commune", commune_pk=commune.pk).status_code == 404
    assert get(client, "public_release", commune_pk=commune.pk, year=2023, month=5).status_code == 404
    assert feed(client, "public_feed_commune", commune_id=commune.pk)[0] == 404
    assert feed(client, "public_feed_communes") == (200, [])
    publish(chairman, commune)
    assert get(client, "public_commune", commune_pk=commune.pk).status_code == 200
    assert get(client, "public_commune", commune_pk=other_commune.pk).status_code == 404


def test_no_personal_data_reaches_the_page_or_the_feed(client, chairman, commune, plan, may, personas):
    """An officer's name and phone typed into a report's results, obstacles and proposals, accepted by the office;
    the Chairman's own name and an officer's e-mail: none of them is public."""
    personas["chairman"].first_name, personas["chairman"].last_name = "Mười", "Trần Thị"
    personas["chairman"].save()
    personas["owner"].email = "diachinh.bay@hungdong.gov.vn"
    personas["owner"].save()
    typed = f"Ông {OFFICER_NAME} (ĐT {OFFICER_PHONE}) đã xử lý"
    RowReport.objects.filter(report__period=may["may"]).update(results=typed, obstacles=typed, proposals=typed)
    publish(chairman, commune, may["may"])
    pages = [get(client, "public_commune", commune_pk=commune.pk).content.decode(),
             get(client, "public_release", commune_pk=commune.pk, year=2023, month=5).content.decode(),
             json.dumps(feed(client, "public_feed_commune", commune_id=commune.pk)[1], ensure_ascii=False),
             json.dumps(feed(client, "public_feed_release", commune_id=commune.pk, year=2023, month=5)[1],
                        ensure_ascii=False)]
    for text in pages:
        for secret in (OFFICER_NAME, OFFICER_PHONE, "Trần Thị Mười", "chutich", "hungdong.gov.vn", plan.signer_name,
                       seed.LAND_OBSTACLE, seed.POVERTY_EXPLANATION, "Đã giải quyết 35 hồ sơ"):
            assert not secret or secret not in text, secret


def test_opt_in_release_and_withdrawal_are_audited(client, chairman, commune, may, personas):
    publish(chairman, commune, may["may"])
    item = Release.objects.get(period=may["may"])
    assert post(chairman, "public_withdraw", pk=item.pk).status_code == 302
    entries = LogEntry.objects.filter(commune=commune, action__startswith="public_").order_by("pk")
    assert [(e.action, e.actor_id) for e in entries] == [
        ("public_page.opened", personas["chairman"].pk), ("public_report.released", personas["chairman"].pk),
        ("public_report.withdrawn", personas["chairman"].pk)]
    assert entries[0].changes == {"is_public": [False, True]} and entries[1].data["month"] == 5
    assert get(client, "public_release", commune_pk=commune.pk, year=2023, month=5).status_code == 404
    # Released again: a new snapshot, the withdrawn one kept for the record.
    assert post(chairman, "public_release_month", pk=may["may"].pk).status_code == 302
    assert Release.objects.filter(period=may["may"]).count() == 2
    assert get(client, "public_release", commune_pk=commune.pk, year=2023, month=5).status_code == 200


def test_a_second_switch_changes_and_logs_nothing(chairman, commune, personas):
    publish(chairman, commune)
    publish(chairman, commune)
    assert LogEntry.objects.filter(action="public_page.opened").count() == 1
    assert post(chairman, "public_toggle", commune_pk=commune.pk).status_code == 302
    assert post(chairman, "public_toggle", {"is_public": "0"}, commune_pk=commune.pk).status_code == 302
    assert not PublicSetting.objects.get(commune=commune).is_public
    assert LogEntry.objects.get(action="public_page.closed").changes == {"is_public": [True, False]}


def test_the_page_is_cached_and_a_release_shows_at_once(client, chairman, commune, may,
                                                         django_assert_num_queries):
    publish(chairman, commune, may["april"])
    assert 'data-month="2023-04"' in get(client, "public_commune", commune_pk=commune.pk).content.decode()
    assert feed(client, "public_feed_commune", commune_id=commune.pk)[0] == 200
    with django_assert_num_queries(0):  # served from the cache: not one query
        assert get(client, "public_commune", commune_pk=commune.pk).status_code == 200
        assert feed(client, "public_feed_commune", commune_id=commune.pk)[0] == 200
    assert post(chairman, "public_release_month", pk=may["may"].pk).status_code == 302
    assert 'data-month="2023-05"' in get(client, "public_commune", commune_pk=commune.pk).content.decode()


def test_only_the_chairman_of_the_commune_decides(client, commune, other_commune, may, personas):
    from tests.factories import make_user

    other_chairman = make_user("chutich.hb", "chairman", other_commune, position_key="chu-tich")
    targets = [("public_toggle", {"commune_pk": commune.pk}), ("public_release_month", {"pk": may["may"].pk})]
    for name, kwargs in targets:
        for persona, expected in (("office", 403), ("viewer", 403), ("vice", 403), ("owner", 403)):
            client.force_login(personas[persona])
            assert post(client, name, **kwargs).status_code == expected, (name, persona)
        client.force_login(other_chairman)
        assert post(client, name, **kwargs).status_code == 404, name
    assert not PublicSetting.objects.exists() and not Release.objects.exists()


def test_a_month_before_its_cut_off_is_refused_with_the_reason(chairman, commune, plan, personas):
    june = ensure_period(commune, 2023, 6)
    with pytest.raises(services.ReleaseError) as refused:
        services.release(june, personas["chairman"], date(2023, 6, 10))
    assert str(refused.value) == ("Chưa công khai được báo cáo tháng 06/2023: số liệu của tháng chốt ngày "
                                  "14/06/2023, hôm nay chưa qua ngày đó.")
    assert not Release.objects.exists()


def test_a_failed_snapshot_leaves_no_release_and_no_log(chairman, commune, may, personas, monkeypatch):
    def broken(*args):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(services.snapshot, "build", broken)
    with pytest.raises(RuntimeError):
        services.release(may["may"], personas["chairman"], date(2023, 5, 25))
    assert not Release.objects.exists() and not LogEntry.objects.filter(action__startswith="public_").exists()
