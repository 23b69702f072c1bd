"""The indicator appendix of next year's draft: this year's indicators, this year's actual as the base, targets blank.

Each top-level indicator of this year's appendix becomes one line in its group, written as the appendix writes it:

    1. Tổng giá trị sản xuất gia tăng: … tỷ đồng, tăng …% so với năm 2023 (thực hiện năm 2023: 985 tỷ đồng)
    8. Tỷ lệ hộ nghèo: dưới …% (thực hiện năm 2023: 0,1%)
    1. Giữ vững danh hiệu xã đạt bộ tiêu chí quốc gia về y tế: … (thực hiện năm 2023: Đạt)

- "…" is where the leaders write the new target; the direction of this year's target ("dưới", "trên") is kept as a
  hint. A growth target "so với năm 2022" becomes "so với năm 2023", the year just ended.
- The base is the year's value, or the latest value of the year with its period ("thực hiện tháng 11/2023") when the
  year's has not been entered; with no value at all the line says so. The bracket is a remark to the reader of the
  plan: the importer reads no target in it, and flags the blank target for a person.
- Components ("trong đó …", footnote breakdowns) are not repeated: the leaders set them with the new targets.
"""
from dataclasses import dataclass, field

from indicators.models import Indicator
from indicators.queries import ROMAN_ORDER, latest_value, met_text, number_text
from plans.models import Plan

BLANK = "…"
_HINTS = {"<": "dưới ", ">": "trên ", "<=": "không quá ", "≈": "khoảng "}
_GLUED = ("%", "‰")


@dataclass
class Line:
    indicator: Indicator
    number: int
    text: str
    base: str  # the actual as printed in the bracket, "" when none


@dataclass
class Group:
    part: str
    name: str
    lines: list[Line] = field(default_factory=list)


def appendix(plan: Plan) -> list[Group]:
    groups: dict[str, Group] = {}
    items = plan.indicators.filter(parent=None).prefetch_related("targets", "values").order_by("order")
    for indicator in items:
        part = indicator.code.split(".")[0]
        group = groups.setdefault(part, Group(part, indicator.group))
        base = _base(indicator, plan.year)
        group.lines.append(Line(indicator, len(group.lines) + 1, _line(indicator, plan.year, base), base))
    return sorted(groups.values(), key=lambda g: ROMAN_ORDER.get(g.part, 99))


def with_unit(figure: str, unit: str) -> str:
    if not unit:
        return figure
    return f"{figure}{unit}" if unit in _GLUED else f"{figure} {unit}"


def _line(indicator: Indicator, year: int, base: str) -> str:
    targets = list(indicator.targets.all())
    first = targets[0] if targets else None
    figure = BLANK
    if first is not None and first.comparator != "achieve":
        figure = _HINTS.get(first.comparator, "") + with_unit(BLANK, first.unit)
    growth = [_growth(t, year) for t in targets[1:] if t.basis.startswith("so với năm")]
    remark = f"thực hiện {base}" if base else f"chưa có số liệu thực hiện năm {year}"
    return f"{indicator.name}: {figure}{''.join(growth)} ({remark})"


def _growth(target, year: int) -> str:
    direction = "giảm" if target.value is not None and target.value < 0 else "tăng"
    return f", {direction} {with_unit(BLANK, target.unit)} so với năm {year}"


def _base(indicator: Indicator, year: int) -> str:
    """ "năm 2023: 985 tỷ đồng", "tháng 11/2023: 0,1%", "năm 2023: Đạt"; "" with no value this year."""
    value = latest_value([v for v in indicator.values.all() if v.period_year == year])
    if value is None or (value.value is None and value.met is None):
        return ""
    first = indicator.primary_target
    unit = first.unit if first is not None else ""
    words = met_text(value.met) if value.value is None else with_unit(number_text(value.value), unit)
    label = value.period.label
    return f"{label[:1].lower()}{label[1:]}: {words}"
