"""What both rule sets share: the four levels, the inputs they read, the cases a leader decides, the excellent cap.

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

# Why an outcome has no level. None: the inputs a leader must enter are still missing.
DECIDE = "decide"                  # the text leaves the case to the competent leader
NO_LEGAL_LEVEL = "no_legal_level"  # not a cadre, civil servant or state body: figures and ranking only
NOT_CLASSIFIED = "not_classified"  # Decree 90 Art. 2: under 6 months worked in the year
CASE_LABELS = {
    DECIDE: "Lãnh đạo xem xét, quyết định",
    NO_LEGAL_LEVEL: "Không xếp loại theo Nghị định (chỉ theo dõi, xếp hạng thi đua)",
    NOT_CLASSIFIED: "Không xếp loại (công tác dưới 6 tháng trong năm)",
    None: "Chưa đủ căn cứ xếp loại",
}

# Discipline forms for cadres and civil servants, lightest first. Both decrees count a reprimand (khiển trách)
# or any heavier form; there is no lighter form, so any recorded form counts.
DISCIPLINE_FORMS = {
    "khien_trach": "Khiển trách",
    "canh_cao": "Cảnh cáo",
    "ha_bac_luong": "Hạ bậc lương",
    "giang_chuc": "Giáng chức",
    "cach_chuc": "Cách chức",
    "bai_nhiem": "Bãi nhiệm",
    "buoc_thoi_viec": "Buộc thôi việc",
}


@dataclass(frozen=True)
class Item:
    """One judged row as Decree 335 scores it: done or not, days past its deadline, and the person-entered facts."""
    done: bool
    days_late: int = 0
    quality_not_met: int = 0   # quality judgements "not met" recorded for this row
    excused: bool = False      # a recorded objective cause for the delay


@dataclass(frozen=True)
class TaskCounts:
    """The rows that fell due or were finished in the range; rows still open within their deadline are not judged.

    delays: for each judged row that was late (finished late or still overdue), how many days, late rows first.
    items: the same rows with their recorded facts; when empty they are derived from the counts.
    """
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    delays: tuple[int, ...] = ()
    items: tuple[Item, ...] = ()

    @property
    def judged(self) -> int:
        return self.on_time + self.late + self.overdue

    @property
    def done(self) -> int:
        return self.on_time + self.late

    @property
    def on_time_percent(self) -> float | None:
        return 100 * self.on_time / self.judged if self.judged else None

    @property
    def done_percent(self) -> float | None:
        return 100 * self.done / self.judged if self.judged else None

    def scored_items(self) -> tuple[Item, ...]:
        if self.items:
            return self.items
        days = list(self.delays) + [0] * (self.late + self.overdue - len(self.delays))
        return (tuple(Item(True) for _ in range(self.on_time))
                + tuple(Item(True, d) for d in days[:self.late])
                + tuple(Item(False, d) for d in days[self.late:self.late + self.overdue]))


@dataclass(frozen=True)
class Judgement:
    """What only a person can say (a leader, or the office on their behalf); None means not entered yet and is
    never assumed either way."""
    quality_ok: bool | None = None
    exceeding_percent: int | None = None
    conduct_ok: bool | None = None          # the general criteria (Decree 90 Art. 3)
    general_points: float | None = None     # Decree 335: out of 30
    degraded: bool | None = None            # signs of degradation, as concluded by the competent authority
    discipline: str = ""                    # a key of DISCIPLINE_FORMS: disciplined in the evaluation year
    corruption_in_body: bool | None = None  # leaders: corruption or waste in the body they direct, handled by law
    months_worked: float | None = None      # months worked in the year
    months_off: float | None = None         # months off work in the year
    capacity_percent: int | None = None     # Decree 335 leaders: organising capacity, as a share of its points


@dataclass
class Outcome:
    level: str | None
    reasons: list[str] = field(default_factory=list)
    points: float | None = None       # Decree 335 only: the total out of 100
    task_points: float | None = None  # Decree 335 only: the part out of 70
    case: str | None = None           # why there is no level (see CASE_LABELS)

    @property
    def label(self) -> str:
        return LABELS[self.level] if self.level else CASE_LABELS.get(self.case, CASE_LABELS[None])

    @property
    def has_legal_level(self) -> bool:
        return self.case not in (NO_LEGAL_LEVEL, NOT_CLASSIFIED)


def decide(reasons: list[str], **kwargs) -> Outcome:
    return Outcome(None, reasons, case=DECIDE, **kwargs)


def lower(level: str | None, cap: str | None) -> str | None:
    """The lower of two levels; None (no level) stays None."""
    if level is None or cap is None:
        return level
    return level if RANK[level] <= RANK[cap] else cap


def withhold(outcome: Outcome, why: str) -> Outcome:
    """Keep the figures (first reason, points) of a subject that gets no legal level, and drop the level."""
    return Outcome(None, [why] + outcome.reasons[:1], None, outcome.task_points, NO_LEGAL_LEVEL)


def discipline_label(key: str) -> str:
    return DISCIPLINE_FORMS.get(key, key)


@dataclass(frozen=True)
class Cap:
    rated_good: int
    excellent: int    # rated excellent without a documented exception
    exceptions: int   # rated excellent for a documented outstanding achievement, outside the count
    allowed: int

    @property
    def exceeded(self) -> bool:
        return self.excellent > self.allowed

    @property
    def rated_good_or_better(self) -> int:
        """Kept for callers written before the base became those rated Good only; it is that number."""
        return self.rated_good


def excellent_cap(subjects, share: float) -> Cap:
    """subjects: (level, documented exception) pairs of ONE body and ONE group of similar duties.

    Decree 335 (civil-servant levels, clause 5 point a; secondary source: cafef.vn, 28/12/2025) and, for years up to
    2025, Decree 90 Art. 2 as amended by Decree 48/2023 with the Party's ratio: those rated excellent are at most 20%
    of those rated GOOD (not "good or better"). allowed = floor(20% × Good), because the text says "không vượt quá".
    Clause 5 point b allows an outstanding achievement as an exception; it must be documented to be left out.
    """
    pairs = [(level, bool(exception)) for level, exception in subjects]
    good = sum(1 for level, _ in pairs if level == GOOD)
    excellent = sum(1 for level, excused in pairs if level == EXCELLENT and not excused)
    exceptions = sum(1 for level, excused in pairs if level == EXCELLENT and excused)
    return Cap(good, excellent, exceptions, floor(share * good + 1e-9))


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",").replace(",0", "") + "%"
