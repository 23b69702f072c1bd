"""Choose the reader for a plan file by its content (and its name when the content says nothing)."""
from .blocks import Block, PlanReadError
from .reader_docx import read_docx
from .reader_pdf import read_pdf
from .reader_text import read_text


def read_blocks(data: bytes, name: str) -> list[Block]:
    """The document as paragraphs and table rows in order, whatever its format."""
    if _is_pdf(data):
        return read_pdf(data, name)
    if _is_docx(data, name):
        return read_docx(data, name)
    return read_text(data, name)


def _is_pdf(data: bytes) -> bool:
    # The PDF standard lets a few bytes of junk precede the header; readers search the first kilobyte.
    return b"%PDF-" in data[:1024]


def _is_docx(data: bytes, name: str) -> bool:
    if data[:2] == b"PK":
        return True
    if name.lower().endswith(".pdf"):
        raise PlanReadError(f"Tệp «{name}» không phải tệp PDF hợp lệ (thiếu phần đầu «%PDF-»); "
                            "hãy xuất lại PDF từ Word hoặc tải lên bản Word (.docx).")
    if name.lower().endswith((".docx", ".doc", ".xlsx")):
        raise PlanReadError(f"Tệp «{name}» không phải tệp Word .docx hợp lệ (chỉ nhận .docx, .pdf hoặc văn bản .txt).")
    return False
