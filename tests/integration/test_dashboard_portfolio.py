"""A Chairman or Vice-Chairman opens the dashboard on the field he directs: his rows' counts, then his overdue rows."""

import pytest

from plans.models import AssignmentRef, RefRole
from reports.rules import status as st
from tests import seeds
from tests.integration.test_dashboard import expected_statuses, get


@pytest.fixture
def may(plan, personas):
    return seeds.seed_may_2023(plan, personas["office"])


def directed_by(plan, position) -> set[int]:
    """The rows whose leader cell resolved to the position, read from the stored refs, not from the dashboard."""
    return set(AssignmentRef.objects.filter(assignment__node__plan=plan, role=RefRole.LEADER, entry=position)
               .values_list("assignment_id", flat=True))


def test_the_vice_chairman_sees_the_rows_he_directs(client, personas, may, plan):
    vice = personas["vice"]
    response = get(client, vice, ky=may["may"].pk)
    portfolio = response.context["portfolio"]
    mine = directed_by(plan, vice.position)
    # The sample prints "Phó Chủ tịch Kinh tế" / "Phó Chủ tịch phụ trách kinh tế" in the leader cell of rows of
    # tasks 1.1, 2.1-2.4, 3.2, 4.2, 5.1 and 5.2 (and more), so his field is far from empty, and smaller than the
    # plan's 69 rows.
    assert 10 < len(mine) < 69
    statuses = expected_statuses(plan)
    cells = {cell["code"]: cell["n"] for cell in portfolio["lines"][0]["cells"]}
    assert cells == {**{code: sum(1 for pk in mine if statuses[pk] == code) for code in st.ORDER},
                     "total": len(mine)}
    assert portfolio["name"] == vice.position.name
    assert {row.pk for row in portfolio["overdue"]} <= mine
    assert portfolio["overdue_total"] == cells[st.OPEN_OVERDUE]
    page = response.content.decode()
    assert f"Lĩnh vực đồng chí chỉ đạo: {vice.position.name}" in page
    assert f"leader={vice.position.pk}" in page  # every count links to its rows, filtered to his field


def test_the_chairman_sees_his_own_field_too(client, personas, may, plan):
    chairman = personas["chairman"]
    response = get(client, chairman, ky=may["may"].pk)
    mine = directed_by(plan, chairman.position)
    assert response.context["portfolio"]["lines"][0]["cells"][-1]["n"] == len(mine)
    # The overdue row of the seed, "Trước tháng 5/2023", is directed by the Chairman (test_dashboard checks it).
    assert seeds.OVERDUE_CODE in {row.task.code for row in response.context["portfolio"]["overdue"]}


def test_the_office_and_a_viewer_have_no_field_block(client, personas, may):
    for who in ("office", "viewer"):
        response = get(client, personas[who], ky=may["may"].pk)
        assert response.context["portfolio"] is None
        assert "Lĩnh vực đồng chí chỉ đạo" not in response.content.decode()


def test_a_leader_without_a_position_has_no_field_block(client, personas, may):
    vice = personas["vice"]
    vice.position = None
    vice.save(update_fields=["position"])
    assert get(client, vice, ky=may["may"].pk).context["portfolio"] is None
