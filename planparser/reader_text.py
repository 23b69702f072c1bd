"""Read the text form of a plan: prose lines, and tab-separated table rows."""
from .blocks import Para, PlanReadError, Row
from .textutil import nfc

_BOLD = "**"


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
        return nfc(data)
    if data[:2] == b"PK":
        raise PlanReadError(f"Tệp «{name}» là tệp nén (DOCX/XLSX), không phải văn bản thuần.")
    try:
        return nfc(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PlanReadError(
            f"Tệp «{name}» không phải văn bản UTF-8 (lỗi mã hóa ở dòng {line})."
        ) from None


def _clean(cell: str) -> str:
    return nfc(cell).replace(_BOLD, "").strip()
