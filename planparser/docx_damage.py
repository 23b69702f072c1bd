"""Say in Vietnamese what is broken in a Word package that python-docx could not open, and where.

python-docx raises whatever its layers raise (lxml's XMLSyntaxError, zipfile's KeyError and BadZipFile, zlib's
error); a person needs the part that is broken and, for XML, the line and column, not the exception's class.
"""
import io
import re
import zipfile
import zlib

from lxml import etree

# What each part holds, so the message says what is missing in words and not only as a path.
_PART_ROLES = {
    "word/document.xml": "phần nội dung văn bản",
    "word/styles.xml": "phần kiểu định dạng",
    "word/numbering.xml": "phần đánh số",
    "word/settings.xml": "phần thiết lập",
    "[Content_Types].xml": "danh mục các phần của tệp",
    "_rels/.rels": "danh mục liên kết của tệp",
    "word/_rels/document.xml.rels": "danh mục liên kết của nội dung",
}
_QUOTED = re.compile(r"'([^']+)'")
_FIX = "hãy mở tệp bằng Word (Word sẽ đề nghị sửa tệp), lưu lại rồi tải lên lần nữa."
# Parse untrusted parts without expanding entities or reaching the network (a DTD in a part is an attack).
_SAFE = dict(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def explain(exc: Exception, data: bytes, name: str) -> str:
    """The message for a package python-docx refused; `exc` is what it raised."""
    head = f"Tệp Word «{name}» bị hỏng"
    if isinstance(exc, etree.XMLSyntaxError):
        return f"{head}: {_broken_xml(data)}; {_FIX}"
    if isinstance(exc, KeyError):
        return f"{head}: thiếu {_missing(_quoted(exc))}; {_FIX}"
    if isinstance(exc, zipfile.BadZipFile) and _quoted(exc):
        return f"{head}: {_part(_quoted(exc))} không giải nén được (sai mã kiểm tra); {_FIX}"
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        return f"{head}: có phần trong tệp nén không giải nén được (tệp bị cắt hoặc hỏng khi sao chép); {_FIX}"
    return f"{head} hoặc có cấu trúc không đọc được; {_FIX}"


def no_body_message(name: str) -> str:
    return (f"Tệp Word «{name}» bị hỏng: {_part('word/document.xml')} không có thân văn bản (w:document/w:body) "
            f"nên không có nội dung nào để đọc; {_FIX}")


def bad_cell_message(name: str, table: int, row: int, cell: int, what: str) -> str:
    return (f"Tệp Word «{name}», bảng thứ {table}, dòng {row}, ô thứ {cell}: {what}; hãy mở tệp bằng Word, "
            "kiểm tra lại ô đó (gộp hoặc tách ô lại nếu cần), lưu rồi tải lên lần nữa.")


def _broken_xml(data: bytes) -> str:
    """Which XML part is not well-formed, with its line and column; the first one found in the package."""
    parser = etree.XMLParser(**_SAFE)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        # The parts python-docx reads come first: a broken one of those is what stopped it.
        members = sorted(package.namelist(), key=lambda m: (m not in _PART_ROLES, m))
        for member in (m for m in members if m.endswith((".xml", ".rels"))):
            try:
                etree.fromstring(package.read(member), parser)
            except etree.XMLSyntaxError as error:
                line, column = error.position
                # lxml stops at 256 levels: tables nested that deep are damage (or an attack), not a plan.
                fault = "lồng nhau quá sâu" if "depth" in str(error.msg) else "không phải XML hợp lệ"
                return f"{_part(member)} {fault} (dòng {line}, cột {column})"
            except (zipfile.BadZipFile, zlib.error, EOFError):
                return f"{_part(member)} không giải nén được"
    return "có phần XML không hợp lệ"


def _quoted(exc: Exception) -> str | None:
    found = _QUOTED.search(str(exc))
    return found.group(1) if found else None


def _missing(key: str | None) -> str:
    # python-docx names a missing relationship by its type URI: the package's link to its main part is gone.
    if key and key.startswith("http"):
        return f"liên kết tới {_part('word/document.xml')} trong {_part('_rels/.rels')}"
    return _part(key)


def _part(member: str | None) -> str:
    if member is None:
        return "một phần của tệp"
    role = _PART_ROLES.get(member)
    return f"{role} ({member})" if role else f"phần «{member}»"
