"""What leaders add to the computed evaluation: judgements the data cannot give, and overrides of a level.

A subject is a unit or leader position (communes.DirectoryEntry) or an official (accounts.User), named by kind
and id so one table serves the three lists. History (who changed what, and why) is in the audit trail.
"""
from django.conf import settings
from django.db import models

from plans.models import Plan

from .rules.common import DISCIPLINE_FORMS, LABELS


class SubjectKind(models.TextChoices):
    UNIT = "unit", "Đơn vị"
    OFFICIAL = "official", "Công chức"
    LEADER = "leader", "Lãnh đạo"


# The kind as it appears in URLs.
KIND_SLUGS = {"don-vi": SubjectKind.UNIT, "cong-chuc": SubjectKind.OFFICIAL, "lanh-dao": SubjectKind.LEADER}
SLUG_OF: dict[str, str] = {kind: slug for slug, kind in KIND_SLUGS.items()}
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
    # The inputs of the articles that are not task results (see evaluation.rules); None: not entered, never assumed.
    months_worked = models.DecimalField("số tháng công tác trong năm", max_digits=3, decimal_places=1, null=True,
                                        blank=True)
    months_off = models.DecimalField("số tháng nghỉ không tham gia công tác trong năm", max_digits=3,
                                     decimal_places=1, null=True, blank=True)
    degraded = models.BooleanField("cấp có thẩm quyền kết luận có biểu hiện suy thoái", null=True, blank=True)
    discipline = models.CharField("hình thức kỷ luật trong năm đánh giá", max_length=20, blank=True,
                                  choices=list(DISCIPLINE_FORMS.items()))
    corruption_in_body = models.BooleanField("cơ quan, đơn vị phụ trách xảy ra tham nhũng, lãng phí và bị xử lý",
                                             null=True, blank=True)
    capacity_percent = models.PositiveSmallIntegerField("năng lực tổ chức, điều hành (%)", null=True, blank=True)
    excellent_exception = models.TextField("thành tích xuất sắc, nổi trội (ngoài tỷ lệ 20%)", blank=True)
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


class RowAssessment(models.Model):
    """What a person records about one row for Decree 335: the quality judgements "not met" and an objective cause
    of its delay confirmed by the competent authority. Shared by every subject the row counts for."""
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="row_assessments")
    assignment = models.OneToOneField("plans.Assignment", on_delete=models.CASCADE, related_name="assessment")
    quality_not_met = models.PositiveSmallIntegerField("số lần đánh giá chất lượng không đạt", default=0)
    objective_cause = models.TextField("nguyên nhân khách quan của việc chậm (được cấp có thẩm quyền xác nhận)",
                                       blank=True)
    note = models.TextField("căn cứ")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "đánh giá nhiệm vụ"
        verbose_name_plural = "đánh giá nhiệm vụ"

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.quality_not_met} lần không đạt"
