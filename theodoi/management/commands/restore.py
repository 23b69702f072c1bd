"""python manage.py restore ARCHIVE [--force]: bring a checked backup back, into an empty database unless forced."""
from django.core.management.base import BaseCommand, CommandError

from theodoi.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = ("Khôi phục bản sao lưu vào cơ sở dữ liệu trống (từ chối nếu đã có dữ liệu, trừ khi có --force). "
            "Trước khi thay đổi bất cứ gì, lệnh kiểm tra toàn bộ tệp nén, mã SHA-256 của từng tệp, đường dẫn, "
            "và chính cơ sở dữ liệu trong bản sao lưu; bản sao lưu hỏng bị từ chối, dữ liệu hiện có giữ nguyên.")

    def add_arguments(self, parser):
        parser.add_argument("archive", help="tệp .tar.gz do lệnh backup tạo ra")
        parser.add_argument("--force", action="store_true",
                            help="ghi đè cả khi cơ sở dữ liệu đang có dữ liệu (chỉ khi bản sao lưu đã qua kiểm tra)")

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(options["archive"], force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Đã kiểm tra {len(manifest['files'])} tệp và {len(manifest['tables'])} bảng: khớp.")
        self.stdout.write(f"Đã khôi phục bản sao lưu lập lúc {manifest.get('created', '?')}. "
                          "Hãy khởi động lại ứng dụng.")
