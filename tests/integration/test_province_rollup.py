"""The province roll-up in SQL: hand-worked figures, and the same figures as each commune's own dashboard."""
from collections import Counter
from datetime import date

import pytest
import time_machine

from accounts.models import Role
from communes.models import AreaKind
from communes.queries import communes_under
from communes.services.directory import seed_directory
from dashboard.queries.board import standings_at
from plans.models import Plan
from provinces import queries
from reports.models import ReportingPeriod
from reports.queries import rates
from reports.rules import status as st
from reports.services.periods import unopened_period
from tests.factories import import_sample, make_user
from tests.seeds import seed_may_2023

from .province_world import handmade_plan, make_area, make_commune, may_reports

pytestmark = pytest.mark.django_db


@pytest.fixture
def province():
    province = make_area("Nghệ An")
    district = make_area("Nam Đàn", AreaKind.DISTRICT, province)
    handmade_plan(make_commune("Kim Liên", district))
    make_commune("Xuân Hòa", province)  # no plan yet
    handmade_plan(make_commune("Cẩm Bình", make_area("Hà Tĩnh")))  # another province: never counted
    may_reports(Plan.objects.get(commune__name="Kim Liên"))
    return province


def by_name(lines):
    return {line.name: line for line in lines}


def test_hand_worked_figures_for_may(province):
    lines = by_name(queries.rollup(communes_under(province), 2023, 5, date(2023, 5, 25)))
    assert set(lines) == {"Kim Liên", "Xuân Hòa"}
    kim = lines["Kim Liên"]
    # Judged at the cut-off 14/05 (Decree 09 Art. 12): rows 1 on time; 2 late; 3, 5, 6 open in time; 4, 7, 8 overdue.
    assert kim.rows == Counter({st.DONE_ON_TIME: 1, st.DONE_LATE: 1, st.OPEN_IN_TIME: 3, st.OPEN_OVERDUE: 3})
    # Two units lead rows (the group reference reports nothing); one sent on time; unit 3 leads nothing.
    assert (kim.expected, kim.on_time_reports, kim.late_reports) == (2, 1, 0)
    assert kim.reporting_rate == 50.0
    assert kim.colours == Counter({"red": 1, "amber": 1, "grey": 1})
    assert lines["Xuân Hòa"].plan_id is None and lines["Xuân Hòa"].total_rows == 0


def test_overdue_rows_longest_first_with_their_days(province):
    rows = queries.overdue_rows(communes_under(province), 2023, date(2023, 5, 14))
    # 31/01 → 14/05 is 28 + 31 + 30 + 14 = 103 days; 30/04 → 14 days; 10/05 → 4 days.
    assert [(r["deadline_text"], r["days_overdue"]) for r in rows] == [
        ("Hạn dòng 7", 103), ("Hạn dòng 4", 14), ("Hạn dòng 8", 4)]


def test_while_the_month_runs_the_day_judged_is_today(province):
    """On 05/05 row 4 is 5 days overdue, row 8 not yet due, and the red value of May is not entered yet."""
    kim = by_name(queries.rollup(communes_under(province), 2023, 5, date(2023, 5, 5)))["Kim Liên"]
    assert kim.rows == Counter({st.DONE_ON_TIME: 1, st.DONE_LATE: 1, st.OPEN_IN_TIME: 4, st.OPEN_OVERDUE: 2})
    assert kim.colours == Counter({"grey": 3})


def test_a_fixed_number_of_queries_whatever_the_communes(province):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_rollup() -> int:
        with CaptureQueriesContext(connection) as captured:
            queries.rollup(communes_under(province), 2023, 5, date(2023, 5, 25))
        return len(captured.captured_queries)

    few = queries_for_rollup()
    for n in range(5):
        handmade_plan(make_commune(f"Xã thêm {n}", province))
    # Five queries; on PostgreSQL also the savepoint and SET LOCAL jit = off around them (queries.without_jit).
    assert queries_for_rollup() == few <= 8
    assert len(queries.rollup(communes_under(province), 2023, 5, date(2023, 5, 25))) == 7


def _python_way(commune_id: int, year: int, month: int, today: date):
    """What the commune's own dashboard computes, the app's Python way."""
    plan = Plan.objects.get(commune_id=commune_id, year=year, is_current=True)
    period = (ReportingPeriod.objects.filter(commune_id=commune_id, year=year, month=month).first()
              or unopened_period(plan.commune, year, month))
    tally = rates.month_tally(plan, period, today)
    colours = Counter(s.colour for s in standings_at(plan, period.judged_on(today)) if s.indicator.targets.all())
    return tally, colours


@pytest.mark.parametrize("today", [date(2023, 4, 30), date(2023, 5, 10), date(2023, 5, 25), date(2023, 12, 30)])
def test_every_commune_agrees_with_its_own_dashboard(province, today):
    with time_machine.travel("2023-05-25 09:00 +0700", tick=False):
        for name in ("Hưng Đông", "Hưng Lộc"):
            commune = make_commune(name, province)
            seed_directory(commune)
            plan = import_sample(commune)
        seed_may_2023(plan, make_user("vp", Role.OFFICE, plan.commune, ["van-phong-tk"]))
    for month in (4, 5):
        for line in queries.rollup(communes_under(province), 2023, month, today):
            if line.plan_id is None:
                continue
            tally, colours = _python_way(line.pk, 2023, month, today)
            assert line.rows == +tally.rows, (line.name, month)
            assert (line.expected, line.on_time_reports, line.late_reports) == (
                tally.expected, tally.on_time_reports, tally.late_reports), (line.name, month)
            assert line.colours == colours, (line.name, month)
