"""The demo on 10/06/2023: five months replayed by seed_demo, every role's home page with something to do.

Expected values come from the story told in theodoi/demo/story.py and the plan (deadline 20th, section V)."""
import re
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.timezone import localdate

from accounts.models import User
from audit.models import LogEntry
from indicators.models import IndicatorValue
from plans.models import Plan
from reports.models import Completion, ReportState, UnitReport
from reports.queries.rates import status_of
from reports.rules import status as st

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.THEODOI_DEMO_DATE = "2023-06-10"
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def report(unit: str, month: int) -> UnitReport | None:
    return UnitReport.objects.filter(unit__key=unit, period__year=2023, period__month=month).first()


def row(code: str, order: int = 0):
    plan = Plan.objects.get(is_current=True)
    return list(plan.nodes.get(code=code).assignments.order_by("order"))[order]


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_may_has_every_state_a_month_can_leave(demo):
    assert report("cc-dia-chinh", 5).state == ReportState.RETURNED
    assert "chưa ghi số hồ sơ đã trả" in report("cc-dia-chinh", 5).return_reason
    late = report("cc-kinh-te", 5)  # sent 23/05, after the 20th, not yet decided
    assert (late.state, late.is_late, localdate(late.submitted_at)) == (ReportState.SUBMITTED, True, date(2023, 5, 23))
    assert report("cc-tu-phap", 5).state == ReportState.SUBMITTED and not report("cc-tu-phap", 5).is_late
    assert report("quan-su", 5) is None and report("tram-y-te", 5) is None
    accepted = report("cong-an", 5)  # sent 14/05, accepted two days later
    assert (accepted.state, localdate(accepted.decided_at)) == (ReportState.ACCEPTED, date(2023, 5, 16))


def test_a_returned_report_was_sent_again_and_accepted_without_turning_late(demo):
    february = report("cc-do-thi", 2)
    assert (february.state, february.return_count, february.is_late) == (ReportState.ACCEPTED, 1, False)
    assert localdate(february.submitted_at) == date(2023, 2, 22)
    actions = list(LogEntry.objects.filter(object_id=str(february.pk), action__startswith="report.")
                   .order_by("pk").values_list("action", flat=True))
    assert actions == ["report.submitted", "report.returned", "report.submitted", "report.accepted"]


def test_completions_carry_the_day_the_unit_finished(demo):
    justice = Completion.objects.get(assignment=row("II.5.2"))
    assert (justice.completed_on, justice.accepted_on) == (date(2023, 3, 10), date(2023, 3, 20))
    quarter_one = Completion.objects.get(assignment=row("I.7.1"))  # its first milestone, due 31/03
    assert (quarter_one.milestone, quarter_one.completed_on) == (0, date(2023, 4, 5))
    # Kinh tế's May report is still waiting: the row it says is finished does not count yet.
    assert not Completion.objects.filter(assignment=row("II.1.6", 1)).exists()


def test_on_the_demo_day_some_rows_are_overdue(demo):
    # "Trước tháng 5/2023" and the arising task "Trước ngày 31/5/2023" are open on 10/06.
    assert status_of(row("I.1.3"), date(2023, 6, 10)).code == st.OPEN_OVERDUE
    assert status_of(row("PS.1"), date(2023, 6, 10)).code == st.OPEN_OVERDUE
    assert status_of(row("II.5.2"), date(2023, 6, 10)).code == st.DONE_ON_TIME


def test_june_is_open_with_reports_sent_and_drafts(demo):
    assert localdate(report("cong-an", 6).submitted_at) == date(2023, 6, 8)
    assert report("cc-dia-chinh", 6).state == ReportState.DRAFT
    assert report("cc-kinh-te", 6).state == ReportState.DRAFT
    coordinating = report("cc-do-thi", 6).rows.get(role="coordinating", assignment=row("I.1.1", 1))
    assert coordinating.results == "Phối hợp đo đạc, cắm mốc giới quy hoạch khu dân cư xóm 7."


