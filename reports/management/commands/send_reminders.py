"""Daily cron: e-mail the units that have not reported, 5 days and 1 day before the deadline and the day after."""
from argparse import ArgumentTypeError
from datetime import date

from django.core.management.base import BaseCommand

from reports.models import ReminderKind
from reports.services import reminders
from theodoi import clock
from theodoi.formatting import short_date


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArgumentTypeError(f"ngày không hợp lệ: {value!r} (cần dạng YYYY-MM-DD).") from None


class Command(BaseCommand):
    help = "Gửi thư nhắc báo cáo tiến độ cho các đơn vị chưa báo cáo (chạy hằng ngày bằng cron)."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=_day, help="Ngày coi là hôm nay (YYYY-MM-DD), để thử hoặc chạy bù.")

    def handle(self, *args, today=None, **options):
        today = today or clock.today()
        outcomes = reminders.send_due(today)
        for outcome in outcomes:
            self.stdout.write(self._line(outcome))
        self.stdout.write(self._summary(today, outcomes))

    def _line(self, outcome) -> str:
        where = f"{outcome.period.commune} – {outcome.period} – {outcome.unit.name}"
        kind = ReminderKind(outcome.kind).label if outcome.kind else ""
        if outcome.status == reminders.SENT:
            return f"Đã gửi ({kind}): {where} → {', '.join(outcome.recipients)}"
        if outcome.status == reminders.FAILED:
            return self.style.ERROR(f"Lỗi gửi ({kind}): {where}: {outcome.error} (sẽ gửi lại ở lần chạy sau)")
        return self.style.WARNING(f"Chưa có thư điện tử: {where} – cần bổ sung trong Danh bạ hoặc tài khoản cán bộ")

    def _summary(self, today: date, outcomes) -> str:
        count = {s: sum(1 for o in outcomes if o.status == s)
                 for s in (reminders.SENT, reminders.FAILED, reminders.NO_EMAIL)}
        if not any(count.values()):
            return f"Ngày {short_date(today)}: không có thư nhắc nào cần gửi."
        return (f"Ngày {short_date(today)}: đã gửi {count[reminders.SENT]} thư nhắc, "
                f"{count[reminders.FAILED]} thư lỗi, {count[reminders.NO_EMAIL]} đơn vị chưa có thư điện tử.")
