"""accounts 0004: the free-text "city" of communes and city viewers becomes AdminArea links, without guessing a kind.

Run through Django's MigrationExecutor on the real database (SQLite, and PostgreSQL in make test): the old schema
is migrated back to, filled through the historical models, and migrated forward again.
"""
import importlib

import pytest
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0003_user_area_and_area_roles"), ("communes", "0003_special_zone_kind")]
AFTER = [("accounts", "0005_remove_user_city"), ("communes", "0004_commune_unique_by_area")]
MIGRATION = importlib.import_module("accounts.migrations.0004_city_viewers_to_areas")


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def old_apps(transactional_db):
    yield _migrate(BEFORE)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _fill(apps, cities: dict[str, str], viewers: dict[str, str]):
    """cities: commune name → its parent_city text; viewers: username → the city text of a city viewer."""
    Commune, User = apps.get_model("communes", "Commune"), apps.get_model("accounts", "User")
    for name, city in cities.items():
        Commune.objects.create(name=name, kind="xã", parent_city=city)
    for username, city in viewers.items():
        User.objects.create(username=username, role="city_viewer", city=city)


def test_kinds_printed_in_the_text_become_areas_linking_communes_and_viewers(old_apps):
    _fill(old_apps, {"Hưng Đông": "TP Vinh", "Nam Anh": "huyện Nam Đàn", "Nghi Phong": "Huyện  Nghi Lộc"},
          {"tp.vinh": "TP Vinh", "nam.dan": "Huyện Nam Đàn", "trong": ""})
    apps = _migrate(AFTER)
    AdminArea, Commune, User = (apps.get_model(*m) for m in (("communes", "AdminArea"), ("communes", "Commune"),
                                                              ("accounts", "User")))
    areas = {(a.kind, a.name, a.parent_id) for a in AdminArea.objects.all()}
    assert areas == {("thành phố thuộc tỉnh", "Vinh", None), ("huyện", "Nam Đàn", None), ("huyện", "Nghi Lộc", None)}
    placed = {c.name: (c.area.kind, c.area.name) for c in Commune.objects.select_related("area")}
    assert placed == {"Hưng Đông": ("thành phố thuộc tỉnh", "Vinh"), "Nam Anh": ("huyện", "Nam Đàn"),
                      "Nghi Phong": ("huyện", "Nghi Lộc")}
    viewers = {u.username: (u.role, u.area.name if u.area else None) for u in User.objects.select_related("area")}
    # A city viewer without a city saw nothing before; it still sees nothing (no area), never everything.
    assert viewers == {"tp.vinh": ("area_viewer", "Vinh"), "nam.dan": ("area_viewer", "Nam Đàn"),
                       "trong": ("area_viewer", None)}


def test_a_name_without_its_kind_stops_the_migration_and_says_what_to_set(old_apps):
    _fill(old_apps, {"Hưng Đông": "Vinh", "Thủy Xuân": "TP Huế"}, {})
    with pytest.raises(CommandError) as caught:
        _migrate(AFTER)
    message = str(caught.value)
    assert "«TP Huế»" in message and "«Vinh»" in message and "THEODOI_LEGACY_AREA_KINDS" in message
    assert old_apps.get_model("communes", "AdminArea").objects.count() == 0  # nothing half-done
    old_apps.get_model("communes", "Commune").objects.all().delete()  # so that the fixture can migrate forward


def test_the_administrators_choice_gives_the_kind_the_text_does_not(old_apps, settings):
    settings.THEODOI_LEGACY_AREA_KINDS = "Vinh=thành phố thuộc tỉnh; TP Huế = thành phố trực thuộc trung ương"
    _fill(old_apps, {"Hưng Đông": "Vinh", "Thủy Xuân": "TP Huế"}, {"xem": "Vinh"})
    apps = _migrate(AFTER)
    Commune = apps.get_model("communes", "Commune")
    placed = {c.name: (c.area.kind, c.area.name) for c in Commune.objects.select_related("area")}
    assert placed == {"Hưng Đông": ("thành phố thuộc tỉnh", "Vinh"),
                      "Thủy Xuân": ("thành phố trực thuộc trung ương", "TP Huế")}
    assert apps.get_model("accounts", "User").objects.get(username="xem").area.name == "Vinh"


@pytest.mark.parametrize("text, expected", [
    ("TP Vinh", ("thành phố thuộc tỉnh", "Vinh")), ("TP.Vinh", ("thành phố thuộc tỉnh", "Vinh")),
    ("Thành phố Vinh", ("thành phố thuộc tỉnh", "Vinh")), ("thị xã Cửa Lò", ("thị xã", "Cửa Lò")),
    ("TX Thái Hòa", ("thị xã", "Thái Hòa")), ("Quận Ba Đình", ("quận", "Ba Đình")),
    ("Tỉnh Nghệ An", ("tỉnh", "Nghệ An")),
    # Centrally-run cities' names: "thành phố Huế" was a provincial city until 31/12/2024. The text cannot say.
    ("Thành phố Huế", None), ("TP Hồ Chí Minh", None), ("Vinh", None), ("Huyện", None),
])
def test_the_kind_is_read_only_where_the_text_prints_it(text, expected):
    assert MIGRATION.read_kind(text, {}) == expected


def test_a_kind_outside_the_list_is_refused(settings):
    settings.THEODOI_LEGACY_AREA_KINDS = "Vinh=thành phố"
    with pytest.raises(CommandError, match="«Vinh=thành phố» không có loại hợp lệ"):
        MIGRATION.chosen_kinds()
