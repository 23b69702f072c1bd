"""The backup archive and its manifest: written with a checksum per file, read back only after every check passes.

Nothing here touches the database or MEDIA_ROOT: a restore verifies the whole gzip stream, the tar members, the
manifest and each file's SHA-256 in a temporary folder first, so a damaged archive is refused before any change.
"""
import gzip
import hashlib
import json
import shutil
import tarfile
import zlib
from pathlib import Path, PurePosixPath

MANIFEST = "manifest.json"
FORMAT = 2  # 2: per-file SHA-256 and table row counts; format 1 (no checksums) cannot be verified
DB_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA = "media"
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A refusal or failure, in Vietnamese, for the operator."""


def file_sha256(path: Path) -> str:
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def build_manifest(folder: Path, vendor: str, created: str, tables: dict[str, int]) -> dict:
    """Every file under folder, by archive name, with its size and SHA-256."""
    files = {path.relative_to(folder).as_posix(): {"size": path.stat().st_size, "sha256": file_sha256(path)}
             for path in sorted(folder.rglob("*")) if path.is_file()}
    return {"format": FORMAT, "vendor": vendor, "created": created, "database": DB_FILES[vendor],
            "files": files, "tables": tables}


def write_archive(folder: Path, manifest: dict, target: Path) -> None:
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    partial = target.with_suffix(".partial")
    with tarfile.open(partial, "w:gz") as tar:
        tar.add(folder / MANIFEST, arcname=MANIFEST)
        for name in manifest["files"]:
            tar.add(folder / name, arcname=name, recursive=False)
    partial.rename(target)  # a half-written archive never carries the final name


def unpack_verified(archive: Path, folder: Path) -> dict:
    """Extract archive into folder and return its manifest once the stream, paths and checksums are all sound."""
    _verify_gzip_stream(archive)
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = tar.getmembers()
            _check_members(archive, members, folder)
            tar.extractall(folder, members=members, filter="data")  # a second guard against links and ../
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise BackupError(f"Tệp «{archive.name}» không phải bản sao lưu theodoi hợp lệ: không đọc được nội dung "
                          f"({exc}).") from None
    manifest = read_manifest(archive, folder)
    _verify_files(archive, folder, manifest)
    return manifest


def _verify_gzip_stream(archive: Path) -> None:
    """gzip checks the CRC-32 and length at the end of the stream; tarfile alone stops at the tar end marker."""
    try:
        with gzip.open(archive, "rb") as stream:
            while stream.read(_CHUNK):
                pass
    except EOFError:
        raise BackupError(f"Tệp sao lưu «{archive.name}» bị cắt cụt (thiếu phần cuối); không khôi phục.") from None
    except (OSError, zlib.error) as exc:
        raise BackupError(f"Tệp «{archive.name}» bị hỏng hoặc không phải bản sao lưu theodoi (.tar.gz): {exc}; "
                          "không khôi phục.") from None


def _check_members(archive: Path, members: list[tarfile.TarInfo], folder: Path) -> None:
    total = 0
    for member in members:
        where = f"Tệp sao lưu «{archive.name}» có thành phần «{member.name}»"
        if not (member.isfile() or member.isdir()):
            raise BackupError(f"{where} không phải tệp thường (liên kết hoặc tệp đặc biệt); không khôi phục.")
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts or "\\" in member.name:
            raise BackupError(f"{where} có đường dẫn ra ngoài thư mục khôi phục; không khôi phục.")
        total += member.size
    free = shutil.disk_usage(folder).free
    if total > free:
        raise BackupError(f"Không đủ chỗ trống để giải nén «{archive.name}»: cần {total // 2**20} MB, "
                          f"còn {free // 2**20} MB.")


def read_manifest(archive: Path, folder: Path) -> dict:
    where = f"Tệp «{MANIFEST}» trong «{archive.name}»"
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"Tệp «{archive.name}» không phải bản sao lưu theodoi hợp lệ: thiếu {MANIFEST}.") from None
    except (ValueError, OSError) as exc:
        raise BackupError(f"{where} bị hỏng, không đọc được ({exc}).") from None
    problem = _manifest_problem(manifest)
    if problem:
        raise BackupError(f"{where} không hợp lệ: {problem}.")
    return manifest


def _manifest_problem(manifest) -> str | None:
    if not isinstance(manifest, dict):
        return "nội dung không phải một bảng khóa – giá trị"
    if manifest.get("format") != FORMAT:
        return (f"định dạng «{manifest.get('format', 'cũ, không có mã kiểm tra')}», cần {FORMAT}; bản sao lưu "
                "không có mã kiểm tra từng tệp thì không kiểm chứng được")
    vendor = manifest.get("vendor")
    if not isinstance(vendor, str) or vendor not in DB_FILES or manifest.get("database") != DB_FILES[vendor]:
        return f"loại cơ sở dữ liệu «{manifest.get('vendor')}» hoặc tên tệp «{manifest.get('database')}» sai"
    files, tables = manifest.get("files"), manifest.get("tables")
    if not isinstance(files, dict) or not all(_is_entry(entry) for entry in files.values()):
        return "danh sách tệp (files) thiếu hoặc sai dạng"
    if manifest["database"] not in files:
        return f"không ghi tệp cơ sở dữ liệu «{manifest['database']}» trong danh sách tệp"
    if not isinstance(tables, dict) or not tables or not all(_is_count(n) for n in tables.values()):
        return "số dòng của các bảng (tables) thiếu hoặc sai dạng"
    return None


def _is_entry(entry) -> bool:
    return (isinstance(entry, dict) and _is_count(entry.get("size")) and isinstance(entry.get("sha256"), str)
            and len(entry["sha256"]) == 64)


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _verify_files(archive: Path, folder: Path, manifest: dict) -> None:
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MANIFEST}
    for name, entry in manifest["files"].items():
        if name not in present:
            raise BackupError(f"Bản sao lưu «{archive.name}» thiếu tệp «{name}» đã ghi trong {MANIFEST}; "
                              "không khôi phục.")
        path = folder / name
        if path.stat().st_size != entry["size"] or file_sha256(path) != entry["sha256"]:
            raise BackupError(f"Tệp «{name}» trong «{archive.name}» không khớp mã kiểm tra SHA-256 ghi trong "
                              f"{MANIFEST}: tệp đã bị hỏng hoặc bị sửa; không khôi phục.")
    unlisted = sorted(present - set(manifest["files"]))
    if unlisted:
        raise BackupError(f"Bản sao lưu «{archive.name}» có tệp «{unlisted[0]}» không ghi trong {MANIFEST}; "
                          "không khôi phục.")
