"""python manage.py backup: a consistent copy of the database and uploaded files, while the app runs."""
from django.core.management.base import BaseCommand, CommandError

from theodoi.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp đã tải lên vào một tệp .tar.gz (mặc định trong var/backups/)."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", help="thư mục lưu bản sao (mặc định THEODOI_BACKUP_DIR hoặc var/backups)")

    def handle(self, *args, **options):
        try:
            archive = create_backup(options["output_dir"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        size = archive.stat().st_size / (1024 * 1024)
        self.stdout.write(f"Đã sao lưu vào {archive} ({size:.1f} MB).")
        self.stdout.write(archive.name)
