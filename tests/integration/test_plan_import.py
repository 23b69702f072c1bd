"""Importing the plan into the database: counts, idempotence, versions, transactions, commands."""
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from communes.models import Alias, DirectoryEntry
from indicators.models import Indicator
from plans.models import Anomaly, Assignment, AssignmentRef, NodeLevel, Plan, TaskNode
from plans.services.importer import import_plan
from plans.signals import reresolve_refs
from tests.conftest import SAMPLE


def test_import_stores_the_tree_rows_refs_and_indicators(plan):
    assert plan.year == 2023 and plan.version == 1 and plan.is_current
    assert plan.signer_name == "Trần Anh Tấn" and plan.report_day == 20
    assert plan.commune.report_day == 20
    assert TaskNode.objects.filter(plan=plan, level=NodeLevel.TASK).count() == 47
    assert TaskNode.objects.filter(plan=plan, level=NodeLevel.GROUP).count() == 12
    assert TaskNode.objects.filter(plan=plan, level=NodeLevel.PART).count() == 2
    assert Assignment.objects.filter(node__plan=plan).count() == 69
    assert Indicator.objects.filter(plan=plan, parent=None).count() == 25
    assert not AssignmentRef.objects.filter(assignment__node__plan=plan, entry=None).exists()
    assert not DirectoryEntry.objects.filter(commune=plan.commune, needs_review=True).exists()
    joined = TaskNode.objects.get(plan=plan, code="II.5.4")
    assert "235 năm Phụng Hoàng - Trung Đô Vinh" in joined.title


def test_what_does_the_land_official_lead(plan):
    entry = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    codes = sorted(set(AssignmentRef.objects.filter(entry=entry, role="lead")
                       .values_list("assignment__node__code", flat=True)))
    # Read off the sample: Công chức Địa chính leads in these tasks.
    assert codes == ["I.1.1", "I.4.1", "I.4.4", "I.5.1", "II.3.1", "II.3.2"]


def test_reimporting_the_same_file_changes_nothing(plan):
    counts = (Plan.objects.count(), TaskNode.objects.count(), Assignment.objects.count())
    result = import_plan(plan.commune, SAMPLE.read_bytes(), SAMPLE.name)
    assert not result.created and result.plan == plan
    assert (Plan.objects.count(), TaskNode.objects.count(), Assignment.objects.count()) == counts


def test_a_changed_file_becomes_a_new_version_with_its_differences(plan):
    changed = SAMPLE.read_text().replace("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023")
    result = import_plan(plan.commune, changed.encode(), "ke-hoach-sua.txt")
    assert result.created and result.plan.version == 2 and result.plan.is_current
    plan.refresh_from_db()
    assert not plan.is_current
    assert result.changes == ["Nhiệm vụ I.3.3, dòng 1: thời hạn «Cuối tháng 7 và tháng 10/2023» → «Tháng 11/2023»"]


def test_a_failure_while_indicators_stores_the_appendix_leaves_nothing_behind(commune, monkeypatch):
    # indicators stores the appendix on plans' plan_rows_stored signal, inside the import's transaction.
    from indicators.services import storing

    def explode(*args, **kwargs):
        raise RuntimeError("đĩa đầy")

    monkeypatch.setattr(storing, "_store", explode)
    with pytest.raises(RuntimeError):
        import_plan(commune, SAMPLE.read_bytes(), SAMPLE.name)
    assert Plan.objects.count() == 0 and TaskNode.objects.count() == 0 and Assignment.objects.count() == 0
    assert Indicator.objects.count() == 0


def test_plan_anomalies_are_stored_with_their_places(plan):
    kinds = sorted(Anomaly.objects.filter(plan=plan, is_warning=False).values_list("kind", "where"))
    assert ("count", "I") in kinds and ("numbering", "II.4") in kinds and ("numbering", "I.4.2") in kinds
    assert ("arithmetic", "Phụ lục I, I.4") in kinds and ("share", "Phụ lục I, I.2") in kinds


def test_an_unknown_unit_becomes_a_directory_entry_for_review_and_an_edit_re_resolves(commune):
    text = SAMPLE.read_text().replace("Công chức Tư pháp\tCBCC xã, các xóm", "Ban Tiếp công dân\tCBCC xã, các xóm")
    plan = import_plan(commune, text.encode(), "kh.txt").plan
    new = DirectoryEntry.objects.get(commune=commune, needs_review=True)
    assert new.name == "Ban Tiếp công dân"
    assert Anomaly.objects.filter(plan=plan, kind="directory").exists()
    # The office decides it is the justice official: an alias on that entry, then re-resolution.
    justice = DirectoryEntry.objects.get(commune=commune, key="cc-tu-phap")
    Alias.objects.create(entry=justice, text="Ban Tiếp công dân")
    new.delete()
    reresolve_refs(commune)
    refs = AssignmentRef.objects.filter(assignment__node__plan=plan, text="Ban Tiếp công dân")
    assert refs.count() == 3  # the three rows of II.5.1 and II.5.2 that named it
    assert {ref.entry for ref in refs} == {justice}


def test_directory_edit_signal_re_resolves_after_commit(commune, django_capture_on_commit_callbacks):
    text = SAMPLE.read_text().replace("Đ/c PCT phụ trách XDCB", "Đ/c PCT phụ trách Nông thôn mới")
    plan = import_plan(commune, text.encode(), "kh.txt").plan
    ref = AssignmentRef.objects.get(assignment__node__plan=plan, assignment__node__code="I.5.3", role="leader")
    assert ref.entry.needs_review
    economy = DirectoryEntry.objects.get(commune=commune, key="pct-kinh-te")
    with django_capture_on_commit_callbacks(execute=True):
        # The office tells the directory who this is, and drops the placeholder entry made for review.
        Alias.objects.create(entry=economy, text="PCT phụ trách Nông thôn mới")
        ref.entry.delete()
    ref.refresh_from_db()
    assert ref.entry == economy


