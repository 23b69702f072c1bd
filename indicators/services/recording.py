"""Storing an indicator's value for a period, judged by indicators.rules, with its history entry."""
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from theodoi import clock
from theodoi.periods import Period
from theodoi.stored_files import delete_after_commit

from .. import rules
from ..models import Indicator, IndicatorValue, ValueEntry


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


def verdict_for(indicator: Indicator, reading_or_value) -> rules.Verdict:
    item = reading_or_value
    cumulative = item.cumulative if isinstance(item, Reading) else item.is_cumulative
    return rules.judge(indicator.primary_target, item.value, item.period, met=item.met, cumulative=cumulative)


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
        item.explanation = reading.explanation if colour == rules.RED else ""
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
