"""Decree 335/2025/NĐ-CP on evaluating and classifying officials by points (evaluation years from 2026).

100 points: 30 for the general criteria (political quality, ethics, discipline, attitude), entered by a leader,
and 70 for task results, measured monthly or quarterly. Each delay deducts 25% of that item's progress points.
Levels: ≥ 90 Hoàn thành xuất sắc, 70–89 Hoàn thành tốt, 50–69 Hoàn thành, < 50 Không hoàn thành.
Excellent is capped at 20% of those rated good.

How theodoi computes the 70 points from the plan rows (our reading, stated here and nowhere else):
- The items are the judged rows: rows that fell due or were completed in the range (completed on time,
  completed late, open and overdue). Rows still open within their deadline, recurring rows and rows whose
  deadline is set elsewhere are not items; if there is no item, no points are computed and a leader decides.
- Every item gets an equal share: 70 / n points. Half of the share is progress points, half is result points.
- Result points: the whole half when the row is completed (accepted by the office), nothing while it is open.
- Progress points: one delay is each started month (30 days) past the deadline, because the decree measures
  results monthly: 1–30 days late is one delay (−25%), 31–60 two (−50%), 61–90 three (−75%), more is four
  (nothing left). An open overdue row counts its delays up to the end of the range.
- Task points are rounded to one decimal only for display; the level is read from the unrounded total.
- Boundaries: 90 and above is excellent, 70 up to (not including) 90 good, 50 up to 70 completed, below 50 not
  completed, so 89.9 is good and 49.9 not completed.
- Without the 30 general points the level is not proposed: the page shows the task points and waits for them.

The cap: allowed excellent = floor(20% × those whose final level is Good or Excellent) in the same list
(units, or officials, or leaders, each counted apart). "Those rated good" is read as "rated good or better",
so that proposing someone excellent does not shrink the base it is measured against. With 10 at good or better,
2 may be excellent; with 4 or fewer, none. Exceeding it is a warning on the page and the proposal sheet; the
Chairman decides whom to lower.
"""
from math import ceil

from .common import (COMPLETED, EXCELLENT, GOOD, NOT_COMPLETED, RANK, Cap, Judgement, Outcome, TaskCounts,
                     percent)
from .common import excellent_cap as _cap

NAME = "Nghị định 335/2025/NĐ-CP"
SHORT = "NĐ 335/2025"
YEARS = (2026, None)

TOTAL_POINTS = 100
GENERAL_POINTS = 30
TASK_POINTS = 70
PROGRESS_SHARE = 0.5          # half of each item's share is progress points
DELAY_DEDUCTION = 0.25        # each delay deducts 25% of the item's progress points
DAYS_PER_DELAY = 30           # one delay per started month past the deadline
THRESHOLDS = ((90, EXCELLENT), (70, GOOD), (50, COMPLETED), (0, NOT_COMPLETED))
EXCELLENT_CAP_SHARE = 0.20


def delays(days_late: int) -> int:
    return min(ceil(days_late / DAYS_PER_DELAY), int(1 / DELAY_DEDUCTION)) if days_late > 0 else 0


def task_points(counts: TaskCounts) -> float | None:
    """counts.delays lists the days late of each late or overdue row."""
    if counts.judged == 0:
        return None
    share = TASK_POINTS / counts.judged
    progress, result = share * PROGRESS_SHARE, share * (1 - PROGRESS_SHARE)
    done = counts.on_time + counts.late
    lost = sum(progress * DELAY_DEDUCTION * delays(days) for days in counts.delays)
    return progress * counts.judged - lost + result * done


def level_of(points: float) -> str:
    return next(level for floor_, level in THRESHOLDS if points >= floor_)


def classify(counts: TaskCounts, judgement: Judgement = Judgement(), unit_levels=None) -> Outcome:
    """unit_levels is accepted for symmetry with Decree 90; the points already carry the rows a leader directs."""
    tasks = task_points(counts)
    if tasks is None:
        return Outcome(None, ["Chưa có dòng nhiệm vụ nào đến hạn hoặc hoàn thành: lãnh đạo đánh giá trực tiếp."])
    facts = (f"Kết quả nhiệm vụ {_points(tasks)}/{TASK_POINTS} điểm: {counts.on_time}/{counts.judged} dòng đúng hạn "
             f"({percent(counts.on_time_percent)}), {len(counts.delays)} dòng chậm, mỗi lần chậm trừ "
             f"{int(DELAY_DEDUCTION * 100)}% điểm tiến độ của dòng.")
    if judgement.general_points is None:
        return Outcome(None, [facts, f"Chờ lãnh đạo chấm {GENERAL_POINTS} điểm tiêu chí chung."], None, tasks)
    general = max(0.0, min(float(judgement.general_points), GENERAL_POINTS))
    total = general + tasks
    level = level_of(total)
    return Outcome(level, [facts, f"Tiêu chí chung {_points(general)}/{GENERAL_POINTS} (lãnh đạo chấm); "
                                  f"tổng {_points(total)}/{TOTAL_POINTS} điểm."], total, tasks)


def _points(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def excellent_cap(levels) -> Cap:
    return _cap(levels, EXCELLENT_CAP_SHARE)


def ranking_key(outcome: Outcome, counts: TaskCounts, on_time_reporting: float) -> tuple:
    points = outcome.points if outcome.points is not None else (outcome.task_points or 0)
    return (points, RANK[outcome.level], on_time_reporting)


RANKING_RULE = ("Xếp theo tổng điểm (khi chưa chấm tiêu chí chung: theo điểm kết quả nhiệm vụ), rồi mức xếp loại, "
                "rồi tỷ lệ báo cáo đúng hạn.")
