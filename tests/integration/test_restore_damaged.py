"""A damaged backup is refused with a clear message before anything changes, even with --force.

One real backup of the demo commune is made once; each test damages a copy of it the way disks, copies and people
do, restores it with --force over a healthy database, and checks the error and that the database and uploaded files
are exactly as they were.
"""
import hashlib
import io
import json
import shutil
import sqlite3
import tarfile
from pathlib import Path

import pytest

from tests.integration.test_backup_restore import manage, site_env


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """The demo commune, backed up: (archive, its database file, the env that made it)."""
    root = tmp_path_factory.mktemp("nguon")
    env = site_env(root, f"sqlite:///{root / 'db.sqlite3'}")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "seed_demo")
    out = manage(env, "backup", f"--output-dir={root / 'backups'}").stdout
    return root / "backups" / out.strip().splitlines()[-1], root / "db.sqlite3"


@pytest.fixture
def healthy(tmp_path, good):
    """A site holding data (a copy of the demo), as an office that restores by mistake would have."""
    site = tmp_path / "site"
    site.mkdir()
    with sqlite3.connect(good[1]) as source, sqlite3.connect(site / "db.sqlite3") as copy:
        source.backup(copy)
    (site / "media" / "minh-chung").mkdir(parents=True)
    (site / "media" / "minh-chung" / "bien-ban.pdf").write_bytes(b"%PDF-1.4 bien ban hop giao ban thang 5")
    return site_env(site, f"sqlite:///{site / 'db.sqlite3'}"), site


def fingerprint(site: Path) -> tuple[str, dict]:
    with sqlite3.connect(site / "db.sqlite3") as db:
        rows = hashlib.sha256("\n".join(db.iterdump()).encode()).hexdigest()
    media = {str(p.relative_to(site)): p.read_bytes() for p in (site / "media").rglob("*") if p.is_file()}
    return rows, media


def members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, "r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def repack(archive: Path, target: Path, change=None, manifest_change=None, recompute=True, raw_manifest=None,
           extra: list[tarfile.TarInfo] = ()) -> Path:
    """Rewrite the archive with some files changed or removed (None), checksums recomputed unless asked not to."""
    files = members(archive)
    manifest = json.loads(files.pop("manifest.json"))
    for name, data in (change or {}).items():
        files.pop(name) if data is None else files.__setitem__(name, data)
    if recompute:
        manifest["files"] = {name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                             for name, data in files.items()}
    if manifest_change:
        manifest_change(manifest)
    body = raw_manifest if raw_manifest is not None else json.dumps(manifest).encode()
    with tarfile.open(target, "w:gz") as tar:
        if body is not False:
            _add(tar, tarfile.TarInfo("manifest.json"), body)
        for name, data in files.items():
            _add(tar, tarfile.TarInfo(name), data)
        for info in extra:
            _add(tar, info, b"thoat ra ngoai" if info.isfile() else None)
    return target


def _add(tar, info, data):
    if data is not None:
        info.size = len(data)
    tar.addfile(info, io.BytesIO(data) if data is not None else None)


def refused(env, site, archive) -> str:
    before = fingerprint(site)
    result = manage(env, "restore", str(archive), "--force", check=False)
    assert result.returncode != 0, result.stdout
    assert "CommandError" in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(site) == before, "a refused restore changed the database or the uploaded files"
    return result.stderr


def test_a_flipped_bit_in_the_gzip_checksum_is_refused(tmp_path, good, healthy):
    data = bytearray(good[0].read_bytes())
    data[-6] ^= 0x01  # inside the CRC-32 of the gzip trailer: every tar member still reads
    damaged = tmp_path / "lat-bit.tar.gz"
    damaged.write_bytes(bytes(data))
    assert "Tệp «lat-bit.tar.gz» bị hỏng hoặc không phải bản sao lưu theodoi" in refused(*healthy, damaged)


