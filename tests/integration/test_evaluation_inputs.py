"""Who gets a legal level, and the per-person and per-row inputs a person enters (audited like every write).

The sample plan of xã Hưng Đông, evaluated on 10/01/2024 with nothing reported: every dated row is open and
overdue at the close of 2023, so each unit's rows are 100% not on schedule.
"""
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from audit.models import LogEntry
from evaluation.models import LeaderJudgement, RowAssessment
from evaluation.queries.evaluate import evaluate

TODAY = date(2024, 1, 10)


def at(day: str):
    return time_machine.travel(f"{day} 09:00 +0700", tick=False)


@pytest.fixture
def land(plan):
    return plan.commune.entries.get(key="cc-dia-chinh")


def test_only_cadres_civil_servants_and_state_bodies_get_a_legal_level(plan, land, personas):
    evaluation = evaluate(plan, today=TODAY)
    police = evaluation.find("unit", plan.commune.entries.get(key="cong-an").pk)
    # Công an xã leads rows, keeps its figures and its place in the ranking, but gets no level.
    assert police is not None and police.figures.rows
    assert (police.level, police.proposed.case) == (None, "no_legal_level")
    assert police.level_label.startswith("Không xếp loại theo Nghị định")
    assert police in evaluation.ranking()
    # Địa chính is a civil servant's post: all its dated rows overdue → more than 50% → Not completed.
    assert evaluation.find("unit", land.pk).level == "not_completed"
    # The owner's account does not say it is a civil servant: figures, no level, until the office ticks it.
    assert evaluation.find("official", personas["owner"].pk).proposed.case == "no_legal_level"
    personas["owner"].is_civil_servant = True
    personas["owner"].save()
    assert evaluate(plan, today=TODAY).find("official", personas["owner"].pk).level == "not_completed"


def test_no_override_of_a_body_without_a_legal_level(client, plan, personas):
    police = plan.commune.entries.get(key="cong-an")
    client.force_login(personas["chairman"])
    url = reverse("evaluation_override", args=[plan.pk, "don-vi", police.pk])
    with at("2024-01-10"):
        response = client.post(url, {"level": "good", "reason": "Đơn vị tiên tiến"})
        page = client.get(reverse("evaluation_plan", args=[plan.pk])).content.decode()
    assert response.status_code == 403
    assert url not in page and "Không xếp loại theo Nghị định" in page


def test_months_worked_entered_for_an_official_leaves_them_unclassified(client, plan, personas):
    owner = personas["owner"]
    owner.is_civil_servant = True
    owner.save()
    client.force_login(personas["office"])
    url = reverse("evaluation_judgement", args=[plan.pk, "cong-chuc", owner.pk])
    with at("2024-01-10"):
        response = client.post(url, {"months_worked": "5,5", "note": "Chuyển công tác về xã từ tháng 7/2023"})
    assert response.status_code == 302
    judgement = LeaderJudgement.objects.get(kind="official", subject_id=owner.pk)
    assert judgement.months_worked == 5.5 and judgement.discipline == ""
    entry = LogEntry.objects.get(action="evaluation.judged")
    assert entry.changes["months_worked"] == [None, "5.5"]
    # 5,5 months worked: under 6, not classified (even though the rows alone would give Not completed).
    assert evaluate(plan, today=TODAY).find("official", owner.pk).proposed.case == "not_classified"


def test_discipline_entered_for_an_official_gives_not_completed(client, plan, personas):
    owner = personas["owner"]
    owner.is_civil_servant = True
    owner.save()
    client.force_login(personas["chairman"])
    url = reverse("evaluation_judgement", args=[plan.pk, "cong-chuc", owner.pk])
    with at("2024-01-10"):
        client.post(url, {"discipline": "khien_trach", "note": "Quyết định kỷ luật số 12/QĐ-UBND ngày 05/9/2023"})
    outcome = evaluate(plan, today=TODAY).find("official", owner.pk).proposed
    assert outcome.level == "not_completed" and any("khoản 1 điểm c" in r for r in outcome.reasons)


def test_a_unit_has_no_personal_inputs_and_a_leader_has_the_bodys(client, plan, land, personas):
    client.force_login(personas["chairman"])
    with at("2024-01-10"):
        unit_form = client.get(reverse("evaluation_judgement", args=[plan.pk, "don-vi", land.pk])).content.decode()
        leader_form = client.get(reverse("evaluation_judgement",
                                         args=[plan.pk, "lanh-dao", personas["vice"].position_id])).content.decode()
    assert "months_worked" not in unit_form and "corruption_in_body" not in unit_form
    assert "corruption_in_body" in leader_form and "capacity_percent" in leader_form


def _directed_row(plan, vice):
    evaluation = evaluate(plan, today=TODAY)
    pk = min(evaluation.facts.directed[vice.position_id])
    return evaluation.facts.rows[pk].assignment


def test_a_rows_quality_and_objective_cause_are_recorded_by_who_directs_it(client, plan, personas):
    row = _directed_row(plan, personas["vice"])
    url = reverse("evaluation_row", args=[plan.pk, row.pk])
    client.force_login(personas["owner"])
    assert client.post(url, {"quality_not_met": "1", "note": "x"}).status_code == 403
    client.cookies.clear()  # the owner's activity cookie would not fit the vice's new session (theodoi.security)
    client.force_login(personas["vice"])
    response = client.post(url, {"quality_not_met": "2", "objective_cause": "Chờ UBND tỉnh phê duyệt giá đất",
                                 "note": "Biên bản kiểm tra ngày 20/12/2023"})
    assert response.status_code == 302
    assessment = RowAssessment.objects.get(assignment=row)
    assert (assessment.quality_not_met, assessment.updated_by) == (2, personas["vice"])
    assert LogEntry.objects.get(action="evaluation.row_assessed").data["task"] == row.node.code
    fact = evaluate(plan, today=TODAY).facts.rows[row.pk]
    assert (fact.item().quality_not_met, fact.item().excused) == (2, True)


def test_the_cap_counts_legal_subjects_and_leaves_a_documented_exception_out(plan, land):
    evaluation = evaluate(plan, today=TODAY)
    caps = {kind: cap for kind, _, _, cap in evaluation.groups()}
    # Nobody is Good or Excellent in an unreported year: nothing allowed, nothing exceeded.
    assert (caps["unit"].rated_good, caps["unit"].excellent, caps["unit"].exceeded) == (0, 0, False)
    LeaderJudgement.objects.create(plan=plan, kind="unit", subject_id=land.pk, note="Bằng khen",
                                   excellent_exception="Bằng khen của Chủ tịch UBND tỉnh số 88/QĐ-UBND")
    assert evaluate(plan, today=TODAY).find("unit", land.pk).exception.startswith("Bằng khen")
