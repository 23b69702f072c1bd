"""Accounts: the office's pages, password reset by e-mail, lockout, session expiry, upload and export guards."""
import io
import zipfile

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from openpyxl import Workbook

from accounts.models import Role, User
from tests.factories import PASSWORD
from theodoi.exports import put
from theodoi.uploads import OfficeFileError, check_office_file


def test_the_office_creates_an_account_and_sees_its_password_once(client, personas, commune):
    client.force_login(personas["office"])
    unit = commune.entries.get(key="cong-an")
    response = client.post(reverse("account_create"), {"username": "congan", "full_name": "Trưởng Công an",
                                                       "role": Role.UNIT_OFFICER, "units": [unit.pk]})
    password = response.context["password"]
    account = User.objects.get(username="congan")
    assert account.check_password(password) and account.commune == commune and list(account.units.all()) == [unit]
    assert "no-store" in response["Cache-Control"]
    assert password not in client.get(reverse("account_detail", args=[account.pk])).content.decode()


def test_the_office_lists_only_its_commune_and_links_units(client, personas, commune):
    client.force_login(personas["office"])
    listing = client.get(reverse("account_list")).content.decode()
    assert "diachinh" in listing and "ngoai" not in listing
    owner = personas["owner"]
    units = list(commune.entries.filter(key__in=["cc-dia-chinh", "cc-tu-phap"]).values_list("pk", flat=True))
    client.post(reverse("account_detail", args=[owner.pk]), {"units": units})
    assert sorted(owner.units.values_list("pk", flat=True)) == sorted(units)
    client.post(reverse("account_detail", args=[owner.pk]), {"units": []})
    assert not owner.units.exists()


def test_the_office_deactivates_an_account_but_not_itself(client, personas):
    office, owner = personas["office"], personas["owner"]
    client.force_login(office)
    client.post(reverse("account_toggle_active", args=[owner.pk]))
    owner.refresh_from_db()
    assert not owner.is_active
    assert client.post(reverse("account_toggle_active", args=[office.pk])).status_code == 403


def test_a_unit_cannot_be_linked_from_another_commune(client, personas, other_commune):
    client.force_login(personas["office"])
    foreign = other_commune.entries.get(key="cc-dia-chinh")
    response = client.post(reverse("account_detail", args=[personas["owner"].pk]), {"units": [foreign.pk]})
    assert response.status_code == 400 and not personas["owner"].units.filter(pk=foreign.pk).exists()


