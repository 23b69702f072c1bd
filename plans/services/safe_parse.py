"""Reading a plan file that anyone may have damaged: every failure is a PlanReadError a person can act on.

The parser raises PlanReadError for what it recognises; anything else it raises on a damaged file (bad XML,
a broken zip member, a malformed number in the markup) is caught here at the boundary, logged for developers
with its traceback at INFO level, and told to the user as a damaged file. Nothing half-read is ever returned.
"""
import logging

from planparser.blocks import PlanReadError
from planparser.directory import Directory
from planparser.plan import parse_document

logger = logging.getLogger(__name__)

# Where a node, row or warning sits in its source file: a TXT and a DOCX of one plan differ only there.
_POSITION_KEYS = frozenset({"line", "lines"})


def parse_untrusted(data: bytes, name: str, directory: Directory | None = None) -> dict:
    try:
        return parse_document(data, name, directory)
    except PlanReadError:
        raise
    except RecursionError:
        raise PlanReadError(f"Tệp «{name}» lồng nhau quá sâu, không đọc được; hãy lưu lại tệp từ Word.") from None
    except Exception as exc:  # noqa: BLE001 - the boundary between untrusted bytes and the app
        # A damaged upload is the user's event, not the server's: at INFO (THEODOI_LOG_LEVEL=INFO shows it with
        # the parser's traceback) so neither the command's output nor the error log fills with tracebacks.
        logger.info("plan file %r could not be read: %s: %s", name, type(exc).__name__, exc, exc_info=True)
        raise PlanReadError(damaged_message(name)) from None


def damaged_message(name: str) -> str:
    kind = _kind(name)
    return (f"Tệp «{name}» bị hỏng hoặc có nội dung không đọc được{kind}: hãy mở tệp bằng phần mềm soạn thảo, "
            "lưu lại rồi tải lên lần nữa.")


def _kind(name: str) -> str:
    lower = name.lower()
    if lower.endswith(".docx"):
        return " (không phải tệp Word (.docx) hợp lệ)"
    if lower.endswith(".pdf"):
        return " (không phải tệp PDF hợp lệ)"
    return ""


def same_content(old: dict, new: dict) -> bool:
    """Two readings say the same plan when they differ only in where things sit in their files."""
    return _without_positions(old) == _without_positions(new)


def _without_positions(value):
    if isinstance(value, dict):
        return {k: _without_positions(v) for k, v in value.items() if k not in _POSITION_KEYS}
    if isinstance(value, list):
        return [_without_positions(v) for v in value]
    return value
