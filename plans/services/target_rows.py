"""An indicator's target as a database row, built the same way by the importer and by a target correction."""
from decimal import Decimal

from indicators.models import Indicator, Target


def target_row(indicator: Indicator, order: int, target: dict) -> Target:
    def dec(value):
        return None if value is None else Decimal(str(value))

    return Target(indicator=indicator, order=order, comparator=target["comparator"], value=dec(target.get("value")),
                  low=dec(target.get("low")), high=dec(target.get("high")), unit=target.get("unit") or "",
                  basis=target.get("basis") or "", rank=target.get("rank"))
