"""The issuing People's Committee and its locality, at any administrative level.

Decree 30/2020/NĐ-CP, Appendix I, item 3 (tên cơ quan ban hành): the issuing body's name is printed
in capitals at the top left, e.g. "ỦY BAN NHÂN DÂN" over "HUYỆN NAM ĐÀN", or on one line.
Levels: Law on Organisation of Local Government 2015, Art. 2 (province, district and commune units);
from 1 July 2025 the Law on Organisation of Local Government 2025, Art. 2, keeps two levels, province
(tỉnh, thành phố trực thuộc trung ương) and commune (xã, phường, đặc khu); see GUIDE §3.
"""
import re
from datetime import date

from .textutil import fold, squash

# Folded kind word -> (kind as the contract spells it, level). "thành phố" is decided by its name.
_KINDS = {
    "thi tran": ("thị trấn", "commune"), "thi xa": ("thị xã", "district"), "dac khu": ("đặc khu", "commune"),
    "phuong": ("phường", "commune"), "xa": ("xã", "commune"), "huyen": ("huyện", "district"),
    "quan": ("quận", "district"), "tinh": ("tỉnh", "province"), "thanh pho": ("thành phố", None),
    "tp": ("thành phố", None),
}
_KIND_WORD = re.compile(r"^(thi tran|thi xa|dac khu|phuong|xa|huyen|quan|tinh|thanh pho)(?:\s+|$)"
                        r"|^(tp)\s*(?:\.\s*|\s+|$)")
_COMMITTEE = re.compile(r"^(uy ban nhan dan|ubnd)(?:\s+|$)")
# The centrally-run cities (thành phố trực thuộc trung ương): Resolution 202/2025/QH15 keeps these six.
_CENTRAL_CITIES = {"ha noi", "hai phong", "da nang", "can tho", "ho chi minh", "hue"}
# Huế is centrally run from 1 January 2025 (Resolution 175/2024/QH15); before, a city of Thừa Thiên Huế.
_HUE_CENTRAL_FROM = date(2025, 1, 1)
_ABBREVIATED_NAMES = {"hcm": "Hồ Chí Minh"}
CENTRAL_KIND = "thành phố trực thuộc trung ương"
WHERE = "Phần đầu văn bản"


def read_issuer(head: list[str], issued_on: str | None, year: int | None) -> tuple[str | None, dict | None, list[dict]]:
    """head: the lines before the document type. -> (issuer, locality, anomalies)."""
    printed = _issuer_text(head)
    if printed is None:
        return None, None, [_anomaly("Không tìm thấy tên cơ quan ban hành (ỦY BAN NHÂN DÂN …) trước tên loại văn bản; "
                                     "cần người nhập cơ quan ban hành và địa bàn.")]
    locality = _locality(printed)
    if locality is None:
        return squash(printed), None, [_anomaly(
            f"Không nhận ra cấp hành chính của cơ quan ban hành «{squash(printed)}»; "
            "cần người xác định địa bàn (xã, phường, huyện, tỉnh …).")]
    problems = _decide_city(locality, issued_on, year)
    short = "thành phố" if locality["kind"] == CENTRAL_KIND else locality["kind"]
    return f"UBND {short} {locality['name']}", locality, problems


def _issuer_text(head: list[str]) -> str | None:
    """The last "ỦY BAN NHÂN DÂN …" of the heading (a superior body, when printed, stands above it)."""
    found = None
    for index, line in enumerate(head):
        match = _COMMITTEE.match(fold(line))
        if not match:
            continue
        rest = squash(line)[match.end():].strip()
        following = head[index + 1:]
        if not rest and following:
            rest, following = squash(following[0]), following[1:]
        found = _continued(rest, following) if rest else found
    return found


def _continued(text: str, following: list[str]) -> str:
    """A name broken over lines in a narrow cell: "THÀNH PHỐ" / "HỒ CHÍ MINH", or "BÀ RỊA -" / "VŨNG TÀU"."""
    match = _KIND_WORD.match(fold(text))
    bare_kind = match is not None and match.end() >= len(fold(text))
    if following and (bare_kind or text.endswith("-")) and _looks_like_name(following[0]):
        return f"{text} {squash(following[0])}"
    return text


def _looks_like_name(line: str) -> bool:
    folded = fold(line)
    return (bool(folded) and not folded.startswith(("so", "cong hoa", "doc lap", "ke hoach"))
            and not set(folded) <= set("-_=. "))


def _locality(printed: str) -> dict | None:
    text = squash(printed).rstrip(" -_=.")
    match = _KIND_WORD.match(fold(text))
    if not match:
        return None
    name = text[match.end():].strip(" .-")
    if not name:
        return None
    kind, level = _KINDS[match.group(1) or match.group(2)]
    return {"name": proper_name(name), "kind": kind, "level": level}


def proper_name(name: str) -> str:
    """"NAM ĐÀN" -> "Nam Đàn"; a name typed in mixed case is kept as printed."""
    if fold(name) in _ABBREVIATED_NAMES:
        return _ABBREVIATED_NAMES[fold(name)]
    if name != name.upper():
        return name
    return " ".join(word[:1].upper() + word[1:].lower() for word in name.split())


def _decide_city(locality: dict, issued_on: str | None, year: int | None) -> list[dict]:
    """A "thành phố" is province level only when it is a centrally-run city; otherwise it belongs to a province."""
    if locality["kind"] != "thành phố":
        return []
    folded = fold(locality["name"])
    central: bool | None = folded in _CENTRAL_CITIES
    if folded == "hue":
        central = _hue_is_central(issued_on, year)
        if central is None:
            locality["level"] = None
            return [_anomaly("Kế hoạch của UBND thành phố Huế không ghi ngày ban hành: từ 01/01/2025 Huế là thành phố "
                             "trực thuộc trung ương, trước đó thuộc tỉnh Thừa Thiên Huế; cần người xác định cấp.")]
    locality.update({"kind": CENTRAL_KIND, "level": "province"} if central else {"level": "district"})
    return []


def _hue_is_central(issued_on: str | None, year: int | None) -> bool | None:
    if issued_on:
        return date.fromisoformat(issued_on) >= _HUE_CENTRAL_FROM
    if year is not None and year != _HUE_CENTRAL_FROM.year:
        return year > _HUE_CENTRAL_FROM.year
    return None


def _anomaly(message: str) -> dict:
    return {"kind": "header", "where": WHERE, "message": message}
