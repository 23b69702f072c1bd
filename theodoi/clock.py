"""The one source of "today" and "now" for the report cycle, the indicators and the evaluation.

Production reads the real calendar. The demo (`make run`) sets THEODOI_DEMO_DATE, e.g. "2023-06-10", so the sample
plan of 2023 is seen in the middle of its year instead of years overdue: today() is that day and now() that day at
the real time of day in Asia/Ho_Chi_Minh, so what a visitor submits is dated inside the plan's year. The seed of the
demo also moves the clock day by day through `frozen`, so its reports carry the days they were "sent".
"""
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

_frozen: ContextVar[date | None] = ContextVar("theodoi_clock_frozen", default=None)


def demo_date() -> date | None:
    """The demo's working day, or None when the setting is off (empty or absent)."""
    raw = getattr(settings, "THEODOI_DEMO_DATE", None)
    if not raw:
        return None
    if getattr(settings, "PRODUCTION", False):
        raise ImproperlyConfigured("THEODOI_PRODUCTION=1 không được dùng ngày làm việc giả định: hãy bỏ biến môi "
                                   f"trường THEODOI_DEMO_DATE (đang là «{raw}»); chỉ bản chạy thử dùng biến này.")
    return parse_demo_date(raw)


def parse_demo_date(raw) -> date:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError:
        raise ImproperlyConfigured(f"Biến THEODOI_DEMO_DATE=«{raw}» không phải một ngày dạng NĂM-THÁNG-NGÀY, "
                                   "ví dụ 2023-06-10; để trống để dùng ngày thật.") from None


def today() -> date:
    day = _frozen.get() or demo_date()
    return day if day is not None else timezone.localdate()


def now() -> datetime:
    """The real time of day, on the demo's (or the seed's) day when one is set; aware, in the site's zone."""
    real = timezone.localtime()
    day = _frozen.get() or demo_date()
    return real if day is None else real.replace(year=day.year, month=day.month, day=day.day)


@contextmanager
def frozen(day: date):
    """Run a block as if it were `day`: the demo's seed walks through January–June this way."""
    token = _frozen.set(day)
    try:
        yield day
    finally:
        _frozen.reset(token)


def demo_banner(request) -> dict:
    """Context processor: every page says when it runs on an assumed day, so no one mistakes the demo for real."""
    day = demo_date()
    return {"demo_date": day} if day is not None else {}
