"""Check that the appendix's figures agree with each other, and say where they do not.

- "arithmetic": a total whose parts ("trong đó …" or a footnote breakdown, same unit) do not add up. Figures are
  compared at the coarser number of decimals printed among them, so 971 = 82,8 + 212,56 + 412 + 263,64 passes.
- "share": shares of one whole ("=" and "%") that do not sum to 100% beyond what rounding each printed share can
  explain, or a share that a footnote of another indicator gives differently for a part of the same name.
  Shares are never recomputed from values: 263,64 / 971 = 27,15% against a printed 27,14% is rounding, not a defect.
Messages are in Vietnamese with the figures written the Vietnamese way.
"""
from decimal import ROUND_HALF_UP, Decimal

from planparser.indicators import WHERE
from planparser.targets import FOOTNOTE_MARK, lower_first
from planparser.textutil import fold
from planparser.vinumbers import decimal_places, format_vi_number

HUNDRED = Decimal(100)
_NOT_AMOUNTS = {"%", "‰"}


def audit_indicators(indicators: list[dict]) -> list[dict]:
    """Contract Anomalies, in document order of the indicator they are reported at."""
    footnote_shares = _footnote_shares(indicators)
    anomalies: list[dict] = []
    for indicator in indicators:
        for node in _walk(indicator):
            anomalies += _check_total(node)
            anomalies += _check_share_sum(node)
            anomalies += _check_against_footnotes(node, indicator["code"], footnote_shares)
    return anomalies


def _walk(indicator: dict):
    yield indicator
    for component in indicator.get("components") or []:
        yield from _walk(component)


def _check_total(node: dict) -> list[dict]:
    total = _amount(node.get("targets"))
    components = node.get("components") or []
    if total is None or len(components) < 2:
        return []
    found = [_amount(c.get("targets"), total["unit"]) for c in components]
    parts = [part for part in found if part is not None]
    if len(parts) != len(found):
        return []   # parts in other units, or not all figures: nothing to add up
    values = [_decimal(part["value"]) for part in parts]
    printed_total, added = _decimal(total["value"]), sum(values, Decimal(0))
    coarsest = min(decimal_places(v) for v in values + [printed_total])
    if _rounded(added, coarsest) == _rounded(printed_total, coarsest):
        return []
    unit = total["unit"] or ""
    where = "các khoản ở chú thích" if _from_footnote(node, components[0]) else "các khoản trong đó"
    message = (f"{node['name']}: tổng ghi {format_vi_number(printed_total)} {unit}, nhưng {where} cộng lại "
               f"{' + '.join(format_vi_number(v) for v in values)} = {format_vi_number(added)} {unit} "
               f"(lệch {format_vi_number(abs(added - printed_total))} {unit})")
    return [_anomaly("arithmetic", node["code"], message)]


def _check_share_sum(node: dict) -> list[dict]:
    components = node.get("components") or []
    found = [_share(c) for c in components]
    shares = [share for share in found if share is not None]
    if len(shares) < 2 or len(shares) != len(found):
        return []
    values = [_decimal(share["value"]) for share in shares]
    added = sum(values, Decimal(0))
    # Each printed share may be off by half a unit of its last digit; their sum by the sum of those halves.
    tolerance = sum(Decimal(5).scaleb(-decimal_places(v) - 1) for v in values)
    if abs(added - HUNDRED) <= tolerance:
        return []
    message = (f"{node['name']}: các tỷ trọng cộng lại "
               f"{' + '.join(format_vi_number(v) + '%' for v in values)} = {format_vi_number(added)}%, "
               f"không phải 100%")
    return [_anomaly("share", node["code"], message)]


def _check_against_footnotes(node: dict, top_code: str, footnote_shares: dict[str, list[dict]]) -> list[dict]:
    """A share printed here that a footnote of another indicator gives differently."""
    anomalies = []
    for component in node.get("components") or []:
        share = _share(component)
        if share is None or _from_footnote(node, component):
            continue
        value = _decimal(share["value"])
        for other in footnote_shares.get(fold(component["name"]), []):
            if other["top_code"] == top_code or _same_at_coarser(value, other["value"]):
                continue
            message = (f"Tỷ trọng {lower_first(component['name'])}: {format_vi_number(value)}% ở {node['code']} "
                       f"({node['name']}), nhưng chú thích {other['mark']} của {other['top_code']} "
                       f"({other['top_name']}) ghi {format_vi_number(other['value'])}% ({other['code']})")
            anomalies.append(_anomaly("share", node["code"], message))
    return anomalies


def _footnote_shares(indicators: list[dict]) -> dict[str, list[dict]]:
    """Shares given in footnote breakdowns, by folded part name ("nong nghiep")."""
    found: dict[str, list[dict]] = {}
    for indicator in indicators:
        for node in _walk(indicator):
            mark = FOOTNOTE_MARK.search(node.get("text") or "")
            for component in node.get("components") or []:
                share = _share(component)
                if mark is None or share is None or not _from_footnote(node, component):
                    continue
                found.setdefault(fold(component["name"]), []).append({
                    "value": _decimal(share["value"]), "code": component["code"], "mark": mark.group(),
                    "top_code": indicator["code"], "top_name": node["name"]})
    return found


def _from_footnote(node: dict, component: dict) -> bool:
    """Footnote parts are printed in the footnote, so their text is found there."""
    footnote, text = node.get("footnote"), component.get("text")
    return bool(footnote and text and text in footnote)


def _amount(targets, unit: str | None = None) -> dict | None:
    """The first plain amount (not a share, growth, range or qualitative aim), in `unit` when given."""
    for target in targets or []:
        if (target.get("value") is not None and target.get("comparator") not in ("range", "achieve")
                and not target.get("basis") and target.get("unit") not in _NOT_AMOUNTS
                and (unit is None or target.get("unit") == unit)):
            return target
    return None


def _share(indicator: dict) -> dict | None:
    for target in indicator.get("targets") or []:
        if target.get("comparator") == "=" and target.get("unit") == "%" and target.get("value") is not None:
            return target
    return None


def _same_at_coarser(a: Decimal, b: Decimal) -> bool:
    places = min(decimal_places(a), decimal_places(b))
    return _rounded(a, places) == _rounded(b, places)


def _decimal(value) -> Decimal:
    # JSON round trips give floats; str() keeps them as printed (10.8, not 10.800000000000000710…).
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _rounded(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _anomaly(kind: str, code: str, message: str) -> dict:
    return {"kind": kind, "where": WHERE.format(code=code), "message": message}
