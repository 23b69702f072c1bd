"""Tests of planparser.deadlines. Every expected date is worked out by hand from the rules."""
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planparser.deadlines import describe_deadline, parse_deadline

SAMPLE = Path(__file__).parents[1] / "fixtures" / "ke-hoach-ktxh-2023-xa-hung-dong.txt"
KINDS = {"date", "milestones", "range", "recurring", "external", "unknown"}
FIELDS = {"text", "kind", "due", "milestones", "recurrence", "by_solution", "start"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def deadline(text, kind, due=None, start=None, milestones=(), recurrence=None, by_solution=None):
    return {"text": text, "kind": kind, "due": due, "milestones": list(milestones),
            "recurrence": recurrence, "by_solution": by_solution, "start": start}


def unknown(text):
    return deadline(text, "unknown")


def last_day_of_month(year, month):
    """Independent of the module: the day before the first of the next month."""
    first_of_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (first_of_next - timedelta(days=1)).isoformat()


# (text, plan_year, expected Deadline)
EXAMPLES = [
    ("Năm 2023", 2023, deadline("Năm 2023", "date", "2023-12-31")),
    ("Năm 2023", None, deadline("Năm 2023", "date", "2023-12-31")),
    ("Cả năm", 2023, deadline("Cả năm", "range", "2023-12-31", start="2023-01-01")),
    ("Cả năm", 2025, deadline("Cả năm", "range", "2025-12-31", start="2025-01-01")),
    ("Cả năm", None, unknown("Cả năm")),
    ("Năm 2023-2025", 2023, deadline("Năm 2023-2025", "range", "2025-12-31", start="2023-01-01")),
    ("Năm 2023-2025", None, deadline("Năm 2023-2025", "range", "2025-12-31", start="2023-01-01")),
    ("Quý 1/2023", 2023, deadline("Quý 1/2023", "date", "2023-03-31")),
    ("Quý 1/2023", None, deadline("Quý 1/2023", "date", "2023-03-31")),
    ("Quý II/2025", 2023, deadline("Quý II/2025", "date", "2025-06-30")),
    ("Quý 4/2024", None, deadline("Quý 4/2024", "date", "2024-12-31")),
    ("Quý 1", 2023, deadline("Quý 1", "date", "2023-03-31")),
    ("Quý 1", None, unknown("Quý 1")),
    ("Tháng 6/2025", 2023, deadline("Tháng 6/2025", "date", "2025-06-30")),
    ("Tháng 6/2025", None, deadline("Tháng 6/2025", "date", "2025-06-30")),
    ("Tháng 6", 2023, deadline("Tháng 6", "date", "2023-06-30")),
    ("Tháng 6", None, unknown("Tháng 6")),
    ("Tháng 2/2024", None, deadline("Tháng 2/2024", "date", "2024-02-29")),
    ("Dự kiến tháng 9/2025 hoàn thành", 2023,
     deadline("Dự kiến tháng 9/2025 hoàn thành", "date", "2025-09-30")),
    ("Trước tháng 5/2023", 2023, deadline("Trước tháng 5/2023", "date", "2023-04-30")),
    ("Trước tháng 5/2023", None, deadline("Trước tháng 5/2023", "date", "2023-04-30")),
    ("Trước tháng 1/2024", None, deadline("Trước tháng 1/2024", "date", "2023-12-31")),
    ("Trước ngày 15/12/2025", 2023, deadline("Trước ngày 15/12/2025", "date", "2025-12-15")),
    ("Trước 31/12/2025", 2023, deadline("Trước 31/12/2025", "date", "2025-12-31")),
    ("Trước 31/12/2025", None, deadline("Trước 31/12/2025", "date", "2025-12-31")),
    ("Trước ngày 15/12", 2023, deadline("Trước ngày 15/12", "date", "2023-12-15")),
    ("Trước ngày 15/12", None, unknown("Trước ngày 15/12")),
    ("6 tháng đầu năm 2025", 2023, deadline("6 tháng đầu năm 2025", "range", "2025-06-30", start="2025-01-01")),
    ("6 tháng đầu năm 2025", None, deadline("6 tháng đầu năm 2025", "range", "2025-06-30", start="2025-01-01")),
    ("6 tháng cuối năm", 2023, deadline("6 tháng cuối năm", "range", "2023-12-31", start="2023-07-01")),
    ("6 tháng cuối năm", None, unknown("6 tháng cuối năm")),
    ("9 tháng đầu năm", 2023, deadline("9 tháng đầu năm", "range", "2023-09-30", start="2023-01-01")),
    ("9 tháng đầu năm", None, unknown("9 tháng đầu năm")),
    ("Cuối tháng 7 và tháng 10/2023", 2023, deadline(
        "Cuối tháng 7 và tháng 10/2023", "milestones", "2023-10-31", milestones=["2023-07-31", "2023-10-31"])),
    ("Cuối tháng 7 và tháng 10/2023", None, deadline(
        "Cuối tháng 7 và tháng 10/2023", "milestones", "2023-10-31", milestones=["2023-07-31", "2023-10-31"])),
    ("Tháng 10 và tháng 11/2025", 2023, deadline(
        "Tháng 10 và tháng 11/2025", "milestones", "2025-11-30", milestones=["2025-10-31", "2025-11-30"])),
    ("Quý 1 và Quý 3/2023", 2023, deadline(
        "Quý 1 và Quý 3/2023", "milestones", "2023-09-30", milestones=["2023-03-31", "2023-09-30"])),
    ("Quý I và Quý III/2023", None, deadline(
        "Quý I và Quý III/2023", "milestones", "2023-09-30", milestones=["2023-03-31", "2023-09-30"])),
    ("Tháng 3, 6, 9 và 12/2023", None, deadline(
        "Tháng 3, 6, 9 và 12/2023", "milestones", "2023-12-31",
        milestones=["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"])),
    ("Tháng 7, tháng 10", 2023, deadline(
        "Tháng 7, tháng 10", "milestones", "2023-10-31", milestones=["2023-07-31", "2023-10-31"])),
    ("Tháng 7, tháng 10", None, unknown("Tháng 7, tháng 10")),
    ("Tháng 12/2023 và tháng 6/2024", None, deadline(
        "Tháng 12/2023 và tháng 6/2024", "milestones", "2024-06-30", milestones=["2023-12-31", "2024-06-30"])),
    ("Từ nay đến hết năm 2023", 2023, deadline("Từ nay đến hết năm 2023", "range", "2023-12-31")),
    ("Từ nay đến hết năm 2023", None, deadline("Từ nay đến hết năm 2023", "range", "2023-12-31")),
    ("Đến hết năm 2023", 2023, deadline("Đến hết năm 2023", "range", "2023-12-31")),
    ("Từ tháng 3 đến tháng 6/2023", None,
     deadline("Từ tháng 3 đến tháng 6/2023", "range", "2023-06-30", start="2023-03-01")),
    ("Thường xuyên", 2023, deadline("Thường xuyên", "recurring", recurrence="ongoing")),
    ("Thường xuyên", None, deadline("Thường xuyên", "recurring", recurrence="ongoing")),
    ("Thường xuyên trong năm 2023", 2023,
     deadline("Thường xuyên trong năm 2023", "recurring", "2023-12-31", recurrence="ongoing")),
    ("Thường xuyên trong năm 2023", None,
     deadline("Thường xuyên trong năm 2023", "recurring", "2023-12-31", recurrence="ongoing")),
    ("Thường xuyên ưu tiên thực hiện trong năm 2023", 2023, deadline(
        "Thường xuyên ưu tiên thực hiện trong năm 2023", "recurring", "2023-12-31", recurrence="ongoing")),
    ("Nhiệm vụ thường xuyên trong năm 2023", 2023, deadline(
        "Nhiệm vụ thường xuyên trong năm 2023", "recurring", "2023-12-31", recurrence="ongoing")),
    ("Nhiệm vụ thường xuyên trong năm, nhất là mùa mưa bão", 2023, deadline(
        "Nhiệm vụ thường xuyên trong năm, nhất là mùa mưa bão", "recurring", "2023-12-31", recurrence="ongoing")),
    ("Nhiệm vụ thường xuyên trong năm, nhất là mùa mưa bão", None, deadline(
        "Nhiệm vụ thường xuyên trong năm, nhất là mùa mưa bão", "recurring", recurrence="ongoing")),
    ("Hằng tháng", 2023, deadline("Hằng tháng", "recurring", recurrence="monthly")),
    ("Hàng tháng", None, deadline("Hàng tháng", "recurring", recurrence="monthly")),
    ("Định kỳ hằng tháng", 2023, deadline("Định kỳ hằng tháng", "recurring", recurrence="monthly")),
    ("Hằng tháng trong năm 2023", None,
     deadline("Hằng tháng trong năm 2023", "recurring", "2023-12-31", recurrence="monthly")),
    ("Trước ngày 20 hằng tháng", 2023, deadline("Trước ngày 20 hằng tháng", "recurring", recurrence="monthly")),
    ("Hằng quý", 2023, deadline("Hằng quý", "recurring", recurrence="quarterly")),
    ("Hàng quý", 2023, deadline("Hàng quý", "recurring", recurrence="quarterly")),
    ("Năm 2023 và các năm tiếp theo", 2023, deadline(
        "Năm 2023 và các năm tiếp theo", "recurring", "2023-12-31", start="2023-01-01", recurrence="ongoing")),
    ("Năm 2023 và những năm tiếp theo", None, deadline(
        "Năm 2023 và những năm tiếp theo", "recurring", "2023-12-31", start="2023-01-01", recurrence="ongoing")),
    ("Theo chỉ đạo của thành phố", 2023, deadline("Theo chỉ đạo của thành phố", "external")),
    ("Theo chỉ đạo của thành phố", None, deadline("Theo chỉ đạo của thành phố", "external")),
    ("Theo lộ trình KH 150/KH-UBND ngày 17/5/2022", 2023,
     deadline("Theo lộ trình KH 150/KH-UBND ngày 17/5/2022", "external")),
    ("Theo lộ trình KH 150/KH-UBND ngày 17/5/2022", None,
     deadline("Theo lộ trình KH 150/KH-UBND ngày 17/5/2022", "external")),
    ("Đảm bảo theo yêu cầu, tiến độ cấp trên giao", 2023,
     deadline("Đảm bảo theo yêu cầu, tiến độ cấp trên giao", "external")),
    ("Theo kế hoạch của tỉnh", 2023, deadline("Theo kế hoạch của tỉnh", "external")),
    ("Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình.", 2023,
     deadline("Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình.", "date", "2023-12-31")),
    ("Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình.", None,
     deadline("Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình.", "date", "2023-12-31")),
    # Folded matching: no accents, upper case.
    ("NĂM 2023", None, deadline("NĂM 2023", "date", "2023-12-31")),
    ("nam 2023", None, deadline("nam 2023", "date", "2023-12-31")),
    ("Quy 1/2023", None, deadline("Quy 1/2023", "date", "2023-03-31")),
    ("TRƯỚC THÁNG 5/2023", None, deadline("TRƯỚC THÁNG 5/2023", "date", "2023-04-30")),
    ("thuong xuyen", None, deadline("thuong xuyen", "recurring", recurrence="ongoing")),
    ("THEO CHỈ ĐẠO CỦA THÀNH PHỐ", None, deadline("THEO CHỈ ĐẠO CỦA THÀNH PHỐ", "external")),
    # Impossible or unreadable dates are never guessed.
    ("Trước ngày 31/2/2023", 2023, unknown("Trước ngày 31/2/2023")),
    ("Ngày 29/2/2023", 2023, unknown("Ngày 29/2/2023")),
    ("Tháng 13/2023", 2023, unknown("Tháng 13/2023")),
    ("Quý 5/2023", 2023, unknown("Quý 5/2023")),
    ("Năm 2025-2023", 2023, unknown("Năm 2025-2023")),
    ("Tháng 6/25", 2023, unknown("Tháng 6/25")),
    ("Đầu tháng 7/2023", 2023, unknown("Đầu tháng 7/2023")),
    ("Sớm nhất có thể", 2023, unknown("Sớm nhất có thể")),
    ("Từ tháng 3/2023", 2023, unknown("Từ tháng 3/2023")),
    ("Trước tháng 1/0001", None, unknown("Trước tháng 1/0001")),
    # Rules chosen where the brief was silent.
    ("Quý 1-3/2023", None, deadline("Quý 1-3/2023", "range", "2023-09-30", start="2023-01-01")),
    ("Từ năm 2023 trở đi", None,
     deadline("Từ năm 2023 trở đi", "recurring", "2023-12-31", start="2023-01-01", recurrence="ongoing")),
    ("Nửa đầu năm 2024", None, deadline("Nửa đầu năm 2024", "range", "2024-06-30", start="2024-01-01")),
    ("Trong năm", 2023, deadline("Trong năm", "date", "2023-12-31")),
    ("Trước quý 3/2023", None, deadline("Trước quý 3/2023", "date", "2023-06-30")),
    ("Tháng 6 năm 2025", None, deadline("Tháng 6 năm 2025", "date", "2025-06-30")),
    ("Theo kế hoạch, hoàn thành trước ngày 30/6/2023", None,
     deadline("Theo kế hoạch, hoàn thành trước ngày 30/6/2023", "date", "2023-06-30")),
    ("", 2023, unknown("")),
]


@pytest.mark.parametrize(("text", "plan_year", "expected"), EXAMPLES)
def test_examples(text, plan_year, expected):
    assert parse_deadline(text, plan_year) == expected


def test_per_solution_deadlines():
    text = "Giải pháp 1: Quý 1/2023; Giải pháp ⁽²⁾ , (3): Năm 2023"
    year_2023 = deadline("Năm 2023", "date", "2023-12-31")
    expected = deadline(text, "milestones", "2023-12-31", milestones=["2023-03-31", "2023-12-31"], by_solution={
        "(1)": deadline("Quý 1/2023", "date", "2023-03-31"), "(2)": year_2023, "(3)": year_2023})
    assert parse_deadline(text, 2023) == expected
    assert parse_deadline(text, None) == expected


def test_solution_keys_are_normalised():
    parsed = parse_deadline("Giải pháp ¹: Tháng 6/2023; giai phap 2-3: Quý III/2023", 2023)
    assert sorted(parsed["by_solution"]) == ["(1)", "(2)", "(3)"]
    assert parsed["by_solution"]["(3)"]["due"] == "2023-09-30"
    assert parsed["milestones"] == ["2023-06-30", "2023-09-30"]
    assert parsed["due"] == "2023-09-30"


def test_unreadable_solution_makes_the_whole_unknown():
    parsed = parse_deadline("Giải pháp 1: Quý 1/2023; Giải pháp 2: khi nào xong", 2023)
    assert (parsed["kind"], parsed["due"], parsed["milestones"]) == ("unknown", None, [])
    assert parsed["by_solution"]["(2)"]["kind"] == "unknown"


def test_text_is_kept_as_printed_in_nfc_with_white_space_squashed():
    printed = unicodedata.normalize("NFD", "  Trước\u00a0tháng 5/2023 \n")
    parsed = parse_deadline(printed, None)
    assert parsed["text"] == "Trước tháng 5/2023"
    assert parsed["due"] == "2023-04-30"


def test_document_dates_are_not_deadlines():
    parsed = parse_deadline("Theo Quyết định số 827/QĐ-TTg ngày 12/6/2020 của Thủ tướng", 2023)
    assert (parsed["kind"], parsed["due"]) == ("external", None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Trước tháng 5/2023", "Hạn chót: ngày 30 tháng 4 năm 2023"),
    ("Hằng tháng", "Thường xuyên (hằng tháng)"),
    ("Thường xuyên", "Thường xuyên"),
    ("Theo chỉ đạo của thành phố", "Theo văn bản/cơ quan khác"),
    ("Cuối tháng 7 và tháng 10/2023", "Các mốc: ngày 31 tháng 7 năm 2023; ngày 31 tháng 10 năm 2023"),
    ("Năm 2023-2025", "Từ ngày 01 tháng 01 năm 2023 đến ngày 31 tháng 12 năm 2025"),
    ("Đến hết năm 2023", "Đến hết ngày 31 tháng 12 năm 2023"),
    ("Hằng tháng trong năm 2023", "Thường xuyên (hằng tháng), đến ngày 31 tháng 12 năm 2023"),
    ("Không rõ", "Không hiểu được thời hạn"),
])
def test_describe(text, expected):
    assert describe_deadline(parse_deadline(text, 2023)) == expected


