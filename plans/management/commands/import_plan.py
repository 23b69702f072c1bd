"""python manage.py import_plan FILE --commune "Hưng Đông": import or re-import a plan document."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from communes.models import Commune
from planparser.blocks import PlanReadError
from plans.services.importer import import_plan


class Command(BaseCommand):
    help = "Nhập văn bản kế hoạch vào hệ thống cho một xã/phường (trong một giao dịch)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--commune", required=True, help="tên xã/phường, ví dụ «Hưng Đông»")
        parser.add_argument("--kind", default="xã", choices=["xã", "phường", "thị trấn"])
        parser.add_argument("--city", default="", help="thành phố/huyện (khi tạo xã/phường mới)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Không mở được tệp «{path.name}»: {exc.strerror}.") from None
        try:
            with transaction.atomic():  # a file that fails leaves no new commune behind either
                result = import_plan(self._commune(options), data, path.name)
        except PlanReadError as exc:
            raise CommandError(str(exc)) from None
        self._report(result)

    def _commune(self, options) -> Commune:
        commune = Commune.objects.filter(name=options["commune"]).first()
        if commune:
            return commune
        return Commune.objects.create(name=options["commune"], kind=options["kind"], parent_city=options["city"])

    def _report(self, result) -> None:
        plan = result.plan
        if not result.created:
            self.stdout.write(f"Tệp đã được nhập trước đó (kế hoạch năm {plan.year}, phiên bản {plan.version}); không thay đổi gì.")
            return
        tasks = plan.nodes.filter(level="task").count()
        self.stdout.write(f"Đã nhập «{plan.title}» phiên bản {plan.version}: {tasks} nhiệm vụ, "
                          f"{plan.indicators.filter(parent=None).count()} chỉ tiêu, "
                          f"{plan.anomalies.filter(is_warning=False).count()} điểm bất thường.")
        for change in result.changes:
            self.stdout.write(f"  - {change}")
