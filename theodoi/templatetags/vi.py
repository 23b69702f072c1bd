"""vi-VN formats for templates: 1.234,5 and "ngày 05 tháng 01 năm 2023"."""
from datetime import date, datetime
from decimal import Decimal

from babel.numbers import format_decimal
from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def vi_number(value, decimals=None):
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    if decimals is not None:
        number = round(number, int(decimals))
    return format_decimal(number.normalize() if decimals is None else number, locale="vi", decimal_quantization=False)


@register.filter
def vi_date(value):
    """ "ngày 05 tháng 01 năm 2023", the Decree 30 way: leading zeros on days and months."""
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}"


@register.filter
def vi_short_date(value):
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return f"{value.day:02d}/{value.month:02d}/{value.year}"