def test_a_flipped_bit_in_the_middle_is_refused(tmp_path, good, healthy):
    data = bytearray(good[0].read_bytes())
    data[len(data) // 2] ^= 0x10
    damaged = tmp_path / "lat-bit-giua.tar.gz"
    damaged.write_bytes(bytes(data))
    error = refused(*healthy, damaged)
    assert "«lat-bit-giua.tar.gz»" in error and "không khôi phục" in error


def test_a_truncated_archive_is_refused(tmp_path, good, healthy):
    data = good[0].read_bytes()
    damaged = tmp_path / "cat-cut.tar.gz"
    damaged.write_bytes(data[: len(data) * 2 // 3])  # a copy to a USB stick pulled out too early
    assert "Tệp sao lưu «cat-cut.tar.gz» bị cắt cụt (thiếu phần cuối)" in refused(*healthy, damaged)


def test_a_garbage_database_with_matching_checksums_is_refused(tmp_path, good, healthy):
    garbage = repack(good[0], tmp_path / "rac.tar.gz", {"database.sqlite3": b"SQLite format 2\x00" + bytes(4080)})
    assert "Tệp cơ sở dữ liệu trong «rac.tar.gz» bị hỏng hoặc không phải cơ sở dữ liệu SQLite" in refused(
        *healthy, garbage)


def test_half_a_database_file_is_refused(tmp_path, good, healthy):
    whole = members(good[0])["database.sqlite3"]
    half = repack(good[0], tmp_path / "nua.tar.gz", {"database.sqlite3": whole[: len(whole) // 2]})
    assert ("Tệp cơ sở dữ liệu trong «nua.tar.gz» bị hỏng hoặc không phải cơ sở dữ liệu SQLite (database disk "
            "image is malformed)" in refused(*healthy, half))


def test_a_database_with_a_damaged_page_is_refused(tmp_path, good, healthy):
    """One table leaf page's cell pointers overwritten. SQLite reports such damage either as rows of integrity_check
    or, when the check itself must read the page, as "database disk image is malformed"; which of the two depends on
    which table the last leaf holds (the demo's data move with the day). Both are refusals that name the file."""
    data = bytearray(members(good[0])["database.sqlite3"])
    page = int.from_bytes(data[16:18], "big")
    leaf = next(n for n in range(len(data) // page - 1, 1, -1) if data[n * page] == 0x0D)
    data[leaf * page + 8: leaf * page + 12] = b"\xff\xff\xff\xff"  # its cell pointers now lie
    bad = repack(good[0], tmp_path / "trang-hong.tar.gz", {"database.sqlite3": bytes(data)})
    error = refused(*healthy, bad)
    assert "trong «trang-hong.tar.gz» bị hỏng" in error and "không khôi phục" in error
    assert "SQLite integrity_check:" in error or "database disk image is malformed" in error


def _index_over_another_column(database: Path) -> None:
    """Make one index of the copy disagree with its table: its schema now names another column, so every entry is
    "missing" from it. Rows, counts and keys stay sound; only integrity_check can tell."""
    with sqlite3.connect(database) as db:
        name, table, sql = db.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name = 'plans_assignment' ORDER BY name").fetchone()
        indexed = sql[sql.rindex("(") + 1:sql.rindex(")")].replace('"', "").split(", ")
        other = next(row[1] for row in db.execute(f'PRAGMA table_info("{table}")') if row[1] not in indexed)
        db.execute("PRAGMA writable_schema=ON")
        wrong = f'CREATE INDEX "{name}" ON "{table}" ("{other}")'
        db.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (wrong, name))


def test_a_database_whose_index_disagrees_with_its_table_fails_the_integrity_check(tmp_path, good, healthy):
    copy = tmp_path / "chi-muc.sqlite3"
    copy.write_bytes(members(good[0])["database.sqlite3"])
    _index_over_another_column(copy)
    bad = repack(good[0], tmp_path / "chi-muc.tar.gz", {"database.sqlite3": copy.read_bytes()})
    error = refused(*healthy, bad)
    assert "Cơ sở dữ liệu trong «chi-muc.tar.gz» bị hỏng (SQLite integrity_check: row 1 missing from index" in error


def test_a_sound_database_missing_rows_is_refused_by_the_table_counts(tmp_path, good, healthy):
    copy = tmp_path / "it-dong.sqlite3"
    copy.write_bytes(members(good[0])["database.sqlite3"])
    with sqlite3.connect(copy) as db:
        total = db.execute("SELECT count(*) FROM plans_anomaly").fetchone()[0]
        db.execute("DELETE FROM plans_anomaly WHERE id % 2 = 0")  # nothing refers to an anomaly
    assert total > 1, "the demo plan has anomalies to lose"
    half = repack(good[0], tmp_path / "it-dong.tar.gz", {"database.sqlite3": copy.read_bytes()})
    error = refused(*healthy, half)
    assert "Số dòng của bảng «plans_anomaly» trong cơ sở dữ liệu trong «it-dong.tar.gz»" in error
    assert f"manifest.json ghi {total}" in error


def test_a_database_with_dangling_references_is_refused(tmp_path, good, healthy):
    copy = tmp_path / "mo-coi.sqlite3"
    copy.write_bytes(members(good[0])["database.sqlite3"])
    with sqlite3.connect(copy) as db:
        db.execute("DELETE FROM plans_plan")  # its tasks, rows and anomalies now point at nothing
    orphans = repack(good[0], tmp_path / "mo-coi.tar.gz", {"database.sqlite3": copy.read_bytes()})
    error = refused(*healthy, orphans)
    assert "Cơ sở dữ liệu trong «mo-coi.tar.gz» có" in error and "trỏ tới «plans_plan»" in error


def test_a_changed_file_fails_its_checksum(tmp_path, good, healthy):
    media = next(name for name in members(good[0]) if name.startswith("media/"))
    changed = repack(good[0], tmp_path / "sua.tar.gz", {media: b"noi dung khac"}, recompute=False)
    assert (f"Tệp «{media}» trong «sua.tar.gz» không khớp mã kiểm tra SHA-256"
            in refused(*healthy, changed))


def test_a_missing_database_file_is_refused(tmp_path, good, healthy):
    missing = repack(good[0], tmp_path / "thieu.tar.gz", {"database.sqlite3": None}, recompute=False)
    assert "Bản sao lưu «thieu.tar.gz» thiếu tệp «database.sqlite3»" in refused(*healthy, missing)


def test_a_file_not_in_the_manifest_is_refused(tmp_path, good, healthy):
    info = tarfile.TarInfo("media/la.exe")
    extra = repack(good[0], tmp_path / "la.tar.gz", extra=[info])
    assert "có tệp «media/la.exe» không ghi trong manifest.json" in refused(*healthy, extra)


def _without_tables(manifest):
    del manifest["tables"]


def _old_format(manifest):
    for key in ("format", "files", "tables"):
        manifest.pop(key)


def _database_elsewhere(manifest):
    manifest["database"] = "../../db.sqlite3"


def _database_unlisted(manifest):
    del manifest["files"]["database.sqlite3"]


@pytest.mark.parametrize("raw, change, expected", [
    (b'{"vendor": "sqlite", "files": {', None, "Tệp «manifest.json» trong «manifest.tar.gz» bị hỏng, không đọc được"),
    (b"[1, 2]", None, "không hợp lệ: nội dung không phải một bảng khóa – giá trị"),
    (False, None, "Tệp «manifest.tar.gz» không phải bản sao lưu theodoi hợp lệ: thiếu manifest.json"),
    (None, _old_format, "không hợp lệ: định dạng «cũ, không có mã kiểm tra», cần 2"),
    (None, _without_tables, "không hợp lệ: số dòng của các bảng (tables) thiếu hoặc sai dạng"),
    (None, _database_elsewhere, "không hợp lệ: loại cơ sở dữ liệu «sqlite» hoặc tên tệp «../../db.sqlite3» sai"),
    (None, _database_unlisted, "không ghi tệp cơ sở dữ liệu «database.sqlite3» trong danh sách tệp"),
])
def test_a_bad_manifest_is_an_error_never_a_success(tmp_path, good, healthy, raw, change, expected):
    bad = repack(good[0], tmp_path / "manifest.tar.gz", manifest_change=change, raw_manifest=raw)
    assert expected in refused(*healthy, bad)


@pytest.mark.parametrize("info, expected", [
    (tarfile.TarInfo("../thoat-ra.txt"), "có thành phần «../thoat-ra.txt» có đường dẫn ra ngoài thư mục khôi phục"),
    (tarfile.TarInfo("media/../../thoat-ra.txt"), "có đường dẫn ra ngoài thư mục khôi phục"),
    (tarfile.TarInfo("/tmp/thoat-ra.txt"), "có thành phần «/tmp/thoat-ra.txt» có đường dẫn ra ngoài"),
])
def test_path_traversal_is_refused_and_writes_nothing_outside(tmp_path, good, healthy, info, expected):
    evil = repack(good[0], tmp_path / "duong-dan.tar.gz", extra=[info])
    assert expected in refused(*healthy, evil)
    assert not list(tmp_path.parent.glob("thoat-ra.txt")) and not Path("/tmp/thoat-ra.txt").exists()


def test_a_link_inside_the_archive_is_refused(tmp_path, good, healthy):
    link = tarfile.TarInfo("media/lien-ket")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    evil = repack(good[0], tmp_path / "lien-ket.tar.gz", extra=[link])
    assert "thành phần «media/lien-ket» không phải tệp thường (liên kết" in refused(*healthy, evil)


def test_a_sound_backup_still_replaces_a_healthy_database_with_force(tmp_path, good, healthy):
    env, site = healthy
    shutil.rmtree(site / "media")
    with sqlite3.connect(site / "db.sqlite3") as db:
        db.execute("DELETE FROM plans_anomaly")
    result = manage(env, "restore", str(good[0]), "--force")
    assert "Đã khôi phục" in result.stdout and "bảng: khớp" in result.stdout
    with sqlite3.connect(site / "db.sqlite3") as db, sqlite3.connect(good[1]) as source:
        count = "SELECT count(*) FROM plans_anomaly"
        assert db.execute(count).fetchone() == source.execute(count).fetchone() != (0,)
