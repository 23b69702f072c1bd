"""Decree 90/2020/NĐ-CP on evaluating and classifying officials, as amended by Decree 48/2023/NĐ-CP.

Used for evaluation years up to 2025. The articles are cited as GUIDE §3 states them; that section was checked
against secondary sources quoting the decrees, not against the Official Gazette text, and every citation below
carries that caveat. Civil servants: Art. 8–11 clause 1; leaders (the field they direct): Art. 8–11 clause 2.
Art. 4–7 say the same for cadres (cán bộ), so the Chairman and Vice-Chairmen follow clause 2's reading.

How theodoi reads the data:
- "On schedule" is the Government Office status "completed on time". A row finished late, or still open past its
  deadline, is not on schedule. Rows open within their deadline, recurring rows and rows whose deadline is set
  elsewhere are not judged. A row still open past its deadline is NOT "done late": it is not done.
- Quality, "exceeding requirements", conduct (Art. 3), degradation, discipline, corruption in a leader's body and
  the months worked are entered by a person; until entered they are not assumed.
- Where the text leaves a gap, the outcome is a case for a leader to decide (no level proposed), never a guess.
"""
from .common import (
    COMPLETED,
    EXCELLENT,
    GOOD,
    NOT_CLASSIFIED,
    NOT_COMPLETED,
    RANK,
    Cap,
    Judgement,
    Outcome,
    TaskCounts,
    decide,
    discipline_label,
    lower,
    percent,
)
from .common import excellent_cap as _cap

NAME = "Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP)"
SHORT = "NĐ 90/2020 và NĐ 48/2023"
YEARS = (None, 2025)  # up to and including 2025

EXCEED_PERCENT = 50          # Art. 8: at least 50% of tasks exceeding requirements
NOT_ON_SCHEDULE_OK = 20      # Art. 10 cl. 1: no more than 20% not on schedule or quality
NOT_ON_SCHEDULE_FAIL = 50    # Art. 11 cl. 1 point b: MORE than 50% not on schedule → not completed
LEADER_ON_TIME_GOOD = 80     # Art. 9 cl. 2: all done, at least 80% on time with quality
LEADER_DONE_COMPLETED = 70   # Art. 10 cl. 2: MORE than 70% done
LEADER_DONE_FAIL = 50        # Art. 11 cl. 2 point b: UNDER 50% done → not completed
UNITS_GOOD_SHARE = 70        # Art. 8–9 cl. 2: 100% of units completed or better, at least 70% good or better
UNITS_COMPLETED_SHARE = 70   # Art. 10 cl. 2: at least 70% of units completed or better
MIN_MONTHS_WORKED = 6        # Art. 2 (as amended by Decree 48/2023): under 6 months worked → not classified
MONTHS_OFF_CAPPED = (3, 6)   # same: 3 to under 6 months off → not above Completed
EXCELLENT_CAP_SHARE = 0.20   # Decree 48/2023 with the Party ratio: 20% of those rated Good


def classify(counts: TaskCounts, judgement: Judgement = Judgement(), unit_levels=None, *,
             leader: bool | None = None) -> Outcome:
    """unit_levels: the levels of the units in a leader's field (None for a unit not rated yet); a leader is
    anyone given unit_levels unless `leader` says otherwise."""
    leader = unit_levels is not None if leader is None else leader
    barred = not_classified(judgement) or article_11(judgement, leader)
    if barred:
        return barred
    if counts.judged == 0:
        return _nothing_judged()
    if leader:
        outcome = _leader(counts, judgement, list(unit_levels or []))
    else:
        outcome = _civil_servant(counts, judgement)
    return _months_off(_conduct(outcome, judgement), judgement)


def _nothing_judged() -> Outcome:
    return decide(["Chưa có nhiệm vụ nào đến hạn hoặc hoàn thành trong khoảng thời gian: lãnh đạo đánh giá trực tiếp."])


