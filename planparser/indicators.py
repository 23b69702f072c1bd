"""Read the target-indicator appendix (Phụ lục I) into contract Indicators.

The appendix is a list of numbered items under Roman-numbered groups:

    I. CÁC CHỈ TIÊU KINH TẾ
    1. Tổng giá trị sản xuất gia tăng: 971 tỷ đồng, tăng 10,8% so với năm 2022 ¹.
    1.2. Sản lượng lúa:2.961 tấn
    ¹ Trong đó: Nông nghiệp: 82,8 tỷ đồng, chiếm 8,53%; …

- An item's code is the group numeral and the printed number joined by "." ("I.4", "I.1.2"). An item "1.2." whose
  parent "1." is printed becomes a component of it; without a printed parent it is an indicator of its own.
- Components ("trong đó …", "A: x; B: y", footnote breakdowns) get generated codes "I.4.1", "I.4.2" in order.
- A superscript marker (¹, ⁽²⁾) attaches the footnote line starting with the same marker; "(1)" is not a marker.
  "m²" is a unit, not a marker.
- A line that is none of heading, item or footnote continues the item or footnote above it, unless a blank line
  or a final "." or ";" closed that one (so a signature block after the last footnote is not swallowed).
Anomalies here (kind "indicator") are items whose target could not be understood; checking whether the figures
agree with each other is indicator_audit's job.
"""
import re

from planparser.targets import FOOTNOTE_MARK, parse_breakdown, parse_measure, split_name, tidy
from planparser.textutil import squash, superscripts_to_ascii

WHERE = "Phụ lục I, {code}"
_APPENDIX = re.compile(r"phụ\s+lục\b", re.IGNORECASE)
_GROUP = re.compile(r"([IVXLC]+)\s*[.:)]\s*(\S.*)")
_ITEM = re.compile(r"(\d{1,2}(?:\.\d{1,2})*)(?:\.\s*|\)\s*|\s+)(?=\D)(.*)")
_FOOTNOTE_LINE = re.compile(r"(⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)")
_DECLARED_BREAKDOWN = re.compile(r"[,;:.]?\s*trong\s+đó\b", re.IGNORECASE)


def parse_appendix(lines: list[str], tables: list[list[list[str]]] | None = None) -> tuple[list[dict], list[dict]]:
    """Lines from "Phụ lục I" to the end, and the appendix's tables (rows of cell strings, header row included)
    -> (indicators in document order, anomalies)."""
    items, footnotes = _read_lines(lines)
    indicators: list[dict] = []
    anomalies: list[dict] = []
    by_code: dict[str, dict] = {}
    pending: list[tuple[dict, list[str]]] = []
    parents: set[str] = set()
    for item in items:
        indicator, problems = _build_indicator(item, footnotes)
        parent = _place(indicator, item, by_code, indicators, anomalies)
        if parent is not None:
            parents.add(parent["code"])
        pending.append((indicator, problems))
    for indicator, problems in pending:
        # "1. Phát triển kinh tế" followed by "1.1.", "1.2." is a heading, not an unreadable target.
        is_heading = indicator["code"] in parents and not indicator["targets"]
        if problems and not is_heading:
            anomalies.append(_anomaly("indicator", indicator["code"], "; ".join(problems)))
    return indicators, anomalies


def marker_key(marker: str) -> str:
    """"¹", "⁽¹⁾" -> "1": the same footnote however its marker is printed."""
    return superscripts_to_ascii(marker).strip("()")


def sentence_case(heading: str) -> str:
    """"CÁC CHỈ TIÊU KINH TẾ" -> "Các chỉ tiêu kinh tế"; a heading already in mixed case is kept."""
    heading = heading.strip(" :.")
    if heading.upper() == heading:
        heading = heading.lower()
    return heading[:1].upper() + heading[1:]


