"""Read the target part of an indicator ("971 tỷ đồng, tăng 10,8% so với năm 2022") into contract Targets.

Rules (words are in target_words.py):
- a plain figure is a target to reach: ">=" ("2 tỷ đồng", "100%");
- "trên"/"hơn" -> ">"; "dưới"/"xuống dưới" -> "<"; "không quá"/"tối đa"/"xuống còn" -> "<=";
- "từ … trở lên"/"ít nhất"/"đạt" -> ">="; "khoảng" -> "≈";
- "a - b", "a-b", "từ a đến b" -> "range" with low/high and value None ("khoảng 45-47%" is still a range);
- shares of a structure -> "=" with basis "tỷ trọng trong …": parts listed under a name holding "cơ cấu"/"tỷ trọng",
  and any figure after "chiếm";
- "tăng x% so với …" -> the growth target, ">=" x, basis "so với …". "giảm x% so với …" is a growth of -x, "<=" -x.
  With no "so với", the basis is "so với năm trước" and a note says it was assumed;
- "a/b đơn vị" ("9/11 khối") -> a, basis "trên tổng số b đơn vị";
- a text with no figure but a phrase such as "giữ vững", "duy trì", "xây dựng … đạt chuẩn" -> "achieve", value None;
- a figure right after "thứ", "năm", "quý"… belongs to the name ("con thứ 3", "năm 2023"); figures in brackets
  ("(1)") are remarks, not targets.
Units are kept as printed, normalised: "m2" -> "m²", "%0" -> "‰", no spaces around "/".
Values are Decimals as printed ("8,0" stays Decimal("8.0")), so later checks know the printed precision.
"""
import re
from dataclasses import dataclass, field
from decimal import Decimal

from planparser import target_words as words
from planparser.target_blank import holds_blank, stand_in, strip_keeping_blanks, unfilled_problem
from planparser.target_glued import glued_token, runs_into_digits
from planparser.target_rank import find_ranks, mask
from planparser.textutil import squash
from planparser.vinumbers import ViNumberError, format_vi_number, parse_plan_number

NUMBER = r"[0-9]+(?:[.,][0-9]+)*"
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# "m²", "km³" are units, not footnote markers; nor is a superscript before a percent sign ("trên ²%"): that is
# a figure typed in the wrong script, left in the text to be reported rather than tied to another line's footnote.
# In effect (?<![mM])(?:⁽[¹…]+⁾|[¹…]+)(?!\s*[%‰]), written to start with its first character so that the regex
# engine jumps from one superscript to the next instead of trying the pattern at every character; the look-behind
# then looks past that character.
FOOTNOTE_MARK = re.compile(rf"[⁽{SUPERSCRIPT_DIGITS}](?<![mM].)(?:(?<=⁽)[{SUPERSCRIPT_DIGITS}]+⁾|(?<!⁽)"
                           rf"[{SUPERSCRIPT_DIGITS}]*)(?!\s*[%‰])")


