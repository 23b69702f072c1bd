"""What a commune makes public: the Chairman's switch, and the monthly figures frozen when the Chairman releases them.

Law No. 10/2022/QH15 on Grassroots Democracy, Art. 11, clause 1: the commune authority must make public its annual
socio-economic development plan and the results of carrying it out. The app publishes nothing on its own: the Chairman
opts in, and only the months the Chairman releases are shown, each exactly as it stood when released.
"""
from django.conf import settings
from django.db import models

from communes.models import Commune
from reports.models import ReportingPeriod


class PublicSetting(models.Model):
    """One per commune, created on the first switch; a commune without one is not public."""
    commune = models.OneToOneField(Commune, on_delete=models.CASCADE, related_name="public_setting")
    is_public = models.BooleanField("công khai trên trang công khai", default=False)
    changed_at = models.DateTimeField("thay đổi lúc", null=True, blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name="người thay đổi")

    class Meta:
        verbose_name = "cài đặt công khai"
        verbose_name_plural = "cài đặt công khai"

    def __str__(self) -> str:
        return f"{self.commune}: {'công khai' if self.is_public else 'không công khai'}"


class Release(models.Model):
    """A month's report released by the Chairman, with the public content frozen at that moment
    (disclosure.services.snapshot).

    Withdrawn releases stay, marked, so the trail of what was public and when is kept; at most one release of a
    month is live at a time.
    """
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="public_releases")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="public_releases")
    year = models.PositiveSmallIntegerField("năm")
    month = models.PositiveSmallIntegerField("tháng")
    content = models.JSONField("nội dung công khai (số liệu tại lúc công khai)")
    released_at = models.DateTimeField("công khai lúc")
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="người công khai")
    withdrawn_at = models.DateTimeField("thôi công khai lúc", null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name="người thôi công khai")

    class Meta:
        verbose_name = "báo cáo tháng đã công khai"
        verbose_name_plural = "báo cáo tháng đã công khai"
        ordering = ["-year", "-month", "-released_at"]
        constraints = [models.UniqueConstraint(fields=["period"], condition=models.Q(withdrawn_at__isnull=True),
                                               name="one_live_release_per_period")]

    def __str__(self) -> str:
        return f"Tháng {self.month:02d}/{self.year} – {self.commune}"

    @property
    def is_live(self) -> bool:
        return self.withdrawn_at is None