def sample_deadline_cells():
    """The THỜI GIAN HOÀN THÀNH cells of the sample's task table.

    One row is shifted two cells left, so when the 7th cell is empty the 6th one holds it.
    """
    cells = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if len(columns) != 7 or columns[0] == "TT":
            continue
        cell = columns[6].strip() or columns[5].strip()
        if cell:
            cells.append(cell)
    return cells


def test_every_sample_deadline_is_understood():
    cells = sample_deadline_cells()
    assert len(cells) > 60
    not_understood = [cell for cell in cells if parse_deadline(cell, 2023)["kind"] == "unknown"]
    assert not_understood == []


@pytest.mark.parametrize(("text", "kind"), [
    ("Đảm bảo theo yêu cầu, tiến độ cấp trên giao", "external"),
    ("Năm 2023", "date"),
    ("Theo chỉ đạo của thành phố", "external"),
    ("Trước tháng 5/2023", "date"),
    ("Năm 2023-2025", "range"),
    ("Từ nay đến hết năm 2023", "range"),
    ("Cuối tháng 7 và tháng 10/2023", "milestones"),
    ("Thường xuyên ưu tiên thực hiện trong năm 2023", "recurring"),
    ("Thường xuyên trong năm 2023", "recurring"),
    ("Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình.", "date"),
    ("Thường xuyên", "recurring"),
    ("Nhiệm vụ thường xuyên trong năm 2023", "recurring"),
    ("Giải pháp 1: Quý 1/2023; Giải pháp ⁽²⁾ , (3): Năm 2023", "milestones"),
    ("Năm 2023 và các năm tiếp theo", "recurring"),
    ("Năm 2023 và những năm tiếp theo", "recurring"),
    ("Nhiệm vụ thường xuyên trong năm, nhất là mùa mưa bão", "recurring"),
    ("Theo lộ trình KH 150/KH-UBND ngày 17/5/2022", "external"),
])
def test_distinct_sample_deadlines(text, kind):
    assert text in sample_deadline_cells()
    assert parse_deadline(text, 2023)["kind"] == kind


