"""python manage.py audit_plan FILE: print what the audit finds in a plan document."""
from django.core.management.base import BaseCommand

from ._plan_file import parse_or_fail


class Command(BaseCommand):
    help = "Kiểm tra các con số và cách đánh số trong văn bản kế hoạch; in các điểm bất thường."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="TỆP", help="văn bản kế hoạch .docx, .pdf hoặc .txt")

    def handle(self, *args, **options):
        plan = parse_or_fail(options["file"])
        anomalies = plan["anomalies"]
        for item in anomalies:
            self.stdout.write(f"[{item['kind']}] {item['where']}: {item['message']}")
        self.stdout.write(f"Tổng cộng {len(anomalies)} điểm bất thường.")
