"""The documents issues 15 and 16 added, built as their views build them, for the read-back and render tests.

- the quarter II 2023 report and its annex, drafted on 25/05/2023 over the seeded April-May cycle (tests.seeds);
- the year-end 2023 report and its annex, drafted on 20/12/2023 (it adds the evaluation table and sheet);
- next year's plan draft (2024) made on 20/12/2023;
- the province roll-up workbook of May 2023 over a small province (tests/integration/province_world.py);
- the evaluation proposal (DOCX, XLSX) of a year under Decree 335/2025: the sample plan relabelled 2026, evaluated on
  10/01/2027, so that the points-based rule set writes the papers the earlier tests saw only under Decree 90/2020.
"""
from datetime import date

import time_machine

from evaluation import exports as evaluation_exports
from evaluation.queries.evaluate import evaluate
from nextyear.exports.appendix import appendix
from nextyear.exports.document import draft_docx
from nextyear.queries import select
from periodic.exports import documents as periodic_documents
from periodic.queries import context as periodic_context
from periodic.services import narratives
from provinces import board
from provinces import xlsx as province_xlsx
from theodoi import clock

from .province_world import handmade_plan, make_area, make_commune, may_reports

QUARTER_DAY = "2023-05-25 09:00 +0700"
YEAR_END_DAY = "2023-12-20 09:00 +0700"


def periodic_files(plan, office, kind: str = "quarter-2", day: str = QUARTER_DAY) -> tuple[bytes, bytes]:
    with time_machine.travel(day, tick=False):
        report = narratives.create_report(plan, kind, office).report
        data = periodic_context.build(report, plan, clock.today())
        return periodic_documents.render_docx(data), periodic_documents.render_xlsx(data)


def next_year_file(plan, day: str = YEAR_END_DAY) -> bytes:
    with time_machine.travel(day, tick=False):
        return draft_docx(select(plan, clock.today()), appendix(plan), clock.today())


def small_province():
    """Nghệ An: Kim Liên (xã, in the district of Nam Đàn) with May's reports, Vinh Tân (phường), Xuân Hòa (no plan)."""
    from communes.models import AreaKind

    province = make_area("Nghệ An")
    district = make_area("Nam Đàn", AreaKind.DISTRICT, province)
    kim_lien = handmade_plan(make_commune("Kim Liên", district))
    handmade_plan(make_commune("Vinh Tân", province, kind="phường"))
    make_commune("Xuân Hòa", province)
    may_reports(kim_lien)
    return province


def province_file(province, day: str = QUARTER_DAY, month: int = 5) -> bytes:
    with time_machine.travel(day, tick=False):
        context = board.board(province, 2023, month, clock.today(), board.Filters())
        return province_xlsx.workbook(context)


def decree_335_files(plan) -> tuple[bytes, bytes]:
    """Relabels `plan` as 2026's: build every other file of the plan first."""
    type(plan).objects.filter(pk=plan.pk).update(year=2026)
    plan.refresh_from_db()
    with time_machine.travel("2027-01-10 09:00 +0700", tick=False):
        evaluation = evaluate(plan, today=date(2027, 1, 10))
        assert evaluation.rules.__name__.endswith("decree_335_2025")
        return (evaluation_exports.docx_bytes(evaluation, "http://testserver"),
                evaluation_exports.xlsx_bytes(evaluation, "http://testserver"))
