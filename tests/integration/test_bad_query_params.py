"""No 500 from a query string (issue 12, item 4): every page and download of the access matrix, read by someone who
may read it, with every parameter the views read set to something hostile. A bad value is ignored or answered with
a 404/400 that says what is wrong; it never crashes nor changes anything.

"²" passes str.isdigit() but not int(); a NUL is refused by PostgreSQL inside any string; the long number overflows a
64-bit key.
"""
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.integration.test_access_matrix import MATRIX, _url, worlds  # noqa: F401 (fixture)

# Every name a view reads from request.GET (grep request.GET / params.get in the apps).
NAMES = ("ky", "ke-hoach", "kind", "number", "q", "nguon", "status", "part", "group", "leader", "unit", "huyen",
         "loai", "qua-han", "tu", "den", "page", "year", "month")
VALUES = ("²", "2023-²", "-1", "2023-13", "99999999999999999999999999999999999", "a\x00b", "x" * 5000)
READS = sorted(name for name, entry in MATRIX.items() if entry.get("method") != "post")
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def reader(entry) -> str:
    readers = entry.get("readers", ("office",))
    return "office" if "office" in readers else readers[0]


@pytest.mark.parametrize("name", READS)
@time_machine.travel("2023-06-10 09:00 +0700", tick=False)
def test_a_hostile_query_string_never_crashes_a_page(client, worlds, name):  # noqa: F811 (the fixture above)
    people, mine, _ = worlds
    entry = MATRIX[name]
    url = _url(name, entry, mine)
    if not entry.get("public"):
        client.force_login(people[reader(entry)])
    for value in VALUES:
        for names in (NAMES, NAMES[1:]):  # with and without ky, which most pages read first
            with CaptureQueriesContext(connection) as queries:
                status = client.get(url, {key: value for key in names}).status_code
            assert status < 500, (name, value, names[0])
            assert not [q for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]


@time_machine.travel("2023-06-10 09:00 +0700", tick=False)
def test_a_number_past_64_bits_in_a_path_is_a_404_not_a_crash(client, worlds):  # noqa: F811 (the fixture above)
    """/ke-hoach/99999999999999999999999999/: the path converter takes any digits; no key is that large."""
    from django.urls import reverse

    from tests.integration.test_access_matrix import _has_params, _inferred_kwargs

    people, mine, _ = worlds
    client.force_login(people["site_admin"])
    crashed = {}
    for name, entry in sorted(MATRIX.items()):
        if not _has_params(name, entry):
            continue
        kwargs = entry["kwargs"](mine) if "kwargs" in entry else _inferred_kwargs(name, mine)
        huge = {key: 10**25 if isinstance(value, int) else value for key, value in kwargs.items()}
        url = reverse(name, kwargs=huge)
        status = (client.post(url) if entry.get("method") == "post" else client.get(url)).status_code
        if status >= 500:
            crashed[name] = status
    assert crashed == {}
