"""Target indicators of a plan (Phụ lục I): what the plan promises, in numbers or in words."""
from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver

from communes.models import DirectoryEntry
from plans.models import Plan
from theodoi.periods import Period
from theodoi.stored_files import delete_after_commit


class Indicator(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="components")
    code = models.CharField("mã", max_length=20)
    group = models.CharField("nhóm chỉ tiêu", max_length=200, blank=True)
    name = models.CharField("tên chỉ tiêu", max_length=400)
    text = models.TextField("như in")
    footnote = models.TextField("chú thích", blank=True)
    order = models.PositiveIntegerField("thứ tự")
    # Set by the office; a component without its own lead unit follows its parent's.
    lead_unit = models.ForeignKey(DirectoryEntry, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="lead_indicators", verbose_name="đơn vị chủ trì theo dõi")

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="unique_indicator_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def responsible_unit(self) -> DirectoryEntry | None:
        node: Indicator | None = self
        while node is not None and node.lead_unit_id is None:
            node = node.parent
        return node.lead_unit if node else None

    @property
    def primary_target(self) -> "Target | None":
        """The target a value is judged against; its unit is the unit a value is entered in."""
        targets = list(self.targets.all())
        return targets[0] if targets else None


class Comparator(models.TextChoices):
    GE = ">=", "từ … trở lên"
    GT = ">", "trên"
    LE = "<=", "không quá"
    LT = "<", "dưới"
    EQ = "=", "bằng"
    APPROX = "≈", "khoảng"
    RANGE = "range", "trong khoảng"
    ACHIEVE = "achieve", "đạt (định tính)"


class Target(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveSmallIntegerField("thứ tự")
    comparator = models.CharField("so sánh", max_length=8, choices=Comparator.choices)
    value = models.DecimalField("giá trị", max_digits=24, decimal_places=6, null=True, blank=True)
    low = models.DecimalField("từ", max_digits=24, decimal_places=6, null=True, blank=True)
    high = models.DecimalField("đến", max_digits=24, decimal_places=6, null=True, blank=True)
    unit = models.CharField("đơn vị tính", max_length=60, blank=True)
    basis = models.CharField("so với", max_length=200, blank=True)
    # "nằm trong Top 5": a place to reach (comparator "achieve"), never an amount; null for "nhóm dẫn đầu".
    rank = models.PositiveSmallIntegerField("thứ hạng cần đạt", null=True, blank=True)

    class Meta:
        verbose_name = "mục tiêu"
        verbose_name_plural = "mục tiêu"
        ordering = ["order"]


class PeriodKind(models.TextChoices):
    MONTH = "month", "Tháng"
    QUARTER = "quarter", "Quý"
    HALF = "half", "6 tháng"
    NINE_MONTHS = "nine_months", "9 tháng"
    YEAR = "year", "Năm"


class IndicatorValue(models.Model):
    """What was achieved for one indicator in one Decree 09 period; entering it again updates it.

    The number is in the unit of the indicator's first target. Each save is also appended to ValueEntry,
    so the page can show who changed what.
    """
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period_kind = models.CharField("loại kỳ", max_length=12, choices=PeriodKind.choices)
    period_year = models.PositiveSmallIntegerField("năm")
    period_number = models.PositiveSmallIntegerField("số kỳ", default=1)
    value = models.DecimalField("giá trị thực hiện", max_digits=24, decimal_places=6, null=True, blank=True)
    met = models.BooleanField("đạt (chỉ tiêu định tính)", null=True, blank=True)
    note = models.TextField("ghi chú", blank=True)
    is_cumulative = models.BooleanField("lũy kế từ đầu năm", default=False)
    source = models.CharField("nguồn số liệu / văn bản", max_length=300, blank=True)
    evidence = models.FileField("tệp minh chứng", upload_to="indicators/%Y/", blank=True)
    explanation = models.TextField("giải trình", blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="người nhập")
    entered_at = models.DateTimeField("nhập lúc")

    class Meta:
        verbose_name = "số liệu thực hiện"
        verbose_name_plural = "số liệu thực hiện"
        ordering = ["period_year", "period_kind", "period_number"]
        constraints = [models.UniqueConstraint(fields=["indicator", "period_kind", "period_year", "period_number"],
                                               name="unique_indicator_period_value")]

    @property
    def period(self) -> Period:
        return Period(self.period_kind, self.period_year, self.period_number)

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period.label}"


class ValueEntry(models.Model):
    """One save of a value, kept forever: the history of entries on the indicator page."""
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="entries")
    period_kind = models.CharField("loại kỳ", max_length=12, choices=PeriodKind.choices)
    period_year = models.PositiveSmallIntegerField("năm")
    period_number = models.PositiveSmallIntegerField("số kỳ", default=1)
    value = models.DecimalField("giá trị", max_digits=24, decimal_places=6, null=True, blank=True)
    met = models.BooleanField("đạt", null=True, blank=True)
    is_cumulative = models.BooleanField("lũy kế", default=False)
    colour = models.CharField("màu dự báo", max_length=8, blank=True)
    explanation = models.TextField("giải trình", blank=True)
    via = models.CharField("cách nhập", max_length=20, default="form")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="người nhập")
    entered_at = models.DateTimeField("nhập lúc")

    class Meta:
        verbose_name = "lần nhập số liệu"
        verbose_name_plural = "lịch sử nhập số liệu"
        ordering = ["-entered_at", "-id"]

    @property
    def period(self) -> Period:
        return Period(self.period_kind, self.period_year, self.period_number)


@receiver(post_delete, sender=IndicatorValue, dispatch_uid="indicators-value-evidence-file")
def _delete_evidence_file(sender, instance, **kwargs):
    """A deleted value takes its evidence file with it, once the deletion commits; a rollback keeps both."""
    delete_after_commit(instance.evidence)
