"""Decree 90/2020/NĐ-CP on evaluating and classifying officials, as amended by Decree 48/2023/NĐ-CP.

Used for evaluation years up to 2025. Four levels, read from the task-result criteria of the articles for
công chức (Art. 8–11) and cán bộ (Art. 4–7), which say the same about task results:

- Hoàn thành xuất sắc (Art. 8, Art. 4): every task on schedule, with quality, and at least 50% of the tasks
  exceeding requirements.
- Hoàn thành tốt (Art. 9, Art. 5): every task on schedule, with quality.
- Hoàn thành (Art. 10, Art. 6): all tasks done, "no more than 20%" of them not on schedule or quality.
- Không hoàn thành (Art. 11, Art. 7): more than 50% of the tasks not on schedule, quality or efficiency.

How theodoi reads the data:
- "On schedule" is the Government Office status "completed on time". A row finished late or still open past
  its deadline is "not on schedule". Rows still open within their deadline, recurring rows and rows whose
  deadline is set elsewhere are not judged (they are shown, not counted).
- The line between Hoàn thành and Không hoàn thành (our decision): Không hoàn thành when MORE than 50% of the
  judged rows are not on schedule (Art. 11 point c; Art. 7). Exactly 50% is still Hoàn thành. Between 20% and
  50% the decree leaves a gap (Art. 10 asks for no more than 20%, Art. 11 starts above 50%); theodoi proposes
  Hoàn thành there and says in the reasons that a leader must look at it.
- Quality, "exceeding requirements" and conduct (the general criteria of Art. 3) are judgements the data cannot
  give. They are inputs a leader enters. Until entered they are not assumed: without the quality judgement the
  proposal stops at Hoàn thành; without "exceeding" it stops at Hoàn thành tốt. Conduct judged not met gives
  Không hoàn thành (Art. 11 point a, which refers back to the general criteria of Art. 3).
- Managers (a directing leader, Art. 4–7 clauses on the field they direct): the level is capped by the units
  of the rows they direct. Xuất sắc and Tốt need 100% of those units at Hoàn thành or above, with at least 70%
  at Tốt or Xuất sắc; Hoàn thành needs at least 70% of them at Hoàn thành or above; otherwise Không hoàn thành.
  Units without a level yet are left out of these shares.
- Excellent cap: Decree 48/2023 (Art. 1, amending Art. 2 of Decree 90) limits those rated excellent to the
  Party's ratio, which is 20% of those rated Hoàn thành tốt. theodoi counts it like the Decree 335 cap
  (see decree_335_2025) and warns; it never demotes anybody by itself.
"""
from .common import (COMPLETED, EXCELLENT, GOOD, NOT_COMPLETED, RANK, Cap, Judgement, Outcome, TaskCounts, lower,
                     percent)
from .common import excellent_cap as _cap

NAME = "Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP)"
SHORT = "NĐ 90/2020 và NĐ 48/2023"
YEARS = (None, 2025)  # up to and including 2025

EXCEED_PERCENT = 50          # Art. 8: at least 50% of tasks exceeding requirements
NOT_ON_SCHEDULE_OK = 20      # Art. 10: no more than 20% not on schedule (the gap above is flagged)
NOT_ON_SCHEDULE_FAIL = 50    # Art. 11: MORE than 50% not on schedule → not completed
UNITS_GOOD_SHARE = 70        # managers: at least 70% of their units rated good or better
UNITS_COMPLETED_SHARE = 70   # managers: at least 70% of their units rated completed or better
EXCELLENT_CAP_SHARE = 0.20   # Decree 48/2023 with the Party ratio: 20% of those rated good


def classify(counts: TaskCounts, judgement: Judgement = Judgement(), unit_levels=None) -> Outcome:
    if counts.judged == 0:
        return Outcome(None, ["Chưa có dòng nhiệm vụ nào đến hạn hoặc hoàn thành trong khoảng thời gian: "
                              "lãnh đạo đánh giá trực tiếp."])
    outcome = _by_tasks(counts, judgement)
    if unit_levels is not None:
        _cap_by_units(outcome, [level for level in unit_levels if level is not None])
    return outcome


