"""The evaluation of one plan over a date range: figures, the proposed level under the year's rule set, the
persons' inputs and overrides, the final level, the excellent cap and the ranking.

Units are evaluated first, because a directing leader is judged on the field they direct, units included. An official
(a unit officer) is evaluated on the rows of their units.

Who gets a legal level (Decree 90/2020 Art. 1–2; Decree 335/2025 Art. 1, scope: state administrative bodies and
civil servants; secondary sources, see evaluation.rules): cadres and civil servants, and state bodies. In a commune
the state bodies that lead plan rows are the civil servants' posts and offices of the People's Committee. Hamlets,
schools, cooperatives, the police post and the military command are not, nor are the health station (a public service
unit), the Fatherland Front and mass organisations, or a unit whose kind nobody has set: they keep their figures and
their emulation ranking, with no legal level. An account gets one only when it says its holder is a cadre or civil
servant.
"""
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from types import ModuleType

from accounts.models import Role, User
from communes.models import UnitKind
from plans.models import Plan
from reports.rules import status as st
from theodoi import clock

from .. import rules
from ..models import SLUG_OF, LeaderJudgement, LevelOverride, SubjectKind
from ..rules.common import LABELS, Cap, Judgement, Outcome, TaskCounts, withhold
from .figures import Facts, Figures, read

LEGAL_UNIT_KINDS = {UnitKind.OFFICIAL, UnitKind.OFFICE}
NO_LEGAL_UNIT = ("{kind}: không phải cơ quan hành chính nhà nước hay cán bộ, công chức, nên không xếp loại theo "
                 "Nghị định; vẫn theo dõi số liệu và xếp hạng thi đua.")
NO_LEGAL_ACCOUNT = ("Tài khoản không ghi là cán bộ, công chức: không xếp loại theo Nghị định (Văn phòng - Thống kê "
                    "đánh dấu trong tài khoản nếu đúng là cán bộ, công chức).")


@dataclass
class Subject:
    kind: str
    pk: int
    name: str
    detail: str
    figures: Figures
    proposed: Outcome
    judgement: LeaderJudgement | None = None
    override: LevelOverride | None = None

    @cached_property
    def counts(self) -> TaskCounts:
        return self.figures.counts()

    @property
    def open_count(self) -> int:
        return len(self.figures.having(st.OPEN_IN_TIME))

    @property
    def max_overdue(self) -> int:
        return max((row.status.days_overdue for row in self.figures.having(st.OPEN_OVERDUE)), default=0)

    def status_groups(self) -> list[tuple[str, str, list]]:
        return [(code, st.LABELS[code], self.figures.having(code)) for code in st.ORDER]

    def missing_reports(self) -> list[tuple[str, object]]:
        return [(self.figures.unit_names.get(unit, ""), month) for unit, month in self.figures.missing]

    def get_kind_label(self) -> str:
        return SubjectKind(self.kind).label

    @property
    def slug(self) -> str:
        return SLUG_OF[self.kind]

    @property
    def level(self) -> str | None:
        return self.override.level if self.override else self.proposed.level

    @property
    def level_label(self) -> str:
        return LABELS[self.override.level] if self.override else self.proposed.label

    @property
    def has_legal_level(self) -> bool:
        return self.proposed.has_legal_level

    @property
    def exception(self) -> str:
        """A documented outstanding achievement that puts an excellent level outside the 20% cap."""
        return self.judgement.excellent_exception.strip() if self.judgement else ""

    @property
    def reasons(self) -> list[str]:
        if not self.override:
            return self.proposed.reasons
        return self.proposed.reasons + [f"Điều chỉnh từ «{self.proposed.label}»: {self.override.reason}"]


@dataclass
class Evaluation:
    facts: Facts
    rules: ModuleType  # evaluation.rules.for_year: the decree's module
    units: list[Subject] = field(default_factory=list)
    officials: list[Subject] = field(default_factory=list)
    leaders: list[Subject] = field(default_factory=list)

    @property
    def plan(self) -> Plan:
        return self.facts.plan

    def groups(self) -> list[tuple[str, str, list[Subject], Cap]]:
        # One body (the commune's People's Committee), and each list is one group of similar duties.
        return [(kind, label, subjects, self.rules.excellent_cap((s.level, s.exception) for s in subjects
                                                                 if s.has_legal_level))
                for kind, label, subjects in ((SubjectKind.UNIT, "Đơn vị", self.units),
                                              (SubjectKind.OFFICIAL, "Công chức", self.officials),
                                              (SubjectKind.LEADER, "Lãnh đạo phụ trách", self.leaders))]

    def find(self, kind: str, pk: int) -> Subject | None:
        by_kind: dict[str, list[Subject]] = {SubjectKind.UNIT: self.units, SubjectKind.OFFICIAL: self.officials,
                                              SubjectKind.LEADER: self.leaders}
        subjects = by_kind.get(kind, [])
        return next((s for s in subjects if s.pk == pk), None)

    def ranking(self) -> list[Subject]:
        return sorted(self.units, key=lambda s: self.rules.ranking_key(
            _final(s), s.figures.counts(), s.figures.on_time_rate or 0), reverse=True)


