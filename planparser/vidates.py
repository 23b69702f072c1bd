"""Dates written the Vietnamese administrative way; pure Python, so the parser and the Django app share one rule.

`theodoi.formatting` wraps these for pages and documents (it adds Django's local time for datetimes).
"""
from datetime import date


def decree30_date(day: date) -> str:
    """ "ngày 05 tháng 02 năm 2023", "ngày 25 tháng 5 năm 2023", "ngày 14 tháng 12 năm 2023".

    Decree 30/2020/NĐ-CP, Appendix I, Part I, section II, item 5 (time of issue): days under 10 and the months
    1 and 2 take a leading zero, no other month does. Source as quoted in GUIDE §3 (a secondary reading).
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def numeric_date(day: date) -> str:
    """ "30/04/2023": the compact form for table cells and messages, where the long form would not fit."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
