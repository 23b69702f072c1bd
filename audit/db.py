"""Database-level refusal of UPDATE and DELETE on the trail (triggers), and the one sanctioned way around it.

PostgreSQL: row triggers; TRUNCATE (used by `flush` and test teardown) and DROP (restore) do not fire them.
SQLite: triggers call theodoi_audit_unlocked(), a function only this process defines, so only the `flush`
command (which empties the whole database) can clear the table; any other client gets an error.
Beware: on SQLite, a migration that rebuilds audit_logentry drops its triggers; test_audit checks they exist.
"""
import contextvars
from contextlib import contextmanager

from django.db.backends.signals import connection_created

_unlocked = contextvars.ContextVar("audit_unlocked", default=False)

SQLITE_FORWARD = [
    "CREATE TRIGGER audit_logentry_no_update BEFORE UPDATE ON audit_logentry WHEN NOT theodoi_audit_unlocked() "
    "BEGIN SELECT RAISE(ABORT, 'audit_logentry is append-only'); END;",
    "CREATE TRIGGER audit_logentry_no_delete BEFORE DELETE ON audit_logentry WHEN NOT theodoi_audit_unlocked() "
    "BEGIN SELECT RAISE(ABORT, 'audit_logentry is append-only'); END;",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_logentry_no_update;",
    "DROP TRIGGER IF EXISTS audit_logentry_no_delete;",
]
POSTGRES_FORWARD = [
    "CREATE OR REPLACE FUNCTION audit_logentry_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit_logentry is append-only'; END; $$;",
    "CREATE TRIGGER audit_logentry_append_only BEFORE UPDATE OR DELETE ON audit_logentry "
    "FOR EACH ROW EXECUTE FUNCTION audit_logentry_refuse();",
]
POSTGRES_REVERSE = ["DROP TRIGGER IF EXISTS audit_logentry_append_only ON audit_logentry;",
                    "DROP FUNCTION IF EXISTS audit_logentry_refuse();"]


@contextmanager
def unlocked():
    token = _unlocked.set(True)
    try:
        yield
    finally:
        _unlocked.reset(token)


def _register(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("theodoi_audit_unlocked", 0, lambda: int(_unlocked.get()))


def install() -> None:
    connection_created.connect(_register, dispatch_uid="audit-sqlite-function")
