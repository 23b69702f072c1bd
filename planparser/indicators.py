"""Read the target-indicator appendix (Phụ lục I) into contract Indicators.

The appendix is a list of entries under groups, as lines (indicator_lines.py reads every common numbering) or as
a table (indicator_table.py: STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm …):

    I. CÁC CHỈ TIÊU KINH TẾ
    1. Tổng giá trị sản xuất gia tăng: 971 tỷ đồng, tăng 10,8% so với năm 2022 ¹.
    (8) Tỷ lệ hộ nghèo giảm 1 - 1,5% so với đầu năm 2024.
    ¹ Trong đó: Nông nghiệp: 82,8 tỷ đồng, chiếm 8,53%; …

- How entries nest and what their codes are: indicator_outline.py ("I.4", "I.1.2", "II.8", "1.a").
- Components ("trong đó …", "A: x; B: y", footnote breakdowns, and entries printed under an indicator) get
  generated codes "I.4.1", "I.4.2" in order; a decimal "1.2" under a printed "1." keeps its printed code.
- A superscript marker (¹, ⁽²⁾) attaches the footnote line starting with the same marker; "(1)" is not a marker.
  "m²" is a unit, not a marker.
Anomalies here (kind "indicator") are items whose target could not be understood, and "numbering" for a repeated
code or a broken running count; checking whether the figures agree with each other is indicator_audit's job.
"""
import re

from planparser.indicator_lines import marker_key, read_entries
from planparser.indicator_outline import has_own_parts, join, nest, own_number
from planparser.indicator_table import read_tables
from planparser.target_blank import strip_keeping_blanks
from planparser.targets import (
    FOOTNOTE_MARK,
    figure_problems,
    lower_first,
    normalise_unit,
    parse_breakdown,
    parse_measure,
    split_name,
    tidy,
)
from planparser.textutil import squash

WHERE = "Phụ lục I, {code}"
_DECLARED_BREAKDOWN = re.compile(r"[,;:.]?\s*trong\s+đó\b", re.IGNORECASE)

__all__ = ["WHERE", "marker_key", "parse_appendix", "sentence_case"]


def parse_appendix(lines: list[str], tables: list[list[list[str]]] | None = None) -> tuple[list[dict], list[dict]]:
    """Lines from "Phụ lục I" to the end, and the appendix's tables (rows of cell strings, header row included)
    -> (indicators in document order, anomalies)."""
    entries, footnotes = read_entries(lines)
    rows, anomalies = read_tables(tables or [])
    walker = _Walker(footnotes)
    walker.visit(nest(entries), None, None)
    walker.visit(nest(rows), None, None)
    return walker.indicators, anomalies + walker.anomalies


def sentence_case(heading: str) -> str:
    """"CÁC CHỈ TIÊU KINH TẾ" -> "Các chỉ tiêu kinh tế"; a heading already in mixed case is kept."""
    heading = heading.strip(" :.")
    if heading.upper() == heading:
        heading = heading.lower()
    return heading[:1].upper() + heading[1:]


