"""Pure rules of the periodic reports: which Decree 09 period a report covers, its sections, a target's percentage.

No database here, so the period boundaries are tested against the decree's text alone.
"""
from decimal import ROUND_HALF_UP, Decimal

from theodoi.periods import HALF, NINE_MONTHS, QUARTER, YEAR, Period

# The report kinds a commune writes besides the monthly report, as "<period kind>-<number>" (theodoi.periods keys
# without the year). The second half-year is not offered: its report is the year-end report, which closes the same
# day (14/12) and covers the whole year.
KIND_PERIODS = {"quarter-1": (QUARTER, 1), "quarter-2": (QUARTER, 2), "quarter-3": (QUARTER, 3),
                "quarter-4": (QUARTER, 4), "half-1": (HALF, 1), "nine_months-1": (NINE_MONTHS, 1), "year-1": (YEAR, 1)}

def report_title(kind: str, year: int) -> str:
    """ "Báo cáo quý II năm 2023", "Báo cáo 6 tháng đầu năm 2023", "Báo cáo năm 2023"."""
    return f"Báo cáo {period_of(kind, year).words}"


def period_of(kind: str, year: int) -> Period:
    """The data window of a report, Decree 09/2019/NĐ-CP, Art. 12 (thời gian chốt số liệu báo cáo định kỳ):
    cl. 2 quarterly, from the 15th of the month before the quarter to the 14th of its last month;
    cl. 3 six months, 15/12 of the previous year to 14/06; cl. 4 yearly, 15/12 of the previous year to 14/12.
    Nine months (15/12 to 14/09) is not in Art. 12: provinces set it by the same rule (e.g. Khánh Hòa,
    Decision 01/2023/QĐ-UBND, Art. 4). The arithmetic lives in theodoi.periods.Period, shared with every report.
    """
    if kind not in KIND_PERIODS:
        raise ValueError(f"unknown periodic report kind {kind!r}")
    period_kind, number = KIND_PERIODS[kind]
    return Period(period_kind, year, number)


def is_year_end(kind: str) -> bool:
    return kind == "year-1"


# The narrative sections every report has, in document order, after the one per part of the plan. Modelled on the
# communes' own year-end reports: results by field, then "Đánh giá chung" (achievements, then shortcomings and
# their causes), then the tasks and solutions for the next period and the proposals to the level above.
GENERAL, SHORTCOMINGS, NEXT, PROPOSALS = "danh-gia-chung", "ton-tai-han-che", "nhiem-vu-tiep-theo", "de-xuat"
PART_PREFIX = "phan-"
CLOSING_SECTIONS = (
    (GENERAL, "Đánh giá chung: kết quả đạt được"),
    (SHORTCOMINGS, "Tồn tại, hạn chế và nguyên nhân"),
    (NEXT, "Nhiệm vụ, giải pháp trọng tâm {next_words}"),
    (PROPOSALS, "Đề xuất, kiến nghị"),
)


def part_key(code: str) -> str:
    return f"{PART_PREFIX}{code}"


def paragraphs(text: str) -> list[str]:
    """A narrative as the document prints it: one paragraph per non-empty line, spaces tidied."""
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


PERCENT_COMPARATORS = (">=", ">", "=", "≈")
HUNDRED = Decimal(100)


def percent_of_target(comparator: str, target: Decimal | None, value: Decimal | None) -> Decimal | None:
    """ "đạt …% kế hoạch": the value over the target, to one decimal, rounded half up.

    Only where the target is an amount to reach (≥, >, =, ≈). An upper bound ("dưới 0,12%") is met by staying
    under it, so a percentage of it would read backwards; a range or a qualitative target has no single figure.
    """
    if comparator not in PERCENT_COMPARATORS or target is None or value is None or target <= 0:
        return None
    return (value / target * HUNDRED).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def next_span_words(period: Period) -> str:
    """What the second half of the report looks ahead to: "năm 2024", "quý III năm 2023", "quý IV năm 2023"."""
    return _following(period).words


def _following(period: Period) -> Period:
    """The span after the report's: the next quarter; after the first half-year the second; after nine months the
    fourth quarter; after the year the next year."""
    if period.kind == QUARTER:
        return Period(QUARTER, period.year + (period.number == 4), period.number % 4 + 1)
    if period.kind == HALF and period.number == 1:
        return Period(HALF, period.year, 2)
    if period.kind == NINE_MONTHS:
        return Period(QUARTER, period.year, 4)
    return Period(YEAR, period.year + 1)
