"""Users belong to one commune and act in one role there."""
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from communes.models import Commune, DirectoryEntry


class Role(models.TextChoices):
    CHAIRMAN = "chairman", "Chủ tịch"
    VICE_CHAIRMAN = "vice_chairman", "Phó Chủ tịch"
    OFFICE = "office", "Văn phòng – Thống kê"
    UNIT_OFFICER = "unit_officer", "Cán bộ đơn vị"
    VIEWER = "viewer", "Chỉ xem"
    CITY_VIEWER = "city_viewer", "Chỉ xem (cấp thành phố)"
    SITE_ADMIN = "site_admin", "Quản trị hệ thống"


class User(AbstractUser):
    commune = models.ForeignKey(Commune, null=True, blank=True, on_delete=models.PROTECT, related_name="users")
    role = models.CharField("vai trò", max_length=20, choices=Role.choices, default=Role.VIEWER)
    position = models.ForeignKey(DirectoryEntry, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="leaders", verbose_name="chức vụ lãnh đạo")
    units = models.ManyToManyField(DirectoryEntry, blank=True, related_name="officers", verbose_name="đơn vị")
    city = models.CharField("thành phố (cho người xem cấp thành phố)", max_length=120, blank=True)
    # Only cadres and civil servants get a legal level (Decree 90/2020, Decree 335/2025); a hamlet head or the police
    # officer of a unit still reports. Not ticked until someone says so: a level is never given by guesswork.
    is_civil_servant = models.BooleanField("là cán bộ, công chức (được xếp loại theo Nghị định)", default=False)

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def clean(self):
        super().clean()
        # An empty city would match every commune whose city is not filled in.
        if self.role == Role.CITY_VIEWER and not self.city.strip():
            raise ValidationError({"city": "Người xem cấp thành phố cần có tên thành phố."})

    @property
    def can_manage_plan(self) -> bool:
        return self.role in (Role.OFFICE, Role.SITE_ADMIN) or self.is_superuser
