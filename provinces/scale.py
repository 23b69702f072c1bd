"""National-size data for benchmarks: many communes, each with a copy of the sample plan and a year of reports.

The sample is imported once, the real way (plans.services.importer), into the first commune; every other commune
gets a copy by bulk inserts, batch by batch, so nothing goes through save() and the audit capture (which listens to
save) records nothing of the load; one `scale.generated` entry says what was made. Everything runs in one
transaction: a failure leaves nothing behind. The data is drawn from a seeded random generator, so two runs of the
same size make the same data.

Every report status appears: accepted on time, accepted late, submitted and waiting, returned, draft, and missing
(no report at all); rows are completed on time, late, or not at all; a quarterly indicator value is entered for
each indicator with a number to reach, with the colour the indicator rules give it.
"""
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction

from audit.services import log_action
from communes.models import AdminArea, AreaKind, Commune, CommuneKind, DirectoryEntry
from communes.services.directory import seed_directory
from indicators import rules as indicator_rules
from indicators.models import Indicator, IndicatorValue, Target, ValueEntry
from plans.models import Assignment, AssignmentRef, Plan, RefRole, Solution, TaskNode
from plans.services.importer import import_plan
from reports.models import Completion, ReportingPeriod, ReportState, RowReport, RowRole, RowStatus, UnitReport
from reports.services.periods import deadline_for, state_on
from theodoi.periods import MONTH, QUARTER, Period

from . import scale_names

BATCH_COMMUNES = 100
BATCH_ROWS = 5000
CODE_PREFIX = "GS"  # the generated communes' codes: how a second run knows the data is there
TZ = ZoneInfo(settings.TIME_ZONE)
# Report outcomes per unit and month, with their weights (a realistic month: most accepted on time).
OUTCOMES = (("on_time", 55), ("late", 12), ("waiting", 6), ("returned", 5), ("draft", 8), ("missing", 14))


class AlreadyGenerated(Exception):
    pass


@dataclass
class Sample:
    """The imported sample, read once into memory, that every commune copies."""
    plan: Plan
    entries: list[DirectoryEntry]
    nodes: list[list[TaskNode]]  # by depth, parents first
    assignments: list[Assignment]
    solutions: list[Solution]
    refs: list[AssignmentRef]
    indicators: list[list[Indicator]]  # by depth
    targets: list[Target]
    lead_rows: dict[str, list[int]] = field(default_factory=dict)  # unit key → indexes in `assignments`


@dataclass
class Summary:
    provinces: int = 0
    communes: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, n: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + n


def generated_count() -> int:
    return Commune.objects.filter(code__startswith=CODE_PREFIX).count()


def generate(communes: int, months: int, sample: tuple[bytes, str], today: date, seed: int = 2025,
             progress=None) -> Summary:
    """Build `communes` communes over the 34 provinces with `months` months of the sample's year."""
    if generated_count():
        raise AlreadyGenerated(f"Cơ sở dữ liệu đã có {generated_count()} xã/phường do generate_scale tạo "
                               f"(mã bắt đầu bằng «{CODE_PREFIX}»); lệnh không chạy lần hai trên cùng dữ liệu.")
    rng, summary = random.Random(seed), Summary()
    with transaction.atomic():
        made = _communes(communes, summary)
        first = made[0]
        seed_directory(first)
        source = load_sample(import_plan(first, sample[0], sample[1]).plan)
        for start in range(0, len(made), BATCH_COMMUNES):
            batch = made[start:start + BATCH_COMMUNES]
            copies = copy_plans(source, batch[1:] if start == 0 else batch, summary)
            year_of_reports(source, ([as_copied(source)] if start == 0 else []) + copies, months, rng, summary,
                            today)
            if progress is not None:
                progress(start + len(batch), len(made))
        log_action("scale.generated", data={"communes": communes, "months": months, "rows": summary.counts})
    return summary


