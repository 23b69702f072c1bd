"""The tenant (a commune or ward) and its directory: leaders, units, group references, aliases."""
from typing import ClassVar

from django.db import models


class CommuneKind(models.TextChoices):
    COMMUNE = "xã", "Xã"
    WARD = "phường", "Phường"
    TOWNSHIP = "thị trấn", "Thị trấn"
    # Law on the Organisation of Local Government 72/2025/QH15 Art. 2: from 1/7/2025 the commune level is xã,
    # phường and đặc khu (special zones on islands, such as Phú Quốc).
    SPECIAL_ZONE = "đặc khu", "Đặc khu"


class AreaKind(models.TextChoices):
    """The administrative units above a commune (Constitution 2013 Art. 110 as amended on 16/6/2025; Law on the
    Organisation of Local Government 72/2025/QH15 Art. 2: from 1/7/2025 only province → commune; plans up to 2025
    also have the district level between them)."""
    PROVINCE = "tỉnh", "Tỉnh"
    CENTRAL_CITY = "thành phố trực thuộc trung ương", "Thành phố trực thuộc trung ương"
    DISTRICT = "huyện", "Huyện"
    URBAN_DISTRICT = "quận", "Quận"
    TOWN = "thị xã", "Thị xã"
    PROVINCIAL_CITY = "thành phố thuộc tỉnh", "Thành phố thuộc tỉnh"


PROVINCE_KINDS = (AreaKind.PROVINCE, AreaKind.CENTRAL_CITY)


class AdminArea(models.Model):
    """A province, or (for plans up to 2025) a former district under it. Communes hang below one of them."""
    name = models.CharField("tên", max_length=120)
    kind = models.CharField("loại", max_length=40, choices=AreaKind.choices)
    # The official list of administrative units (Decision 124/2004/QĐ-TTg and its updates) gives each unit a code:
    # two digits for a province, three for a district. Blank when the office has not entered it.
    code = models.CharField("mã đơn vị hành chính", max_length=10, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
                               verbose_name="thuộc")

    class Meta:
        verbose_name = "đơn vị hành chính cấp trên"
        verbose_name_plural = "đơn vị hành chính cấp trên"
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~models.Q(code=""), name="unique_area_code"),
            models.UniqueConstraint(fields=["kind", "name", "parent"], name="unique_area_name"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    @property
    def is_province(self) -> bool:
        return self.kind in PROVINCE_KINDS


class Commune(models.Model):
    name = models.CharField("tên", max_length=120)
    kind = models.CharField("loại", max_length=10, choices=CommuneKind.choices, default=CommuneKind.COMMUNE)
    report_day = models.PositiveSmallIntegerField("hạn báo cáo hằng tháng (ngày)", default=20)
    # The unit directly above: the province since 1/7/2025, a district (itself under a province) for earlier plans.
    area = models.ForeignKey(AdminArea, null=True, blank=True, on_delete=models.PROTECT, related_name="communes",
                             verbose_name="đơn vị hành chính cấp trên")
    code = models.CharField("mã đơn vị hành chính", max_length=10, blank=True)

    class Meta:
        verbose_name = "xã/phường"
        verbose_name_plural = "xã/phường"
        constraints = [
            models.UniqueConstraint(fields=["kind", "name", "area"], name="unique_commune"),
            # NULLs are distinct in a unique index: without this, two "xã Hưng Đông" with no area could coexist.
            models.UniqueConstraint(fields=["kind", "name"], condition=models.Q(area__isnull=True),
                                    name="unique_commune_without_area"),
        ]

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
