"""The indicator appendix of next year's draft: every indicator of this year's, this year's actual as the base, each
target left blank for the leaders, in the plan's own numbering and in the layout its appendix was printed in.

    1. Tổng giá trị sản xuất gia tăng: … tỷ đồng, tăng …% so với năm 2023 ¹ (thực hiện năm 2023: 985 tỷ đồng)
    2. Cơ cấu kinh tế chuyển dịch theo hướng: Xây dựng: …%; Dịch vụ: …%; Công nghiệp: …%; Nông nghiệp: …%
    3. Giá trị gia tăng bình quân hộ: … triệu đồng/hộ/năm; Bình quân đầu người: … triệu đồng/người/năm (…)
    4. Tổng thu ngân sách xã: … đồng, trong đó thu đầu tư xây dựng cơ bản: … đồng, thu thường xuyên: … đồng (…)
    8. Tỷ lệ hộ nghèo: dưới …% (thực hiện tháng 11/2023: 0,1%)
    ¹ Trong đó: Nông nghiệp: … tỷ đồng, chiếm …%; Công nghiệp: … tỷ đồng, chiếm …%; …

- The number is the one the plan printed (the indicator's code less its group), so the draft imports with the same
  codes. "…" is where the leaders write the figure; the direction of this year's target ("dưới", "trên") and its
  unit are kept. A growth "so với năm 2022" becomes "so với năm 2023", the year just ended.
- Components go back where the plan printed them: a footnote's breakdown into a footnote ("¹ Trong đó: …"), parts
  printed in the line after the total's own figure as "trong đó …", and a list of measures "A: …; B: …" as a list.
- The base is the year's value, or the latest value of the year with its period ("thực hiện tháng 11/2023") when
  the year's has not been entered. A top-level indicator without any says so; a component without any says nothing.
  The bracket is a remark: the importer reads no target in it. Each blank is read back as a target not filled in
  (planparser/target_blank.py) and flagged for a person, never guessed.
"""
from collections import defaultdict
from dataclasses import dataclass, field

from indicators.models import Indicator
from indicators.queries import ROMAN_ORDER, latest_value, met_text, number_text
from plans.models import Plan

BLANK = "…"
_HINTS = {"<": "dưới ", ">": "trên ", "<=": "không quá ", "≈": "khoảng "}
_GLUED = ("%", "‰")
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass
class Line:
    number: str
    text: str  # the target, with the year's actual in its bracket when there is one


@dataclass
class Group:
    part: str
    name: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class Footnote:
    mark: str
    text: str


@dataclass
class Appendix:
    groups: list[Group]
    footnotes: list[Footnote]
    count: int  # indicators written, components included


def appendix(plan: Plan) -> Appendix:
    items = list(plan.indicators.prefetch_related("targets", "values").order_by("order"))
    tree: dict[int | None, list[Indicator]] = defaultdict(list)
    for item in items:
        tree[item.parent_id].append(item)
    writer = _Writer(tree, plan.year)
    groups: dict[str, Group] = {}
    for indicator in tree[None]:
        part, number = _split_code(indicator.code)
        group = groups.setdefault(part, Group(part, indicator.group))
        group.lines.append(writer.line(indicator, number))
    ordered = sorted(groups.values(), key=lambda g: ROMAN_ORDER.get(g.part, 0 if not g.part else 99))
    return Appendix(ordered, writer.footnotes, writer.count)


def with_unit(figure: str, unit: str) -> str:
    if not unit:
        return figure
    return f"{figure}{unit}" if unit in _GLUED else f"{figure} {unit}"


def _split_code(code: str) -> tuple[str, str]:
    """"II.8" -> ("II", "8"); an indicator printed outside any Roman group keeps its whole code as its number."""
    part, _, rest = code.partition(".")
    return (part, rest) if part in ROMAN_ORDER and rest else ("", code)


