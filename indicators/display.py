"""How targets and values read in Vietnamese, shared by the pages and the Excel export."""
from decimal import Decimal

from planparser.vinumbers import format_vi_number

_WORDS = {">=": "từ", ">": "trên", "<=": "không quá", "<": "dưới", "=": "", "≈": "khoảng"}


def number_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format_vi_number(value.normalize())


def describe_target(target) -> str:
    """ "dưới 0,12 %", "từ 971 tỷ đồng (so với …)", "Nằm trong nhóm 5 dẫn đầu", "Đạt (định tính)"."""
    if target.comparator == "achieve":
        rank = getattr(target, "rank", None)
        return f"Nằm trong nhóm {rank} dẫn đầu" if rank else "Đạt (định tính)"
    unit = f" {target.unit}" if target.unit else ""
    if target.comparator == "range":
        text = f"từ {number_text(target.low)} đến {number_text(target.high)}{unit}"
    else:
        text = f"{_WORDS.get(target.comparator, '')} {number_text(target.value)}{unit}".strip()
    return f"{text} ({target.basis})" if target.basis else text


def met_text(met: bool | None) -> str:
    if met is None:
        return ""
    return "Đạt" if met else "Chưa đạt"


def value_text(item) -> str:
    """A stored value as a person reads it: the number, or Đạt/Chưa đạt for a qualitative one."""
    if item is None:
        return ""
    if item.value is None:
        return met_text(item.met)
    return number_text(item.value)
