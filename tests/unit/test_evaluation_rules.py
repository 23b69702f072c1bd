"""Both rule sets at their boundaries, with hand-computed expectations (see the modules' docstrings)."""
import pytest

from evaluation import rules
from evaluation.rules import decree_90_2020 as d90
from evaluation.rules import decree_335_2025 as d335
from evaluation.rules.common import COMPLETED, EXCELLENT, GOOD, NOT_COMPLETED, Judgement, TaskCounts

QUALITY = Judgement(quality_ok=True)


def test_the_year_chooses_the_rule_set():
    assert rules.for_year(2023) is d90 and rules.for_year(2025) is d90
    assert rules.for_year(2026) is d335


@pytest.mark.parametrize("exceeding, level", [(50, EXCELLENT), (49, GOOD), (None, GOOD)])
def test_90_all_on_time_with_quality_exceeding_decides_excellent(exceeding, level):
    judgement = Judgement(quality_ok=True, exceeding_percent=exceeding)
    assert d90.classify(TaskCounts(on_time=10), judgement).level == level


def test_90_without_the_leaders_quality_judgement_stops_at_completed():
    outcome = d90.classify(TaskCounts(on_time=10))
    assert outcome.level == COMPLETED and any("Chưa có đánh giá chất lượng" in r for r in outcome.reasons)
    assert d90.classify(TaskCounts(on_time=10), Judgement(quality_ok=False)).level == COMPLETED


@pytest.mark.parametrize("on_time, late, overdue, level", [
    (9, 1, 0, COMPLETED),       # 10% not on schedule: within Art. 10's 20%
    (4, 1, 0, COMPLETED),       # exactly 20%
    (1, 1, 0, COMPLETED),       # exactly 50%: not MORE than 50%, still completed (flagged)
    (1, 1, 1, NOT_COMPLETED),   # 66.7%
    (49, 50, 1, NOT_COMPLETED), # 51%
    (0, 0, 1, NOT_COMPLETED),
])
def test_90_the_completed_and_not_completed_line(on_time, late, overdue, level):
    assert d90.classify(TaskCounts(on_time, late, overdue), QUALITY).level == level


def test_90_the_gap_between_20_and_50_percent_is_flagged_for_a_leader():
    reasons = d90.classify(TaskCounts(on_time=2, late=1), QUALITY).reasons
    assert any("lãnh đạo cần xem xét" in r for r in reasons)
    assert not any("lãnh đạo cần xem xét" in r for r in d90.classify(TaskCounts(4, 1), QUALITY).reasons)


def test_90_conduct_not_met_and_no_judged_rows():
    assert d90.classify(TaskCounts(on_time=5), Judgement(True, 80, conduct_ok=False)).level == NOT_COMPLETED
    assert d90.classify(TaskCounts()).level is None


@pytest.mark.parametrize("units, level", [
    ([GOOD] * 7 + [COMPLETED] * 3, EXCELLENT),        # 100% completed, 70% good: no cap
    ([GOOD] * 6 + [COMPLETED] * 4, COMPLETED),        # 60% good: cannot be excellent or good
    ([COMPLETED] * 7 + [NOT_COMPLETED] * 3, COMPLETED),  # 70% completed or better
    ([COMPLETED] * 6 + [NOT_COMPLETED] * 4, NOT_COMPLETED),
    ([None, None], EXCELLENT),                        # units without a level are left out
])
def test_90_a_managers_level_is_capped_by_the_units_directed(units, level):
    judgement = Judgement(quality_ok=True, exceeding_percent=60)
    assert d90.classify(TaskCounts(on_time=4), judgement, unit_levels=units).level == level


@pytest.mark.parametrize("module", [d90, d335])
def test_the_excellent_cap_is_20_percent_of_those_rated_good_or_better(module):
    ok = module.excellent_cap([EXCELLENT] * 2 + [GOOD] * 8 + [COMPLETED] * 5)
    assert (ok.rated_good_or_better, ok.excellent, ok.allowed, ok.exceeded) == (10, 2, 2, False)
    over = module.excellent_cap([EXCELLENT] * 3 + [GOOD] * 7)
    assert (over.allowed, over.exceeded) == (2, True)
    small = module.excellent_cap([EXCELLENT, GOOD, GOOD, GOOD])
    assert (small.allowed, small.exceeded) == (0, True)
    assert module.excellent_cap([EXCELLENT] + [GOOD] * 4).allowed == 1


@pytest.mark.parametrize("days, count", [(0, 0), (1, 1), (30, 1), (31, 2), (60, 2), (61, 3), (90, 3), (91, 4),
                                         (500, 4)])
def test_335_one_delay_per_started_month(days, count):
    assert d335.delays(days) == count


def test_335_task_points_by_hand():
    # 4 items: 17.5 each, 8.75 progress + 8.75 result. Late 10 days: −25% of 8.75; overdue 40 days: −50%, no result.
    counts = TaskCounts(on_time=2, late=1, overdue=1, delays=(10, 40))
    assert d335.task_points(counts) == pytest.approx(35 - 2.1875 - 4.375 + 8.75 * 3)  # 54.6875
    outcome = d335.classify(counts, Judgement(general_points=30))
    assert outcome.points == pytest.approx(84.6875) and outcome.level == GOOD
    assert d335.task_points(TaskCounts(on_time=3)) == pytest.approx(70)
    assert d335.task_points(TaskCounts(overdue=1, delays=(100,))) == 0


@pytest.mark.parametrize("points, level", [(100, EXCELLENT), (90, EXCELLENT), (89.9, GOOD), (70, GOOD),
                                           (69.9, COMPLETED), (50, COMPLETED), (49.9, NOT_COMPLETED),
                                           (0, NOT_COMPLETED)])
def test_335_level_thresholds(points, level):
    assert d335.level_of(points) == level


@pytest.mark.parametrize("general, level", [(20, EXCELLENT), (19.9, GOOD), (0, GOOD)])
def test_335_general_points_move_a_full_score_across_90(general, level):
    assert d335.classify(TaskCounts(on_time=5), Judgement(general_points=general)).level == level


def test_335_one_on_time_and_one_very_late_row_is_52_5():
    counts = TaskCounts(on_time=1, late=1, delays=(100,))  # 35 + (0 progress + 17.5 result)
    outcome = d335.classify(counts, Judgement(general_points=0))
    assert outcome.points == pytest.approx(52.5) and outcome.level == COMPLETED


def test_335_waits_for_the_general_points_and_caps_them_at_30():
    waiting = d335.classify(TaskCounts(on_time=2))
    assert waiting.level is None and waiting.task_points == pytest.approx(70)
    assert d335.classify(TaskCounts(on_time=2), Judgement(general_points=45)).points == pytest.approx(100)