def test_parse_plan_command_prints_json_and_writes_nothing(db, capsys):
    call_command("parse_plan", str(SAMPLE))
    out = capsys.readouterr().out
    assert '"year": 2023' in out and '"code": "II.5.4"' in out
    assert Plan.objects.count() == 0


def test_import_plan_command(db, capsys):
    call_command("import_plan", str(SAMPLE), "--commune", "Hưng Đông")
    assert "47 nhiệm vụ" in capsys.readouterr().out
    call_command("import_plan", str(SAMPLE), "--commune", "Hưng Đông")
    assert "không thay đổi gì" in capsys.readouterr().out
    assert Plan.objects.count() == 1


def test_import_command_on_a_broken_file_fails_with_a_vietnamese_message(db, tmp_path):
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 garbage")
    with pytest.raises(CommandError, match="hong.docx"):
        call_command("import_plan", str(broken), "--commune", "Hưng Đông")
    assert Plan.objects.count() == 0


def test_parse_plan_exit_code_is_non_zero_on_a_missing_table(tmp_path):
    empty = tmp_path / "khong-bang.txt"
    empty.write_text("KẾ HOẠCH\nkhông có bảng\n")
    done = subprocess.run([sys.executable, "manage.py", "parse_plan", str(empty)], capture_output=True, text=True)
    assert done.returncode != 0
    assert "khong-bang.txt" in done.stderr and "bảng nhiệm vụ" in done.stderr


def test_import_command_on_a_broken_file_creates_no_commune(db, tmp_path):
    from communes.models import Commune

    broken = tmp_path / "hong.txt"
    broken.write_text("KẾ HOẠCH\nkhông có bảng\n")
    with pytest.raises(CommandError, match="hong.txt"):
        call_command("import_plan", str(broken), "--commune", "Xã Mới")
    assert not Commune.objects.filter(name="Xã Mới").exists()


def test_two_long_unknown_names_with_one_prefix_become_two_refs_without_a_crash(commune):
    long_name = "Ban quản lý dự án đầu tư xây dựng khu vực phía đông thành phố Vinh giai đoạn hai nghìn"
    text = (SAMPLE.read_text()
            .replace("Đ/c PCT phụ trách XDCB\tCông chức Đô thị", f"Đ/c PCT phụ trách XDCB\t{long_name} A")
            .replace("Phó Chủ tịch Kinh tế\tCông chức Đô thị\tCác đơn vị có liên quan",
                     f"Phó Chủ tịch Kinh tế\t{long_name} B\tCác đơn vị có liên quan"))
    plan = import_plan(commune, text.encode(), "kh.txt").plan
    refs = AssignmentRef.objects.filter(assignment__node__plan=plan, text__startswith=long_name)
    assert refs.count() == 2 and all(ref.entry.needs_review for ref in refs)
    assert {ref.entry.name for ref in refs} == {f"{long_name} A", f"{long_name} B"}


def test_a_new_version_keeps_the_years_completions_values_and_drafts(plan, personas):
    from datetime import date
    from decimal import Decimal

    from django.utils import timezone

    from indicators.models import IndicatorValue
    from reports.models import Completion, UnitReport
    from reports.queries.rates import status_of
    from reports.services import cycle, periods

    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    done = Assignment.objects.get(node__plan=plan, node__code="II.3.1")
    Completion.objects.create(assignment=done, completed_on=date(2023, 3, 20), accepted_on=date(2023, 3, 27))
    poverty = Indicator.objects.get(plan=plan, code="II.8")
    IndicatorValue.objects.create(indicator=poverty, period_kind="month", period_year=2023, period_number=3,
                                  value=Decimal("0.1"), entered_by=personas["office"], entered_at=timezone.now())
    draft = cycle.open_report(periods.ensure_period(plan.commune, 2023, 4), land, plan)

    changed = SAMPLE.read_text().replace("Cuối tháng 7 và tháng 10/2023", "Tháng 11/2023")
    new = import_plan(plan.commune, changed.encode(), "ke-hoach-sua.txt").plan

    moved = Assignment.objects.get(node__plan=new, node__code="II.3.1")
    assert status_of(moved, date(2023, 4, 1)).label == "Hoàn thành đúng hạn"
    # Both dates travel: the unit's finish day (20/03) and the office's acceptance day (27/03).
    assert Completion.objects.filter(assignment=moved).values_list("completed_on", "accepted_on").get() == (
        date(2023, 3, 20), date(2023, 3, 27))
    assert IndicatorValue.objects.get().indicator == Indicator.objects.get(plan=new, code="II.8")
    draft = UnitReport.objects.get(pk=draft.pk)
    assert draft.plan == new
    assert set(draft.rows.values_list("assignment__node__plan", flat=True)) == {new.pk}
    assert Completion.objects.filter(assignment=done).exists()  # the old version keeps its own history


def test_an_impossible_plan_year_is_named_in_the_refusal(commune):
    from planparser.blocks import PlanReadError
    from plans.services.importer import parse_for_commune

    text = SAMPLE.read_text(encoding="utf-8").replace("Phát triển kinh tế - xã hội năm 2023",
                                                      "Phát triển kinh tế - xã hội năm 20233", 1)
    with pytest.raises(PlanReadError) as refused:
        parse_for_commune(commune, text.encode(), "ke-hoach.txt")
    assert "«20233»" in str(refused.value) and "ke-hoach.txt" in str(refused.value)
