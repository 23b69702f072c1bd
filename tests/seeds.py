"""Seed data for the dashboard: a month of the sample plan (tests, browser tests) and a whole year (bench/).

Everything goes through reports.services.cycle and indicators.services.recording, as the pages would do it, so the data
is what a real month leaves behind. Nothing here freezes time: callers that care about timestamps freeze it.
"""
from datetime import date
from decimal import Decimal

from communes.models import DirectoryEntry
from indicators.services.recording import Reading, save_reading
from plans.models import Plan
from reports.models import ReportState, RowRole, RowStatus
from reports.queries.rates import lead_units
from reports.services import cycle
from reports.services.periods import ensure_period
from theodoi.periods import MONTH, Period

OVERDUE_CODE = "I.1.3"  # "Trong tháng 4/2023": left undone, so it is 14 days overdue at 14/05/2023
LAND_OBSTACLE = "Vướng mắc giải phóng mặt bằng tại xóm 3 do 2 hộ chưa đồng thuận"
LAND_PROPOSAL = "Đề nghị Chủ tịch UBND xã chủ trì đối thoại với các hộ dân"
ECONOMY_PROPOSAL = "Đề nghị bổ sung kinh phí hỗ trợ sản xuất vụ Hè Thu"
POVERTY_EXPLANATION = "Phát sinh 2 hộ nghèo mới do tai nạn lao động; xã đang hỗ trợ sinh kế."


def entry(plan: Plan, key: str) -> DirectoryEntry:
    return DirectoryEntry.objects.get(commune=plan.commune, key=key)


def lines(report, done=(), extra=None, results="Đã triển khai theo kế hoạch") -> dict[int, dict]:
    """Every lead row of a report in progress (or done for assignment ids in `done`); extra: by assignment id."""
    values = {}
    for row in report.rows.filter(role=RowRole.LEAD):
        finished = row.assignment_id in done
        values[row.pk] = {"status": RowStatus.DONE if finished else RowStatus.IN_PROGRESS,
                          "percent": 100 if finished else 50, "results": results,
                          **(extra or {}).get(row.assignment_id, {})}
    return values


def send(plan, period, unit, user, day: date, **kwargs):
    report = cycle.open_report(period, unit, plan)
    result = cycle.save(report, user, report.version, lines(report, **kwargs), True, day)
    if not result.ok:
        raise RuntimeError(f"seed report for {unit} refused: {result.errors}")
    report.refresh_from_db()
    return report


def seed_may_2023(plan: Plan, office) -> dict:
    """April: Địa chính finishes one row (accepted 19/04). May: Địa chính on time with an obstacle and a proposal,
    accepted; Kinh tế late with a proposal, waiting; every other unit missing; three indicator values."""
    april, may = ensure_period(plan.commune, 2023, 4), ensure_period(plan.commune, 2023, 5)
    land, economy = entry(plan, "cc-dia-chinh"), entry(plan, "cc-kinh-te")
    land_rows = sorted(lead_units(plan)[land.pk])
    finished = land_rows[0]
    cycle.accept(send(plan, april, land, office, date(2023, 4, 18), done={finished}), office, date(2023, 4, 19))
    blocked = {land_rows[-1]: {"obstacles": LAND_OBSTACLE, "proposals": LAND_PROPOSAL}}
    land_may = send(plan, may, land, office, date(2023, 5, 18), done={finished}, extra=blocked,
                    results="Đã giải quyết 35 hồ sơ đất đai")
    cycle.accept(land_may, office, date(2023, 5, 23))
    economy_rows = sorted(lead_units(plan)[economy.pk])
    send(plan, may, economy, office, date(2023, 5, 22), extra={economy_rows[0]: {"proposals": ECONOMY_PROPOSAL}})
    seed_indicators(plan, office, Period(MONTH, 2023, 5))
    return {"april": april, "may": may, "land": land, "economy": economy, "finished": finished,
            "blocked": land_rows[-1]}


def seed_indicators(plan: Plan, user, period: Period) -> None:
    values = {"II.8": (Decimal("0.5"), POVERTY_EXPLANATION), "II.10": (Decimal("98"), ""),
              "IV.4": (Decimal("95"), "")}
    for code, (value, explanation) in values.items():
        indicator = plan.indicators.get(code=code)
        save_reading(indicator, Reading(period=period, value=value, explanation=explanation), user)


def seed_year(plan: Plan, user, year: int = 2023) -> None:
    """Twelve months in which every unit reports every month and the office accepts; for the benchmark."""
    units = DirectoryEntry.objects.filter(pk__in=lead_units(plan).keys())
    for month in range(1, 13):
        period = ensure_period(plan.commune, year, month)
        for unit in units:
            report = send(plan, period, unit, user, period.deadline,
                          extra={}, results=f"Kết quả tháng {month}")
            if report.state == ReportState.SUBMITTED:
                cycle.accept(report, user, period.deadline)
        seed_indicators(plan, user, Period(MONTH, year, month))
