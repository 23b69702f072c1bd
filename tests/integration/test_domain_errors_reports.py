"""The lookups of the monthly cycle and the dashboard raise domain errors, not HTTP ones (issue 14, item 4).

Another commune's report or period is NotFound, its existence not ours to reveal; another unit's report, and the
dashboard for a unit officer, Forbidden. theodoi.errors turns them into the 404 and 403 pages, which the access
matrix walks for every URL.
"""
from datetime import date

import pytest

from communes.models import DirectoryEntry
from dashboard.queries import board
from reports.queries import lookups
from reports.services import cycle, periods
from theodoi.errors import Forbidden, NotFound


@pytest.fixture
def land_report(plan):
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    return cycle.open_report(periods.ensure_period(plan.commune, 2023, 1), land, plan)


def test_another_communes_report_and_period_are_not_found(personas, land_report):
    outsider = personas["outsider"]
    with pytest.raises(NotFound, match=f"^Không có báo cáo số {land_report.pk} trong xã/phường của bạn.$"):
        lookups.readable_report(outsider, land_report.pk)
    with pytest.raises(NotFound, match=f"^Không có kỳ báo cáo số {land_report.period_id} trong xã/phường"):
        lookups.period_for(outsider, land_report.period_id)
    with pytest.raises(NotFound):
        board.period_for(outsider, land_report.period_id)


def test_another_units_report_is_forbidden_and_its_own_is_found(personas, land_report):
    with pytest.raises(Forbidden, match="^Báo cáo của Công chức Địa chính chỉ đơn vị đó, Văn phòng – Thống kê"):
        lookups.readable_report(personas["other_unit"], land_report.pk)
    assert lookups.readable_report(personas["owner"], land_report.pk) == land_report
    # Deciding on it is the office's rule, asked by the view: the lookup itself finds it for anyone in the commune.
    assert lookups.report_for(personas["other_unit"], land_report.pk) == land_report


def test_the_dashboard_is_forbidden_to_a_unit_officer_and_another_communes_plan_not_found(personas, plan):
    with pytest.raises(Forbidden, match="^Bảng điều hành dành cho lãnh đạo"):
        board.resolve(personas["owner"], {}, date(2023, 5, 25))
    with pytest.raises(NotFound, match=f"^Không có kế hoạch số {plan.pk} đang áp dụng"):
        board.resolve(personas["outsider"], {"ke-hoach": str(plan.pk)}, date(2023, 5, 25))
    assert board.resolve(personas["chairman"], {"ke-hoach": str(plan.pk)}, date(2023, 5, 25)).plan == plan
