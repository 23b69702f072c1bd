"""The imported plan: versions, the task tree, assignment rows, indicators and the audit's anomalies."""
from django.conf import settings
from django.db import models

from communes.models import Commune, DirectoryEntry


class Plan(models.Model):
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="plans")
    year = models.PositiveSmallIntegerField("năm kế hoạch")
    version = models.PositiveSmallIntegerField("phiên bản", default=1)
    is_current = models.BooleanField("đang áp dụng", default=True)
    number = models.CharField("số hiệu", max_length=60, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    title = models.CharField("trích yếu", max_length=300)
    signer_name = models.CharField("người ký", max_length=120, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=60, blank=True)
    report_day = models.PositiveSmallIntegerField("hạn báo cáo (ngày hằng tháng)", null=True, blank=True)
    source_file = models.FileField("tệp gốc", upload_to="plans/%Y/")
    source_name = models.CharField("tên tệp gốc", max_length=255)
    checksum = models.CharField("SHA-256", max_length=64)
    parsed = models.JSONField("kết quả đọc (Plan JSON)")
    imported_at = models.DateTimeField("nhập lúc", auto_now_add=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    # A wrongly imported version is withdrawn, never deleted: reports and the audit trail still point at it.
    withdrawn_at = models.DateTimeField("rút lúc", null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="withdrawn_plans")
    withdrawal_reason = models.TextField("lý do rút", blank=True)

    class Meta:
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "year", "version"], name="unique_plan_version"),
            # The one rule for "current" (services/versions.py) keeps at most one current version per year;
            # the database refuses anything else.
            models.UniqueConstraint(fields=["commune", "year"], condition=models.Q(is_current=True),
                                    name="one_current_plan_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (phiên bản {self.version})"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class NodeLevel(models.TextChoices):
    PART = "part", "Phần"
    GROUP = "group", "Nhóm nhiệm vụ"
    TASK = "task", "Nhiệm vụ"


class TaskNode(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="nodes")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    level = models.CharField("cấp", max_length=10, choices=NodeLevel.choices)
    number = models.CharField("số thứ tự in", max_length=20, blank=True)
    code = models.CharField("mã", max_length=40)
    title = models.TextField("nội dung")
    order = models.PositiveIntegerField("thứ tự")
    source_line = models.PositiveIntegerField("dòng trong tệp gốc", null=True, blank=True)
    # set by plans.queries.decorate/plan_tree for templates
    rows: list["Assignment"]
    kids: list["TaskNode"]

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="unique_node_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.title[:60]}"


class DeadlineKind(models.TextChoices):
    DATE = "date", "Ngày hạn"
    MILESTONES = "milestones", "Nhiều mốc"
    RANGE = "range", "Khoảng thời gian"
    RECURRING = "recurring", "Thường xuyên"
    EXTERNAL = "external", "Theo văn bản/cơ quan khác"
    UNKNOWN = "unknown", "Chưa xác định"


class Assignment(models.Model):
    """One assignment row: solutions, who directs, who leads, who helps, by when."""
    node = models.ForeignKey(TaskNode, on_delete=models.CASCADE, related_name="assignments")
    order = models.PositiveSmallIntegerField("thứ tự")
    deadline_text = models.CharField("thời hạn (như in)", max_length=300, blank=True)
    deadline_kind = models.CharField("loại thời hạn", max_length=12, choices=DeadlineKind.choices)
    due = models.DateField("hạn chót", null=True, blank=True)
    start = models.DateField("bắt đầu", null=True, blank=True)
    milestones = models.JSONField("các mốc", default=list, blank=True)
    recurrence = models.CharField("định kỳ", max_length=20, blank=True)
    by_solution = models.JSONField("thời hạn theo giải pháp", null=True, blank=True)
    output = models.TextField("sản phẩm", blank=True)
    # The same row in the previous year's plan, set at import by plans.services.year_links (exact title match only).
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="carried_to", verbose_name="tiếp nối dòng của năm trước")
    # set by plans.queries.decorate/plan_tree for templates
    leaders: list["AssignmentRef"]
    lead_units: list["AssignmentRef"]
    coordinating_units: list["AssignmentRef"]
    deadline_words: str

    class Meta:
        verbose_name = "dòng phân công"
        verbose_name_plural = "dòng phân công"
        ordering = ["node__order", "order"]

    def __str__(self) -> str:
        return f"{self.node.code} / {self.order}"

    @property
    def deadline(self) -> dict:
        return {"text": self.deadline_text, "kind": self.deadline_kind, "due": self.due and self.due.isoformat(),
                "milestones": self.milestones, "recurrence": self.recurrence or None, "by_solution": self.by_solution}


