from django import template

from indicators import queries, rules

register = template.Library()

SHORT = rules.COLOUR_SHORT


@register.filter
def colour_label(colour: str) -> str:
    return rules.COLOUR_LABELS.get(colour, "")


@register.filter
def colour_short(colour: str) -> str:
    return SHORT.get(colour, "")


@register.filter
def target_text(target) -> str:
    return queries.describe_target(target) if target else ""


@register.filter
def value_text(item) -> str:
    return queries.value_text(item)


@register.inclusion_tag("indicators/_colour.html")
def colour_badge(colour: str):
    return {"colour": colour, "short": SHORT.get(colour, ""), "label": rules.COLOUR_LABELS.get(colour, "")}
