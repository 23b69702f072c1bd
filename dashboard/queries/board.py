"""What the Chairman's dashboard shows for one period: scope, counts with their links, indicators, compliance.

A period or plan outside the user's communes is NotFound, a unit officer Forbidden (theodoi.errors)."""
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse

from accounts.models import Role
from arising.queries import arising_node_ids
from communes.models import DirectoryEntry
from indicators import queries as indicator_queries
from indicators import rules as indicator_rules
from plans.models import Plan
from plans.queries import current_plans
from reports.models import ReportingPeriod, ReportState, RowReport
from reports.queries import rates
from reports.queries.lookups import period_for
from reports.rules import status as st
from reports.services import periods
from theodoi.errors import Forbidden, NotFound
from theodoi.params import as_int
from theodoi.periods import HALF, MONTH, NINE_MONTHS, QUARTER, YEAR, Period, periods_closing_with

from . import figures

READERS = (Role.CHAIRMAN, Role.VICE_CHAIRMAN, Role.OFFICE, Role.VIEWER, Role.AREA_VIEWER, Role.AREA_OFFICER,
           Role.SITE_ADMIN)


def require_reader(user) -> None:
    """Leaders, the office and viewers; a unit officer has the report pages for their own unit instead."""
    if not (user.is_superuser or user.role in READERS):
        raise Forbidden("Bảng điều hành dành cho lãnh đạo, Văn phòng – Thống kê và người xem.")


@dataclass
class Scope:
    plan: Plan
    period: ReportingPeriod | None  # None only for a plan whose year is over and that never had a month
    as_of: date | None
    is_current: bool
    origin: str = ""  # one of ORIGINS: every count and row list follows it

    def reported(self) -> tuple[ReportingPeriod, date]:
        """The period and its cut-off, for the pages that exist only once the plan has a month."""
        if self.period is None or self.as_of is None:
            raise NotFound("Kế hoạch chưa có kỳ báo cáo nào.")
        return self.period, self.as_of


# The Chairman picks which work the dashboard counts: the plan's own rows, the tasks arising during the year, or both.
ORIGINS = {"": "Tất cả", "ke-hoach": "Kế hoạch", "phat-sinh": "Phát sinh"}


def resolve(user, params, today: date) -> Scope | None:
    """The chosen period (?ky=) or the one being reported now; None when the commune has no plan yet."""
    require_reader(user)
    period: ReportingPeriod | None
    if params.get("ky"):
        period = period_for(user, params["ky"])
        plan = current_plan_of(user, period.commune_id)
        if plan is None:
            raise NotFound("Xã/phường chưa có kế hoạch.")
        return _with_origin(scope_of(plan, period, today), params)
    else:
        plan = _plan_asked(user, params.get("ke-hoach"))
        if plan is None:
            return None
        # The period every page opens on (the chase page, the report pages): the month being reported, unsaved
        # until opened (a GET writes nothing); a plan whose year is over opens none and shows its last month.
        period = periods.shown_period(plan, today)
        if period is None:
            return Scope(plan, None, None, False)
    return _with_origin(scope_of(plan, period, today), params)


def _with_origin(scope: Scope, params) -> Scope:
    origin = params.get("nguon", "")
    scope.origin = origin if origin in ORIGINS else ""
    return scope


def of_origin(scope: Scope, rows: list[figures.Row]) -> list[figures.Row]:
    """The rows the chosen origin counts: arising tasks are the plan's PS rows linked to a source document."""
    if not scope.origin:
        return rows
    arising = arising_node_ids(scope.plan)
    return [r for r in rows if (r.task.pk in arising) == (scope.origin == "phat-sinh")]


def origin_links(scope: Scope, params) -> list[dict]:
    """The three choices, each keeping the period and plan chosen."""
    kept = {k: params[k] for k in ("ky", "ke-hoach") if params.get(k)}
    return [{"label": label, "active": scope.origin == key,
             "url": f"{reverse('dashboard')}?{urlencode({**kept, **({'nguon': key} if key else {})})}"}
            for key, label in ORIGINS.items()]


