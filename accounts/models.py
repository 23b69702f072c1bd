"""Users belong to one commune and act in one role there."""
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from communes.models import AdminArea, Commune, DirectoryEntry


class Role(models.TextChoices):
    CHAIRMAN = "chairman", "Chủ tịch"
    VICE_CHAIRMAN = "vice_chairman", "Phó Chủ tịch"
    OFFICE = "office", "Văn phòng – Thống kê"
    UNIT_OFFICER = "unit_officer", "Cán bộ đơn vị"
    VIEWER = "viewer", "Chỉ xem"
    # Accounts above the commune, scoped to the subtree of User.area (a province, or a former district). Since
    # 1/7/2025 communes report straight to the province (Law 72/2025/QH15 Art. 2), whose departments (Sở) follow
    # them up: they read every commune of their area and may export; they never write a commune's plan or report.
    AREA_VIEWER = "area_viewer", "Chỉ xem (cấp tỉnh/huyện)"
    AREA_OFFICER = "area_officer", "Cán bộ cấp tỉnh/huyện (Sở, phòng)"
    SITE_ADMIN = "site_admin", "Quản trị hệ thống"


AREA_ROLES = (Role.AREA_VIEWER, Role.AREA_OFFICER)


class User(AbstractUser):
    commune = models.ForeignKey(Commune, null=True, blank=True, on_delete=models.PROTECT, related_name="users")
    role = models.CharField("vai trò", max_length=20, choices=Role.choices, default=Role.VIEWER)
    position = models.ForeignKey(DirectoryEntry, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="leaders", verbose_name="chức vụ lãnh đạo")
    units = models.ManyToManyField(DirectoryEntry, blank=True, related_name="officers", verbose_name="đơn vị")
    area = models.ForeignKey(AdminArea, null=True, blank=True, on_delete=models.PROTECT, related_name="users",
                             verbose_name="đơn vị hành chính (cho tài khoản cấp tỉnh/huyện)")
    # Only cadres and civil servants get a legal level (Decree 90/2020, Decree 335/2025); a hamlet head or the police
    # officer of a unit still reports. Not ticked until someone says so: a level is never given by guesswork.
    is_civil_servant = models.BooleanField("là cán bộ, công chức (được xếp loại theo Nghị định)", default=False)

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def clean(self):
        super().clean()
        # An area account without an area would see nothing, and one tied to a commune would be two scopes at once.
        if self.role in AREA_ROLES and self.area_id is None:
            raise ValidationError({"area": "Tài khoản cấp tỉnh/huyện cần chọn đơn vị hành chính (tỉnh hoặc huyện)."})
        if self.role in AREA_ROLES and self.commune_id is not None:
            raise ValidationError({"commune": "Tài khoản cấp tỉnh/huyện không thuộc một xã/phường: hãy bỏ trống."})

    @property
    def can_manage_plan(self) -> bool:
        return self.role in (Role.OFFICE, Role.SITE_ADMIN) or self.is_superuser

    @property
    def is_site_wide(self) -> bool:
        """The site admin (and a superuser) sees every commune and area."""
        return self.is_superuser or self.role == Role.SITE_ADMIN

    @property
    def is_above_commune(self) -> bool:
        """A province's or district's account: it follows the communes of its area from the province page."""
        return self.role in AREA_ROLES and self.area_id is not None

    @property
    def can_import_areas(self) -> bool:
        """A province's officer keeps his own province's hierarchy up to date (a district's officer does not: the
        list is the province's); the site admin may for any province. The menu link and the page ask this same rule."""
        if self.is_site_wide:
            return True
        return self.role == Role.AREA_OFFICER and self.area is not None and self.area.is_province
