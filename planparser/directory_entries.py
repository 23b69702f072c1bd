"""Directory entries and the default directory of each level of local government.

Holds the Entry type and builds the default entries from the plain tables of directory_data (commune, ward,
special zone), directory_district (huyện, quận, thị xã, thành phố thuộc tỉnh) and directory_province (tỉnh,
thành phố trực thuộc trung ương). It imports nothing from directory.py, so the resolver and the data never import
each other.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import directory_data as commune
from . import directory_district as district
from . import directory_province as province


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    category: str  # "position" | "unit" | "group"
    kind: str
    aliases: tuple[str, ...] = ()
    portfolio: str = ""


# The locality kinds of the Plan JSON contract and the level each belongs to. Since 1 July 2025 local government
# has two levels, province and commune (Law 72/2025/QH15 on the organisation of local government, Art. 2,
# administrative units); plans up to 2025 still come from districts, so all three levels import.
LEVELS = {
    "xã": "commune", "phường": "commune", "thị trấn": "commune", "đặc khu": "commune",
    "huyện": "district", "quận": "district", "thị xã": "district", "thành phố": "district",
    "tỉnh": "province", "thành phố trực thuộc trung ương": "province",
}
_DATA = {"commune": commune, "district": district, "province": province}


def level_of(locality_kind: str) -> str:
    """An unknown kind reads as a commune: the level the application was built for."""
    return LEVELS.get(locality_kind, "commune")


def locality_word(locality_kind: str) -> str:
    """The word printed after a body's name at this level: "Công an xã", "Công an huyện", "Công an tỉnh"."""
    if locality_kind == "thành phố trực thuộc trung ương":
        return "thành phố"
    if locality_kind in LEVELS:
        return locality_kind
    return "xã"


def default_entries(locality_kind: str = "xã") -> list[Entry]:
    data = _DATA[level_of(locality_kind)]
    loc = locality_word(locality_kind)
    positions = _positions(data.CHAIRMAN_ALIASES, data.VICE_CHAIRMEN)
    officials = [Entry(key, name, "unit", kind, tuple(dict.fromkeys(aliases)))
                 for key, name, kind, aliases in data.officials()]
    units = [Entry(key, name.format(loc=loc), "unit", kind, aliases)
             for key, name, kind, aliases in data.units(locality_kind)]
    groups = [Entry(key, name.format(loc=loc), "group", kind, aliases)
              for key, name, kind, aliases in data.groups(locality_kind)]
    return [*positions, *officials, *units, *groups]


def _positions(chairman_aliases: tuple[str, ...], vice_chairmen) -> list[Entry]:
    chairman = Entry("chu-tich", "Chủ tịch UBND", "position", "chairman", chairman_aliases)
    vices = [Entry(key, f"Phó Chủ tịch phụ trách {portfolio}", "position", "vice_chairman",
                   tuple(f"Phó Chủ tịch {term}" for term in terms), portfolio)
             for key, portfolio, terms in vice_chairmen]
    return [chairman, *vices]
