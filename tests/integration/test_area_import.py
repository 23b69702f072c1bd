"""import_areas: provinces and districts from the official list's CSV, communes linked by code or by exact name
under their own area, all or nothing, idempotent; the same service behind the province officer's upload page."""
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from accounts.models import Role
from audit.models import LogEntry
from communes.models import AdminArea, AreaKind, Commune
from communes.services.areas import import_areas
from tests.conftest import FIXTURES
from tests.factories import make_area_viewer, make_province, make_site_admin, make_user

NGHE_AN = FIXTURES / "areas" / "danh-muc-nghe-an-2024.csv"
SEMICOLONS = FIXTURES / "areas" / "danh-muc-2025-cham-phay.csv"


@pytest.fixture
def app_communes(db):
    """As an upgraded install has them: Hưng Đông under the "Vinh" the migration made without a province, Hưng
    Bình given its official code but no area, and Nghi Phong with neither (the file does not list it)."""
    vinh = AdminArea.objects.create(kind=AreaKind.PROVINCIAL_CITY, name="Vinh")
    return {"Hưng Đông": Commune.objects.create(name="Hưng Đông", kind="xã", area=vinh),
            "Hưng Bình": Commune.objects.create(name="Hưng Bình", kind="phường", code="16672"),
            "Nghi Phong": Commune.objects.create(name="Nghi Phong", kind="xã")}


def _tree() -> set[tuple]:
    return {(a.kind, a.name, a.code, a.parent.name if a.parent else None) for a in AdminArea.objects.all()}


def _places() -> dict[str, tuple]:
    return {c.name: (c.code, c.area.name if c.area else None) for c in Commune.objects.select_related("area")}


def test_the_list_creates_provinces_and_districts_and_links_communes_by_code_or_name(app_communes):
    result = import_areas(NGHE_AN.read_bytes(), file_name=NGHE_AN.name)
    assert result.errors == []
    assert _tree() == {("tỉnh", "Nghệ An", "40", None), ("thành phố thuộc tỉnh", "Vinh", "412", "Nghệ An"),
                       ("thị xã", "Cửa Lò", "414", "Nghệ An"), ("huyện", "Nam Đàn", "429", "Nghệ An")}
    assert _places() == {"Hưng Đông": ("16690", "Vinh"), "Hưng Bình": ("16672", "Vinh"), "Nghi Phong": ("", None)}
    assert result.created == ["Tỉnh Nghệ An", "Thị xã Cửa Lò", "Huyện Nam Đàn"]
    assert result.updated == ["Thành phố thuộc tỉnh Vinh (không thuộc tỉnh nào) → Thành phố thuộc tỉnh Vinh "
                              "(Tỉnh Nghệ An)"]
    assert result.linked == ["Phường Hưng Bình → Thành phố thuộc tỉnh Vinh",
                             "Xã Hưng Đông → Thành phố thuộc tỉnh Vinh"]
    assert result.unmatched == ["Xã Nghi Phong (chưa thuộc đơn vị nào)"]
    assert result.not_in_app == 4  # Hưng Lộc, Nghi Thủy, thị trấn Nam Đàn, Nam Anh: listed, not in the app
    entry = LogEntry.objects.get(action="areas.imported")
    assert entry.data["file"] == NGHE_AN.name and entry.data["unmatched"] == result.unmatched


def test_a_second_run_changes_nothing(app_communes):
    import_areas(NGHE_AN.read_bytes())
    entries = LogEntry.objects.count()
    again = import_areas(NGHE_AN.read_bytes())
    assert (again.errors, again.created, again.updated, again.linked, again.changed) == ([], [], [], [], False)
    assert LogEntry.objects.count() == entries and AdminArea.objects.count() == 4


