"""The periodic reports' windows, read from Decree 09/2019/NĐ-CP Art. 12, and the percentage of a target."""
from datetime import date
from decimal import Decimal

import pytest

from periodic import rules
from periodic.models import ReportKind

# Art. 12: cl. 2 quarter = 15th of the month before the quarter .. 14th of its last month; cl. 3 first half =
# 15/12 of the year before .. 14/06; cl. 4 year = 15/12 of the year before .. 14/12. Nine months by the same rule
# (provincial regimes, e.g. Khánh Hòa 01/2023/QĐ-UBND Art. 4): 15/12 of the year before .. 14/09.
WINDOWS = {
    "quarter-1": (date(2022, 12, 15), date(2023, 3, 14)),
    "quarter-2": (date(2023, 3, 15), date(2023, 6, 14)),
    "quarter-3": (date(2023, 6, 15), date(2023, 9, 14)),
    "quarter-4": (date(2023, 9, 15), date(2023, 12, 14)),
    "half-1": (date(2022, 12, 15), date(2023, 6, 14)),
    "nine_months-1": (date(2022, 12, 15), date(2023, 9, 14)),
    "year-1": (date(2022, 12, 15), date(2023, 12, 14)),
}


@pytest.mark.parametrize("kind", sorted(WINDOWS))
def test_each_kind_covers_the_window_of_article_12(kind):
    period = rules.period_of(kind, 2023)
    assert (period.start, period.end) == WINDOWS[kind]


def test_every_kind_offered_has_a_window_and_nothing_else_is_accepted():
    assert set(ReportKind.values) == set(WINDOWS)
    with pytest.raises(ValueError):
        rules.period_of("half-2", 2023)  # the second half-year's report is the year-end report


def test_statuses_are_judged_at_the_cutoff_once_it_has_passed():
    quarter = rules.period_of("quarter-2", 2023)
    assert quarter.judged_on(date(2023, 6, 20)) == date(2023, 6, 14)
    assert quarter.judged_on(date(2023, 5, 25)) == date(2023, 5, 25)


@pytest.mark.parametrize("kind, words", [("quarter-1", "quý II năm 2023"), ("quarter-4", "quý I năm 2024"),
                                         ("half-1", "6 tháng cuối năm 2023"), ("nine_months-1", "quý IV năm 2023"),
                                         ("year-1", "năm 2024")])
def test_what_the_report_looks_ahead_to(kind, words):
    assert rules.next_span_words(rules.period_of(kind, 2023)) == words


@pytest.mark.parametrize("comparator, target, value, expected", [
    (">=", "97", "98", Decimal("101.0")),      # 98 / 97 = 1,010309…
    ("=", "98", "95", Decimal("96.9")),        # 95 / 98 = 0,969387…
    (">", "971", "485.5", Decimal("50.0")),
    (">=", "8", "1", Decimal("12.5")),          # exactly half way is not rounded away: 12,5
    ("<", "0.12", "0.5", None),                 # an upper bound has no "% of plan"
    ("achieve", None, None, None),
    (">=", "0", "5", None),
])
def test_percent_of_target(comparator, target, value, expected):
    as_decimal = (lambda text: Decimal(text) if text is not None else None)
    assert rules.percent_of_target(comparator, as_decimal(target), as_decimal(value)) == expected


def test_half_up_rounding_of_the_percentage():
    assert rules.percent_of_target(">=", Decimal("16"), Decimal("1")) == Decimal("6.3")  # 6,25 → 6,3


def test_a_narrative_prints_one_paragraph_per_line():
    assert rules.paragraphs("Dòng một  có  cách\n\n  Dòng hai \r\n") == ["Dòng một có cách", "Dòng hai"]