def test_indicator_values_some_green_one_red_with_its_explanation(demo):
    poverty = IndicatorValue.objects.get(indicator__code="II.8", period_year=2023, period_number=5)
    assert poverty.value == Decimal("0.18") and poverty.entered_by.username == "vanhoa"
    assert poverty.explanation.startswith("Phát sinh 2 hộ nghèo mới")
    budget = IndicatorValue.objects.get(indicator__code="I.4", period_year=2023, period_number=5)
    assert (budget.value, budget.is_cumulative, budget.explanation) == (Decimal("21500000000"), True, "")
    assert IndicatorValue.objects.filter(indicator__code="I.4").count() == 5


def test_running_it_again_changes_nothing_and_prints_no_password(demo, settings):
    counts = (UnitReport.objects.count(), Completion.objects.count(), LogEntry.objects.count(),
              IndicatorValue.objects.count())
    assert "TÀI KHOẢN MẪU" in demo
    again = StringIO()
    call_command("seed_demo", stdout=again)
    assert "TÀI KHOẢN MẪU" not in again.getvalue() and "Dữ liệu chạy thử đã có từ trước" in again.getvalue()
    assert (UnitReport.objects.count(), Completion.objects.count(), LogEntry.objects.count(),
            IndicatorValue.objects.count()) == counts


def home(client, username: str) -> str:
    client.force_login(User.objects.get(username=username))
    response = client.get("/", follow=True)
    assert response.status_code == 200
    return text_of(response)


def test_every_role_home_has_something_to_do(demo, client):
    chairman = home(client, "chutich")
    assert "Bản chạy thử: ngày làm việc giả định 10/06/2023" in chairman
    assert "Nhiệm vụ chưa hoàn thành, quá hạn (2)" in chairman and "I.1.3" in chairman
    assert "bố trí 120 triệu đồng sửa chữa camera an ninh" in chairman  # a proposal waiting for the Chairman
    vice = home(client, "pct.kinhte")
    assert "PS.1" in vice and "Phó Chủ tịch phụ trách Kinh tế" in vice  # the overdue arising task of the portfolio
    assert "chủ trì đối thoại với các hộ dân" in vice
    office = home(client, "vanphong")
    assert "Báo cáo chưa gửi 7" in office  # units to chase for June
    client.force_login(User.objects.get(username="vanphong"))
    may = text_of(client.get("/bao-cao/", {"ky": report("cc-kinh-te", 5).period_id}))
    assert may.count("Đã gửi, chờ duyệt") >= 2  # Kinh tế and Tư pháp wait for the office
    unit = home(client, "diachinh")
    assert "Báo cáo Tháng 06/2023 – Công chức Địa chính" in unit and "Đang soạn" in unit
    assert "Bị trả lại" in text_of(client.get("/bao-cao/", {"ky": report("cc-dia-chinh", 5).period_id}))
    for province_account in ("tp.vinh", "so.tinh"):  # both start on the page of tỉnh Nghệ An's communes
        board = home(client, province_account)
        assert "Theo dõi thực hiện kế hoạch – Tỉnh Nghệ An – Tháng 06/2023" in board and "Hưng Đông" in board
        # Something to follow up on 10/06: the two overdue rows (I.1.3, PS.1) and June's 7 missing reports of 10.
        assert "Nhiệm vụ chưa hoàn thành, quá hạn (2)" in board and "I.1.3" in board and "PS.1" in board
        assert "Báo cáo: 3/10 đã gửi (30%), 3 đúng hạn (30%), 7 chưa gửi." in board
    # The officer also keeps the list of areas; the viewer only reads.
    assert "Đơn vị hành chính" in home(client, "so.tinh") and "Đơn vị hành chính" not in home(client, "tp.vinh")
    viewer = home(client, "xem")
    assert "Bảng điều hành – Tháng 06/2023" in viewer and "Tổng số nhiệm vụ 70" in viewer