years = st.integers(min_value=2000, max_value=2100)
months = st.integers(min_value=1, max_value=12)
quarters = st.integers(min_value=1, max_value=4)


@given(years, months, st.sampled_from(["Tháng", "tháng", "THÁNG", "thang"]))
def test_month_gives_its_last_day(year, month, word):
    parsed = parse_deadline(f"{word} {month}/{year}", None)
    assert (parsed["kind"], parsed["due"]) == ("date", last_day_of_month(year, month))


@given(years, quarters, st.booleans())
def test_quarter_gives_its_last_day(year, quarter, roman):
    numeral = ROMAN[quarter] if roman else str(quarter)
    parsed = parse_deadline(f"Quý {numeral}/{year}", None)
    assert (parsed["kind"], parsed["due"]) == ("date", last_day_of_month(year, 3 * quarter))


@given(years, quarters)
def test_quarter_year_may_come_from_the_plan(year, quarter):
    assert parse_deadline(f"Quý {quarter}", year)["due"] == last_day_of_month(year, 3 * quarter)


@given(years, months)
def test_before_a_month_is_the_day_before_its_first(year, month):
    parsed = parse_deadline(f"Trước tháng {month}/{year}", None)
    assert (parsed["kind"], parsed["due"]) == ("date", (date(year, month, 1) - timedelta(days=1)).isoformat())


