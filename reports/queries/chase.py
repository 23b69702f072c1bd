"""What the chase page and the reminder letter show: who has not reported, with the reminders each was sent, and
every open, overdue row once (the same rows rates.tally counts)."""
from dataclasses import dataclass
from datetime import date

from communes.models import DirectoryEntry
from plans.models import Assignment, Plan, RefRole

from ..models import Reminder, ReportingPeriod
from ..rules import status as st
from ..services.reminders import laggards, unit_addresses
from . import rates


@dataclass
class Laggard:
    unit: DirectoryEntry
    rows: int
    addresses: list[str]
    reminders: list[Reminder]


@dataclass
class OverdueRow:
    """One open, overdue row of the plan, once, with all its lead units (a row two units lead is one task)."""
    units: list[DirectoryEntry]
    assignment: Assignment
    leaders: list[str]
    status: st.RowStatus
    lagging: list[DirectoryEntry]  # those of its lead units that have not sent the period's report
    unit_names: str = ""  # every lead unit as the directory names it, or as printed when it resolved to none

    @property
    def lagging_names(self) -> str:
        return ", ".join(unit.name for unit in self.lagging)


@dataclass
class Chase:
    """What the chase page and the reminder letter both show for a period, each read once."""
    laggards: list[Laggard]
    overdue: list[OverdueRow]
    sent: list[Reminder]  # newest first


def chase_of(plan: Plan, period: ReportingPeriod, today: date) -> Chase:
    led = rates.lead_units(plan)
    units = laggards(plan, period, led)
    sent = reminders_sent(period)
    by_unit: dict[int, list[Reminder]] = {}
    for reminder in sent[::-1]:
        by_unit.setdefault(reminder.unit_id, []).append(reminder)
    lagging = [Laggard(unit, len(led[unit.pk]), unit_addresses(unit), by_unit.get(unit.pk, [])) for unit in units]
    return Chase(lagging, overdue_rows(plan, period, today, {unit.pk for unit in units}), sent)


def overdue_rows(plan: Plan, period: ReportingPeriod, today: date, lagging: set[int]) -> list[OverdueRow]:
    """Every open, overdue row as the period's report judges it (rates.tally counts the same rows), oldest miss
    first. A row no directory unit leads is still listed: it is overdue all the same. lagging: the pks of the units
    that have not sent the period's report."""
    statuses = rates.row_statuses(plan, period.judged_on(today))
    late = {pk for pk, status in statuses.items() if status.code == st.OPEN_OVERDUE}
    rows = (Assignment.objects.filter(pk__in=late).select_related("node")
            .prefetch_related("refs__entry").order_by("node__order", "order"))
    result = []
    for row in rows:
        refs = list(row.refs.all())
        leaders = [r.entry.name if r.entry else r.text for r in refs if r.role == RefRole.LEADER]
        lead = [r for r in refs if r.role == RefRole.LEAD]
        units = [r.entry for r in lead if r.entry and r.entry.category == "unit"]
        names = ", ".join(r.entry.name if r.entry else r.text for r in lead)
        result.append(OverdueRow(units, row, leaders, statuses[row.pk], [u for u in units if u.pk in lagging], names))
    return sorted(result, key=lambda r: (-r.status.days_overdue, r.unit_names, r.assignment.node.order))


def reminders_sent(period: ReportingPeriod) -> list[Reminder]:
    """Newest first; none for a month not opened yet."""
    if period.pk is None:
        return []
    return list(period.reminders.select_related("unit").order_by("-claimed_at"))
