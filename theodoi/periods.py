"""Reporting periods of Decree 09/2019/NĐ-CP, Article 12 (data cut-off of periodic reports), pure Python.

Every period closes on the 14th and reaches back to the 15th:
- month n of year y: 15th of month n-1 (December of y-1 for January) to the 14th of month n (Art. 12 cl. 1);
- quarter: 15th of the month before the quarter to the 14th of its last month (Art. 12 cl. 2);
- six months: first half 15/12 of y-1 to 14/06 of y, second half 15/06 to 14/12 of y (Art. 12 cl. 3);
- year: 15/12 of y-1 to 14/12 of y (Art. 12 cl. 4).
Nine months (15/12 of y-1 to 14/09 of y) is not in Art. 12: communes report it by local practice, and it follows the
same 15th-to-14th rule as a cumulative window, so only number 1 exists for it; a date after 14/09 lies in none.
A report's statuses are judged at its cut-off, the period's last day (`judged_on`).
"""
from dataclasses import dataclass
from datetime import date

MONTH, QUARTER, HALF, NINE_MONTHS, YEAR = "month", "quarter", "half", "nine_months", "year"
KINDS = (MONTH, QUARTER, HALF, NINE_MONTHS, YEAR)
_MAX_NUMBER = {MONTH: 12, QUARTER: 4, HALF: 2, NINE_MONTHS: 1, YEAR: 1}
# (first month, last month) of each kind's number, as month numbers of the reporting year.
_SPAN = {QUARTER: lambda n: (3 * n - 2, 3 * n), HALF: lambda n: (6 * n - 5, 6 * n), NINE_MONTHS: lambda n: (1, 9),
         YEAR: lambda n: (1, 12), MONTH: lambda n: (n, n)}
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_HALF_WORDS = {1: "6 tháng đầu năm", 2: "6 tháng cuối năm"}
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
    def cutoff(self) -> date:
        """The data cut-off (ngày chốt số liệu), Decree 09/2019/NĐ-CP Art. 12: the 14th that closes the period."""
        return self.end

    def judged_on(self, today: date) -> date:
        """The day a report of this period judges its statuses: its cut-off once passed, else today.

        Decree 09/2019/NĐ-CP Art. 12 fixes the data of a period at its cut-off, so work finished after the 14th
        belongs to the next period even when the report is written on the 18th.
        """
        return min(today, self.cutoff)

    @property
    def label(self) -> str:
        return {
            MONTH: f"Tháng {self.number:02d}/{self.year}",
            QUARTER: f"Quý {_ROMAN.get(self.number, '')}/{self.year}",
            HALF: f"{_HALF_WORDS.get(self.number, '')} {self.year}",
            NINE_MONTHS: f"9 tháng năm {self.year}",
            YEAR: f"Năm {self.year}",
        }[self.kind]

    @property
    def words(self) -> str:
        """How a sentence names the period after its noun: "Báo cáo quý II năm 2023", "… 6 tháng cuối năm 2023"."""
        return {MONTH: f"tháng {self.number} năm {self.year}", QUARTER: f"quý {_ROMAN.get(self.number, '')} năm "
                f"{self.year}", HALF: f"{_HALF_WORDS.get(self.number, '')} {self.year}",
                NINE_MONTHS: f"9 tháng năm {self.year}", YEAR: f"năm {self.year}"}[self.kind]

    @property
    def file_words(self) -> str:
        """The label in a saved file's name: Vietnamese without accents, which every office computer and e-mail
        keeps intact ("thang-05-2023", "quy-2-2023", "6-thang-dau-nam-2023")."""
        return {MONTH: f"thang-{self.number:02d}-{self.year}", QUARTER: f"quy-{self.number}-{self.year}",
                HALF: f"6-thang-{'dau' if self.number == 1 else 'cuoi'}-nam-{self.year}",
                NINE_MONTHS: f"9-thang-nam-{self.year}", YEAR: f"nam-{self.year}"}[self.kind]

    @property
    def short_label(self) -> str:
        """Without the year, for the column headers of one year's table."""
        return {MONTH: f"Tháng {self.number:02d}", QUARTER: f"Quý {_ROMAN.get(self.number, '')}",
                HALF: _HALF_WORDS.get(self.number, ''), NINE_MONTHS: "9 tháng", YEAR: "Cả năm"}[self.kind]

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
    if kind == HALF:
        return Period(HALF, month.year, 1 if month.number <= 6 else 2)
    candidate = Period(kind, month.year, 1)
    return candidate if month.number <= candidate.last_month else None


def months_in(period: Period) -> list[Period]:
    return [Period(MONTH, period.year, n) for n in range(period.first_month, period.last_month + 1)]


def periods_of_year(year: int) -> list[Period]:
    """The periods an indicator table shows for one year: months, quarters and the cumulative windows from the
    year's start. The second half-year is not among them: its value would not be cumulative, and the indicator
    rules read a period closing on 14/12 as the whole year's figure."""
    return ([Period(MONTH, year, n) for n in range(1, 13)] + [Period(QUARTER, year, n) for n in range(1, 5)]
            + [Period(HALF, year), Period(NINE_MONTHS, year), Period(YEAR, year)])


def periods_closing_with(year: int, month: int) -> list[Period]:
    """The report periods whose data closes on the 14th of this month: the month, then the quarter, half-year,
    nine months and year that end with it (Decree 09/2019/NĐ-CP Art. 12), shortest first."""
    candidates = [Period(MONTH, year, month), Period(QUARTER, year, (month + 2) // 3), Period(HALF, year, 1),
                  Period(HALF, year, 2), Period(NINE_MONTHS, year), Period(YEAR, year)]
    return [p for p in candidates if p.last_month == month]
