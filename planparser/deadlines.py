"""Read the THỜI GIAN HOÀN THÀNH cell of a plan into a Deadline (see contracts/plan-json.md).

`parse_deadline(text, plan_year)` returns the contract's Deadline plus "start" (the first day
of a range) and never raises. Text is matched accent- and case-free ("NĂM 2023", "nam 2023",
"Quy 1/2023" read alike), superscripts (⁽²⁾, ¹) read as plain digits; "text" keeps what was
printed (NFC, white space squashed). A year left implicit comes from plan_year; with no
plan_year and no written year the deadline is unknown. Nothing is ever guessed: text that
cannot be read fully (a stray number, an impossible date such as 31/2) is kind "unknown".

Rules:
- "Năm 2023" -> date 2023-12-31. "Cả năm" -> range 01-01..12-31 of the plan year.
- "Năm 2023-2025" -> range 2023-01-01..2025-12-31.
- "Quý 1/2023", "Quý II/2025" (1-4 or I-IV) -> date, the last day of the quarter.
- "Tháng 6/2025" -> date 2025-06-30; "Dự kiến tháng 9/2025 hoàn thành" -> 2025-09-30.
- "Trước tháng 5/2023" -> date 2023-04-30: "before" a month, quarter or year ends the day
  before it starts. "Trước ngày 15/12/2025", "Trước 31/12/2025", "Trước ngày 15/12" -> that
  day itself, inclusive, as "trước ngày 20 hàng tháng" is read for reporting.
- "6 tháng đầu năm 2025" -> range 2025-01-01..06-30; "6 tháng cuối năm" -> 07-01..12-31;
  "9 tháng đầu năm", "nửa đầu năm" likewise.
- "Cuối tháng 7 và tháng 10/2023" -> milestones [2023-07-31, 2023-10-31], due the last;
  also "Tháng 10 và tháng 11/2025", "Quý 1 và Quý 3/2023", lists with commas. A list item
  without a year takes the next written year (else the previous one, else plan_year).
- "Từ nay đến hết năm 2023", "Đến hết năm 2023" -> range with start None, due 2023-12-31.
  "Từ tháng 3 đến tháng 6/2023" -> range 2023-03-01..06-30.
- "Thường xuyên", "Thường xuyên trong năm 2023", "Nhiệm vụ thường xuyên trong năm, nhất là
  mùa mưa bão" -> recurring "ongoing"; due the end of the year named ("trong năm" alone: the
  plan year; bare "Thường xuyên": None). "Hằng tháng", "Hàng tháng", "Định kỳ hằng tháng"
  -> recurring "monthly"; "Hằng quý" -> "quarterly". The most specific period wins.
- "Năm 2023 và các/những năm tiếp theo" -> recurring "ongoing", start 2023-01-01,
  due 2023-12-31 (this plan year's share).
- "Theo chỉ đạo của thành phố", "Theo lộ trình KH 150/KH-UBND ngày 17/5/2022", "Đảm bảo
  theo yêu cầu, tiến độ cấp trên giao", "Theo kế hoạch của tỉnh" -> external, due None.
  Numbers and dates of documents are never deadlines.
- A year of its own, outside a document reference, wins over "theo lộ trình":
  "Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình." -> date 2023-12-31.
- "Giải pháp 1: Quý 1/2023; Giải pháp ⁽²⁾ , (3): Năm 2023" -> by_solution keyed "(1)",
  "(2)", "(3)"; the top level is milestones of the distinct per-solution dues, due the last.
- "Đầu/giữa tháng 7" name no last day -> unknown; "cuối" means the period's end.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from planparser import deadline_words as words
from planparser.textutil import fold, squash, superscripts_to_ascii
from planparser.vidates import decree30_date
from planparser.years import plausible_dates

KINDS = ("date", "milestones", "range", "recurring", "external", "unknown")
# Units whose reading is a span of time rather than one due day.
_RANGE_UNITS = {"whole_year", "year_span", "head", "tail", "month_span", "quarter_span"}
_TRIM = " ;,.:"
_UNKNOWN = {"kind": "unknown"}


@dataclass(frozen=True)
class _Piece:
    """One time expression found in the folded text, its year not yet filled in."""

    unit: str
    values: tuple
    year: int | None
    start: int
    end: int


def parse_deadline(text: str, plan_year: int | None) -> dict:
    """Read one deadline cell; see the module docstring for the rules."""
    printed = squash(text) if isinstance(text, str) else ""
    year = plan_year if _is_year(plan_year) else None
    folded = _fold_aligned(superscripts_to_ascii(printed))
    labels = list(words.SOLUTION_LABEL.finditer(folded))
    if labels:
        return _parse_by_solution(printed, folded, labels, year)
    return _parse_plain(printed, folded, year)


def _is_year(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999


def _fold_aligned(text: str) -> str:
    """Fold character by character so positions in the folded text match the printed one."""
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch.isspace():
        return " "
    folded = fold(ch)
    return folded[0] if folded else ch


def _deadline(text, kind, due=None, start=None, milestones=(), recurrence=None, by_solution=None) -> dict:
    return {"text": text, "kind": kind, "due": _iso(due), "milestones": [_iso(day) for day in milestones],
            "recurrence": recurrence, "by_solution": by_solution, "start": _iso(start)}


def _iso(day):
    return day.isoformat() if isinstance(day, date) else day


def _parse_plain(printed: str, folded: str, year: int | None) -> dict:
    cleaned = _blank_documents(folded)
    recurrence = next((name for name, pattern in words.RECURRENCES if pattern.search(cleaned)), None)
    if recurrence:
        return _parse_recurring(printed, cleaned, recurrence, year)
    timed = _read_times(cleaned, year)
    if timed is not None and timed["kind"] != "unknown":
        return _deadline(printed, **timed)
    # A document or body sets the time; a broken date next to "theo …" is still theirs to set.
    if words.EXTERNAL.search(cleaned):
        return _deadline(printed, "external")
    return _deadline(printed, "unknown")


def _blank(match: re.Match) -> str:
    # Blank rather than delete, so that positions stay aligned with the printed text.
    return " " * len(match.group())


def _blank_documents(folded: str) -> str:
    for pattern in words.DOCUMENT_REFERENCES:
        folded = pattern.sub(_blank, folded)
    return folded


def _parse_recurring(printed: str, cleaned: str, recurrence: str, year: int | None) -> dict:
    onward = words.ONWARD.search(cleaned)
    rest = words.MONTHLY_DAY.sub(_blank, cleaned)
    for _, pattern in words.RECURRENCES:
        rest = pattern.sub(_blank, rest)
    if onward:
        rest = words.FROM_WORD.sub(_blank, words.ONWARD.sub(_blank, rest))  # "từ năm 2023 trở đi"
    timed = _read_times(rest, year)
    if timed is None or timed["kind"] == "unknown":
        return _deadline(printed, "recurring", recurrence=recurrence)
    due, start = timed["due"], timed["start"]
    if onward:
        start = date(due.year, 1, 1)
    return _deadline(printed, "recurring", due=due, start=start, recurrence=recurrence)


def _timed(kind, due=None, start=None, milestones=()) -> dict:
    return {"kind": kind, "due": due, "start": start, "milestones": list(milestones)}


def _read_times(cleaned: str, plan_year: int | None) -> dict | None:
    """The time the text names, or None when it names none; {"kind": "unknown"} when unreadable."""
    timed = _times(cleaned, plan_year)
    # "Năm 9999" reads as a date, but no plan means it: a person sets the deadline (see years.py).
    return _UNKNOWN if timed is not None and not plausible_dates(timed) else timed


def _times(cleaned: str, plan_year: int | None) -> dict | None:
    pieces = [_piece(match) for match in words.TIME_EXPRESSION.finditer(cleaned)]
    if not pieces:
        return None
    if _has_stray_digits(cleaned, pieces):
        return _UNKNOWN
    gaps = [cleaned[(pieces[i - 1].end if i else 0):piece.start] for i, piece in enumerate(pieces)]
    years = _fill_years(pieces, plan_year)
    if years is None or any(words.VAGUE.search(gap) for gap in gaps):
        return _UNKNOWN
    found = [_periods(piece, year) for piece, year in zip(pieces, years, strict=True)]
    periods = [period for period in found if period is not None]
    if len(periods) != len(found):
        return _UNKNOWN
    if any(words.SPAN_LINK.match(gap) for gap in gaps[1:]):
        return _span(gaps, periods)
    if len(pieces) == 1 and len(periods[0]) == 1:
        return _single(pieces[0], gaps[0], periods[0][0])
    if words.FROM.search(gaps[0]):
        return _UNKNOWN
    return _milestones(pieces, gaps, periods)


def _has_stray_digits(cleaned: str, pieces: list) -> bool:
    """A number outside every time expression means the text says something not understood."""
    rest = list(cleaned)
    for piece in pieces:
        rest[piece.start:piece.end] = " " * (piece.end - piece.start)
    return re.search(r"\d", "".join(rest)) is not None


def _number(text: str | None) -> int | None:
    return int(text) if text else None


def _piece(match: re.Match) -> _Piece:
    # Every alternative of TIME_EXPRESSION is a named group, so a match always has one.
    assert match.lastgroup is not None
    unit = match.lastgroup.removeprefix("form_")
    group = match.groupdict()
    values, year = _PIECE_READERS[unit](group)
    return _Piece(_UNIT_OF_FORM.get(unit, unit), tuple(values), year, match.start(), match.end())


def _read_head(group: dict) -> tuple:
    count = 6 if group["half"] else words.MONTH_COUNT_WORDS.get(group["head_n"]) or int(group["head_n"])
    side = "head" if group["head_side"] == "dau" else "tail"
    return [(side, count)], _number(group["head_year"])


def _quarter(token: str) -> int:
    return words.QUARTER_NUMBERS.get(token, 0)  # 0 is no quarter: the date check refuses it


_PIECE_READERS = {
    "day_words": lambda g: ([(int(g["wday"]), int(g["wmonth"]))], _number(g["wyear"])),
    "head": _read_head,
    "year_span": lambda g: ([(int(g["span_y1"]), int(g["span_y2"]))], int(g["span_y2"])),
    "whole_year": lambda g: ([None], _number(g["whole_year"])),
    "month_span": lambda g: ([(int(g["ms1"]), int(g["ms2"]))], _number(g["ms_year"])),
    "months": lambda g: ([int(n) for n in re.findall(r"[0-9]{1,2}", g["months"])], _number(g["months_year"])),
    "quarter_span": lambda g: (
        [(_quarter(g["qs1"]), _quarter(g["qs2"]))], _number(g["qs_year"])),
    "quarters": lambda g: (
        [_quarter(q) for q in words.QUARTER_TOKEN.findall(g["quarters"])],
        _number(g["quarters_year"])),
    "day": lambda g: ([(int(g["day"]), int(g["day_month"]))], _number(g["day_year"])),
    "bare_month": lambda g: ([int(g["bare_month"])], int(g["bare_month_year"])),
    "year": lambda g: ([None], int(g["year"])),
    "bare_year": lambda g: ([None], int(g["bare_year"])),
    "implicit_year": lambda g: ([None], None),
}
_UNIT_OF_FORM = {"day_words": "day", "months": "month", "quarters": "quarter", "bare_month": "month",
                 "bare_year": "year", "implicit_year": "year"}


def _fill_years(pieces: list, plan_year: int | None) -> list | None:
    """A list writes its year once, at the end: "tháng 7 và tháng 10/2023"."""
    written = [piece.year for piece in pieces]
    years = []
    for i, own in enumerate(written):
        later = next((y for y in written[i + 1:] if y is not None), None)
        earlier = next((y for y in reversed(written[:i]) if y is not None), None)
        year = next((y for y in (own, later, earlier, plan_year) if y is not None), None)
        if year is None:
            return None
        years.append(year)
    return years


def _periods(piece: _Piece, year: int) -> list | None:
    """(first day, last day) for each value of the piece; None when a date is impossible."""
    try:
        return [_period(piece.unit, value, year) for value in piece.values]
    except (ValueError, OverflowError):
        return None


def _month_end(year: int, month: int) -> date:
    date(year, month, 1)  # validates year and month before calendar sees them
    return date(year, month, calendar.monthrange(year, month)[1])


def _period(unit: str, value, year: int) -> tuple:
    if unit == "day":
        day = date(year, value[1], value[0])
        return day, day
    if unit in ("year", "whole_year"):
        return date(year, 1, 1), date(year, 12, 31)
    if unit == "year_span":
        return _ordered(date(value[0], 1, 1), date(value[1], 12, 31))
    if unit == "head":
        side, count = value
        if not 1 <= count <= 12:
            raise ValueError(count)
        if side == "head":
            return date(year, 1, 1), _month_end(year, count)
        return date(year, 13 - count, 1), date(year, 12, 31)
    first, last = (value, value) if isinstance(value, int) else value
    if unit in ("quarter", "quarter_span"):
        first, last = 3 * first - 2, 3 * last
    return _ordered(date(year, first, 1), _month_end(year, last))


def _ordered(first: date, last: date) -> tuple:
    if first > last:
        raise ValueError("span ends before it starts")
    return first, last


def _before(piece: _Piece, period: tuple) -> date | None:
    # "trước ngày 15" includes the 15th; "trước tháng 5" ends with April.
    try:
        return period[1] if piece.unit == "day" else period[0] - timedelta(days=1)
    except OverflowError:  # before 1 January of year 1
        return None


def _single(piece: _Piece, gap: str, period: tuple) -> dict:
    if words.BEFORE.search(gap):
        due = _before(piece, period)
        return _timed("date", due=due) if due else _UNKNOWN
    if words.UNTIL.search(gap):
        return _timed("range", due=period[1])
    if piece.unit in _RANGE_UNITS:
        return _timed("range", due=period[1], start=period[0])
    if words.FROM.search(gap):
        return _UNKNOWN  # "từ tháng 3" names no end
    return _timed("date", due=period[1])


def _span(gaps: list, periods: list) -> dict:
    """"Từ X đến Y": only two single times can be joined into one span."""
    if len(periods) != 2 or len(periods[0]) != 1 or len(periods[1]) != 1:
        return _UNKNOWN
    start, due = periods[0][0][0], periods[1][0][1]
    if start > due:
        return _UNKNOWN
    return _timed("range", due=due, start=None if words.FROM_NOW.search(gaps[0]) else start)


def _milestones(pieces: list, gaps: list, periods: list) -> dict:
    ends: set[date | None] = set()
    for piece, gap, piece_periods in zip(pieces, gaps, periods, strict=True):
        before = words.BEFORE.search(gap)
        ends.update(_before(piece, period) if before else period[1] for period in piece_periods)
    if None in ends:
        return _UNKNOWN
    ordered = sorted(end for end in ends if end is not None)
    if len(ordered) == 1:
        return _timed("date", due=ordered[0])
    return _timed("milestones", due=ordered[-1], milestones=ordered)


def _parse_by_solution(printed: str, folded: str, labels: list, year: int | None) -> dict:
    by_solution: dict[str, dict] = {}
    loose: list[dict] = []
    head = _trimmed(printed, folded, 0, labels[0].start())
    if head[0]:
        loose.append(_parse_plain(*head, year))  # said of no solution in particular
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(printed)
        deadline = _parse_plain(*_trimmed(printed, folded, label.end(), end), year)
        for key in _label_keys(label):
            # A copy per key, so that editing one solution's deadline leaves the others alone.
            by_solution.setdefault(key, {**deadline, "milestones": list(deadline["milestones"])})
    return _combine_solutions(printed, by_solution, loose)


def _trimmed(printed: str, folded: str, start: int, end: int) -> tuple[str, str]:
    while start < end and printed[start] in _TRIM:
        start += 1
    while end > start and printed[end - 1] in _TRIM:
        end -= 1
    return printed[start:end], folded[start:end]


def _label_keys(label: re.Match) -> list:
    """"1", "(2) , (3)", "1-3" -> ["(1)"], ["(2)", "(3)"], ["(1)", "(2)", "(3)"]."""
    tokens = words.LABEL_TOKEN.findall(label.group("nums") or label.group("pnums"))
    numbers: list[int] = []
    for i, token in enumerate(tokens):
        if not token.isdigit():
            continue
        number = int(token)
        if i and tokens[i - 1] in ("-", "–", "den") and numbers and numbers[-1] < number:
            numbers.extend(range(numbers[-1] + 1, number + 1))
        else:
            numbers.append(number)
    return [f"({number})" for number in numbers]


def _combine_solutions(printed: str, by_solution: dict, loose: list) -> dict:
    parts = list(by_solution.values()) + loose
    if any(part["kind"] == "unknown" for part in parts):
        return _deadline(printed, "unknown", by_solution=by_solution)
    dues = sorted({part["due"] for part in parts if part["due"]})
    if dues:
        # Undated parts (recurring, external) are never overdue, so the dated ones are the checkpoints.
        return _deadline(printed, "milestones", due=dues[-1], milestones=dues, by_solution=by_solution)
    if all(part["kind"] == "external" for part in parts):
        return _deadline(printed, "external", by_solution=by_solution)
    recurrences = {part["recurrence"] for part in parts if part["kind"] == "recurring"}
    recurrence = recurrences.pop() if len(recurrences) == 1 else "ongoing"
    return _deadline(printed, "recurring", recurrence=recurrence, by_solution=by_solution)


_UNKNOWN_TEXT = "Không hiểu được thời hạn"
_RECURRENCE_LABELS = {"monthly": " (hằng tháng)", "quarterly": " (hằng quý)"}


def describe_deadline(deadline: dict) -> str:
    """One Vietnamese line for people: "Hạn chót: ngày 30 tháng 4 năm 2023"."""
    fields = deadline if isinstance(deadline, dict) else {}
    kind, due, start = fields.get("kind"), _vn_date(fields.get("due")), _vn_date(fields.get("start"))
    if kind == "date" and due:
        return f"Hạn chót: {due}"
    if kind == "milestones":
        points = fields.get("milestones")
        dates = [_vn_date(point) for point in points] if isinstance(points, (list, tuple)) else []
        readable = [day for day in dates if day]
        if dates and len(readable) == len(dates):
            return "Các mốc: " + "; ".join(readable)
    if kind == "range" and due:
        return f"Từ {start} đến {due}" if start else f"Đến hết {due}"
    if kind == "recurring":
        return _describe_recurring(fields.get("recurrence"), start, due)
    if kind == "external":
        return "Theo văn bản/cơ quan khác"
    return _UNKNOWN_TEXT


def _describe_recurring(recurrence, start: str | None, due: str | None) -> str:
    label = "Thường xuyên" + (_RECURRENCE_LABELS.get(recurrence, "") if isinstance(recurrence, str) else "")
    if start and due:
        return f"{label}, từ {start} đến {due}"
    return f"{label}, đến {due}" if due else label


def _vn_date(value) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return decree30_date(day)
