"""Backup and restore: one .tar.gz holding a consistent copy of the database and the uploaded files.

SQLite is copied with the online backup API (readers and writers keep working); PostgreSQL with pg_dump, which
reads one snapshot. The archive: manifest.json, database.sqlite3 or database.pgdump, and media/.
"""
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from glob import glob
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone

_DB_FILE = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
# Rows `migrate` itself creates; a database holding only these is still empty.
_MIGRATE_ROWS = {"contenttypes.ContentType", "auth.Permission"}
_SKIPPED_MEDIA = {"staging"}  # previews waiting for confirmation are not data


class BackupError(Exception):
    """A refusal or failure, in Vietnamese, for the operator."""


def create_backup(directory: Path | None = None) -> Path:
    directory = Path(directory or settings.THEODOI_BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    target = _free_name(directory, timezone.localtime().strftime("theodoi-%Y%m%d-%H%M%S"))
    with tempfile.TemporaryDirectory() as tmp:
        db_file = Path(tmp) / _db_file_name()
        _dump_database(db_file)
        manifest = Path(tmp) / "manifest.json"
        manifest.write_text(json.dumps({"vendor": connection.vendor, "created": timezone.now().isoformat(),
                                         "database": db_file.name}, ensure_ascii=False))
        partial = target.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(manifest, arcname=manifest.name)
            tar.add(db_file, arcname=db_file.name)
            _add_media(tar)
        partial.rename(target)  # a half-written archive never carries the final name
    return target


def _free_name(directory: Path, stem: str) -> Path:
    candidate, n = directory / f"{stem}.tar.gz", 1
    while candidate.exists():
        n += 1
        candidate = directory / f"{stem}-{n}.tar.gz"
    return candidate


def _db_file_name() -> str:
    if connection.vendor not in _DB_FILE:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại «{connection.vendor}».")
    return _DB_FILE[connection.vendor]


def _add_media(tar: tarfile.TarFile) -> None:
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        tar.add(media, arcname="media", filter=lambda info: None if _is_skipped(info.name) else info)


def _is_skipped(arcname: str) -> bool:
    parts = Path(arcname).parts
    return len(parts) > 1 and parts[1] in _SKIPPED_MEDIA


def _dump_database(path: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        _run_pg("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}")


def restore_backup(archive: Path, force: bool = False) -> dict:
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu «{archive}».")
    with tempfile.TemporaryDirectory() as tmp:
        manifest = _extract(archive, Path(tmp))
        if manifest.get("vendor") != connection.vendor:
            raise BackupError(f"Bản sao lưu của cơ sở dữ liệu «{manifest.get('vendor')}» không khôi phục được vào "
                              f"«{connection.vendor}».")
        if not force and not database_is_empty():
            raise BackupError("Cơ sở dữ liệu đang có dữ liệu; chỉ khôi phục vào cơ sở dữ liệu trống. "
                              "Dùng --force để ghi đè (dữ liệu hiện có sẽ mất).")
        _load_database(Path(tmp) / manifest["database"])
        _restore_media(Path(tmp) / "media")
    return manifest


def _extract(archive: Path, folder: Path) -> dict:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(folder, filter="data")  # refuses absolute paths, .. and links out of the folder
        return json.loads((folder / "manifest.json").read_text())
    except (tarfile.TarError, OSError, ValueError) as exc:
        raise BackupError(f"Tệp «{archive.name}» không phải bản sao lưu theodoi hợp lệ ({exc}).") from None


def database_is_empty() -> bool:
    tables = set(connection.introspection.table_names())
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.label in _MIGRATE_ROWS or meta.db_table not in tables:
            continue
        if model._base_manager.exists():
            return False
    return True


def _load_database(path: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)  # page copy: schema, triggers and data, in one step
        finally:
            source.close()
    else:
        connection.close()  # pg_restore drops tables; an open transaction here would block it
        _run_pg("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                "--exit-on-error", str(path))


def _restore_media(source: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, settings.MEDIA_ROOT, dirs_exist_ok=True)


def _run_pg(program: str, *args: str) -> None:
    db = connection.settings_dict
    env = {**os.environ, "PGHOST": db.get("HOST") or "", "PGPORT": str(db.get("PORT") or ""),
           "PGUSER": db.get("USER") or "", "PGPASSWORD": db.get("PASSWORD") or "", "PGDATABASE": db["NAME"]}
    result = subprocess.run([pg_program(program), *args, f"--dbname={db['NAME']}"], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{program} thất bại: {result.stderr.strip()[:2000]}")


def pg_program(name: str) -> str:
    """On PATH, or the newest Debian install (a newer pg_dump reads older servers, not the reverse)."""
    found = shutil.which(name)
    candidates = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[-3]))
    if candidates:
        return candidates[-1]
    if found:
        return found
    raise BackupError(f"Không tìm thấy chương trình {name}; cài gói postgresql-client.")
