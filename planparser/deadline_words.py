"""Vocabulary of the deadline column, as regular expressions over folded text.

Every pattern here runs on `textutil.fold`-ed text (lower case, no accents, 'đ' -> 'd'),
so "Quý", "QUÝ" and "Quy" all read the same. Digits are spelled [0-9] on purpose: a
Unicode digit such as '٣' must not be read as a number, it must make the text unknown.
"""
import re

# A word must not be glued to the letter or digit before it ("thang" inside "hangthang").
_START = r"(?<![0-9a-z])"
_YEAR = r"[0-9]{4}(?![0-9])"
_NUM = r"[0-9]{1,2}(?![0-9])"
# Any number or numeral after "quý" is taken, so that "Quý 5" is refused rather than misread.
_QUARTER = r"(?:[0-9]{1,2}|[ivx]+|mot|nhat|hai|ba|bon|tu)(?![0-9a-z])"
# Items of one list: "tháng 7 và tháng 10", "tháng 3, 6, 9", "quý 1 & quý 3".
_LIST_SEP = r"\s*(?:,|;|&|va(?![a-z]))\s*"
_SPAN_SEP = r"\s*(?:-|–|den(?![a-z])|toi(?![a-z]))\s*"


def _year_after(name: str) -> str:
    """A year written after a month or quarter: "6/2025", "6-2025", "6 năm 2025", "1/ năm 2023"."""
    return rf"(?:\s*(?:/\s*nam\s|/|-|\.|nam\s)\s*(?P<{name}>{_YEAR}))?"


QUARTER_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "01": 1, "02": 2,
                   "03": 3, "04": 4, "mot": 1, "nhat": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4}
MONTH_COUNT_WORDS = {"ba": 3, "sau": 6, "chin": 9}

# One form per way of writing a time; at one position the first form that matches wins,
# so the longer forms (spans, "6 tháng đầu năm") come before the shorter ones.
TIME_FORMS = [
    ("day_words", rf"{_START}ngay\s*(?P<wday>{_NUM})\s*thang\s*(?P<wmonth>{_NUM})(?:\s*nam\s*(?P<wyear>{_YEAR}))?"),
    ("head", rf"{_START}(?:(?P<head_n>[0-9]{{1,2}}|ba|sau|chin)\s*thang|(?P<half>nua))\s*"
             rf"(?P<head_side>dau|cuoi)\s*nam(?:\s*(?P<head_year>{_YEAR}))?"),
    ("year_span", rf"{_START}(?:(?:nam|giai doan)\s*)?(?P<span_y1>{_YEAR}){_SPAN_SEP}(?:nam\s*)?(?P<span_y2>{_YEAR})"),
    ("whole_year", rf"{_START}ca\s*nam(?:\s*(?P<whole_year>{_YEAR}))?(?![a-z])"),
    ("month_span", rf"{_START}thang\s*(?P<ms1>{_NUM}){_SPAN_SEP}(?:thang\s*)?(?P<ms2>{_NUM})"
                   + _year_after("ms_year")),
    ("months", rf"{_START}thang\s*(?P<months>{_NUM}(?:{_LIST_SEP}(?:(?:cuoi\s*)?thang\s*)?{_NUM})*)"
               + _year_after("months_year")),
    ("quarter_span", rf"{_START}quy\s*(?P<qs1>{_QUARTER}){_SPAN_SEP}(?:quy\s*)?(?P<qs2>{_QUARTER})"
                     + _year_after("qs_year")),
    ("quarters", rf"{_START}quy\s*(?P<quarters>{_QUARTER}(?:{_LIST_SEP}(?:(?:cuoi\s*)?quy\s*)?{_QUARTER})*)"
                 + _year_after("quarters_year")),
    ("day", rf"(?:{_START}ngay\s*)?(?<![0-9/.–-])(?P<day>{_NUM})\s*(?P<sep>[/.-])\s*(?P<day_month>{_NUM})"
            rf"(?:\s*(?P=sep)\s*(?P<day_year>{_YEAR}))?(?!\s*[/.-]\s*[0-9])"),
    # "6/2025" with no "tháng": a four-digit year leaves no doubt it is a month.
    ("bare_month", rf"(?<![0-9/.–-])(?<![0-9/.–-] )(?P<bare_month>{_NUM})\s*/\s*(?P<bare_month_year>{_YEAR})"),
    ("year", rf"{_START}nam\s*(?P<year>{_YEAR})"),
    ("bare_year", r"(?<![0-9])(?P<bare_year>(?:19|20|21)[0-9]{2})(?![0-9])"),
    # "trong năm", "hết năm", "năm nay": the plan's own year, left implicit.
    ("implicit_year", r"(?:(?<=trong )|(?<=het )|(?<=suot )|(?<=cuoi ))nam(?![a-z])(?!\s*[0-9])"
                      r"|(?<![a-z])nam nay(?![a-z])"),
]
# Every form starts with a digit or with one of these letters (ngày, năm, nửa, ba, sáu, chín, cả, giai đoạn,
# tháng, quý): the look-ahead turns away the other positions at once, where the engine would otherwise try
# all the forms one after another (a cell is read 2.5 times faster).
_FORM_START = "(?=[0-9bcgnqst])"
TIME_EXPRESSION = re.compile(
    _FORM_START + "(?:" + "|".join(f"(?P<form_{name}>{pattern})" for name, pattern in TIME_FORMS) + ")")
