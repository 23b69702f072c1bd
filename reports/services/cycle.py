"""The unit report's life: draft → submitted → accepted, or returned and resubmitted; reopen and lock.

Every transition is one transaction and one audit entry. Saves are optimistic: the form carries the
version it was loaded at, and a save against a newer version is refused as a conflict, never merged blindly.
"""
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import F, Field, prefetch_related_objects

from audit.context import in_commune
from audit.services import log_action
from plans.models import Assignment, AssignmentRef, Plan, RefRole
from theodoi import clock
from theodoi.formatting import number
from theodoi.stored_files import delete_after_commit

from ..models import REASON_MAX, PeriodState, ReportState, RowReport, RowRole, RowStatus, UnitReport
from ..rules.validation import Errors, FieldErrors, add, flatten
from . import completion, row_changes
from .periods import state_on


class CycleError(Exception):
    """A transition that is not allowed now; the message is Vietnamese and says why."""


@dataclass
class SaveResult:
    ok: bool
    conflict: bool = False
    errors: dict[int, list[str]] = field(default_factory=dict)  # each row's messages, as the page lists them
    fields: Errors = field(default_factory=dict)  # the same, keyed by field: the Excel import names their cells
    current: dict[int, dict] = field(default_factory=dict)  # what the database holds, on a conflict


def unit_rows(plan: Plan, unit) -> tuple[list[Assignment], list[Assignment]]:
    """The rows a unit leads and those it coordinates, in plan order."""
    rows = (Assignment.objects.filter(node__plan=plan, refs__entry=unit)
            .select_related("node").prefetch_related("solutions").distinct().order_by("node__order", "order"))
    lead = list(rows.filter(refs__role=RefRole.LEAD, refs__entry=unit))
    lead_ids = {a.pk for a in lead}
    coordinating = [a for a in rows.filter(refs__role=RefRole.COORDINATING, refs__entry=unit) if a.pk not in lead_ids]
    return lead, coordinating


def units_with_rows(plan: Plan, units) -> set[int]:
    """Which of these units lead or coordinate at least one row of the plan: the others have nothing to report."""
    return set(AssignmentRef.objects.filter(assignment__node__plan=plan, entry__in=units,
                                            role__in=(RefRole.LEAD, RefRole.COORDINATING))
               .values_list("entry_id", flat=True))


def open_report(period, unit, plan: Plan) -> UnitReport:
    """The unit's report for the period, created with one line per row and last month's status carried over."""
    with transaction.atomic():
        report, created = UnitReport.objects.get_or_create(period=period, unit=unit, defaults={"plan": plan})
        if created:
            _create_rows(report, plan, unit)
    return report


def _create_rows(report: UnitReport, plan: Plan, unit) -> None:
    lead, coordinating = unit_rows(plan, unit)
    previous = {r.assignment_id: r for r in RowReport.objects.filter(
        report__unit=unit, report__plan=plan, role=RowRole.LEAD).exclude(report=report)
        .order_by("report__period__year", "report__period__month")}
    rows = [RowReport(report=report, assignment=a, role=RowRole.LEAD, **_carried(a, previous.get(a.pk)))
            for a in lead]
    rows += [RowReport(report=report, assignment=a, role=RowRole.COORDINATING) for a in coordinating]
    RowReport.objects.bulk_create(rows)


def _carried(assignment: Assignment, last: RowReport | None) -> dict:
    """Last month's status and progress; a "done" milestone row restarts, so the next milestone is claimed anew."""
    if last is None:
        return {"status": "", "percent": None}
    milestones = len(assignment.milestones or [])
    if last.status == RowStatus.DONE and milestones and milestones > assignment.completions.count():
        return {"status": RowStatus.IN_PROGRESS, "percent": None}
    # Work already finished keeps the day it was finished, not the day this month's report is sent.
    finished = last.finished_on if last.status == RowStatus.DONE else None
    return {"status": last.status, "percent": last.percent, "finished_on": finished}


def is_editable(report: UnitReport, today: date) -> bool:
    if report.state not in (ReportState.DRAFT, ReportState.RETURNED):
        return False
    if report.reopened_until and today <= report.reopened_until:
        return True
    return state_on(report.period, today) != PeriodState.LOCKED


