"""Lookups and rules outside views raise domain errors, never Http404/PermissionDenied: another commune's record is
NotFound (its existence is not ours to reveal), an action the role may not take is Forbidden. The pages' 404 and 403
for the same cases are walked by test_access_matrix.py."""
import pytest

from accounts import permissions as account_permissions
from accounts import queries as account_queries
from accounts import tenancy
from accounts.services import accounts as account_services
from indicators import permissions as indicator_permissions
from indicators import queries as indicator_queries
from plans import queries as plan_queries
from tests.factories import import_sample
from theodoi.errors import Forbidden, NotFound


@pytest.fixture
def plans(commune, other_commune):
    return import_sample(commune), import_sample(other_commune)


def test_another_communes_plan_and_task_are_not_found(personas, plans):
    mine, theirs = plans
    office = personas["office"]
    assert plan_queries.plan_for(office, mine.pk) == mine
    with pytest.raises(NotFound, match="^Không tìm thấy kế hoạch này trong xã/phường của bạn.$"):
        plan_queries.plan_for(office, theirs.pk)
    code = theirs.nodes.filter(level="task").first().code  # the same sample: the code exists in both plans
    assert plan_queries.node_for(office, mine.pk, code).plan == mine
    with pytest.raises(NotFound, match="^Không tìm thấy nhiệm vụ này trong xã/phường của bạn.$"):
        plan_queries.node_for(office, theirs.pk, code)
    with pytest.raises(NotFound, match="nhiệm vụ"):
        plan_queries.node_for(office, mine.pk, "IX.9")  # no such code in the commune's own plan either


def test_another_communes_directory_entry_is_not_found(personas, other_commune):
    entry = other_commune.entries.get(key="cc-dia-chinh")
    with pytest.raises(NotFound, match="^Không tìm thấy mục danh bạ này trong xã/phường của bạn.$"):
        tenancy.entry_for(personas["office"], entry.pk)
    assert tenancy.entry_for(personas["outsider"], entry.pk) == entry


def test_only_the_office_of_the_commune_manages_its_plan(personas, commune, other_commune):
    with pytest.raises(Forbidden, match="^Chỉ Văn phòng – Thống kê được nhập kế hoạch.$"):
        tenancy.require_plan_manager(personas["viewer"])
    with pytest.raises(Forbidden, match="^Không thuộc xã/phường của bạn.$"):
        tenancy.require_plan_manager(personas["office"], other_commune)
    tenancy.require_plan_manager(personas["office"], commune)  # no error


def test_accounts_of_another_commune_are_not_found_and_only_the_office_manages_accounts(personas):
    office, outsider = personas["office"], personas["outsider"]
    assert account_queries.account_for(office, personas["owner"].pk) == personas["owner"]
    with pytest.raises(NotFound, match="^Không tìm thấy tài khoản này trong xã/phường của bạn.$"):
        account_queries.account_for(office, outsider.pk)
    with pytest.raises(Forbidden, match="^Chỉ Văn phòng – Thống kê được quản lý tài khoản.$"):
        account_permissions.require_account_manager(personas["chairman"])
    account_permissions.require_account_manager(office)  # no error


def test_the_office_cannot_deactivate_its_own_account(personas):
    office = personas["office"]
    with pytest.raises(Forbidden, match="^Không thể tự vô hiệu hóa tài khoản của chính mình.$"):
        account_services.set_active(office, office, False)
    office.refresh_from_db()
    assert office.is_active


def test_another_communes_indicator_and_a_malformed_plan_number_are_not_found(personas, plans):
    mine, theirs = plans
    office = personas["office"]
    assert indicator_queries.indicator_for(office, mine.indicators.first().pk).plan == mine
    with pytest.raises(NotFound, match="^Không tìm thấy chỉ tiêu này trong các kế hoạch của xã/phường bạn.$"):
        indicator_queries.indicator_for(office, theirs.indicators.first().pk)
    with pytest.raises(NotFound, match="^Mã kế hoạch «abc» trong địa chỉ trang không hợp lệ.$"):
        indicator_queries.current_plan(office, "abc")
    with pytest.raises(NotFound, match="kế hoạch"):
        indicator_queries.current_plan(office, str(theirs.pk))
    assert indicator_queries.current_plan(office) == mine


def test_an_indicator_value_refused_to_the_role_is_forbidden():
    with pytest.raises(Forbidden, match="^Bạn không có quyền nhập số liệu cho chỉ tiêu này.$"):
        indicator_permissions.require(False)
    indicator_permissions.require(True)  # no error
