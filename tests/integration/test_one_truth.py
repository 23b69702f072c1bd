"""One truth per count (issue 12, item 3): the chase page, the dashboard, the reminder letter and the consolidated
report give the same overdue and on-time numbers for the same period and day, and open on the same period. The
province board (issue 15) counts the same rows and reports in SQL: its line for the commune says the same too.

Each number is read back as a person reads it: from the pages' HTML and from the two DOCX files' sentences.
"""
import re
from datetime import date
from io import BytesIO

import lxml.html
import pytest
import time_machine
from django.urls import reverse
from docx import Document

from accounts.models import User
from plans.models import Assignment
from reports.models import Completion, ReportingPeriod, ReportState, UnitReport
from reports.rules import status as st
from reports.services import cycle, periods
from tests import seeds
from tests.factories import make_area_viewer

# seed_may_2023: in May, Địa chính sent on time (18/05) and Kinh tế late (22/05); the other 8 of the 10 units that
# lead rows sent nothing. In June (below) only Địa chính has sent, on 08/06, on time.
UNITS_LEADING_ROWS = 10
LATE_ROW = seeds.OVERDUE_CODE  # I.1.3 "Trước tháng 5/2023": due 30/04, finished (below) on 12/06, after its deadline
# Read from the sample: only two rows fall due before June. I.1.3 (30/04) and I.7.1 row 1 ("Giải pháp 1: Quý 1/2023",
# milestone 31/03); nothing of theirs is finished by 14/05, so both are overdue until I.1.3 is finished on 12/06.
OVERDUE_BEFORE_THE_12TH, OVERDUE_AFTER = 2, 1


@pytest.fixture
def year(plan, personas):
    data = seeds.seed_may_2023(plan, personas["office"])
    june = periods.ensure_period(plan.commune, 2023, 6)
    report = cycle.open_report(june, data["land"], plan)
    UnitReport.objects.filter(pk=report.pk).update(state=ReportState.SUBMITTED, submitted_at="2023-06-08 09:00+07:00")
    row = Assignment.objects.filter(node__plan=plan, node__code=LATE_ROW).order_by("order").first()
    Completion.objects.create(assignment=row, completed_on=date(2023, 6, 12), accepted_on=date(2023, 6, 13))
    return data


def number(text: str) -> int:
    return int(text.replace(".", ""))


def page_counts(html: str) -> dict[str, str]:
    """The tally block (templates/dashboard/_tally.html) as shown: code → the number printed."""
    return dict(re.findall(r'data-count="(\w+)">(?:<a [^>]*>)?([\d./]+)', html))


def from_page(client, user, name, params) -> dict:
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    html = response.content.decode()
    shown = page_counts(html)
    on_time, expected = shown["on_time_reports"].split("/")
    return {"page": html, "overdue": number(shown["open_overdue"]), "on_time": number(shown["done_on_time"]),
            "late": number(shown["done_late"]), "open": number(shown["open_in_time"]),
            "total": number(shown["total"]), "reports_on_time": number(on_time), "expected": number(expected),
            "reports_late": number(shown["late_reports"]), "reports_missing": number(shown["missing_reports"]),
            "judged_on": re.search(r'data-judged-on="([\d-]+)"', html).group(1)}


LETTER = re.compile(r"Tính đến ngày (\d+) tháng (\d+) năm (\d+), trong tổng số ([\d.]+) nhiệm vụ được phân công có "
                    r"([\d.]+) nhiệm vụ hoàn thành đúng hạn và ([\d.]+) nhiệm vụ chưa hoàn thành, quá hạn; kỳ tháng "
                    r"\d+/\d+ có ([\d.]+)/([\d.]+) đơn vị gửi báo cáo đúng hạn\.")
REPORT = re.compile(r"Tổng số ([\d.]+) nhiệm vụ được phân công; trong đó: hoàn thành đúng hạn ([\d.]+); hoàn thành "
                    r"quá hạn ([\d.]+); chưa hoàn thành, trong hạn ([\d.]+); chưa hoàn thành, quá hạn ([\d.]+)\."
                    r"(?: Các đơn vị gửi ([\d.]+)/([\d.]+) báo cáo đúng hạn, ([\d.]+) báo cáo muộn, ([\d.]+) báo cáo "
                    r"chưa gửi\.)?")


def paragraphs(content: bytes) -> list[str]:
    return [p.text for p in Document(BytesIO(content)).paragraphs]


def from_letter(client, url: str, period_pk: str) -> dict:
    response = client.post(url, {"ky": period_pk})  # the chase page's button: a form, since drafting is an act
    assert response.status_code == 200
    found = next(m for m in map(LETTER.search, paragraphs(response.getvalue())) if m)
    day, month, year_, total, on_time, overdue, reports_on_time, expected = found.groups()
    return {"filename": response["Content-Disposition"], "total": number(total), "on_time": number(on_time),
            "overdue": number(overdue), "reports_on_time": number(reports_on_time), "expected": number(expected),
            "judged_on": date(int(year_), int(month), int(day)).isoformat()}