def save(report: UnitReport, user, version: int, rows: dict[int, dict], submit: bool, today: date,
         stored: list[RowReport] | None = None) -> SaveResult:
    """One save in a number of queries that does not grow with the rows: the rows are read once (for the page's
    form, the rules and the write; `stored` when the caller has read them with rows_of), written with one statement,
    and logged in one entry for the commune resolved once. On success `report` holds what the database holds."""
    if not is_editable(report, today):
        raise CycleError("Báo cáo này không sửa được nữa (đã gửi, đã duyệt hoặc kỳ đã khóa).")
    stored = stored if stored is not None else rows_of(report)
    _read_completions(stored, rows)
    errors = validate(report, rows, submit, today, stored)
    if errors:
        return SaveResult(ok=False, errors=flatten(errors), fields=errors)
    now = clock.now()
    written = _submission(report, user, today, now) if submit else {}
    # All that is done in memory comes before the transaction, which on SQLite holds the one write lock that every
    # other save waits for (issue 15); only new evidence files wait for the version check, so a refused save
    # stores none.
    before, uploads = _apply_typed(report, stored, rows, submit, today)
    if not uploads:  # with new files the change list is made once they are attached, inside the transaction
        changes = row_changes.changed(stored, before)
        trail = row_changes.for_the_trail(stored, changes)
    with in_commune(report.period.commune_id), transaction.atomic():
        # The version check and, on submission, the new state in one statement.
        bumped = UnitReport.objects.filter(pk=report.pk, version=version).update(
            version=F("version") + 1, updated_at=now, **written)
        if not bumped:
            return SaveResult(ok=False, conflict=True, current=snapshot_rows(report))
        if uploads:
            changes = _attach(stored, uploads, before)
            trail = row_changes.for_the_trail(stored, changes)
        row_changes.store(stored, changes)
        flat, words = trail
        log_action("report.submitted" if submit else "report.saved", report, user=user, changes=flat,
                   data={"words": words, "rows": len(changes)})
    # What was just written, instead of reading the report back: the version check above proves nobody else
    # wrote in between.
    for name, value in {"version": version + 1, "updated_at": now, **written}.items():
        setattr(report, name, value)
    return SaveResult(ok=True)


def rows_of(report: UnitReport) -> list[RowReport]:
    """The report's rows as a save needs them, in one query."""
    rows = RowReport.objects.filter(report_id=report.pk).select_related("assignment__node")
    return sorted(rows, key=lambda row: row.pk)  # sorted here: an ORDER BY costs more to compile than to sort


def _read_completions(stored: list[RowReport], typed: dict[int, dict]) -> None:
    """Only a row with milestones that is reported done looks at the milestones the office has accepted (in
    completion.finish_problems and fill_row_defaults): theirs are read in one query, and none when no row is."""
    done = [row.assignment for row in stored if row.assignment.deadline_kind == "milestones"
            and typed.get(row.pk, {}).get("status", row.status) == RowStatus.DONE]
    prefetch_related_objects(done, "completions")


def _apply_typed(report: UnitReport, stored: list[RowReport], rows: dict[int, dict], submit: bool,
                 today: date) -> tuple[dict[int, dict], dict[int, object]]:
    """What was typed (and, on submission, the finish defaults) applied in memory; returns the rows' values before,
    and the new evidence files by row, kept aside to be stored by _attach."""
    before = row_changes.before(stored)
    uploads = {}
    for row in stored:
        if row.pk in rows:
            if rows[row.pk].get("evidence_file"):  # an empty file input keeps the file already uploaded
                uploads[row.pk] = rows[row.pk]["evidence_file"]
            _apply(row, rows[row.pk])
        if submit:
            completion.fill_row_defaults(row, report.pk, today)
    return before, uploads


def _apply(row: RowReport, values: dict) -> None:
    for name, value in values.items():
        if name != "evidence_file":
            setattr(row, name, value)
    row.checked_in = bool(row.results.strip())
    if row.status != RowStatus.DONE:
        row.finished_on = row.milestone = None  # only finished work has a finish date and a milestone


def _attach(stored: list[RowReport], uploads: dict[int, object], before: dict[int, dict]) -> dict:
    """Store the new evidence files, inside the save's transaction; returns the rows' changes with them."""
    for row in stored:
        if row.pk in uploads:
            delete_after_commit(row.evidence_file)  # the file it replaces goes, once this commits
            row.evidence_file = uploads[row.pk]
            # row_changes.store writes the name only: the file itself is stored here, as Model.save would.
            row_changes.field_of("evidence_file").pre_save(row, add=False)
    return row_changes.changed(stored, before)


def _submission(report: UnitReport, user, today: date, now) -> dict:
    """What a submission writes on the report; the version check it goes with proves `report` is current."""
    first_time = report.submitted_at is None
    return {"state": ReportState.SUBMITTED, "submitted_at": now, "submitted_by": user,
            # Timeliness is that of the first submission, as DHIS2 counts it; a return does not make it late.
            "is_late": (today > report.period.deadline) if first_time else report.is_late}


def snapshot_rows(report: UnitReport) -> dict[int, dict]:
    fields = ("status", "percent", "results", "obstacles", "proposals", "evidence_number", "evidence_date",
              "finished_on", "milestone")
    return {r.pk: {f: getattr(r, f) for f in fields} for r in report.rows.all()}