@given(years, months, st.integers(min_value=1, max_value=31))
def test_before_a_day_is_that_day_or_unknown(year, month, day):
    parsed = parse_deadline(f"Trước ngày {day}/{month}/{year}", None)
    try:
        expected = ("date", date(year, month, day).isoformat())
    except ValueError:
        expected = ("unknown", None)
    assert (parsed["kind"], parsed["due"]) == expected


def check_invariants(parsed):
    assert set(parsed) == FIELDS
    assert parsed["kind"] in KINDS
    for field in ("due", "start"):
        assert parsed[field] is None or date.fromisoformat(parsed[field]).isoformat() == parsed[field]
    if parsed["kind"] == "milestones":
        assert parsed["milestones"] and parsed["milestones"] == sorted(parsed["milestones"])
        assert parsed["due"] == parsed["milestones"][-1]
    else:
        assert parsed["milestones"] == []
    if parsed["kind"] in ("unknown", "external"):
        assert parsed["due"] is None


@settings(max_examples=300)
@given(st.text(), st.one_of(st.none(), st.integers()))
def test_never_raises_on_arbitrary_text(text, plan_year):
    parsed = parse_deadline(text, plan_year)
    check_invariants(parsed)
    assert isinstance(describe_deadline(parsed), str)


words = st.sampled_from([
    "năm ", "tháng ", "Quý ", "ngày ", "trước ", "đến hết ", "từ ", "và ", ", ", "; ", "/", "-", "Giải pháp ",
    "(2)", "⁽³⁾", ": ", "thường xuyên ", "hằng tháng ", "theo ", "KH ", "đầu ", "cuối ", "II", "6 ", "31",
    "2023", "0000", "9999", "các năm tiếp theo ", "cả năm ", "6 tháng đầu năm ",
])


