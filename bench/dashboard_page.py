"""How the dashboard compares with the bare SQL of its aggregates, alone and among many communes.

    .venv/bin/python bench/dashboard_page.py [--communes 500] [--repeat 7]

Builds, in a throw-away SQLite database (or DATABASE_URL if set), one commune with the sample plan and a year of
reports, times the dashboard page for December against raw SQL that computes its main aggregates, then adds
N communes with copies of the plan and their own year of reports and times both again. Prints ratios only: the
point is that the commune's page does not slow down with the others' data, not a threshold.
"""
import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="theodoi-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3")
os.environ.setdefault("THEODOI_MEDIA_ROOT", f"{WORK}/media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import Role  # noqa: E402
from bench.timing import median_seconds  # noqa: E402
from communes.services.directory import seed_directory  # noqa: E402
from plans.models import Assignment, AssignmentRef, Plan, TaskNode  # noqa: E402
from reports.models import Completion, ReportingPeriod, RowReport, UnitReport  # noqa: E402
from tests.factories import import_sample, make_commune, make_user  # noqa: E402
from tests.seeds import seed_year  # noqa: E402

AGGREGATES = [
    """SELECT r.entry_id, COUNT(*), SUM(CASE WHEN c.id IS NULL AND a.due < %(day)s THEN 1 ELSE 0 END)
       FROM plans_assignment a JOIN plans_tasknode n ON n.id = a.node_id
       JOIN plans_assignmentref r ON r.assignment_id = a.id AND r.role = %(role)s
       LEFT JOIN reports_completion c ON c.assignment_id = a.id AND c.completed_on <= %(day)s
       WHERE n.plan_id = %(plan)s GROUP BY r.entry_id""",
    """SELECT p.code, COUNT(*), SUM(CASE WHEN c.id IS NULL AND a.due < %(day)s THEN 1 ELSE 0 END)
       FROM plans_assignment a JOIN plans_tasknode n ON n.id = a.node_id JOIN plans_tasknode p ON p.id = n.parent_id
       LEFT JOIN reports_completion c ON c.assignment_id = a.id AND c.completed_on <= %(day)s
       WHERE n.plan_id = %(plan)s GROUP BY p.code""",
    """SELECT u.unit_id, u.is_late, u.submitted_at IS NOT NULL FROM reports_unitreport u
       WHERE u.period_id = %(period)s""",
]


def raw_sql(plan, period) -> None:
    with connection.cursor() as cursor:
        for role in ("leader", "lead"):
            cursor.execute(AGGREGATES[0], {"day": period.end, "plan": plan.pk, "role": role})
            cursor.fetchall()
        for sql in AGGREGATES[1:]:
            cursor.execute(sql, {"day": period.end, "plan": plan.pk, "period": period.pk})
            cursor.fetchall()


def ratio(client, plan, period, repeat: int) -> float:
    url = f"{reverse('dashboard')}?ky={period.pk}"

    def page():
        response = client.get(url)
        assert response.status_code == 200, (response.status_code, response.content[:300])

    return median_seconds(page, repeat) / median_seconds(lambda: raw_sql(plan, period), repeat)


def copy_commune(source: Plan, n: int) -> None:
    """Another commune with a copy of the plan, its completions and a year of reports, by bulk inserts."""
    commune = make_commune(name=f"Xã đối chứng {n}")
    seed_directory(commune)
    entries = {e.key: e for e in commune.entries.all()}
    plan = Plan.objects.get(pk=source.pk)
    plan.pk, plan.commune = None, commune
    plan.save()
    nodes = copy_nodes(source, plan)
    assignments = copy_assignments(source, nodes, entries)
    copy_reports(source, commune, plan, assignments, entries)


def copy_nodes(source: Plan, plan: Plan) -> dict[int, TaskNode]:
    originals = list(source.nodes.order_by("order"))
    copies = TaskNode.objects.bulk_create([TaskNode(plan=plan, level=o.level, number=o.number, code=o.code,
                                                    title=o.title, order=o.order) for o in originals])
    mapping = {o.pk: c for o, c in zip(originals, copies, strict=True)}
    for original, copy in zip(originals, copies, strict=True):
        copy.parent = mapping.get(original.parent_id)
    TaskNode.objects.bulk_update(copies, ["parent"])
    return mapping


def copy_assignments(source: Plan, nodes, entries) -> dict[int, Assignment]:
    originals = list(Assignment.objects.filter(node__plan=source).prefetch_related("refs__entry", "completions"))
    copies = Assignment.objects.bulk_create([Assignment(
        node=nodes[o.node_id], order=o.order, deadline_text=o.deadline_text, deadline_kind=o.deadline_kind,
        due=o.due, milestones=o.milestones, recurrence=o.recurrence) for o in originals])
    AssignmentRef.objects.bulk_create([AssignmentRef(assignment=c, role=r.role, order=r.order, text=r.text,
                                                     entry=entries.get(r.entry.key) if r.entry_id else None)
                                       for o, c in zip(originals, copies, strict=True) for r in o.refs.all()])
    Completion.objects.bulk_create([Completion(assignment=c, milestone=x.milestone, completed_on=x.completed_on)
                                    for o, c in zip(originals, copies, strict=True) for x in o.completions.all()])
    return {o.pk: c for o, c in zip(originals, copies, strict=True)}


def copy_reports(source: Plan, commune, plan, assignments, entries) -> None:
    for period in ReportingPeriod.objects.filter(commune=source.commune):
        mine = ReportingPeriod.objects.create(commune=commune, year=period.year, month=period.month,
                                              start=period.start, end=period.end, deadline=period.deadline)
        reports = list(UnitReport.objects.filter(period=period).select_related("unit"))
        copies = UnitReport.objects.bulk_create([UnitReport(
            period=mine, unit=entries[r.unit.key], plan=plan, state=r.state, submitted_at=r.submitted_at,
            is_late=r.is_late) for r in reports])
        by_report = {r.pk: c for r, c in zip(reports, copies, strict=True)}
        RowReport.objects.bulk_create([RowReport(
            report=by_report[x.report_id], assignment=assignments[x.assignment_id], role=x.role, status=x.status,
            percent=x.percent, results=x.results) for x in RowReport.objects.filter(report__period=period)],
            batch_size=500)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--communes", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    commune = make_commune()
    seed_directory(commune)
    plan = import_sample(commune)
    office = make_user("bench.vanphong", Role.OFFICE, commune, ["van-phong-tk"])
    seed_year(plan, office)
    chairman = make_user("bench.chutich", Role.CHAIRMAN, commune, position_key="chu-tich")
    period = ReportingPeriod.objects.get(commune=commune, year=2023, month=12)
    client = Client()
    client.force_login(chairman)
    print(f"dashboard / raw SQL, 1 commune: {ratio(client, plan, period, args.repeat):.1f}")
    for n in range(args.communes):
        copy_commune(plan, n)
    print(f"dashboard / raw SQL, {args.communes + 1} communes: {ratio(client, plan, period, args.repeat):.1f}")


if __name__ == "__main__":
    # The test client's host, and a cheap hash for the two bench users.
    with override_settings(ALLOWED_HOSTS=["testserver"],
                           PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        main()
