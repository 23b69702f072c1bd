"""Backup and restore: one .tar.gz holding a consistent copy of the database and the uploaded files.

SQLite is copied with the online backup API (readers and writers keep working); PostgreSQL with pg_dump, which
reads one snapshot. The archive: manifest.json (SHA-256 and size of every file, row count of every table),
database.sqlite3 or database.pgdump, and media/.

A restore trusts nothing it has not checked: the whole gzip stream, every path, every checksum, then the database
copy itself (SQLite integrity_check, or a clean pg_restore and the row counts), all in a temporary folder. Only then
is the live database replaced, in one transaction, so --force can never swap a healthy database for a broken one.
"""
import shutil
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone

from theodoi import backup_database
from theodoi.backup_archive import DB_FILES, MEDIA, BackupError, build_manifest, unpack_verified, write_archive

__all__ = ["BackupError", "create_backup", "restore_backup", "database_is_empty"]

# Rows `migrate` itself creates; a database holding only these is still empty.
_MIGRATE_ROWS = {"contenttypes.ContentType", "auth.Permission"}
_SKIPPED_MEDIA = {"staging"}  # previews waiting for confirmation are not data


def create_backup(directory: Path | None = None) -> Path:
    directory = Path(directory or settings.THEODOI_BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    target = _free_name(directory, timezone.localtime().strftime("theodoi-%Y%m%d-%H%M%S"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        folder.mkdir()
        tables = backup_database.dump(folder / _db_file_name())
        _copy_media(folder / MEDIA)  # copied first, so each checksum is of the very bytes archived
        manifest = build_manifest(folder, connection.vendor, timezone.now().isoformat(), tables)
        write_archive(folder, manifest, target)
    return target


def _free_name(directory: Path, stem: str) -> Path:
    candidate, n = directory / f"{stem}.tar.gz", 1
    while candidate.exists():
        n += 1
        candidate = directory / f"{stem}-{n}.tar.gz"
    return candidate


def _db_file_name() -> str:
    if connection.vendor not in DB_FILES:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại «{connection.vendor}».")
    return DB_FILES[connection.vendor]


def _copy_media(target: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        shutil.copytree(media, target, ignore=lambda folder, names: _skipped(media, folder, names))


def _skipped(media: Path, folder: str, names: list[str]) -> set[str]:
    return set(names) & _SKIPPED_MEDIA if Path(folder) == media else set()


def restore_backup(archive: Path, force: bool = False) -> dict:
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu «{archive}».")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        manifest = unpack_verified(archive, folder)
        if manifest["vendor"] != connection.vendor:
            raise BackupError(f"Bản sao lưu «{archive.name}» là của cơ sở dữ liệu «{manifest['vendor']}», không "
                              f"khôi phục được vào «{connection.vendor}».")
        database = folder / manifest["database"]
        script = backup_database.check_copy(database, manifest["tables"], archive.name)
        if not force and not database_is_empty():
            raise BackupError("Cơ sở dữ liệu đang có dữ liệu; chỉ khôi phục vào cơ sở dữ liệu trống. "
                              "Dùng --force để ghi đè (dữ liệu hiện có sẽ mất).")
        backup_database.load(database, manifest["tables"], script)
        _restore_media(folder / MEDIA)
    return manifest


def database_is_empty() -> bool:
    tables = set(connection.introspection.table_names())
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.label in _MIGRATE_ROWS or meta.db_table not in tables:
            continue
        if model._base_manager.exists():
            return False
    return True


def _restore_media(source: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, settings.MEDIA_ROOT, dirs_exist_ok=True)
