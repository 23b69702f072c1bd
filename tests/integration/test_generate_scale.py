"""generate_scale: the counts and the status mix it promises, at a small size, and it refuses a second run."""
import re
from collections import Counter
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from audit.models import LogEntry
from communes.models import AdminArea, Commune
from communes.queries import communes_under
from indicators.models import IndicatorValue, ValueEntry
from plans.models import Assignment, Plan
from provinces import queries
from reports.models import Completion, ReportingPeriod, ReportState, RowReport, UnitReport

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def generated():
    with time_machine.travel("2024-02-01 09:00 +0700", tick=False):
        call_command("generate_scale", communes=40, months=12, verbosity=0)


def test_counts_and_shape(generated):
    assert AdminArea.objects.filter(parent=None).count() == 34
    assert Commune.objects.count() == 40
    # 40 × 130 / 3321 rounds to 2 communes for Nghệ An; 38 over the other 33, so five of them get 2.
    assert Commune.objects.filter(area__name="Nghệ An").count() == 2
    assert Plan.objects.filter(is_current=True, year=2023).count() == 40
    assert Assignment.objects.count() == 40 * 69  # the sample's 69 assignment rows, in every commune
    assert ReportingPeriod.objects.count() == 40 * 12
    # Each commune: 10 units lead rows, 12 months; a unit-month is missing or has exactly one report.
    assert UnitReport.objects.count() < 40 * 10 * 12
    reporting = set(UnitReport.objects.values_list("plan__commune", flat=True))
    assert reporting == set(Commune.objects.values_list("pk", flat=True))


def test_every_report_status_and_outcome_appears(generated):
    reports = UnitReport.objects
    states = Counter(reports.values_list("state", flat=True))
    assert set(states) == {ReportState.DRAFT, ReportState.SUBMITTED, ReportState.ACCEPTED, ReportState.RETURNED}
    assert reports.filter(state=ReportState.ACCEPTED, is_late=False).exists()
    assert reports.filter(state=ReportState.ACCEPTED, is_late=True).exists()
    assert not reports.filter(state=ReportState.DRAFT, submitted_at__isnull=False).exists()
    missing = 40 * 10 * 12 - reports.count()
    assert 0.05 * 4800 < missing < 0.25 * 4800  # about 14% of unit-months send nothing
    assert RowReport.objects.filter(report__state=ReportState.DRAFT).exists()
    late = [c for c in Completion.objects.select_related("assignment") if c.assignment.due and c.milestone == 0
            and c.assignment.deadline_kind == "date" and c.completed_on > c.assignment.due]
    assert late and Completion.objects.count() > len(late)
    assert IndicatorValue.objects.count() == ValueEntry.objects.count() > 0
    assert {"red", "green"} <= set(ValueEntry.objects.values_list("colour", flat=True))


def test_the_rollup_reads_the_generated_year(generated):
    nghe_an = AdminArea.objects.get(name="Nghệ An")
    lines = queries.rollup(communes_under(nghe_an), 2023, 12, date(2024, 2, 1))
    assert [line.expected for line in lines] == [10, 10]
    assert all(line.total_rows == 69 and line.reported > 0 for line in lines)


def test_a_second_run_is_refused_and_the_load_is_logged_once(generated):
    with pytest.raises(CommandError, match="không chạy lần hai"):
        call_command("generate_scale", communes=5, months=1, verbosity=0)
    assert LogEntry.objects.filter(action="scale.generated").count() == 1
    assert Commune.objects.count() == 40


def test_the_summary_writes_counts_with_the_thousands_dot_and_keeps_its_comma():
    out = StringIO()
    with time_machine.travel("2024-02-01 09:00 +0700", tick=False):
        call_command("generate_scale", communes=5, months=1, stdout=out)
    summary = out.getvalue().strip().splitlines()[-1]
    # 5 communes of the sample's plan: 5 × 69 assignment rows alone pass a thousand rows with everything else, so the
    # count is written with dots ("1.234"); the comma after "tỉnh/thành phố" stays a comma.
    assert re.fullmatch(r"Đã tạo 5 xã/phường thuộc \d+ tỉnh/thành phố, \d{1,3}(\.\d{3})+ dòng dữ liệu trong \d+ giây\.",
                        summary), summary


def test_bad_sizes_say_what_is_wrong():
    with pytest.raises(CommandError, match="--months phải từ 1 đến 12"):
        call_command("generate_scale", communes=5, months=13)