def validate(report: UnitReport, rows: dict[int, dict], submit: bool, today: date,
             stored: list[RowReport] | None = None) -> Errors:
    """The cycle's rules on what a unit typed, by row and field ({pk: {"percent": [...]}}); `stored` are the
    report's rows when the caller has already read them."""
    errors: Errors = {}
    year = report.plan.year
    if stored is None:
        stored = rows_of(report)
        _read_completions(stored, rows)
    for row in stored:
        data = rows.get(row.pk, {})
        problems: FieldErrors = {}
        _row_problems(row, data, submit, problems)
        _finish_problems(row, data, year, today, problems)
        too_long(row, data, problems)
        if problems:
            errors[row.pk] = problems
    return errors


def _row_problems(row: RowReport, data: dict, submit: bool, problems: FieldErrors) -> None:
    status, percent = data.get("status", row.status), data.get("percent", row.percent)
    if row.role == RowRole.LEAD and submit and not status:
        add(problems, "status", "Chưa chọn tình trạng thực hiện.")
    if status == RowStatus.DONE and percent not in (None, 100):
        add(problems, "percent", "Đã chọn «Hoàn thành» thì tiến độ phải là 100%.")
    recurring = row.assignment.deadline_kind == "recurring"
    if submit and recurring and row.role == RowRole.LEAD and not (data.get("results") or row.results).strip():
        add(problems, "results", "Nhiệm vụ thường xuyên: cần ghi kết quả trong kỳ (cập nhật định kỳ).")


def _finish_problems(row: RowReport, data: dict, year: int, today: date, problems: FieldErrors) -> None:
    for name, messages in completion.finish_problems(row, data, year, today).items():
        for message in messages:
            add(problems, name, message)


TEXT_LABELS = {"results": "Kết quả trong kỳ", "obstacles": "Khó khăn, vướng mắc", "proposals": "Đề xuất, kiến nghị",
               "evidence_number": "Văn bản minh chứng"}


def text_label(row: RowReport, name: str) -> str:
    return "Nội dung phối hợp" if name == "results" and row.role == RowRole.COORDINATING else TEXT_LABELS[name]


def text_limit(name: str) -> int:
    """The stored limit of one of a row's text fields (each declares a max_length)."""
    field = RowReport._meta.get_field(name)
    if not isinstance(field, Field) or field.max_length is None:
        raise TypeError(f"RowReport.{name} is no text field with a limit")
    return field.max_length


def too_long(row: RowReport, data: dict, problems: FieldErrors) -> None:
    """Text over its field's limit, named by task and field: the Excel import lists these away from the row."""
    for name in TEXT_LABELS:
        text, limit = data.get(name) or "", text_limit(name)
        if len(text) > limit:
            where = f"Nhiệm vụ {row.assignment.node.code} ({row.get_role_display().lower()})"
            add(problems, name, f"{where} – «{text_label(row, name)}»: {number(len(text))} ký tự, tối đa "
                                f"{number(limit)} ký tự; hãy rút gọn.")


def _reason(text: str, what: str, why: str) -> str:
    text = text.strip()
    if not text:
        raise CycleError(f"Cần ghi lý do {what}{why}.")
    if len(text) > REASON_MAX:
        raise CycleError(f"Lý do {what} dài {number(len(text))} ký tự, tối đa {number(REASON_MAX)} ký tự.")
    return text


def accept(report: UnitReport, user, today: date) -> None:
    with in_commune(report.period.commune_id), transaction.atomic():  # each completion's entry, without a walk
        if UnitReport.objects.filter(pk=report.pk, state=ReportState.SUBMITTED).update(
                state=ReportState.ACCEPTED, decided_at=clock.now(), decided_by=user) != 1:
            raise CycleError("Chỉ chấp nhận được báo cáo đang chờ duyệt.")
        done = report.rows.filter(role=RowRole.LEAD, status=RowStatus.DONE).select_related("assignment")
        made = [c for c in (completion.complete(row, report, today) for row in done) if c is not None]
        log_action("report.accepted", report, user=user, data={"completed": [
            {"assignment": c.assignment_id, "milestone": c.milestone, "finished_on": c.completed_on.isoformat()}
            for c in made]})


def return_report(report: UnitReport, user, reason: str) -> None:
    reason = _reason(reason, "trả lại", " để đơn vị biết phải sửa gì")
    with transaction.atomic():
        if UnitReport.objects.filter(pk=report.pk, state=ReportState.SUBMITTED).update(
                state=ReportState.RETURNED, decided_at=clock.now(), decided_by=user,
                return_reason=reason, return_count=F("return_count") + 1) != 1:
            raise CycleError("Chỉ trả lại được báo cáo đang chờ duyệt.")
        log_action("report.returned", report, user=user, data={"reason": reason})


def reopen(report: UnitReport, user, reason: str, until: date) -> None:
    reason = _reason(reason, "mở lại kỳ báo cáo", " cho đơn vị")
    with transaction.atomic():
        state = ReportState.RETURNED if report.state != ReportState.DRAFT else ReportState.DRAFT
        UnitReport.objects.filter(pk=report.pk).update(state=state, reopened_until=until, reopen_reason=reason)
        log_action("report.reopened", report, user=user, data={"reason": reason, "until": until.isoformat()})
