"""Backup, then restore into an empty database, gives the same data: run as an operator would, with manage.py."""
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

MANAGE = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]


def manage(env: dict, *args: str, check=True) -> subprocess.CompletedProcess:
    result = subprocess.run([*MANAGE, *args], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR)
    if check:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


def site_env(var_dir: Path, database_url: str) -> dict:
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("THEODOI_", "DATABASE_URL"))}
    return {**env, "THEODOI_VAR_DIR": str(var_dir), "DATABASE_URL": database_url, "SECRET_KEY": "x" * 60}


def content(env: dict) -> list:
    """Every app model, serialised as dumpdata does, in a stable order."""
    rows = json.loads(manage(env, "dumpdata", "--indent=0").stdout)
    return sorted(rows, key=lambda row: (row["model"], str(row["pk"])))


def media_files(var_dir: Path) -> dict:
    media = var_dir / "media"
    return {str(p.relative_to(media)): p.read_bytes() for p in media.rglob("*") if p.is_file()}


def roundtrip(tmp_path: Path, url_a: str, url_b: str) -> None:
    source, target = site_env(tmp_path / "a", url_a), site_env(tmp_path / "b", url_b)
    manage(source, "migrate", "--noinput")
    manage(source, "seed_demo")
    out = manage(source, "backup", f"--output-dir={tmp_path / 'backups'}").stdout
    archive = tmp_path / "backups" / out.strip().splitlines()[-1]
    assert archive.name.startswith("theodoi-") and archive.name.endswith(".tar.gz")
    assert "Đã sao lưu" in out

    assert "Đã khôi phục" in manage(target, "restore", str(archive)).stdout
    assert content(target) == content(source)
    assert media_files(tmp_path / "b") == media_files(tmp_path / "a") != {}

    refused = manage(target, "restore", str(archive), check=False)
    assert refused.returncode != 0 and "đang có dữ liệu" in refused.stderr
    assert manage(target, "restore", str(archive), "--force").returncode == 0
    assert content(target) == content(source)


def test_sqlite_backup_restores_identical_data_into_an_empty_database(tmp_path):
    roundtrip(tmp_path, f"sqlite:///{tmp_path / 'a' / 'db.sqlite3'}", f"sqlite:///{tmp_path / 'b' / 'db.sqlite3'}")


@pytest.mark.postgres_only  # `make test` selects it only in its PostgreSQL pass
def test_postgres_backup_restores_identical_data_into_an_empty_database(tmp_path):
    import psycopg

    assert os.environ.get("DATABASE_URL", "").startswith("postgres"), "run it under scripts/with-postgres.sh"

    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    names = [f"theodoi_bk_{uuid.uuid4().hex[:8]}_{side}" for side in ("a", "b")]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            roundtrip(tmp_path, f"{server}/{names[0]}", f"{server}/{names[1]}")
        finally:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    env = site_env(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    bogus = tmp_path / "x.tar.gz"
    bogus.write_bytes(b"not a tar")
    result = manage(env, "restore", str(bogus), check=False)
    assert result.returncode != 0 and "không phải bản sao lưu theodoi" in result.stderr
