"""The database side of backup and restore: dump, count rows, prove a copy sound, and put it in place in one step.

SQLite: the online backup API, PRAGMA integrity_check on the copy, then the backup API again into the live database
(one write transaction, so readers never see half of it). PostgreSQL: pg_dump's custom format; the dump is turned
into an SQL script by pg_restore (a clean exit proves it readable), its rows are counted against the manifest, and
psql runs it in a single transaction that ends with the same counts, so a failure rolls everything back.
"""
import os
import re
import shutil
import sqlite3
import subprocess
from glob import glob
from pathlib import Path

from django.db import connection

from theodoi.backup_archive import BackupError

_COPY = re.compile(r'^COPY (?:"?[\w]+"?\.)?"?([^"\s(]+)"? ')


def dump(path: Path) -> dict[str, int]:
    """Write the database to path; return the row count of every table, as read from the copy itself."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file: no -wal beside it to lose
        finally:
            target.close()
        return sqlite_counts(path)
    _run_pg("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}")
    script = _pg_script(path, path.with_name("counting.sql"))
    try:
        return _pg_script_counts(script)  # pg_dump reads one snapshot; counting the live tables would not
    finally:
        script.unlink()


def sqlite_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        names = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def check_copy(path: Path, tables: dict[str, int], archive_name: str) -> Path | None:
    """Refuse a copy that is damaged or holds other rows than the manifest says. Returns the SQL script for PG."""
    if connection.vendor == "sqlite":
        _check_sqlite(path, archive_name)
        _compare_counts(sqlite_counts(path), tables, f"cơ sở dữ liệu trong «{archive_name}»")
        return None
    script = _pg_script(path, path.with_suffix(".sql"), archive_name)
    _compare_counts(_pg_script_counts(script), tables, f"cơ sở dữ liệu trong «{archive_name}»")
    return script


def _check_sqlite(path: Path, archive_name: str) -> None:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            result = [row[0] for row in db.execute("PRAGMA integrity_check")]
            dangling = db.execute("PRAGMA foreign_key_check").fetchall()  # integrity_check ignores these
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Tệp cơ sở dữ liệu trong «{archive_name}» bị hỏng hoặc không phải cơ sở dữ liệu SQLite "
                          f"({exc}); không khôi phục.") from None
    if result != ["ok"]:
        raise BackupError(f"Cơ sở dữ liệu trong «{archive_name}» bị hỏng (SQLite integrity_check: "
                          f"{'; '.join(result[:3])}); không khôi phục.")
    if dangling:
        table, rowid, parent, _ = dangling[0]
        raise BackupError(f"Cơ sở dữ liệu trong «{archive_name}» có {len(dangling)} dòng trỏ tới dữ liệu không còn "
                          f"(bảng «{table}» dòng {rowid} trỏ tới «{parent}»); không khôi phục.")


def _compare_counts(found: dict[str, int], expected: dict[str, int], where: str) -> None:
    for table in sorted(set(expected) | set(found)):
        if found.get(table) != expected.get(table):
            raise BackupError(f"Số dòng của bảng «{table}» trong {where} là {found.get(table, 'không có bảng')}, "
                              f"nhưng manifest.json ghi {expected.get(table, 'không có bảng')}: bản sao lưu không "
                              "đầy đủ; không khôi phục.")


def load(path: Path, tables: dict[str, int], script: Path | None) -> None:
    """Replace the live database with a copy that check_copy accepted."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)  # page copy in one write transaction: schema, triggers and data
        finally:
            source.close()
        return
    if script is None:  # check_copy writes the script for PostgreSQL; without it nothing was checked
        raise BackupError("Chưa có tệp lệnh SQL do bước kiểm tra bản sao lưu tạo ra: không khôi phục cơ sở dữ liệu.")
    connection.close()  # the script drops tables; an open transaction here would block it
    with open(script, "a", encoding="utf-8") as stream:
        stream.write(_pg_count_guards(tables))
    _run_pg("psql", "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", f"--file={script}")


def _pg_script(dump_file: Path, script: Path, archive_name: str | None = None) -> Path:
    """pg_restore reads the whole dump to write the script: a damaged or truncated dump fails here, untouched."""
    try:
        _run_pg("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", f"--file={script}",
                str(dump_file), with_db=False)
    except BackupError as exc:
        if archive_name is None:
            raise
        raise BackupError(f"Tệp cơ sở dữ liệu trong «{archive_name}» không đọc được: {exc}; không khôi phục.") from None
    return script


def _pg_script_counts(script: Path) -> dict[str, int]:
    """COPY text format writes one line per row (newlines inside values are escaped) and ends with «\\.»."""
    counts, table = {}, None
    with open(script, encoding="utf-8") as stream:
        for line in stream:
            if table is None:
                match = _COPY.match(line)
                if match and line.rstrip().endswith("FROM stdin;"):
                    table = match.group(1)
                    counts[table] = 0
            elif line.rstrip("\n") == "\\.":
                table = None
            else:
                counts[table] += 1
    return counts


def _pg_count_guards(tables: dict[str, int]) -> str:
    """Checked inside psql's single transaction: a wrong count raises, and everything rolls back."""
    checks = "\n".join(f"  IF (SELECT count(*) FROM public.\"{name}\") <> {count} THEN "
                       f"RAISE EXCEPTION 'bảng % có số dòng khác manifest.json', '{name}'; END IF;"
                       for name, count in sorted(tables.items()) if re.fullmatch(r"\w+", name))
    return f"\nDO $theodoi_check$\nBEGIN\n{checks}\nEND\n$theodoi_check$;\n"


def _run_pg(program: str, *args: str, with_db: bool = True) -> None:
    db = connection.settings_dict
    env = {**os.environ, "PGHOST": db.get("HOST") or "", "PGPORT": str(db.get("PORT") or ""),
           "PGUSER": db.get("USER") or "", "PGPASSWORD": db.get("PASSWORD") or "", "PGDATABASE": db["NAME"]}
    command = [pg_program(program), *args] + ([f"--dbname={db['NAME']}"] if with_db else [])
    result = subprocess.run(command, env=env, capture_output=True, text=True)
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