def _communes(total: int, summary: Summary) -> list[Commune]:
    made, number = [], 0
    for name, count in scale_names.spread(total):
        kind = AreaKind.CENTRAL_CITY if name in scale_names.CENTRAL_CITIES else AreaKind.PROVINCE
        province, _ = AdminArea.objects.get_or_create(name=name, kind=kind, parent=None)
        summary.provinces += 1
        batch = []
        for _ in range(count):
            number += 1
            kind_of = CommuneKind.WARD if number % 5 == 0 else CommuneKind.COMMUNE
            batch.append(Commune(name=f"Thử nghiệm {number:04d}", kind=kind_of, area=province,
                                 code=f"{CODE_PREFIX}{number:05d}"))
        made += Commune.objects.bulk_create(batch)
    summary.communes = len(made)
    return made


def _by_depth(items, parent_of) -> list[list]:
    depth: dict[int, int] = {}
    by_pk = {item.pk: item for item in items}
    for item in items:
        chain, current = 0, item
        while parent_of(current) is not None:
            chain, current = chain + 1, by_pk[parent_of(current)]
        depth[item.pk] = chain
    return [[i for i in items if depth[i.pk] == d] for d in range(max(depth.values(), default=-1) + 1)]


def load_sample(plan: Plan) -> Sample:
    assignments = list(Assignment.objects.filter(node__plan=plan).order_by("pk"))
    refs = list(AssignmentRef.objects.filter(assignment__node__plan=plan).select_related("entry").order_by("pk"))
    sample = Sample(plan, list(plan.commune.entries.order_by("pk")),
                    _by_depth(list(plan.nodes.order_by("pk")), lambda n: n.parent_id), assignments,
                    list(Solution.objects.filter(assignment__node__plan=plan).order_by("pk")), refs,
                    _by_depth(list(plan.indicators.order_by("pk")), lambda i: i.parent_id),
                    list(Target.objects.filter(indicator__plan=plan).order_by("pk")))
    index = {a.pk: i for i, a in enumerate(assignments)}
    for ref in refs:
        if ref.role == RefRole.LEAD and ref.entry is not None and ref.entry.category == "unit":
            sample.lead_rows.setdefault(ref.entry.key, []).append(index[ref.assignment_id])
    return sample


def _bulk(model, objects: list, summary: Summary) -> list:
    summary.add(model._meta.label, len(objects))
    return model.objects.bulk_create(objects, batch_size=BATCH_ROWS)


def _plain(model, rows: list[dict], summary: Summary) -> None:
    """Rows nothing else points at (no pk needed back): COPY on PostgreSQL, which skips building a model object per
    row, else bulk_create. Every column is given: the defaults are the model's, as save() would use them."""
    summary.add(model._meta.label, len(rows))
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**row) for row in rows], batch_size=BATCH_ROWS)
        return
    defaults = {f.attname: f.get_default() for f in fields}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor, cursor.cursor.copy(
            f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[f.attname] if f.attname in row else defaults[f.attname] for f in fields])


def _fields(obj, **changes) -> dict:
    """The row's field values (by attname, no pk), with the given ones changed."""
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}
    return {**values, **changes}


def _copy(obj, **changes):
    """A new unsaved row with the same field values as `obj`, but the given ones."""
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}
    return type(obj)(**{**values, **changes})


@dataclass
class Copied:
    """One commune's copy of the sample: what its year of reports needs."""
    plan: Plan
    entries: dict[str, DirectoryEntry]
    assignments: list[Assignment]  # aligned with Sample.assignments
    indicators: dict[int, Indicator]  # sample indicator pk → this commune's copy


def as_copied(sample: Sample) -> Copied:
    return Copied(sample.plan, {e.key: e for e in sample.entries}, sample.assignments,
                  {i.pk: i for level in sample.indicators for i in level})


