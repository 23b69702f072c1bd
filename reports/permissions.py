"""Who may do what in the monthly cycle; views and queries ask here, templates only show the answers."""
from accounts.models import Role

from .models import UnitReport


def can_edit(user, report: UnitReport) -> bool:
    """The unit's own officers, or the office entering on a unit's behalf (e.g. from its Excel file)."""
    if user.can_manage_plan:
        return True
    return user.role == Role.UNIT_OFFICER and report.unit_id in unit_ids(user)


def can_decide(user) -> bool:
    """Accept or return a report, reopen a period: the office and the Chairman."""
    return user.can_manage_plan or user.role == Role.CHAIRMAN


def can_chase(user) -> bool:
    """The office runs the chase; the Chairman and Vice-Chairmen direct it. Units never see each other's lag."""
    return user.can_manage_plan or user.role in (Role.CHAIRMAN, Role.VICE_CHAIRMAN)


def may_read_report(user, unit_id: int) -> bool:
    """Who may read a unit's monthly report: the page, its evidence files and its Excel file, one rule for all.

    Inside the commune (another commune's report is a 404 before this is asked): the unit's own officers; the
    Office–Statistics and the site administrators, who run the cycle and enter reports on a unit's behalf; the
    Chairman and the Vice-Chairmen, who direct and judge the units; and the read-only accounts (the People's
    Council standing committee, a city's viewers), whose work is to oversee. Not the officers of another unit:
    units do not oversee each other, and evidence files can hold citizens' personal data. A lead unit still sees,
    on its own report, what the coordinating units wrote on its rows.
    README, «Ai xem được báo cáo của đơn vị», says the same in Vietnamese.
    """
    return report_reader(user)(unit_id)


def report_reader(user):
    """may_read_report for many reports of one user: the user's units are read once, not once per report."""
    if user.role != Role.UNIT_OFFICER or user.is_superuser:
        return lambda unit_id: True
    return unit_ids(user).__contains__


def unit_ids(user) -> frozenset[int]:
    """The units a user reports for, read once per user object: a report save asks both whether the officer may
    read the report and whether they may edit it. Kept on the user object as Django's ModelBackend keeps
    _perm_cache, so it lives as long as the request's user (loaded anew for every request)."""
    cached = getattr(user, "_theodoi_unit_ids", None)
    if cached is None:
        cached = frozenset(user.units.order_by().values_list("pk", flat=True))  # no need of the units' order
        user._theodoi_unit_ids = cached
    return cached