@settings(max_examples=300)
@given(st.lists(words, max_size=10).map("".join), st.one_of(st.none(), st.integers(-10, 10010)))
def test_never_raises_on_deadline_like_text(text, plan_year):
    parsed = parse_deadline(text, plan_year)
    check_invariants(parsed)
    for part in (parsed["by_solution"] or {}).values():
        check_invariants(part)
    assert isinstance(describe_deadline(parsed), str)


values = st.one_of(st.none(), st.text(), st.integers(), st.booleans(), st.lists(st.text()),
                   st.dates().map(date.isoformat), st.lists(st.dates().map(date.isoformat)))


@given(st.one_of(st.dictionaries(st.sampled_from(sorted(FIELDS)) | st.text(), values), values))
def test_describe_never_raises(anything):
    assert isinstance(describe_deadline(anything), str)


@given(st.sampled_from(sorted(KINDS)), st.dates().map(date.isoformat), st.dates().map(date.isoformat))
def test_describe_dates_are_written_as_decree_30_writes_them(kind, due, start):
    # Decree 30/2020/NĐ-CP, Appendix I: days under 10 and the months 1 and 2 take a leading zero, no other month does.
    text = describe_deadline({"kind": kind, "due": due, "start": start, "milestones": [due]})
    day = date.fromisoformat(due)
    month = ("01", "02")[day.month - 1] if day.month <= 2 else str(day.month)
    if kind in ("date", "milestones", "range"):
        assert f"ngày {day.day:02d} tháng {month} năm {day.year}" in text


