"""Read a notice for a commune, with the same guards as a plan upload (staging checks, damaged-file boundary)."""
import logging
from datetime import date

from communes.services.directory import build_directory
from planparser.blocks import PlanReadError
from planparser.directory import Directory
from planparser.notice import parse_notice
from plans.services import staging
from plans.services.safe_parse import damaged_message

from ..models import SourceKind
from .tasks import SourceData

logger = logging.getLogger(__name__)


def check_upload(upload) -> bytes:
    """The plan upload's checks (size, zip structure), said of a source document rather than of a plan."""
    name = upload.name or "tệp"
    if not name.lower().endswith((".txt", ".docx", ".pdf")):
        raise PlanReadError(f"Tệp «{name}» không được nhận: văn bản giao nhiệm vụ chỉ nhận dạng .docx, .pdf hoặc .txt.")
    return staging.check_upload(upload)


def read_for_commune(commune, data: bytes, name: str) -> dict:
    directory = build_directory(commune) if commune.entries.exists() else Directory.default(commune.kind, commune.name)
    try:
        return parse_notice(data, name, directory)
    except PlanReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - the boundary between untrusted bytes and the app
        logger.info("notice %r could not be read: %s: %s", name, type(exc).__name__, exc, exc_info=True)
        raise PlanReadError(damaged_message(name)) from None


def source_of(notice: dict, text: str) -> SourceData:
    """The source document as the notice's heading gives it; a heading not understood is left blank, never filled."""
    issued = date.fromisoformat(notice["issued_on"]) if notice.get("issued_on") else None
    kind = notice["kind"] if notice["kind"] in SourceKind.values else SourceKind.OTHER
    return SourceData(kind=kind, number=notice.get("number") or "", issued_on=issued,
                      issuer=notice.get("issuer") or "", title=notice.get("title") or "", quoted_text=text)


def year_problem(notice: dict, plan) -> str | None:
    if notice.get("year") and notice["year"] != plan.year:
        return (f"Thông báo ban hành năm {notice['year']} nhưng được đưa vào kế hoạch năm {plan.year}: "
                "hãy kiểm tra lại kế hoạch đã chọn.")
    return None
