"""Decree 335/2025/NĐ-CP on evaluating and classifying state administrative bodies and civil servants by points
(evaluation years from 2026).

What the text says (GUIDE §3; secondary sources: nld.com.vn 26/12/2025, laodong.vn and cafef.vn 28/12/2025 quoting
the decree; the article numbers were not available to us, so the code cites the clauses as they quote them):
- 100 points: 30 for the general criteria, entered by a leader, and 70 for task results, measured monthly or
  quarterly by the QUANTITY, QUALITY and PROGRESS of the products or work assigned.
- Each quality judgement "not met" deducts 25% of that item's quality points; each delay deducts 25% of its
  progress points, except for an objective cause confirmed by the competent authority.
- Levels: ≥ 90 Hoàn thành xuất sắc, 70–< 90 Hoàn thành tốt, 50–< 70 Hoàn thành, < 50 Không hoàn thành.
- Not completed whatever the points (civil-servant levels, clause 4 points b–d): degradation concluded by the
  competent authority; discipline of reprimand (khiển trách) or above in the year; for leaders, corruption or
  waste in the body they directly manage, handled by law.
- Leaders add their body's results and their organising capacity.

Our reading, where the sources do not settle it (the lead copies this into the README):
- WEIGHTING of quantity, quality and progress: equal thirds of each item's share. The sources name the three
  criteria side by side and give each the same 25% deduction per fault, with no weight for any of them; equal
  thirds is the reading that adds nothing to the text, and it makes one quality "not met" cost exactly as much as
  one delay. One constant (ITEM_WEIGHTS) holds it.
- The items are the judged rows (completed on time, completed late, open and overdue); each gets 70 / n points.
  Quantity and quality points need the row done (accepted by the office): an open row delivered nothing to count
  or to judge. A row with no recorded "not met" keeps its quality points: quality is judged by a person and a
  missing judgement is not a fault.
- One delay is each started month (30 days) past the deadline, since results are measured monthly: 1–30 days is one
  delay (−25%), 31–60 two, 61–90 three, more is four (nothing left). An open overdue row counts its delays up to the
  end of the range. A recorded objective cause removes the row's delays.
- Leaders: their 70 points are, again in equal thirds, the rows of the field they direct, their body's results and
  their organising capacity. The body's third counts fully when every civil servant (legal unit) of the field is
  at Completed or better and is halved when any is Not completed (GUIDE §3); while one is not rated, or is a case
  for a leader, it is not computed. Organising capacity is a share (0–100%) entered by the Chairman.
- Without the 30 general points (or a leader's body and capacity) the level is not proposed: the page shows the
  task points and waits. Points are rounded only for display; 89.9 is Good and 49.9 Not completed.
"""
from math import ceil, fsum

from .common import (
    COMPLETED,
    EXCELLENT,
    GOOD,
    NOT_COMPLETED,
    RANK,
    Cap,
    Item,
    Judgement,
    Outcome,
    TaskCounts,
    decide,
    discipline_label,
    percent,
)
from .common import excellent_cap as _cap

NAME = "Nghị định 335/2025/NĐ-CP"
SHORT = "NĐ 335/2025"
YEARS = (2026, None)

TOTAL_POINTS = 100
GENERAL_POINTS = 30
TASK_POINTS = 70
ITEM_WEIGHTS = {"quantity": 1 / 3, "quality": 1 / 3, "progress": 1 / 3}  # see the module docstring
LEADER_WEIGHTS = {"field": 1 / 3, "body": 1 / 3, "capacity": 1 / 3}    # see the module docstring
FAULT_DEDUCTION = 0.25        # each quality "not met", each delay: 25% of that item's quality or progress points
DAYS_PER_DELAY = 30           # one delay per started month past the deadline
BODY_HALVED = 0.5             # any civil servant of the body Not completed halves the body's results
THRESHOLDS = ((90, EXCELLENT), (70, GOOD), (50, COMPLETED), (0, NOT_COMPLETED))
EXCELLENT_CAP_SHARE = 0.20
_MAX_FAULTS = int(1 / FAULT_DEDUCTION)


def delays(days_late: int) -> int:
    return min(ceil(days_late / DAYS_PER_DELAY), _MAX_FAULTS) if days_late > 0 else 0


def item_points(item: Item, share: float) -> float:
    quantity = share * ITEM_WEIGHTS["quantity"] if item.done else 0.0
    quality = share * ITEM_WEIGHTS["quality"] * _left(item.quality_not_met) if item.done else 0.0
    progress = share * ITEM_WEIGHTS["progress"] * _left(0 if item.excused else delays(item.days_late))
    return quantity + quality + progress


def _left(faults: int) -> float:
    return 1 - FAULT_DEDUCTION * min(faults, _MAX_FAULTS)


def task_points(counts: TaskCounts) -> float | None:
    """Out of 70, from the judged rows; None when nothing fell due."""
    items = counts.scored_items()
    if not items:
        return None
    share = TASK_POINTS / len(items)
    # Thirds of 70 / n do not add up exactly in binary; 9 decimals keep 70 at 70 and change no level.
    return round(fsum(item_points(item, share) for item in items), 9)


def level_of(points: float) -> str:
    return next(level for floor_, level in THRESHOLDS if points >= floor_)