def scope_of(plan: Plan, period: ReportingPeriod, today: date) -> Scope:
    current = periods.month_being_reported(plan.commune, today) == (period.year, period.month)
    # Decree 09/2019/NĐ-CP Art. 12: a month's statuses stand at its data cut-off, the 14th. Work finished by then
    # counts once the office accepts it, even if the acceptance comes later (completions carry the finish date).
    return Scope(plan, period, period.judged_on(today), current)


def current_plan_of(user, commune_id: int) -> Plan | None:
    return current_plans(user).filter(commune_id=commune_id).first()


def _plan_asked(user, plan_pk) -> Plan | None:
    plans = current_plans(user)
    if plan_pk:
        if as_int(plan_pk) is None:
            raise NotFound("Mã kế hoạch không hợp lệ.")
        plan = plans.filter(pk=plan_pk).first()
        if plan is None:
            raise NotFound(f"Không có kế hoạch số {plan_pk} đang áp dụng trong xã/phường của bạn.")
        return plan
    return plans.first()


def rows_url(scope: Scope, row_filter: figures.RowFilter) -> str:
    origin = {"nguon": scope.origin} if scope.origin else {}
    period, _ = scope.reported()
    # A month not opened yet has no pk: without ?ky= the rows page opens on that same month being reported.
    chosen = {"ky": period.pk} if period.pk else {}
    return f"{reverse('dashboard_rows')}?{urlencode({**row_filter.params(), **chosen, **origin})}"


def count_cells(scope: Scope, row_filter: figures.RowFilter, tally) -> list[dict]:
    """One cell per status, then the total; each cell links to exactly the rows it counts."""
    cells = [{"code": code, "n": tally.get(code, 0), "url": rows_url(scope, row_filter.with_status(code))}
             for code in st.ORDER]
    cells.append({"code": "total", "n": sum(tally.values()), "url": rows_url(scope, row_filter)})
    return cells


def count_tables(scope: Scope, rows: list[figures.Row]) -> list[dict]:
    tables = []
    for breakdown in figures.breakdowns(rows):
        lines = [{"label": label, "cells": count_cells(scope, f, tally)} for label, f, tally in breakdown.lines]
        tables.append({"title": breakdown.title, "key": breakdown.key, "lines": lines})
    return tables


def chart_data(tables: list[dict], overall: list[dict]) -> dict:
    """Numbers for the two charts; the tables beside them hold the same numbers."""
    leaders = next(t for t in tables if t["key"] == "leader")
    return {"labels": [st.LABELS[c] for c in st.ORDER], "overall": [c["n"] for c in overall[:4]],
            "leaders": [line["label"] for line in leaders["lines"]],
            "by_leader": [[line["cells"][i]["n"] for line in leaders["lines"]] for i in range(4)]}


def standings_at(plan: Plan, end: date) -> list[indicator_queries.Standing]:
    """Each indicator with its latest value up to `end`, reds first, then amber, green and not yet judged."""
    return sorted(indicator_queries.plan_standings(plan, end), key=lambda s: -indicator_rules.SEVERITY[s.colour])


def compliance(plan: Plan, period: ReportingPeriod) -> list[dict]:
    """Every unit that leads rows: on time, late, not yet submitted; the missing ones first."""
    units, reports = rates.lead_units(plan), rates.reports_of(period)
    lines = []
    for entry in DirectoryEntry.objects.filter(pk__in=units.keys()).order_by("name"):
        report = reports.get(entry.pk)
        state = "missing" if not (report and report.submitted_at) else "late" if report.is_late else "on_time"
        lines.append({"unit": entry, "report": report, "state": state, "rows": len(units[entry.pk])})
    order = {"missing": 0, "late": 1, "on_time": 2}
    return sorted(lines, key=lambda line: order[line["state"]])


COMPLIANCE_LABELS = {"missing": "Chưa gửi", "late": "Gửi muộn", "on_time": "Gửi đúng hạn"}


