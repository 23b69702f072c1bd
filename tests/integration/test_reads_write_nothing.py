"""Issue 12: read-only page views write nothing to the database, for every read URL of the access matrix and
every role of the commune, on a fresh database where the month being reported has not been opened yet."""
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.integration.test_access_matrix import IN_COMMUNE, MATRIX, _url, worlds  # noqa: F401 (fixture)

# Every GET of the matrix, with no exception: an act worth recording (drafting the reminder letter) is a POST, and a
# GET of its URL (an old link) only leads to the page with the button.
READS = sorted(name for name, entry in MATRIX.items()
               if entry["read_only"] and (entry.get("method") != "post" or entry.get("download")))


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries
            if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE"))]


@pytest.mark.parametrize("name", READS)
@time_machine.travel("2023-06-10 09:00 +0700", tick=False)
def test_a_read_writes_nothing(client, worlds, name):  # noqa: F811 (the fixture imported above)
    people, mine, _ = worlds
    url = _url(name, MATRIX[name], mine)  # built first: building a URL may create the object it names
    for persona in (*IN_COMMUNE, *(("anonymous",) if MATRIX[name].get("public") else ())):
        client.logout()
        if persona != "anonymous":  # the public pages are read by visitors without an account too
            client.force_login(people[persona])
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert not _writes(queries), (name, persona, _writes(queries)[:2])
