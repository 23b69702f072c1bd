"""Read-only dashboards may read from a PostgreSQL replica (issue 15, item 6); everything else stays on the primary.

Set DATABASE_REPLICA_URL and settings add the "replica" alias, this router and ReplicaMiddleware. The middleware
marks a GET of one of REPLICA_URL_NAMES; only while it runs do reads go to the replica. Writes, sessions, logins
and every other page use "default", so a unit that has just saved never reads its own report from a replica that
lags behind. Without the setting there is no "replica" alias and the router sends everything to "default".
"""
import contextvars

from django.conf import settings
from django.urls import Resolver404, resolve

REPLICA = "replica"
# The read-only pages whose figures may be a few seconds old: the Chairman's board and (once merged) the province
# dashboard. A page that writes, or that a writer reads right after writing, must never be here.
REPLICA_URL_NAMES = frozenset({"dashboard", "dashboard_rows", "province_dashboard", "province_dashboard_xlsx"})

_reading_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("theodoi_reading_replica", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def routes_to_replica(method: str, url_name: str | None) -> bool:
    return method in ("GET", "HEAD") and url_name in REPLICA_URL_NAMES


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reading_replica.get() and replica_configured() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: an object read there is the same row

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # a streaming replica follows the primary's schema; it is never migrated itself


class ReplicaMiddleware:
    """Last in MIDDLEWARE: the session and the user are read on the primary before the view's reads are routed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        replica = routes_to_replica(request.method, url_name)
        if replica and hasattr(request, "user"):
            # The session and the user load lazily: load them now, from the primary, or a login made a moment ago
            # that the replica has not received yet would look like no session at all.
            request.user.is_authenticated  # noqa: B018
        token = _reading_replica.set(replica)
        try:
            return self.get_response(request)
        finally:
            _reading_replica.reset(token)
