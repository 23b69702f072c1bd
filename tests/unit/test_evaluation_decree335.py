"""Decree 335/2025 at its boundaries, every value worked out by hand from the text and the stated weighting
(quantity, quality, progress: one third each of an item's 70 / n points; each fault −25% of its part).

The earlier tests split an item in halves (result, progress); issue 11 item 7 asks for the three criteria, so the
hand computations below replace them.
"""
import pytest

from evaluation.rules import decree_335_2025 as d335
from evaluation.rules.common import COMPLETED, DECIDE, EXCELLENT, GOOD, NOT_COMPLETED, Item, Judgement, TaskCounts

THIRD = 70 / 3  # one criterion of a single item worth 70


@pytest.mark.parametrize("days, count", [(0, 0), (1, 1), (30, 1), (31, 2), (60, 2), (61, 3), (90, 3), (91, 4),
                                         (500, 4)])
def test_one_delay_per_started_month(days, count):
    assert d335.delays(days) == count


def test_task_points_by_hand():
    # 4 items of 17.5, each 3 × 5.8333. On time ×2: 35. Late 10 days (done): 17.5 − 25% of 5.8333 = 16.0417.
    # Overdue 40 days (open): no quantity, no quality, progress 5.8333 − 50% = 2.9167. Total 53.9583.
    counts = TaskCounts(on_time=2, late=1, overdue=1, delays=(10, 40))
    assert d335.task_points(counts) == pytest.approx(53.958333, abs=1e-4)
    outcome = d335.classify(counts, Judgement(general_points=30))
    assert outcome.points == pytest.approx(83.958333, abs=1e-4) and outcome.level == GOOD
    assert d335.task_points(TaskCounts(on_time=3)) == pytest.approx(70)
    assert d335.task_points(TaskCounts(overdue=1, delays=(100,))) == 0  # open, four delays: nothing left


@pytest.mark.parametrize("not_met, points", [
    (0, 70),                  # no "not met": full
    (1, 70 - THIRD * 0.25),   # 64.1667: one judgement costs 25% of the quality third
    (4, 70 - THIRD),          # 46.6667: the quality third is gone
    (5, 70 - THIRD),          # a fifth finds nothing left to deduct
])
def test_each_quality_not_met_costs_a_quarter_of_the_quality_points(not_met, points):
    counts = TaskCounts(on_time=1, items=(Item(True, 0, quality_not_met=not_met),))
    assert d335.task_points(counts) == pytest.approx(points)


@pytest.mark.parametrize("excused, points", [
    (False, 70 - THIRD * 0.25),  # 10 days late: one delay, −25% of the progress third
    (True, 70),                  # a recorded objective cause: no deduction
])
def test_an_objective_cause_removes_the_delay(excused, points):
    counts = TaskCounts(late=1, delays=(10,), items=(Item(True, 10, excused=excused),))
    assert d335.task_points(counts) == pytest.approx(points)


def test_one_on_time_and_one_very_late_row():
    # 35 + (11.6667 quantity + 11.6667 quality + 0 progress) = 58.3333 → Completed (50 to under 70).
    counts = TaskCounts(on_time=1, late=1, delays=(100,))
    outcome = d335.classify(counts, Judgement(general_points=0))
    assert outcome.points == pytest.approx(58.333333, abs=1e-4) and outcome.level == COMPLETED


@pytest.mark.parametrize("points, level", [(100, EXCELLENT), (90, EXCELLENT), (89.9, GOOD), (70, GOOD),
                                           (69.9, COMPLETED), (50, COMPLETED), (49.9, NOT_COMPLETED),
                                           (0, NOT_COMPLETED)])
def test_level_thresholds(points, level):
    assert d335.level_of(points) == level


@pytest.mark.parametrize("general, level", [(20, EXCELLENT), (19.9, GOOD), (0, GOOD)])
def test_general_points_move_a_full_score_across_90(general, level):
    assert d335.classify(TaskCounts(on_time=5), Judgement(general_points=general)).level == level


def test_waits_for_the_general_points_and_caps_them_at_30():
    waiting = d335.classify(TaskCounts(on_time=2))
    assert waiting.level is None and waiting.task_points == pytest.approx(70)
    assert d335.classify(TaskCounts(on_time=2), Judgement(general_points=45)).points == pytest.approx(100)
    assert d335.classify(TaskCounts()).case == DECIDE


@pytest.mark.parametrize("judgement, leader", [
    (Judgement(general_points=30, degraded=True), False),
    (Judgement(general_points=30, discipline="khien_trach"), False),  # reprimand, the lightest form, is enough
    (Judgement(general_points=30, discipline="buoc_thoi_viec"), False),
    (Judgement(general_points=30, corruption_in_body=True), True),
])
def test_not_completed_whatever_the_points(judgement, leader):
    # 100 points by the rows and general criteria, Not completed by clause 4 points b–d.
    outcome = d335.classify(TaskCounts(on_time=3), judgement, [COMPLETED] if leader else None)
    assert outcome.level == NOT_COMPLETED


def test_corruption_in_the_body_does_not_touch_a_civil_servant_without_a_body():
    assert d335.classify(TaskCounts(on_time=3), Judgement(general_points=30, corruption_in_body=True)).level \
        == EXCELLENT


@pytest.mark.parametrize("units, capacity, tasks", [
    ([COMPLETED, GOOD], 100, 70),                       # 23.33 field + 23.33 body + 23.33 capacity
    ([COMPLETED, NOT_COMPLETED], 100, 70 - THIRD / 2),  # any Not completed halves the body: 58.33
    ([COMPLETED, GOOD], 0, 70 - THIRD),                 # no organising capacity: 46.67
])
def test_a_leader_adds_the_body_and_organising_capacity(units, capacity, tasks):
    outcome = d335.classify(TaskCounts(on_time=4), Judgement(general_points=0, capacity_percent=capacity), units)
    assert outcome.task_points == pytest.approx(tasks)


@pytest.mark.parametrize("capacity, level", [
    (21, COMPLETED),  # 30 + 23.33 + 11.67 + 23.33 × 21% = 69.90: just under 70
    (22, GOOD),       # 30 + 23.33 + 11.67 + 23.33 × 22% = 70.13
])
def test_a_leader_with_a_halved_body_across_70(capacity, level):
    judgement = Judgement(general_points=30, capacity_percent=capacity)
    assert d335.classify(TaskCounts(on_time=4), judgement, [GOOD, NOT_COMPLETED]).level == level


def test_a_leader_waits_for_every_unit_and_for_the_capacity():
    full = Judgement(general_points=30, capacity_percent=100)
    assert d335.classify(TaskCounts(on_time=4), full, [GOOD, None]).level is None
    waiting = d335.classify(TaskCounts(on_time=4), Judgement(general_points=30), [GOOD])
    assert waiting.level is None and any("năng lực tổ chức" in r for r in waiting.reasons)
    # A Not completed unit already settles the body (halved) while another is unrated.
    assert d335.body_factor([NOT_COMPLETED, None]) == 0.5
