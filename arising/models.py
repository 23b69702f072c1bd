"""Tasks that arise during the year and the documents that give them.

The task itself is an ordinary plans.TaskNode with its Assignment under the plan's "PS" node, so reporting,
chasing, the 4-way status, the monthly report and the evaluation treat it like any plan row. What is kept here is
its origin: the source document and who entered it.
"""
from django.conf import settings
from django.db import models

from communes.models import Commune
from plans.models import TaskNode
from theodoi.formatting import short_date


class SourceKind(models.TextChoices):
    CONCLUSION = "conclusion", "Thông báo kết luận"
    DIRECTIVE = "directive", "Chỉ thị"
    RESOLUTION = "resolution", "Nghị quyết"
    LETTER = "letter", "Công văn"
    OTHER = "other", "Văn bản khác"


# How the monthly report names a source: "Thông báo số 45/TB-UBND ngày 05/07/2023".
SHORT_NAMES: dict[str, str] = {
    SourceKind.CONCLUSION: "Thông báo", SourceKind.DIRECTIVE: "Chỉ thị", SourceKind.RESOLUTION: "Nghị quyết",
    SourceKind.LETTER: "Công văn", SourceKind.OTHER: "Văn bản"}


class SourceDocument(models.Model):
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="arising_sources")
    kind = models.CharField("loại văn bản", max_length=12, choices=SourceKind.choices)
    number = models.CharField("số hiệu", max_length=60, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    issuer = models.CharField("cơ quan ban hành", max_length=200)
    title = models.CharField("trích yếu", max_length=400, blank=True)
    quoted_text = models.TextField("nội dung trích dẫn", blank=True)
    file = models.FileField("tệp văn bản", upload_to="arising/%Y/", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField("nhập lúc", auto_now_add=True)

    class Meta:
        verbose_name = "văn bản giao nhiệm vụ"
        verbose_name_plural = "văn bản giao nhiệm vụ"
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        number = f" số {self.number}" if self.number else ""
        day = f" ngày {short_date(self.issued_on)}" if self.issued_on else ""
        return f"{SHORT_NAMES.get(self.kind, 'Văn bản')}{number}{day}"


class ArisingTask(models.Model):
    node = models.OneToOneField(TaskNode, on_delete=models.CASCADE, related_name="arising")
    source = models.ForeignKey(SourceDocument, on_delete=models.PROTECT, related_name="tasks")
    where = models.CharField("vị trí trong văn bản", max_length=120, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField("nhập lúc", auto_now_add=True)

    class Meta:
        verbose_name = "nhiệm vụ phát sinh"
        verbose_name_plural = "nhiệm vụ phát sinh"
        ordering = ["node__order"]

    def __str__(self) -> str:
        return f"{self.node.code} ({self.source.label})"

    @property
    def marker(self) -> str:
        return f"Nhiệm vụ phát sinh — {self.source.label}"