QUARTER_TOKEN = re.compile(rf"(?<![0-9a-z]){_QUARTER}")

# Numbers of official documents ("KH 150/KH-UBND ngày 17/5/2022", "Quyết định số 827/QĐ-TTg")
# carry dates and numbers that are not deadlines; they are blanked before times are read.
_DOC_WORD = (
    r"(?:ke hoach|kh|quyet dinh|qd|nghi quyet|nq|cong van|cv|thong bao|tb|chi thi|ct|"
    r"nghi dinh|nd|thong tu|tt|de an|chuong trinh|van ban|ctr)"
)
_DOC_DATE = r"(?:[\s,(]*ngay\s*[0-9]{1,2}\s*[/.-]\s*[0-9]{1,2}\s*[/.-]\s*[0-9]{4}(?![0-9]))"
_NOT_A_DEADLINE_WORD = r"(?!truoc|den|toi|han(?![a-z])|hoan thanh|;)"
DOCUMENT_REFERENCES = [
    # A document word, then within the same clause its "ngày d/m/y", unless a deadline word
    # ("trước", "đến", "hạn", "hoàn thành") sits in between and makes the date a deadline.
    # A document's date follows its number closely; the bound keeps long cells linear.
    re.compile(rf"{_START}{_DOC_WORD}(?![a-z])(?:{_NOT_A_DEADLINE_WORD}.){{0,200}}?{_DOC_DATE}"),
    re.compile(rf"{_START}(?:so\s*)?[0-9]+\s*/\s*(?!nam(?![a-z]))[a-z][a-z0-9.-]*{_DOC_DATE}?"),
    re.compile(rf"{_START}(?:{_DOC_WORD}|so)\s*(?:so\s*)?[0-9]+(?![0-9/])"),
]

# Recurrence words, the most specific period first: "thường xuyên, báo cáo hằng tháng" is monthly.
RECURRENCES = [
    ("monthly", re.compile(rf"{_START}(?:(?:hang|moi)\s*thang|dinh ky\s*thang)(?![a-z])")),
    ("quarterly", re.compile(rf"{_START}(?:(?:hang|moi)\s*quy|dinh ky\s*quy)(?![a-z])")),
    ("ongoing", re.compile(
        rf"{_START}(?:thuong xuyen|lien tuc|dinh ky|(?:hang|moi)\s*(?:nam|tuan|ngay)"
        r"|(?:cac|nhung)\s*nam\s*(?:tiep theo|sau|ke tiep|toi)|tro di|tro ve sau)(?![a-z])")),
]
# "Năm 2023 và các năm tiếp theo": recurring from that year on; this plan owns that year's share.
ONWARD = re.compile(
    rf"{_START}(?:(?:va\s*)?(?:cac|nhung)\s*nam\s*(?:tiep theo|sau|ke tiep|toi)|tro di|tro ve sau)(?![a-z])"
)
# "trước ngày 20 hằng tháng" is the monthly report day, not a date in the plan year.
MONTHLY_DAY = re.compile(rf"{_START}(?:truoc\s*)?ngay\s*[0-9]{{1,2}}\s*(?:cua\s*)?(?:hang|moi)\s*thang")

EXTERNAL = re.compile(
    rf"{_START}(?:theo|cap tren|chi dao cua|khi co|tuy thuoc|phu thuoc|duoc giao)(?![a-z])"
)

# Words in front of a time that change what it means.
BEFORE = re.compile(r"(?<![a-z])truoc\s*(?:ngay\s*)?$")
UNTIL = re.compile(r"(?<![a-z])(?:tu nay\s*)?(?:den|toi)\s*(?:het\s*)?(?:ngay\s*)?$")
FROM_NOW = re.compile(r"(?<![a-z])tu nay\s*(?:den|toi)\s*(?:het\s*)?(?:ngay\s*)?$")
FROM_WORD = re.compile(r"(?<![a-z])tu(?![a-z])")
FROM = re.compile(r"(?<![a-z])tu\s*(?:ngay\s*)?$")
# "đầu tháng 7", "giữa năm 2023" name no last day; reading them as the period's end would be a guess.
VAGUE = re.compile(r"(?<![a-z])(?:dau|giua)\s*$")
SPAN_LINK = re.compile(r"^\s*(?:-|–|den|toi)\s*(?:het\s*)?(?:ngay\s*)?$")

# Per-solution labels: "Giải pháp 1:", "Giải pháp (2), (3):", "GP 1-3:", or just "(2), (3):".
_LABEL_NUM = r"(?:\(\s*[0-9]{1,2}\s*\)|[0-9]{1,2}(?![0-9]))"
_PAREN_NUM = r"\(\s*[0-9]{1,2}\s*\)"
_LABEL_SEP = r"\s*(?:,|&|-|–|va(?![a-z])|den(?![a-z]))\s*"
SOLUTION_LABEL = re.compile(
    rf"{_START}(?:giai\s*phap|gp)\s*(?:so\s*)?(?P<nums>{_LABEL_NUM}(?:{_LABEL_SEP}{_LABEL_NUM})*)\s*:"
    rf"|(?<![0-9a-z)])(?P<pnums>{_PAREN_NUM}(?:{_LABEL_SEP}{_PAREN_NUM})*)\s*:"
)
LABEL_TOKEN = re.compile(r"[0-9]{1,2}|-|–|den")