def not_classified(judgement: Judgement) -> Outcome | None:
    # Art. 2 as amended by Decree 48/2023 (secondary source): under 6 months worked is not classified.
    worked = judgement.months_worked
    if worked is not None and worked < MIN_MONTHS_WORKED:
        return Outcome(None, [f"Thời gian công tác trong năm {_months(worked)} tháng, dưới {MIN_MONTHS_WORKED} "
                              "tháng: không xếp loại chất lượng (Điều 2, Nghị định 48/2023/NĐ-CP)."],
                       case=NOT_CLASSIFIED)
    return None


def article_11(judgement: Judgement, leader: bool) -> Outcome | None:
    """Not completed from inputs that are not task results: Art. 11 clause 1 points a and c for civil servants,
    clause 2 points a, c and d for leaders (secondary source; Art. 7 says the same for cadres)."""
    clause = 2 if leader else 1
    reasons = []
    if judgement.degraded:
        reasons.append(f"Cấp có thẩm quyền kết luận có biểu hiện suy thoái (Điều 11 khoản {clause} điểm a).")
    if leader and judgement.corruption_in_body:
        reasons.append("Cơ quan, đơn vị thuộc lĩnh vực phụ trách xảy ra tham nhũng, lãng phí và bị xử lý "
                       "(Điều 11 khoản 2 điểm c).")
    if judgement.discipline:
        point = "d" if leader else "c"
        reasons.append(f"Bị kỷ luật trong năm đánh giá, hình thức {discipline_label(judgement.discipline).lower()} "
                       f"(Điều 11 khoản {clause} điểm {point}).")
    return Outcome(NOT_COMPLETED, reasons) if reasons else None


def _civil_servant(counts: TaskCounts, judgement: Judgement) -> Outcome:
    if counts.on_time_percent is None:
        return _nothing_judged()
    late = 100 - counts.on_time_percent
    facts = f"{counts.on_time}/{counts.judged} nhiệm vụ hoàn thành đúng hạn ({percent(counts.on_time_percent)})"
    if late > NOT_ON_SCHEDULE_FAIL:
        # Art. 11 clause 1 point b (not point c, which is discipline).
        return Outcome(NOT_COMPLETED, [facts, f"Trên {NOT_ON_SCHEDULE_FAIL}% nhiệm vụ không bảo đảm tiến độ "
                                              "(Điều 11 khoản 1 điểm b)."])
    if counts.overdue:
        # Art. 10 clause 1: Completed needs every task done; an open overdue row is not done.
        return decide([facts, f"Còn {counts.overdue} nhiệm vụ chưa hoàn thành, quá hạn: chưa đủ điều kiện Hoàn thành "
                              "(Điều 10 khoản 1 yêu cầu hoàn thành các nhiệm vụ), chưa thuộc Điều 11; lãnh đạo "
                              "xem xét, quyết định."])
    if late > NOT_ON_SCHEDULE_OK:
        return decide([facts, f"{percent(late)} nhiệm vụ hoàn thành chậm, trên {NOT_ON_SCHEDULE_OK}% (Điều 10 khoản "
                              f"1) nhưng không quá {NOT_ON_SCHEDULE_FAIL}% (Điều 11 khoản 1 điểm b): lãnh đạo xem "
                              "xét, quyết định."])
    if late > 0:
        return Outcome(COMPLETED, [facts, f"Hoàn thành các nhiệm vụ, không quá {NOT_ON_SCHEDULE_OK}% chậm tiến độ "
                                          "(Điều 10 khoản 1)."])
    return _all_on_time(facts, judgement)


def _all_on_time(facts: str, judgement: Judgement) -> Outcome:
    if judgement.quality_ok is None:
        return Outcome(COMPLETED, [facts, "Chưa có đánh giá chất lượng của lãnh đạo: tạm đề xuất Hoàn thành "
                                          "(đủ chất lượng thì Hoàn thành tốt, Điều 9)."])
    if not judgement.quality_ok:
        return Outcome(COMPLETED, [facts, "Lãnh đạo đánh giá chưa bảo đảm chất lượng (Điều 10)."])
    return _by_exceeding(facts, judgement)


