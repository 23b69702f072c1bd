"""A small province built by hand for the province dashboard's tests: every deadline kind, every report state."""
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from communes.models import AdminArea, AreaKind, Commune, DirectoryEntry, EntryCategory
from indicators.models import Indicator, Target
from indicators.services.recording import Reading, save_reading
from plans.models import Assignment, AssignmentRef, NodeLevel, Plan, RefRole, TaskNode
from reports.models import Completion, ReportingPeriod, ReportState, UnitReport
from reports.services.periods import ensure_period
from theodoi.periods import MONTH, Period

HCM = ZoneInfo("Asia/Ho_Chi_Minh")

# (deadline kind, due, milestones, completions {milestone: finish date}, lead unit index)
ROWS = [
    ("date", date(2023, 3, 31), [], {0: date(2023, 3, 20)}, 0),                   # done on time
    ("date", date(2023, 3, 31), [], {0: date(2023, 4, 5)}, 0),                    # done 5 days late
    ("date", date(2023, 6, 30), [], {}, 0),                                       # open, due later
    ("date", date(2023, 4, 30), [], {}, 0),                                       # open, 14 days overdue at 14/05
    ("recurring", None, [], {}, 1),                                               # never overdue
    ("milestones", None, ["2023-02-28", "2023-08-31"], {0: date(2023, 3, 2)}, 1),  # one late, one ahead: open
    ("milestones", None, ["2023-05-31", "2023-01-31"], {}, 1),                    # 31/01 missed: 103 days at 14/05
    ("date", date(2023, 5, 10), [], {0: date(2023, 5, 20)}, 1),                   # finished after the cut-off
]


def make_area(name: str, kind=AreaKind.PROVINCE, parent=None) -> AdminArea:
    return AdminArea.objects.create(name=name, kind=kind, parent=parent)


def make_commune(name: str, area: AdminArea | None, kind="xã") -> Commune:
    return Commune.objects.create(name=name, kind=kind, area=area)


def handmade_plan(commune: Commune) -> Plan:
    """Plan 2023 with ROWS, two lead units (plus a group reference, which reports nothing) and four indicators."""
    plan = Plan.objects.create(commune=commune, year=2023, title="Kế hoạch thử", source_name="thu.txt",
                               checksum="x" * 64, parsed={})
    units = [DirectoryEntry.objects.create(commune=commune, key=f"dv-{i}", name=f"Đơn vị {i}",
                                           category=EntryCategory.UNIT) for i in (1, 2, 3)]
    group = DirectoryEntry.objects.create(commune=commune, key="cac-xom", name="Các xóm", category=EntryCategory.GROUP)
    node = TaskNode.objects.create(plan=plan, level=NodeLevel.TASK, code="I.1.1", title="Nhiệm vụ thử", order=1)
    for order, (kind, due, milestones, done, unit) in enumerate(ROWS, start=1):
        row = Assignment.objects.create(node=node, order=order, deadline_kind=kind, due=due, milestones=milestones,
                                        deadline_text=f"Hạn dòng {order}")
        AssignmentRef.objects.create(assignment=row, role=RefRole.LEAD, order=1, text="x", entry=units[unit])
        AssignmentRef.objects.create(assignment=row, role=RefRole.LEAD, order=2, text="các xóm", entry=group)
        for milestone, finished in done.items():
            Completion.objects.create(assignment=row, milestone=milestone, completed_on=finished)
    _indicators(plan)
    return plan


def _indicators(plan: Plan) -> None:
    heading = Indicator.objects.create(plan=plan, code="I.1", name="Kinh tế", text="Kinh tế", order=1)
    specs = [("I.1.1", ">=", Decimal(100), Period(MONTH, 2023, 5), Decimal(60)),     # missed by 40%: red
             ("I.1.2", "<=", Decimal(10), Period(MONTH, 2023, 5), Decimal("10.5")),  # within 10%: amber
             ("I.1.3", ">=", Decimal(5), Period(MONTH, 2023, 6), Decimal(9))]        # June only: grey on 14/05
    for order, (code, comparator, figure, period, value) in enumerate(specs, start=2):
        indicator = Indicator.objects.create(plan=plan, parent=heading, code=code, name=code, text=code, order=order)
        Target.objects.create(indicator=indicator, order=1, comparator=comparator, value=figure)
        save_reading(indicator, Reading(period=period, value=value), None)


def may_reports(plan: Plan) -> ReportingPeriod:
    """May 2023: unit 1 on time, unit 2 still drafting, unit 3 (leads nothing) sent one anyway."""
    may = ensure_period(plan.commune, 2023, 5)
    units = {e.key: e for e in plan.commune.entries.all()}
    sent = datetime(2023, 5, 18, 9, tzinfo=HCM)
    UnitReport.objects.create(period=may, unit=units["dv-1"], plan=plan, state=ReportState.SUBMITTED,
                              submitted_at=sent)
    UnitReport.objects.create(period=may, unit=units["dv-2"], plan=plan, state=ReportState.DRAFT)
    UnitReport.objects.create(period=may, unit=units["dv-3"], plan=plan, state=ReportState.SUBMITTED,
                              submitted_at=sent)
    return may
