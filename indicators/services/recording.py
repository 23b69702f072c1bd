"""Storing values and reading indicators' standing: the database side of the rules in indicators.services."""
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from theodoi import clock
from theodoi.periods import Period
from theodoi.stored_files import delete_after_commit

from . import services
from .models import Indicator, IndicatorValue, ValueEntry

ROMAN_ORDER = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


@dataclass
class Reading:
    """A value to store, already parsed and checked."""
    period: Period
    value: Decimal | None = None
    met: bool | None = None
    cumulative: bool = False
    source: str = ""
    note: str = ""
    explanation: str = ""


def verdict_for(indicator: Indicator, reading_or_value) -> services.Verdict:
    item = reading_or_value
    cumulative = item.cumulative if isinstance(item, Reading) else item.is_cumulative
    return services.judge(indicator.primary_target, item.value, item.period, met=item.met, cumulative=cumulative)


def is_unchanged(stored: IndicatorValue | None, reading: Reading) -> bool:
    return stored is not None and (stored.value, stored.met, stored.is_cumulative) == (
        reading.value, reading.met, reading.cumulative)


def stored_value(indicator: Indicator, period: Period) -> IndicatorValue | None:
    return IndicatorValue.objects.filter(indicator=indicator, period_kind=period.kind, period_year=period.year,
                                         period_number=period.number).first()


def save_reading(indicator: Indicator, reading: Reading, user, *, evidence=None, via: str = "form") -> IndicatorValue:
    """Create or update the one value of this indicator and period, and append the entry to its history."""
    now = clock.now()
    colour = verdict_for(indicator, reading).colour
    with transaction.atomic():
        item, _ = IndicatorValue.objects.select_for_update().get_or_create(
            indicator=indicator, period_kind=reading.period.kind, period_year=reading.period.year,
            period_number=reading.period.number, defaults={"entered_at": now})
        item.value, item.met, item.is_cumulative = reading.value, reading.met, reading.cumulative
        item.source, item.note = reading.source, reading.note
        item.explanation = reading.explanation if colour == services.RED else ""
        item.entered_by, item.entered_at = user, now
        if evidence:
            delete_after_commit(item.evidence)  # the file it replaces goes, once this commits
            item.evidence = evidence
        item.save()
        ValueEntry.objects.create(
            indicator=indicator, period_kind=item.period_kind, period_year=item.period_year,
            period_number=item.period_number, value=item.value, met=item.met, is_cumulative=item.is_cumulative,
            colour=colour, explanation=item.explanation, via=via, entered_by=user, entered_at=now)
    return item


@dataclass
class Standing:
    """One indicator on the overview: its latest value and the colour that value gives."""
    indicator: Indicator
    depth: int
    latest: IndicatorValue | None = None
    verdict: services.Verdict = field(default_factory=lambda: services.Verdict(services.GREY))

    @property
    def colour(self) -> str:
        return self.verdict.colour


def latest_value(values) -> IndicatorValue | None:
    return max(values, key=lambda v: (v.period.sort_key(), v.entered_at), default=None)


def plan_standings(plan) -> list[Standing]:
    """Every indicator of the plan in document order, each with its colour; headings take their worst component's."""
    indicators = list(plan.indicators.prefetch_related("targets", "values").select_related("parent"))
    standings = {}
    for indicator in indicators:
        latest = latest_value(indicator.values.all())
        verdict = verdict_for(indicator, latest) if latest else services.Verdict(services.GREY)
        standings[indicator.pk] = Standing(indicator, _depth(indicator), latest, verdict)
    for indicator in reversed(indicators):  # components come after their parent, so children are final here
        own = standings[indicator.pk]
        if not indicator.targets.all():
            children = [s.colour for s in standings.values() if s.indicator.parent_id == indicator.pk]
            own.verdict = services.Verdict(services.worst(children))
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
    counts = {colour: 0 for colour in services.COLOUR_LABELS}
    for standing in standings:
        counts[standing.colour] += 1
    return counts