def copy_plans(sample: Sample, communes: list[Commune], summary: Summary) -> list[Copied]:
    """The sample's directory, plan, tree, rows and indicators for every commune of the batch, by bulk inserts."""
    keys = {e.pk: e.key for e in sample.entries}
    entries = _bulk(DirectoryEntry, [_copy(e, commune_id=c.pk) for c in communes for e in sample.entries], summary)
    by_key = [{e.key: e for e in entries[i * len(sample.entries):(i + 1) * len(sample.entries)]}
              for i in range(len(communes))]
    plans = _bulk(Plan, [_copy(sample.plan, commune_id=c.pk) for c in communes], summary)
    for plan, commune in zip(plans, communes, strict=True):
        plan.commune = commune  # known already: spares a query per commune when its periods are made
    nodes = _copy_levels(sample.nodes, plans, "plan_id", summary)
    rows = _bulk(Assignment, [_copy(a, node_id=nodes[i][a.node_id].pk) for i in range(len(communes))
                              for a in sample.assignments], summary)
    aligned = [rows[i * len(sample.assignments):(i + 1) * len(sample.assignments)] for i in range(len(communes))]
    row_of = [{a.pk: copy for a, copy in zip(sample.assignments, aligned[i], strict=True)}
              for i in range(len(communes))]
    _plain(Solution, [_fields(s, assignment_id=row_of[i][s.assignment_id].pk) for i in range(len(communes))
                      for s in sample.solutions], summary)
    _plain(AssignmentRef, [_fields(r, assignment_id=row_of[i][r.assignment_id].pk,
                                   entry_id=by_key[i][keys[r.entry_id]].pk if r.entry_id else None)
                           for i in range(len(communes)) for r in sample.refs], summary)
    indicators = _copy_levels(sample.indicators, plans, "plan_id", summary,
                              lambda obj, i: {"lead_unit_id": by_key[i][keys[obj.lead_unit_id]].pk
                                              if obj.lead_unit_id else None})
    _plain(Target, [_fields(t, indicator_id=indicators[i][t.indicator_id].pk) for i in range(len(communes))
                    for t in sample.targets], summary)
    return [Copied(plans[i], by_key[i], aligned[i], indicators[i]) for i in range(len(communes))]


def _copy_levels(levels, plans: list[Plan], owner: str, summary: Summary, extra=None) -> list[dict]:
    """Copy a self-referencing tree level by level (parents first, so each child knows its parent's new pk)."""
    copies: list[dict] = [{} for _ in plans]
    for level in levels:
        made = [_copy(obj, **{owner: plan.pk, "parent_id": copies[i][obj.parent_id].pk if obj.parent_id else None},
                      **(extra(obj, i) if extra else {}))
                for i, plan in enumerate(plans) for obj in level]
        made = _bulk(type(level[0]), made, summary)
        for n, copy in enumerate(made):
            copies[n // len(level)][level[n % len(level)].pk] = copy
    return copies


def year_of_reports(sample: Sample, plans: list[Copied], months: int, rng: random.Random, summary: Summary,
                    today: date) -> None:
    periods = _periods(plans, months, today, summary)
    reports, rows = [], []
    for copied, mine in zip(plans, periods, strict=True):
        for key, indexes in sample.lead_rows.items():
            for period in mine:
                report = _report(copied, copied.entries[key], period, rng)
                if report is not None:
                    reports.append(report)
                    rows.append([copied.assignments[i] for i in indexes])
    made = _bulk(UnitReport, reports, summary)
    _plain(RowReport, [_row_report(report, row, rng) for report, lead in zip(made, rows, strict=True)
                       for row in lead], summary)
    last_day = Period(MONTH, sample.plan.year, months).end
    _plain(Completion, [c for copied in plans for c in _completions(copied, last_day, rng)], summary)
    values = [v for copied in plans for v in _values(sample, copied, months, rng)]
    _plain(IndicatorValue, [v for v, _ in values], summary)
    _plain(ValueEntry, [e for _, e in values], summary)


def _periods(plans: list[Copied], months: int, today: date, summary: Summary) -> list[list[ReportingPeriod]]:
    year, made = plans[0].plan.year, []
    for copied in plans:
        commune = copied.plan.commune
        for month in range(1, months + 1):
            span = Period(MONTH, year, month)
            period = ReportingPeriod(commune=commune, year=year, month=month, start=span.start, end=span.end,
                                     deadline=deadline_for(commune, year, month))
            period.state = state_on(period, today)
            made.append(period)
    made = _bulk(ReportingPeriod, made, summary)
    return [made[i * months:(i + 1) * months] for i in range(len(plans))]


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=TZ)


