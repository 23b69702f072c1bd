"""Choose the reader for a plan file by its content (and its name when the content says nothing)."""
from .blocks import Block, PlanReadError
from .reader_docx import read_docx
from .reader_text import read_text


def read_blocks(data: bytes, name: str) -> list[Block]:
    """The document as paragraphs and table rows in order, whatever its format."""
    if _is_docx(data, name):
        return read_docx(data, name)
    return read_text(data, name)


def _is_docx(data: bytes, name: str) -> bool:
    if data[:2] == b"PK":
        return True
    if name.lower().endswith((".docx", ".doc", ".xlsx", ".pdf")):
        raise PlanReadError(f"Tệp «{name}» không phải tệp Word .docx hợp lệ (chỉ nhận .docx hoặc văn bản .txt).")
    return False
