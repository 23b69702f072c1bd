"""Entering indicator values through the pages: numbers, the red explanation, history, and who may do what."""
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indicators.models import IndicatorValue, ValueEntry

JUNE = "month-2023-6"


@pytest.fixture
def ind(plan):
    return lambda code: plan.indicators.get(code=code)


@pytest.fixture
def client_for(client):
    def _client(user):
        client.force_login(user)
        return client
    return _client


def post_value(client, indicator, **data):
    payload = {"period": JUNE, "value": "", "source": "Báo cáo của đơn vị"} | data
    return client.post(reverse("indicator_value_entry", args=[indicator.pk]), payload)


# ---- reading pages ----------------------------------------------------------------------------------------------

def test_overview_groups_i_to_iv_with_colours(client_for, personas, plan):
    response = client_for(personas["viewer"]).get(reverse("indicator_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chỉ tiêu kinh tế - xã hội năm 2023" in html
    for heading in ("I. Các chỉ tiêu kinh tế", "II. Các chỉ tiêu xã hội", "III. Các chỉ tiêu về môi trường",
                    "IV. Các chỉ tiêu về quốc phòng"):
        assert heading in html
    assert "Tỷ lệ hộ nghèo" in html and "dưới 0,12 %" in html
    assert "Cách tô màu dự báo" in html


def test_overview_and_detail_of_another_commune_are_404(client_for, personas, ind, plan):
    client = client_for(personas["outsider"])
    assert client.get(reverse("indicator_list"), {"ke-hoach": plan.pk}).status_code == 404
    assert client.get(reverse("indicator_detail", args=[ind("II.8").pk])).status_code == 404
    assert "chưa có kế hoạch" in client.get(reverse("indicator_list")).content.decode()


def test_detail_shows_targets_for_everyone_in_the_commune(client_for, personas, ind):
    for name in ("viewer", "owner", "other_unit", "office"):
        response = client_for(personas[name]).get(reverse("indicator_detail", args=[ind("I.1").pk]))
        assert response.status_code == 200
        assert "từ 971 tỷ đồng" in response.content.decode()


def test_login_is_required(client, ind):
    response = client.get(reverse("indicator_detail", args=[ind("I.1").pk]))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


# ---- permissions on writes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, status", [("office", 200), ("chairman", 200), ("vice", 200), ("viewer", 403),
                                          ("owner", 403), ("other_unit", 403), ("outsider", 404)])
def test_who_may_open_the_entry_form(client_for, personas, ind, name, status):
    response = client_for(personas[name]).get(reverse("indicator_value_entry", args=[ind("II.8").pk]))
    assert response.status_code == status


def test_unit_leading_the_indicator_may_enter_and_another_unit_may_not(client_for, personas, ind, commune):
    indicator = ind("I.4")
    office = client_for(personas["office"])
    unit = commune.entries.get(key="cc-dia-chinh")
    response = office.post(reverse("indicator_lead_unit", args=[indicator.pk]), {"lead_unit": unit.pk})
    assert response.status_code == 302
    component = ind("I.4.1")   # a component follows its parent's lead unit
    owner = client_for(personas["owner"])
    assert owner.get(reverse("indicator_value_entry", args=[component.pk])).status_code == 200
    assert post_value(owner, component, value="20.000.000.000", is_cumulative="on").status_code == 302
    other = client_for(personas["other_unit"])
    assert post_value(other, component, value="1").status_code == 403
    assert IndicatorValue.objects.get(indicator=component).value == Decimal("20000000000")


@pytest.mark.parametrize("name, status", [("viewer", 403), ("owner", 403), ("outsider", 404)])
def test_only_the_office_assigns_the_lead_unit(client_for, personas, ind, commune, name, status):
    unit = commune.entries.get(key="cc-dia-chinh")
    response = client_for(personas[name]).post(reverse("indicator_lead_unit", args=[ind("I.4").pk]),
                                               {"lead_unit": unit.pk})
    assert response.status_code == status
    assert ind("I.4").lead_unit is None


def test_viewer_cannot_post_a_value(client_for, personas, ind):
    assert post_value(client_for(personas["viewer"]), ind("II.10"), value="98").status_code == 403
    assert not IndicatorValue.objects.exists()


# ---- numbers ----------------------------------------------------------------------------------------------------

def test_vietnamese_decimal_is_stored_exactly(client_for, personas, ind):
    response = post_value(client_for(personas["office"]), ind("II.10"), value="97,5")
    assert response.status_code == 302
    stored = IndicatorValue.objects.get()
    assert stored.value == Decimal("97.5") and isinstance(stored.value, Decimal)
    assert (stored.period_kind, stored.period_year, stored.period_number) == ("month", 2023, 6)
    assert stored.entered_by == personas["office"]


@pytest.mark.parametrize("typed, message", [
    ("10.8", "dấu phẩy là dấu thập phân: viết 10,8"),
    ("mười", "Giá trị thực hiện: «mười» không phải là số"),
    ("-5", "Giá trị thực hiện: tỷ lệ không được là số âm (đơn vị tính: %)"),
    ("", "Giá trị thực hiện: chưa nhập số."),
])
def test_bad_numbers_are_refused_and_nothing_is_stored(client_for, personas, ind, typed, message):
    response = post_value(client_for(personas["office"]), ind("II.10"), value=typed)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not IndicatorValue.objects.exists() and not ValueEntry.objects.exists()


