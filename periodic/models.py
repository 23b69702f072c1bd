"""A commune's quarterly, 6-month, 9-month or year-end report, and the narrative sections the office writes in it.

The figures are not stored: they are drafted from the data every time the page or a file is made, so a late
acceptance shows up in the next export. Only what people write is stored, each section with a version number so
that two editors never overwrite each other silently.
"""
from django.conf import settings
from django.db import models

from communes.models import Commune

from .rules import report_title

NARRATIVE_MAX = 20000  # a few pages of a section; the form shows the limit


class ReportKind(models.TextChoices):
    """Keys of periodic.rules.KIND_PERIODS, the Decree 09/2019 periods of Art. 12."""
    QUARTER_1 = "quarter-1", "Quý I"
    QUARTER_2 = "quarter-2", "Quý II"
    QUARTER_3 = "quarter-3", "Quý III"
    QUARTER_4 = "quarter-4", "Quý IV"
    HALF_1 = "half-1", "6 tháng đầu năm"
    NINE_MONTHS = "nine_months-1", "9 tháng"
    YEAR = "year-1", "Năm"


class PeriodicReport(models.Model):
    """One per commune, year and kind: it follows the commune's current plan of that year, whatever its version."""
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="periodic_reports")
    year = models.PositiveSmallIntegerField("năm")
    kind = models.CharField("loại báo cáo", max_length=16, choices=ReportKind.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("lập lúc")

    class Meta:
        verbose_name = "báo cáo định kỳ"
        verbose_name_plural = "báo cáo định kỳ"
        ordering = ["-year", "kind"]
        constraints = [models.UniqueConstraint(fields=["commune", "year", "kind"], name="unique_periodic_report")]

    def __str__(self) -> str:
        return report_title(self.kind, self.year)


class Narrative(models.Model):
    """A section the office (and the leaders) write; pre-filled once with a text drafted from the data."""
    report = models.ForeignKey(PeriodicReport, on_delete=models.CASCADE, related_name="narratives")
    key = models.CharField("mã phần", max_length=60)
    title = models.CharField("tên phần", max_length=300)
    order = models.PositiveSmallIntegerField("thứ tự")
    text = models.TextField("nội dung", blank=True, max_length=NARRATIVE_MAX)
    # Optimistic concurrency: a save names the version it was loaded at; a stale one is refused, never merged.
    version = models.PositiveIntegerField("phiên bản", default=1)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField("cập nhật lúc")

    class Meta:
        verbose_name = "phần viết của báo cáo"
        verbose_name_plural = "phần viết của báo cáo"
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="unique_narrative_key")]

    def __str__(self) -> str:
        return f"{self.report} – {self.title}"
