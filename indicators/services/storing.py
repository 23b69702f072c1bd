"""An imported plan's indicators and targets as database rows, stored by indicators itself.

plans sits below indicators, so the importer never names these models: it sends plans.signals.plan_rows_stored
inside its transaction, and `store_indicators` (connected in IndicatorsConfig.ready) stores the appendix then. The
signal is sent with `send`, not `send_robust`: a failure here raises and rolls the whole import back.

A target correction (the office retypes "Tăng 5% trở lên") is stored by the same `target_row`, so a corrected target
is exactly what the importer would have stored for that text; `TargetsField` is registered into plans' correction
fields from ready() for the same reason.
"""
from decimal import Decimal

from planparser.targets import parse_measure
from plans.models import Plan
from plans.services.correction_errors import CorrectionInputError
from plans.services.correction_fields import Field
from theodoi.formatting import number

from ..models import Comparator, Indicator, Target


def store_indicators(sender, plan: Plan, indicators: list[dict], **kwargs) -> None:
    """Receiver of plan_rows_stored: the appendix's indicators, components under their parent, in printed order."""
    _store(plan, indicators, None, [0])


def _store(plan: Plan, indicators: list[dict], parent: Indicator | None, counter: list[int]) -> None:
    for item in indicators:
        counter[0] += 1
        row = Indicator.objects.create(
            plan=plan, parent=parent, code=item["code"], group=item.get("group") or "", name=item["name"][:400],
            text=item.get("text") or "", footnote=item.get("footnote") or "", order=counter[0],
        )
        Target.objects.bulk_create(target_row(row, i, t) for i, t in enumerate(item["targets"], start=1))
        _store(plan, item.get("components") or [], row, counter)


def target_row(indicator: Indicator, order: int, target: dict) -> Target:
    def dec(value):
        return None if value is None else Decimal(str(value))

    return Target(indicator=indicator, order=order, comparator=target["comparator"], value=dec(target.get("value")),
                  low=dec(target.get("low")), high=dec(target.get("high")), unit=target.get("unit") or "",
                  basis=target.get("basis") or "", rank=target.get("rank"))


class TargetsField(Field):
    target, label = "indicator", "Mục tiêu của chỉ tiêu"
    anomaly_kinds = ("share", "arithmetic", "indicator")

    def current(self, indicator: Indicator) -> dict:
        return {"text": indicator.text, "targets": [_plain_target(t.__dict__) for t in indicator.targets.all()]}

    def read(self, indicator: Indicator, text: str) -> dict:
        measure = parse_measure(text, indicator.name)
        where = f"Chỉ tiêu {indicator.code} ({indicator.name})"
        if measure["problems"]:
            raise CorrectionInputError(f"{where}: " + "; ".join(measure["problems"]))
        if measure["components"]:
            raise CorrectionInputError(f"{where}: phần «trong đó …» là các chỉ tiêu thành phần; hãy sửa từng chỉ "
                                       "tiêu thành phần ở dòng của nó.")
        if not measure["targets"]:
            raise CorrectionInputError(f"{where}: không đọc được mục tiêu nào trong «{text}».")
        return {"text": " ".join(text.split()), "targets": [_plain_target(t) for t in measure["targets"]],
                "notes": measure["notes"]}

    def apply(self, indicator: Indicator, value: dict) -> None:
        indicator.targets.all().delete()
        targets = [{**t, **{k: t[k] and Decimal(t[k]) for k in ("value", "low", "high")}} for t in value["targets"]]
        Target.objects.bulk_create(target_row(indicator, i, t) for i, t in enumerate(targets, start=1))

    def same(self, a, b) -> bool:
        return (a or {}).get("targets") == (b or {}).get("targets")

    def words(self, value) -> str:
        return "; ".join(target_words(t) for t in (value or {}).get("targets", [])) or "—"


def _plain_target(target: dict) -> dict:
    def plain(value):
        return None if value is None else format(Decimal(value).normalize(), "f")

    return {"comparator": target["comparator"], "value": plain(target.get("value")),
            "low": plain(target.get("low")), "high": plain(target.get("high")), "unit": target.get("unit") or "",
            "basis": target.get("basis") or "", "rank": target.get("rank")}


def target_words(target: dict) -> str:
    # "0,12%" as the plans print it; other units after a space ("971 tỷ đồng").
    unit = "%" if target["unit"] == "%" else (f" {target['unit']}" if target["unit"] else "")
    basis = f" {target['basis']}" if target["basis"] else ""
    if target["comparator"] == "range":
        return f"trong khoảng từ {number(target['low'])} đến {number(target['high'])}{unit}{basis}"
    if target["comparator"] == "achieve":
        return "đạt (định tính)" + (f", thứ hạng {target['rank']}" if target.get("rank") else "")
    if target["comparator"] == ">=":
        return f"từ {number(target['value'])}{unit} trở lên{basis}"
    return f"{Comparator(target['comparator']).label} {number(target['value'])}{unit}{basis}"
