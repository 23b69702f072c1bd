"""Decree 90/2020 (with 48/2023) at its boundaries: just below, at and just above each threshold.

Each expectation is worked out by hand from the article quoted in the comment (see evaluation/rules/decree_90_2020.py
for the citations and their caveat). Issue 11 changed three expectations of the earlier tests on purpose: a share
between 20% and 50% late, an open overdue row and failed conduct are now cases for a leader (no level), not
Completed or Not completed.
"""
import pytest

from evaluation import rules
from evaluation.rules import decree_90_2020 as d90
from evaluation.rules import decree_335_2025 as d335
from evaluation.rules.common import (
    COMPLETED,
    DECIDE,
    EXCELLENT,
    GOOD,
    NOT_CLASSIFIED,
    NOT_COMPLETED,
    Judgement,
    TaskCounts,
)

QUALITY = Judgement(quality_ok=True)
BEST = Judgement(quality_ok=True, exceeding_percent=60)


def test_the_year_chooses_the_rule_set():
    assert rules.for_year(2023) is d90 and rules.for_year(2025) is d90
    assert rules.for_year(2026) is d335


@pytest.mark.parametrize("exceeding, level", [
    (50, EXCELLENT),   # Art. 8: at least 50% exceeding
    (49, GOOD),        # just below 50%: Art. 9
    (None, GOOD),      # not entered: never assumed, stops at Good
])
def test_all_on_time_with_quality_exceeding_decides_excellent(exceeding, level):
    judgement = Judgement(quality_ok=True, exceeding_percent=exceeding)
    assert d90.classify(TaskCounts(on_time=10), judgement).level == level


def test_without_the_quality_judgement_all_on_time_stops_at_completed():
    outcome = d90.classify(TaskCounts(on_time=10))
    assert outcome.level == COMPLETED and any("Chưa có đánh giá chất lượng" in r for r in outcome.reasons)
    assert d90.classify(TaskCounts(on_time=10), Judgement(quality_ok=False)).level == COMPLETED


@pytest.mark.parametrize("on_time, late, level, case", [
    (9, 1, COMPLETED, None),      # 10% done late: within Art. 10 cl. 1's 20%
    (4, 1, COMPLETED, None),      # exactly 20%: "no more than 20%" holds
    (79, 21, None, DECIDE),       # 21%: above Art. 10, not above 50%: the text leaves it to a leader
    (1, 1, None, DECIDE),         # exactly 50%: not MORE than 50% (Art. 11 cl. 1 b), so still a case to decide
    (49, 51, NOT_COMPLETED, None),  # 51%: more than 50%, Art. 11 cl. 1 point b
])
def test_a_civil_servants_share_done_late(on_time, late, level, case):
    outcome = d90.classify(TaskCounts(on_time, late), QUALITY)
    assert (outcome.level, outcome.case) == (level, case)


def test_more_than_half_not_on_schedule_cites_clause_1_point_b_not_c():
    # 1 on time, 1 late, 1 open overdue: 2 of 3 (66.7%) not on schedule.
    reasons = d90.classify(TaskCounts(1, 1, 1), QUALITY).reasons
    assert any("Điều 11 khoản 1 điểm b" in r for r in reasons)
    assert not any("điểm c" in r for r in reasons)
    assert d90.classify(TaskCounts(0, 0, 1)).level == NOT_COMPLETED  # 100% not on schedule


@pytest.mark.parametrize("on_time, overdue, level, case", [
    (9, 1, None, DECIDE),          # 10% overdue: low share, but the row is not done, so not Completed (Art. 10 cl. 1)
    (1, 1, None, DECIDE),          # 50% overdue: Art. 11 needs MORE than 50%
    (1, 2, NOT_COMPLETED, None),   # 66.7%: Art. 11 applies, so it is no longer a case to decide
])
def test_an_open_overdue_row_is_not_done_late(on_time, overdue, level, case):
    outcome = d90.classify(TaskCounts(on_time=on_time, overdue=overdue), BEST)
    assert (outcome.level, outcome.case) == (level, case)


def test_failed_conduct_blocks_completed_and_above_and_a_leader_decides():
    # Art. 3 criteria not met: not one of Art. 11's grounds, so no Not completed from it alone.
    outcome = d90.classify(TaskCounts(on_time=5), Judgement(True, 80, conduct_ok=False))
    assert (outcome.level, outcome.case) == (None, DECIDE)
    assert any("Điều 3" in r for r in outcome.reasons)
    # With 60% late Art. 11 cl. 1 point b already gives Not completed; conduct changes nothing.
    assert d90.classify(TaskCounts(2, 3), Judgement(True, conduct_ok=False)).level == NOT_COMPLETED