def year_range(plan: Plan) -> tuple[date, date]:
    return date(plan.year, 1, 1), date(plan.year, 12, 31)


def evaluate(plan: Plan, start: date | None = None, end: date | None = None, today: date | None = None) -> Evaluation:
    default_start, default_end = year_range(plan)
    facts = read(plan, start or default_start, end or default_end, today or clock.today())
    evaluation = Evaluation(facts, rules.for_year(plan.year))
    inputs = _inputs(plan)
    evaluation.units = _units(evaluation, inputs)
    evaluation.officials = _officials(evaluation, inputs)
    evaluation.leaders = _leaders(evaluation, inputs)
    return evaluation


def _inputs(plan: Plan) -> dict:
    judgements = {(j.kind, j.subject_id): j for j in LeaderJudgement.objects.filter(plan=plan)
                  .select_related("updated_by")}
    overrides = {(o.kind, o.subject_id): o for o in LevelOverride.objects.filter(plan=plan)
                 .select_related("decided_by")}
    return {"judgements": judgements, "overrides": overrides}


def _subject(evaluation, inputs, kind, pk, name, detail, figures, unit_levels=None, no_legal: str = "") -> Subject:
    judgement = inputs["judgements"].get((kind, pk))
    outcome = evaluation.rules.classify(figures.counts(), as_rule_input(judgement), unit_levels=unit_levels,
                                        leader=kind == SubjectKind.LEADER)
    if no_legal:
        outcome = withhold(outcome, no_legal)
    return Subject(kind, pk, name, detail, figures, outcome, judgement, inputs["overrides"].get((kind, pk)))


def as_rule_input(judgement: LeaderJudgement | None) -> Judgement:
    if judgement is None:
        return Judgement()
    return Judgement(judgement.quality_ok, judgement.exceeding_percent, judgement.conduct_ok,
                     _float(judgement.general_points), judgement.degraded, judgement.discipline,
                     judgement.corruption_in_body, _float(judgement.months_worked), _float(judgement.months_off),
                     judgement.capacity_percent)


def _float(value) -> float | None:
    return float(value) if value is not None else None


def _units(evaluation, inputs) -> list[Subject]:
    facts = evaluation.facts
    units = sorted((facts.entries[pk] for pk in facts.lead if pk in facts.entries), key=lambda e: e.name)
    return [_subject(evaluation, inputs, SubjectKind.UNIT, unit.pk, unit.name, _kind_label(unit.kind),
                     facts.figures(facts.lead[unit.pk], {unit.pk}),
                     no_legal="" if unit.kind in LEGAL_UNIT_KINDS else NO_LEGAL_UNIT.format(
                         kind=_kind_label(unit.kind) or "Đơn vị chưa xác định loại"))
            for unit in units]


def _kind_label(kind: str) -> str:
    return UnitKind(kind).label if kind in UnitKind.values else ""


def _officials(evaluation, inputs) -> list[Subject]:
    facts = evaluation.facts
    officers = (User.objects.filter(commune=facts.plan.commune, role=Role.UNIT_OFFICER, is_active=True)
                .prefetch_related("units").order_by("last_name", "first_name", "username"))
    subjects = []
    for user in officers:
        unit_ids = {u.pk for u in user.units.all()}
        rows = set().union(*(facts.lead.get(pk, set()) for pk in unit_ids))
        units = ", ".join(u.name for u in user.units.all())
        subjects.append(_subject(evaluation, inputs, SubjectKind.OFFICIAL, user.pk,
                                 user.get_full_name() or user.username, units, facts.figures(rows, unit_ids),
                                 no_legal="" if user.is_civil_servant else NO_LEGAL_ACCOUNT))
    return subjects


def _leaders(evaluation, inputs) -> list[Subject]:
    facts = evaluation.facts
    # Only units with a legal level make up a leader's field; a hamlet's figures do not rate the Chairman.
    unit_levels = {s.pk: s.level for s in evaluation.units if s.has_legal_level}
    subjects = []
    for pk in sorted(facts.directed, key=lambda pk: facts.entries[pk].name):
        rows = facts.directed[pk]
        unit_ids = {unit for unit, led in facts.lead.items() if led & rows}
        entry = facts.entries[pk]
        subjects.append(_subject(evaluation, inputs, SubjectKind.LEADER, pk, entry.name, entry.portfolio,
                                 facts.figures(rows, unit_ids),
                                 [unit_levels[u] for u in sorted(unit_ids) if u in unit_levels]))
    return subjects


def _final(subject: Subject) -> Outcome:
    """The ranking reads the final level with the proposed points."""
    outcome = subject.proposed
    return Outcome(subject.level, outcome.reasons, outcome.points, outcome.task_points, outcome.case)
