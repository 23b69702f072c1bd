"""The monthly cycle: reporting periods, one report per unit per period, and what it says of each row."""
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver

from communes.models import Commune, DirectoryEntry
from plans.models import Assignment, Plan
from theodoi.periods import MONTH, Period
from theodoi.stored_files import delete_after_commit

# Long enough for a month's account of one row (about a page), short enough to read in a consolidated report;
# the form shows the limit and cycle.validate enforces it for the page and the Excel file alike.
RESULTS_MAX = 4000
NOTE_MAX = 2000
REASON_MAX = 1000


class PeriodState(models.TextChoices):
    OPEN = "open", "Đang mở"
    CLOSED = "closed", "Đã hết hạn (nộp muộn)"
    LOCKED = "locked", "Đã khóa"


class ReportingPeriod(models.Model):
    """One month of Decree 09 (15th of the previous month to the 14th); longer views derive from months."""
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="periods")
    year = models.PositiveSmallIntegerField("năm")
    month = models.PositiveSmallIntegerField("tháng")
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    deadline = models.DateField("hạn nộp")
    state = models.CharField("trạng thái", max_length=10, choices=PeriodState.choices, default=PeriodState.OPEN)

    class Meta:
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"
        ordering = ["-year", "-month"]
        constraints = [models.UniqueConstraint(fields=["commune", "year", "month"], name="unique_period")]

    def __str__(self) -> str:
        return f"Tháng {self.month:02d}/{self.year}"

    @property
    def span(self) -> Period:
        return Period(MONTH, self.year, self.month)

    @property
    def cutoff(self) -> date:
        """The data cut-off, the 14th (Decree 09/2019/NĐ-CP Art. 12): "Số liệu tính đến ngày 14 tháng …"."""
        return self.end

    def judged_on(self, today: date) -> date:
        """The day this month's statuses are judged: its cut-off once passed, today while it runs."""
        return min(today, self.cutoff)


class ReportState(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã gửi, chờ duyệt"
    ACCEPTED = "accepted", "Đã chấp nhận"
    RETURNED = "returned", "Bị trả lại"


class UnitReport(models.Model):
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(DirectoryEntry, on_delete=models.PROTECT, related_name="reports")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reports")
    state = models.CharField("trạng thái", max_length=10, choices=ReportState.choices, default=ReportState.DRAFT)
    # Optimistic concurrency: a save names the version it started from; a stale one is refused.
    version = models.PositiveIntegerField("phiên bản", default=1)
    submitted_at = models.DateTimeField("gửi lúc", null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    is_late = models.BooleanField("nộp muộn", default=False)
    decided_at = models.DateTimeField("duyệt lúc", null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    return_reason = models.TextField("lý do trả lại", blank=True, max_length=REASON_MAX)
    return_count = models.PositiveSmallIntegerField("số lần bị trả lại", default=0)
    reopened_until = models.DateField("mở lại cho đơn vị đến ngày", null=True, blank=True)
    reopen_reason = models.TextField("lý do mở lại", blank=True, max_length=REASON_MAX)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "báo cáo đơn vị"
        verbose_name_plural = "báo cáo đơn vị"
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="unique_unit_report")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.period}"


class RowStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Chưa triển khai"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Hoàn thành"
    BLOCKED = "blocked", "Tạm dừng / vướng mắc"


class RowRole(models.TextChoices):
    LEAD = "lead", "Chủ trì"
    COORDINATING = "coordinating", "Phối hợp"


class RowReport(models.Model):
    """What one unit says of one assignment row in one period."""
    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="rows")
    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="row_reports")
    role = models.CharField("vai trò", max_length=12, choices=RowRole.choices, default=RowRole.LEAD)
    status = models.CharField("tình trạng", max_length=12, choices=RowStatus.choices, blank=True)
    percent = models.PositiveSmallIntegerField("tiến độ (%)", null=True, blank=True)
    results = models.TextField("kết quả trong kỳ", blank=True, max_length=RESULTS_MAX)
    obstacles = models.TextField("khó khăn, vướng mắc", blank=True, max_length=NOTE_MAX)
    proposals = models.TextField("đề xuất, kiến nghị", blank=True, max_length=NOTE_MAX)
    evidence_number = models.CharField("số văn bản minh chứng", max_length=120, blank=True)
    evidence_date = models.DateField("ngày văn bản", null=True, blank=True)
    evidence_file = models.FileField("tệp minh chứng", upload_to="evidence/%Y/%m/", blank=True)
    checked_in = models.BooleanField("đã cập nhật định kỳ", default=False)
    # When the unit says the work was finished; empty until submitted, then the submission date unless given.
    finished_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    # For a row with several milestones: the index (in the row's own list) of the one this report completes.
    milestone = models.PositiveSmallIntegerField("mốc hoàn thành", null=True, blank=True)

    class Meta:
        verbose_name = "báo cáo dòng phân công"
        verbose_name_plural = "báo cáo dòng phân công"
        constraints = [models.UniqueConstraint(fields=["report", "assignment", "role"], name="unique_row_report")]


@receiver(post_delete, sender=RowReport, dispatch_uid="reports-row-evidence-file")
def _delete_evidence_file(sender, instance, **kwargs):
    """A deleted row takes its evidence file with it, once the deletion commits; a rollback keeps both."""
    delete_after_commit(instance.evidence_file)


class Completion(models.Model):
    """A row (or one milestone of it) counts as done only once the office accepts it, but it is dated the day the
    unit reports the work finished: a late acceptance must not turn an on-time completion late."""
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="completions")
    milestone = models.PositiveSmallIntegerField("mốc thứ", default=0)
    completed_on = models.DateField("ngày hoàn thành (đơn vị báo cáo)")
    accepted_on = models.DateField("ngày Văn phòng chấp nhận", null=True, blank=True)  # empty before issue 11
    report = models.ForeignKey(UnitReport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "hoàn thành được công nhận"
        verbose_name_plural = "hoàn thành được công nhận"
        constraints = [models.UniqueConstraint(fields=["assignment", "milestone"], name="unique_completion")]


class ReminderKind(models.TextChoices):
    BEFORE_5 = "before_5", "Trước hạn 5 ngày"
    BEFORE_1 = "before_1", "Trước hạn 1 ngày"
    AFTER_1 = "after_1", "Quá hạn 1 ngày"


class Reminder(models.Model):
    """One reminder to one unit for one period; the unique constraint is what makes sending idempotent."""
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey(DirectoryEntry, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField("loại", max_length=10, choices=ReminderKind.choices)
    claimed_at = models.DateTimeField("nhận gửi lúc", auto_now_add=True)
    sent_at = models.DateTimeField("đã gửi lúc", null=True, blank=True)
    recipients = models.TextField("người nhận", blank=True)
    error = models.TextField("lỗi", blank=True)

    class Meta:
        verbose_name = "thư nhắc"
        verbose_name_plural = "thư nhắc"
        constraints = [models.UniqueConstraint(fields=["period", "unit", "kind"], name="unique_reminder")]
