"""What the province dashboard shows for one area and month: the period asked, the filters, the ranked lines."""
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from communes.models import AdminArea, Commune, CommuneKind
from communes.queries import communes_under
from planparser.textutil import fold
from reports.rules import status as st
from reports.services.periods import month_being_reported
from theodoi.errors import NotFound
from theodoi.params import as_int
from theodoi.periods import MONTH, Period

from . import chart, queries, ranking
from .queries import CommuneLine

# Each commune sets its own report day; the province page opens on the month being reported under the day most
# plans set ("trước ngày 20 hằng tháng", the model's default), and the picker reaches any other month.
PROVINCE_REPORT_DAY = 20
MONTHS_OFFERED = 24


def default_month(today: date) -> tuple[int, int]:
    return month_being_reported(Commune(report_day=PROVINCE_REPORT_DAY), today)


def month_asked(value: str | None, today: date) -> tuple[int, int]:
    """?ky=YYYY-MM, or the month being reported; a malformed or impossible month is a 404 that says which."""
    if not value:
        return default_month(today)
    year, _, month = value.partition("-")
    if not (2000 <= (as_int(year) or 0) <= 2100 and 1 <= (as_int(month) or 0) <= 12):
        raise NotFound(f"Kỳ báo cáo «{value[:20]}» không hợp lệ (cần dạng năm-tháng, ví dụ 2025-07).")
    return int(year), int(month)


def months_offered(today: date, chosen: Period) -> list[Period]:
    """The last MONTHS_OFFERED months up to the one being reported, and the chosen one wherever it lies."""
    year, month = default_month(today)
    offered = []
    for _ in range(MONTHS_OFFERED):
        offered.append(Period(MONTH, year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return sorted(set(offered) | {chosen}, key=lambda p: (p.year, p.number), reverse=True)


@dataclass(frozen=True)
class Filters:
    district: int | None = None
    kind: str = ""
    overdue_only: bool = False
    q: str = ""

    @classmethod
    def from_params(cls, params) -> "Filters":
        district = params.get("huyen", "")
        kind = params.get("loai", "")
        return cls(as_int(district), kind if kind in CommuneKind.values else "",
                   params.get("qua-han") == "1", params.get("q", "")[:120].strip())

    def keeps(self, line: CommuneLine) -> bool:
        return ((self.district is None or line.area_id == self.district)
                and (not self.kind or line.kind == self.kind)
                and (not self.overdue_only or line.overdue > 0)
                and (not self.q or fold(self.q) in fold(line.name)))

    @property
    def active(self) -> bool:
        return self != Filters()


def districts_of(area: AdminArea) -> list[AdminArea]:
    return list(area.children.order_by("name"))


def board(area: AdminArea, year: int, month: int, today: date, filters: Filters,
          communes: QuerySet[Commune] | None = None) -> dict:
    """The page's data: every figure from queries.rollup, ranked over the area's communes (those the user sees)
    before filtering, so a filter narrows the list without changing anyone's place."""
    communes = communes_under(area) if communes is None else communes
    lines = ranking.rank(queries.rollup(communes, year, month, today))
    shown = [line for line in lines if filters.keeps(line)]
    judged = queries.judged_day(year, month, today)
    bars = chart.most_overdue(shown)
    narrowed = communes.filter(pk__in=[line.pk for line in shown]) if filters.active else communes
    overdue = queries.overdue_rows(narrowed, year, judged) if any(line.overdue for line in shown) else []
    return {
        "area": area, "period": Period(MONTH, year, month), "judged": judged, "today": today,
        "lines": shown, "all_count": len(lines), "totals": totals(shown), "overdue_rows": overdue,
        "rule": ranking.RULE, "filters": filters,
        "area_bar": chart.area_bar(shown), "overdue_bars": bars, "overdue_height": chart.height(bars),
        "chart_width": chart.WIDTH, "bar_height": chart.BAR_HEIGHT,
        "labels": st.LABELS, "order": st.ORDER, "kinds": CommuneKind.choices,
    }


def totals(lines: list[CommuneLine]) -> CommuneLine:
    """The shown communes summed, as one line (its rates are the area's DHIS2 rates, not averages of rates)."""
    total = CommuneLine(0, "Tổng", "", None, "", None)
    for line in lines:
        total.expected += line.expected
        total.on_time_reports += line.on_time_reports
        total.late_reports += line.late_reports
        total.rows.update(line.rows)
        total.colours.update(line.colours)
    return total