def _by_exceeding(facts: str, judgement: Judgement) -> Outcome:
    if judgement.exceeding_percent is None:
        return Outcome(GOOD, [facts, "Bảo đảm chất lượng (lãnh đạo đánh giá) (Điều 9); chưa nhập tỷ lệ vượt mức."])
    if judgement.exceeding_percent >= EXCEED_PERCENT:
        return Outcome(EXCELLENT, [facts, f"Bảo đảm chất lượng, {judgement.exceeding_percent}% vượt mức "
                                          f"(từ {EXCEED_PERCENT}%, Điều 8; lãnh đạo đánh giá)."])
    return Outcome(GOOD, [facts, f"Bảo đảm chất lượng; {judgement.exceeding_percent}% vượt mức, dưới "
                                 f"{EXCEED_PERCENT}% (Điều 9; lãnh đạo đánh giá)."])


def _leader(counts: TaskCounts, judgement: Judgement, unit_levels: list) -> Outcome:
    """The field a leader directs (Art. 8–11 clause 2): how much of it is done, and the units in it."""
    done, on_time = counts.done_percent, counts.on_time_percent
    if done is None or on_time is None:
        return _nothing_judged()
    facts = (f"Lĩnh vực phụ trách: {counts.done}/{counts.judged} nhiệm vụ đã hoàn thành ({percent(done)}), "
             f"{counts.on_time} đúng hạn ({percent(on_time)})")
    if done < LEADER_DONE_FAIL:
        return Outcome(NOT_COMPLETED, [facts, f"Dưới {LEADER_DONE_FAIL}% nhiệm vụ của lĩnh vực phụ trách hoàn thành "
                                              "(Điều 11 khoản 2 điểm b)."])
    units = _units(unit_levels)
    reasons = [facts] + units.reasons
    if done == 100 and on_time >= LEADER_ON_TIME_GOOD and judgement.quality_ok and units.all_completed_good:
        return _leader_good(reasons, judgement)
    if done > LEADER_DONE_COMPLETED and units.completed_share_ok:
        return Outcome(COMPLETED, reasons + [_leader_completed_note(done, on_time, judgement)])
    return decide(reasons + [_leader_gap_note(done, units)])


def _leader_good(reasons: list[str], judgement: Judgement) -> Outcome:
    note = (f"Hoàn thành tất cả nhiệm vụ, từ {LEADER_ON_TIME_GOOD}% đúng hạn, bảo đảm chất lượng (Điều 9 khoản 2)")
    if judgement.exceeding_percent is not None and judgement.exceeding_percent >= EXCEED_PERCENT:
        return Outcome(EXCELLENT, reasons + [f"{note}; {judgement.exceeding_percent}% vượt mức (Điều 8 khoản 2)."])
    return Outcome(GOOD, reasons + [note + "."])


def _leader_completed_note(done: float, on_time: float, judgement: Judgement) -> str:
    note = f"Trên {LEADER_DONE_COMPLETED}% nhiệm vụ hoàn thành (Điều 10 khoản 2)."
    if done == 100 and on_time >= LEADER_ON_TIME_GOOD and judgement.quality_ok is None:
        note += " Chưa có đánh giá chất lượng của lãnh đạo, nên chưa xét Hoàn thành tốt."
    return note


def _leader_gap_note(done: float, units) -> str:
    if done <= LEADER_DONE_COMPLETED:
        return (f"{percent(done)} nhiệm vụ hoàn thành: không trên {LEADER_DONE_COMPLETED}% (Điều 10 khoản 2) và "
                f"không dưới {LEADER_DONE_FAIL}% (Điều 11 khoản 2 điểm b): lãnh đạo xem xét, quyết định.")
    # Item 5 of issue 11: units under 70% at Completed is not a ground of Art. 11, so the case is decided by a leader.
    return (f"Dưới {UNITS_COMPLETED_SHARE}% đơn vị thuộc lĩnh vực phụ trách từ Hoàn thành trở lên (Điều 10 khoản 2), "
            "nhưng đây không phải căn cứ Không hoàn thành (Điều 11): lãnh đạo xem xét, quyết định.")