class _Walker:
    """Turns nested entries into indicators, groups and components, collecting anomalies in document order."""

    def __init__(self, footnotes: dict[str, dict]):
        self.footnotes = footnotes
        self.indicators: list[dict] = []
        self.anomalies: list[dict] = []
        self.codes: set[str] = set()
        self.last_count: int | None = None

    def visit(self, entries: list[dict], prefix: str | None, group: str | None) -> None:
        """Entries at the level of a group: each is a group heading or an indicator."""
        for entry in entries:
            if entry["style"] == "roman":
                self.visit(entry["children"], entry["number"], sentence_case(entry["text"]))
                continue
            code = join(prefix, own_number(entry, entries))
            self._check_count(entry, code)
            indicator, problems, unfilled = _build_indicator(entry, self.footnotes, code, group)
            if _is_heading(entry, indicator, unfilled):
                self.visit(entry["children"], code, sentence_case(tidy(entry.get("name") or entry["text"])))
                continue
            self._claim(code, entry, group)
            self.indicators.append(indicator)
            self._report(entry, indicator, problems, unfilled)
            self._add_parts(indicator, entry, prefix, group)

    def _add_parts(self, indicator: dict, entry: dict, prefix: str | None, group: str | None) -> None:
        """Entries printed under an indicator are its components."""
        for child in entry["children"]:
            if child["style"] == "decimal":
                code = join(prefix, child["number"])
                self._claim(code, child, group)
            else:
                code = f"{indicator['code']}.{len(indicator['components']) + 1}"
            self._check_count(child, code)
            component, problems, unfilled = _build_indicator(child, self.footnotes, code, group)
            indicator["components"].append(component)
            self._report(child, component, problems, unfilled)
            self._add_parts(component, child, prefix, group)

    def _report(self, entry: dict, indicator: dict, problems: list[str], unfilled: bool) -> None:
        # "1. Phát triển kinh tế" followed by "1.1.", "1.2." is a heading, not an unreadable target; a total left
        # blank ("… đồng, trong đó:") above its parts is still a target to fill.
        if problems and (unfilled or not (entry["children"] and not indicator["targets"])):
            self.anomalies.append(_anomaly("indicator", indicator["code"], "; ".join(problems)))

    def _claim(self, code: str, entry: dict, group: str | None) -> None:
        if code in self.codes:
            self.anomalies.append(_anomaly("numbering", code, f"Số thứ tự {entry['number'] or '-'} bị trùng "
                                                              f"trong nhóm «{group or ''}»"))
        self.codes.add(code)

    def _check_count(self, entry: dict, code: str) -> None:
        """A "(1) … (19)" count runs on across groups; a skipped or repeated number is shown, never mended."""
        if entry["style"] != "paren":
            return
        count = int(entry["number"])
        if self.last_count is not None and count not in (self.last_count + 1, 1):
            self.anomalies.append(_anomaly("numbering", code, f"Số thứ tự ({count}) đứng ngay sau "
                                                              f"({self.last_count}): đếm liên tục phải là "
                                                              f"({self.last_count + 1})"))
        self.last_count = count


def _is_heading(entry: dict, indicator: dict, unfilled: bool) -> bool:
    """No figure and no aim of its own, with entries under it that are not its decimal parts: a group title. A figure
    left blank ("Tổng thu ngân sách xã: … đồng") is a target not yet filled in, so that entry is an indicator."""
    return (bool(entry["children"]) and not indicator["targets"] and not indicator["components"]
            and not unfilled and not has_own_parts(entry))


def _build_indicator(entry: dict, footnotes: dict[str, dict], code: str,
                     group: str | None) -> tuple[dict, list[str], bool]:
    """The indicator, the problems to report, and whether a target was left blank for a person to fill in."""
    if "name" in entry:   # a table row: name, target and unit come in their own columns
        printed, name, expr = entry["text"], tidy(entry["name"]), tidy(entry["expr"])
        measure = parse_measure(expr, name)
        _default_unit(measure, entry.get("unit"))
    else:
        printed = strip_keeping_blanks(squash(entry["text"]).rstrip(" ;,"), ".")
        name, expr = split_name(tidy(printed))
        measure = parse_measure(expr or name, name)
    footnote, footnote_parts, problems = _footnote(printed, footnotes, measure["name"] or name)
    indicator = {
        "code": code, "group": group, "name": measure["name"] or name, "text": printed,
        "targets": measure["targets"], "components": measure["components"] + footnote_parts,
        "footnote": footnote,
    }
    _number_components(indicator)
    return indicator, measure["problems"] + problems, bool(measure["unfilled"])


def _default_unit(measure: dict, unit: str | None) -> None:
    """The ĐVT column gives the unit of a bare figure; a rank or an aim in words has none."""
    if not unit:
        return
    for target in measure["targets"]:
        if target["unit"] is None and target["comparator"] != "achieve":
            target["unit"] = normalise_unit(lower_first(unit))   # "Tỷ đồng" heads a column; "USD" stays


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
    # The anomaly's place is the indicator; the footnote mark tells the reader where under it to look.
    where = f"Chú thích {marks[0]}: "
    if _DECLARED_BREAKDOWN.match(text):
        return text, breakdown["components"], [where + lower_first(p) for p in breakdown["problems"]]
    # A footnote that is only a remark has no parts to track; keep the parts that carry figures.
    parts = [c for c in breakdown["components"] if any(t["value"] is not None for t in c["targets"])]
    return text, parts, [where + lower_first(p) for p in figure_problems(text)]


def _number_components(indicator: dict) -> None:
    """Generated codes "I.4.1", "I.4.2" …, recursively; the group is the parent's."""
    for index, component in enumerate(indicator["components"], start=1):
        ordered = {"code": f"{indicator['code']}.{index}", "group": indicator["group"], **component}
        component.clear()
        component.update(ordered)
        _number_components(component)


def _anomaly(kind: str, code: str, message: str) -> dict:
    return {"kind": kind, "where": WHERE.format(code=code), "message": message}
