"""python manage.py advance_periods: open this month's reporting period everywhere, close and lock past ones.

Run daily by cron (before send_reminders). Idempotent: a second run the same day changes nothing.
"""
from datetime import date

from django.core.management.base import BaseCommand

from reports.services.periods import advance_periods
from theodoi import clock


class Command(BaseCommand):
    help = "Mở kỳ báo cáo tháng hiện tại, chuyển các kỳ đã hết hạn sang «hết hạn» hoặc «khóa»."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, help="ngày chạy (YYYY-MM-DD), mặc định hôm nay")

    def handle(self, *args, **options):
        changes = advance_periods(options["today"] or clock.today())
        for change in changes:
            self.stdout.write(change)
        self.stdout.write(f"Đã cập nhật {len(changes)} kỳ báo cáo.")
