"""python manage.py audit_plan FILE: print what the audit finds in a plan document."""
from django.core.management.base import BaseCommand, CommandError

from planparser.blocks import PlanReadError
from planparser.plan import parse_file


class Command(BaseCommand):
    help = "Kiểm tra các con số và cách đánh số trong văn bản kế hoạch; in các điểm bất thường."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        try:
            plan = parse_file(options["file"])
        except PlanReadError as exc:
            raise CommandError(str(exc)) from None
        anomalies = plan["anomalies"]
        for item in anomalies:
            self.stdout.write(f"[{item['kind']}] {item['where']}: {item['message']}")
        self.stdout.write(f"Tổng cộng {len(anomalies)} điểm bất thường.")