def test_semicolons_no_bom_no_district_columns_and_codes_that_lost_their_zero(db):
    ba_dinh = Commune.objects.create(name="Ba Đình", kind="phường")
    hanoi = make_province("Hà Nội", kind=AreaKind.CENTRAL_CITY)
    ba_dinh.area = hanoi
    ba_dinh.save()
    result = import_areas(SEMICOLONS.read_bytes())
    assert result.errors == []
    # "Thành phố" in the province column is a centrally-run city; "1" is Hà Nội's "01" after a spreadsheet.
    assert _tree() == {("thành phố trực thuộc trung ương", "Hà Nội", "01", None), ("tỉnh", "An Giang", "", None)}
    assert result.updated == ["Thành phố trực thuộc trung ương Hà Nội (không thuộc tỉnh nào) → Thành phố trực "
                              "thuộc trung ương Hà Nội (cấp tỉnh)"]
    assert result.linked == [] and result.not_in_app == 1  # Ba Đình was already there; Phú Quốc is not in the app


def test_every_bad_line_is_reported_with_its_number_and_nothing_is_saved(app_communes):
    data = ("Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp\n"
            "Tỉnh Nghệ An,40,Thành phố Vinh,412,Xã Hưng Đông,16690,Xã\n"
            "Nghệ An,40,Thành phố Vinh,412,Xã Hưng Lộc,16693,Xã\n"
            "Tỉnh Nghệ An,4a,Huyện Nam Đàn,429,Xã Nam Anh,17926,Xã\n"
            "Tỉnh Nghệ An,40,Huyện Nam Đàn,429,Xã Nam Anh,17926,Phường\n"
            "\n"
            "Tỉnh Nghệ An,40,Huyện Nam Đàn,412,Xã Nam Hưng,17929,Xã\n").encode()
    result = import_areas(data)
    assert result.errors == [
        "Dòng 3: cột «Tỉnh Thành Phố»: «Nghệ An» không ghi loại đơn vị («Tỉnh» hay «Thành phố trực thuộc trung "
        "ương» …) trước tên.",
        "Dòng 4: cột «Mã TP»: «4a» không phải mã 2 chữ số.",
        "Dòng 5: cột «Cấp» ghi «Phường» nhưng cột «Phường Xã» ghi «Xã Nam Anh (mã 17926)».",
        "Dòng 7: mã quận/huyện 412 là «Huyện Nam Đàn (mã 412)» nhưng dòng 2 ghi «Thành phố thuộc tỉnh Vinh (mã "
        "412)».",
    ]
    assert AdminArea.objects.count() == 1 and _places()["Hưng Đông"] == ("", "Vinh")


def test_files_that_are_not_the_list_say_why(db):
    not_utf8 = import_areas("Tỉnh Thành Phố,Mã TP\nTỉnh Nghệ An,40\n".encode("utf-16"))
    assert not_utf8.errors[0].startswith("Tệp không phải UTF-8")
    no_header = import_areas("Tỉnh Nghệ An,40,Thành phố Vinh\n".encode())
    assert no_header.errors == ["Dòng 1: thiếu cột «Tỉnh Thành Phố» (các cột đọc được: «Tỉnh Nghệ An», «40», «Thành "
                                "phố Vinh»). Dòng đầu phải là dòng tiêu đề: Tỉnh Thành Phố, Mã TP, Quận Huyện, Mã QH, "
                                "Phường Xã, Mã PX, Cấp."]
    empty = import_areas("\ufeffTỉnh Thành Phố;Mã TP\n".encode())
    assert empty.errors == ["Tệp không có dòng đơn vị hành chính nào dưới dòng tiêu đề."]


def test_a_commune_whose_code_names_another_commune_is_refused(app_communes):
    Commune.objects.filter(name="Nghi Phong").update(code="16690")  # the file gives 16690 to Hưng Đông
    result = import_areas(NGHE_AN.read_bytes())
    assert result.errors == ["Dòng 3: mã 16690 trong phần mềm là «Xã Nghi Phong», tệp ghi «Xã Hưng Đông (mã 16690)»; "
                             "hãy sửa tên hoặc mã cho khớp."]
    assert not AdminArea.objects.filter(name="Nghệ An").exists()