# ---- colour and explanation -------------------------------------------------------------------------------------

def test_red_value_demands_an_explanation_before_saving(client_for, personas, ind):
    client = client_for(personas["office"])
    poverty = ind("II.8")
    response = post_value(client, poverty, value="0,5")
    assert response.status_code == 400
    assert "Đơn vị cần nhập giải trình" in response.content.decode()
    assert not IndicatorValue.objects.exists()
    response = post_value(client, poverty, value="0,5", explanation="Hai hộ mới phát sinh do bệnh hiểm nghèo.")
    assert response.status_code == 302
    stored = IndicatorValue.objects.get(indicator=poverty)
    assert stored.explanation == "Hai hộ mới phát sinh do bệnh hiểm nghèo."
    page = client.get(reverse("indicator_detail", args=[poverty.pk])).content.decode()
    assert "ind-red" in page and "Hai hộ mới phát sinh" in page
    overview = client.get(reverse("indicator_list")).content.decode()
    assert 'ind-row-red" data-code="II.8"' in overview


def test_amber_value_needs_no_explanation(client_for, personas, ind):
    response = post_value(client_for(personas["office"]), ind("II.8"), value="0,13")
    assert response.status_code == 302
    assert ValueEntry.objects.get().colour == "amber"


def test_cumulative_value_is_judged_against_the_pace(client_for, personas, ind):
    client = client_for(personas["office"])
    indicator = ind("I.1")   # ≥ 971 tỷ đồng: pace in June 485,5
    assert post_value(client, indicator, value="485,5", is_cumulative="on").status_code == 302
    page = client.get(reverse("indicator_detail", args=[indicator.pk])).content.decode()
    assert "485,5" in page and "100%" in page and "ind-green" in page
    assert "indicator-chart-data" in page and "vendor/chartjs/chart.umd.min.js" in page


def test_re_entering_updates_the_value_and_keeps_the_history(client_for, personas, ind):
    client = client_for(personas["office"])
    indicator = ind("II.10")
    post_value(client, indicator, value="90")
    post_value(client, indicator, value="97,2")
    assert IndicatorValue.objects.get(indicator=indicator).value == Decimal("97.2")
    assert [e.value for e in ValueEntry.objects.filter(indicator=indicator)] == [Decimal("97.2"), Decimal("90")]
    page = client.get(reverse("indicator_detail", args=[indicator.pk])).content.decode()
    assert "Lịch sử nhập số liệu" in page and "97,2" in page and "vanphong" in page


def test_qualitative_indicator_takes_met_or_not(client_for, personas, ind):
    client = client_for(personas["office"])
    indicator = ind("II.1")
    assert post_value(client, indicator).status_code == 400
    assert post_value(client, indicator, met="yes", period="year-2023-1").status_code == 302
    stored = IndicatorValue.objects.get(indicator=indicator)
    assert stored.met is True and stored.value is None
    assert ValueEntry.objects.get().colour == "green"


def test_heading_without_target_takes_its_worst_component(client_for, personas, ind):
    client = client_for(personas["office"])
    post_value(client, ind("I.2.1"), value="20", explanation="Xây dựng chậm.")
    overview = client.get(reverse("indicator_list")).content.decode()
    assert 'ind-row-red" data-code="I.2"' in overview
    response = client.get(reverse("indicator_value_entry", args=[ind("I.2").pk]))
    assert response.status_code == 302


def test_evidence_is_served_only_within_the_commune(client_for, personas, ind):
    client = client_for(personas["office"])
    upload = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 minh chung", content_type="application/pdf")
    post_value(client, ind("II.10"), value="98", evidence=upload)
    stored = IndicatorValue.objects.get()
    url = reverse("indicator_evidence", args=[stored.pk])
    assert b"".join(client.get(url).streaming_content) == b"%PDF-1.4 minh chung"
    assert client_for(personas["viewer"]).get(url).status_code == 200
    assert client_for(personas["outsider"]).get(url).status_code == 404


def test_a_replaced_or_deleted_evidence_file_leaves_storage(client_for, personas, ind,
                                                             django_capture_on_commit_callbacks):
    from django.core.files.storage import default_storage

    client = client_for(personas["office"])
    first = SimpleUploadedFile("lan-1.pdf", b"%PDF-1.4 lan mot", content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        post_value(client, ind("II.10"), value="98", evidence=first)
    old = IndicatorValue.objects.get().evidence.name
    second = SimpleUploadedFile("lan-2.pdf", b"%PDF-1.4 lan hai", content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        post_value(client, ind("II.10"), value="97", evidence=second)
    stored = IndicatorValue.objects.get()
    assert not default_storage.exists(old) and default_storage.exists(stored.evidence.name)
    with django_capture_on_commit_callbacks(execute=True):
        stored.delete()
    assert not default_storage.exists(stored.evidence.name)


def test_every_indicator_url_declares_its_access():
    from indicators.urls import urlpatterns
    from tests.access_matrix.indicators import ACCESS

    assert {p.name for p in urlpatterns} == set(ACCESS)
    assert all(isinstance(rule["read_only"], bool) for rule in ACCESS.values())
