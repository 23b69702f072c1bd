"""The tenant (a commune or ward) and its directory: leaders, units, group references, aliases."""
from typing import ClassVar

from django.db import models


class CommuneKind(models.TextChoices):
    COMMUNE = "xã", "Xã"
    WARD = "phường", "Phường"
    TOWNSHIP = "thị trấn", "Thị trấn"


class Commune(models.Model):
    name = models.CharField("tên", max_length=120)
    kind = models.CharField("loại", max_length=10, choices=CommuneKind.choices, default=CommuneKind.COMMUNE)
    parent_city = models.CharField("thuộc thành phố/huyện", max_length=120, blank=True)
    report_day = models.PositiveSmallIntegerField("hạn báo cáo hằng tháng (ngày)", default=20)

    class Meta:
        verbose_name = "xã/phường"
        verbose_name_plural = "xã/phường"
        constraints = [models.UniqueConstraint(fields=["kind", "name", "parent_city"], name="unique_commune")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"


class EntryCategory(models.TextChoices):
    POSITION = "position", "Lãnh đạo"
    UNIT = "unit", "Đơn vị"
    GROUP = "group", "Nhóm"


class UnitKind(models.TextChoices):
    OFFICIAL = "official", "Công chức chuyên môn"
    OFFICE = "office", "Văn phòng"
    # Specialised bodies of a district or province (Phòng …, Sở …) and the offices of a commune since 2025.
    DEPARTMENT = "department", "Cơ quan chuyên môn"
    POLICE = "police", "Công an"
    MILITARY = "military", "Quân sự"
    HEALTH = "health", "Y tế"
    SCHOOL = "school", "Trường học"
    COOPERATIVE = "cooperative", "Hợp tác xã"
    HAMLET = "hamlet", "Xóm/khối/tổ dân phố"
    FRONT = "front", "Mặt trận Tổ quốc"
    MASS_ORG = "mass_org", "Đoàn thể"
    OTHER = "other", "Khác"


# Kinds the plan reader gives positions and groups of people (planparser.directory_entries, directory_data).
PERSON_KINDS = {"chairman": "Chủ tịch", "vice_chairman": "Phó Chủ tịch", "leader": "Lãnh đạo", "unit": "Đơn vị"}


class DirectoryEntry(models.Model):
    """One leader position, unit or group reference that table cells resolve to.

    One table for the three categories keeps resolution and aliases in one place; `kind` says
    what a unit is (police, school…), or for a group, the kind of its members.
    """
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="entries")
    key = models.SlugField("mã", max_length=80)
    name = models.CharField("tên", max_length=200)
    category = models.CharField("nhóm", max_length=10, choices=EntryCategory.choices)
    kind = models.CharField("loại", max_length=20, blank=True)
    portfolio = models.CharField("lĩnh vực phụ trách", max_length=120, blank=True)
    needs_review = models.BooleanField("chờ rà soát", default=False)
    email = models.EmailField("thư điện tử", blank=True)

    class Meta:
        verbose_name = "mục danh bạ"
        verbose_name_plural = "danh bạ (lãnh đạo, đơn vị, nhóm)"
        ordering = ["category", "name"]
        constraints = [models.UniqueConstraint(fields=["commune", "key"], name="unique_entry_key")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_position(self) -> bool:
        return self.category == EntryCategory.POSITION

    @property
    def kind_label(self) -> str:
        """The kind in Vietnamese: a unit's UnitKind, or for a position or a group, the kind of person it names."""
        if self.kind in UnitKind.values:
            return UnitKind(self.kind).label
        return PERSON_KINDS.get(self.kind, "Khác" if self.kind else "")


class Alias(models.Model):
    """A printed variant ("Phó Chủ tịch phụ trách kinh") that names an entry."""
    entry = models.ForeignKey(DirectoryEntry, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField("cách viết", max_length=200)

    class Meta:
        verbose_name = "cách viết khác"
        verbose_name_plural = "cách viết khác"
        constraints = [models.UniqueConstraint(fields=["entry", "text"], name="unique_alias")]

    def __str__(self) -> str:
        return self.text


class _CategoryManager(models.Manager):
    def __init__(self, category: str):
        super().__init__()
        self.category = category

    def get_queryset(self):
        return super().get_queryset().filter(category=self.category)


class Position(DirectoryEntry):
    """A leader: the Chairman or a Vice-Chairman with a portfolio."""
    objects: ClassVar[_CategoryManager] = _CategoryManager(EntryCategory.POSITION)

    class Meta:
        proxy = True
        verbose_name = "lãnh đạo"
        verbose_name_plural = "lãnh đạo"


class Unit(DirectoryEntry):
    objects: ClassVar[_CategoryManager] = _CategoryManager(EntryCategory.UNIT)

    class Meta:
        proxy = True
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"


class GroupRef(DirectoryEntry):
    """A reference to several units at once: "các xóm", "CBCC xã có liên quan"."""
    objects: ClassVar[_CategoryManager] = _CategoryManager(EntryCategory.GROUP)

    class Meta:
        proxy = True
        verbose_name = "nhóm đơn vị"
        verbose_name_plural = "nhóm đơn vị"
