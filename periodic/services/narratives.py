"""The writes: creating a report with its drafted sections, and saving a section against its version."""
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F

from audit.services import log_action
from plans.models import Plan
from theodoi import clock
from theodoi import formatting as fmt
from theodoi.errors import DomainError

from ..models import NARRATIVE_MAX, Narrative, PeriodicReport, ReportKind
from ..queries import drafts, figures


class NarrativeError(DomainError):
    """Bad input for a section; the message says which section and why."""


class ConflictError(DomainError):
    """Someone saved the section after this editor loaded it; `current` is what they saved."""

    def __init__(self, current: Narrative):
        self.current = current
        who = current.updated_by.get_full_name() or current.updated_by.get_username() if current.updated_by else ""
        super().__init__(
            f"Phần «{current.title}» vừa được {who or 'người khác'} lưu lúc "
            f"{clock_text(current)} sau khi bạn mở trang, nên nội dung của bạn CHƯA được lưu để không ghi đè lên "
            "nội dung đó. Nội dung bạn vừa gõ vẫn còn trong ô bên dưới; hãy đối chiếu với nội dung mới nhất "
            "rồi bấm lưu lại.")


def clock_text(narrative: Narrative) -> str:
    from django.utils import timezone

    moment = timezone.localtime(narrative.updated_at)
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}"


@dataclass
class Created:
    report: PeriodicReport
    created: bool


def create_report(plan: Plan, kind: str, user, today: date | None = None) -> Created:
    """The plan's report of this kind, created with its sections drafted from the data; an existing one is kept
    as it is (its sections hold what people wrote)."""
    if kind not in ReportKind.values:
        raise NarrativeError(f"Loại báo cáo «{kind}» không có; chọn quý I–IV, 6 tháng, 9 tháng hoặc năm.")
    existing = PeriodicReport.objects.filter(commune_id=plan.commune_id, year=plan.year, kind=kind).first()
    if existing is not None:
        return Created(existing, False)
    today = today or clock.today()
    try:
        with transaction.atomic():
            report = PeriodicReport.objects.create(commune_id=plan.commune_id, year=plan.year, kind=kind,
                                                   created_by=user, created_at=clock.now())
            _draft_sections(report, plan, today, user)
            log_action("periodic_report.created", report, user=user, commune=plan.commune,
                       data={"kind": kind, "year": plan.year, "plan": plan.pk, "plan_version": plan.version})
    except IntegrityError:  # a second office session created the same report a moment earlier
        return Created(PeriodicReport.objects.get(commune_id=plan.commune_id, year=plan.year, kind=kind), False)
    return Created(report, True)


def _draft_sections(report: PeriodicReport, plan: Plan, today: date, user) -> None:
    now = clock.now()
    sections = drafts.sections(figures.draft(report, plan, today))
    Narrative.objects.bulk_create([
        Narrative(report=report, key=key, title=title[:300], order=order, text=text[:NARRATIVE_MAX],
                  updated_by=user, updated_at=now)
        for order, (key, title, text) in enumerate(sections, start=1)])


def normalise(text: str) -> str:
    """Line ends as one "\\n", no trailing spaces: what the browser sends differs from what it showed."""
    return "\n".join(line.rstrip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def save_narrative(narrative: Narrative, version: int, text: str, user) -> Narrative:
    """Save a section if nobody saved it since `version` was loaded; each save leaves before/after in the trail."""
    text = normalise(text).strip("\n")
    if len(text) > NARRATIVE_MAX:
        raise NarrativeError(f"Phần «{narrative.title}» dài {fmt.number(len(text))} ký tự, quá giới hạn "
                             f"{fmt.number(NARRATIVE_MAX)} ký tự; hãy rút gọn.")
    with transaction.atomic():
        # Only the section's own row is locked (PostgreSQL refuses FOR UPDATE across the nullable "updated_by").
        current = Narrative.objects.select_for_update(of=("self",)).select_related("report__commune") \
            .get(pk=narrative.pk)
        if current.version != version:
            raise ConflictError(current)
        if current.text == text:
            return current
        updated = Narrative.objects.filter(pk=current.pk, version=version).update(
            text=text, version=F("version") + 1, updated_by=user, updated_at=clock.now())
        if not updated:  # SQLite has no row lock: the versioned update is the guard
            raise ConflictError(Narrative.objects.select_related("updated_by").get(pk=current.pk))
        log_action("periodic_report.narrative_saved", current, user=user, commune=current.report.commune,
                   changes={"text": [current.text, text]},
                   data={"report": current.report_id, "section": current.title, "version": version + 1})
    return Narrative.objects.select_related("updated_by").get(pk=current.pk)
