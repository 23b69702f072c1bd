"""The former "city viewer" scope (User.city, Commune.parent_city, both free text) becomes AdminArea links.

The rule, which never guesses a kind (README, «Chuyển dữ liệu "thành phố" cũ»):
1. the administrator's choice in THEODOI_LEGACY_AREA_KINDS ("Vinh=thành phố thuộc tỉnh; Nam Đàn=huyện") wins;
2. else the kind printed in the text: "huyện X", "quận X", "thị xã X"/"TX X", "tỉnh X", and "thành phố X"/"TP X",
   which in this field (once labelled "thuộc thành phố/huyện", the level above a commune up to 2025) is a city of a
   province, unless X is a centrally-run city's name (Hà Nội, Hải Phòng, Đà Nẵng, Cần Thơ, Hồ Chí Minh, Huế: Huế
   changed level on 1/1/2025, Resolution 175/2024/QH15), where the text alone cannot say which;
3. else the migration stops and lists the names, so that the administrator sets THEODOI_LEGACY_AREA_KINDS.
An area of that kind and name is reused when exactly one exists; a commune that already has an area keeps it.
The areas are created without a parent: `import_areas` later attaches them under their province by name or code.
"""
import unicodedata

from django.conf import settings
from django.core.management.base import CommandError
from django.db import migrations

KINDS = ("tỉnh", "thành phố trực thuộc trung ương", "huyện", "quận", "thị xã", "thành phố thuộc tỉnh")
PREFIXES = (("thanh pho ", "thành phố thuộc tỉnh"), ("tp. ", "thành phố thuộc tỉnh"), ("tp ", "thành phố thuộc tỉnh"),
            ("tp.", "thành phố thuộc tỉnh"), ("thi xa ", "thị xã"), ("tx. ", "thị xã"), ("tx ", "thị xã"),
            ("huyen ", "huyện"), ("quan ", "quận"), ("tinh ", "tỉnh"))
CENTRAL_CITIES = {"ha noi", "hai phong", "da nang", "can tho", "ho chi minh", "hue"}


class LegacyAreaError(CommandError):
    pass


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def chosen_kinds() -> dict[str, str]:
    """THEODOI_LEGACY_AREA_KINDS as {folded name: kind}; a kind outside the list is refused, not approximated."""
    chosen = {}
    for item in filter(None, (part.strip() for part in settings.THEODOI_LEGACY_AREA_KINDS.split(";"))):
        name, _, kind = item.partition("=")
        if kind.strip().lower() not in KINDS:
            raise LegacyAreaError(f"THEODOI_LEGACY_AREA_KINDS: «{item}» không có loại hợp lệ; loại là một trong: "
                                  f"{', '.join(KINDS)}.")
        chosen[fold(name)] = kind.strip().lower()
    return chosen


def read_kind(text: str, chosen: dict[str, str]) -> tuple[str, str] | None:
    """(kind, name without its prefix) for one legacy text, or None when neither the admin nor the text says."""
    clean = unicodedata.normalize("NFC", " ".join(text.split()))
    if fold(clean) in chosen:
        return chosen[fold(clean)], clean
    folded = fold(clean)
    for prefix, kind in PREFIXES:
        if folded.startswith(prefix) and len(folded) > len(prefix):
            name = clean[len(prefix):].strip()
            if kind == "thành phố thuộc tỉnh" and fold(name) in CENTRAL_CITIES:
                return None
            return kind, name
    return None


def legacy_texts(Commune, User) -> set[str]:
    communes = Commune.objects.exclude(parent_city="").values_list("parent_city", flat=True)
    users = User.objects.filter(role="city_viewer").exclude(city="").values_list("city", flat=True)
    return {" ".join(t.split()) for t in (*communes, *users) if t.strip()}


def area_for(AdminArea, kind: str, name: str):
    found = list(AdminArea.objects.filter(kind=kind, name=name))
    if len(found) > 1:
        raise LegacyAreaError(f"Có {len(found)} đơn vị «{kind} {name}» trùng tên: hãy ghi rõ trong "
                              "THEODOI_LEGACY_AREA_KINDS hoặc sửa tên tại /quan-tri/ trước khi nâng cấp.")
    return found[0] if found else AdminArea.objects.create(kind=kind, name=name)


def resolve_areas(apps, texts: set[str]) -> dict[str, object]:
    chosen = chosen_kinds()
    readings = {text: read_kind(text, chosen) for text in texts}
    unreadable = sorted(text for text, reading in readings.items() if reading is None)
    if unreadable:
        raise LegacyAreaError(
            "Không đọc được loại đơn vị (tỉnh, huyện, thành phố thuộc tỉnh …) của: "
            + ", ".join(f"«{t}»" for t in unreadable) + ". Hãy đặt biến môi trường THEODOI_LEGACY_AREA_KINDS, ví dụ "
            "THEODOI_LEGACY_AREA_KINDS=\"Vinh=thành phố thuộc tỉnh; Nam Đàn=huyện\", rồi chạy lại migrate.")
    AdminArea = apps.get_model("communes", "AdminArea")
    return {text: area_for(AdminArea, *reading) for text, reading in readings.items() if reading}


def forward(apps, schema_editor):
    Commune = apps.get_model("communes", "Commune")
    User = apps.get_model("accounts", "User")
    areas = resolve_areas(apps, legacy_texts(Commune, User))
    for commune in Commune.objects.exclude(parent_city="").filter(area__isnull=True):
        commune.area = areas[" ".join(commune.parent_city.split())]
        commune.save(update_fields=["area"])
    for user in User.objects.filter(role="city_viewer"):
        user.role, user.area = "area_viewer", areas.get(" ".join(user.city.split()))
        user.save(update_fields=["role", "area"])
    check_unique(Commune)


def check_unique(Commune) -> None:
    """Two texts naming one area ("TP Vinh", "Vinh") could give two communes of one name under it: say which."""
    seen: dict[tuple, str] = {}
    for commune in Commune.objects.exclude(area=None).order_by("pk"):
        key = (commune.kind, commune.name, commune.area_id)
        if key in seen:
            raise LegacyAreaError(f"Hai {commune.kind} «{commune.name}» cùng thuộc một đơn vị sau khi chuyển "
                                  f"(«{seen[key]}» và «{commune.parent_city}»): hãy gộp hoặc đổi tên trước.")
        seen[key] = commune.parent_city


def backward(apps, schema_editor):
    """Back to free text: the area's name, and area accounts become city viewers again (officers included)."""
    Commune = apps.get_model("communes", "Commune")
    User = apps.get_model("accounts", "User")
    for commune in Commune.objects.exclude(area=None).select_related("area"):
        commune.parent_city = commune.area.name
        commune.save(update_fields=["parent_city"])
    for user in User.objects.filter(role__in=("area_viewer", "area_officer")).select_related("area"):
        user.role, user.city = "city_viewer", user.area.name if user.area else ""
        user.save(update_fields=["role", "city"])


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_user_area_and_area_roles'),
        ('communes', '0003_special_zone_kind'),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