def test_the_command_prints_what_it_did_and_fails_on_errors(app_communes, tmp_path):
    out = StringIO()
    call_command("import_areas", str(NGHE_AN), stdout=out)
    text = out.getvalue()
    assert f"{NGHE_AN.name}: tạo mới 3 đơn vị, cập nhật 1, gắn 2 xã/phường; 4 xã/phường trong tệp chưa dùng" in text
    assert "  - Xã Nghi Phong (chưa thuộc đơn vị nào)" in text
    again = StringIO()
    call_command("import_areas", str(NGHE_AN), stdout=again)
    assert "Không có thay đổi: danh mục đã như trong tệp." in again.getvalue()
    bad = tmp_path / "sai.csv"
    bad.write_text("Tỉnh Thành Phố,Mã TP\nNghệ An,40\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="sai.csv: 1 lỗi; không lưu gì"):
        call_command("import_areas", str(bad), stderr=err)
    assert "Dòng 2: cột «Tỉnh Thành Phố»: «Nghệ An» không ghi loại đơn vị" in err.getvalue()


def _upload(client, user, path=NGHE_AN):
    client.force_login(user)
    return client.post(reverse("area_import"), {"file": SimpleUploadedFile(path.name, path.read_bytes(), "text/csv")})


def test_the_province_officer_imports_its_own_province_on_the_page(client, app_communes):
    officer = make_area_viewer(make_province("Nghệ An", code="40"), username="so.nghean", role=Role.AREA_OFFICER)
    response = _upload(client, officer)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Đã nhập danh mục" in page and "Xã Nghi Phong (chưa thuộc đơn vị nào)" in page
    assert _places()["Hưng Đông"] == ("16690", "Vinh")
    assert LogEntry.objects.get(action="areas.imported").actor == officer


def test_another_provinces_officer_is_refused_line_by_line_and_nothing_is_saved(client, app_communes):
    officer = make_area_viewer(make_province("Hà Tĩnh", code="42"), username="so.hatinh", role=Role.AREA_OFFICER)
    response = _upload(client, officer)
    assert response.status_code == 400
    assert "Dòng 2: «Tỉnh Nghệ An (mã 40)» ngoài phạm vi tài khoản (Tỉnh Hà Tĩnh)" in response.content.decode()
    assert _tree() == {("tỉnh", "Hà Tĩnh", "42", None), ("thành phố thuộc tỉnh", "Vinh", "", None)}


@pytest.mark.parametrize("who", ["viewer", "district_officer", "office"])
def test_viewers_district_officers_and_communes_may_not_import(client, app_communes, who):
    province = make_province()
    district = AdminArea.objects.create(kind=AreaKind.DISTRICT, name="Nam Đàn", parent=province)
    user = {"viewer": lambda: make_area_viewer(province),
            "district_officer": lambda: make_area_viewer(district, username="phong", role=Role.AREA_OFFICER),
            "office": lambda: make_user("vanphong", Role.OFFICE, app_communes["Hưng Đông"])}[who]()
    assert _upload(client, user).status_code == 403
    assert not AdminArea.objects.filter(code="40").exists()
    # The menu offers the page only to those it lets in: no link that leads to a 403.
    assert reverse("area_import") not in client.get(reverse("home"), follow=True).content.decode()


def test_a_province_officer_and_the_site_admin_find_the_menu_link(client, app_communes):
    officer = make_area_viewer(make_province(), username="so.nghean", role=Role.AREA_OFFICER)
    for user in (officer, make_site_admin()):
        client.force_login(user)
        assert reverse("area_import") in client.get(reverse("home"), follow=True).content.decode()


def test_the_site_admin_imports_any_province_and_a_wrong_file_is_a_400(client, app_communes):
    admin = make_site_admin()
    assert _upload(client, admin).status_code == 200 and AdminArea.objects.filter(code="40").exists()
    client.force_login(admin)
    wrong = SimpleUploadedFile("danh-muc.xlsx", b"PK\x03\x04", "application/octet-stream")
    response = client.post(reverse("area_import"), {"file": wrong})
    assert response.status_code == 400 and "không phải tệp .csv" in response.content.decode()


def test_import_plan_places_a_new_commune_under_a_named_area_and_never_guesses_one(db):
    from tests.conftest import SAMPLE

    with pytest.raises(CommandError, match="--area «Vinh»: chưa có; hãy nhập danh mục bằng import_areas"):
        call_command("import_plan", str(SAMPLE), "--commune", "Hưng Đông", "--area", "Vinh")
    AdminArea.objects.create(kind=AreaKind.PROVINCIAL_CITY, name="Vinh", parent=make_province("Nghệ An"))
    AdminArea.objects.create(kind=AreaKind.PROVINCIAL_CITY, name="Vinh", parent=make_province("Hà Tĩnh"))
    with pytest.raises(CommandError, match="--area «Vinh»: có 2 đơn vị trùng tên"):
        call_command("import_plan", str(SAMPLE), "--commune", "Hưng Đông", "--city", "Vinh")
    assert not Commune.objects.exists()


# Damaged files (issue 12, item 4): a clear message with the line, nothing saved, on the page and in the command.
OPEN_QUOTE = ("Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH\nTỉnh Nghệ An,40,Thành phố Vinh,412\n"
              '"Tỉnh Nghệ An,40,Huyện Nam Đàn' + " và xóm" * 20_000 + "\n").encode()
DAMAGED = {
    "mo-ngoac.csv": (OPEN_QUOTE, "Dòng 3: tệp CSV sai cấu trúc, có một ô dài bất thường"),
    "nhi-phan.csv": (b"Tinh Thanh Pho,Ma TP\r\n\x00\x01\x02,40\r\n", "có ký tự nhị phân"),
    "latin1.csv": ("Tỉnh Thành Phố\nTỉnh Nghệ An\n".encode("cp1258", errors="replace"), "Tệp không phải UTF-8"),
    "ma-so-mu.csv": ("Tỉnh Thành Phố,Mã TP\nTỉnh Nghệ An,4²\n".encode(), "cột «Mã TP»: «4²» không phải mã 2 chữ số"),
}


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_a_damaged_csv_gets_a_clear_message_on_the_page_and_in_the_command(client, app_communes, tmp_path, name):
    data, message = DAMAGED[name]
    client.force_login(make_site_admin())
    response = client.post(reverse("area_import"), {"file": SimpleUploadedFile(name, data, "text/csv")})
    assert response.status_code == 400 and message in response.content.decode()
    path = tmp_path / name
    path.write_bytes(data)
    err = StringIO()
    with pytest.raises(CommandError, match=f"{name}: 1 lỗi; không lưu gì"):
        call_command("import_areas", str(path), stderr=err)
    assert message in err.getvalue()
    assert not AdminArea.objects.exclude(name="Vinh").exists()
    assert not LogEntry.objects.filter(action="areas.imported").exists()


def test_a_file_over_5_mb_is_refused_unread_by_the_page_and_by_the_command(client, app_communes, tmp_path):
    big = NGHE_AN.read_bytes() + b"\n" * (5 * 1024 * 1024)  # a valid list padded past the 5 MB limit
    client.force_login(make_site_admin())
    response = client.post(reverse("area_import"), {"file": SimpleUploadedFile("lon.csv", big, "text/csv")})
    assert response.status_code == 400
    assert "«lon.csv» lớn hơn 5 MB, quá lớn cho một danh mục đơn vị hành chính." in response.content.decode()
    path = tmp_path / "lon.csv"
    path.write_bytes(big)
    with pytest.raises(CommandError, match="«lon.csv» lớn hơn 5 MB"):
        call_command("import_areas", str(path))
    assert not AdminArea.objects.filter(code="40").exists()


def test_the_command_prints_its_counts_with_thousands_dots(db, tmp_path):
    # 1,200 communes listed under one district, none in the app: the summary says "1.200" (vi-VN), as pages do.
    lines = ["Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp"]
    lines += [f"Tỉnh Nghệ An,40,Huyện Nam Đàn,429,Xã Thử {n},{20000 + n},Xã" for n in range(1200)]
    big = tmp_path / "nhieu-xa.csv"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = StringIO()
    call_command("import_areas", str(big), stdout=out)
    assert "nhieu-xa.csv: tạo mới 2 đơn vị, cập nhật 0, gắn 0 xã/phường; 1.200 xã/phường trong tệp chưa dùng" \
        in out.getvalue()
