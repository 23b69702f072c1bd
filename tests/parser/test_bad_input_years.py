"""Years typed wrong in a plan: never cut to four digits, never taken from the body, never a date no one means.

A year outside 1976-2100 in the title, the issue date or a deadline would reach the app as a year it cannot
compute with (year 1: the reporting period before it is in year 0) or as a plan nobody made.
"""
import pytest

from planparser.deadlines import parse_deadline
from planparser.plan import parse_document
from tests.conftest import SAMPLE

TITLE = "Phát triển kinh tế - xã hội năm 2023**"


def sample_with(old: str, new: str) -> dict:
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    return parse_document(text.replace(old, new, 1).encode("utf-8"), "ke-hoach-2023.txt")


@pytest.mark.parametrize("typed", ["20233", "223", "0000", "2203", "1"])
def test_a_mistyped_plan_year_is_reported_and_left_for_a_person(typed):
    plan = sample_with(TITLE, f"Phát triển kinh tế - xã hội năm {typed}**")
    # The body under the title says "Năm 2023 là năm …": the title must not run into it to find a year.
    assert plan["title"] == f"Kế hoạch Phát triển kinh tế - xã hội năm {typed}"
    assert plan["year"] is None
    [problem] = [a for a in plan["anomalies"] if a["kind"] == "header"]
    assert problem["where"] == "Phần đầu văn bản"
    assert problem["message"].startswith(f"Năm kế hoạch «{typed}» trong tên văn bản")
    assert "từ 1976 đến 2100" in problem["message"]


def test_an_issue_date_in_a_year_no_plan_has_is_not_a_date():
    plan = sample_with("ngày 30 tháng 12 năm 2022", "ngày 30 tháng 12 năm 0022")
    assert plan["issued_on"] is None
    assert any("«ngày 30 tháng 12 năm 0022» không có thật" in a["message"] for a in plan["anomalies"])
    assert plan["year"] == 2023


@pytest.mark.parametrize("text", ["Năm 9999", "Quý 1/9999", "Trước ngày 31/12/9999", "Năm 2023-9999", "Năm 1900",
                                  "6 tháng đầu năm 9999"])
def test_a_deadline_in_a_year_no_plan_means_is_unknown_not_a_date(text):
    deadline = parse_deadline(text, 2023)
    assert (deadline["kind"], deadline["due"], deadline["milestones"]) == ("unknown", None, [])
    assert deadline["text"] == text


@pytest.mark.parametrize("text, due", [("Năm 2100", "2100-12-31"), ("Năm 2023 - 2025", "2025-12-31"),
                                       ("Quý 1/2024", "2024-03-31")])
def test_deadlines_in_plausible_years_still_read(text, due):
    assert parse_deadline(text, 2023)["due"] == due


def test_a_mistyped_deadline_year_in_the_table_is_a_deadline_anomaly():
    plan = sample_with("\tTrước tháng 5/2023", "\tTrước tháng 5/9999")
    problems = [a for a in plan["anomalies"] if a["kind"] == "deadline" and "Trước tháng 5/9999" in a["message"]]
    assert len(problems) == 1 and "cần người xác định ngày hạn" in problems[0]["message"]
