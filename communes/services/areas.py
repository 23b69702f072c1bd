"""Importing provinces and districts from the official list, and linking the communes already in the app.

One service for `manage.py import_areas` and the province officer's upload page: all or nothing in one transaction,
idempotent (a second run changes nothing), every problem reported with its line, and a commune is linked only by
its code or by its exact name under its own area: one that cannot be placed so is listed, never guessed.
"""
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from audit.services import log_action

from ..area_csv import Line, Unit, read_areas
from ..models import AdminArea, Commune


@dataclass
class AreaImport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    not_in_app: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.linked)


class _Rollback(Exception):
    pass


def import_areas(data: bytes, *, user=None, scope: AdminArea | None = None, file_name: str = "") -> AreaImport:
    """`scope`: the province an officer may change; lines of another province are refused. None: any (the admin)."""
    reading = read_areas(data)
    if reading.errors:
        return AreaImport(errors=reading.errors)
    try:
        with transaction.atomic():
            result = _Book(scope).apply(reading.lines)
            if result.errors:
                raise _Rollback
            if result.changed:
                log_action("areas.imported", user=user, data={
                    "file": file_name, "created": result.created, "updated": result.updated,
                    "linked": result.linked, "unmatched": result.unmatched})
    except _Rollback:
        return AreaImport(errors=result.errors)
    except IntegrityError as exc:  # two communes of one name under one area, once linked
        return AreaImport(errors=[f"Không lưu gì: dữ liệu trùng sau khi gắn xã/phường vào đơn vị ({exc})."])
    return result


