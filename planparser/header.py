"""Facts from the document's prose: issuer, number, date, title, year, signer, report day."""
import re
from datetime import date

from .textutil import fold, squash

_KINDS = (("thi tran", "thị trấn"), ("phuong", "phường"), ("xa", "xã"))
_NUMBER = re.compile(r"^s[oố]\s*:\s*(.*)$", re.I)
_DATE_LINE = re.compile(r"^(?P<place>[^,]{2,60}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.I)
_YEAR = re.compile(r"năm\s+(\d{4})", re.I)
_REPORT_DAY = re.compile(r"truoc ngay (\d{1,2}) hang thang")
_SIGNER_TITLES = {"chu tich": "Chủ tịch", "pho chu tich": "Phó Chủ tịch"}


def header_facts(lines: list[str]) -> dict:
    """lines: every prose line of the document, in order."""
    locality = _locality(lines)
    return {
        "issuer": f"UBND {locality['kind']} {locality['name']}" if locality else None,
        "locality": locality,
        "number": _number(lines),
        "issued_on": _issued_on(lines),
        **_title_and_year(lines),
        "signer": _signer(lines),
        "report_day": _report_day(lines),
    }


def _locality(lines: list[str]) -> dict | None:
    for index, line in enumerate(lines[:12]):
        if fold(line) == "uy ban nhan dan" and index + 1 < len(lines):
            return _split_locality(lines[index + 1])
        if fold(line).startswith("uy ban nhan dan "):
            return _split_locality(line[len("ỦY BAN NHÂN DÂN "):])
    return None


def _split_locality(text: str) -> dict | None:
    folded = fold(text)
    for key, kind in _KINDS:
        if folded.startswith(key + " "):
            name = squash(text)[len(kind) + 1:]
            return {"name": _title_case(name), "kind": kind}
    return None


def _title_case(text: str) -> str:
    return " ".join(word[:1].upper() + word[1:].lower() for word in text.split())


def _number(lines: list[str]) -> str | None:
    for line in lines[:15]:
        match = _NUMBER.match(squash(line))
        if match:
            return match.group(1).replace(" ", "") or None
    return None


def _issued_on(lines: list[str]) -> str | None:
    for line in lines[:20]:
        match = _DATE_LINE.match(squash(line))
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
            except ValueError:
                return None
    return None


def _title_and_year(lines: list[str]) -> dict:
    for index, line in enumerate(lines[:25]):
        if fold(line) == "ke hoach" and index + 1 < len(lines):
            subject = squash(lines[index + 1])
            year = _YEAR.search(subject)
            return {"title": f"Kế hoạch {subject}", "year": int(year.group(1)) if year else None}
    return {"title": None, "year": None}


def _signer(lines: list[str]) -> dict | None:
    for index, line in enumerate(lines):
        if not fold(line).startswith(("tm. uy ban nhan dan", "tm uy ban nhan dan")):
            continue
        rest = [squash(x) for x in lines[index + 1:index + 4] if squash(x)]
        titles = [t for t in rest if fold(t).removeprefix("kt. ") in _SIGNER_TITLES]
        names = [t for t in rest if t not in titles and not t.isupper()]
        if titles and names:
            return {"name": names[0], "title": _SIGNER_TITLES[fold(titles[-1]).removeprefix("kt. ")]}
    return None


def _report_day(lines: list[str]) -> int | None:
    for line in lines:
        match = _REPORT_DAY.search(fold(line))
        if match and 1 <= int(match.group(1)) <= 31:
            return int(match.group(1))
    return None
