"""Replay story.py through the services the pages use (reports.services.cycle, indicators.services.recording,
arising), with the clock set to each event's day, so statuses, completion dates, lateness and the audit trail are
what those days would have left. Nothing is inserted behind the services' backs.
"""
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from accounts.models import User
from arising.services.tasks import SourceData, add_one
from arising.services.tree import RowData
from indicators.services.recording import Reading, save_reading
from planparser.deadlines import parse_deadline
from plans.models import Assignment, Plan
from reports.models import RowRole, RowStatus, UnitReport
from reports.services import cycle
from reports.services.periods import advance_periods, ensure_period
from theodoi import clock
from theodoi.periods import MONTH, Period

from . import story


@dataclass
class Cast:
    plan: Plan
    people: dict[str, User]
    units: dict

    @property
    def office(self) -> User:
        return self.people[story.OFFICE]


def already_played(plan: Plan) -> bool:
    return UnitReport.objects.filter(plan__commune=plan.commune, period__year=plan.year).exists()


def play(plan: Plan) -> bool:
    """Five months and the start of June; False (and nothing written) when the commune already has reports."""
    if already_played(plan):
        return False
    cast = Cast(plan, {u.username: u for u in User.objects.filter(username__in=set(story.REPORTERS.values()))},
                {e.key: e for e in plan.commune.entries.all()})
    with transaction.atomic():
        for month in story.MONTHS:
            if month == story.ARISING["day"].month:
                add_arising(cast)
            play_month(cast, month)
            enter_indicators(cast, month)
        play_june(cast)
        advance_periods(clock.today())
    return True


def row_of(plan: Plan, code: str, order: int) -> Assignment:
    return list(Assignment.objects.filter(node__plan=plan, node__code=code).order_by("order"))[order]


def play_month(cast: Cast, month: int) -> None:
    period = ensure_period(cast.plan.commune, cast.plan.year, month)
    sent = {}
    for key in story.REPORTERS:
        if (month, key) in story.NEVER_SENT:
            continue
        day = date(cast.plan.year, month, story.LATE_DAY.get((month, key), story.USUAL_DAY[key]))
        sent[key] = (send(cast, period, key, day, story.FINISHED.get((month, key), {})), day)
    for key, (report, day) in sent.items():
        decide(cast, report, month, key, day)


def decide(cast: Cast, report: UnitReport, month: int, key: str, day: date) -> None:
    """The office returns what story.RETURNS says, and accepts the rest two days after it arrives."""
    if (month, key) in story.RETURNS:
        back, reason, again = story.RETURNS[(month, key)]
        with clock.frozen(back):
            cycle.return_report(report, cast.office, reason)
        report.refresh_from_db()
        if again is None:
            return
        report = resend(cast, report, key, again)
        day = again
    if (month, key) not in story.WAITING:
        accepted = day + timedelta(days=2)
        with clock.frozen(accepted):
            cycle.accept(report, cast.office, accepted)


def send(cast: Cast, period, key: str, day: date, finished: dict, submit: bool = True) -> UnitReport:
    with clock.frozen(day):
        report = cycle.open_report(period, cast.units[key], cast.plan)
        rows = lines(cast, report, key, finished)
        result = cycle.save(report, cast.people[story.REPORTERS[key]], report.version, rows, submit, day)
    if not result.ok:
        raise RuntimeError(f"Dữ liệu chạy thử: báo cáo của {key} tháng {period.month} bị từ chối: {result.errors}")
    report.refresh_from_db()
    return report


def resend(cast: Cast, report: UnitReport, key: str, day: date) -> UnitReport:
    with clock.frozen(day):
        rows = {pk: {"results": data["results"] + " Đã bổ sung số liệu theo yêu cầu của Văn phòng."}
                for pk, data in lines(cast, report, key, {}).items()}
        result = cycle.save(report, cast.people[story.REPORTERS[key]], report.version, rows, True, day)
    if not result.ok:
        raise RuntimeError(f"Dữ liệu chạy thử: báo cáo gửi lại của {key} bị từ chối: {result.errors}")
    report.refresh_from_db()
    return report


def lines(cast: Cast, report: UnitReport, key: str, finished: dict) -> dict[int, dict]:
    """What the unit types: every lead row in progress (work already done stays done), the rows it finished this
    month with their day, what it raises for a leader, and its input on rows it coordinates."""
    month = report.period.month
    done = {row_of(cast.plan, code, order).pk: day for (code, order), day in finished.items()}
    results = story.RESULTS[key].format(a=18 + 3 * month, b=month % 3 + 1)
    values = {}
    for row in report.rows.select_related("assignment__node"):
        place = (key, row.assignment.node.code, list(row.assignment.node.assignments.order_by("order")).index(
            row.assignment))
        if row.role == RowRole.COORDINATING:
            if place in story.COORDINATING:
                values[row.pk] = {"results": story.COORDINATING[place]}
            continue
        values[row.pk] = {"results": results, **story.RAISED.get(place, {}), **_progress(row, month, done)}
    return values


def _progress(row, month: int, done: dict) -> dict:
    if row.assignment_id in done:
        return {"status": RowStatus.DONE, "percent": 100, "finished_on": done[row.assignment_id]}
    if row.status == RowStatus.DONE:
        return {}  # finished in an earlier month: carried over with its day
    return {"status": RowStatus.IN_PROGRESS, "percent": min(15 * month, 80)}


def play_june(cast: Cast) -> None:
    june = ensure_period(cast.plan.commune, cast.plan.year, story.DEMO_DAY.month)
    for key, day in story.JUNE_SENT.items():
        send(cast, june, key, day, {})
    for key, day in story.JUNE_DRAFTS.items():
        send(cast, june, key, day, {}, submit=False)


def add_arising(cast: Cast) -> None:
    data, plan = story.ARISING, cast.plan
    row = RowData(title=data["task"], deadline=parse_deadline(data["deadline"], plan.year),
                  leaders=[cast.units[data["leader"]]], lead_units=[cast.units[data["lead"]]],
                  coordinating_units=[cast.units[data["coordinating"]]])
    source = SourceData(kind=data["kind"], number=data["number"], issued_on=data["issued_on"],
                        issuer=data["issuer"], title=data["title"])
    with clock.frozen(data["day"]):
        add_one(plan, source, row, cast.office, data["reason"])


def enter_indicators(cast: Cast, month: int) -> None:
    """Each value entered on the 18th, with the month's report, by the unit that answers for it."""
    for code, (username, values, cumulative, explanation) in story.INDICATORS.items():
        indicator = cast.plan.indicators.get(code=code)
        for _, value in [item for item in values if item[0] == month]:
            reading = Reading(period=Period(MONTH, cast.plan.year, month), value=value, cumulative=cumulative,
                              explanation=explanation)
            with clock.frozen(date(cast.plan.year, month, 18)):
                save_reading(indicator, reading, cast.people[username])
