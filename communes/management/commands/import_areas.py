"""python manage.py import_areas danh-muc.csv: provinces and districts from the official list of administrative
units, and the communes already in the app linked under them (communes.services.areas; format in README)."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from communes.area_csv import size_refusal
from communes.services.areas import AreaImport, import_areas
from theodoi.formatting import number


class Command(BaseCommand):
    help = ("Nhập danh mục tỉnh, huyện từ tệp CSV của danh mục đơn vị hành chính và gắn các xã/phường đã có "
            "vào đúng đơn vị (một giao dịch: lỗi một dòng thì không lưu gì).")

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="TỆP_CSV", help="tệp .csv (UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy)")

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp «{path}».")
        refusal = size_refusal(path.name, path.stat().st_size)  # the page's limit, checked before reading
        if refusal:
            raise CommandError(refusal)
        result = import_areas(path.read_bytes(), file_name=path.name)
        if result.errors:
            for error in result.errors:
                self.stderr.write(error)
            raise CommandError(f"{path.name}: {number(len(result.errors))} lỗi; không lưu gì. Sửa tệp rồi chạy lại.")
        self._report(path.name, result)

    def _report(self, name: str, result: AreaImport) -> None:
        self.stdout.write(f"{name}: tạo mới {number(len(result.created))} đơn vị, cập nhật "
                          f"{number(len(result.updated))}, gắn {number(len(result.linked))} xã/phường; "
                          f"{number(result.not_in_app)} xã/phường trong tệp chưa dùng "
                          "phần mềm.")
        for title, items in (("Tạo mới", result.created), ("Cập nhật", result.updated), ("Gắn", result.linked),
                             ("Xã/phường chưa gắn được (hãy ghi mã Mã PX tại /quan-tri/ rồi nhập lại)",
                              result.unmatched)):
            if items:
                self.stdout.write(f"{title}:")
                for item in items:
                    self.stdout.write(f"  - {item}")
        if not result.changed:
            self.stdout.write("Không có thay đổi: danh mục đã như trong tệp.")
