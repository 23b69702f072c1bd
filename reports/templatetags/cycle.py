"""Show a row's computed 4-way status anywhere a row is shown."""
from django import template
from django.utils.html import format_html

from reports.queries.rates import status_of
from theodoi import clock

register = template.Library()


@register.simple_tag
def row_status(assignment, today=None):
    status = status_of(assignment, today or clock.today())
    days = f" ({status.days_overdue} ngày)" if status.days_overdue else ""
    note = f" · {status.note}" if status.note else ""
    return format_html('<span class="status status-{}">{}{}</span><small class="muted">{}</small>',
                       status.code, status.label, days, note)
