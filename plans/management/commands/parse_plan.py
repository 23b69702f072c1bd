"""python manage.py parse_plan FILE: print the Plan JSON; writes nothing."""
from django.core.management.base import BaseCommand, CommandError

from planparser.blocks import PlanReadError
from planparser.jsonout import dumps
from planparser.plan import parse_file


class Command(BaseCommand):
    help = "Đọc văn bản kế hoạch (.docx/.txt) và in ra Plan JSON; không ghi gì vào cơ sở dữ liệu."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        try:
            plan = parse_file(options["file"])
        except PlanReadError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(dumps(plan))
