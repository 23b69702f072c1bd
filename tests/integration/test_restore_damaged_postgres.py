"""PostgreSQL: a dump that pg_restore cannot read, or that holds other rows than its manifest, is refused with
--force over a healthy database, which stays exactly as it was."""
import hashlib
import os
import uuid

import pytest

from tests.integration.test_backup_restore import manage, site_env
from tests.integration.test_restore_damaged import members, repack

pytestmark = pytest.mark.postgres_only  # `make test` selects these only in its PostgreSQL pass


@pytest.fixture(scope="module")
def server():
    assert os.environ.get("DATABASE_URL", "").startswith("postgres"), "run it under scripts/with-postgres.sh"
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0]


@pytest.fixture(scope="module")
def sites(server, tmp_path_factory):
    """A backup of the demo commune, and a second database restored from it: healthy, holding data."""
    import psycopg

    names = [f"theodoi_hong_{uuid.uuid4().hex[:8]}_{side}" for side in ("a", "b")]
    root = tmp_path_factory.mktemp("pg")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            source, target = (site_env(root / name, f"{server}/{name}") for name in names)
            manage(source, "migrate", "--noinput", "-v", "0")
            manage(source, "seed_demo")
            archive = root / manage(source, "backup", f"--output-dir={root}").stdout.strip().splitlines()[-1]
            manage(target, "restore", str(archive))
            yield archive, target, f"{server}/{names[1]}"
        finally:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fingerprint(url: str) -> str:
    import psycopg

    digest = hashlib.sha256()
    with psycopg.connect(url) as db:
        tables = [row[0] for row in db.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
        for table in tables:
            rows = db.execute(f'SELECT t::text FROM public."{table}" t ORDER BY 1').fetchall()
            digest.update(f"{table}:{rows!r}".encode())
    return digest.hexdigest()


def refused(sites, archive) -> str:
    _, env, url = sites
    before = fingerprint(url)
    result = manage(env, "restore", str(archive), "--force", check=False)
    assert result.returncode != 0 and "CommandError" in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(url) == before, "a refused restore changed the database"
    return result.stderr


def test_a_garbage_dump_with_matching_checksums_is_refused(sites, tmp_path):
    garbage = repack(sites[0], tmp_path / "rac.tar.gz", {"database.pgdump": b"PGDMP" + os.urandom(3000)})
    error = refused(sites, garbage)
    assert "Tệp cơ sở dữ liệu trong «rac.tar.gz» không đọc được: pg_restore thất bại" in error


def test_half_a_dump_is_refused(sites, tmp_path):
    whole = members(sites[0])["database.pgdump"]
    half = repack(sites[0], tmp_path / "nua.tar.gz", {"database.pgdump": whole[: len(whole) // 2]})
    assert "Tệp cơ sở dữ liệu trong «nua.tar.gz» không đọc được: pg_restore thất bại" in refused(sites, half)


def test_a_dump_with_other_row_counts_than_its_manifest_is_refused(sites, tmp_path):
    def one_more_anomaly(manifest):
        manifest["tables"]["plans_anomaly"] += 1

    lying = repack(sites[0], tmp_path / "so-dong.tar.gz", manifest_change=one_more_anomaly)
    error = refused(sites, lying)
    assert "Số dòng của bảng «plans_anomaly» trong cơ sở dữ liệu trong «so-dong.tar.gz»" in error


def test_a_sound_dump_still_restores_over_data_with_force(sites):
    archive, env, url = sites
    before = fingerprint(url)
    assert "Đã khôi phục" in manage(env, "restore", str(archive), "--force").stdout
    assert fingerprint(url) == before  # the same backup again: the same rows