def _report(copied: Copied, unit: DirectoryEntry, period: ReportingPeriod, rng: random.Random) -> UnitReport | None:
    outcome = rng.choices([o for o, _ in OUTCOMES], weights=[w for _, w in OUTCOMES])[0]
    if outcome == "missing":
        return None
    report = UnitReport(period=period, unit=unit, plan=copied.plan, state=ReportState.DRAFT)
    if outcome == "draft":
        return report
    late = outcome == "late" or (outcome == "waiting" and rng.random() < 0.3)
    sent = period.deadline + timedelta(days=rng.randint(1, 9) if late else -rng.randint(0, 5))
    report.submitted_at, report.is_late = _at(sent), late
    report.state = {"on_time": ReportState.ACCEPTED, "late": ReportState.ACCEPTED,
                    "waiting": ReportState.SUBMITTED, "returned": ReportState.RETURNED}[outcome]
    if outcome in ("on_time", "late", "returned"):
        report.decided_at = _at(sent + timedelta(days=rng.randint(0, 3)), 15)
    if outcome == "returned":
        report.return_reason, report.return_count = "Đề nghị bổ sung số liệu kết quả trong kỳ.", 1
    return report


def _row_report(report: UnitReport, row: Assignment, rng: random.Random) -> dict:
    done = rng.random() < 0.2
    return {"report_id": report.pk, "assignment_id": row.pk, "role": RowRole.LEAD,
            "status": RowStatus.DONE if done else RowStatus.IN_PROGRESS,
            "percent": 100 if done else rng.choice((20, 40, 50, 60, 80)),
            "results": f"Kết quả thực hiện {report.period}", "checked_in": report.submitted_at is not None}


def _completions(copied: Copied, last_day: date, rng: random.Random) -> list[dict]:
    """Rows finished on time, late, or not yet, for the rows whose dates fall in the generated months."""
    made = []
    for row in copied.assignments:
        points = [date.fromisoformat(m) for m in row.milestones or []] if row.deadline_kind == "milestones" else []
        points = points or ([row.due] if row.due and row.deadline_kind in ("date", "range") else [])
        for index, point in enumerate(points):
            luck = rng.random()
            if luck >= 0.75:
                continue  # not done
            finished = point - timedelta(days=rng.randint(0, 10)) if luck < 0.6 else \
                point + timedelta(days=rng.randint(1, 20))
            if finished <= last_day:
                made.append({"assignment_id": row.pk, "milestone": index, "completed_on": finished,
                             "accepted_on": finished + timedelta(days=2)})
    return made


def _values(sample: Sample, copied: Copied, months: int, rng: random.Random):
    """A quarterly value for each indicator with a number to reach, and the entry that records it."""
    year = sample.plan.year
    targets: dict[int, Target] = {}
    for target in sorted(sample.targets, key=lambda t: t.order):
        targets.setdefault(target.indicator_id, target)
    for source_pk, target in targets.items():
        if target.comparator in ("achieve", "range") or target.value is None:
            continue
        for quarter in range(1, months // 3 + 1):
            period = Period(QUARTER, year, quarter)
            value = (target.value * Decimal(rng.uniform(0.8, 1.15))).quantize(Decimal("0.01"))
            colour = indicator_rules.judge(target, value, period).colour
            entered = _at(period.end + timedelta(days=3))
            fields = {"indicator_id": copied.indicators[source_pk].pk, "period_kind": QUARTER, "period_year": year,
                      "period_number": quarter, "value": value, "entered_at": entered, "entered_by_id": None}
            yield fields, {**fields, "colour": colour, "via": "generate_scale"}
