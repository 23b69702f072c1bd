"""python manage.py import_plan TỆP [TỆP|THƯ MỤC ...] --commune "Hưng Đông": import or re-import plan documents.

Each file is imported in its own transaction and reported on its own line; a bad file does not stop the others,
and the exit status is non-zero when any failed.
"""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from communes.models import AdminArea, Commune
from planparser.blocks import PlanReadError
from plans.rules import OtherLocalityError
from plans.services.importer import import_plan

from ._plan_file import read_checked

_PLAN_SUFFIXES = (".docx", ".pdf", ".txt")


class Command(BaseCommand):
    help = "Nhập một hay nhiều văn bản kế hoạch (hoặc cả một thư mục) cho một xã/phường; mỗi tệp một giao dịch."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="TỆP",
                            help="tệp kế hoạch .docx, .pdf, .txt, hoặc thư mục chứa các tệp đó")
        parser.add_argument("--commune", required=True, help="tên xã/phường, ví dụ «Hưng Đông»")
        parser.add_argument("--kind", default="xã", choices=["xã", "phường", "thị trấn", "đặc khu"])
        parser.add_argument("--area", "--city", dest="area", default="",
                            help="tên tỉnh/huyện đã có (khi tạo xã/phường mới), ví dụ «Vinh»")
        parser.add_argument("--allow-other-locality", action="store_true",
                            help="vẫn nhập khi văn bản do địa phương khác ban hành (mặc định: từ chối)")

    def handle(self, *args, **options):
        files = self._files(options["paths"])
        failed = [path for path in files if not self._import_one(path, options)]
        if failed:
            names = ", ".join(f"«{path.name}»" for path in failed)
            raise CommandError(f"{len(failed)}/{len(files)} tệp không nhập được: {names}.")

    def _files(self, paths: list[str]) -> list[Path]:
        files = []
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in _PLAN_SUFFIXES)
                if not found:
                    raise CommandError(f"Thư mục «{path}» không có tệp kế hoạch nào (.docx, .pdf, .txt).")
                files += found
            else:
                files.append(path)
        return files

    def _import_one(self, path: Path, options) -> bool:
        try:
            data = read_checked(path)
            with transaction.atomic():  # a file that fails leaves no new commune behind either
                result = import_plan(self._commune(options), data, path.name,
                                     own_locality_only=not options["allow_other_locality"])
        except OtherLocalityError as exc:
            self.stderr.write(f"{path.name}: LỖI: {exc} Nếu thật sự muốn nhập, chạy lại với --allow-other-locality.")
            return False
        except PlanReadError as exc:
            self.stderr.write(f"{path.name}: LỖI: {exc}")
            return False
        self._report(path, result)
        return True

    def _commune(self, options) -> Commune:
        commune = Commune.objects.filter(name=options["commune"]).first()
        if commune:
            return commune
        return Commune.objects.create(name=options["commune"], kind=options["kind"], area=_area(options["area"]))

    def _report(self, path: Path, result) -> None:
        plan = result.plan
        if result.unchanged == "same_content":
            self.stdout.write(f"{path.name}: Không có thay đổi so với phiên bản hiện hành (kế hoạch năm {plan.year}, "
                              f"phiên bản {plan.version}); không tạo phiên bản mới.")
            return
        if not result.created:
            self.stdout.write(f"{path.name}: Tệp đã được nhập trước đó (kế hoạch năm {plan.year}, "
                              f"phiên bản {plan.version}); không thay đổi gì.")
            return
        tasks = plan.nodes.filter(level="task").count()
        self.stdout.write(f"{path.name}: Đã nhập «{plan.title}» phiên bản {plan.version}: {tasks} nhiệm vụ, "
                          f"{plan.indicators.filter(parent=None).count()} chỉ tiêu, "
                          f"{plan.anomalies.filter(is_warning=False).count()} điểm bất thường.")
        for change in result.changes:
            self.stdout.write(f"  - {change}")


def _area(name: str) -> AdminArea | None:
    """The area named on the command line; a name that is missing or ambiguous is refused, never guessed."""
    if not name:
        return None
    areas = list(AdminArea.objects.filter(name=name))
    if len(areas) != 1:
        problem = "chưa có" if not areas else f"có {len(areas)} đơn vị trùng tên"
        raise CommandError(f"--area «{name}»: {problem}; hãy nhập danh mục bằng import_areas hoặc sửa tại /quan-tri/.")
    return areas[0]
