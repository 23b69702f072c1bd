"""Reporting periods of Decree 09/2019/NĐ-CP (Article 12), pure Python.

Every period closes on the 14th and reaches back to the 15th:
- month n of year y: 15th of month n-1 (December of y-1 for January) to the 14th of month n;
- quarter: 15th of the month before the quarter to the 14th of its last month;
- six months (first half): 15/12 of y-1 to 14/06 of y; nine months: 15/12 of y-1 to 14/09 of y;
- year: 15/12 of y-1 to 14/12 of y.
Half, nine-month and year periods are cumulative windows from the start of the reporting year, so only number 1
exists for them; a date after 14/06 lies in no six-month period.
"""
from dataclasses import dataclass
from datetime import date

MONTH, QUARTER, HALF, NINE_MONTHS, YEAR = "month", "quarter", "half", "nine_months", "year"
KINDS = (MONTH, QUARTER, HALF, NINE_MONTHS, YEAR)
_MAX_NUMBER = {MONTH: 12, QUARTER: 4, HALF: 1, NINE_MONTHS: 1, YEAR: 1}
# (first month, last month) of each kind's number, as month numbers of the reporting year.
_SPAN = {QUARTER: lambda n: (3 * n - 2, 3 * n), HALF: lambda n: (1, 6), NINE_MONTHS: lambda n: (1, 9),
         YEAR: lambda n: (1, 12), MONTH: lambda n: (n, n)}
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
CUTOFF_DAY = 14  # a period ends on the 14th; the next begins on the 15th


@dataclass(frozen=True, order=False)
class Period:
    kind: str
    year: int
    number: int = 1

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown period kind {self.kind!r}")
        if not 1 <= self.number <= _MAX_NUMBER[self.kind]:
            raise ValueError(f"{self.kind} number must be 1..{_MAX_NUMBER[self.kind]}, not {self.number}")

    @property
    def first_month(self) -> int:
        return _SPAN[self.kind](self.number)[0]

    @property
    def last_month(self) -> int:
        """Months elapsed in the reporting year when this period closes (3 for Quý I, 9 for nine months)."""
        return _SPAN[self.kind](self.number)[1]

    @property
    def start(self) -> date:
        if self.first_month == 1:
            return date(self.year - 1, 12, CUTOFF_DAY + 1)
        return date(self.year, self.first_month - 1, CUTOFF_DAY + 1)

    @property
    def end(self) -> date:
        return date(self.year, self.last_month, CUTOFF_DAY)

    @property
    def label(self) -> str:
        return {
            MONTH: f"Tháng {self.number:02d}/{self.year}",
            QUARTER: f"Quý {_ROMAN.get(self.number, '')}/{self.year}",
            HALF: f"6 tháng đầu năm {self.year}",
            NINE_MONTHS: f"9 tháng năm {self.year}",
            YEAR: f"Năm {self.year}",
        }[self.kind]

    @property
    def short_label(self) -> str:
        """Without the year, for the column headers of one year's table."""
        return {MONTH: f"Tháng {self.number:02d}", QUARTER: f"Quý {_ROMAN.get(self.number, '')}",
                HALF: "6 tháng đầu năm", NINE_MONTHS: "9 tháng", YEAR: "Cả năm"}[self.kind]

    @property
    def key(self) -> str:
        """A stable text form for forms and URLs: "month-2023-1"."""
        return f"{self.kind}-{self.year}-{self.number}"

    @classmethod
    def from_key(cls, key: str) -> "Period":
        kind, year, number = key.rsplit("-", 2)
        return cls(kind, int(year), int(number))

    @property
    def is_year_end(self) -> bool:
        return self.last_month == 12

    def sort_key(self) -> tuple:
        """Chronological by closing date; at one closing date, the shorter period first."""
        return (self.end, self.last_month - self.first_month)

    def __str__(self) -> str:
        return self.label


def month_containing(day: date) -> Period:
    if day.day > CUTOFF_DAY:
        return Period(MONTH, day.year + 1, 1) if day.month == 12 else Period(MONTH, day.year, day.month + 1)
    return Period(MONTH, day.year, day.month)


def period_containing(day: date, kind: str) -> Period | None:
    """The period of this kind that holds the date; None for a cumulative kind whose window has closed."""
    month = month_containing(day)
    if kind == MONTH:
        return month
    if kind == QUARTER:
        return Period(QUARTER, month.year, (month.number + 2) // 3)
    candidate = Period(kind, month.year, 1)
    return candidate if month.number <= candidate.last_month else None


def months_in(period: Period) -> list[Period]:
    return [Period(MONTH, period.year, n) for n in range(period.first_month, period.last_month + 1)]


def periods_of_year(year: int) -> list[Period]:
    """Every period of one reporting year, in the order a report table shows them."""
    return ([Period(MONTH, year, n) for n in range(1, 13)] + [Period(QUARTER, year, n) for n in range(1, 5)]
            + [Period(HALF, year), Period(NINE_MONTHS, year), Period(YEAR, year)])
