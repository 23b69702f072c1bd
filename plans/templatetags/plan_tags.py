"""Template helpers of the plan pages."""
from django import template

from planparser.deadlines import describe_deadline
from plans.services.year_links import history

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
    "indicator": "Chỉ tiêu", "notice": "Thông báo kết luận", "year_link": "Nối với năm trước",
}


@register.filter
def anomaly_kind(kind: str) -> str:
    return _ANOMALY_KINDS.get(kind, "Khác")


@register.filter
def correction_field(field: str) -> str:
    from plans.services.correction_fields import FIELDS

    spec = FIELDS.get(field)
    return spec.label if spec else field


@register.filter
def correction_words(correction) -> str:
    """The value a correction put in place, in the words of its field."""
    from plans.services.correction_fields import FIELDS

    spec = FIELDS.get(correction.field)
    return spec.words(correction.new_value) if spec else ""


_CORRECTION_ACTIONS = {"plan.correction_kept": "giữ bản sửa khi có bản mới",
                       "plan.correction_dropped": "lấy nội dung bản mới",
                       "plan.correction_reapplied": "áp dụng lại cho bản mới"}


@register.filter
def correction_action(action: str) -> str:
    return _CORRECTION_ACTIONS.get(action, action)


@register.inclusion_tag("plans/_year_history.html")
def year_history(rows) -> dict:
    """The task page's "history across years": each row's earlier years (year, status at year end, link)."""
    return {"histories": [{"row": row, "steps": steps} for row in rows if (steps := history(row))]}