def waiting_decisions(rows: list[figures.Row], period_ids) -> list[dict]:
    """Obstacles and proposals of sent or accepted reports, grouped by the leader who directs the row."""
    by_pk = {r.pk: r for r in rows}
    items = (RowReport.objects.filter(report__period_id__in=period_ids,
                                      report__state__in=(ReportState.SUBMITTED, ReportState.ACCEPTED))
             .filter(~Q(obstacles="") | ~Q(proposals=""))
             .select_related("report__unit").order_by("assignment__node__order", "assignment__order", "pk"))
    groups: dict[str, dict] = {}
    for item in items:
        row = by_pk.get(item.assignment_id)
        if row is None:
            continue
        for name in [figures.ref_name(ref) for ref in row.leaders] or ["Chưa rõ lãnh đạo chỉ đạo"]:
            group = groups.setdefault(name, {"leader": name, "items": []})
            group["items"].append({"row": row, "unit": item.report.unit, "obstacles": item.obstacles.strip(),
                                   "proposals": item.proposals.strip()})
    return list(groups.values())


def downloads(period: ReportingPeriod) -> list[dict]:
    """The month's report, its quarter's, and the half-year, nine months and year that close with this month."""
    month = Period(MONTH, period.year, period.month)
    items = [month, Period(QUARTER, period.year, (period.month + 2) // 3)]
    items += [p for p in periods_closing_with(period.year, period.month) if p.kind in (HALF, NINE_MONTHS, YEAR)]
    return [{"label": p.label, "key": p.kind, "query": "" if p.kind == MONTH else f"?kind={p.kind}&number={p.number}"}
            for p in items]


def portfolio(scope: Scope, rows: list[figures.Row], user) -> dict | None:
    """The rows a leader directs, for a Chairman or Vice-Chairman whose account names his position: he opens the
    dashboard on his own field first ("who is late, on what" within what he directs), the commune's counts below."""
    position = user.position
    if user.role not in (Role.CHAIRMAN, Role.VICE_CHAIRMAN) or position is None:
        return None
    row_filter = figures.RowFilter(leader=position.pk)
    mine = figures.select(rows, row_filter)
    late = figures.overdue(mine)
    cells = count_cells(scope, row_filter, figures.counts(mine))
    return {"name": position.name, "lines": [{"label": position.name, "cells": cells}],
            "overdue": late[:20], "overdue_total": len(late),
            "overdue_url": rows_url(scope, row_filter.with_status(st.OPEN_OVERDUE))}


def dashboard_context(scope: Scope, today: date, params, user) -> dict:
    if scope.period is None:
        return {"scope": scope, "plan": scope.plan, "period": None}
    _, as_of = scope.reported()
    rows = of_origin(scope, figures.load_rows(scope.plan, as_of))
    tally = rates.month_tally(scope.plan, scope.period, today)  # the counts the chase page, letter and report give
    # All rows: the one tally every page gives. One origin: the same statuses, counted over that origin's rows.
    overall = count_cells(scope, figures.RowFilter(), figures.counts(rows) if scope.origin else tally.rows)
    tables = count_tables(scope, rows)
    standings = standings_at(scope.plan, as_of)
    return {
        "scope": scope, "plan": scope.plan, "period": scope.period, "overall": overall, "tables": tables,
        "tally": tally, "today": today,
        "labels": st.LABELS, "order": st.ORDER, "chart": chart_data(tables, overall),
        "overdue": figures.overdue(rows)[:50], "overdue_total": overall[3]["n"],
        "overdue_url": rows_url(scope, figures.RowFilter(status=st.OPEN_OVERDUE)),
        "standings": standings, "colour_labels": indicator_rules.COLOUR_LABELS,
        "compliance": compliance(scope.plan, scope.period), "compliance_labels": COMPLIANCE_LABELS,
        "decisions": waiting_decisions(rows, [scope.period.pk]),
        "period_state": periods.state_on(scope.period, today),
        "all_periods": scope.plan.commune.periods.all()[:24], "downloads": downloads(scope.period),
        "origins": origin_links(scope, params), "origin_label": ORIGINS[scope.origin],
        "portfolio": portfolio(scope, rows, user),
    }