def _phrases(items) -> str:
    """Alternation, longest first, each space matching any run of white space."""
    ordered = sorted(set(items), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def _unit_pattern() -> str:
    known = "|".join(_phrases([u]) + (r"(?!\w)" if u[-1].isalnum() else "")
                     for u in sorted(words.UNITS, key=len, reverse=True))
    any_word = rf"(?!(?:{_phrases(words.NOT_A_UNIT)})(?!\w))[^\W\d_]+"
    scaled = rf"(?:(?:{_phrases(words.SCALES)})\s+)+(?:{known})"
    return rf"(?:{scaled}|{known}|{any_word})(?:\s*/\s*[^\W\d_]+)*"


_QUANTITY = re.compile(rf"""
    (?P<n1>{NUMBER})
    (?: \s*(?:%0|%|‰)?\s*(?:-|–|—|đến|tới)\s*(?P<n2>{NUMBER})
      | /(?P<den>{NUMBER}) )?
    (?:\s*(?P<unit>{_unit_pattern()}))?
    (?:\s*(?P<suffix>trở\s+lên|trở\s+xuống))?
    (?:\s*,?\s*so\s+với\s+(?P<ref>(?:[^,;().]|\.(?=[0-9]))+))?
""", re.IGNORECASE | re.VERBOSE)
_NUMBER_START = re.compile(rf"(?<![\w/]){NUMBER}")
_COMPOUND_HEADS = "".join(rf"(?<!\b{re.escape(h)}\s)" for h in words.NAME_COMPOUND_HEADS)
_PREFIX = re.compile(rf"(?:(?<!\w){_COMPOUND_HEADS}(?:{_phrases(words.COMPARATOR_PHRASES)})\s*:?\s*)+$", re.IGNORECASE)
_PREFIX_WORD = re.compile(rf"(?<!\w)(?:{_phrases(words.COMPARATOR_PHRASES)})", re.IGNORECASE)
_NAME_WORD = re.compile(rf"(?<!\w)(?:{_phrases(words.NAME_NUMBER_WORDS)})\s*$", re.IGNORECASE)
_QUALITATIVE = re.compile(rf"(?<!\w)(?:{_phrases(words.QUALITATIVE_PHRASES)})(?!\w)", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)")
_LETTER = re.compile(r"[^\W\d_]")
_TRAILING_COMPARATOR = re.compile(rf"\s+({_phrases(words.MOVABLE_TO_TARGET)})$", re.IGNORECASE)
_IN_WHICH = re.compile(r"[,;:.]?\s*(?<!\w)trong\s+đó(?!\w)\s*:?\s*", re.IGNORECASE)
_STRUCTURE = re.compile(_phrases(words.STRUCTURE_WORDS), re.IGNORECASE)


@dataclass
class _Quantity:
    start: int                  # where the comparator words before the figure begin
    end: int
    target: dict | None = None  # None when the figure could not be read
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class _Context:
    """What the surrounding indicator tells about bare figures: are they shares of a whole?"""
    share_basis: str = "tỷ trọng trong tổng số"
    plain_percent_is_share: bool = False


def make_target(comparator, value=None, low=None, high=None, unit=None, basis=None, rank=None) -> dict:
    return {"comparator": comparator, "value": value, "low": low, "high": high, "unit": unit, "basis": basis,
            "rank": rank}


def parse_targets(expr: str, name: str | None = None) -> tuple[list[dict], list[str]]:
    """Targets of one indicator's target part, and notes (Vietnamese) for anything doubtful or unreadable.

    Parts listed after "trong đó" or as "A: x; B: y" are components: see parse_measure. They are not returned here.
    """
    measure = parse_measure(expr, name)
    return measure["targets"], measure["notes"] + measure["problems"]


def parse_measure(expr: str, name: str | None = None) -> dict:
    """Read a target part whole: {"name", "targets", "components", "notes", "problems", "unfilled"}.

    `name` is the indicator's name; it tells whether bare percentages are shares, and "A: x; B: y" after a name
    with a figure of its own ("Giá trị …: 295 triệu; Bình quân đầu người: 74,71 triệu") makes two measures, whose
    names joined by "; " become the name. Components are {"name", "text", "targets", "components", "footnote"}.
    """
    text = tidy(expr)
    pieces = _IN_WHICH.split(text, maxsplit=1)
    if len(pieces) == 2:
        # "Tổng thu: trong đó …" gives parts without a total: nothing is missing then.
        measure = _single(pieces[0], name) if strip_keeping_blanks(pieces[0], " ,;:.") else _empty(name)
        _absorb(measure, parse_breakdown(pieces[1], name))
        return measure
    parts = [p for p in re.split(r"\s*;\s*", text) if p]
    if len(parts) > 1 and any(split_name(p)[0] for p in parts[1:]):
        return _list_of_measures(parts, name)
    return _single(text, name)


def parse_breakdown(text: str, whole: str | None = None) -> dict:
    """"Nông nghiệp: 82,8 tỷ đồng, chiếm 8,53%; công nghiệp: …" -> components; `whole` is what they are parts of."""
    text = tidy(text)
    in_which = _IN_WHICH.match(text)
    if in_which:
        text = text[in_which.end():]
    separator = r"\s*;\s*" if ";" in text else r",\s+"
    entries: list[list[str]] = []   # [name, target part, printed text]
    for piece in (p for p in re.split(separator, text) if p):
        _add_entry(entries, piece, separator)
    context = _context(whole)
    result = _empty(whole)
    for entry_name, expr, printed in entries:
        result["components"].append(_component(entry_name, expr, printed, context, result))
    return result


def figure_problems(text: str) -> list[str]:
    """Why figures in a remark cannot be read; a remark sets no target, but a mistyped figure is still shown."""
    return [problem for quantity in _find_amounts(tidy(text), _Context()) for problem in quantity.problems]


def split_name(text: str) -> tuple[str, str]:
    """"Tỷ lệ hộ nghèo: dưới 0,12%" -> ("Tỷ lệ hộ nghèo", "dưới 0,12%"); without a colon see split_name_target."""
    # The label ends at the first colon. Plain string work: the regex that said so backtracked for seconds
    # on a long line without a colon (a damaged file).
    name, colon, expr = text.strip().partition(":")
    name, expr = name.strip(), expr.strip()
    if not (colon and expr and _LETTER.search(name)):
        return split_name_target(text)
    moved = _TRAILING_COMPARATOR.search(name)
    if moved:   # "Tỷ lệ bao phủ bảo hiểm y tế đạt: 97%": "đạt" belongs to the target
        name, expr = name[:moved.start()].rstrip(), f"{moved.group(1)} {expr}"
    return name, expr


def split_name_target(text: str) -> tuple[str, str]:
    """"Giảm tỷ suất sinh thô dưới 15‰" -> ("Giảm tỷ suất sinh thô", "dưới 15‰"); (text, "") when no target.

    The target part starts at the first figure after which only targets and linking words follow, so
    "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng xuống dưới 8%" keeps "dưới 5 tuổi" in its name.
    """
    text = text.strip()
    masked, _ = stand_in(_BRACKETS.sub(lambda m: " " * len(m.group()), text))   # a blank "…" stands as a figure
    quantities = _find_quantities(masked, _Context())
    first = _first_of_trailing_targets(masked, quantities)
    if first is None:
        return text, ""
    start = quantities[first].start
    return text[:start].rstrip(" ,;:-–"), text[start:].strip()


def tidy(text: str) -> str:
    """One line, no footnote markers, no trailing separators."""
    return strip_keeping_blanks(squash(FOOTNOTE_MARK.sub(" ", text or "")), " ;,.:")


def share_basis(whole: str | None) -> str:
    """"Cơ cấu kinh tế chuyển dịch theo hướng" -> "tỷ trọng trong cơ cấu kinh tế"."""
    if not whole:
        return "tỷ trọng trong tổng số"
    whole = tidy(whole)
    for tail in words.STRUCTURE_NAME_TAILS:
        if whole.lower().endswith(" " + tail):
            whole = whole[:-len(tail)].rstrip()
    return f"tỷ trọng trong {lower_first(whole)}"


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower the first letter unless the first word is an acronym ("TDTT")."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _context(name: str | None) -> _Context:
    return _Context(share_basis(name), bool(name and _STRUCTURE.search(name)))


def _empty(name: str | None) -> dict:
    return {"name": name, "targets": [], "components": [], "notes": [], "problems": [], "unfilled": []}


def _single(text: str, name: str | None, context: _Context | None = None) -> dict:
    """One measure: its targets, or "achieve" for a qualitative aim, or a problem when neither is found."""
    text = strip_keeping_blanks(text, " ,;:.")
    context = context or _Context()   # a top-level "chiếm x%" does not say of what; its name is the part
    result = _empty(name)
    masked, blanks = stand_in(_BRACKETS.sub(lambda m: " " * len(m.group()), text))
    for quantity in _find_quantities(masked, context):
        if holds_blank(blanks, quantity.start, quantity.end):   # left to be filled in: see target_blank.py
            result["unfilled"].append(squash(_BRACKETS.sub(" ", text[quantity.start:quantity.end])).strip(" ,;:"))
            continue
        result["notes"] += quantity.notes
        result["problems"] += quantity.problems
        if quantity.target:
            result["targets"].append(quantity.target)
    if result["unfilled"]:
        result["problems"].append(unfilled_problem(name, result["unfilled"]))
    if result["targets"] or result["problems"]:
        return result
    if _QUALITATIVE.search(text):
        result["targets"].append(make_target("achieve"))
    elif text:
        result["problems"].append(f"Không hiểu được chỉ tiêu «{text}»: không thấy con số "
                                  f"hay mục tiêu định tính (giữ vững, duy trì, đạt chuẩn…) nào")
    else:
        result["problems"].append("Chưa ghi chỉ tiêu cần đạt")
    return result


def _list_of_measures(parts: list[str], name: str | None) -> dict:
    """"A: x; B: y": each part is a component. A first part without a name is a measure of `name` itself."""
    entries: list[list[str]] = []
    first_unnamed = not split_name(parts[0])[0]
    for index, part in enumerate(parts):
        if index == 0 and first_unnamed and name:
            entries.append([name, part, f"{name}: {part}"])
        else:
            _add_entry(entries, part, r"\s*;\s*")
    result = _empty(name)
    context = _context(name)
    for entry_name, expr, printed in entries:
        result["components"].append(_component(entry_name, expr, printed, context, result))
    if first_unnamed and name:
        result["name"] = "; ".join(c["name"] for c in result["components"])
    return result


def _add_entry(entries: list[list[str]], piece: str, separator: str) -> None:
    """A piece without a name of its own (", chiếm 8,53%") continues the previous part."""
    name, expr = split_name(piece)
    if entries and not name:
        glue = "; " if ";" in separator else ", "
        entries[-1][1] += glue + piece
        entries[-1][2] += glue + piece
    else:
        entries.append([name, expr or piece, piece])


def _component(name: str, expr: str, printed: str, context: _Context, into: dict) -> dict:
    """A part of a whole: bare percentages are shares when the whole is a structure ("cơ cấu")."""
    part = _single(expr, name, context)
    into["notes"] += part["notes"]
    into["problems"] += part["problems"]
    into["unfilled"] += part["unfilled"]
    return {"name": cap_first(name.strip()), "text": printed.strip(), "targets": part["targets"],
            "components": [], "footnote": None}


def _absorb(into: dict, other: dict) -> None:
    into["targets"] += other["targets"]
    into["components"] += other["components"]
    into["notes"] += other["notes"]
    into["problems"] += other["problems"]
    into["unfilled"] += other["unfilled"]


def _find_quantities(masked: str, context: _Context) -> list[_Quantity]:
    """Every figure that is a target, left to right, with the comparator words before it; ranks included."""
    ranks = find_ranks(masked)
    found = [_Quantity(r.start, r.end, make_target("achieve", rank=r.rank)) for r in ranks]
    found += _find_amounts(mask(masked, ranks), context)
    return sorted(found, key=lambda q: q.start)


def _find_amounts(masked: str, context: _Context) -> list[_Quantity]:
    found: list[_Quantity] = []
    position = 0
    for number in _NUMBER_START.finditer(masked):
        if number.start() < position:
            continue
        match = _QUANTITY.match(masked, number.start())
        assert match is not None  # _QUANTITY begins with the NUMBER that _NUMBER_START just found here
        if _NAME_WORD.search(masked, max(0, number.start() - 30), number.start()):
            # "năm 2023", "giai đoạn 2021-2025": skip the figure and its pair, not the words after them
            position = max(match.end("n2"), match.end("den"), number.end())
            continue
        if runs_into_digits(masked, match):
            position, problem = glued_token(masked, number.start())
            found.append(_Quantity(number.start(), position, problems=[problem]))
            continue
        prefix = _PREFIX.search(masked, max(0, number.start() - 60), number.start())
        start = prefix.start() if prefix else number.start()
        phrases = _PREFIX_WORD.findall(prefix.group()) if prefix else []
        found.append(_read_quantity(match, phrases, context, start, masked[start:match.end()]))
        position = match.end()
    return found


def _read_quantity(match: re.Match, phrases: list[str], context: _Context, start: int, printed: str) -> _Quantity:
    quantity = _Quantity(start, match.end())
    numbers = [_read_number(match.group(g), quantity) for g in ("n1", "n2", "den") if match.group(g)]
    if any(n is None for n in numbers):
        return quantity
    unit = normalise_unit(match.group("unit"))
    kinds = [words.COMPARATOR_PHRASES[squash(p).lower()] for p in phrases]
    basis = f"so với {squash(match.group('ref')).rstrip(' .')}" if match.group("ref") else None
    if match.group("den"):
        basis = f"trên tổng số {format_vi_number(numbers[1])}" + (f" {unit}" if unit else "")
    quantity.target = target = _shape_target(match, numbers, kinds, unit, basis, context)
    if any(k.startswith("growth") for k in kinds):
        _as_growth(quantity, target, kinds, squash(printed))
    return quantity


def _shape_target(match, numbers, kinds, unit, basis, context: _Context) -> dict:
    growth = any(k.startswith("growth") for k in kinds)
    levels = [k for k in kinds if not k.startswith("growth") and k != "share"]
    share = "share" in kinds or (context.plain_percent_is_share and unit == "%" and not levels and not growth)
    if match.group("n2"):
        target = make_target("range", low=numbers[0], high=numbers[1], unit=unit, basis=basis)
    else:
        suffix = match.group("suffix")
        comparator = (words.SUFFIX_COMPARATORS[squash(suffix).lower()] if suffix
                      else levels[-1] if levels else "=" if share else ">=")
        target = make_target(comparator, value=numbers[0], unit=unit, basis=basis)
    if share:
        target["basis"] = target["basis"] or context.share_basis
    return target


def _as_growth(quantity: _Quantity, target: dict, kinds: list[str], printed: str) -> None:
    """A change, not a level: a decrease is stored as a negative change with the comparator mirrored."""
    if not target["basis"]:
        target["basis"] = "so với năm trước"
        quantity.notes.append(f"«{printed}» không ghi mốc so sánh; đã hiểu là so với năm trước")
    if "growth-" in kinds and "growth+" not in kinds:
        mirror = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}
        target["comparator"] = mirror.get(target["comparator"], target["comparator"])
        if target["value"] is not None:
            target["value"] = -target["value"]
        if target["low"] is not None:
            target["low"], target["high"] = -target["high"], -target["low"]


