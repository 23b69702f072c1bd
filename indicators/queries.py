"""Data for the indicator pages, read-only: the indicators and plans a user may see, each indicator's standing, its
values in period order with their verdicts, the chart's numbers, and how targets and values read in Vietnamese
(shared with the Excel export and the dashboard).

Another commune's indicator or plan is `theodoi.errors.NotFound`, which the middleware answers with a 404.
"""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from planparser.vinumbers import format_vi_number
from plans.queries import current_plans, plan_for, plans_for
from theodoi.errors import NotFound

from . import rules
from .models import Indicator, IndicatorValue
from .services.recording import verdict_for

ROMAN_ORDER = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def indicator_for(user, pk: int) -> Indicator:
    queryset = Indicator.objects.filter(plan__in=plans_for(user)).select_related("plan__commune", "parent",
                                                                                 "lead_unit").defer("plan__parsed")
    try:
        return queryset.get(pk=pk)
    except Indicator.DoesNotExist:
        raise NotFound("Không tìm thấy chỉ tiêu này trong các kế hoạch của xã/phường bạn.") from None


def current_plan(user, plan_pk=None):
    """The plan asked for (?ke-hoach=pk) or the user's current one; None when the commune has no plan yet."""
    if plan_pk not in (None, ""):
        try:
            return plan_for(user, int(plan_pk))
        except (TypeError, ValueError):
            raise NotFound(f"Mã kế hoạch «{plan_pk}» trong địa chỉ trang không hợp lệ.") from None
    return current_plans(user).first()


@dataclass
class ValueRow:
    item: IndicatorValue
    verdict: rules.Verdict
    benchmark: Decimal | None

    @property
    def colour(self) -> str:
        return self.verdict.colour

    @property
    def text(self) -> str:
        return value_text(self.item)

    @property
    def benchmark_text(self) -> str:
        return "" if self.benchmark is None else number_text(self.benchmark.quantize(Decimal("0.01")))

    @property
    def pace_percent(self) -> Decimal | None:
        ratio = self.verdict.pace_ratio
        return None if ratio is None else (ratio * 100).quantize(Decimal("0.1"))


def value_rows(indicator: Indicator) -> list[ValueRow]:
    """Values in chronological order; the last one decides the indicator's colour."""
    target = indicator.primary_target
    values = sorted(indicator.values.select_related("entered_by"),
                    key=lambda v: (v.period.sort_key(), v.entered_at))
    return [ValueRow(v, verdict_for(indicator, v), rules.pace_of(target, v.period, v.is_cumulative))
            for v in values]


def chart_points(indicator: Indicator, rows: list[ValueRow]) -> dict | None:
    """Labels and two series for Chart.js, as plain strings of Decimals (JavaScript reads them with Number)."""
    numeric = [r for r in rows if r.item.value is not None]
    if not numeric:
        return None
    target = indicator.primary_target
    return {
        "labels": [r.item.period.label for r in numeric],
        "values": [_plain(r.item.value) for r in numeric],
        "benchmarks": [_plain(r.benchmark) for r in numeric],
        "display_values": [number_text(r.item.value) for r in numeric],
        "unit": target.unit if target else "",
        "colours": [r.colour for r in numeric],
    }


def _plain(value: Decimal | None) -> str | None:
    return None if value is None else str(value.normalize())


@dataclass
class Standing:
    """One indicator on the overview: its latest value and the colour that value gives."""
    indicator: Indicator
    depth: int
    latest: IndicatorValue | None = None
    verdict: rules.Verdict = field(default_factory=lambda: rules.Verdict(rules.GREY))

    @property
    def colour(self) -> str:
        return self.verdict.colour


def latest_value(values) -> IndicatorValue | None:
    return max(values, key=lambda v: (v.period.sort_key(), v.entered_at), default=None)


def plan_standings(plan, until: date | None = None) -> list[Standing]:
    """Every indicator of the plan in document order, each with its colour; headings take their worst component's.
    until: only values of periods ended by that day count (a report judged at its cut-off)."""
    indicators = list(plan.indicators.prefetch_related("targets", "values").select_related("parent"))
    standings = {}
    for indicator in indicators:
        latest = latest_value([v for v in indicator.values.all() if until is None or v.period.end <= until])
        verdict = verdict_for(indicator, latest) if latest else rules.Verdict(rules.GREY)
        standings[indicator.pk] = Standing(indicator, _depth(indicator), latest, verdict)
    for indicator in reversed(indicators):  # components come after their parent, so children are final here
        own = standings[indicator.pk]
        if not indicator.targets.all():
            children = [s.colour for s in standings.values() if s.indicator.parent_id == indicator.pk]
            own.verdict = rules.Verdict(rules.worst(children))
    return [standings[i.pk] for i in indicators]


def _depth(indicator: Indicator) -> int:
    return indicator.code.count(".") - 1


def grouped(standings: list[Standing]) -> list[dict]:
    """Standings split into the appendix's groups I–IV, with a count per colour."""
    groups: dict[str, dict] = {}
    for standing in standings:
        part = standing.indicator.code.split(".")[0]
        group = groups.setdefault(part, {"part": part, "name": standing.indicator.group, "rows": []})
        group["rows"].append(standing)
    return sorted(groups.values(), key=lambda g: ROMAN_ORDER.get(g["part"], 99))


def colour_counts(standings: list[Standing]) -> dict[str, int]:
    counts = {colour: 0 for colour in rules.COLOUR_LABELS}
    for standing in standings:
        counts[standing.colour] += 1
    return counts


# How targets and values read in Vietnamese, shared by the pages and the Excel export.
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
