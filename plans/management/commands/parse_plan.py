"""python manage.py parse_plan FILE: print the Plan JSON; writes nothing."""
from django.core.management.base import BaseCommand

from planparser.jsonout import dumps

from ._plan_file import parse_or_fail


class Command(BaseCommand):
    help = "Đọc văn bản kế hoạch (.docx/.pdf/.txt) và in ra Plan JSON; không ghi gì vào cơ sở dữ liệu."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="TỆP", help="văn bản kế hoạch .docx, .pdf hoặc .txt")

    def handle(self, *args, **options):
        plan = parse_or_fail(options["file"])
        self.stdout.write(dumps(plan))
