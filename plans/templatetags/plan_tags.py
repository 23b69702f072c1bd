"""Template helpers of the plan pages."""
from django import template

from planparser.deadlines import describe_deadline

register = template.Library()

_APPENDIX = "Phụ lục"
# The header and the signature block are shown in the plan's heading line (number, date, signer).
_DOCUMENT_PARTS = ("Phần đầu văn bản", "Chữ ký cuối văn bản")


@register.filter
def anomaly_anchor(where: str) -> str:
    """The page anchor of an anomaly's place: "II.4", "I.7.1 (dòng 131)" -> the task node;
    "Phụ lục I, I.4" -> that indicator's row (components are shown within their top-level item)."""
    where = (where or "").strip()
    if where.startswith(_DOCUMENT_PARTS):
        return "thong-tin-van-ban"
    if where.startswith(_APPENDIX):
        code = where.rsplit(",", 1)[-1].strip()
        return "chi-tieu-" + ".".join(code.split(".")[:2]) if "," in where else "chi-tieu"
    code = where.split(" ", 1)[0]
    return code if code and code[0] in "IVXL0123456789" else "cay-nhiem-vu"


@register.filter
def deadline_words(deadline: dict) -> str:
    """A parsed deadline in the words the plan page uses ("Hạn chót: ngày 30 tháng 04 năm 2023")."""
    return describe_deadline(deadline or {})


# The audit's kinds are codes of the Plan JSON contract; the pages name them in Vietnamese.
_ANOMALY_KINDS = {
    "arithmetic": "Cộng không khớp", "share": "Tỷ trọng", "numbering": "Đánh số", "count": "Số lượng",
    "deadline": "Thời hạn", "directory": "Danh bạ", "header": "Phần đầu văn bản", "structure": "Cấu trúc bảng",
    "indicator": "Chỉ tiêu",
}


@register.filter
def anomaly_kind(kind: str) -> str:
    return _ANOMALY_KINDS.get(kind, "Khác")
