"""The trivial signed-in page (issue 15): every signed-in persona gets it, nobody else, and it reads only the
session and the user."""
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def test_the_health_page_answers_every_signed_in_persona_and_no_stranger(client, personas):
    url = reverse("health")
    assert url == "/suc-khoe/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/dang-nhap/")
    for name in ("owner", "other_unit", "outsider", "viewer", "office"):
        client.force_login(personas[name])
        page = client.get(url)
        assert page.status_code == 200, name
        assert f"Đã đăng nhập: {personas[name].username}." in page.content.decode()


def test_the_health_page_reads_the_session_and_the_user_and_writes_nothing(client, personas):
    client.force_login(personas["owner"])
    client.get(reverse("health"))  # the first response sets the activity cookie
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("health")).status_code == 200
    tables = [q["sql"].split(" FROM ")[1].split()[0].strip('"') for q in queries.captured_queries]
    assert tables == ["django_session", "accounts_user"]
