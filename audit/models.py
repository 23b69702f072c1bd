"""The audit trail: one append-only row per change, with who, when, what, and the values before and after."""
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove what the trail has recorded."""


class LogEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Nhật ký thay đổi chỉ được ghi thêm, không được sửa.")

    def delete(self):
        raise AppendOnlyError("Nhật ký thay đổi chỉ được ghi thêm, không được xóa.")


class LogEntry(models.Model):
    # No database constraints and DO_NOTHING: deleting a user, a commune or an object must never touch the trail.
    created_at = models.DateTimeField("lúc", default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.DO_NOTHING,
                              db_constraint=False, related_name="+", verbose_name="người thực hiện")
    actor_label = models.CharField("người thực hiện (như ghi)", max_length=200)
    commune = models.ForeignKey("communes.Commune", null=True, blank=True, on_delete=models.DO_NOTHING,
                                db_constraint=False, related_name="+", verbose_name="xã/phường")
    action = models.CharField("hành động", max_length=80, db_index=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.DO_NOTHING,
                                     db_constraint=False, related_name="+")
    object_id = models.CharField("mã đối tượng", max_length=64, blank=True)
    object_repr = models.CharField("đối tượng", max_length=300, blank=True)
    changes = models.JSONField("giá trị trước và sau", default=dict, blank=True)
    data = models.JSONField("thông tin thêm", default=dict, blank=True)

    objects = LogEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "mục nhật ký"
        verbose_name_plural = "nhật ký thay đổi"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="audit_object")]

    def __str__(self) -> str:
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.actor_label}: {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Nhật ký thay đổi chỉ được ghi thêm, không được sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Nhật ký thay đổi chỉ được ghi thêm, không được xóa.")