def classify(counts: TaskCounts, judgement: Judgement = Judgement(), unit_levels=None, *,
             leader: bool | None = None) -> Outcome:
    leader = unit_levels is not None if leader is None else leader
    barred = not_completed_whatever_the_points(judgement, leader)
    if barred:
        return barred
    field = task_points(counts)
    if field is None:
        return decide(["Chưa có nhiệm vụ nào đến hạn hoặc hoàn thành: lãnh đạo đánh giá trực tiếp."])
    reasons = [_facts(counts, field)]
    tasks = _leader_points(field, judgement, list(unit_levels or []), reasons) if leader else field
    if tasks is None:
        return Outcome(None, reasons, None, None)
    if judgement.general_points is None:
        return Outcome(None, reasons + [f"Chờ lãnh đạo chấm {GENERAL_POINTS} điểm tiêu chí chung."], None, tasks)
    general = max(0.0, min(float(judgement.general_points), GENERAL_POINTS))
    total = general + tasks
    return Outcome(level_of(total), reasons + [f"Tiêu chí chung {_points(general)}/{GENERAL_POINTS} (lãnh đạo chấm); "
                                               f"tổng {_points(total)}/{TOTAL_POINTS} điểm."], total, tasks)


def not_completed_whatever_the_points(judgement: Judgement, leader: bool) -> Outcome | None:
    # Decree 335, civil-servant levels clause 4 points b, c, d (secondary source: cafef.vn, 28/12/2025).
    reasons = []
    if judgement.degraded:
        reasons.append("Cấp có thẩm quyền kết luận có biểu hiện suy thoái (Nghị định 335/2025, khoản 4 điểm b).")
    if judgement.discipline:
        reasons.append(f"Bị kỷ luật trong năm đánh giá, hình thức {discipline_label(judgement.discipline).lower()} "
                       "(từ khiển trách trở lên, khoản 4 điểm c).")
    if leader and judgement.corruption_in_body:
        reasons.append("Cơ quan, đơn vị thuộc thẩm quyền quản lý trực tiếp xảy ra tham nhũng, lãng phí và bị xử lý "
                       "(khoản 4 điểm d).")
    return Outcome(NOT_COMPLETED, reasons + ["Không hoàn thành nhiệm vụ, không phụ thuộc số điểm."]) if reasons \
        else None


def _facts(counts: TaskCounts, points: float) -> str:
    items = counts.scored_items()
    faults = sum(item.quality_not_met for item in items)
    excused = sum(1 for item in items if item.excused and item.days_late)
    late = sum(1 for item in items if item.days_late)
    text = (f"Kết quả nhiệm vụ {_points(points)}/{TASK_POINTS} điểm (số lượng, chất lượng, tiến độ mỗi phần một phần "
            f"ba): {counts.on_time}/{counts.judged} nhiệm vụ đúng hạn ({percent(counts.on_time_percent)}), {late} "
            f"nhiệm vụ chậm, {faults} lần chất lượng không đạt; mỗi lần chậm hoặc không đạt trừ "
            f"{int(FAULT_DEDUCTION * 100)}% điểm tiến độ hoặc chất lượng của nhiệm vụ đó.")
    return text + (f" {excused} nhiệm vụ chậm có nguyên nhân khách quan được ghi nhận, không bị trừ."
                   if excused else "")


def _leader_points(field: float, judgement: Judgement, unit_levels: list, reasons: list[str]) -> float | None:
    body = body_factor(unit_levels)
    reasons.append(_body_reason(body, unit_levels))
    if judgement.capacity_percent is None:
        reasons.append("Chờ Chủ tịch đánh giá năng lực tổ chức, điều hành.")
    if body is None or judgement.capacity_percent is None:
        return None
    capacity = TASK_POINTS * LEADER_WEIGHTS["capacity"] * min(judgement.capacity_percent, 100) / 100
    total = round(field * LEADER_WEIGHTS["field"] + TASK_POINTS * LEADER_WEIGHTS["body"] * body + capacity, 9)
    reasons.append(f"Lãnh đạo: một phần ba lĩnh vực phụ trách, một phần ba kết quả cơ quan, một phần ba năng lực tổ "
                   f"chức ({judgement.capacity_percent}%): {_points(total)}/{TASK_POINTS} điểm.")
    return total


def body_factor(unit_levels: list) -> float | None:
    """1 when every civil servant of the body is at Completed or better, ½ when any is Not completed, None while
    one is not rated (a level is never assumed)."""
    if NOT_COMPLETED in unit_levels:
        return BODY_HALVED
    if any(level is None for level in unit_levels):
        return None
    return 1.0


def _body_reason(body: float | None, unit_levels: list) -> str:
    if body is None:
        return "Chưa đủ mức xếp loại của các đơn vị thuộc cơ quan để tính kết quả cơ quan."
    if body < 1:
        return "Có đơn vị thuộc cơ quan Không hoàn thành nhiệm vụ: kết quả cơ quan tính một nửa."
    return f"100% của {len(unit_levels)} đơn vị thuộc cơ quan từ Hoàn thành trở lên: kết quả cơ quan tính đủ."


def _points(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def excellent_cap(subjects) -> Cap:
    return _cap(subjects, EXCELLENT_CAP_SHARE)


def ranking_key(outcome: Outcome, counts: TaskCounts, on_time_reporting: float) -> tuple:
    # Emulation ranks by results, so units with no legal level rank beside the others on their task points.
    # The general points are not comparable across units (some get none), so the task points come first.
    return (task_points(counts) or 0, on_time_reporting, RANK[outcome.level])


RANKING_RULE = ("Xếp theo điểm kết quả nhiệm vụ (trên 70), rồi tỷ lệ báo cáo đúng hạn, rồi mức xếp loại.")