def _read_lines(lines: list[str]) -> tuple[list[dict], dict[str, dict]]:
    """Sort the lines into items (with their group) and footnotes, joining continuation lines."""
    items: list[dict] = []
    footnotes: dict[str, dict] = {}
    group = {"numeral": None, "name": None}
    current = None          # the item or footnote a continuation line belongs to
    appendix_seen = False
    for raw in lines:
        line = squash(raw)
        if not line:
            current = None
        elif _APPENDIX.match(line):
            if appendix_seen:
                break       # the next appendix starts: not ours
            appendix_seen, current = True, None
        else:
            current, group = _read_line(line, current, group, items, footnotes)
    return items, footnotes


def _read_line(line: str, current, group: dict, items: list[dict], footnotes: dict[str, dict]):
    if match := _FOOTNOTE_LINE.fullmatch(line):
        note = {"mark": match.group(1), "text": match.group(2)}
        footnotes.setdefault(marker_key(match.group(1)), note)
        return note, group
    if match := _GROUP.fullmatch(line):
        return None, {"numeral": match.group(1), "name": sentence_case(match.group(2))}
    if match := _ITEM.fullmatch(line):
        item = {"number": match.group(1), "text": match.group(2), **group}
        items.append(item)
        return item, group
    if current is not None and not current["text"].rstrip().endswith((".", ";")):
        current["text"] = f"{current['text']} {line}"
        return current, group
    return None, group


def _build_indicator(item: dict, footnotes: dict[str, dict]) -> tuple[dict, list[str]]:
    code = f"{item['numeral']}.{item['number']}" if item["numeral"] else item["number"]
    printed = squash(item["text"]).rstrip(" ;,.")
    name, expr = split_name(tidy(printed))
    measure = parse_measure(expr or name, name)
    footnote, footnote_parts, problems = _footnote(printed, footnotes, measure["name"] or name)
    indicator = {
        "code": code, "group": item["name"], "name": measure["name"] or name, "text": printed,
        "targets": measure["targets"], "components": measure["components"] + footnote_parts,
        "footnote": footnote,
    }
    _number_components(indicator)
    return indicator, measure["problems"] + problems


def _footnote(printed: str, footnotes: dict[str, dict], whole: str) -> tuple[str | None, list[dict], list[str]]:
    """The footnote text and its breakdown; a missing footnote is a problem."""
    marks = FOOTNOTE_MARK.findall(printed)
    if not marks:
        return None, [], []
    note = footnotes.get(marker_key(marks[0]))
    if note is None:
        return None, [], [f"Có dấu chú thích {marks[0]} nhưng không tìm thấy dòng chú thích {marks[0]}"]
    text = squash(note["text"])
    breakdown = parse_breakdown(text, whole)
    if _DECLARED_BREAKDOWN.match(text):
        return text, breakdown["components"], breakdown["problems"]
    # A footnote that is only a remark has no parts to track; keep the parts that carry figures.
    return text, [c for c in breakdown["components"] if any(t["value"] is not None for t in c["targets"])], []


def _number_components(indicator: dict) -> None:
    """Generated codes "I.4.1", "I.4.2" …, recursively; the group is the parent's."""
    for index, component in enumerate(indicator["components"], start=1):
        ordered = {"code": f"{indicator['code']}.{index}", "group": indicator["group"], **component}
        component.clear()
        component.update(ordered)
        _number_components(component)


def _place(indicator: dict, item: dict, by_code: dict, indicators: list[dict], anomalies: list[dict]) -> dict | None:
    """An item "1.2" goes under a printed "1." of the same group; otherwise it is an indicator of its own."""
    code = indicator["code"]
    if code in by_code:
        anomalies.append(_anomaly("numbering", code, f"Số thứ tự {item['number']} bị trùng trong nhóm "
                                                     f"«{item['name'] or ''}»"))
    parent = by_code.get(code.rsplit(".", 1)[0]) if "." in item["number"] else None
    if parent is not None:
        parent["components"].append(indicator)
    else:
        indicators.append(indicator)
    by_code[code] = indicator
    return parent


def _anomaly(kind: str, code: str, message: str) -> dict:
    return {"kind": kind, "where": WHERE.format(code=code), "message": message}
