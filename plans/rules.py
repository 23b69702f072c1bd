"""Pure rules of a plan document, no database access: what changed between two versions (in words an office
officer reads), and whether a document is the commune's own.
"""
from dataclasses import dataclass

from communes.models import Commune
from planparser.blocks import PlanReadError
from planparser.textutil import fold


def _flatten(nodes: list[dict], into: dict | None = None) -> dict:
    into = {} if into is None else into
    for node in nodes:
        into[node["code"]] = node
        _flatten(node["children"], into)
    return into


def _row_summary(row: dict) -> tuple:
    names = tuple(r["text"] for f in ("leaders", "lead_units", "coordinating_units") for r in row[f])
    return (row["deadline"]["text"], names, tuple(s["text"] for s in row["solutions"]))


def diff_plans(old: dict, new: dict) -> list[str]:
    before, after = _flatten(old.get("tasks", [])), _flatten(new.get("tasks", []))
    changes = [f"Thêm nhiệm vụ {code}: {after[code]['title'][:80]}" for code in after if code not in before]
    changes += [f"Bỏ nhiệm vụ {code}: {before[code]['title'][:80]}" for code in before if code not in after]
    for code in after.keys() & before.keys():
        changes += _node_changes(code, before[code], after[code])
    changes += _indicator_changes(old.get("indicators", []), new.get("indicators", []))
    return sorted(changes)


def _node_changes(code: str, old: dict, new: dict) -> list[str]:
    changes = []
    if old["title"] != new["title"]:
        changes.append(f"Sửa nội dung nhiệm vụ {code}")
    if len(old["rows"]) != len(new["rows"]):
        changes.append(f"Nhiệm vụ {code}: số dòng phân công {len(old['rows'])} → {len(new['rows'])}")
    # Rows past the shorter list are counted above, not compared.
    for index, (a, b) in enumerate(zip(old["rows"], new["rows"], strict=False), start=1):
        if a["deadline"]["text"] != b["deadline"]["text"]:
            changes.append(f"Nhiệm vụ {code}, dòng {index}: thời hạn «{a['deadline']['text']}» → "
                           f"«{b['deadline']['text']}»")
        elif _row_summary(a) != _row_summary(b):
            changes.append(f"Nhiệm vụ {code}, dòng {index}: sửa giải pháp hoặc phân công")
    return changes


def _indicator_changes(old: list[dict], new: list[dict]) -> list[str]:
    before = {i["code"]: i["text"] for i in old}
    after = {i["code"]: i["text"] for i in new}
    changes = [f"Thêm chỉ tiêu {c}" for c in after if c not in before]
    changes += [f"Bỏ chỉ tiêu {c}" for c in before if c not in after]
    changes += [f"Sửa chỉ tiêu {c}: «{before[c]}» → «{after[c]}»" for c in after
                if c in before and before[c] != after[c]]
    return changes


# Is this plan document the commune's own? A plan filed under another locality misleads every page after it.
# The Plan JSON's locality (name and kind, read from the issuing body) is compared with the commune's, without
# accents or case: "UBND xã Hưng Đông" belongs to the commune "Hưng Đông" of kind "xã". Both must agree, since one
# name is often shared by a commune and its former district (xã Yên Thành, huyện Yên Thành).
@dataclass(frozen=True)
class LocalityCheck:
    document: str | None  # the issuer or locality as printed; None when the document names none we could read
    commune: str
    matches: bool

    @property
    def unread(self) -> bool:
        return self.document is None


class OtherLocalityError(PlanReadError):
    """The document belongs to another locality; carries both names for the refusal page."""

    def __init__(self, check: LocalityCheck, name: str):
        self.check, self.file_name = check, name
        super().__init__(f"Tệp «{name}» là kế hoạch của {check.document}, không phải của {check.commune}: "
                         f"không nhập vào {check.commune}.")


def check_locality(commune: Commune, parsed: dict) -> LocalityCheck:
    locality = parsed.get("locality") or {}
    mine = f"{commune.get_kind_display().lower()} {commune.name}"
    if not locality.get("name") or not locality.get("kind"):
        return LocalityCheck(document=None, commune=mine, matches=True)
    printed = parsed.get("issuer") or f"{locality['kind']} {locality['name']}"
    same = fold(locality["name"]) == fold(commune.name) and fold(locality["kind"]) == fold(commune.kind)
    return LocalityCheck(document=printed, commune=mine, matches=same)


def require_own_locality(commune: Commune, parsed: dict, name: str) -> LocalityCheck:
    check = check_locality(commune, parsed)
    if not check.matches:
        raise OtherLocalityError(check, name)
    return check
