"""A plan issued by another locality is never filed under this commune by mistake: the page and the command refuse it.

Fixtures are real headers as communes type them: the sample's "ỦY BAN NHÂN DÂN / XÃ HƯNG ĐÔNG", the Nghi Phong plan
(another commune of the same city), a district plan of Yên Thành (a name the district shares with one of its
communes), a header typed without accents, and one where the issuing body was left out.
"""
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from audit.models import LogEntry
from communes.models import AreaKind, Commune
from plans.models import Plan
from plans.rules import check_locality
from plans.services import staging
from tests.conftest import FIXTURES, SAMPLE
from tests.factories import make_commune, make_district

NGHI_PHONG = FIXTURES / "plans" / "pdf-xa-nghi-phong-2024.txt"
NGHI_PHONG_PDF = FIXTURES / "plans" / "pdf" / "pdf-xa-nghi-phong-2024.pdf"
YEN_THANH_DISTRICT = FIXTURES / "plans" / "dir-huyen-yen-thanh-2024.txt"
YEN_THANH_COMMUNE = FIXTURES / "plans" / "ind-xa-chu-cai.txt"
SAMPLE_HEADER = "\n\n**ỦY BAN NHÂN DÂN\nXÃ HƯNG ĐÔNG**\n"


def sample_with_header(header: str) -> bytes:
    text = SAMPLE.read_text(encoding="utf-8")
    assert SAMPLE_HEADER in text
    return text.replace(SAMPLE_HEADER, header, 1).encode()


def parsed(locality, issuer=None):
    return {"issuer": issuer, "locality": locality}


@pytest.fixture(autouse=True)
def _media(settings):
    """Asking for `settings` makes tests/conftest.py put staged uploads in a temporary folder."""


# ---- the rule ------------------------------------------------------------------------------------------------------
def test_the_same_name_and_kind_match_whatever_the_accents_and_case(db):
    commune = Commune(name="Hưng Đông", kind="xã")
    assert check_locality(commune, parsed({"name": "Hưng Đông", "kind": "xã"}, "UBND xã Hưng Đông")).matches
    assert check_locality(commune, parsed({"name": "HUNG DONG", "kind": "Xã"}, "UBND XA HUNG DONG")).matches


def test_a_district_sharing_the_communes_name_is_another_locality(db):
    commune = Commune(name="Yên Thành", kind="xã")
    check = check_locality(commune, parsed({"name": "Yên Thành", "kind": "huyện"}, "UBND huyện Yên Thành"))
    assert not check.matches
    assert (check.document, check.commune) == ("UBND huyện Yên Thành", "xã Yên Thành")


def test_a_ward_and_a_commune_of_one_name_are_two_localities(db):
    commune = Commune(name="Hưng Đông", kind="xã")
    assert not check_locality(commune, parsed({"name": "Hưng Đông", "kind": "phường"})).matches


def test_a_document_whose_locality_could_not_be_read_is_not_refused_but_flagged(db):
    check = check_locality(Commune(name="Hưng Đông", kind="xã"), parsed(None))
    assert check.matches and check.unread and check.commune == "xã Hưng Đông"


# ---- the upload page -----------------------------------------------------------------------------------------------
@pytest.fixture
def office(client, personas):
    client.force_login(personas["office"])
    return client


def upload(client, name, data):
    return client.post(reverse("plan_upload"), {"file": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize("fixture", [NGHI_PHONG, NGHI_PHONG_PDF, YEN_THANH_DISTRICT])
def test_the_page_refuses_another_localitys_plan_naming_both_and_offering_only_the_way_back(office, commune, fixture):
    response = upload(office, fixture.name, fixture.read_bytes())
    page = response.content.decode()
    assert response.status_code == 400
    expected = {"pdf-xa-nghi-phong-2024.txt": "UBND xã Nghi Phong", "pdf-xa-nghi-phong-2024.pdf": "UBND xã Nghi Phong",
                "dir-huyen-yen-thanh-2024.txt": "UBND huyện Yên Thành"}[fixture.name]
    assert f'<strong id="document-locality">{expected}</strong>' in page
    assert '<strong id="commune-locality">xã Hưng Đông</strong>' in page
    main = page[page.index("<main>"):page.index("</main>")]
    assert reverse("plan_confirm") not in main and "Xác nhận" not in main and "<form" not in main
    assert main.count("<a ") == 1 and f'href="{reverse("plan_upload")}"' in main
    assert Plan.objects.count() == 0 and not list((staging._folder()).iterdir())


def test_the_page_accepts_the_communes_own_plan_typed_without_accents(office, commune):
    response = upload(office, "ke-hoach.txt", sample_with_header("\n\n**UY BAN NHAN DAN\nXA HUNG DONG**\n"))
    page = response.content.decode()
    assert response.status_code == 200 and "Xác nhận nhập kế hoạch" in page
    assert 'id="locality-unread"' not in page


def test_the_preview_warns_when_the_issuing_body_could_not_be_read(office, commune):
    response = upload(office, "ke-hoach.txt", sample_with_header("\n\n"))
    page = response.content.decode()
    assert response.status_code == 200 and "Xác nhận nhập kế hoạch" in page
    assert 'id="locality-unread"' in page and "chưa kiểm tra được đây có phải kế hoạch của xã Hưng Đông" in page


def test_confirming_a_staged_foreign_plan_is_refused_too(office, commune):
    token = staging.stage(NGHI_PHONG.read_bytes())
    response = office.post(reverse("plan_confirm"), {"token": token, "name": NGHI_PHONG.name}, follow=True)
    page = response.content.decode()
    assert "UBND xã Nghi Phong" in page and "xã Hưng Đông" in page
    assert Plan.objects.count() == 0 and not LogEntry.objects.filter(action="plan.imported").exists()


# ---- the command ---------------------------------------------------------------------------------------------------
def run_import(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_plan", *map(str, args), stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


def test_the_command_refuses_another_localitys_plan_naming_both(commune):
    out, err, error = run_import(NGHI_PHONG, "--commune", "Hưng Đông")
    assert error is not None and NGHI_PHONG.name in str(error)
    assert "UBND xã Nghi Phong" in err and "xã Hưng Đông" in err and "--allow-other-locality" in err
    assert Plan.objects.count() == 0


def test_the_command_refuses_the_district_plan_for_the_commune_of_the_same_name(db):
    make_commune("Yên Thành", area=make_district("Yên Thành", kind=AreaKind.DISTRICT))
    out, err, error = run_import(YEN_THANH_DISTRICT, "--commune", "Yên Thành")
    assert error is not None and "UBND huyện Yên Thành" in err and "xã Yên Thành" in err
    assert Plan.objects.count() == 0
    out, err, error = run_import(YEN_THANH_COMMUNE, "--commune", "Yên Thành")
    assert error is None and Plan.objects.get().year == 2025


def test_allow_other_locality_overrides_the_refusal(commune):
    out, err, error = run_import(NGHI_PHONG, "--commune", "Hưng Đông", "--allow-other-locality")
    assert error is None and err == ""
    plan = Plan.objects.get()
    assert (plan.commune, plan.year, plan.number) == (commune, 2024, "05/KH-UBND")


def test_a_commune_created_by_the_command_is_checked_against_its_own_name(db):
    out, err, error = run_import(SAMPLE, "--commune", "Hưng Đông")
    assert error is None and Plan.objects.get().commune.name == "Hưng Đông"
    out, err, error = run_import(NGHI_PHONG, "--commune", "Hưng Đông")
    assert error is not None and Plan.objects.count() == 1