class _Writer:
    """Writes lines and collects the footnotes in the order their marks appear."""

    def __init__(self, tree: dict[int | None, list[Indicator]], year: int):
        self.tree, self.year = tree, year
        self.footnotes: list[Footnote] = []
        self.count = 0

    def line(self, indicator: Indicator, number: str) -> Line:
        base = _base(indicator, self.year)
        remark = f"thực hiện {base}" if base else f"chưa có số liệu thực hiện năm {self.year}"
        return Line(number, self._measure(indicator, remark))

    def _measure(self, indicator: Indicator, remark: str) -> str:
        """The indicator with its blank figures, its remark and its components."""
        self.count += 1
        parts = self.tree.get(indicator.pk, [])
        noted = [p for p in parts if _in_footnote(p, indicator)]
        inline = [p for p in parts if p not in noted]
        figures = _figures(list(indicator.targets.all()), self.year)
        mark = self._footnote(noted)
        if not inline:
            return " ".join(x for x in (f"{indicator.name}: {figures or BLANK}", mark, _bracket(remark)) if x)
        printed = [self._part(p) for p in inline]
        if figures:
            # The bracket stays with the total's own figure, so that it is no part's remark.
            own = " ".join(x for x in (figures, mark, _bracket(remark)) if x)
            return f"{indicator.name}: {own}, trong đó {_in_which(inline, printed)}"
        # No figure of its own: the parts carry their own remarks ("chưa có số liệu" says nothing more here).
        text = _parts(indicator, inline, printed)
        tail = _bracket(remark) if remark.startswith("thực hiện") else ""
        return " ".join(x for x in (text, mark, tail) if x)

    def _footnote(self, parts: list[Indicator]) -> str:
        """A footnote's breakdown goes back into a footnote; the mark is returned for the line."""
        if not parts:
            return ""
        mark = str(len(self.footnotes) + 1).translate(_SUPERSCRIPTS)
        self.footnotes.append(Footnote(mark, "Trong đó: " + "; ".join(self._part(p) for p in parts)))
        return mark

    def _part(self, component: Indicator) -> str:
        base = _base(component, self.year)
        return self._measure(component, f"thực hiện {base}" if base else "")


def _bracket(remark: str) -> str:
    return f"({remark})" if remark else ""


def _in_which(parts: list[Indicator], printed: list[str]) -> str:
    """"thu đầu tư xây dựng cơ bản: … đồng, thu thường xuyên: … đồng", as the sample prints a total's parts; a
    name with a comma of its own needs ";" between the parts."""
    separator = "; " if any("," in p.name for p in parts) else ", "
    return separator.join(_lower_first(text) for text in printed)


def _parts(indicator: Indicator, parts: list[Indicator], printed: list[str]) -> str:
    if len(parts) == 1:
        return f"{indicator.name}: trong đó {_in_which(parts, printed)}"
    if indicator.name == "; ".join(p.name for p in parts):
        return "; ".join(printed)   # "A: …; B: …": the measures are the indicator
    return f"{indicator.name}: " + "; ".join(printed)


def _in_footnote(component: Indicator, parent: Indicator) -> bool:
    """The parser keeps a footnote's breakdown as components whose printed text is a piece of the footnote."""
    return bool(parent.footnote) and " ".join(component.text.split()) in " ".join(parent.footnote.split())


def _figures(targets, year: int) -> str:
    return ", ".join(_blank(target, year, first=index == 0) for index, target in enumerate(targets))


def _blank(target, year: int, first: bool) -> str:
    if target.comparator == "achieve":
        return "nằm trong Top …" if target.rank else BLANK
    if target.basis.startswith("so với"):
        direction = "giảm" if target.value is not None and target.value < 0 else "tăng"
        return f"{direction} {with_unit(BLANK, target.unit)} so với năm {year}"
    if target.basis.startswith("tỷ trọng") and not first:
        return f"chiếm {with_unit(BLANK, target.unit)}"
    return _HINTS.get(target.comparator, "") + with_unit(BLANK, target.unit)


def _lower_first(text: str) -> str:
    """"Thu thường xuyên: …" -> "thu thường xuyên: …" after "trong đó"; an acronym ("TDTT") keeps its case."""
    return text if len(text) > 1 and text[1].isupper() else text[:1].lower() + text[1:]


def _base(indicator: Indicator, year: int) -> str:
    """ "năm 2023: 985 tỷ đồng", "tháng 11/2023: 0,1%", "năm 2023: Đạt"; "" with no value this year."""
    value = latest_value([v for v in indicator.values.all() if v.period_year == year])
    if value is None or (value.value is None and value.met is None):
        return ""
    first = indicator.primary_target
    unit = first.unit if first is not None else ""
    words = met_text(value.met) if value.value is None else with_unit(number_text(value.value), unit)
    label = value.period.label
    return f"{label[:1].lower()}{label[1:]}: {words}"
