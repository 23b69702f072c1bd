"""Database triggers that refuse UPDATE and DELETE on the audit trail (see audit/db.py)."""
from django.db import migrations

from audit import db


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)
    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_log_entry")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": db.SQLITE_FORWARD, "postgresql": db.POSTGRES_FORWARD}),
            _run({"sqlite": db.SQLITE_REVERSE, "postgresql": db.POSTGRES_REVERSE}),
        ),
    ]
