"""The Chairman's three public actions: open or close the public page, release a month, withdraw a release.

Only the Chairman decides what the commune makes public (the Chairman signs the monthly report). Each action runs in
one transaction, leaves an audit entry, and starts a new cache generation once committed.
"""
from datetime import date

from django.db import IntegrityError, transaction

from accounts.models import Role
from accounts.tenancy import communes_for
from audit.services import log_action
from communes.models import Commune
from plans.models import Plan
from reports.models import ReportingPeriod
from theodoi import clock
from theodoi import formatting as fmt
from theodoi.errors import DomainError, Forbidden, NotFound

from ..models import PublicSetting, Release
from ..queries import cache
from . import snapshot


class ReleaseError(DomainError):
    """A release or withdrawal that cannot be done; the message says which month and why."""


def require_chairman(user, commune_id: int) -> None:
    """Another commune's record is not found (its existence is not ours to reveal); anyone but its Chairman is
    refused."""
    if not communes_for(user).filter(pk=commune_id).exists():
        raise NotFound("Không tìm thấy xã/phường này.")
    if user.role != Role.CHAIRMAN:
        raise Forbidden("Chỉ Chủ tịch UBND xã/phường được quyết định công khai.")


def is_public(commune: Commune) -> bool:
    return PublicSetting.objects.filter(commune=commune, is_public=True).exists()


def set_public(commune_id: int, public: bool, user) -> PublicSetting:
    require_chairman(user, commune_id)
    commune = Commune.objects.get(pk=commune_id)
    with transaction.atomic():
        setting, _ = PublicSetting.objects.select_for_update().get_or_create(commune=commune)
        if setting.is_public == public:  # a second click changes nothing and logs nothing
            return setting
        setting.is_public, setting.changed_at, setting.changed_by = public, clock.now(), user
        setting.save()
        log_action("public_page.opened" if public else "public_page.closed", setting, user=user,
                   changes={"is_public": [not public, public]}, commune=commune)
        cache.invalidate_on_commit()
    return setting


def release(period: ReportingPeriod, user, today: date) -> Release:
    require_chairman(user, period.commune_id)
    month = f"tháng {period.month:02d}/{period.year}"
    if today <= period.end:
        raise ReleaseError(f"Chưa công khai được báo cáo {month}: số liệu của tháng chốt ngày "
                           f"{fmt.short_date(period.end)}, hôm nay chưa qua ngày đó.")
    plan = Plan.objects.filter(commune_id=period.commune_id, year=period.year, is_current=True) \
        .select_related("commune").first()
    if plan is None:
        raise ReleaseError(f"Chưa công khai được báo cáo {month}: xã/phường chưa có kế hoạch năm {period.year} "
                           "đang áp dụng.")
    try:
        with transaction.atomic():
            item = Release.objects.create(
                commune_id=period.commune_id, period=period, year=period.year, month=period.month,
                content=snapshot.build(plan, period, today), released_at=clock.now(), released_by=user)
            log_action("public_report.released", item, user=user, commune=plan.commune,
                       data={"year": period.year, "month": period.month, "plan_version": plan.version})
            cache.invalidate_on_commit()
    except IntegrityError:  # the constraint one_live_release_per_period: released already, perhaps a moment ago
        raise ReleaseError(f"Báo cáo {month} đã được công khai; muốn cập nhật số liệu, hãy thôi công khai "
                           "rồi công khai lại.") from None
    return item


def withdraw(item: Release, user) -> Release:
    require_chairman(user, item.commune_id)
    with transaction.atomic():
        locked = Release.objects.select_for_update().get(pk=item.pk)
        if not locked.is_live:
            raise ReleaseError(f"Báo cáo tháng {locked.month:02d}/{locked.year} đã thôi công khai trước đó.")
        locked.withdrawn_at, locked.withdrawn_by = clock.now(), user
        locked.save()
        log_action("public_report.withdrawn", locked, user=user,
                   data={"year": locked.year, "month": locked.month}, commune=locked.commune)
        cache.invalidate_on_commit()
    return locked


def period_for(user, pk: int) -> ReportingPeriod:
    found = ReportingPeriod.objects.filter(pk=pk, commune__in=communes_for(user)).select_related("commune").first()
    if found is None:
        raise NotFound("Không tìm thấy kỳ báo cáo này.")
    return found


def release_for(user, pk: int) -> Release:
    found = Release.objects.filter(pk=pk, commune__in=communes_for(user)).select_related("commune").first()
    if found is None:
        raise NotFound("Không tìm thấy báo cáo đã công khai này.")
    return found


def overview(user, today: date) -> dict:
    """The Chairman's page: the switch, and every month of the commune with what can be done with it."""
    if user.role != Role.CHAIRMAN or user.commune_id is None:
        raise Forbidden("Chỉ Chủ tịch UBND xã/phường được quyết định công khai.")
    commune = Commune.objects.get(pk=user.commune_id)
    live = {r.period_id: r for r in Release.objects.filter(commune=commune, withdrawn_at__isnull=True)}
    months = [{"period": p, "release": live.get(p.pk), "closed": today > p.end}
              for p in ReportingPeriod.objects.filter(commune=commune).order_by("-year", "-month")]
    return {"commune": commune, "is_public": is_public(commune), "months": months}
