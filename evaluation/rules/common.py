"""What both rule sets share: the four levels, the task-result counts they read, and the excellent cap.

Pure Python, no Django: the rules are tested at their boundaries without a database.
"""
from dataclasses import dataclass, field
from math import floor

EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED = "excellent", "good", "completed", "not_completed"
LEVELS = (EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED)
LABELS = {
    EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ",
    GOOD: "Hoàn thành tốt nhiệm vụ",
    COMPLETED: "Hoàn thành nhiệm vụ",
    NOT_COMPLETED: "Không hoàn thành nhiệm vụ",
}
RANK = {EXCELLENT: 4, GOOD: 3, COMPLETED: 2, NOT_COMPLETED: 1, None: 0}


@dataclass(frozen=True)
class TaskCounts:
    """The rows that fell due or were finished in the range; rows still open within their deadline are not judged.

    delays: for each judged row that was late (finished late or still overdue), how many days.
    """
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    delays: tuple[int, ...] = ()

    @property
    def judged(self) -> int:
        return self.on_time + self.late + self.overdue

    @property
    def on_time_percent(self) -> float | None:
        return 100 * self.on_time / self.judged if self.judged else None


@dataclass(frozen=True)
class Judgement:
    """What only a leader can say; None means not entered yet (never assumed either way)."""
    quality_ok: bool | None = None
    exceeding_percent: int | None = None
    conduct_ok: bool | None = None
    general_points: float | None = None


@dataclass
class Outcome:
    level: str | None
    reasons: list[str] = field(default_factory=list)
    points: float | None = None       # Decree 335 only: the total out of 100
    task_points: float | None = None  # Decree 335 only: the part out of 70 computed from the rows

    @property
    def label(self) -> str:
        return LABELS.get(self.level, "Chưa đủ căn cứ xếp loại")


def lower(level: str | None, cap: str | None) -> str | None:
    """The lower of two levels; None (no level) stays None."""
    if level is None or cap is None:
        return level
    return level if RANK[level] <= RANK[cap] else cap


@dataclass(frozen=True)
class Cap:
    rated_good_or_better: int
    excellent: int
    allowed: int

    @property
    def exceeded(self) -> bool:
        return self.excellent > self.allowed


def excellent_cap(levels, share: float) -> Cap:
    """allowed = floor(share × number rated Good or Excellent); see each rule module for why."""
    levels = list(levels)
    good_or_better = sum(1 for level in levels if level in (EXCELLENT, GOOD))
    excellent = sum(1 for level in levels if level == EXCELLENT)
    return Cap(good_or_better, excellent, floor(share * good_or_better + 1e-9))


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",").replace(",0", "") + "%"
