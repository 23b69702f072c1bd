from django import template

from indicators import display, services

register = template.Library()

SHORT = {services.GREEN: "Xanh", services.AMBER: "Vàng", services.RED: "Đỏ", services.GREY: "Xám"}


@register.filter
def colour_label(colour: str) -> str:
    return services.COLOUR_LABELS.get(colour, "")


@register.filter
def colour_short(colour: str) -> str:
    return SHORT.get(colour, "")


@register.filter
def target_text(target) -> str:
    return display.describe_target(target) if target else ""


@register.filter
def value_text(item) -> str:
    return display.value_text(item)


@register.inclusion_tag("indicators/_colour.html")
def colour_badge(colour: str):
    return {"colour": colour, "short": SHORT.get(colour, ""), "label": services.COLOUR_LABELS.get(colour, "")}
