"""vi-VN formats for templates, from theodoi.formatting so pages and documents print alike."""
from django import template

from theodoi import formatting

register = template.Library()


@register.filter
def vi_number(value, decimals=None):
    return formatting.number(value, decimals)


@register.filter
def vi_date(value):
    """ "ngày 05 tháng 02 năm 2023", "ngày 25 tháng 5 năm 2023": the Decree 30 way (see formatting.long_date)."""
    return formatting.long_date(value)


@register.filter
def vi_short_date(value):
    return formatting.short_date(value)


@register.filter
def vi_shorten(value, limit=160):
    """A task name cut at a word with "…", never mid-word (Django's truncatechars cuts inside words)."""
    return formatting.shorten(str(value or ""), int(limit))
