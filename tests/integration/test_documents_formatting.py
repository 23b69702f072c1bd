"""Issue 11, items 14-16: the one date and number formatter, and cutting task names, at their boundaries.

Every expected value is read off the rule, not the code: Decree 30/2020/NĐ-CP, Appendix I, puts a zero before
days under 10 and before the months 1 and 2 only; vi-VN groups thousands with a dot and decimals with a comma.
"""
from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

from reports.rules import status as st
from theodoi import formatting as fmt
from theodoi.templatetags import vi


@pytest.mark.parametrize("day, expected", [
    (date(2023, 5, 9), "ngày 09 tháng 5 năm 2023"),    # day 9: just under 10, zero
    (date(2023, 5, 10), "ngày 10 tháng 5 năm 2023"),   # day 10: at the threshold, no zero to add
    (date(2023, 5, 25), "ngày 25 tháng 5 năm 2023"),   # the issue's own example
    (date(2023, 1, 5), "ngày 05 tháng 01 năm 2023"),   # month 1: zero
    (date(2023, 2, 5), "ngày 05 tháng 02 năm 2023"),   # month 2, the last month with a zero
    (date(2023, 3, 5), "ngày 05 tháng 3 năm 2023"),    # month 3, just above: no zero
    (date(2023, 9, 30), "ngày 30 tháng 9 năm 2023"),
    (date(2023, 12, 14), "ngày 14 tháng 12 năm 2023"),
])
def test_long_date_after_decree_30(day, expected):
    assert fmt.long_date(day) == expected
    assert vi.vi_date(day) == expected  # pages use the same formatter
    assert fmt.long_date(day.isoformat()) == expected


def test_an_aware_datetime_is_read_in_vietnam_time():
    # 17:30 UTC on 31 January is 00:30 on 1 February in Asia/Ho_Chi_Minh (UTC+7).
    assert fmt.long_date(datetime(2023, 1, 31, 17, 30, tzinfo=UTC)) == "ngày 01 tháng 02 năm 2023"


def test_place_and_short_date():
    assert fmt.place_and_date("Hưng Đông", date(2023, 5, 25)) == "Hưng Đông, ngày 25 tháng 5 năm 2023"
    assert fmt.short_date(date(2023, 4, 30)) == "30/04/2023" and fmt.long_date(None) == ""


@pytest.mark.parametrize("value, expected", [
    (999, "999"),                        # just under a thousand: no dot
    (1000, "1.000"),                     # at a thousand
    (1341, "1.341"),                     # the "1.341 ngày"
    (46341000000, "46.341.000.000"),     # the sample's budget revenue in đồng
    ("10.8", "10,8"), (0.12, "0,12"),
])
def test_vi_numbers(value, expected):
    assert fmt.number(value) == expected
    assert vi.vi_number(value) == expected


def test_day_counts_carry_the_thousands_dot():
    assert fmt.days(999) == "999 ngày" and fmt.days(1341) == "1.341 ngày"


TITLE = "Xây dựng Báo cáo nửa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Đảng bộ xã"  # I.1.3 of the sample


def test_a_name_within_the_limit_is_kept_whole():
    assert fmt.shorten(TITLE, len(TITLE)) == TITLE  # at the limit: untouched, no "…"


@pytest.mark.parametrize("limit", range(20, len(TITLE)))
def test_a_name_is_cut_at_a_word_never_inside_one(limit):
    cut = fmt.shorten(TITLE, limit)
    assert cut.endswith("…") and len(cut) <= limit
    kept = cut[:-1].split()
    assert kept == TITLE.split()[:len(kept)]  # whole words of the title, in order


def test_one_word_past_the_limit():
    # "Xây dựng Báo cáo" is 16 characters; a limit of 17 leaves no room for " nửa" and the mark.
    assert fmt.shorten(TITLE, 17) == "Xây dựng Báo cáo…"


def test_rows_of_one_task_are_told_apart():
    # I.5.2 of the sample: (1) Công chức Đô thị, (2) Công chức Tư pháp, (3) Công chức Kế toán.
    assert fmt.row_tag(["(1)"], "Công chức Đô thị") == "giải pháp (1); chủ trì: Công chức Đô thị"
    assert fmt.row_tag(["(1)", "(2)"], "Văn phòng-TK") == "giải pháp (1), (2); chủ trì: Văn phòng-TK"
    assert fmt.row_tag([None], "") == "chủ trì: chưa rõ"


def _milestone_row(missed=None, days=0, code=st.OPEN_OVERDUE):
    assignment = SimpleNamespace(deadline_kind="milestones", milestones=["2023-07-31", "2023-10-31"],
                                 due=date(2023, 10, 31), deadline_text="Cuối tháng 7 và tháng 10/2023")
    status = SimpleNamespace(code=code, days_overdue=days, missed=missed)
    return assignment, status


def test_a_missed_milestone_is_printed_with_its_own_date():
    # I.3.3 of the sample, judged 14/08/2023: the 31/07 milestone is 14 days past; the row's final date is 31/10.
    assignment, status = _milestone_row(days=14)
    assert fmt.due_words(assignment, status, date(2023, 8, 14)) == "mốc 31/07/2023"
    assignment, status = _milestone_row(missed=date(2023, 7, 31), days=14)
    assert fmt.due_words(assignment, status, date(2023, 8, 14)) == "mốc 31/07/2023"


def test_a_milestone_row_still_in_time_shows_its_final_date():
    assignment, status = _milestone_row(days=0, code=st.OPEN_IN_TIME)
    assert fmt.due_words(assignment, status, date(2023, 7, 31)) == "hạn 31/10/2023"
