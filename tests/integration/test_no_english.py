"""No raw code and no English in what a person reads: every page and download, as every role.

The office reads "Danh bạ", not "directory"; a Chairman's download is saved as "bao-cao-thang-01-2023.docx".
The list of codes is taken from the app itself (choices, anomaly kinds, unit kinds), so a new code is covered.
"""
import re

import lxml.html
import pytest
import time_machine
from django.urls import reverse

from tests.integration import test_access_matrix as matrix
from tests.integration.visible_text import (
    ENGLISH,
    FILE_NAME,
    app_codes,
    attachment_name,
    docx_text,
    forbidden_pattern,
    html_text,
    xlsx_text,
)

worlds = matrix.worlds  # the access matrix's two communes, each with the sample plan and every persona
FORBIDDEN = forbidden_pattern(app_codes())
# Every GET, and every POST answered with a file (the reminder letter, the next-year draft): what a person reads.
READS = sorted(name for name, entry in matrix.MATRIX.items() if entry.get("method") != "post" or entry.get("download"))
TEXT_OF = {"application/vnd.openxmlformats-officedocument.wordprocessingml.document": docx_text,
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": xlsx_text}


def leaks(text: str) -> list[str]:
    """Each raw code or English word with a little of its surroundings, so a failure says where it is."""
    return [f"«{m.group()}» in …{text[max(0, m.start() - 40):m.end() + 40]}…".replace("\n", " ")
            for m in FORBIDDEN.finditer(text)]


def problems_of(response) -> list[str]:
    content_type = response.get("Content-Type", "").split(";")[0]
    disposition = response.get("Content-Disposition", "")
    if disposition or content_type in TEXT_OF:
        return _download_problems(response, content_type, disposition)
    if content_type == "text/html":
        return leaks(html_text(response.content))
    return []


def _download_problems(response, content_type, disposition) -> list[str]:
    name = attachment_name(disposition)
    found = [] if FILE_NAME.fullmatch(name) else [f"file name «{name}» is not Vietnamese words without accents"]
    found += [f"file name «{name}» holds «{word}»" for word in _name_words(name)]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return found + (leaks(TEXT_OF[content_type](content)) if content_type in TEXT_OF else [])


def _name_words(name: str) -> list[str]:
    english = {word.lower() for word in ENGLISH} | {"report", "export", "download", "file", "plan", "indicators"}
    codes = app_codes()
    words = name.rsplit(".", 1)[0].split("-")
    return [word for word in words if word in english or word in codes]


def _walk(client, user, world) -> dict[str, list[str]]:
    client.logout()
    if user is not None:
        client.force_login(user)
    found = {}
    for name in READS:
        entry = matrix.MATRIX[name]
        url = matrix._url(name, entry, world)
        response = client.post(url) if entry.get("method") == "post" else client.get(url)
        problems = problems_of(response)
        if problems:
            found[name] = problems
    return found


@pytest.mark.parametrize("persona", matrix.IN_COMMUNE)
@time_machine.travel("2023-06-10 09:00 +0700", tick=False)  # inside the sample plan's year: its periods are open
def test_every_page_and_download_reads_in_vietnamese(client, worlds, persona):
    people, mine, _ = worlds
    assert _walk(client, people[persona], mine) == {}


@time_machine.travel("2023-06-10 09:00 +0700", tick=False)
def test_the_public_pages_read_in_vietnamese_to_a_visitor_without_an_account(client, worlds):
    _, mine, _ = worlds
    public = [name for name in READS if matrix.MATRIX[name].get("public")]
    assert "public_commune" in public and "public_api:openapi-view" in public
    found = {}
    for name in public:
        problems = problems_of(client.get(matrix._url(name, matrix.MATRIX[name], mine)))
        if problems:
            found[name] = problems
    assert found == {}


def _readable(response) -> list[str]:
    return leaks(html_text(response.content))


@pytest.mark.django_db
def test_the_pages_before_login_read_in_vietnamese(client):
    """Login, a forgotten password and an expired reset link: what someone not yet logged in meets."""
    for name in ("login", "password_reset", "password_reset_done", "password_reset_complete"):
        response = client.get(reverse(name))
        assert response.status_code == 200 and not _readable(response), name
    expired = client.get(reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "het-han"}))
    assert "không còn hiệu lực" in html_text(expired.content) and not _readable(expired)
    refused = client.post(reverse("login"), {"username": "khongco", "password": "sai-mat-khau"})
    assert refused.status_code == 200 and not _readable(refused)
    assert "tên đăng nhập" in html_text(refused.content).lower()


