"""No raw code and no English in what a person reads: every page and download, as every role.

The office reads "Danh bạ", not "directory"; a Chairman's download is saved as "bao-cao-thang-01-2023.docx".
The list of codes is taken from the app itself (choices, anomaly kinds, unit kinds), so a new code is covered.
"""
import pytest
import time_machine
from django.urls import reverse

from tests.integration.test_access_matrix import IN_COMMUNE, MATRIX, _url, worlds  # noqa: F401 (fixture)
from tests.integration.visible_text import (ENGLISH, FILE_NAME, app_codes, attachment_name, docx_text,
                                            forbidden_pattern, html_text, xlsx_text)

FORBIDDEN = forbidden_pattern(app_codes())
READS = sorted(name for name, entry in MATRIX.items() if entry.get("method") != "post")
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
        response = client.get(_url(name, MATRIX[name], world))
        problems = problems_of(response)
        if problems:
            found[name] = problems
    return found


@pytest.mark.parametrize("persona", IN_COMMUNE)
@time_machine.travel("2023-06-10 09:00 +0700", tick=False)  # inside the sample plan's year: its periods are open
def test_every_page_and_download_reads_in_vietnamese(client, worlds, persona):
    people, mine, _ = worlds
    assert _walk(client, people[persona], mine) == {}
