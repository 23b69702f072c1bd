"""Issue 15 item 6: the read-only dashboards read from the replica when one is configured, and nothing else does."""
import copy

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from accounts.models import User
from audit.models import LogEntry
from theodoi.db_router import ReplicaMiddleware, ReplicaRouter

router = ReplicaRouter()


@pytest.fixture
def with_replica(monkeypatch):
    # What DATABASE_REPLICA_URL adds; the test never connects to it, it only asks the router where reads go.
    monkeypatch.setitem(settings.DATABASES, "replica", copy.deepcopy(settings.DATABASES["default"]))


def _read_alias_during(method: str, path: str) -> dict:
    """Run a request through the middleware; the 'view' asks the router where it would read and write."""
    seen = {}

    def view(request):
        seen.update(read=router.db_for_read(LogEntry), write=router.db_for_write(LogEntry))
        return None

    request = RequestFactory().generic(method, path)
    request.user = AnonymousUser()
    ReplicaMiddleware(view)(request)
    seen["after"] = router.db_for_read(LogEntry)
    return seen


def test_the_chairmans_board_reads_from_the_replica_and_writes_to_the_primary(with_replica):
    assert _read_alias_during("GET", "/dieu-hanh/") == {"read": "replica", "write": "default", "after": "default"}
    assert _read_alias_during("GET", "/dieu-hanh/dong/")["read"] == "replica"


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/ke-hoach/"),  # a page that is not a dashboard
    ("GET", "/bao-cao/"),  # a unit reads here right after saving: it must see its own write
    ("POST", "/dieu-hanh/"),  # never a write, even on a dashboard's URL
    ("GET", "/khong-co-trang-nay/"),
])
def test_every_other_request_stays_on_the_primary(with_replica, method, path):
    assert _read_alias_during(method, path)["read"] == "default"


def test_without_a_replica_everything_stays_on_default():
    assert _read_alias_during("GET", "/dieu-hanh/") == {"read": "default", "write": "default", "after": "default"}


def test_only_the_primary_is_migrated():
    assert router.allow_migrate("default", "reports") and not router.allow_migrate("replica", "reports")
    assert router.allow_relation(User(), LogEntry())
