"""Is this plan document the commune's own? A plan filed under another locality misleads every page after it.

The Plan JSON's locality (name and kind, read from the issuing body) is compared with the commune's, without
accents or case: "UBND xã Hưng Đông" belongs to the commune "Hưng Đông" of kind "xã". Both must agree, since one
name is often shared by a commune and its former district (xã Yên Thành, huyện Yên Thành).
"""
from dataclasses import dataclass

from communes.models import Commune
from planparser.blocks import PlanReadError
from planparser.textutil import fold


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
