"""A report save in one audit entry: the before/after of every row and field it changed, said in words.

The rows are written with one bulk_update, which sends no model signals, so the audit capture would not see them;
and one entry per save (not one per row) keeps a peak day's trail and its queries flat as reports grow (issue 15).
Keys are "<row pk>.<field>" so that the trail keeps its one shape, {name: [before, after]}, and the history block
(audit.templatetags) shows each change by the label given in data["words"].
"""
from django.db.models import Field

from audit.capture import snapshot
from theodoi.formatting import short_date

from ..models import RowReport

# What a unit writes; role, report and assignment never change in a save.
FIELDS = ("status", "percent", "results", "obstacles", "proposals", "evidence_number", "evidence_date",
          "evidence_file", "checked_in", "finished_on", "milestone")


def before(rows: list[RowReport]) -> dict[int, dict]:
    return {row.pk: _values(row) for row in rows}


def _values(row: RowReport) -> dict:
    values = snapshot(row)
    return {name: values.get(name) for name in FIELDS}


def changed(rows: list[RowReport], earlier: dict[int, dict]) -> dict[int, dict[str, list]]:
    """{row pk: {field: [before, after]}} for the fields that differ now."""
    result = {}
    for row in rows:
        now = _values(row)
        diff = {name: [earlier[row.pk][name], now[name]] for name in FIELDS if earlier[row.pk][name] != now[name]}
        if diff:
            result[row.pk] = diff
    return result


def changed_fields(changes: dict[int, dict[str, list]]) -> list[str]:
    return sorted({name for diff in changes.values() for name in diff})


def for_the_trail(rows: list[RowReport], changes: dict[int, dict[str, list]]) -> tuple[dict, dict]:
    """(changes, words) for log_action: flat keys, and how the history block names and shows each one."""
    by_pk = {row.pk: row for row in rows}
    flat, words = {}, {}
    for pk, diff in changes.items():
        row = by_pk[pk]
        where = f"Nhiệm vụ {row.assignment.node.code} ({row.get_role_display().lower()})"
        for name, (old, new) in diff.items():
            key = f"{pk}.{name}"
            flat[key] = [old, new]
            label = field_of(name).verbose_name
            words[key] = {"label": f"{where} – {label}", "before": _word(name, old), "after": _word(name, new)}
    return flat, words


def _word(name: str, value):
    if value is None or value == "":
        return None
    field = field_of(name)
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if name in ("evidence_date", "finished_on"):
        return short_date(value)
    if name == "milestone":
        return f"mốc thứ {value + 1}"
    return value


def field_of(name: str) -> Field:
    field = RowReport._meta.get_field(name)
    if not isinstance(field, Field):
        raise TypeError(f"RowReport.{name} is no concrete field")
    return field
