"""A report save in one audit entry: the before/after of every row and field it changed, said in words.

The rows are written in one statement (store), which sends no model signals, so the audit capture would not see them;
and one entry per save (not one per row) keeps a peak day's trail and its queries flat as reports grow (issue 15).
Keys are "<row pk>.<field>" so that the trail keeps its one shape, {name: [before, after]}, and the history block
(audit.templatetags) shows each change by the label given in data["words"].
"""
from django.db import connections, router
from django.db.models import Field

from audit.capture import plain
from theodoi.formatting import short_date

from ..models import RowReport

# What a unit writes; role, report and assignment never change in a save.
FIELDS = ("status", "percent", "results", "obstacles", "proposals", "evidence_number", "evidence_date",
          "evidence_file", "checked_in", "finished_on", "milestone")


def before(rows: list[RowReport]) -> dict[int, dict]:
    return {row.pk: _values(row) for row in rows}


def _values(row: RowReport) -> dict:
    """The FIELDS of a row as audit.capture.snapshot would record them (none of them is excluded from the trail;
    none is a foreign key, so each name is its attribute)."""
    return {name: plain(getattr(row, name)) for name in FIELDS}


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


def store(rows: list[RowReport], changes: dict[int, dict[str, list]]) -> None:
    """Write the changed fields of the changed rows: one UPDATE sent once per row through executemany.

    QuerySet.bulk_update would build a CASE WHEN per field and row and resolve every one of those expressions in
    Python, which cost more than all the rest of a 19-row save (issue 15); a prepared statement run per row stays
    one round trip for the driver (psycopg pipelines executemany) and one query in Django's count. Values are
    prepared by each field as Model.save prepares them.
    """
    if not changes:
        return
    fields = [field_of(name) for name in changed_fields(changes)]
    connection = connections[router.db_for_write(RowReport)]
    quote = connection.ops.quote_name
    sets = ", ".join(f"{quote(_column(f))} = %s" for f in fields)
    sql = f"UPDATE {quote(RowReport._meta.db_table)} SET {sets} WHERE {quote(_column(field_of('id')))} = %s"
    params = [[f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields] + [row.pk]
              for row in rows if row.pk in changes]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _column(field: Field) -> str:
    if field.column is None:
        raise TypeError(f"RowReport.{field.name} has no column")
    return field.column


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