# One folded example for each way of writing a time, with the form that must read it.
_FORM_EXAMPLES = {
    "day_words": "ngay 15 thang 3 nam 2023", "head": "6 thang dau nam 2023", "year_span": "giai doan 2021-2025",
    "whole_year": "ca nam 2023", "month_span": "thang 7 - thang 9", "months": "thang 3, 6, 9",
    "quarter_span": "quy i - quy iii", "quarters": "quy hai", "day": "truoc ngay 15/3/2023",
    "bare_month": "truoc 6/2025", "year": "nam 2023", "bare_year": "het 2024", "implicit_year": "trong nam",
}


def test_every_form_of_a_time_is_found_behind_the_quick_start_check():
    import re

    from planparser import deadline_words as words
    plain = re.compile("|".join(f"(?P<form_{name}>{pattern})" for name, pattern in words.TIME_FORMS))
    assert set(_FORM_EXAMPLES) == {name for name, _ in words.TIME_FORMS}
    for name, text in _FORM_EXAMPLES.items():
        found = [(m.span(), m.lastgroup, m.groupdict()) for m in words.TIME_EXPRESSION.finditer(text)]
        assert found == [(m.span(), m.lastgroup, m.groupdict()) for m in plain.finditer(text)]
        assert f"form_{name}" in [lastgroup for _, lastgroup, _ in found], text
