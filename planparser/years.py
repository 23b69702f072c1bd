"""Which years a plan, its date and its deadlines can be in; a year outside is a typo for a person to fix.

The first year is 1976, when the country took the name "Cộng hòa xã hội chủ nghĩa Việt Nam" that heads every
plan (Decree 30/2020/NĐ-CP, Appendix I, item 1: the national title). The last is a bound for typing slips
("Năm 9999", "năm 2203"), far beyond any plan this software tracks; the dates it leads to stay computable.
"""
from datetime import date

FIRST_YEAR = 1976
LAST_YEAR = 2100


def plausible_year(year: int | None) -> bool:
    return year is not None and FIRST_YEAR <= year <= LAST_YEAR


def plausible_dates(timed: dict) -> bool:
    """Every date a read deadline holds (due, start, milestones) is in a plausible year."""
    dates = (timed.get("due"), timed.get("start"), *timed.get("milestones", ()))
    return all(plausible_year(day.year) for day in dates if isinstance(day, date))
