"""Facts from the document's prose: issuer, locality, number, date, title, year, signer, report day.

The heading follows Decree 30/2020/NĐ-CP, Appendix I: issuing body and "Số: …" at the left, national
motto and "<place>, ngày … tháng … năm …" at the right (item 4: place and date), then the document
type "KẾ HOẠCH" and its subject (item 5). Whether Word laid this out as paragraphs or as a table,
the lines arrive here in reading order (see layout.py).
"""
import re
from datetime import date

from .header_issuer import read_issuer
from .header_signer import read_signer
from .textutil import fold, squash
from .years import FIRST_YEAR, LAST_YEAR, plausible_year

_NUMBER = re.compile(r"^s[oố]\s*:\s*(.*)$|^s[oố]\s+(\d*\s*/.*)$", re.I)
_NUMBER_TOKEN = re.compile(r"^\d*\s*/\s*[^\s,;]+(?:\s*-\s*[^\s,;]+)*")
_BLANK = r"[\s.…_]*"
_DATE_WORDS = re.compile(rf",?\s*ngày{_BLANK}(?P<d>\d{{1,2}})?{_BLANK}tháng{_BLANK}(?P<m>\d{{1,2}})?{_BLANK}"
                         r"năm\s*(?P<y>\d{4})(?!\d)", re.I)
_DATE_DIGITS = re.compile(r",?\s*ngày\s*(?P<d>\d{1,2})?\s*/\s*(?P<m>\d{1,2})?\s*/\s*(?P<y>\d{4})(?!\d)", re.I)
# Any run of digits after "năm" ends the subject, so "năm 20233" or "năm 223" is read as the slip it is (and
# reported), never cut to four digits nor passed over for a year in the body text below.
_YEAR = re.compile(r"năm\s+(\d+)", re.I)
_REPORT_DAY = re.compile(r"truoc ngay (\d{1,2}) hang thang")
# "ngày" in any case, spelled without re.I so that the pattern starts with a character class, which the engine
# searches for quickly, rather than being tried at every character of every prose line.
_DAY_WORD = re.compile(r"[nN][gG][aàáảãạAÀÁẢÃẠ][yY]")
_HEAD_LIMIT = 40      # the document type is printed well within the first lines
_SUBJECT_LINES = 3    # a subject broken over lines in a narrow layout
_NOT_SUBJECT = ("can cu", "thuc hien", "(", "i.", "phan i", "-")  # how the body after a subject begins
WHERE = "Phần đầu văn bản"


def header_facts(lines: list[str]) -> dict:
    """lines: every prose line of the document, in order. "anomalies" lists what a person must check."""
    title_at = _title_index(lines)
    head = lines[:title_at] if title_at is not None else lines[:15]
    issued_on, date_problems = _issued_on(head)
    title = _title_and_year(lines, title_at)
    year_problems = _check_year(title)
    issuer, locality, issuer_problems = read_issuer(head, issued_on, title["year"])
    signer, signer_problems = read_signer(lines[title_at or 0:])
    return {
        "issuer": issuer,
        "locality": locality,
        "number": _number(head),
        "issued_on": issued_on,
        **title,
        "signer": signer,
        "report_day": _report_day(lines),
        "anomalies": issuer_problems + date_problems + year_problems + signer_problems,
    }


def _title_index(lines: list[str]) -> int | None:
    for index, line in enumerate(lines[:_HEAD_LIMIT]):
        folded = fold(line)
        if folded == "ke hoach" or (folded.startswith("ke hoach ") and squash(line).startswith("KẾ HOẠCH ")):
            return index
    return None


def _number(head: list[str]) -> str | None:
    """As printed, spaces dropped: "Số: 125 /KH-UBND" -> "125/KH-UBND"; "Số:   /KH-UBND" -> "/KH-UBND"."""
    for line in head:
        match = _NUMBER.match(squash(line))
        if match:
            rest = (match.group(1) or match.group(2) or "").strip()
            token = _NUMBER_TOKEN.match(rest)
            printed = token.group() if token else rest.split("  ")[0]
            return printed.replace(" ", "") or None
    return None


def _issued_on(head: list[str]) -> tuple[str | None, list[dict]]:
    """A date left blank for signing ("ngày    tháng 12 năm 2024") gives None: no day is invented."""
    for line in head:
        text = squash(line)
        match = _DATE_WORDS.search(text) or _DATE_DIGITS.search(text)
        if not match:
            continue
        if not (match["d"] and match["m"]):
            return None, []
        try:
            if not plausible_year(int(match["y"])):
                raise ValueError(match["y"])
            return date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat(), []
        except ValueError:
            return None, [{"kind": "header", "where": WHERE,
                           "message": f"Ngày ban hành «{match.group().strip(' ,')}» không có thật; cần người sửa."}]
    return None, []


def _title_and_year(lines: list[str], title_at: int | None) -> dict:
    if title_at is None:
        return {"title": None, "year": None}
    first = squash(lines[title_at])[len("KẾ HOẠCH"):].strip()
    following = [squash(x) for x in lines[title_at + 1:title_at + 1 + _SUBJECT_LINES]]
    parts = [first] if first else []
    for line in following if not _YEAR.search(first) else []:
        # Decree 30 prints the subject right under the type, so its first line is never body text.
        body = parts and fold(line).startswith(_NOT_SUBJECT)
        if not line or body or set(line) <= set("-_=. "):
            break
        parts.append(line)
        if _YEAR.search(line):
            break
    if len(parts) > 1 and not _YEAR.search(" ".join(parts)):
        parts = parts[:1]  # no year in reach: the later lines may be body text, keep only the first
    subject = " ".join(parts)
    year = _YEAR.search(subject)
    return {"title": f"Kế hoạch {subject}" if subject else "Kế hoạch", "year": year.group(1) if year else None}


def _check_year(title: dict) -> list[dict]:
    """The printed year as a number; one no plan can be for is dropped (the import then asks for one) and shown."""
    printed = title["year"]
    title["year"] = int(printed) if printed and len(printed) == 4 and plausible_year(int(printed)) else None
    if printed is None or title["year"] is not None:
        return []
    return [{"kind": "header", "where": WHERE,
             "message": f"Năm kế hoạch «{printed}» trong tên văn bản «{title['title']}» không hợp lý "
                        f"(phải là năm từ {FIRST_YEAR} đến {LAST_YEAR}); cần người sửa."}]


def _report_day(lines: list[str]) -> int | None:
    for line in lines:
        if not _DAY_WORD.search(line):  # fold only the lines that can hold the phrase: folding is costly
            continue
        match = _REPORT_DAY.search(fold(line))
        if match and 1 <= int(match.group(1)) <= 31:
            return int(match.group(1))
    return None
