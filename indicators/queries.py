"""What the indicator page shows: the values in period order with their verdicts, and the chart's numbers."""
from dataclasses import dataclass
from decimal import Decimal

from . import services
from .display import number_text, value_text
from .models import Indicator, IndicatorValue
from .recording import verdict_for


@dataclass
class ValueRow:
    item: IndicatorValue
    verdict: services.Verdict
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
    return [ValueRow(v, verdict_for(indicator, v), services.pace_of(target, v.period, v.is_cumulative))
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
