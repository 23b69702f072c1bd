"""Hold an uploaded plan between preview and confirmation, so nothing is stored until the user confirms."""
import secrets
from pathlib import Path

from django.conf import settings

from planparser.blocks import PlanReadError
from theodoi.uploads import OfficeFileError, check_office_file

_ALLOWED = (".txt", ".docx")


def _folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "staging"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def check_upload(upload) -> bytes:
    name = upload.name or "tệp"
    if not name.lower().endswith(_ALLOWED):
        raise PlanReadError(f"Tệp «{name}» không được nhận: chỉ nhận kế hoạch dạng .docx hoặc .txt.")
    if upload.size > settings.THEODOI_MAX_UPLOAD_BYTES:
        limit = settings.THEODOI_MAX_UPLOAD_BYTES // (1024 * 1024)
        raise PlanReadError(f"Tệp «{name}» quá lớn (tối đa {limit} MB).")
    data = upload.read()
    try:
        check_office_file(data, name)
    except OfficeFileError as exc:
        raise PlanReadError(str(exc)) from None
    return data


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
