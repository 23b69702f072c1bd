import os

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_database_is_the_one_the_run_asked_for():
    """Under scripts/with-postgres.sh the tests must really run on PostgreSQL, not fall back to SQLite."""
    expected = "postgresql" if os.environ.get("THEODOI_EXPECT_POSTGRES") else "sqlite"
    assert connection.vendor == expected
