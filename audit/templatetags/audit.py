"""{% load audit %}{% audit_history obj %}: the history block for any page, without touching its view."""
from django import template

from audit.services import history_for

register = template.Library()

_VERBS = {"created": "tạo mới", "updated": "sửa", "deleted": "xóa", "imported": "nhập"}


@register.inclusion_tag("audit/_history.html")
def audit_history(obj, limit: int = 100):
    return {"history": [_row(entry) for entry in history_for(obj, limit)]}


def _row(entry) -> dict:
    verb = entry.action.rsplit(".", 1)[-1]
    model = entry.content_type.model_class() if entry.content_type_id else None
    what = model._meta.verbose_name if model else entry.action
    return {"entry": entry, "verb": _VERBS.get(verb, verb), "what": what,
            "changes": [(name, before, after) for name, (before, after) in sorted(entry.changes.items())]}