def _by_tasks(counts: TaskCounts, judgement: Judgement) -> Outcome:
    share = counts.on_time_percent
    late = 100 - share
    facts = f"{counts.on_time}/{counts.judged} dòng hoàn thành đúng hạn ({percent(share)})"
    if judgement.conduct_ok is False:
        return Outcome(NOT_COMPLETED, [facts, "Lãnh đạo đánh giá không đạt tiêu chí chung (Điều 3, Điều 11)."])
    if late > NOT_ON_SCHEDULE_FAIL:
        return Outcome(NOT_COMPLETED, [facts, f"Trên {NOT_ON_SCHEDULE_FAIL}% dòng không bảo đảm tiến độ "
                                              "(Điều 11 điểm c)."])
    if late > 0:
        return Outcome(COMPLETED, [facts] + _gap_note(late))
    return _all_on_time(facts, judgement)


def _gap_note(late: float) -> list[str]:
    if late <= NOT_ON_SCHEDULE_OK:
        return [f"Không quá {NOT_ON_SCHEDULE_OK}% dòng chậm tiến độ (Điều 10)."]
    return [f"Có {percent(late)} dòng chậm tiến độ, trong khoảng {NOT_ON_SCHEDULE_OK}–{NOT_ON_SCHEDULE_FAIL}% "
            "Nghị định chưa quy định rõ: đề xuất Hoàn thành, lãnh đạo cần xem xét."]


def _all_on_time(facts: str, judgement: Judgement) -> Outcome:
    if judgement.quality_ok is None:
        return Outcome(COMPLETED, [facts, "Chưa có đánh giá chất lượng của lãnh đạo: tạm đề xuất Hoàn thành "
                                          "(đủ chất lượng thì Hoàn thành tốt, Điều 9)."])
    if not judgement.quality_ok:
        return Outcome(COMPLETED, [facts, "Lãnh đạo đánh giá chưa bảo đảm chất lượng (Điều 10)."])
    if judgement.exceeding_percent is None:
        return Outcome(GOOD, [facts, "Bảo đảm chất lượng (lãnh đạo đánh giá) (Điều 9); chưa nhập tỷ lệ vượt mức."])
    if judgement.exceeding_percent >= EXCEED_PERCENT:
        return Outcome(EXCELLENT, [facts, f"Bảo đảm chất lượng, {judgement.exceeding_percent}% vượt mức "
                                          f"(từ {EXCEED_PERCENT}%, Điều 8; lãnh đạo đánh giá)."])
    return Outcome(GOOD, [facts, f"Bảo đảm chất lượng; {judgement.exceeding_percent}% vượt mức, dưới "
                                 f"{EXCEED_PERCENT}% (Điều 9; lãnh đạo đánh giá)."])


def _cap_by_units(outcome: Outcome, levels: list[str]) -> None:
    if not levels:
        return
    completed = 100 * sum(1 for level in levels if RANK[level] >= RANK[COMPLETED]) / len(levels)
    good = 100 * sum(1 for level in levels if RANK[level] >= RANK[GOOD]) / len(levels)
    if completed == 100 and good >= UNITS_GOOD_SHARE:
        cap = EXCELLENT
    elif completed == 100:
        cap = COMPLETED
    elif completed >= UNITS_COMPLETED_SHARE:
        cap = COMPLETED
    else:
        cap = NOT_COMPLETED
    capped = lower(outcome.level, cap)
    outcome.reasons.append(f"Đơn vị thuộc lĩnh vực phụ trách: {percent(completed)} từ Hoàn thành, "
                           f"{percent(good)} từ Hoàn thành tốt.")
    if capped != outcome.level:
        outcome.reasons.append("Mức của người quản lý bị giới hạn bởi kết quả các đơn vị phụ trách.")
        outcome.level = capped


def excellent_cap(levels) -> Cap:
    return _cap(levels, EXCELLENT_CAP_SHARE)


def ranking_key(outcome: Outcome, counts: TaskCounts, on_time_reporting: float) -> tuple:
    return (RANK[outcome.level], counts.on_time_percent or 0, on_time_reporting, -counts.overdue)


RANKING_RULE = ("Xếp theo mức đề xuất, rồi tỷ lệ dòng hoàn thành đúng hạn, rồi tỷ lệ báo cáo đúng hạn, "
                "rồi số dòng quá hạn ít hơn.")
