"""Read the text form of a plan: prose lines, and tab-separated table rows."""
import re

from .blocks import Para, PlanReadError, Row
from .textutil import nfc

_BOLD = "**"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Letters only Vietnamese uses: ă â đ ê ô ơ ư, and the tone-marked vowels that NFC composes.
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def read_text(data: bytes | str, name: str = "tệp") -> list[Para | Row]:
    text = _decode(data, name)
    blocks: list[Para | Row] = []
    table = 0
    in_table = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if "\t" in line:
            if not in_table:
                table += 1
                in_table = True
            blocks.append(Row(cells=[_clean(c) for c in line.split("\t")], line=number, table=table))
            continue
        # A blank line between table rows is the page break the conversion left behind.
        in_table = False
        cleaned = _clean(line)
        if cleaned:
            blocks.append(Para(text=cleaned, line=number))
    return blocks


def _decode(data: bytes | str, name: str) -> str:
    if isinstance(data, str):
        return _printable(nfc(data))
    if data[:2] == b"PK":
        raise PlanReadError(f"Tệp «{name}» là tệp nén (DOCX/XLSX), không phải văn bản thuần.")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Notepad's "Unicode": UTF-16 with its byte-order mark
        return _printable(nfc(_strict(data, "utf-16", name)))
    try:
        return _printable(nfc(data.decode("utf-8-sig")))
    except UnicodeDecodeError as exc:
        legacy = _windows_1258(data)
        if legacy is not None:
            return legacy
        line = data[: exc.start].count(b"\n") + 1
        raise PlanReadError(
            f"Tệp «{name}» không phải văn bản UTF-8 (lỗi mã hóa ở dòng {line}); "
            "hãy lưu lại tệp với mã hóa UTF-8 hoặc tải lên bản Word (.docx)."
        ) from None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        raise PlanReadError(f"Tệp «{name}» có lỗi mã hóa {encoding.upper()} gần dòng {line}.") from None


def _windows_1258(data: bytes) -> str | None:
    """Vietnamese Windows saves "ANSI" text in code page 1258; accept it only when it reads as Vietnamese."""
    try:
        text = nfc(data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text) or not _VIETNAMESE.search(text):
        return None
    return text


def _printable(text: str) -> str:
    """Control characters (NUL and the like) carry nothing, and PostgreSQL refuses NUL in text."""
    return _CONTROL.sub("", text)


def _clean(cell: str) -> str:
    return nfc(cell).replace(_BOLD, "").strip()