def test_password_reset_sends_a_vietnamese_mail_in_text_and_html(client, personas, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    owner = personas["owner"]
    owner.email = "diachinh@hungdong.gov.vn"
    owner.save()
    response = client.post(reverse("password_reset"), {"email": owner.email})
    assert response.status_code == 302
    message = mail.outbox[0]
    assert "Đặt lại mật khẩu" in message.subject and "\n" not in message.subject
    assert "/dat-lai-mat-khau/" in message.body and message.alternatives[0][1] == "text/html"
    link = next(line for line in message.body.splitlines() if "/dat-lai-mat-khau/" in line).split("testserver")[1]
    form = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form.content.decode()


def test_lockout_after_five_wrong_passwords_with_a_vietnamese_page(client, personas):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(reverse("login"), {"username": "diachinh", "password": "sai"}).status_code == 200
    locked = client.post(reverse("login"), {"username": "diachinh", "password": "sai"})
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "tạm thời bị khóa" in page and "thử lại sau" in page and "Văn phòng – Thống kê" in page
    # Even the right password is refused until the office unlocks the account.
    assert client.post(reverse("login"), {"username": "diachinh", "password": PASSWORD}).status_code == 429
    client.force_login(personas["office"])
    client.post(reverse("account_unlock", args=[personas["owner"].pk]))
    client.logout()
    assert client.post(reverse("login"), {"username": "diachinh", "password": PASSWORD}).status_code == 302


def test_sessions_expire_after_inactivity():
    assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_COOKIE_AGE <= 30 * 60


def test_password_validators_refuse_weak_passwords(client, personas):
    client.force_login(personas["viewer"])
    response = client.post(reverse("password_change"), {"old_password": PASSWORD, "new_password1": "12345678",
                                                        "new_password2": "12345678"})
    assert response.status_code == 200 and response.context["form"].errors


def _zip(members: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("members, reason", [
    ({f"f{i}.xml": b"x" for i in range(2001)}, "thành phần"),
    ({"word/document.xml": b"\0" * (20 * 1024 * 1024)}, "tỷ lệ nén"),
])
def test_zip_bombs_are_refused(members, reason):
    with pytest.raises(OfficeFileError, match=reason):
        check_office_file(_zip(members), "ke-hoach.docx")


def test_a_renamed_zip_bomb_is_still_refused():
    with pytest.raises(OfficeFileError, match="tỷ lệ nén"):
        check_office_file(_zip({"xl/worksheets/sheet1.xml": b"\0" * (20 * 1024 * 1024)}), "bang-chi-tieu.bin")
    check_office_file(b"Ke hoach dang van ban", "ke-hoach.txt")  # text is not an archive: nothing to check


def test_ordinary_office_files_pass_and_broken_ones_are_refused(settings):
    check_office_file(_zip({"word/document.xml": b"<w:document/>" * 100}), "ke-hoach.docx")
    with pytest.raises(OfficeFileError, match="bị hỏng"):
        check_office_file(b"not a zip", "bang.xlsx")
    settings.THEODOI_ZIP_MAX_UNCOMPRESSED = 1000
    with pytest.raises(OfficeFileError, match="lớn hơn"):
        check_office_file(_zip({"a.xml": b"a" * 2000}, zipfile.ZIP_STORED), "bang.xlsx")


def test_a_zip_bomb_upload_is_refused_by_the_plan_upload(client, personas):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(personas["office"])
    bomb = _zip({"word/document.xml": b"\0" * (20 * 1024 * 1024)})
    response = client.post(reverse("plan_upload"), {"file": SimpleUploadedFile("bom.docx", bomb)})
    assert response.status_code == 400 and "tệp nén độc hại" in response.content.decode()


# Issue 14 replaced the visible apostrophe with the quotePrefix style: the text is kept exactly as typed.
@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
def test_formula_like_text_is_neutralised_for_spreadsheets(text):
    cell = put(Workbook().active["A1"], text)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)


def test_plain_values_pass_unchanged_to_spreadsheets():
    cells = [put(Workbook().active["A1"], v) for v in ("Hộ nghèo", 5, -5, None)]
    assert [c.value for c in cells] == ["Hộ nghèo", 5, -5, None]
    assert not any(c.quotePrefix for c in cells)


@pytest.mark.parametrize("role", [Role.AREA_VIEWER, Role.AREA_OFFICER])
def test_an_area_account_needs_an_area_and_no_commune(db, commune, role):
    """Without an area it would see nothing; with a commune too it would hold two scopes at once."""
    from django.core.exceptions import ValidationError

    from tests.factories import make_province

    account = User(username="tinh.trong", role=role)
    with pytest.raises(ValidationError, match="cần chọn đơn vị hành chính"):
        account.full_clean(exclude=["password"])
    account.area, account.commune = make_province(), commune
    with pytest.raises(ValidationError, match="không thuộc một xã/phường"):
        account.full_clean(exclude=["password"])
    account.commune = None
    account.full_clean(exclude=["password"])


def test_unlocking_an_account_is_in_the_audit_trail(client, personas):
    from audit.models import LogEntry

    client.force_login(personas["office"])
    owner = personas["owner"]
    assert client.post(reverse("account_unlock", args=[owner.pk])).status_code == 302
    entry = LogEntry.objects.get(action="accounts.user.unlocked", object_id=str(owner.pk))
    assert entry.actor == personas["office"] and entry.commune_id == owner.commune_id
