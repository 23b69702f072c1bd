"""Refuse DOCX and XLSX files (zip archives) that would expand into far more than a plan or a table needs.

The sizes in a zip's central directory can lie, but Python's zipfile stops reading a member at its declared
size (and checks its CRC), so checking the declared sizes bounds what python-docx and openpyxl will inflate.
"""
import io
import zipfile

from django.conf import settings

_OFFICE = (".docx", ".xlsx", ".docm", ".xlsm")


class OfficeFileError(ValueError):
    """An upload refused before parsing; the message is for the user, in Vietnamese."""


def check_office_file(data: bytes, name: str) -> None:
    """A zip archive is checked whatever its name says: a renamed bomb still reaches openpyxl or python-docx."""
    if not name.lower().endswith(_OFFICE) and not zipfile.is_zipfile(io.BytesIO(data)):
        return
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError):
        raise OfficeFileError(f"Tệp «{name}» bị hỏng hoặc không phải tệp Word/Excel hợp lệ.") from None
    _check_members(members, name)


def _check_members(members: list[zipfile.ZipInfo], name: str) -> None:
    refused = f"Tệp «{name}» bị từ chối vì nghi là tệp nén độc hại"
    if len(members) > settings.THEODOI_ZIP_MAX_MEMBERS:
        raise OfficeFileError(f"{refused}: có {len(members)} thành phần (tối đa {settings.THEODOI_ZIP_MAX_MEMBERS}).")
    total = sum(member.file_size for member in members)
    if total > settings.THEODOI_ZIP_MAX_UNCOMPRESSED:
        limit = settings.THEODOI_ZIP_MAX_UNCOMPRESSED // (1024 * 1024)
        raise OfficeFileError(f"{refused}: khi giải nén lớn hơn {limit} MB.")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        # Small members are exempt: a 2 kB run of spaces legitimately compresses a hundredfold.
        if member.file_size > 1024 * 1024 and ratio > settings.THEODOI_ZIP_MAX_RATIO:
            raise OfficeFileError(f"{refused}: tỷ lệ nén bất thường ({ratio:.0f} lần) ở «{member.filename}».")
