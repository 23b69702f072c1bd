"""{% load audit %}{% audit_history obj %}: the history block for any page, without touching its view."""
from django import template
from django.core.exceptions import FieldDoesNotExist

from audit.queries import history_for

register = template.Library()

# The trail stores codes (app.model.verb, field names, choice values); the page says them in Vietnamese.
_VERBS = {"created": "tạo mới", "updated": "sửa", "deleted": "xóa", "imported": "nhập", "unlocked": "mở khóa",
          "notice_imported": "nhập thông báo kết luận", "task_added": "thêm nhiệm vụ phát sinh",
          "judged": "ghi nhận xét", "overridden": "điều chỉnh mức xếp loại", "override_cleared":
          "bỏ điều chỉnh mức xếp loại", "row_assessed": "đánh giá dòng nhiệm vụ", "locked": "khóa kỳ báo cáo",
          "withdrawn": "rút phiên bản", "letter_drafted": "soạn công văn đôn đốc", "sent": "gửi nhắc",
          "accepted": "chấp nhận báo cáo", "reopened": "mở lại báo cáo", "returned": "trả lại báo cáo",
          "submitted": "gửi báo cáo", "row_corrected": "sửa dòng phân công", "task_corrected": "sửa nhiệm vụ",
          "indicator_corrected": "sửa chỉ tiêu", "correction_kept": "giữ bản sửa",
          "correction_dropped": "lấy nội dung bản mới", "correction_reapplied": "áp dụng lại bản sửa"}


@register.inclusion_tag("audit/_history.html")
def audit_history(obj, limit: int = 100):
    return {"history": [_row(entry) for entry in history_for(obj, limit)]}


def _row(entry) -> dict:
    verb = entry.action.rsplit(".", 1)[-1]
    model = entry.content_type.model_class() if entry.content_type_id else None
    what = model._meta.verbose_name if model else ""
    return {"entry": entry, "verb": _VERBS.get(verb, "thay đổi"), "what": what,
            "changes": [_change(model, name, before, after, (entry.data or {}).get("words", {}).get(name))
                        for name, (before, after) in sorted(entry.changes.items())]}


def _change(model, name: str, before, after, words: dict | None = None) -> tuple:
    """A field's label and its values as the forms show them: a choice's label, Có/Không, a list joined."""
    try:
        field = model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        field = None
    if words:  # a change said in words by the app that logged it (plans' corrections log data["words"])
        return words["label"], words["before"], words["after"]
    if field is None:  # not a model field, and logged without words: the key and the values as stored
        return name, _words(before, {}), _words(after, {})
    label = "mã số" if field.primary_key else str(field.verbose_name)
    choices = {str(value): str(text) for value, text in field.flatchoices}
    return label, _words(before, choices), _words(after, choices)


def _words(value, choices: dict):
    if value is None or value == [] or value == "":
        return None
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return choices.get(str(value), value)