def test_django_error_pages_read_in_vietnamese(client, worlds):
    people, _, _ = worlds
    client.force_login(people["viewer"])
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404 and "Không tìm thấy" in html_text(missing.content)
    refused = client.get(reverse("plan_upload"))  # a viewer may not import a plan
    assert refused.status_code == 403 and "không có quyền" in html_text(refused.content).lower()
    assert not _readable(missing) and not _readable(refused)


def test_a_stale_form_and_a_server_error_read_in_vietnamese(worlds, rf):
    from django.test import Client
    from django.views.defaults import server_error

    people, _, _ = worlds
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(people["office"])
    stale = strict.post(reverse("plan_upload"), {})
    assert stale.status_code == 403 and not _readable(stale)
    crashed = server_error(rf.get("/"))
    assert crashed.status_code == 500 and "Hệ thống gặp lỗi" in html_text(crashed.content)
    assert not _readable(crashed)


def test_the_admin_index_is_titled_in_vietnamese(client, worlds):
    people, _, _ = worlds
    client.force_login(people["site_admin"])
    page = lxml.html.fromstring(client.get("/quan-tri/").content.decode("utf-8"))
    assert page.findtext(".//title") == "Quản trị dữ liệu | theodoi"
    assert page.xpath("normalize-space(//h1)") == "Quản trị dữ liệu"
    assert page.xpath("normalize-space(//*[@id='site-name'])") == "theodoi – quản trị"


# The anomaly kinds of the Plan JSON contract and of the readers, and how the plan page names each one.
ANOMALY_WORDS = {"arithmetic": "Cộng không khớp", "share": "Tỷ trọng", "numbering": "Đánh số", "count": "Số lượng",
                 "deadline": "Thời hạn", "directory": "Danh bạ", "structure": "Cấu trúc bảng",
                 "header": "Phần đầu văn bản", "indicator": "Chỉ tiêu"}


def test_the_plan_page_names_every_anomaly_kind_in_vietnamese(client, worlds):
    people, mine, _ = worlds
    for order, kind in enumerate(ANOMALY_WORDS, start=1000):
        mine.plan.anomalies.create(kind=kind, where="Phụ lục I", message="Cần người kiểm tra.", order=order)
    client.force_login(people["office"])
    text = " ".join(html_text(client.get(reverse("plan_detail", kwargs={"pk": mine.plan.pk})).content).split())
    assert [word for word in ANOMALY_WORDS.values() if f"{word} · Phụ lục I" not in text] == []
    assert leaks(text) == []


def _identifier(where: str) -> bool:
    return re.fullmatch(r"/components/schemas/\w+(/properties/\w+)?", where) is not None


def _words_for_people(schema, where="") -> list[tuple[str, str]]:
    """Every title, summary and description of the OpenAPI document: what the docs page shows of our API."""
    found = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            # A schema's title is its class or field name, an identifier of the contract like the field itself.
            if key in ("title", "summary", "description") and isinstance(value, str) \
                    and not (key == "title" and _identifier(where)):
                found.append((f"{where}/{key}", value))
            else:
                found += _words_for_people(value, f"{where}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            found += _words_for_people(value, f"{where}/{index}")
    return found


@pytest.mark.django_db
def test_the_public_feeds_documentation_speaks_vietnamese_where_it_is_ours(client):
    """The feed's documentation page (/cong-khai/api/tai-lieu/) is for developers who reuse the public data, not for
    the office. Swagger UI draws its own buttons in English («Try it out», «Execute»): it has no Vietnamese, and
    translating a vendored bundle is not worth its upkeep. What the API says of itself is ours and in Vietnamese:
    the page's title, every operation's summary and every field's description. Field names stay English
    identifiers (done_on_time), the contract a program reads, like the Plan JSON."""
    page = client.get(reverse("public_api:openapi-view"))
    assert page.status_code == 200 and not _readable(page)
    schema = client.get(reverse("public_api:openapi-json")).json()
    words = _words_for_people(schema)
    assert [where for where, _ in words if where.endswith("/summary")], "the operations have summaries"
    english = {where: text for where, text in words if leaks(text) or re.search(r"\b(the|of|and|for|with)\b", text)}
    assert english == {}