def from_report(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    lines = paragraphs(response.getvalue())
    found = next(m for m in map(REPORT.search, lines) if m)
    total, on_time, late, open_, overdue, reports_on_time, expected, reports_late, missing = found.groups()
    still = next(line for line in lines if line.startswith("Còn ") and line.endswith("chưa hoàn thành, quá hạn."))
    counts = {"total": number(total), "on_time": number(on_time), "late": number(late), "open": number(open_),
              "overdue": number(overdue), "overdue_again": number(still.split()[1])}
    if expected is not None:
        counts.update(reports_on_time=number(reports_on_time), expected=number(expected),
                      reports_late=number(reports_late), reports_missing=number(missing))
    return counts


def from_province(client, ky) -> dict:
    """The province viewer's board (tỉnh Nghệ An), the commune's line: its own default month, or ky's month."""
    viewer = User.objects.filter(username="tinh.xem").first() or make_area_viewer()
    client.force_login(viewer)
    params = {}
    if ky:
        period = ReportingPeriod.objects.get(pk=ky)
        params["ky"] = f"{period.year}-{period.month:02d}"
    response = client.get(reverse("province_dashboard", kwargs={"area_pk": viewer.area_id}), params)
    assert response.status_code == 200
    html = lxml.html.fromstring(response.content.decode())
    [line] = [tr for tr in html.xpath("//*[@id='communes']//tbody/tr") if "Hưng Đông" in tr.text_content()]
    cells = {td.get("data-label"): td.text_content().strip() for td in line.xpath("./td")}
    judged = re.search(r"tình trạng nhiệm vụ tính đến ngày (\d+) tháng (\d+) năm (\d+)", html.text_content()).groups()
    reported, expected = cells["Gửi báo cáo"].split()[0].split("/")
    statuses = {code: number(cells[label]) for code, label in st.LABELS.items()}
    return {"page": response.content.decode(), "overdue": statuses[st.OPEN_OVERDUE],
            "on_time": statuses[st.DONE_ON_TIME], "late": statuses[st.DONE_LATE], "open": statuses[st.OPEN_IN_TIME],
            "total": sum(statuses.values()), "reports_on_time": number(cells["Đúng hạn"].split()[0]),
            "expected": number(expected), "reports_sent": number(reported),
            "judged_on": date(*map(int, reversed(judged))).isoformat(),
            "month": html.xpath("//select[@name='ky']/option[@selected]")[0].text_content().strip()}


def four_views(client, personas, day: str, ky=None, quarter=None) -> dict:
    """What the chase page, the dashboard, the letter, the report and the province board say on `day` for one period
    (default: none asked, so each opens on its own default). The letter and report URLs are the ones the pages link
    to; the province board is asked for the period's month (?ky=YYYY-MM), its own way of naming a period."""
    params = {"ky": ky} if ky else {}
    with time_machine.travel(f"{day} 09:00 +0700", tick=False):
        client.force_login(personas["office"])
        board = from_page(client, personas["office"], "dashboard", params)
        chase = from_page(client, personas["office"], "chase_list", params)
        letter = re.search(r'<form method="post" action="([^"]*cong-van\.docx)"[^>]*id="letter-form">.*?'
                           r'name="ky" value="(\d+)"', chase["page"], re.S)
        report_url = re.search(r'id="report-month" href="([^"]+)"', board["page"]).group(1)
        if quarter:
            report_url += f"?kind=quarter&number={quarter}"
        return {"dashboard": board, "chase": chase, "letter": from_letter(client, *letter.groups()),
                "report": from_report(client, report_url.replace("&amp;", "&")), "province": from_province(client, ky)}


def assert_one_truth(views: dict, keys=("total", "on_time", "overdue")) -> dict:
    for key in keys:
        seen = {name: counts[key] for name, counts in views.items() if key in counts}
        assert len(set(seen.values())) == 1, (key, seen)
    board = views["dashboard"]
    assert views["report"]["overdue_again"] == board["overdue"]
    assert views["chase"]["judged_on"] == views["letter"]["judged_on"] == board["judged_on"] \
        == views["province"]["judged_on"]
    assert views["province"]["month"] == period_shown(board["page"])  # the same month, opened or asked for
    assert board["total"] == 69  # the sample's assignment rows
    return board


def period_shown(html: str) -> str:
    return re.search(r"<option value=\"\d+\" selected>([^<]+)</option>", html).group(1)


def test_mid_month_all_four_agree_and_open_on_the_month_being_reported(client, personas, year):
    views = four_views(client, personas, "2023-06-10")
    board = assert_one_truth(views, ("total", "on_time", "overdue", "reports_on_time", "expected"))
    assert period_shown(board["page"]) == period_shown(views["chase"]["page"]) == "Tháng 06/2023"
    assert "cong-van-don-doc-2023-06.docx" in views["letter"]["filename"]
    # June still runs on 10/06: judged that day. I.1.3 (due 30/04) is still open, finished only on 12/06.
    assert board["judged_on"] == "2023-06-10" and board["overdue"] == OVERDUE_BEFORE_THE_12TH
    assert (board["reports_on_time"], board["expected"], board["reports_missing"]) == (1, UNITS_LEADING_ROWS, 9)
    assert views["chase"]["page"].count('data-row="') == board["overdue"]


def test_on_the_cut_off_the_row_finished_on_the_12th_is_late_not_overdue(client, personas, year):
    before = four_views(client, personas, "2023-06-10")["dashboard"]
    views = four_views(client, personas, "2023-06-14")
    board = assert_one_truth(views, ("total", "on_time", "overdue", "reports_on_time", "expected"))
    assert board["judged_on"] == "2023-06-14" and board["overdue"] == OVERDUE_AFTER
    assert views["report"]["late"] == board["late"] == before["late"] + 1  # I.1.3, finished 12/06 after 30/04


def test_after_the_20th_every_page_opens_on_the_next_month_judged_today(client, personas, year):
    periods.advance_periods(date(2023, 6, 22))  # the daily command opens July; a page view no longer does
    views = four_views(client, personas, "2023-06-22")
    board = assert_one_truth(views, ("total", "on_time", "overdue", "reports_on_time", "expected"))
    # June's report day (20/06) has passed: July is being reported (data 15/06–14/07), still running on 22/06.
    assert period_shown(board["page"]) == period_shown(views["chase"]["page"]) == "Tháng 07/2023"
    assert "cong-van-don-doc-2023-07.docx" in views["letter"]["filename"]
    assert board["judged_on"] == "2023-06-22" and board["overdue"] == OVERDUE_AFTER
    assert (board["reports_on_time"], board["reports_late"], board["reports_missing"]) == (0, 0, UNITS_LEADING_ROWS)
    assert '<p class="card" id="earlier">' in views["chase"]["page"]  # June, not locked, still has laggards


def test_a_past_month_is_judged_at_its_cut_off_everywhere(client, personas, year):
    may = year["may"]
    views = four_views(client, personas, "2023-06-22", ky=may.pk)
    board = assert_one_truth(views, ("total", "on_time", "overdue", "reports_on_time", "expected", "reports_late",
                                     "reports_missing"))
    assert board["judged_on"] == "2023-05-14"  # Decree 09/2019 Art. 12: May's data closes on 14/05
    assert board["overdue"] == OVERDUE_BEFORE_THE_12TH
    # From the seed: in May one unit sent on time, one late, eight not at all.
    assert (board["reports_on_time"], board["reports_late"], board["reports_missing"]) == (1, 1, 8)
    assert views["report"]["overdue"] == board["overdue"] and LATE_ROW in board["page"]  # still open on 14/05


def test_a_quarter_and_the_month_it_closes_with_agree(client, personas, year):
    june = ReportingPeriod.objects.get(commune=year["may"].commune, year=2023, month=6)
    views = four_views(client, personas, "2023-06-22", ky=june.pk, quarter=2)
    board = assert_one_truth(views)  # reports are summed over the quarter's months, so only the rows compare
    assert board["judged_on"] == "2023-06-14"  # Quý II closes with June's cut-off, 14/06
    assert board["overdue"] == OVERDUE_AFTER
    # Over April, May and June, 10 units each: April's one report and May's two, June's one so far.
    assert views["report"]["expected"] == 3 * UNITS_LEADING_ROWS
    assert (views["report"]["reports_on_time"], views["report"]["reports_late"]) == (3, 1)


def test_no_period_is_opened_for_a_plan_whose_year_is_over(client, personas, plan):
    with time_machine.travel("2024-02-05 09:00 +0700", tick=False):
        assert periods.advance_periods(date(2024, 2, 5)) == []
        client.force_login(personas["office"])
        for name in ("dashboard", "chase_list"):
            response = client.get(reverse(name))
            assert response.status_code == 200
            assert "Kế hoạch năm 2023 đã hết năm" in response.content.decode()
        assert client.get(reverse("report_index")).status_code == 200
        viewer = make_area_viewer()  # the province board opens on February 2024 and says the commune has no plan
        client.force_login(viewer)
        board = client.get(reverse("province_dashboard", kwargs={"area_pk": viewer.area_id})).content.decode()
        assert "Tháng 02/2024" in board and "Chưa có kế hoạch năm 2024" in board
    assert not ReportingPeriod.objects.filter(commune=plan.commune).exists()


def test_a_plan_whose_year_is_over_opens_on_its_last_month(client, personas, plan):
    december = periods.ensure_period(plan.commune, 2023, 12)
    with time_machine.travel("2023-12-21 09:00 +0700", tick=False):  # December's report day has passed
        periods.advance_periods(date(2023, 12, 21))
        client.force_login(personas["office"])
        for name in ("dashboard", "chase_list"):
            assert period_shown(client.get(reverse(name)).content.decode()) == "Tháng 12/2023"
    assert list(ReportingPeriod.objects.filter(commune=plan.commune)) == [december]  # no January 2024