class _Units:
    """The units of a leader's field. A unit not rated yet is never assumed to be at any level."""

    def __init__(self, levels: list):
        self.total = len(levels)
        self.pending = sum(1 for level in levels if level is None)
        rated = [level for level in levels if level is not None]
        self.completed = sum(1 for level in rated if RANK[level] >= RANK[COMPLETED])
        self.good = sum(1 for level in rated if RANK[level] >= RANK[GOOD])

    @property
    def all_completed_good(self) -> bool:
        """Art. 8–9 clause 2: 100% at Completed or better and at least 70% at Good or better (no unit: nothing)."""
        return self.completed == self.total and 100 * self.good >= UNITS_GOOD_SHARE * self.total

    @property
    def completed_share_ok(self) -> bool:
        """Art. 10 clause 2: at least 70% at Completed or better, counting a unit not rated yet as not proven."""
        return 100 * self.completed >= UNITS_COMPLETED_SHARE * self.total

    @property
    def reasons(self) -> list[str]:
        rated = self.total - self.pending
        out = []
        if rated:
            out.append(f"Đơn vị thuộc lĩnh vực phụ trách: {percent(100 * self.completed / rated)} từ Hoàn thành, "
                       f"{percent(100 * self.good / rated)} từ Hoàn thành tốt.")
        if self.pending:
            out.append(f"{self.pending} đơn vị thuộc lĩnh vực phụ trách chưa có mức xếp loại.")
        return out


def _units(levels: list) -> _Units:
    return _Units(levels)


def _conduct(outcome: Outcome, judgement: Judgement) -> Outcome:
    # Art. 3's general criteria are required for Completed and above; failing them alone is not a ground of Art. 11,
    # so the case goes to a leader instead of becoming Not completed.
    if judgement.conduct_ok is False and RANK[outcome.level] >= RANK[COMPLETED]:
        return decide(outcome.reasons + ["Lãnh đạo đánh giá không đạt tiêu chí chung (Điều 3): không đủ điều kiện "
                                         "từ Hoàn thành trở lên; lãnh đạo xem xét, quyết định."])
    return outcome


def _months_off(outcome: Outcome, judgement: Judgement) -> Outcome:
    # Art. 2 as amended by Decree 48/2023 (secondary source): 3 to under 6 months off → not above Completed.
    off, (low, high) = judgement.months_off, MONTHS_OFF_CAPPED
    if off is None or not low <= off < high or RANK[outcome.level] <= RANK[COMPLETED]:
        return outcome
    outcome.reasons.append(f"Nghỉ {_months(off)} tháng trong năm (từ {low} đến dưới {high} tháng): không xếp trên "
                           "Hoàn thành (Điều 2, Nghị định 48/2023/NĐ-CP).")
    outcome.level = lower(outcome.level, COMPLETED)
    return outcome


def _months(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def excellent_cap(subjects) -> Cap:
    return _cap(subjects, EXCELLENT_CAP_SHARE)


def ranking_key(outcome: Outcome, counts: TaskCounts, on_time_reporting: float) -> tuple:
    # Emulation ranks by results, so units with no legal level (hamlets, schools…) rank beside the others.
    return (counts.on_time_percent or 0, on_time_reporting, -counts.overdue, RANK[outcome.level])


RANKING_RULE = ("Xếp theo tỷ lệ nhiệm vụ hoàn thành đúng hạn, rồi tỷ lệ báo cáo đúng hạn, rồi số nhiệm vụ quá hạn "
                "ít hơn, rồi mức xếp loại.")
