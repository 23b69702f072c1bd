"""Attainment and the forecast colour of an indicator value: pure rules, no database.

Attainment (is the target met by this number?):
- ">=" met when value ≥ target; ">" when value > target; "<=" when value ≤ target; "<" when value < target
  (an upper bound such as "dưới 0,12%" is met by staying under it);
- "=" met when value equals the target; "≈" when within 5% of it; "range" when low ≤ value ≤ high;
- "achieve" (qualitative, "Giữ vững danh hiệu …") met when the unit reports it met.

The forecast colour, after the Ho Chi Minh City execution dashboard. A value is judged against the indicator's first
target, for the period it was entered for; the indicator shows the colour of its latest value.
- GREY: nothing judgeable yet: no value, a target with no number, or a qualitative target before the year's last
  period (a title is kept or lost at year end).
- Cumulative value (year to date) of a "≥"/">" target: compare it with the linear pace,
  target × months elapsed / 12 (3 for Quý I, 6 for 6 tháng, 12 for the year). At least 100% of the pace is GREEN,
  at least 85% AMBER, below 85% RED.
- Cumulative value of any other target: projected to the year (value × 12 / months elapsed), then judged as a level.
- Level value (a rate or a stock at that time), and every upper bound: met is GREEN; missed by no more than 10% of
  the bound (for "<0,12%": up to 0,132) AMBER; missed by more RED. "≈" is met within 5%, AMBER within 10%.
- Year end (a period closing on 14/12: Tháng 12, Quý IV, Năm): nothing is recoverable any more, so a value that does
  not meet the target is RED, whatever the margin.
A heading without its own target (I.2 "Cơ cấu kinh tế …") takes the worst colour of its components.
A RED value is saved only with an explanation (giải trình) from the unit.
"""
from dataclasses import dataclass
from decimal import Decimal

from theodoi.periods import Period

PACE_GREEN = Decimal("1")
PACE_AMBER = Decimal("0.85")
LEVEL_TOLERANCE = Decimal("0.10")
APPROX_TOLERANCE = Decimal("0.05")
MONTHS_IN_YEAR = Decimal(12)

GREEN, AMBER, RED, GREY = "green", "amber", "red", "grey"
COLOUR_SHORT = {GREEN: "Xanh", AMBER: "Vàng", RED: "Đỏ", GREY: "Xám"}  # a cell, a count ("3 đỏ"), a heading
COLOUR_LABELS = {
    GREEN: "Xanh – đạt hoặc đúng tiến độ",
    AMBER: "Vàng – chậm nhưng còn khắc phục được",
    RED: "Đỏ – có nguy cơ không đạt",
    GREY: "Xám – chưa đủ số liệu để đánh giá",
}
SEVERITY = {RED: 3, AMBER: 2, GREEN: 1, GREY: 0}
UPPER_BOUNDS = ("<", "<=")
LOWER_BOUNDS = (">", ">=")


@dataclass(frozen=True)
class Verdict:
    colour: str
    met: bool | None = None
    pace_ratio: Decimal | None = None   # value / pace, for a cumulative "≥" target
    benchmark: Decimal | None = None    # what the value was compared with (the pace, or the target)

    @property
    def label(self) -> str:
        return COLOUR_LABELS[self.colour]


def attained(target, value: Decimal | None, met: bool | None = None) -> bool | None:
    """Whether the value meets the target; None when that cannot be said (no number, no target figure)."""
    if target.comparator == "achieve":
        return met
    if value is None:
        return None
    if target.comparator == "range":
        if target.low is None or target.high is None:
            return None
        return target.low <= value <= target.high
    if target.value is None:
        return None
    return _compare(target.comparator, value, target.value)


def _compare(comparator: str, value: Decimal, bound: Decimal) -> bool:
    return {
        ">=": value >= bound, ">": value > bound, "<=": value <= bound, "<": value < bound,
        "=": value == bound, "≈": abs(value - bound) <= APPROX_TOLERANCE * abs(bound),
    }[comparator]


def judge(target, value: Decimal | None, period: Period, *, met: bool | None = None,
          cumulative: bool = False) -> Verdict:
    """The forecast colour of one value entered for one period; see the module docstring."""
    if target is None:
        return Verdict(GREY)
    is_met = attained(target, value, met)
    if is_met is None:
        return Verdict(GREY)
    if target.comparator == "achieve":
        return Verdict((GREEN if is_met else RED) if period.is_year_end else GREY, met=is_met)
    if value is None:  # unreachable: attained() gives None for a missing number unless the target is qualitative
        return Verdict(GREY)
    if period.is_year_end:
        return Verdict(GREEN if is_met else RED, met=is_met, benchmark=_figure(target))
    if cumulative and target.comparator in LOWER_BOUNDS:
        return _judge_pace(target, value, period, is_met)
    if cumulative:
        projected = value * MONTHS_IN_YEAR / period.last_month
        return _judge_level(target, projected)
    return _judge_level(target, value)


def _judge_pace(target, value: Decimal, period: Period, is_met: bool) -> Verdict:
    pace = target.value * period.last_month / MONTHS_IN_YEAR
    if pace <= 0:
        return Verdict(GREEN if is_met else RED, met=is_met, benchmark=pace)
    ratio = value / pace
    colour = GREEN if ratio >= PACE_GREEN else AMBER if ratio >= PACE_AMBER else RED
    return Verdict(colour, met=is_met, pace_ratio=ratio, benchmark=pace)


def _judge_level(target, value: Decimal) -> Verdict:
    is_met = attained(target, value)
    if is_met:
        return Verdict(GREEN, met=True, benchmark=_figure(target))
    colour = AMBER if _miss(target, value) <= _tolerance(target, value) else RED
    return Verdict(colour, met=False, benchmark=_figure(target))


def _figure(target) -> Decimal | None:
    return target.value if target.comparator != "range" else None


def _miss(target, value: Decimal) -> Decimal:
    """How far the value lies beyond what the target allows."""
    if target.comparator == "range":
        return target.low - value if value < target.low else value - target.high
    return abs(value - target.value)


def _tolerance(target, value: Decimal) -> Decimal:
    if target.comparator == "range":
        bound = target.low if value < target.low else target.high
        return LEVEL_TOLERANCE * abs(bound)
    return LEVEL_TOLERANCE * abs(target.value)


def worst(colours) -> str:
    """The colour of a heading from its components' colours: the most severe judgeable one."""
    return max(colours, key=SEVERITY.__getitem__, default=GREY)


def pace_of(target, period: Period, cumulative: bool) -> Decimal | None:
    """The number a value of this period is compared with on the chart: the pace, or the target itself."""
    if target is None or target.comparator in ("achieve", "range") or target.value is None:
        return None
    if cumulative and target.comparator in LOWER_BOUNDS:
        return target.value * period.last_month / MONTHS_IN_YEAR
    return target.value