def _read_number(text: str, quantity: _Quantity) -> Decimal | None:
    try:
        value, note = parse_plan_number(text)
    except ViNumberError as error:
        quantity.problems.append(f"Không đọc được con số: {error}")
        return None
    if note:
        quantity.notes.append(note)
    return value


def normalise_unit(raw: str | None) -> str | None:
    if not raw:
        return None
    unit = re.sub(r"\s*/\s*", "/", squash(raw))
    unit = " ".join(words.UNIT_WORD_SPELLINGS.get(w, w) for w in unit.split(" "))
    base, slash, rest = unit.partition("/")
    return words.UNIT_SPELLINGS.get(base.lower(), base) + slash + rest


def _first_of_trailing_targets(masked: str, quantities: list[_Quantity]) -> int | None:
    """The first quantity from which only quantities and linking words follow to the end, or None.

    Walked from the end, each gap read once: trying every quantity against all that follow it was quadratic,
    and a damaged line with thousands of figures took seconds.
    """
    first, following = None, len(masked)
    for index in range(len(quantities) - 1, -1, -1):
        leftover = re.findall(r"[^\W_]+", masked[quantities[index].end:following])
        if not all(word.lower() in words.CONNECTIVES for word in leftover):
            break
        first, following = index, quantities[index].start
    return first