class _Book:
    """The areas and communes of the database, read once and matched in memory: a list of 10,000 lines stays fast.

    Communes are looked up through two indexes (by code, by kind and name), each list in the database's order so that
    "the first match" is what a scan of all communes would find; a code this import gives a commune joins its index.
    """

    def __init__(self, scope: AdminArea | None):
        self.scope = scope
        self.areas = list(AdminArea.objects.all())
        self.areas_by_pk = {area.pk: area for area in self.areas}
        self.communes = list(Commune.objects.select_related("area"))
        self.by_code: dict[str, list[Commune]] = defaultdict(list)
        self.by_name: dict[tuple[str, str], list[Commune]] = defaultdict(list)
        for commune in self.communes:
            if commune.code:
                self.by_code[commune.code].append(commune)
            self.by_name[(commune.kind, commune.name)].append(commune)
        self.result = AreaImport()
        self.matched: set[int] = set()
        self.done: dict[tuple, AdminArea | None] = {}

    def apply(self, lines: list[Line]) -> AreaImport:
        for line in lines:
            province = self._area(line.number, line.province, None)
            district = self._area(line.number, line.district, province) if line.district and province else None
            if line.commune and province:
                self._link(line, district or province, province)
        self._list_unmatched()
        return self.result

    def _area(self, number: int, unit: Unit, parent: AdminArea | None) -> AdminArea | None:
        key = (unit, parent.pk if parent else None)
        if key not in self.done:
            self.done[key] = self._find_or_make(number, unit, parent)
        return self.done[key]

    def _find_or_make(self, number: int, unit: Unit, parent: AdminArea | None) -> AdminArea | None:
        errors = len(self.result.errors)
        area = self._existing(number, unit, parent)
        if len(self.result.errors) > errors:
            return None
        if not self._may_change(area, parent):
            self.result.errors.append(f"Dòng {number}: «{unit}» ngoài phạm vi tài khoản ({self.scope}); chỉ nhập "
                                      "được các dòng của đơn vị mình.")
            return None
        return self._save(area, unit, parent)

    def _may_change(self, area: AdminArea | None, parent: AdminArea | None) -> bool:
        """An officer changes its own province and the districts under it or not yet under any province."""
        if self.scope is None:
            return True
        if parent is None:
            return area is not None and area.pk == self.scope.pk
        return area is None or area.parent_id in (None, self.scope.pk)

    def _existing(self, number: int, unit: Unit, parent: AdminArea | None) -> AdminArea | None:
        """By code; else by kind and name under the same parent; else a district still without a province."""
        parent_id = parent.pk if parent else None
        by_code = [a for a in self.areas if unit.code and a.code == unit.code]
        if by_code:
            return self._same_level(number, by_code[0], unit, parent)
        named = [a for a in self.areas if (a.kind, a.name, a.parent_id) == (unit.kind, unit.name, parent_id)]
        if not named and parent is not None:
            named = [a for a in self.areas if (a.kind, a.name, a.parent_id, a.code) == (unit.kind, unit.name, None, "")]
        if len(named) > 1:
            self.result.errors.append(f"Dòng {number}: có {len(named)} «{unit}» chưa thuộc tỉnh nào trong phần mềm; "
                                      "hãy ghi mã cho đúng đơn vị tại /quan-tri/ rồi nhập lại.")
            return None
        if named and named[0].code and unit.code and named[0].code != unit.code:
            self.result.errors.append(f"Dòng {number}: «{unit}» trong phần mềm có mã {named[0].code}, tệp ghi "
                                      f"{unit.code}.")
            return None
        return named[0] if named else None

    def _same_level(self, number: int, area: AdminArea, unit: Unit, parent: AdminArea | None) -> AdminArea | None:
        if area.is_province != (parent is None):
            self.result.errors.append(f"Dòng {number}: mã {unit.code} trong phần mềm là «{area}», không phải "
                                      f"«{unit}».")
            return None
        return area

    def _save(self, area: AdminArea | None, unit: Unit, parent: AdminArea | None) -> AdminArea:
        if area is None:
            area = AdminArea.objects.create(kind=unit.kind, name=unit.name, code=unit.code, parent=parent)
            self.areas.append(area)
            self.areas_by_pk[area.pk] = area
            self.result.created.append(str(area))
            return area
        wanted = {"kind": unit.kind, "name": unit.name, "code": unit.code or area.code,
                  "parent_id": parent.pk if parent else None}
        if any(getattr(area, name) != value for name, value in wanted.items()):
            before = f"{area} ({area.parent or 'không thuộc tỉnh nào'})"
            for name, value in wanted.items():
                setattr(area, name, value)
            area.save()
            self.result.updated.append(f"{before} → {area} ({parent or 'cấp tỉnh'})")
        return area

    def _link(self, line: Line, area: AdminArea, province: AdminArea) -> None:
        unit = line.commune
        assert unit is not None
        by_code = list(self.by_code.get(unit.code, [])) if unit.code else []
        named = [c for c in self.by_name.get((unit.kind, unit.name), [])
                 if c.area_id in (area.pk, province.pk) and (not c.code or not unit.code)]
        found = by_code or named
        if not found:
            self.result.not_in_app += 1
            return
        commune = found[0]
        if by_code and (commune.kind, commune.name) != (unit.kind, unit.name):
            self.result.errors.append(f"Dòng {line.number}: mã {unit.code} trong phần mềm là «{commune}», tệp ghi "
                                      f"«{unit}»; hãy sửa tên hoặc mã cho khớp.")
            return
        if self.scope is not None and not self._in_scope(commune):
            self.result.errors.append(f"Dòng {line.number}: «{commune}» thuộc «{commune.area}», ngoài phạm vi tài "
                                      "khoản.")
            return
        self._place(commune, area, unit.code)

    def _in_scope(self, commune: Commune) -> bool:
        """Read from the areas as this import left them: a district it just attached to the province counts."""
        area = self.areas_by_pk.get(commune.area_id) if commune.area_id is not None else None
        return area is None or (self.scope is not None and self.scope.pk in (area.pk, area.parent_id))

    def _place(self, commune: Commune, area: AdminArea, code: str) -> None:
        self.matched.add(commune.pk)
        if commune.area_id == area.pk and commune.code == (code or commune.code):
            return
        if code and commune.code != code:
            self.by_code[code].append(commune)
        commune.area, commune.code = area, code or commune.code
        commune.save(update_fields=["area", "code"])
        self.result.linked.append(f"{commune} → {area}")

    def _list_unmatched(self) -> None:
        """Communes of the app left out: without an area, or under an area of the file but absent from it."""
        touched = {a.pk for a in self.done.values() if a is not None}
        for commune in self.communes:
            if commune.pk in self.matched:
                continue
            if commune.area_id is None:
                self.result.unmatched.append(f"{commune} (chưa thuộc đơn vị nào)")
            elif commune.area_id in touched and commune.area is not None:
                self.result.unmatched.append(f"{commune} ({commune.area}): không có trong tệp")
