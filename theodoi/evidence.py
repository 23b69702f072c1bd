"""Evidence files: the office document types a commune files as proof, recognised by their bytes, within a size.

A file's name and the Content-Type the browser sends are the sender's claim; only the content is checked here.
ZIP-based formats are opened: a DOCX or XLSX is told by the main part's type in its [Content_Types].xml (Open
Packaging Conventions, ECMA-376 Part 2), an ODT or ODS by its first member "mimetype" (OASIS OpenDocument, the
package's media type), and a plain ZIP must hold nothing but the other allowed types. Zip bombs are refused by
theodoi.uploads first.
Files a row or value no longer points to are deleted once the change is committed, never before.
"""
import io
import zipfile
from dataclasses import dataclass

from django.conf import settings

from theodoi.formatting import number
from theodoi.uploads import OfficeFileError, check_office_file

ALLOWED_TEXT = ("PDF, ảnh (JPG, PNG, GIF, TIFF, WebP, HEIC), Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods) "
                "hoặc tệp nén ZIP chứa các loại đó")
# The file input's accept= list: only a hint to the browser's file picker, the check is the content.
ACCEPT = ".pdf,.jpg,.jpeg,.png,.gif,.tif,.tiff,.webp,.heic,.heif,.docx,.xlsx,.odt,.ods,.zip"
EXTENSIONS = {"pdf": (".pdf",), "jpeg": (".jpg", ".jpeg", ".jpe", ".jfif"), "png": (".png",), "gif": (".gif",),
              "tiff": (".tif", ".tiff"), "webp": (".webp",), "heic": (".heic", ".heif"), "docx": (".docx",),
              "xlsx": (".xlsx",), "odt": (".odt",), "ods": (".ods",), "zip": (".zip",)}
_IMAGES = ((b"\xff\xd8\xff", "jpeg"), (b"\x89PNG\r\n\x1a\n", "png"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
           (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"))
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1")
_OOXML_MAIN = {b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
               b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx"}
_ODF = {b"application/vnd.oasis.opendocument.text": "odt", b"application/vnd.oasis.opendocument.spreadsheet": "ods"}


class EvidenceRefused(ValueError):
    """Why a file is not taken as evidence; the message is Vietnamese and names the file."""


@dataclass(frozen=True)
class Checked:
    kind: str  # a key of EXTENSIONS
    name: str  # the name to store it under: the sender's, with the extension its content calls for


def max_bytes() -> int:
    return getattr(settings, "THEODOI_EVIDENCE_MAX_BYTES", settings.THEODOI_MAX_UPLOAD_BYTES)


def limit_text() -> str:
    return f"tối đa {_megabytes(max_bytes())} MB"


def help_text() -> str:
    return f"Nhận {ALLOWED_TEXT}; {limit_text()}."


def check(upload) -> Checked:
    """Raise EvidenceRefused unless the upload is an allowed type within the size limit; rewinds the upload."""
    name = upload.name or "không tên"
    if upload.size > max_bytes():
        raise EvidenceRefused(f"Tệp minh chứng «{name}» nặng {_megabytes(upload.size)} MB, {limit_text()}.")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    kind = kind_of(data, name)
    return Checked(kind, _named(name, kind))


def kind_of(data: bytes, name: str, inside: str = "") -> str:
    where = f"Tệp minh chứng «{name}»" + (f", thành phần «{inside}»," if inside else "")
    archive = _archive(data)
    if archive is None:
        kind = _plain_kind(data)
        if kind is None:
            raise EvidenceRefused(f"{where} không thuộc loại được nhận (nội dung tệp không phải {ALLOWED_TEXT}).")
        return kind
    # A ZIP first: a stored PDF inside one shows "%PDF-" near its start, and must not hide the other members.
    try:
        check_office_file(data, inside or name)
        return _zip_kind(archive, name, where, nested=bool(inside))
    except EvidenceRefused:
        raise  # a member's own refusal, already worded
    except OfficeFileError as exc:
        raise EvidenceRefused(f"{where}: {exc}") from None
    # zipfile raises NotImplementedError for a compression method it lacks and RuntimeError for an encrypted member.
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise EvidenceRefused(f"{where} bị hỏng, có mật khẩu hoặc nén theo cách không đọc được.") from None


def _archive(data: bytes) -> zipfile.ZipFile | None:
    """The data as a ZIP, or None when it is none (a PDF can hold the bytes of a ZIP's end record by chance)."""
    try:
        return zipfile.ZipFile(io.BytesIO(data)) if zipfile.is_zipfile(io.BytesIO(data)) else None
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):  # NotImplementedError: unknown method
        return None


def _plain_kind(data: bytes) -> str | None:
    # Readers accept a PDF header after some leading bytes (scanners and mail gateways prepend them).
    if b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, kind in _IMAGES:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:  # HEIF: what iPhones save photos as
        return "heic"
    return None


def _zip_kind(archive: zipfile.ZipFile, name: str, where: str, nested: bool) -> str:
    names = archive.namelist()
    if names and names[0] == "mimetype":
        return _known(_ODF.get(archive.read("mimetype").strip()), where, "OpenDocument")
    if "[Content_Types].xml" in names:
        types = archive.read("[Content_Types].xml")
        return _known(next((k for main, k in _OOXML_MAIN.items() if main in types), None), where, "Office")
    if nested:
        raise EvidenceRefused(f"{where} là tệp nén lồng trong tệp nén; hãy nén các tệp vào một tệp ZIP duy nhất.")
    members = [m for m in archive.infolist() if not m.is_dir()]
    if not members:
        raise EvidenceRefused(f"{where} là tệp ZIP rỗng.")
    for member in members:
        kind_of(archive.read(member), name, inside=member.filename)
    return "zip"


def _known(kind: str | None, where: str, family: str) -> str:
    if kind is None:
        # Macro-enabled, template, presentation and drawing files are office files, but not on the list.
        raise EvidenceRefused(f"{where} là loại tệp {family} không được nhận; chỉ nhận {ALLOWED_TEXT}.")
    return kind


def _named(name: str, kind: str) -> str:
    """The name a reader's computer opens with the right program: the content's extension is added if missing."""
    if name.lower().endswith(EXTENSIONS[kind]):
        return name
    return f"{name}{EXTENSIONS[kind][0]}"


def _megabytes(size: int) -> str:
    return number(size / (1024 * 1024), 1)  # rounded as every page rounds, half up
