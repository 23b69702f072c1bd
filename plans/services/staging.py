"""Hold an uploaded plan between preview and confirmation, so nothing is stored until the user confirms.

The checks on a plan file's name, size and zip structure live here too: the upload page and the commands run
the same ones (theodoi/uploads.py does the zip-bomb part).
"""
import io
import secrets
import zipfile
from pathlib import Path

from django.conf import settings

from planparser.blocks import PlanReadError
from theodoi.uploads import OfficeFileError, check_office_file

_ALLOWED = (".txt", ".docx", ".pdf")


def _folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "staging"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def check_upload(upload) -> bytes:
    name = upload.name or "tệp"
    check_name_and_size(name, upload.size)
    data = upload.read()
    check_content(data, name)
    return data


def check_name_and_size(name: str, size: int) -> None:
    if not name.lower().endswith(_ALLOWED):
        raise PlanReadError(f"Tệp «{name}» không được nhận: chỉ nhận kế hoạch dạng .docx, .pdf hoặc .txt.")
    if size > settings.THEODOI_MAX_UPLOAD_BYTES:
        limit = settings.THEODOI_MAX_UPLOAD_BYTES // (1024 * 1024)
        raise PlanReadError(f"Tệp «{name}» quá lớn (tối đa {limit} MB).")


def check_content(data: bytes, name: str) -> None:
    if not _opens_as_zip(data):
        # Nothing here can be inflated, so there is no bomb to check; the reader refuses a damaged Word file in
        # its own words ("Word (.docx)"), where check_office_file would speak of Word/Excel.
        return
    try:
        check_office_file(data, name)
    except OfficeFileError as exc:
        raise PlanReadError(str(exc)) from None


def _opens_as_zip(data: bytes) -> bool:
    try:
        zipfile.ZipFile(io.BytesIO(data)).close()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return False
    return True


def stage(data: bytes) -> str:
    token = secrets.token_urlsafe(16)
    (_folder() / token).write_bytes(data)
    return token


def take(token: str) -> bytes:
    path = _folder() / token
    if not token.replace("-", "").replace("_", "").isalnum() or not path.exists():
        raise PlanReadError("Bản xem trước đã hết hạn hoặc không tồn tại; vui lòng tải tệp lên lại.")
    return path.read_bytes()


def discard(token: str) -> None:
    (_folder() / token).unlink(missing_ok=True)
