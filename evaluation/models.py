"""What leaders add to the computed evaluation: judgements the data cannot give, and overrides of a level.

A subject is a unit or leader position (communes.DirectoryEntry) or an official (accounts.User), named by kind
and id so one table serves the three lists. History (who changed what, and why) is in the audit trail.
"""
from django.conf import settings
from django.db import models

from plans.models import Plan

from .rules.common import LABELS


class SubjectKind(models.TextChoices):
    UNIT = "unit", "Đơn vị"
    OFFICIAL = "official", "Công chức"
    LEADER = "leader", "Lãnh đạo"


# The kind as it appears in URLs.
KIND_SLUGS = {"don-vi": SubjectKind.UNIT, "cong-chuc": SubjectKind.OFFICIAL, "lanh-dao": SubjectKind.LEADER}
SLUG_OF = {kind: slug for slug, kind in KIND_SLUGS.items()}
LEVEL_CHOICES = list(LABELS.items())


class LeaderJudgement(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="evaluation_judgements")
    kind = models.CharField("đối tượng", max_length=10, choices=SubjectKind.choices)
    subject_id = models.PositiveBigIntegerField("mã đối tượng")
    quality_ok = models.BooleanField("bảo đảm chất lượng, hiệu quả", null=True, blank=True)
    exceeding_percent = models.PositiveSmallIntegerField("tỷ lệ nhiệm vụ vượt mức (%)", null=True, blank=True)
    conduct_ok = models.BooleanField("đạt tiêu chí chung (chính trị, đạo đức, kỷ luật)", null=True, blank=True)
    general_points = models.DecimalField("điểm tiêu chí chung (tối đa 30)", max_digits=4, decimal_places=1,
                                         null=True, blank=True)
    note = models.TextField("nhận xét, căn cứ")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "đánh giá của lãnh đạo"
        verbose_name_plural = "đánh giá của lãnh đạo"
        constraints = [models.UniqueConstraint(fields=["plan", "kind", "subject_id"], name="unique_judgement")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.subject_id} – {self.plan.year}"


class LevelOverride(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="evaluation_overrides")
    kind = models.CharField("đối tượng", max_length=10, choices=SubjectKind.choices)
    subject_id = models.PositiveBigIntegerField("mã đối tượng")
    proposed = models.CharField("mức đề xuất khi điều chỉnh", max_length=15, blank=True)
    level = models.CharField("mức xếp loại", max_length=15, choices=LEVEL_CHOICES)
    reason = models.TextField("lý do")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField("quyết định lúc", auto_now=True)

    class Meta:
        verbose_name = "điều chỉnh mức xếp loại"
        verbose_name_plural = "điều chỉnh mức xếp loại"
        constraints = [models.UniqueConstraint(fields=["plan", "kind", "subject_id"], name="unique_override")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.subject_id}: {self.get_level_display()}"