class Solution(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="solutions")
    order = models.PositiveSmallIntegerField("thứ tự")
    number = models.CharField("số", max_length=10, blank=True)
    text = models.TextField("giải pháp")

    class Meta:
        verbose_name = "giải pháp"
        verbose_name_plural = "giải pháp"
        ordering = ["order"]


class RefRole(models.TextChoices):
    LEADER = "leader", "Phân công chỉ đạo"
    LEAD = "lead", "Đơn vị chủ trì"
    COORDINATING = "coordinating", "Đơn vị phối hợp"


class AssignmentRef(models.Model):
    """A name printed in a row's leader or unit cell, and the directory entry it resolves to."""
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="refs")
    role = models.CharField("vai trò", max_length=12, choices=RefRole.choices)
    order = models.PositiveSmallIntegerField("thứ tự")
    text = models.CharField("như in", max_length=300)
    entry = models.ForeignKey(DirectoryEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="refs")

    class Meta:
        verbose_name = "tham chiếu đơn vị"
        verbose_name_plural = "tham chiếu đơn vị"
        ordering = ["role", "order"]
        indexes = [models.Index(fields=["entry", "role"], name="ref_entry_role")]


class Anomaly(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="anomalies")
    kind = models.CharField("loại", max_length=20)
    where = models.CharField("vị trí", max_length=120)
    message = models.TextField("nội dung")
    is_warning = models.BooleanField("chỉ là lưu ý", default=False)
    order = models.PositiveIntegerField("thứ tự")
    # The office's correction that settled it; the anomaly stays listed, marked "Đã sửa".
    resolved_by = models.ForeignKey("Correction", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="resolved_anomalies", verbose_name="đã xử lý bằng")

    class Meta:
        verbose_name = "điểm bất thường"
        verbose_name_plural = "điểm bất thường"
        ordering = ["is_warning", "order"]


class CorrectionStatus(models.TextChoices):
    APPLIED = "applied", "Đã sửa"
    CONFLICT = "conflict", "Xung đột với bản mới, chờ Văn phòng chọn"
    KEPT = "kept", "Giữ bản sửa (thay nội dung bản mới)"
    DROPPED = "dropped", "Lấy nội dung bản mới"


class Correction(models.Model):
    """One change the office made to an imported plan, with its reason.

    The target is named by code (and row order) rather than by key so the same correction can be found again on
    the matching row of a later version: the same keys carry_over and the version diff use.
    """
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="corrections")
    target = models.CharField("đối tượng", max_length=12)  # "row", "task" or "indicator"
    code = models.CharField("mã nhiệm vụ/chỉ tiêu", max_length=40)
    row_order = models.PositiveSmallIntegerField("dòng phân công", null=True, blank=True)
    field = models.CharField("nội dung sửa", max_length=24)
    old_value = models.JSONField("giá trị trước khi sửa", null=True, blank=True)
    new_value = models.JSONField("giá trị sau khi sửa", null=True, blank=True)
    reason = models.TextField("lý do")
    status = models.CharField("trạng thái", max_length=10, choices=CorrectionStatus.choices,
                              default=CorrectionStatus.APPLIED)
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField("lúc", auto_now_add=True)

    class Meta:
        verbose_name = "chỉnh sửa sau khi nhập"
        verbose_name_plural = "chỉnh sửa sau khi nhập"
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["plan", "code"], name="correction_plan_code")]

    def __str__(self) -> str:
        row = f" dòng {self.row_order}" if self.row_order else ""
        return f"{self.code}{row}: {self.field}"

    @property
    def in_force(self) -> bool:
        return self.status in (CorrectionStatus.APPLIED, CorrectionStatus.KEPT)
