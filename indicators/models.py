"""Target indicators of a plan (Phụ lục I): what the plan promises, in numbers or in words."""
from django.db import models

from plans.models import Plan


class Indicator(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="components")
    code = models.CharField("mã", max_length=20)
    group = models.CharField("nhóm chỉ tiêu", max_length=200, blank=True)
    name = models.CharField("tên chỉ tiêu", max_length=400)
    text = models.TextField("như in")
    footnote = models.TextField("chú thích", blank=True)
    order = models.PositiveIntegerField("thứ tự")

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="unique_indicator_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


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

    class Meta:
        verbose_name = "mục tiêu"
        verbose_name_plural = "mục tiêu"
        ordering = ["order"]