@pytest.mark.parametrize("judgement, leader, citation", [
    (Judgement(True, 80, degraded=True), False, "Điều 11 khoản 1 điểm a"),
    (Judgement(True, 80, discipline="khien_trach"), False, "Điều 11 khoản 1 điểm c"),
    (Judgement(True, 80, degraded=True), True, "Điều 11 khoản 2 điểm a"),
    (Judgement(True, 80, corruption_in_body=True), True, "Điều 11 khoản 2 điểm c"),
    (Judgement(True, 80, discipline="canh_cao"), True, "Điều 11 khoản 2 điểm d"),
])
def test_not_completed_from_its_own_inputs_whatever_the_rows(judgement, leader, citation):
    # Every row on time, with quality and 80% exceeding: Excellent by the rows, Not completed by Art. 11.
    outcome = d90.classify(TaskCounts(on_time=10), judgement, [] if leader else None)
    assert outcome.level == NOT_COMPLETED and any(citation in r for r in outcome.reasons)


def test_corruption_in_the_body_only_counts_for_a_leader():
    assert d90.classify(TaskCounts(on_time=10), Judgement(True, 80, corruption_in_body=True)).level == EXCELLENT


@pytest.mark.parametrize("on_time, late, overdue, level, case", [
    (49, 0, 51, NOT_COMPLETED, None),  # 49% done: under 50%, Art. 11 cl. 2 point b
    (1, 0, 1, None, DECIDE),           # exactly 50% done: not under 50%
    (7, 0, 3, None, DECIDE),           # exactly 70% done: Art. 10 cl. 2 needs MORE than 70%
    (71, 0, 29, COMPLETED, None),      # 71% done: Art. 10 cl. 2
    (79, 21, 0, COMPLETED, None),      # all done, 79% on time: below Art. 9 cl. 2's 80%, Completed
    (8, 2, 0, GOOD, None),             # all done, exactly 80% on time with quality: Art. 9 cl. 2
])
def test_a_leader_is_judged_on_the_field_they_direct(on_time, late, overdue, level, case):
    outcome = d90.classify(TaskCounts(on_time, late, overdue), QUALITY, unit_levels=[])
    assert (outcome.level, outcome.case) == (level, case)


def test_a_leader_gets_excellent_with_half_exceeding_and_not_the_civil_servant_100_percent_rule():
    # 8 on time, 2 late: a civil servant would be Completed (20% late); a leader is Excellent (Art. 8 cl. 2).
    assert d90.classify(TaskCounts(8, 2), BEST, unit_levels=[]).level == EXCELLENT
    assert d90.classify(TaskCounts(8, 2), BEST).level == COMPLETED
    assert "Điều 11 khoản 2 điểm b" in " ".join(d90.classify(TaskCounts(0, 0, 3), unit_levels=[]).reasons)


def test_a_leaders_good_needs_the_quality_judgement():
    outcome = d90.classify(TaskCounts(on_time=10), Judgement(), unit_levels=[])
    assert outcome.level == COMPLETED and any("Chưa có đánh giá chất lượng" in r for r in outcome.reasons)


@pytest.mark.parametrize("units, level, case", [
    ([GOOD] * 7 + [COMPLETED] * 3, EXCELLENT, None),      # 100% completed, exactly 70% good (Art. 8 cl. 2)
    ([GOOD] * 6 + [COMPLETED] * 4, COMPLETED, None),      # 60% good: not Good; 100% ≥ Completed (Art. 10 cl. 2)
    ([COMPLETED] * 7 + [NOT_COMPLETED] * 3, COMPLETED, None),  # exactly 70% at Completed or better
    ([COMPLETED] * 6 + [NOT_COMPLETED] * 4, None, DECIDE),     # 60%: not Completed, and not an Art. 11 ground
    ([GOOD] * 9 + [None], COMPLETED, None),               # one unit not rated: 100% unproven; 90% ≥ 70% proven
    ([None, None], None, DECIDE),                         # nothing proven about the units
])
def test_a_leaders_units(units, level, case):
    outcome = d90.classify(TaskCounts(on_time=4), BEST, unit_levels=units)
    assert (outcome.level, outcome.case) == (level, case)


@pytest.mark.parametrize("worked, level, case", [
    (5.9, None, NOT_CLASSIFIED),  # under 6 months worked: not classified (Art. 2 as amended by Decree 48/2023)
    (6, EXCELLENT, None),         # exactly 6: classified
    (12, EXCELLENT, None),
])
def test_months_worked(worked, level, case):
    outcome = d90.classify(TaskCounts(on_time=4), Judgement(True, 60, months_worked=worked))
    assert (outcome.level, outcome.case) == (level, case)


@pytest.mark.parametrize("off, level", [
    (2.9, EXCELLENT),   # under 3 months off: no cap
    (3, COMPLETED),     # 3 months: not above Completed
    (5.9, COMPLETED),   # just under 6
    (6, EXCELLENT),     # 6 is outside "3 to under 6"; the months-worked input governs that case
])
def test_months_off(off, level):
    assert d90.classify(TaskCounts(on_time=4), Judgement(True, 60, months_off=off)).level == level


def test_months_off_never_raises_a_level_and_no_rows_is_a_case_to_decide():
    assert d90.classify(TaskCounts(0, 0, 1), Judgement(months_off=4)).level == NOT_COMPLETED
    outcome = d90.classify(TaskCounts())
    assert (outcome.level, outcome.case) == (None, DECIDE)
