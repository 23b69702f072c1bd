"""Who may do what with the periodic reports (README, «Báo cáo quý, 6 tháng, 9 tháng, năm»).

- Read (pages and files): the leaders, the Office–Statistics, viewers and site administrators. A unit officer is
  refused (403), as on the dashboard and for the monthly consolidated report: the report lays out every unit's
  reporting record, the other units' reasons for missing deadlines and the officials' evaluation levels, which units
  do not read of each other; each unit has its own monthly report pages instead.
- Create a report: the Office–Statistics and site administrators, who run the reporting cycle.
- Edit its narrative sections: those, and the Chairman and Vice-Chairmen, who sign and direct what it says.
Another commune's report is a 404 before any of this is asked (services.queries).
"""
from accounts.models import AREA_ROLES, Role
from theodoi.errors import Forbidden

READERS = (Role.CHAIRMAN, Role.VICE_CHAIRMAN, Role.OFFICE, Role.VIEWER, *AREA_ROLES, Role.SITE_ADMIN)
CREATORS = (Role.OFFICE, Role.SITE_ADMIN)
EDITORS = (Role.OFFICE, Role.SITE_ADMIN, Role.CHAIRMAN, Role.VICE_CHAIRMAN)


def may_read(user) -> bool:
    return user.is_superuser or user.role in READERS


def may_create(user) -> bool:
    return user.is_superuser or user.role in CREATORS


def may_edit(user) -> bool:
    return user.is_superuser or user.role in EDITORS


def require_reader(user) -> None:
    if not may_read(user):
        raise Forbidden("Báo cáo quý, 6 tháng, 9 tháng, năm dành cho lãnh đạo, Văn phòng – Thống kê và người xem; "
                        "cán bộ đơn vị xem báo cáo tháng của đơn vị mình.")


def require_creator(user) -> None:
    if not may_create(user):
        raise Forbidden("Chỉ Văn phòng – Thống kê được lập báo cáo quý, 6 tháng, 9 tháng, năm.")


def require_editor(user) -> None:
    if not may_edit(user):
        raise Forbidden("Chỉ Văn phòng – Thống kê, Chủ tịch và các Phó Chủ tịch được sửa nội dung báo cáo.")
