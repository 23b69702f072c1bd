"""Who may open which area's dashboard: the one gate of this app.

The rule: the site admin (and superusers) see every area; a province's or district's account (viewer or officer,
accounts.models.AREA_ROLES) sees its own area and the areas under it; a commune's own staff get 403 for the areas
above their commune (they know those exist) and 404 for any other area, as for another commune's records. Whatever
the area, the page lists only the communes the tenancy rule (accounts.tenancy.communes_for) lets the user see.
"""
from django.db.models import Q, QuerySet

from accounts.tenancy import communes_for
from communes.models import AdminArea, Commune
from communes.queries import areas_under, communes_under
from theodoi.errors import Forbidden, NotFound
from theodoi.params import as_int


def _own_commune_areas(user) -> QuerySet[AdminArea]:
    return AdminArea.objects.filter(Q(communes=user.commune_id) | Q(children__communes=user.commune_id))


def areas_for(user) -> QuerySet[AdminArea]:
    """The areas whose dashboard the user may open."""
    if user.is_site_wide:
        return AdminArea.objects.all()
    if user.is_above_commune:  # an area account without its area is not above any commune: it sees nothing
        return areas_under(user.area_id)
    return AdminArea.objects.none()


def communes_in(user, area: AdminArea) -> QuerySet[Commune]:
    """The communes of the area's subtree that the user may see."""
    under = communes_under(area)
    return under if user.is_site_wide else under.filter(pk__in=communes_for(user))


def area_for(user, pk) -> AdminArea:
    """The area asked for, if the user may read it: NotFound (404) outside their sight, Forbidden (403) for the
    staff of a commune under it."""
    if as_int(pk) is None:
        raise NotFound("Mã đơn vị hành chính không hợp lệ.")
    area = areas_for(user).filter(pk=pk).select_related("parent").first()
    if area is not None:
        return area
    if user.commune_id and _own_commune_areas(user).filter(pk=pk).exists():
        raise Forbidden("Trang theo dõi cấp tỉnh dành cho lãnh đạo, cán bộ cấp tỉnh và quản trị hệ thống; "
                        "tài khoản cấp xã xem bảng điều hành của xã mình.")
    raise NotFound("Không có đơn vị hành chính này.")
